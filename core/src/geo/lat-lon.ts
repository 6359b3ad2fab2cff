import { InvalidCoordinateError } from './errors';

/** A WGS84 position in decimal degrees (what GPS, GeoJSON and Open311 use). */
export interface LatLon {
  latitude: number;
  longitude: number;
}

/** A WGS84 bounding box in decimal degrees. */
export interface LatLonBounds {
  minLatitude: number;
  minLongitude: number;
  maxLatitude: number;
  maxLongitude: number;
}

/**
 * Throws InvalidCoordinateError unless the point is a finite WGS84 latitude/longitude.
 * `subject` names the record in the message (for example `asset "BIN-12"`).
 */
export function assertLatLon(p: LatLon, subject = 'point'): void {
  const { latitude, longitude } = p;
  if (typeof latitude !== 'number' || !Number.isFinite(latitude)) throw new InvalidCoordinateError(subject, `latitude ${String(latitude)} is not a number`);
  if (typeof longitude !== 'number' || !Number.isFinite(longitude)) throw new InvalidCoordinateError(subject, `longitude ${String(longitude)} is not a number`);
  if (latitude < -90 || latitude > 90) throw new InvalidCoordinateError(subject, `latitude ${latitude} is outside -90 to 90`);
  if (longitude < -180 || longitude > 180) throw new InvalidCoordinateError(subject, `longitude ${longitude} is outside -180 to 180`);
}
