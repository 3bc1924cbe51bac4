// A shared device at a drop-in centre, end to end with the real reference server: person A
// drafts behind a PIN and locks; person B cannot see or reach A's drafts; A unlocks, presses
// Send with the server down, and says "I'm finished"; nothing readable is left in IndexedDB;
// the server comes back and receives A's application exactly once, opened and intact.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { browser, opendoorServer, swReady, waitForStatus } from './support.mjs';
import { LISTING, applicationsOnServer, fillForm, organiser, sendFromCheck } from './forms.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const A = { name: 'Ada Quillfeather', email: 'ada.quill@example.org', pin: 'harbour lights 7' };
const B_PIN = 'B-person-4417';

/** Every record of every IndexedDB store of the app, as text: what someone copying the
 *  browser profile would get. */
async function rawDump(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, err) => {
      const r = indexedDB.open('opendoor');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => err(r.error);
    });
    let out = '';
    for (const name of db.objectStoreNames) {
      const rows = await new Promise((ok, err) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => err(r.error);
      });
      out += `== ${name} (${rows.length})\n${rows.map((x) => JSON.stringify(x)).join('\n')}\n`;
    }
    db.close();
    return out;
  });
}

function assertNothingReadable(dump, answers, when) {
  const secrets = [A.name, A.email, 'Quillfeather', A.pin, ...Object.values(answers).filter((a) => typeof a === 'string' && a.length > 8)];
  for (const s of secrets) assert.ok(!dump.includes(s), `${when}: ${JSON.stringify(s)} is readable in IndexedDB`);
}

/** Collects Content-Security-Policy violations from every page the browser opens. */
async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** Opens the listing and presses Apply on a locked shared device: the PIN screen comes first. */
async function applyLocked(page, url) {
  await page.goto(`${url}/opportunities/${LISTING.id}`);
  await page.getByRole('link', { name: /^(Apply|Continue your application)$/ }).click();
  await page.getByRole('heading', { name: 'Your applications are protected by a PIN' }).waitFor();
}

