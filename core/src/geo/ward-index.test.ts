import { existsSync } from 'node:fs';
import polylabel from 'polylabel';
import { polygonsOf, type PolygonGeometry } from './geojson';
import { geometryBounds } from './validate-ward-geometry';
import { WardIndex, type WardInput } from './ward-index';
import { loadAllReferenceWards, loadReferenceWards, REFERENCE_WARDS_DIR, type ReferenceWard } from './reference-wards.test-data';

const wards = loadAllReferenceWards();
const index = WardIndex.fromWards(wards);

/** An interior point of a polygon (its pole of inaccessibility), at least `distance` degrees from every edge. */
function interiorPoint(rings: number[][][]): { latitude: number; longitude: number; distance: number } {
  const pole = polylabel(rings, 1e-5);
  return { longitude: pole[0], latitude: pole[1], distance: pole.distance };
}

function largestPart(ward: ReferenceWard): number[][][] {
  return polygonsOf(ward.boundary).reduce((a, b) => (b[0].length > a[0].length ? b : a));
}

describe('WardIndex on the real ONS wards of Colchester, Maldon and Tendring', () => {
  it('reads the reference boundaries from ../shared', () => {
    expect(existsSync(REFERENCE_WARDS_DIR)).toBe(true);
    expect(wards).toHaveLength(27 + 17 + 35);
    expect(index.size).toBe(79);
  });

  it('finds each ward at an interior point of its main polygon', () => {
    for (const ward of wards) {
      const point = interiorPoint(largestPart(ward));
      expect(point.distance).toBeGreaterThan(0);
      expect(index.wardAt(point)).toEqual({ id: ward.id, code: ward.code, name: ward.name, vintage: '2011' });
    }
  });

  it('finds known places in their wards', () => {
    expect(index.wardAt({ latitude: 51.8904, longitude: 0.9036 })?.name).toBe('Castle'); // Colchester town centre
    expect(index.wardAt({ latitude: 51.8897, longitude: 0.9025 })?.name).toBe('Castle'); // Colchester Castle
    expect(index.wardAt({ latitude: 51.7802, longitude: 0.9180 })?.name).toBe('West Mersea'); // West Mersea, on Mersea Island
    expect(index.wardAt({ latitude: 51.6295, longitude: 0.8185 })?.name).toBe('Burnham-on-Crouch South'); // Burnham quay
  });

  it('finds every part of a MultiPolygon ward, islands included', () => {
    const multi = wards.filter((ward) => ward.boundary.type === 'MultiPolygon');
    expect(multi.length).toBeGreaterThanOrEqual(15);
    let parts = 0;
    for (const ward of multi) {
      for (const rings of polygonsOf(ward.boundary)) {
        const point = interiorPoint(rings);
        if (point.distance < 1e-5) continue; // a sliver about a metre wide: too thin to name a point in
        expect(index.wardAt(point)?.code).toBe(ward.code);
        parts += 1;
      }
    }
    expect(parts).toBeGreaterThan(40);
  });

  it('gives no ward for points outside every ward', () => {
    expect(index.wardAt({ latitude: 51.5007, longitude: -0.1246 })).toBeUndefined(); // Big Ben
    expect(index.wardAt({ latitude: 51.8, longitude: 1.6 })).toBeUndefined(); // the North Sea
    // Estuaries: inside the boxes of several coastal wards, but in none of their polygons.
    expect(index.wardAt({ latitude: 51.74, longitude: 0.85 })).toBeUndefined(); // the Blackwater, by Tollesbury and Tillingham
    expect(index.wardAt({ latitude: 51.82, longitude: 0.99 })).toBeUndefined(); // the Colne, by Pyefleet and Brightlingsea
    const box = index.bounds();
    expect(box).toBeDefined();
    expect(index.wardAt({ latitude: box!.maxLatitude + 0.001, longitude: box!.minLongitude })).toBeUndefined();
  });

  it('reports the box around all the wards', () => {
    const box = index.bounds()!;
    for (const ward of wards) {
      const b = geometryBounds(ward.boundary);
      expect(b.minLatitude).toBeGreaterThanOrEqual(box.minLatitude);
      expect(b.maxLongitude).toBeLessThanOrEqual(box.maxLongitude);
    }
    expect(box.minLatitude).toBeGreaterThan(51.5);
    expect(box.maxLatitude).toBeLessThan(52.1);
    expect(WardIndex.fromWards([]).bounds()).toBeUndefined();
    expect(WardIndex.fromWards([]).wardAt({ latitude: 51.89, longitude: 0.9 })).toBeUndefined();
  });

  it('accepts boundaries given as GeoJSON text', () => {
    const castle = wards.find((ward) => ward.name === 'Castle')!;
    const fromText = WardIndex.fromWards([{ ...castle, boundary: JSON.stringify(castle.boundary), vintage: undefined }]);
    const hit = fromText.wardAt({ latitude: 51.8904, longitude: 0.9036 });
    expect(hit).toEqual({ id: castle.id, code: castle.code, name: 'Castle', vintage: null });
    expect(Object.isFrozen(hit)).toBe(true);
  });
});

