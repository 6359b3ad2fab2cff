import type {
  ApiKey, Asset, NewRow, Officer, OutboxChannel, OutboxEvent, Priority, RoutingRule, RowTypes, SourceChannel, Subscription,
  Task, TaskStatus, TaskType, TaskUpdate, Ward, WardMember, outboxTable, subscriptionTable, taskTable, taskUpdateTable,
} from '../model';

/**
 * The one Store interface. Two adapters implement it (SQLite, embedded; Dataverse Web API,
 * production) and one contract suite (store-contract.ts) runs against both.
 *
 * Writes that belong together are handed over whole (a job with its timeline and outbox events)
 * so each adapter can make them atomic: a SQLite transaction, a Dataverse $batch change set.
 */

export type NewTimelineEntry = Omit<NewRow<typeof taskUpdateTable>, 'task'> & { task?: string };
export type NewOutboxEvent = Omit<NewRow<typeof outboxTable>, 'status' | 'attempts' | 'nextAttemptOn'> & {
  status?: OutboxEvent['status'];
  attempts?: number;
  nextAttemptOn?: string;
};
export type NewSubscription = Omit<NewRow<typeof subscriptionTable>, 'task'> & { task?: string };

/** A new job and everything written with it, in one transaction. */
export interface TaskCreation {
  task: NewRow<typeof taskTable>;
  timeline: NewTimelineEntry[];
  outbox: NewOutboxEvent[];
  subscriptions?: NewSubscription[];
}

/**
 * One write of a batch (see Store.writeTasks): a new job, or a change to a job stored before or
 * created earlier in the same batch.
 */
export type TaskWrite = { create: TaskCreation; change?: never } | { change: TaskChange; create?: never };

export interface TaskCreationResult {
  task: Task;
  /** false when (sourceChannel, externalReference) already existed: the existing job is returned and nothing is written. */
  created: boolean;
}

/** A change to one job under optimistic concurrency, with what is written alongside it. */
export interface TaskChange {
  id: string;
  /** The row version the caller read; a different stored version raises StaleTaskError. */
  expectedRowVersion: number;
  set: Partial<Omit<Task, 'id' | 'createdOn' | 'modifiedOn' | 'rowVersion'>>;
  timeline?: NewTimelineEntry[];
  outbox?: NewOutboxEvent[];
  subscriptions?: NewSubscription[];
}

export interface TaskQuery {
  wardIds?: string[];
  statuses?: TaskStatus[];
  taskTypeIds?: string[];
  priorities?: Priority[];
  assignedOfficer?: string | null;
  assignedTeam?: string;
  sourceChannel?: SourceChannel;
  councillorRaised?: boolean;
  /** Only jobs with dueBy before this time that are still open. */
  overdueAt?: string;
  reportedFrom?: string;
  reportedTo?: string;
  modifiedSince?: string;
  /** Search in reference, title, address. */
  text?: string;
  bbox?: { minLatitude: number; minLongitude: number; maxLatitude: number; maxLongitude: number };
  orderBy?: 'reportedOn' | 'dueBy' | 'priority' | 'modifiedOn';
  descending?: boolean;
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * All-or-nothing load of reference data (every batch of one importRows call, or none).
 * `insert` adds rows; `upsert` updates rows matching `upsertKey` (default `id`) and adds the rest;
 * `replace` does the same and then removes every row not in the batch, so rows that stay keep
 * their id and whatever points to them.
 */
export interface ImportBatch<K extends keyof RowTypes = keyof RowTypes> {
  table: K;
  rows: NewRow<never>[] | Record<string, unknown>[];
  mode: 'insert' | 'upsert' | 'replace';
  /** Column whose value identifies an existing row for upsert (an alternate key column). */
  upsertKey?: string;
}

export interface OutboxClaim {
  now: string;
  /** How long the claimer holds the events before another dispatcher may take them. */
  leaseMs: number;
  limit: number;
  channels?: OutboxChannel[];
}

export interface StoreHealth {
  ok: boolean;
  kind: 'sqlite' | 'dataverse';
  location: string;
  schemaVersion: number;
  counts: Partial<Record<keyof RowTypes, number>>;
  pendingOutbox: number;
  detail?: string;
}

export interface Store {
  readonly kind: 'sqlite' | 'dataverse';
  health(): Promise<StoreHealth>;
  close(): Promise<void>;

