// Policy: the served app carries a strict Content-Security-Policy (no inline
// script, nothing but 'wasm-unsafe-eval' beyond 'self', no third-party
// origin); on every route no violation is reported and no request leaves the
// app's origin; nothing is kept but the three preferences, and no cookie.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, DIST } from './harness.mjs';
import { ROUTES, startHostileServer, hostilePage, settle } from './faults.mjs';

let h, s;
before(async () => { h = await launch(); s = await startHostileServer(); });
after(async () => { s?.close(); await h?.close(); });

test('index.html: a strict policy by meta tag and no inline script', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'a CSP meta tag');
  const d = Object.fromEntries(csp.split(';').map((x) => x.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(d['default-src'], ["'self'"]);
  assert.deepEqual(d['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(d['style-src'], ["'self'"]);
  assert.deepEqual(d['object-src'], ["'none'"]);
  assert.ok(!csp.includes('unsafe-inline') && !/https?:/.test(csp), csp);
  assert.equal(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g), null, 'no inline script');
  assert.equal(/\son[a-z]+=/i.test(html), false, 'no inline event handler');
});

test('every route: no CSP violation, no request off the origin, only the three preferences stored, no cookie', async () => {
  await Promise.all(ROUTES.map(async (route) => {
    const page = await hostilePage(h.browser, s.url);
    await page.goto(s.url + route.path);
    assert.equal(await settle(page, route), 'ready', `${route.path}: shows its data`);
    if (route.path.startsWith('/thu-tuc/')) {
      // Choose a province and commune: the two remembered preferences.
      await page.getByTestId('where').locator('select').first().selectOption('01');
      await page.getByTestId('where').locator('select').nth(1).selectOption('00070');
    }
    await page.locator('.lang-switch').click();
    await page.waitForTimeout(300);
    const w = page.watch;
    assert.deepEqual(w.violations, [], `${route.path}: CSP violations`);
    assert.deepEqual(w.offOrigin, [], `${route.path}: requests off the origin`);
    assert.deepEqual(w.errors, [], `${route.path}: page errors`);
    const stored = await page.evaluate(() => Object.keys(localStorage).sort());
    const allowed = ['cuaso.lang', 'cuaso.tinh', 'cuaso.xa'];
    assert.ok(stored.every((k) => allowed.includes(k)), `${route.path}: stored ${stored}`);
    if (route.path.startsWith('/thu-tuc/')) assert.deepEqual(stored, allowed);
    if (route.path === '/gan-toi') {
      const all = await page.evaluate(() => JSON.stringify(localStorage) + document.cookie);
      assert.ok(!all.includes('21.03') && !all.includes('105.8'), 'the location is not stored');
    }
    assert.deepEqual(await page.context().cookies(), [], `${route.path}: cookies`);
    await page.context().close();
  }));
});
