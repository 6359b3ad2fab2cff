import { InvalidInputError, type Task } from '@wardline/core';
import express, { Router } from 'express';
import { checkMaySee, requireRole } from './access';
import { applyChange, type Change, type ChangeResult } from './apply-change';
import { toTaskAction, type ClientAction } from './client-action';
import { jobSummary } from './job-json';
import { sendJson } from './send-json';
import { viewerOf, type TabContext } from './tab-context';
import { TabError, TabErrors } from './tab-errors';

/** Most changes one sync may carry (a day offline is a few dozen). */
const MAX_SYNC = 200;
const CLIENT_ID = /^[A-Za-z0-9-]{8,100}$/;

interface QueuedChange {
  clientId?: unknown;
  occurredOn?: unknown;
  reference?: unknown;
  expectedRowVersion?: unknown;
  action?: ClientAction;
}

/** Checks the device's id and time for a change; a time in the future is taken as now. */
function deviceFields(change: QueuedChange, field: string, now: Date): Pick<Change, 'clientId' | 'occurredOn' | 'expectedRowVersion'> {
  const clientId = change.clientId === undefined || change.clientId === null ? undefined : String(change.clientId);
  if (clientId !== undefined && !CLIENT_ID.test(clientId)) throw new InvalidInputError(`${field}.clientId`, `"${clientId}" is not a device id (8 to 100 letters, digits or dashes)`);
  let occurredOn: string | undefined;
  if (change.occurredOn !== undefined && change.occurredOn !== null) {
    const at = Date.parse(String(change.occurredOn));
    if (Number.isNaN(at)) throw new InvalidInputError(`${field}.occurredOn`, `"${String(change.occurredOn)}" is not an ISO 8601 date and time`);
    occurredOn = new Date(Math.min(at, now.getTime())).toISOString();
  }
  const version = change.expectedRowVersion;
  if (version !== undefined && version !== null && !(Number.isInteger(version) && (version as number) > 0)) throw new InvalidInputError(`${field}.expectedRowVersion`, 'must be a whole number');
  return { clientId, occurredOn, expectedRowVersion: (version ?? undefined) as number | undefined };
}

