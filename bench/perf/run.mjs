// The performance budget: the release build served as a CDN would (brotli, or gzip
// with --gzip; hashed files and versioned data cacheable forever), visited cold in
// headless Chromium. Prints each figure next to its budget; exits 0 when it ran.
//
//   node bench/perf/run.mjs [--dist DIR] [--gzip] [--no-lighthouse] [--runs N] [--json FILE]
//
// Lighthouse runs N times per route (3 by default) and the median is reported:
// its scores move by 20 points when anything else runs on the machine.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const DIST = path.resolve(option('--dist', path.join(here, '../../dist')));
const ENCODING = flag('--gzip') ? 'gzip' : 'br';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];

const KB = 1024;
const BUDGET = {
  firstVisitSearch: 160 * KB, // first visit to / until a typed search shows its result
  procedureBeyondShell: 30 * KB, // a procedure page, beyond the shell
  performance: 95,
  accessibility: 100,
  tbt: 200, // ms, Lighthouse mobile
  lcp: 1500, // ms, Lighthouse mobile
  cls: 0.05,
  throttledContent: 2000, // ms to real content, cold, at the THROTTLE below
  memory: 30 * KB * KB,
};
const RUNS = Number(option('--runs', 3));

/** The public pages measured, each with what shows that its real content is there. */
const ROUTES = [
  ['/', (p) => p.getByTestId('province-list').locator('li').first().waitFor()],
  ['/tim-kiem?q=khai%20sinh', (p) => p.locator('main ol li a[href="/thu-tuc/1.001193"]').first().waitFor()],
  ['/thu-tuc/1.001193', (p) => p.getByRole('heading', { level: 1, name: /khai sinh/i }).waitFor()],
  ['/tinh/79', (p) => p.getByRole('heading', { level: 1, name: 'Thành phố Hồ Chí Minh' }).waitFor()],
  ['/xa/00070', (p) => p.getByRole('heading', { level: 1, name: 'Phường Hoàn Kiếm' }).waitFor()],
  ['/tra-cuu-dia-chi?q=' + encodeURIComponent('Phường Hàng Trống, Quận Hoàn Kiếm, Hà Nội'),
    (p) => p.locator('main a[href="/xa/00070"]').first().waitFor()],
  ['/duong-day-nong', (p) => p.locator('main').getByText('1800 1096').first().waitFor()],
];
/** A cheap phone on a poor mobile network: 750 kbit/s both ways, 150 ms round trip, CPU 4× slower. */
const THROTTLE = { kbit: 750, rtt: 150, cpu: 4 };

