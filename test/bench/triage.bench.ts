/**
 * Triage benchmark: one report's whole decision (ward, nearest asset, duplicates and repeat
 * location, priority with reasons, working-hours due by, routing, dispatch) with 50 real-shaped
 * wards, 100,000 assets and 100,000 open jobs. Target: 20,000 reports/s on one core. Prints
 * figures only.
 *
 * Run: `npm run bench`, or `npx tsc -b && node -r @swc-node/register test/bench/triage.bench.ts`.
 */
import { AssetIndex, OpenTaskIndex, WardIndex, createTriageContext, triage } from '@wardline/core';
import type { AssetInput, SourceChannel, TriageReport } from '@wardline/core';
import { descriptions, loadWards, officers, pick, print, random, randomPointIn, rates, routingRules, settings, taskTypes, time } from './bench-council';

const ASSETS = 100_000;
const OPEN_JOBS = 100_000;
const REPORTS = 200_000;
const sources: SourceChannel[] = ['open311', 'webform', 'teams', 'tab', 'phone'];

function main(): void {
  const wardInputs = loadWards();
  const wards = WardIndex.fromWards(wardInputs);
  const types = taskTypes();
  const assets: AssetInput[] = Array.from({ length: ASSETS }, (_, i) => ({ id: `A${i}`, name: `Asset ${i}`, assetType: ['litter bin', 'bench', 'tree', 'sign'][i % 4], ...randomPointIn(wards) }));
  const openTasks = new OpenTaskIndex();
  const start = Date.UTC(2025, 3, 1);
  for (let i = 0; i < OPEN_JOBS; i += 1) openTasks.add({ id: `J${i}`, taskType: pick(types).id, reportedOn: new Date(start + Math.floor(random() * 60 * 86_400_000)).toISOString(), ...randomPointIn(wards) });
  const people = officers(wardInputs);
  const context = createTriageContext({
    wards, assets: AssetIndex.fromAssets(assets), openTasks, taskTypes: types, routingRules: routingRules(wardInputs, types), officers: people,
    openJobCounts: new Map(people.map((p) => [p.id, Math.floor(random() * 10)])), settings: settings(wards), clock: () => new Date('2025-06-09T09:00:00Z'),
  });
  const reports: TriageReport[] = Array.from({ length: REPORTS }, () => ({
    taskTypeCode: pick(types).code, ...randomPointIn(wards), title: 'Report', description: pick(descriptions), sourceChannel: pick(sources),
    councillorRaised: random() < 0.05, reportedOn: new Date(Date.UTC(2025, 5, 2) + Math.floor(random() * 14 * 86_400_000)).toISOString(),
  }));

  const run = (): { duplicates: number; raised: number } => {
    let duplicates = 0;
    let raised = 0;
    for (const report of reports) {
      const decision = triage(report, context);
      if (decision.duplicateOf) duplicates += 1;
      if (decision.reasons.length > 1) raised += 1;
    }
    return { duplicates, raised };
  };
  run(); // let the JIT settle and the calendar cache fill
  const measured = time(run);
  const explain = time(() => reports.slice(0, 20_000).forEach((report) => triage(report, context).explain()));

  console.log(`triage: ${wards.size} real ward shapes (densified), ${ASSETS.toLocaleString('en-GB')} assets, ${openTasks.size.toLocaleString('en-GB')} open jobs, ${types.length} task types, ${people.length} people, 20 routing rules, 40 schools`);
  print('triage one report (ward, asset, duplicates, priority, due by, route, dispatch)', rates(REPORTS, measured, 'reports'));
  print('  ratio to the 20,000/s target (wall / CPU)', `${(REPORTS / measured.seconds / 20_000).toFixed(2)}x / ${(REPORTS / measured.cpuSeconds / 20_000).toFixed(2)}x`);
  print('  duplicates found / priority changed by a rule', `${measured.result.duplicates.toLocaleString('en-GB')} / ${measured.result.raised.toLocaleString('en-GB')} of ${REPORTS.toLocaleString('en-GB')}`);
  print('triage + explain() lines', rates(20_000, explain, 'reports'));
}

main();
