import type { Store, Task } from '@wardline/core';
import { isOpenStatus } from '@wardline/core';

const locks = new Map<string, Promise<unknown>>();

/** Runs work for one asset at a time, so two readings arriving together raise one job. */
export async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = locks.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.catch(() => undefined);
  locks.set(key, settled);
  try {
    return await run;
  } finally {
    if (locks.get(key) === settled) locks.delete(key);
  }
}

/** The open job of this type already raised for this asset, if any: further readings add nothing. */
export async function openJobForAsset(store: Store, assetId: string, taskTypeId: string): Promise<Task | undefined> {
  return (await store.listOpenTasks()).find((t) => t.asset === assetId && t.taskType === taskTypeId && isOpenStatus(t.status));
}
