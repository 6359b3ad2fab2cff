import { viewTask, type CouncilSettings, type Task, type TaskType } from '@wardline/core';

/** What a Notify outbox event carries (core/events planEvents). */
export interface NotifyPayload {
  eventType: string;
  taskId: string;
  reference: string;
  /** raised, completed or could_not_complete: the key in WARDLINE_NOTIFY_TEMPLATES. */
  template: string;
  contactKind: 'email' | 'sms';
  publicNote?: string;
}

/** Every placeholder Wardline fills, documented in docs/admin/intake.md; templates use any of them. */
export const PLACEHOLDERS = ['council_name', 'reference', 'job_title', 'task_type', 'address', 'due_date', 'status_url', 'public_note'] as const;

/** GOV.UK style: Tuesday 7 January 2025 (no comma), in the council's time zone. */
const longDate = (iso: string | null, timeZone: string): string => {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
};

/**
 * The personalisation for a resident's message: the public view of the job only (core/redaction),
 * so nothing internal or personal about anyone else reaches the message. Every placeholder is
 * always present (Notify refuses a message missing one its template uses).
 */
export function personalisationFor(task: Task, taskType: Pick<TaskType, 'name' | 'redaction'>, payload: NotifyPayload, settings: CouncilSettings): Record<(typeof PLACEHOLDERS)[number], string> {
  const view = viewTask(task, 'public', { taskType });
  return {
    council_name: settings.councilName,
    reference: task.reference,
    job_title: view.title ?? taskType.name,
    task_type: taskType.name,
    address: view.address ?? '',
    due_date: longDate(task.dueBy, settings.timeZone),
    status_url: `${settings.serviceUrl.replace(/\/$/, '')}/status/${encodeURIComponent(task.reference)}`,
    public_note: payload.publicNote ?? view.resolution ?? '',
  };
}
