import { fromBritishNationalGrid, type NewTask } from '@wardline/core';
import type { ServiceAttribute } from './attributes';
import { Open311Error, Open311Errors } from './open311-errors';
import { attributesOf, value, type FormFields } from './parse-form';
import type { Service, ServiceCatalogue } from './service-catalogue';

/** The most a description may hold (the model's wl_task.description). */
export const DESCRIPTION_LIMIT = 4000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;
const DIGITS = (max: number) => new RegExp(`^\\d{1,${max}}$`);

/** One answered question, with the words the resident saw. */
export interface Answer {
  code: string;
  question: string;
  values: string[];
  /** The values' display names, for list questions. */
  names: string[];
}

/** A POST requests body, checked and translated to Wardline's words. */
export interface Open311Report {
  service: Service;
  task: Omit<NewTask, 'latitude' | 'longitude'>;
  /** Where it is; absent when the client gave an address only (placed by the caller, marked not pinpointed). */
  point?: { latitude: number; longitude: number };
  answers: Answer[];
  mediaUrls: string[];
  /** attribute[...] codes the service does not ask (FixMyStreet always sends uprn): tolerated and logged. */
  ignoredAttributes: string[];
}

function coordinate(text: string | undefined, name: string, limit: number, problems: string[]): number | undefined {
  if (text === undefined) return undefined;
  const number = Number(text);
  if (!/^-?\d+(\.\d+)?$/.test(text) || Math.abs(number) > limit) {
    problems.push(`${name} "${text.slice(0, 40)}" is not a number from -${limit} to ${limit} (decimal degrees, WGS84).`);
    return undefined;
  }
  return number;
}

function readPoint(fields: FormFields, answers: Map<string, string[]>, problems: string[]): { latitude: number; longitude: number } | undefined {
  const lat = value(fields, 'lat');
  const long = value(fields, 'long');
  if (lat !== undefined || long !== undefined) {
    if (lat === undefined || long === undefined) {
      problems.push(`lat and long go together: ${lat === undefined ? 'lat' : 'long'} is missing.`);
      return undefined;
    }
    const latitude = coordinate(lat, 'lat', 90, problems);
    const longitude = coordinate(long, 'long', 180, problems);
    return latitude === undefined || longitude === undefined ? undefined : { latitude, longitude };
  }
  // FixMyStreet sends easting/northing (British National Grid) as attributes; some clients send them bare.
  const easting = value(fields, 'easting') ?? answers.get('easting')?.[0]?.trim();
  const northing = value(fields, 'northing') ?? answers.get('northing')?.[0]?.trim();
  if (easting && northing) {
    const e = Number(easting);
    const n = Number(northing);
    if (!Number.isFinite(e) || !Number.isFinite(n) || e < 0 || e > 700000 || n < 0 || n > 1300000) {
      problems.push(`easting ${easting} / northing ${northing} is not a British National Grid reference in metres (easting 0 to 700000, northing 0 to 1300000).`);
      return undefined;
    }
    return fromBritishNationalGrid(e, n);
  }
  return undefined;
}

function checkAnswer(attribute: ServiceAttribute, given: string[] | undefined, serviceCode: string, problems: string[]): Answer | undefined {
  const values = (given ?? []).map((v) => v.trim()).filter((v) => v !== '');
  const asked = attribute.variable && !attribute.automated;
  if (values.length === 0) {
    if (attribute.required && asked) problems.push(`attribute[${attribute.code}] is required for service_code ${serviceCode}.`);
    return undefined;
  }
  const names: string[] = [];
  if (attribute.values) {
    for (const v of values) {
      const match = attribute.values.find((option) => option.key === v);
      if (!match) {
        problems.push(`attribute[${attribute.code}] "${v.slice(0, 50)}" is not one of ${attribute.values.map((o) => o.key).join(', ')}.`);
        return undefined;
      }
      names.push(match.name);
    }
    if (attribute.datatype === 'singlevaluelist' && values.length > 1) {
      problems.push(`attribute[${attribute.code}] takes one value; ${values.length} were sent.`);
      return undefined;
    }
  } else if (attribute.datatype === 'number' && values.some((v) => !Number.isFinite(Number(v)))) {
    problems.push(`attribute[${attribute.code}] must be a number.`);
    return undefined;
  } else if (attribute.datatype === 'datetime' && values.some((v) => Number.isNaN(Date.parse(v)))) {
    problems.push(`attribute[${attribute.code}] must be a W3C date and time, e.g. 2025-01-06T09:00:00Z.`);
    return undefined;
  }
  return { code: attribute.code, question: attribute.description, values, names: names.length ? names : values };
}

