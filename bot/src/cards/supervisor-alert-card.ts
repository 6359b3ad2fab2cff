import { choiceLabel, columnLabel, priority as priorityChoice, taskStatus, type Officer, type Task, type TaskType } from '@wardline/core';
import { adaptiveCard, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card';
import { cardInputs, inputId, executeAction, formAction } from './card-actions';
import { clip, escapeMarkdown, formatWhen } from './card-format';
import { jobLink, type CardLinks } from './card-links';
import type { CardNotice } from './job-card';

export type SupervisorAlert = 'overdue' | 'declined' | 'unreachable';

const headline: Record<SupervisorAlert, string> = {
  overdue: 'Overdue job',
  declined: 'Declined: nobody has it',
  unreachable: 'Could not reach an officer in Teams',
};

/**
 * An alert for a supervisor: an overdue job, a declined job with no taker, or an officer Wardline
 * cannot reach. Offers one-tap reassignment to an officer of the team (on duty first).
 */
export function buildSupervisorAlertCard(options: {
  alert: SupervisorAlert; task: Task; taskType: Pick<TaskType, 'name'>; assigneeName?: string | null; reason?: string | null;
  candidates: readonly Pick<Officer, 'id' | 'name' | 'onDuty'>[]; links: CardLinks; timeZone: string; notice?: CardNotice;
}): AdaptiveCard {
  const { task } = options;
  const body: CardElement[] = [];
  if (options.notice) body.push({ type: 'Container', style: options.notice.tone, items: [text(options.notice.text, { weight: 'Bolder' })] });
  body.push(
    text(headline[options.alert], { weight: 'Bolder', color: 'Attention' }),
    text(`${escapeMarkdown(options.taskType.name)} · ${task.reference}`, { size: 'Small', isSubtle: true, spacing: 'None' }),
    text(escapeMarkdown(clip(task.title, 200)), { weight: 'Bolder' }),
    { type: 'FactSet', facts: [
      { title: columnLabel('task', 'status'), value: choiceLabel(taskStatus.name, task.status) },
      { title: columnLabel('task', 'priority'), value: choiceLabel(priorityChoice.name, task.priority) },
      ...(task.dueBy ? [{ title: columnLabel('task', 'dueBy'), value: formatWhen(task.dueBy, options.timeZone) ?? task.dueBy }] : []),
      ...(options.assigneeName ? [{ title: columnLabel('task', 'assignedOfficer'), value: options.assigneeName }] : []),
    ] },
  );
  if (options.reason) body.push(text(`**Reason:** ${escapeMarkdown(clip(options.reason, 500))}`));
  const actions: CardAction[] = [];
  const choices = [...options.candidates].sort((a, b) => Number(b.onDuty) - Number(a.onDuty) || a.name.localeCompare(b.name)).slice(0, 50)
    .map((o) => ({ title: o.onDuty ? o.name : `${o.name} (off duty)`, value: o.id }));
  const open = task.status !== 'completed' && task.status !== 'could_not_complete' && task.status !== 'cancelled' && task.status !== 'merged';
  if (open && choices.length) {
    actions.push(formAction('Reassign', 'reassign', { taskId: task.id, rowVersion: task.rowVersion }, [
      { type: 'Input.ChoiceSet', id: inputId('reassign', cardInputs.officer), label: 'Give it to', style: 'compact', choices, isRequired: true, errorMessage: 'Choose an officer', value: choices[0].value },
    ], 'Reassign'));
  }
  if (open && task.assignedOfficer) actions.push(executeAction('Back to the queue', 'reassign', { taskId: task.id, rowVersion: task.rowVersion, toQueue: true }));
  actions.push({ type: 'Action.OpenUrl', title: 'Open in Wardline', url: jobLink(options.links, task.reference) });
  return adaptiveCard(body, { actions, fallbackText: `${headline[options.alert]}: ${task.reference} ${task.title}` });
}
