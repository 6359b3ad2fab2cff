import type { LatLon } from '@wardline/core/geo/browser';

const METRES_PER_DEGREE = 111_320;

/** The point `north` and `east` metres away (small steps: an equirectangular step is exact enough). */
export function offsetMetres(point: LatLon, north: number, east: number): LatLon {
  const latitude = Math.max(-90, Math.min(90, point.latitude + north / METRES_PER_DEGREE));
  const cos = Math.max(Math.cos((point.latitude * Math.PI) / 180), 0.01);
  const longitude = Math.max(-180, Math.min(180, point.longitude + east / (METRES_PER_DEGREE * cos)));
  return { latitude: round6(latitude), longitude: round6(longitude) };
}

/** Six decimal places (about 0.1 m): the precision of wl_task's latitude and longitude. */
export const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Arrow key to a step in metres (north, east). Up is north whatever the text direction. */
export function arrowStep(key: string, metres: number): { north: number; east: number } | undefined {
  switch (key) {
    case 'ArrowUp':
      return { north: metres, east: 0 };
    case 'ArrowDown':
      return { north: -metres, east: 0 };
    case 'ArrowRight':
      return { north: 0, east: metres };
    case 'ArrowLeft':
      return { north: 0, east: -metres };
    default:
      return undefined;
  }
}
