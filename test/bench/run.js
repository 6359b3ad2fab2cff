#!/usr/bin/env node
/**
 * Runs every benchmark in this folder (*.bench.ts and *.bench.js), one after another, each in its
 * own Node process so one's memory and JIT state cannot colour the next. TypeScript runs through
 * @swc-node/register; packages resolve to their built output, so `npm run bench` builds first.
 * Each benchmark prints its own figures; this runner passes them through and adds a summary.
 *
 * Usage: `npm run bench` (all), `npm run bench -- import geo` (names containing either word).
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { readdirSync } = require('node:fs');
const path = require('node:path');

const here = __dirname;
const filters = process.argv.slice(2).map((f) => f.toLowerCase());
const benches = readdirSync(here)
  .filter((name) => /\.bench\.(ts|js)$/.test(name))
  .filter((name) => filters.length === 0 || filters.some((f) => name.toLowerCase().includes(f)))
  .sort();

if (benches.length === 0) {
  console.error(`bench: no benchmark in ${here}${filters.length ? ` matches ${filters.join(', ')}` : ''}`);
  process.exit(1);
}

const { SERVICE_NODE_FLAGS } = require('./service-node-flags');
// These measure the service's own code in the benchmark's process, so they run with the Node
// flags `npm start` gives the service (the Open311 benchmark starts its servers with them itself).
const SERVICE_BENCHES = ['jobs.bench.ts', 'teams.bench.ts'];

const results = [];
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const started = process.hrtime.bigint();
  const args = name.endsWith('.ts') ? ['-r', '@swc-node/register', path.join(here, name)] : [path.join(here, name)];
  const flags = SERVICE_BENCHES.includes(name) ? SERVICE_NODE_FLAGS : [];
  const run = spawnSync(process.execPath, ['--expose-gc', ...flags, ...args], {
    cwd: path.resolve(here, '../..'),
    stdio: 'inherit',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = run.status === 0;
  results.push({ name, ok, seconds, detail: ok ? '' : run.error ? run.error.message : `exit ${run.status ?? run.signal}` });
}

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok    ' : 'FAILED'} ${r.name.padEnd(28)} ${r.seconds.toFixed(1).padStart(7)} s${r.detail ? `  (${r.detail})` : ''}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
