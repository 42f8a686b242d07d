// Quality check of peer configurations in Node (no browser, rough timings):
//   node tune.mjs public/data/<version> [queries.tsv]
// Used while choosing each peer's configuration; see README.md.
import fs from 'node:fs';
import { ENGINES } from './engines.js';
import { readQueries, rankOf } from './queries.mjs';

const [dataDir, tsvFile] = process.argv.slice(2);
const text = ['search-core.tsv', 'search-legacy.tsv'].map((f) => fs.readFileSync(`${dataDir}/${f}`, 'utf8')).join('');
const queries = readQueries(tsvFile);
const K = Math.max(...queries.map((q) => q.k));

const variants = JSON.parse(process.env.VARIANTS ?? '[]');
for (const [engine, opts] of variants) {
  const e = await ENGINES[engine](opts);
  let t = performance.now();
  e.build(text);
  const build = performance.now() - t;
  let top1 = 0, topk = 0;
  const cat = {};
  t = performance.now();
  for (const q of queries) {
    const r = rankOf(e.search(q.query, K), q.expected);
    if (r === 1) top1++;
    const ok = r > 0 && r <= q.k;
    if (ok) topk++;
    cat[q.category] ??= [0, 0];
    cat[q.category][0] += ok;
    cat[q.category][1]++;
  }
  const per = (performance.now() - t) / queries.length;
  console.log(`${engine} ${JSON.stringify(opts)} build ${build.toFixed(0)}ms  ${per.toFixed(2)}ms/q  top1 ${top1}  topk ${topk}/${queries.length}  ` +
    Object.entries(cat).map(([c, [a, b]]) => `${c} ${a}/${b}`).join(' '));
}
