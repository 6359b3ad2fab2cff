import type { Express, Request, Response } from 'express';
import multer from 'multer';
import type { Logger } from 'pino';
import { InvalidInputError, OutsideCouncilError, type NewTask, type TaskType } from '@wardline/core';
import { mediaStoreFor, MediaError, type MediaStore } from '../intake/media-store';
import { isNoWardsError, sharedTaskService } from '../intake/shared-task-service';
import { councilReferencePoint } from '../open311/reference-point';
import type { RouteModule, ServiceDeps } from '../server/route-module';
import { requestIdOf } from '../server/request-id';
import { gzipText, mountAssets, sendAsset } from './assets';
import { escape, page } from './html';
import { reportForm, type ReportErrors, type ReportValues } from './report-form';
import { notFoundPage, statusPage } from './status-page';
import { wardOutlines } from './ward-outline';

const PHOTO_LIMIT = 10 * 1024 * 1024;
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: PHOTO_LIMIT, files: 1, fields: 20, fieldSize: 20_000 } }).single('photo');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;
const REFERENCE = /^[A-Z]{2,4}-\d{2}-\d{4,8}$/;
const SECURITY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface ResidentOptions {
  media?: MediaStore;
  env?: Readonly<Record<string, string | undefined>>;
}

function html(response: Response, status: number, body: string): void {
  response.status(status).setHeader('Content-Security-Policy', SECURITY);
  response.type('text/html; charset=utf-8').send(body);
}

