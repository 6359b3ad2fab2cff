import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import express, { type Express, type Request, type Response } from 'express';

const GOVUK = path.dirname(require.resolve('govuk-frontend/package.json'));
const DIST = path.join(GOVUK, 'dist', 'govuk');
/** The page script ships as source beside this file (it is browser JavaScript, not compiled). */
const BROWSER = path.resolve(__dirname, '../../src/resident/browser');

interface Asset {
  type: string;
  plain: Buffer;
  gzip: Buffer;
}

const asset = (type: string, text: string | Buffer): Asset => {
  const plain = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { type, plain, gzip: gzipSync(plain, { level: 9 }) };
};

/**
 * GOV.UK Frontend's stylesheet for a council service: the GDS Transport typeface is licensed
 * for GOV.UK only, so its @font-face rules go and the font stack falls back to Arial, as the
 * Design System tells services off GOV.UK to do. Nothing else changes.
 */
export function councilStylesheet(css: string): string {
  return css.replace(/@font-face\{[^}]*\}/g, '').replace(/"?GDS Transport"?,/g, '');
}

function load(): Record<string, Asset> {
  return {
    'govuk-frontend.css': asset('text/css; charset=utf-8', councilStylesheet(readFileSync(path.join(DIST, 'govuk-frontend.min.css'), 'utf8'))),
    'govuk-frontend.js': asset('text/javascript; charset=utf-8', readFileSync(path.join(DIST, 'govuk-frontend.min.js'))),
    'report.js': asset('text/javascript; charset=utf-8', readFileSync(path.join(BROWSER, 'report.js'))),
  };
}

let cached: Record<string, Asset> | undefined;

/** Sends a prepared asset, gzipped when the browser accepts it. */
export function sendAsset(request: Request, response: Response, item: Asset): void {
  const gzip = /\bgzip\b/.test(request.get('accept-encoding') ?? '');
  response.setHeader('Content-Type', item.type);
  response.setHeader('Cache-Control', 'public, max-age=3600');
  response.setHeader('Vary', 'Accept-Encoding');
  if (gzip) response.setHeader('Content-Encoding', 'gzip');
  response.end(gzip ? item.gzip : item.plain);
}

export const gzipText = (type: string, text: string): Asset => asset(type, text);

/** Serves GOV.UK Frontend from node_modules (never a CDN): /assets/wardline/* prepared files, /assets/images/*. */
export function mountAssets(app: Express): void {
  app.get('/assets/wardline/:name', (request: Request, response: Response, next) => {
    cached ??= load();
    const item = cached[String(request.params.name)];
    if (!item) return next();
    sendAsset(request, response, item);
  });
  app.use('/assets/images', express.static(path.join(DIST, 'assets', 'images'), { maxAge: '1d', fallthrough: true }));
}
