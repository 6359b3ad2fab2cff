import { priority, taskStatus, type ChoiceDef, type Priority, type TaskStatus } from '@wardline/core/model';

/**
 * A choice value as a host hands it over: a Dataverse option value (104570003), the model's key
 * (`in_progress`) or its label (`In progress`). Returns the model key, or null when it is none.
 */
function choiceKeyFrom(choice: ChoiceDef, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value).trim();
  const numeric = Number(text);
  const option = choice.options.find((o) => (Number.isInteger(numeric) && o.value === numeric) || o.key === text || o.label.toLowerCase() === text.toLowerCase());
  return option ? option.key : null;
}

export const toTaskStatus = (value: unknown): TaskStatus | null => choiceKeyFrom(taskStatus, value) as TaskStatus | null;
export const toPriority = (value: unknown): Priority | null => choiceKeyFrom(priority, value) as Priority | null;
