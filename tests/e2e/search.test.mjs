// Search as you type, filters, the address bar, saving a listing and a search; then truly
// offline (server stopped): the same results and the starred listing are still there.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { browser, lastPageName, openListings, site, swReady, waitForStatus } from './support.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Open listings with a word starting `word` in a searched field (the oracle for one word). */
function withWord(listings, word) {
  const re = new RegExp(`\\b${word}`, 'i');
  return listings.filter((l) => re.test([l.title, l.organisation.name, l.summary, l.description, l.topics.join(' ')].join(' ')));
}

const titles = (page) => page.locator('.card-title').allInnerTexts();
const countText = (page) => page.locator('.count').innerText();
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('search, filter, star, save a search, then find it all again offline', async (t) => {
  const s = await site(t);
  const { page, context, errors } = await browser(t);
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  await swReady(page);
  const open = openListings(s.feedDir);
  await page.locator('.count').filter({ hasText: `${open.length} open opportunities` }).waitFor();

  // Search as you type: focus stays in the box, the address bar follows.
  const mental = withWord(open, 'mental');
  assert.ok(mental.length >= 5, `the sample has ${mental.length} listings about mental health`);
  await page.getByLabel('Search opportunities').click();
  await page.keyboard.type('mental', { delay: 60 });
  await page.locator('.count').filter({ hasText: `${mental.length} of ${open.length} open opportunities match` }).waitFor();
  assert.equal(await focusedId(page), 'search', 'focus stays in the search box while typing');
  assert.equal(new URL(page.url()).search, '?q=mental');
  assert.deepEqual((await titles(page)).sort(), mental.map((l) => l.title).sort());
  // Matched words are marked, as text.
  assert.ok(await page.locator('.card mark').count() > 0);
  assert.equal(await page.locator('.card-title mark').first().innerText().then((x) => x.toLowerCase()), 'mental');
  // The count reaches screen readers once typing pauses, through a polite live region.
  const live = page.locator('[role="status"][aria-live="polite"].visually-hidden');
  await live.filter({ hasText: `${mental.length} of ${open.length} open opportunities match` }).waitFor();

  // One typo is forgiven: the same listings first.
  const best = (await titles(page))[0];
  await page.getByLabel('Search opportunities').fill('mentla');
  await page.locator('.count').filter({ hasText: `${mental.length} of` }).waitFor();
  assert.equal((await titles(page))[0], best);
  await page.getByLabel('Search opportunities').fill('mental');
  await page.locator('.count').filter({ hasText: `${mental.length} of` }).waitFor();

  // Filters, by keyboard: open the panel, tick "Online" with the space bar.
  await page.locator('.filters > summary').focus();
  await page.keyboard.press('Enter');
  const online = mental.filter((l) => ['online', 'hybrid'].includes(l.attendance.mode));
  const onlineBox = page.getByRole('checkbox', { name: /^Online \(\d+\)$/ });
  assert.equal(await onlineBox.getAttribute('id'), 'f-how-online');
  assert.match(await page.locator('label[for="f-how-online"]').innerText(), new RegExp(`\\(${online.length}\\)`), 'the count says what ticking it would leave');
  await onlineBox.focus();
  await page.keyboard.press('Space');
  await page.locator('.count').filter({ hasText: `${online.length} of ${open.length}` }).waitFor();
  assert.equal(await focusedId(page), 'f-how-online', 'focus stays on the tick box');
  assert.equal(new URL(page.url()).search, '?q=mental&how=online');
  assert.deepEqual((await titles(page)).sort(), online.map((l) => l.title).sort());
  const whereTexts = await page.locator('.card .facts div:nth-child(2) dd').allInnerTexts();
  assert.ok(whereTexts.every((w) => w.startsWith('Online')), whereTexts.join(' | '));

  // axe, with the filters open and a search and a filter on.
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`), []);

  // Back undoes the filter; Forward brings it back.
  await page.goBack();
  await page.locator('.count').filter({ hasText: `${mental.length} of ${open.length}` }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: /^Online/ }).isChecked(), false);
  await page.goForward();
  await page.locator('.count').filter({ hasText: `${online.length} of ${open.length}` }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: /^Online/ }).isChecked(), true);
  assert.equal(await page.getByLabel('Search opportunities').inputValue(), 'mental');

  // Save the search.
  await page.getByRole('button', { name: 'Save this search' }).click();
  await page.getByText(/Search saved: “mental”, online/).waitFor();
  const searchUrl = page.url();
  const expected = await titles(page);

  // Star the first result on its page.
  const starred = expected[0];
  await page.getByRole('link', { name: starred }).first().click();
  await page.getByRole('heading', { level: 1, name: starred }).waitFor();
  const star = page.getByRole('button', { name: 'Save', exact: true });
  assert.equal(await star.getAttribute('aria-pressed'), 'false');
  await star.click();
  await page.getByRole('button', { name: 'Saved', exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Saved', exact: true }).getAttribute('aria-pressed'), 'true');
  await page.getByText('Saved. You can find it on your Saved page, even offline.').waitFor();

  // Back to the results: the search is still there.
  await page.goBack();
  await page.locator('.count').filter({ hasText: `${online.length} of ${open.length}` }).waitFor();

  // Truly offline: stop the server, reload the search's address.
  await s.stop();
  await page.goto(searchUrl);
  await waitForStatus(page, /Offline/);
  await page.locator('.count').filter({ hasText: `${online.length} of ${open.length}` }).waitFor();
  assert.deepEqual(await titles(page), expected, 'same results, same order, offline');

  // The link opened in another tab gives the same results.
  const tab = await context.newPage();
  await tab.goto(searchUrl);
  await tab.locator('.count').filter({ hasText: `${online.length} of ${open.length}` }).waitFor();
  assert.deepEqual(await titles(tab), expected);
  await tab.close();

  // The Saved page, offline: the starred listing and the saved search.
  await page.getByRole('link', { name: 'Saved', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Saved' }).waitFor();
  await page.getByRole('list', { name: 'Saved opportunities' }).getByRole('link', { name: starred }).waitFor();
  await page.getByRole('link', { name: '“mental”, online' }).waitFor();
  assert.match(await page.locator('.saved-search-counts').innerText(), new RegExp(`^No new matches · ${online.length} matches in all$`));
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|net::/.test(e)), []);
});

test('a saved search shows new matches after a sync, and a saved listing says when it is withdrawn', async (t) => {
  const s = await site(t);
  const { page } = await browser(t);
  await page.goto(s.url + '/?q=dementia');
  await waitForStatus(page, /Updated/);
  const open = openListings(s.feedDir);
  const dementia = withWord(open, 'dementia');
  await page.locator('.count').filter({ hasText: `${dementia.length} of ${open.length}` }).waitFor();
  await page.getByRole('button', { name: 'Save this search' }).click();
  await page.getByText(/Search saved/).waitFor();

  // Star a listing that will be withdrawn.
  const target = dementia[0];
  await page.goto(`${s.url}/opportunities/${target.id}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Saved', exact: true }).waitFor();

  // The feed gains two new listings about dementia, and withdraws the starred one.
  const last = join(s.feedDir, lastPageName(s.feedDir));
  const feed = JSON.parse(readFileSync(last, 'utf8'));
  let modified = Math.max(...feed.items.map((i) => i.modified));
  for (const n of [1, 2]) {
    const data = structuredClone(target);
    data.id = `zz-new-${n}`;
    data.title = `New dementia group ${n}`;
    data.status = 'open';
    feed.items.push({ state: 'updated', kind: 'Opportunity', id: data.id, modified: ++modified, data });
  }
  const withdrawn = { ...structuredClone(target), status: 'withdrawn' };
  feed.items.push({ state: 'updated', kind: 'Opportunity', id: target.id, modified: ++modified, data: withdrawn });
  feed.items.sort((a, b) => a.modified - b.modified || String(a.id).localeCompare(String(b.id)));
  writeFileSync(last, JSON.stringify(feed));

  // After the sync, the list says there are new matches, and links to them.
  await page.goto(s.url + '/');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await waitForStatus(page, /Updated/);
  await page.getByRole('link', { name: '2 new matches for your saved searches' }).click();
  await page.getByRole('heading', { level: 1, name: 'Saved' }).waitFor();
  const row = page.locator('.saved-search').filter({ hasText: '“dementia”' });
  // The starred listing is now withdrawn: one fewer old match, two new ones.
  await row.locator('.saved-search-counts').filter({ hasText: /^2 new matches/ }).waitFor();
  const card = page.getByRole('list', { name: 'Saved opportunities' }).locator('.card');
  await card.filter({ hasText: 'Withdrawn. The organiser has withdrawn this opportunity.' }).waitFor();

  // Opening the search counts its matches as seen.
  await row.getByRole('link').click();
  await page.locator('.count').filter({ hasText: `${dementia.length + 1} of` }).waitFor();
  assert.ok((await titles(page)).includes('New dementia group 1'));
  await page.getByRole('link', { name: 'Saved', exact: true }).click();
  await page.locator('.saved-search-counts').filter({ hasText: /^No new matches/ }).waitFor();

  // axe on the Saved page.
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`), []);
});

test('share copies the link where there is no share sheet, and the closing date downloads as .ics', async (t) => {
  const s = await site(t);
  const { page, context } = await browser(t);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url });
  const target = openListings(s.feedDir).find((l) => l.closingDate);
  await page.goto(`${s.url}/opportunities/${target.id}`);
  await page.getByRole('heading', { level: 1, name: target.title }).waitFor();
  // The whole feed first: a later page may update this listing (its closing date among them),
  // and the page shows each stored version as it arrives.
  await waitForStatus(page, /Updated/);
  await page.evaluate(() => { Object.defineProperty(navigator, 'share', { value: undefined, configurable: true }); });
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByText('Link copied. You can paste it into a message or an email.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${s.url}/opportunities/${encodeURIComponent(target.id)}`);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Add closing date to calendar' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `closing-date-${target.id}.ics`);
  const ics = readFileSync(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.ok(ics.includes(`DTSTART;VALUE=DATE:${target.closingDate.replaceAll('-', '')}\r\n`), ics);
  assert.ok(ics.replace(/\r\n /g, '').includes(`${s.url}/opportunities/`));
});

