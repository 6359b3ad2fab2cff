import { statusLabel, viewTask, viewTimeline, type Task, type TaskType, type TaskUpdate } from '@wardline/core';
import { isOpenStatus } from '@wardline/core';
import { escape } from './html';

const when = (iso: string | null | undefined, timeZone: string, withTime = true): string => {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric', ...(withTime ? { hour: 'numeric', minute: '2-digit', hour12: true } : {}) }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('day')} ${part('month')} ${part('year')}`;
  return withTime ? `${date} at ${part('hour')}:${part('minute')}${part('dayPeriod').toLowerCase().replace(/\s/g, '')}` : date;
};

const tagColour = (status: Task['status']): string =>
  status === 'completed' ? 'govuk-tag--green' : status === 'could_not_complete' || status === 'cancelled' ? 'govuk-tag--grey' : status === 'merged' ? 'govuk-tag--purple' : status === 'new' ? 'govuk-tag--blue' : 'govuk-tag--yellow';

const row = (key: string, value: string): string => (value ? `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${escape(key)}</dt><dd class="govuk-summary-list__value">${value}</dd></div>` : '');

/**
 * A job as the public sees it (core/redaction's public view and public timeline): no reporter
 * details, no internal notes, no staff names, and no description for sensitive task types.
 */
export function statusPage(task: Task, taskType: Pick<TaskType, 'name' | 'redaction'>, timeline: readonly TaskUpdate[], timeZone: string, mergedInto?: string): string {
  const view = viewTask(task, 'public', { taskType });
  const entries = viewTimeline(timeline, 'public');
  const open = isOpenStatus(task.status);
  const history = entries.length
    ? `<ol class="govuk-list">${[...entries].reverse().map((e) => `<li class="govuk-!-margin-bottom-4"><p class="govuk-body govuk-!-margin-bottom-1"><strong>${escape(e.summary)}</strong></p>${e.note ? `<p class="govuk-body govuk-!-margin-bottom-1">${escape(e.note)}</p>` : ''}<p class="govuk-body-s govuk-!-margin-bottom-0">${escape(when(e.occurredOn, timeZone))}</p></li>`).join('')}</ol>`
    : '<p class="govuk-body">Nothing yet.</p>';
  return `<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<span class="govuk-caption-l">Report ${escape(task.reference)}</span>
<h1 class="govuk-heading-l">${escape(view.title ?? taskType.name)}</h1>
<p class="govuk-body"><strong class="govuk-tag ${tagColour(task.status)}">${escape(statusLabel(task.status))}</strong></p>
${mergedInto ? `<div class="govuk-inset-text">This was reported by someone else too. We are dealing with it as report <a class="govuk-link" href="/status/${escape(mergedInto)}">${escape(mergedInto)}</a>.</div>` : ''}
${task.resolution && !open ? `<div class="govuk-inset-text"><h2 class="govuk-heading-s govuk-!-margin-bottom-1">What we did</h2><p class="govuk-body">${escape(task.resolution)}</p></div>` : ''}
<dl class="govuk-summary-list">
${row('Reference', escape(task.reference))}
${row('Problem', escape(taskType.name))}
${row('Description', view.description ? escape(view.description) : '')}
${row('Where', escape(view.address ?? ''))}
${row('Reported', escape(when(task.reportedOn, timeZone)))}
${open ? row('We aim to deal with it by', escape(when(task.dueBy, timeZone, false))) : row('Closed', escape(when(task.completedOn ?? task.modifiedOn, timeZone)))}
${task.reportCount > 1 ? row('Reports of this problem', String(task.reportCount)) : ''}
</dl>
<h2 class="govuk-heading-m">Updates</h2>
${history}
<p class="govuk-body"><a class="govuk-link" href="/report">Report another problem</a></p>
</div></div>`;
}

export function notFoundPage(reference: string): string {
  return `<h1 class="govuk-heading-l">We cannot find that report</h1>
<p class="govuk-body">No report has the reference ${escape(reference.slice(0, 30))}. Check the reference in your email or text message. References look like WL-25-000123.</p>
<p class="govuk-body"><a class="govuk-link" href="/report">Report a problem</a></p>`;
}