describe('WardIndex grid shortcut', () => {
  it('gives the same answer as the exact test everywhere: random points, every vertex, every edge midpoint', () => {
    const box = index.bounds()!;
    let state = 3;
    const next = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const points = Array.from({ length: 20000 }, () => ({
      latitude: box.minLatitude + next() * (box.maxLatitude - box.minLatitude),
      longitude: box.minLongitude + next() * (box.maxLongitude - box.minLongitude),
    }));
    for (const ward of wards) {
      for (const rings of polygonsOf(ward.boundary)) {
        for (const ring of rings) {
          ring.forEach(([longitude, latitude], i) => {
            points.push({ latitude, longitude });
            const [x1, y1] = ring[(i + 1) % ring.length];
            points.push({ latitude: (latitude + y1) / 2, longitude: (longitude + x1) / 2 });
          });
        }
      }
    }
    let found = 0;
    for (const point of points) {
      const exact = index.wardsContaining(point)[0];
      expect(index.wardAt(point)?.id).toBe(exact?.id);
      if (exact) found += 1;
    }
    expect(found).toBeGreaterThan(points.length / 2);
  });
});

describe('WardIndex with holes', () => {
  // An enclave ward: a box around Colchester's Castle ward with Castle's real outline as its hole.
  const castle = loadReferenceWards('E07000071').find((ward) => ward.name === 'Castle')!;
  const castleRing = (castle.boundary as PolygonGeometry).coordinates[0];
  const b = geometryBounds(castle.boundary);
  const pad = 0.01;
  const outer = [
    [b.minLongitude - pad, b.minLatitude - pad],
    [b.maxLongitude + pad, b.minLatitude - pad],
    [b.maxLongitude + pad, b.maxLatitude + pad],
    [b.minLongitude - pad, b.maxLatitude + pad],
    [b.minLongitude - pad, b.minLatitude - pad],
  ];
  const surround: WardInput = { id: 'surround', code: 'E99000001', name: 'Surround', boundary: { type: 'Polygon', coordinates: [outer, castleRing] } };
  const town = { latitude: 51.8904, longitude: 0.9036 };

  it('puts a point in the hole in the enclave ward, not the surrounding one', () => {
    const both = WardIndex.fromWards([surround, castle]);
    expect(both.wardAt(town)?.name).toBe('Castle');
    expect(both.wardAt({ latitude: b.minLatitude - pad / 2, longitude: b.minLongitude - pad / 2 })?.name).toBe('Surround');
  });

  it('gives no ward for a point in a hole that no ward fills', () => {
    const alone = WardIndex.fromWards([surround]);
    expect(alone.wardAt(town)).toBeUndefined();
    expect(alone.wardAt({ latitude: b.maxLatitude + pad / 2, longitude: b.maxLongitude + pad / 2 })?.name).toBe('Surround');
  });

  it('resolves a point on the hole edge to the lower code of the two wards', () => {
    const vertex = { longitude: castleRing[3][0], latitude: castleRing[3][1] };
    const both = WardIndex.fromWards([surround, castle]);
    expect(both.wardsContaining(vertex).map((ward) => ward.code).sort()).toEqual([castle.code, 'E99000001'].sort());
    expect(both.wardAt(vertex)?.code).toBe(castle.code); // E36002735 < E99000001
  });
});

