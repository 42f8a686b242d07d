// Journey: "where do I submit it, here?" — from a procedure to the centre that receives it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

test('a commune-level procedure leads to the chosen commune centre, and the choice is remembered', async () => {
  const page = await h.page();
  await page.goto(h.url + '/thu-tuc/1.001193');
  const where = page.getByTestId('where');
  await where.getByText('trung tâm cấp xã').waitFor();
  await where.getByLabel('Tỉnh, thành phố của bạn').selectOption({ label: 'Thành phố Đà Nẵng' });
  const commune = where.getByLabel('Xã, phường của bạn');
  await commune.locator('option', { hasText: 'Phường Hải Châu' }).waitFor({ state: 'attached' });
  await commune.selectOption({ label: 'Phường Hải Châu' });
  const card = where.getByTestId('centre-card');
  await card.getByText('Số 15 đường Lê Hồng Phong').waitFor();
  assert.equal(await card.locator('a[href="tel:0903570134"]').count(), 1);
  assert.match(await where.getByTestId('where-support').innerText(), /Bưu [Cc]ục/);
  // Another procedure, later: the same commune is already chosen.
  await page.goto(h.url + '/thu-tuc/1.001193');
  await page.getByTestId('where').getByTestId('centre-card').getByText('Số 15 đường Lê Hồng Phong').waitFor();
  assert.deepEqual(page.errors, []);
});

test('a province-level procedure shows the provincial centre, or says it is not published', async () => {
  const page = await h.page();
  await page.goto(h.url + '/thu-tuc/1.000028');
  const where = page.getByTestId('where');
  await where.getByText('trung tâm cấp tỉnh').waitFor();
  assert.equal(await where.getByLabel('Xã, phường của bạn').count(), 0);
  await where.getByLabel('Tỉnh, thành phố của bạn').selectOption({ label: 'Thành phố Hồ Chí Minh' });
  const card = where.getByTestId('centre-card');
  await card.getByText('Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh').waitFor();
  const text = await card.innerText();
  assert.match(text, /Chưa công bố/);
  // The centre's address as five outlets reported it (December 2025), verbatim with its source.
  assert.match(text, /số 43 đường Nguyễn Văn Bá, phường Thủ Đức/);
  assert.match(text, /23\/12\/2025/);
});

test('a ministry-level procedure says no local centre handles it', async () => {
  const page = await h.page();
  await page.goto(h.url + '/thu-tuc/1.000010');
  const where = page.getByTestId('where');
  await where.getByText('cơ quan cấp bộ').waitFor();
  assert.equal(await where.locator('select').count(), 0);
});

test('a procedure page offers its link as text and QR code, and prints as a checklist', async () => {
  const page = await h.page();
  await page.goto(h.url + '/thu-tuc/1.001193');
  const share = page.getByTestId('share');
  await share.waitFor();
  assert.equal(await share.getByRole('textbox', { name: 'Liên kết trang này' }).inputValue(), h.url + '/thu-tuc/1.001193');
  const qr = share.getByRole('img', { name: 'Mã QR của liên kết trang này' });
  const box = await qr.boundingBox();
  assert.ok(box.width >= 150, `QR ${box.width}px wide`);
  assert.ok((await qr.locator('path').getAttribute('d')).length > 1000, 'the QR code has modules');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.site-header').isVisible(), false);
  assert.equal(await page.getByText('Danh sách cần chuẩn bị trước khi đi nộp hồ sơ').isVisible(), true);
  const marker = await page.getByTestId('documents').first().locator('li').first()
    .evaluate((li) => getComputedStyle(li, '::before').content);
  assert.match(marker, /☐/);
});
