import { closedStatuses, openStatuses, type Store, type Task } from '@wardline/core';
import type { Directory } from './directory';

const DAY_MS = 86_400_000;
/** Hotspot cells are about 150 m square (0.00135° of latitude); a hotspot is 3 or more open jobs of one type in a cell. */
const CELL_DEGREES = 0.00135;
const HOTSPOT_MIN = 3;

export interface WardFigures {
  wardId: string;
  wardName: string;
  open: number;
  overdue: number;
  /** Completed in the last 90 days. */
  completed90: number;
  /** Median days from report to completion, by task type, over jobs completed in the last 90 days. */
  medianDaysByType: { taskType: string; taskTypeName: string; jobs: number; medianDays: number }[];
  /** Places where the same type of job keeps coming back (open jobs, about 150 m cells). */
  hotspots: { taskType: string; taskTypeName: string; jobs: number; latitude: number; longitude: number; references: string[] }[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * A ward's figures from indexed queries only: counts by ward+status, overdue by ward+status+due,
 * completions by ward+status narrowed to rows changed in the last 90 days, hotspots from open jobs.
 */
export async function wardFigures(store: Store, wardId: string, directory: Directory, now: Date): Promise<WardFigures> {
  const wardIds = [wardId];
  const since = new Date(now.getTime() - 90 * DAY_MS).toISOString();
  const [open, overdue, completed] = await Promise.all([
    store.listTasks({ wardIds, statuses: [...openStatuses], orderBy: 'reportedOn' }),
    store.listTasks({ wardIds, statuses: [...openStatuses], overdueAt: now.toISOString(), limit: 0 }),
    store.listTasks({ wardIds, statuses: closedStatuses.filter((s) => s === 'completed'), modifiedSince: since }),
  ]);
  const typeName = (id: string): string => directory.taskTypes.get(id)?.name ?? 'Unknown type';
  const days = new Map<string, number[]>();
  let completed90 = 0;
  for (const task of completed.items) {
    if (!task.completedOn || task.completedOn < since) continue;
    completed90 += 1;
    const list = days.get(task.taskType) ?? [];
    list.push((Date.parse(task.completedOn) - Date.parse(task.reportedOn)) / DAY_MS);
    days.set(task.taskType, list);
  }
  const medianDaysByType = [...days].map(([taskType, values]) => ({ taskType, taskTypeName: typeName(taskType), jobs: values.length, medianDays: Math.round(median(values) * 10) / 10 }))
    .sort((a, b) => b.jobs - a.jobs || a.taskTypeName.localeCompare(b.taskTypeName));
  return { wardId, wardName: directory.wards.get(wardId)?.name ?? wardId, open: open.total, overdue: overdue.total, completed90, medianDaysByType, hotspots: hotspots(open.items, typeName) };
}

function hotspots(open: readonly Task[], typeName: (id: string) => string): WardFigures['hotspots'] {
  const cells = new Map<string, Task[]>();
  for (const task of open) {
    const key = `${task.taskType}|${Math.floor(task.latitude / CELL_DEGREES)}|${Math.floor(task.longitude / (CELL_DEGREES * 1.6))}`;
    const list = cells.get(key) ?? [];
    list.push(task);
    cells.set(key, list);
  }
  return [...cells.values()].filter((jobs) => jobs.length >= HOTSPOT_MIN).map((jobs) => ({
    taskType: jobs[0].taskType, taskTypeName: typeName(jobs[0].taskType), jobs: jobs.length,
    latitude: jobs.reduce((s, j) => s + j.latitude, 0) / jobs.length, longitude: jobs.reduce((s, j) => s + j.longitude, 0) / jobs.length,
    references: jobs.slice(0, 10).map((j) => j.reference),
  })).sort((a, b) => b.jobs - a.jobs).slice(0, 20);
}
