// The benchmark driver (scripts/bench-search runs it; README.md explains the
// output). Serves the page on 127.0.0.1, opens one fresh Chromium page per
// engine, measures, and prints the tables.
//
//   node run.mjs [--queries FILE] [--engines cuaso,flexsearch,minisearch,fuse]
//                [--budget-s S] [--max-reps N] [--json FILE]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { readQueries, rankOf } from './queries.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const ALL = ['cuaso', 'flexsearch', 'minisearch', 'fuse'];
const LABEL = { cuaso: 'cuaso (ours, wasm)', flexsearch: 'FlexSearch 0.8', minisearch: 'MiniSearch 7', fuse: 'Fuse.js 7' };

function parseArgs(argv) {
  const o = { queries: path.join(ROOT, 'tests/search/queries.tsv'), engines: ALL, budgetS: 15, maxReps: 10, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--queries') o.queries = path.resolve(process.env.BENCH_CWD ?? process.cwd(), val());
    else if (a === '--engines') o.engines = val().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--budget-s') o.budgetS = Number(val());
    else if (a === '--max-reps') o.maxReps = Number(val());
    else if (a === '--json') o.json = path.resolve(process.env.BENCH_CWD ?? process.cwd(), val());
    else if (a === '-h' || a === '--help') {
      console.log('usage: scripts/bench-search [--queries FILE] [--engines cuaso,flexsearch,minisearch,fuse] [--budget-s S] [--max-reps N] [--json FILE]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  for (const e of o.engines) if (!ALL.includes(e)) throw new Error(`unknown engine ${e}; known: ${ALL.join(', ')}`);
  if (!(o.budgetS > 0) || !(o.maxReps >= 1)) throw new Error('--budget-s and --max-reps must be positive');
  return o;
}

// ---------------------------------------------------------------------------
// Formatting

const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const mib = (b) => (b == null ? '—' : (b / 1048576).toFixed(2));
const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;

function table(head, rows, align) {
  const all = [head, ...rows].map((r) => r.map(String));
  const w = head.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r) => r.map((s, c) => ((align?.[c] ?? (c ? 'r' : 'l')) === 'l' ? s.padEnd(w[c]) : s.padStart(w[c]))).join('  ');
  return [line(all[0]), w.map((n) => '-'.repeat(n)).join('  '), ...all.slice(1).map(line)].join('\n');
}

function percentile(sorted, p) {
  // nearest-rank
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function sizes(files) {
  return files.map(([label, file]) => {
    const buf = fs.readFileSync(file);
    return { label, file: path.relative(ROOT, file), raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  });
}

// ---------------------------------------------------------------------------

async function measureEngine(browser, url, name, dataUrl, queries, K, opts) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  try {
    await page.goto(`${url}/bench/search/index.html`);
    await page.waitForFunction(() => window.bench !== undefined);
    const { initMs, crossOriginIsolated } = await page.evaluate((n) => window.bench.init(n), name);
    const before = await heap();
    await page.evaluate((u) => window.bench.fetchData(u), dataUrl);
    const { buildMs } = await page.evaluate(() => window.bench.build());
    await page.evaluate(() => window.bench.dropData());
    const after = await heap();
    const wasmMemory = await page.evaluate(() => window.bench.wasmMemory());
    const run = await page.evaluate(
      ([qs, k, o]) => window.bench.run(qs, k, o),
      [queries.map((q) => ({ query: q.query })), K, { budgetMs: opts.budgetS * 1000, maxReps: opts.maxReps }],
    );
    if (errors.length) throw new Error(errors.join('\n'));
    return { name, initMs, buildMs, heapBytes: after - before, wasmMemory, crossOriginIsolated, ...run };
  } finally {
    await context.close();
  }
}

function score(queries, run) {
  let top1 = 0;
  let topk = 0;
  const cats = new Map();
  const misses = [];
  queries.forEach((q, i) => {
    const rank = rankOf(run.results[i], q.expected);
    const hit = rank > 0 && rank <= q.k;
    if (rank === 1) top1++;
    if (hit) topk++;
    else misses.push({ query: q.query, category: q.category, expected: q.expected, k: q.k, got: run.results[i] });
    const c = cats.get(q.category) ?? { n: 0, hit: 0 };
    c.n++;
    c.hit += hit;
    cats.set(q.category, c);
  });
  const t = [...run.times].sort((a, b) => a - b);
  return { top1, topk, cats, misses, p50: percentile(t, 50), p95: percentile(t, 95), max: t[t.length - 1] };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const catalogue = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/catalogue.json'), 'utf8'));
  const files = ['search-core.tsv', 'search-legacy.tsv'];
  const dataUrl = files.map((f) => `/public/data/${catalogue.version}/${f}`);
  const queries = readQueries(opts.queries);
  const K = Math.max(...queries.map((q) => q.k));

  const pkg = path.join(HERE, 'pkg');
  const ours = sizes([
    ['wasm (cuaso_search_wasm_bg.wasm)', path.join(pkg, 'cuaso_search_wasm_bg.wasm')],
    ['glue JS (cuaso_search_wasm.js)', path.join(pkg, 'cuaso_search_wasm.js')],
    ...files.map((f) => [`${f} (${catalogue.version})`, path.join(ROOT, 'public/data', catalogue.version, f)]),
  ]);
  const peersCode = sizes([
    ['FlexSearch (flexsearch.bundle.module.min.mjs)', path.join(HERE, 'node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs')],
    ['MiniSearch (dist/es/index.js, not minified)', path.join(HERE, 'node_modules/minisearch/dist/es/index.js')],
    ['Fuse.js (fuse.min.mjs)', path.join(HERE, 'node_modules/fuse.js/dist/fuse.min.mjs')],
    ['bench adapter for the peers (engines.js)', path.join(HERE, 'engines.js')],
  ]);

  const { server, url } = await startServer(ROOT);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const started = Date.now();
  const runs = [];
  try {
    // One throwaway visit, so that the first engine measured does not pay for
    // the browser's first navigation.
    const warm = await browser.newPage();
    await warm.goto(`${url}/bench/search/index.html`);
    await warm.close();
    console.log(`Chromium ${browser.version()} (headless), ${queries.length} queries from ${path.relative(ROOT, opts.queries) || opts.queries}, ` +
      `k up to ${K}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs`);
    for (const name of opts.engines) {
      process.stdout.write(`  measuring ${LABEL[name]} … `);
      const t = Date.now();
      const r = await measureEngine(browser, url, name, dataUrl, queries, K, opts);
      runs.push({ ...r, ...score(queries, r) });
      console.log(`${((Date.now() - t) / 1000).toFixed(1)} s (${r.reps} timed pass${r.reps > 1 ? 'es' : ''})`);
    }
  } finally {
    await browser.close();
    server.close();
  }

  const n = queries.length;
  const ourRun = runs.find((r) => r.name === 'cuaso');
  console.log(`\n== Engines (${n} queries; latency = per-query median over the timed passes, then p50/p95/max over queries)\n`);
  console.log(table(
    ['engine', 'init ms', 'build ms', 'JS heap MiB', 'wasm mem MiB', 'p50 ms', 'p95 ms', 'max ms', 'top-1', 'top-k', 'our p95 / its p95', 'passes'],
    runs.map((r) => [
      LABEL[r.name], ms(r.initMs), ms(r.buildMs), mib(r.heapBytes), mib(r.wasmMemory),
      ms(r.p50), ms(r.p95), ms(r.max),
      `${r.top1}/${n} ${pct(r.top1, n)}`, `${r.topk}/${n} ${pct(r.topk, n)}`,
      !ourRun ? 'n/a' : r === ourRun ? '1 (ours)' : `${(ourRun.p95 / r.p95).toFixed(3)}`,
      r.reps,
    ]),
  ));
  console.log('\ninit = importing the engine\'s code (ours: glue JS + fetch, compile and instantiate the wasm);');
  console.log('build = the search files' text → ready index (parse included); JS heap = V8 heap used after build minus');
  console.log('before it, both after forced GC (CDP Runtime.getHeapUsage), text dropped; wasm mem = linear memory size.');

  const cats = [...new Set(queries.map((q) => q.category))];
  console.log('\n== Top-k hit rate by category\n');
  console.log(table(
    ['category', 'n', ...runs.map((r) => LABEL[r.name])],
    cats.map((c) => {
      const cn = queries.filter((q) => q.category === c).length;
      return [c, cn, ...runs.map((r) => { const x = r.cats.get(c); return `${x.hit} ${pct(x.hit, x.n)}`; })];
    }),
  ));

  console.log('\n== What our engine loads before the first search (gzip = zlib level 9 of the file)\n');
  const tot = ours.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
  console.log(table(['file', 'raw bytes', 'gzip bytes', 'raw', 'gzip'],
    [...ours, { label: 'total', ...tot }].map((s) => [s.label, s.raw, s.gzip, kb(s.raw), kb(s.gzip)])));
  console.log('\nFor comparison, the peers\' code (they load the same search files):\n');
  console.log(table(['file', 'raw bytes', 'gzip bytes', 'raw', 'gzip'],
    peersCode.map((s) => [s.label, s.raw, s.gzip, kb(s.raw), kb(s.gzip)])));
  console.log(`\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s in the browser.`);

  if (opts.json) {
    fs.mkdirSync(path.dirname(opts.json), { recursive: true });
    fs.writeFileSync(opts.json, JSON.stringify({
      date: new Date().toISOString(), catalogue: catalogue.version, queriesFile: opts.queries, sizes: { ours, peersCode },
      engines: runs.map(({ cats: c, results, ...r }) => ({
        ...r, label: LABEL[r.name], categories: Object.fromEntries(c),
        queries: queries.map((q, i) => ({ query: q.query, got: results[i], ms: r.times[i] })),
      })),
    }, null, 1));
    console.log(`Details (every query's routes and time, the misses) in ${path.relative(process.env.BENCH_CWD ?? process.cwd(), opts.json)}`);
  }
}

main().catch((err) => {
  console.error(`bench-search: ${process.env.BENCH_DEBUG ? err.stack : err.message ?? err}`);
  process.exit(1);
});
