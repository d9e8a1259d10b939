// The service worker: after one visit the form loads, and a whole review can be done, with the
// network gone. scripts/precache.mjs writes dist/sw.js from this file, filling in the build's
// files (their names change with every build) and a version made from their contents.
// Cache first: a file of this build never changes. A new build installs beside the old one
// and waits until the page's "Reload" (web/start.js) tells it to take over.
const VERSION = '__PLR_VERSION__';
const FILES = __PLR_FILES__;
const CACHE = `plr-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })))),
  );
  // Where the browser can (Chromium's static routing), it takes the build's own files straight
  // from this worker's cache, without running the worker's fetch handler for each of them: on a
  // repeat visit the script and the WebAssembly arrive sooner. A page address (any path of the
  // single-page app, answered with index.html) still goes through the handler below.
  // One route per top-level file and one per folder (the split WebAssembly's parts, the
  // icons), rather than one per file: a handful of routes for the browser to keep and check.
  if ('addRoutes' in event) {
    const patterns = new Set(
      FILES.filter((file) => file !== '/index.html').map((file) =>
        file.lastIndexOf('/') > 0 ? `${file.slice(0, file.lastIndexOf('/'))}/*` : file),
    );
    const routes = [...patterns].map((pathname) => ({
      condition: { urlPattern: { pathname }, requestMethod: 'GET' },
      source: { cacheName: CACHE },
    }));
    event.waitUntil(event.addRoutes(routes).catch(() => {
      // An engine that knows addRoutes but not one of these conditions: the handler serves all.
    }));
  }
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('plr-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // The QA dashboard is a separate app, used in the office: left to the network.
  if (request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/dashboard')) return;
  // Every address of the form is its index.html (the single-page fallback a host gives).
  const key = request.mode === 'navigate' ? '/index.html' : request;
  event.respondWith(caches.match(key, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});
