// "Which commune am I in now?": an old address leads to its new commune(s).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, axeViolations as axe, noHorizontalScroll, smallTargets } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const results = (page) => page.getByTestId('address-results').locator(':scope > li');

test('the empty page explains what to type, with examples that work', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tra-cuu-dia-chi');
  await page.getByRole('heading', { level: 1, name: 'Địa chỉ cũ của tôi nay thuộc xã, phường nào?' }).waitFor();
  assert.equal(await page.locator('h1').count(), 1);
  const examples = page.getByTestId('address-examples').locator('a');
  assert.ok(await examples.count() >= 2);
  await page.getByRole('link', { name: 'phuong 1 quan 3' }).click();
  await page.waitForURL(/\/tra-cuu-dia-chi\?q=phuong\+1\+quan\+3$/);
  await results(page).first().waitFor();
  assert.match(await page.title(), /Tra cứu địa chỉ cũ/);
  await noHorizontalScroll(page);
  assert.deepEqual(page.errors, []);
});

test('typing an old ward and district shows it and its new commune, and the URL follows', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tra-cuu-dia-chi');
  const box = page.getByLabel(/Địa chỉ cũ/);
  await box.pressSequentially('phuong 1 quan 3', { delay: 20 });
  await page.waitForURL(/\/tra-cuu-dia-chi\?q=phuong\+1\+quan\+3$/);
  const first = results(page).first();
  await first.waitFor();
  await page.waitForFunction(() => /Quận 3/.test(document.querySelector('[data-testid=address-results] > li')?.innerText ?? ''));
  // Phường 1, Quận 3 (old code 27160) became Phường Bàn Cờ (27160) of Hồ Chí Minh City.
  assert.equal(await first.getByRole('heading', { level: 3 }).innerText(), 'Phường 1');
  const text = await first.innerText();
  assert.match(text, /Quận 3, Thành phố Hồ Chí Minh/);
  assert.match(text, /Nay thuộc/);
  const link = first.getByRole('link', { name: 'Phường Bàn Cờ' });
  assert.equal(await link.getAttribute('href'), '/xa/27160');
  assert.equal(await box.inputValue(), 'phuong 1 quan 3');
  // Results are inside <main>, and the link leads to the commune.
  assert.equal(await page.locator('main [data-testid=address-results]').count(), 1);
  await link.click();
  await page.waitForURL('**/xa/27160');
  await page.getByRole('heading', { level: 1, name: 'Phường Bàn Cờ' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('a split old unit lists every new commune and marks the default', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tra-cuu-dia-chi?q=xa+hoa+lien+hoa+vang');
  const item = results(page).filter({ hasText: 'Huyện Hòa Vang' }).filter({ has: page.getByRole('heading', { name: 'Xã Hòa Liên' }) }).first();
  await item.waitFor();
  const text = await item.innerText();
  assert.match(text, /được chia/);
  const links = item.locator('.successors li');
  assert.equal(await links.count(), 2);
  const hrefs = await item.locator('.successors a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual([...hrefs].sort(), ['/xa/20195', '/xa/20197']);
  const defaults = links.filter({ hasText: 'mặc định' });
  assert.equal(await defaults.count(), 1);
  assert.equal(await defaults.locator('a').getAttribute('href'), '/xa/20197');
  assert.match(await defaults.innerText(), /Phường Liên Chiểu/);
  assert.deepEqual(page.errors, []);
});

test('an accented address in another order works too, and new communes of that name are listed apart', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tra-cuu-dia-chi?q=' + encodeURIComponent('Hàng Trống, Hoàn Kiếm'));
  const first = results(page).first();
  await first.waitFor();
  assert.equal(await first.getByRole('heading', { level: 3 }).innerText(), 'Phường Hàng Trống');
  assert.match(await first.innerText(), /Quận Hoàn Kiếm/);
  // Phường Hoàn Kiếm is also the name of a new ward.
  await page.getByRole('heading', { level: 2, name: 'Tên này cũng là một xã, phường mới' }).waitFor();
  const hrefs = await page.getByTestId('address-new').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.includes('/xa/00070'), hrefs.join(' '));
});

test('no result says so and suggests what helps', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tra-cuu-dia-chi?q=zzzqqqxxx');
  const none = page.getByTestId('address-none');
  await none.waitFor();
  const text = await none.innerText();
  assert.match(text, /Không tìm thấy địa chỉ cũ nào khớp/);
  assert.match(text, /quận, huyện/);
  assert.match(text, /không dấu/);
  assert.equal(await results(page).count(), 0);
  assert.deepEqual(page.errors, []);
});

test('?lang=en shows English labels', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tra-cuu-dia-chi?q=xa+hoa+lien+hoa+vang&lang=en');
  await page.getByRole('heading', { level: 1, name: 'Which commune is my old address in now?' }).waitFor();
  await page.getByLabel(/Old address/).waitFor();
  const item = results(page).filter({ has: page.getByRole('heading', { name: 'Xã Hòa Liên' }) }).first();
  await item.waitFor();
  const text = await item.innerText();
  assert.match(text, /divided/);
  assert.match(text, /default/);
  assert.match(await page.title(), /Look up an old address/);
});

test('no horizontal scroll at 360 px with long results', async () => {
  const page = await h.page({ width: 360, height: 740 });
  await page.goto(h.url + '/tra-cuu-dia-chi?q=xa+hoa+lien+hoa+vang+da+nang');
  await results(page).first().waitFor();
  await noHorizontalScroll(page);
  assert.deepEqual(page.errors, []);
});

for (const [path, proof] of [['/tra-cuu-dia-chi', 'phuong 1 quan 3'], ['/tra-cuu-dia-chi?q=xa+hoa+lien+hoa+vang', 'mặc định'], ['/tra-cuu-dia-chi?q=zzzqqq', 'Không tìm thấy địa chỉ cũ']]) {
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
