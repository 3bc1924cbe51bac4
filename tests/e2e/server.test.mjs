// The app served by the real reference server (as the README's run command does): the sample
// listings arrive through the live RPDE feed, the Content-Security-Policy blocks inline script
// without blocking the app, nothing new costs one 304, and stopping the server is survived.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST, ROOT, browser, openListings, swReady, waitForStatus } from './support.mjs';

const BIN = process.env.OPENDOOR_SERVER_BIN ?? join(ROOT, 'target', 'debug', 'opendoor-server');

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function startServer(t) {
  assert.ok(existsSync(BIN), `${BIN} is built (cargo build -p opendoor-server)`);
  const dir = mkdtempSync(join(tmpdir(), 'opendoor-server-e2e-'));
  const db = join(dir, 'opendoor.db');
  const feed = join(ROOT, 'public', 'feed');
  const pages = readdirSync(feed).filter((n) => /^page-\d+\.json$/.test(n)).sort((a, b) => parseInt(a.slice(5)) - parseInt(b.slice(5)));
  execFileSync(BIN, ['import', '--db', db, ...pages.map((p) => join(feed, p))], { stdio: 'pipe' });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child = null;
  const start = async () => {
    child = spawn(BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--db', db, '--app', DIST], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(url + '/healthz')).ok) return; } catch { /* not yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not become healthy');
  };
  const stop = async () => {
    if (!child) return;
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    await exited;
    child = null;
  };
  await start();
  t.after(async () => { await stop(); rmSync(dir, { recursive: true, force: true }); });
  return { url, stop, start };
}

test('the app on opendoor-server: listings, CSP, 304, offline', async (t) => {
  const server = await startServer(t);
  const { page, context } = await browser(t);
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  const feedResponses = [];
  page.on('response', (r) => { if (new URL(r.url()).pathname.startsWith('/feed/')) feedResponses.push(r.status()); });

  const response = await page.goto(server.url + '/');
  const csp = response.headers()['content-security-policy'];
  assert.ok(csp, 'a CSP is sent');
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  assert.doesNotMatch(scriptSrc, /unsafe-inline/);

  await waitForStatus(page, /Updated/);
  const expected = openListings(join(ROOT, 'public', 'feed')).length;
  await page.locator('.count').filter({ hasText: `${expected} open opportunities` }).waitFor();
  await swReady(page);

  // An inline script is refused by the served policy, and the app reports no violation itself.
  const inlineRan = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.append(s);
    return window.__inline === 1;
  });
  assert.equal(inlineRan, false, 'inline script is blocked');
  const violations = await page.evaluate(() => window.__csp);
  assert.deepEqual(violations.filter((v) => !v.startsWith('script-src-elem inline') && !v.startsWith('script-src inline')), []);

  feedResponses.length = 0;
  await page.getByRole('button', { name: 'Refresh' }).click();
  await waitForStatus(page, /Updated just now/);
  await page.getByRole('button', { name: 'Refresh' }).waitFor();
  assert.deepEqual(feedResponses, [304]);

  await server.stop();
  await page.reload();
  await page.locator('.count').filter({ hasText: `${expected} open opportunities` }).waitFor();
  await waitForStatus(page, /Offline/);
});
