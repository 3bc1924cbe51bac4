// A small static server for the built app and a folder of static feed pages, as any static
// host would serve them: the end-to-end tests use it so they can break a feed page on purpose
// and stop the server to be truly offline. Production uses opendoor-server (server/).
//
// As a command: node scripts/static-server.mjs [--dist dist] [--feed DIR] [--port 8080]
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function readIfFile(path) {
  try {
    if (!statSync(path).isFile()) return null;
    return { body: readFileSync(path), mtime: statSync(path).mtime };
  } catch {
    return null;
  }
}

/** Starts serving; resolves to { url, port, close() }. `feed` defaults to DIST/feed. */
export function startStaticServer({ dist = 'dist', feed, port = 0, host = '127.0.0.1' } = {}) {
  const distDir = resolve(dist);
  const feedDir = resolve(feed ?? join(distDir, 'feed'));
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const record = { path: url.pathname + url.search, headers: req.headers, status: 0 };
    requests.push(record);
    res.on('finish', () => { record.status = res.statusCode; });
    let path = decodeURIComponent(url.pathname);
    let file = null;
    if (path === '/feed/opportunities') {
      file = readIfFile(join(feedDir, 'page-1.json'));
      path = '/feed/page-1.json';
    } else if (path.startsWith('/feed/')) {
      file = readIfFile(join(feedDir, normalize(path.slice('/feed/'.length)).replace(/^(\.\.[/\\])+/, '')));
    } else {
      const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
      file = readIfFile(join(distDir, safe));
      if (!file && !extname(path)) {
        // A static export's first paint of one opportunity (opportunities/ID.html), as most
        // static hosts serve "/a" from "a.html"; any other deep link is the app shell.
        file = readIfFile(join(distDir, safe + '.html'));
        if (file) path = safe + '.html';
      }
      if (!file && !extname(path)) {
        path = '/shell.html';
        file = readIfFile(join(distDir, 'shell.html')) ?? readIfFile(join(distDir, 'index.html'));
      }
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    const etag = '"' + createHash('sha256').update(file.body).digest('hex').slice(0, 32) + '"';
    const lastModified = file.mtime.toUTCString();
    const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(path);
    const headers = {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      etag,
      'last-modified': lastModified,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const actual = server.address().port;
      ok({
        url: `http://${host}:${actual}`,
        port: actual,
        requests,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const s = await startStaticServer({
    dist: arg('--dist', 'dist'),
    feed: arg('--feed'),
    port: Number(arg('--port', '8080')),
  });
  console.log(`Open Door (static) on ${s.url}`);
}
