// Languages: every word on screen comes from the catalogues (pseudo-English finds any that does
// not, and any layout that breaks with longer words at 320 px); Arabic mirrors the page and
// passes axe; Welsh is painted first by the server for a Welsh browser and kept when chosen;
// listings keep their own language; Easy Read and Listen.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { browser, feedPages, opendoorServer, openListings, site, swReady, waitForStatus } from './support.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function noViolations(page, where) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  assert.deepEqual(summary, [], `axe on ${where}`);
}

/** Words on screen (text, accessible names, the title) that are not in pseudo-English: plain
 *  ASCII letters outside a listing's own text (marked with another `lang`) and outside values
 *  put into a message (Fluent isolates those with U+2068…U+2069 in pseudo-English). */
function untranslated(page) {
  return page.evaluate(() => {
    const docLang = document.documentElement.lang;
    // The nearest `lang` says whose words they are.
    const fromData = (el) => {
      const marked = el.closest('[lang]');
      return Boolean(marked) && marked.getAttribute('lang') !== docLang;
    };
    const stripData = (s) => s.replace(/\u2068[^\u2069]*\u2069/g, '');
    const plain = (s) => /[A-Za-z]{2,}/.test(stripData(s));
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || fromData(el) || el.closest('script, style, noscript, [hidden], [aria-hidden="true"]')) continue;
      if (el.closest('#boot') && document.getElementById('app')) continue;
      if (!el.getClientRects().length) continue;
      if (plain(n.textContent)) out.push(`"${n.textContent.trim().slice(0, 60)}" in <${el.tagName.toLowerCase()} class="${el.className}">`);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (fromData(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v && plain(v)) out.push(`${a}="${v}" on <${el.tagName.toLowerCase()}>`);
      }
    }
    if (plain(document.title.replace(/^.*?\u2069/, ''))) out.push(`title: ${document.title}`);
    return out;
  });
}

async function noSideScroll(page, where) {
  const over = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getClientRects().length && (e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 || e.getBoundingClientRect().left < -0.5))
    .slice(0, 3)
    .map((e) => `${e.tagName}.${e.className} "${e.textContent.trim().slice(0, 30)}"`));
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `${where} fits 320 px: ${over.join('; ')}`);
}

test('pseudo-English: every word of every screen (list, opportunity, Saved, What changed, Settings, not found, My applications, About me, the apply form and its errors) is from the catalogue, and fits 320 px', async (t) => {
  const s = await site(t);
  const { page } = await browser(t, { width: 320, height: 700 });
  await page.addInitScript(() => localStorage.setItem('opendoor.lang', 'en-XA'));
  await page.goto(s.url + '/');
  await page.locator('.card').first().waitFor();
  await page.waitForFunction(() => !/Updated|Checking|Getting/.test(document.querySelector('.status-text')?.textContent ?? 'x'));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-XA');
  const listing = openListings(s.feedDir)[0];
  const screens = [
    ['/', '.card'],
    [`/opportunities/${listing.id}`, 'h1'],
    ['/saved', 'h1'],
    ['/what-changed', 'h1'],
    ['/settings', 'h1'],
    ['/no-such-page', 'h1'],
    ['/applications', 'h1'],
    ['/about-me', 'h1'],
    [`/opportunities/${listing.id}/apply`, 'h1'],
  ];
  for (const [path, ready] of screens) {
    await page.goto(s.url + path);
    await page.locator(ready).first().waitFor();
    // Open every disclosure, so the filters' words are read too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const left = await untranslated(page);
    if (process.env.LIST_UNTRANSLATED) console.log(path, left);
    else assert.deepEqual(left, [], `words outside the catalogues on ${path}`);
    await noSideScroll(page, `${path} in pseudo-English`);
  }
  // The apply form's errors: the summary, the messages beside fields, the page title.
  await page.goto(`${s.url}/opportunities/${listing.id}/apply`);
  await page.locator('form button[type="submit"]').click();
  await page.locator('.error-summary').waitFor();
  const left = await untranslated(page);
  if (process.env.LIST_UNTRANSLATED) console.log('errors', left);
  else assert.deepEqual(left, [], 'words outside the catalogues in the form errors');
  await noSideScroll(page, 'the form errors in pseudo-English');
});

