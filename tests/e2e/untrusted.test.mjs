// Feed content is untrusted: markup renders as text, dangerous links are never made links (the
// listing is skipped and named instead), very long words and right-to-left overrides cannot
// break the page. (The served Content-Security-Policy is checked on the real server in
// server.test.mjs.)
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { browser, lastPageName, openListings, site, waitForStatus } from './support.mjs';

test('a hostile feed renders inert at 320 px', async (t) => {
  const s = await site(t);
  const tail = join(s.feedDir, lastPageName(s.feedDir));
  const json = JSON.parse(readFileSync(tail, 'utf8'));
  const template = json.items.find((i) => i.state === 'updated');
  let modified = json.items.at(-1).modified;
  const make = (id, change) => {
    const item = structuredClone(template);
    item.id = item.data.id = id;
    item.modified = ++modified;
    item.data.status = 'open';
    delete item.data.closingDate;
    change(item.data);
    return item;
  };
  json.items.push(
    make('x-markup', (d) => {
      d.title = '<b onmouseover="window.__pwned=1">Bold?</b> \u202Eevil\u202C title';
      d.summary = '<img src=x onerror="window.__pwned=2">';
      d.description = '<script>window.__pwned=3</script>\n\n' + 'W'.repeat(3000);
      d.organisation.name = '<a href="javascript:window.__pwned=4">Click me</a>';
    }),
    make('x-js-link', (d) => { d.organisation.url = 'javascript:window.__pwned=5'; }),
    make('x-data-link', (d) => { d.howToApply = { type: 'link', url: 'data:text/html,<script>window.__pwned=6</script>' }; }),
  );
  writeFileSync(tail, JSON.stringify(json));

  const { page, errors } = await browser(t, { width: 320, height: 640 });
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  const expected = openListings(s.feedDir).length - 2; // the two bad links are skipped
  await page.locator('.count').filter({ hasText: `${expected} open opportunities` }).waitFor();

  // The skipped ones are named with the reason, as text.
  await page.locator('.skipped summary').click();
  const skipped = await page.locator('.skipped').innerText();
  assert.match(skipped, /x-js-link.*organisation\.url is not a usable link/);
  assert.match(skipped, /x-data-link.*howToApply\.url is not a usable link/);

  await page.goto(s.url + '/opportunities/x-markup');
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Bold?' }).waitFor();
  const article = page.locator('article');
  assert.equal(await article.locator('b, img, script, a[href^="javascript"]').count(), 0, 'no markup made it in');
  assert.match(await article.innerText(), /<script>window.__pwned=3<\/script>/);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  // The app's own language links (?lang=cy) keep the page and change only its language.
  for (const h of hrefs) assert.match(h, /^(\/|#|\?lang=(en|cy|ar)$|https?:|mailto:|tel:)/, `only safe links: ${h}`);
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `a 3,000-letter word does not push the page sideways (${scroll} > ${client})`);
  await page.locator('h1').hover();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
});
