// The organisers' side in real Chromium against the real server and a real SMTP listener, both
// sides in one journey: invited, signed in from the emailed link, a listing created in the
// editor reaches an applicant's device, who applies offline; the organiser answers, the
// applicant sees it; "took part" for several at once and an impact note, seen offline. Also:
// axe on every organiser screen (with and without errors), 320 px, and the figure from Send to
// the applicant's screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { browser, opendoorServer, serverCliAsync, swReady, waitForStatus } from './support.mjs';
import { smtpSink, linkIn } from './smtp.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function axe(page, where) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`), [], where);
}

/** No sideways scrolling at this width (WCAG 1.4.10). */
async function fits(page, where) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `${where}: ${wide}px wider than the screen`);
}

async function setUp(t) {
  const smtp = await smtpSink(t);
  const server = await opendoorServer(t, { args: ['--smtp-url', smtp.url] });
  return { smtp, server };
}

/** Invites by the command line, then signs in from the emailed link in `page`. */
async function signIn(page, server, smtp, { org = 'leeds-diabetes', name = 'Leeds Diabetes Voices', email = 'jo@leeds.example' } = {}) {
  await serverCliAsync(['organiser', 'invite', '--db', server.db, '--org', org, '--name', name, '--public-url', server.url, '--smtp-url', smtp.url, email]);
  const mail = await smtp.waitFor(email);
  assert.equal(mail.subject, 'Your link to sign in to Open Door');
  await page.goto(linkIn(mail));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your listings' }).waitFor();
}

/** Fills the editor as an organiser would, by labels. */
async function fillListing(page, title) {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Summary').fill('Help the clinic plan evening appointments.');
  await page.getByLabel('Description').fill('We meet four times over the year.\n\nTea, biscuits and travel paid.');
  await page.getByLabel('Kind of involvement').selectOption('advisory-group');
  await page.getByLabel('Topics').fill('Diabetes');
  await page.getByLabel('Online', { exact: true }).check();
  await page.getByLabel('How much time it takes').fill('2 hours, 4 times a year');
  await page.getByLabel('No, but expenses are paid').check();
  await page.getByLabel('Travel', { exact: true }).check();
  await page.getByLabel('Who it is for').fill('Adults with diabetes in Leeds');
  await page.getByLabel('The difference taking part makes').fill('Your views decide when the clinic opens.');
  await page.getByLabel('Support people get').fill('A named contact and a debrief after each meeting.');
  await page.getByLabel('In Open Door (our form, then your questions)').check();
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByLabel('Question', { exact: true }).fill('Why would you like to join?');
  await page.getByLabel('Answer', { exact: true }).selectOption('long-text');
}

async function applicantFirstVisit(t, server) {
  const b = await browser(t, { width: 412, height: 900 });
  await b.page.goto(server.url + '/');
  await waitForStatus(b.page, /Updated/);
  await swReady(b.page);
  return b;
}

