import { InvalidWardBoundaryError } from './errors';
import type { WardGeometry } from './geojson';
import { validateWardGeometry } from './validate-ward-geometry';

/**
 * Parses and validates a ward boundary given as a GeoJSON object or JSON text. Throws
 * InvalidWardBoundaryError, naming the ward and listing every problem, if it is not usable.
 */
export function parseWardBoundary(boundary: WardGeometry | string, ward: string): WardGeometry {
  const problems = validateWardGeometry(boundary);
  if (problems.length > 0) throw new InvalidWardBoundaryError(ward, problems);
  return typeof boundary === 'string' ? (JSON.parse(boundary) as WardGeometry) : boundary;
}
