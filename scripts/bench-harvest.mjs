#!/usr/bin/env node
// Harvest benchmark (docs/benchmarks.md, "Following other publishers"): a first harvest of
// 10,000 listings from 3 sources, then a run where 1% changed.
//   A: another opendoor-server's RPDE feed, 4,000 listings (pages of 100, gzip on the wire)
//   B: a static `export-static` feed, 3,000 listings, served by a plain file server with ETags
//   C: one VDS JSON-LD document, 3,000 roles
// Every source sits behind a counting proxy, so "bytes on the wire" are what crossed the
// network (compressed where the publisher compressed). Time and peak memory are the
// `opendoor-server harvest` process's own (GNU time). Rows written are the harvester's count.
//
//   cargo build --release -p opendoor-server && node scripts/bench-harvest.mjs
//   (OPENDOOR_SERVER_BIN=... to choose the binary; default target/release/opendoor-server)
import { execFile, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, request } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = process.env.OPENDOOR_SERVER_BIN ?? join(ROOT, 'target', 'release', 'opendoor-server');
const dir = mkdtempSync(join(tmpdir(), 'opendoor-bench-harvest-'));
const children = [];
const servers = [];

function listing(id, org, n, changed = false) {
  return {
    id,
    title: `${changed ? 'Changed: ' : ''}Opportunity ${n} with ${org}`,
    organisation: { name: org, id: `bench-${org.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` },
    summary: `Help ${org} shape its services: ${n}.`,
    description: `A longer description of opportunity ${n}.\n\nWhat you would do, who you would meet and how it helps. `.repeat(3),
    kind: 'advisory-group',
    topics: ['health', 'transport'],
    attendance: { mode: 'online' },
    timeCommitment: '2 hours a month',
    payment: { type: 'expenses-only' },
    expenses: ['travel'],
    eligibility: { who: 'Anyone over 18' },
    impact: 'Your views change the service.',
    support: 'A named contact.',
    howToApply: { type: 'link', url: `https://${org.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example/apply/${n}` },
    lastUpdated: '2026-11-01T10:00:00Z',
    status: 'open',
  };
}

function feedPage(listings, start = 1) {
  return JSON.stringify({
    items: listings.map((l, i) => ({ state: 'updated', kind: 'Opportunity', id: l.id, modified: start + i, data: l })),
    next: 'page-2.json',
  });
}

function vdsDoc(n, changedEvery = 0) {
  const orgs = [];
  for (let o = 0; o < 30; o++) {
    const roles = [];
    for (let r = 0; r < n / 30; r++) {
      const k = o * (n / 30) + r;
      const changed = changedEvery && k % changedEvery === 0;
      roles.push({
        id: `https://c.example/role/${k}`,
        title: `${changed ? 'Changed: ' : ''}Role ${k}`,
        description: `What role ${k} involves, who it is for and what difference it makes. `.repeat(3),
        commitment: 'An evening a month',
        applyLink: `https://c.example/apply/${k}`,
      });
    }
    orgs.push({
      type: 'Organisation', id: `https://c.example/org/${o}`, name: `Centre member ${o}`,
      activity: [{ id: `https://c.example/activity/${o}`, title: `Activities of member ${o}`, description: 'Volunteering with us.', role: roles,
        session: [{ time: ['https://ns.volunteeringdata.io/MondayEvening'] }] }],
    });
  }
  return JSON.stringify({ '@context': 'https://api.volunteeringdata.io/context/v1', license: 'CC-BY-4.0', publisher: 'Bench Centre', graph: orgs });
}

const cli = (args) => execFileSync(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

function listen(server) {
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => { servers.push(server); ok(server.address().port); }));
}

/** A file server with strong ETags (If-None-Match → 304), like a static host. */
async function fileServer(files) {
  return listen(createServer((req, res) => {
    const body = files.get(new URL(req.url, 'http://x').pathname);
    if (!body) { res.writeHead(404); return res.end(); }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }); return res.end(); }
    res.writeHead(200, { etag, 'content-type': 'application/json' });
    res.end(body);
  }));
}

/** Forwards to 127.0.0.1:port, counting the bytes of every response (headers aside). */
async function countingProxy(port) {
  const counter = { bytes: 0, requests: 0 };
  counter.port = await listen(createServer((req, res) => {
    counter.requests += 1;
    const fwd = request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.on('data', (c) => { counter.bytes += c.length; });
      r.pipe(res);
    });
    fwd.on('error', () => res.destroy());
    req.pipe(fwd);
  }));
  return counter;
}

