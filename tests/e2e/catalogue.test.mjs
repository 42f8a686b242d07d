// The portal's whole catalogue in the app (#13), on real records: a procedure
// only the July 2026 catalogue lists, a province's own procedures, reported
// centres and hotlines, and where a commune's procedures are received.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, axeViolations } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const routes = (page) => page.locator('main ol li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

// 1.014748 "Hưởng trợ cấp thất nghiệp (Cấp tỉnh)", published by Bộ Nội vụ: in the
// portal's catalogue (portal id 019d2bfb-2b1d-…), not in the older crawl.
const UNEMPLOYMENT = '1.014748';
const UNEMPLOYMENT_URL = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfb-2b1d-7649-8f76-f5315475eb46';

test('a catalogue-only procedure shows what the catalogue has, links its official page, and no empty sections', async () => {
  const page = await h.page();
  await page.goto(h.url + '/thu-tuc/' + UNEMPLOYMENT);
  await page.getByRole('heading', { level: 1, name: 'Hưởng trợ cấp thất nghiệp (Cấp tỉnh)' }).waitFor();
  const note = page.getByTestId('catalogue-only');
  assert.match(await note.innerText(), /Chi tiết thủ tục có trên trang chính thức/);
  assert.match(await note.innerText(), /không có nghĩa là không cần/);
  assert.equal(await page.getByTestId('official-link').locator('a').getAttribute('href'), UNEMPLOYMENT_URL);
  const facts = await page.locator('dl.facts').innerText();
  assert.match(facts, /1\.014748/);
  assert.match(facts, /Bộ Nội vụ/);
  // No "documents", "fees" or "steps" section that would read as "none required".
  for (const id of ['docs-h', 'channels-h', 'steps-h']) assert.equal(await page.locator('#' + id).count(), 0, id);
  assert.equal(await page.getByTestId('documents').count(), 0);
  assert.match(await page.locator('.source-note').innerText(), /OpenGOV/);
  // In English too.
  await page.goto(h.url + '/thu-tuc/' + UNEMPLOYMENT + '?lang=en');
  await page.getByText('The details are on the official page').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
});

test('a catalogue-only procedure is found by its name', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tim-kiem?q=' + encodeURIComponent('hưởng trợ cấp thất nghiệp'));
  await page.locator('main ol li').first().waitFor();
  assert.ok((await routes(page)).slice(0, 5).includes('/thu-tuc/' + UNEMPLOYMENT), (await routes(page)).slice(0, 5).join(' '));
  await page.goto(h.url + '/tim-kiem?q=' + encodeURIComponent('cap the bao hiem y te'));
  await page.locator('main ol li').first().waitFor();
  assert.ok((await routes(page)).slice(0, 5).includes('/thu-tuc/1.014137'), 'Thủ tục cấp thẻ bảo hiểm y tế (Bộ Y tế)');
});

test('a crawled procedure still shows its documents; an internal one says it is internal', async () => {
  const page = await h.page();
  await page.goto(h.url + '/thu-tuc/1.001193');
  await page.getByTestId('documents').first().waitFor();
  assert.equal(await page.getByTestId('catalogue-only').count(), 0);
  // 5.002548 "Phê duyệt quy hoạch phát triển hệ thống cảng cạn": STANDARD_INTERNAL in the catalogue.
  await page.goto(h.url + '/thu-tuc/5.002548');
  await page.getByTestId('kind-note').waitFor();
  assert.match(await page.getByTestId('kind-note').innerText(), /nội bộ/);
});

test('/tinh/24 lists Bắc Ninh\'s own procedures, and /minh-bach counts them', async () => {
  const page = await h.page();
  await page.goto(h.url + '/tinh/24');
  const own = page.getByTestId('own-procedures');
  await own.getByText(/^99 thủ tục do Tỉnh Bắc Ninh ban hành/).waitFor();
  // 1.006865: the province's artisan title in intangible cultural heritage.
  const heritage = own.locator('details.field-group', { hasText: /^Di sản văn hóa/ });
  await heritage.locator('summary').click();
  await heritage.getByRole('link', {
    name: 'Thủ tục xét tặng danh hiệu nghệ nhân trong lĩnh vực Di sản văn hóa phi vật thể tỉnh Bắc Ninh',
  }).click();
  await page.waitForURL('**/thu-tuc/1.006865');
  await page.getByTestId('kind-note').getByRole('link', { name: 'Tỉnh Bắc Ninh' }).waitFor();
  assert.equal(await page.getByTestId('official-link').locator('a').getAttribute('href'),
    'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d7c6d-5f9f-7218-ac56-8144eb8b7541');
  // The same list as a filter of /linh-vuc.
  await page.goto(h.url + '/linh-vuc?tinh=24');
  await page.getByTestId('own-filter').getByRole('link', { name: 'Tỉnh Bắc Ninh' }).waitFor();
  await page.getByRole('status').getByText(/^99 thủ tục trong/).waitFor();
  // A province with none in this catalogue says the gap is the catalogue's.
  await page.goto(h.url + '/tinh/33');
  await page.getByTestId('own-procedures').getByText(/Cửa sổ số chưa có bản ghi đã công bố/).waitFor();
  await page.goto(h.url + '/minh-bach');
  const cell = page.locator('tbody tr[data-code="24"] [data-col="own-procedures"]');
  await cell.waitFor();
  assert.equal(await cell.innerText(), '99');
  assert.match(await page.locator('h1').innerText(), /Cửa sổ số có gì về từng tỉnh/);
  assert.deepEqual(page.errors, []);
});

