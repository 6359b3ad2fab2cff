// Builds the tab into tab/dist with esbuild: the app (its views in the entry; the map and Teams' library on demand), its service
// worker with the app-shell list, the page, the web app manifest and its icons.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, deflateSync, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(path.join(dist, 'assets'), { recursive: true });

const app = await esbuild.build({
  entryPoints: { main: path.join(here, 'src/main.tsx') },
  bundle: true, splitting: true, format: 'esm', outdir: path.join(dist, 'assets'), entryNames: '[name]-[hash]', chunkNames: 'chunk-[hash]',
  minify: true, sourcemap: false, metafile: true, target: ['es2020', 'chrome100', 'safari15'], jsx: 'automatic',
  // One React: Fluent's hoisted packages would otherwise find the workspace root's older React.
  alias: { react: path.join(here, 'node_modules/react'), 'react-dom': path.join(here, 'node_modules/react-dom') },
  loader: { '.css': 'text' }, define: { 'process.env.NODE_ENV': '"production"' }, legalComments: 'none', logLevel: 'warning',
});

// Each script also compressed (brotli and gzip) beside it: the service sends these as they are.
for (const file of Object.keys(app.metafile.outputs).filter((f) => f.endsWith('.js'))) {
  const bytes = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
}

const outputs = Object.entries(app.metafile.outputs).map(([file, meta]) => ({ file: path.relative(dist, file).split(path.sep).join('/'), meta }));
const main = outputs.find((o) => o.meta.entryPoint && o.file.startsWith('assets/main-'));
const assets = outputs.map((o) => `/tab/${o.file}`);

/** A square PNG icon in the brand colour with a white "W"-ish bar pattern, drawn without any library. */
function icon(size) {
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      const u = x / size;
      const v = y / size;
      const inW = v > 0.28 && v < 0.72 && [0.22, 0.4, 0.58, 0.76].some((c) => Math.abs(u - (c + (v - 0.28) * (c < 0.5 ? 0.05 : -0.05))) < 0.045);
      const [r, g, b] = inW ? [255, 255, 255] : [15, 108, 189];
      row.set([r, g, b, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
function crc32(buffer) {
  let crc = -1;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return crc ^ -1;
}
writeFileSync(path.join(dist, 'icon-192.png'), icon(192));
writeFileSync(path.join(dist, 'icon-512.png'), icon(512));

writeFileSync(path.join(dist, 'manifest.webmanifest'), JSON.stringify({
  name: 'Wardline', short_name: 'Wardline', description: 'Council street and community jobs: my jobs, my wards, team board.',
  lang: 'en-GB', start_url: '/tab/#/', scope: '/tab/', display: 'standalone', background_color: '#ffffff', theme_color: '#0f6cbd',
  icons: [{ src: '/tab/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' }, { src: '/tab/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' }],
}, null, 2));

// Teams' library and MSAL (each loaded on demand: Teams' in Teams, MSAL outside it with an Entra
// app) and what each imports beyond the entry's imports.
const entryImports = new Set(main.meta.imports.filter((i) => i.kind === 'import-statement').map((i) => path.relative(dist, i.path).split(path.sep).join('/')));
const chunksHolding = (fragment) => outputs.filter((o) => Object.keys(o.meta.inputs).some((i) => i.includes(fragment)))
  .flatMap((o) => [o.file, ...o.meta.imports.filter((i) => i.kind === 'import-statement').map((i) => path.relative(dist, i.path).split(path.sep).join('/'))])
  .filter((file, index, all) => !entryImports.has(file) && all.indexOf(file) === index).map((file) => `/tab/${file}`);
const teamsJs = chunksHolding('node_modules/@microsoft/teams-js/');
if (!teamsJs.length) throw new Error('tab build: no chunk holds @microsoft/teams-js');
const msalJs = chunksHolding('node_modules/@azure/msal-browser/');
if (!msalJs.length) throw new Error('tab build: no chunk holds @azure/msal-browser');
// Runs inline before the app's scripts load: starts the sign-in requests and the opening view's
// first data in parallel with the scripts, and Teams' library or MSAL when sign-in is Entra ID's (src/early.ts).
const early = await esbuild.build({
  entryPoints: [path.join(here, 'src/early.ts')], bundle: true, format: 'iife', write: false, minify: true, target: ['es2020', 'chrome100', 'safari15'],
  define: { WARDLINE_TEAMS_JS: JSON.stringify(teamsJs), WARDLINE_MSAL_JS: JSON.stringify(msalJs) }, legalComments: 'none', logLevel: 'warning',
});
const boot = early.outputFiles[0].text.trim().replace(/<\/script/gi, '<\\/script');
const styles = readFileSync(path.join(here, 'src/styles.css'), 'utf8');
writeFileSync(path.join(dist, 'index.html'), `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0f6cbd">
<title>Wardline</title>
<link rel="manifest" href="/tab/manifest.webmanifest">
<link rel="icon" href="/tab/icon-192.png">
<style>${styles}</style>
<script>${boot}</script>
${main.meta.imports.filter((i) => i.kind === 'import-statement').map((i) => `<link rel="modulepreload" href="/tab/${path.relative(dist, i.path).split(path.sep).join('/')}">`).join('\n')}
<script type="module" src="/tab/${main.file}"></script>
</head>
<body>
<div id="app"><p class="wl-loading">Loading Wardline…</p></div>
<noscript>Wardline needs JavaScript turned on.</noscript>
</body>
</html>
`);

const shell = ['/tab/', '/tab/manifest.webmanifest', '/tab/icon-192.png', '/tab/icon-512.png', ...assets];
const version = createHash('sha1').update(shell.join('\n')).digest('hex').slice(0, 12);
await esbuild.build({
  entryPoints: [path.join(here, 'sw/sw.ts')], bundle: true, format: 'iife', outfile: path.join(dist, 'sw.js'), minify: true, target: 'es2020',
  define: { WARDLINE_SHELL: JSON.stringify(shell), WARDLINE_VERSION: JSON.stringify(version) }, logLevel: 'warning',
});

// What each file loads up front, for the bench (JavaScript shipped per view).
const files = Object.fromEntries(outputs.map((o) => [o.file, { bytes: o.meta.bytes, imports: o.meta.imports.filter((i) => i.kind === 'import-statement').map((i) => path.relative(dist, i.path).split(path.sep).join('/')), dynamic: o.meta.imports.filter((i) => i.kind === 'dynamic-import').map((i) => path.relative(dist, i.path).split(path.sep).join('/')), inputs: Object.keys(o.meta.inputs).filter((i) => i.startsWith('src/')) }]));
writeFileSync(path.join(dist, 'build-info.json'), JSON.stringify({ version, main: main.file, files }, null, 1));
process.stdout.write(`tab: built ${outputs.length} files into tab/dist (version ${version})\n`);
