// Search in the app: typing updates the URL and the ranked list; links lead to records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

// Each result's own link (a procedure's level links come after it).
const routes = (page) => page.locator('main ol > li > a:first-child').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

test('typing on the home page goes to results as you type, and the URL follows', async () => {
  const page = await h.page();
  await page.goto(h.url + '/');
  await page.getByTestId('province-list').waitFor();
  await page.getByRole('searchbox').pressSequentially('dang ky khai sinh', { delay: 20 });
  await page.waitForURL(/\/tim-kiem\?q=dang\+ky\+khai\+sinh$/);
  await page.locator('main ol li').first().waitFor();
  assert.equal((await routes(page))[0], '/thu-tuc/1.001193');
  // The box kept focus and the typed text across the navigation.
  assert.equal(await page.getByRole('searchbox').inputValue(), 'dang ky khai sinh');
  await page.getByRole('searchbox').fill('hoa cuong');
  await page.waitForURL(/q=hoa\+cuong/);
  await page.waitForFunction(() => document.querySelector('main ol a')?.getAttribute('href') !== '/thu-tuc/1.001193');
  assert.ok((await routes(page)).slice(0, 3).includes('/xa/20257'));
  // Back returns to the home page, not to each keystroke.
  await page.goBack();
  await page.waitForURL(h.url + '/');
  assert.deepEqual(page.errors, []);
});

test('a shared search link shows the same results on load, and a result leads to its record', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tim-kiem?q=ph%C6%B0%E1%BB%9Dng+ho%C3%A0n+ki%E1%BA%BFm');
  await page.locator('main ol li').first().waitFor();
  assert.equal((await routes(page))[0], '/xa/00070');
  await page.locator('main ol > li > a').first().click();
  await page.waitForURL('**/xa/00070');
  await page.getByRole('heading', { level: 1, name: 'Phường Hoàn Kiếm' }).waitFor();
});

test('an old address leads to the new commune', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tim-kiem?q=hang+trong');
  await page.locator('main ol li').first().waitFor();
  const items = await page.locator('main ol li').allInnerTexts();
  const i = items.findIndex((t) => /Phường Hàng Trống/.test(t));
  assert.ok(i >= 0 && i < 5, items.slice(0, 5).join(' | '));
  assert.equal((await routes(page))[i], '/xa/00070');
});

test('filters are URL parameters, and no result says what might help', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tim-kiem?q=khai+sinh&cap=xa&kenh=truc-tuyen');
  await page.locator('main ol li').first().waitFor();
  assert.ok((await routes(page)).every((r) => r.startsWith('/thu-tuc/')));
  await page.getByLabel('Cách nộp').selectOption('');
  await page.waitForURL((u) => !u.search.includes('kenh='));
  await page.goto(h.url + '/tim-kiem?q=zzzqqqxxx');
  const none = page.getByRole('status').filter({ hasText: 'Không có kết quả' });
  await none.waitFor();
  assert.match(await none.innerText(), /phuong 1 quan 3/);
});

test('hostile or huge queries answer without breaking the page', async () => {
  const page = await h.page();
  // About 3 KB encoded: URLs past ~8 KB are refused by many servers before the app sees them.
  const huge = encodeURIComponent('<img src=x onerror=alert(1)>'.repeat(60) + ' 🙂\u0301\u0301\u202e');
  let dialog = false;
  page.on('dialog', async (d) => { dialog = true; await d.dismiss(); });
  await page.goto(h.url + '/tim-kiem?q=' + huge);
  await page.getByRole('heading', { level: 1, name: 'Tìm kiếm' }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(dialog, false);
  assert.equal(await page.locator('main img').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('a sentence finds what it means, not a place that shares its words', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tim-kiem?q=' + encodeURIComponent('can lam gi khi nguoi nha mat'));
  await page.getByTestId('results').locator('li').first().waitFor();
  assert.equal((await routes(page))[0], '/thu-tuc/1.000656');
  // Phường Nhà Mát is no answer.
  const answers = await page.getByTestId('results').locator(':scope > li').allInnerTexts();
  assert.ok(answers.every((t) => !/Nhà Mát/.test(t)), answers.join(' | '));
  assert.deepEqual(page.errors, []);
});

test('an English query finds the procedure and shows its English name; others say they have a Vietnamese name only', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tim-kiem?q=birth+certificate&lang=en');
  await page.getByTestId('results').locator('li').first().waitFor();
  assert.equal((await routes(page))[0], '/thu-tuc/1.001193');
  await page.getByTestId('results').getByRole('link', { name: 'Birth registration' }).first().waitFor();
  // A procedure without an English name keeps its Vietnamese one and says so.
  await page.goto(h.url + '/tim-kiem?q=' + encodeURIComponent('cap lai tem AB ho chieu') + '&lang=en');
  await page.locator('main ol > li').first().waitFor();
  const texts = await page.locator('main ol > li').allInnerTexts();
  assert.ok(texts.some((t) => /Vietnamese name only/.test(t)), texts.join(' | '));
  assert.deepEqual(page.errors, []);
});

test('an address as written on a document, house number and street included, finds its ward', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tim-kiem?q=' + encodeURIComponent('12 Nguyễn Trãi, P. 6, Q. 10, TP.HCM'));
  await page.getByTestId('results').locator('li').first().waitFor();
  assert.equal((await routes(page))[0], '/xa/27169');
  const first = await page.getByTestId('results').locator(':scope > li').first().innerText();
  assert.match(first, /Phường 6/);
  assert.match(first, /Quận 10/);
  assert.deepEqual(page.errors, []);
});

test('one result per procedure family, with its levels; less related results wait below', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tim-kiem?q=' + encodeURIComponent('cap ho chieu pho thong'));
  await page.getByTestId('results').locator('li').first().waitFor();
  const r = await routes(page);
  // The provincial and the central procedure are one result.
  assert.equal(r.filter((x) => x === '/thu-tuc/1.001456' || x === '/thu-tuc/1.001471').length, 1, r.join(' '));
  const item = page.locator('main ol > li').filter({ hasText: 'Cấp hộ chiếu phổ thông ở trong nước' }).first();
  assert.match(await item.innerText(), /cấp tỉnh · cấp bộ|cấp bộ · cấp tỉnh/);
  await page.goto(h.url + '/tim-kiem?q=dang+ky+khai+sinh');
  const more = page.getByTestId('more-results');
  await more.waitFor({ state: 'attached' });
  assert.equal(await more.getAttribute('open'), null);
  assert.match(await more.locator('summary').innerText(), /Thêm kết quả ít liên quan/);
});

test('a topic the catalogue lacks says so and links the national portal; one it holds is answered', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tim-kiem?q=' + encodeURIComponent('xin cấp lại học bạ'));
  const note = page.getByTestId('coverage');
  await note.waitFor();
  assert.match(await note.innerText(), /học bạ/);
  assert.match(await note.innerText(), /Danh mục của Cửa sổ số chưa có thủ tục nào về học bạ/);
  assert.match(await note.getByRole('link').getAttribute('href'), /^https:\/\/dichvucong\.gov\.vn\//);
  // Unemployment benefit: in the July 2026 catalogue, so answered, with no notice.
  await page.goto(h.url + '/tim-kiem?q=' + encodeURIComponent('thu tuc xin tro cap that nghiep'));
  await page.locator('main ol > li > a').first().waitFor();
  assert.match(await page.locator('main ol > li > a').first().innerText(), /thất nghiệp/);
  assert.equal(await page.getByTestId('coverage').count(), 0);
  assert.deepEqual(page.errors, []);
});
