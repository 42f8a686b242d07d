// Hostile input: the payloads of tests/corpus/xss/payloads.txt placed in every
// kind of text field of the served catalogue and in every URL parameter.
// None may run (no dialog), inject an element or attribute, navigate the
// page or reach another origin; each shows as literal text. Links from data
// keep to http, https, tel, mailto and geo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch } from './harness.mjs';
import { ROUTES, startHostileServer, hostilePage, settle, go } from './faults.mjs';

const PAYLOADS = fs.readFileSync(new URL('../corpus/xss/payloads.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);
/** Payloads per data run: every text field holds this many at once. */
const GROUP = 14;
/** Text fields of the catalogue, by key; codes, enums and references are left alone. */
const TEXT = new Set(['name', 'name_en', 'short_name', 'address', 'hours', 'number', 'heading', 'form', 'title', 'note',
  'field', 'authority', 'procedure_type', 'decision', 'summary', 'summary_en', 'district', 'publisher', 'caveat', 'licence',
  'date', 'built', 'text', 'province', 'value', 'url', 'official_url', 'implementing', 'competent', 'authorised', 'coordinating',
  'trust']);
const TEXT_LISTS = new Set(['phones', 'target_groups', 'merged_from', 'everyday', 'value', 'notes']);
const CODE = /^[0-9.]+$|^[a-z0-9-]+-20\d\d$/;
/** Enums under a text key: a reported value's `field`; a procedure's absent `province` is a code. */
const REPORTED_FIELDS = new Set(['address', 'phone', 'hotline', 'address-and-phone']);
const isEnumOrCode = (k, x) => (k === 'field' && REPORTED_FIELDS.has(x)) || (k === 'province' && x === null);

let h, s;
before(async () => { h = await launch(); s = await startHostileServer(); });
after(async () => { s?.close(); await h?.close(); });

/** Rewrites every text field of a catalogue file to `text`; notes the field kinds touched. */
function inject(json, text, kinds, limit = Infinity) {
  const walk = (v, key) => {
    if (Array.isArray(v)) {
      const list = TEXT_LISTS.has(key);
      return v.map((x, i) => (i >= limit ? x : typeof x === 'string' ? (list ? (kinds.add(`${key}[]`), text) : x) : walk(x, key)));
    }
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        // An empty (null) text field is filled too: "not published" fields get their turn.
        if ((typeof x === 'string' || x === null) && TEXT.has(k) && !CODE.test(x ?? '') && k !== 'version' && !isEnumOrCode(k, x)) {
          kinds.add(k);
          v[k] = k === 'official_url' || k === 'url' ? 'javascript:alert(99)' : text;
        } else if (x && typeof x === 'object') {
          v[k] = walk(x, k);
        }
      }
    }
    return v;
  };
  return walk(json, '');
}

/** Text fields of the search records (crates/search/src/tsv.rs), by record kind: field positions after the kind. */
const TSV_TEXT = { P: [1, 2, 3], C: [1], T: [1, 2, 5, 6, 7], L: [1, 2, 3] };

/** Rewrites the text fields of the first `limit` records of each kind in a search .tsv file. */
function injectTsv(tsv, text, kinds, limit) {
  const seen = {};
  return tsv.split('\n').map((line) => {
    const [kind, ...fields] = line.split('\t');
    if (!TSV_TEXT[kind] || (seen[kind] = (seen[kind] || 0) + 1) > limit) return line;
    for (const i of TSV_TEXT[kind]) fields[i] = text;
    kinds.add(`tsv ${kind}`);
    return [kind, ...fields].join('\t');
  }).join('\n');
}

/** What must never be in the page, however the data or URL is written. */
async function injected(page) {
  return page.evaluate(() => {
    const bad = [];
    const FORBIDDEN = 'script:not([src]), body script, iframe, object, embed, img, video, audio, source, marquee, isindex, keygen, x, math, base, body meta, body link, style, template, animate, textarea';
    for (const el of document.querySelectorAll(FORBIDDEN)) bad.push(el.outerHTML.slice(0, 80));
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        const v = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (a.name.startsWith('on') || (['href', 'src', 'action', 'xlink:href', 'formaction', 'data'].includes(a.name) && /^(javascript|data|vbscript):/.test(v))) {
          bad.push(`${el.tagName.toLowerCase()} ${a.name}=${a.value.slice(0, 40)}`);
        }
      }
      if (el.tagName === 'A' && el.getAttribute('href') && !/^(\/|#|https?:|tel:|mailto:|geo:)/i.test(el.getAttribute('href'))) {
        bad.push(`a href=${el.getAttribute('href').slice(0, 40)}`);
      }
    }
    return bad;
  });
}

function clean(page, where) {
  const w = page.watch;
  assert.deepEqual(w.dialogs, [], `${where}: a payload ran`);
  assert.deepEqual(w.offOrigin, [], `${where}: a request left the origin`);
  assert.deepEqual(w.violations, [], `${where}: CSP violation`);
  assert.deepEqual(w.errors, [], `${where}: page error`);
}

