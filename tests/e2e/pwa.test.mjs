// Installable, and updates that wait for the person: Chromium's own installability check, and
// a new build offered with "Reload" rather than swapped in under someone's typing.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { browser, site, swReady, waitForStatus } from './support.mjs';

test('Chromium reports no installability errors', async (t) => {
  const s = await site(t);
  const { page, context } = await browser(t);
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  await swReady(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.display, 'standalone');
  assert.ok(parsed.icons.some((i) => i.purpose === 'maskable'));
});

test('the service worker precaches exactly the files of this build', async (t) => {
  const s = await site(t);
  const sw = readFileSync(join(s.dir, 'sw.js'), 'utf8');
  const list = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]);
  const html = readFileSync(join(s.dir, 'index.html'), 'utf8');
  for (const hashed of html.match(/\/opendoor-[0-9a-f]+(_bg\.wasm|\.js)/g)) {
    assert.ok(list.includes(hashed), `${hashed} is precached`);
  }
  assert.ok(list.includes('/index.html'));
  assert.ok(!list.some((u) => u.startsWith('/feed/')), 'feed data is not in the shell cache');
  assert.doesNotMatch(sw, /__OPENDOOR_/);
});

test('a new version is offered with Reload and never reloads by itself', async (t) => {
  const s = await site(t);
  const { page } = await browser(t);
  await page.goto(s.url + '/');
  await swReady(page);
  await page.evaluate(() => { window.__sameDocument = true; });

  // Publish a "new build": same app, different service worker bytes.
  const swPath = join(s.dir, 'sw.js');
  writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'"));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const reload = page.getByRole('button', { name: 'Reload' });
  await reload.waitFor();
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload by itself');

  await Promise.all([page.waitForEvent('load'), reload.click()]);
  assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'reloaded on request');
  const version = await page.evaluate(async () => {
    const cache = (await caches.keys()).find((k) => k.startsWith('opendoor-shell-'));
    return cache;
  });
  assert.match(version, /-next$/);
});

test('a tab left open asks for a new version by itself when it is shown again', async (t) => {
  const s = await site(t);
  const { page } = await browser(t);
  await page.goto(s.url + '/');
  await swReady(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  const swPath = join(s.dir, 'sw.js');
  writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'"));
  // Nothing calls update() here: the app does, when the tab is shown again.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.getByRole('button', { name: 'Reload' }).waitFor({ timeout: 15000 });
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
});

test('a first sync shows the first page of listings without waiting for the rest', async (t) => {
  const s = await site(t);
  const { page, context } = await browser(t);
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/feed/page-2.json', async (route) => { await held; await route.continue(); });
  await page.goto(s.url + '/');
  await page.locator('.card').first().waitFor({ timeout: 15000 });
  assert.match(await page.locator('.status-text').innerText(), /Getting the latest opportunities/);
  release();
  await page.locator('.status-text').filter({ hasText: /Updated/ }).waitFor();
});
