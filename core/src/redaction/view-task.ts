import type { Task, TaskType } from '../model';
import { withOfficerStatuses } from '../lifecycle/statuses';
import { approximateLocation, streetOnly } from './approximate';
import type { Audience } from './audience';
import { personalTaskColumns, readsPersonalData } from './personal-columns';

export interface ViewContext {
  taskType: Pick<TaskType, 'redaction'>;
  /** The wl_officer id of the person looking, when there is one (volunteers see more once they accept). */
  viewerId?: string | null;
}

/** A job as one audience may see it: hidden columns are absent and listed in `hidden`. */
export type TaskView = Partial<Task> & {
  audience: Audience;
  /** The position is rounded to about 500 m and the address is the street only. */
  locationApproximate: boolean;
  hidden: (keyof Task)[];
};

/** What the public (residents, Open311 clients, status pages) may see. */
const publicColumns: readonly (keyof Task)[] = [
  'id', 'reference', 'title', 'description', 'taskType', 'status', 'latitude', 'longitude', 'address', 'ward', 'wardCode',
  'reportedOn', 'completedOn', 'resolution', 'duplicateOf', 'reportCount', 'modifiedOn',
];
/** What a volunteer needs to do the job. */
const volunteerColumns: readonly (keyof Task)[] = [
  'id', 'reference', 'title', 'description', 'taskType', 'status', 'priority', 'latitude', 'longitude', 'address', 'ward', 'wardCode',
  'dueBy', 'reportedOn', 'acceptedOn', 'startedOn', 'completedOn', 'resolution', 'assignedOfficer', 'dispatchMode', 'rowVersion', 'modifiedOn',
];

/**
 * What an audience sees of a job. Personal columns (the model's `personal: true`) go to roles
 * that read personal data only; councillors see everything else; volunteers a need-to-know
 * summary, with an approximate location and no description until they have accepted the job;
 * the public the job's public face. Sensitive task types hide the description from councillors
 * and the public.
 */
export function viewTask(task: Task, audience: Audience, context: ViewContext): TaskView {
  const hidden = new Set<keyof Task>();
  const allowed = audience === 'public' ? publicColumns : audience === 'volunteer' ? volunteerColumns : undefined;
  if (allowed) for (const key of Object.keys(task) as (keyof Task)[]) if (!allowed.includes(key)) hidden.add(key);
  if (!readsPersonalData(audience)) personalTaskColumns.forEach((key) => hidden.add(key));
  if (context.taskType.redaction === 'sensitive' && (audience === 'councillor' || audience === 'public')) hidden.add('description');
  const volunteerHasIt = audience === 'volunteer' && !!context.viewerId && task.assignedOfficer === context.viewerId && (withOfficerStatuses.includes(task.status) || task.status === 'completed');
  const approximate = audience === 'volunteer' && !volunteerHasIt;
  if (approximate) hidden.add('description');

  const view: TaskView = { audience, locationApproximate: approximate, hidden: [...hidden] };
  const target = view as Record<string, unknown>;
  for (const [key, value] of Object.entries(task)) if (!hidden.has(key as keyof Task)) target[key] = value;
  if (approximate) {
    Object.assign(view, approximateLocation(task.latitude, task.longitude));
    view.address = streetOnly(task.address);
  }
  return view;
}
