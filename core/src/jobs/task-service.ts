import { v7 as timeOrderedUuid } from 'uuid';
import { AssetIndex, OpenTaskIndex, WardIndex } from '../geo';
import type { AssetInput } from '../geo';
import { CoreErrors, InvalidInputError, StaleTaskError, TaskNotFoundError, WardlineError } from '../errors';
import { planEvents } from '../events';
import { applyAction, isOpenStatus, openStatuses } from '../lifecycle';
import type { Actor, TaskAction } from '../lifecycle';
import type { Officer, Subscription, Task, TaskType } from '../model';
import type { CouncilSettings } from '../settings';
import type { Store, TaskChange, TaskWrite } from '../store/store';
import { checkTriageReport, createTriageContext, triage } from '../triage';
import type { PriorityRules, TriageContext, TriageDecision, WorkingCalendar } from '../triage';
import { buildCreation, buildDuplicateChange } from './creation';
import { normaliseNewTask } from './new-task';
import type { NewTask } from './new-task';
import { currentOffers } from './offers';
import { externalKey, pendingTask, type BatchPlan } from './report-batch';
import { formatReference } from './reference';

export interface TaskServiceOptions {
  store: Store;
  settings: CouncilSettings;
  clock?: () => Date;
  priorityRules?: PriorityRules;
  calendar?: WorkingCalendar;
  /**
   * Write every event to the log channel as well. Defaults to on only where Teams is not set up
   * (no bot app id): there the log is how anyone sees events; with Teams it would be a sixth of
   * everything the service writes, read by nobody.
   */
  eventLog?: boolean;
}

export interface ReportResult {
  task: Task;
  decision: TriageDecision;
  /** A new job was written. */
  created: boolean;
  /** The report was attached to an open job of the same type near by. */
  duplicate: boolean;
}

export interface ActResult {
  task: Task;
  events: string[];
}

/** The timeline note that marks a job overdue, once for each due time. */
const OVERDUE_SUMMARY = 'Overdue';
const overdueNote = (dueBy: string | null): string => `Was due by ${dueBy}`;

/** How often a duplicate report retries when the job it joins changes under it. */
const DUPLICATE_RETRIES = 3;

/**
 * How old the people snapshot (duty, teams, patches) may get before a report or action re-reads
 * it: another process (the CLI, a second instance, the tab) may have changed someone's duty.
 */
const PEOPLE_FRESH_MS = 5_000;

/** The most reports `report` writes in one transaction when many arrive at once. */
const GROUP_COMMIT_LIMIT = 256;

/** A report waiting to be written, and its caller. */
interface WaitingReport {
  report: NewTask;
  resolve: (result: ReportResult) => void;
  reject: (error: unknown) => void;
}

/**
 * The one path every intake (CLI, Open311, web forms, Teams bot, tab, webhooks) uses: reports go
 * through `report`, actions on jobs through `act`. Reference data and the open-job index live in
 * memory; call `reload()` after an import.
 */
export class TaskService {
  private triageContext!: TriageContext;
  private openTasks = new OpenTaskIndex();
  private readonly references = new Map<string, string>();
  private taskTypesById = new Map<string, TaskType>();
  private readonly clock: () => Date;
  private readonly eventLog: boolean;
  private readonly waiting: WaitingReport[] = [];
  private peopleReadAt = 0;
  private peopleSignature = '';
  private writing = false;

  private constructor(private readonly options: TaskServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.eventLog = options.eventLog ?? !options.settings.botAppId?.trim();
  }

  static async open(options: TaskServiceOptions): Promise<TaskService> {
    const service = new TaskService(options);
    await service.reload();
    return service;
  }

  get context(): TriageContext {
    return this.triageContext;
  }

  get store(): Store {
    return this.options.store;
  }

