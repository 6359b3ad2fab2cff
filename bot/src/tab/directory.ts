import type { Officer, Store, TaskType, Ward } from '@wardline/core';

/** Names the API shows beside ids (task types, wards, people), re-read at most every few seconds. */
export interface Directory {
  taskTypes: Map<string, TaskType>;
  wards: Map<string, Ward>;
  people: Map<string, Officer>;
}

export function createDirectory(store: Store, ttlMs = 5_000): () => Promise<Directory> {
  let cached: { at: number; directory: Promise<Directory> } | undefined;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at > ttlMs) {
      const directory = Promise.all([store.listTaskTypes(), store.listWards(), store.listOfficers()]).then(([types, wards, people]) => ({
        taskTypes: new Map(types.map((t) => [t.id, t])), wards: new Map(wards.map((w) => [w.id, w])), people: new Map(people.map((p) => [p.id, p])),
      }));
      cached = { at: now, directory };
      directory.catch(() => (cached = undefined));
    }
    return cached.directory;
  };
}
