import { InvalidInputError } from '../errors';

/**
 * A radius must be a finite, non-negative number of metres. The same check as asset-index's
 * assertRadius, kept in a file of its own so the proj4-free browser entry can use it.
 */
export function assertRadiusMetres(radiusMetres: number): void {
  if (typeof radiusMetres !== 'number' || !Number.isFinite(radiusMetres) || radiusMetres < 0) {
    throw new InvalidInputError('radiusMetres', `the search radius must be a number of metres, 0 or more; got ${String(radiusMetres)}`);
  }
}