async function setPin(page, pin) {
  await page.getByLabel('Choose a PIN', { exact: true }).fill(pin);
  await page.getByLabel('Type the same PIN again', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Set PIN and continue' }).click();
}

async function unlock(page, pin) {
  await page.getByLabel('Your PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

async function lock(page) {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByRole('link', { name: 'Shared device' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Lock', exact: true }).count(), 0, 'locked');
}

test('two people on one shared device: private drafts, a sealed send after "I\'m finished", received once', async (t) => {
  const server = await opendoorServer(t);
  const org = await organiser(server);
  const { page, context } = await browser(t);
  await watchCsp(context);

  // The centre sets the device up with the documented link.
  await page.goto(server.url + '/setup?device=shared&lock-minutes=5');
  await page.getByRole('heading', { name: 'This device is set up' }).waitFor();
  await page.getByRole('link', { name: 'Shared device' }).waitFor();
  await swReady(page);
  await page.goto(server.url + '/');
  await waitForStatus(page, /Updated/);

  // A starts an application: the PIN comes first, with the warning about forgetting it.
  await applyLocked(page, server.url);
  await page.getByRole('heading', { name: 'Your applications are protected by a PIN' }).waitFor();
  assert.match(await page.locator('main').innerText(), /If you forget your PIN, nobody can get your drafts back/);
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), [], 'the PIN screen passes axe');
  await setPin(page, A.pin);
  await page.getByLabel('Your name').waitFor();
  const answers = await fillForm(page, A);
  await page.getByRole('status').filter({ hasText: 'saved on this device' }).waitFor();
  await lock(page);
  assertNothingReadable(await rawDump(page), answers, 'after A locked');
  assert.ok(!(await page.locator('body').innerText()).includes(A.name), 'nothing of A on screen');

  // B: a wrong guess says only that it did not unlock; B's own PIN shows nothing of A's.
  await page.goto(server.url + '/applications');
  await unlock(page, 'harbour lights 8');
  await page.getByText('That PIN did not unlock anything').waitFor();
  await setPin(page, B_PIN);
  await page.getByRole('heading', { name: 'My applications' }).waitFor();
  const bList = await page.locator('main').innerText();
  assert.ok(!bList.includes(LISTING.title), 'B does not see A\'s application');
  // (In-app navigation: loading a page afresh drops the key from memory, which locks.)
  await page.getByRole('link', { name: 'Opportunities' }).click();
  await page.getByRole('link', { name: LISTING.title }).first().click();
  await page.getByRole('link', { name: /^(Apply|Continue your application)$/ }).click();
  await page.getByLabel('Your name').waitFor();
  assert.equal(await page.getByLabel('Your name').inputValue(), '', 'B\'s form is empty, not A\'s draft');
  await lock(page);

  // A unlocks and finds the draft exactly as left, then sends with the server down.
  await applyLocked(page, server.url);
  await unlock(page, A.pin);
  await page.getByLabel('Your name').waitFor();
  assert.equal(await page.getByLabel('Your name').inputValue(), A.name, 'A\'s draft is back');
  await server.stop();
  await sendFromCheck(page);
  await page.getByRole('heading', { name: "Waiting to send — we'll try again" }).waitFor();

  // "I'm finished": it says what is still waiting, then clears A's things.
  await page.getByRole('link', { name: "I'm finished" }).click();
  await page.getByRole('heading', { name: 'Still waiting to send' }).waitFor();
  const axeFinished = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(axeFinished.violations.map((v) => v.id), [], '"I\'m finished" passes axe');
  assert.match(await page.locator('main').innerText(), new RegExp(LISTING.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.getByRole('button', { name: 'Delete my things and finish' }).click();
  await page.getByRole('heading', { name: 'This device is clear' }).waitFor();
  const note = await page.locator('main').innerText();
  assert.match(note, /1 draft|no drafts/i);
  assert.match(note, /1 application is still waiting to send/);
  const dump = await rawDump(page);
  assertNothingReadable(dump, answers, 'after "I\'m finished"');
  assert.match(dump, /== sealed_outbox \(1\)/, 'the sealed application is still there to send');

  // The server returns: the sealed application goes by itself, once, and opens intact.
  await server.start();
  await page.goto(server.url + '/');
  let apps = [];
  for (let i = 0; i < 100 && apps.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 200));
    apps = await applicationsOnServer(org);
  }
  assert.equal(apps.length, 1, 'received');
  await page.reload();
  await waitForStatus(page, /Updated/);
  await new Promise((r) => setTimeout(r, 1000));
  apps = await applicationsOnServer(org);
  assert.equal(apps.length, 1, 'exactly once');
  const got = apps[0];
  const payload = got.application ?? got.payload ?? got;
  assert.equal(payload.applicant.name, A.name);
  assert.equal(payload.applicant.email, A.email);
  assert.deepEqual(payload.answers, answers, 'every answer intact');
  assert.match(await rawDump(page), /== sealed_outbox \(0\)/, 'nothing left to send, no answer kept for nobody');

  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  // And the served policy does block inline script (what an injected <script> would be).
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return window.__inlineRan === true;
  });
  assert.equal(ran, false, 'inline script is blocked');
  assert.ok((await page.evaluate(() => window.__csp)).some((v) => v.startsWith('script-src')), 'and reported as a violation');
});

test('a shared device locks itself after the set idle time, and wrong PINs slow down', async (t) => {
  const server = await opendoorServer(t);
  const { page } = await browser(t);
  await page.clock.install(); // real time flows, but the test can jump ahead
  await page.goto(server.url + '/setup?device=shared&lock-minutes=1');
  await page.getByRole('heading', { name: 'This device is set up' }).waitFor();
  await page.goto(server.url + '/about-me');
  await setPin(page, 'idle test 551');
  await page.getByLabel('Your name').fill('Idle Person');
  await page.getByRole('button', { name: /Save/ }).first().click();
  await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
  // 35 seconds untouched: a warning, with at least 20 seconds to stay (WCAG 2.2.1).
  await page.clock.fastForward('00:35');
  const warning = page.getByRole('alertdialog', { name: 'Locking soon' });
  await warning.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'stay-unlocked', null, { timeout: 5000 }); // focus on the button
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), [], 'the warning passes axe');
  await page.getByRole('button', { name: 'Stay unlocked' }).click();
  await warning.waitFor({ state: 'hidden' });
  await page.clock.fastForward('00:35');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await page.getByRole('button', { name: 'Lock', exact: true }).count(), 1, 'still unlocked: the clock went back');
  // Then past the minute (plus the 5-second check): locked.
  await page.clock.fastForward('00:40');
  await page.waitForURL((u) => u.pathname === '/', { timeout: 10_000 });
  await page.getByRole('link', { name: 'Shared device' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Lock', exact: true }).count(), 0);
  assert.ok(!(await page.content()).includes('Idle Person'));
  assert.equal(await page.evaluate(() => JSON.stringify(history.state ?? null).includes('Idle')), false);

  await page.goto(server.url + '/about-me');
  for (const wrong of ['nope one', 'nope two', 'nope three']) {
    await unlock(page, wrong);
    await page.getByText('That PIN did not unlock anything').waitFor();
    await page.getByRole('button', { name: 'Unlock' }).and(page.locator(':enabled')).waitFor();
  }
  await unlock(page, 'idle test 551');
  await page.getByText(/Too many PINs that did not work\. Wait \d+ seconds/).waitFor();
});

