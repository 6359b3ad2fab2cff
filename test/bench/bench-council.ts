/**
 * A generated council for the triage and jobs benchmarks (not a benchmark itself): 50 real ONS
 * ward shapes from ../shared/reference/wards densified to hundreds of vertices, a 70-type
 * catalogue, officers with patches, routing rules and sensitive locations. Seeded, so every run
 * sees the same data.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { WardIndex, polygonsOf, readCouncilSettings } from '@wardline/core';
import type { CouncilSettings, DispatchMode, LatLon, Officer, Position, Priority, RoutingRule, ServiceArea, TaskType, WardGeometry, WardInput } from '@wardline/core';

const WARDS_DIR = path.resolve(__dirname, '../../../shared/reference/wards');
const MIN_VERTICES = 400;
const stamp = { createdOn: '2025-01-01T00:00:00.000Z', modifiedOn: '2025-01-01T00:00:00.000Z' };

let seed = 20250609;
export function random(): number {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
}
export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

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
const vertexCount = (g: WardGeometry): number => polygonsOf(g).reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0);

/** 50 real ward shapes (the largest of Colchester, Maldon and Tendring), densified to at least 400 vertices. */
export function loadWards(count = 50): (WardInput & { boundary: WardGeometry })[] {
  const features = ['E07000071', 'E07000074', 'E07000076'].flatMap((council) =>
    (JSON.parse(readFileSync(path.join(WARDS_DIR, `${council}.geojson`), 'utf8')) as { features: { properties: Record<string, string>; geometry: WardGeometry }[] }).features);
  return features.sort((a, b) => vertexCount(b.geometry) - vertexCount(a.geometry)).slice(0, count).map((feature) => {
    const factor = Math.max(1, Math.ceil(MIN_VERTICES / vertexCount(feature.geometry)));
    const boundary: WardGeometry = { type: 'MultiPolygon', coordinates: polygonsOf(feature.geometry).map((rings) => rings.map((ring) => densifyRing(ring, factor))) };
    return { id: feature.properties.cmwd11cd, code: feature.properties.cmwd11cd, name: feature.properties.cmwd11nm, boundary, vintage: '2011' };
  });
}

export function randomPointIn(wards: WardIndex): LatLon {
  const box = wards.bounds()!;
  for (;;) {
    const p = { latitude: box.minLatitude + random() * (box.maxLatitude - box.minLatitude), longitude: box.minLongitude + random() * (box.maxLongitude - box.minLongitude) };
    if (wards.wardAt(p)) return p;
  }
}

const areas: ServiceArea[] = ['street_care', 'grounds_maintenance', 'parks', 'countryside', 'arboriculture', 'community_support'];
const priorities: Priority[] = ['urgent', 'high', 'normal', 'normal', 'low'];
const teamOf: Record<ServiceArea, string> = { street_care: 'Street care', grounds_maintenance: 'Grounds maintenance', parks: 'Parks', countryside: 'Countryside', arboriculture: 'Trees', community_support: 'Community support' };

export function taskTypes(count = 70): TaskType[] {
  return Array.from({ length: count }, (_, i) => {
    const serviceArea = areas[i % areas.length];
    const dispatchMode: DispatchMode = serviceArea === 'community_support' ? 'volunteers' : i % 7 === 0 ? 'pool' : 'assign';
    return {
      ...stamp, id: `tt-${i}`, code: `type-${i}`, name: `Task type ${i}`, serviceArea, defaultPriority: pick(priorities), slaHours: [4, 8, 16, 24, 40, 80][i % 6],
      open311Code: null, open311Group: null, keywords: null, description: null, requirePhoto: false, checklist: null, dispatchMode, redaction: 'standard',
      duplicateRadius: 50, duplicateWindowDays: 30, active: true,
    } as TaskType;
  });
}

export function officers(wards: readonly WardInput[], count = 200): Officer[] {
  return Array.from({ length: count }, (_, i) => {
    const area = areas[i % areas.length];
    const volunteer = area === 'community_support';
    const patch = Array.from({ length: 8 }, () => pick(wards).code).join(',');
    return {
      ...stamp, id: `person-${i}`, name: `Person ${i}`, email: null, entraObjectId: `entra-${i}`, role: volunteer ? 'volunteer' : i % 25 === 0 ? 'supervisor' : 'officer',
      teams: teamOf[area], patch, supervisor: null, onDuty: random() < 0.8, trusted: volunteer, radius: volunteer ? 3000 : null,
      homeLatitude: volunteer ? 51.85 + random() * 0.1 : null, homeLongitude: volunteer ? 0.85 + random() * 0.2 : null, conversationReference: null, conversationStale: false,
    } as Officer;
  });
}

export function routingRules(wards: readonly WardInput[], types: readonly TaskType[]): RoutingRule[] {
  return Array.from({ length: 20 }, (_, i) => ({
    ...stamp, id: `rule-${i}`, name: `Rule ${i}`, order: i * 10, active: true,
    matchTaskType: i % 2 === 0 ? pick(types).id : null, matchServiceArea: i % 2 === 1 ? pick(areas) : null, matchWard: i % 3 === 0 ? pick(wards).id : null,
    matchSource: i % 4 === 0 ? 'open311' : null, matchKeywords: i % 5 === 0 ? 'urgent, blocking, asbestos' : null,
    assignTeam: i % 2 === 0 ? 'Rapid response' : null, assignOfficer: null, setPriority: i % 3 === 1 ? 'high' : null, dispatchMode: null,
  } as RoutingRule));
}

/** Any Entra app id: the benchmarks only need Teams to count as set up. */
export const BENCH_BOT_APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';

/** A council with Teams set up, as in production: events go to Teams and Notify, not to the log channel. */
export function settings(wards: WardIndex): CouncilSettings {
  const schools = Array.from({ length: 40 }, (_, i) => ({ name: `School ${i}`, ...randomPointIn(wards), radius: 150 }));
  return readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Benchmark Borough Council', WARDLINE_SERVICE_URL: 'https://wardline.example', WARDLINE_SENSITIVE_LOCATIONS: JSON.stringify(schools), WARDLINE_BOT_APP_ID: BENCH_BOT_APP_ID });
}

export const descriptions = [
  'Black bags dumped by the gate', 'Mattress and sofa on the verge', 'Broken glass on the pavement', 'Needles found by the swings',
  'Racist graffiti on the bus shelter', 'Fallen branch blocking the footpath', 'Overflowing bin', 'Grass verge not cut for weeks',
];

/**
 * Wall-clock seconds and CPU seconds of the process (user + system). On a busy machine the CPU
 * figure is the fairer "one core" measure; both are printed.
 */
export interface Timing<T> {
  result: T;
  seconds: number;
  cpuSeconds: number;
}
export function time<T>(work: () => T): Timing<T> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(cpu);
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds: (used.user + used.system) / 1e6 };
}
export async function timeAsync<T>(work: () => Promise<T>): Promise<Timing<T>> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuSeconds: (used.user + used.system) / 1e6 };
}
/** "12,345/s wall, 23,456/s per CPU second" */
export const rates = (count: number, timing: Timing<unknown>, unit: string): string =>
  `${rate(count, timing.seconds)} ${unit}/s wall, ${rate(count, timing.cpuSeconds)} ${unit}/s per CPU second`;
export const rate = (count: number, seconds: number): string => Math.round(count / seconds).toLocaleString('en-GB');
export const print = (label: string, value: string): void => console.log(`  ${label.padEnd(56)} ${value}`);
