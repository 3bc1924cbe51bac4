// Applying offline, against the real reference server and a real SQLite file: drafts survive a
// closed browser, a Send made offline arrives exactly once, a kill mid-send and two tabs still
// make one application, server-side refusals come back beside the field, and the organiser's
// status and feedback reach the applicant.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { ROOT, browser, opendoorServer, serverCli, swReady, waitForStatus } from './support.mjs';
import { LISTING, applicationsOnServer, fillForm, openForm, organiser, sendFromCheck } from './forms.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function firstVisit(t, server, opts) {
  const b = await browser(t, opts);
  await b.page.goto(server.url + '/');
  await waitForStatus(b.page, /Updated/);
  await swReady(b.page);
  return b;
}

test('a draft typed offline survives closing the browser; Send offline arrives once when the server returns', async (t) => {
  const server = await opendoorServer(t);
  const org = await organiser(server);
  const first = await firstVisit(t, server);
  await server.stop();

  await openForm(first.page, server.url);
  const answers = await fillForm(first.page);
  await first.page.getByRole('status').filter({ hasText: 'saved on this device' }).waitFor();
  await first.close(); // the browser is closed mid-draft

  const second = await browser(t, { profile: first.profile });
  await openForm(second.page, server.url);
  assert.equal(await second.page.getByLabel('Your name').inputValue(), 'Sam Example', 'the draft came back');
  await sendFromCheck(second.page);
  await second.page.getByRole('heading', { name: "Waiting to send — we'll try again" }).waitFor();
  await second.close();

  await server.start();
  const third = await browser(t, { profile: first.profile });
  await third.page.goto(server.url + '/applications');
  await third.page.getByRole('heading', { name: 'Sent' }).waitFor({ timeout: 20000 });

  const apps = await applicationsOnServer(org);
  assert.equal(apps.length, 1, 'exactly one application');
  const got = apps[0];
  assert.equal(got.listingId, LISTING.id);
  const payload = got.application ?? got.payload ?? got;
  assert.equal(payload.applicant.name, 'Sam Example');
  assert.equal(payload.applicant.email, 'sam@example.org');
  assert.deepEqual(payload.answers, answers, 'every answer intact');
});

test('the server killed while a send is in flight, then restarted: exactly one', async (t) => {
  const server = await opendoorServer(t);
  const org = await organiser(server);
  const { page } = await firstVisit(t, server);
  const keys = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') keys.push(r.headers()['idempotency-key']);
  });
  let done;
  const killed = new Promise((ok) => { done = ok; });
  const api = '**/api/v1/applications';
  let first = true;
  await page.route(api, async (route) => {
    if (!first) {
      await route.abort('connectionrefused'); // retries while the server is down
      return;
    }
    first = false;
    await route.fetch(); // the server stores it...
    await server.stop('SIGKILL'); // ...and dies before the answer gets back
    await route.abort('connectionreset');
    done();
  });
  await openForm(page, server.url);
  await fillForm(page);
  await sendFromCheck(page);
  await page.getByRole('heading', { name: "Waiting to send — we'll try again" }).waitFor();
  await killed;
  await page.unroute(api); // from now on, straight to the network
  await server.start();
  // A retry may beat us to it; otherwise, press "Send now".
  const sendNow = page.getByRole('button', { name: 'Send now' });
  if (await sendNow.isVisible()) await sendNow.click({ timeout: 2000 }).catch(() => {});
  await page.getByRole('heading', { name: 'Application sent' }).waitFor({ timeout: 20000 });
  assert.ok(keys.length >= 2, `sent again after the kill (${keys.length} requests)`);
  assert.equal(new Set(keys).size, 1, 'every request carried the same Idempotency-Key');
  assert.equal((await applicationsOnServer(org)).length, 1, 'stored once');
});

test('two open tabs on the same outbox send it once', async (t) => {
  const server = await opendoorServer(t);
  const org = await organiser(server);
  const { page, context } = await firstVisit(t, server);
  await server.stop();
  await openForm(page, server.url);
  await fillForm(page);
  await sendFromCheck(page);
  await page.getByRole('heading', { name: "Waiting to send — we'll try again" }).waitFor();
  const other = await context.newPage();
  await other.goto(server.url + '/applications');
  await other.getByRole('heading', { name: 'Waiting to send' }).waitFor();

  // Count what reached the server: a replay of the same key would also answer 201.
  const posts = [];
  context.on('response', (r) => {
    if (r.request().method() === 'POST' && r.status() === 201) posts.push(r.url());
  });
  await server.start();
  await Promise.all([page, other].map((p) => p.evaluate(() => window.dispatchEvent(new Event('online')))));
  await other.getByRole('heading', { name: 'Sent' }).waitFor({ timeout: 20000 });
  await page.getByRole('heading', { name: 'Application sent' }).waitFor({ timeout: 20000 });
  assert.equal(posts.length, 1, 'the Web Lock let one tab send; the other found it sent');
  assert.equal((await applicationsOnServer(org)).length, 1);
});

