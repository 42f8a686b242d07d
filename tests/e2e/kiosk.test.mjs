// Kiosk mode (?che-do=kiosk): on-screen keyboard, 48 px targets, nothing
// leaves the app, the mode stays on every page, and the idle reset clears
// everything the last person left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, axeViolations, smallTargets } from './harness.mjs';

const SCREEN = { width: 1080, height: 1600 };

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

test('the on-screen keyboard types “Đăng ký khai sinh” with taps only, and results follow', async () => {
  const page = await h.page(SCREEN);
  await page.goto(h.url + '/?che-do=kiosk');
  await page.getByTestId('province-list').waitFor();
  assert.equal(await page.getByTestId('keyboard').count(), 0, 'keyboard hidden until a box is chosen');
  await page.getByRole('searchbox').click();
  const kb = page.getByTestId('keyboard');
  await kb.waitFor();
  const tap = async (name) => kb.getByRole('button', { name, exact: true }).click();
  // Đ needs Shift: two taps; every toned vowel is two taps (vowel, tone).
  const taps = ['Chữ hoa', 'Đ', 'ă', 'n', 'g', 'Dấu cách', 'k', 'y', 'Dấu sắc', 'Dấu cách',
    'k', 'h', 'a', 'i', 'Dấu cách', 's', 'i', 'n', 'h', 'x', 'Xóa'];
  for (const t of taps) await tap(t);
  const box = page.getByRole('searchbox');
  assert.equal(await box.inputValue(), 'Đăng ký khai sinh');
  await page.waitForURL((u) => u.pathname === '/tim-kiem' && u.searchParams.get('q') === 'Đăng ký khai sinh');
  assert.equal(new URL(page.url()).searchParams.get('che-do'), 'kiosk');
  await page.locator('main ol li a').first().waitFor();
  const first = await page.locator('main ol li a').first().getAttribute('href');
  assert.ok(first.startsWith('/thu-tuc/1.001193'), first);
  // Every tone key is labelled for screen readers.
  for (const tone of ['sắc', 'huyền', 'hỏi', 'ngã', 'nặng']) {
    assert.equal(await kb.getByRole('button', { name: `Dấu ${tone}` }).count(), 1);
  }
  // The device's own keyboard stays away.
  assert.equal(await box.getAttribute('inputmode'), 'none');
  assert.deepEqual(page.errors, []);
});

test('every target is at least 48 px, with larger type', async () => {
  const page = await h.page(SCREEN);
  for (const [path, proof] of [['/xa/20242', 'Lê Hồng Phong'], ['/thu-tuc/1.001193', 'Giấy chứng sinh'], ['/', 'Thành phố Hồ Chí Minh']]) {
    await page.goto(h.url + path + '?che-do=kiosk');
    await page.getByText(proof).first().waitFor();
    const small = await smallTargets(page, 'main a, main button, main input, main select, main summary, header a, header button, .kiosk-bar a, .kiosk-bar button, footer a, footer summary', 'p', 48);
    assert.deepEqual(small, [], path);
  }
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(size >= 20, `root font size ${size}px`);
});

