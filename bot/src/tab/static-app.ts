import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import type { MediaStore } from '../intake/media-store';
import { TabError, TabErrors } from './tab-errors';

/** Where the built app is: WARDLINE_TAB_DIST, else tab/dist at the repository root. */
export const defaultTabDist = (env: Readonly<Record<string, string | undefined>> = process.env): string =>
  path.resolve(env.WARDLINE_TAB_DIST?.trim() || path.join(__dirname, '../../../tab/dist'));

/** Files that must always be revalidated: the page, the service worker and the manifest. */
const NO_CACHE = /(^|\/)(index\.html|sw\.js|manifest\.webmanifest)$/;
/** Teams shows the tab in a frame; only Teams and Outlook hosts may frame it. */
const FRAME_ANCESTORS = "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://outlook.office.com";
/** A hashed script's name (tab/build.mjs writes `NAME.js.br` and `NAME.js.gz` beside each). */
const SCRIPT = /^[A-Za-z0-9_-]+\.js$/;
const SUFFIX = { br: 'br', gzip: 'gz' } as const;
/** At most this many compressed scripts are kept in memory (a build has a handful; rebuilds add more). */
const KEPT_SCRIPTS = 64;

/**
 * Serves the built tab at /tab/ (hashed bundles cached for a year, the page and service worker
 * revalidated) and the photos taken in it at /tab/media/NAME (unguessable names).
 */
export function staticApp(dist: string, media: MediaStore): Router {
  const router = Router();
  // Hashed scripts never change under their name: each compressed copy is read from disk once.
  const kept = new Map<string, Buffer>();
  const compressed = (file: string): Buffer | undefined => {
    const known = kept.get(file);
    if (known || !existsSync(file)) return known;
    const bytes = readFileSync(file);
    if (kept.size < KEPT_SCRIPTS) kept.set(file, bytes);
    return bytes;
  };
  router.get('/media/:name', (request, response, next) => {
    const file = media.pathOf(String(request.params.name));
    if (!file || !existsSync(file)) return next();
    response.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    response.sendFile(file);
  });
  router.use((request, _response, next) => next(existsSync(path.join(dist, 'index.html')) ? undefined : new TabError(TabErrors.AppNotBuilt)));
  // Scripts compressed at build time, sent as they are to a browser that accepts that encoding.
  router.get('/assets/:file', (request, response, next) => {
    const name = String(request.params.file);
    // Brotli when the browser takes it (smaller), whatever order it lists encodings in; else gzip.
    const encoding = !SCRIPT.test(name) ? undefined : request.acceptsEncodings('br') ? 'br' : request.acceptsEncodings('gzip') ? 'gzip' : undefined;
    if (!encoding) return next();
    const bytes = compressed(path.join(dist, 'assets', `${name}.${SUFFIX[encoding]}`));
    if (!bytes) return next();
    response.setHeader('Content-Encoding', encoding);
    response.setHeader('Vary', 'Accept-Encoding');
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.setHeader('Content-Security-Policy', FRAME_ANCESTORS);
    response.setHeader('Content-Length', bytes.length);
    response.type('js');
    response.end(bytes);
  });
  router.use(express.static(dist, {
    index: 'index.html',
    setHeaders(response, file) {
      if (NO_CACHE.test(file.replace(/\\/g, '/'))) response.setHeader('Cache-Control', 'no-cache');
      else if (/\/assets\//.test(file.replace(/\\/g, '/'))) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      if (file.endsWith('sw.js')) response.setHeader('Service-Worker-Allowed', '/tab/');
      response.setHeader('Content-Security-Policy', FRAME_ANCESTORS);
    },
  }));
  return router;
}
