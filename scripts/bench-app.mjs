// Benchmark of the built app (rerun: `scripts/build.sh && node scripts/bench-app.mjs`).
//
// 1. First-load transfer: html + js + wasm + css, each brotli-compressed (quality 11, as a
//    server's static compression would), and the wasm alone.
// 2. Time from reload to the first listing painted, with 1,000 listings stored on the device:
//    median of RUNS reloads, in headless Chromium, unthrottled and with the CPU slowed 4x
//    (a rough stand-in for a cheap phone).
//
// The 1,000 listings are made deterministically from the sample feed (no randomness).
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = process.env.OPENDOOR_DIST ?? join(ROOT, 'dist'); // another build to compare with
const N = Number(process.env.LISTINGS ?? 1000);
const RUNS = Number(process.env.RUNS ?? 15);
const PAGE = 100;

const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

// --- 1. transfer sizes -----------------------------------------------------------------------
const files = readdirSync(DIST).filter((f) => /\.(html|js|wasm|css)$/.test(f) && f !== 'sw.js');
const sizes = files.map((f) => {
  const buf = readFileSync(join(DIST, f));
  return { f, raw: buf.length, br: br(buf) };
});
const total = sizes.reduce((a, s) => a + s.br, 0);
const wasm = sizes.find((s) => s.f.endsWith('.wasm'));

// --- 2. a 1,000-listing feed -----------------------------------------------------------------
function sampleListings() {
  const live = new Map();
  let name = 'page-1.json';
  const seen = new Set();
  while (!seen.has(name)) {
    seen.add(name);
    const page = JSON.parse(readFileSync(join(ROOT, 'public', 'feed', name), 'utf8'));
    for (const it of page.items) it.state === 'deleted' ? live.delete(it.id) : live.set(it.id, it.data);
    name = page.next.split('/').pop();
  }
  return [...live.values()];
}

function makeFeed(dir) {
  const base = sampleListings();
  const items = [];
  for (let i = 0; i < N; i++) {
    const data = structuredClone(base[i % base.length]);
    data.id = `bench-${String(i).padStart(5, '0')}`;
    data.title = `${data.title} (${i + 1})`;
    data.status = 'open';
    const day = 1 + (i * 7) % 28;
    const month = 1 + (i % 12);
    data.closingDate = `2031-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    items.push({ state: 'updated', kind: 'Opportunity', id: data.id, modified: 1000 + i, data });
  }
  mkdirSync(dir, { recursive: true });
  const pages = Math.ceil(N / PAGE);
  for (let p = 0; p < pages; p++) {
    const last = p === pages - 1;
    const next = last ? `page-${p + 1}.json` : `page-${p + 2}.json`;
    writeFileSync(join(dir, `page-${p + 1}.json`), JSON.stringify({ items: items.slice(p * PAGE, (p + 1) * PAGE), next }));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'opendoor-bench-'));
cpSync(DIST, dir, { recursive: true });
rmSync(join(dir, 'feed'), { recursive: true, force: true });
makeFeed(join(dir, 'feed'));
const server = await startStaticServer({ dist: dir });
const profile = mkdtempSync(join(tmpdir(), 'opendoor-bench-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  viewport: { width: 412, height: 915 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// Time of the first frame painted with a card in it, from navigation start.
await context.addInitScript(() => {
  window.__firstCard = null;
  const seen = () => {
    if (window.__firstCard === null && document.querySelector('.card')) {
      window.__firstCard = -1;
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__firstCard = performance.now(); }));
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(server.url + '/');
await page.locator('.count').filter({ hasText: `${N} open opportunities` }).waitFor({ timeout: 120000 });
await page.locator('.status-text').filter({ hasText: /Updated/ }).waitFor();
await page.evaluate(() => navigator.serviceWorker.ready);

async function measure(label, throttle) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const times = [];
  for (let i = 0; i < RUNS + 1; i++) {
    await page.reload();
    await page.waitForFunction(() => window.__firstCard > 0, null, { timeout: 60000 });
    const t = await page.evaluate(() => window.__firstCard);
    if (i > 0) times.push(t); // the first reload warms the compiled-wasm cache
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return { label, median: median(times), min: Math.min(...times), max: Math.max(...times) };
}
const rows = [await measure('unthrottled', 1), await measure('CPU slowed 4x', 4)];
await context.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });

console.log(`## App (${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0].model.trim()}, headless Chromium)`);
console.log('');
console.log('First-load transfer (brotli q11):');
console.log('');
console.log('| file | raw | brotli |');
console.log('| --- | ---: | ---: |');
for (const s of sizes) console.log(`| ${s.f.replace(/-[0-9a-f]{1,16}(?=[._])/, '-<hash>')} | ${kb(s.raw)} | ${kb(s.br)} |`);
console.log(`| **total (html + js + wasm + css)** | | **${kb(total)}** |`);
console.log('');
console.log(`Reload to first listing painted, ${N} listings stored, ${RUNS} reloads after one warm-up:`);
console.log('');
console.log('| CPU | median | min | max |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.label} | ${r.median.toFixed(0)} ms | ${r.min.toFixed(0)} ms | ${r.max.toFixed(0)} ms |`);
console.log('');
console.log(`wasm alone: ${kb(wasm.raw)} raw, ${kb(wasm.br)} brotli.`);
