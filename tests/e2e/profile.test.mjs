// A shared device, read as someone who copies the browser profile afterwards would read it:
// a person fills in a whole application (name, email, phone, address, support needs, helper,
// answers, PIN), goes to "Check your answers" and back, locks, and the browser is closed so
// Chromium writes its session-restore, autofill and storage files. Then every file of the
// profile directory is searched, byte for byte, for each typed value. None may be there: not
// in Sessions/ (form state of history entries), Web Data (autofill), Login Data (passwords),
// Preferences, Local State, the caches, nor in IndexedDB (the vault is encrypted), LevelDB
// tables decompressed and logs reassembled.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { browser, opendoorServer, swReady, waitForStatus } from './support.mjs';
import { LISTING } from './forms.mjs';
import { filesUnder, findInProfile } from './profile-files.mjs';

// Distinctive values (ASCII, so UTF-8 and Latin-1 agree), none of which occurs by chance.
const TYPED = {
  name: 'Zephyrine Quorndale-Vask',
  email: 'zq.vask7731@quorndale-mail.example',
  phone: '07700 918273',
  address: '14 Larkspur Mews, Thimblewick TW9 4QZ',
  access: 'Needs a Makaton signer and a hearing loop near the door',
  helper: 'Ottoline Brackwater',
  pin: 'copper walrus tangent',
};
const answerFor = (id) => `Answer ${id} about canal boats and kestrels`;

