/**
 * @wardline/core/geo/browser: the part of core/geo a browser bundle needs (the MapPicker control),
 * with no proj4 and no Node APIs. Ward lookup is the very WardIndex triage uses; nearest asset is
 * LocalAssetIndex, which measures on the WGS84 ellipsoid locally instead of on the British
 * National Grid (the same answers for snap radii; see local-asset-index.ts). WardlineError is here
 * because every error this entry throws extends it, and `@wardline/core` itself pulls in Node code.
 */
export type { LatLon, LatLonBounds } from '../lat-lon';
export { assertLatLon } from '../lat-lon';
export type { Position, PolygonGeometry, MultiPolygonGeometry, WardGeometry } from '../geojson';
export { polygonsOf } from '../geojson';
export { validateWardGeometry, geometryBounds } from '../validate-ward-geometry';
export { parseWardBoundary } from '../ward-boundary';
export type { WardInput, WardHit } from '../ward-index';
export { WardIndex } from '../ward-index';
export type { AssetInput, AssetMatch } from '../asset-index';
export { LocalAssetIndex } from '../local-asset-index';
export type { MetresPerDegree } from '../local-metres';
export { metresPerDegree, localDistanceMetres } from '../local-metres';
export { GeoErrors, InvalidWardBoundaryError, DuplicateWardError, DuplicateAssetError, InvalidCoordinateError, InvalidDateError } from '../errors';
export type { ErrorDefinition, ErrorDetails } from '../../errors';
export { WardlineError, InvalidInputError } from '../../errors';