function parseUpload(request: Request): Promise<{ fields: Record<string, string>; photo?: Express.Multer.File; tooLarge?: boolean }> {
  return new Promise((resolve, reject) => {
    upload(request, {} as never, (error: unknown) => {
      const code = (error as { code?: string } | undefined)?.code;
      if (code === 'LIMIT_FILE_SIZE') return resolve({ fields: (request.body ?? {}) as Record<string, string>, tooLarge: true });
      if (error) return reject(error);
      resolve({ fields: (request.body ?? {}) as Record<string, string>, photo: request.file });
    });
  });
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Checks the form as GOV.UK patterns ask: one clear message per field, saying what to do. */
function check(values: ReportValues, taskTypes: readonly TaskType[], photo: { tooLarge?: boolean; problem?: string }): ReportErrors {
  const errors: ReportErrors = {};
  // Multer decodes fields as UTF-8 and turns bytes that are not UTF-8 into U+FFFD; refuse those
  // rather than store text the resident never wrote.
  const unreadable = (value: string | undefined): boolean => value !== undefined && value.includes('\uFFFD');
  const retype = (what: string) => `${what} contains characters that could not be read. Type it again and resubmit`;
  if (!values.taskType || !taskTypes.some((t) => t.code === values.taskType)) errors.taskType = 'Select the problem you are reporting';
  if (!values.description) errors.description = 'Enter a description of the problem';
  else if (values.description.length > 4000) errors.description = 'Description must be 4,000 characters or fewer';
  const pinned = values.latitude !== undefined && values.longitude !== undefined;
  if (pinned && (!Number.isFinite(Number(values.latitude)) || !Number.isFinite(Number(values.longitude)) || Math.abs(Number(values.latitude)) > 90 || Math.abs(Number(values.longitude)) > 180)) {
    errors.location = 'The pin is not a valid position. Drop it again, or enter the street or postcode';
  } else if (!pinned && !values.address) errors.address = 'Enter the street name, a nearby building or the postcode';
  else if (values.address && values.address.length > 400) errors.address = 'Street, building or postcode must be 400 characters or fewer';
  if (values.name && values.name.length > 200) errors.name = 'Name must be 200 characters or fewer';
  if (values.email && (values.email.length > 320 || !EMAIL.test(values.email))) errors.email = 'Enter an email address in the correct format, like name@example.com';
  if (values.phone && !PHONE.test(values.phone)) errors.phone = 'Enter a mobile number, like 07700 900 982';
  if (unreadable(values.description)) errors.description = retype('The description');
  if (unreadable(values.address)) errors.address = retype('The street, building or postcode');
  if (unreadable(values.name)) errors.name = retype('Your name');
  if (photo.tooLarge) errors.photo = 'The selected file must be smaller than 10MB';
  else if (photo.problem) errors.photo = 'The selected file must be a JPG, PNG, GIF or WebP';
  return errors;
}

async function submit(deps: ServiceDeps, media: MediaStore, request: Request, response: Response): Promise<void> {
  const taskTypes = (await deps.store.listTaskTypes()).filter((t) => t.active);
  const form = await parseUpload(request);
  const values: ReportValues = Object.fromEntries(['taskType', 'description', 'address', 'latitude', 'longitude', 'name', 'email', 'phone'].map((k) => [k, text(form.fields[k])])) as ReportValues;
  let photoProblem: string | undefined;
  if (form.photo && form.photo.size > 0) {
    try {
      media.check('photo', form.photo.buffer);
    } catch (error) {
      if (!(error instanceof MediaError)) throw error;
      photoProblem = error.message;
    }
  }
  const errors = check(values, taskTypes, { tooLarge: form.tooLarge, problem: photoProblem });
  const refuse = (found: ReportErrors) => html(response, 400, page({ title: 'Report a problem', councilName: deps.settings.councilName, hasErrors: true, script: true, body: reportForm(taskTypes, values, found) }));
  if (Object.keys(errors).length) return refuse(errors);

  const tasks = await sharedTaskService(deps);
  const pinned = values.latitude !== undefined && values.longitude !== undefined;
  const point = pinned ? { latitude: Number(values.latitude), longitude: Number(values.longitude) } : await councilReferencePoint(deps.store, tasks.context);
  const photos = form.photo && form.photo.size > 0 ? [media.save('photo', form.photo.buffer)] : [];
  const report: NewTask = {
    taskTypeCode: values.taskType as string, description: values.description as string, ...point, address: values.address, source: 'resident_form',
    reporter: values.name || values.email || values.phone ? { name: values.name, email: values.email, phone: values.phone } : undefined,
    notes: pinned ? [] : [{ summary: 'Location not pinpointed', visibility: 'internal', note: 'Reported on the form with an address only: the pin is an approximate point inside the council area, not the reported spot. Check the address before sending a crew.' }],
    photos: photos.map((p) => ({ url: p.url, type: p.type })),
  };
  try {
    const result = await tasks.report(report);
    response.redirect(303, `/report/received/${encodeURIComponent(result.task.reference)}`);
  } catch (error) {
    if (error instanceof OutsideCouncilError) return refuse({ location: 'The pin is outside the council area. Drop it inside the area, or enter the street or postcode instead' });
    if (error instanceof InvalidInputError) return refuse({ description: error.message });
    throw error;
  }
}

function received(reference: string, councilName: string): string {
  return page({ title: 'Report received', councilName, body: `<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">Report received</h1><div class="govuk-panel__body">Your reference is<br><strong>${escape(reference)}</strong></div></div>
<p class="govuk-body">If you gave an email address or mobile number, we have sent you a confirmation.</p>
<h2 class="govuk-heading-m">What happens next</h2>
<p class="govuk-body">We will look at your report and send someone to deal with it. You can <a class="govuk-link" href="/status/${escape(reference)}">check the progress of your report</a> at any time.</p>
<p class="govuk-body"><a class="govuk-link" href="/report">Report another problem</a></p>
</div></div>` });
}

function failed(deps: ServiceDeps, response: Response, log: Logger, error: unknown): void {
  const requestId = requestIdOf(response);
  const noWards = isNoWardsError(error);
  if (!noWards) log.error({ err: error, requestId }, 'resident page failed');
  html(response, noWards ? 503 : 500, page({ title: 'Sorry, there is a problem with the service', councilName: deps.settings.councilName, body: `<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1><p class="govuk-body">Try again later. Your report has not been saved.</p><p class="govuk-body">If you contact the council about this, quote ${escape(requestId)}.</p>` }));
}

/**
 * The resident pages, styled with GOV.UK Frontend and working without JavaScript: /report (the
 * form, for councils without one), /report/received/:reference, /status/:reference (the public
 * view of a job), plus the assets and photos they use.
 */
export function createResidentRoutes(options: ResidentOptions = {}): RouteModule {
  return {
    name: 'resident',
    mount(app: Express, deps: ServiceDeps) {
      const media = options.media ?? mediaStoreFor(options.env ?? process.env, deps.settings.serviceUrl);
      const log = (response: Response): Logger => (response.locals.log as Logger | undefined) ?? deps.logger;
      const route = (handler: (request: Request, response: Response) => Promise<void>) => async (request: Request, response: Response) => {
        try {
          await handler(request, response);
        } catch (error) {
          failed(deps, response, log(response), error);
        }
      };
      mountAssets(app);
      app.get('/report', route(async (_request, response) => {
        const taskTypes = (await deps.store.listTaskTypes()).filter((t) => t.active);
        html(response, 200, page({ title: 'Report a problem', councilName: deps.settings.councilName, script: true, body: reportForm(taskTypes) }));
      }));
      app.post('/report', route((request, response) => submit(deps, media, request, response)));
      app.get('/report/received/:reference', route(async (request, response) => {
        const reference = String(request.params.reference);
        html(response, REFERENCE.test(reference) ? 200 : 404, REFERENCE.test(reference) ? received(reference, deps.settings.councilName) : page({ title: 'Page not found', councilName: deps.settings.councilName, body: notFoundPage(reference) }));
      }));
      let outline: ReturnType<typeof gzipText> | undefined;
      app.get('/report/map.json', route(async (request, response) => {
        outline ??= gzipText('application/json; charset=utf-8', JSON.stringify(wardOutlines(await deps.store.listWards())));
        sendAsset(request, response, outline);
      }));
      app.get('/status/:reference', route(async (request, response) => {
        const reference = String(request.params.reference).toUpperCase();
        const task = REFERENCE.test(reference) ? await deps.store.getTaskByReference(reference) : undefined;
        if (!task) return html(response, 404, page({ title: 'Report not found', councilName: deps.settings.councilName, body: notFoundPage(reference) }));
        const [types, timeline] = await Promise.all([deps.store.listTaskTypes(), deps.store.getTimeline(task.id)]);
        const type = types.find((t) => t.id === task.taskType) ?? { name: 'Problem', redaction: 'sensitive' as const };
        const mergedInto = task.duplicateOf ? (await deps.store.getTask(task.duplicateOf))?.reference : undefined;
        html(response, 200, page({ title: `Report ${task.reference}`, councilName: deps.settings.councilName, body: statusPage(task, type, timeline, deps.settings.timeZone, mergedInto) }));
      }));
      app.get('/media/:name', (request: Request, response: Response) => {
        const file = media.pathOf(String(request.params.name));
        if (!file) return void response.status(404).end();
        response.sendFile(file, { maxAge: '1d', headers: { 'X-Content-Type-Options': 'nosniff' } }, (error) => {
          if (error && !response.headersSent) response.status(404).end();
        });
      });
    },
  };
}

export const residentRoutes: RouteModule = createResidentRoutes();
