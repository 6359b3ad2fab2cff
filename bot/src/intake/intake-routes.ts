import type { Express, Request, Response } from 'express';
import type { Logger } from 'pino';
import { InvalidInputError, OutsideCouncilError, UnknownTaskTypeError, WardlineError, type NewTask } from '@wardline/core';
import { parseForm } from '../open311/parse-form';
import type { RouteModule, ServiceDeps } from '../server/route-module';
import { requestIdOf } from '../server/request-id';
import { IntakeError, IntakeErrors } from './intake-errors';
import { DEFAULT_SOURCES_DIR, loadIntakeSources } from './load-sources';
import { mapToReport, valueAt, type Payload } from './map-fields';
import { readRawBody, utf8 } from './read-raw';
import { oneAtATime, openJobForAsset } from './sensor';
import { isNoWardsError, sharedTaskService } from './shared-task-service';
import { ReplayGuard, verifyPost } from './signature';
import type { SourceDefinition } from './source-definition';

/** Largest webhook body accepted. */
export const INTAKE_LIMIT = 256 * 1024;

export interface IntakeOptions {
  directory?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

function parsePayload(definition: SourceDefinition, request: Request, body: Buffer): Payload {
  const source = definition.source;
  const text = utf8(body);
  if (text === undefined) throw new IntakeError(400, IntakeErrors.BadBody, { source, problem: 'the body is not valid UTF-8 text; send it as UTF-8' });
  const type = (request.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      return parsed as Payload;
    } catch {
      throw new IntakeError(400, IntakeErrors.BadBody, { source, problem: `Content-Type says JSON but the body is not a JSON object${text.trimStart().startsWith('<') ? ' (it looks like XML)' : ''}` });
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    const fields = parseForm(body);
    return Object.fromEntries([...fields].map(([key, values]) => [key, values.length === 1 ? values[0] : values]));
  }
  throw new IntakeError(415, IntakeErrors.BadBody, { source, problem: `Content-Type ${type || '(none)'} is not accepted: send application/json or application/x-www-form-urlencoded` });
}

async function handle(deps: ServiceDeps, definition: SourceDefinition, payload: Payload): Promise<{ status: number; body: Record<string, unknown> }> {
  const tasks = await sharedTaskService(deps);
  const report = mapToReport(definition, payload);
  const statusUrl = (reference: string) => `${deps.settings.serviceUrl.replace(/\/$/, '')}/status/${reference}`;
  const assets = report.assetExternalId ? await deps.store.listAssets() : [];
  const asset = report.assetExternalId ? assets.find((a) => a.externalId === report.assetExternalId) : undefined;
  if (report.assetExternalId && !asset) throw new IntakeError(400, IntakeErrors.BadField, { source: definition.source, field: definition.fields.assetExternalId?.field ?? 'assetExternalId', problem: `no asset has the id "${report.assetExternalId.slice(0, 60)}" in the council's asset register` });
  const latitude = report.latitude ?? asset?.latitude;
  const longitude = report.longitude ?? asset?.longitude;
  if (latitude === undefined || longitude === undefined) throw new IntakeError(400, IntakeErrors.BadField, { source: definition.source, field: 'location', problem: 'the post has no coordinates and names no asset' });
  const submit = async (extra: Partial<NewTask> = {}) => {
    const result = await tasks.report({ ...report, ...extra, latitude, longitude } as NewTask);
    const outcome = result.created ? 'created' : result.duplicate ? 'added-to-existing-job' : 'already-received';
    return { status: result.created ? 201 : 200, body: { outcome, reference: result.task.reference, statusUrl: statusUrl(result.task.reference) } };
  };
  if (!definition.sensor) return submit();

  const level = Number(valueAt(payload, definition.sensor.levelField));
  if (!Number.isFinite(level) || level < 0 || level > 100) throw new IntakeError(400, IntakeErrors.BadField, { source: definition.source, field: definition.sensor.levelField, problem: 'must be a fill level from 0 to 100' });
  if (level < definition.sensor.threshold) return { status: 200, body: { outcome: 'below-threshold', level, threshold: definition.sensor.threshold } };
  if (!asset) throw new IntakeError(400, IntakeErrors.BadField, { source: definition.source, field: 'assetExternalId', problem: 'a sensor reading must name its asset' });
  const taskType = tasks.context.taskTypes.get(report.taskTypeCode.toLowerCase());
  if (!taskType) throw new UnknownTaskTypeError(report.taskTypeCode);
  return oneAtATime(`${definition.source}:${asset.id}`, async () => {
    const open = await openJobForAsset(deps.store, asset.id, taskType.id);
    if (open) return { status: 200, body: { outcome: 'already-open', reference: open.reference, statusUrl: statusUrl(open.reference) } };
    // One job per full episode: the reading that crossed the threshold names it, retries of that reading are the same job.
    return submit({ description: `${report.description || `${asset.name} is full`} (fill level ${level}%)`.slice(0, 4000), externalReference: report.externalReference });
  });
}

function answerError(error: unknown, response: Response, log: Logger): void {
  if (error instanceof IntakeError) {
    response.status(error.status).json({ code: error.code, message: error.message });
  } else if (isNoWardsError(error)) {
    response.status(503).json({ code: 'WL-CORE-004', message: (error as Error).message });
  } else if (error instanceof InvalidInputError || error instanceof OutsideCouncilError || error instanceof UnknownTaskTypeError || (error instanceof WardlineError && /^WL-(CORE-00\d|GEO)/.test(error.code))) {
    response.status(400).json({ code: (error as WardlineError).code, message: (error as WardlineError).message });
  } else {
    const requestId = requestIdOf(response);
    log.error({ err: error, requestId }, 'intake failed');
    response.status(500).json({ code: 'WL-SVC-500', message: `Something went wrong on our side; nothing was stored. Quote request id ${requestId} if you report it.` });
  }
}

/**
 * POST /api/intake/:source: web-form and sensor webhooks. Each source is a council-edited JSON
 * definition (validated at start-up) mapping the form's fields to a job, with its HMAC secret.
 * Every report goes through core's task service, like every other intake.
 */
export function createIntakeRoutes(options: IntakeOptions = {}): RouteModule {
  return {
    name: 'intake',
    mount(app: Express, deps: ServiceDeps) {
      const env = options.env ?? process.env;
      const directory = options.directory ?? env.WARDLINE_INTAKE_SOURCES?.trim() ?? DEFAULT_SOURCES_DIR;
      const sources = loadIntakeSources(directory || DEFAULT_SOURCES_DIR);
      const guard = new ReplayGuard();
      deps.logger.info({ sources: [...sources.keys()] }, 'intake sources loaded');
      app.post('/api/intake/:source', async (request: Request, response: Response) => {
        const log: Logger = (response.locals.log as Logger | undefined) ?? deps.logger;
        try {
          const name = String(request.params.source);
          const definition = sources.get(name);
          if (!definition) throw new IntakeError(404, IntakeErrors.UnknownSource, { source: name.slice(0, 50) });
          const body = await readRawBody(request, INTAKE_LIMIT);
          if (!body) throw new IntakeError(413, IntakeErrors.TooLarge, { source: name, limit: INTAKE_LIMIT });
          verifyPost(definition, (header) => request.get(header), body, env, deps.clock().getTime(), guard);
          const result = await handle(deps, definition, parsePayload(definition, request, body));
          log.info({ source: name, ...result.body }, 'intake post');
          response.status(result.status).json(result.body);
        } catch (error) {
          answerError(error, response, log);
        }
      });
    },
  };
}

export const intakeRoutes: RouteModule = createIntakeRoutes();
