import type { Position } from './geojson';
import type { LatLonBounds } from './lat-lon';

/** A cell no ward boundary touches, and that lies in no ward. */
const NO_WARD = -1;
/** A cell some ward boundary touches: its points need the exact test. */
const MIXED = -2;
/** About 260,000 cells (1 MB): cells of about 100 m over a district council. */
const TARGET_CELLS = 1 << 18;

/** One polygon of a ward and the ward's rank (its place in the boundary rule's order). */
export interface GridPart {
  rings: Position[][];
  rank: number;
}

/**
 * A grid over the wards' extent that answers most ward lookups without a point-in-polygon test.
 * Every cell that any boundary edge touches is marked MIXED (its points get the exact test); every
 * other cell lies wholly inside the same set of wards, so its answer is worked out once, at its
 * centre, by a scanline across the polygons (even-odd rule, so holes and islands count). The ward
 * recorded is the lowest rank among those containing the cell, which is the rule wardAt applies.
 *
 * Internal to the ward index: it is an accelerator and gives the same answers as the exact test.
 */
export class WardGrid {
  private readonly columns: number;
  private readonly rows: number;
  private readonly minX: number;
  private readonly minY: number;
  private readonly cellWidth: number;
  private readonly cellHeight: number;
  private readonly cells: Int32Array;

  constructor(parts: readonly GridPart[], bounds: LatLonBounds) {
    const width = bounds.maxLongitude - bounds.minLongitude;
    const height = bounds.maxLatitude - bounds.minLatitude;
    this.minX = bounds.minLongitude;
    this.minY = bounds.minLatitude;
    this.columns = Math.min(4096, Math.max(1, Math.round(Math.sqrt((TARGET_CELLS * width) / Math.max(height, Number.MIN_VALUE)))));
    this.rows = Math.min(4096, Math.max(1, Math.round(TARGET_CELLS / this.columns)));
    this.cellWidth = width / this.columns || 1;
    this.cellHeight = height / this.rows || 1;
    this.cells = new Int32Array(this.columns * this.rows).fill(NO_WARD);
    const edgesByRow = this.markBoundaryCells(parts);
    this.fillInteriorCells(parts, edgesByRow);
  }

  /** The rank of the ward at the point, NO_WARD (-1), or MIXED (-2) when the exact test must decide. */
  rankAt(longitude: number, latitude: number): number {
    return this.cells[this.row(latitude) * this.columns + this.column(longitude)];
  }

  private column(x: number): number {
    const c = Math.floor((x - this.minX) / this.cellWidth);
    return c < 0 ? 0 : c >= this.columns ? this.columns - 1 : c;
  }

  private row(y: number): number {
    const r = Math.floor((y - this.minY) / this.cellHeight);
    return r < 0 ? 0 : r >= this.rows ? this.rows - 1 : r;
  }

  /** Marks every cell an edge passes through; returns, per row, the edges crossing that row. */
  private markBoundaryCells(parts: readonly GridPart[]): number[][][] {
    const edgesByRow: number[][][] = Array.from({ length: this.rows }, () => []);
    const slack = 1e-9; // degrees (0.1 mm): covers rounding where an edge is clipped to a row
    parts.forEach((part, p) => {
      for (const ring of part.rings) {
        for (let i = 0; i < ring.length - 1; i += 1) {
          const [x0, y0] = ring[i];
          const [x1, y1] = ring[i + 1];
          const firstRow = this.row(Math.min(y0, y1));
          const lastRow = this.row(Math.max(y0, y1));
          for (let r = firstRow; r <= lastRow; r += 1) {
            edgesByRow[r].push([p, x0, y0, x1, y1]);
            const bandLow = Math.max(Math.min(y0, y1), this.minY + r * this.cellHeight - slack);
            const bandHigh = Math.min(Math.max(y0, y1), this.minY + (r + 1) * this.cellHeight + slack);
            const xa = y1 === y0 ? x0 : x0 + ((bandLow - y0) * (x1 - x0)) / (y1 - y0);
            const xb = y1 === y0 ? x1 : x0 + ((bandHigh - y0) * (x1 - x0)) / (y1 - y0);
            const from = this.column(Math.max(Math.min(xa, xb), Math.min(x0, x1)) - slack);
            const to = this.column(Math.min(Math.max(xa, xb), Math.max(x0, x1)) + slack);
            for (let c = from; c <= to; c += 1) this.cells[r * this.columns + c] = MIXED;
          }
        }
      }
    });
    return edgesByRow;
  }

  /** Gives each untouched cell the lowest-ranked ward containing its centre (scanline, even-odd). */
  private fillInteriorCells(parts: readonly GridPart[], edgesByRow: number[][][]): void {
    for (let r = 0; r < this.rows; r += 1) {
      const y = this.minY + (r + 0.5) * this.cellHeight;
      const crossings = new Map<number, number[]>();
      for (const [p, x0, y0, x1, y1] of edgesByRow[r]) {
        if (y0 <= y === y1 <= y) continue; // half-open rule: a vertex on the line counts once
        const list = crossings.get(p) ?? [];
        list.push(x0 + ((y - y0) * (x1 - x0)) / (y1 - y0));
        crossings.set(p, list);
      }
      for (const [p, xs] of crossings) {
        xs.sort((a, b) => a - b);
        for (let k = 0; k + 1 < xs.length; k += 2) this.fillSpan(r, xs[k], xs[k + 1], parts[p].rank);
      }
    }
  }

  private fillSpan(r: number, fromX: number, toX: number, rank: number): void {
    for (let c = this.column(fromX); c <= this.column(toX); c += 1) {
      const i = r * this.columns + c;
      const centre = this.minX + (c + 0.5) * this.cellWidth;
      if (this.cells[i] === MIXED || centre <= fromX || centre >= toX) continue;
      if (this.cells[i] === NO_WARD || rank < this.cells[i]) this.cells[i] = rank;
    }
  }
}

export const WARD_GRID_NO_WARD = NO_WARD;
export const WARD_GRID_MIXED = MIXED;
