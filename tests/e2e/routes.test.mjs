// The first pages, on the real catalogue, in headless Chromium: what a person sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, noHorizontalScroll, DIST } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

async function open(path, viewport) {
  const page = await h.page(viewport);
  await page.goto(h.url + path);
  return page;
}

test('home lists the 34 provinces and links each to its page', async () => {
  const page = await open('/');
  const items = page.getByTestId('province-list').locator('li');
  await items.first().waitFor();
  assert.equal(await items.count(), 34);
  await page.getByRole('link', { name: /Thành phố Hồ Chí Minh/ }).waitFor();
  await page.getByRole('searchbox').waitFor();
  assert.match(await page.title(), /Cửa sổ số/);
  await noHorizontalScroll(page);
  // Client-side navigation to a province, and back.
  await page.getByRole('link', { name: /Thành phố Đà Nẵng/ }).click();
  await page.waitForURL('**/tinh/48');
  await page.getByRole('heading', { level: 1, name: 'Thành phố Đà Nẵng' }).waitFor();
  await page.goBack();
  await page.getByTestId('province-list').waitFor();
  assert.deepEqual(page.errors, []);
});

test('/tinh/79 shows Hồ Chí Minh City, its centre as the press reports it and its 168 communes, filterable', async () => {
  const page = await open('/tinh/79');
  await page.getByRole('heading', { level: 1, name: 'Thành phố Hồ Chí Minh' }).waitFor();
  const card = page.getByTestId('centre-card');
  await card.getByText('Chưa công bố').first().waitFor();
  assert.match(await card.getByTestId('reported').innerText(), /số 43 đường Nguyễn Văn Bá, phường Thủ Đức/);
  assert.match(await page.getByTestId('province-hotline').innerText(), /1800 1096/);
  const list = page.getByTestId('commune-list').locator('li');
  assert.equal(await list.count(), 168);
  await page.getByLabel('Lọc theo tên').fill('ben thanh');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=commune-list] li').length < 168);
  const found = await list.allInnerTexts();
  assert.equal(found.length, 1);
  assert.match(found[0], /^Phường Bến Thành/);
  await noHorizontalScroll(page);
  assert.deepEqual(page.errors, []);
});

