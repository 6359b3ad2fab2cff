import type { NewOutboxEvent, NewTimelineEntry, Officer, SqliteStore, Task, TaskCreation, TaskType } from '@wardline/core';

/**
 * A council for measuring card-action invokes (test support for test/bench/teams.bench.ts): the
 * demo council (seeded beforehand) grown to a realistic number of jobs by copying the demo's own
 * jobs (each copy with its timeline and its outbox events, delivered), every person given a
 * Teams chat on the loopback connector, and a set of fresh assigned jobs to work with Accept,
 * Start and Complete.
 */
export interface InvokeCouncil {
  /** Jobs in the store once grown. */
  jobs: number;
  /** Fresh jobs, each assigned to an officer with a Teams chat, status assigned, row version 1. */
  worked: { task: Task; officer: Officer }[];
}

const CHUNK = 2000;

/** The conversation record Teams' activities from this person carry (so no invoke rewrites it). */
export const chatOf = (connectorUrl: string, person: Pick<Officer, 'id' | 'entraObjectId'>) => ({
  v: 1 as const, channelId: 'msteams', serviceUrl: connectorUrl, conversationId: `a:chat-${person.id}`, tenantId: 'tenant-1',
  userId: `29:${person.id}`, aadObjectId: person.entraObjectId, botId: '28:wardline-bot', updatedOn: new Date(0).toISOString(),
});

/** A copy of a stored job as a new creation: new reference, same shape, timeline and delivered outbox. */
function copyOf(task: Task, reference: string, timeline: NewTimelineEntry[], outbox: NewOutboxEvent[], copy: number): TaskCreation {
  const { id: _id, createdOn: _c, modifiedOn: _m, externalReference: _e, duplicateOf: _d, ...rest } = task;
  return {
    task: { ...rest, reference, rowVersion: task.rowVersion },
    timeline: timeline.map((entry) => ({ ...entry, clientId: entry.clientId ? `${entry.clientId}:${copy}` : undefined })),
    outbox: outbox.map((event) => ({ ...event, idempotencyKey: `${event.idempotencyKey}:copy-${copy}`, status: 'delivered' as const, attempts: 1 })),
  };
}

export async function growInvokeCouncil(store: SqliteStore, options: { connectorUrl: string; jobs: number; worked: number; now: Date }): Promise<InvokeCouncil> {
  const people = await store.listOfficers();
  for (const person of people) await store.updateOfficer(person.id, { conversationReference: JSON.stringify(chatOf(options.connectorUrl, person)), conversationStale: false });

  const templates = (await store.listTasks({ limit: 1000 })).items;
  const shapes = await Promise.all(templates.map(async (task) => ({
    task,
    timeline: (await store.getTimeline(task.id)).map(({ id: _i, task: _t, createdOn: _c, modifiedOn: _m, ...entry }) => entry as NewTimelineEntry),
    outbox: (await store.listOutbox({ taskId: task.id })).map(({ id: _i, task: _t, createdOn: _c, modifiedOn: _m, status: _s, attempts: _a, nextAttemptOn: _n, leaseUntil: _l, deliveredOn: _d, ...event }) => event as NewOutboxEvent),
  })));
  const year = options.now.getUTCFullYear() % 100;
  const toAdd = Math.max(0, options.jobs - templates.length - options.worked);
  let first = await store.reserveReferenceNumbers(options.now.getUTCFullYear(), toAdd + options.worked);
  const reference = () => `WL-${year}-${String(first++).padStart(6, '0')}`;
  for (let done = 0; done < toAdd; done += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, toAdd - done) }, (_, i) => {
      const shape = shapes[(done + i) % shapes.length];
      return copyOf(shape.task, reference(), shape.timeline, shape.outbox, done + i);
    });
    await store.createTasks(batch);
  }

  const officers = people.filter((p) => p.role === 'officer' && p.teams);
  const taskTypes = await store.listTaskTypes();
  const types: TaskType[] = taskTypes.filter((t) => t.dispatchMode === 'assign' && !t.requirePhoto && t.active !== false);
  const wards = await store.listWards();
  const stamp = options.now.toISOString();
  const creations: TaskCreation[] = Array.from({ length: options.worked }, (_, i) => {
    const officer = officers[i % officers.length];
    const type = types[i % types.length];
    const ward = wards[i % wards.length];
    const ref = reference();
    return {
      task: {
        reference: ref, title: `${type.name} on Station Road`, description: 'Reported by a resident; see photos on the timeline.', taskType: type.id, status: 'assigned', priority: type.defaultPriority,
        latitude: 51.89, longitude: 0.9, address: `${10 + (i % 80)} Station Road`, ward: ward.id, wardCode: ward.code, sourceChannel: 'open311',
        assignedOfficer: officer.id, assignedTeam: (officer.teams ?? '').split(',')[0].trim(), dispatchMode: 'assign', reportedOn: stamp,
        dueBy: new Date(options.now.getTime() + 16 * 3_600_000).toISOString(), reportCount: 1, rowVersion: 1,
      },
      timeline: [
        { summary: 'Reported', kind: 'created', toStatus: 'new', occurredOn: stamp, visibility: 'public', authorName: 'Open311' },
        { summary: `Assigned to ${officer.name}`, kind: 'status_change', fromStatus: 'new', toStatus: 'assigned', occurredOn: stamp, visibility: 'internal', authorName: 'Wardline' },
      ],
      outbox: [{ name: `task.assigned ${ref}`, eventType: 'task.assigned', channel: 'teams', recipient: officer.id, idempotencyKey: `task.assigned:${ref}:1:teams:${officer.id}`, status: 'delivered', attempts: 1, payload: JSON.stringify({ eventType: 'task.assigned', reference: ref, rowVersion: 1, audience: 'officer', reason: 'assignee' }) }],
    };
  });
  const created = await store.createTasks(creations);
  const byId = new Map(officers.map((o) => [o.id, o]));
  const { counts } = await store.health();
  return { jobs: counts.task ?? 0, worked: created.map(({ task }) => ({ task, officer: byId.get(task.assignedOfficer ?? '') as Officer })) };
}