test('Arabic: chosen on the first screen, the page runs right to left, listings stay in English, axe passes, and it is kept offline', async (t) => {
  const s = await site(t);
  const { page } = await browser(t, { width: 320, height: 700 });
  await page.goto(s.url + '/');
  await waitForStatus(page, /Updated/);
  await swReady(page);
  const nav = page.getByRole('navigation', { name: 'Language' });
  await nav.getByRole('link', { name: 'العربية' }).click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.getByRole('heading', { level: 1, name: 'فرص لتشارك برأيك' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  // A listing keeps the language it was written in.
  const card = page.locator('.card').first();
  assert.equal(await card.locator('.card-title').getAttribute('lang'), 'en');
  // Mirrored: the brand sits at the right-hand edge.
  const brand = await page.locator('.brand').filter({ visible: true }).boundingBox();
  assert.ok(brand.x + brand.width > 320 - 40, `the brand is on the right (${brand.x})`);
  await noSideScroll(page, 'the list in Arabic');
  await noViolations(page, 'the list in Arabic');
  const listing = openListings(s.feedDir)[0];
  await page.goto(`${s.url}/opportunities/${listing.id}`);
  await page.getByRole('heading', { level: 1, name: listing.title }).waitFor();
  await page.getByRole('heading', { name: 'عن هذه الفرصة' }).waitFor();
  await noSideScroll(page, 'an opportunity in Arabic');
  await noViolations(page, 'an opportunity in Arabic');
  for (const path of ['/saved', '/what-changed', '/settings', '/applications', '/about-me', `/opportunities/${listing.id}/apply`]) {
    await page.goto(s.url + path);
    await page.locator('h1').first().waitFor();
    await noSideScroll(page, `${path} in Arabic`);
    await noViolations(page, `${path} in Arabic`);
  }

  // Offline, the next start is still in Arabic: the catalogue is kept on the device.
  await s.stop();
  await page.goto(s.url + '/');
  await page.getByRole('heading', { level: 1, name: 'فرص لتشارك برأيك' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  // Only the chosen language was ever fetched.
  assert.deepEqual([...new Set(s.requests.map((r) => r.path).filter((p) => p.includes('/locales/')))], ['/locales/ar.ftl']);
});

test('a Welsh browser gets the first screen in Welsh from the server; English is one press away and kept', async (t) => {
  const srv = await opendoorServer(t);
  const { page, context } = await browser(t, { locale: 'cy-GB' });
  const res = await page.goto(srv.url + '/');
  assert.match(res.headers()['vary'] ?? '', /Accept-Language/);
  // The server's first paint, before the app: Welsh words, lang="cy".
  const html = await res.text();
  assert.match(html, /<html lang="cy" dir="ltr">/);
  assert.match(html, /Cyfleoedd i ddweud eich dweud/);
  await page.locator('[data-first-paint]').waitFor({ state: 'detached' });
  await page.getByRole('heading', { level: 1, name: 'Cyfleoedd i ddweud eich dweud' }).waitFor();
  await noViolations(page, 'the list in Welsh');
  await page.getByRole('navigation', { name: 'Iaith' }).getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Opportunities to have your say' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const cookies = await context.cookies(srv.url);
  assert.equal(cookies.find((c) => c.name === 'opendoor-lang')?.value, 'en');
  // The next first paint follows the choice, not the browser's Welsh.
  const again = await page.context().request.get(srv.url + '/', { headers: { cookie: 'opendoor-lang=en', 'accept-language': 'cy' } });
  assert.match(await again.text(), /<html lang="en" dir="ltr">/);
  // Without script, a language link asks the server for that language and keeps it.
  const linked = await page.context().request.get(srv.url + '/?lang=ar', { headers: { 'accept-language': 'cy' } });
  assert.match(await linked.text(), /<html lang="ar" dir="rtl">/);
  assert.match(linked.headers()['set-cookie'] ?? '', /opendoor-lang=ar/);
});

test('Easy Read: chosen in Settings, a listing with an Easy Read version shows it first; Listen appears only with a voice', async (t) => {
  const s = await site(t);
  // Every version of the listing in the feed (a later page may update it).
  const [{ id }, welsh] = openListings(s.feedDir);
  const item = { data: { id } };
  for (const { name, page: p } of feedPages(s.feedDir)) {
    for (const i of p.items.filter((i) => i.id === id && i.data)) {
      i.data.easyRead = 'This group meets online. You talk about your care. We pay you for your time.';
      i.data.inLanguage = ['en'];
    }
    for (const i of p.items.filter((i) => i.id === welsh.id && i.data)) i.data.inLanguage = 'cy';
    writeFileSync(join(s.feedDir, name), JSON.stringify(p));
  }
  const { page } = await browser(t);
  await page.goto(s.url + '/settings');
  await waitForStatus(page, /Updated/);
  await page.getByLabel('Easy Read', { exact: true }).check();
  await page.getByText('Easy Read is on.').waitFor();
  await page.goto(`${s.url}/opportunities/${item.data.id}`);
  const easy = page.getByRole('region', { name: 'Easy Read' });
  await easy.getByText('This group meets online.').waitFor();
  // First: before the summary.
  const order = await page.evaluate(() => {
    const e = document.querySelector('.easy-read');
    const lede = document.querySelector('.detail .lede');
    return Boolean(e.compareDocumentPosition(lede) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(order, 'the Easy Read version comes before the summary');
  await page.goto(s.url + '/');
  await page.locator('.card-summary.easy-read').filter({ hasText: 'This group meets online.' }).waitFor();
  // A listing written in Welsh is marked so, and "in my language" (English here) leaves it out.
  const welshCard = page.locator('.card').filter({ hasText: welsh.title });
  assert.equal(await welshCard.locator('.card-title').getAttribute('lang'), 'cy');
  await page.locator('summary').filter({ hasText: 'Filters' }).click();
  await page.getByLabel(/Only opportunities written in English/).check();
  await page.waitForURL(/written=en/);
  await page.locator('.card').first().waitFor();
  assert.equal(await welshCard.count(), 0);
  assert.equal(await page.locator('.card').filter({ hasText: openListings(s.feedDir)[0].title }).count(), 1);

  // Listen: shown only where the device has a voice for the listing's language.
  await page.goto(`${s.url}/opportunities/${item.data.id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const voices = await page.evaluate(() => new Promise((ok) => {
    const now = speechSynthesis.getVoices();
    if (now.length) return ok(now.filter((v) => v.lang.toLowerCase().startsWith('en')).length);
    speechSynthesis.onvoiceschanged = () => ok(speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith('en')).length);
    setTimeout(() => ok(0), 2000);
  }));
  assert.equal(await page.getByRole('button', { name: 'Listen' }).count(), voices > 0 ? 1 : 0, `${voices} English voices`);
});