test('on a shared device nothing typed reaches the browser profile on disk', async (t) => {
  const server = await opendoorServer(t);
  const profile = mkdtempSync(join(tmpdir(), 'opendoor-profile-read-'));
  t.after(() => rmSync(profile, { recursive: true, force: true }));
  const { page, close } = await browser(t, { profile });

  await page.goto(server.url + '/setup?device=shared&lock-minutes=5');
  await page.getByRole('heading', { name: 'This device is set up' }).waitFor();
  await swReady(page);
  await page.goto(server.url + '/');
  await waitForStatus(page, /Updated/);

  await page.goto(`${server.url}/opportunities/${LISTING.id}`);
  await page.getByRole('link', { name: /^(Apply|Continue your application)$/ }).click();
  await page.getByRole('heading', { name: 'Your applications are protected by a PIN' }).waitFor();

  // The PIN screen offers words, and refuses a PIN that is easy to guess, saying why.
  assert.match(await page.locator('main').innerText(), /Or use three or four words, like .*: much harder to guess/);
  for (const input of await page.locator('main input.input-pin').all()) {
    assert.equal(await input.getAttribute('autocomplete'), 'off');
    assert.equal(await input.getAttribute('name'), null);
  }
  await page.getByLabel('Choose a PIN', { exact: true }).fill('121212');
  await page.getByLabel('Type the same PIN again', { exact: true }).fill('121212');
  await page.getByRole('button', { name: 'Set PIN and continue' }).click();
  await page.getByText('That PIN is too easy to guess').waitFor();
  await page.getByLabel('Choose a PIN', { exact: true }).fill(TYPED.pin);
  await page.getByLabel('Type the same PIN again', { exact: true }).fill(TYPED.pin);
  await page.getByRole('button', { name: 'Set PIN and continue' }).click();

  // The whole form, every personal field typed into at some point.
  await page.getByLabel('Your name').fill(TYPED.name);
  await page.getByLabel('Phone', { exact: true }).check();
  await page.getByLabel('Phone number').fill(TYPED.phone);
  await page.getByLabel('Post', { exact: true }).check();
  await page.getByLabel('Postal address').fill(TYPED.address);
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByLabel('Email address').fill(TYPED.email);
  await page.getByLabel(/Do you need any support to take part/).fill(TYPED.access);
  await page.getByLabel("I'm filling this in with someone").check();
  await page.getByLabel('Name of the person helping').fill(TYPED.helper);
  await page.getByLabel('The person applying has agreed to these answers being sent').check();
  const answers = [];
  for (const q of LISTING.howToApply.questions) {
    const id = `#q-${q.id}`;
    if (q.type === 'short-text' || q.type === 'long-text') {
      await page.locator(id).fill(answerFor(q.id));
      answers.push(answerFor(q.id));
    } else if (q.type === 'date') await page.locator(id).fill('2027-03-27');
    else await page.locator(id).check();
  }
  assert.ok(answers.length > 0, 'the listing asks at least one question answered in words');
  await page.getByLabel(/I agree to my answers being shared/).check();
  // On a shared device no field says what it is to autofill, and none has a name.
  const described = await page.locator('main form input:not([type=radio]), main form textarea').evaluateAll(
    (els) => els.map((e) => `${e.id} autocomplete=${e.getAttribute('autocomplete')} name=${e.getAttribute('name')}`),
  );
  for (const d of described) assert.match(d, /autocomplete=off name=null$/, d);
  assert.equal(await page.locator('main form').first().getAttribute('autocomplete'), 'off');
  await page.getByRole('status').filter({ hasText: 'saved on this device' }).waitFor();

  // Check the answers (a second history entry), come back to the form, then lock.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
  assert.match(await page.locator("main").innerText(), new RegExp(TYPED.name));
  await page.goBack();
  await page.getByLabel('Your name').waitFor();
  assert.equal(await page.getByLabel('Your name').inputValue(), TYPED.name);
  // Let Chromium's session service write this state (it saves a few seconds after a change).
  await new Promise((r) => setTimeout(r, 3000));
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByRole('link', { name: 'Shared device' }).waitFor();
  await new Promise((r) => setTimeout(r, 3000));
  await close(); // context.close(): Chromium shuts down and flushes its files

  const files = filesUnder(profile).map((p) => p.slice(profile.length + 1));
  // The search has something to search: the files that would hold it exist.
  for (const want of [/^Default\/Sessions\/Session_/, /^Default\/Web Data$/, /^Default\/Preferences$/, /^Local State$/, /^Default\/IndexedDB\//]) {
    assert.ok(files.some((f) => want.test(f)), `the profile has ${want} (files: ${files.length})`);
  }
  const values = [...Object.values(TYPED), ...answers, 'Quorndale', 'Thimblewick', 'Brackwater'];
  const { found, files: n, bytes } = findInProfile(profile, values);
  // And it would find a value that is there: the apply page's address, which session restore keeps.
  const control = findInProfile(profile, [`/opportunities/${LISTING.id}/apply`]);
  assert.ok(control.found.some((f) => f.includes('Sessions/')), `the search finds what Sessions/ does hold: ${control.found}`);
  t.diagnostic(`searched ${n} files, ${bytes} bytes, for ${values.length} values`);
  assert.deepEqual(found, [], 'typed values found in the profile on disk');
});

test('the same search finds them where the browser may keep them: a personal device', async (t) => {
  // The control: on a personal device the fields keep their autocomplete tokens and drafts are
  // not encrypted, so the very same search must find the name in session restore, autofill and
  // IndexedDB. If it did not, the shared-device test above would prove nothing.
  const server = await opendoorServer(t);
  const profile = mkdtempSync(join(tmpdir(), 'opendoor-profile-control-'));
  t.after(() => rmSync(profile, { recursive: true, force: true }));
  const { page, close } = await browser(t, { profile });
  await page.goto(server.url + '/setup?device=personal');
  await page.getByRole('heading', { name: 'This device is set up' }).waitFor();
  await swReady(page);
  await page.goto(`${server.url}/opportunities/${LISTING.id}`);
  await page.getByRole('link', { name: /^(Apply|Continue your application)$/ }).click();
  await page.getByLabel('Your name').fill(TYPED.name);
  assert.equal(await page.getByLabel('Your name').getAttribute('autocomplete'), 'name', 'WCAG 1.3.5 on a personal device');
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByLabel('Email address').fill(TYPED.email);
  await page.getByRole('status').filter({ hasText: 'saved on this device' }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await new Promise((r) => setTimeout(r, 1000));
  await page.goto(server.url + '/');
  await new Promise((r) => setTimeout(r, 3000));
  await close();
  const { found } = findInProfile(profile, [TYPED.name]);
  for (const where of ['Sessions/', 'Web Data', 'IndexedDB/']) {
    assert.ok(found.some((f) => f.includes(where)), `found in ${where}: ${found.join('; ')}`);
  }
});
