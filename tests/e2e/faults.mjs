// The hostile test server and page watchers shared by the reliability suites
// (catalogue corpus, network faults, XSS, CSP). The app (dist/) is served as
// server.mjs serves it, with three things in front of the catalogue files
// (/data/…) that a test can switch at any time:
//   - a fault: 404, 500, reset, hang, slow, truncated, wrong-type (FAULTS);
//   - overrides: a catalogue file replaced by other content (the corpus);
//   - a transform: every catalogue JSON (and search .tsv) file rewritten (the XSS payloads).
// Loopback only; every hung or slow response ends when the test closes it.
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { DIST, afterTakeover } from './harness.mjs';

/** The catalogue version folder currently in dist/. */
export function dataVersion() {
  return JSON.parse(fs.readFileSync(path.join(DIST, 'data/catalogue.json'), 'utf8')).version;
}

/** Catalogue file names as the corpus writes them → path under /data/. */
export function dataPath(file) {
  return file === 'catalogue.json' ? '/data/catalogue.json' : `/data/${dataVersion()}/${file}`;
}

export function readData(file) {
  return fs.readFileSync(path.join(DIST, dataPath(file)), 'utf8');
}

/** What each fault does to a catalogue request. */
export const FAULTS = {
  '404': (req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
  '500': (req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error'),
  // The connection drops before any answer.
  reset: (req, res) => req.socket.destroy(),
  // Accepted, never answered.
  hang: () => {},
  // Headers at once, then one byte a second: slower than any timeout.
  slow: (req, res, body) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    let i = 0;
    const tick = setInterval(() => {
      if (res.destroyed || i >= body.length) return clearInterval(tick);
      res.write(body.subarray(i, i + 1));
      i += 1;
    }, 1000);
    res.on('close', () => clearInterval(tick));
  },
  // Half the promised body, then the connection drops.
  truncated: (req, res, body) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.write(body.subarray(0, body.length >> 1), () => setTimeout(() => req.socket.destroy(), 50));
  },
  // A captive portal or a host that answers everything with a web page.
  'wrong-type': (req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Wi-Fi</title><p>Log in to continue</p>'),
};

/**
 * Starts the hostile server. Returns { url, fault, overrides, transform,
 * requests, close }: set `s.fault` to a FAULTS key (or null), `s.overrides`
 * to a Map from /data/ path to { body, type }, `s.transform` to a function
 * (json, path) → json. `s.requests` counts catalogue requests by path.
 */
export async function startHostileServer() {
  const state = { fault: null, overrides: new Map(), transform: null, requests: new Map(), open: new Set() };
  const { server, url } = await startServer(DIST, 0, (serve) => (req, res) => {
    const p = new URL(req.url, 'http://x').pathname;
    if (!p.startsWith('/data/')) return serve(req, res);
    state.requests.set(p, (state.requests.get(p) ?? 0) + 1);
    state.open.add(res);
    res.on('close', () => state.open.delete(res));
    const file = path.join(DIST, p);
    if (state.fault) {
      const body = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.from('{}');
      return FAULTS[state.fault](req, res, body);
    }
    const o = state.overrides.get(p);
    if (o) {
      return res.writeHead(o.status ?? 200, { 'content-type': o.type ?? 'application/json', 'cache-control': 'no-cache' }).end(o.body);
    }
    if (state.transform && p.endsWith('.json') && fs.existsSync(file)) {
      const out = JSON.stringify(state.transform(JSON.parse(fs.readFileSync(file, 'utf8')), p));
      return res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' }).end(out);
    }
    if (state.transform && p.endsWith('.tsv') && fs.existsSync(file)) {
      const out = state.transform(fs.readFileSync(file, 'utf8'), p);
      return res.writeHead(200, { 'content-type': 'text/tab-separated-values; charset=utf-8', 'cache-control': 'no-cache' }).end(out);
    }
    return serve(req, res);
  });
  server.keepAliveTimeout = 1000;
  return Object.assign(state, {
    url,
    total: () => [...state.requests.values()].reduce((a, b) => a + b, 0),
    close() {
      for (const res of state.open) res.socket?.destroy();
      server.closeAllConnections?.();
      server.close();
    },
  });
}

/**
 * Watches a page for what must never happen: a page error (a panic shows
 * here), a dialog, a CSP violation, a request off the app's origin, a
 * navigation of the top frame not made by the test.
 */
export function watch(page, origin) {
  const w = { errors: [], dialogs: [], violations: [], offOrigin: [], navigations: [] };
  page.on('pageerror', (e) => w.errors.push(e.message));
  page.on('dialog', (d) => { w.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) w.offOrigin.push(u);
  });
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) w.navigations.push(f.url()); });
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) w.violations.push(m.text()); });
  page.exposeBinding('__cspViolation', (_, v) => w.violations.push(v));
  page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolation?.(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return w;
}

/** Moves the app to `to` as its own links do (history + popstate), without reloading. */
export async function go(page, to) {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, to);
}

/**
 * Every route of the app, with what shows once its data is there (`ready`)
 * and, for /gan-toi, the tap that starts its loading.
 */
export const ROUTES = [
  { path: '/', ready: '[data-testid=province-list]' },
  { path: '/tim-kiem?q=khai+sinh', ready: '[data-testid=results]' },
  { path: '/tinh/79', ready: '[data-testid=by-field] .field-group' },
  { path: '/xa/00070', ready: '[data-testid=by-field] .field-group' },
  { path: '/thu-tuc/1.001193', ready: '[data-testid=documents]' },
  { path: '/tra-cuu-dia-chi?q=phuong+1+quan+3', ready: '[data-testid=address-results]' },
  { path: '/duong-day-nong', ready: '[data-testid=hotline-provinces]' },
  { path: '/su-kien', ready: '[data-testid=life-event-cards]' },
  { path: '/su-kien/sinh-con', ready: '[data-testid=event-procedures]' },
  { path: '/gan-toi', ready: '[data-testid=near-results]', tap: /Dùng vị trí của tôi|Use my location/ },
  { path: '/khong-co-trang-nay', ready: '[data-testid=not-found]', noData: true },
];

/** Selector of a failure the app shows: the load error or a not-found notice. */
export const FAILED = '[data-testid=load-error], [data-testid=not-found], .load-failed';

/** A new page in its own context (geolocation granted, for /gan-toi), watched.
 *  No service worker: these suites test the page's own handling of a first
 *  visit; offline.test.mjs covers the worker. */
export async function hostilePage(browser, origin, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'vi-VN',
    serviceWorkers: 'block',
    geolocation: { latitude: 21.032, longitude: 105.85 },
    permissions: ['geolocation'],
    ...options,
  });
  const page = afterTakeover(await context.newPage());
  page.watch = watch(page, origin);
  return page;
}

/** Waits for the route to show its data or a failure; returns which. */
export async function settle(page, route, timeout = 45_000) {
  if (route.tap) {
    const button = page.getByRole('button', { name: route.tap });
    await button.waitFor({ timeout });
    await button.click();
  }
  const shown = await page.waitForSelector(`${route.ready}, ${FAILED}`, { timeout });
  const isReady = await shown.evaluate((el, ready) => el.matches(ready) || !!el.closest(ready), route.ready);
  return isReady ? 'ready' : 'failed';
}

/** The page is not blank: a heading and some text in <main>. */
export async function notBlank(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    return !!main && main.innerText.trim().length > 20 && !!main.querySelector('h1, h2');
  });
}
