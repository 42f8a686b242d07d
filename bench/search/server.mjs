// A static server for the benchmark page, on 127.0.0.1 only. Serves the
// repository's bench/search/ (page, node_modules, pkg/) and public/data/, with
// the cross-origin isolation headers so that performance.now() has its fine
// (5 µs) resolution in Chromium. No compression: sizes are measured from the
// files (run.mjs), not from the wire.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const ALLOWED = ['/bench/search/', '/public/data/'];

export function startServer(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const pathname = decodeURIComponent(url.pathname);
    const file = path.join(root, pathname);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (req.method !== 'GET' || !file.startsWith(root + path.sep) ||
        !ALLOWED.some((p) => pathname.startsWith(p)) || !stat?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}
