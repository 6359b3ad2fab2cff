import { polygonsOf, parseWardBoundary, type Ward } from '@wardline/core';

/** Ward outlines small enough for a page: corners closer than ~100 m dropped, 4 decimal places (~10 m). */
export function wardOutlines(wards: readonly Ward[]): { bounds: [number, number, number, number]; rings: number[][][] } {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const rings: number[][][] = [];
  for (const ward of wards) {
    for (const polygon of polygonsOf(parseWardBoundary(ward.boundary, ward.code))) {
      const outer = polygon[0] ?? [];
      const kept: number[][] = [];
      for (const [lon = 0, lat = 0] of outer) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
        const last = kept[kept.length - 1];
        if (last && Math.abs((last[0] ?? 0) - lon) < 0.0014 && Math.abs((last[1] ?? 0) - lat) < 0.0009) continue;
        kept.push([Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4]);
      }
      if (kept.length >= 3) rings.push(kept);
    }
  }
  return { bounds: [minLon, minLat, maxLon, maxLat], rings };
}