test('one person unlocked at a time: unlocking in a second tab locks the first', async (t) => {
  const server = await opendoorServer(t);
  const { page, context } = await browser(t, { width: 320, height: 640 });
  await page.goto(server.url + '/setup?device=shared');
  await page.getByRole('heading', { name: 'This device is set up' }).waitFor();
  await page.goto(server.url + '/about-me');
  await setPin(page, 'first tab pin 1');
  await page.getByLabel('Your name').fill('First Tab Person');
  // At 320 px (400% zoom) the header's device label, Lock and "I'm finished" reflow.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no sideways scrolling at 320 px');
  await page.getByRole('link', { name: "I'm finished" }).waitFor();
  const other = await context.newPage();
  await other.goto(server.url + '/about-me');
  const pinBox = other.getByLabel('Choose a PIN', { exact: true });
  assert.equal(await pinBox.getAttribute('type'), 'password', 'hidden by default');
  await other.getByLabel(/Show PINs as I type them/).check();
  assert.equal(await pinBox.getAttribute('type'), 'text', 'shown on request');
  await setPin(other, 'second tab pin 2');
  await other.getByLabel('Your name').waitFor();
  await page.waitForURL((u) => u.pathname === '/', { timeout: 10_000 });
  await page.getByRole('link', { name: 'Shared device' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Lock', exact: true }).count(), 0, 'the first tab locked');
  assert.ok(!(await page.content()).includes('First Tab Person'));
  assert.equal(await other.getByRole('button', { name: 'Lock', exact: true }).count(), 1, 'the second stays unlocked');
  await page.goto(server.url + '/settings');
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), [], 'settings pass axe');
});

test('sent while its person was locked out: the answer waits sealed, and shows when they unlock', async (t) => {
  const server = await opendoorServer(t);
  const org = await organiser(server);
  const { page } = await browser(t);
  await page.goto(server.url + '/setup?device=shared');
  await page.getByRole('heading', { name: 'This device is set up' }).waitFor();
  await swReady(page);
  await applyLocked(page, server.url);
  await setPin(page, 'locked out pin 3');
  await page.getByLabel('Your name').waitFor();
  await fillForm(page, { name: 'Lou Lockwood', email: 'lou@example.org' });
  await server.stop();
  await sendFromCheck(page);
  await page.getByRole('heading', { name: "Waiting to send — we'll try again" }).waitFor();
  await lock(page); // not finished: Lou will come back

  await server.start();
  await page.goto(server.url + '/'); // the app starts, locked, and sends what is waiting
  let apps = [];
  for (let i = 0; i < 100 && apps.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 200));
    apps = await applicationsOnServer(org);
  }
  assert.equal(apps.length, 1, 'sent without anyone unlocking');
  for (let i = 0; i < 50 && !/"receipt"/.test(await rawDump(page)); i++) await new Promise((r) => setTimeout(r, 100));
  const dump = await rawDump(page);
  assert.match(dump, /"receipt"/, 'the answer is kept, sealed');
  assert.ok(!dump.includes('statusToken') && !dump.includes('od_app_'), 'the status token is not readable');

  await page.goto(server.url + '/applications');
  await unlock(page, 'locked out pin 3');
  await page.getByRole('heading', { name: 'My applications' }).waitFor();
  await page.getByText('Sent', { exact: false }).first().waitFor();
  assert.match(await page.locator('main').innerText(), /Sent/);
  for (let i = 0; i < 50 && !/== sealed_outbox \(0\)/.test(await rawDump(page)); i++) await new Promise((r) => setTimeout(r, 100));
  assert.match(await rawDump(page), /== sealed_outbox \(0\)/, 'the answer was opened and applied');
  assert.equal((await applicationsOnServer(org)).length, 1, 'still exactly one');
});
