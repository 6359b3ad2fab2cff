import { InvalidInputError, OutsideCouncilError, UnknownTaskTypeError, type TaskService } from '@wardline/core';
import { isNoWardsError } from '../intake/shared-task-service';
import { checkJurisdiction, requireClient } from './authorise';
import { Open311Error, Open311Errors } from './open311-errors';
import type { Open311Call, Open311Context } from './open311-context';
import { readServiceRequest, type Open311Report } from './request-input';
import { councilReferencePoint } from './reference-point';
import type { WireDocument } from './wire';

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per time zone: making one is far dearer than using it. */
const dateFormat = (timeZone: string): Intl.DateTimeFormat => {
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })));
  return format;
};

/** Timeline entries that travel with an Open311 report: the answers, the photos, and whether it was pinpointed. */
export function reportNotes(report: Open311Report, pinpointed: boolean): { notes: { summary: string; note: string; visibility: 'internal' | 'councillor' | 'public' }[]; photos: { url: string; type: string }[] } {
  const notes: { summary: string; note: string; visibility: 'internal' | 'councillor' | 'public' }[] = [];
  if (report.answers.length) {
    notes.push({ summary: 'Answers from the reporter', visibility: 'councillor', note: report.answers.map((a) => `${a.question}: ${a.names.join(', ')}`).join('\n').slice(0, 4000) });
  }
  if (!pinpointed) notes.push({ summary: 'Location not pinpointed', visibility: 'internal', note: 'Reported with an address only: the pin is an approximate point inside the council area, not the reported spot. Check the address before sending a crew.' });
  if (report.ignoredAttributes.length) notes.push({ summary: 'Extra details the form did not ask for', visibility: 'internal', note: report.ignoredAttributes.join(', ') });
  return { notes, photos: report.mediaUrls.map((url) => ({ url, type: /\.png$/i.test(url) ? 'image/png' : 'image/jpeg' })) };
}

async function submit(tasks: TaskService, report: Open311Report, point: { latitude: number; longitude: number }, pinpointed: boolean) {
  const extras = reportNotes(report, pinpointed);
  try {
    return await tasks.report({ ...report.task, ...point, notes: extras.notes, photos: extras.photos });
  } catch (error) {
    if (error instanceof OutsideCouncilError) {
      throw Open311Error.many([`lat ${point.latitude}, long ${point.longitude} is outside the council's area: check the coordinates are WGS84 decimal degrees (lat first) and the report is for this council.`]);
    }
    if (error instanceof InvalidInputError) throw Open311Error.many([error.message]);
    if (error instanceof UnknownTaskTypeError) throw new Open311Error(404, Open311Errors.UnknownService, { code: report.service.code });
    throw error;
  }
}

/**
 * POST requests: checks the key, the service, the location and the answers (every problem at
 * once), then hands the report to the one intake path (core's task service), which triages it
 * and either creates a job or joins it to an open one near by. Realtime services answer with
 * the reference, batch services with a token, blackbox services with a notice only.
 */
export async function postRequest(context: Open311Context, call: Open311Call): Promise<WireDocument> {
  await requireClient(context, call, 'create_request');
  checkJurisdiction(context, call);
  const report = readServiceRequest(call.fields, await context.catalogue(), call.client?.name ?? 'open311');
  report.mediaUrls.push(...call.uploadedMedia);
  if (report.ignoredAttributes.length) call.log.info({ ignored: report.ignoredAttributes, service: report.service.code }, 'Open311 attributes not asked by the service were kept as a note');
  let tasks: TaskService;
  try {
    tasks = await context.tasks();
  } catch (error) {
    if (isNoWardsError(error)) throw new Open311Error(503, Open311Errors.NoWards);
    throw error;
  }
  const point = report.point ?? (await councilReferencePoint(context.store, tasks.context));
  const result = await submit(tasks, report, point, report.point !== undefined);
  const due = result.task.dueBy ? dateFormat(context.settings.timeZone).format(new Date(result.task.dueBy)) : undefined;
  const notice = result.duplicate
    ? `This was already reported as ${result.task.reference}; your report has been added to it.`
    : due ? `${report.service.name}: we aim to deal with this by ${due}.` : `${report.service.name}: thank you for your report.`;
  call.log.info({ reference: result.task.reference, created: result.created, duplicate: result.duplicate, service: report.service.code }, 'Open311 report received');
  const item = report.service.type === 'batch'
    ? { token: result.task.id, service_notice: notice }
    : report.service.type === 'blackbox'
      ? { service_notice: notice }
      : { service_request_id: result.task.reference, service_notice: notice, account_id: null };
  return { root: 'service_requests', item: 'request', items: [item] };
}
