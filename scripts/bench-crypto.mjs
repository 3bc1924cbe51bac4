// Benchmark: shared devices' cryptography in headless Chromium, timed inside the app itself
// (User Timing measures around the code paths in src/vault.rs and src/drafts.rs):
//   - unlock: PIN → PBKDF2-SHA-256 at 600,000 iterations → AES-GCM check → private key opened
//     and imported (one person's vault on the device);
//   - seal: the application request → ECDH P-256 + HKDF-SHA-256 + AES-256-GCM envelope for the
//     server, at the moment Send is pressed.
// Rerun: `scripts/build.sh && cargo build --release -p opendoor-server && node scripts/bench-crypto.mjs`
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { LISTING, fillForm } from '../tests/e2e/forms.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 9);
const BIN = [join(ROOT, 'target/release/opendoor-server'), join(ROOT, 'target/debug/opendoor-server')].find(existsSync);
if (!BIN) throw new Error('build the server first: cargo build --release -p opendoor-server');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;

const dir = mkdtempSync(join(tmpdir(), 'opendoor-bench-crypto-'));
const db = join(dir, 'db');
const feed = join(ROOT, 'public/feed');
execFileSync(BIN, ['import', '--db', db, ...readdirSync(feed).filter((n) => n.endsWith('.json')).map((n) => join(feed, n))], { stdio: 'ignore' });
const port = 20000 + Math.floor(Math.random() * 20000);
const url = `http://127.0.0.1:${port}`;
const server = spawn(BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--db', db, '--app', join(ROOT, 'dist'),
  '--applications-per-minute', '0', '--status-per-minute', '0'], { stdio: 'ignore' });
let exited = null;
server.once('exit', (code) => { exited = code; });
for (let i = 0; ; i++) {
  if (exited !== null || i > 500) throw new Error(`${BIN} did not start (exit ${exited}); rebuild it: cargo build --release -p opendoor-server`);
  try { if ((await fetch(url + '/healthz')).ok) break; } catch { /* not yet */ }
  await new Promise((r) => setTimeout(r, 20));
}
const context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: '/usr/bin/chromium', args: ARGS });
const page = context.pages()[0];
const measure = (name) => page.evaluate((n) => performance.getEntriesByName(n, 'measure').at(-1)?.duration ?? null, name);

try {
  await page.goto(url + '/setup?device=shared&lock-minutes=30');
  await page.getByRole('heading', { name: 'This device is set up' }).waitFor();

  const seal = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${url}/opportunities/${LISTING.id}/apply`);
    await page.getByLabel('Choose a PIN', { exact: true }).fill(`bench person ${i} pin`);
    await page.getByLabel('Type the same PIN again', { exact: true }).fill(`bench person ${i} pin`);
    await page.getByRole('button', { name: 'Set PIN and continue' }).click();
    await page.getByLabel('Your name').waitFor();
    await fillForm(page, { name: `Bench Person ${i}`, email: `bench${i}@example.org` });
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.getByRole('heading', { name: /Application sent|Waiting to send/ }).waitFor();
    seal.push(await measure('opendoor-seal'));
    await page.getByRole('link', { name: "I'm finished" }).click();
    await page.getByRole('button', { name: 'Delete my things and finish' }).click();
    await page.getByRole('heading', { name: 'This device is clear' }).waitFor();
  }

  await page.goto(url + '/about-me');
  await page.getByLabel('Choose a PIN', { exact: true }).fill('bench unlock pin');
  await page.getByLabel('Type the same PIN again', { exact: true }).fill('bench unlock pin');
  await page.getByRole('button', { name: 'Set PIN and continue' }).click();
  await page.getByLabel('Your name').waitFor();
  const unlock = [];
  const screen = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(url + '/about-me'); // a fresh page: locked
    await page.getByLabel('Your PIN', { exact: true }).fill('bench unlock pin');
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByLabel('Your name').waitFor();
    screen.push(Date.now() - t0);
    unlock.push(await measure('opendoor-unlock'));
  }
  const chromiumVersion = context.browser()?.version() ?? execFileSync('/usr/bin/chromium', ['--version']).toString().trim();
  console.log(`Shared-device cryptography, headless ${chromiumVersion}, ${cpus().length} × ${cpus()[0].model}`);
  console.log(`unlock (PBKDF2-SHA-256 600,000 iterations + check + private key), one vault: ${fmt(unlock)}`);
  console.log(`  press Unlock → form on screen (as a person sees it):          ${fmt(screen)}`);
  console.log(`seal one application (${LISTING.howToApply.questions.length} questions) for the server:        ${fmt(seal)}`);
} finally {
  await context.close();
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
