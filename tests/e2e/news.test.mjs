// "What changed because of you" and "New since you last looked": a listing's impact note on its
// page and in the What changed view (offline too, closed listings included, shown as text), the
// New mark and the home screen's news line after the organisers act, and the "email me" choice
// reaching the server.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import {
  browser, feedPages, lastPageName, localToday, opendoorServer, serverCli, site, swReady, waitForStatus,
} from './support.mjs';
import { LISTING, applicationsOnServer, fillForm, openForm, organiser } from './forms.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function noViolations(page, where) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`), [], where);
}

/** Every listing in the feed as it ends up, by id. */
function live(feedDir) {
  const out = new Map();
  for (const { page } of feedPages(feedDir)) {
    for (const it of page.items) {
      if (it.state === 'deleted') out.delete(String(it.id));
      else out.set(String(it.id), it.data);
    }
  }
  return out;
}

const paragraphs = (text) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

test('What changed lists every note newest first, closed ones too, as text, and still works offline', async (t) => {
  const s = await site(t);
  // One more note, today, with markup in it: it must show exactly as typed.
  const listings = live(s.feedDir);
  const extra = structuredClone([...listings.values()].find((l) => l.status === 'open' && !l.impactNote));
  const markup = '<b>Not bold</b> & <img src=x onerror="document.title=1">';
  extra.impactNote = { text: `We listened to you.\n\n${markup}`, date: localToday() };
  const last = join(s.feedDir, lastPageName(s.feedDir));
  const page = JSON.parse(readFileSync(last, 'utf8'));
  const modified = Math.max(...page.items.map((i) => i.modified)) + 1;
  page.items.push({ state: 'updated', kind: 'Opportunity', id: extra.id, modified, data: extra });
  writeFileSync(last, JSON.stringify(page));
  const noted = [...live(s.feedDir).values()].filter((l) => l.impactNote)
    .sort((a, b) => b.impactNote.date.localeCompare(a.impactNote.date) || a.title.localeCompare(b.title));
  const closed = noted.find((l) => l.status === 'closed');
  assert.ok(closed, 'the sample feed has a closed listing with a note');

  const { page: tab, errors } = await browser(t);
  await tab.goto(s.url + '/');
  await waitForStatus(tab, /Updated/);
  await swReady(tab);
  await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'What changed' }).click();
  await tab.getByRole('heading', { level: 1, name: 'What changed because of people like you' }).waitFor();
  assert.deepEqual(await tab.locator('.change-title').allInnerTexts(), noted.map((l) => l.title), 'newest note first');
  const text = await tab.locator('.change-list').innerText();
  assert.ok(text.includes(markup), 'the note is shown as typed');
  assert.equal(await tab.locator('.change-list b, .change-list img').count(), 0, 'never as HTML');
  const closedItem = tab.locator('.change-item').filter({ hasText: closed.title });
  assert.match(await closedItem.innerText(), /Closed\./);
  for (const p of paragraphs(closed.impactNote.text)) assert.ok((await closedItem.innerText()).includes(p));
  await noViolations(tab, 'What changed');

  await s.stop(); // truly offline: everything comes from the device
  await tab.reload();
  await tab.locator('.change-title').first().waitFor();
  assert.deepEqual(await tab.locator('.change-title').allInnerTexts(), noted.map((l) => l.title), 'offline, after a reload');
  await closedItem.getByRole('link', { name: closed.title }).click();
  await tab.getByRole('heading', { level: 1, name: closed.title }).waitFor();
  await tab.locator('.notice-problem').filter({ hasText: 'Closed' }).waitFor();
  const section = tab.getByRole('region', { name: 'What changed because of you' });
  const said = await section.innerText();
  assert.match(said, /From Trentside University Hospitals NHS Trust, 26 November 2026/);
  for (const p of paragraphs(closed.impactNote.text)) assert.ok(said.includes(p), `paragraph: ${p.slice(0, 30)}`);
  assert.equal(await section.locator('p').count(), paragraphs(closed.impactNote.text).length + 1, 'one paragraph each');
  await noViolations(tab, 'a closed listing with a note');
  assert.notEqual(await tab.title(), '1');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e)), []);
});

test('What changed says so plainly when no organiser has written one', async (t) => {
  const s = await site(t);
  for (const { name, page } of feedPages(s.feedDir)) {
    for (const it of page.items) if (it.data) delete it.data.impactNote;
    writeFileSync(join(s.feedDir, name), JSON.stringify(page));
  }
  const { page } = await browser(t, { width: 320, height: 700 });
  await page.goto(s.url + '/what-changed');
  await page.getByText('No organiser has said what changed yet.', { exact: false }).waitFor({ timeout: 15000 });
  await page.getByRole('link', { name: 'Find an opportunity' }).waitFor();
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, 'no sideways scrolling at 320 px');
});