async function serveDb(db) {
  const port = await new Promise((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
  const child = spawn(BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--db', db, '--no-harvest', '--feed-per-minute', '0'], { stdio: 'ignore' });
  children.push(child);
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return port; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}

/** Imports listings into db, in files of 500 (a feed page holds at most 1,000 items). */
function importAll(db, listings, name) {
  const files = [];
  for (let i = 0; i < listings.length; i += 500) {
    const f = join(dir, `${name}-${i}.json`);
    writeFileSync(f, feedPage(listings.slice(i, i + 500), i + 1));
    files.push(f);
  }
  cli(['import', '--db', db, ...files]);
}

async function timed(db) {
  // GNU time writes its report to stderr; run through a shell to keep both.
  // Asynchronously: this process serves the sources meanwhile.
  const r = await new Promise((ok, fail) => execFile('sh', ['-c', `/usr/bin/time -v "${BIN}" harvest --all --db "${db}" 2>"${db}.time"`], { maxBuffer: 64 << 20 },
    (err, stdout) => (err ? fail(new Error(`a source failed:\n${stdout}`)) : ok(stdout.toString()))));
  const t = readFileSync(`${db}.time`, 'utf8');
  const wall = t.match(/Elapsed \(wall clock\) time.*: (.*)/)[1];
  const rss = Number(t.match(/Maximum resident set size \(kbytes\): (\d+)/)[1]);
  const rows = [...r.matchAll(/(\d+) row\(s\) written/g)].reduce((a, m) => a + Number(m[1]), 0);
  const read = [...r.matchAll(/(\d+) KB fetched/g)].reduce((a, m) => a + Number(m[1]), 0);
  return { out: r, wall, rssMb: (rss / 1024).toFixed(1), rows, readKb: read };
}

try {
  // A: 4,000 listings on a real server.
  const aDb = join(dir, 'a.db');
  const aListings = Array.from({ length: 4000 }, (_, i) => listing(`a${i}`, `Trust ${i % 40}`, i));
  importAll(aDb, aListings, 'a');
  const aProxy = await countingProxy(await serveDb(aDb));

  // B: 3,000 listings exported as static pages.
  const bDb = join(dir, 'b.db');
  const bListings = Array.from({ length: 3000 }, (_, i) => listing(`b${i}`, `Charity ${i % 30}`, i));
  importAll(bDb, bListings, 'b');
  const bDir = join(dir, 'b-static');
  const exportB = () => {
    cli(['export-static', '--db', bDb, bDir]);
    return new Map(readdirSync(bDir).map((f) => [`/${f}`, readFileSync(join(bDir, f))]));
  };
  const bFiles = exportB();
  const bProxy = await countingProxy(await fileServer(bFiles));

  // C: one VDS document of 3,000 roles.
  const cFiles = new Map([['/vds.json', Buffer.from(vdsDoc(3000))]]);
  const cProxy = await countingProxy(await fileServer(cFiles));

  const h = join(dir, 'h.db');
  cli(['sources', 'add', '--db', h, `http://127.0.0.1:${aProxy.port}/feed/opportunities`]);
  cli(['sources', 'add', '--db', h, '--kind', 'rpde', `http://127.0.0.1:${bProxy.port}/page-1.json`]);
  cli(['sources', 'add', '--db', h, `http://127.0.0.1:${cProxy.port}/vds.json`]);

  const wire = () => aProxy.bytes + bProxy.bytes + cProxy.bytes;
  const requests = () => aProxy.requests + bProxy.requests + cProxy.requests;
  const first = await timed(h);
  const firstWire = wire();
  const firstRequests = requests();
  const counts = JSON.parse(JSON.stringify(first.out.match(/(\d+) added/g)));

  // 1% changes: 40 listings on A, 30 on B (re-exported), 30 roles in C.
  const changedA = aListings.filter((_, i) => i % 100 === 0).map((l, k) => listing(l.id, l.organisation.name, k * 100, true));
  importAll(aDb, changedA, 'a2');
  const changedB = bListings.filter((_, i) => i % 100 === 0).map((l, k) => listing(l.id, l.organisation.name, k * 100, true));
  importAll(bDb, changedB, 'b2');
  for (const [k, v] of exportB()) bFiles.set(k, v);
  cFiles.set('/vds.json', Buffer.from(vdsDoc(3000, 100)));

  const second = await timed(h);
  const secondWire = wire() - firstWire;
  const secondRequests = requests() - firstRequests;
  const third = await timed(h);
  const thirdWire = wire() - firstWire - secondWire;

  const live = JSON.parse(JSON.stringify(cli(['sources', 'list', '--db', h]).match(/(\d+) listing\(s\) from it now/g)));
  const report = {
    machine: `${process.platform} ${process.arch}, node ${process.version}`,
    first: { wall: first.wall, peakRssMb: first.rssMb, wireKb: Math.round(firstWire / 1024), harvesterKb: first.readKb, requests: firstRequests, rowsWritten: first.rows, added: counts },
    onePercentChanged: { wall: second.wall, peakRssMb: second.rssMb, wireKb: Math.round(secondWire / 1024), harvesterKb: second.readKb, requests: secondRequests, rowsWritten: second.rows },
    nothingChanged: { wall: third.wall, wireKb: Math.round(thirdWire / 1024), rowsWritten: third.rows },
    perSource: live,
    harvestOutput: { first: first.out.trim().split('\n'), onePercent: second.out.trim().split('\n') },
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  for (const c of children) c.kill('SIGKILL');
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
}
