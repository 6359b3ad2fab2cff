import { roles, taskTable } from '../model';
import type { Task } from '../model';
import type { Audience } from './audience';

/** Columns of wl_task the model marks as personal data (reporter name, email, phone). */
export const personalTaskColumns: readonly (keyof Task)[] = taskTable.columns.filter((c) => 'personal' in c && c.personal === true).map((c) => c.key as keyof Task);

/** Whether an audience may read personal columns: the model's security role says; the public never may. */
export const readsPersonalData = (audience: Audience): boolean => roles.find((role) => role.key === audience)?.readsPersonalData ?? false;
