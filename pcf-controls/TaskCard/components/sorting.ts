import { JobColumns } from '../ManifestConstants';
import { jobLabels } from './labels';

type SortStatus = ComponentFramework.PropertyHelper.DataSetApi.SortStatus;

export interface SortChoice {
  column: JobColumns;
  /** 0 ascending, 1 descending (the host's SortDirection). */
  direction: 0 | 1;
  label: string;
}

/** What a supervisor sorts a queue by. Priority ascending is most urgent first (option order). */
export const sortChoices: readonly SortChoice[] = [
  { column: JobColumns.DueBy, direction: 0, label: `${jobLabels.dueBy}: soonest first` },
  { column: JobColumns.DueBy, direction: 1, label: `${jobLabels.dueBy}: latest first` },
  { column: JobColumns.Priority, direction: 0, label: `${jobLabels.priority}: most urgent first` },
  { column: JobColumns.Status, direction: 0, label: `${jobLabels.status}` },
  { column: JobColumns.Title, direction: 0, label: `${jobLabels.title}: A to Z` },
];

export const sortKey = (choice: Pick<SortChoice, 'column' | 'direction'>): string => `${choice.column}:${choice.direction}`;

/** The view's current sort as one of the choices, or undefined when the view sorts otherwise. */
export function currentSort(sorting: readonly SortStatus[], columns?: Readonly<Record<JobColumns, string>>): SortChoice | undefined {
  const first = sorting[0];
  if (!first) return undefined;
  return sortChoices.find((c) => (columns ? columns[c.column] : c.column) === first.name && c.direction === (first.sortDirection === 1 ? 1 : 0));
}