test('external links show a QR code instead of leaving; every page can go to a phone', async () => {
  const page = await h.page(SCREEN);
  await page.goto(h.url + '/thu-tuc/1.001193?che-do=kiosk');
  await page.getByText('Giấy chứng sinh').first().waitFor();
  const outside = await page.evaluate(() => [...document.querySelectorAll('a[href]')]
    .map((a) => a.href).filter((href) => !href.startsWith(location.origin)));
  assert.deepEqual(outside, []);
  const before = page.url();
  await page.getByRole('button', { name: /Xem trên Cổng Dịch vụ công quốc gia/ }).click();
  const dialog = page.getByTestId('qr-dialog');
  await dialog.getByRole('img', { name: 'Mã QR của liên kết' }).waitFor();
  assert.match(await dialog.getByTestId('qr-url').innerText(), /^https:\/\/dichvucong\.gov\.vn\//);
  assert.equal(page.url(), before);
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Mang sang điện thoại' }).click();
  assert.equal(await dialog.getByTestId('qr-url').innerText(), h.url + '/thu-tuc/1.001193');
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  // Phone numbers are QR codes too, of a tel: link.
  await page.goto(h.url + '/duong-day-nong?che-do=kiosk');
  await page.getByRole('button', { name: /1800 1096/ }).first().click();
  assert.equal(await dialog.getByTestId('qr-url').innerText(), 'tel:18001096');
  assert.equal(await page.getByRole('button', { name: 'In trang này' }).count(), 1);
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  // No keyboard for a long text: "Báo lỗi" is a QR code of the report page, to write on a phone.
  await page.getByRole('button', { name: 'Báo lỗi' }).click();
  assert.equal(await dialog.getByTestId('qr-url').innerText(), h.url + '/bao-loi?trang=%2Fduong-day-nong');
  assert.deepEqual(page.errors, []);
});

test('the mode stays on in-app links; a physical keyboard types Telex in every box', async () => {
  const page = await h.page(SCREEN);
  await page.goto(h.url + '/?che-do=kiosk&cho=600');
  await page.getByTestId('province-list').waitFor();
  const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 30);
  assert.deepEqual(hrefs.filter((h) => !h.includes('che-do=kiosk&cho=600')), []);
  await page.getByRole('link', { name: /Hotlines|Đường dây nóng/ }).click();
  await page.waitForURL((u) => u.pathname === '/duong-day-nong' && u.search.includes('che-do=kiosk&cho=600'));
  // Telex without an input method: “hai chaau” is Hải Châu.
  await page.getByLabel('Lọc theo tên tỉnh, xã, phường').pressSequentially('hai chaau');
  await page.getByRole('link', { name: 'Phường Hải Châu' }).waitFor();
  assert.ok(page.url().includes('che-do=kiosk'), page.url());
  await page.goto(h.url + '/tra-cuu-dia-chi?che-do=kiosk');
  await page.getByLabel(/Địa chỉ cũ/).pressSequentially('hangf troongs hoanf kieems');
  await page.getByTestId('address-results').waitFor();
  assert.match(await page.getByTestId('address-results').innerText(), /Phường Hàng Trống/);
});

test('idle: a countdown warning, then a reset that clears inputs, language, storage and history', async () => {
  const page = await h.page(SCREEN);
  await page.goto(h.url + '/?che-do=kiosk&cho=10');
  await page.getByTestId('province-list').waitFor();
  const startLength = await page.evaluate(() => history.length);
  await page.evaluate(() => { sessionStorage.setItem('test.left', 'x'); localStorage.setItem('test.left', 'x'); });
  // A person uses it: English, a search, a procedure, a province chosen.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('searchbox').pressSequentially('dangw kys khai sinh');
  await page.locator('main ol li a').first().click();
  await page.getByText('Giấy chứng sinh').first().waitFor();
  await page.locator('select').first().selectOption('79');
  assert.equal(await page.evaluate(() => localStorage.getItem('cuaso.tinh')), '79');
  assert.equal(await page.evaluate(() => history.length), startLength, 'no history entry added');
  // Still there: the warning comes, “I'm still here” keeps the session.
  const warning = page.getByTestId('idle-dialog');
  await warning.getByRole('heading', { name: 'Are you still there?' }).waitFor({ timeout: 12000 });
  assert.match(await warning.innerText(), /In \d seconds/);
  await warning.getByRole('button', { name: "I'm still here" }).click();
  await warning.waitFor({ state: 'hidden' });
  assert.match(page.url(), /\/thu-tuc\/1\.001193/);
  // Gone: the reset.
  await warning.waitFor({ timeout: 12000 });
  await page.waitForURL(h.url + '/?che-do=kiosk&cho=10', { timeout: 12000 });
  await page.getByRole('heading', { level: 1, name: 'Bạn cần làm thủ tục gì?' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await page.getByRole('searchbox').inputValue(), '');
  const stored = await page.evaluate(() => ({
    session: sessionStorage.length,
    left: localStorage.getItem('test.left'),
    tinh: localStorage.getItem('cuaso.tinh'),
    lang: localStorage.getItem('cuaso.lang'),
  }));
  assert.deepEqual(stored, { session: 0, left: null, tinh: null, lang: 'vi' });
  assert.equal(await page.evaluate(() => history.length), startLength, 'Back cannot reach the last person’s pages');
  assert.deepEqual(page.errors, []);
});

test('axe: a kiosk page with the keyboard open, and the QR dialog, have no WCAG 2.2 AA violations', async () => {
  const page = await h.page(SCREEN);
  await page.goto(h.url + '/?che-do=kiosk');
  await page.getByTestId('province-list').waitFor();
  await page.getByRole('searchbox').click();
  await page.getByTestId('keyboard').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.goto(h.url + '/xa/00070?che-do=kiosk');
  await page.getByText('Phường Hàng Trống').first().waitFor();
  await page.getByRole('button', { name: 'Mang sang điện thoại' }).click();
  await page.getByTestId('qr-dialog').getByRole('img').waitFor();
  assert.deepEqual(await axeViolations(page), []);
});
