// Embed mode (?che-do=nhung) on a provincial website: a host page on another
// loopback origin pastes the snippet; the frame follows the app's height,
// forged messages are ignored, options apply, bad options fall back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launch, axeViolations } from './harness.mjs';

let h;
let host;
let hostUrl;
// The host page's body, per path: the snippet the builder gives, plus a
// frame from a third origin that forges height messages.
const pages = new Map();

function hostServer() {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      if (path === '/favicon.ico') { res.writeHead(204).end(); return; }
      const body = pages.get(path);
      if (!body) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function hostPage(src, extra = '') {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin tỉnh</title></head>
<body><h1>Cổng thông tin điện tử tỉnh</h1>
<iframe data-cuaso src="${src}" title="Cửa sổ số" width="100%" height="600" loading="lazy"></iframe>
<script src="${h.url}/embed.js" async></script>${extra}<p id="after">Chân trang của tỉnh</p></body></html>`;
}

before(async () => {
  h = await launch();
  host = await hostServer();
  // Same machine, different origin: another port (and a name, not an address).
  hostUrl = `http://localhost:${host.address().port}`;
});
after(async () => { await h?.close(); host?.close(); });

/** The frame's height on the host, and its content's height inside. */
async function heights(page) {
  const frameEl = page.locator('iframe[data-cuaso]');
  const outer = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
  const frame = page.frame({ url: (u) => u.origin === h.url });
  const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { outer, inner, frame };
}

async function settled(page) {
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe[data-cuaso]');
    return f && f.style.height !== '';
  });
  // Until the frame stops changing.
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const { outer } = await heights(page);
    if (Math.abs(outer - last) < 1) break;
    last = outer;
    await page.waitForTimeout(150);
  }
  return heights(page);
}

test('the frame on a foreign-origin page grows and shrinks with the app as the person moves inside it', async () => {
  pages.set('/', hostPage(`${h.url}/?che-do=nhung`));
  const page = await h.page({ width: 1024, height: 800 });
  await page.goto(hostUrl + '/');
  let frame = page.frame({ url: (u) => u.origin === h.url });
  await page.frameLocator('iframe[data-cuaso]').getByTestId('province-list').waitFor();
  let { outer, inner } = await settled(page);
  assert.ok(inner > 1500, `home is long (${inner}px)`);
  assert.ok(Math.abs(outer - inner) <= 2, `frame ${outer}px vs content ${inner}px`);
  // No header or footer of the site inside; the way to the full app instead.
  const inside = page.frameLocator('iframe[data-cuaso]');
  assert.equal(await inside.locator('header.site-header').count(), 0);
  const full = inside.getByRole('link', { name: 'Cửa sổ số — mở bản đầy đủ' });
  assert.equal(await full.getAttribute('target'), '_blank');
  assert.match(await full.getAttribute('rel'), /noopener/);
  assert.equal(await full.getAttribute('href'), h.url + '/');
  // A short page: the frame shrinks to it.
  await inside.getByRole('link', { name: /Which commune|Địa chỉ cũ nay thuộc/ }).click();
  await inside.getByRole('heading', { level: 1, name: /Địa chỉ cũ của tôi/ }).waitFor();
  ({ outer, inner, frame } = await settled(page));
  assert.ok(inner < 1500, `address page is short (${inner}px)`);
  assert.ok(Math.abs(outer - inner) <= 2, `frame ${outer}px vs content ${inner}px`);
  assert.match(frame.url(), /\/tra-cuu-dia-chi\?che-do=nhung$/);
  // Typing: results make it grow again.
  await inside.getByRole('searchbox').pressSequentially('phuong 1');
  await inside.getByTestId('address-results').waitFor();
  const short = outer;
  ({ outer, inner, frame } = await settled(page));
  assert.ok(outer > short + 200, `grew from ${short} to ${outer}`);
  assert.ok(Math.abs(outer - inner) <= 2, `frame ${outer}px vs content ${inner}px`);
  assert.ok(frame.url().includes('che-do=nhung'), frame.url());
  assert.deepEqual(page.errors, []);
});

