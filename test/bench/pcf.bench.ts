/**
 * PCF controls benchmark (issue 4). Prints:
 *  1. the production bundle sizes, gzip, against their budgets (MapPicker 60 KB, TaskCard 20 KB:
 *     React and Fluent come from the platform library and are not in TaskCard's bundle);
 *  2. TaskCard's dataset mode rendering 500 cards in headless Chromium (the BUILT bundle, render
 *     plus layout), median of several runs, beside the same 500 jobs as a plain Fluent v9 table
 *     rendered in the same page in the same run, and the ratio of the two. The cards let the
 *     browser skip laying out cards far off screen (content-visibility); so that nothing hides
 *     behind that, the same 500 cards are also timed with every card laid out.
 * Each figure is wall time and the renderer main thread's CPU time (Chromium's ThreadTime
 * metric), since the machine may be shared; the load average is printed first.
 * Builds the controls first when they are missing or stale (pcf-controls/scripts/build.mjs --if-stale).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
  console.log(`Load average (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(2)).join(', ')} on this machine.`);
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
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async (): Promise<number> => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
    };
    await page.evaluate(() => document.head.appendChild(Object.assign(document.createElement('style'), { id: 'bench-layout-all' })));
    const kinds = ['cards', 'cards laid out', 'table'] as const;
    type Kind = (typeof kinds)[number];
    /** One timed render: wall milliseconds (measured in the page) and renderer CPU milliseconds. */
    const time = async (kind: Kind): Promise<{ wall: number; cpu: number }> => {
      // "cards laid out": the same bundle with content-visibility switched off, so every card is laid out.
      await page.evaluate((css) => {
        (document.getElementById('bench-layout-all') as HTMLStyleElement).textContent = css;
      }, kind === 'cards laid out' ? 'ul > li { content-visibility: visible !important; }' : '');
      await page.evaluate(
        ([what, count, at]) => {
          const host = (window as unknown as HostWindow).wardlineHost;
          if (what === 'table') host.preparePlainTable(count as number, at as string);
          else host.prepareTaskCards(count as number, at as string);
        },
        [kind, CARDS, now] as const,
      );
      // CPU time covers the timed render alone (and one round trip to the page), not the set-up.
      const before = await threadTime();
      const wall = await page.evaluate((what) => {
        const host = (window as unknown as HostWindow).wardlineHost;
        return what === 'table' ? host.timePlainTable() : host.timeTaskCards();
      }, kind);
      return { wall, cpu: (await threadTime()) - before };
    };
    // One warm-up of each, so none pays for first-use style injection alone.
    for (const kind of kinds) await time(kind);
    await time('cards');
    const rendered = await page.evaluate(() => document.querySelectorAll('#root ul > li > [role="group"]').length);
    if (rendered !== CARDS) throw new Error(`The bench rendered ${rendered} cards, not ${CARDS}.`);
    const runs: Record<Kind, { wall: number; cpu: number }[]> = { cards: [], 'cards laid out': [], table: [] };
    for (let run = 0; run < RUNS; run += 1) for (const kind of kinds) runs[kind].push(await time(kind));
    const wall = (kind: Kind): number => median(runs[kind].map((r) => r.wall));
    const cpu = (kind: Kind): number => median(runs[kind].map((r) => r.cpu));
    const row = (label: string, kind: Kind, extra = ''): string => `  ${label.padEnd(34)} ${wall(kind).toFixed(1).padStart(7)} ms wall ${cpu(kind).toFixed(1).padStart(7)} ms CPU${extra}`;
    console.log(`\nTaskCard dataset mode, ${CARDS} jobs, Chromium, render + layout, median of ${RUNS} runs:`);
    console.log(row('TaskCard cards (built bundle)', 'cards', `   target < ${TARGET_MS} ms: ${wall('cards') < TARGET_MS ? 'met' : 'NOT met'}`));
    console.log(row('same cards, every card laid out', 'cards laid out'));
    console.log(row('plain Fluent v9 table', 'table'));
    console.log(`  ratio cards / table                ${(wall('cards') / wall('table')).toFixed(2)}x wall  ${(cpu('cards') / cpu('table')).toFixed(2)}x CPU`);
    console.log(`  ratio cards laid out / table       ${(wall('cards laid out') / wall('table')).toFixed(2)}x wall  ${(cpu('cards laid out') / cpu('table')).toFixed(2)}x CPU`);
    for (const kind of kinds) console.log(`  runs, ${kind} (wall ms): ${runs[kind].map((r) => r.wall.toFixed(0)).join(', ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
