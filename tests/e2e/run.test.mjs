// The README's first command, started as a user starts it: `scripts/run` in the
// background on a free port. It must serve the real app (deep links included, with
// its Content-Security-Policy) and render real content in Chromium; and when its
// build fails, it must stop with the error, never leave a server listening.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// A cold build compiles the app; the test command has just built it, so this is the warm case.
const START_TIMEOUT_MS = 20 * 60 * 1000;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts `scripts/run` in its own process group; collects its output. */
function startRun(env) {
  const child = spawn(path.join(ROOT, 'scripts/run'), [], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.output = '';
  child.stdout.on('data', (d) => { child.output += d; });
  child.stderr.on('data', (d) => { child.output += d; });
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

function stop(child) {
  if (child.exitCode === null && child.signalCode === null) {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
  return child.exited;
}

async function answers(url) {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return r.status;
  } catch {
    return null;
  }
}

/** Resolves once `url` answers, or rejects when the command exits first or time runs out. */
async function waitUntilServing(child, url) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exited = null;
  child.exited.then((e) => { exited = e; });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`scripts/run exited (${JSON.stringify(exited)}) before serving:\n${child.output.slice(-3000)}`);
    if ((await answers(url)) !== null) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`scripts/run did not answer at ${url} within ${START_TIMEOUT_MS / 60000} min:\n${child.output.slice(-3000)}`);
}

let run;
let base;
before(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  run = startRun({ PORT: String(port) });
  await waitUntilServing(run, base + '/');
});
after(async () => { if (run) await stop(run); });

const PAGES = [
  ['/', /Thành phố Hồ Chí Minh/],
  ['/thu-tuc/1.001193', /khai sinh/i],
  ['/xa/00070', /Phường Hoàn Kiếm/],
  ['/tinh/79?lang=en', /Hồ Chí Minh/],
];

test('scripts/run answers every route, deep links included, with the app and its CSP', async () => {
  for (const [route] of PAGES) {
    const r = await fetch(base + route);
    assert.equal(r.status, 200, `${route} answers ${r.status}`);
    assert.match(r.headers.get('content-type') ?? '', /text\/html/, route);
    const html = await r.text();
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self'/, `${route} has no CSP`);
    assert.match(html, /<script type="module" src="\/boot-[0-9a-f]+\.js" integrity="sha384-/, `${route} does not start the app`);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${route} carries an inline script the CSP would block`);
  }
  // A data file that does not exist is a real 404, so the app can say "not found".
  assert.equal((await fetch(base + '/data/no-such-file.json')).status, 404);
});

test('the app served by scripts/run renders real content in Chromium', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
           '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const [route, content] of PAGES) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(base + route);
      await page.locator('main').getByText(content).first().waitFor({ timeout: 30_000 });
      if (route.includes('lang=en')) {
        // The prerendered page is Vietnamese; the app, started at once for `?lang=en`, makes it English.
        await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 30_000 })
          .catch(() => assert.fail(`${route} is not in English`));
      }
      assert.deepEqual(errors, [], `${route}: ${errors.join('; ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
});

test('a failed build ends scripts/run with its error as the last words, and nothing listens', async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cuaso-no-sources-'));
  const port = await freePort();
  const failing = startRun({ PORT: String(port), CUASO_SOURCES: empty });
  let timer;
  const result = await Promise.race([
    failing.exited,
    new Promise((r) => { timer = setTimeout(() => r('timeout'), START_TIMEOUT_MS); }),
  ]);
  clearTimeout(timer);
  if (result === 'timeout') await stop(failing);
  fs.rmSync(empty, { recursive: true, force: true });
  assert.notEqual(result, 'timeout', 'scripts/run did not stop after a failed build');
  assert.notEqual(result.code, 0, 'a failed build must fail the command');
  const lastLines = failing.output.trim().split('\n').slice(-3).join('\n');
  assert.match(lastLines, /error/i, `the last words are not the error:\n${lastLines}`);
  assert.equal(await answers(`http://127.0.0.1:${port}/`), null, 'a server is listening after a failed build');
});
