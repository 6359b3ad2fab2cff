import type { IInputs } from '../generated/ManifestTypes';
import { toPriority, toTaskStatus } from './choices';
import type { JobCardData } from './job';

const clean = (value: string | null | undefined): string | null => (value && value.trim() ? value.trim() : null);

/** Photo addresses, one per line (or a JSON list); only https addresses are shown. */
export function parsePhotos(value: string | null | undefined): string[] {
  const raw = clean(value);
  if (!raw) return [];
  let items: unknown[];
  try {
    const parsed: unknown = JSON.parse(raw);
    items = Array.isArray(parsed) ? parsed : [raw];
  } catch {
    items = raw.split(/\r?\n/);
  }
  return items.map((i) => String(i).trim()).filter((url) => /^https:\/\/[^\s]+$/i.test(url));
}

/** Field mode: the job's values as the maker bound them to the inputs. Null when there is no title. */
export function jobFromInputs(p: IInputs): JobCardData | null {
  const title = clean(p.jobTitle?.raw);
  if (!title) return null;
  return {
    id: '',
    title,
    reference: clean(p.jobReference?.raw),
    taskType: clean(p.jobTaskType?.raw),
    status: toTaskStatus(p.jobStatus?.raw),
    priority: toPriority(p.jobPriority?.raw),
    dueBy: p.jobDueBy?.raw ?? null,
    ward: clean(p.jobWard?.raw),
    address: clean(p.jobAddress?.raw),
    assignedOfficer: clean(p.jobAssignedOfficer?.raw),
    photos: parsePhotos(p.jobPhotos?.raw),
    lastUpdate: clean(p.jobLastUpdate?.raw),
  };
}
