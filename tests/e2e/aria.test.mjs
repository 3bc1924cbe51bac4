// The accessibility tree of every screen, as a screen reader meets it (Playwright's
// ariaSnapshot): landmarks, headings in order, the name of every control and the live regions.
// Checked in under tests/e2e/aria/, so a change to any of them is a reviewed diff.
//
// What a listing says (titles, dates, counts) changes with the sample feed and the day; it is
// redacted, so the snapshots hold the app's own structure and words only.
// To accept a change on purpose: UPDATE_ARIA=1 node --test tests/e2e/aria.test.mjs
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fillForm, LISTING, openForm } from './forms.mjs';
import { browser, openListings, ROOT, site, waitForStatus } from './support.mjs';

const DIR = join(ROOT, 'tests', 'e2e', 'aria');
const KEEP = /^(listitem:|banner|navigation|main|contentinfo|region|search|form|group|heading|button|link|textbox|searchbox|checkbox|radio|combobox|status|alert|list|listitem|article|dialog|img|note)\b/;

/** The tree's structure: kept roles only, names of listing content and numbers redacted, one
 *  card of a list of cards. */
export function shape(yaml, dataNames) {
  const out = [];
  let cardList = null; // indentation of the list of cards
  let skipUnder = null; // a second or later card: skipped with everything under it
  let cardDepth = null; // inside the first card: names are the listing's
  for (const raw of yaml.split('\n')) {
    const indent = raw.search(/\S/);
    if (indent < 0) continue;
    const line = raw.slice(indent).replace(/^- /, '');
    if (skipUnder !== null && indent > skipUnder) continue;
    skipUnder = null;
    if (cardDepth !== null && indent <= cardDepth) cardDepth = null;
    if (cardList !== null && indent <= cardList) cardList = null;
    if (line.startsWith('list "Opportunities found"')) cardList = indent;
    if (cardList !== null && indent === cardList + 2 && line.startsWith('listitem')) {
      if (out.at(-1)?.trim().startsWith('- list "Opportunities found"')) {
        cardDepth = indent;
        out.push(' '.repeat(indent) + '- listitem (the first card; the others are the same)');
      } else {
        skipUnder = indent;
      }
      continue;
    }
    if (!KEEP.test(line)) continue;
    let kept = line.replace(/:$/, '');
    if (cardDepth !== null || dataNames.some((n) => kept.includes(`"${n}"`))) {
      kept = kept.replace(/"(.*)"/, '"<from the listing>"');
    }
    // Counts, dates and times in names move with the data and the day; heading levels stay.
    kept = kept.replace(/"(.*)"/, (m) => m.replace(/\d+/g, '#')).replace(/: (.*)$/, (m) => m.replace(/\d+/g, '#'));
    if (/^status\b/.test(kept)) kept = kept.replace(/^status: .*/, 'status: <live>');
    // A list's items as text are the listing's (its access support, its requirements).
    kept = kept.replace(/^listitem: .*/, 'listitem: <text>');
    out.push(' '.repeat(indent) + '- ' + kept);
  }
  return out.join('\n') + '\n';
}

function check(name, actual) {
  const file = join(DIR, `${name}.yml`);
  if (process.env.UPDATE_ARIA || !existsSync(file)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual);
    if (!process.env.UPDATE_ARIA && process.env.CI) assert.fail(`${file} was missing; written now: check it in`);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `the accessibility tree of ${name} changed (UPDATE_ARIA=1 to accept)`);
}

test('the accessibility tree of every screen matches its checked-in snapshot', async (t) => {
  const s = await site(t);
  const { page } = await browser(t);
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  await page.locator('.card').first().waitFor();
  const listings = openListings(s.feedDir);
  const names = listings.flatMap((l) => [
    l.title, l.organisation.name, `${l.organisation.name} (opens in a new tab)`,
    l.contact?.email, l.contact?.phone, l.contact?.name,
  ].filter(Boolean));
  // The opportunity that stays open longest, so the snapshot does not change as others close.
  const byClosing = [...listings].sort((a, b) => (b.closingDate ?? '9999').localeCompare(a.closingDate ?? '9999'));
  const inApp = byClosing.find((l) => l.howToApply?.type === 'in-app') ?? byClosing[0];
  const lasting = [...listings].sort((a, b) => (b.closingDate ?? '9999').localeCompare(a.closingDate ?? '9999'))[0];
  const screens = [
    ['list', '/', '.card'],
    ['opportunity', `/opportunities/${lasting.id}`, 'h1'],
    ['saved', '/saved', 'h1'],
    ['what-changed', '/what-changed', 'h1'],
    ['settings', '/settings', 'h1'],
    ['not-found', '/no-such-page', 'h1'],
    ['applications', '/applications', 'h1'],
    ['about-me', '/about-me', 'h1'],
    ['apply', `/opportunities/${inApp.id}/apply`, 'h1'],
  ];
  for (const [name, path, ready] of screens) {
    await page.goto(s.url + path);
    await page.locator(ready).first().waitFor();
    await waitForStatus(page, /Updated/);
    check(name, shape(await page.locator('body').ariaSnapshot(), names));
  }
  // The apply form with its errors: the summary is an alert, each field names its error.
  await page.goto(`${s.url}/opportunities/${inApp.id}/apply`);
  await page.locator('form button[type="submit"]').click();
  await page.locator('.error-summary').waitFor();
  check('apply-errors', shape(await page.locator('body').ariaSnapshot(), names));
});

test('the accessibility tree of checking answers, a waiting application, and the PIN screens of a shared device', async (t) => {
  const s = await site(t);
  const { page, context } = await browser(t);
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  const names = [LISTING.title, LISTING.organisation.name, 'Sam Example', 'sam@example.org'];
  await openForm(page, s.url);
  await fillForm(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
  // The organisers' questions and the answers given are the listing's and the person's.
  const asked = LISTING.howToApply.questions.flatMap((q) => [q.label, `Change ${q.label}`, ...(q.options ?? [])]);
  check('check-answers', shape(await page.locator('body').ariaSnapshot(), [...names, ...asked]));
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Send application' }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: /Waiting to send/ }).waitFor();
  check('application-waiting', shape(await page.locator('body').ariaSnapshot(), names));
  await context.setOffline(false);

  const other = await browser(t);
  await other.page.goto(s.url + '/setup?device=shared&lock-minutes=5');
  await other.page.getByRole('heading', { level: 1, name: 'This device is set up' }).waitFor();
  // The listings' check settles first, so the snapshot does not depend on the network's timing.
  await other.page.getByRole('button', { name: 'Refresh' }).waitFor();
  check('setup', shape(await other.page.locator('body').ariaSnapshot(), []));
  await other.page.goto(s.url + '/applications');
  await other.page.getByRole('heading', { level: 1, name: 'Your applications are protected by a PIN' }).waitFor();
  await other.page.getByRole('button', { name: 'Refresh' }).waitFor();
  check('pin', shape(await other.page.locator('body').ariaSnapshot(), []));
});
