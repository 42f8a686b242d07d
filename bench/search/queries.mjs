// Reading the labelled query file (tests/search/README.md describes it).
import fs from 'node:fs';

/** TSV with header `query\texpected\tk\tcategory` → [{query, expected: [route], k, category}]. */
export function readQueries(file) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines.shift().split('\t');
  const want = ['query', 'expected', 'k', 'category'];
  if (want.some((h, i) => header[i] !== h)) {
    throw new Error(`${file}: header must be ${want.join('\\t')}, got ${header.join('\\t')}`);
  }
  return lines.map((line, i) => {
    const [query, expected, k, category] = line.split('\t');
    const kk = Number(k);
    if (!query || !expected || !Number.isInteger(kk) || kk < 1 || !category) {
      throw new Error(`${file}:${i + 2}: bad row: ${JSON.stringify(line)}`);
    }
    return { query, expected: expected.split('|').filter(Boolean), k: kk, category };
  });
}

/** 1-based rank of the first expected route in `routes`, or 0. */
export function rankOf(routes, expected) {
  const i = routes.findIndex((r) => expected.includes(r));
  return i + 1;
}