/**
 * Checks a POST requests body against the service definition, collecting every problem so the
 * client hears about all of them at once. An unknown service code is 404 (spec); everything else
 * wrong is 400. Nothing is stored here.
 */
export function readServiceRequest(fields: FormFields, catalogue: ServiceCatalogue, clientName: string): Open311Report {
  const code = value(fields, 'service_code');
  if (code === undefined) {
    throw Open311Error.many(['service_code is required: GET services.xml lists the codes.']);
  }
  const service = catalogue.get(code);
  if (!service) throw new Open311Error(404, Open311Errors.UnknownService, { code: code.slice(0, 50) });

  const problems: string[] = [];
  const given = attributesOf(fields);
  const point = readPoint(fields, given, problems);
  const addressString = value(fields, 'address_string');
  const addressId = value(fields, 'address_id');
  if (!point && addressString === undefined && addressId === undefined && !problems.length) {
    problems.push('A location is required: lat and long, address_string or address_id.');
  }
  const description = value(fields, 'description');
  if (description !== undefined && description.length > DESCRIPTION_LIMIT) {
    problems.push(`description is ${description.length} characters long; the most allowed is ${DESCRIPTION_LIMIT}.`);
  }
  const email = value(fields, 'email');
  if (email !== undefined && (email.length > 320 || !EMAIL.test(email))) problems.push(`email "${email.slice(0, 80)}" is not an email address.`);
  const phone = value(fields, 'phone');
  if (phone !== undefined && !PHONE.test(phone)) problems.push(`phone "${phone.slice(0, 40)}" is not a phone number.`);
  const mediaUrls = (fields.get('media_url') ?? []).map((u) => u.trim()).filter(Boolean);
  for (const url of mediaUrls) if (!/^https?:\/\/\S+$/.test(url) || url.length > 1000) problems.push(`media_url "${url.slice(0, 80)}" is not an http(s) address.`);

  const answers: Answer[] = [];
  for (const attribute of service.attributes) {
    const answer = checkAnswer(attribute, given.get(attribute.code), service.code, problems);
    if (answer) answers.push(answer);
  }
  const asked = new Set(service.attributes.map((a) => a.code));
  const ignoredAttributes = [...given.keys()].filter((c) => !asked.has(c) && !['uprn', 'usrn', 'easting', 'northing', 'fixmystreet_id', 'closest_address'].includes(c));
  const uprn = given.get('uprn')?.[0]?.trim() || (addressId && DIGITS(12).test(addressId) ? addressId : undefined);
  if (uprn && !DIGITS(12).test(uprn)) problems.push(`attribute[uprn] "${uprn.slice(0, 20)}" must be up to 12 digits.`);
  const usrn = given.get('usrn')?.[0]?.trim() || undefined;
  if (usrn && !DIGITS(8).test(usrn)) problems.push(`attribute[usrn] "${usrn.slice(0, 20)}" must be up to 8 digits.`);
  if (problems.length) throw Open311Error.many(problems);

  const fixMyStreetId = given.get('fixmystreet_id')?.[0]?.trim();
  const firstName = value(fields, 'first_name');
  const lastName = value(fields, 'last_name');
  const name = [firstName, lastName && lastName !== '-' ? lastName : undefined].filter(Boolean).join(' ') || undefined;
  const closest = given.get('closest_address')?.[0]?.trim();
  return {
    service,
    point,
    answers,
    mediaUrls,
    ignoredAttributes,
    task: {
      taskTypeCode: service.taskType.code,
      description: description ?? `${service.name} reported through Open311${answers.length ? `: ${answers.map((a) => a.names.join(', ')).join('; ')}` : ''}`.slice(0, DESCRIPTION_LIMIT),
      address: (addressString ?? closest ?? (addressId && !uprn ? `Address ${addressId}` : undefined))?.slice(0, 400),
      uprn,
      usrn,
      source: 'open311',
      // The client's own id makes a retried POST one job (FixMyStreet: attribute[fixmystreet_id]).
      externalReference: fixMyStreetId ? `${clientName}:${fixMyStreetId}`.slice(0, 100) : undefined,
      reporter: name || email || phone ? { name: name?.slice(0, 200), email, phone } : undefined,
    },
  };
}
