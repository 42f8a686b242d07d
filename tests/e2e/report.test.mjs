// "Báo lỗi / Report an error": one tap from every page's footer and from a gap
// the page admits, a report that names the page and the data's version, kept
// across a reload, and sent only where the publisher names a destination
// (publisher.json's `report`; the project's own copy names none).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, DIST, axeViolations, noHorizontalScroll } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'catalogue.json'), 'utf8'));
const birth = JSON.parse(fs.readFileSync(path.join(DIST, 'data', manifest.version, 'thu-tuc', '1.001193.json'), 'utf8'));

/** The served catalogue.json with the publisher's `report` set to `to`. */
async function reportTo(page, to) {
  await page.route('**/data/catalogue.json', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.publisher = { ...json.publisher, report: to };
    await route.fulfill({ response, json });
  });
}

test('from a procedure page, the footer opens a report about it, kept across a reload', async () => {
  const page = await h.page(undefined, { permissions: ['clipboard-read', 'clipboard-write'] });
  // The link is in the page's HTML, before any wasm.
  await page.goto(h.url + '/thu-tuc/1.001193', { waitUntil: 'domcontentloaded' });
  const link = page.locator('#boot footer a.report-error');
  assert.equal(await link.getAttribute('href'), '/bao-loi?trang=%2Fthu-tuc%2F1.001193');
  assert.equal(await link.innerText(), 'Báo lỗi');
  await page.goto(h.url + '/thu-tuc/1.001193');
  await page.locator('footer a.report-error').click();
  await page.waitForURL(/\/bao-loi\?trang=%2Fthu-tuc%2F1\.001193$/);
  await page.getByRole('heading', { level: 1, name: 'Báo lỗi' }).waitFor();
  const about = page.getByTestId('report-about').getByRole('link', { name: '/thu-tuc/1.001193' });
  assert.equal(await about.getAttribute('href'), '/thu-tuc/1.001193');
  // Who can correct it at the source: the procedure's official page, from its record.
  const official = page.getByTestId('report-source').getByRole('link');
  assert.equal(await official.getAttribute('href'), birth.official_url);
  // No destination named: said plainly, with the national line; no send button.
  assert.match(await page.getByTestId('no-destination').innerText(), /chưa có địa chỉ nhận báo lỗi.*1800 1096/s);
  assert.equal(await page.getByRole('link', { name: 'Gửi qua email' }).count(), 0);

  await page.getByLabel('Điều gì sai hoặc còn thiếu?').fill('Tờ khai thiếu mẫu số 01 <b>');
  const body = await page.getByTestId('report-body').inputValue();
  assert.equal(
    body,
    `Trang: ${h.url}/thu-tuc/1.001193\nDữ liệu: phiên bản ${manifest.version}, tạo ngày ${manifest.built.split('-').reverse().join('/')}\n\n` +
      'Điều sai hoặc còn thiếu:\nTờ khai thiếu mẫu số 01 <b>\n',
  );
  await page.getByRole('button', { name: 'Chép nội dung' }).click();
  await page.getByRole('button', { name: 'Đã chép' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), body);

  await page.reload();
  await page.getByTestId('report-body').waitFor();
  assert.equal(await page.getByLabel('Điều gì sai hoặc còn thiếu?').inputValue(), 'Tờ khai thiếu mẫu số 01 <b>');
  assert.equal(await page.locator('main b').count(), 0);
  await noHorizontalScroll(page);
  assert.deepEqual(await axeViolations(page), []);
  // Back to the page it is about.
  await about.click();
  await page.waitForURL(/\/thu-tuc\/1\.001193$/);
  assert.deepEqual(page.errors, []);
});

test('a centre with no published contact offers the report right beside the gap', async () => {
  const page = await h.page();
  await page.goto(h.url + '/xa/00070');
  const card = page.getByTestId('centre-card').first();
  const link = card.getByRole('link', { name: 'Biết địa chỉ, số điện thoại? Báo cho Cửa sổ số' });
  assert.equal(await link.getAttribute('href'), '/bao-loi?trang=%2Fxa%2F00070');
  await link.click();
  await page.getByTestId('report-about').getByRole('link', { name: '/xa/00070' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
});

test('a province with no own procedures in the catalogue offers the report beside that gap', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tinh/33');
  const link = page.getByRole('link', { name: 'Tỉnh đã công bố? Báo cho Cửa sổ số' });
  assert.equal(await link.getAttribute('href'), '/bao-loi?trang=%2Ftinh%2F33');
  assert.match(await link.locator('xpath=..').innerText(), /^Cửa sổ số chưa có bản ghi đã công bố về thủ tục riêng của Tỉnh Hưng Yên\./);
  assert.deepEqual(page.errors, []);
});

test('where the publisher names an address, the report goes by email with its text', async () => {
  const page = await h.page();
  await reportTo(page, 'mailto:gopy@example.gov.vn');
  await page.goto(h.url + '/bao-loi?trang=%2Fxa%2F00070&lang=en');
  await page.getByRole('heading', { level: 1, name: 'Report an error' }).waitFor();
  await page.getByLabel('What is wrong or missing?').fill('The phone is 024 3825 & more');
  const send = page.getByRole('link', { name: 'Send by email' });
  const href = await send.getAttribute('href');
  const [address, query] = href.split('?');
  assert.equal(address, 'mailto:gopy@example.gov.vn');
  const params = Object.fromEntries(query.split('&').map((kv) => kv.split('=')).map(([k, v]) => [k, decodeURIComponent(v)]));
  assert.equal(params.subject, 'Cửa sổ số error report: /xa/00070');
  assert.equal(params.body, await page.getByTestId('report-body').inputValue());
  assert.match(params.body, /^Page: http:\/\/[^\n]+\/xa\/00070\?lang=en\n[\s\S]*The phone is 024 3825 & more\n$/);
  assert.equal(await page.getByTestId('no-destination').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('a destination that is no address or https page is never a link', async () => {
  for (const to of ['javascript:alert(1)', 'http://example.gov.vn/gop-y', 'mailto:a@b.vn?bcc=c@d.vn']) {
    const page = await h.page();
    await reportTo(page, to);
    page.on('dialog', () => assert.fail(`a dialog opened for ${to}`));
    await page.goto(h.url + '/bao-loi?trang=%2F');
    await page.getByTestId('no-destination').waitFor();
    assert.equal(await page.locator('main a[href^="javascript"], main a[href^="http://example"], main a[href*="bcc"]').count(), 0, to);
    await page.context().close();
  }
  const page = await h.page();
  await reportTo(page, 'https://example.gov.vn/gop-y');
  await page.goto(h.url + '/bao-loi?trang=%2Fduong-day-nong');
  const open = page.getByRole('link', { name: /Mở trang nhận báo lỗi/ });
  assert.equal(await open.getAttribute('href'), 'https://example.gov.vn/gop-y');
  assert.equal(await open.getAttribute('target'), '_blank');
});

test('a report link that names no page still works, with a way back', async () => {
  const page = await h.page();
  for (const q of ['trang=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'trang=https%3A%2F%2Fevil.example%2F', '']) {
    await page.goto(h.url + '/bao-loi?' + q);
    const about = page.getByTestId('report-about');
    await about.waitFor();
    assert.match(await about.innerText(), /Liên kết này không nói trang nào/);
    assert.equal(await about.getByRole('link', { name: 'Về trang chủ' }).getAttribute('href'), '/');
    assert.equal(await page.locator('main script').count(), 0);
  }
  assert.deepEqual(page.errors, []);
});
