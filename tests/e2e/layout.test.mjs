// Phone and kiosk layout, and words (#16 items 6 and 7), on real pages: no
// sideways scroll at 360 px with the filters open, result numbers on a title's
// first line, long titles shortened with the full name one tap away, the kiosk
// keyboard at 540×960 keeping the box and the first results in sight with rows
// that never wrap, large result targets, Vietnamese dates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, noHorizontalScroll } from './harness.mjs';

const PHONE = { width: 360, height: 740 };
// 1080×1920 portrait at scale 2.
const KIOSK = { width: 540, height: 960 };
// The longest procedure name of the crawl (1,094 characters).
const LONG = '1.013980';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

test('360 px: opening “Bộ lọc” on a search does not make the page scroll sideways', async () => {
  const page = await h.page(PHONE);
  await page.goto(h.url + '/tim-kiem?q=khai%20sinh');
  await page.getByTestId('results').waitFor();
  await noHorizontalScroll(page);
  await page.getByText('Bộ lọc', { exact: true }).click();
  const selects = page.locator('.filter-grid select');
  await selects.first().waitFor();
  assert.equal(await selects.count(), 5);
  await noHorizontalScroll(page);
  const widths = await selects.evaluateAll((ss) => ss.map((s) => s.getBoundingClientRect().right));
  for (const right of widths) assert.ok(right <= PHONE.width, `a filter ends at ${right}px`);
  // Choosing the longest field still leaves the page narrow.
  const longest = await page.locator('.filter-grid select').nth(1).evaluate((s) =>
    [...s.options].reduce((a, o) => (o.text.length > a.text.length ? o : a)).value);
  await page.locator('.filter-grid select').nth(1).selectOption(longest);
  await page.waitForURL((u) => u.searchParams.get('linh-vuc') === longest);
  await page.locator('.filter-grid select').first().waitFor();
  await noHorizontalScroll(page);
  assert.deepEqual(page.errors, []);
});

test('a result’s number sits on the first line of its title, not the last', async () => {
  const page = await h.page(PHONE);
  await page.goto(h.url + '/tim-kiem?q=khai%20sinh');
  await page.getByTestId('results').waitFor();
  const checked = await page.locator('[data-testid="results"] > li').evaluateAll((lis) => lis.map((li) => {
    const a = li.querySelector('a.result-title');
    const range = document.createRange();
    range.selectNodeContents(a);
    const lines = [...range.getClientRects()];
    const number = getComputedStyle(li, '::before');
    const top = li.getBoundingClientRect().top + parseFloat(number.top);
    const centre = top + (parseFloat(number.height) || parseFloat(number.lineHeight) || 24) / 2;
    return { content: number.content, lines: lines.length, first: [lines[0].top, lines[0].bottom], last: lines.at(-1).top, centre };
  }));
  assert.ok(checked.length >= 5, `${checked.length} results`);
  const multi = checked.filter((c) => c.last > c.first[1]);
  assert.ok(multi.length >= 1, 'some title runs over several lines at 360 px');
  for (const c of checked) {
    assert.match(c.content, /counter\(result\)/);
    assert.ok(c.centre >= c.first[0] && c.centre <= c.first[1], `number at ${c.centre}, first line ${c.first}`);
  }
  // The numbering goes on in the “less related” list.
  const more = page.getByTestId('more-results');
  if (await more.count()) {
    const n = await page.locator('[data-testid="results"] > li').count();
    const reset = await more.locator('ol.results').evaluate((ol) => getComputedStyle(ol).counterReset);
    assert.equal(reset, `result ${n}`);
  }
});

/** Whether the element paints less than its content (a line clamp at work). */
const clamped = (loc) => loc.evaluate((el) => el.scrollHeight > el.clientHeight + 1);

