/**
 * Geo benchmark: the spatial work of triaging one report (ward + nearest asset + open jobs of the
 * same type nearby) with 50 real-shaped wards densified to hundreds of vertices, 100,000 assets and
 * 100,000 open jobs. Prints figures only; the triage target is 20,000 reports/s on one core, so
 * the spatial share should be well above it (aim: 100,000/s).
 *
 * Run: `npm run bench`, or `npx tsc -b && node -r @swc-node/register test/bench/geo.bench.ts`.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { AssetIndex, OpenTaskIndex, WardIndex, polygonsOf, type AssetInput, type LatLon, type OpenTaskPoint, type Position, type WardGeometry, type WardInput } from '@wardline/core/geo';

const WARDS_DIR = path.resolve(__dirname, '../../../shared/reference/wards');
const WARD_COUNT = 50;
const MIN_VERTICES = 400;
const ASSETS = 100_000;
const OPEN_JOBS = 100_000;
const TASK_TYPES = 70;
const REPORTS = 200_000;
const ASSET_RADIUS = 50;
const DUPLICATE_RADIUS = 100;

let seed = 20240501;
function random(): number {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
}

/** Inserts evenly spaced points along each edge; the shape (and so every answer) is unchanged. */
function densifyRing(ring: Position[], factor: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < ring.length - 1; i += 1) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    for (let k = 0; k < factor; k += 1) out.push([x0 + ((x1 - x0) * k) / factor, y0 + ((y1 - y0) * k) / factor]);
  }
  out.push(ring[ring.length - 1]);
  return out;
}

function vertexCount(geometry: WardGeometry): number {
  return polygonsOf(geometry).reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0);
}

function loadWards(): WardInput[] {
  const features = ['E07000071', 'E07000074', 'E07000076'].flatMap((council) => {
    const collection = JSON.parse(readFileSync(path.join(WARDS_DIR, `${council}.geojson`), 'utf8')) as { features: { properties: Record<string, string>; geometry: WardGeometry }[] };
    return collection.features;
  });
  return features
    .sort((a, b) => vertexCount(b.geometry) - vertexCount(a.geometry))
    .slice(0, WARD_COUNT)
    .map((feature) => {
      const factor = Math.max(1, Math.ceil(MIN_VERTICES / vertexCount(feature.geometry)));
      const polygons = polygonsOf(feature.geometry).map((rings) => rings.map((ring) => densifyRing(ring, factor)));
      const boundary: WardGeometry = { type: 'MultiPolygon', coordinates: polygons };
      return { id: feature.properties.cmwd11cd, code: feature.properties.cmwd11cd, name: feature.properties.cmwd11nm, boundary, vintage: '2011' };
    });
}

function randomPointIn(wards: WardIndex): LatLon {
  const box = wards.bounds()!;
  for (;;) {
    const p = { latitude: box.minLatitude + random() * (box.maxLatitude - box.minLatitude), longitude: box.minLongitude + random() * (box.maxLongitude - box.minLongitude) };
    if (wards.wardAt(p)) return p;
  }
}

/**
 * Wall-clock seconds, and CPU seconds of this process: on a shared machine other work stretches
 * the first but hardly the second, so rates are printed per CPU-second too.
 */
function time<T>(work: () => T): { result: T; seconds: number; cpuSeconds: number } {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(cpu);
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds: (used.user + used.system) / 1e6 };
}

const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString('en-GB');
const rates = (count: number, run: { seconds: number; cpuSeconds: number }, unit: string) => `${rate(count, run.seconds)} ${unit}/s (${rate(count, run.cpuSeconds)} per CPU-second)`;
const print = (label: string, value: string) => console.log(`  ${label.padEnd(52)} ${value}`);

