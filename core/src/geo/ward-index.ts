import RBush from 'rbush';
import pointInPolygon from 'point-in-polygon-hao';
import { DuplicateWardError } from './errors';
import { polygonsOf, type Position, type WardGeometry } from './geojson';
import { assertLatLon, type LatLon, type LatLonBounds } from './lat-lon';
import { parseWardBoundary } from './ward-boundary';
import { WARD_GRID_NO_WARD, WardGrid } from './ward-grid';
import { geometryBounds } from './validate-ward-geometry';

/** A ward as loaded from the store or an import file. */
export interface WardInput {
  id: string;
  /** ONS ward code, for example E36002735. */
  code: string;
  name: string;
  /** GeoJSON Polygon or MultiPolygon in WGS84, as an object or as JSON text. */
  boundary: WardGeometry | string;
  /** Which edition of the boundaries this is (for example "2011"); wards change over time. */
  vintage?: string | null;
}

/** The ward a point falls in. */
export interface WardHit {
  id: string;
  code: string;
  name: string;
  vintage: string | null;
}

/** One polygon of a ward (a MultiPolygon's island is its own part), indexed by its box. */
interface WardPart {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  rings: Position[][];
  ward: WardHit;
}

/**
 * Finds the ward a point lies in: an R-tree (rbush) of the boxes of every ward polygon picks the
 * candidates, then an exact point-in-polygon test (point-in-polygon-hao, robust predicates) decides,
 * with holes and every part of a MultiPolygon honoured. Tests run in longitude/latitude, which is
 * how GeoJSON defines its edges (RFC 7946 §3.1.1), so no projection is needed.
 *
 * Points on a boundary: when a point is strictly inside one ward it belongs to that ward. When it
 * lies only on the boundary of several wards (a shared edge or corner), or inside several
 * overlapping wards, the ward with the lowest ONS code (compared by character code) wins, then the
 * lowest id. The same point therefore always gives the same ward, whatever the load order.
 *
 * Speed: a grid of about 260,000 cells over the wards' extent (see WardGrid) answers points in
 * cells that no boundary touches straight away; only points near a boundary take the exact test.
 */
export class WardIndex {
  private readonly tree = new RBush<WardPart>();
  private readonly extent: LatLonBounds | undefined;
  private readonly grid: WardGrid | undefined;
  /** The wards in the boundary rule's order: a grid cell holds an index into this list. */
  private readonly ranked: WardHit[];
  /** Number of wards in the index. */
  readonly size: number;

  private constructor(parts: WardPart[], size: number, extent: LatLonBounds | undefined) {
    this.tree.load(parts);
    this.size = size;
    this.extent = extent;
    this.ranked = [...new Set(parts.map((part) => part.ward))].sort(compareWards);
    const rank = new Map(this.ranked.map((ward, i) => [ward, i]));
    this.grid = extent ? new WardGrid(parts.map((part) => ({ rings: part.rings, rank: rank.get(part.ward)! })), extent) : undefined;
  }

  /** Builds the index; throws InvalidWardBoundaryError or DuplicateWardError on bad input. */
  static fromWards(wards: readonly WardInput[]): WardIndex {
    const parts: WardPart[] = [];
    const ids = new Set<string>();
    let extent: LatLonBounds | undefined;
    for (const input of wards) {
      if (ids.has(input.id)) throw new DuplicateWardError(input.id);
      ids.add(input.id);
      const geometry = parseWardBoundary(input.boundary, `${input.code} (${input.name})`);
      // Shared by every lookup, so frozen: a caller cannot change the answer for the next one.
      const ward: WardHit = Object.freeze({ id: input.id, code: input.code, name: input.name, vintage: input.vintage ?? null });
      for (const rings of polygonsOf(geometry)) {
        const box = geometryBounds({ type: 'Polygon', coordinates: rings });
        parts.push({ minX: box.minLongitude, minY: box.minLatitude, maxX: box.maxLongitude, maxY: box.maxLatitude, rings, ward });
        extent = extent ? unionBounds(extent, box) : box;
      }
    }
    return new WardIndex(parts, ids.size, extent);
  }

  /** The ward containing the point, or undefined if it is outside every ward. */
  wardAt(p: LatLon): WardHit | undefined {
    assertLatLon(p);
    const { latitude, longitude } = p;
    const extent = this.extent;
    if (!extent || !this.grid || latitude < extent.minLatitude || latitude > extent.maxLatitude || longitude < extent.minLongitude || longitude > extent.maxLongitude) return undefined;
    const rank = this.grid.rankAt(longitude, latitude);
    if (rank >= 0) return this.ranked[rank];
    if (rank === WARD_GRID_NO_WARD) return undefined;
    return this.exactWardAt(p);
  }

  /** The exact answer: R-tree candidates, then point-in-polygon on each (what the grid stands in for). */
  private exactWardAt(p: LatLon): WardHit | undefined {
    const point = [p.longitude, p.latitude];
    let best: WardHit | undefined;
    let bestInside = false;
    for (const part of this.tree.search({ minX: p.longitude, minY: p.latitude, maxX: p.longitude, maxY: p.latitude })) {
      const result = pointInPolygon(point, part.rings);
      if (result === false) continue;
      const inside = result === true;
      if (!best || (inside && !bestInside) || (inside === bestInside && compareWards(part.ward, best) < 0)) {
        best = part.ward;
        bestInside = inside;
      }
    }
    return best;
  }

  /** Every ward whose boundary contains the point (inside or on its edge), in the order wardAt prefers. */
  wardsContaining(p: LatLon): WardHit[] {
    assertLatLon(p);
    const point = [p.longitude, p.latitude];
    const hits = new Map<WardHit, boolean>();
    for (const part of this.tree.search({ minX: p.longitude, minY: p.latitude, maxX: p.longitude, maxY: p.latitude })) {
      const result = pointInPolygon(point, part.rings);
      if (result !== false) hits.set(part.ward, hits.get(part.ward) === true || result === true);
    }
    return [...hits.keys()].sort((a, b) => Number(hits.get(b)) - Number(hits.get(a)) || compareWards(a, b));
  }

  /** The box around every ward, or undefined when the index is empty. */
  bounds(): LatLonBounds | undefined {
    return this.extent ? { ...this.extent } : undefined;
  }
}

function compareWards(a: WardHit, b: WardHit): number {
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

function unionBounds(a: LatLonBounds, b: LatLonBounds): LatLonBounds {
  return {
    minLatitude: Math.min(a.minLatitude, b.minLatitude),
    minLongitude: Math.min(a.minLongitude, b.minLongitude),
    maxLatitude: Math.max(a.maxLatitude, b.maxLatitude),
    maxLongitude: Math.max(a.maxLongitude, b.maxLongitude),
  };
}
