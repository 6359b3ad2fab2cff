#!/usr/bin/env node
/**
 * Builds both PCF controls with the real pcf-scripts, offline:
 *   1. `tsc -b core` (the controls bundle core's source, see webpack.config.js, but the test host and
 *      the typings of other tools read core/dist);
 *   2. copies Leaflet's stylesheet next to MapPicker's manifest (it ships as a control resource);
 *   3. ESLint over both controls with the one config in this folder;
 *   4. `pcf-scripts build --buildMode production` in each control's folder, one process per control
 *      (manifest schema validation, ManifestTypes generation, webpack). One process per control
 *      because pcf-scripts 1.51 leaks one control's generated IInputs into the next in a shared run.
 * Output: pcf-controls/out/controls/<Constructor>/, which the solution packer copies into Controls/.
 * `--if-stale` skips the work when every output is newer than every input (used by `npm test`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const repo = resolve(root, '..');
const require = createRequire(join(root, 'package.json'));
const controls = ['MapPicker', 'TaskCard'];
const mode = process.argv.includes('--development') ? 'development' : 'production';

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'out' || entry === '__tests__' || entry === 'generated') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function oldestOutput() {
  const bundles = controls.map((c) => join(root, 'out', 'controls', c, 'bundle.js'));
  if (bundles.some((b) => !existsSync(b))) return 0;
  return Math.min(...bundles.map((b) => statSync(b).mtimeMs));
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true' } });
  if (result.status !== 0) {
    process.stderr.write(`pcf-controls: "${command} ${args.join(' ')}" failed in ${cwd} (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
}

const tsc = require.resolve('typescript/bin/tsc');
run(process.execPath, [tsc, '-b', 'core'], repo);

if (process.argv.includes('--if-stale')) {
  const inputs = Math.max(newest(join(root, 'MapPicker')), newest(join(root, 'TaskCard')), newest(join(repo, 'core', 'dist')), ...['package.json', 'tsconfig.json', 'webpack.config.js'].map((f) => newest(join(root, f))));
  if (oldestOutput() > inputs) {
    process.stdout.write('pcf-controls: out/controls is up to date.\n');
    process.exit(0);
  }
}

copyFileSync(require.resolve('leaflet/dist/leaflet.css'), join(root, 'MapPicker', 'css', 'leaflet.css'));
run(process.execPath, [join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js'), '--max-warnings', '0', ...controls, 'testing'], root);

const pcfScripts = join(dirname(require.resolve('pcf-scripts/package.json')), 'bin', 'pcf-scripts.js');
function buildControl(control) {
  return new Promise((resolvePromise) => {
    const args = [pcfScripts, 'build', '--buildMode', mode, '--skipBuildLinting', 'true'];
    const child = spawn(process.execPath, args, { cwd: join(root, control), env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolvePromise({ control, code, output }));
  });
}
const results = await Promise.all(controls.map(buildControl));
for (const { control, code, output } of results) {
  process.stdout.write(`\n--- pcf-scripts build ${control} (exit ${code}) ---\n${output}`);
}
const failed = results.filter((r) => r.code !== 0).map((r) => r.control);
if (failed.length) {
  process.stderr.write(`pcf-controls: pcf-scripts build failed for ${failed.join(', ')} (see above).\n`);
  process.exit(1);
}
