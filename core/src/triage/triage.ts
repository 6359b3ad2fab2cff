import { distanceMetres } from '../geo';
import type { LatLon } from '../geo';
import { InvalidInputError, OutsideCouncilError, UnknownTaskTypeError } from '../errors';
import type { SourceChannel, TaskType } from '../model';
import type { SensitiveLocation } from '../settings';
import { dispatch } from './dispatch';
import type { TriageContext } from './triage-context';
import { TriageDecision } from './triage-decision';
import { addWorkingHours } from './working-hours';

const DAY = 86_400_000;
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A report as triage reads it (intake has already normalised it). */
export interface TriageReport {
  taskTypeCode: string;
  latitude: number;
  longitude: number;
  title?: string;
  description?: string;
  sourceChannel: SourceChannel;
  councillorRaised?: boolean;
  /** ISO 8601; defaults to the context's clock. */
  reportedOn?: string;
  /** The council's id of the asset the report is about, when the reporter picked one. */
  assetExternalId?: string;
}

/**
 * Decides, with no I/O, where a report goes: ward, nearest asset, duplicate of an open job,
 * priority (with reasons), due by, team, officer or offers, dispatch mode.
 * @throws UnknownTaskTypeError, OutsideCouncilError, InvalidInputError
 */
export function triage(report: TriageReport, context: TriageContext): TriageDecision {
  const { taskType, point, ward, reportedAt } = checkTriageReport(report, context);
  // An ISO string in UTC with milliseconds is already in stored form; anything else is rewritten.
  const reportedOn = report.reportedOn !== undefined && CANONICAL_INSTANT.test(report.reportedOn) ? report.reportedOn : new Date(reportedAt).toISOString();
  const text = `${report.title ?? ''}\n${report.description ?? ''}`;

  const asset = findAsset(report, point, context);
  const nearby = openJobsNear(point, taskType, reportedAt, context);
  const route = context.router.route({ taskType, wardId: ward.id, source: report.sourceChannel, text });
  const { priority, reasons } = context.priority.decide({
    taskTypeName: taskType.name,
    defaultPriority: taskType.defaultPriority,
    text,
    councillorRaised: report.councillorRaised === true,
    sensitiveLocation: nearestSensitive(point, context.settings.sensitiveLocations),
    nearbyOpenJobs: nearby.repeatCount,
    routingRule: route.rule && route.setPriority ? { name: route.rule.name, setPriority: route.setPriority } : undefined,
  });
  const dueBy = addWorkingHours(new Date(reportedAt), taskType.slaHours, context.calendar);
  const sent = dispatch({
    mode: route.dispatchMode, team: route.team, wardCode: ward.code, wardName: ward.name, point,
    ruleOfficerId: route.officerId, volunteerRadius: context.settings.volunteerRadius,
  }, context.people);
  const duplicateOf = nearby.duplicate && { ...nearby.duplicate, reference: context.referenceOf?.(nearby.duplicate.id) };
  return new TriageDecision(
    taskType, ward, asset, duplicateOf, priority, reasons, reportedOn, dueBy.toISOString(),
    route.team, sent.officer, sent.mode, sent.offerTo, sent.status, route.rule, sent.note, nearby.repeatCount, context.settings.timeZone,
  );
}

/**
 * The checks triage makes before deciding anything (task type known, point inside a ward, a
 * readable report time, a named asset that exists), for callers that must refuse bad input
 * before queueing a report. Throws what triage would throw.
 */
export function checkTriageReport(report: TriageReport, context: TriageContext): { taskType: TaskType; point: LatLon; ward: NonNullable<ReturnType<TriageContext['wards']['wardAt']>>; reportedAt: number } {
  const taskType = context.taskTypes.get(report.taskTypeCode) ?? context.taskTypes.get(report.taskTypeCode.toLowerCase());
  if (!taskType) throw new UnknownTaskTypeError(report.taskTypeCode);
  const point: LatLon = { latitude: report.latitude, longitude: report.longitude };
  const ward = context.wards.wardAt(point);
  if (!ward) throw new OutsideCouncilError(report.latitude, report.longitude);
  const reportedAt = report.reportedOn === undefined ? context.clock().getTime() : Date.parse(report.reportedOn);
  if (Number.isNaN(reportedAt)) throw new InvalidInputError('reportedOn', `"${report.reportedOn}" is not an ISO 8601 date and time`);
  if (report.assetExternalId && !context.assetsByExternalId.get(report.assetExternalId)) throw new InvalidInputError('assetExternalId', `no asset has the id "${report.assetExternalId}"`);
  return { taskType, point, ward, reportedAt };
}

function findAsset(report: TriageReport, point: LatLon, context: TriageContext): TriageDecision['asset'] {
  if (report.assetExternalId) {
    const named = context.assetsByExternalId.get(report.assetExternalId);
    if (!named) throw new InvalidInputError('assetExternalId', `no asset has the id "${report.assetExternalId}"`);
    return { ...named, distanceMetres: distanceMetres(point, named), named: true };
  }
  const match = context.assets.nearest(point, context.settings.snapRadius);
  return match && { ...match.asset, distanceMetres: match.distanceMetres, named: false };
}

/** One search at the larger of the duplicate and repeat-location radii, split in memory. */
function openJobsNear(point: LatLon, taskType: TaskType, reportedAt: number, context: TriageContext): { duplicate?: { id: string; distanceMetres: number }; repeatCount: number } {
  const repeat = context.priority.repeatLocation;
  const radius = Math.max(taskType.duplicateRadius, repeat?.radiusMetres ?? 0);
  if (radius <= 0) return { repeatCount: 0 };
  const duplicateSince = reportedAt - taskType.duplicateWindowDays * DAY;
  const repeatSince = reportedAt - (repeat?.windowDays ?? 0) * DAY;
  let duplicate: { id: string; distanceMetres: number } | undefined;
  let repeatCount = 0;
  // One unsorted pass over the jobs within the radius: the duplicate is the nearest one in its
  // window (equal distances: the lower id), the same one a sorted search would give first.
  context.openTasks.forEachNearby(point, taskType.id, radius, (task, distance, openedAt) => {
    if (taskType.duplicateRadius > 0 && distance <= taskType.duplicateRadius && openedAt >= duplicateSince) {
      if (!duplicate || distance < duplicate.distanceMetres || (distance === duplicate.distanceMetres && task.id < duplicate.id)) duplicate = { id: task.id, distanceMetres: distance };
    }
    if (repeat && distance <= repeat.radiusMetres && openedAt >= repeatSince) repeatCount += 1;
  });
  return { duplicate, repeatCount };
}

function nearestSensitive(point: LatLon, places: readonly SensitiveLocation[]): { name: string; distanceMetres: number } | undefined {
  let best: { name: string; distanceMetres: number } | undefined;
  for (const place of places) {
    // About 111 km to a degree of latitude: most places are ruled out without the exact distance.
    if (Math.abs(place.latitude - point.latitude) * 111_000 > place.radius) continue;
    const distance = distanceMetres(point, place);
    if (distance <= place.radius && (!best || distance < best.distanceMetres)) best = { name: place.name, distanceMetres: distance };
  }
  return best;
}
