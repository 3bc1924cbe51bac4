// Open Door's service worker: serves the app shell offline, and nothing else.
//
// The precache list and version are written at build time by scripts/post-build.mjs from the
// real hashed file names; never edit them by hand. Listings are not cached here: they live in
// IndexedDB, and feed and API requests always go to the network so the app knows when it is
// offline.
const VERSION = '__OPENDOOR_VERSION__';
const PRECACHE = __OPENDOOR_PRECACHE__;
const CACHE = 'opendoor-shell-' + VERSION;

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the person presses "Reload".
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((n) => n.startsWith('opendoor-shell-') && n !== CACHE)
      .map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/feed/') || url.pathname.startsWith('/api/')) return;
  // The organisers' pages are the server's own, always from the network (never the app shell).
  if (url.pathname === '/org' || url.pathname.startsWith('/org/')) return;
  if (request.mode === 'navigate') {
    // Every page of the app (including deep links) is the same shell (shell.html: index.html
    // as built; a static export may have put a first paint of listings into index.html).
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      return (await cache.match('/shell.html')) || (await cache.match('/index.html')) || fetch(request);
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(request, { ignoreSearch: true })) || fetch(request);
  })());
});

// Background Sync (Chromium only): wake any open tab to send the outbox. The app never relies
// on this; it also sends on start, on `online`, when shown again and on a timer.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'opendoor-outbox') return;
  event.waitUntil(self.clients.matchAll({ type: 'window' }).then((clients) => {
    for (const client of clients) client.postMessage({ type: 'FLUSH_OUTBOX' });
  }));
});
