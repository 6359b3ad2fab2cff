import { choiceLabel, columnLabel, priority as priorityChoice, taskStatus, viewTask, type Task, type TaskType } from '@wardline/core';
import { adaptiveCard, text, type AdaptiveCard, type CardElement, type Fact } from './adaptive-card';
import { cardInputs, inputId, formAction } from './card-actions';
import { clip, escapeMarkdown, formatWhen } from './card-format';
import { jobLink, type CardLinks } from './card-links';

/** The updates a councillor can ask for (wl_subscription.events). */
export const councillorEvents = [
  { key: 'raised', label: 'A job is raised' },
  { key: 'accepted', label: 'An officer accepts it' },
  { key: 'overdue', label: 'It becomes overdue' },
  { key: 'completed', label: 'It is completed' },
  { key: 'could_not_complete', label: 'It could not be completed' },
] as const;

const headlines: Record<string, string> = {
  raised: 'New job in your ward',
  accepted: 'Job accepted',
  overdue: 'Job overdue',
  completed: 'Job completed',
  could_not_complete: 'Job could not be completed',
};

/** The "choose your updates" form, pre-filled with what the councillor has now. */
export function preferencesAction(current: readonly string[]) {
  return formAction('Choose updates', 'preferences', {}, [
    { type: 'Input.ChoiceSet', id: inputId('preferences', cardInputs.events), label: 'Tell me when', isMultiSelect: true, style: 'expanded', choices: councillorEvents.map((e) => ({ title: e.label, value: e.key })), value: current.join(',') },
  ], 'Save');
}

/**
 * A concise update for a ward councillor, with only what councillors may see (core/redaction,
 * councillor audience: no reporter contact, no sensitive description, no internal notes).
 */
export function buildCouncillorCard(options: { event: string; task: Task; taskType: Pick<TaskType, 'name' | 'redaction'>; wardName?: string | null; publicNote?: string | null; links: CardLinks; timeZone: string; subscribedEvents: readonly string[] }): AdaptiveCard {
  const { task, timeZone } = options;
  const view = viewTask(task, 'councillor', { taskType: options.taskType });
  const facts: Fact[] = [
    { title: columnLabel('task', 'status'), value: choiceLabel(taskStatus.name, task.status) },
    { title: columnLabel('task', 'priority'), value: choiceLabel(priorityChoice.name, task.priority) },
  ];
  if (options.wardName) facts.push({ title: columnLabel('task', 'ward'), value: options.wardName });
  if (view.address) facts.push({ title: columnLabel('task', 'address'), value: view.address });
  const due = formatWhen(view.dueBy, timeZone);
  if (due) facts.push({ title: columnLabel('task', 'dueBy'), value: due });
  const body: CardElement[] = [
    text(headlines[options.event] ?? 'Job update', { size: 'Small', weight: 'Bolder', color: options.event === 'overdue' || options.event === 'could_not_complete' ? 'Attention' : 'Accent' }),
    text(`${escapeMarkdown(options.taskType.name)} · ${task.reference}`, { size: 'Small', isSubtle: true, spacing: 'None' }),
    text(escapeMarkdown(clip(task.title, 200)), { weight: 'Bolder' }),
    { type: 'FactSet', facts },
  ];
  if (options.publicNote) body.push(text(escapeMarkdown(clip(options.publicNote, 600))));
  return adaptiveCard(body, {
    actions: [{ type: 'Action.OpenUrl', title: 'Open in Wardline', url: jobLink(options.links, task.reference) }, preferencesAction(options.subscribedEvents)],
    fallbackText: `${headlines[options.event] ?? 'Job update'}: ${task.reference} ${task.title}`,
  });
}