export function writeRoutes(context: TabContext): Router {
  const router = Router();
  const json = express.json({ limit: '1mb' });
  const findTask = async (reference: string): Promise<Task> => (await context.tasks()).getTask(reference);

  /** One action now (supervisor board, councillor note): strict about the version the person saw. */
  router.post('/jobs/:reference/actions', json, async (request, response) => {
    const viewer = await viewerOf(context, request);
    const body = (request.body ?? {}) as QueuedChange;
    const fields = deviceFields(body, 'body', context.clock());
    const action = await toTaskAction(body.action as ClientAction, await context.directory(), findTask);
    const result = await applyChange(context, viewer, { reference: String(request.params.reference), action, ...fields, strict: true });
    response.status(result.outcome === 'applied' || result.outcome === 'already-applied' ? 200 : result.outcome === 'conflict' ? 409 : 400).json(result);
  });

  /** Changes queued on a device while offline, applied in the order given, each once. */
  router.post('/sync', json, async (request, response) => {
    const viewer = await viewerOf(context, request);
    const changes = (request.body as { changes?: unknown })?.changes;
    if (!Array.isArray(changes)) throw new TabError(TabErrors.BadSync, { index: 0, problem: 'the body must be {"changes": [...]}' });
    if (changes.length > MAX_SYNC) throw new TabError(TabErrors.BadSync, { index: MAX_SYNC, problem: `at most ${MAX_SYNC} changes per sync; send the rest next` });
    const directory = await context.directory();
    const results: ChangeResult[] = [];
    for (const [index, raw] of (changes as QueuedChange[]).entries()) {
      const field = `changes[${index}]`;
      const reference = typeof raw?.reference === 'string' ? raw.reference : '';
      try {
        if (!reference) throw new InvalidInputError(`${field}.reference`, 'is required');
        const action = await toTaskAction(raw.action as ClientAction, directory, findTask);
        results.push(await applyChange(context, viewer, { reference, action, ...deviceFields(raw, field, context.clock()) }));
      } catch (error) {
        if (!(error instanceof Error && 'code' in error)) throw error;
        results.push({ clientId: typeof raw?.clientId === 'string' ? raw.clientId : null, reference, outcome: 'refused', code: String((error as { code: unknown }).code), message: error.message });
      }
    }
    response.json({ results });
  });

  /** A photo (the body is the image), added to the job's timeline once per device id. */
  router.post('/jobs/:reference/photos', express.raw({ type: 'image/*', limit: context.media.maxBytes }), async (request, response) => {
    const viewer = await viewerOf(context, request);
    const fields = deviceFields({ clientId: request.query.clientId, occurredOn: request.query.occurredOn }, 'query', context.clock());
    const reference = String(request.params.reference);
    const note = typeof request.query.note === 'string' && request.query.note.trim() ? request.query.note.trim().slice(0, 4000) : undefined;
    if (fields.clientId) {
      const entry = await context.store.getTimelineEntryByClientId(fields.clientId);
      const task = entry && (await context.store.getTask(entry.task));
      if (task && task.reference === reference) {
        response.json({ clientId: fields.clientId, reference, outcome: 'already-applied', job: jobSummary(task, viewer, await context.directory(), context.clock()) });
        return;
      }
    }
    checkMaySee(viewer, await findTask(reference));
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new InvalidInputError('photo', 'send the image as the request body with its Content-Type (image/jpeg, image/png, image/webp)');
    const saved = context.media.save('photo', request.body);
    const url = `${context.settings.serviceUrl.replace(/\/$/, '')}/tab/media/${saved.name}`;
    const result = await applyChange(context, viewer, { reference, action: { kind: 'photo', photo: { url, type: saved.type }, note, visibility: 'internal' }, ...fields });
    response.status(result.outcome === 'refused' ? 400 : result.outcome === 'conflict' ? 409 : 200).json(result);
  });

  /** Raise a case (councillors: councillor-raised priority applies; staff: from the field). */
  router.post('/jobs', json, async (request, response) => {
    const viewer = await viewerOf(context, request);
    requireRole(viewer, ['councillor', 'officer', 'supervisor'], 'raise cases');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields = deviceFields(body, 'body', context.clock());
    const service = await context.tasks();
    const result = await service.report({
      taskTypeCode: String(body.taskTypeCode ?? ''), title: typeof body.title === 'string' ? body.title : undefined, description: String(body.description ?? ''),
      latitude: body.latitude as number, longitude: body.longitude as number, address: typeof body.address === 'string' ? body.address : undefined,
      source: 'tab', councillorRaised: viewer.role === 'councillor', raisedBy: viewer.person.id, clientId: fields.clientId,
    });
    response.status(result.created ? 201 : 200).json({ created: result.created, duplicate: result.duplicate, job: jobSummary(result.task, viewer, await context.directory(), context.clock()) });
  });

  /** Follow a case: updates come to the person in Teams. */
  router.post('/jobs/:reference/follow', async (request, response) => {
    const viewer = await viewerOf(context, request);
    const task = await findTask(String(request.params.reference));
    checkMaySee(viewer, task);
    const existing = (await context.store.listSubscriptions({ taskId: task.id })).find((s) => s.person === viewer.person.id && s.active);
    if (!existing) {
      await context.store.addSubscriptions([{ name: `${viewer.person.name} follows ${task.reference}`.slice(0, 200), person: viewer.person.id, task: task.id, channel: 'teams', events: 'accepted,overdue,completed,could_not_complete', active: true }]);
    }
    sendJson(request, response, { following: true, reference: task.reference });
  });

  /** People a supervisor may give a job to (their teams). */
  router.get('/officers', async (request, response) => {
    const viewer = await viewerOf(context, request);
    requireRole(viewer, ['supervisor'], 'reassign jobs');
    const directory = await context.directory();
    const people = [...directory.people.values()].filter((p) => p.role !== 'councillor' && (p.teams ?? '').split(',').some((t) => viewer.teams.includes(t.trim().toLowerCase())));
    sendJson(request, response, { officers: people.map((p) => ({ id: p.id, name: p.name, role: p.role, teams: p.teams, onDuty: p.onDuty })).sort((a, b) => a.name.localeCompare(b.name)) });
  });

  return router;
}
