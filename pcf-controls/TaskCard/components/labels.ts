import { choiceLabel, columnLabel, priority, taskStatus, taskTable, type Priority, type TaskStatus } from '@wardline/core/model';

/** Column labels for the card, from core/model's wl_task: never retyped here. */
export const jobLabels = {
  title: columnLabel(taskTable.key, 'title'),
  reference: columnLabel(taskTable.key, 'reference'),
  taskType: columnLabel(taskTable.key, 'taskType'),
  status: columnLabel(taskTable.key, 'status'),
  priority: columnLabel(taskTable.key, 'priority'),
  dueBy: columnLabel(taskTable.key, 'dueBy'),
  ward: columnLabel(taskTable.key, 'ward'),
  address: columnLabel(taskTable.key, 'address'),
  assignedOfficer: columnLabel(taskTable.key, 'assignedOfficer'),
  jobs: taskTable.pluralLabel,
  job: taskTable.label,
} as const;

export const statusLabel = (status: TaskStatus): string => choiceLabel(taskStatus.name, status);
export const priorityLabel = (value: Priority): string => choiceLabel(priority.name, value);
