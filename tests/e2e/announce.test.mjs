// What a screen reader is told, checked in the accessibility tree's own terms: "Application sent"
// is announced by a live region when it happens; the error summary is an alert; the agreement
// box says it is invalid while in error; and answering the first-run question leaves focus on
// the page's main content, not on the document's body.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, opendoorServer, swReady, waitForStatus } from './support.mjs';
import { fillForm, openForm } from './forms.mjs';

test('the device question waits for a personal screen, and "Only me" leaves focus on the main content', async (t) => {
  const server = await opendoorServer(t);
  const { page } = await browser(t);
  // Browsing never waits for it (a phone's first screen shows listings instead).
  await page.goto(server.url + '/');
  await page.locator('#main .card').first().waitFor();
  await page.locator('[data-first-paint]').waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('heading', { name: 'Who uses this device?' }).count(), 0);
  await page.getByRole('link', { name: 'About me' }).click();
  const only = page.getByRole('button', { name: 'Only me' });
  await only.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Who uses this device?' }).waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
});

test('the error summary is an alert, the agreement box is invalid while in error, and "Application sent" is announced', async (t) => {
  const server = await opendoorServer(t);
  const { page, context } = await browser(t);
  await page.goto(server.url + '/');
  await waitForStatus(page, /Updated/);
  await swReady(page);
  await openForm(page, server.url);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
  assert.equal(await page.locator('#consent').getAttribute('aria-invalid'), 'true');
  await fillForm(page);

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send application' }).click();
  await page.getByRole('heading', { name: "Waiting to send — we'll try again" }).waitFor();
  const live = page.locator('[role=status][aria-live=polite].visually-hidden');
  await context.setOffline(false);
  await page.getByRole('heading', { name: 'Application sent' }).waitFor({ timeout: 30000 });
  await live.filter({ hasText: 'Application sent.' }).waitFor();
});