test("a server validation error brings the draft back with the server's words beside the field", async (t) => {
  const server = await opendoorServer(t);
  const { page } = await firstVisit(t, server);
  await server.stop();
  await openForm(page, server.url);
  await fillForm(page);
  await sendFromCheck(page);
  await page.getByRole('heading', { name: "Waiting to send — we'll try again" }).waitFor();

  // Meanwhile the organisers add a required question the queued application does not answer.
  const changed = structuredClone(LISTING);
  changed.howToApply.questions.push({ id: 'new-q', label: 'How did you hear about us?', type: 'short-text', required: true, maxLength: 200 });
  const pageFile = join(server.dir, 'changed.json');
  writeFileSync(pageFile, JSON.stringify({ items: [{ state: 'updated', kind: 'Opportunity', id: LISTING.id, modified: 9e12, data: changed }], next: 'changed.json' }));
  serverCli(['import', '--db', server.db, pageFile]);
  await server.start();

  const sendNow = page.getByRole('button', { name: 'Send now' });
  if (await sendNow.isVisible()) await sendNow.click({ timeout: 2000 }).catch(() => {}); // or a retry does it
  await page.getByRole('heading', { name: 'Draft — not sent yet' }).waitFor({ timeout: 20000 });
  await page.getByRole('link', { name: 'Continue your application' }).click();
  const field = page.locator('#q-new-q');
  await field.waitFor();
  const describedBy = await field.getAttribute('aria-describedby');
  assert.match(describedBy, /q-new-q-error/);
  // The server's refusal in the form's own words, never its internal field name ("Answer this
  // question" once the server sends the problem's kind; "it is missing" from one that does not).
  const said = await page.locator('#q-new-q-error').innerText();
  assert.doesNotMatch(said, /answers\.new-q/);
  assert.match(said, /Answer this question|Check this answer: it is missing/);
  assert.equal(await page.getByLabel('Your name').inputValue(), 'Sam Example', 'nothing lost');
});

test('the organiser sets "selected" with feedback; the applicant sees both after the next sync', async (t) => {
  const server = await opendoorServer(t);
  const org = await organiser(server);
  const { page } = await firstVisit(t, server);
  await openForm(page, server.url);
  await fillForm(page);
  await sendFromCheck(page);
  await page.getByRole('heading', { name: 'Application sent' }).waitFor({ timeout: 20000 });
  const [app] = await applicationsOnServer(org);
  await org(`/applications/${app.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'selected', feedback: 'Your idea changed our leaflet.' }) });

  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByText('Selected: you have a place', { exact: true }).waitFor({ timeout: 20000 });
  await page.getByText('Your idea changed our leaflet.').waitFor();
  await page.goto(server.url + '/applications');
  await page.getByText(/Selected: you have a place/).waitFor();
});

test('axe finds no violations on the form (with errors), check answers, confirmation and My applications', async (t) => {
  const server = await opendoorServer(t);
  const { page } = await firstVisit(t, server, { width: 412, height: 900 });
  const check = async (where) => {
    const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`), [], where);
  };
  await openForm(page, server.url);
  await check('the empty form');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('#error-summary').waitFor();
  // The summary takes focus in the frame after it appears.
  await page.waitForFunction(() => document.activeElement?.id === 'error-summary', null, { timeout: 5000 });
  await check('the form with errors');
  await page.locator('#error-summary a').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'name', 'summary links go to the field');
  await fillForm(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
  await check('check your answers');
  await page.getByRole('button', { name: 'Send application' }).click();
  await page.getByRole('heading', { name: 'Application sent' }).waitFor({ timeout: 20000 });
  await check('the confirmation');
  await page.goto(server.url + '/applications');
  await page.getByRole('heading', { name: 'Sent' }).waitFor();
  await check('My applications');
});

