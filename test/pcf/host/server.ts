/**
 * A loopback web server for the browser tests and the bench: the host page, the built control
 * bundles and resources, the host script, and (only when a test configures them) map tiles.
 * It records every request so tests can prove the map fetched nothing it was not told to.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { CONTROLS_OUT, HOST_OUT } from './build-host';

const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.resx': 'application/xml', '.xml': 'application/xml', '.html': 'text/html' };

export interface HostServer {
  origin: string;
  requests: string[];
  close(): Promise<void>;
}

/** The host page for one control: its built bundle and stylesheets, then the host script. */
function page(control: string): string {
  const css = control === 'MapPicker' ? ['css/leaflet.css', 'css/MapPicker.css'].map((c) => `<link rel="stylesheet" href="/controls/MapPicker/${c}">`).join('') : '';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Wardline ${control} test host</title>${css}
<style>body{margin:0;padding:16px;font-family:"Segoe UI",sans-serif;background:#fff}#root{max-width:1100px}</style></head>
<body><main><h1 style="font-size:1rem;margin:0 0 8px">Job</h1><div id="root"></div></main>
<script src="/host.js"></script><script src="/controls/${control}/bundle.js"></script></body></html>`;
}

/** A 256-pixel SVG tile naming its z/x/y, so a screenshot shows tiles came from the configured server. */
const tile = (name: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#eef3e8" stroke="#c8d3bf"/><text x="8" y="20" font-family="sans-serif" font-size="12" fill="#6b7a5e">${name}</text></svg>`;

export async function startHostServer(): Promise<HostServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const send = (status: number, type: string, body: string): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const pageMatch = /^\/(MapPicker|TaskCard)\.html$/.exec(url.pathname);
    if (pageMatch) return send(200, 'text/html', page(pageMatch[1]));
    const tileMatch = /^\/tiles\/(\d+)\/(\d+)\/(\d+)\.svg$/.exec(url.pathname);
    if (tileMatch) return send(200, 'image/svg+xml', tile(`${tileMatch[1]}/${tileMatch[2]}/${tileMatch[3]}`));
    const file = url.pathname === '/host.js' ? path.join(HOST_OUT, 'host.js') : url.pathname.startsWith('/controls/') ? path.join(CONTROLS_OUT, url.pathname.slice('/controls/'.length)) : '';
    if (!file || !file.startsWith(path.dirname(CONTROLS_OUT)) || !existsSync(file) || !statSync(file).isFile()) return send(404, 'text/plain', 'Not found');
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
