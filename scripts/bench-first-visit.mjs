// The first visit on a slow phone (issue 14), rerun with:
//   scripts/build.sh && cargo build --release -p opendoor-server && node scripts/bench-first-visit.mjs
//
// Starts the release server on loopback with the sample listings (LISTINGS=n makes n from them),
// then for each network (Chromium's own emulation: Slow 3G = 400 kbit/s, 400 ms; Fast 3G =
// 1.6 Mbit/s, 150 ms) with the CPU slowed 4x, RUNS fresh profiles (no cache, no worker) each:
//   - first listing: the first frame with a listing card in it, from navigation start;
//   - bytes before it: everything on the wire up to then (Chromium asks for gzip over http);
//   - usable: the app has taken over (search, filters and Apply work).
// Both ways of starting: "HTML first" (what the server sends now) and "app shell only" (the
// same build's plain index.html, which is how every first visit started before).
// Brotli (what Chromium asks for over https) is reported beside gzip from the same bytes.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = process.env.OPENDOOR_DIST ?? join(ROOT, 'dist');
const BIN = process.env.OPENDOOR_SERVER_BIN ?? join(ROOT, 'target', 'release', 'opendoor-server');
const RUNS = Number(process.env.RUNS ?? 5);
const N = process.env.LISTINGS ? Number(process.env.LISTINGS) : null;
const NETWORKS = [
  { name: 'Slow 3G', down: 400e3 / 8, up: 400e3 / 8, latency: 400 },
  { name: 'Fast 3G', down: 1.6e6 / 8, up: 750e3 / 8, latency: 150 },
];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const sec = (ms) => (ms / 1000).toFixed(2) + ' s';

const freePort = () => new Promise((ok) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });

// --- the server, with the sample listings (or N made from them) ---------------------------------
const dir = mkdtempSync(join(tmpdir(), 'opendoor-first-visit-'));
const db = join(dir, 'opendoor.db');
const feed = join(ROOT, 'public', 'feed');
let pages = readdirSync(feed).filter((n) => /^page-\d+\.json$/.test(n)).map((n) => join(feed, n));
if (N) {
  const live = new Map();
  for (const p of pages) for (const it of JSON.parse(readFileSync(p, 'utf8')).items) it.state === 'deleted' ? live.delete(it.id) : live.set(it.id, it.data);
  const base = [...live.values()];
  const items = Array.from({ length: N }, (_, i) => {
    const data = structuredClone(base[i % base.length]);
    data.id = `bench-${String(i).padStart(5, '0')}`;
    data.title = `${data.title} (${i + 1})`;
    data.status = 'open';
    data.closingDate = `2031-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i * 7) % 28).padStart(2, '0')}`;
    return { state: 'updated', kind: 'Opportunity', id: data.id, modified: 1000 + i, data };
  });
  const file = join(dir, 'page-1.json');
  writeFileSync(file, JSON.stringify({ items, next: 'page-1.json' }));
  pages = [file];
}
execFileSync(BIN, ['import', '--db', db, ...pages], { stdio: 'ignore' });
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const server = spawn(BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--db', db, '--app', DIST], { stdio: 'ignore' });
for (let i = 0; i < 200; i++) {
  try { if ((await fetch(url + '/healthz')).ok) break; } catch { /* not yet */ }
  await new Promise((r) => setTimeout(r, 50));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function visit(net, mode) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => {
    window.__firstCard = null;
    const seen = () => {
      if (window.__firstCard === null && document.querySelector('.card, #listing-title')) {
        window.__firstCard = -1;
        requestAnimationFrame(() => requestAnimationFrame(() => { window.__firstCard = performance.now(); }));
      }
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true, attributes: true });
  });
  if (mode === 'shell') {
    // The same build's plain index.html in place of the first paint.
    const shell = await (await fetch(url + '/index.html')).text();
    await context.route(url + '/', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: shell }));
  }
  const page = await context.newPage();
  const path = mode === 'detail' ? `/opportunities/${encodeURIComponent(firstId)}` : '/';
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: net.latency, downloadThroughput: net.down, uploadThroughput: net.up });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url + path, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstCard > 0, null, { timeout: 180000, polling: 100 });
  // Usable: the app is in charge (no first paint left) and has its listings.
  const usable = await page.evaluate(() => new Promise((ok) => {
    const check = () => {
      if (!document.querySelector('[data-first-paint]') && document.querySelector('.status-text')?.textContent.includes('Updated')) ok(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  }));
  const r = await page.evaluate(() => {
    const t = window.__firstCard;
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    return {
      first: t,
      bytes: (nav.responseEnd <= t ? nav.transferSize : 0) + res.filter((e) => e.responseEnd <= t).reduce((a, e) => a + e.transferSize, 0),
      files: [nav.name, ...res.filter((e) => e.responseEnd <= t).map((e) => e.name)],
    };
  });
  await context.close();
  return { ...r, usable };
}

// A shared link: the first listing of the list, by its own address.
const firstId = decodeURIComponent((await (await fetch(url + '/')).text()).match(/href="\/opportunities\/([^"]+)"/)[1]);
const results = [];
for (const net of NETWORKS) {
  for (const mode of ['html', 'detail', 'shell']) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await visit(net, mode));
    results.push({ net: net.name, mode, first: median(runs.map((r) => r.first)), bytes: median(runs.map((r) => r.bytes)), usable: median(runs.map((r) => r.usable)), files: runs[0].files });
    console.error(`${net.name} ${mode}: first listing ${sec(results.at(-1).first)}, ${kb(results.at(-1).bytes)}, usable ${sec(results.at(-1).usable)}`);
  }
}

// Brotli beside gzip, from the same files: what the first listing needs in each mode.
async function sizes(path) {
  const body = Buffer.from(await (await fetch(url + path, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
  return { gzip: gzipSync(body).length, br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}
const htmlFirst = results.find((r) => r.net === 'Slow 3G' && r.mode === 'html').files.map((f) => new URL(f).pathname);
const shellFiles = results.find((r) => r.net === 'Slow 3G' && r.mode === 'shell').files.map((f) => new URL(f).pathname);
const total = async (paths) => { let g = 0; let b = 0; for (const p of paths) { const s = await sizes(p === '/' && paths === shellFiles ? '/index.html' : p); g += s.gzip; b += s.br; } return { g, b }; };
const [hf, sf] = [await total(htmlFirst), await total(shellFiles)];

await browser.close();
server.kill();
rmSync(dir, { recursive: true, force: true });

const label = { html: 'HTML first (now)', detail: 'HTML first, a shared link to one opportunity', shell: 'app shell only (before)' };
console.log(`## First visit (${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0].model.trim()}, headless Chromium, CPU slowed 4x, ${N ?? 'the sample'} listings, median of ${RUNS} fresh profiles)`);
console.log('');
console.log('| network | start | first listing (or the opportunity) readable | bytes before it (gzip, on the wire) | search, filters, Apply usable |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const r of results) console.log(`| ${r.net} | ${label[r.mode]} | ${sec(r.first)} | ${kb(r.bytes)} | ${sec(r.usable)} |`);
console.log('');
console.log(`Bytes of the files the first listing needs, compressed (bodies only): HTML first ${kb(hf.g)} gzip / ${kb(hf.b)} brotli (${htmlFirst.length} files); app shell only ${kb(sf.g)} gzip / ${kb(sf.b)} brotli (${shellFiles.length} files).`);
