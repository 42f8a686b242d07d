// The prerendered pages' own search (public/search/page.js + worker.js, the
// engine of crates/search-wasm in a Web Worker): a person types on `/` or opens
// a shared `/tim-kiem?q=…` and reads results before, and without, the app's wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const APP_WASM = /\/cuaso-[0-9a-f]+_bg\.wasm$/;
const APP_GLUE = /\/cuaso-[0-9a-f]+\.js$/;
const ENGINE_WASM = /\/search-[0-9a-f]+\/engine_bg\.wasm$/;

/** A page opened as HTML only (no key pressed for it), with the wasm and the app's glue it requests noted. */
async function htmlPage(path) {
  const page = await h.page();
  const wasm = [];
  const data = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm') || APP_GLUE.test(r.url())) wasm.push(r.url());
    if (new URL(r.url()).pathname.startsWith('/data/')) data.push(new URL(r.url()).pathname);
  });
  await page.goto(h.url + path, { waitUntil: 'commit' });
  await page.waitForLoadState('load');
  return { page, wasm, data, app: () => wasm.filter((u) => APP_WASM.test(u) || APP_GLUE.test(u)) };
}

test('/ searches before the SPA\'s wasm is requested: results in place, old addresses once they arrive', async () => {
  const { page, wasm, data, app } = await htmlPage('/');
  const box = page.locator('#boot #q');
  await box.fill('dang ky khai sinh');
  const first = page.locator('#boot [data-testid=results] li').first();
  await first.waitFor({ timeout: 20_000 });
  assert.equal(await first.locator('a.result-title').getAttribute('href'), '/thu-tuc/1.001193');
  assert.match(await first.innerText(), /Thủ tục/);
  assert.match(await page.locator('#boot .count').innerText(), /^\d+ kết quả/);
  assert.deepEqual(app(), [], 'neither the app\'s wasm nor its glue is requested');
  assert.equal(wasm.filter((u) => ENGINE_WASM.test(u)).length, 1, 'the engine\'s own wasm is');
  assert.deepEqual(data.filter((p) => !p.endsWith('.tsv')), [], 'the page gives the data\'s version: no manifest asked for');
  assert.ok(await page.locator('#boot').count(), 'still the HTML page');
  // A pre-2025 unit: found once the second file is in.
  await box.fill('phuong hang trong quan hoan kiem');
  await page.locator('#boot .result-legacy a[href="/xa/00070"]').first().waitFor({ timeout: 20_000 });
  assert.deepEqual(app(), []);
  // Clearing the box gives the page back as it was.
  await box.fill('');
  await page.waitForFunction(() => !document.querySelector('#boot [data-testid=results]'));
  assert.ok(await page.getByTestId('province-list').first().isVisible());
  assert.deepEqual(page.errors, []);
});

test('a shared /tim-kiem?q= link shows its results as HTML, then the app takes over with the same first result', async () => {
  const { page, app } = await htmlPage('/tim-kiem?q=so%20do');
  const first = page.locator('#boot [data-testid=results] a.result-title').first();
  await first.waitFor({ timeout: 20_000 });
  const href = await first.getAttribute('href');
  assert.match(href, /^\/thu-tuc\//);
  assert.equal(await page.locator('#boot #q').inputValue(), 'so do');
  assert.deepEqual(app(), []);
  // Typing on the search page keeps the URL shareable.
  await page.locator('#boot #q').fill('so do dat');
  const search = (want) => page.waitForFunction((want) => new URLSearchParams(location.search).get('q') === want, want);
  await search('so do dat');
  await page.locator('#boot #q').fill('so do');
  await search('so do');
  await first.waitFor();
  // Used elsewhere on the page, the app starts and takes the page's place.
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 60_000 });
  assert.deepEqual(app().map((u) => (APP_WASM.test(u) ? 'wasm' : 'glue')).sort(), ['glue', 'wasm'], 'the app, once');
  assert.equal(await page.locator('main [data-testid=results] a.result-title').first().getAttribute('href'), href);
  assert.equal(await page.locator('#q').inputValue(), 'so do');
  assert.deepEqual(page.errors, []);
});

test('when the search data cannot be read, the page hands search to the app, which says so', async () => {
  const page = await h.page();
  await page.route('**/search-core.tsv', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(h.url + '/', { waitUntil: 'commit' });
  await page.waitForLoadState('load');
  await page.locator('#boot #q').fill('khai sinh');
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 60_000 });
  await page.getByText('Không tìm thấy dữ liệu tìm kiếm.').first().waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('#q').inputValue(), 'khai sinh', 'what was typed is kept');
});

test('a shared /tra-cuu-dia-chi?q= link answers as HTML: the old unit and where it went, before the app', async () => {
  const { page, app } = await htmlPage('/tra-cuu-dia-chi?q=hang%20trong%20hoan%20kiem');
  const unit = page.locator('#boot [data-testid=address-results] li.address-result').first();
  await unit.waitFor({ timeout: 20_000 });
  assert.equal(await unit.locator('h3').innerText(), 'Phường Hàng Trống');
  assert.match(await unit.locator('.meta').first().innerText(), /Hoàn Kiếm/);
  assert.equal(await unit.locator('.successors a').first().getAttribute('href'), '/xa/00070');
  // Typing a place that matches nothing says so, with the way to a whole-site search.
  await page.locator('#boot #address-q').fill('zzzz qqqq');
  await page.locator('#boot [data-testid=address-none]').waitFor();
  assert.equal(await page.locator('#boot [data-testid=address-none] a').getAttribute('href'), '/tim-kiem?q=zzzz+qqqq');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'zzzz qqqq');
  assert.deepEqual(app(), [], 'the app\'s wasm is not requested');
  // Cleared, the page shows its introduction again.
  await page.locator('#boot #address-q').fill('');
  await page.locator('#boot [data-testid=address-examples]').waitFor();
  assert.deepEqual(page.errors, []);
});