function main(): void {
  const wardInputs = loadWards();
  const vertices = wardInputs.map((ward) => vertexCount(ward.boundary as WardGeometry)).sort((a, b) => a - b);
  const built = time(() => WardIndex.fromWards(wardInputs));
  const wards = built.result;

  const assetInputs: AssetInput[] = Array.from({ length: ASSETS }, (_, i) => ({ id: `A${i}`, name: `Asset ${i}`, assetType: ['litter bin', 'bench', 'tree', 'sign', 'streetlight'][i % 5], ...randomPointIn(wards) }));
  const assetsBuilt = time(() => AssetIndex.fromAssets(assetInputs));
  const assets = assetsBuilt.result;

  const jobs: OpenTaskPoint[] = Array.from({ length: OPEN_JOBS }, (_, i) => ({
    id: `J${i}`,
    taskType: `type-${i % TASK_TYPES}`,
    reportedOn: new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 90 * 86_400_000)).toISOString(),
    ...randomPointIn(wards),
  }));
  const openTasks = new OpenTaskIndex();
  const jobsBuilt = time(() => jobs.forEach((job) => openTasks.add(job)));

  const reports = Array.from({ length: REPORTS }, (_, i) => ({ point: randomPointIn(wards), taskType: `type-${i % TASK_TYPES}` }));
  const since = '2024-03-01T00:00:00Z';

  const runWards = () => reports.reduce((n, r) => n + (wards.wardAt(r.point) ? 1 : 0), 0);
  const runAssets = () => reports.reduce((n, r) => n + (assets.nearest(r.point, ASSET_RADIUS) ? 1 : 0), 0);
  const runDuplicates = () => reports.reduce((n, r) => n + openTasks.nearby(r.point, r.taskType, DUPLICATE_RADIUS, since).length, 0);
  const runReport = () =>
    reports.reduce((n, r) => {
      const ward = wards.wardAt(r.point);
      const asset = assets.nearest(r.point, ASSET_RADIUS);
      const duplicates = openTasks.nearby(r.point, r.taskType, DUPLICATE_RADIUS, since);
      return n + (ward ? 1 : 0) + (asset ? 1 : 0) + duplicates.length;
    }, 0);
  for (const warm of [runWards, runAssets, runDuplicates, runReport]) warm(); // let the JIT settle

  const wardRun = time(runWards);
  const assetRun = time(runAssets);
  const duplicateRun = time(runDuplicates);
  const reportRun = time(runReport);

  const churn = time(() => {
    for (let i = 0; i < 20_000; i += 1) {
      openTasks.remove(`J${i}`);
      openTasks.add(jobs[i]);
    }
  });

  console.log(`geo: ${wards.size} real ONS ward shapes (densified), ${assets.size.toLocaleString('en-GB')} assets, ${openTasks.size.toLocaleString('en-GB')} open jobs in ${TASK_TYPES} task types`);
  print('ward vertices (min / median / max)', `${vertices[0]} / ${vertices[vertices.length >> 1]} / ${vertices[vertices.length - 1]}`);
  print('build ward index', `${(built.seconds * 1000).toFixed(1)} ms`);
  print('build asset index (incl. projection to BNG)', `${(assetsBuilt.seconds * 1000).toFixed(1)} ms`);
  print('add 100,000 open jobs one by one', `${(jobsBuilt.seconds * 1000).toFixed(1)} ms (${rate(OPEN_JOBS, jobsBuilt.seconds)} adds/s)`);
  print('wardAt', `${rates(REPORTS, wardRun, 'lookups')}; ${wardRun.result.toLocaleString('en-GB')} of ${REPORTS.toLocaleString('en-GB')} found`);
  print(`nearest asset within ${ASSET_RADIUS} m`, `${rates(REPORTS, assetRun, 'lookups')}; ${assetRun.result.toLocaleString('en-GB')} found`);
  print(`same-type open jobs within ${DUPLICATE_RADIUS} m since ${since.slice(0, 10)}`, `${rates(REPORTS, duplicateRun, 'lookups')}; ${duplicateRun.result.toLocaleString('en-GB')} candidates`);
  print('one report: ward + nearest asset + duplicates', rates(REPORTS, reportRun, 'reports'));
  const perReport = REPORTS / reportRun.cpuSeconds;
  print('  ratio to the 20,000/s triage target (per CPU-second)', `${(perReport / 20_000).toFixed(1)}x`);
  print('  ratio to the 100,000/s spatial aim', `${(perReport / 100_000).toFixed(2)}x`);
  print('open job close + reopen (remove + add)', rates(20_000, churn, 'pairs'));
  print('machine load average (1 min) / CPUs', `${loadavg()[0].toFixed(1)} / ${cpus().length}`);
}

main();
