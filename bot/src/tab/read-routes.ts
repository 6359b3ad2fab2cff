import { openStatuses, type Task, type TaskQuery } from '@wardline/core';
import { Router, type Request } from 'express';
import type { Viewer } from '../identity';
import { checkMaySee, maySee, requireRole } from './access';
import { actionsFor, dateLabel, jobSummary, timelineFor } from './job-json';
import { readListRequest } from './list-query';
import { sendJson } from './send-json';
import { viewerOf, type TabContext } from './tab-context';
import { TabError, TabErrors } from './tab-errors';
import { wardFigures } from './ward-figures';

const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
const MAP_LIMIT = 2_000;

/** The wards a list may cover: a councillor's own (one of them with ?ward=), anyone else's patch. */
function wardScope(viewer: Viewer, ward: string | undefined): string[] {
  if (ward && !viewer.wardIds.includes(ward)) throw new TabError(TabErrors.NotYourJob, { ref: `list for ward ${ward}` });
  return ward ? [ward] : viewer.wardIds;
}

/** The role's own slice of jobs: councillors their wards, supervisors their team, officers and volunteers what they hold. */
function scopeQuery(viewer: Viewer, request: Request, ward: string | undefined): TaskQuery {
  if (viewer.role === 'councillor') return { wardIds: wardScope(viewer, ward) };
  if (viewer.role === 'supervisor') {
    const team = typeof request.query.team === 'string' && request.query.team ? request.query.team : undefined;
    if (team && !viewer.teams.includes(team.toLowerCase())) throw new TabError(TabErrors.NotYourJob, { ref: `list for team ${team}` });
    return { assignedTeam: team ?? viewer.person.teams?.split(',')[0]?.trim() ?? '', ...(ward ? { wardIds: [ward] } : {}) };
  }
  return { assignedOfficer: viewer.person.id, ...(ward ? { wardIds: [ward] } : {}) };
}

async function followedTasks(context: TabContext, viewer: Viewer): Promise<Task[]> {
  const subs = await context.store.listSubscriptions({ personId: viewer.person.id });
  const tasks = await Promise.all([...new Set(subs.filter((s) => s.task && s.active).map((s) => s.task as string))].map((id) => context.store.getTask(id)));
  return tasks.filter((t): t is Task => !!t && maySee(viewer, t));
}

