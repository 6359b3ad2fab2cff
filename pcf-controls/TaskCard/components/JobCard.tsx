import * as React from 'react';
import { Badge, Button, Card, CardHeader, Checkbox, Text } from '@fluentui/react-components';
import { describeDueBy } from './due-by';
import { DueBy } from './DueBy';
import type { JobCardData } from './job';
import { jobLabels, statusLabel } from './labels';
import { PriorityBadge } from './PriorityBadge';
import { useCardStyles } from './styles';

export interface JobCardProps {
  job: JobCardData;
  now: Date;
  /** Dataset mode: the title opens the record. */
  onOpen?: (job: JobCardData) => void;
  /** Dataset mode: a checkbox selects the card. */
  selected?: boolean;
  onSelectedChange?: (job: JobCardData, selected: boolean) => void;
  disabled?: boolean;
  /** Heading level for the title, so cards fit the page outline. */
  headingLevel?: 2 | 3;
}

/** One job: title, type, priority and status, due-by countdown, ward and address, photos, officer, last update. */
export const JobCard: React.FC<JobCardProps> = ({ job, now, onOpen, selected, onSelectedChange, disabled, headingLevel = 3 }) => {
  const styles = useCardStyles();
  const due = describeDueBy(job.dueBy, job.status, now);
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  const title = onOpen ? (
    <Button appearance="transparent" className={styles.titleButton} onClick={() => onOpen(job)}>
      {job.title}
    </Button>
  ) : (
    job.title
  );
  const rows: [string, React.ReactNode][] = [];
  rows.push([jobLabels.dueBy, <DueBy due={due} dueBy={job.dueBy} key="due" />]);
  if (job.ward) rows.push([jobLabels.ward, job.ward]);
  if (job.address) rows.push([jobLabels.address, job.address]);
  rows.push([jobLabels.assignedOfficer, job.assignedOfficer ?? 'Not assigned']);
  if (job.lastUpdate) rows.push(['Last update', job.lastUpdate]);
  return (
    <Card className={styles.card} appearance="outline" aria-label={`${jobLabels.job}: ${job.title}`} role="group">
      <CardHeader
        header={<Heading className={styles.heading}>{title}</Heading>}
        description={
          <Text size={200}>
            {[job.reference, job.taskType].filter(Boolean).join(' · ') || jobLabels.taskType + ' not set'}
          </Text>
        }
        action={
          onSelectedChange ? (
            <Checkbox checked={selected ?? false} disabled={disabled} aria-label={`Select ${job.title}`} onChange={(_e, data) => onSelectedChange(job, data.checked === true)} />
          ) : undefined
        }
      />
      <div className={styles.badges}>
        {job.priority && <PriorityBadge priority={job.priority} />}
        {job.status && (
          <Badge appearance="outline" color="brand" shape="rounded" aria-label={`${jobLabels.status}: ${statusLabel(job.status)}`}>
            {statusLabel(job.status)}
          </Badge>
        )}
      </div>
      <dl className={styles.fields}>
        {rows.map(([term, detail]) => (
          <React.Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </React.Fragment>
        ))}
      </dl>
      {job.photos.length > 0 && (
        <ul className={styles.photos} aria-label="Photos">
          {job.photos.map((url, i) => (
            <li key={url}>
              <img className={styles.photo} src={url} alt={`Photo ${i + 1} of ${job.photos.length}`} loading="lazy" />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
};
