import { InvalidInputError } from '../errors';
import { sourceChannel, visibility as visibilityChoice } from '../model';
import type { SourceChannel, Visibility } from '../model';
import type { Photo } from '../lifecycle';

/** A report as every intake hands it over (CLI, Open311, web forms, Teams bot, tab, webhooks). */
export interface NewTask {
  /** Task type code from the catalogue, e.g. fly-tipping. */
  taskTypeCode: string;
  title?: string;
  description: string;
  latitude: number;
  longitude: number;
  address?: string;
  uprn?: string;
  usrn?: string;
  source: SourceChannel;
  /** The sending system's own id (e.g. Open311 service_request_id): the same one twice is one job. */
  externalReference?: string;
  reporter?: { name?: string; email?: string; phone?: string };
  councillorRaised?: boolean;
  /** wl_officer id of the officer or councillor who raised it. */
  raisedBy?: string;
  /** ISO 8601; defaults to now. */
  reportedOn?: string;
  /** The council's id of the asset the report is about. */
  assetExternalId?: string;
  /** Device-generated id, so a retried offline submission creates one job. */
  clientId?: string;
  /** Further timeline entries written with the report (answers to the task type's questions, intake remarks). */
  notes?: IntakeNote[];
  /** Photos sent with the report (already stored; `url` is where). */
  photos?: Photo[];
}

/** A note an intake adds to the report's timeline. */
export interface IntakeNote {
  summary: string;
  note: string;
  visibility: Visibility;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;
const sources = new Set<string>(sourceChannel.options.map((o) => o.key));

function text(field: string, value: unknown, max: number, required = false): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) throw new InvalidInputError(field, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') throw new InvalidInputError(field, `must be text, not ${typeof value}`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw new InvalidInputError(field, `is ${trimmed.length} characters long; the most allowed is ${max}`);
  return trimmed;
}

function coordinate(field: string, value: unknown, limit: number): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) throw new InvalidInputError(field, `"${String(value)}" is not a number`);
  if (Math.abs(number) > limit) throw new InvalidInputError(field, `${number} is outside -${limit} to ${limit}`);
  return number;
}

function digits(field: string, value: unknown, max: number): string | undefined {
  const found = text(field, value, max);
  if (found !== undefined && !/^\d+$/.test(found)) throw new InvalidInputError(field, `"${found}" must be up to ${max} digits`);
  return found;
}

/**
 * Checks and tidies a report: trims text, checks lengths against the model, coordinates, the
 * source channel, contact formats and dates. Throws InvalidInputError naming the field.
 */
export function normaliseNewTask(input: NewTask): NewTask {
  if (input === null || typeof input !== 'object') throw new InvalidInputError('report', 'must be an object');
  const source = text('source', input.source, 50, true) as SourceChannel;
  if (!sources.has(source)) throw new InvalidInputError('source', `"${source}" is not one of ${[...sources].join(', ')}`);
  const reportedOn = text('reportedOn', input.reportedOn, 40);
  if (reportedOn !== undefined && Number.isNaN(Date.parse(reportedOn))) throw new InvalidInputError('reportedOn', `"${reportedOn}" is not an ISO 8601 date and time`);
  const email = text('reporter.email', input.reporter?.email, 320);
  if (email !== undefined && !EMAIL.test(email)) throw new InvalidInputError('reporter.email', `"${email}" is not an email address`);
  const phone = text('reporter.phone', input.reporter?.phone, 30);
  if (phone !== undefined && !PHONE.test(phone)) throw new InvalidInputError('reporter.phone', `"${phone}" is not a phone number`);
  const name = text('reporter.name', input.reporter?.name, 200);
  return {
    taskTypeCode: text('taskTypeCode', input.taskTypeCode, 50, true) as string,
    title: text('title', input.title, 200),
    description: text('description', input.description, 4000, true) as string,
    latitude: coordinate('latitude', input.latitude, 90),
    longitude: coordinate('longitude', input.longitude, 180),
    address: text('address', input.address, 400),
    uprn: digits('uprn', input.uprn, 12),
    usrn: digits('usrn', input.usrn, 8),
    source,
    externalReference: text('externalReference', input.externalReference, 100),
    reporter: name || email || phone ? { name, email, phone } : undefined,
    councillorRaised: input.councillorRaised === true,
    raisedBy: text('raisedBy', input.raisedBy, 100),
    reportedOn: reportedOn === undefined ? undefined : new Date(reportedOn).toISOString(),
    assetExternalId: text('assetExternalId', input.assetExternalId, 100),
    clientId: text('clientId', input.clientId, 100),
    notes: notes(input.notes),
    photos: photos(input.photos),
  };
}

const visibilities = new Set<string>(visibilityChoice.options.map((o) => o.key));

function notes(input: NewTask['notes']): IntakeNote[] | undefined {
  if (input === undefined) return undefined;
  if (!Array.isArray(input)) throw new InvalidInputError('notes', 'must be a list');
  return input.map((entry, i) => {
    const visibility = text(`notes[${i}].visibility`, entry?.visibility, 20, true) as Visibility;
    if (!visibilities.has(visibility)) throw new InvalidInputError(`notes[${i}].visibility`, `"${visibility}" is not one of ${[...visibilities].join(', ')}`);
    return { summary: text(`notes[${i}].summary`, entry?.summary, 200, true) as string, note: text(`notes[${i}].note`, entry?.note, 4000, true) as string, visibility };
  });
}

function photos(input: NewTask['photos']): Photo[] | undefined {
  if (input === undefined) return undefined;
  if (!Array.isArray(input)) throw new InvalidInputError('photos', 'must be a list');
  return input.map((photo, i) => {
    const url = text(`photos[${i}].url`, photo?.url, 1000, true) as string;
    if (!/^https?:\/\/\S+$/.test(url)) throw new InvalidInputError(`photos[${i}].url`, `"${url.slice(0, 80)}" is not an http(s) address`);
    return { url, type: text(`photos[${i}].type`, photo?.type, 100) ?? 'image/jpeg' };
  });
}
