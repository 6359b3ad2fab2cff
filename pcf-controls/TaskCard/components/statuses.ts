import { closedStatuses, type TaskStatus } from '@wardline/core/model';

export { closedStatuses };
export const isClosed = (status: TaskStatus | null): boolean => status !== null && closedStatuses.includes(status);
