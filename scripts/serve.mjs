// The static server for the built app, as a production host would serve it:
// files from dist/, a folder's index.html for its path (the prerendered pages:
// `/thu-tuc/1.001193` is `thu-tuc/1.001193/index.html`; procedure codes contain
// a dot, so a route is not a file), other app routes fall back to shell.html
// (the app without a page, answered 200), but a missing data file is a real 404.
//
// `scripts/run` serves with it (`node scripts/serve.mjs DIR [--port N]`); the
// browser tests import `startServer`.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** The request handler: files from `root` as a production host serves them. */
export function staticHandler(root) {
  // A build without the prerender has only index.html, the shell itself.
  const shell = ['shell.html', 'index.html'].map((f) => path.join(root, f)).find((f) => fs.existsSync(f));
  return (req, res) => {
    const url = new URL(req.url, 'http://x');
    let file;
    try {
      file = path.join(root, decodeURIComponent(url.pathname));
    } catch {
      file = null; // a malformed %-escape
    }
    if (!file?.startsWith(root)) {
      res.writeHead(400).end();
      return;
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      file = path.join(file, 'index.html');
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    if (!stat) {
      if (url.pathname.startsWith('/data/') || TYPES[path.extname(url.pathname)]) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      file = shell;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const body = fs.readFileSync(file);
    const headers = { 'content-type': type, 'cache-control': 'no-cache' };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      headers['content-encoding'] = 'gzip';
      res.writeHead(200, headers).end(zlib.gzipSync(body));
    } else {
      res.writeHead(200, headers).end(body);
    }
  };
}

/** Serves `root` on loopback; `wrap` may put a handler in front (tests/e2e/faults.mjs). */
export function startServer(root, port = 0, wrap = (handler) => handler) {
  const server = http.createServer(wrap(staticHandler(root)));
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--port');
  const port = at >= 0 ? Number(args.splice(at, 2)[1]) : Number(process.env.PORT ?? 8080);
  const root = path.resolve(args[0] ?? 'dist');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`error: not a port: ${process.env.PORT ?? args[at + 1]}`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`error: ${root} has no index.html: build the app first (scripts/build)`);
    process.exit(1);
  }
  const server = http.createServer(staticHandler(root));
  server.on('error', (e) => {
    console.error(`error: cannot serve on 127.0.0.1:${port}: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`Cửa sổ số is served at http://127.0.0.1:${server.address().port}/ (from ${root}; Ctrl-C stops it)`);
  });
}