describe('WardIndex boundary rule', () => {
  const square = (x0: number, y0: number, size: number) => [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]];
  const west: WardInput = { id: 'w', code: 'E05000002', name: 'West', boundary: { type: 'Polygon', coordinates: square(0.5, 51.5, 0.25) } };
  const east: WardInput = { id: 'e', code: 'E05000001', name: 'East', boundary: { type: 'Polygon', coordinates: square(0.75, 51.5, 0.25) } };
  const north: WardInput = { id: 'n', code: 'E05000003', name: 'North', boundary: { type: 'Polygon', coordinates: square(0.5, 51.75, 0.5) } };

  it('gives a point on a shared edge to the ward with the lowest code, whatever the load order', () => {
    const edge = { latitude: 51.625, longitude: 0.75 };
    for (const order of [[west, east, north], [north, east, west], [east, north, west]]) {
      const wardIndex = WardIndex.fromWards(order);
      expect(wardIndex.wardAt(edge)?.name).toBe('East');
      expect(wardIndex.wardAt({ latitude: 51.75, longitude: 0.6 })?.name).toBe('West'); // West/North edge: E05000002 < E05000003
      expect(wardIndex.wardAt({ latitude: 51.75, longitude: 0.75 })?.name).toBe('East'); // corner of all three
      expect(wardIndex.wardAt({ latitude: 51.625, longitude: 0.7499 })?.name).toBe('West'); // just inside West
    }
  });

  it('prefers the ward a point is strictly inside over one whose edge it touches', () => {
    // Overlapping generalised boundaries: the point is on East's edge but inside Lower, whose code sorts later.
    const lower: WardInput = { id: 'l', code: 'E05000009', name: 'Lower', boundary: { type: 'Polygon', coordinates: square(0.7, 51.6, 0.1) } };
    const wardIndex = WardIndex.fromWards([east, lower]);
    expect(wardIndex.wardAt({ latitude: 51.65, longitude: 0.75 })?.name).toBe('Lower');
    expect(wardIndex.wardsContaining({ latitude: 51.65, longitude: 0.75 }).map((w) => w.name)).toEqual(['Lower', 'East']);
  });

  it('resolves corners shared by real neighbouring wards to the lowest code', () => {
    const colchester = loadReferenceWards('E07000071');
    const owners = new Map<string, Set<string>>();
    for (const ward of colchester) {
      for (const rings of polygonsOf(ward.boundary)) for (const [x, y] of rings[0]) owners.set(`${x},${y}`, (owners.get(`${x},${y}`) ?? new Set()).add(ward.code));
    }
    const shared = [...owners.entries()].filter(([, codes]) => codes.size >= 2);
    expect(shared.length).toBeGreaterThan(100);
    const reversed = WardIndex.fromWards([...colchester].reverse());
    const forward = WardIndex.fromWards(colchester);
    for (const [key, codes] of shared) {
      const [longitude, latitude] = key.split(',').map(Number);
      const lowest = [...codes].sort()[0];
      expect(forward.wardAt({ latitude, longitude })?.code).toBe(lowest);
      expect(reversed.wardAt({ latitude, longitude })?.code).toBe(lowest);
    }
  });
});

describe('WardIndex bad input', () => {
  it('names the ward and the problem when a boundary is unusable', () => {
    const broken: WardInput = { id: 'x', code: 'E05000010', name: 'Broken', boundary: { type: 'Polygon', coordinates: [[[0.5, 51.5], [0.6, 51.5], [0.6, 51.6]]] } };
    expect(() => WardIndex.fromWards([broken])).toThrow(expect.objectContaining({ name: 'InvalidWardBoundaryError', code: 'WL-GEO-001' }));
    expect(() => WardIndex.fromWards([broken])).toThrow('Ward E05000010 (Broken): the boundary is not usable: outer ring has 3 position(s); a ring needs at least 4 (a triangle, closed)');
  });

  it('refuses the same ward id twice', () => {
    const [first] = loadReferenceWards('E07000074');
    expect(() => WardIndex.fromWards([first, first])).toThrow(expect.objectContaining({ code: 'WL-GEO-002', message: `Ward id "${first.id}" appears more than once; each ward may be loaded once.` }));
  });

  it('refuses a point that is not a WGS84 latitude/longitude', () => {
    expect(() => index.wardAt({ latitude: Number.NaN, longitude: 0.9 })).toThrow('point: latitude NaN is not a number');
    expect(() => index.wardAt({ latitude: 251000, longitude: 599000 })).toThrow(expect.objectContaining({ code: 'WL-GEO-003' }));
  });
});
