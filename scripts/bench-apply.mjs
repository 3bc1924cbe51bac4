// Benchmark: an application sent while offline, confirmed once the server is reachable again.
// Rerun: `scripts/build.sh && cargo build --release -p opendoor-server && node scripts/bench-apply.mjs`
//
// Each run is a fresh device (browser profile) against the real reference server and a real
// SQLite file: first visit, server stopped, form filled and Send pressed (queued), server
// started. We time from the server answering /healthz to "Application sent" on screen, with the
// app open and visible, two ways:
//   - "connection returns": the browser fires `online` (what a phone does when signal returns);
//   - "server returns": the device never noticed being offline, so only the retry timer helps.
// We also record the bytes of the POST that carried the application.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 9);
const BIN = [join(ROOT, 'target/release/opendoor-server'), join(ROOT, 'target/debug/opendoor-server')].find(existsSync);
if (!BIN) throw new Error('build the server first: cargo build --release -p opendoor-server');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function listing() {
  for (let n = 1; n <= 4; n++) {
    const p = JSON.parse(readFileSync(join(ROOT, 'public/feed', `page-${n}.json`), 'utf8'));
    const d = p.items.map((i) => i.data).find((d) => d && d.status === 'open' && d.howToApply.type === 'in-app' && d.howToApply.questions.length >= 3);
    if (d) return d;
  }
}
const L = listing();

async function run(mode, port) {
  const dir = mkdtempSync(join(tmpdir(), 'opendoor-bench-apply-'));
  const db = join(dir, 'db');
  const pages = readdirSync(join(ROOT, 'public/feed')).filter((n) => n.endsWith('.json')).map((n) => join(ROOT, 'public/feed', n));
  execFileSync(BIN, ['import', '--db', db, ...pages], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  let child;
  const start = async () => {
    child = spawn(BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--db', db, '--app', join(ROOT, 'dist')], { stdio: 'ignore' });
    for (;;) {
      try { if ((await fetch(url + '/healthz')).ok) return performance.now(); } catch { /* not yet */ }
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const stop = () => new Promise((ok) => { child.once('exit', ok); child.kill('SIGTERM'); });
  await start();
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: '/usr/bin/chromium', args: ARGS });
  const page = context.pages()[0];
  let bytes = null;
  page.on('requestfinished', async (r) => {
    if (r.method() !== 'POST') return;
    const resp = await r.response();
    if (!resp || resp.status() !== 201) return;
    const sizes = await r.sizes();
    bytes = { body: sizes.requestBodySize, request: sizes.requestHeadersSize + sizes.requestBodySize, response: sizes.responseHeadersSize + sizes.responseBodySize };
  });
  await page.goto(url + '/');
  await page.locator('.status-text').filter({ hasText: /Updated/ }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await stop();
  await page.goto(`${url}/opportunities/${L.id}/apply`);
  await page.getByLabel('Your name').fill('Sam Example');
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByLabel('Email address').fill('sam@example.org');
  for (const q of L.howToApply.questions) {
    const id = `#q-${q.id}`;
    if (q.type.endsWith('text')) await page.locator(id).fill('Because it matters to me and my family.');
    else if (q.type === 'date') await page.locator(id).fill('2027-03-27');
    else await page.locator(id).check();
  }
  await page.getByLabel(/I agree to my answers/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send application' }).click();
  await page.getByRole('heading', { name: "Waiting to send — we'll try again" }).waitFor();
  const reachable = await start();
  if (mode === 'online') await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.getByRole('heading', { name: 'Application sent' }).waitFor({ timeout: 120000 });
  const confirmed = performance.now();
  await context.close();
  await stop();
  rmSync(dir, { recursive: true, force: true });
  return { ms: confirmed - reachable, bytes };
}

const results = { online: [], server: [] };
let bytes;
for (let i = 0; i < RUNS; i++) {
  for (const mode of ['online', 'server']) {
    const r = await run(mode, 18500 + i * 2 + (mode === 'online' ? 0 : 1));
    results[mode].push(r.ms);
    bytes = r.bytes ?? bytes;
  }
}
const row = (label, xs) => `| ${label} | ${median(xs).toFixed(0)} ms | ${Math.min(...xs).toFixed(0)} ms | ${Math.max(...xs).toFixed(0)} ms |`;
console.log(`## Applying offline (${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0].model.trim()}, headless Chromium, ${BIN.includes('release') ? 'release' : 'debug'} server)`);
console.log('');
console.log(`From the server answering /healthz to "Application sent" on screen, ${RUNS} fresh devices each:`);
console.log('');
console.log('| how the app learns it can send | median | min | max |');
console.log('| --- | ---: | ---: | ---: |');
console.log(row('the connection returns (`online` event)', results.online));
console.log(row('only the server returns (retry timer, 2.5–5 s after the first failure)', results.server));
console.log('');
console.log(`Bytes per application (the ${L.howToApply.questions.length}-question sample form): request body ${bytes?.body} B, request with headers ${bytes?.request} B, response with headers ${bytes?.response} B.`);
