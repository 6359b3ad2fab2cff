import { choiceLabel, priority as priorityChoice } from '../model';
import type { Priority } from '../model';

/** Priorities from most to least pressing, in the model's order (urgent first). */
export const priorityOrder: readonly Priority[] = priorityChoice.options.map((option) => option.key);

const rankOf = new Map<Priority, number>(priorityOrder.map((key, index) => [key, index]));

/** 0 for the most pressing priority; larger is less pressing. */
export const priorityRank = (priority: Priority): number => rankOf.get(priority) ?? priorityOrder.length;

/** `levels` steps more pressing, stopping at the top. */
export const raisePriority = (priority: Priority, levels = 1): Priority =>
  priorityOrder[Math.max(0, Math.min(priorityOrder.length - 1, priorityRank(priority) - levels))];

/** The more pressing of two priorities. */
export const morePressing = (a: Priority, b: Priority): Priority => (priorityRank(a) <= priorityRank(b) ? a : b);

const labels = new Map<Priority, string>(priorityOrder.map((key) => [key, choiceLabel(priorityChoice.name, key)]));

/** Display label from the model, e.g. 'High' (looked up once: triage calls this for every reason). */
export const priorityLabel = (priority: Priority): string => labels.get(priority) ?? priority;
