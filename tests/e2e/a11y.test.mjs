// WCAG 2.2 AA checks with axe-core on every screen and state, reflow at 320 px (400% zoom) and
// 640 px (200% zoom), and keyboard use from the first Tab.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { browser, openListings, site, waitForStatus } from './support.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function noViolations(page, where) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  assert.deepEqual(summary, [], `axe on ${where}`);
}

async function noSideScroll(page, where) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${where}: content is ${scroll}px wide in a ${client}px window`);
}

test('axe finds no violations on the list, an open, a closed and a withdrawn listing', async (t) => {
  const s = await site(t);
  const { page } = await browser(t);
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  await page.locator('.card').first().waitFor();
  await noViolations(page, 'the list');

  const open = openListings(s.feedDir)[0];
  await page.getByRole('link', { name: open.title }).first().click();
  await page.getByRole('heading', { level: 1, name: open.title }).waitFor();
  await noViolations(page, 'an open listing');

  for (const status of ['closed', 'withdrawn']) {
    const id = await page.evaluate(async (status) => {
      const db = await new Promise((ok, fail) => {
        const r = indexedDB.open('opendoor');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const all = await new Promise((ok) => {
        const r = db.transaction('listings').objectStore('listings').getAll();
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      return all.find((row) => row.listing.status === status)?.id;
    }, status);
    assert.ok(id, `the sample has a ${status} listing`);
    await page.goto(`${s.url}/opportunities/${id}`);
    await page.locator('.notice-problem').filter({ hasText: status === 'closed' ? 'Closed' : 'Withdrawn' }).waitFor();
    await noViolations(page, `a ${status} listing`);
  }

  await s.stop();
  await page.goto(s.url + '/');
  await waitForStatus(page, /Offline/);
  await noViolations(page, 'the list while offline');
});

for (const width of [320, 640]) {
  test(`reflows without sideways scrolling at ${width} px`, async (t) => {
    const s = await site(t);
    const { page } = await browser(t, { width, height: 700 });
    await page.goto(s.url + '/');
    await waitForStatus(page, /Updated/);
    await page.locator('.card').first().waitFor();
    await noSideScroll(page, 'the list');
    const longest = openListings(s.feedDir).sort((a, b) => b.description.length - a.description.length)[0];
    await page.goto(`${s.url}/opportunities/${longest.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await noSideScroll(page, 'the longest listing');
  });
}

test('keyboard: skip link first, then every card reachable in order', async (t) => {
  const s = await site(t);
  const { page } = await browser(t);
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  await page.locator('.card').first().waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to main content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // Then the search box, the filters, the sort, "Save this search", and the first card.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  for (let i = 0; i < 8 && !(await page.evaluate(() => document.activeElement.matches('.card-title a'))); i++) {
    await page.keyboard.press('Tab');
  }
  const first = await page.evaluate(() => document.activeElement.textContent);
  assert.equal(first, await page.locator('.card-title a').first().innerText());
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: first }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'focus moves to the new page');
  assert.match(await page.title(), new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} – Open Door$`));
  // The focus indicator is visible: a yellow background on the focused link.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const bg = await page.evaluate(() => getComputedStyle(document.activeElement).backgroundColor);
  assert.equal(bg, 'rgb(255, 221, 0)');
});

test('touch targets are at least 24 by 24 px (WCAG 2.5.8), on a phone, on every screen of the list and an opportunity', async (t) => {
  const s = await site(t);
  const { page } = await browser(t, { width: 360, height: 740 });
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  await page.locator('.card').first().waitFor();
  const small = () => page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
      if (!el.getClientRects().length || el.closest('[hidden]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width >= 24 && r.height >= 24) continue;
      // A tick box or radio counts with its label, which is the target people press.
      const label = el.id && document.querySelector(`label[for="${el.id}"]`);
      if (label) {
        const l = label.getBoundingClientRect();
        if (Math.max(r.bottom, l.bottom) - Math.min(r.top, l.top) >= 24 && l.width + r.width >= 24) continue;
      }
      // The exception for links inside a sentence (the target is the text's own line).
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline' && el.closest('p, li, dd') && el.closest('p, li, dd').textContent.trim() !== el.textContent.trim()) continue;
      out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  assert.deepEqual(await small(), [], 'the list');
  const open = openListings(s.feedDir)[0];
  await page.goto(`${s.url}/opportunities/${open.id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.deepEqual(await small(), [], 'an opportunity');
  await page.goto(`${s.url}/settings`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.deepEqual(await small(), [], 'settings');
});

test('with reduced motion asked for, nothing animates or scrolls smoothly', async (t) => {
  const s = await site(t);
  const { page } = await browser(t);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => {
    const cs = getComputedStyle(e);
    const secs = (v) => v.split(',').some((x) => parseFloat(x) > 0.01);
    return (cs.animationName !== 'none' && secs(cs.animationDuration)) || secs(cs.transitionDuration) || cs.scrollBehavior === 'smooth';
  }).map((e) => `${e.tagName}.${e.className}`).slice(0, 5));
  assert.deepEqual(moving, []);
});