export function readRoutes(context: TabContext): Router {
  const router = Router();
  const now = (): Date => context.clock();

  router.get('/me', async (request, response) => {
    const viewer = await viewerOf(context, request);
    const directory = await context.directory();
    const { person } = viewer;
    sendJson(request, response, {
      person: { id: person.id, name: person.name, email: person.email, role: viewer.role, teams: person.teams },
      wards: viewer.wardIds.map((id) => ({ id, name: directory.wards.get(id)?.name ?? id, code: directory.wards.get(id)?.code ?? '' })),
      teams: viewer.teams,
      taskTypes: [...directory.taskTypes.values()].filter((t) => t.active).map((t) => ({ id: t.id, code: t.code, name: t.name })).sort((a, b) => a.name.localeCompare(b.name)),
      councilName: context.settings.councilName,
      tileUrl: context.settings.tileUrl ?? null,
      tileAttribution: context.settings.tileAttribution ?? null,
    });
  });

  router.get('/jobs', async (request, response) => {
    const viewer = await viewerOf(context, request);
    const list = readListRequest(request.query, now());
    const directory = await context.directory();
    const scope = scopeQuery(viewer, request, list.ward);
    let items: Task[];
    let total: number;
    if (list.raisedByMe || list.followed) {
      const mine = (await followedTasks(context, viewer)).filter((t) => !list.raisedByMe || t.councillorRaised)
        .filter((t) => !list.query.statuses || list.query.statuses.includes(t.status))
        .sort((a, b) => b.reportedOn.localeCompare(a.reportedOn));
      total = mine.length;
      items = mine.slice(list.query.offset, (list.query.offset ?? 0) + list.pageSize);
    } else {
      ({ items, total } = await context.store.listTasks({ ...list.query, ...scope }));
    }
    const labelled = items.map((t) => ({ ...jobSummary(t, viewer, directory, now()), reportedOnLabel: dateLabel(t.reportedOn, context.settings.timeZone) }));
    sendJson(request, response, { items: labelled, total, page: list.page, pageSize: list.pageSize });
  });

  router.get('/map', async (request, response) => {
    const viewer = await viewerOf(context, request);
    const list = readListRequest(request.query, now());
    const scope = scopeQuery(viewer, request, list.ward);
    const { items, total } = await context.store.listTasks({ ...list.query, statuses: list.query.statuses ?? [...openStatuses], ...scope, limit: MAP_LIMIT, offset: 0 });
    sendJson(request, response, { total, shown: items.length, points: items.map((t) => ({ reference: t.reference, title: t.title, status: t.status, latitude: t.latitude, longitude: t.longitude, priority: t.priority })) });
  });

  router.get('/jobs/:reference', async (request, response) => {
    const viewer = await viewerOf(context, request);
    const task = await (await context.tasks()).getTask(String(request.params.reference));
    checkMaySee(viewer, task);
    const [directory, timeline, subs] = await Promise.all([context.directory(), context.store.getTimeline(task.id), context.store.listSubscriptions({ taskId: task.id })]);
    sendJson(request, response, {
      job: jobSummary(task, viewer, directory, now()), timeline: timelineFor(timeline, viewer), actions: actionsFor(task, viewer),
      following: subs.some((s) => s.person === viewer.person.id && s.active),
    });
  });

  router.get('/my-jobs', async (request, response) => {
    const viewer = await viewerOf(context, request);
    requireRole(viewer, ['officer', 'volunteer', 'supervisor'], 'have jobs of their own');
    const directory = await context.directory();
    const today = new Date(now());
    today.setUTCHours(0, 0, 0, 0);
    const [open, closedToday] = await Promise.all([
      context.store.listTasks({ assignedOfficer: viewer.person.id, statuses: [...openStatuses], limit: 500 }),
      context.store.listTasks({ assignedOfficer: viewer.person.id, statuses: ['completed', 'could_not_complete'], modifiedSince: today.toISOString(), limit: 100 }),
    ]);
    const jobs = [...open.items].sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || (a.dueBy ?? '9').localeCompare(b.dueBy ?? '9'));
    const doneToday = closedToday.items.filter((t) => (t.completedOn ?? '') >= today.toISOString());
    const withDetail = await Promise.all([...jobs, ...doneToday].map(async (task) => ({
      job: jobSummary(task, viewer, directory, now()), timeline: timelineFor(await context.store.getTimeline(task.id), viewer), actions: actionsFor(task, viewer),
    })));
    sendJson(request, response, { jobs: withDetail, asOf: now().toISOString() });
  });

  router.get('/wards/boundaries', async (request, response) => {
    const viewer = await viewerOf(context, request);
    const directory = await context.directory();
    const wards = viewer.role === 'supervisor' && viewer.wardIds.length === 0 ? [...directory.wards.values()] : viewer.wardIds.map((id) => directory.wards.get(id)).filter((w) => !!w);
    sendJson(request, response, { type: 'FeatureCollection', features: wards.map((w) => ({ type: 'Feature', id: w.id, properties: { id: w.id, name: w.name, code: w.code }, geometry: JSON.parse(w.boundary) })) });
  });

  router.get('/wards/:wardId/figures', async (request, response) => {
    const viewer = await viewerOf(context, request);
    const wardId = String(request.params.wardId);
    if (!viewer.wardIds.includes(wardId) && viewer.role !== 'supervisor') throw new TabError(TabErrors.NotYourJob, { ref: `figures for ward ${wardId}` });
    const directory = await context.directory();
    if (!directory.wards.has(wardId)) throw new TabError(TabErrors.NotFound, { what: 'ward', id: wardId });
    sendJson(request, response, await wardFigures(context.store, wardId, directory, now()));
  });

  router.get('/board', async (request, response) => {
    const viewer = await viewerOf(context, request);
    requireRole(viewer, ['supervisor'], 'see the team board');
    const directory = await context.directory();
    const teams = (viewer.person.teams ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    const team = typeof request.query.team === 'string' && teams.some((t) => t.toLowerCase() === String(request.query.team).toLowerCase()) ? String(request.query.team) : teams[0];
    const { items } = await context.store.listTasks({ assignedTeam: team, statuses: [...openStatuses], orderBy: 'dueBy', limit: 1_000 });
    const jobs = items.map((t) => jobSummary(t, viewer, directory, now()));
    const officers = [...directory.people.values()].filter((p) => p.role !== 'councillor' && (p.teams ?? '').split(',').some((t) => t.trim().toLowerCase() === team?.toLowerCase()))
      .sort((a, b) => a.name.localeCompare(b.name));
    const urgentFirst = (a: (typeof jobs)[number], b: (typeof jobs)[number]) => Number(b.overdue) - Number(a.overdue) || (a.dueBy ?? '9').localeCompare(b.dueBy ?? '9');
    sendJson(request, response, {
      team, teams,
      unassigned: jobs.filter((j) => !j.assignedOfficer).sort(urgentFirst),
      officers: officers.map((o) => ({ id: o.id, name: o.name, role: o.role, onDuty: o.onDuty, jobs: jobs.filter((j) => j.assignedOfficer === o.id).sort(urgentFirst) })),
      others: jobs.filter((j) => j.assignedOfficer && !officers.some((o) => o.id === j.assignedOfficer)).sort(urgentFirst),
      counts: { open: jobs.length, overdue: jobs.filter((j) => j.overdue).length, unassigned: jobs.filter((j) => !j.assignedOfficer).length },
    });
  });

  return router;
}
