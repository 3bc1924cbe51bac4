// Search benchmark: Open Door's search (opendoor-core compiled to wasm with the app's profile)
// against MiniSearch (npm, pinned in package.json; default options plus prefix and fuzzy 0.2)
// and FlexSearch (npm, pinned; settings in FLEX below), in the same headless Chromium page, on
// the same 10,000 generated listings and queries. Then ranking quality on the judged query set
// (core/tests/fixtures/judged): P@10, recall@100, MRR, nDCG@10 and zero-result rate for all three.
//
// Rerun:  node scripts/bench-search.mjs            (builds the wasm glue first)
//         LISTINGS=10000 ROUNDS=5 node scripts/bench-search.mjs
//
// Everything is deterministic (fixed seed): the listings, the queries, their order.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const N = Number(process.env.LISTINGS ?? 10000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
// Each query is run REPS times per timing: Chromium's timer has 0.1 ms steps here (the page is
// not cross-origin isolated), so one timing must last well over 0.1 ms to mean anything.
const REPS = Number(process.env.REPS ?? 40);
const BUILDS = Number(process.env.BUILDS ?? 5);
const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');

// --- the wasm glue ---------------------------------------------------------------------------
if (!process.env.SKIP_BUILD) {
  execFileSync('cargo', ['build', '-p', 'opendoor-search-bench', '--target', 'wasm32-unknown-unknown',
    '--profile', 'wasm-release'], { cwd: ROOT, stdio: 'inherit' });
}
const work = mkdtempSync(join(tmpdir(), 'opendoor-bench-search-'));
execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', work, '--out-name', 'od',
  join(TARGET, 'wasm32-unknown-unknown', 'wasm-release', 'opendoor_search_bench.wasm')], { stdio: 'inherit' });
copyFileSync(join(ROOT, 'node_modules/minisearch/dist/es/index.js'), join(work, 'minisearch.js'));
copyFileSync(join(ROOT, 'node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs'), join(work, 'flexsearch.js'));
const fxVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/flexsearch/package.json'), 'utf8')).version;
// FlexSearch's settings: a Document index over the same five fields, prefixes ('forward': the
// start of each word, as ours), the LatinBalance encoder (lower case, accents, light phonetic
// folding; it has no edit-distance typo tolerance, so most misspelt queries find nothing, and
// fast), and at query time suggest: true (results with some of the words when none has all)
// and merge: true (one list of ids across fields). Its own defaults otherwise (its ranking is by
// where words occur, no BM25). Results are limited to 1000 per query: FlexSearch stops there,
// while Open Door ranks every match (the app filters and counts them all). Its memory is
// measured as MiniSearch's (JS heap after GC, with the index minus without).
const FLEX = { index: { tokenize: 'forward', encoder: 'LatinBalance' }, search: { suggest: true, merge: true, limit: 1000 } };
const judgedDir = join(ROOT, 'core/tests/fixtures/judged');
copyFileSync(join(judgedDir, 'listings.json'), join(work, 'judged-listings.json'));
copyFileSync(join(judgedDir, 'queries.json'), join(work, 'judged-queries.json'));
const msVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/minisearch/package.json'), 'utf8')).version;

// --- deterministic data ----------------------------------------------------------------------
function mulberry32(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261126);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const some = (xs, n) => { const s = new Set(); while (s.size < Math.min(n, xs.length)) s.add(pick(xs)); return [...s]; };

function sampleListings() {
  const live = new Map();
  for (const f of readdirSync(join(ROOT, 'public/feed')).sort()) {
    for (const it of JSON.parse(readFileSync(join(ROOT, 'public/feed', f), 'utf8')).items) {
      if (it.state === 'deleted') live.delete(it.id); else live.set(it.id, it.data);
    }
  }
  return [...live.values()];
}
const samples = sampleListings();
const sentences = [...new Set(samples.flatMap((l) => `${l.summary} ${l.description} ${l.impact} ${l.support}`
  .split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.length > 20)))];
