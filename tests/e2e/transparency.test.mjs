// /minh-bach: every number checked against counts this test computes itself
// from the catalogue files in dist/, sorting by a column, and following a cell
// to the records behind it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, DIST, axeViolations, noHorizontalScroll, smallTargets } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

/** The expected table, counted straight from the catalogue's JSON files. */
function expected() {
  const data = path.join(DIST, 'data');
  const manifest = JSON.parse(fs.readFileSync(path.join(data, 'catalogue.json'), 'utf8'));
  const read = (f) => JSON.parse(fs.readFileSync(path.join(data, manifest.version, f), 'utf8'));
  const index = read('thu-tuc/index.json');
  const atLevel = (l) => index.filter((p) => p.levels.includes(l)).length;
  const rows = read('provinces.json').map((p) => {
    const file = read(`tinh/${p.code}.json`);
    const local = file.local_procedures ?? [];
    const n = file.communes.length;
    // A value a public source reports counts as published (centre.reported, verbatim).
    const reported = (c, f) => (c.reported ?? []).some((r) => f.includes(r.field));
    const hasAddress = (c) => c.address !== null || reported(c, ['address', 'address-and-phone']);
    const number = (c) => (c.reported ?? []).find((r) => ['phone', 'hotline', 'address-and-phone'].includes(r.field))?.value;
    const withAddress = file.communes.filter((c) => hasAddress(c.centre)).length;
    const withPhone = file.communes.filter((c) => c.centre.phones.length > 0 || number(c.centre)).length;
    const hasNumber = p.centre.hotline || number(p.centre);
    const parts = [hasAddress(p.centre) ? 1 : 0, hasNumber ? 1 : 0, withAddress / n, withPhone / n];
    return {
      code: p.code, name: p.name, communes: n, withAddress, withPhone,
      missingPhone: file.communes.filter((c) => c.centre.phones.length === 0).map((c) => c.name).sort(),
      support: file.communes.reduce((s, c) => s + c.support_points.length, 0),
      centreAddress: hasAddress(p.centre), hotline: p.centre.hotline, reportedNumber: number(p.centre),
      percent: Math.floor((parts.reduce((a, b) => a + b, 0) / 4) * 100 + 0.5),
      own: index.filter((q) => q.kind === 'provincial' && q.province === p.code).length,
      procProvince: local.length ? null : atLevel('province'),
      procCommune: local.length ? null : atLevel('commune'),
    };
  });
  return { manifest, rows };
}

const cell = (row, col) => row.locator(`[data-col="${col}"]`);
const rows = (page) => page.getByTestId('transparency-table').locator('tbody tr');

test('every number on /minh-bach matches counts computed from the catalogue files', async () => {
  const { manifest, rows: want } = expected();
  assert.equal(want.length, 34);
  const dn = want.find((r) => r.code === '48');
  assert.ok(dn.withAddress > 0 && dn.support > 0, 'the Đà Nẵng feed is merged');
  const page = await h.page();
  await page.goto(h.url + '/minh-bach');
  await rows(page).first().waitFor();
  assert.equal(await rows(page).count(), 34);
  for (const r of want) {
    const row = page.locator(`tbody tr[data-code="${r.code}"]`);
    assert.equal(await cell(row, 'name').innerText(), r.name);
    assert.equal(await cell(row, 'percent').innerText(), `${r.percent}%`, r.name);
    assert.equal(await cell(row, 'with-address').innerText(),
      `${r.withAddress} / ${r.communes}` + (r.withAddress < r.communes ? `\nthiếu ${r.communes - r.withAddress}` : ''), r.name);
    assert.equal(await cell(row, 'with-phone').innerText(),
      `${r.withPhone} / ${r.communes}` + (r.withPhone < r.communes ? `\nthiếu ${r.communes - r.withPhone}` : ''), r.name);
    assert.equal(await cell(row, 'support-points').innerText(), String(r.support), r.name);
    // A gap is this catalogue's: "no record yet", not "the province has not published".
    assert.equal(await cell(row, 'centre-address').innerText(), r.centreAddress ? 'Có' : 'Chưa có bản ghi', r.name);
    assert.equal(await cell(row, 'hotline').innerText(),
      r.hotline ? r.hotline.number : (r.reportedNumber ?? 'Chưa có bản ghi'), r.name);
    assert.equal(await cell(row, 'own-procedures').innerText(), r.own ? String(r.own) : 'Chưa có bản ghi', r.name);
    if (r.procProvince !== null) {
      assert.equal(await cell(row, 'procedures-province').innerText(), `${r.procProvince} (quốc gia)`);
      assert.equal(await cell(row, 'procedures-commune').innerText(), `${r.procCommune} (quốc gia)`);
    }
  }
  // Đà Nẵng's source is named with its date; a province with nothing says so.
  assert.match(await cell(page.locator('tbody tr[data-code="48"]'), 'source').innerText(), /Tổng hợp cộng đồng.*\(07\/2025\)/);
  assert.equal(await cell(page.locator('tbody tr[data-code="33"]'), 'source').innerText(), 'Chưa có nguồn');
  assert.match(await cell(page.locator('tbody tr[data-code="01"]'), 'source').innerText(), /\(01\/07\/2025\)/);

  // National totals are the sums of the rows.
  const sum = (f) => want.reduce((s, r) => s + f(r), 0);
  const total = (id) => page.locator(`[data-total="${id}"] dd`).innerText();
  assert.equal(await total('with-address'), `${sum((r) => r.withAddress)} / ${sum((r) => r.communes)}`);
  assert.equal(await total('with-phone'), `${sum((r) => r.withPhone)} / ${sum((r) => r.communes)}`);
  assert.equal(await total('support-points'), String(sum((r) => r.support)));
  assert.equal(await total('centre-addresses'), `${sum((r) => (r.centreAddress ? 1 : 0))} / 34`);
  assert.equal(sum((r) => (r.centreAddress ? 1 : 0)), 7, 'seven reported provincial centre addresses');
  assert.equal(await total('procedures'), String(manifest.counts.procedures));
  assert.equal(await total('own-procedures'), `${sum((r) => r.own)} (${sum((r) => (r.own ? 1 : 0))} / 34)`);
  assert.equal(want.find((r) => r.code === '24').own, 99, 'Bắc Ninh publishes 99 procedures of its own');
  assert.match(await page.getByTestId('whose-gap').innerText(), /Cửa sổ số chưa có bản ghi đã công bố/);

  // The chart: one bar per province, each at its computed percentage, described in words.
  const bars = page.getByTestId('completeness-chart').locator('g.bar');
  assert.equal(await bars.count(), 34);
  for (const r of want) {
    assert.equal(await page.locator(`g.bar[data-code="${r.code}"]`).getAttribute('data-percent'), String(r.percent));
  }
  // Best first (provinces on the same percentage may come in either order).
  assert.equal(await bars.first().getAttribute('data-percent'), String(Math.max(...want.map((r) => r.percent))));
  assert.match(await page.locator('#chart-desc').innerText(), new RegExp(`Thành phố Đà Nẵng ${dn.percent}%`));

  assert.deepEqual(await axeViolations(page), []);
  await noHorizontalScroll(page);
  assert.deepEqual(await smallTargets(page), []);
  // The table scrolls inside its own box at 360 px, not the page.
  const box = await page.locator('.table-scroll').evaluate((e) => [e.scrollWidth, e.clientWidth]);
  assert.ok(box[0] > box[1], `the table is wider than its box: ${box}`);
  assert.deepEqual(page.errors, []);
});

