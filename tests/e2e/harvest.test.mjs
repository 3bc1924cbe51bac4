// Following other publishers, end to end: two real opendoor-server publishers with overlapping
// listings, a VDS document and a CSV sheet served by a small HTTP server of this test's own (with
// 10 MB of junk, a `next` loop and a 404 beside them), and a harvesting opendoor-server that
// follows them all. One publisher is killed in the middle of a harvest; deletions and
// withdrawals propagate; duplicates merge; the combined feed passes OpenActive's RPDE validator;
// the app on the harvesting server shows every listing with its attribution.
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { createServer, request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST, ROOT, browser, serverCli } from './support.mjs';

const SERVER_BIN = process.env.OPENDOOR_SERVER_BIN ?? join(ROOT, 'target', 'debug', 'opendoor-server');

function listing(id, org, title, apply) {
  return {
    id,
    title,
    organisation: { name: org, id: `e2e-${org.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` },
    summary: `${title}: help shape the service.`,
    description: 'A longer description.\n\nWith two paragraphs.',
    kind: 'advisory-group',
    topics: ['health'],
    attendance: { mode: 'online' },
    timeCommitment: '2 hours a month',
    payment: { type: 'expenses-only' },
    expenses: ['travel'],
    eligibility: { who: 'Anyone over 18' },
    impact: 'Your views change the service.',
    support: 'A named contact.',
    howToApply: apply ? { type: 'link', url: apply } : { type: 'in-app', questions: [] },
    lastUpdated: '2026-11-01T10:00:00Z',
    status: 'open',
  };
}

function page(items) {
  let m = 1000;
  return JSON.stringify({
    items: items.map((x) => (typeof x === 'string'
      ? { state: 'deleted', kind: 'Opportunity', id: x, modified: m++ }
      : { state: 'updated', kind: 'Opportunity', id: x.id, modified: m++, data: x })),
    next: 'page-2.json',
    license: 'https://creativecommons.org/licenses/by/4.0/',
  });
}

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const run = (args) => new Promise((ok) => {
  execFile(SERVER_BIN, args, (err, stdout, stderr) => ok({ code: err ? err.code : 0, out: stdout.toString(), err: stderr.toString() }));
});

/** `opendoor-server serve` on `db`, on a free port; `start` again after `kill` (same port). */
async function serve(t, db, extra = []) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child = null;
  const s = {
    url,
    async start() {
      child = spawn(SERVER_BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--db', db, '--app', DIST, ...extra], { stdio: 'ignore' });
      for (let i = 0; i < 200; i++) {
        try { if ((await fetch(url + '/healthz')).ok) return; } catch { /* not yet */ }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the server on ${db} did not become healthy`);
    },
    kill() {
      if (!child) return Promise.resolve();
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGKILL');
      child = null;
      return exited;
    },
  };
  await s.start();
  t.after(() => s.kill());
  return s;
}

/** A real opendoor-server publisher on its own database holding `items`. */
async function publisher(t, name, items, extra = []) {
  const dir = mkdtempSync(join(tmpdir(), `opendoor-harvest-${name}-`));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'od.db');
  const file = join(dir, 'page-1.json');
  const load = (list) => {
    writeFileSync(file, page(list));
    serverCli(['import', '--db', db, file]);
  };
  load(items);
  const s = await serve(t, db, ['--no-harvest', ...extra]);
  s.import = load;
  return s;
}

/** A proxy in front of `target` that can kill it when the n-th request arrives. */
async function proxy(t, target) {
  const state = { requests: 0, killOn: 0, onKill: null };
  const server = createServer(async (req, res) => {
    state.requests += 1;
    if (state.killOn && state.requests === state.killOn) await state.onKill();
    const up = new URL(target.url);
    const fwd = request({ host: up.hostname, port: up.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    fwd.on('error', () => res.destroy());
    req.pipe(fwd);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  t.after(() => new Promise((ok) => server.close(ok)));
  state.url = `http://127.0.0.1:${server.address().port}`;
  return state;
}

function vds(roles) {
  return JSON.stringify({
    '@context': 'https://api.volunteeringdata.io/context/v1',
    license: 'CC-BY-4.0',
    publisher: 'Riverside Volunteer Centre',
    graph: [{
      type: 'Organisation',
      id: 'https://id.example.org/org/riverside',
      name: 'Riverside Forum',
      activity: [{
        title: 'Patient panel',
        description: 'People who use the service tell it what to change.',
        role: roles.map((title) => ({
          title,
          description: `${title}: come to the panel and speak up.`,
          commitment: 'An evening a month',
          applyLink: `https://riverside.example/${title.toLowerCase().replace(/\W+/g, '-')}`,
        })),
        session: [{ time: ['https://ns.volunteeringdata.io/TuesdayEvening', 'https://ns.volunteeringdata.io/ThursdayEvening'] }],
      }],
    }],
  });
}

const CSV = [
  'id,title,organisation,organisation_id,summary,description,kind,attendance,time_commitment,payment,who,impact,support,how_to_apply,apply_at',
  'towpath,Towpath volunteer,Canal Friends,canal-friends,Help look after the canal.,Pick litter and report damage.,other,online,A morning a week,none,Anyone,A cleaner canal.,Training on the first day.,link,https://canal.example/join',
].join('\n');

/** The small HTTP server of this test's own: VDS, CSV and the broken sources. */
async function documents(t) {
  const docs = { '/vds.json': vds(['Panel member', 'Reader']), '/sheet.csv': CSV };
  const server = createServer((req, res) => {
    const path = req.url;
    if (path === '/junk') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const more = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', more);
        }
        res.end();
      };
      res.on('error', () => {});
      return more();
    }
    if (path === '/loop/1' || path === '/loop/2') {
      const other = path === '/loop/1' ? '/loop/2' : '/loop/1';
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ items: [{ state: 'updated', kind: 'Opportunity', id: `loop${path.at(-1)}`, modified: Number(path.at(-1)), data: listing(`loop${path.at(-1)}`, 'Loop Org', `Loop ${path.at(-1)}`, 'https://loop.example/' + path.at(-1)) }], next: other }));
    }
    if (docs[path]) {
      res.writeHead(200, { 'content-type': path.endsWith('.csv') ? 'text/csv' : 'application/ld+json' });
      return res.end(docs[path]);
    }
    res.writeHead(404);
    res.end('not here');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  t.after(() => new Promise((ok) => server.close(ok)));
  return { docs, url: `http://127.0.0.1:${server.address().port}` };
}

