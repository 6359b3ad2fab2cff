import { JobColumns } from '../ManifestConstants';
import { toPriority, toTaskStatus } from './choices';
import type { JobCardData } from './job';

type EntityRecord = ComponentFramework.PropertyHelper.DataSetApi.EntityRecord;
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
export function jobFromRecord(record: EntityRecord): JobCardData {
  const id = record.getRecordId();
  return {
    id,
    title: text(record, JobColumns.Title) ?? id,
    reference: text(record, JobColumns.Reference),
    taskType: text(record, JobColumns.TaskType),
    status: toTaskStatus(record.getValue(JobColumns.Status) ?? record.getFormattedValue(JobColumns.Status)),
    priority: toPriority(record.getValue(JobColumns.Priority) ?? record.getFormattedValue(JobColumns.Priority)),
    dueBy: date(record.getValue(JobColumns.DueBy)),
    ward: text(record, JobColumns.Ward),
    address: text(record, JobColumns.Address),
    assignedOfficer: text(record, JobColumns.AssignedOfficer),
    photos: [],
    lastUpdate: null,
  };
}

/** The page of jobs the host has loaded, in the view's order. */
export function jobsFromDataset(dataset: ComponentFramework.PropertyTypes.DataSet): JobCardData[] {
  return dataset.sortedRecordIds.map((id) => dataset.records[id]).filter((r): r is EntityRecord => r !== undefined).map(jobFromRecord);
}