test('status, message and impact note changes are marked New until opened; home says so; email updates reach the server', async (t) => {
  const server = await opendoorServer(t);
  const org = await organiser(server);
  const { page } = await browser(t, { width: 412, height: 900 });
  await page.goto(server.url + '/');
  await waitForStatus(page, /Updated/);

  // The email choice: offered under Email, kept in the draft, on the check page, sent.
  await openForm(page, server.url);
  await fillForm(page);
  const updates = page.getByLabel('Email me when my application changes or the organisers write to me');
  assert.equal(await updates.isChecked(), false, 'not chosen for them');
  await updates.check();
  await page.getByLabel('Phone', { exact: true }).check();
  assert.equal(await updates.count(), 0, 'only offered with email');
  await page.getByLabel('Email', { exact: true }).check();
  assert.equal(await updates.isChecked(), true, 'the choice was kept');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
  const row = page.locator('.summary-row').filter({ hasText: 'Email updates' });
  assert.match(await row.innerText(), /Yes: email me when my application changes/);
  await page.getByRole('button', { name: 'Send application' }).click();
  await page.getByRole('heading', { name: 'Application sent' }).waitFor({ timeout: 20000 });
  const [stored] = await applicationsOnServer(org);
  assert.equal(stored.application.applicant.emailUpdates, true, 'the server stored the choice');

  // Just sent: nothing is new.
  await page.goto(server.url + '/applications');
  await page.getByRole('heading', { name: 'Sent' }).waitFor();
  assert.equal(await page.locator('.new-mark').count(), 0);

  // The organisers act: a status, a message, and a note on the listing (imported as a feed).
  await org(`/applications/${stored.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'shortlisted', feedback: 'We would like to meet you.' }) });
  const noted = structuredClone(LISTING);
  noted.impactNote = { text: 'You told us the form was too long.\n\nWe cut it to one page.', date: localToday() };
  const file = join(server.dir, 'note.json');
  writeFileSync(file, JSON.stringify({ items: [{ state: 'updated', kind: 'Opportunity', id: LISTING.id, modified: 9e12, data: noted }], next: 'note.json' }));
  await server.stop();
  serverCli(['import', '--db', server.db, file]);
  await server.start();

  await page.goto(server.url + '/');
  await waitForStatus(page, /Updated/);
  const news = page.getByRole('status').filter({ hasText: '1 of your applications has news' });
  await news.waitFor({ timeout: 20000 });
  assert.equal(await news.getAttribute('aria-live'), 'polite');
  await noViolations(page, 'the home screen with news');
  await news.getByRole('link', { name: '1 of your applications has news' }).click();

  const item = page.locator('.app-item').filter({ hasText: LISTING.title });
  await item.locator('.new-mark').filter({ hasText: 'New' }).waitFor();
  const said = await item.innerText();
  assert.match(said, /New since you last looked: the status has changed, there is a new message from the organisers and the organisers have said what changed/);
  assert.match(said, /What changed: You told us the form was too long\. …/);
  await item.getByRole('link', { name: `Read what changed for ${LISTING.title}` }).waitFor();
  await noViolations(page, 'My applications with a New mark');

  // Opening it shows what is new, and marks it seen.
  await item.getByRole('link', { name: LISTING.title, exact: true }).click();
  await page.getByRole('heading', { name: /What has happened\s+New/ }).waitFor();
  await page.getByRole('heading', { name: /said\s+New/ }).waitFor();
  await page.getByRole('heading', { name: /What changed because of you\s+New/ }).waitFor();
  await page.getByText('We would like to meet you.').waitFor();
  await page.getByText('We cut it to one page.').waitFor();
  await noViolations(page, 'an application with news');

  await page.getByRole('link', { name: 'Back to my applications' }).click();
  await page.getByRole('heading', { name: 'Sent' }).waitFor();
  await item.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.new-mark').length === 0, null, { timeout: 5000 });
  await page.reload();
  await item.waitFor();
  assert.equal(await page.locator('.new-mark').count(), 0, 'seen is kept on the device');
  await page.goto(server.url + '/');
  await waitForStatus(page, /Updated/);
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('.news-notice').count(), 0, 'no news left on the home screen');

  // A later change is news again.
  await org(`/applications/${stored.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'selected' }) });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('status').filter({ hasText: '1 of your applications has news' }).waitFor({ timeout: 20000 });
});
