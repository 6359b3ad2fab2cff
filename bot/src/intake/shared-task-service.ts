import { WardlineError, openTaskService, type CouncilSettings, type Store, type TaskService } from '@wardline/core';

const services = new WeakMap<Store, Promise<TaskService>>();

/**
 * One task service per store, shared by every intake (Open311, web-form webhooks, the resident
 * form), so the open-job index that finds duplicates sees reports from all of them. Opened on
 * first use; a failed open (no wards loaded yet) is forgotten so the next report tries again.
 */
export function sharedTaskService(deps: { store: Store; settings: CouncilSettings; clock: () => Date }): Promise<TaskService> {
  const existing = services.get(deps.store);
  if (existing) return existing;
  const opening = openTaskService({ store: deps.store, settings: deps.settings, clock: deps.clock });
  services.set(deps.store, opening);
  opening.catch(() => services.delete(deps.store));
  return opening;
}

/** Forgets the shared service of a store (after an import changed its reference data). */
export function forgetTaskService(store: Store): void {
  services.delete(store);
}

export const isNoWardsError = (error: unknown): boolean => error instanceof WardlineError && error.code === 'WL-CORE-004';
