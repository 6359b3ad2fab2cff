import * as React from 'react';
import { describeDueBy } from './due-by';
import { DueBy } from './DueBy';
import type { JobCardData } from './job';
import { jobLabels, statusLabel } from './labels';
import { PriorityBadge } from './PriorityBadge';
import { useCardStyles, type CardClasses } from './styles';

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

/** One job as a card (field mode): works out the card classes, then draws JobCardView. */
export const JobCard: React.FC<JobCardProps> = (props) => <JobCardView {...props} classes={useCardStyles()} />;

/**
 * One job: title, type, priority and status, due-by countdown, ward and address, photos, officer,
 * last update. Plain semantic elements styled with Fluent tokens; the list hands every card the
 * same classes, and a card re-renders only when what it shows changes.
 */
export const JobCardView = React.memo(function JobCardView({ job, now, onOpen, selected, onSelectedChange, disabled, headingLevel = 3, classes }: JobCardProps & { classes: CardClasses }) {
  const due = describeDueBy(job.dueBy, job.status, now);
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  const rows: [string, React.ReactNode][] = [[jobLabels.dueBy, <DueBy due={due} dueBy={job.dueBy} classes={classes} key="due" />]];
  if (job.ward) rows.push([jobLabels.ward, job.ward]);
  if (job.address) rows.push([jobLabels.address, job.address]);
  rows.push([jobLabels.assignedOfficer, job.assignedOfficer ?? 'Not assigned']);
  if (job.lastUpdate) rows.push(['Last update', job.lastUpdate]);
  return (
    <div className={classes.card} role="group" aria-label={`${jobLabels.job}: ${job.title}`}>
      <div className={classes.header}>
        <div>
          <Heading className={classes.heading}>
            {onOpen ? (
              <button type="button" className={classes.titleButton} onClick={() => onOpen(job)}>
                {job.title}
              </button>
            ) : (
              job.title
            )}
          </Heading>
          <span className={classes.description}>{[job.reference, job.taskType].filter(Boolean).join(' · ') || jobLabels.taskType + ' not set'}</span>
        </div>
        {onSelectedChange && (
          <input type="checkbox" className={classes.select} checked={selected ?? false} disabled={disabled} aria-label={`Select ${job.title}`} onChange={(event) => onSelectedChange(job, event.currentTarget.checked)} />
        )}
      </div>
      {(job.priority || job.status) && (
        <div className={classes.badges}>
          {job.priority && <PriorityBadge priority={job.priority} classes={classes} />}
          {job.status && (
            <span className={classes.status} aria-label={`${jobLabels.status}: ${statusLabel(job.status)}`}>
              {statusLabel(job.status)}
            </span>
          )}
        </div>
      )}
      <dl className={classes.fields}>
        {rows.map(([term, detail]) => (
          <React.Fragment key={term}>
            <dt className={classes.term}>{term}</dt>
            <dd className={classes.detail}>{detail}</dd>
          </React.Fragment>
        ))}
      </dl>
      {job.photos.length > 0 && (
        <ul className={classes.photos} aria-label="Photos">
          {job.photos.map((url, i) => (
            <li key={url}>
              <img className={classes.photo} src={url} alt={`Photo ${i + 1} of ${job.photos.length}`} loading="lazy" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}, sameCard);

function sameCard(a: JobCardProps & { classes: CardClasses }, b: JobCardProps & { classes: CardClasses }): boolean {
  return (
    sameJob(a.job, b.job) &&
    // Every update brings a new `now`; the card changes only if its countdown's words do.
    (a.now.getTime() === b.now.getTime() || describeDueBy(a.job.dueBy, a.job.status, a.now).text === describeDueBy(b.job.dueBy, b.job.status, b.now).text) &&
    a.onOpen === b.onOpen &&
    a.selected === b.selected &&
    a.onSelectedChange === b.onSelectedChange &&
    a.disabled === b.disabled &&
    a.headingLevel === b.headingLevel &&
    a.classes === b.classes
  );
}

/** The host hands over fresh records on every update: compare what a card shows, not identity. */
function sameJob(a: JobCardData, b: JobCardData): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.title === b.title &&
      a.reference === b.reference &&
      a.taskType === b.taskType &&
      a.status === b.status &&
      a.priority === b.priority &&
      a.dueBy?.getTime() === b.dueBy?.getTime() &&
      a.ward === b.ward &&
      a.address === b.address &&
      a.assignedOfficer === b.assignedOfficer &&
      a.lastUpdate === b.lastUpdate &&
      a.photos.join('\n') === b.photos.join('\n'))
  );
}
