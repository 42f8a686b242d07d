// WCAG 2.2 AA checks with axe-core on every route, at phone and desktop widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launch } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Each route with the text that proves its content (not a loading state) is there.
const ROUTES = [
  ['/', 'Thành phố Hồ Chí Minh'],
  ['/?lang=en', 'What do you need to do?'],
  ['/tinh/79', 'Phường Bến Thành'],
  ['/xa/00070', 'Phường Hàng Trống'],
  ['/xa/20242', 'Lê Hồng Phong'],
  ['/thu-tuc/1.001193', 'Giấy chứng sinh'],
  ['/tim-kiem?q=khai+sinh', 'Thủ tục đăng ký khai sinh'],
  ['/tim-kiem?q=zzzqqq', 'Không có kết quả'],
  ['/gan-toi', 'Dùng vị trí của tôi'],
  ['/tinh/99', 'Không tìm thấy'],
  ['/khong-co-trang-nay', 'Không tìm thấy'],
];

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
  for (const [path, proof] of ROUTES) {
    test(`axe: ${path} at ${viewport.width}px has no WCAG 2.2 AA violations`, async () => {
      const page = await h.page(viewport);
      await page.goto(h.url + path);
      await page.getByText(proof).first().waitFor();
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
      const report = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(report, []);
      if (process.env.SCREENSHOTS) {
        const name = path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
        await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}-${viewport.width}.png`, fullPage: true });
      }
    });
  }
}

test('keyboard: the skip link is the first stop and moves focus to the main content', async () => {
  const page = await h.page({ width: 1280, height: 800 });
  await page.goto(h.url + '/xa/00070');
  await page.getByText('Phường Hàng Trống').first().waitFor();
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.textContent.trim());
  assert.equal(first, 'Bỏ qua, đến nội dung chính');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
});

test('touch targets: every link and button in main is at least 44 px tall or inline in text', async () => {
  const page = await h.page();
  await page.goto(h.url + '/xa/20242');
  await page.getByText('Lê Hồng Phong').first().waitFor();
  const small = await page.evaluate(() => [...document.querySelectorAll('main a, main button, main input, main select, header a, header button')]
    .filter((el) => el.getBoundingClientRect().height < 44 && !el.closest('p, li, dd, td'))
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(small, []);
});
