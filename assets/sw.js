// Article Explorer service worker: the app keeps working offline after the
// first visit.
//
// This is a template: scripts/post-build.py (Trunk's post_build hook) fills
// in VERSION (a hash of every precached file) and PRECACHE (the build's
// files, relative to this script) and writes the result to dist/sw.js.
// A new build therefore changes sw.js byte for byte, which is how the
// browser notices an update.
//
// - install: download every file of this build into a cache named after the
//   version, each checked against the hash the build recorded (Subresource
//   Integrity: a mismatch, an error page or a host's altered copy, fails the
//   install and the previous version stays), then take over at once
//   (skipWaiting).
// - activate: delete this app's caches of older builds, control open pages.
// - opening the page (index.html): network first, so a new deploy is seen
//   when online; the cached index.html when the network fails.
// - the build's other files (hashed names): cache first.
// - the archive (index/ and the records under articles/, which are not
//   precached: an archive may hold 100,000 articles): each file is cached
//   when first fetched, in a cache that outlives app updates (the names are
//   content hashes or never-reused numbers, so a cached file is never
//   stale); the index's manifest, whose name is fixed, network first. So the
//   articles and the index shards a reader has used keep working offline.
// Anything else (other origins, POST, files outside the build) is left to
// the browser.
//
// Every URL is resolved against this script's own location, so the app
// works from any sub-folder of any host.

const VERSION = '__VERSION__';
const PRECACHE = '__PRECACHE__';

const SCOPE = new URL('./', self.location).href;
// Several apps may share an origin: only touch caches carrying our scope.
const PREFIX = `article-explorer ${SCOPE} `;
const CACHE = PREFIX + VERSION;
const INDEX = SCOPE;
// Trunk's file names end in a content hash: a 64-bit number in hex
// without leading zeros (so sometimes 15 digits or fewer).
const HASHED = /-[0-9a-f]{13,16}(_bg)?\.[a-z0-9]+$/;
// [file, integrity] pairs, relative to this script.
const INTEGRITY = new Map(PRECACHE.map(([file, hash]) => [new URL(file, self.location).href, hash]));
const FILES = new Set(INTEGRITY.keys());
// Files of the archive, cached as they are fetched (see above).
const ARCHIVE_CACHE = `article-explorer-archive ${SCOPE}`;
const MANIFEST = SCOPE + 'index/manifest.bin';
const ARCHIVE = new RegExp('^' + SCOPE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(index/[^/]+|articles/[^/]+)\\.bin$');

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Files without a hash in their name (index.html, the manifest,
      // icons) bypass the HTTP cache, which may hold an older build's copy.
      try {
        await cache.addAll(
          [...FILES].map(
            (url) => new Request(url, { cache: HASHED.test(url) ? 'default' : 'reload', integrity: INTEGRITY.get(url) }),
          ),
        );
      } catch (e) {
        // A file failed its check: leave no half-filled cache behind.
        await caches.delete(CACHE);
        throw e;
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (url.href === INDEX || url.href === INDEX + 'index.html') {
    if (request.mode === 'navigate') event.respondWith(networkFirst(request));
  } else if (FILES.has(url.href)) {
    event.respondWith(cacheFirst(request, url.href));
  } else if (url.href === MANIFEST) {
    event.respondWith(archiveNetworkFirst(request, url.href));
  } else if (ARCHIVE.test(url.href)) {
    event.respondWith(archiveCacheFirst(request, url.href));
  }
});

async function archiveNetworkFirst(request, url) {
  const cache = await caches.open(ARCHIVE_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(url, response.clone());
    return response;
  } catch (offline) {
    const cached = await cache.match(url);
    if (cached) return cached;
    throw offline;
  }
}

async function archiveCacheFirst(request, url) {
  const cache = await caches.open(ARCHIVE_CACHE);
  const cached = await cache.match(url);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(url, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cached = await caches.open(CACHE).then((cache) => cache.match(INDEX));
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request, url) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(url));
  return cached || fetch(request);
}
