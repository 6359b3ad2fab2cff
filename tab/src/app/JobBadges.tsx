import { Badge } from '@fluentui/react-components';
import type { Job } from './types';

const PRIORITY_COLOUR: Record<string, 'danger' | 'warning' | 'informative' | 'subtle'> = { urgent: 'danger', high: 'warning', normal: 'informative', low: 'subtle' };

/** Status, priority and overdue, as badges with words (never colour alone). */
export function JobBadges({ job }: { job: Job }) {
  return (
    <span className="wl-badges">
      <Badge appearance="tint" color={job.open ? 'brand' : 'subtle'}>{job.statusLabel}</Badge>
      {job.priority ? <Badge appearance="tint" color={PRIORITY_COLOUR[job.priority] ?? 'informative'}>{job.priorityLabel} priority</Badge> : null}
      {job.overdue ? <Badge appearance="filled" color="danger">Overdue</Badge> : null}
      {job.councillorRaised ? <Badge appearance="outline" color="informative">Raised by a councillor</Badge> : null}
    </span>
  );
}
