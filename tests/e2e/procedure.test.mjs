// A procedure page a citizen can act on (#16): what to bring first, fees that
// cannot read "free" beside a fee law, labelled times, a one-page checklist.
// Real procedures of the crawl: 1.001193 (birth), 1.013831 (land transfer),
// 2.001538 (bare-number times).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, noHorizontalScroll } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const SHOTS = path.resolve(import.meta.dirname, '../../target/screenshots');

async function open(p, viewport) {
  const page = await h.page(viewport);
  await page.goto(h.url + p);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByTestId('channels').waitFor();
  return page;
}

/// The first screen, kept for the record (target/screenshots).
async function shoot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}

test('birth registration opens with the form everyone fills in; cases and notes come after', async () => {
  const page = await open('/thu-tuc/1.001193');
  const docs = page.locator('#docs');
  assert.equal(await docs.getAttribute('open'), '', 'what to bring is open on arrival');
  const first = await docs.getByTestId('documents').first().locator('li').first().innerText();
  assert.match(first, /^Tờ khai đăng ký khai sinh/);
  // The abandoned-child case is under "only in the case stated", after the general list.
  const cases = await docs.getByTestId('documents-cases').allInnerTexts();
  assert.ok(cases.some((t) => /bị bỏ rơi/.test(t)), 'the abandoned-child case is a case');
  const everyone = (await docs.getByTestId('documents').allInnerTexts()).join('\n');
  assert.doesNotMatch(everyone, /bị bỏ rơi/);
  assert.match(everyone, /Giấy chứng sinh/);
  // Notes are folded, never counted as papers.
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /0 bản chính/);
  assert.doesNotMatch(text, /0 bản sao/);
  const notes = docs.getByTestId('doc-notes').last();
  assert.equal(await notes.getAttribute('open'), null, 'the portal\'s notes are folded');
  assert.match(await notes.locator('summary').innerText(), /Lưu ý của Cổng \(\d+\)/);
  // What to bring comes before how long and how much.
  const order = await page.locator('main details.proc-section').evaluateAll((ds) => ds.map((d) => d.id));
  assert.deepEqual(order.slice(0, 2), ['docs', 'channels']);
  await shoot(page, 'procedure-1.001193-360.png');
  assert.deepEqual(page.errors, []);
});

test('the land transfer never reads "free": fees may apply, with the portal text beneath', async () => {
  const page = await open('/thu-tuc/1.013831');
  const channels = page.getByTestId('channels');
  const text = await channels.innerText();
  assert.equal((text.match(/Có thể phải nộp phí, lệ phí/g) ?? []).length, 3, text);
  assert.equal(await channels.locator('.free').count(), 0, 'no channel is marked free');
  assert.match(text, /Cổng ghi: «Miễn phí \(Theo quy định của Luật phí và lệ phí/);
  // The portal's own times, postal 4 days against 18, kept as published.
  assert.match(text, /Dịch vụ bưu chính[\s\S]*4 Ngày làm việc/);
  await channels.scrollIntoViewIfNeeded();
  await shoot(page, 'procedure-1.013831-360.png');
  assert.deepEqual(page.errors, []);
});

test('a bare-number time says its unit is not given, with its label, at 360 px', async () => {
  const page = await open('/thu-tuc/2.001538', { width: 360, height: 740 });
  const cell = page.getByTestId('channels').locator('tbody tr').first().locator('td').first();
  const text = await cell.innerText();
  assert.match(text, /Thời hạn giải quyết: 1 — đơn vị chưa ghi/);
  assert.ok(await cell.locator('.cell-label').isVisible(), 'the label shows where the header row is gone');
  await noHorizontalScroll(page);
  await cell.scrollIntoViewIfNeeded();
  await shoot(page, 'procedure-2.001538-360.png');
  // In English too.
  const en = await open('/thu-tuc/2.001538?lang=en', { width: 360, height: 740 });
  assert.match(await en.getByTestId('channels').innerText(), /Time limit: 1 — unit not given/);
  // The description a search engine or a shared link shows follows the language too.
  assert.match(await en.locator('meta[name=description]').last().getAttribute('content'), /^.+ \(2\.001538\): documents to bring/);
  assert.match(await en.title(), / — Cửa sổ số$/);
});

test('printing birth registration gives a one-page checklist with tick boxes and the QR code', async () => {
  const page = await open('/thu-tuc/1.001193', { width: 1000, height: 900 });
  await page.getByTestId('share').waitFor();
  fs.mkdirSync(SHOTS, { recursive: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: false, path: path.join(SHOTS, 'print-1.001193.pdf') });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`print of 1.001193: ${pages} A4 page(s), ${path.join(SHOTS, 'print-1.001193.pdf')}`);
  assert.equal(pages, 1, `print of 1.001193 is ${pages} A4 pages`);
  await page.emulateMedia({ media: 'print' });
  const marker = await page.getByTestId('documents').first().locator('li').first()
    .evaluate((li) => getComputedStyle(li, '::before').content);
  assert.match(marker, /☐/);
  assert.equal(await page.getByTestId('doc-notes').first().isVisible(), false, 'notes are not printed');
  assert.ok(await page.getByRole('img', { name: 'Mã QR của liên kết trang này' }).isVisible(), 'the QR back to the page prints');
});

test('a procedure only the catalogue listed shows the portal\'s structured record, with its source', async () => {
  // 1.115593, Hải Phòng's own: documents, channels and fees from the portal's API record.
  const page = await open('/thu-tuc/1.115593');
  const docs = (await page.getByTestId('documents').allInnerTexts()).join('\n');
  assert.match(docs, /^Văn bản đề nghị xác nhận lại thời hạn sử dụng đất/);
  assert.match(docs, /Mẫu 39 - Đơn xin xác nhận lại thời hạn sử dụng đất nông nghiệp\.pdf/);
  const channels = await page.getByTestId('channels').innerText();
  assert.match(channels, /25,000 Việt Nam Đồng/);
  assert.equal(await page.getByTestId('channels').locator('.free').count(), 0);
  assert.match(await page.locator('main').innerText(), /bản ghi thủ tục có cấu trúc/);
  assert.deepEqual(page.errors, []);
});