const groups = [];
for (let i = 0; i < PAYLOADS.length; i += GROUP) groups.push(PAYLOADS.slice(i, i + GROUP));

const DATA_ROUTES = ROUTES.map((r) =>
  r.path.startsWith('/tim-kiem') ? { ...r, path: '/tim-kiem?q=xss' }
    : r.path.startsWith('/tra-cuu-dia-chi') ? { ...r, path: '/tra-cuu-dia-chi?q=xss', ready: '[data-testid=address-results], [data-testid=address-none]' } : r);
/**
 * KNOWN FAILURE (docs/security.md): leptos_router 0.8 percent-decodes query
 * values twice, so a value that itself holds %-escapes (payload 31) reaches
 * the page decoded once more: inert text, but not literal. Asserted as it is,
 * so that a fix shows up here.
 */
const shownAs = (p) => (/%[0-9A-Fa-f]{2}/.test(p) ? decodeURIComponent(p) : p);
// Đà Nẵng and Phường Hải Châu: published addresses, phones and support points.
DATA_ROUTES.push({ path: '/tinh/48', ready: ROUTES[2].ready }, { path: '/xa/20242', ready: ROUTES[3].ready });
const kinds = new Set();

groups.forEach((group, g) => {
  test(`payloads ${g * GROUP + 1}–${g * GROUP + group.length} in every text field of the catalogue, on every route`, async () => {
    const text = `xss ${group.join(' ¦ ')}`;
    s.transform = (data, path) => (path.endsWith('.tsv') ? injectTsv(data, text, kinds, 300) : inject(data, text, kinds));
    try {
      await Promise.all(DATA_ROUTES.map(async (route) => {
        const page = await hostilePage(h.browser, s.url);
        await page.goto(s.url + route.path);
        const where = `${route.path} with payloads ${g * GROUP + 1}–${g * GROUP + group.length}`;
        assert.equal(await settle(page, route, 30_000), 'ready', `${where}: shows its data`);
        await page.waitForTimeout(300);
        assert.deepEqual(await injected(page), [], `${where}: injected`);
        const shown = await page.evaluate(() => document.body.textContent);
        for (const p of group) assert.ok(shown.includes(p), `${where}: literal text of ${p}`);
        assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, new URL(s.url + route.path).pathname + new URL(s.url + route.path).search, `${where}: navigated`);
        clean(page, where);
        await page.context().close();
      }));
    } finally {
      s.transform = null;
    }
  });
});

test('every payload in every URL parameter and route segment: literal, inert', async () => {
  const enc = encodeURIComponent;
  const all = (p) => ['q', 'tinh', 'xa', 'linh-vuc', 'cap', 'kenh', 'lang'].map((k) => `${k}=${enc(p)}`).join('&');
  // A first visit reads the URL at start-up (the language, the query).
  const loads = [];
  for (let i = 0; i < PAYLOADS.length; i += 4) {
    await Promise.all(PAYLOADS.slice(i, i + 4).map(async (p) => {
      const page = await hostilePage(h.browser, s.url);
      await page.goto(`${s.url}/tim-kiem?${all(p)}`);
      await page.locator('#q').waitFor();
      await page.waitForTimeout(200);
      assert.equal(await page.locator('#q').inputValue(), shownAs(p), `search box shows ${p}`);
      assert.deepEqual(await injected(page), [], `start-up with ${p}`);
      clean(page, `start-up with ${p}`);
      loads.push(p);
      await page.context().close();
    }));
  }
  // Then the app's own navigation, every parameter and segment.
  const page = await hostilePage(h.browser, s.url);
  await page.goto(s.url + '/');
  await page.locator(ROUTES[0].ready).waitFor();
  let combos = 0;
  for (const p of PAYLOADS) {
    const visits = [
      [`/tim-kiem?${all(p)}`, '#q', 7],
      [`/tra-cuu-dia-chi?q=${enc(p)}&lang=${enc(p)}`, '#address-q', 2],
      [`/duong-day-nong?q=${enc(p)}`, '#hotline-filter', 1],
      [`/tinh/${enc(p)}`, null, 1],
      [`/xa/${enc(p)}`, null, 1],
      [`/thu-tuc/${enc(p)}`, null, 1],
      [`/su-kien/${enc(p)}`, null, 1],
    ];
    for (const [url, input, n] of visits) {
      await go(page, url);
      const where = `${url.slice(0, 60)}`;
      if (input) {
        await page.waitForFunction(([sel, p]) => document.querySelector(sel)?.value === p, [input, shownAs(p)], { timeout: 10_000 });
      } else {
        await page.getByTestId('not-found').first().waitFor({ timeout: 10_000 });
      }
      assert.deepEqual(await injected(page), [], `${where}: injected`);
      combos += n;
    }
  }
  clean(page, 'URL parameters');
  await page.context().close();
  console.log(`# ${PAYLOADS.length} payloads × 14 URL parameters and segments = ${combos} combinations; ${loads.length} start-up loads`);
});

after(() => {
  console.log(`# ${PAYLOADS.length} payloads × ${kinds.size} kinds of text field: ${[...kinds].sort().join(', ')}`);
});