const topics = [...new Set(samples.flatMap((l) => l.topics))];
const towns = ['Leeds', 'Bradford', 'Sheffield', 'Manchester', 'Liverpool', 'Bristol', 'Norwich', 'York', 'Hull',
  'Derby', 'Nottingham', 'Leicester', 'Cardiff', 'Swansea', 'Glasgow', 'Edinburgh', 'Belfast', 'Newcastle',
  'Sunderland', 'Plymouth', 'Exeter', 'Reading', 'Oxford', 'Cambridge', 'Ipswich', 'Lincoln', 'Wakefield',
  'Halifax', 'Huddersfield', 'Stockport', 'Bolton', 'Wigan', 'Preston', 'Blackpool', 'Carlisle', 'Durham',
  'Coventry', 'Birmingham', 'Dudley', 'Walsall', 'Wolverhampton', 'Stoke', 'Shrewsbury', 'Hereford',
  'Worcester', 'Gloucester', 'Swindon', 'Bath', 'Taunton', 'Truro', 'Brighton', 'Portsmouth', 'Southampton',
  'Canterbury', 'Luton', 'Watford', 'Croydon', 'Harrow', 'Enfield', 'Romford'];
const orgKinds = ['NHS Foundation Trust', 'Healthwatch', 'City Council', 'University', 'Carers Centre', 'Hospice',
  'Mind', 'Integrated Care Board', 'Community Health', 'Housing Association', 'Patient Forum', 'Research Network'];
const nouns = ['panel', 'advisory group', 'focus group', 'workshop', 'survey', 'reference group', 'steering group',
  'forum', 'interviews', 'board', 'network', 'co-design sessions'];
const titleForms = [
  (t, w, n) => `${t} ${n}`,
  (t, w, n) => `Help shape ${t.toLowerCase()} services in ${w}`,
  (t, w, n) => `Join our ${t.toLowerCase()} ${n}`,
  (t, w, n) => `${w} ${t.toLowerCase()} ${n}`,
  (t, w, n) => `Tell us about ${t.toLowerCase()} care in ${w}`,
  (t, w, n) => `Improve ${t.toLowerCase()} support with us`,
];
const kinds = ['advisory-group', 'co-design', 'research-advisor', 'consultation', 'interview-or-focus-group',
  'lived-experience-role', 'committee-or-board', 'other'];
const access = ['bsl-interpreter', 'easy-read', 'papers-in-advance', 'step-free-venue', 'hearing-loop',
  'carer-or-pa-costs', 'travel-paid-up-front', 'breaks', 'data-or-device'];
const times = [...new Set(samples.map((l) => l.timeCommitment))];

// The sample's sentences give only ~850 distinct words; real listings from many organisations
// use tens of thousands (names of places, services, people, conditions). So each description
// also gets a dozen words from a made-up vocabulary of 30,000, drawn with a long tail (a few
// words common, most rare), which makes the index, prefix and typo work closer to real text.
const syllables = ['ba', 'ker', 'lo', 'min', 'tra', 'vel', 'son', 'dor', 'ith', 'ne', 'pra', 'gu', 'fel', 'mo',
  'ran', 'ti', 'wen', 'sha', 'cal', 'der', 'ly', 'ous', 'ment', 'ing', 'har', 'bro', 'ste', 'qui', 'zel', 'po'];
const extra = new Set();
while (extra.size < 30000) {
  const n = 2 + Math.floor(rand() * 3);
  extra.add(Array.from({ length: n }, () => pick(syllables)).join(''));
}
const extraWords = [...extra];
const longTail = () => extraWords[Math.floor(Math.exp(rand() * Math.log(extraWords.length))) - 1];