test('embed.js ignores height messages from another origin or of another shape', async () => {
  // A third origin on the page (an ad, say) tries to resize the frame.
  const forger = `http://127.0.0.1:${host.address().port}/forge`;
  pages.set('/forge', `<!doctype html><title>x</title><script>
    parent.postMessage({ type: 'cuaso:height', height: 4321 }, '*');
  </script>`);
  pages.set('/forged', hostPage(`${h.url}/?che-do=nhung&muc=dia-chi`,
    `<iframe id="other" src="${forger}" title="quảng cáo"></iframe>`));
  const page = await h.page({ width: 1024, height: 800 });
  await page.goto(hostUrl + '/forged');
  await page.frameLocator('iframe[data-cuaso]').getByRole('heading', { level: 1 }).waitFor();
  const { outer } = await settled(page);
  const frameHeight = () => page.locator('iframe[data-cuaso]').evaluate((f) => f.getBoundingClientRect().height);
  // The host itself, and the right origin with the wrong shape.
  await page.evaluate(() => window.postMessage({ type: 'cuaso:height', height: 3210 }, '*'));
  const frame = page.frame({ url: (u) => u.origin === h.url });
  for (const msg of [
    { type: 'cuaso:height', height: '3210' },
    { type: 'cuaso:height', height: Infinity },
    { type: 'cuaso:height', height: 1e9 },
    { type: 'cuaso:height', height: 3210, extra: 1 },
    { type: 'other', height: 3210 },
    [3210],
    'cuaso:height 3210',
  ]) {
    await frame.evaluate((m) => parent.postMessage(m, '*'), msg);
  }
  await page.waitForTimeout(500);
  assert.equal(await frameHeight(), outer);
  // …while a genuine one from the app is obeyed (the check is not just “never resize”).
  await frame.evaluate(() => parent.postMessage({ type: 'cuaso:height', height: 777 }, '*'));
  await page.waitForFunction(() => document.querySelector('iframe[data-cuaso]').getBoundingClientRect().height === 777);
  assert.deepEqual(page.errors, []);
});

test('options: preset province, English, accent colour and sections take effect', async () => {
  pages.set('/options', hostPage(`${h.url}/?che-do=nhung&ma-tinh=79&lang=en&mau=%23005a9c&muc=tim-kiem,su-kien`));
  const page = await h.page({ width: 1024, height: 800 });
  await page.goto(hostUrl + '/options');
  const inside = page.frameLocator('iframe[data-cuaso]');
  await inside.getByRole('heading', { level: 1, name: 'What do you need to do?' }).waitFor();
  await inside.getByTestId('preset-place').getByRole('link', { name: 'Thành phố Hồ Chí Minh' }).waitFor();
  const frame = page.frame({ url: (u) => u.origin === h.url });
  const look = await frame.evaluate(() => ({
    lang: document.documentElement.lang,
    brand: getComputedStyle(document.documentElement).getPropertyValue('--brand').trim(),
    button: getComputedStyle(document.querySelector('.search-row button')).backgroundColor,
  }));
  assert.deepEqual(look, { lang: 'en', brand: '#005a9c', button: 'rgb(0, 90, 156)' });
  // Sections: no province list, no address or hotline links; life events shown.
  assert.equal(await inside.getByTestId('province-list').count(), 0);
  assert.equal(await inside.getByRole('link', { name: /Hotlines/ }).count(), 0);
  await inside.getByTestId('life-events').waitFor();
  // A search is filtered to the preset province, in the frame, in the mode.
  await inside.getByRole('searchbox').pressSequentially('phuong ben thanh');
  await inside.locator('main ol li a').first().waitFor();
  const url = new URL(frame.url());
  assert.equal(url.searchParams.get('tinh'), '79');
  assert.equal(url.searchParams.get('che-do'), 'nhung');
  // A commune is not an embedded section here: it opens the full app in a new tab.
  const commune = inside.locator('main ol li a[href^="/xa/"]').first();
  await commune.waitFor();
  assert.equal(await commune.getAttribute('target'), '_blank');
  assert.equal(await commune.getAttribute('rel'), 'noopener');
  assert.match(await commune.getAttribute('href'), /^\/xa\/\d{5}\?lang=en$/);
  // A procedure is: it stays in the frame, in the mode.
  await inside.getByRole('searchbox').fill('khai sinh');
  const procedure = inside.locator('main ol li a[href^="/thu-tuc/1.001193"]').first();
  await procedure.waitFor();
  assert.equal(await procedure.getAttribute('target'), null);
  assert.match(await procedure.getAttribute('href'), /che-do=nhung/);
  await procedure.click();
  await inside.getByText('Giấy chứng sinh').first().waitFor();
  assert.match(frame.url(), /\/thu-tuc\/1\.001193\?.*che-do=nhung/);
  assert.deepEqual(page.errors, []);
});