test('search: a province\'s own procedure says whose it is, and another province\'s filter leaves it out', async () => {
  const page = await h.page();
  const q = encodeURIComponent('xét tặng danh hiệu nghệ nhân di sản văn hóa phi vật thể bắc ninh');
  const heritage = 'a[href="/thu-tuc/1.006865"]';
  await page.goto(h.url + `/tim-kiem?q=${q}`);
  const item = page.getByTestId('results').locator('li', { has: page.locator(heritage) }).first();
  await item.waitFor();
  assert.match(await item.getByTestId('own-procedure').innerText(), /^riêng của Tỉnh Bắc Ninh$/);
  // Hồ Chí Minh City's filter (and its wards') leaves Bắc Ninh's own procedure out.
  await page.goto(h.url + `/tim-kiem?q=${q}&tinh=79`);
  await page.getByTestId('results').waitFor();
  assert.equal(await page.locator(heritage).count(), 0);
  // Bắc Ninh's keeps it; "Thủ tục riêng của tỉnh" keeps only provinces' own.
  await page.goto(h.url + `/tim-kiem?q=${q}&tinh=24&loai=rieng`);
  await page.locator(heritage).first().waitFor();
  const owns = await page.locator('ol.results > li').evaluateAll((lis) =>
    lis.map((li) => li.querySelector('[data-testid=own-procedure]')?.textContent ?? ''));
  assert.ok(owns.length > 0 && owns.every((t) => t === 'riêng của Tỉnh Bắc Ninh'), owns.join(' | '));
  const kind = page.locator('.filter-grid select').nth(4);
  assert.equal(await kind.inputValue(), 'rieng');
  assert.deepEqual(page.errors, []);
});

test('/xa/00070 no longer lists customs or tax as received at the commune centre', async () => {
  const page = await h.page();
  await page.goto(h.url + '/xa/00070');
  const centre = page.getByTestId('by-field');
  await centre.locator('details.field-group').first().waitFor();
  const fields = await centre.locator('details.field-group summary').allInnerTexts();
  assert.ok(fields.some((f) => /^Hộ tịch \(\d+\)$/.test(f)), fields.join(' | '));
  assert.ok(!fields.some((f) => /^(Hải quan|Thuế) \(/.test(f)), fields.join(' | '));
  const elsewhere = page.getByTestId('handled-elsewhere');
  const customs = elsewhere.locator('[data-handler="Customs"]');
  assert.match(await customs.locator('h3').innerText(), /^Cơ quan hải quan \(\d+\)$/);
  assert.ok(await customs.locator('details.field-group', { hasText: /^Hải quan/ }).count() === 1);
  assert.match(await elsewhere.locator('[data-handler="Tax"] h3').innerText(), /^Cơ quan thuế \(\d+\)$/);
  // Birth registration stays at the commune centre.
  assert.equal(await centre.locator('a[href="/thu-tuc/1.001193"]').count(), 1);
  // No support point in our catalogue for Hà Nội: said as ours, not as the city's silence.
  assert.match(await page.locator('main').innerText(), /Danh mục của Cửa sổ số chưa có điểm hỗ trợ nào của địa bàn này \(không có nghĩa là địa phương chưa công bố\)/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
});

test('reported provincial centres and hotlines show verbatim with their source and date; the national line stays first', async () => {
  const page = await h.page();
  // Hải Phòng: one centre, two sites, in the portal text's order.
  await page.goto(h.url + '/tinh/31');
  const reported = page.getByTestId('centre-card').getByTestId('reported');
  await reported.waitFor();
  const text = await reported.innerText();
  assert.ok(text.indexOf('số 18, đường Hoàng Diệu') < text.indexOf('Số 1 đường Tôn Đức Thắng'), text);
  assert.match(text, /Cổng Dịch vụ công quốc gia — “Địa chỉ tiếp nhận hồ sơ”.*18\/07\/2026/);
  // Hà Nội's lines, as the government's news portal wrote them; no 24/7 badge, no source says so.
  await page.goto(h.url + '/tinh/01');
  const hotline = page.getByTestId('province-hotline');
  await hotline.getByTestId('reported').waitFor();
  const lines = await hotline.innerText();
  assert.ok(lines.indexOf('1800 1096') < lines.indexOf('024.1022'), 'the national line first');
  assert.match(lines, /Hệ thống tổng đài hỗ trợ 024\.1022 - nhánh 7, 8 và tổng đài thông minh 19001009/);
  assert.match(lines, /01\/07\/2025/);
  assert.equal(await page.locator('main .badge', { hasText: '24/7' }).count(), 0);
  // One of Hồ Chí Minh City's commune centres from Notice 243/TB-UBND.
  await page.goto(h.url + '/tim-kiem?q=' + encodeURIComponent('phường tân định'));
  await page.locator('main ol li').first().waitFor();
  const href = (await routes(page)).find((r) => r.startsWith('/xa/'));
  await page.goto(h.url + href);
  const commune = page.getByTestId('centre-card').getByTestId('reported');
  await commune.waitFor();
  assert.match(await commune.innerText(), /58B Nguyễn Đình Chiểu, phường Tân Định/);
  assert.match(await commune.innerText(), /028\.39102126/);
  assert.match(await commune.innerText(), /243\/TB-UBND/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
});

test('a commune-level customs procedure sends the citizen to customs, not the commune centre', async () => {
  const page = await h.page();
  // 1.000005: a customs procedure the portal lists at commune level, done by "Chi cục Hải quan khu vực".
  await page.goto(h.url + '/thu-tuc/1.000005');
  const where = page.getByTestId('where');
  await where.getByTestId('where-handler').waitFor();
  assert.match(await where.innerText(), /Cơ quan hải quan/);
  assert.equal(await where.getByTestId('centre-card').count(), 0);
  assert.deepEqual(page.errors, []);
});
