// Every journey by keyboard alone (Tab, Shift+Tab, Enter, typing), with a visible
// focus ring at every stop; and every route readable at 200% zoom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, noHorizontalScroll } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const keyboardPage = (options) => h.page(undefined, options);

/** What has focus: its tag, name, href and whether a focus ring is drawn. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 80),
    label: el.labels?.[0]?.textContent.trim() ?? '',
    href: el.getAttribute('href'),
    ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
  };
});

/** Presses Tab until `want(focused)` holds; every stop on the way must show a focus ring. */
async function tabTo(page, want, what, limit = 120) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag !== 'body' && f.tag !== 'main') assert.ok(f.ring, `no visible focus on ${JSON.stringify(f)}`);
    if (want(f)) return f;
  }
  assert.fail(`${what}: not reached in ${limit} Tab presses`);
}

/** Arrows down the focused list to `label`; the choice applies at each step and focus stays. */
async function arrowTo(page, label) {
  for (let i = 0; i < 200; i++) {
    const now = await page.evaluate(() => document.activeElement.selectedOptions?.[0]?.text);
    assert.ok(now !== undefined, 'focus left the list');
    if (now === label) return;
    await page.keyboard.press('ArrowDown');
  }
  assert.fail(`${label}: not in the list`);
}

test('journey 1 by keyboard: search, open a procedure, reach its checklist', async () => {
  const page = await keyboardPage();
  await page.goto(h.url + '/');
  await page.getByTestId('province-list').waitFor();
  await tabTo(page, (f) => f.tag === 'input', 'the search box');
  await page.keyboard.type('dang ky khai sinh');
  await page.waitForURL(/\/tim-kiem\?q=dang\+ky\+khai\+sinh/);
  await page.locator('main ol li').first().waitFor();
  await tabTo(page, (f) => f.href === '/thu-tuc/1.001193', 'the first result');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /khai sinh/ }).waitFor();
  await tabTo(page, (f) => f.tag === 'button' && /In danh sách/.test(f.text), 'the print button');
  assert.deepEqual(page.errors, []);
});

test('journey 2 by keyboard: choose province and commune, see the centre that receives it', async () => {
  const page = await keyboardPage();
  await page.goto(h.url + '/thu-tuc/1.001193');
  await page.getByTestId('where').getByText('trung tâm cấp xã').waitFor();
  await tabTo(page, (f) => f.tag === 'select' && /Tỉnh/.test(f.label), 'the province choice');
  await arrowTo(page, 'Thành phố Đà Nẵng');
  const communes = page.getByTestId('where').getByLabel('Xã, phường của bạn');
  await communes.locator('option', { hasText: 'Phường Hải Châu' }).waitFor({ state: 'attached' });
  await tabTo(page, (f) => f.tag === 'select' && /Xã/.test(f.label), 'the commune choice');
  await arrowTo(page, 'Phường Hải Châu');
  const card = page.getByTestId('where').getByTestId('centre-card');
  await card.getByText('Số 15 đường Lê Hồng Phong').waitFor();
  await tabTo(page, (f) => f.href === 'tel:0903570134', 'the centre phone');
  assert.deepEqual(page.errors, []);
});

test('journey 3 by keyboard: filter a province\'s communes and open one', async () => {
  const page = await keyboardPage();
  await page.goto(h.url + '/tinh/48');
  await page.getByRole('heading', { level: 1, name: 'Thành phố Đà Nẵng' }).waitFor();
  await tabTo(page, (f) => f.tag === 'input' && /Lọc/.test(f.label), 'the commune filter');
  await page.keyboard.type('hai chau');
  await tabTo(page, (f) => f.href === '/xa/20242', 'Phường Hải Châu');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Phường Hải Châu' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('journey 4 by keyboard: an old address to the new commune', async () => {
  const page = await keyboardPage();
  await page.goto(h.url + '/tra-cuu-dia-chi');
  await tabTo(page, (f) => f.tag === 'input', 'the address box');
  await page.keyboard.type('hang trong, hoan kiem, ha noi');
  await page.waitForURL(/q=hang/);
  await tabTo(page, (f) => f.href === '/xa/00070', 'the new commune');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Phường Hoàn Kiếm' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('journey 5 by keyboard: near me on Enter, then a nearby commune', async () => {
  const page = await keyboardPage({ geolocation: { latitude: 21.032, longitude: 105.85 }, permissions: ['geolocation'] });
  await page.goto(h.url + '/gan-toi');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Dùng vị trí của tôi', 'the location button');
  await page.keyboard.press('Enter');
  await page.getByTestId('near-results').waitFor();
  await tabTo(page, (f) => f.href === '/xa/00070', 'the nearest commune');
  assert.deepEqual(page.errors, []);
});