const listings = [];
for (let i = 0; i < N; i++) {
  const base = structuredClone(samples[i % samples.length]);
  const ts = some(topics, 1 + Math.floor(rand() * 3));
  const town = pick(towns);
  const noun = pick(nouns);
  const l = base;
  l.id = `gen-${String(i).padStart(5, '0')}`;
  l.title = pick(titleForms)(ts[0], town, noun);
  l.title = l.title[0].toUpperCase() + l.title.slice(1);
  l.organisation = { name: `${pick(towns)} ${pick(orgKinds)}` };
  l.topics = ts;
  l.summary = `${pick(sentences)} ${pick(sentences)}`;
  l.description = Array.from({ length: 3 + Math.floor(rand() * 5) }, () => pick(sentences)).join(' ')
    + `\n\nWe especially want to hear from people with experience of ${ts.map((t) => t.toLowerCase()).join(' or ')} in ${town}.`
    + `\n\nLocal notes: ${Array.from({ length: 12 }, longTail).join(' ')}.`;
  l.kind = pick(kinds);
  const mode = pick(['online', 'online', 'phone', 'in-person', 'in-person', 'by-post', 'hybrid']);
  l.attendance = mode === 'in-person' || mode === 'hybrid'
    ? { mode, place: { name: town, geo: { lat: 50.5 + rand() * 5, lng: -4 + rand() * 5.5 } } }
    : { mode };
  l.accessSupport = some(access, Math.floor(rand() * 4));
  l.timeCommitment = pick(times);
  l.status = 'open';
  const day = 1 + Math.floor(rand() * 28);
  const month = 1 + Math.floor(rand() * 12);
  l.closingDate = rand() < 0.15 ? undefined : `2027-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (l.closingDate === undefined) delete l.closingDate;
  l.lastUpdated = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 300) * 86400000).toISOString().replace('.000Z', 'Z');
  listings.push(l);
}

// --- deterministic queries -------------------------------------------------------------------
const wordsOf = (s) => s.toLowerCase().match(/[a-z]+/g) ?? [];
const stop = new Set(['the', 'and', 'with', 'for', 'you', 'your', 'our', 'about', 'from', 'this', 'that', 'will', 'have', 'are', 'can', 'was']);
const vocab = [...new Set(listings.slice(0, 500).flatMap((l) => wordsOf(`${l.title} ${l.topics.join(' ')} ${l.summary}`)))]
  .filter((w) => w.length >= 4 && !stop.has(w)).sort();
const long = vocab.filter((w) => w.length >= 6);
const typo = (w) => {
  const i = 1 + Math.floor(rand() * (w.length - 2));
  switch (Math.floor(rand() * 4)) {
    case 0: return w.slice(0, i) + w.slice(i + 1); // a letter missing
    case 1: return w.slice(0, i) + pick('aeiourst') + w.slice(i); // a letter extra
    case 2: return w.slice(0, i) + pick('aeiourst'.replace(w[i], '')) + w.slice(i + 1); // changed
    default: return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); // swapped
  }
};
const queries = [];
for (let i = 0; i < 40; i++) queries.push({ kind: 'one word', q: pick(vocab) });
for (let i = 0; i < 20; i++) queries.push({ kind: 'one word', q: longTail() });
for (let i = 0; i < 60; i++) queries.push({ kind: 'two words', q: `${pick(vocab)} ${pick(towns).toLowerCase()}` });
for (let i = 0; i < 50; i++) { const w = pick(long); queries.push({ kind: 'prefix', q: w.slice(0, 3 + Math.floor(rand() * 3)) }); }
for (let i = 0; i < 40; i++) queries.push({ kind: 'misspelt', q: typo(pick(long)) });
for (let i = 0; i < 10; i++) { const w = longTail(); queries.push({ kind: 'misspelt', q: w.length >= 6 ? typo(w) : typo(pick(long)) }); }

const filterQueries = ['how=online', 'how=in-person&pay=expenses', 'kind=advisory-group&kind=co-design&closing=30',
  'access=easy-read&access=breaks', 'time=one-off&sort=newest', 'near=Leeds&miles=25', `topic=${encodeURIComponent(topics[0])}&how=phone`,
  'pay=paid&sort=closing', ''];

writeFileSync(join(work, 'listings.json'), JSON.stringify(listings));
if (process.env.DUMP) { // for looking at the data by hand
  writeFileSync(join(process.env.DUMP, 'listings.json'), JSON.stringify(listings));
  writeFileSync(join(process.env.DUMP, 'queries.json'), JSON.stringify(queries));
  process.exit(0);
}
writeFileSync(join(work, 'queries.json'), JSON.stringify(queries));
writeFileSync(join(work, 'index.html'), '<!doctype html><title>bench</title>');

// --- the run ---------------------------------------------------------------------------------
const server = await startStaticServer({ dist: work });
const profile = mkdtempSync(join(tmpdir(), 'opendoor-bench-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc'],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(server.url + '/index.html');
const cdp = await context.newCDPSession(page);
const heap = async () => {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
};

await page.evaluate(async (FLEX) => {
  const od = await import('/od.js');
  await od.default();
  const { default: MiniSearch } = await import('/minisearch.js');
  const Flex = await import('/flexsearch.js');
  const listings = await (await fetch('/listings.json')).json();
  const text = await (await fetch('/listings.json')).text();
  od.load(text);
  window.B = {
    od, MiniSearch, Flex, listings,
    flexNew: (FLEX) => new Flex.Document({ document: { id: 'id', index: ['title', 'organisation', 'topics', 'summary', 'description'] },
      tokenize: FLEX.index.tokenize, encoder: Flex.Charset[FLEX.index.encoder] }),
    docs: listings.map((l) => ({ id: l.id, title: l.title, organisation: l.organisation.name, topics: l.topics.join(' · '), summary: l.summary, description: l.description })),
    queries: await (await fetch('/queries.json')).json(),
    FLEX,
  };
  B.flexSearch = (fx, q) => fx.search(q, FLEX.search);
}, FLEX);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]; };

// Index build: BUILDS times each, alternating which goes first.
const builds = { od: [], ms: [], fx: [] };
for (let i = 0; i < BUILDS; i++) {
  for (const who of [['od', 'ms', 'fx'], ['ms', 'fx', 'od'], ['fx', 'od', 'ms']][i % 3]) {
    builds[who].push(await page.evaluate((who) => {
      const t0 = performance.now();
      if (who === 'od') B.od.build();
      else if (who === 'fx') { B.fx = B.flexNew(B.FLEX); for (const d of B.docs) B.fx.add(d); }
      else { B.ms = new B.MiniSearch({ fields: ['title', 'organisation', 'topics', 'summary', 'description'], searchOptions: { prefix: true, fuzzy: 0.2 } }); B.ms.addAll(B.docs); }
      return performance.now() - t0;
    }, who));
  }
}

// Memory after indexing. Ours: bytes Rust holds for the index (a counting allocator), plus the
// growth of wasm memory. MiniSearch: JS heap used (after GC) with the index minus without.
const mem = await (async () => {
  const odWith = await page.evaluate(() => B.od.heap_bytes());
  await page.evaluate(() => B.od.drop_index());
  const odWithout = await page.evaluate(() => B.od.heap_bytes());
  await page.evaluate(() => B.od.build());
  await page.evaluate(() => { B.fxKeep = B.fx; B.fx = null; });
  const msWith = await heap();
  await page.evaluate(() => { B.ms = null; });
  const msWithout = await heap();
  await page.evaluate(() => { B.fx = B.fxKeep; B.fxKeep = null; });
  const fxWith = await heap();
  await page.evaluate(() => { B.fx = null; });
  const fxWithout = await heap();
  await page.evaluate(() => { B.fx = B.flexNew(B.FLEX); for (const d of B.docs) B.fx.add(d); });
  await page.evaluate(() => { B.ms = new B.MiniSearch({ fields: ['title', 'organisation', 'topics', 'summary', 'description'], searchOptions: { prefix: true, fuzzy: 0.2 } }); B.ms.addAll(B.docs); });
  return { od: odWith - odWithout, ms: msWith - msWithout, fx: fxWith - fxWithout };
})();

// Queries: ROUNDS rounds, each query REPS times per timing, engines alternating.
const lat = { od: {}, ms: {}, and: {}, fx: {} };
const hitCounts = await page.evaluate(() => B.queries.map((x) => [B.od.search(x.q), B.ms.search(x.q).length, B.ms.search(x.q, { combineWith: 'AND' }).length, B.flexSearch(B.fx, x.q).length]));
for (let r = 0; r < ROUNDS + 1; r++) {
  for (const who of r % 2 ? ['ms', 'fx', 'and', 'od'] : ['od', 'and', 'fx', 'ms']) {
    const times = await page.evaluate(({ who, REPS }) => B.queries.map((x) => {
      const t0 = performance.now();
      if (who === 'od') for (let k = 0; k < REPS; k++) B.od.search(x.q);
      else if (who === 'and') for (let k = 0; k < REPS; k++) B.ms.search(x.q, { combineWith: 'AND' });
      else if (who === 'fx') for (let k = 0; k < REPS; k++) B.flexSearch(B.fx, x.q);
      else for (let k = 0; k < REPS; k++) B.ms.search(x.q);
      return (performance.now() - t0) / REPS;
    }), { who, REPS });
    if (r === 0) continue; // warm-up round
    const qs = await page.evaluate(() => B.queries.map((x) => x.kind));
    times.forEach((t, i) => { (lat[who][qs[i]] ??= []).push(t); (lat[who].all ??= []).push(t); });
  }
}

// The filter-only path at N: the app's whole step (open listings, filters, every count, order)
// against a plain JavaScript filter + sort of the same listings (no counts) as the peer.
const today = '2027-01-01';
const filt = { od: [], js: [] };
for (let r = 0; r < ROUNDS + 1; r++) {
  const t = await page.evaluate(({ fq, today, REPS }) => {
    const out = { od: [], js: [] };
    for (const q of fq) {
      let t0 = performance.now();
      for (let k = 0; k < REPS; k++) B.od.find(q, today);
      out.od.push((performance.now() - t0) / REPS);
      const p = new URLSearchParams(q);
      const how = p.getAll('how'); const kinds = p.getAll('kind'); const acc = p.getAll('access');
      t0 = performance.now();
      for (let k = 0; k < REPS; k++) {
        const rows = B.listings.filter((l) => l.status === 'open' && !(l.closingDate && l.closingDate < today)
          && (!how.length || how.includes(l.attendance.mode)) && (!kinds.length || kinds.includes(l.kind))
          && acc.every((a) => l.accessSupport.includes(a)));
        rows.sort((a, b) => (a.closingDate ?? '9999').localeCompare(b.closingDate ?? '9999') || a.title.localeCompare(b.title));
      }
      out.js.push((performance.now() - t0) / REPS);
    }
    return out;
  }, { fq: filterQueries, today, REPS: 3 });
  if (r > 0) { filt.od.push(...t.od); filt.js.push(...t.js); }
}
// Ranking quality on the judged set: every engine indexes the judged listings and returns its
// ranked ids for each query.
const judgedRuns = await page.evaluate(async () => {
  const text = await (await fetch('/judged-listings.json')).text();
  const ls = JSON.parse(text);
  const qs = await (await fetch('/judged-queries.json')).json();
  B.od.judged_load(text);
  const docs = ls.map((l) => ({ id: l.id, title: l.title, organisation: l.organisation.name, topics: l.topics.join(' · '), summary: l.summary, description: l.description }));
  const ms = new B.MiniSearch({ fields: ['title', 'organisation', 'topics', 'summary', 'description'], searchOptions: { prefix: true, fuzzy: 0.2 } });
  ms.addAll(docs);
  const fx = B.flexNew(B.FLEX);
  for (const d of docs) fx.add(d);
  return {
    qs,
    od: qs.map((j) => { const r = B.od.judged_ranked(j.q); return r ? r.split('\n') : []; }),
    ms: qs.map((j) => ms.search(j.q).map((h) => h.id)),
    fx: qs.map((j) => B.flexSearch(fx, j.q).map((h) => String(h.id ?? h))),
  };
});
const agree = await page.evaluate(() => B.queries.filter((x) => x.kind === 'one word').map((x) => [B.od.top(x.q), B.ms.search(x.q)[0]?.id ?? '']));
const version = await context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent)).match(/Chrome\/[\d.]+/)?.[0];
await context.close();
await server.close();
rmSync(work, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });

// --- the table -------------------------------------------------------------------------------
const ms = (x) => `${x < 1 ? x.toFixed(3) : x.toFixed(2)} ms`;
const mb = (x) => `${(x / 1048576).toFixed(1)} MB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const rows = [];
rows.push(['index build (median of ' + BUILDS + ')', ms(median(builds.od)), ms(median(builds.ms)), ratio(median(builds.od), median(builds.ms)), '(same index)', '', ms(median(builds.fx)), ratio(median(builds.od), median(builds.fx))]);
for (const k of ['all', 'one word', 'two words', 'prefix', 'misspelt']) {
  const n = lat.od[k].length / ROUNDS;
  rows.push([`query p50, ${k} (${n})`, ms(median(lat.od[k])), ms(median(lat.ms[k])), ratio(median(lat.od[k]), median(lat.ms[k])), ms(median(lat.and[k])), ratio(median(lat.od[k]), median(lat.and[k])), ms(median(lat.fx[k])), ratio(median(lat.od[k]), median(lat.fx[k]))]);
  rows.push([`query p95, ${k} (${n})`, ms(pct(lat.od[k], 95)), ms(pct(lat.ms[k], 95)), ratio(pct(lat.od[k], 95), pct(lat.ms[k], 95)), ms(pct(lat.and[k], 95)), ratio(pct(lat.od[k], 95), pct(lat.and[k], 95)), ms(pct(lat.fx[k], 95)), ratio(pct(lat.od[k], 95), pct(lat.fx[k], 95))]);
}
rows.push(['memory after indexing', mb(mem.od), mb(mem.ms), ratio(mem.od, mem.ms), '(same index)', '', mb(mem.fx), ratio(mem.od, mem.fx)]);
const hitsOd = hitCounts.reduce((a, h) => a + h[0], 0) / hitCounts.length;
const hitsMs = hitCounts.reduce((a, h) => a + h[1], 0) / hitCounts.length;
const hitsAnd = hitCounts.reduce((a, h) => a + h[2], 0) / hitCounts.length;
const hitsFx = hitCounts.reduce((a, h) => a + h[3], 0) / hitCounts.length;
rows.push(['mean results per query', hitsOd.toFixed(0), hitsMs.toFixed(0), ratio(hitsOd, hitsMs), hitsAnd.toFixed(0), ratio(hitsOd, hitsAnd), hitsFx.toFixed(0), ratio(hitsOd, hitsFx)]);

const machine = `${cpus().length} × ${cpus()[0].model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, load average ${loadavg()[0].toFixed(2)} at the end`;
console.log(`Run on ${new Date().toISOString().slice(0, 10)}: ${machine}; headless Chromium ${version}; MiniSearch ${msVersion}; FlexSearch ${fxVersion}.`);
console.log(`${N} generated listings, ${queries.length} queries (${ROUNDS} timed rounds after one warm-up, each query timed over ${REPS} runs).`);
console.log('');
console.log('| measure | Open Door (wasm) | MiniSearch (anchor) | Open Door ÷ MiniSearch | MiniSearch, AND | Open Door ÷ MiniSearch AND | FlexSearch | Open Door ÷ FlexSearch |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('');
console.log(`Filter-only path at ${N} listings (${filterQueries.length} address-bar searches with no words, e.g. \`how=in-person&pay=expenses\`; ${ROUNDS} rounds):`);
console.log('');
console.log('| measure | Open Door `filter::find` (wasm: filters, every count, order) | plain JS filter + sort (no counts) | ratio |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| median | ${ms(median(filt.od))} | ${ms(median(filt.js))} | ${ratio(median(filt.od), median(filt.js))} |`);
console.log(`| p95 | ${ms(pct(filt.od, 95))} | ${ms(pct(filt.js, 95))} | ${ratio(pct(filt.od, 95), pct(filt.js, 95))} |`);
console.log('');
const kindsList = ['one word', 'two words', 'prefix', 'misspelt'];
const qk = queries.map((x) => x.kind);
const found = (col) => kindsList.map((k) => `${k} ${hitCounts.filter((h, i) => qk[i] === k && h[col] > 0).length}/${qk.filter((x) => x === k).length}`).join(', ');
console.log(`Queries with at least one result. Open Door: ${found(0)}. MiniSearch: ${found(1)}. MiniSearch AND: ${found(2)}. FlexSearch: ${found(3)}.`);
const same = agree.filter(([a, b]) => a === b).length;
console.log(`Same top result on ${same} of ${agree.length} one-word queries (the engines rank differently: see notes).`);

// --- ranking on the judged set (same formulas as core/tests/relevance.rs) ---------------------
function measures(ranked, qs) {
  const m = { p10: 0, recall: 0, mrr: 0, ndcg: 0, zero: 0 };
  qs.forEach((j, i) => {
    const r = ranked[i];
    const g = (id) => j.grades[id] ?? 0;
    const rel = Object.keys(j.grades).length;
    m.p10 += r.slice(0, 10).filter((id) => g(id) > 0).length / 10;
    m.recall += r.slice(0, 100).filter((id) => g(id) > 0).length / Math.min(rel, 100);
    const first = r.findIndex((id) => g(id) > 0);
    m.mrr += first < 0 ? 0 : 1 / (first + 1);
    const dcg = (gs) => gs.slice(0, 10).reduce((a, x, k) => a + (2 ** x - 1) / Math.log2(k + 2), 0);
    m.ndcg += dcg(r.map(g)) / dcg(Object.values(j.grades).sort((a, b) => b - a));
    m.zero += r.length === 0 ? 1 : 0;
  });
  for (const k of Object.keys(m)) m[k] /= qs.length;
  return m;
}
const J = judgedRuns;
const mOd = measures(J.od, J.qs), mMs = measures(J.ms, J.qs), mFx = measures(J.fx, J.qs);
console.log('');
console.log(`Ranking on the judged set (core/tests/fixtures/judged: ${J.qs.length} queries as people type them, graded over generated listings whose truth is known):`);
console.log('');
console.log('| measure | Open Door | MiniSearch | FlexSearch |');
console.log('| --- | ---: | ---: | ---: |');
const f3 = (x) => x.toFixed(3);
console.log(`| P@10 | ${f3(mOd.p10)} | ${f3(mMs.p10)} | ${f3(mFx.p10)} |`);
console.log(`| recall@100 | ${f3(mOd.recall)} | ${f3(mMs.recall)} | ${f3(mFx.recall)} |`);
console.log(`| MRR | ${f3(mOd.mrr)} | ${f3(mMs.mrr)} | ${f3(mFx.mrr)} |`);
console.log(`| nDCG@10 | ${f3(mOd.ndcg)} | ${f3(mMs.ndcg)} | ${f3(mFx.ndcg)} |`);
console.log(`| zero-result rate | ${(100 * mOd.zero).toFixed(1)}% | ${(100 * mMs.zero).toFixed(1)}% | ${(100 * mFx.zero).toFixed(1)}% |`);
if (process.env.JUDGED_DETAIL) J.qs.forEach((j, i) => console.log(j.q, '|', [J.od, J.ms, J.fx].map((r) => r[i].slice(0, 10).map((id) => j.grades[id] ?? 0).join('')).join(' | ')));