test('sorting by a column, with the mouse and the keyboard, then following a cell to its records', async () => {
  const { rows: want } = expected();
  const page = await h.page();
  await page.goto(h.url + '/minh-bach');
  await rows(page).first().waitFor();
  const th = page.locator('thead th[data-col="with-phone"]');
  const nameTh = page.locator('thead th[data-col="name"]');
  assert.equal(await nameTh.getAttribute('aria-sort'), 'ascending', 'sorted by name at first');
  assert.equal(await th.getAttribute('aria-sort'), null);
  const names = () => rows(page).locator('[data-col="name"]').allInnerTexts();
  const byName = await names();
  assert.ok(byName.indexOf('Tỉnh An Giang') < byName.indexOf('Tỉnh Bắc Ninh'));

  await th.getByRole('button').click();
  assert.equal(await th.getAttribute('aria-sort'), 'ascending');
  assert.equal(await nameTh.getAttribute('aria-sort'), null);
  const phones = async () => (await rows(page).locator('[data-col="with-phone"]').allInnerTexts()).map((t) => Number(t.split(' / ')[0]));
  const asc = await phones();
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
  // Again, from the keyboard: descending, the province with most phones first.
  await th.getByRole('button').focus();
  await page.keyboard.press('Enter');
  assert.equal(await th.getAttribute('aria-sort'), 'descending');
  const desc = await phones();
  assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
  const top = [...want].sort((a, b) => b.withPhone - a.withPhone)[0];
  assert.equal((await names())[0], top.name);

  // Follow "missing" in the top row's phone cell: the province page lists exactly those communes.
  assert.ok(top.missingPhone.length > 0, 'the test needs a province with a phone missing');
  await rows(page).first().locator('[data-col="with-phone"] a.missing').click();
  await page.waitForURL(new RegExp(`/tinh/${top.code}\\?thieu=dien-thoai$`));
  const list = page.getByTestId('commune-list').locator('li a');
  await page.getByTestId('commune-filter-note').waitFor();
  assert.deepEqual((await list.allInnerTexts()).sort(), top.missingPhone);
  assert.match(await page.getByTestId('commune-filter-note').innerText(), new RegExp(`chưa công bố số điện thoại: ${top.missingPhone.length}`));
  assert.deepEqual(await axeViolations(page), []);

  // The plain province URL still lists every commune.
  await page.getByRole('link', { name: 'Hiện tất cả' }).click();
  await page.waitForURL(new RegExp(`/tinh/${top.code}$`));
  await page.getByTestId('commune-list').locator('li').nth(top.communes - 1).waitFor();
  assert.equal(await page.getByTestId('commune-list').locator('li').count(), top.communes);
  assert.equal(await page.getByTestId('commune-filter-note').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('the footer names whose data it is and links to /minh-bach', async () => {
  const page = await h.page({ width: 1280, height: 800 });
  await page.goto(h.url + '/?lang=en');
  await page.getByTestId('publisher').waitFor();
  assert.match(await page.getByTestId('publisher').innerText(), /^Data from: Cửa sổ số — compiled from public sources$/);
  await page.getByRole('link', { name: 'Transparency: what this catalogue holds for each province' }).click();
  await page.waitForURL(/\/minh-bach/);
  await rows(page).first().waitFor();
  assert.equal(await page.locator('thead th[data-col="with-phone"] button').innerText(), 'Commune centres with phone ↕');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
});
