import * as React from 'react';
import { Button, Label, Select, Text, useId } from '@fluentui/react-components';
import { JobCardView } from './JobCard';
import type { JobCardData } from './job';
import { jobLabels } from './labels';
import { sortChoices, sortKey, type SortChoice } from './sorting';
import { useCardStyles, useGridStyles } from './styles';

export interface PageInfo {
  /** 1-based number of the first card on this page. */
  first: number;
  last: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export interface JobCardGridProps {
  title: string;
  jobs: JobCardData[];
  now: Date;
  selectedIds: readonly string[];
  sort: SortChoice | undefined;
  page: PageInfo;
  disabled: boolean;
  onOpen: (job: JobCardData) => void;
  onSelectionChange: (ids: string[]) => void;
  onSortChange: (choice: SortChoice) => void;
  onPreviousPage: () => void;
  onNextPage: () => void;
  /** Adds the next page below the cards already shown (a long view read as one list). */
  onShowMore: () => void;
}

/** Dataset mode: a responsive grid of cards with sort, selection and paging (page by page, or more below). */
export const JobCardGrid: React.FC<JobCardGridProps> = (props) => {
  const styles = useGridStyles();
  // One set of card classes for the whole list, and callbacks that keep their identity between
  // updates, so each memoised card renders again only when what it shows changes.
  const cardClasses = useCardStyles();
  const sortId = useId('sort');
  const { jobs, selectedIds, page } = props;
  const latest = React.useRef(props);
  latest.current = props;
  const open = React.useCallback((job: JobCardData) => latest.current.onOpen(job), []);
  const toggle = React.useCallback((job: JobCardData, selected: boolean): void => {
    const rest = latest.current.selectedIds.filter((id) => id !== job.id);
    latest.current.onSelectionChange(selected ? [...rest, job.id] : rest);
  }, []);
  const selected = new Set(selectedIds);
  const countText = page.total > 0 ? `Showing ${page.first} to ${page.last} of ${page.total} ${jobLabels.jobs.toLowerCase()}` : `${jobs.length} ${jobLabels.jobs.toLowerCase()}`;
  return (
    <section className={styles.root} aria-label={props.title}>
      <div className={styles.toolbar}>
        <div className={styles.sort}>
          <Label htmlFor={sortId}>Sort by</Label>
          <Select
            id={sortId}
            value={props.sort ? sortKey(props.sort) : ''}
            onChange={(_e, data) => {
              const choice = sortChoices.find((c) => sortKey(c) === data.value);
              if (choice) props.onSortChange(choice);
            }}
          >
            {!props.sort && <option value="">The view&apos;s order</option>}
            {sortChoices.map((c) => (
              <option key={sortKey(c)} value={sortKey(c)}>
                {c.label}
              </option>
            ))}
          </Select>
        </div>
        <Text role="status" aria-live="polite">
          {selectedIds.length > 0 ? `${selectedIds.length} selected. ` : ''}
          {countText}
        </Text>
      </div>
      <ul className={styles.grid} aria-label={props.title}>
        {jobs.map((job) => (
          <li key={job.id} className={styles.item}>
            <JobCardView job={job} now={props.now} onOpen={open} selected={selected.has(job.id)} onSelectedChange={toggle} disabled={props.disabled} classes={cardClasses} />
          </li>
        ))}
      </ul>
      {(page.hasPrevious || page.hasNext) && (
        <nav className={styles.pager} aria-label={`${jobLabels.jobs} pages`}>
          <Button onClick={props.onPreviousPage} disabled={!page.hasPrevious}>
            Previous page
          </Button>
          {page.hasNext && <Button onClick={props.onShowMore}>Show more {jobLabels.jobs.toLowerCase()}</Button>}
          <Button appearance="primary" onClick={props.onNextPage} disabled={!page.hasNext}>
            Next page
          </Button>
        </nav>
      )}
    </section>
  );
};