// ---- A CDN-like static server: compressed once, in memory; SPA fallback. ----

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};
const compressed = new Map();
function encode(file, body) {
  if (!compressed.has(file)) {
    compressed.set(file, ENCODING === 'br'
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : zlib.gzipSync(body, { level: 9 }));
  }
  return compressed.get(file);
}
function serve(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return res.writeHead(400).end();
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) file = path.join(file, 'index.html');
    stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) {
      if (url.pathname.startsWith('/data/') || TYPES[path.extname(url.pathname)]) return res.writeHead(404).end();
      file = path.join(root, 'index.html');
    }
    const ext = path.extname(file);
    const immutable = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(file) || /\/data\/[0-9a-z]+\//.test(url.pathname);
    const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' };
    let body = fs.readFileSync(file);
    if (ext !== '.png' && (req.headers['accept-encoding'] ?? '').includes(ENCODING)) {
      body = encode(file, body);
      headers['content-encoding'] = ENCODING;
      headers.vary = 'accept-encoding';
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

// ---- Measurements ----

function kindOf(url) {
  const p = new URL(url).pathname;
  if (p.endsWith('.wasm')) return 'wasm';
  if (p.endsWith('.js')) return 'js';
  if (p.endsWith('.css')) return 'css';
  if (p.startsWith('/data/')) return 'data';
  if (p.endsWith('.html') || !path.extname(p)) return 'html';
  return 'other';
}

/** Records every response of the page: kind, path, compressed body bytes. */
function recorder(page) {
  const seen = [];
  const issued = new Map();
  page.on('request', (req) => issued.set(req, Date.now()));
  page.on('requestfinished', async (req) => {
    const at = issued.get(req) ?? Date.now();
    const sizes = await req.sizes().catch(() => null);
    const resp = await req.response();
    seen.push({ kind: kindOf(req.url()), path: new URL(req.url()).pathname, bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0,
      body: sizes?.responseBodySize ?? 0, status: resp?.status(), at });
  });
  return seen;
}

function tally(list) {
  const by = { html: 0, wasm: 0, js: 0, css: 0, data: 0, other: 0 };
  for (const r of list) by[r.kind] += r.body;
  return { ...by, total: list.reduce((s, r) => s + r.body, 0), requests: list.length };
}

async function cold(browser, url, { until, then, shown }) {
  // A fresh context: empty HTTP cache, no service worker (a cold first visit).
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', serviceWorkers: 'block' });
  const page = await context.newPage();
  // The moment `shown` (a selector) is in the page, as the page's own clock says.
  if (shown) {
    await page.addInitScript((sel) => {
      new MutationObserver((_, o) => {
        if (document.querySelector(sel)) { window.__shownAt = Date.now(); o.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    }, shown);
  }
  const seen = recorder(page);
  const start = Date.now();
  await page.goto(url);
  await until(page);
  const firstResult = Date.now() - start;
  let thenMs = null;
  let doneAt = Date.now();
  if (then) {
    const t = Date.now();
    await then(page);
    doneAt = (shown && (await page.evaluate(() => window.__shownAt))) || Date.now();
    thenMs = doneAt - t;
  }
  await page.waitForLoadState('networkidle');
  await context.close();
  // What was asked for until the page showed what was asked (a later request,
  // such as the search's second file, is counted apart).
  return { firstResult, thenMs, requests: seen.filter((r) => r.at <= doneAt), later: seen.filter((r) => r.at > doneAt) };
}

/** An in-app navigation (the router handles the click), so the page keeps its memory. */
const go = (page, to) => page.evaluate((to) => {
  const a = document.createElement('a');
  a.href = to;
  document.body.append(a);
  a.click();
  a.remove();
}, to);

async function memoryAfterFullCatalogue(browser, base) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', serviceWorkers: 'block',
    geolocation: { latitude: 16.06, longitude: 108.22 }, permissions: ['geolocation'] });
  const page = await context.newPage();
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  // Every catalogue-wide file: provinces, life events, search, procedure index,
  // communes and coordinates (near me), and one province file.
  await page.goto(base + '/');
  await page.getByTestId('province-list').waitFor();
  await go(page, '/tim-kiem?q=khai+sinh');
  await page.locator('main ol li').first().waitFor();
  await go(page, '/su-kien/sinh-con');
  await page.locator('main li a[href^="/thu-tuc/"]').first().waitFor();
  await go(page, '/duong-day-nong');
  await page.getByText('1800 1096').first().waitFor();
  await go(page, '/gan-toi');
  await page.getByRole('button', { name: 'Dùng vị trí của tôi' }).click();
  await page.getByTestId('near-results').waitFor();
  await go(page, '/tinh/48');
  await page.getByRole('heading', { level: 1, name: 'Thành phố Đà Nẵng' }).waitFor();
  await page.waitForLoadState('networkidle');
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? null);
  await context.close();
  return { jsHeap: usedSize, wasm };
}

/** A cold visit under THROTTLE: time until the real content shows, and the page's
 *  layout shift (CLS as Chromium reports it, shifts after input excluded). */
async function throttled(browser, url, until) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytesPerMs = (THROTTLE.kbit * 1000) / 8 / 1000;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: THROTTLE.rtt,
    downloadThroughput: bytesPerMs * 1000, uploadThroughput: bytesPerMs * 1000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await until(page);
  const contentMs = Date.now() - start;
  // Let late work land (the app taking over, images, fonts) before reading the shift.
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(1000);
  const cls = await page.evaluate(() => window.__cls);
  await context.close();
  return { contentMs, cls };
}

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