test('journey 6 by keyboard: find a hotline and reach its tel: link', async () => {
  const page = await keyboardPage();
  await page.goto(h.url + '/duong-day-nong');
  await tabTo(page, (f) => f.tag === 'input', 'the hotline search');
  await page.keyboard.type('hai chau');
  await page.waitForURL(/q=hai/);
  const f = await tabTo(page, (f) => f.href?.startsWith('tel:') && f.href !== 'tel:18001096', 'a commune phone');
  assert.match(f.href, /^tel:0\d{9,10}$/);
  assert.deepEqual(page.errors, []);
});

test('the language switch works by keyboard and a ?lang in the URL follows it', async () => {
  const page = await keyboardPage();
  await page.goto(h.url + '/tim-kiem?q=khai+sinh&lang=en');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Tiếng Việt', 'the language switch');
  await page.keyboard.press('Enter');
  await page.waitForURL(/lang=vi/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
  // Typing keeps the language in the URL, so a copied link opens as seen.
  await page.goto(h.url + '/tim-kiem?lang=en');
  await page.getByRole('searchbox').fill('ket hon');
  await page.waitForURL(/q=ket\+hon/);
  assert.match(page.url(), /lang=en/);
  await page.goto(h.url + '/tra-cuu-dia-chi?lang=en');
  await page.getByRole('searchbox').or(page.locator('main input')).first().fill('hang trong');
  await page.waitForURL(/q=hang/);
  assert.match(page.url(), /lang=en/);
  assert.deepEqual(page.errors, []);
});

test('each route has one description, and it is the route\'s own', async () => {
  const page = await keyboardPage();
  const seen = new Map();
  for (const path of ['/', '/tinh/48', '/xa/20242', '/thu-tuc/1.001193', '/duong-day-nong']) {
    await page.goto(h.url + path);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => document.title !== 'Cửa sổ số — Thủ tục hành chính và nơi tiếp nhận' || location.pathname === '/');
    const descriptions = await page.locator('meta[name=description]').evaluateAll((ms) => ms.map((m) => m.content));
    assert.equal(descriptions.length, 1, `${path}: ${descriptions.join(' | ')}`);
    seen.set(path, descriptions[0]);
  }
  assert.equal(new Set(seen.values()).size, seen.size, [...seen.values()].join('\n'));
});

// 200% zoom of a 1280×800 window lays the page out in 640×400 CSS pixels.
const ZOOM_ROUTES = [
  ['/', 'Thành phố Hồ Chí Minh'],
  ['/tinh/48', 'Phường Hải Châu'],
  ['/xa/20242', 'Phường Hải Châu'],
  ['/thu-tuc/1.001193', 'Giấy chứng sinh'],
  ['/tim-kiem?q=khai+sinh', 'Thủ tục đăng ký khai sinh'],
  ['/tra-cuu-dia-chi?q=hang+trong', 'Phường Hoàn Kiếm'],
  ['/duong-day-nong', '1800 1096'],
  ['/su-kien', 'Kết hôn'],
  ['/gan-toi', 'Dùng vị trí của tôi'],
];
for (const [path, proof] of ZOOM_ROUTES) {
  test(`200% zoom: ${path} reflows without sideways scrolling or clipped text`, async () => {
    const page = await keyboardPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    await page.goto(h.url + path);
    await page.getByText(proof).first().waitFor();
    await noHorizontalScroll(page);
    // No text box narrower than its words (clipped or overflowing its container).
    const clipped = await page.evaluate(() => [...document.querySelectorAll('main h1, main h2, main p, main a, main button, main label')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden')
      .map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(clipped, []);
  });
}
