/**
 * Bundles host-entry.tsx (React 16 and Fluent UI v9 standing in for the platform libraries, plus
 * the shared mocks) with the webpack that pcf-scripts brings. Skips the work when host.js is newer
 * than its sources. Output: pcf-controls/out/test-host/host.js.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { webpack } from 'webpack';

export const REPO = path.resolve(__dirname, '../../..');
export const CONTROLS_OUT = path.join(REPO, 'pcf-controls', 'out', 'controls');
export const HOST_OUT = path.join(REPO, 'pcf-controls', 'out', 'test-host');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'out' || entry.name === '__tests__') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/** Fails with the command to run when a control has not been built. */
export function assertControlsBuilt(): void {
  for (const control of ['MapPicker', 'TaskCard']) {
    const bundle = path.join(CONTROLS_OUT, control, 'bundle.js');
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build:pcf\` (npm test does this first).`);
  }
}

export async function buildHost(): Promise<string> {
  const output = path.join(HOST_OUT, 'host.js');
  const sources = Math.max(newest(__dirname), newest(path.join(REPO, 'pcf-controls', 'testing')), newest(path.join(REPO, 'pcf-controls', 'TaskCard', 'components')));
  if (existsSync(output) && statSync(output).mtimeMs > sources) return output;
  const compiler = webpack({
    mode: 'production',
    entry: path.join(__dirname, 'host-entry.tsx'),
    output: { path: HOST_OUT, filename: 'host.js' },
    // React 16 has no exports map, so Fluent's ESM `react/jsx-runtime` import needs pointing at the file.
    resolve: { extensions: ['.tsx', '.ts', '.js'], alias: { 'react/jsx-runtime': require.resolve('react/jsx-runtime'), 'react/jsx-dev-runtime': require.resolve('react/jsx-dev-runtime') } },
    performance: { hints: false },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          loader: require.resolve('ts-loader'),
          options: { transpileOnly: true, configFile: path.join(REPO, 'pcf-controls', 'tsconfig.test.json'), compilerOptions: { module: 'es2020', jsx: 'react', noEmit: false } },
        },
      ],
    },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(`Building the PCF test host failed:\n${stats.toString('errors-only')}`));
      resolve();
    }),
  );
  return output;
}
