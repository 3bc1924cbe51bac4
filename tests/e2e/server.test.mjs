// The app served by the real reference server (as the README's run command does): the sample
// listings arrive through the live RPDE feed, the Content-Security-Policy blocks inline script
// without blocking the app, nothing new costs one 304, and stopping the server is survived.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, browser, openListings, opendoorServer, swReady, waitForStatus } from './support.mjs';

test('the app on opendoor-server: listings, CSP, 304, offline', async (t) => {
  const server = await opendoorServer(t);
  const { page, context } = await browser(t);
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  const feedResponses = [];
  page.on('response', (r) => { if (new URL(r.url()).pathname.startsWith('/feed/')) feedResponses.push(r.status()); });

  const response = await page.goto(server.url + '/');
  const csp = response.headers()['content-security-policy'];
  assert.ok(csp, 'a CSP is sent');
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  assert.doesNotMatch(scriptSrc, /unsafe-inline/);

  await waitForStatus(page, /Updated/);
  const expected = openListings(join(ROOT, 'public', 'feed')).length;
  await page.locator('.count').filter({ hasText: `${expected} open opportunities` }).waitFor();
  await swReady(page);

  // An inline script is refused by the served policy, and the app reports no violation itself.
  const inlineRan = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.append(s);
    return window.__inline === 1;
  });
  assert.equal(inlineRan, false, 'inline script is blocked');
  const violations = await page.evaluate(() => window.__csp);
  assert.deepEqual(violations.filter((v) => !v.startsWith('script-src-elem inline') && !v.startsWith('script-src inline')), []);

  feedResponses.length = 0;
  await page.getByRole('button', { name: 'Refresh' }).click();
  await waitForStatus(page, /Updated just now/);
  await page.getByRole('button', { name: 'Refresh' }).waitFor();
  assert.deepEqual(feedResponses, [304]);

  await server.stop();
  await page.reload();
  await page.locator('.count').filter({ hasText: `${expected} open opportunities` }).waitFor();
  await waitForStatus(page, /Offline/);
});