async function walk(first) {
  const items = [];
  let url = first;
  for (let i = 0; i < 100; i++) {
    const p = await (await fetch(url)).json();
    items.push(...p.items);
    if (p.items.length === 0) return items;
    url = p.next;
  }
  throw new Error('the feed did not end');
}

/** The live state of the combined feed: the last word on each id. */
function live(items) {
  const last = new Map();
  for (const i of items) last.set(i.id, i);
  return [...last.values()];
}

test('a harvesting server follows two servers, a VDS document and a CSV sheet, whatever breaks', async (t) => {
  const a = await publisher(t, 'a', [
    listing('a1', 'Harbour Carers', "Carers' voice panel", 'https://carers.example/panel'),
    listing('a2', 'Harbour Carers', 'Youth board'),
    listing('a3', 'Harbour Carers', 'Soon gone', 'https://carers.example/soon'),
  ]);
  const b = await publisher(t, 'b', [
    listing('b1', 'Harbour Carers', 'Carers voice panel', 'https://carers.example/panel/'),
    listing('b2', 'Library Friends', 'Library reading group', 'https://library.example/read'),
    listing('b3', 'Library Friends', 'Library tech helpers', 'https://library.example/tech'),
  ], ['--page-size', '1']);
  const bProxy = await proxy(t, b);
  const docs = await documents(t);

  const dir = mkdtempSync(join(tmpdir(), 'opendoor-harvester-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'h.db');
  const add = async (...args) => {
    const r = await run(['sources', 'add', '--db', db, ...args]);
    assert.equal(r.code, 0, r.out + r.err);
  };
  await add('--name', 'Harbour server', `${a.url}/feed/opportunities`);
  await add('--name', 'Library server', `${bProxy.url}/feed/opportunities`);
  await add(`${docs.url}/vds.json`);
  await add('--kind', 'csv', '--name', 'Canal Friends sheet', `${docs.url}/sheet.csv`);
  await add('--kind', 'rpde', `${docs.url}/junk`);
  await add(`${docs.url}/loop/1`);
  await add(`${docs.url}/missing.csv`);

  // First harvest: B is killed after its first page has been read.
  bProxy.killOn = 2;
  bProxy.onKill = () => b.kill();
  const first = await run(['harvest', '--db', db, '--harvest-timeout-secs', '5']);
  assert.equal(first.code, 3, first.out);
  assert.match(first.out, /junk: FAILED: .*more than 4096 KB/);
  assert.match(first.out, /loop\/1: FAILED: .*points back to/);
  assert.match(first.out, /missing.csv: FAILED: .*answered 404/);
  assert.match(first.out, new RegExp(`${bProxy.url}/feed/opportunities: FAILED: `));
  let list = (await run(['sources', 'list', '--db', db])).out;
  assert.match(list, /PROBLEM: /);
  assert.match(list, /NO LICENCE/, 'the CSV states no licence');

  // B comes back; A withdraws one listing; the VDS document drops a role.
  await b.start();
  a.import(['a3']);
  docs.docs['/vds.json'] = vds(['Panel member']);
  const second = await run(['harvest', '--db', db, '--all', '--harvest-timeout-secs', '5']);
  assert.match(second.out, new RegExp(`${bProxy.url}/feed/opportunities: \\d+ added`), second.out);

  // The harvesting server serves the combined feed and the app.
  const h = await serve(t, db);
  const items = live(await walk(`${h.url}/feed/opportunities`));
  const byTitle = new Map(items.filter((i) => i.state === 'updated').map((i) => [i.data.title, i.data]));
  const deleted = items.filter((i) => i.state === 'deleted').map((i) => i.id);
  // Withdrawn at the source, and gone from the VDS document: tombstones.
  assert.ok(deleted.includes('h1:a3'), JSON.stringify(deleted));
  assert.equal(deleted.length, 2, JSON.stringify(deleted));
  assert.ok(!byTitle.has('Reader') && !byTitle.has('Soon gone'));
  // The same panel from A and B is one listing with both sources; the first source's details.
  const panel = byTitle.get("Carers' voice panel");
  assert.deepEqual(panel.sources.map((s) => s.name), ['Harbour server', 'Library server']);
  assert.ok(!byTitle.has('Carers voice panel'));
  // B's three pages all arrived despite the kill; what failed kept nothing wrong.
  assert.ok(byTitle.has('Library reading group') && byTitle.has('Library tech helpers'));
  assert.ok(byTitle.has('Loop 1'), 'what the looping feed gave before the loop is kept');
  const expected = [...byTitle.keys()].sort();
  assert.deepEqual(expected, [
    "Carers' voice panel", 'Library reading group', 'Library tech helpers', 'Loop 1', 'Loop 2',
    'Panel member', 'Towpath volunteer', 'Youth board',
  ].sort());
  // The in-app listing of A applies in A's own app.
  assert.deepEqual(byTitle.get('Youth board').howToApply, { type: 'link', url: `${a.url}/opportunities/a2` });

  // OpenActive's RPDE validator passes the combined feed.
  const v = await new Promise((ok) => execFile('node', [join(ROOT, 'tests/server/rpde-validate.cjs'), `${h.url}/feed/opportunities`], { cwd: ROOT },
    (err, stdout) => ok({ code: err ? err.code : 0, out: stdout.toString() })));
  assert.equal(v.code, 0, v.out);

  // The app on the harvesting server shows every listing with its attribution.
  const { page, errors } = await browser(t);
  await page.goto(h.url + '/');
  await page.locator('.count').filter({ hasText: `${expected.length} open opportunities` }).waitFor({ timeout: 20000 });
  const attribution = {
    "Carers' voice panel": 'Listed by Harbour Carers, from Harbour server and Library server',
    'Youth board': 'Listed by Harbour Carers, from Harbour server',
    'Library reading group': 'Listed by Library Friends, from Library server',
    'Library tech helpers': 'Listed by Library Friends, from Library server',
    'Panel member': 'Listed by Riverside Forum, from Riverside Volunteer Centre',
    'Towpath volunteer': 'Listed by Canal Friends, from Canal Friends sheet',
  };
  for (const item of items.filter((i) => i.state === 'updated')) {
    const want = attribution[item.data.title] ?? `Listed by Loop Org, from ${new URL(docs.url).host}`;
    await page.goto(`${h.url}/opportunities/${encodeURIComponent(item.id)}`);
    await page.locator('.detail-source').filter({ hasText: want }).first().waitFor({ timeout: 15000 });
    const sources = await page.locator('.provenance li:visible').allInnerTexts();
    assert.equal(sources.length, item.data.sources.length, item.data.title);
  }
  await page.goto(`${h.url}/opportunities/${encodeURIComponent(panel.id)}`);
  await page.locator('.provenance').first().waitFor();
  const licences = await page.locator('.provenance:visible').innerText();
  assert.match(licences, /Licence: https:\/\/creativecommons.org\/licenses\/by\/4.0\//);
  await page.goto(`${h.url}/opportunities/${encodeURIComponent(byTitle.get('Towpath volunteer').id)}`);
  await page.locator('.provenance').filter({ hasText: 'Canal Friends sheet states no licence for it' }).waitFor();
  await page.goto(`${h.url}/opportunities/${encodeURIComponent(byTitle.get('Panel member').id)}`);
  await page.locator('.provenance').filter({ hasText: 'shares it under the licence CC-BY-4.0' }).waitFor();
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  list = (await run(['sources', 'list', '--db', db])).out;
  assert.match(list, /Library server"[\s\S]*?3 listing\(s\) from it now/);
});
