// Bad networks: every route under every fault the hostile server injects on
// the catalogue files (404, 500, reset, hang, slow, truncated, wrong content
// type) and with the browser going offline mid-way. Each route must end —
// within the app's bounded timeouts and retries — in its data or a clear,
// bilingual failure with a way on (retry, or home), never a blank page, a
// panic or a spinner; no request may be retried forever; a retry in place
// recovers once the fault is gone; back online, the page recovers by itself.
// The routes of one fault run side by side, so the whole matrix takes about
// as long as its slowest fault (a hang: two attempts of 15 s).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { FAULTS, ROUTES, FAILED, startHostileServer, hostilePage, settle, notBlank, go } from './faults.mjs';

let h, s;
before(async () => { h = await launch(); s = await startHostileServer(); });
after(async () => { s?.close(); await h?.close(); });

/** The failure shown says so in Vietnamese and, after the switch, in English. */
async function bilingual(page) {
  const failure = page.locator(FAILED).first();
  const vi = await failure.innerText();
  await page.locator('.lang-switch').click();
  const en = await failure.innerText();
  await page.locator('.lang-switch').click();
  assert.match(vi, /Có lỗi khi tải dữ liệu|Không tìm thấy|Không tải được/, vi);
  assert.match(en, /Something went wrong|Not found|could not be loaded/, en);
}

for (const fault of Object.keys(FAULTS)) {
  test(`fault "${fault}" on the catalogue: every route fails clearly, stops retrying, and recovers in place`, async () => {
    s.fault = fault;
    const pages = await Promise.all(ROUTES.map(async (route) => {
      const page = await hostilePage(h.browser, s.url);
      await page.goto(s.url + route.path);
      const started = Date.now();
      const outcome = await settle(page, route);
      return { route, page, outcome, seconds: (Date.now() - started) / 1000 };
    }));
    // Nothing is retried forever: a page may show one load's failure while
    // another is still in its (bounded) backoff, so let that budget run out,
    // then the server must hear nothing more.
    await new Promise((r) => setTimeout(r, 3500));
    const heard = s.total();
    await new Promise((r) => setTimeout(r, 3500));
    assert.equal(s.total(), heard, `requests kept coming after every page had settled under "${fault}"`);
    s.fault = null;
    for (const { route, page, outcome, seconds } of pages) {
      const where = `${route.path} under "${fault}"`;
      assert.equal(outcome, route.noData ? 'ready' : 'failed', `${where}: shows a failure`);
      assert.ok(await notBlank(page), `${where}: not blank`);
      await bilingual(page);
      const retry = page.getByTestId('retry').first();
      const notFound = await page.getByTestId('not-found').count();
      if (route.noData) {
        assert.ok(notFound, `${where}: not-found page`);
      } else if (['404', 'wrong-type'].includes(fault)) {
        // The file "does not exist": not retried; a way home that works.
        const home = page.locator(FAILED).first().getByRole('link', { name: 'Về trang chủ' });
        assert.equal(await home.getAttribute('href'), '/', `${where}: a way home`);
        if (route.path !== '/') {
          await home.click();
          await page.locator(ROUTES[0].ready).waitFor({ timeout: 15_000 });
        }
      } else {
        assert.ok(await retry.isVisible(), `${where}: has a retry button`);
        const url = page.url();
        await retry.click();
        await page.locator(route.ready).first().waitFor({ timeout: 20_000 });
        assert.equal(page.url(), url, `${where}: retried in place, same URL`);
        if (route.path.startsWith('/tim-kiem')) assert.equal(await page.locator('#q').inputValue(), 'khai sinh');
      }
      assert.deepEqual(page.watch.errors, [], `${where}: no page error`);
      console.log(`# ${fault.padEnd(10)} ${route.path.padEnd(36)} failure shown after ${seconds.toFixed(1)} s`);
      await page.context().close();
    }
  });
}

test('offline mid-way: cached data stays, new data fails with retry, and back online every route recovers by itself', async () => {
  const pages = await Promise.all(ROUTES.map(async (route) => {
    const page = await hostilePage(h.browser, s.url);
    await page.goto(s.url + '/');
    await page.locator(ROUTES[0].ready).waitFor();
    // Everything the home page asks for has arrived (the life events may come after the provinces).
    await page.waitForLoadState('networkidle');
    await page.context().setOffline(true);
    await go(page, route.path);
    const outcome = await settle(page, route);
    return { route, page, outcome };
  }));
  for (const { route, page, outcome } of pages) {
    const where = `${route.path} offline`;
    // The home page loaded the provinces and the life events: those pages need nothing more.
    const cached = ['/', '/su-kien'].includes(route.path) || route.noData;
    assert.equal(outcome, cached ? 'ready' : 'failed', `${where}: ${cached ? 'shown from memory' : 'fails clearly'}`);
    assert.ok(await notBlank(page), `${where}: not blank`);
    if (!cached) {
      assert.ok(await page.getByTestId('retry').first().isVisible(), `${where}: has a retry button`);
      await bilingual(page);
      // What was loaded before going offline is still there.
      await page.goBack();
      await page.locator(ROUTES[0].ready).waitFor({ timeout: 5000 });
      await page.goForward();
      assert.equal(await settle(page, route, 10_000), 'failed', `${where}: fails again, still offline`);
    }
  }
  // Back online: no click needed.
  await Promise.all(pages.map(async ({ route, page }) => {
    await page.context().setOffline(false);
    await page.locator(route.ready).first().waitFor({ timeout: 20_000 });
    assert.deepEqual(page.watch.errors, [], `${route.path}: no page error`);
    console.log(`# offline    ${route.path.padEnd(36)} recovered by itself`);
    await page.context().close();
  }));
});
