import * as React from 'react';
import type { DueByText } from './due-by';
import type { CardClasses } from './styles';

/**
 * The countdown in words; an overdue job also gets an "Overdue" badge with a warning sign. The
 * exact time is the <time> element's title and is read out after the words. (A Fluent Tooltip per
 * card cost more than the rest of the card when a view shows hundreds.)
 */
export const DueBy: React.FC<{ due: DueByText; dueBy: Date | null; classes: CardClasses }> = ({ due, dueBy, classes }) => {
  if (due.state === 'none' || !dueBy) return <span>{due.text}</span>;
  return (
    <time dateTime={dueBy.toISOString()} title={due.exact} className={due.state === 'overdue' ? classes.overdue : undefined}>
      {due.state === 'overdue' && (
        <span className={classes.overdueBadge}>
          <span aria-hidden="true">⚠&nbsp;</span>Overdue
        </span>
      )}
      {due.text}
      {due.state !== 'closed' && <span className={classes.visuallyHidden}>, {due.exact}</span>}
    </time>
  );
};