test('both sides in one journey: invite, sign in, publish, apply offline, answer, took part, what changed offline', async (t) => {
  const { smtp, server } = await setUp(t);
  const org = await browser(t, { width: 1024, height: 900 });
  await signIn(org.page, server, smtp);

  // 3. Create a listing in the editor and publish it.
  await org.page.getByRole('link', { name: 'Create a listing' }).click();
  await fillListing(org.page, 'Evening clinic panel');
  await org.page.getByRole('button', { name: 'Publish' }).click();
  await org.page.getByText('Published.').waitFor();
  const id = new URL(org.page.url()).pathname.split('/').pop();

  // 4. It reaches an applicant's device after a sync.
  const app = await applicantFirstVisit(t, server);
  await app.page.goto(`${server.url}/opportunities/${id}`);
  await app.page.getByRole('heading', { name: 'Evening clinic panel' }).waitFor({ timeout: 20000 });

  // 5. The applicant applies offline; it is sent when the connection returns.
  await app.context.setOffline(true);
  await app.page.getByRole('link', { name: 'Apply' }).click();
  await app.page.getByLabel('Your name').fill('Asha Patel');
  await app.page.getByLabel('Email', { exact: true }).check();
  await app.page.getByLabel('Email address').fill('asha@example.org');
  await app.page.getByLabel('Why would you like to join?').fill('I go to the clinic after work.');
  await app.page.getByLabel(/I agree to my answers being shared/).check();
  await app.page.getByRole('button', { name: 'Continue' }).click();
  await app.page.getByRole('button', { name: 'Send application' }).click();
  await app.page.getByRole('heading', { name: "Waiting to send — we'll try again" }).waitFor();
  await app.context.setOffline(false);
  await app.page.getByRole('heading', { name: 'Application sent' }).waitFor({ timeout: 30000 });
  const applicationUrl = app.page.url();

  // 6. The organiser sees it, marks "selected" and writes feedback.
  await org.page.reload();
  await org.page.getByRole('link', { name: /Applications \(1\)/ }).click();
  await org.page.getByRole('link', { name: 'Asha Patel' }).click();
  await org.page.getByRole('heading', { name: 'Before you contact them' }).waitFor();
  await org.page.getByLabel('Selected', { exact: true }).check();
  await org.page.getByLabel('Message to them (feedback)').fill('Welcome! The first meeting is on 12 January.');
  await org.page.getByRole('button', { name: 'Save and tell them' }).click();
  await org.page.getByText('Saved.').waitFor();

  // 7. The applicant's next sync (opening the app): the home screen says there is news, the
  //    application is marked New, and the feedback is on its page.
  await app.page.goto(server.url + '/');
  await app.page.getByRole('link', { name: /1 of your applications has news/ }).click();
  await app.page.locator('.new-mark').first().waitFor({ timeout: 20000 });
  await app.page.goto(applicationUrl);
  await app.page.getByText('Welcome! The first meeting is on 12 January.').waitFor({ timeout: 20000 });
  await app.page.getByText(/Selected: you have a place/).first().waitFor();

  // 8. "Took part" for everyone at once, and what changed.
  await org.page.getByRole('link', { name: /All applications for/ }).click();
  await org.page.getByLabel('Select Asha Patel').check();
  await org.page.getByLabel('Took part', { exact: true }).check();
  await org.page.getByLabel('Message to each of them (optional)').fill('Thank you for taking part.');
  await org.page.getByRole('button', { name: 'Save and tell them' }).click();
  await org.page.getByText('Saved for 1 person.').waitFor();
  await org.page.getByRole('link', { name: 'Back to the listing' }).click();
  await org.page.getByLabel('What changed').fill('Because of you, the clinic now opens until 8pm on Thursdays.');
  await org.page.getByRole('button', { name: 'Publish what changed' }).click();
  await org.page.getByText('Your note on what changed is published').waitFor();

  // 9. The applicant syncs, then sees it with no connection.
  await app.page.goto(server.url + '/');
  await waitForStatus(app.page, /Updated/);
  await app.context.setOffline(true);
  await app.page.goto(`${server.url}/opportunities/${id}`);
  await app.page.getByText('Because of you, the clinic now opens until 8pm on Thursdays.').waitFor({ timeout: 20000 });
  await app.page.goto(applicationUrl);
  await app.page.getByText('Thank you for taking part.').waitFor();
  await app.page.getByText('You took part').first().waitFor();
});

