// The first visit on a slow phone (issue 14): the server's first paint is readable with no
// script at all; the app takes over from it without moving what is on screen or losing what was
// typed; and the bytes needed before the first listing stay within budget.
//
// Budgets are bytes, not time, so they hold on a noisy machine. Raising one is a deliberate
// change with its reason in the commit message. `node scripts/bench-first-visit.mjs` measures
// the times on emulated Slow 3G / Fast 3G (docs/benchmarks.md).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliCompressSync, constants } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { DIST, browser, opendoorServer, openListings, ROOT, swReady, waitForStatus } from './support.mjs';

/** Everything the browser fetches before the first listing can be read (gzip, as Chromium
 *  asks over http; brotli, which it asks over https, is smaller). */
const FIRST_LISTING_BUDGET = 60 * 1024;
/** The app's wasm, brotli-compressed as a static host would serve it. */
const WASM_BUDGET = 680 * 1024; // 600 before the Fluent runtime (docs/decisions.md, "Languages")
/** The wasm-bindgen glue script. */
const JS_BUDGET = 24 * 1024;

const sample = () => openListings(join(ROOT, 'public', 'feed'));

test('with no script at all, the list and each opportunity can be read, and search works', async (t) => {
  const server = await opendoorServer(t);
  const b = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'] });
  t.after(() => b.close());
  const page = await (await b.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } })).newPage();
  await page.goto(server.url + '/');
  const open = sample();
  await page.getByRole('heading', { level: 1, name: 'Opportunities to have your say' }).waitFor();
  assert.equal(await page.locator('.count').innerText(), `${open.length} open opportunities`);
  const cards = page.locator('.card-title a');
  assert.equal(await cards.count(), Math.min(30, open.length));
  const first = await cards.first().innerText();
  await cards.first().click();
  await page.getByRole('heading', { level: 1, name: first }).waitFor();
  assert.match(await page.title(), new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} – Open Door$`));
  assert.ok(await page.getByRole('heading', { name: 'How to apply' }).isVisible());
  // Nothing is wider than a 320 px screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320));

  await page.goto(server.url + '/');
  await page.getByLabel('Search opportunities').fill('dementia');
  await page.getByLabel('Search opportunities').press('Enter');
  await page.waitForURL(/\?q=dementia/);
  const count = await page.locator('.count').innerText();
  assert.match(count, /^\d+ of \d+ open opportunities match$|^1 open opportunity matches/);
  for (const title of await page.locator('.card-title a').allInnerTexts()) assert.ok(title.length > 0);
});

test('the app takes over from the first paint without moving the page or losing typing', async (t) => {
  const server = await opendoorServer(t);
  const { page, context, errors } = await browser(t, { width: 390, height: 844 });
  // Hold the feed back, so the first paint is what a slow phone would show for a while.
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/feed/opportunities*', async (route) => { await held; await route.continue(); });
  await page.goto(server.url + '/');
  const firstPaint = page.locator('#boot[data-first-paint="list"]');
  await firstPaint.waitFor();
  // On a phone's first screen there is a listing, and no device question in the way.
  const card = page.locator('#boot .card').first();
  const box = await card.boundingBox();
  assert.ok(box.y + 40 < 844, `the first listing starts at ${box.y}px, within the first screen`);
  assert.equal(await page.getByText('Who uses this device?').count(), 0);
  // The app has loaded (hidden) and waits for its listings.
  await page.locator('#app').waitFor({ state: 'attached', timeout: 30000 });
  await page.evaluate(() => window.scrollTo(0, 400));
  const title = await page.locator('.card-title').nth(2).innerText();
  const before = await page.locator('.card-title').nth(2).boundingBox();
  release();
  await firstPaint.waitFor({ state: 'detached', timeout: 30000 });
  assert.equal(await page.locator('#app').isVisible(), true);
  assert.equal(await page.evaluate(() => window.scrollY), 400);
  const after = page.locator('.card-title').nth(2);
  assert.equal(await after.innerText(), title);
  const afterBox = await after.boundingBox();
  assert.ok(Math.abs(afterBox.y - before.y) <= 2, `the third listing moved from ${before.y} to ${afterBox.y}`);
  assert.equal(await page.locator('[data-first-paint]').count(), 0);
  assert.deepEqual(errors, []);
});

test('what is typed in the first paint moves into the app, and a shared link to one opportunity is painted first', async (t) => {
  const server = await opendoorServer(t);
  const { page, context, errors } = await browser(t, { width: 390, height: 844 });
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/feed/opportunities*', async (route) => { await held; await route.continue(); });
  await page.goto(server.url + '/');
  await page.locator('#boot[data-first-paint]').waitFor();
  await page.locator('#app').waitFor({ state: 'attached', timeout: 30000 });
  await page.locator('#boot #search').fill('carers');
  release();
  await page.locator('#boot').waitFor({ state: 'detached', timeout: 30000 });
  assert.equal(await page.locator('#search').inputValue(), 'carers');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  await page.waitForURL(/q=carers/);

  const one = sample()[0];
  const p2 = await context.newPage();
  await p2.goto(`${server.url}/opportunities/${encodeURIComponent(one.id)}`);
  // The service worker now answers navigations with the shell; the first paint is for a first
  // visit. Either way the opportunity is on screen.
  await p2.getByRole('heading', { level: 1, name: one.title }).waitFor();
  assert.deepEqual(errors, []);
});

test('a first visit to a shared link shows that opportunity before the app arrives', async (t) => {
  const server = await opendoorServer(t);
  const { page, context } = await browser(t);
  const one = sample()[1];
  await context.route('**/*.wasm', () => {}); // never answered: the app never arrives
  await page.goto(`${server.url}/opportunities/${encodeURIComponent(one.id)}`);
  await page.getByRole('heading', { level: 1, name: one.title }).waitFor();
  assert.ok(await page.locator('#boot[data-first-paint="detail"]').isVisible());
  assert.equal(await page.title(), `${one.title} – Open Door`);
});

test('bytes before the first listing, and the first wasm, stay within budget', async (t) => {
  const server = await opendoorServer(t);
  const { page } = await browser(t, { width: 390, height: 844 });
  await page.goto(server.url + '/');
  await page.locator('#boot .card').first().waitFor();
  await page.waitForFunction(() => document.readyState === 'complete');
  const { before, wasmBeforeLoad } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const loaded = nav.loadEventStart;
    const res = performance.getEntriesByType('resource');
    return {
      before: nav.transferSize + res.filter((r) => r.responseEnd <= loaded).reduce((a, r) => a + r.transferSize, 0),
      wasmBeforeLoad: res.filter((r) => r.startTime < loaded && /\.(wasm|js)$/.test(r.name) && !r.name.endsWith('/boot.js')).map((r) => r.name),
    };
  });
  assert.deepEqual(wasmBeforeLoad, [], 'the app is not fetched before the first paint is complete');
  assert.ok(before > 1000, `measured ${before} bytes`);
  assert.ok(before <= FIRST_LISTING_BUDGET, `${before} bytes before the first listing; budget ${FIRST_LISTING_BUDGET}`);

  const br = (f) => brotliCompressSync(readFileSync(join(DIST, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const wasm = readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
  const js = readdirSync(DIST).find((f) => /^opendoor-[0-9a-f]+\.js$/.test(f));
  assert.ok(br(wasm) <= WASM_BUDGET, `wasm is ${br(wasm)} bytes brotli; budget ${WASM_BUDGET}`);
  assert.ok(br(js) <= JS_BUDGET, `glue script is ${br(js)} bytes brotli; budget ${JS_BUDGET}`);
});

test('the first paint meets WCAG 2.2 AA (axe) and reflows at 320 px, list and detail', async (t) => {
  const server = await opendoorServer(t);
  const { page, context } = await browser(t, { width: 320, height: 640 });
  await context.route('**/*.wasm', (route) => route.abort()); // the app never arrives
  for (const path of ['/', `/opportunities/${encodeURIComponent(sample()[0].id)}`]) {
    await page.goto(server.url + path);
    await page.locator('#boot[data-first-paint]').waitFor();
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`), [], `axe on ${path}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${path} fits 320 px`);
  }
});

