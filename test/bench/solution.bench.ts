/**
 * Solution benchmark: `solution build` for the whole model (tables, forms, views, roles, app,
 * flows, any built PCF controls) generated, packed into both zips, with no disk writes, plus the
 * offline check of one zip. Target: build under 3 s. Prints figures only.
 *
 * Run: `npm run bench`, or `npx tsc -b && node -r @swc-node/register test/bench/solution.bench.ts`.
 */
import { cpus, loadavg } from 'node:os';
import { buildSolution, checkSolutionFiles, readZip } from '@wardline/solution';

const RUNS = 5;
const TARGET_MS = 3000;
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  console.log(`solution.bench: ${cpus().length} CPU(s), load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const coldStart = process.hrtime.bigint();
  const first = await buildSolution({ dryRun: true });
  const cold = ms(coldStart);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await buildSolution({ dryRun: true });
    times.push(ms(start));
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`  build (first, includes loading modules): ${cold.toFixed(0)} ms (${(cold / TARGET_MS).toFixed(2)} of the 3 s target)`);
  console.log(`  build (median of ${RUNS}): ${median.toFixed(0)} ms (${(median / TARGET_MS).toFixed(2)} of the 3 s target); best ${times[0].toFixed(0)} ms`);
  console.log(`  source files: ${first.tree.size}; PCF controls: ${first.controls.length ? first.controls.join(', ') : 'none'}; flows: ${first.flows.length}`);
  console.log(`  Wardline_${first.version}_unmanaged.zip: ${kb(first.unmanaged.length)}`);
  console.log(`  Wardline_${first.version}_managed.zip:   ${kb(first.managed.length)}`);
  const checkStart = process.hrtime.bigint();
  const findings = checkSolutionFiles(await readZip(first.managed, 'managed.zip'));
  console.log(`  check (managed zip, xmllint included): ${ms(checkStart).toFixed(0)} ms, ${findings.length} finding(s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
