// Screenshots of the views the procedure-page issue (#16) is judged on, from any
// build: `node tests/e2e/shoot.mjs [DIST] [OUT]` (defaults: dist/, target/screenshots/now).
// Run it on an older build's dist/ for the "before" pictures. Not a test: it
// asserts nothing and prints what it wrote, with the print's A4 page count and
// how wide the page is at 360 px with the filters open.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const out = path.resolve(process.argv[3] ?? path.join(root, 'target/screenshots/now'));
fs.mkdirSync(out, { recursive: true });

const { server, url } = await startServer(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const PHONE = { width: 360, height: 740 };

async function page(viewport = PHONE, options = {}) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', serviceWorkers: 'block', ...options });
  return context.newPage();
}
const wrote = (name, note = '') => console.log(`${path.join(out, name)}${note ? '  ' + note : ''}`);

for (const code of ['1.001193', '1.013831', '2.001538']) {
  const p = await page();
  await p.goto(`${url}/thu-tuc/${code}`);
  await p.getByRole('heading', { level: 1 }).waitFor();
  await p.waitForTimeout(800);
  await p.screenshot({ path: path.join(out, `procedure-${code}-360.png`) });
  const screens = await p.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
  wrote(`procedure-${code}-360.png`, `(the page is ${screens.toFixed(1)} phone screens long)`);
  await p.emulateMedia({ media: 'print' });
  const pdf = await p.pdf({ format: 'A4', path: path.join(out, `print-${code}.pdf`) });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  wrote(`print-${code}.pdf`, `(${pages} A4 page${pages === 1 ? '' : 's'})`);
  await p.context().close();
}

{
  const p = await page();
  await p.goto(`${url}/tim-kiem?q=khai%20sinh`);
  await p.locator('ol.results, [data-testid=results]').first().waitFor();
  await p.getByText('Bộ lọc', { exact: true }).click();
  await p.waitForTimeout(500);
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  await p.screenshot({ path: path.join(out, 'search-filters-open-360.png'), fullPage: false });
  wrote('search-filters-open-360.png', `(page ${width} px wide in a 360 px screen)`);
  await p.context().close();
}

{
  const p = await page({ width: 540, height: 960 }, { deviceScaleFactor: 2 });
  await p.goto(`${url}/?che-do=kiosk`);
  await p.getByRole('searchbox').waitFor();
  await p.getByRole('searchbox').click();
  await p.waitForTimeout(500);
  for (const k of ['k', 'h', 'a', 'i']) {
    const key = p.getByRole('button', { name: k, exact: true });
    if (await key.count()) await key.first().click();
  }
  await p.waitForTimeout(1000);
  await p.screenshot({ path: path.join(out, 'kiosk-540x960-keyboard.png') });
  wrote('kiosk-540x960-keyboard.png');
  await p.context().close();
}

await browser.close();
server.close();
