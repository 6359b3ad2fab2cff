import { polygonsOf, parseWardBoundary, type Store, type TriageContext } from '@wardline/core';

const cache = new WeakMap<Store, { latitude: number; longitude: number }>();

/**
 * Where a report that came with an address only is pinned: a point inside the council's first
 * ward (by name), the average of its outline's corners, confirmed by the ward index. The job
 * carries an internal note saying it is not pinpointed.
 */
export async function councilReferencePoint(store: Store, context: TriageContext): Promise<{ latitude: number; longitude: number }> {
  const known = cache.get(store);
  if (known) return known;
  for (const ward of await store.listWards()) {
    const ring = polygonsOf(parseWardBoundary(ward.boundary, ward.code))[0]?.[0] ?? [];
    if (!ring.length) continue;
    const candidate = {
      longitude: ring.reduce((sum, p) => sum + (p[0] ?? 0), 0) / ring.length,
      latitude: ring.reduce((sum, p) => sum + (p[1] ?? 0), 0) / ring.length,
    };
    if (context.wards.wardAt(candidate)) {
      cache.set(store, candidate);
      return candidate;
    }
  }
  throw new Error('No point inside the council area could be found from the ward boundaries.');
}
