// Browse by life event: the home page's list, /su-kien and /su-kien/{slug}, on the real catalogue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, axeViolations, noHorizontalScroll, smallTargets } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

async function open(path, viewport) {
  const page = await h.page(viewport);
  await page.goto(h.url + path);
  return page;
}

async function headingLevels(page) {
  return page.evaluate(() => [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map((h) => Number(h.tagName[1])));
}

function assertHeadingsInOrder(levels) {
  assert.equal(levels[0], 1, `first heading is h1: ${levels}`);
  for (let i = 1; i < levels.length; i++) assert.ok(levels[i] <= levels[i - 1] + 1, `heading levels skip: ${levels}`);
}

test('home lists the life events between the search box and the provinces; Sinh con leads to its procedures', async () => {
  const page = await open('/');
  const list = page.getByTestId('life-events');
  await list.locator('li').first().waitFor();
  assert.ok(await list.locator('li').count() >= 9);
  const text = await list.innerText();
  for (const name of ['Sinh con', 'Kết hôn', 'Khi có người mất', 'Làm căn cước', 'Đất đai, nhà ở', 'Hộ kinh doanh', 'Xe và bằng lái']) {
    assert.match(text, new RegExp(name));
  }
  await page.getByRole('heading', { level: 2, name: 'Theo sự kiện trong đời' }).waitFor();
  // Order on the page: search box, life events, provinces.
  await page.getByTestId('province-list').waitFor();
  const order = await page.evaluate(() => {
    const y = (el) => el.getBoundingClientRect().top;
    return [y(document.querySelector('input[type=search]')), y(document.querySelector('[data-testid=life-events]')), y(document.querySelector('[data-testid=province-list]'))];
  });
  assert.ok(order[0] < order[1] && order[1] < order[2], `order: ${order}`);
  await noHorizontalScroll(page);

  await list.getByRole('link', { name: 'Sinh con', exact: true }).click();
  await page.waitForURL('**/su-kien/sinh-con');
  await page.getByRole('heading', { level: 1, name: 'Sinh con' }).waitFor();
  const steps = page.getByTestId('event-procedures');
  const birth = steps.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true });
  await birth.waitFor();
  assert.equal(await birth.getAttribute('href'), '/thu-tuc/1.001193');
  // In order: birth registration first; each item shows its field and level.
  assert.equal(await steps.locator('li').first().locator('a').getAttribute('href'), '/thu-tuc/1.001193');
  assert.match(await steps.locator('li').first().innerText(), /Hộ tịch · Cấp xã/);
  assert.match(await page.title(), /Sinh con/);
  // index.html carries a default description; the route's own comes last.
  assert.match(await page.locator('meta[name=description]').last().getAttribute('content'), /khai sinh/);
  await birth.click();
  await page.waitForURL('**/thu-tuc/1.001193');
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('/su-kien shows every event as a card with its count, linking to its page', async () => {
  const page = await open('/su-kien');
  await page.getByRole('heading', { level: 1, name: 'Thủ tục theo sự kiện trong đời' }).waitFor();
  const cards = page.getByTestId('life-event-cards').locator('li');
  await cards.first().waitFor();
  assert.ok(await cards.count() >= 9);
  const marriage = cards.filter({ hasText: 'Kết hôn' }).first();
  assert.match(await marriage.innerText(), /\d+ thủ tục/);
  assert.equal(await marriage.getByRole('link').getAttribute('href'), '/su-kien/ket-hon');
  assert.match(await page.title(), /sự kiện trong đời/);
  assertHeadingsInOrder(await headingLevels(page));
  assert.deepEqual(await smallTargets(page, 'main a', 'p, dd, td'), []);
  await noHorizontalScroll(page);
  await marriage.getByRole('link').click();
  await page.waitForURL('**/su-kien/ket-hon');
  await page.getByTestId('event-procedures').getByRole('link', { name: 'Thủ tục đăng ký kết hôn', exact: true }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('an event page: headings in order, 44 px targets, no sideways scroll at 360 px, a way back', async () => {
  const page = await open('/su-kien/khi-co-nguoi-mat');
  await page.getByTestId('event-procedures').getByRole('link', { name: 'Thủ tục đăng ký khai tử', exact: true }).waitFor();
  assert.match(await page.locator('main').innerText(), /\d+ thủ tục, theo thứ tự thường làm/);
  assertHeadingsInOrder(await headingLevels(page));
  assert.deepEqual(await smallTargets(page, 'main a', 'p, dd, td'), []);
  await noHorizontalScroll(page);
  await page.getByRole('link', { name: 'Sự kiện trong đời' }).click();
  await page.waitForURL(/\/su-kien$/);
  assert.deepEqual(page.errors, []);
});

test('/su-kien/khong-co says it is not found and offers a way back', async () => {
  const page = await open('/su-kien/khong-co');
  const box = page.getByTestId('not-found');
  await box.waitFor();
  assert.match(await box.innerText(), /Không có sự kiện này/);
  await box.getByRole('link', { name: 'Về trang chủ' }).click();
  await page.getByTestId('life-events').waitFor();
  assert.deepEqual(page.errors, []);
});

test('?lang=en shows the events in English, on the home page and on an event page', async () => {
  const page = await open('/?lang=en');
  await page.getByRole('heading', { level: 2, name: 'By life event' }).waitFor();
  const list = page.getByTestId('life-events');
  await list.getByRole('link', { name: 'Having a baby' }).waitFor();
  const text = await list.innerText();
  assert.match(text, /Getting married/);
  assert.match(text, /When someone dies/);
  assert.doesNotMatch(text, /Sinh con/);
  await list.getByRole('link', { name: 'Having a baby' }).click();
  await page.waitForURL('**/su-kien/sinh-con');
  await page.getByRole('heading', { level: 1, name: 'Having a baby' }).waitFor();
  assert.match(await page.locator('main').innerText(), /procedures, in the usual order/);
  assert.match(await page.title(), /Having a baby/);
  // Switching back to Vietnamese renames the event in place.
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sinh con' }).waitFor();
  assert.deepEqual(page.errors, []);
});

for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
  for (const [path, proof] of [['/su-kien', 'Hộ kinh doanh'], ['/su-kien/sinh-con', 'Thủ tục đăng ký khai sinh']]) {
    test(`axe: ${path} at ${viewport.width}px has no WCAG 2.2 AA violations`, async () => {
      const page = await open(path, viewport);
      await page.getByText(proof).first().waitFor();
      const report = await axeViolations(page);
      assert.deepEqual(report, []);
    });
  }
}
