import * as React from 'react';
import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { Priority } from '@wardline/core/model';
import { jobLabels, priorityLabel } from './labels';

const colours: Record<Priority, BadgeProps['color']> = { urgent: 'danger', high: 'warning', normal: 'informative', low: 'subtle' };

/** The priority in words ("Urgent"), with colour as a second cue only. */
export const PriorityBadge: React.FC<{ priority: Priority }> = ({ priority }) => (
  <Badge appearance={priority === 'urgent' ? 'filled' : 'tint'} color={colours[priority]} shape="rounded" aria-label={`${jobLabels.priority}: ${priorityLabel(priority)}`}>
    {priorityLabel(priority)}
  </Badge>
);
