import { choiceLabel, columnLabel, priority as priorityChoice, taskStatus, viewTask, type Audience, type Task, type TaskType } from '@wardline/core';
import { adaptiveCard, text, type AdaptiveCard, type CardAction, type CardElement, type Fact } from './adaptive-card';
import { cardInputs, inputId, executeAction, formAction, type JobVerb } from './card-actions';
import { clip, escapeMarkdown, formatWhen, mapLink } from './card-format';
import { jobLink, type CardLinks } from './card-links';
import { MAX_REFRESH_USERS } from './card-limits';

/** A notice shown at the top of a card: why an action was refused, that the job moved on, that it was taken. */
export interface CardNotice {
  text: string;
  tone: 'attention' | 'good' | 'warning' | 'accent';
}

export interface JobCardInput {
  task: Task;
  taskType: Pick<TaskType, 'name' | 'redaction' | 'checklist'>;
  wardName?: string | null;
  /** Who the card is for: their audience decides what they see (core/redaction). */
  viewer: { audience: Audience; officerId?: string | null };
  assigneeName?: string | null;
  /** Photos on the job's timeline that this viewer may see (https addresses only). */
  photos?: readonly { url: string }[];
  /** Lifecycle actions this viewer may take now (see allowedJobVerbs). */
  verbs: readonly JobVerb[];
  /** Teams user MRIs whose cards refresh automatically (officer, supervisor, ward councillors). */
  refreshUserIds?: readonly string[];
  links: CardLinks;
  timeZone: string;
  notice?: CardNotice;
}

const reasonInput = (verb: JobVerb, label: string) => ({ type: 'Input.Text' as const, id: inputId(verb, cardInputs.reason), label, isMultiline: true, isRequired: true, errorMessage: 'Give a reason', maxLength: 1000 });

/** One button per verb; those that need words open a small form first. */
function verbAction(verb: JobVerb, task: Task): CardAction {
  const data = { taskId: task.id, rowVersion: task.rowVersion };
  switch (verb) {
    case 'accept':
      return executeAction('Accept', 'accept', data, 'positive');
    case 'start':
      return executeAction('Start', 'start', data, 'positive');
    case 'resume':
      return executeAction('Resume', 'resume', data, 'positive');
    case 'decline':
      return formAction('Decline', 'decline', data, [reasonInput('decline', 'Why are you declining it?')], 'Decline job');
    case 'hold':
      return formAction('Put on hold', 'hold', data, [reasonInput('hold', 'Why is it on hold?')], 'Put on hold');
    case 'couldNotComplete':
      return formAction('Could not complete', 'couldNotComplete', data, [
        reasonInput('couldNotComplete', 'Why could it not be completed? (the reporter sees this)'),
        { type: 'Input.Text', id: inputId('couldNotComplete', cardInputs.internalNote), label: 'Internal note (staff only)', isMultiline: true, maxLength: 4000 },
      ], 'Close job');
    case 'complete':
      return formAction('Complete', 'complete', data, [
        { type: 'Input.Text', id: inputId('complete', cardInputs.publicNote), label: 'What was done (the reporter sees this)', isMultiline: true, isRequired: true, errorMessage: 'Say what was done', maxLength: 2000 },
        { type: 'Input.Text', id: inputId('complete', cardInputs.internalNote), label: 'Internal note (staff only)', isMultiline: true, maxLength: 4000 },
      ], 'Complete job');
  }
}