/** Lighthouse RUNS times; the median of each figure (a score's median, not one run's). */
async function lighthouseMedian(url) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await lighthouse(url));
  const pick = (k) => median(runs.map((r) => r[k]));
  return { performance: pick('performance'), accessibility: pick('accessibility'), lcp: pick('lcp'), fcp: pick('fcp'),
    tbt: pick('tbt'), cls: pick('cls'), runs: runs.map((r) => r.performance), failing: [...new Set(runs.flatMap((r) => r.failing))] };
}

async function lighthouse(url) {
  const { default: lh } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROME_ARGS] });
  try {
    const result = await lh(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const lhr = result.lhr;
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      fcp: lhr.audits['first-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      cls: lhr.audits['cumulative-layout-shift'].numericValue,
      failing: Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id)).map((a) => a.id),
    };
  } finally {
    await chrome.kill();
  }
}

// ---- Report ----

const kb = (n) => (n / KB).toFixed(1).padStart(7) + ' KB';
const mb = (n) => (n / KB / KB).toFixed(1) + ' MB';
function verdict(value, budget, lowerIsBetter = true) {
  const ok = lowerIsBetter ? value <= budget : value >= budget;
  return ok ? 'within' : (lowerIsBetter ? `over by ${((value / budget - 1) * 100).toFixed(0)}%` : `short by ${budget - value}`);
}

