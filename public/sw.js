// Cửa sổ số service worker: keeps the app shell and the catalogue so that, after
// one visit, search and every page already seen work with the network off.
//
// Caches
//   cuaso-shell           the shell (/shell.html: the app without a page), the
//                         hashed files it names, and each page visited (its
//                         prerendered HTML, under its path)
//   cuaso-data-{version}  files under /data/{version}/ — immutable, so cache-first
//   cuaso-meta            the last manifest (/data/catalogue.json) seen from the network
//
// A page reads the manifest once, when it starts, and then only files of that
// version, so a page never mixes two catalogues. The manifest is network-first:
// a page that starts online gets the newest catalogue; offline, the last one
// seen. An open page learns of a newer catalogue by asking for the manifest again
// (the app does, and offers "update"), and switches only by reloading.
'use strict';

const SHELL = 'cuaso-shell';
const META = 'cuaso-meta';
const DATA = 'cuaso-data-';
const MANIFEST = '/data/catalogue.json';
// What search and the first screens need, fetched once a version is known
// (file names as in crates/catalogue/src/format.rs).
const CORE = ['provinces.json', 'communes.json', 'search-core.tsv', 'search-legacy.tsv', 'thu-tuc/index.json', 'su-kien.json', 'toa-do.json'];
// Beyond this, a slow network is treated as no network (index.html, manifest).
const NETWORK_TIMEOUT_MS = 4000;
// Any other request is abandoned after this, so a hung connection is closed
// rather than held (a browser opens only a few per host). The app's own limit is 15 s.
const FILE_TIMEOUT_MS = 20000;

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().catch(() => {}).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  const msg = event.data;
  if (event.origin && event.origin !== self.location.origin) return;
  // The page asks to keep what it loaded before this worker controlled it, and
  // (unless the person asked to save data) the catalogue's core files.
  if (msg && msg.type === 'cuaso:keep' && Array.isArray(msg.urls)) {
    const urls = msg.urls.filter((u) => typeof u === 'string' && u.startsWith('/data/') && !u.includes('..')).slice(0, 200);
    event.waitUntil(keep(urls, msg.core === true).then(() => event.source && event.source.postMessage({ type: 'cuaso:kept' })));
  }
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    event.respondWith(navigation(req));
  } else if (url.pathname === MANIFEST) {
    event.respondWith(manifest(req));
  } else if (url.pathname.startsWith('/data/')) {
    event.respondWith(versioned(req, url.pathname));
  } else if (/\.(js|wasm|css|svg|png|webmanifest)$/.test(url.pathname)) {
    event.respondWith(cacheFirst(SHELL, req));
  }
  // Anything else (a catalogue served from another folder or origin, see
  // docs/hosting.md) goes to the network untouched.
});

/** fetch, aborted (connection closed) after `ms`. */
function timedFetch(input, init, ms) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  return fetch(input, { ...init, signal: abort.signal }).finally(() => clearTimeout(timer));
}

// A static host answers an unknown path with index.html: never cache that as data.
function usable(resp) {
  return resp && resp.ok && !(resp.headers.get('content-type') || '').includes('text/html');
}

/** The files index.html names (scripts, wasm, styles, icons), same origin only. */
function assetsOf(html) {
  const out = new Set();
  for (const m of html.matchAll(/(?:href|src)="(\/[^"]+)"/g)) {
    if (!m[1].startsWith('/data/')) out.add(m[1]);
  }
  return [...out];
}

/** The app without a page: what a path never visited opens offline. */
const SHELL_PAGE = '/shell.html';

async function cacheShell() {
  let resp = await timedFetch(SHELL_PAGE, { cache: 'no-cache' }, FILE_TIMEOUT_MS);
  // A build without the prerender has no shell.html: its index.html is the shell.
  if (!resp.ok || !(resp.headers.get('content-type') || '').includes('text/html')) {
    resp = await timedFetch('/', { cache: 'no-cache' }, FILE_TIMEOUT_MS);
  }
  if (!resp.ok) return;
  const html = await resp.clone().text();
  const cache = await caches.open(SHELL);
  await cache.put(SHELL_PAGE, resp);
  await Promise.all(assetsOf(html).map(async (a) => {
    const r = await timedFetch(a, {}, FILE_TIMEOUT_MS).catch(() => null);
    if (r && r.ok) await cache.put(a, r);
  }));
}

