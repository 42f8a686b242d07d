// The in-page half of the benchmark. One page = one engine: run.mjs opens a
// fresh page per engine and calls, in order,
//   bench.init(engine)        import the engine's code (+ instantiate the wasm)
//   bench.fetchData(urls)     fetch the search files (core, legacy) as one text
//   bench.build()             text → ready-to-search engine (timed)
//   bench.dropData()          forget the text, so that only the index stays
//   bench.run(queries, k, o)  warm-up, then timed passes over every query
// and measures the JS heap between the steps from outside (CDP).

const state = { engine: null, name: null, text: null, memory: null };

/** Our engine: the wasm module built from crates/search-wasm. */
async function cuaso() {
  const glue = await import('./pkg/cuaso_search_wasm.js');
  const exports = await glue.default();
  state.memory = exports.memory;
  return {
    name: 'cuaso (wasm)',
    build: (text) => glue.load(text), // both files in one text: load reads them alike
    search: (q, k) => JSON.parse(glue.find(q)).hits.map((h) => h.href).filter(Boolean).slice(0, k),
  };
}

async function peer(name) {
  const { ENGINES } = await import('./engines.js');
  return ENGINES[name]();
}

const now = () => performance.now();

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

window.bench = {
  async init(name) {
    const t = now();
    state.engine = name === 'cuaso' ? await cuaso() : await peer(name);
    state.name = name;
    return { initMs: now() - t, crossOriginIsolated: self.crossOriginIsolated };
  },

  async fetchData(urls) {
    const texts = await Promise.all(urls.map(async (url) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return res.text();
    }));
    state.text = texts.join('');
    return state.text.length;
  },

  build() {
    const t = now();
    state.engine.build(state.text);
    return { buildMs: now() - t };
  },

  dropData() {
    state.text = null;
  },

  /** Bytes of wasm linear memory (ours only), else null. */
  wasmMemory() {
    return state.memory ? state.memory.buffer.byteLength : null;
  },

  /**
   * Warm-up: queries in order, once each, for at most `warmMs` (at least
   * `minWarm` of them). Then `reps` timed passes over all queries, where
   * reps = clamp(floor(budgetMs / estimated pass time), 1, maxReps).
   * Returns each query's routes (from the first timed pass) and the median
   * of its timed runs.
   */
  run(queries, k, { warmMs = 3000, minWarm = 20, budgetMs = 15000, maxReps = 10 } = {}) {
    const e = state.engine;
    let warmed = 0;
    const t0 = now();
    while (warmed < queries.length && (warmed < minWarm || now() - t0 < warmMs)) {
      e.search(queries[warmed].query, k);
      warmed++;
    }
    const perQuery = (now() - t0) / warmed;
    const reps = Math.max(1, Math.min(maxReps, Math.floor(budgetMs / (perQuery * queries.length))));
    const times = queries.map(() => []);
    const results = new Array(queries.length);
    for (let r = 0; r < reps; r++) {
      for (let i = 0; i < queries.length; i++) {
        const t = now();
        const routes = e.search(queries[i].query, k);
        times[i].push(now() - t);
        if (r === 0) results[i] = routes;
      }
    }
    return { warmed, reps, results, times: times.map(median) };
  },
};

// By hand: index.html?engine=cuaso&q=…
const params = new URLSearchParams(location.search);
if (params.has('engine')) {
  const out = document.getElementById('out');
  (async () => {
    const catalogue = await (await fetch('/public/data/catalogue.json')).json();
    const { initMs } = await window.bench.init(params.get('engine'));
    await window.bench.fetchData(['search-core.tsv', 'search-legacy.tsv'].map((f) => `/public/data/${catalogue.version}/${f}`));
    const { buildMs } = window.bench.build();
    const q = params.get('q') ?? '';
    const t = now();
    const routes = state.engine.search(q, 10);
    out.textContent = `${state.engine.name}: init ${initMs.toFixed(1)} ms, build ${buildMs.toFixed(1)} ms\n` +
      `${JSON.stringify(q)} in ${(now() - t).toFixed(2)} ms:\n${routes.join('\n')}`;
  })().catch((err) => { out.textContent = String(err); });
} else {
  document.getElementById('out').textContent = 'ready';
}
