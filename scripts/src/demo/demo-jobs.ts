import { actorFromOfficer, openTaskService, systemActor } from '@wardline/core';
import type { Actor, CouncilSettings, Officer, Store, Task, TaskAction, TaskService, TaskStatus, TaskType } from '@wardline/core';
import { describe, pickSource, resident, STREETS } from './demo-reports';
import { Random } from './random';

export interface DemoJobOptions {
  random: Random;
  settings: CouncilSettings;
  now: Date;
  reports: number;
  pointIn: () => { latitude: number; longitude: number };
}

export interface DemoJobSummary {
  reports: number;
  jobs: number;
  duplicates: number;
  byStatus: Partial<Record<TaskStatus, number>>;
}

/** Where demo jobs end up: mostly closed history, a working queue, and a few of every other status. */
const TARGETS: readonly TaskStatus[] = ['new', 'assigned', 'accepted', 'in_progress', 'on_hold', 'completed', 'could_not_complete', 'cancelled', 'merged'];
const TARGET_WEIGHTS = [10, 9, 8, 8, 5, 45, 5, 5, 5];
/** Asset types reports of a task type are usually about, so triage finds the asset near by. */
const ASSET_FOR: Readonly<Record<string, string>> = {
  'litter-bin-overflowing': 'Litter bin', 'litter-bin-damaged': 'Litter bin', 'dog-fouling': 'Dog bin', 'bench-damaged': 'Bench',
  'tree-branch-fallen': 'Street tree', 'dangerous-tree': 'Street tree', 'tree-overhanging': 'Street tree', 'tree-roots': 'Street tree', 'tree-inspection': 'Street tree',
  'gritting-bin-empty': 'Grit bin', 'play-equipment-damage': 'Play equipment', 'bus-shelter-dirty': 'Bus shelter', 'stile-repair': 'Stile',
};
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Makes the demo's jobs through the task service: each report is triaged like any other (ward,
 * asset, duplicates, priority, due by, routing), then worked with lifecycle actions by the people
 * who would take them (supervisors assign, officers and volunteers accept, start, complete).
 * The clock is moved along with each job so its timeline reads in order.
 */
export async function generateDemoJobs(store: Store, options: DemoJobOptions): Promise<DemoJobSummary> {
  const { random, now } = options;
  let current = new Date(now.getTime() - 45 * DAY);
  const service = await openTaskService({ store, settings: options.settings, clock: () => current });
  const [types, officers, assets] = await Promise.all([store.listTaskTypes(), store.listOfficers(), store.listAssets()]);
  const people = new Map(officers.map((o) => [o.id, o]));
  const assetsByType = new Map<string, { latitude: number; longitude: number; externalId: string }[]>();
  for (const a of assets) assetsByType.set(a.assetType, [...(assetsByType.get(a.assetType) ?? []), a]);
  const weights = types.map((t) => (t.serviceArea === 'street_care' ? 4 : t.serviceArea === 'community_support' ? 1.5 : 1.5) * (t.code === 'fly-tipping' ? 6 : 1));
  const times = Array.from({ length: options.reports }, () => now.getTime() - random.between(0.05, 45) * DAY).sort((a, b) => a - b);
  const summary: DemoJobSummary = { reports: 0, jobs: 0, duplicates: 0, byStatus: {} };
  const openByType = new Map<string, Task[]>();

  const recent: Task[] = [];
  for (const time of times) {
    // Now and then a second resident reports a job that is already open: triage joins them.
    const again = recent.length > 0 && random.chance(0.08) ? random.pick(recent.slice(-40)) : undefined;
    const type = again ? (types.find((t) => t.id === again.taskType) ?? types[0]) : random.weighted(types, weights);
    current = new Date(time);
    const street = random.pick(STREETS);
    const onAsset = ASSET_FOR[type.code] ? random.pick(assetsByType.get(ASSET_FOR[type.code]) ?? []) : undefined;
    // Near the asset (a few metres away), or anywhere in the borough; Castle, the town centre, gets extra street care.
    const point = again ? { latitude: again.latitude + random.between(-0.00005, 0.00005), longitude: again.longitude + random.between(-0.00005, 0.00005) } : onAsset ? { latitude: onAsset.latitude + random.between(-0.00005, 0.00005), longitude: onAsset.longitude + random.between(-0.00008, 0.00008) } : type.serviceArea === 'street_care' && random.chance(0.25) ? { latitude: 51.8904 + random.between(-0.003, 0.003), longitude: 0.9036 + random.between(-0.004, 0.004) } : options.pointIn();
    const source = pickSource(random, type.serviceArea);
    const councillor = source === 'teams' && random.chance(0.3) ? random.pick(officers.filter((o) => o.role === 'councillor')) : undefined;
    let result;
    try {
      result = await service.report({
        taskTypeCode: type.code,
        description: describe(random, type.code, type.name, street),
        latitude: round6(point.latitude),
        longitude: round6(point.longitude),
        address: type.serviceArea === 'community_support' ? undefined : `${random.int(1, 120)} ${street}`,
        source,
        externalReference: source === 'open311' ? `FMS-${random.int(100000, 999999)}` : undefined,
        reporter: ['open311', 'resident_form', 'webform', 'phone', 'email'].includes(source) && type.serviceArea !== 'community_support' ? resident(random) : undefined,
        councillorRaised: councillor !== undefined,
        raisedBy: councillor?.id,
        reportedOn: current.toISOString(),
      });
    } catch (error) {
      // A point just outside every ward (a demo point on a ragged edge) is not a report anyone could make.
      if ((error as { code?: string }).code === 'WL-CORE-003') continue;
      throw error;
    }
    summary.reports += 1;
    if (!result.created) {
      summary.duplicates += result.duplicate ? 1 : 0;
      continue;
    }
    summary.jobs += 1;
    const target = random.weighted(TARGETS, TARGET_WEIGHTS);
    const latest = Math.min(now.getTime() - 60_000, time + random.between(2, 30) * DAY);
    const step = (latest - time) / 8;
    const advance = () => {
      current = new Date(Math.min(current.getTime() + random.between(0.3, 1) * step, latest));
    };
    const final = await workTo(service, result.task, target, { random, types, people, officers, advance, openByType });
    const list = openByType.get(final.taskType) ?? [];
    if (['new', 'assigned', 'accepted', 'in_progress', 'on_hold'].includes(final.status)) openByType.set(final.taskType, [...list, final]);
    summary.byStatus[final.status] = (summary.byStatus[final.status] ?? 0) + 1;
    if (final.status === 'new' || final.status === 'assigned' || final.status === 'accepted' || final.status === 'in_progress') recent.push(result.task);
  }
  return summary;
}

