// The HTML pages' search: the engine (crates/search-wasm, its own small wasm)
// in a worker, so the index is built off the main thread and a prerendered page
// searches before, and without, the app's wasm. Messages (see page.js):
//   in:  {type: 'init', root, version}   root of the catalogue, e.g. '/data/', and the
//                                        data's version if the page knows it (else
//                                        catalogue.json tells)
//        {type: 'find', q}               a query; the latest one wins
//        {type: 'lookup', q}             an old address (the address page)
//        {type: 'shown'}                 a first answer is on screen: load the rest
//   out: {type: 'found', q, result, complete}   result as engine.find gives it;
//                                        complete: the pre-2025 units were in
//        {type: 'looked', q, result}     the address page's answer
//        {type: 'failed', message}       the page hands search to the app
import init, { load, add_legacy, find, lookup } from './engine.js';

const TIMEOUT_MS = 15000;
let ready = null;
let complete = false;
let latest = null;

async function text(url) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  try {
    const resp = await fetch(url, { signal: abort.signal });
    if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status}`);
    return await resp.text();
  } finally {
    clearTimeout(timer);
  }
}

const VERSION = /^[0-9a-z-]+$/;

async function start(root, known) {
  const version = typeof known === 'string' && VERSION.test(known)
    ? known
    : (await text(root + 'catalogue.json').then(JSON.parse)).version;
  if (typeof version !== 'string' || !VERSION.test(version)) throw new Error('catalogue.json: no version');
  const base = `${root}${version}/`;
  const [, core] = await Promise.all([init(), text(base + 'search-core.tsv')]);
  load(core);
  return base;
}

function answer(q) {
  self.postMessage({ type: 'found', q, result: JSON.parse(find(q)), complete });
}

// The pre-2025 units (half of the bytes) come second: after a first answer, or
// at once for the address page, which needs them.
let legacy = null;
function withLegacy(base) {
  legacy ??= text(base + 'search-legacy.tsv').then((t) => {
    add_legacy(t);
    complete = true;
  });
  return legacy;
}

self.addEventListener('message', async (event) => {
  const msg = event.data || {};
  if (msg.type === 'init' && !ready) {
    ready = start(String(msg.root), msg.version);
    ready.catch((e) => self.postMessage({ type: 'failed', message: String(e) }));
    return;
  }
  if ((msg.type !== 'find' && msg.type !== 'lookup') || !ready) return;
  const q = String(msg.q);
  latest = { type: msg.type, q };
  let base;
  try {
    base = await ready;
    if (msg.type === 'lookup') await withLegacy(base);
  } catch (e) {
    if (msg.type === 'lookup') self.postMessage({ type: 'failed', message: String(e) });
    return; // a failed start is already reported
  }
  if (latest.q !== q || latest.type !== msg.type) return; // a newer query is on its way
  if (msg.type === 'lookup') {
    self.postMessage({ type: 'looked', q, result: JSON.parse(lookup(q)) });
    return;
  }
  answer(q);
});

// Once the page shows a first answer, the pre-2025 units follow, and the latest
// query is answered again with them.
self.addEventListener('message', async (event) => {
  if ((event.data || {}).type !== 'shown' || !ready || complete) return;
  try {
    await withLegacy(await ready);
  } catch (e) {
    self.postMessage({ type: 'failed', message: String(e) });
    return;
  }
  if (latest && latest.type === 'find') answer(latest.q);
});
