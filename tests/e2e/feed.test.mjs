// Sync against a real server: nothing new costs one 304; broken pages keep what is stored and
// say what went wrong in plain words.
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { browser, lastPageName, openListings, site, statusText, waitForStatus } from './support.mjs';

async function firstSync(t) {
  const s = await site(t);
  const b = await browser(t);
  await b.page.goto(s.url + '/');
  await waitForStatus(b.page, /Updated/);
  const count = openListings(s.feedDir).length;
  await b.page.locator('.count').filter({ hasText: `${count} open opportunities` }).waitFor();
  return { s, ...b, count };
}

async function refresh(page) {
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('button', { name: 'Refresh' }).waitFor(); // "Checking…" while it runs
}

const feedRequests = (s) => s.requests.filter((r) => r.path.startsWith('/feed/'));

test('with nothing new, a sync costs one request answered 304', async (t) => {
  const { s, page } = await firstSync(t);
  const before = feedRequests(s).length;
  await refresh(page);
  await waitForStatus(page, /Updated just now/);
  const made = feedRequests(s).slice(before);
  assert.equal(made.length, 1, JSON.stringify(made.map((r) => r.path)));
  assert.equal(made[0].status, 304);
  assert.ok(made[0].headers['if-none-match'], 'sent If-None-Match');
  assert.equal(made[0].path, '/feed/' + lastPageName(s.feedDir));
});

test('a new listing on the tail page arrives on refresh', async (t) => {
  const { s, page, count } = await firstSync(t);
  const tail = join(s.feedDir, lastPageName(s.feedDir));
  const json = JSON.parse(readFileSync(tail, 'utf8'));
  const last = json.items.at(-1);
  const copy = structuredClone(json.items.find((i) => i.state === 'updated'));
  copy.id = copy.data.id = 'e2e-new-listing';
  copy.modified = last.modified + 1;
  copy.data.title = 'A brand new listing from the end-to-end test';
  copy.data.status = 'open';
  delete copy.data.closingDate;
  json.items.push(copy);
  writeFileSync(tail, JSON.stringify(json));
  await refresh(page);
  await page.locator('.count').filter({ hasText: `${count + 1} open opportunities` }).waitFor();
});

const broken = [
  ['not JSON', () => '<html><body>Gateway error</body></html>', /not a list of opportunities \(not JSON\)/],
  ['the wrong shape', () => JSON.stringify({ entries: [] }), /not in the expected format/],
  ['over the size limit', () => JSON.stringify({ items: [], next: 'x', pad: 'x'.repeat(4 * 1024 * 1024) }), /more than the 4096 KB limit/],
];

for (const [what, body, message] of broken) {
  test(`a feed page that is ${what} keeps the stored listings and says so`, async (t) => {
    const { s, page, count } = await firstSync(t);
    writeFileSync(join(s.feedDir, lastPageName(s.feedDir)), body());
    await refresh(page);
    await waitForStatus(page, /Couldn't update/);
    const text = await statusText(page);
    assert.match(text, message);
    assert.match(text, /Showing saved listings/);
    await page.reload();
    await page.locator('.count').filter({ hasText: `${count} open opportunities` }).waitFor();
  });
}

test('an item missing required fields is skipped; the rest of its page arrives', async (t) => {
  const { s, page, count } = await firstSync(t);
  const tail = join(s.feedDir, lastPageName(s.feedDir));
  const json = JSON.parse(readFileSync(tail, 'utf8'));
  const template = json.items.find((i) => i.state === 'updated');
  let modified = json.items.at(-1).modified;
  const bad = structuredClone(template);
  bad.id = bad.data.id = 'e2e-bad';
  bad.modified = ++modified;
  delete bad.data.title;
  const good = structuredClone(template);
  good.id = good.data.id = 'e2e-good';
  good.modified = ++modified;
  good.data.status = 'open';
  delete good.data.closingDate;
  json.items.push(bad, good);
  writeFileSync(tail, JSON.stringify(json));
  await refresh(page);
  await page.locator('.count').filter({ hasText: `${count + 1} open opportunities` }).waitFor();
  const summary = page.locator('.skipped summary');
  await summary.filter({ hasText: '1 listing from the feed could not be shown' }).waitFor();
  await summary.click();
  assert.match(await page.locator('.skipped li').innerText(), /e2e-bad.*title is missing/);
});

test('a page with script and links in its text renders it as inert text', async (t) => {
  const { s, page } = await firstSync(t);
  const tail = join(s.feedDir, lastPageName(s.feedDir));
  const json = JSON.parse(readFileSync(tail, 'utf8'));
  const item = structuredClone(json.items.find((i) => i.state === 'updated'));
  item.id = item.data.id = 'e2e-hostile';
  item.modified = json.items.at(-1).modified + 1;
  item.data.status = 'open';
  delete item.data.closingDate;
  item.data.title = '<img src=x onerror="window.__pwned=1">Hostile';
  item.data.description = '<script>window.__pwned=2</script>\n\nSecond paragraph';
  json.items.push(item);
  writeFileSync(tail, JSON.stringify(json));
  await refresh(page);
  await page.goto(s.url + '/opportunities/e2e-hostile');
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Hostile' }).waitFor();
  assert.equal(await page.locator('article img, article script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.match(await page.locator('article').innerText(), /<script>window.__pwned=2<\/script>/);
});
