import * as React from 'react';
import type { Priority } from '@wardline/core/model';
import { jobLabels, priorityLabel } from './labels';
import type { CardClasses } from './styles';

/** The priority in words ("Urgent"), with colour as a second cue only. */
export const PriorityBadge: React.FC<{ priority: Priority; classes: CardClasses }> = ({ priority, classes }) => (
  <span className={classes[priority]} aria-label={`${jobLabels.priority}: ${priorityLabel(priority)}`}>
    {priorityLabel(priority)}
  </span>
);