test('"About me" fills in the next application; withdrawing erases it on the server; a draft can be deleted', async (t) => {
  const server = await opendoorServer(t);
  const org = await organiser(server);
  const { page } = await firstVisit(t, server);
  await openForm(page, server.url);
  await fillForm(page);
  await page.getByLabel(/Keep my name, contact details and support needs/).check();
  await sendFromCheck(page);
  await page.getByRole('heading', { name: 'Application sent' }).waitFor({ timeout: 20000 });

  // The next application starts with the kept answers (WCAG 2.2 Redundant Entry).
  const other = (() => {
    for (let n = 1; n <= 4; n++) {
      const p = JSON.parse(readFileSync(join(ROOT, 'public', 'feed', `page-${n}.json`), 'utf8'));
      const d = p.items.map((i) => i.data).find((d) => d && d.id !== LISTING.id && d.status === 'open' && d.howToApply.type === 'in-app');
      if (d) return d;
    }
  })();
  await page.goto(`${server.url}/opportunities/${other.id}/apply`);
  assert.equal(await page.getByLabel('Your name').inputValue(), 'Sam Example');
  assert.equal(await page.getByLabel('Email address').inputValue(), 'sam@example.org');
  await page.getByLabel('Your name').fill('Sam E.');
  await page.getByRole('status').filter({ hasText: 'saved on this device' }).waitFor();

  // "About me" shows them in one place, and deletes them.
  await page.getByRole('link', { name: 'About me' }).click();
  assert.equal(await page.getByLabel('Your name').inputValue(), 'Sam Example');
  await page.getByRole('button', { name: 'Delete my details' }).click();
  await page.getByText('Deleted. Your details are no longer kept on this device.').waitFor();

  // Delete the new draft.
  await page.goto(`${server.url}/applications/${other.id}`);
  await page.getByRole('button', { name: 'Delete draft' }).click();
  await page.getByRole('button', { name: 'Delete draft' }).click(); // confirm
  await page.getByRole('heading', { name: 'My applications' }).waitFor();
  await page.getByRole('heading', { name: 'Drafts' }).waitFor({ state: 'detached' });

  // Withdraw the sent one: the organiser no longer sees the person's answers.
  await page.goto(`${server.url}/applications/${LISTING.id}`);
  await page.getByRole('button', { name: 'Withdraw application' }).click();
  await page.getByRole('button', { name: 'Withdraw application' }).click();
  await page.getByText("You haven't started any applications on this device.").waitFor();
  const [app] = await applicationsOnServer(org);
  assert.equal(app.status, 'withdrawn');
  assert.equal(JSON.stringify(app).includes('Sam Example'), false, 'personal data erased');
});

test('listings that take applications elsewhere show the steps and a message to copy', async (t) => {
  const server = await opendoorServer(t);
  const { page, context } = await firstVisit(t, server);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  let elsewhere;
  for (let n = 1; n <= 4 && !elsewhere; n++) {
    const p = JSON.parse(readFileSync(join(ROOT, 'public', 'feed', `page-${n}.json`), 'utf8'));
    elsewhere = p.items.map((i) => i.data).find((d) => d && d.status === 'open' && d.howToApply.type === 'email');
  }
  await page.goto(`${server.url}/opportunities/${elsewhere.id}`);
  const message = page.getByLabel('A message you can use');
  assert.match(await message.inputValue(), new RegExp(`apply for "${elsewhere.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  await page.getByRole('button', { name: 'Copy message' }).click();
  await page.getByText('Copied. You can now paste it.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await message.inputValue());
  assert.equal(await page.getByRole('link', { name: 'Apply', exact: true }).count(), 0);
});

test('a sync that brings new listings never disturbs someone typing', async (t) => {
  const server = await opendoorServer(t);
  const { page } = await firstVisit(t, server);
  await openForm(page, server.url);
  const name = page.getByLabel('Your name');
  await name.click();
  await page.keyboard.type('Sam');
  // New listings arrive while the person is typing.
  const changed = structuredClone(LISTING);
  changed.id = 'e2e-new-arrival';
  changed.title = 'A listing that arrives mid-typing';
  const file = join(server.dir, 'new.json');
  writeFileSync(file, JSON.stringify({ items: [{ state: 'updated', kind: 'Opportunity', id: changed.id, modified: 9e12, data: changed }], next: 'new.json' }));
  serverCli(['import', '--db', server.db, file]);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForFunction(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('opendoor'); r.onsuccess = () => ok(r.result); });
    const row = await new Promise((ok) => { const r = db.transaction('listings').objectStore('listings').get('e2e-new-arrival'); r.onsuccess = () => ok(r.result); });
    db.close();
    return Boolean(row);
  }, null, { polling: 100 });
  await page.waitForTimeout(300); // let the screens react to the new listings
  await page.keyboard.type(' Example');
  assert.equal(await name.inputValue(), 'Sam Example');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'name');
});

test('the form, check answers and My applications reflow at 320 px (400% zoom)', async (t) => {
  const server = await opendoorServer(t);
  const { page } = await firstVisit(t, server, { width: 320, height: 640 });
  const noSideScroll = async (where) => {
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(scroll <= client, `${where}: ${scroll}px of content in a ${client}px window`);
  };
  await openForm(page, server.url);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('#error-summary').waitFor();
  await noSideScroll('the form with errors');
  await fillForm(page);
  await page.getByLabel("I'm filling this in with someone").check();
  await page.getByLabel('Name of the person helping').fill('Priya, a volunteer at the drop-in centre');
  await page.getByLabel(/has agreed/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
  await noSideScroll('check your answers');
  await page.getByRole('button', { name: 'Send application' }).click();
  await page.getByRole('heading', { name: 'Application sent' }).waitFor({ timeout: 20000 });
  await noSideScroll('the confirmation');
  assert.match(await page.locator('main').innerText(), /Filled in with help from Priya, a volunteer/);
  await page.goto(server.url + '/applications');
  await page.getByRole('heading', { name: 'Sent' }).waitFor();
  await noSideScroll('My applications');
});
