import { logicalName } from '@wardline/core/model';
import { JobColumns } from '../ManifestConstants';
import { toPriority, toTaskStatus } from './choices';
import type { JobCardData } from './job';

type EntityRecord = ComponentFramework.PropertyHelper.DataSetApi.EntityRecord;
type Column = ComponentFramework.PropertyHelper.DataSetApi.Column;

/** Where each card field is read from: the data-set property's name, or a job-table column. */
export type ColumnNames = Readonly<Record<JobColumns, string>>;

const cardFields: readonly JobColumns[] = [
  JobColumns.Title, JobColumns.Reference, JobColumns.TaskType, JobColumns.Status, JobColumns.Priority,
  JobColumns.DueBy, JobColumns.Ward, JobColumns.Address, JobColumns.AssignedOfficer,
];

/** Each card field read under its own name (a maker mapped it, or a host that names columns so). */
export const mappedColumns: ColumnNames = Object.fromEntries(cardFields.map((field) => [field, field])) as ColumnNames;

/**
 * Which column to read for each card field: the maker's mapping when there is one; otherwise the
 * job table's own column of that name when the view lists it (wl_title, wl_dueby, …), so the
 * shipped job form's subgrid shows full cards before anyone maps a column.
 */
export function columnNamesFor(columns: readonly Column[]): ColumnNames {
  const listed = new Set(columns.flatMap((c) => [c.alias, c.name]));
  return Object.fromEntries(cardFields.map((field) => {
    if (listed.has(field)) return [field, field];
    const own = columns.find((c) => c.name === logicalName(field));
    return [field, own ? own.alias || own.name : field];
  })) as ColumnNames;
}
type CellValue = ReturnType<EntityRecord['getValue']> | null | undefined;

/** Text of a cell: the host's formatted value, else a lookup's name, else the raw text. */
function text(record: EntityRecord, column: string): string | null {
  const formatted = record.getFormattedValue(column);
  if (formatted) return formatted;
  const value: CellValue = record.getValue(column);
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return null;
  if (typeof value === 'object' && 'name' in value) return value.name ?? null;
  return String(value);
}

function date(value: CellValue): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && value) {
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  }
  return null;
}

/** A dataset record as a card: choices become model keys, lookups their names. Pure; no React. */
export function jobFromRecord(record: EntityRecord, columns: ColumnNames = mappedColumns): JobCardData {
  const id = record.getRecordId();
  return {
    id,
    title: text(record, columns.title) ?? id,
    reference: text(record, columns.reference),
    taskType: text(record, columns.taskType),
    status: toTaskStatus(record.getValue(columns.status) ?? record.getFormattedValue(columns.status)),
    priority: toPriority(record.getValue(columns.priority) ?? record.getFormattedValue(columns.priority)),
    dueBy: date(record.getValue(columns.dueBy)),
    ward: text(record, columns.ward),
    address: text(record, columns.address),
    assignedOfficer: text(record, columns.assignedOfficer),
    photos: [],
    lastUpdate: null,
  };
}

/** The page of jobs the host has loaded, in the view's order. */
export function jobsFromDataset(dataset: ComponentFramework.PropertyTypes.DataSet): JobCardData[] {
  const columns = columnNamesFor(dataset.columns);
  return dataset.sortedRecordIds.map((id) => dataset.records[id]).filter((r): r is EntityRecord => r !== undefined).map((record) => jobFromRecord(record, columns));
}
