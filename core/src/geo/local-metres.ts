import type { LatLon } from './lat-lon';

/** WGS84 ellipsoid: semi-major axis (m) and first eccentricity squared. */
const SEMI_MAJOR_AXIS = 6_378_137;
const FLATTENING = 1 / 298.257223563;
const ECCENTRICITY_SQUARED = FLATTENING * (2 - FLATTENING);
const RADIANS = Math.PI / 180;

/** Metres on the ground per degree of latitude and of longitude at a latitude. */
export interface MetresPerDegree {
  latitude: number;
  longitude: number;
}

/**
 * Metres per degree at a latitude on the WGS84 ellipsoid: the meridian and prime-vertical radii of
 * curvature there. Near that latitude a degree box is then a flat, true-scale plane.
 */
export function metresPerDegree(latitude: number): MetresPerDegree {
  const sin = Math.sin(latitude * RADIANS);
  const w = 1 - ECCENTRICITY_SQUARED * sin * sin;
  const primeVertical = SEMI_MAJOR_AXIS / Math.sqrt(w);
  const meridian = (SEMI_MAJOR_AXIS * (1 - ECCENTRICITY_SQUARED)) / (w * Math.sqrt(w));
  return { latitude: meridian * RADIANS, longitude: primeVertical * Math.cos(latitude * RADIANS) * RADIANS };
}

/**
 * Ground distance in metres between two nearby points: the ellipsoid's local scale at their mean
 * latitude, then Pythagoras. Within a few kilometres (snap radii, nearby assets) it is within a
 * millimetre of the geodesic and within 0.05% of distanceMetres on the British National Grid,
 * whose own scale error across a council is about that. It needs no projection library, so it
 * suits the browser; for long distances use distanceMetres.
 */
export function localDistanceMetres(a: LatLon, b: LatLon): number {
  const scale = metresPerDegree((a.latitude + b.latitude) / 2);
  const north = (a.latitude - b.latitude) * scale.latitude;
  const east = (a.longitude - b.longitude) * scale.longitude;
  return Math.sqrt(north * north + east * east);
}
