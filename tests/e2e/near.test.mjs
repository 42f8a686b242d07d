// Journey: "near me" — location only on a tap; a refusal says what to do instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const pageWith = (options) => h.page(undefined, options);

test('with location allowed, a tap lists the nearest communes with distances', async () => {
  // The centroid of Phường Hoàn Kiếm, Hà Nội.
  const page = await pageWith({ geolocation: { latitude: 21.032, longitude: 105.85 }, permissions: ['geolocation'] });
  let asked = false;
  await page.exposeFunction('__asked', () => { asked = true; });
  await page.addInitScript(() => {
    const orig = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
    navigator.geolocation.getCurrentPosition = (...a) => { window.__asked(); return orig(...a); };
  });
  await page.goto(h.url + '/gan-toi');
  await page.getByRole('button', { name: 'Dùng vị trí của tôi' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(asked, false, 'the location is not asked for before the tap');
  await page.getByRole('button', { name: 'Dùng vị trí của tôi' }).click();
  const list = page.getByTestId('near-results');
  await list.waitFor();
  const first = list.locator('li').first();
  assert.equal(await first.locator('a').getAttribute('href'), '/xa/00070');
  assert.match(await first.innerText(), /Phường Hoàn Kiếm[\s\S]*Thành phố Hà Nội · 0,0 km/);
  assert.equal(await list.locator('li').count(), 6);
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes('21.03')), false, 'the position is not stored');
  assert.deepEqual(page.errors, []);
});

test('in Đà Nẵng the published commune office is shown with its distance', async () => {
  const page = await pageWith({ geolocation: { latitude: 16.0637, longitude: 108.2225 }, permissions: ['geolocation'] });
  await page.goto(h.url + '/gan-toi');
  await page.getByRole('button', { name: 'Dùng vị trí của tôi' }).click();
  const list = page.getByTestId('near-results');
  await list.waitFor();
  assert.match(await list.innerText(), /Trụ sở: Số 15 đường Lê Hồng Phong, phường Hải Châu · 0,0 km/);
});

test('a refusal says what to do instead', async () => {
  const page = await pageWith({ permissions: [] });
  await page.goto(h.url + '/gan-toi');
  await page.getByRole('button', { name: 'Dùng vị trí của tôi' }).click();
  const denied = page.getByTestId('near-denied');
  await denied.waitFor();
  assert.match(await denied.innerText(), /Không dùng được vị trí/);
  await denied.getByRole('link', { name: 'Tra cứu từ địa chỉ cũ' }).waitFor();
});
