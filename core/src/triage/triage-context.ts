import type { AssetInput, AssetMatch, LatLon, OpenTaskMatch, WardHit } from '../geo';
import type { Officer, RoutingRule, TaskType } from '../model';
import type { CouncilSettings } from '../settings';
import { OfficerDirectory } from './officer-directory';
import { PriorityPolicy } from './priority';
import { defaultPriorityRules } from './priority-rules';
import type { PriorityRules } from './priority-rules';
import { Router } from './routing';
import { workingCalendarFor } from './working-calendar';
import type { WorkingCalendar } from './working-calendar';

/** What triage needs of core/geo's indexes (WardIndex, AssetIndex, OpenTaskIndex satisfy these). */
export interface WardLookup {
  wardAt(p: LatLon): WardHit | undefined;
}
export interface AssetLookup {
  nearest(p: LatLon, radiusMetres: number): AssetMatch | undefined;
}
export interface OpenTaskLookup {
  nearby(p: LatLon, taskType: string, radiusMetres: number, reportedSince?: string): OpenTaskMatch[];
  /** Each open job of the type within the radius, unsorted, with its report time in epoch ms. */
  forEachNearby(p: LatLon, taskType: string, radiusMetres: number, visit: (task: OpenTaskMatch['task'], distanceMetres: number, reportedAt: number) => void): void;
}

/** Everything triage reads, built once and kept in memory: triage itself does no I/O. */
export interface TriageContext {
  wards: WardLookup;
  assets: AssetLookup;
  /** Assets by the council's own id, for reports that name their asset. */
  assetsByExternalId: ReadonlyMap<string, AssetInput>;
  openTasks: OpenTaskLookup;
  /** Active task types by code. */
  taskTypes: ReadonlyMap<string, TaskType>;
  router: Router;
  people: OfficerDirectory;
  priority: PriorityPolicy;
  settings: CouncilSettings;
  calendar: WorkingCalendar;
  clock: () => Date;
  /** The reference of an open job by id, for explaining duplicates. */
  referenceOf?: (taskId: string) => string | undefined;
}

export interface TriageContextOptions {
  wards: WardLookup;
  assets: AssetLookup;
  assetsByExternalId?: ReadonlyMap<string, AssetInput>;
  openTasks: OpenTaskLookup;
  taskTypes: readonly TaskType[];
  routingRules: readonly RoutingRule[];
  officers: readonly Officer[];
  /** Open jobs held by each officer id. */
  openJobCounts?: ReadonlyMap<string, number>;
  settings: CouncilSettings;
  calendar?: WorkingCalendar;
  priorityRules?: PriorityRules;
  clock?: () => Date;
  referenceOf?: (taskId: string) => string | undefined;
}

/** Builds a triage context from reference rows and indexes. */
export function createTriageContext(options: TriageContextOptions): TriageContext {
  return {
    wards: options.wards,
    assets: options.assets,
    assetsByExternalId: options.assetsByExternalId ?? new Map(),
    openTasks: options.openTasks,
    taskTypes: new Map(options.taskTypes.filter((t) => t.active).map((t) => [t.code.toLowerCase(), t])),
    router: new Router(options.routingRules),
    people: new OfficerDirectory(options.officers, options.openJobCounts),
    priority: new PriorityPolicy(options.priorityRules ?? defaultPriorityRules),
    settings: options.settings,
    calendar: options.calendar ?? workingCalendarFor(options.settings),
    clock: options.clock ?? (() => new Date()),
    referenceOf: options.referenceOf,
  };
}
