// First visit, then truly offline (server stopped): the list, a reload and a deep link work.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, openListings, site, statusText, swReady, waitForStatus } from './support.mjs';

test('first visit shows the sample listings, soonest closing first', async (t) => {
  const s = await site(t);
  const { page, errors } = await browser(t);
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  const expected = openListings(s.feedDir);
  assert.ok(expected.length >= 40, `sample feed has ${expected.length} open listings`);
  await page.locator('.count').filter({ hasText: `${expected.length} open opportunities` }).waitFor();

  // Cards are in closing-date order, undated last.
  const soonest = [...expected].sort((a, b) =>
    (a.closingDate ?? '9999').localeCompare(b.closingDate ?? '9999') ||
    a.title.toLowerCase().localeCompare(b.title.toLowerCase()));
  const titles = await page.locator('.card-title').allInnerTexts();
  assert.equal(titles.length, Math.min(30, expected.length));
  assert.deepEqual(titles, soonest.slice(0, titles.length).map((l) => l.title));

  // "Show more" reveals the rest.
  await page.getByRole('button', { name: /Show more/ }).click();
  assert.equal(await page.locator('.card').count(), Math.min(60, expected.length));
  assert.deepEqual(errors, []);
});

test('offline with the server stopped: reload and a deep link still work', async (t) => {
  const s = await site(t);
  const { page, context } = await browser(t);
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  await swReady(page);
  const first = openListings(s.feedDir).length;
  const target = openListings(s.feedDir)[5];

  await s.stop();
  await page.reload();
  await page.locator('.count').filter({ hasText: `${first} open opportunities` }).waitFor();
  await waitForStatus(page, /Offline — showing saved listings/);

  // A deep link typed into a new tab, never visited before.
  const tab = await context.newPage();
  await tab.goto(`${s.url}/opportunities/${encodeURIComponent(target.id)}`);
  await tab.getByRole('heading', { level: 1, name: target.title }).waitFor();
  const text = await tab.locator('article').innerText();
  assert.ok(text.includes(target.organisation.name), 'organisation shown');
  for (const para of target.description.split(/\n\s*\n/)) {
    assert.ok(text.includes(para.trim().split('\n')[0]), 'each paragraph shown in full');
  }
  await waitForStatus(tab, /Offline/); // the new tab's own first sync finds no server

  // And back online, the app notices by itself.
  await s.start();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await waitForStatus(page, /Updated/);
});

test('a shared link opened on a new device shows the listing once the first sync lands', async (t) => {
  const s = await site(t);
  const { page } = await browser(t);
  const target = openListings(s.feedDir).at(-1);
  await page.goto(`${s.url}/opportunities/${encodeURIComponent(target.id)}`);
  await page.getByRole('heading', { level: 1, name: target.title }).waitFor();
  await page.goto(`${s.url}/opportunities/${encodeURIComponent(target.id)}/apply`);
  await page.getByRole('heading', { level: 1, name: target.title }).waitFor();
});