interface WorkContext {
  random: Random;
  types: readonly TaskType[];
  people: Map<string, Officer>;
  officers: readonly Officer[];
  advance: () => void;
  openByType: Map<string, Task[]>;
}

/** Moves a new job along the lifecycle to the target status, as the council's people would. */
async function workTo(service: TaskService, start: Task, target: TaskStatus, context: WorkContext): Promise<Task> {
  const { random, advance } = context;
  let task = start;
  const act = async (action: TaskAction, actor: Actor) => {
    advance();
    task = (await service.act(task.id, action, actor)).task;
  };
  const team = (task.assignedTeam ?? '').toLowerCase();
  const supervisor = context.officers.find((o) => o.role === 'supervisor' && (o.teams ?? '').toLowerCase() === team);
  const boss = supervisor ? actorFromOfficer(supervisor) : systemActor();
  if (target === 'new') return task;
  if (target === 'cancelled') {
    await act({ kind: 'cancel', reason: random.pick(['Reported to the wrong council', 'Private land: the owner has been written to', 'Resident withdrew the request']) }, boss);
    return task;
  }
  if (target === 'merged') {
    const into = (context.openByType.get(task.taskType) ?? []).find((t) => t.id !== task.id);
    if (!into) return task;
    await act({ kind: 'merge', into: { id: into.id, reference: into.reference, status: into.status }, reason: 'Same problem as an open job' }, boss);
    return task;
  }
  // Someone must hold the job: whoever triage assigned, the first offered, or a team member the supervisor picks.
  let holder = task.assignedOfficer ? context.people.get(task.assignedOfficer) : undefined;
  if (!holder) {
    const offered = (await service.store.getTimeline(task.id)).some((e) => e.kind === 'offer');
    const candidates = context.officers.filter((o) => o.role === 'officer' && (o.teams ?? '').toLowerCase() === team);
    if (offered && target !== 'assigned') {
      const outbox = await service.store.listOutbox({ taskId: task.id, channel: 'teams' });
      const offeredIds = outbox.filter((e) => e.eventType === 'task.offered').map((e) => e.recipient);
      holder = offeredIds.map((id) => context.people.get(id ?? '')).find(Boolean);
    }
    if (!holder) {
      holder = candidates.length ? random.pick(candidates) : undefined;
      if (!holder) return task;
      await act({ kind: 'assign', officer: holder, team: task.assignedTeam ?? undefined }, boss);
    }
  }
  if (target === 'assigned') return task;
  const me = actorFromOfficer(holder);
  await act({ kind: 'accept' }, me);
  if (target === 'accepted') return task;
  if (target === 'could_not_complete') {
    await act({ kind: 'couldNotComplete', reason: random.pick(['Could not find anything at the location given', 'On private land: passed to the landowner', 'Needs a specialist contractor: raised with them']) }, me);
    return task;
  }
  await act({ kind: 'start' }, me);
  if (random.chance(0.3)) await act({ kind: 'note', text: random.pick(['On site now.', 'Bigger job than reported; may need a second visit.', 'Spoke to a neighbour who saw it happen.']), visibility: 'councillor' }, me);
  if (target === 'in_progress') return task;
  if (target === 'on_hold') {
    await act({ kind: 'hold', reason: random.pick(['Waiting for parts', 'Waiting for the contractor', 'Access blocked by parked cars']) }, me);
    return task;
  }
  const type = context.types.find((t) => t.id === task.taskType);
  if (type?.requirePhoto) await act({ kind: 'photo', photo: { url: `https://photos.wardline-borough.example.gov.uk/${task.reference}.jpg`, type: 'image/jpeg' }, note: 'After' }, me);
  await act({ kind: 'complete', publicNote: random.pick(['Cleared and the area left clean.', 'Done. Thank you for reporting it.', 'Repaired and made safe.', 'Completed as requested.']) }, me);
  return task;
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