test('a long title is shortened on results and on its page, the full name one tap away', async () => {
  const page = await h.page(PHONE);
  await page.goto(h.url + '/thu-tuc/' + LONG);
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.waitFor();
  const full = (await h1.textContent()).trim();
  assert.ok(full.length > 500, `${full.length} characters`);
  assert.ok(await clamped(h1), 'the heading is clamped');
  const lineHeight = await h1.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  assert.ok((await h1.boundingBox()).height <= lineHeight * 4 + 2, 'four lines at most');
  // The accessible name is the whole title.
  assert.equal(await page.getByRole('heading', { level: 1, name: full }).count(), 1);
  const toggle = page.getByRole('button', { name: 'Xem tên đầy đủ' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await toggle.getAttribute('aria-controls'), await h1.getAttribute('id'));
  const box = await toggle.boundingBox();
  assert.ok(box.height >= 44 && box.width >= 44, `toggle ${box.width}×${box.height}`);
  await toggle.click();
  const less = page.getByRole('button', { name: 'Thu gọn tên' });
  assert.equal(await less.getAttribute('aria-expanded'), 'true');
  assert.equal(await clamped(h1), false, 'the whole heading shows');
  await less.click();
  assert.ok(await clamped(h1));
  await noHorizontalScroll(page);

  // On a result list, the same: the link keeps the full name.
  await page.goto(h.url + '/tim-kiem?q=' + encodeURIComponent(full.split(' ').slice(0, 12).join(' ')));
  await page.getByTestId('results').waitFor();
  const link = page.locator('a.result-title').filter({ hasText: full }).first();
  await link.waitFor();
  assert.equal((await link.textContent()).trim(), full);
  assert.ok(await clamped(link), 'the result title is clamped');
  assert.equal(await page.getByRole('link', { name: full, exact: true }).count() >= 1, true);
  const item = link.locator('xpath=..');
  const show = item.getByRole('button', { name: 'Xem tên đầy đủ' });
  assert.ok((await show.boundingBox()).height >= 44);
  await show.click();
  assert.equal(await clamped(link), false);
  assert.equal(await item.getByRole('button', { name: 'Thu gọn tên' }).getAttribute('aria-expanded'), 'true');
  // A short title has no toggle.
  await page.goto(h.url + '/thu-tuc/1.001193');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Xem tên đầy đủ' }).count(), 0);
  assert.deepEqual(page.errors, []);
});

test('kiosk 540×960: with the keyboard open the box, the text typed and the first results stay in sight; rows never wrap; results are large', async () => {
  const page = await h.page(KIOSK, { deviceScaleFactor: 2 });
  await page.goto(h.url + '/?che-do=kiosk');
  await page.getByTestId('province-list').waitFor();
  await page.getByRole('searchbox').click();
  const kb = page.getByTestId('keyboard');
  await kb.waitFor();
  for (const k of ['k', 'h', 'a', 'i', 'Dấu cách', 's', 'i', 'n', 'h']) await kb.getByRole('button', { name: k, exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/tim-kiem' && u.searchParams.get('q') === 'khai sinh');
  await page.getByTestId('results').waitFor();
  await page.waitForTimeout(300);
  const box = page.getByRole('searchbox');
  assert.equal(await box.inputValue(), 'khai sinh');
  const r = await box.boundingBox();
  const k = await kb.boundingBox();
  const bar = await page.locator('.kiosk-bar').boundingBox();
  assert.ok(r.y >= 0 && r.y + r.height <= KIOSK.height, `box ${r.y}–${r.y + r.height} in a ${KIOSK.height}px screen`);
  assert.ok(r.y + r.height <= k.y, `box ends at ${r.y + r.height}, keyboard starts at ${k.y}`);
  assert.ok(r.y >= bar.y + bar.height, `box starts at ${r.y}, toolbar ends at ${bar.y + bar.height}`);
  // Nothing else is drawn over the box.
  const onTop = await box.evaluate((el) => {
    const b = el.getBoundingClientRect();
    return [[b.left + 8, b.top + 4], [b.right - 8, b.bottom - 4], [b.left + b.width / 2, b.top + b.height / 2]]
      .map(([x, y]) => document.elementFromPoint(x, y) === el);
  });
  assert.deepEqual(onTop, [true, true, true]);
  const first = await page.locator('ol.results > li > a.result-title').first().boundingBox();
  assert.ok(first.y >= r.y + r.height && first.y + first.height <= k.y, `first result ${first.y}–${first.y + first.height}, keyboard at ${k.y}`);
  // Each row's keys on one line.
  const rows = await kb.locator('.key-row').evaluateAll((rs) => rs.map((row) => ({
    keys: [...row.children].map((b) => b.textContent.trim()).join(' '),
    tops: new Set([...row.children].map((b) => b.offsetTop)).size,
  })));
  assert.equal(rows.length, 7);
  for (const row of rows) assert.equal(row.tops, 1, `row “${row.keys}” wraps`);
  assert.ok(rows.some((row) => row.keys.endsWith('9 0')) && rows.some((row) => row.keys.endsWith('o p')));
  assert.ok(k.x >= 0 && k.x + k.width <= KIOSK.width);
  // Results: boxes of 48 px or more, 20 px type or more, not underlined.
  const results = await page.locator('ol.results > li > a.result-title').evaluateAll((as) => as.map((a) => {
    const s = getComputedStyle(a);
    return { h: a.getBoundingClientRect().height, size: parseFloat(s.fontSize), line: s.textDecorationLine };
  }));
  assert.ok(results.length >= 5);
  for (const x of results) {
    assert.ok(x.h >= 48, `result ${x.h}px high`);
    assert.ok(x.size >= 20, `result type ${x.size}px`);
    assert.equal(x.line, 'none');
  }
  await noHorizontalScroll(page);
  assert.deepEqual(page.errors, []);
});

test('words: Vietnamese dates and the Vietnamese half of a caveat; English keeps its own', async () => {
  const page = await h.page(PHONE);
  await page.goto(h.url + '/thu-tuc/1.001193');
  const note = page.getByTestId('source-note');
  await note.waitFor();
  const vi = await note.innerText();
  assert.doesNotMatch(vi, /\d{4}-\d{2}/, vi);
  assert.match(vi, /\b\d{2}\/\d{4}\b/, vi);
  // The caveat in Vietnamese only (sources.json writes “tiếng Việt / English”).
  assert.match(vi, /Thu thập tự động/);
  assert.doesNotMatch(vi, /crawled|some tables/);
  const built = page.getByTestId('built');
  assert.match(await built.textContent(), /^\d{2}\/\d{2}\/\d{4}$/);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  const en = await note.innerText();
  assert.match(en, /crawled/);
  assert.doesNotMatch(en, /Thu thập tự động|\d{4}-\d{2}/);
  assert.match(en, /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/);
  assert.match(await built.textContent(), /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/);
  // A commune's area with a decimal comma in Vietnamese.
  await page.goto(h.url + '/xa/00070?lang=vi');
  const lead = page.locator('p.lead');
  await lead.waitFor();
  const area = await lead.innerText();
  if (/km²/.test(area)) assert.match(area, /\d+,\d{2} km²/, area);
  // The kiosk says “Trang chủ”, as the breadcrumb does.
  await page.goto(h.url + '/xa/00070?che-do=kiosk');
  await page.locator('.kiosk-bar').waitFor();
  assert.equal(await page.locator('.kiosk-bar').getByRole('link', { name: 'Trang chủ' }).count(), 1);
  assert.equal(await page.getByText('Trang đầu').count(), 0);
  assert.deepEqual(page.errors, []);
});