test('invalid options fall back to the defaults, say so, and never break the page', async () => {
  pages.set('/bad', hostPage(`${h.url}/?che-do=nhung&ma-tinh=99&ma-xa=abc&lang=xx&mau=red&muc=foo&cho=1`));
  const page = await h.page({ width: 1024, height: 800 });
  await page.goto(hostUrl + '/bad');
  const inside = page.frameLocator('iframe[data-cuaso]');
  await inside.getByTestId('province-list').waitFor();
  const note = inside.getByTestId('mode-problems');
  await note.getByText(/ma-tinh=99: không có trong danh mục/).waitFor();
  const text = await note.innerText();
  for (const p of ['ma-xa=abc', 'lang=xx', 'mau=red', 'muc=foo']) assert.ok(text.includes(p), `${p} in ${text}`);
  assert.equal(await inside.getByTestId('preset-place').count(), 0);
  const frame = page.frame({ url: (u) => u.origin === h.url });
  assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()), '#9b1c1c');
  const { outer, inner } = await settled(page);
  assert.ok(Math.abs(outer - inner) <= 2);
  assert.deepEqual(page.errors, []);
});

test('/nhung documents the options, builds the snippet and previews it; axe finds nothing', async () => {
  const page = await h.page({ width: 1280, height: 900 });
  await page.goto(h.url + '/nhung');
  await page.getByRole('heading', { level: 1, name: 'Nhúng Cửa sổ số vào trang web của tỉnh' }).waitFor();
  const snippet = page.getByTestId('snippet');
  assert.match(await snippet.inputValue(), /<iframe data-cuaso src="http:\/\/127\.0\.0\.1:\d+\/\?che-do=nhung"/);
  await page.getByLabel('Tỉnh, thành phố mặc định').selectOption('79');
  await page.getByLabel('Ngôn ngữ').selectOption('en');
  await page.getByLabel(/Màu nhấn/).fill('#ffff00');
  await page.getByRole('alert').getByText(/màu quá nhạt/).waitFor();
  await page.getByLabel(/Màu nhấn/).fill('#005a9c');
  await page.getByLabel(/Theo sự kiện trong đời/).uncheck();
  const code = await snippet.inputValue();
  assert.ok(code.includes('?che-do=nhung&amp;ma-tinh=79&amp;lang=en&amp;mau=%23005a9c&amp;muc=tim-kiem,dia-chi,duong-day-nong,dia-ban'), code);
  assert.ok(code.includes('<script src="' + h.url + '/embed.js" async></script>'), code);
  // The live preview shows the same options, and sizes itself to its content.
  const preview = page.frameLocator('[data-testid=preview]');
  await preview.getByTestId('preset-place').getByText('Thành phố Hồ Chí Minh').waitFor();
  await preview.getByRole('heading', { level: 1, name: 'What do you need to do?' }).waitFor();
  await page.waitForFunction(() => {
    const f = document.querySelector('[data-testid=preview]');
    const inner = f.contentDocument.documentElement.getBoundingClientRect().height;
    return inner > 300 && Math.abs(f.getBoundingClientRect().height - inner) <= 2;
  });
  await page.getByRole('columnheader', { name: 'Tham số' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize({ width: 360, height: 740 });
  assert.deepEqual(await axeViolations(page), []);
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `sideways scroll: ${scroll} > ${client}`);
  assert.deepEqual(page.errors, []);
});