  /** Re-reads task types, wards, assets, routing rules, officers and open jobs, and rebuilds the indexes. */
  async reload(): Promise<void> {
    const { store } = this.options;
    const [taskTypes, wards, assets, routingRules, officers, open] = await Promise.all([
      store.listTaskTypes(), store.listWards(), store.listAssets(), store.listRoutingRules(), store.listOfficers(), store.listOpenTasks(),
    ]);
    if (wards.length === 0) throw new WardlineError(CoreErrors.NoWards);
    const openTasks = new OpenTaskIndex();
    const openJobCounts = new Map<string, number>();
    this.references.clear();
    for (const task of open) {
      openTasks.add({ id: task.id, taskType: task.taskType, latitude: task.latitude, longitude: task.longitude, reportedOn: task.reportedOn });
      this.references.set(task.id, task.reference);
      if (task.assignedOfficer) openJobCounts.set(task.assignedOfficer, (openJobCounts.get(task.assignedOfficer) ?? 0) + 1);
    }
    const assetInputs: AssetInput[] = assets.map((a) => ({ id: a.id, name: a.name, assetType: a.assetType, latitude: a.latitude, longitude: a.longitude }));
    this.openTasks = openTasks;
    this.taskTypesById = new Map(taskTypes.map((t) => [t.id, t]));
    this.triageContext = createTriageContext({
      wards: WardIndex.fromWards(wards), assets: AssetIndex.fromAssets(assetInputs),
      assetsByExternalId: new Map(assets.map((a, i) => [a.externalId, assetInputs[i]])),
      openTasks, taskTypes, routingRules, officers, openJobCounts, settings: this.options.settings,
      calendar: this.options.calendar, priorityRules: this.options.priorityRules, clock: this.clock,
      referenceOf: (id) => this.references.get(id),
    });
    this.peopleReadAt = performance.now();
    this.peopleSignature = signatureOf(officers);
  }

  /**
   * Re-reads the people (on duty or not, teams, patches) without rebuilding anything else; their
   * open-job counts carry over. The bot calls it after "on duty" / "off duty"; reports and actions
   * also call it when the snapshot is more than a few seconds old and someone changed.
   */
  async reloadPeople(): Promise<void> {
    const officers = await this.options.store.listOfficers();
    this.peopleReadAt = performance.now();
    const signature = signatureOf(officers);
    if (signature === this.peopleSignature) return;
    this.peopleSignature = signature;
    this.triageContext = { ...this.triageContext, people: this.triageContext.people.withOfficers(officers) };
  }

  private async freshPeople(): Promise<void> {
    if (performance.now() - this.peopleReadAt > PEOPLE_FRESH_MS) await this.reloadPeople();
  }

  /** What triage would decide for a report, without storing anything. */
  triage(report: NewTask): TriageDecision {
    const normal = normaliseNewTask(report);
    return triage({ ...normal, sourceChannel: normal.source }, this.triageContext);
  }

  /**
   * Takes a report in: validates it, triages it, then either attaches it to the open job it
   * duplicates or creates a job with its timeline, outbox events and subscriptions in one store
   * call. The same external reference (or client id) twice gives the same job. Bad input throws a
   * typed error and stores nothing.
   *
   * Reports that arrive while another is being written (many intake requests at once) are
   * written together in one transaction (group commit through `reportMany`), which is how a busy
   * Open311 endpoint keeps up; a report on its own is written at once, as before. Each caller
   * still gets its own result or its own error.
   */
  async report(input: NewTask): Promise<ReportResult> {
    await this.freshPeople();
    // Checked now, so bad input fails on its own with the same error whether batched or not.
    const report = normaliseNewTask(input);
    checkTriageReport({ ...report, sourceChannel: report.source }, this.triageContext);
    return new Promise<ReportResult>((resolve, reject) => {
      this.waiting.push({ report: input, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.writeWaiting());
      }
    });
  }

