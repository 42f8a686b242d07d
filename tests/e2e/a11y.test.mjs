// WCAG 2.2 AA checks with axe-core on every route, at phone and desktop widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, axeViolations, smallTargets } from './harness.mjs';

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
  ['/linh-vuc?cap=tinh', 'thủ tục trong'],
  ['/tra-cuu-dia-chi?q=hang+trong', 'Phường Hoàn Kiếm'],
  ['/duong-day-nong', '1800 1096'],
  ['/su-kien/sinh-con', 'Đăng ký khai sinh'],
  ['/minh-bach', 'Thành phố Đà Nẵng'],
  ['/nhung', 'Nhúng Cửa sổ số vào trang web của tỉnh'],
  ['/?che-do=kiosk', 'Bạn cần làm thủ tục gì?'],
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
      const report = await axeViolations(page);
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
  const small = await smallTargets(page, 'main a, main button, main input, main select, header a, header button');
  assert.deepEqual(small, []);
});
