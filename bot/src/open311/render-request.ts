import { viewTask, type Task, type TaskUpdate } from '@wardline/core';
import type { ServiceCatalogue } from './service-catalogue';
import { statusMap } from './status-map';
import type { WireRecord } from './wire';

/** W3C-DTF in UTC without milliseconds: 2025-01-06T09:14:03Z. */
export const w3c = (iso: string | null | undefined): string | null => (iso ? new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z') : null);

const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b/i;

/** The client's own id (FixMyStreet's report id) from `client:id`, when it is numeric. */
export const clientIdOf = (externalReference: string | null): string | null => {
  const id = externalReference?.split(':').pop() ?? '';
  return /^\d+$/.test(id) ? id : null;
};

export interface RequestContext {
  catalogue: ServiceCatalogue;
  councilName: string;
  /** Public timeline entries of the job, oldest first. */
  publicTimeline: readonly TaskUpdate[];
  /** The task type's redaction, for the public view. */
  redaction: 'standard' | 'sensitive';
  taskTypeCode: string;
  taskTypeName: string;
}

/**
 * A job as GET requests shows it: the public view only (core/redaction), so reporter details,
 * internal notes and sensitive descriptions never leave through Open311.
 */
export function requestRecord(task: Task, context: RequestContext): WireRecord {
  const view = viewTask(task, 'public', { taskType: { redaction: context.redaction } });
  const service = context.catalogue.ofTaskType(task.taskType);
  const latestNote = [...context.publicTimeline].reverse().find((e) => e.note || e.kind === 'status_change');
  const photos = context.publicTimeline.filter((e) => e.attachmentUrl).map((e) => e.attachmentUrl as string);
  return {
    service_request_id: task.reference,
    status: statusMap[task.status].status,
    status_notes: task.resolution ?? latestNote?.note ?? latestNote?.summary ?? null,
    service_name: service?.name ?? context.taskTypeName,
    service_code: service?.code ?? context.taskTypeCode,
    description: view.description ?? '',
    agency_responsible: context.councilName,
    service_notice: null,
    requested_datetime: w3c(task.reportedOn),
    updated_datetime: w3c(task.modifiedOn),
    expected_datetime: w3c(task.dueBy),
    address: view.address ?? '',
    address_id: null,
    zipcode: POSTCODE.exec(view.address ?? '')?.[1]?.toUpperCase() ?? null,
    lat: view.latitude ?? null,
    long: view.longitude ?? null,
    media_url: photos[0] ?? null,
  };
}

/** Timeline kinds an Open311 client hears about (not its own comments, nor triage or duplicates). */
const SHARED_KINDS: readonly TaskUpdate['kind'][] = ['status_change', 'note', 'photo', 'merged'];

export const isSharedUpdate = (entry: TaskUpdate): boolean => entry.visibility === 'public' && SHARED_KINDS.includes(entry.kind);

/**
 * A public timeline entry as mySociety's servicerequestupdates: its id is stable (the entry's
 * id), its status the extended status the job had after it.
 */
export function updateRecord(task: Task, entry: TaskUpdate, statusAfter: Task['status']): WireRecord {
  const mapped = statusMap[statusAfter];
  return {
    update_id: entry.id,
    service_request_id: task.reference,
    status: mapped.extended,
    description: entry.note ?? entry.summary,
    updated_datetime: w3c(entry.occurredOn),
    media_url: entry.attachmentUrl ?? '',
    external_status_code: mapped.external,
    fixmystreet_id: clientIdOf(task.externalReference) ?? undefined,
  };
}

/** The status after each entry, replaying status changes over the timeline from the job's first status. */
export function statusesAlong(timeline: readonly TaskUpdate[], current: Task['status']): Map<string, Task['status']> {
  const out = new Map<string, Task['status']>();
  let status: Task['status'] = (timeline.find((e) => e.toStatus)?.toStatus as Task['status'] | undefined) ?? current;
  for (const entry of timeline) {
    if (entry.toStatus) status = entry.toStatus;
    out.set(entry.id, status);
  }
  return out;
}
