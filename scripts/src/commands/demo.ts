import type { CouncilSettings, Store } from '@wardline/core';
import { printLines, type CliIo } from '../cli-io';
import { isEmptyStore, seedDemo, type DemoSummary } from '../demo/seed-demo';

/** `wardline demo`: seeds the demo council into an empty store; `--force` empties the store and reseeds. */
export async function demoCommand(store: Store, settings: CouncilSettings, options: { force?: boolean; seed?: string; reports?: string }, location: string, io: CliIo): Promise<DemoSummary | undefined> {
  if (!options.force && !(await isEmptyStore(store))) {
    const { counts } = await store.health();
    printLines(io, [`The store at ${location} already holds data (${counts.ward ?? 0} wards, ${counts.task ?? 0} jobs); nothing was changed. Use --force to replace it with the demo council.`]);
    return undefined;
  }
  const started = Date.now();
  const summary = await seedDemo(store, { settings, wipe: options.force, seed: options.seed ? Number(options.seed) : undefined, reports: options.reports ? Number(options.reports) : undefined });
  printLines(io, [`Seeded the demo council into ${location} in ${((Date.now() - started) / 1000).toFixed(1)} s:`, ...describeSummary(summary)]);
  return summary;
}

export function describeSummary(s: DemoSummary): string[] {
  const statuses = Object.entries(s.byStatus)
    .map(([status, n]) => `${status.replace(/_/g, ' ')} ${n}`)
    .join(', ');
  return [
    `  ${s.wards} wards, ${s.taskTypes} task types, ${s.people} people, ${s.assets} assets, ${s.routingRules} routing rules`,
    `  ${s.reports} reports: ${s.jobs} jobs (${statuses}), ${s.duplicates} added to open jobs as duplicates`,
  ];
}
