// Shared setup (one static server and one headless Chromium per test file) and shared checks.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '../../dist');

export async function launch() {
  const { server, url } = await startServer(DIST);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
           '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  return {
    url,
    browser,
    /** A page in a context of its own; `options` are Playwright's context options
     *  (geolocation, deviceScaleFactor…), over these defaults. */
    async page(viewport = { width: 360, height: 740 }, options = {}) {
      // No service worker: each test sees a first visit, and its requests are the
      // page's own (offline.test.mjs allows the worker where it is the subject).
      const context = await browser.newContext({ viewport, locale: 'vi-VN', serviceWorkers: 'block', ...options });
      const page = await context.newPage();
      afterTakeover(page);
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.errors = errors;
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/**
 * `page.goto` and `page.reload` return, as Playwright's default 'load' does,
 * once the page is the app: a prerendered page is plain HTML until someone uses
 * it (or it has been idle a while), then the app takes its place (src/takeover.rs
 * removes `#boot`); the suites test the app, so they use the page first, as a
 * person does, with a key that types nothing (Shift). A goto that asks for less
 * ('domcontentloaded', 'commit') returns as asked.
 */
export function afterTakeover(page) {
  for (const name of ['goto', 'reload']) {
    const original = page[name].bind(page);
    page[name] = async (...args) => {
      const options = (name === 'goto' ? args[1] : args[0]) ?? {};
      const response = await original(...args);
      if (!options.waitUntil || ['load', 'networkidle'].includes(options.waitUntil)) {
        if (await page.locator('#boot[data-prerendered]').count().catch(() => 0)) await page.keyboard.press('Shift');
        await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 60_000 }).catch(() => {});
      }
      return response;
    };
  }
  return page;
}

// Checks shared by the suites.

// Evaluated through the DevTools protocol rather than added as a <script>: the
// app's Content-Security-Policy (rightly) blocks inline script.
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.2 AA violations on the page, one readable line each. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

export async function noHorizontalScroll(page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `page scrolls sideways at ${client}px: ${scroll}px wide`);
}

/** Controls shorter than `min` px (44 by default) that are not inline in running text (`exempt` ancestors). */
export async function smallTargets(page, selector = 'main a, main button, main input, main select, main summary', exempt = 'p, li, dd, td', min = 44) {
  return page.evaluate(([sel, ex, m]) => [...document.querySelectorAll(sel)]
    .filter((el) => el.getBoundingClientRect().height < m && !el.closest(ex))
    .map((el) => el.outerHTML.slice(0, 80)), [selector, exempt, min]);
}
