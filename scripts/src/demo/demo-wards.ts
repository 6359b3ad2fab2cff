import type { NewRow, wardTable } from '@wardline/core';
import { WardIndex, type Position } from '@wardline/core/geo';
import { Random } from './random';

/** The fictional borough: where it sits and what its wards are called. */
export const DEMO_COUNCIL = { name: 'Wardline Borough Council', code: 'E07999901', vintage: '2024-12' } as const;

/** A point the README and tests use: it must land in Castle ward. */
export const CASTLE_POINT = { latitude: 51.8904, longitude: 0.9036 } as const;

const WARD_NAMES = ['Abbeygate', 'Kingsmead', 'Hythe Quay', 'Oakfield', 'Lexbury', 'Mill Green', "St Botolph's", 'Northfields', 'Brook Vale', 'Ashby Heath', 'Riverside'];
const COLUMNS = 4;
const ROWS = 3;
const WEST = 0.84;
const EAST = 0.96;
const SOUTH = 51.865;
const NORTH = 51.915;
/** Each cell edge is broken into 2^DEPTH segments with midpoint displacement: real-looking, shared exactly by neighbours. */
const DEPTH = 4;

type Corner = [number, number];

/**
 * Twelve wards tiling a 4 x 3 grid around 51.89 N, 0.90 E (about 8 km by 5.5 km). Corners are
 * jittered and every edge is roughened once and shared by the two wards either side, so the
 * wards meet with no gaps or overlaps, like real boundaries. The ward containing CASTLE_POINT
 * is named Castle.
 */
export function generateDemoWards(random: Random): NewRow<typeof wardTable>[] {
  const dx = (EAST - WEST) / COLUMNS;
  const dy = (NORTH - SOUTH) / ROWS;
  const corners: Corner[][] = [];
  for (let r = 0; r <= ROWS; r += 1) {
    corners.push([]);
    for (let c = 0; c <= COLUMNS; c += 1) {
      const inner = r > 0 && r < ROWS && c > 0 && c < COLUMNS;
      const jx = inner ? random.between(-0.22, 0.22) * dx : 0;
      const jy = inner ? random.between(-0.22, 0.22) * dy : 0;
      corners[r].push([WEST + c * dx + jx, SOUTH + r * dy + jy]);
    }
  }
  const edges = new Map<string, Position[]>();
  const edge = (a: [number, number], b: [number, number]): Position[] => {
    const key = `${a.join(',')}|${b.join(',')}`;
    const reverse = `${b.join(',')}|${a.join(',')}`;
    if (edges.has(reverse)) return [...(edges.get(reverse) as Position[])].reverse();
    if (!edges.has(key)) {
      const [pa, pb] = [corners[a[0]][a[1]], corners[b[0]][b[1]]];
      const outer = (a[0] === b[0] && (a[0] === 0 || a[0] === ROWS)) || (a[1] === b[1] && (a[1] === 0 || a[1] === COLUMNS));
      edges.set(key, roughen(pa, pb, outer ? 0.12 : 0.2, DEPTH, random));
    }
    return edges.get(key) as Position[];
  };
  const cells: { ring: Position[]; centre: Corner }[] = [];
  for (let r = 0; r < ROWS; r += 1) {
    for (let c = 0; c < COLUMNS; c += 1) {
      // Anticlockwise (RFC 7946 outer rings): south edge west to east, east edge up, north edge back, west edge down.
      const ring = [...edge([r, c], [r, c + 1]), ...edge([r, c + 1], [r + 1, c + 1]), ...edge([r + 1, c + 1], [r + 1, c]), ...edge([r + 1, c], [r, c])].map(round);
      ring.push(ring[0]);
      cells.push({ ring: dedupe(ring), centre: [WEST + (c + 0.5) * dx, SOUTH + (r + 0.5) * dy] });
    }
  }
  const wards = cells.map((cell, i) => ({
    name: '',
    code: `E05${String(900001 + i).padStart(6, '0')}`,
    council: DEMO_COUNCIL.name,
    councilCode: DEMO_COUNCIL.code,
    boundary: JSON.stringify({ type: 'Polygon', coordinates: [cell.ring] }),
    vintage: DEMO_COUNCIL.vintage,
  }));
  const index = WardIndex.fromWards(wards.map((w, i) => ({ ...w, id: String(i) })));
  const castle = Number(index.wardAt(CASTLE_POINT)?.id);
  let n = 0;
  wards.forEach((ward, i) => {
    ward.name = i === castle ? 'Castle' : WARD_NAMES[n++];
  });
  return wards;
}

/** Midpoint displacement between two corners: the returned list starts at a and stops short of b. */
function roughen(a: Corner, b: Corner, amount: number, depth: number, random: Random): Position[] {
  if (depth === 0) return [[a[0], a[1]]];
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const offset = random.between(-amount, amount) * length;
  // Perpendicular to a-b, scaled: a wiggle sideways, never back on itself at this amplitude.
  const mid: Corner = [(a[0] + b[0]) / 2 - ((b[1] - a[1]) / length) * offset, (a[1] + b[1]) / 2 + ((b[0] - a[0]) / length) * offset];
  return [...roughen(a, mid, amount, depth - 1, random), ...roughen(mid, b, amount, depth - 1, random)];
}

const round = (p: Position): Position => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];

function dedupe(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
}
