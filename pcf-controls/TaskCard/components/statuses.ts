import type { TaskStatus } from '@wardline/core/model';

/**
 * core/lifecycle's closed family. The control cannot bundle core/lifecycle (it pulls in Node's
 * crypto through core/events), so the list is repeated here and a test fails if it drifts.
 */
export const closedStatuses: readonly TaskStatus[] = ['completed', 'could_not_complete', 'cancelled', 'merged'];
export const isClosed = (status: TaskStatus | null): boolean => status !== null && closedStatuses.includes(status);
