// The offline shell: the page and its built assets are cached when the
// service worker installs, so kith opens from the home screen without a
// network and says it is offline. The API is never cached: people's data is
// always read fresh from `kith serve`.
const CACHE = 'kith-shell-v1';
const SHELL = ['/', '/manifest.webmanifest', '/icon-192.png', '/icon-512.png'];

async function cacheShell() {
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL);
  // The hashed scripts and styles the page names, so the shell runs offline.
  const page = await (await cache.match('/')).text();
  const assets = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((found) => found[1]);
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (event.request.mode === 'navigate') {
    // The newest page when online; the cached shell when not.
    event.respondWith(
      fetch(event.request).then(
        (response) => {
          if (response.ok && url.pathname === '/') void caches.open(CACHE).then((cache) => cache.put('/', response.clone()));
          return response;
        },
        () => caches.match('/'),
      ),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Built assets never change under a name: the cache first.
    event.respondWith(
      caches.match(event.request).then(
        (cached) =>
          cached ??
          fetch(event.request).then((response) => {
            if (response.ok) void caches.open(CACHE).then((cache) => cache.put(event.request, response.clone()));
            return response;
          }),
      ),
    );
  }
});
