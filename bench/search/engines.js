// The four engines behind one interface, for the page (bench.js) and for the
// Node tuning script (tune.mjs). Every peer indexes the SAME records, built
// from the search records by `records(parseTsv(…))`, and gets the same Vietnamese accent folding.
//
//   const e = await ENGINES.minisearch(options?);  // imports that library only
//   e.build(searchJsonText);        // parse + index; timed by the caller
//   e.search(query, k) -> [route]   // at most k distinct routes, best first
//
// Our engine ("cuaso") is created by bench.js from the wasm module instead.

// Each factory imports its own library, so that a page measuring one engine
// loads (and pays for) that library alone.

// ---------------------------------------------------------------------------
// Shared text handling

/** Vietnamese accent folding: NFD, drop combining marks, đ→d, lower case. */
export function fold(text) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Words: letters and digits; a dot stays inside a number ("1.001193"). */
const WORD = /[\p{L}\p{N}]+(?:\.\p{N}+)*/gu;
export function words(text) {
  return text.match(WORD) ?? [];
}

/** The search records (crates/search/src/tsv.rs: both files, one after the other) as objects. */
export function parseTsv(text) {
  const data = { provinces: [], communes: [], legacy: [], procedures: [] };
  const items = (s) => (s ? s.split('\u001f') : []);
  for (const line of text.split('\n')) {
    const [kind, ...f] = line.split('\t');
    if (kind === 'P') data.provinces.push({ code: f[0], name: f[1], short_name: f[2], merged_from: items(f[3]) });
    else if (kind === 'C') data.communes.push({ code: f[0], name: f[1], province: f[2] });
    else if (kind === 'L') data.legacy.push({ code: f[0], name: f[1], district: f[2], province: f[3], targets: items(f[4]) });
    else if (kind === 'T') data.procedures.push({ code: f[0], name: f[1], field: f[2], everyday: items(f[5]) });
  }
  return data;
}

/**
 * The records every peer indexes, one per searchable thing:
 *  - province  → /tinh/<code>: name; context = short name, merged provinces
 *  - commune   → /xa/<code>: name; context = province name
 *  - legacy    → /xa/<first target>: old name; context = old district, old province
 *  - procedure → /thu-tuc/<code>: name; everyday = curated everyday names; context = field
 * `code` holds the GSO / procedure code (not for legacy units: their old
 * codes are not what the routes use).
 */
export function records(data) {
  const provinceName = new Map(data.provinces.map((p) => [p.code, p.name]));
  const out = [];
  const push = (route, kind, name, everyday, context, code) =>
    out.push({ id: out.length, route, kind, name, everyday, context, code, all: [code, name, everyday, context].filter(Boolean).join(' · ') });
  for (const p of data.provinces) {
    push(`/tinh/${p.code}`, 'province', p.name, '', [p.short_name, ...p.merged_from].join(' · '), p.code);
  }
  for (const c of data.communes) {
    push(`/xa/${c.code}`, 'commune', c.name, '', provinceName.get(c.province) ?? '', c.code);
  }
  for (const l of data.legacy) {
    if (!l.targets.length) continue;
    push(`/xa/${l.targets[0]}`, 'legacy', l.name, '', `${l.district} · ${l.province}`, '');
  }
  for (const p of data.procedures) {
    push(`/thu-tuc/${p.code}`, 'procedure', p.name, p.everyday.join(' · '), p.field, p.code);
  }
  return out;
}

/** The first k distinct routes of a ranked list of record ids. */
function topRoutes(recs, ids, k) {
  const seen = new Set();
  const out = [];
  for (const id of ids) {
    const route = recs[id].route;
    if (seen.has(route)) continue;
    seen.add(route);
    out.push(route);
    if (out.length === k) break;
  }
  return out;
}

// Several records can share a route (legacy units → their new commune), so
// each peer is asked for this many times k ids before de-duplication.
const OVERFETCH = 5;

// ---------------------------------------------------------------------------
// MiniSearch 7: inverted index (radix tree), BM25+, prefix and fuzzy terms.

export const MINISEARCH_DEFAULTS = {
  // name > everyday > context; a code is as telling as a name, or more.
  boost: { code: 3, name: 2, everyday: 1.5, context: 1 },
  // Edit distance up to 0.2 × the term's length (the docs' example value).
  fuzzy: 0.2,
  // Every query term also matches as a prefix.
  prefix: true,
  // The default: any term may match, more matching terms rank higher.
  // ('AND' measured: 189/261 top-k against 239 with 'OR'.)
  combineWith: 'OR',
};

async function minisearch(opts = {}) {
  const { default: MiniSearch } = await import('minisearch');
  const o = { ...MINISEARCH_DEFAULTS, ...opts };
  let recs = [];
  let index = null;
  return {
    name: 'MiniSearch',
    build(text) {
      recs = records(parseTsv(text));
      index = new MiniSearch({
        idField: 'id',
        fields: ['code', 'name', 'everyday', 'context'],
        storeFields: [],
        tokenize: words,
        processTerm: (term) => fold(term),
        searchOptions: {
          boost: o.boost,
          fuzzy: o.fuzzy,
          prefix: o.prefix,
          combineWith: o.combineWith,
        },
      });
      index.addAll(recs);
    },
    search(q, k) {
      // MiniSearch has no result limit: it returns every match, ranked.
      const hits = index.search(q);
      return topRoutes(recs, hits.map((h) => h.id), k);
    },
  };
}