const { server, url } = await serve(DIST);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_ARGS });
const report = { encoding: ENCODING, visits: {} };
try {
  const homeSearch = {
    until: (p) => p.getByTestId('province-list').waitFor(),
    then: async (p) => {
      await p.getByRole('searchbox').fill('khai sinh');
      await p.locator('main ol li a[href="/thu-tuc/1.001193"]').waitFor();
    },
    shown: 'main ol li a[href="/thu-tuc/1.001193"]',
  };
  // Once unmeasured, so that the server has compressed what the visits fetch (a
  // CDN serves it compressed already; brotli 11 of the search file takes seconds).
  await cold(browser, url + '/', homeSearch);
  for (const [route, until] of ROUTES) await cold(browser, url + route, { until });
  const visits = { '/ until search works': await cold(browser, url + '/', homeSearch) };
  for (const [route, until] of ROUTES) visits[route] = await cold(browser, url + route, { until });
  console.log(`\nCold first visits (release build, ${ENCODING === 'br' ? 'brotli 11' : 'gzip 9'}, headless Chromium, loopback: no network latency)\n`);
  console.log('visit                          html      wasm        js       css      data     total  requests  real content');
  for (const [name, v] of Object.entries(visits)) {
    const t = tally(v.requests);
    report.visits[name] = { ...t, firstResultMs: v.firstResult, searchMs: v.thenMs, files: v.requests.map((r) => [r.path, r.body]),
      later: v.later.map((r) => [r.path, r.body]) };
    console.log(`${name.slice(0, 26).padEnd(26)}${kb(t.html)}${kb(t.wasm)}${kb(t.js)}${kb(t.css)}${kb(t.data)}${kb(t.total)}${String(t.requests).padStart(10)}  ${v.firstResult} ms${v.thenMs !== null ? ` (+${v.thenMs} ms to first search result)` : ''}`);
  }

  report.throttled = {};
  console.log(`\nCold visits at ${THROTTLE.kbit} kbit/s, ${THROTTLE.rtt} ms RTT, CPU ${THROTTLE.cpu}× slower (Chromium's own throttling)\n`);
  console.log('visit                          real content       CLS');
  for (const [route, until] of ROUTES) {
    const t = await throttled(browser, url + route, until);
    report.throttled[route] = t;
    console.log(`${route.slice(0, 26).padEnd(26)}${(t.contentMs / 1000).toFixed(2).padStart(14)} s${t.cls.toFixed(3).padStart(10)}`);
  }

  const home = report.visits['/ until search works'];
  const proc = report.visits['/thu-tuc/1.001193'];
  const shellFiles = new Set(proc.files.filter(([p]) => !p.startsWith('/data/')).map(([p]) => p));
  // Beyond the shell: what the procedure page fetches that the home page (already
  // visited, so cached) did not — its data files.
  const homeFiles = new Set(home.files.map(([p]) => p));
  const beyond = proc.files.filter(([p]) => !homeFiles.has(p) && !shellFiles.has(p)).reduce((s, [, b]) => s + b, 0);
  report.procedureBeyondShell = beyond;

  const mem = await memoryAfterFullCatalogue(browser, url);
  report.memory = mem;

  let lh = null;
  if (!flag('--no-lighthouse')) {
    lh = {};
    for (const [p] of ROUTES) lh[p] = await lighthouseMedian(url + p);
    report.lighthouse = lh;
  }

  console.log('\nBudget');
  console.log('figure                                            measured        budget    verdict');
  const row = (name, value, budget, text, btext, lower = true) =>
    console.log(`${name.padEnd(46)}${text.padStart(12)}${btext.padStart(14)}    ${verdict(value, budget, lower)}`);
  row('first visit to / until a search shows results', home.total, BUDGET.firstVisitSearch, kb(home.total), kb(BUDGET.firstVisitSearch));
  row('procedure page beyond the shell', beyond, BUDGET.procedureBeyondShell, kb(beyond), kb(BUDGET.procedureBeyondShell));
  const memTotal = mem.jsHeap + (mem.wasm ?? 0);
  const tp = report.throttled['/thu-tuc/1.001193'];
  row('throttled: real content, cold /thu-tuc/1.001193', tp.contentMs, BUDGET.throttledContent, `${(tp.contentMs / 1000).toFixed(2)} s`, `${BUDGET.throttledContent / 1000} s`);
  for (const [p, t] of Object.entries(report.throttled)) row(`throttled: CLS ${p}`.slice(0, 46), t.cls, BUDGET.cls, t.cls.toFixed(3), `≤ ${BUDGET.cls}`);
  row('memory: JS heap + wasm, full catalogue', memTotal, BUDGET.memory, mb(memTotal), mb(BUDGET.memory));
  console.log(`${''.padEnd(6)}(JS heap ${mb(mem.jsHeap)}, wasm linear memory ${mem.wasm === null ? 'unknown' : mb(mem.wasm)})`);
  if (lh) {
    console.log(`\nLighthouse 12.2.3 mobile (simulated slow 4G, 4× CPU), median of ${RUNS} runs per route`);
    for (const [p, r] of Object.entries(lh)) {
      const name = p.slice(0, 30);
      row(`performance ${name}`, r.performance, BUDGET.performance, String(r.performance), `≥ ${BUDGET.performance}`, false);
      row(`  TBT`, r.tbt, BUDGET.tbt, `${Math.round(r.tbt)} ms`, `≤ ${BUDGET.tbt} ms`);
      row(`  LCP`, r.lcp, BUDGET.lcp, `${(r.lcp / 1000).toFixed(2)} s`, `≤ ${BUDGET.lcp / 1000} s`);
      row(`  CLS`, r.cls, BUDGET.cls, r.cls.toFixed(3), `≤ ${BUDGET.cls}`);
      row(`  accessibility`, r.accessibility, BUDGET.accessibility, String(r.accessibility), String(BUDGET.accessibility), false);
      console.log(`${''.padEnd(6)}runs ${r.runs.join(' / ')}; FCP ${(r.fcp / 1000).toFixed(2)} s${r.failing.length ? `; accessibility audits failing: ${r.failing.join(', ')}` : ''}`);
    }
  }
  console.log('\nLargest files of the first visit (compressed):');
  for (const [p, b] of [...home.files].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${kb(b)}  ${p}`);
  if (home.later.length) {
    console.log('Fetched after the first result (the search\'s second stage, the app on idle…):');
    for (const [p, b] of [...home.later].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${kb(b)}  ${p}`);
  }
  const out = option('--json', null);
  if (out) fs.writeFileSync(out, JSON.stringify(report, null, 2));
} finally {
  await browser.close();
  server.close();
}