/** The facts block, with labels from core/model. */
function facts(input: JobCardInput, view: ReturnType<typeof viewTask>): Fact[] {
  const { task, timeZone } = input;
  const list: Fact[] = [{ title: columnLabel('task', 'status'), value: choiceLabel(taskStatus.name, task.status) }];
  if (view.priority) list.push({ title: columnLabel('task', 'priority'), value: choiceLabel(priorityChoice.name, view.priority) });
  const due = formatWhen(view.dueBy, timeZone);
  if (due) list.push({ title: columnLabel('task', 'dueBy'), value: due });
  if (view.address) list.push({ title: columnLabel('task', 'address'), value: view.locationApproximate ? `${view.address} (approximate)` : view.address });
  if (input.wardName) list.push({ title: columnLabel('task', 'ward'), value: input.wardName });
  if (input.assigneeName && input.viewer.audience !== 'volunteer') list.push({ title: columnLabel('task', 'assignedOfficer'), value: input.assigneeName });
  if (task.reportCount > 1) list.push({ title: columnLabel('task', 'reportCount'), value: String(task.reportCount) });
  return list;
}

/**
 * The job card: type and reference, title, the facts the viewer may see, a map link, the
 * description, photos, the actions the lifecycle allows this viewer now, and a link to the job
 * in the Wardline tab. Version 1.5 with a refresh action so it stays current for the officer,
 * their supervisor and the ward's councillors.
 */
export function buildJobCard(input: JobCardInput): AdaptiveCard {
  const { task, taskType, viewer } = input;
  const view = viewTask(task, viewer.audience, { taskType, viewerId: viewer.officerId ?? null });
  const body: CardElement[] = [];
  if (input.notice) body.push({ type: 'Container', style: input.notice.tone, items: [text(input.notice.text, { weight: 'Bolder' })] });
  body.push(text(`${escapeMarkdown(taskType.name)} · ${task.reference}`, { size: 'Small', isSubtle: true, spacing: 'None' }));
  body.push(text(escapeMarkdown(clip(task.title, 200)), { size: 'Medium', weight: 'Bolder', spacing: 'Small' }));
  body.push({ type: 'FactSet', facts: facts(input, view) });
  if (view.latitude !== undefined && view.longitude !== undefined) {
    body.push(text(`[${view.locationApproximate ? 'Show the area on a map' : 'Show on a map'}](${mapLink(view.latitude, view.longitude)})`, { spacing: 'Small' }));
  }
  if (view.description) body.push(text(escapeMarkdown(clip(view.description, 1500)), { separator: true }));
  else if (view.hidden.includes('description')) body.push(text(viewer.audience === 'volunteer' ? 'You will see the full details once you accept.' : 'Details are for council staff only.', { isSubtle: true, separator: true }));
  if (taskType.checklist && (viewer.audience === 'officer' || viewer.audience === 'supervisor')) {
    const steps = taskType.checklist.split('\n').map((s) => s.trim()).filter(Boolean).slice(0, 10);
    if (steps.length) body.push(text(steps.map((s) => `- ${escapeMarkdown(clip(s, 200))}`).join('\r'), { size: 'Small' }));
  }
  const photos = (input.photos ?? []).filter((p) => p.url.startsWith('https://')).slice(0, 6);
  if (photos.length) body.push({ type: 'ImageSet', imageSize: 'Medium', images: photos.map((p, i) => ({ type: 'Image', url: p.url, altText: `Photo ${i + 1} of ${task.reference}` })) });
  if (task.resolution && (task.status === 'completed' || task.status === 'could_not_complete')) body.push(text(`**${columnLabel('task', 'resolution')}:** ${escapeMarkdown(clip(task.resolution, 1000))}`, { separator: true }));

  const actions: CardAction[] = input.verbs.slice(0, 5).map((verb) => verbAction(verb, task));
  actions.push({ type: 'Action.OpenUrl', title: 'Open in Wardline', url: jobLink(input.links, task.reference) });
  const refreshUsers = [...new Set(input.refreshUserIds ?? [])].slice(0, MAX_REFRESH_USERS);
  return adaptiveCard(body, {
    actions,
    fallbackText: `${taskType.name} ${task.reference}: ${task.title}`,
    ...(refreshUsers.length ? { refresh: { action: executeAction('Refresh', 'refresh', { taskId: task.id, rowVersion: task.rowVersion }), userIds: refreshUsers } } : {}),
  });
}
