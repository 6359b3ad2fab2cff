/** A GeoJSON position: [longitude, latitude] in WGS84 (RFC 7946 §3.1.1). */
export type Position = number[];

export interface PolygonGeometry {
  type: 'Polygon';
  /** The outer ring first, then holes; each ring closed (first position repeated last). */
  coordinates: Position[][];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

/** The geometries a ward boundary may have. */
export type WardGeometry = PolygonGeometry | MultiPolygonGeometry;

/** The polygons of a ward geometry, each as [outer ring, ...holes]. */
export function polygonsOf(geometry: WardGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