const ASSET = /\.(js|wasm|css)$/;
/** A hashed file's name without its hash: `/boot-#.js`, `/search-#/page.js`. */
const stemOf = (path) => path.replace(/-[0-9a-f]{16}(?=[._/])/, '-#');

async function navigation(req) {
  const cache = await caches.open(SHELL);
  const page = new URL(req.url).pathname;
  try {
    const resp = await timedFetch(req, {}, NETWORK_TIMEOUT_MS);
    if (resp.ok && (resp.headers.get('content-type') || '').includes('text/html')) {
      // Keep this page for offline; once a new build names other files, drop
      // the files it no longer names and the pages kept from the old build.
      const copy = resp.clone();
      copy.text().then(async (html) => {
        await cache.put(page, new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
        // A build is told by its file names: a kept file is stale when the page
        // names a file of the same stem (cuaso-…_bg.wasm, boot-….js, search-…/page.js)
        // under another hash. A page need not name every file (the wasm, the
        // search worker's are fetched by scripts), so what it does not name stays.
        const named = assetsOf(html);
        const wanted = new Set(named.map((a) => new URL(a, self.location.origin).href));
        const stems = new Set(named.map(stemOf));
        const keys = await cache.keys();
        const stale = keys.filter((k) => {
          const path = new URL(k.url).pathname;
          return ASSET.test(path) && !wanted.has(k.url) && stems.has(stemOf(path));
        });
        if (stale.length === 0) return;
        for (const key of keys) {
          const path = new URL(key.url).pathname;
          if (path !== page && !path.startsWith('/icons/') && path !== '/manifest.webmanifest' && !wanted.has(key.url)) {
            await cache.delete(key);
          }
        }
        if (!(await cache.match(SHELL_PAGE))) await cacheShell().catch(() => {});
      });
    }
    return resp;
  } catch (e) {
    return (await cache.match(page)) || (await cache.match(SHELL_PAGE)) || (await cache.match('/')) || Response.error();
  }
}

async function manifest(req) {
  const meta = await caches.open(META);
  try {
    const resp = await timedFetch(req, { cache: 'no-cache' }, NETWORK_TIMEOUT_MS);
    if (usable(resp)) {
      const text = await resp.clone().text();
      await meta.put(MANIFEST, new Response(text, { headers: { 'content-type': 'application/json' } }));
      pruneVersions(versionOf(text));
    }
    return resp;
  } catch (e) {
    return (await meta.match(MANIFEST)) || Response.error();
  }
}

function versionOf(text) {
  try {
    const v = JSON.parse(text).version;
    return typeof v === 'string' && /^[0-9a-z]{1,32}$/.test(v) ? v : null;
  } catch (e) {
    return null;
  }
}

/** Keeps the current version and the one before it (an open page may still use it). */
async function pruneVersions(current) {
  if (!current) return;
  const names = (await caches.keys()).filter((n) => n.startsWith(DATA) && n !== DATA + current);
  for (const old of names.slice(0, -1)) await caches.delete(old);
}

async function versioned(req, path) {
  const version = path.split('/')[2] || '';
  return cacheFirst(DATA + version, req);
}

async function cacheFirst(name, req) {
  const cache = await caches.open(name);
  const hit = await cache.match(req);
  if (hit) return hit;
  const resp = await timedFetch(req, {}, FILE_TIMEOUT_MS);
  if (usable(resp) || (name === SHELL && resp.ok)) cache.put(req, resp.clone());
  return resp;
}

async function keep(urls, core) {
  const meta = await caches.open(META);
  let current = await meta.match(MANIFEST);
  if (!current) {
    const resp = await timedFetch(MANIFEST, { cache: 'no-cache' }, NETWORK_TIMEOUT_MS).catch(() => null);
    if (!usable(resp)) return;
    await meta.put(MANIFEST, resp.clone());
    current = resp;
  }
  const version = versionOf(await current.text());
  if (!version) return;
  const all = core ? urls.concat(CORE.map((f) => `/data/${version}/${f}`)) : urls;
  for (const u of all) {
    const v = u.split('/')[2];
    if (u === MANIFEST || !v) continue;
    const cache = await caches.open(DATA + v);
    if (await cache.match(u)) continue;
    const resp = await timedFetch(u, {}, FILE_TIMEOUT_MS).catch(() => null);
    if (usable(resp)) await cache.put(u, resp);
  }
}