// ---------------------------------------------------------------------------
// FlexSearch 0.8: Document index, one sub-index per field, custom Encoder.

export const FLEXSEARCH_DEFAULTS = {
  // Sub-indexes, searched in this order; `merge` lists each field's hits in
  // that order. `all` is the record's whole text (code, name, everyday names,
  // context); `all_prefix` is the same text again under another tokenizer.
  fields: [
    // Codes alone, whole, first: "79" and "00070" are exact look-ups.
    { field: 'code', tokenize: 'strict', dedupe: false },
    // Whole words, with the context index (the docs: "Only the tokenizer
    // strict is actually supported by the context index"); `true` = the
    // documented defaults { depth: 1, bidirectional: true, resolution: 3 }.
    { field: 'all', tokenize: 'strict', context: true },
    // Prefixes of words, for unfinished words.
    { field: 'all_prefix', source: 'all', tokenize: 'forward' },
  ],
  suggest: true,
  resolution: 9,
  dedupe: true, // the default letter de-duplication ("nguyenn" = "nguyen"); not on codes
};

/** Dots survive only between digits, so the split keeps procedure codes whole. */
const keepCodeDots = (s) => s.replace(/(?<!\p{N})\.|\.(?!\p{N})/gu, ' ');

async function flexsearch(opts = {}) {
  const { Document, Encoder } = await import('flexsearch');
  const o = { ...FLEXSEARCH_DEFAULTS, ...opts };
  let recs = [];
  let index = null;
  return {
    name: 'FlexSearch',
    build(text) {
      recs = records(parseTsv(text));
      const encoder = (dedupe) => new Encoder({
        normalize: fold, // replaces the built-in normalisation (which keeps đ)
        prepare: keepCodeDots,
        split: /[^\p{L}\p{N}.]+/u, // like the default, but "1.001193" stays one term
        numeric: false, // no splitting of numbers into triplets: codes are whole terms
        dedupe,
      });
      const encoders = new Map([true, false].map((d) => [d, encoder(d)]));
      index = new Document({
        document: {
          id: 'id',
          index: o.fields.map(({ field, source, dedupe, ...rest }) => ({
            field,
            encoder: encoders.get(dedupe ?? o.dedupe),
            resolution: o.resolution,
            ...rest,
          })),
        },
      });
      const copies = o.fields.filter((f) => f.source);
      for (const r of recs) {
        const doc = { ...r };
        for (const f of copies) doc[f.field] = r[f.source];
        index.add(doc);
      }
    },
    search(q, k) {
      const merged = index.search(q, {
        limit: k * OVERFETCH,
        suggest: o.suggest,
        merge: true,
        index: o.fields.map((f) => f.field),
      });
      return topRoutes(recs, merged.map((e) => e.id), k);
    },
  };
}

// ---------------------------------------------------------------------------
// Fuse.js 7: Bitap approximate matching over every record (no inverted index).

export const FUSE_DEFAULTS = {
  // 0 = exact, 1 = anything. Measured top-k/261: 0.15 → 216, 0.2 → 215,
  // 0.25 → 208, 0.3 → 210 (0.6, the default, drowns the hits in noise).
  threshold: 0.2,
  // Match anywhere in a field, not only near its start.
  ignoreLocation: true,
  // Fuse 7.3+ token search: each query word fuzzy-matched on its own, BM25-like
  // IDF ranking. Measured against whole-string Bitap (useTokenSearch: false,
  // threshold 0.3 / 0.4): 210 vs 160 / 181 top-k, and faster.
  useTokenSearch: true,
  tokenMatch: 'any', // 'all' measured: 179 top-k (typos then drop whole records)
  weights: { code: 3, name: 3, everyday: 2, context: 1 },
  // Index folded copies of the fields and fold the query, instead of
  // `ignoreDiacritics: true` (which folds đ too, but again on every record at
  // every query): same hits measured, 1.8× faster.
  preFold: true,
};

async function fuse(opts = {}) {
  const { default: Fuse } = await import('fuse.js');
  const o = { ...FUSE_DEFAULTS, ...opts };
  let recs = [];
  let index = null;
  return {
    name: 'Fuse.js',
    build(text) {
      recs = records(parseTsv(text));
      // Folded copies of the fields (Fuse's ignoreDiacritics would strip the
      // same marks, đ included, but again on every record at every query).
      const docs = o.preFold
        ? recs.map((r) => ({ id: r.id, code: r.code, name: fold(r.name), everyday: fold(r.everyday), context: fold(r.context) }))
        : recs;
      index = new Fuse(docs, {
        keys: Object.entries(o.weights).map(([name, weight]) => ({ name, weight })),
        threshold: o.threshold,
        ignoreLocation: o.ignoreLocation,
        ignoreDiacritics: !o.preFold,
        useTokenSearch: o.useTokenSearch,
        ...(o.useTokenSearch ? { tokenMatch: o.tokenMatch, tokenize: (s) => words(s) } : {}),
        includeScore: false,
      });
    },
    search(q, k) {
      const hits = index.search(o.preFold ? fold(q) : q, { limit: k * OVERFETCH });
      return topRoutes(recs, hits.map((h) => h.refIndex), k);
    },
  };
}

export const ENGINES = { flexsearch, minisearch, fuse };
