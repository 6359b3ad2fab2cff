import * as React from 'react';
import { Badge, Tooltip } from '@fluentui/react-components';
import type { DueByText } from './due-by';
import { useCardStyles } from './styles';

/** The countdown as words; an overdue job also gets an "Overdue" badge with a warning sign. */
export const DueBy: React.FC<{ due: DueByText }> = ({ due }) => {
  const styles = useCardStyles();
  if (due.state === 'none') return <span>{due.text}</span>;
  const words = (
    <span className={due.state === 'overdue' ? styles.overdue : undefined}>
      {due.state === 'overdue' && (
        <Badge appearance="filled" color="danger" shape="rounded" style={{ marginInlineEnd: '0.5em' }}>
          <span aria-hidden="true">⚠&nbsp;</span>Overdue
        </Badge>
      )}
      {due.text}
    </span>
  );
  return due.exact ? (
    <Tooltip content={due.exact} relationship="description">
      <span tabIndex={0}>{words}</span>
    </Tooltip>
  ) : (
    words
  );
};
