import type Database from 'better-sqlite3';
import type { ApiKey, Asset, Officer, OutboxEvent, RoutingRule, SourceChannel, Subscription, Task, TaskType, TaskUpdate, Ward, WardMember } from '../../model';
import { tables } from '../../model';
import type { ImportBatch, NewOutboxEvent, NewSubscription, OutboxClaim, Page, Store, StoreHealth, TaskChange, TaskCreation, TaskCreationResult, TaskQuery, TaskWrite } from '../store';
import { StoreReadOnlyError } from '../store-errors';
import { inBulkLoad, writeTaskBatch, type BulkLoad, type BulkTaskResult } from './bulk-load';
import { startBackgroundCheckpoints, type BackgroundCheckpoints } from './background-checkpoints';
import { createContext, selectById, selectRows, type SqliteContext } from './context';
import { importBatches } from './import-rows';
import { migrate, schemaVersion } from './migrate';
import { openDatabase } from './open-database';
import { claimEvents, enqueueEvents, listEvents, markEventDelivered, markEventFailed } from './outbox-ops';
import { changeOfficer, insertSubscriptions, officers, subscriptions, wardMembers } from './reference-data';
import { sqlName } from './schema';
import { createOne, nextReference, updateOne, writeMany } from './task-writes';
import { openTasks, queryTasks } from './task-query';

/** Options for {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** The database file, e.g. `.wardline/wardline.db` (created with its folder when missing), or `:memory:`. */
  path: string;
  /** Open without writing: no migration (an out-of-date file is refused), no WAL switch. */
  readonly?: boolean;
  /** Source of the current time for createdOn/modifiedOn; defaults to the system clock. */
  clock?: () => Date;
  /**
   * Checkpoint the write-ahead log from a worker thread (see startBackgroundCheckpoints): for the
   * long-running service, not for short commands. Ignored for read-only and in-memory stores.
   */
  backgroundCheckpoints?: boolean;
}

