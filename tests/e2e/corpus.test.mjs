// Bad catalogue data: every case of tests/corpus/catalogue/cases.json (a
// catalogue file replaced by something malformed, truncated, empty, of an
// unknown format, with missing, extra or mistyped fields, dangling
// references or absurd sizes) served to the built app. The person sees the
// page's data or a clear failure in Vietnamese and English with a way on;
// never a panic or a blank page; data loaded before stays usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch } from './harness.mjs';
import { ROUTES, FAILED, startHostileServer, hostilePage, settle, notBlank, go, dataPath, readData } from './faults.mjs';

const { cases } = JSON.parse(fs.readFileSync(new URL('../corpus/catalogue/cases.json', import.meta.url), 'utf8'));
const PARALLEL = 4;

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

/** Sets `path` ('*' = every element) in `v` by `f`. */
function at(v, path, f) {
  if (path.length === 0) return f(v);
  const [k, ...rest] = path;
  if (k === '*') return Array.isArray(v) ? v.map((x) => at(x, rest, f)) : v;
  if (v === null || typeof v !== 'object') return v;
  if (rest.length === 0 && f === DELETE) { delete v[k]; return v; }
  v[k] = at(v[k], rest, f);
  return v;
}
const DELETE = () => undefined;

function body(c) {
  if ('body' in c) return c.body;
  const text = readData(c.file);
  switch (c.op) {
    case 'truncate': return text.slice(0, Math.floor(text.length * c.at));
    case 'prefix': return c.text + text;
    case 'set': return JSON.stringify(at(JSON.parse(text), c.path, () => structuredClone(c.value)));
    case 'delete': return JSON.stringify(at(JSON.parse(text), c.path, DELETE));
    case 'grow': return JSON.stringify(at(JSON.parse(text), c.path, (a) => [...a, ...Array(c.times).fill(a[0])]));
    // A search .tsv file (crates/search/src/tsv.rs): field `field` (after the kind) of every `kind` record.
    case 'tsv-set': return text.split('\n').map((line) => {
      const f = line.split('\t');
      if (f[0] !== c.kind) return line;
      f[c.field + 1] = c.value;
      return f.join('\t');
    }).join('\n');
    default: throw new Error(`unknown op ${c.op}`);
  }
}

function readyOf(c) {
  if (c.ready) return c.ready;
  const pathname = c.route.split('?')[0];
  return ROUTES.find((r) => r.path.split('?')[0] === pathname).ready;
}

async function run(c) {
  const s = await startHostileServer();
  try {
    s.overrides.set(dataPath(c.file), { body: body(c), type: c.type });
    const page = await hostilePage(h.browser, s.url);
    const route = { ...ROUTES.find((r) => r.path.split('?')[0] === c.route.split('?')[0]), path: c.route, ready: readyOf(c) };
    if (c.warm) {
      await page.goto(s.url + '/');
      await page.locator(ROUTES[0].ready).waitFor();
      await go(page, c.route);
    } else {
      await page.goto(s.url + c.route);
    }
    const outcome = await settle(page, route, 30_000);
    const where = `${c.id} (${c.file} → ${c.route})`;
    const failure = page.locator(FAILED).first();
    if (c.expect === 'renders') {
      assert.equal(outcome, 'ready', `${where}: the page shows its data`);
    } else {
      assert.equal(outcome, 'failed', `${where}: a failure is shown`);
      const retry = await failure.getByTestId('retry').count();
      const notFound = await page.getByTestId('not-found').count();
      if (c.expect === 'error') assert.ok(retry, `${where}: a load error with Try again`);
      if (c.expect === 'not-found') assert.ok(notFound, `${where}: a not-found notice`);
      assert.equal(await failure.getByRole('link', { name: 'Về trang chủ' }).getAttribute('href'), '/', `${where}: a way home`);
      const vi = await failure.innerText();
      await page.locator('.lang-switch').click();
      const en = await failure.innerText();
      assert.match(vi, /Có lỗi khi tải dữ liệu|Không tìm thấy/, `${where}: Vietnamese`);
      assert.match(en, /Something went wrong|Not found/, `${where}: English`);
      await page.locator('.lang-switch').click();
      if (c.id.startsWith('manifest-format')) assert.match(vi + en, /mới hơn|newer|damaged|bị lỗi/);
    }
    if (c.noLink) assert.equal(await page.locator(`a[href^="${c.noLink}"]`).count(), 0, `${where}: no ${c.noLink} link`);
    assert.ok(await notBlank(page), `${where}: not blank`);
    if (c.warm && outcome === 'failed') {
      // The home page's data, loaded before, is still there.
      await page.goBack();
      await page.locator(ROUTES[0].ready).waitFor({ timeout: 5000 });
    }
    assert.deepEqual(page.watch.errors, [], `${where}: no page error (a panic shows here)`);
    await page.context().close();
    return `${c.id}: ${outcome}`;
  } finally {
    s.close();
  }
}

test(`catalogue corpus: ${cases.length} bad files, each a clear outcome, no panic, no blank page`, async () => {
  assert.ok(cases.length >= 30);
  const failures = [];
  for (let i = 0; i < cases.length; i += PARALLEL) {
    const batch = cases.slice(i, i + PARALLEL);
    const results = await Promise.allSettled(batch.map(run));
    results.forEach((r, j) => {
      if (r.status === 'rejected') failures.push(`${batch[j].id}: ${r.reason.message.split('\n')[0]}`);
      else console.log(`# ${r.value}`);
    });
  }
  assert.deepEqual(failures, [], `${failures.length} of ${cases.length} cases failed`);
});
