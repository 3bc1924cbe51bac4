// The states a person can meet before any listing is shown, and a full device.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { browser, openListings, site, statusText, waitForStatus } from './support.mjs';

test('a feed with no listings shows the empty state', async (t) => {
  const s = await site(t);
  for (const f of readdirSync(s.feedDir)) rmSync(join(s.feedDir, f));
  writeFileSync(join(s.feedDir, 'page-1.json'), JSON.stringify({ items: [], next: 'page-1.json' }));
  const { page } = await browser(t);
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  await page.getByRole('heading', { name: 'No open opportunities right now' }).waitFor();
});

test('a missing feed on first visit says so in words, with nothing saved yet', async (t) => {
  const s = await site(t);
  for (const f of readdirSync(s.feedDir)) rmSync(join(s.feedDir, f));
  const { page } = await browser(t);
  await page.goto(s.url + '/');
  await waitForStatus(page, /Couldn't update/);
  assert.equal(await statusText(page), "Couldn't update: the feed could not be found (error 404).");
  await page.getByRole('heading', { name: 'No open opportunities right now' }).waitFor();
});

test('a device out of storage says so and keeps nothing half-written', async (t) => {
  const s = await site(t);
  const { page, context } = await browser(t);
  const cdp = await context.newCDPSession(page);
  // Far too little room for the sample listings.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: s.url, quotaSize: 20 * 1024 });
  await page.goto(s.url + '/');
  await waitForStatus(page, /Couldn't update/);
  assert.match(await statusText(page), /this device is out of storage space/);
  const stored = await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('opendoor'); r.onsuccess = () => ok(r.result); });
    const n = await new Promise((ok) => { const r = db.transaction('listings').objectStore('listings').count(); r.onsuccess = () => ok(r.result); });
    db.close();
    return n;
  });
  assert.equal(stored % 15, 0, `only whole pages are stored (found ${stored} listings)`);

  // Space freed: the next sync resumes from the last whole page and loses nothing.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: s.url });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await waitForStatus(page, /Updated/);
  const count = openListings(s.feedDir).length;
  await page.locator('.count').filter({ hasText: `${count} open opportunities` }).waitFor();
});