test('axe finds nothing on any organiser screen, with and without errors, and each fits 320 px', async (t) => {
  const { smtp, server } = await setUp(t);
  const org = await browser(t, { width: 320, height: 800 });
  const page = org.page;
  await page.goto(server.url + '/org/sign-in');
  await axe(page, 'sign in');
  await fits(page, 'sign in');
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await page.getByText('Enter your email address').first().waitFor();
  await axe(page, 'sign in with an error');
  await signIn(page, server, smtp);
  await axe(page, 'listings');
  await fits(page, 'listings');

  await page.getByRole('link', { name: 'Create a listing' }).click();
  await axe(page, 'the editor');
  await fits(page, 'the editor');
  await page.getByRole('button', { name: 'Publish' }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.className), 'error-summary', 'focus moves to the error summary');
  await axe(page, 'the editor with errors');
  await fits(page, 'the editor with errors');
  await page.getByRole('link', { name: 'Enter a title' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'title', 'the summary link takes you to the field');

  await fillListing(page, 'Axe panel');
  await page.getByRole('button', { name: 'Save and preview' }).click();
  await page.getByRole('heading', { name: 'Preview: as applicants will see it' }).waitFor();
  await axe(page, 'preview');
  await fits(page, 'preview');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Published.').waitFor();
  await axe(page, 'the listing page');
  await fits(page, 'the listing page');
  const id = new URL(page.url()).pathname.split('/').pop();
  await page.getByLabel('What changed').fill('x'.repeat(5001));
  await page.getByRole('button', { name: 'Publish what changed' }).click();
  await page.getByRole('alert').waitFor();
  await axe(page, 'the impact note with an error');

  await page.goto(`${server.url}/org/listings/${id}/applications`);
  await axe(page, 'an empty inbox');
  await page.goto(`${server.url}/org/people`);
  await axe(page, 'people');
  await fits(page, 'people');
  await page.getByRole('button', { name: 'Invite' }).click();
  await page.getByRole('alert').waitFor();
  await axe(page, 'people with an error');
  await page.goto(`${server.url}/org/activity`);
  await axe(page, 'activity');
  await fits(page, 'activity');
  await page.goto(`${server.url}/org/upload`);
  await axe(page, 'upload');
  await page.locator('#file').setInputFiles({ name: 'listings.csv', mimeType: 'text/csv', buffer: Buffer.from('id,title\nx,\n') });
  await page.getByRole('button', { name: 'Upload and publish' }).click();
  await page.getByText('Problems, by row and column').waitFor();
  await axe(page, 'upload with errors');
  await fits(page, 'upload with errors');
});

test('another organisation sees none of it in the pages, and a half-written message survives losing the connection', async (t) => {
  const { smtp, server } = await setUp(t);
  const a = await browser(t);
  await signIn(a.page, server, smtp);
  await a.page.getByRole('link', { name: 'Create a listing' }).click();
  await fillListing(a.page, 'Only for A');
  await a.page.getByRole('button', { name: 'Publish' }).click();
  await a.page.getByText('Published.').waitFor();
  const id = new URL(a.page.url()).pathname.split('/').pop();

  const b = await browser(t);
  await signIn(b.page, server, smtp, { org: 'other-org', name: 'Leeds Diabetes Voices', email: 'sam@other.example' });
  assert.equal(await b.page.getByText('Only for A').count(), 0, 'not in the other organisation\'s list');
  const res = await b.page.goto(`${server.url}/org/listings/${id}/applications`);
  assert.equal(res.status(), 404);
  await b.page.getByRole('heading', { name: 'Not found' }).waitFor();

  // A writes an impact note, loses the connection, presses Publish: told plainly, nothing lost.
  await a.page.getByLabel('What changed').fill('Half-written note about what changed');
  await a.context.setOffline(true);
  await a.page.getByRole('button', { name: 'Publish what changed' }).click();
  await a.page.getByText("You're offline, so this cannot be saved yet").waitFor();
  await a.context.setOffline(false);
  await a.page.reload();
  await a.page.getByText('We put back what you typed here before it was saved').waitFor();
  assert.equal(await a.page.getByLabel('What changed').inputValue(), 'Half-written note about what changed');
  await a.page.getByRole('button', { name: 'Publish what changed' }).click();
  await a.page.getByText('Your note on what changed is published').waitFor();
  await a.page.reload();
  assert.equal(await a.page.getByText('We put back what you typed').count(), 0, 'the kept copy is gone once saved');
});
