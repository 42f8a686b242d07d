// Offline: after one visit, a reload with the network off still searches and shows
// the pages already seen; a newer catalogue is offered, never mixed in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, DIST } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

/** A first visit with the service worker allowed: it is what these tests are about. */
async function freshPage() {
  const page = await h.page(undefined, { serviceWorkers: 'allow' });
  return { context: page.context(), page };
}

/** Waits until the worker controls the page and has kept the catalogue's search file. */
async function untilKept(page) {
  for (let i = 0; i < 100; i++) {
    const ready = await page.evaluate(async () => {
      if (!navigator.serviceWorker.controller) return false;
      for (const name of await caches.keys()) {
        const keys = await (await caches.open(name)).keys();
        if (keys.some((k) => k.url.endsWith('/search-legacy.tsv'))) return true;
      }
      return false;
    });
    if (ready) return;
    await page.waitForTimeout(200);
  }
  assert.fail('the service worker did not keep the catalogue');
}

test('after one visit, a reload with the network off searches and shows pages already seen', async () => {
  const { context, page } = await freshPage();
  await page.goto(h.url + '/');
  await page.getByTestId('province-list').waitFor();
  await untilKept(page);
  await page.goto(h.url + '/thu-tuc/1.001193');
  await page.getByText('Giấy chứng sinh').first().waitFor();

  await context.setOffline(true);
  await page.goto(h.url + '/');
  await page.getByTestId('province-list').waitFor();
  const note = page.getByTestId('offline-note');
  await note.waitFor();
  assert.match(await note.innerText(), /ngoại tuyến[\s\S]*tạo ngày \d{2}\/\d{2}\/\d{4}/);

  await page.getByRole('searchbox').fill('khai sinh');
  await page.locator('main ol li a[href="/thu-tuc/1.001193"]').click();
  await page.getByText('Giấy chứng sinh').first().waitFor();
  // A page never opened needs the network, and says so with a way back.
  await page.goto(h.url + '/thu-tuc/1.000028');
  await page.getByTestId('load-error').getByText('Không tải được dữ liệu').waitFor();
  assert.equal(await page.getByTestId('load-error').getByRole('link', { name: 'Về trang chủ' }).count(), 1);

  await context.setOffline(false);
  await note.waitFor({ state: 'detached' });
  assert.deepEqual(page.errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('a catalogue published while the page is open is offered as an update, never mixed in', async () => {
  // A copy of the served app whose manifest can change under the open page.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cuaso-update-'));
  for (const entry of fs.readdirSync(DIST)) {
    if (entry !== 'data') fs.symlinkSync(path.join(DIST, entry), path.join(root, entry));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'data/catalogue.json'), 'utf8'));
  fs.mkdirSync(path.join(root, 'data'));
  fs.symlinkSync(path.join(DIST, 'data', manifest.version), path.join(root, 'data', manifest.version));
  fs.writeFileSync(path.join(root, 'data/catalogue.json'), JSON.stringify(manifest));
  const { server, url } = await startServer(root);
  try {
    const { context, page } = await freshPage();
    await page.goto(url + '/tinh/48');
    await page.getByRole('heading', { level: 1, name: 'Thành phố Đà Nẵng' }).waitFor();
    assert.equal(await page.getByTestId('update-note').count(), 0);

    const next = { ...manifest, version: 'f00dcafe0001', built: '2099-01-01' };
    fs.symlinkSync(path.join(DIST, 'data', manifest.version), path.join(root, 'data', next.version));
    fs.writeFileSync(path.join(root, 'data/catalogue.json'), JSON.stringify(next));
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await page.getByTestId('update-note').waitFor();
    // Until the person chooses, the page keeps its catalogue: same version in the footer.
    await page.getByRole('link', { name: 'Phường Hải Châu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phường Hải Châu' }).waitFor();
    assert.match(await page.locator('footer').innerText(), new RegExp(manifest.version));

    await page.getByTestId('update-note').getByRole('button', { name: 'Cập nhật' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phường Hải Châu' }).waitFor();
    await page.locator('footer').getByText(next.version).waitFor();
    assert.equal(await page.getByTestId('update-note').count(), 0);
    assert.deepEqual(page.errors, []);
    await context.close();
  } finally {
    server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the app is installable: a manifest with icons that load', async () => {
  const { context, page } = await freshPage();
  await page.goto(h.url + '/');
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifest = await (await page.request.get(h.url + href)).json();
  assert.equal(manifest.start_url, '/');
  assert.equal(manifest.display, 'standalone');
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
    assert.ok(icon, `a ${size} PNG icon`);
    const resp = await page.request.get(h.url + icon.src);
    assert.equal(resp.headers()['content-type'], 'image/png');
  }
  await context.close();
});
