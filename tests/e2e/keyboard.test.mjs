// The whole journey with the keyboard alone, as someone who cannot use a mouse or touch screen:
// find, open, apply, check the answers, send, and see it in My applications. Only Tab, Shift+Tab,
// Enter, Space and typing; every stop has a visible focus indicator; each new page starts with
// focus on its main content (the page's heading first inside it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, opendoorServer, waitForStatus } from './support.mjs';
import { LISTING } from './forms.mjs';

/** Presses Tab until `want` (run in the page on the focused element) holds; fails after `max`.
 *  Every element passed on the way must show where focus is. */
async function tabTo(page, want, arg, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const { ok, visible, what } = await page.evaluate(([src, arg]) => {
      const el = document.activeElement;
      const s = getComputedStyle(el);
      // A date box's own calendar button (inside the browser's part of the control) is the one
      // stop whose ring the browser draws itself, out of reach of the page's styles.
      const picker = el.type === 'date' && !el.matches(':focus');
      // Past the last control, Tab leaves the page for the browser's own controls, then wraps.
      const outside = el === document.body;
      const visible = picker || outside || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      // eslint-disable-next-line no-new-func
      return { ok: new Function('el', 'arg', `return (${src})(el, arg)`)(el, arg), visible, what: el.outerHTML.slice(0, 120) };
    }, [want.toString(), arg]);
    assert.ok(visible, `no visible focus on ${what}`);
    if (ok) return i + 1;
  }
  assert.fail(`Tab never reached ${want} (${arg})`);
}

const labelled = (el, text) => [...(el.labels ?? [])].some((l) => l.textContent.trim().startsWith(text));
const named = (el, text) => el.textContent.trim() === text;

test('find, open, apply, check, send and see it in My applications, by keyboard alone', async (t) => {
  const server = await opendoorServer(t);
  const { page, errors } = await browser(t, { width: 1024, height: 800 });
  await page.goto(server.url + '/');
  await waitForStatus(page, /Updated/);
  let presses = 0;

  presses += await tabTo(page, (el) => el.id === 'search');
  await page.keyboard.type(LISTING.title.split(' ').slice(0, 3).join(' '));
  presses += await tabTo(page, (el, title) => el.matches('.card-title a') && el.textContent.trim() === title, LISTING.title);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: LISTING.title }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

  presses += await tabTo(page, named, 'Apply');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Who uses this device?' }).waitFor();
  presses += await tabTo(page, named, 'Only me');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Who uses this device?' }).waitFor({ state: 'detached' });

  presses += await tabTo(page, labelled, 'Your name');
  await page.keyboard.type('Kim Keys');
  presses += await tabTo(page, (el) => el.type === 'radio' && [...el.labels].some((l) => l.textContent.trim() === 'Email'));
  await page.keyboard.press('Space');
  presses += await tabTo(page, labelled, 'Email address');
  await page.keyboard.type('kim@example.org');
  for (const q of LISTING.howToApply.questions) {
    presses += await tabTo(page, (el, id) => el.id === id, `q-${q.id}`);
    if (q.type === 'short-text' || q.type === 'long-text') await page.keyboard.type('Typed, not pasted');
    else if (q.type === 'date') {
      // The date box's parts follow the browser's language: day first in en-GB, month in en-US.
      const monthFirst = await page.evaluate(() => new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2027, 2, 27))[0].type === 'month');
      await page.keyboard.type(monthFirst ? '03272027' : '27032027');
    }
    else await page.keyboard.press('Space');
  }
  presses += await tabTo(page, (el) => el.id === 'consent');
  await page.keyboard.press('Space');
  presses += await tabTo(page, named, 'Continue');
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { level: 1, name: /Check your answers/ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.ok(await page.getByText('Kim Keys').isVisible());
  presses += await tabTo(page, named, 'Send application');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Application sent' }).waitFor({ timeout: 30000 });

  // Back to the top of the page, then My applications in the main navigation.
  presses += await tabTo(page, named, 'My applications', 200);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
  assert.ok(await page.getByRole('link', { name: LISTING.title }).first().isVisible());
  assert.deepEqual(errors, []);
  console.log(`# the journey took ${presses} Tab presses`);
});