test('at 320 px (400% zoom) the open filters reflow without sideways scrolling and pass axe', async (t) => {
  const s = await site(t);
  const { page } = await browser(t, { width: 320, height: 700 });
  await page.goto(s.url + '/?q=carers&how=online&access=step-free-venue&near=LS6&miles=25&closing=30');
  await waitForStatus(page, /Updated/);
  await page.locator('.filters[open]').waitFor();
  await page.locator('.count').waitFor();
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `content is ${scroll}px wide in a ${client}px window`);
  // The address bar's choices are all shown as made.
  assert.equal(await page.getByLabel('Search opportunities').inputValue(), 'carers');
  assert.equal(await page.getByRole('checkbox', { name: /^Online/ }).isChecked(), true);
  assert.equal(await page.getByRole('checkbox', { name: /^Step-free venue/ }).isChecked(), true);
  assert.equal(await page.getByRole('radio', { name: /^Closing in the next 30 days/ }).isChecked(), true);
  assert.equal(await page.getByLabel('Distance').inputValue(), '25');
  await page.getByText(/Showing opportunities within 25 miles of LS6/).waitFor();
  assert.match(await page.locator('.filters > summary').innerText(), /Filters \(4 on\)/);
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`), []);
});

test('"Back to all opportunities" returns to the search the person came from', async (t) => {
  const s = await site(t);
  const { page } = await browser(t);
  await page.goto(s.url + '/?q=mental');
  await waitForStatus(page, /Updated/);
  await page.locator('.card-title a').first().waitFor();
  const before = await titles(page);
  await page.locator('.card-title a').first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Back to all opportunities' }).click();
  await page.locator('.card-title a').first().waitFor();
  assert.match(page.url(), /\?q=mental$/);
  assert.deepEqual(await titles(page), before);
});

test('no dead end with filters: each filter whose removal shows more is offered with its count, and the count is right', async (t) => {
  const s = await site(t);
  const { page } = await browser(t);
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  const open = openListings(s.feedDir);
  // By post and with a BSL interpreter: none of the sample listings is both.
  const bsl = open.filter((l) => (l.accessSupport ?? []).includes('bsl-interpreter'));
  const post = open.filter((l) => l.attendance.mode === 'by-post');
  assert.ok(bsl.length > 0 && post.length > 0 && !bsl.some((l) => l.attendance.mode === 'by-post'));
  await page.goto(s.url + '/?how=by-post&access=bsl-interpreter');
  await page.getByRole('heading', { name: 'Nothing matches' }).waitFor();
  const offers = page.getByRole('link', { name: /^Remove the filter/ });
  await offers.first().waitFor();
  const texts = await offers.allInnerTexts();
  assert.deepEqual(texts.sort(), [
    `Remove the filter \u201cBSL interpreter\u201d: ${post.length} ${post.length === 1 ? 'opportunity' : 'opportunities'}`,
    `Remove the filter \u201cBy post\u201d: ${bsl.length} ${bsl.length === 1 ? 'opportunity' : 'opportunities'}`,
  ].sort());
  // Following one shows exactly what it said.
  await page.getByRole('link', { name: /^Remove the filter \u201cBy post\u201d/ }).click();
  await page.locator('.count').filter({ hasText: `${bsl.length} of ${open.length} open opportunities match` }).waitFor();
  assert.equal(new URL(page.url()).search, '?access=bsl-interpreter');
});
