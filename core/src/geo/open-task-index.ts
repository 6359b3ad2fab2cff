import RBush from 'rbush';
import { assertRadius } from './asset-index';
import { gridDistance, toBritishNationalGrid } from './british-national-grid';
import { InvalidDateError } from './errors';
import { assertLatLon, type LatLon } from './lat-lon';

/** An open job as the duplicate check needs it. */
export interface OpenTaskPoint {
  id: string;
  taskType: string;
  latitude: number;
  longitude: number;
  /** ISO 8601 date and time the job was reported. */
  reportedOn: string;
}

export interface OpenTaskMatch {
  task: OpenTaskPoint;
  /** Metres on the British National Grid (see distanceMetres). */
  distanceMetres: number;
}

interface Entry {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  task: OpenTaskPoint;
  reportedAt: number;
}

/**
 * Open jobs by position, for the duplicate check: one R-tree (rbush) per task type over British
 * National Grid metres, so a search only meets jobs of the type asked for. Jobs are added as they
 * open and removed as they close; adding an id again replaces the earlier entry.
 */
export class OpenTaskIndex {
  private readonly byType = new Map<string, RBush<Entry>>();
  private readonly byId = new Map<string, Entry>();
  // Triage asks with the same window for report after report: parse it once.
  private lastSince: { text: string; time: number } = { text: '', time: Number.NaN };

  /** Number of open jobs in the index. */
  get size(): number {
    return this.byId.size;
  }

  /** Adds a job, or moves it if its id is already indexed. */
  add(task: OpenTaskPoint): void {
    assertLatLon(task, `job "${task.id}"`);
    const reportedAt = parseInstant(task.reportedOn, `job "${task.id}" reportedOn`);
    this.remove(task.id);
    const { easting, northing } = toBritishNationalGrid(task);
    // Only what the check needs: callers pass whole jobs, and a copy of each would keep every
    // open job's text in memory (and make each new job's survival dearer for the collector).
    const point: OpenTaskPoint = Object.freeze({ id: task.id, taskType: task.taskType, latitude: task.latitude, longitude: task.longitude, reportedOn: task.reportedOn });
    const entry: Entry = { minX: easting, minY: northing, maxX: easting, maxY: northing, task: point, reportedAt };
    let tree = this.byType.get(task.taskType);
    if (!tree) {
      tree = new RBush<Entry>();
      this.byType.set(task.taskType, tree);
    }
    tree.insert(entry);
    this.byId.set(task.id, entry);
  }

  /** Removes a job; returns whether it was indexed. */
  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.byType.get(entry.task.taskType)?.remove(entry);
    this.byId.delete(id);
    return true;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Open jobs of the task type within the radius, reported at or after `reportedSince` when given,
   * nearest first (equal distances by id).
   */
  nearby(p: LatLon, taskType: string, radiusMetres: number, reportedSince?: string): OpenTaskMatch[] {
    assertRadius(radiusMetres);
    const since = reportedSince === undefined ? -Infinity : this.parseSince(reportedSince);
    const tree = this.byType.get(taskType);
    if (!tree) return [];
    const { easting, northing } = toBritishNationalGrid(p);
    const matches: OpenTaskMatch[] = [];
    for (const entry of tree.search({ minX: easting - radiusMetres, minY: northing - radiusMetres, maxX: easting + radiusMetres, maxY: northing + radiusMetres })) {
      if (entry.reportedAt < since) continue;
      const distance = gridDistance(entry.minX, entry.minY, easting, northing);
      if (distance <= radiusMetres) matches.push({ task: entry.task, distanceMetres: distance });
    }
    return matches.sort((a, b) => a.distanceMetres - b.distanceMetres || (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0));
  }

  /**
   * Calls `visit` for every open job of the type within the radius, in no particular order and
   * without copying or sorting: triage's hot path, which wants only the nearest match and a count.
   */
  forEachNearby(p: LatLon, taskType: string, radiusMetres: number, visit: (task: OpenTaskPoint, distanceMetres: number, reportedAt: number) => void): void {
    assertRadius(radiusMetres);
    const tree = this.byType.get(taskType);
    if (!tree) return;
    const { easting, northing } = toBritishNationalGrid(p);
    for (const entry of tree.search({ minX: easting - radiusMetres, minY: northing - radiusMetres, maxX: easting + radiusMetres, maxY: northing + radiusMetres })) {
      const distance = gridDistance(entry.minX, entry.minY, easting, northing);
      if (distance <= radiusMetres) visit(entry.task, distance, entry.reportedAt);
    }
  }

  private parseSince(text: string): number {
    if (text !== this.lastSince.text) this.lastSince = { text, time: parseInstant(text, 'reportedSince') };
    return this.lastSince.time;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Milliseconds since the epoch of an ISO 8601 date and time. A time without an offset is read as
 * UTC (as SQLite writes it), never as the machine's local time; a bare date is midnight UTC.
 */
function parseInstant(value: string, subject: string): number {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  const hasTimeWithoutOffset = match !== null && value.length > 10 && !/(?:Z|[+-]\d{2}:?\d{2})$/.test(value);
  const time = match ? Date.parse(hasTimeWithoutOffset ? `${value.replace(' ', 'T')}Z` : value.replace(' ', 'T')) : Number.NaN;
  if (Number.isNaN(time)) throw new InvalidDateError(subject, String(value));
  return time;
}
