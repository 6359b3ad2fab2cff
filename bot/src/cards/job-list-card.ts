import { choiceLabel, priority as priorityChoice, taskStatus, type Task } from '@wardline/core';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from './adaptive-card';
import { clip, escapeMarkdown, formatWhen } from './card-format';
import { jobLink, type CardLinks } from './card-links';

/** "my jobs": up to 15 open jobs, one line each with a link, most urgent first. */
export function buildJobListCard(options: { heading: string; tasks: readonly Task[]; total: number; links: CardLinks; timeZone: string }): AdaptiveCard {
  const body: CardElement[] = [text(options.heading, { size: 'Medium', weight: 'Bolder' })];
  if (options.tasks.length === 0) body.push(text('Nothing open. New jobs arrive here as cards.'));
  for (const task of options.tasks.slice(0, 15)) {
    const due = formatWhen(task.dueBy, options.timeZone);
    body.push({ type: 'Container', separator: true, items: [
      text(`[${task.reference}](${jobLink(options.links, task.reference)}) · ${choiceLabel(priorityChoice.name, task.priority)} · ${choiceLabel(taskStatus.name, task.status)}`, { size: 'Small' }),
      text(`${escapeMarkdown(clip(task.title, 120))}${due ? ` (due ${due})` : ''}`, { spacing: 'None' }),
    ] });
  }
  if (options.total > options.tasks.length) body.push(text(`And ${options.total - options.tasks.length} more in Wardline. Say **job** and a reference to see one.`, { isSubtle: true }));
  return adaptiveCard(body, { fallbackText: `${options.heading}: ${options.total}` });
}
