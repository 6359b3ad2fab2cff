/// <reference lib="webworker" />
/**
 * The tab's service worker: keeps the app shell (page, scripts, manifest) so the field app opens
 * with no signal. API data is kept by the app itself in IndexedDB, never here, so one person's
 * jobs are never served to another from a shared cache.
 */
declare const self: ServiceWorkerGlobalScope;
export {};
declare const WARDLINE_SHELL: string[];
declare const WARDLINE_VERSION: string;

const CACHE = `wardline-tab-${WARDLINE_VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(WARDLINE_SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('wardline-tab-') && k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith('/tab/') || url.pathname.startsWith('/tab/media/')) return;
  const isPage = event.request.mode === 'navigate' || url.pathname === '/tab/' || url.pathname.endsWith('/index.html');
  if (isPage) {
    // The page: the network first (new releases), the saved copy when offline.
    event.respondWith(fetch(event.request).then((response) => {
      const copy = response.clone();
      void caches.open(CACHE).then((cache) => cache.put('/tab/', copy));
      return response;
    }).catch(async () => (await caches.match('/tab/')) ?? Response.error()));
    return;
  }
  // Hashed scripts and styles never change: the saved copy first.
  event.respondWith(caches.match(event.request).then((hit) => hit ?? fetch(event.request)));
});