  /** Writes the reports waiting for `report`, in batches, until none is left. */
  private async writeWaiting(): Promise<void> {
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, GROUP_COMMIT_LIMIT);
        if (batch.length > 1) {
          try {
            const results = await this.reportMany(batch.map((w) => w.report));
            batch.forEach((w, i) => w.resolve(results[i]));
            continue;
          } catch {
            // Something in the batch failed in the store (another writer, a job closed under
            // it): nothing of it was stored, so each report is taken on its own, with its own error.
          }
        }
        for (const waiting of batch) await this.reportOne(waiting.report).then(waiting.resolve, waiting.reject);
      }
    } finally {
      this.writing = false;
    }
  }

  /** One report, written in its own transactions. */
  private async reportOne(input: NewTask): Promise<ReportResult> {
    const report = normaliseNewTask(input);
    const { store } = this.options;
    const decision = triage({ ...report, sourceChannel: report.source }, this.triageContext);
    const already = report.externalReference ? await store.getTaskByExternalReference(report.source, report.externalReference) : undefined;
    if (already) return { task: already, decision, created: false, duplicate: false };
    if (report.clientId) {
      const entry = await store.getTimelineEntryByClientId(report.clientId);
      const task = entry && (await store.getTask(entry.task));
      if (entry && task) return { task, decision, created: false, duplicate: entry.kind === 'duplicate_report' };
    }
    if (decision.duplicateOf) {
      const joined = await this.attachDuplicate(decision.duplicateOf.id, report, decision);
      if (joined) return { task: joined, decision, created: false, duplicate: true };
    }
    return this.create(report, decision);
  }

  private async create(report: NewTask, decision: TriageDecision): Promise<ReportResult> {
    const { store } = this.options;
    const now = this.clock();
    const year = now.getUTCFullYear();
    const reference = formatReference(year, await store.nextReferenceNumber(year));
    const wardSubscriptions = (await store.listSubscriptions({ wardId: decision.ward.id })).filter((s) => s.active && !s.task);
    const creation = buildCreation(report, decision, { id: timeOrderedUuid(), reference, now: now.toISOString(), wardSubscriptions, personOf: (id) => this.triageContext.people.get(id), eventLog: this.eventLog });
    const result = await store.createTask(creation);
    if (result.created) this.track(undefined, result.task);
    return { task: result.task, decision, created: result.created, duplicate: false };
  }

  /**
   * Takes many reports in at once, as `report` does for one, but writes them in ONE store
   * transaction (Store.writeTasks) after one reservation of reference numbers: the whole batch is
   * stored or, on any error, none of it. Every report is checked and triaged first (bad input
   * throws, naming the report's position, before anything is written). A report duplicating an
   * open job made earlier in the same batch is attached to it, since each new job joins the
   * open-job index as soon as it is decided. Results are in the order of the reports.
   */
  async reportMany(inputs: readonly NewTask[]): Promise<ReportResult[]> {
    const { store } = this.options;
    await this.freshPeople();
    const plans = await this.planBatch(inputs);
    const now = this.clock();
    const nowIso = now.toISOString();
    const creating = plans.filter((p): p is Extract<BatchPlan, { kind: 'create' }> => p.kind === 'create');
    try {
      const year = now.getUTCFullYear();
      let next = creating.length ? await store.reserveReferenceNumbers(year, creating.length) : 0;
      for (const plan of creating) this.references.set(plan.id, formatReference(year, next++));
      // What the writes need from the store is read first: the transaction cannot wait for it.
      const targets = new Set(plans.flatMap((p) => (p.kind === 'attach' ? [p.target] : [])));
      const made = new Set(creating.map((p) => p.id));
      const jobs = new Map<string, Task>();
      for (const target of targets) {
        if (made.has(target)) continue;
        const existing = await store.getTask(target);
        if (!existing) throw new TaskNotFoundError(target);
        jobs.set(target, existing);
      }
      const wardSubscriptions = new Map<string, Subscription[]>();
      for (const { decision } of creating) {
        const wardId = decision.ward.id;
        if (!wardSubscriptions.has(wardId)) wardSubscriptions.set(wardId, (await store.listSubscriptions({ wardId })).filter((s) => s.active && !s.task));
      }
      const writeOf: number[] = [];
      let writeCount = 0;
      for (const plan of plans) writeOf.push(plan.kind === 'create' || plan.kind === 'attach' ? writeCount++ : writeCount);
      // Each job is built as the store writes it, so a batch's jobs, timelines and events are
      // never all in memory at once (they would outlive young-generation collections).
      const writes = function* (this: TaskService): Generator<TaskWrite> {
        for (const plan of plans) {
          if (plan.kind === 'create') {
            const subscriptions = wardSubscriptions.get(plan.decision.ward.id) ?? [];
            const creation = buildCreation(plan.report, plan.decision, { id: plan.id, reference: this.references.get(plan.id) as string, now: nowIso, wardSubscriptions: subscriptions, personOf: (id) => this.triageContext.people.get(id), eventLog: this.eventLog });
            if (targets.has(plan.id)) jobs.set(plan.id, pendingTask(creation, nowIso));
            yield { create: creation };
          } else if (plan.kind === 'attach') {
            const existing = jobs.get(plan.target) as Task;
            jobs.set(existing.id, { ...existing, reportCount: existing.reportCount + 1, rowVersion: existing.rowVersion + 1 });
            yield { change: buildDuplicateChange(existing, plan.report, plan.decision, nowIso, this.eventLog) };
          }
        }
      };
      const written = writeCount ? await store.writeTasks(writes.call(this)) : [];
      const results: ReportResult[] = [];
      for (const [i, plan] of plans.entries()) results.push(this.batchResult(plan, written[writeOf[i]], results));
      return results;
    } catch (error) {
      // The jobs decided for this batch joined the in-memory indexes; none was stored.
      await this.reload();
      throw error;
    }
  }

  /** Checks and triages every report of a batch, in order, without writing. */
  private async planBatch(inputs: readonly NewTask[]): Promise<BatchPlan[]> {
    const { store } = this.options;
    const plans: BatchPlan[] = [];
    const seen = new Map<string, number>();
    const stored = new Map<string, Task | undefined>();
    const creating = new Set<string>();
    try {
      for (const [i, input] of inputs.entries()) {
        const { report, decision } = atReport(i, () => {
          const normal = normaliseNewTask(input);
          return { report: normal, decision: triage({ ...normal, sourceChannel: normal.source }, this.triageContext) };
        });
        const keys = [externalKey(report), report.clientId ? `client\u0000${report.clientId}` : undefined].filter((k): k is string => k !== undefined);
        const earlier = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
        if (earlier !== undefined) {
          plans.push({ kind: 'same', as: earlier, decision });
          continue;
        }
        for (const key of keys) seen.set(key, i);
        const already = report.externalReference ? await store.getTaskByExternalReference(report.source, report.externalReference) : undefined;
        if (already) {
          plans.push({ kind: 'stored', task: already, duplicate: false, decision });
          continue;
        }
        // A further report already attached to a job carries `source:externalReference` as its client id.
        const clientId = report.clientId ?? (report.externalReference ? `${report.source}:${report.externalReference}` : undefined);
        const entry = clientId ? await store.getTimelineEntryByClientId(clientId) : undefined;
        const entryTask = entry && (await store.getTask(entry.task));
        if (entry && entryTask) {
          plans.push({ kind: 'stored', task: entryTask, duplicate: entry.kind === 'duplicate_report', decision });
          continue;
        }
        const target = decision.duplicateOf?.id;
        if (target && (creating.has(target) || (await this.stillOpen(target, stored)))) {
          plans.push({ kind: 'attach', target, report, decision });
          continue;
        }
        const id = timeOrderedUuid();
        creating.add(id);
        // Joins the open-job index and the officer's load now, so later reports in the batch see it.
        this.openTasks.add({ id, taskType: decision.taskType.id, latitude: report.latitude, longitude: report.longitude, reportedOn: decision.reportedOn });
        if (decision.officer && isOpenStatus(decision.status)) this.triageContext.people.adjustLoad(decision.officer.id, 1);
        plans.push({ kind: 'create', id, report, decision });
      }
    } catch (error) {
      if (creating.size) await this.reload();
      throw error;
    }
    return plans;
  }

  /** Whether a stored job is still open (a closed one leaves the open-job index). */
  private async stillOpen(id: string, cache: Map<string, Task | undefined>): Promise<boolean> {
    if (!cache.has(id)) cache.set(id, await this.options.store.getTask(id));
    const task = cache.get(id);
    if (task && isOpenStatus(task.status)) return true;
    this.openTasks.remove(id);
    return false;
  }

  /** One report's result once the batch is written (`earlier`: the results of the reports before it). */
  private batchResult(plan: BatchPlan, written: { task: Task; created: boolean } | undefined, earlier: readonly ReportResult[]): ReportResult {
    if (plan.kind === 'stored') return { task: plan.task, decision: plan.decision, created: false, duplicate: plan.duplicate };
    if (plan.kind === 'same') return { ...earlier[plan.as], decision: plan.decision, created: false };
    const { task } = written as { task: Task; created: boolean };
    const created = plan.kind === 'create' && (written as { created: boolean }).created;
    if (plan.kind === 'create' && !created) {
      // Stored meanwhile by another writer: the job decided here does not exist.
      this.openTasks.remove(plan.id);
      this.references.delete(plan.id);
      if (plan.decision.officer && isOpenStatus(plan.decision.status)) this.triageContext.people.adjustLoad(plan.decision.officer.id, -1);
    }
    return { task, decision: plan.decision, created, duplicate: plan.kind === 'attach' };
  }

  /** Adds the report to the open job; undefined when that job has closed meanwhile (then a new job is made). */
  private async attachDuplicate(taskId: string, report: NewTask, decision: TriageDecision): Promise<Task | undefined> {
    const { store } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      const existing = await store.getTask(taskId);
      if (!existing || !isOpenStatus(existing.status)) {
        this.openTasks.remove(taskId);
        return undefined;
      }
      try {
        return await store.updateTask(buildDuplicateChange(existing, report, decision, this.clock().toISOString(), this.eventLog));
      } catch (error) {
        if (!(error instanceof StaleTaskError) || attempt >= DUPLICATE_RETRIES) throw error;
      }
    }
  }

  /** Finds a job by id or reference. */
  async getTask(idOrReference: string): Promise<Task> {
    const { store } = this.options;
    const task = (await store.getTask(idOrReference)) ?? (await store.getTaskByReference(idOrReference));
    if (!task) throw new TaskNotFoundError(idOrReference);
    return task;
  }

  /**
   * Applies a lifecycle action through the store under optimistic concurrency: a job changed
   * since `expectedRowVersion` (or since it was read) raises StaleTaskError for the caller to
   * reload and retry. A retried offline action (same clientId) is applied once.
   */
  async act(idOrReference: string, action: TaskAction, actor: Actor, expectedRowVersion?: number): Promise<ActResult> {
    const { store } = this.options;
    await this.freshPeople();
    const task = await this.getTask(idOrReference);
    if (action.clientId && (await store.getTimelineEntryByClientId(action.clientId))?.task === task.id) return { task, events: [] };
    if (expectedRowVersion !== undefined && expectedRowVersion !== task.rowVersion) throw new StaleTaskError(task.reference, expectedRowVersion, task.rowVersion);
    const [timeline, outbox, wardSubscriptions, taskSubscriptions] = await Promise.all([
      store.getTimeline(task.id), store.listOutbox({ taskId: task.id, channel: 'teams' }),
      task.ward ? store.listSubscriptions({ wardId: task.ward }) : Promise.resolve([]), store.listSubscriptions({ taskId: task.id }),
    ]);
    const taskType = this.taskTypesById.get(task.taskType) ?? { name: task.taskType, requirePhoto: false };
    const people = this.triageContext.people;
    const outcome = applyAction(task, action, actor, {
      taskType, now: this.clock().toISOString(), offeredTo: currentOffers(outbox, timeline), hasPhoto: timeline.some((e) => e.kind === 'photo'),
      personOf: (id) => people.get(id), supervisorsOf: (team) => people.supervisorsOf(team),
      subscriptions: [...wardSubscriptions.filter((s) => !s.task), ...taskSubscriptions], eventLog: this.eventLog,
    });
    const updated = await store.updateTask(outcome.change);
    this.track(task, updated);
    return { task: updated, events: outcome.events };
  }

  /**
   * Raises task.overdue once for each open job past its due time (once per due time: a job whose
   * due time moves can become overdue again). Returns the jobs marked.
   */
  async markOverdue(now: Date = this.clock()): Promise<Task[]> {
    const { store } = this.options;
    const at = now.toISOString();
    const { items } = await store.listTasks({ overdueAt: at, statuses: [...openStatuses], limit: 10_000, orderBy: 'dueBy' });
    const marked: Task[] = [];
    for (const task of items) {
      // The timeline, not the outbox, says whether it was marked: a job with nobody to tell has no events.
      const note = overdueNote(task.dueBy);
      if ((await store.getTimeline(task.id)).some((e) => e.kind === 'note' && !e.author && e.summary === OVERDUE_SUMMARY && e.note === note)) continue;
      try {
        marked.push(await store.updateTask(this.overdueChange(task, at)));
      } catch (error) {
        if (!(error instanceof StaleTaskError)) throw error;
      }
    }
    return marked;
  }

  private overdueChange(task: Task, at: string): TaskChange {
    const people = this.triageContext.people;
    const assignee = task.assignedOfficer ? people.get(task.assignedOfficer) : undefined;
    const recipients = assignee ? [{ person: assignee, reason: 'assignee' as const }] : people.supervisorsOf(task.assignedTeam ?? '').map((person) => ({ person, reason: 'supervisor' as const }));
    return {
      id: task.id, expectedRowVersion: task.rowVersion, set: {},
      timeline: [{ kind: 'note', summary: OVERDUE_SUMMARY, note: overdueNote(task.dueBy), occurredOn: at, visibility: 'councillor', authorName: 'Wardline' }],
      outbox: planEvents({ eventType: 'task.overdue', task, rowVersion: task.rowVersion + 1, occurredOn: at, people: recipients, personOf: (id) => people.get(id), detail: { dueBy: task.dueBy }, eventLog: this.eventLog }),
    };
  }

  /** Keeps the open-job index and officers' loads in step with a stored change. */
  private track(before: Task | undefined, after: Task): void {
    const people = this.triageContext.people;
    const wasOpen = before ? isOpenStatus(before.status) : false;
    const isOpen = isOpenStatus(after.status);
    if (before?.assignedOfficer && wasOpen && (!isOpen || before.assignedOfficer !== after.assignedOfficer)) people.adjustLoad(before.assignedOfficer, -1);
    if (after.assignedOfficer && isOpen && (!wasOpen || before?.assignedOfficer !== after.assignedOfficer)) people.adjustLoad(after.assignedOfficer, 1);
    if (isOpen) {
      this.openTasks.add({ id: after.id, taskType: after.taskType, latitude: after.latitude, longitude: after.longitude, reportedOn: after.reportedOn });
      this.references.set(after.id, after.reference);
    } else {
      this.openTasks.remove(after.id);
      this.references.delete(after.id);
    }
  }
}

/** The people as stored, to tell whether anything (duty, teams, patch, role) changed since the last read. */
const signatureOf = (officers: readonly Officer[]): string => JSON.stringify(officers);

/** Runs one report's checks in a batch, naming the report (0-based) in the error. */
function atReport<T>(index: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError(`reports[${index}].${String(error.details.field)}`, String(error.details.problem));
    if (error instanceof WardlineError) Object.assign(error.details, { report: index });
    throw error;
  }
}

/** Opens the task service on a store: loads reference data and builds the indexes. */
export const openTaskService = (options: TaskServiceOptions): Promise<TaskService> => TaskService.open(options);
