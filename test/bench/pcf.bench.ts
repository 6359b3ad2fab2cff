/**
 * PCF controls benchmark (issue 4). Prints:
 *  1. the production bundle sizes, gzip, against their budgets (MapPicker 60 KB, TaskCard 20 KB:
 *     React and Fluent come from the platform library and are not in TaskCard's bundle);
 *  2. TaskCard's dataset mode rendering 500 cards in headless Chromium (the BUILT bundle, render
 *     plus layout), median of several runs, beside the same 500 jobs as a plain Fluent v9 table
 *     rendered in the same page in the same run, and the ratio of the two.
 * Builds the controls first when they are missing or stale (pcf-controls/scripts/build.mjs --if-stale).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, hostPage } from '../pcf/host/browser';
import { assertControlsBuilt, buildHost, CONTROLS_OUT } from '../pcf/host/build-host';
import type { HostWindow } from '../pcf/host/host-api';
import { startHostServer } from '../pcf/host/server';

const CARDS = 500;
const RUNS = 7;
const TARGET_MS = 300;
const budgets: Record<string, number> = { MapPicker: 60 * 1024, TaskCard: 20 * 1024 };

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, [path.resolve(__dirname, '../../pcf-controls/scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('Building the PCF controls failed (see above).');
  assertControlsBuilt();
  console.log('Bundle sizes (production, gzip level 9):');
  for (const [control, budget] of Object.entries(budgets)) {
    const bundle = readFileSync(path.join(CONTROLS_OUT, control, 'bundle.js'));
    const gzip = gzipSync(bundle, { level: 9 }).length;
    console.log(`  ${control.padEnd(10)} ${kb(bundle.length).padStart(9)} raw  ${kb(gzip).padStart(8)} gzip  budget ${kb(budget)}  ${gzip <= budget ? 'within' : 'OVER'} (${((gzip / budget) * 100).toFixed(0)}% of budget)`);
  }

  await buildHost();
  const server = await startHostServer();
  const browser = await launch();
  try {
    const { page } = await hostPage(browser, server, { width: 1280, height: 900 });
    await page.goto(`${server.origin}/TaskCard.html`);
    const now = '2026-03-10T09:00:00Z';
    const time = (what: 'cards' | 'table') =>
      page.evaluate(([kind, count, at]) => {
        const host = (window as unknown as HostWindow).wardlineHost;
        return kind === 'cards' ? host.timeTaskCards(count as number, at as string) : host.timePlainTable(count as number, at as string);
      }, [what, CARDS, now] as const);
    // One warm-up of each, so neither pays for first-use style injection alone.
    await time('cards');
    await time('table');
    const cards: number[] = [];
    const table: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      cards.push(await time('cards'));
      table.push(await time('table'));
    }
    const cardMedian = median(cards);
    const tableMedian = median(table);
    console.log(`\nTaskCard dataset mode, ${CARDS} jobs, Chromium, render + layout, median of ${RUNS} runs:`);
    console.log(`  TaskCard cards (built bundle)   ${cardMedian.toFixed(1).padStart(7)} ms   target < ${TARGET_MS} ms: ${cardMedian < TARGET_MS ? 'met' : 'NOT met'}`);
    console.log(`  plain Fluent v9 table           ${tableMedian.toFixed(1).padStart(7)} ms`);
    console.log(`  ratio cards / table             ${(cardMedian / tableMedian).toFixed(2)}x`);
    console.log(`  runs (ms): cards ${cards.map((c) => c.toFixed(0)).join(', ')}; table ${table.map((t) => t.toFixed(0)).join(', ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
