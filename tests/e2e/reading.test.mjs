// Reading support: the text size chosen in Settings applies at once, is kept on the device
// (before the app starts on the next visit), and every screen still reflows at 320 px with the
// largest size.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, openListings, site, waitForStatus } from './support.mjs';

const rootSize = (page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

test('text size: four steps, applied at once, kept for the next visit, and nothing scrolls sideways at 320 px', async (t) => {
  const s = await site(t);
  const { page } = await browser(t, { width: 320, height: 640 });
  await page.goto(s.url + '/settings');
  await waitForStatus(page, /Updated/);
  const group = page.getByRole('group', { name: 'Text size' });
  assert.equal(await group.getByRole('radio').count(), 4);
  assert.equal(await rootSize(page), '16px');
  await group.getByLabel('Largest (200%)').check();
  await page.getByText('Text size: Largest.').waitFor();
  assert.equal(await rootSize(page), '32px');

  await page.goto(s.url + '/');
  await page.locator('.card').first().waitFor();
  assert.equal(await rootSize(page), '32px');
  const wide = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const overList = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).slice(0, 3).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)} ${e.textContent.slice(0, 40)}`));
  assert.ok(await wide() <= 0, `the list fits 320 px at the largest text size: ${overList.join('; ')}`);
  const longest = openListings(s.feedDir).sort((a, b) => b.description.length - a.description.length)[0];
  await page.goto(`${s.url}/opportunities/${longest.id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const over = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).slice(0, 3).map((e) => `${e.tagName}.${e.className} ${e.textContent.slice(0, 40)}`));
  assert.ok(await wide() <= 0, `the longest listing fits 320 px at the largest text size: ${over.join('; ')}`);

  await page.goto(s.url + '/settings');
  await page.getByRole('group', { name: 'Text size' }).getByLabel('Standard (100%)').check();
  assert.equal(await rootSize(page), '16px');
});

test('"more contrast" in the system settings turns grey text and lines black', async (t) => {
  const s = await site(t);
  const { page } = await browser(t);
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  const colours = () => page.evaluate(() => ({
    hint: getComputedStyle(document.querySelector('.hint')).color,
    card: getComputedStyle(document.querySelector('.card')).borderLeftColor,
  }));
  const normal = await colours();
  await page.emulateMedia({ contrast: 'more' });
  const more = await colours();
  assert.notEqual(normal.hint, more.hint);
  assert.equal(more.hint, 'rgb(11, 12, 12)');
  assert.equal(more.card, 'rgb(11, 12, 12)');
});