  // Reference data
  listTaskTypes(): Promise<TaskType[]>;
  listWards(): Promise<Ward[]>;
  listWardMembers(filter?: { wardId?: string; councillorId?: string }): Promise<WardMember[]>;
  listAssets(): Promise<Asset[]>;
  listRoutingRules(): Promise<RoutingRule[]>;
  listOfficers(filter?: { role?: Officer['role']; team?: string }): Promise<Officer[]>;
  getOfficer(id: string): Promise<Officer | undefined>;
  getOfficerByEntraId(entraObjectId: string): Promise<Officer | undefined>;
  updateOfficer(id: string, set: Partial<Omit<Officer, 'id' | 'createdOn' | 'modifiedOn'>>): Promise<Officer>;
  /** Loads rows all-or-nothing; returns how many were written. */
  importRows(batches: ImportBatch[]): Promise<number>;

  // Jobs
  createTask(creation: TaskCreation): Promise<TaskCreationResult>;
  /** Creates many jobs in one transaction (legacy imports, benchmarks); idempotent per external reference. */
  createTasks(creations: TaskCreation[]): Promise<TaskCreationResult[]>;
  /**
   * Writes new jobs and changes, in order, in ONE transaction: all of them or (on any error, a
   * stale row version included) none. A batch of reports uses it: new jobs, and further reports
   * of open jobs (stored before or created earlier in the batch). A creation's result is as
   * createTask's; a change's is the job after it, with `created: false`. `writes` may be a
   * generator: an adapter draws each write when it is ready for it, so a caller can build a large
   * batch as it is written (an error the generator throws rolls the batch back like any other).
   */
  writeTasks(writes: Iterable<TaskWrite>): Promise<TaskCreationResult[]>;
  /**
   * Applies a change if the stored row version is still `expectedRowVersion` (else StaleTaskError,
   * nothing written). A change whose timeline carries a clientId already stored for this job is
   * treated as already applied: nothing is written and the job is returned as it stands.
   */
  updateTask(change: TaskChange): Promise<Task>;
  getTask(id: string): Promise<Task | undefined>;
  getTaskByReference(reference: string): Promise<Task | undefined>;
  getTaskByExternalReference(sourceChannel: SourceChannel, externalReference: string): Promise<Task | undefined>;
  listTasks(query: TaskQuery): Promise<Page<Task>>;
  /** Open jobs (new to on hold) for the duplicate index. */
  listOpenTasks(): Promise<Task[]>;
  getTimeline(taskId: string): Promise<TaskUpdate[]>;
  getTimelineEntryByClientId(clientId: string): Promise<TaskUpdate | undefined>;
  /** Next sequence number for job references in a year (atomic). */
  nextReferenceNumber(year: number): Promise<number>;
  /** Takes `count` consecutive numbers of a year's reference sequence at once (atomic); returns the first. */
  reserveReferenceNumbers(year: number, count: number): Promise<number>;
  listSubscriptions(filter: { taskId?: string; wardId?: string; personId?: string }): Promise<Subscription[]>;
  addSubscriptions(subscriptions: NewSubscription[]): Promise<Subscription[]>;

  // Outbox
  /** Adds events; one whose idempotencyKey is already stored is not added again (the stored event is returned). */
  enqueue(events: NewOutboxEvent[]): Promise<OutboxEvent[]>;
  /** Takes due events under a lease; an event whose lease lapsed (a crashed dispatcher) is claimable again. */
  claimOutbox(claim: OutboxClaim): Promise<OutboxEvent[]>;
  markDelivered(id: string, deliveredOn: string): Promise<void>;
  markFailed(id: string, failure: { error: string; nextAttemptOn: string; dead: boolean }): Promise<void>;
  listOutbox(filter?: { status?: OutboxEvent['status']; taskId?: string; channel?: OutboxChannel }): Promise<OutboxEvent[]>;

  // Open311 clients (written with importRows: insert a new key, upsert by name to revoke)
  /** Every Open311 API key row (hashes only), by name. */
  listApiKeys(): Promise<ApiKey[]>;
}
