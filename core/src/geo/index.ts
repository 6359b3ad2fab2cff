/**
 * @wardline/core/geo: ward lookup, nearest asset and nearby open jobs. Pure code on rbush,
 * kdbush, point-in-polygon-hao and proj4, with no Node APIs, so the MapPicker control can bundle it.
 */
export type { LatLon, LatLonBounds } from './lat-lon';
export { assertLatLon } from './lat-lon';
export type { GridReference } from './british-national-grid';
export { BRITISH_NATIONAL_GRID, toBritishNationalGrid, fromBritishNationalGrid, distanceMetres } from './british-national-grid';
export type { Position, PolygonGeometry, MultiPolygonGeometry, WardGeometry } from './geojson';
export { polygonsOf } from './geojson';
export { validateWardGeometry, geometryBounds } from './validate-ward-geometry';
export { parseWardBoundary } from './ward-boundary';
export type { WardInput, WardHit } from './ward-index';
export { WardIndex } from './ward-index';
export type { AssetInput, AssetMatch } from './asset-index';
export { AssetIndex } from './asset-index';
export type { OpenTaskPoint, OpenTaskMatch } from './open-task-index';
export { OpenTaskIndex } from './open-task-index';
export { GeoErrors, InvalidWardBoundaryError, DuplicateWardError, DuplicateAssetError, InvalidCoordinateError, InvalidDateError } from './errors';
