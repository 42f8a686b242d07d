// "Call someone": the national line, then every province, with the numbers published.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, axeViolations as axe, noHorizontalScroll, smallTargets } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const provinces = (page) => page.getByTestId('hotline-provinces').locator(':scope > li');

test('the national line comes first, then all 34 provinces, each saying what is published', async () => {
  const page = await h.page();
  await page.goto(h.url + '/duong-day-nong');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('h1').count(), 1);
  const firstTel = page.locator('main a[href^="tel:"]').first();
  assert.equal(await firstTel.innerText(), '1800 1096');
  assert.equal(await firstTel.getAttribute('href'), 'tel:18001096');
  assert.match(await page.getByTestId('national-line').innerText(), /Cổng Dịch vụ công quốc gia/);
  await provinces(page).first().waitFor();
  assert.equal(await provinces(page).count(), 34);
  // Three provincial centres have a number a public source reports (Hà Nội, Lai Châu,
  // Đồng Tháp), shown verbatim with its source; every other province says none is published.
  const hcm = provinces(page).filter({ has: page.getByRole('heading', { level: 3, name: 'Thành phố Hồ Chí Minh' }) });
  assert.match(await hcm.locator('.centre-numbers').innerText(), /Chưa công bố/);
  assert.equal(await page.locator('main .centre-numbers', { hasText: 'Chưa công bố' }).count(), 31);
  const lc = provinces(page).filter({ has: page.getByRole('heading', { level: 3, name: 'Tỉnh Lai Châu' }) });
  assert.match(await lc.locator('.centre-numbers').innerText(), /0213\.3796\. 888/);
  // Sorted by name: An Giang before Bắc Ninh before Cà Mau.
  const names = await provinces(page).locator('h3').allInnerTexts();
  assert.ok(names.indexOf('Tỉnh An Giang') < names.indexOf('Tỉnh Bắc Ninh'), names.join(' | '));
  assert.ok(names.indexOf('Tỉnh Bắc Ninh') < names.indexOf('Tỉnh Cà Mau'), names.join(' | '));
  await noHorizontalScroll(page);
  assert.deepEqual(page.errors, []);
});

test('opening a province loads its communes with published numbers', async () => {
  const page = await h.page();
  await page.goto(h.url + '/duong-day-nong');
  const dn = provinces(page).filter({ has: page.getByRole('heading', { level: 3, name: 'Thành phố Đà Nẵng' }) });
  await dn.locator('summary').click();
  const hc = dn.locator('.hotline-communes li', { hasText: 'Phường Hải Châu' });
  await hc.waitFor();
  assert.equal(await hc.locator('a[href="tel:0903570134"]').count(), 1);
  assert.equal(await dn.locator('.hotline-communes li').count(), 93);
  assert.match(await dn.innerText(), /93 \/ 94 xã, phường đã công bố số điện thoại/);
  // A province without published commune numbers says so when opened.
  const hn = provinces(page).filter({ has: page.getByRole('heading', { level: 3, name: 'Thành phố Hà Nội' }) });
  await hn.locator('summary').click();
  await hn.locator('details').getByText('Chưa công bố').waitFor();
  assert.equal(await hn.locator('.hotline-communes li').count(), 0);
  await noHorizontalScroll(page);
  assert.deepEqual(page.errors, []);
});

test('filtering by a commune name, accent-insensitive, shows its phone; the filter is in the URL', async () => {
  const page = await h.page();
  await page.goto(h.url + '/duong-day-nong');
  await provinces(page).first().waitFor();
  await page.getByLabel('Lọc theo tên tỉnh, xã, phường').pressSequentially('hai chau', { delay: 20 });
  await page.waitForURL(/\/duong-day-nong\?q=hai\+chau$/);
  const tel = page.locator('main a[href="tel:0903570134"]');
  await tel.waitFor();
  assert.equal(await tel.innerText(), '0903570134');
  const item = page.locator('.hotline-communes li', { has: page.locator('a[href="tel:0903570134"]') });
  assert.match(await item.innerText(), /Phường Hải Châu/);
  // Only provinces with a matching name stay.
  assert.ok(await provinces(page).count() < 34);
  const shown = await provinces(page).locator('h3').allInnerTexts();
  assert.ok(shown.includes('Thành phố Đà Nẵng'), shown.join(' | '));
  // A shared link shows the same.
  const again = await h.page();
  await again.goto(h.url + '/duong-day-nong?q=h%E1%BA%A3i+ch%C3%A2u');
  await again.locator('main a[href="tel:0903570134"]').waitFor();
  assert.equal(await again.getByLabel('Lọc theo tên tỉnh, xã, phường').inputValue(), 'hải châu');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(again.errors, []);
});

test('English with ?lang=en, and a filter matching nothing says so', async () => {
  const page = await h.page();
  await page.goto(h.url + '/duong-day-nong?q=zzzqqq&lang=en');
  await page.getByRole('heading', { level: 2, name: 'National line' }).waitFor();
  await page.getByText('No province or commune has a matching name').waitFor();
  assert.equal(await provinces(page).count(), 0);
  assert.equal(await page.locator('main a[href="tel:18001096"]').count(), 1);
});

test('the home page links to both new pages', async () => {
  const page = await h.page();
  await page.goto(h.url + '/');
  await page.getByRole('link', { name: 'Đường dây nóng và số điện thoại' }).click();
  await page.waitForURL('**/duong-day-nong');
  await page.goto(h.url + '/');
  await page.getByRole('link', { name: 'Địa chỉ cũ nay thuộc xã, phường nào?' }).click();
  await page.waitForURL('**/tra-cuu-dia-chi');
  await page.getByRole('heading', { level: 1, name: 'Địa chỉ cũ của tôi nay thuộc xã, phường nào?' }).waitFor();
});

for (const [path, proof] of [['/duong-day-nong', 'Tỉnh An Giang'], ['/duong-day-nong?q=hai+chau', '0903570134']]) {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    test(`axe: ${path} at ${viewport.width}px has no WCAG 2.2 AA violations, targets are 44 px`, async () => {
      const page = await h.page(viewport);
      await page.goto(h.url + path);
      await page.locator('main').getByText(proof).first().waitFor();
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(await smallTargets(page), []);
    });
  }
}
