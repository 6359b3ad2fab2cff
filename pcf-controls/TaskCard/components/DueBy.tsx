import * as React from 'react';
import { Badge } from '@fluentui/react-components';
import type { DueByText } from './due-by';
import { useCardStyles } from './styles';

/**
 * The countdown in words; an overdue job also gets an "Overdue" badge with a warning sign. The
 * exact time is the <time> element's title and is read out after the words. (A Fluent Tooltip per
 * card cost more than the rest of the card when a view shows hundreds.)
 */
export const DueBy: React.FC<{ due: DueByText; dueBy: Date | null }> = ({ due, dueBy }) => {
  const styles = useCardStyles();
  if (due.state === 'none' || !dueBy) return <span>{due.text}</span>;
  return (
    <time dateTime={dueBy.toISOString()} title={due.exact} className={due.state === 'overdue' ? styles.overdue : undefined}>
      {due.state === 'overdue' && (
        <Badge appearance="filled" color="danger" shape="rounded" style={{ marginInlineEnd: '0.5em' }}>
          <span aria-hidden="true">⚠&nbsp;</span>Overdue
        </Badge>
      )}
      {due.text}
      {due.state !== 'closed' && <span className={styles.visuallyHidden}>, {due.exact}</span>}
    </time>
  );
};