test('a cold start paints the list\'s first screen kept from last time, then the same cards from the store', async (t) => {
  const server = await opendoorServer(t);
  const { page } = await browser(t);
  await page.goto(server.url + '/');
  await waitForStatus(page, /Updated/);
  await page.locator('[data-first-paint]').waitFor({ state: 'detached' });
  await page.locator('#main .card').first().waitFor();
  const shown = await page.locator('.card-title').allInnerTexts();
  // What is kept: the first screen, in order, as the list showed it (written just after the
  // list is drawn, so it may take a moment).
  const readKept = () => page.evaluate(() => new Promise((ok, fail) => {
    const req = indexedDB.open('opendoor');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const get = req.result.transaction('meta').objectStore('meta').get('firstScreen');
      get.onsuccess = () => { req.result.close(); ok(get.result); };
      get.onerror = () => fail(get.error);
    };
  }));
  let kept;
  for (let i = 0; i < 50; i++) {
    kept = await readKept();
    if (kept && JSON.stringify(kept.listings.map((l) => l.title)) === JSON.stringify(shown.slice(0, kept.listings.length))) break;
    await page.waitForTimeout(100);
  }
  assert.equal(kept.open, sample().length);
  assert.deepEqual(kept.listings.map((l) => l.title), shown.slice(0, kept.listings.length));
  // The next start is the installed app's (the service worker's shell, no first paint).
  await swReady(page);
  await page.reload();
  await page.locator('#main .card').first().waitFor();
  assert.equal(await page.locator('[data-first-paint]').count(), 0);
  assert.deepEqual(await page.locator('.card-title').allInnerTexts(), shown);
  assert.equal(await page.locator('.count').innerText(), `${sample().length} open opportunities`);
});