test('/xa/00070 shows Phường Hoàn Kiếm in Thành phố Hà Nội with the old units merged into it', async () => {
  const page = await open('/xa/00070');
  await page.getByRole('heading', { level: 1, name: 'Phường Hoàn Kiếm' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Thành phố Hà Nội/);
  const legacy = await page.getByTestId('legacy-list').innerText();
  assert.match(legacy, /Phường Hàng Trống/);
  assert.match(legacy, /Quận Hoàn Kiếm/);
  await page.getByRole('link', { name: 'Thành phố Hà Nội' }).click();
  await page.waitForURL('**/tinh/01');
  assert.deepEqual(page.errors, []);
});

test('a Đà Nẵng ward shows its published office, phone and nearby post offices', async () => {
  const page = await open('/xa/20242');
  await page.getByRole('heading', { level: 1, name: 'Phường Hải Châu' }).waitFor();
  const card = await page.getByTestId('centre-card').innerText();
  assert.match(card, /Số 15 đường Lê Hồng Phong/);
  assert.match(card, /0903570134/);
  assert.equal(await page.locator('a[href="tel:0903570134"]').count(), 1);
  assert.match(await page.locator('main').innerText(), /Bưu [Cc]ục/);
  assert.deepEqual(page.errors, []);
});

test('a split old unit lists every new commune and marks the default', async () => {
  // Xã Hòa Liên (Huyện Hòa Vang) was split between two communes of Đà Nẵng.
  const page = await open('/xa/20197');
  const item = page.getByTestId('legacy-list').locator('li', { hasText: 'Xã Hòa Liên' }).first();
  await item.waitFor();
  const text = await item.innerText();
  assert.match(text, /được chia cho/);
  assert.match(text, /mặc định/);
  assert.equal(await item.locator('a[href^="/xa/"]').count(), 2);
});

test('/thu-tuc/1.001193 shows birth registration with its documents, free of charge', async () => {
  const page = await open('/thu-tuc/1.001193');
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  const channels = await page.getByTestId('channels').innerText();
  for (const ch of ['Trực tiếp', 'Trực tuyến', 'Dịch vụ bưu chính']) assert.match(channels, new RegExp(ch));
  assert.equal((channels.match(/Miễn phí/g) ?? []).length, 3);
  const docs = (await page.getByTestId('documents').allInnerTexts()).join('\n');
  assert.match(docs, /Giấy chứng sinh/);
  assert.match(docs, /bản chính/);
  const portal = page.getByRole('link', { name: /Cổng Dịch vụ công quốc gia/ });
  assert.match(await portal.getAttribute('href'), /^https:\/\/dichvucong\.gov\.vn\//);
  assert.match(await page.locator('main').innerText(), /Nguồn: Cổng Dịch vụ công quốc gia/);
  await noHorizontalScroll(page);
  assert.deepEqual(page.errors, []);
});

for (const [path, message] of [
  ['/tinh/99', /Không có tỉnh, thành phố với mã này/],
  ['/tinh/abc', /Mã tỉnh không hợp lệ/],
  ['/xa/99999', /Không có xã, phường với mã này/],
  ['/xa/<script>', /Mã xã, phường không hợp lệ/],
  ['/thu-tuc/9.999999', /Không có thủ tục với mã này/],
  ['/khong-co-trang-nay', /Không tìm thấy trang này/],
]) {
  test(`${path} says it is not found and offers a way back`, async () => {
    const page = await open(path);
    const box = page.getByTestId('not-found');
    await box.waitFor();
    assert.match(await box.innerText(), message);
    await box.getByRole('link', { name: 'Về trang chủ' }).click();
    await page.getByTestId('province-list').waitFor();
  });
}

test('English with ?lang=en, remembered after reload, and the lang attribute follows', async () => {
  const page = await open('/tinh/48?lang=en');
  await page.getByRole('heading', { level: 2, name: 'Provincial Public Administrative Service Centre' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.goto(h.url + '/');
  await page.getByRole('heading', { level: 1, name: 'What do you need to do?' }).waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bạn cần làm thủ tục gì?' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
});

test('the footer names the data sources and their dates', async () => {
  const page = await open('/', { width: 1280, height: 800 });
  const footer = page.locator('footer');
  await footer.getByText('Nguồn dữ liệu').click();
  const text = await footer.innerText();
  assert.match(text, /Tổng cục Thống kê/);
  assert.match(text, /Cổng Dịch vụ công quốc gia/);
  assert.match(text, /Đà Nẵng/);
  assert.match(text, /1800 1096/);
});

test('a commune lists the procedures it receives by field, and a province its own', async () => {
  const page = await open('/xa/00070');
  const section = page.getByTestId('by-field');
  const civil = section.locator('details', { hasText: /^Hộ tịch \(\d+\)/ });
  await civil.waitFor();
  await civil.locator('summary').click();
  await civil.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true }).click();
  await page.waitForURL('**/thu-tuc/1.001193');
  const province = await open('/tinh/79');
  await province.getByTestId('by-field').getByText(/thủ tục trong/).waitFor();
  const text = await province.getByTestId('by-field').innerText();
  const total = Number(text.match(/(\d+) thủ tục trong/)[1]);
  assert.ok(total > 100, text.slice(0, 200));
  // Birth registration is done at commune level only, so it is not in the province's list.
  assert.equal(await province.getByTestId('by-field').locator('a[href="/thu-tuc/1.001193"]').count(), 0);
  assert.ok(await province.getByTestId('by-field').locator('a[href^="/thu-tuc/"]').count() === total);
});

test('/linh-vuc lists every procedure by field, and the level choice narrows it by URL', async () => {
  // Counted here from the catalogue files themselves.
  const dataDir = path.join(DIST, 'data');
  const manifest = JSON.parse(fs.readFileSync(path.join(dataDir, 'catalogue.json'), 'utf8'));
  const index = JSON.parse(fs.readFileSync(path.join(dataDir, manifest.version, 'thu-tuc/index.json'), 'utf8'));
  const list = index.data ?? index;
  const atCommune = list.filter((p) => p.levels.includes('commune')).length;
  const fields = new Set(list.map((p) => p.field)).size;
  const page = await h.page();
  await page.goto(h.url + '/');
  await page.getByRole('link', { name: 'Thủ tục theo lĩnh vực' }).click();
  await page.waitForURL('**/linh-vuc');
  await page.getByText(`${list.length} thủ tục trong ${fields} lĩnh vực`).waitFor();
  await page.getByLabel('Cấp thực hiện').selectOption({ label: 'Cấp xã' });
  await page.waitForURL('**/linh-vuc?cap=xa');
  await page.getByText(new RegExp(`^${atCommune} thủ tục trong`)).waitFor();
  const group = page.locator('details.field-group', { hasText: 'Hộ tịch' }).first();
  await group.locator('summary').click();
  await group.locator('a[href="/thu-tuc/1.001193"]').click();
  await page.getByRole('heading', { level: 1, name: /khai sinh/ }).waitFor();
  await page.goBack();
  await page.getByText(new RegExp(`^${atCommune} thủ tục trong`)).waitFor();
  assert.deepEqual(page.errors, []);
});

test('on a slow network the page reads before the app starts, then the app takes its place', async () => {
  const page = await h.page();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(h.url + '/tinh/48', { waitUntil: 'domcontentloaded' });
  // The prerendered page, with its heading and links, while the wasm is on its way.
  await page.locator('#boot').getByRole('heading', { level: 1, name: 'Thành phố Đà Nẵng' }).waitFor();
  assert.ok(await page.locator('#boot a[href^="/xa/"]').count() > 50, 'the communes are links before the app');
  assert.equal(await page.locator('.site-header .brand-name').first().innerText(), 'Cửa sổ số');
  await page.keyboard.press('Shift'); // someone uses the page: the app starts
  release();
  await page.waitForFunction(() => !document.getElementById('boot'));
  await page.getByRole('heading', { level: 1, name: 'Thành phố Đà Nẵng' }).waitFor();
  assert.equal(await page.locator('header.site-header').count(), 1);
  assert.equal(await page.locator('main').count(), 1);
  assert.deepEqual(page.errors, []);
});

test('a prerendered page fetches no wasm until someone uses it, then the app takes over in place', async () => {
  const page = await h.page();
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await page.goto(h.url + '/thu-tuc/1.001193', { waitUntil: 'commit' });
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  assert.deepEqual(wasm, [], 'no wasm while the page is only read');
  assert.match(await page.locator('#boot h1').innerText(), /khai sinh/i);
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => !document.getElementById('boot'));
  assert.equal(wasm.length, 1);
  assert.match(await page.locator('main h1').innerText(), /khai sinh/i);
  assert.deepEqual(page.errors, []);
});

test('a reader who chose English before gets the English page without waiting for a tap', async () => {
  const page = await h.page();
  await page.addInitScript(() => localStorage.setItem('cuaso.lang', 'en'));
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('_bg.wasm')) wasm.push(Date.now()); });
  await page.goto(h.url + '/tinh/48', { waitUntil: 'commit' });
  await page.waitForLoadState('load');
  const loaded = Date.now();
  await page.waitForFunction(() => !document.getElementById('boot') && document.documentElement.lang === 'en');
  // The idle start comes 5 s after load at the earliest: this is the start at once.
  assert.equal(wasm.length, 1);
  assert.ok(wasm[0] < loaded + 4000, `the app was asked for ${wasm[0] - loaded} ms after load`);
  await page.getByRole('heading', { level: 2, name: 'Provincial Public Administrative Service Centre' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('a procedure page is real HTML: its text is in the response and it reads with JavaScript off', async () => {
  const version = JSON.parse(fs.readFileSync(path.join(DIST, 'data/catalogue.json'), 'utf8')).version;
  const procedure = JSON.parse(fs.readFileSync(path.join(DIST, 'data', version, 'thu-tuc/1.001193.json'), 'utf8'));
  const html = await (await fetch(h.url + '/thu-tuc/1.001193')).text();
  assert.ok(html.includes(`<title>${procedure.name}`), 'the title names the procedure');
  assert.ok(html.includes(procedure.name), 'the name is in the HTML');
  assert.ok(html.includes('data-testid="documents"'), 'the documents are in the HTML');
  const context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(h.url + '/thu-tuc/1.001193');
  assert.match(await page.locator('h1').first().innerText(), /khai sinh/i);
  assert.ok(await page.locator('[data-testid=documents]').first().isVisible(), 'documents shown without JavaScript');
  // Its links are plain links: the breadcrumb goes home with no app at all.
  await page.locator('.breadcrumb a[href="/"]').first().click();
  await page.locator('[data-testid=province-list]').waitFor();
  await context.close();
});

test('every prerendered page has its own title and description, the search and address forms too', async () => {
  const head = async (url) => {
    const html = await (await fetch(h.url + url)).text();
    return [html.match(/<title>([^<]*)<\/title>/)[1], html.match(/<meta name="description" content="([^"]*)"/)[1]];
  };
  const pages = {
    '/tim-kiem': ['Tìm kiếm — Cửa sổ số', /^Tìm thủ tục hành chính/],
    '/tra-cuu-dia-chi': ['Tra cứu địa chỉ cũ — Cửa sổ số', /^Nhập địa chỉ cũ trước 01\/7\/2025/],
    '/duong-day-nong': ['Đường dây nóng và số điện thoại — Cửa sổ số', /1800 1096/],
  };
  for (const [url, [title, description]] of Object.entries(pages)) {
    const [t, d] = await head(url);
    assert.equal(t, title, url);
    assert.match(d, description, url);
  }
  // In the app, the title follows what is typed.
  const page = await h.page();
  await page.goto(h.url + '/tim-kiem?q=khai+sinh&cap=xa');
  await page.waitForFunction(() => document.title === '“khai sinh” — Tìm kiếm — Cửa sổ số');
  assert.deepEqual(page.errors, []);
});

test('a page asks for each catalogue file once, however many parts of it need the file', async () => {
  for (const path of ['/', '/xa/20242', '/thu-tuc/1.001193', '/tim-kiem?q=khai+sinh']) {
    const page = await h.page();
    // The app's requests, and apart the prerendered page's own search worker's
    // (told by their referrer, its script): each asks for a file once. (The two
    // share the HTTP cache, which the host makes immutable: docs/hosting.md.)
    const seen = { app: [], worker: [] };
    page.on('request', async (r) => {
      if (!new URL(r.url()).pathname.startsWith('/data/')) return;
      const from = /\/search-[0-9a-f]+\/worker\.js/.test((await r.allHeaders()).referer ?? '') ? 'worker' : 'app';
      seen[from].push(new URL(r.url()).pathname);
    });
    await page.goto(h.url + path);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    for (const list of [seen.app, seen.worker]) {
      const twice = list.filter((p, i) => list.indexOf(p) !== i);
      assert.deepEqual(twice, [], `${path} fetched again: ${twice.join(', ')}`);
    }
    assert.ok(seen.app.includes('/data/catalogue.json'), `${path}: ${seen.app.join(', ')}`);
    await page.context().close();
  }
});