/**
 * The embedded store: one SQLite file, schema derived from core/model, every multi-row write in
 * one IMMEDIATE transaction (so concurrent processes queue on the lock instead of failing midway).
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  /** The schema version in force after opening (and migrating). */
  readonly schemaVersion: number;
  private readonly context: SqliteContext;
  private readonly readonly: boolean;
  private readonly checkpoints?: BackgroundCheckpoints;

  constructor(readonly db: Database.Database, readonly location: string, options: { readonly: boolean; clock: () => Date; backgroundCheckpoints?: boolean }) {
    this.readonly = options.readonly;
    this.schemaVersion = migrate(db, { readonly: options.readonly, location, now: options.clock().toISOString() });
    this.context = createContext(db, options.clock);
    // After migration, so the worker opens a finished file.
    if (options.backgroundCheckpoints && !this.readonly && location !== ':memory:') this.checkpoints = startBackgroundCheckpoints(db, location);
  }

  private write<T>(work: () => T): Promise<T> {
    if (this.readonly) return Promise.reject(new StoreReadOnlyError(this.location));
    return Promise.resolve().then(() => this.db.transaction(work).immediate());
  }

  /** A write that is one statement, atomic on its own: no transaction (nor, inside an import's, a savepoint) around it. */
  private writeStatement<T>(work: () => T): Promise<T> {
    if (this.readonly) return Promise.reject(new StoreReadOnlyError(this.location));
    return Promise.resolve().then(work);
  }

  private read<T>(work: () => T): Promise<T> {
    return Promise.resolve().then(work);
  }

  async health(): Promise<StoreHealth> {
    return this.read(() => {
      const counts = Object.fromEntries(tables.map((t) => [t.key, this.context.statements.first<{ n: number }>(`SELECT COUNT(*) AS n FROM ${sqlName(t.key)}`)?.n ?? 0]));
      const pendingOutbox = this.context.statements.first<{ n: number }>("SELECT COUNT(*) AS n FROM wl_outbox WHERE wl_status = 'pending'")?.n ?? 0;
      const journal = String(this.db.pragma('journal_mode', { simple: true }));
      return { ok: true, kind: this.kind, location: this.location, schemaVersion: schemaVersion(this.db), counts, pendingOutbox, detail: `journal mode ${journal}` };
    });
  }

  async close(): Promise<void> {
    await this.checkpoints?.stop();
    if (this.db.open) this.db.close();
  }

  listTaskTypes = (): Promise<TaskType[]> => this.read(() => selectRows(this.context, 'taskType', 'ORDER BY wl_name, id'));
  listWards = (): Promise<Ward[]> => this.read(() => selectRows(this.context, 'ward', 'ORDER BY wl_name, id'));
  listWardMembers = (filter?: { wardId?: string; councillorId?: string }): Promise<WardMember[]> => this.read(() => wardMembers(this.context, filter));
  listAssets = (): Promise<Asset[]> => this.read(() => selectRows(this.context, 'asset', 'ORDER BY wl_name, id'));
  listRoutingRules = (): Promise<RoutingRule[]> => this.read(() => selectRows(this.context, 'routingRule', 'ORDER BY wl_order, id'));
  listOfficers = (filter?: { role?: Officer['role']; team?: string }): Promise<Officer[]> => this.read(() => officers(this.context, filter));
  getOfficer = (id: string): Promise<Officer | undefined> => this.read(() => selectById(this.context, 'officer', id));
  getOfficerByEntraId = (entraObjectId: string): Promise<Officer | undefined> => this.read(() => selectRows(this.context, 'officer', 'WHERE wl_entraobjectid = ?', entraObjectId)[0]);
  updateOfficer = (id: string, set: Partial<Omit<Officer, 'id' | 'createdOn' | 'modifiedOn'>>): Promise<Officer> => this.write(() => changeOfficer(this.context, id, set));
  importRows = (batches: ImportBatch[]): Promise<number> => this.write(() => importBatches(this.context, batches));

  /**
   * Runs `work` as one bulk load: one IMMEDIATE transaction in which
   * `load.expect` may drop the secondary indexes of tables about to grow a lot; they are created
   * again before COMMIT, and any error rolls everything back (indexes included).
   */
  bulkLoad = <T>(work: (load: BulkLoad) => Promise<T>): Promise<T> => {
    if (this.readonly) return Promise.reject(new StoreReadOnlyError(this.location));
    return inBulkLoad(this.context, work);
  };
  /**
   * New jobs as createTasks stores them (idempotent per external reference), counted rather than
   * read back. Inside a transaction (a bulk load) the batch joins it without a savepoint of its
   * own: a failure is for the caller to roll back, as bulkLoad does.
   */
  importTaskBatch = (creations: TaskCreation[]): Promise<BulkTaskResult> =>
    this.db.inTransaction ? this.writeStatement(() => writeTaskBatch(this.context, creations)) : this.write(() => writeTaskBatch(this.context, creations));

  createTask = (creation: TaskCreation): Promise<TaskCreationResult> => this.write(() => createOne(this.context, creation));
  createTasks = (creations: TaskCreation[]): Promise<TaskCreationResult[]> => this.write(() => creations.map((c) => createOne(this.context, c)));
  writeTasks = (writes: Iterable<TaskWrite>): Promise<TaskCreationResult[]> => this.write(() => writeMany(this.context, writes));
  updateTask = (change: TaskChange): Promise<Task> => this.write(() => updateOne(this.context, change));
  getTask = (id: string): Promise<Task | undefined> => this.read(() => selectById(this.context, 'task', id));
  getTaskByReference = (reference: string): Promise<Task | undefined> => this.read(() => selectRows(this.context, 'task', 'WHERE wl_reference = ?', reference)[0]);
  getTaskByExternalReference = (sourceChannel: SourceChannel, externalReference: string): Promise<Task | undefined> =>
    this.read(() => selectRows(this.context, 'task', 'WHERE wl_sourcechannel = ? AND wl_externalreference = ?', sourceChannel, externalReference)[0]);
  listTasks = (query: TaskQuery): Promise<Page<Task>> => this.read(() => queryTasks(this.context, query));
  listOpenTasks = (): Promise<Task[]> => this.read(() => openTasks(this.context));
  getTimeline = (taskId: string): Promise<TaskUpdate[]> => this.read(() => selectRows(this.context, 'taskUpdate', 'WHERE wl_task = ? ORDER BY wl_occurredon, createdon, id', taskId));
  getTimelineEntryByClientId = (clientId: string): Promise<TaskUpdate | undefined> => this.read(() => selectRows(this.context, 'taskUpdate', 'WHERE wl_clientid = ?', clientId)[0]);
  nextReferenceNumber = (year: number): Promise<number> => this.writeStatement(() => nextReference(this.context, year));
  reserveReferenceNumbers = (year: number, count: number): Promise<number> => this.writeStatement(() => nextReference(this.context, year, count));
  listSubscriptions = (filter: { taskId?: string; wardId?: string; personId?: string }): Promise<Subscription[]> => this.read(() => subscriptions(this.context, filter));
  addSubscriptions = (rows: NewSubscription[]): Promise<Subscription[]> => this.write(() => insertSubscriptions(this.context, rows));

  enqueue = (events: NewOutboxEvent[]): Promise<OutboxEvent[]> => this.write(() => enqueueEvents(this.context, events, this.context.now()));
  claimOutbox = (claim: OutboxClaim): Promise<OutboxEvent[]> => this.write(() => claimEvents(this.context, claim));
  markDelivered = (id: string, deliveredOn: string): Promise<void> => this.write(() => markEventDelivered(this.context, id, deliveredOn));
  markFailed = (id: string, failure: { error: string; nextAttemptOn: string; dead: boolean }): Promise<void> => this.write(() => markEventFailed(this.context, id, failure));
  listOutbox = (filter?: { status?: OutboxEvent['status']; taskId?: string; channel?: OutboxEvent['channel'] }): Promise<OutboxEvent[]> => this.read(() => listEvents(this.context, filter));

  listApiKeys = (): Promise<ApiKey[]> => this.read(() => selectRows(this.context, 'apiKey', 'ORDER BY wl_name, id'));
}

/** Opens (creating and migrating as needed) the embedded store at `options.path`. */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const readonly = options.readonly ?? false;
  const db = openDatabase(options.path, readonly);
  try {
    return new SqliteStore(db, options.path, { readonly, clock: options.clock ?? (() => new Date()), backgroundCheckpoints: options.backgroundCheckpoints });
  } catch (error) {
    db.close();
    throw error;
  }
}
