// Shared set-up for the end-to-end tests: a fresh copy of the built app and its feed, served by
// a real HTTP server that a test can stop (truly offline), and Debian's Chromium driven by
// playwright-core with a fresh profile.
import { spawn, execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
// OPENDOOR_DIST lets a second build (e.g. another worktree's) be tested without touching dist/.
export const DIST = resolve(process.env.OPENDOOR_DIST ?? join(ROOT, 'dist'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Flags as the machine notes say: without the background-networking ones Chromium keeps trying
// to reach the internet, which this machine refuses.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A fresh site: a temp copy of dist/ (app + sample feed) on a real server. */
export async function site(t, { port = 0 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'opendoor-e2e-'));
  cpSync(DIST, dir, { recursive: true });
  let server = await startStaticServer({ dist: dir, port });
  const s = {
    dir,
    feedDir: join(dir, 'feed'),
    get url() { return `http://127.0.0.1:${s.port}`; },
    requests: server.requests,
    async stop() { if (server) { await server.close(); server = null; } },
    async start() {
      if (!server) {
        server = await startStaticServer({ dist: dir, port: s.port });
        s.requests = server.requests;
      }
    },
    port: server.port,
  };
  t.after(async () => {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return s;
}

/** A browser with its own empty profile (so IndexedDB and the service worker start clean), or
 *  reopening `profile` (as a person closing and reopening the browser would). */
export async function browser(t, { width = 1024, height = 800, profile, locale } = {}) {
  const own = !profile;
  profile ??= mkdtempSync(join(tmpdir(), 'opendoor-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport: { width, height },
    ...(locale ? { locale } : {}),
  });
  const errors = [];
  context.on('page', (p) => watch(p, errors));
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page, errors);
  let open = true;
  const close = async () => { if (open) { open = false; await context.close(); } };
  t.after(async () => {
    await close();
    if (own) rmSync(profile, { recursive: true, force: true });
  });
  return { context, page, errors, profile, close };
}

function watch(page, errors) {
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
}

/** Waits until the service worker controls the page and has finished precaching. */
export async function swReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

export const statusText = (page) => page.locator('.status-text').filter({ visible: true }).innerText();

/** Waits for the status line on screen to match `re` (it is a polite live region). Only the
 *  visible one: on a first visit the app's own is hidden until it takes over from the server's
 *  first paint (src/first_paint.rs). */
export async function waitForStatus(page, re, timeout = 15000) {
  await page.locator('.status-text').filter({ hasText: re, visible: true }).waitFor({ timeout });
}

/** The feed pages as published, in order, following `next` from page-1. */
export function feedPages(feedDir) {
  const pages = [];
  let name = 'page-1.json';
  const seen = new Set();
  while (!seen.has(name)) {
    seen.add(name);
    const page = JSON.parse(readFileSync(join(feedDir, name), 'utf8'));
    pages.push({ name, page });
    name = page.next.split('/').pop();
  }
  return pages;
}

/** The oracle for the list: listings live after the whole feed, open on `today` (YYYY-MM-DD). */
export function openListings(feedDir, today = localToday()) {
  const live = new Map();
  for (const { page } of feedPages(feedDir)) {
    for (const item of page.items) {
      if (item.state === 'deleted') live.delete(String(item.id));
      else live.set(String(item.id), item.data);
    }
  }
  return [...live.values()].filter((l) => l.status === 'open' && !(l.closingDate && l.closingDate < today));
}

export function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function lastPageName(feedDir) {
  return feedPages(feedDir).at(-1).name;
}

export function feedFiles(feedDir) {
  return readdirSync(feedDir).filter((n) => n.endsWith('.json')).sort();
}

const SERVER_BIN = process.env.OPENDOOR_SERVER_BIN ?? join(ROOT, 'target', 'debug', 'opendoor-server');

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Runs the reference server's command line; returns its standard output. */
export function serverCli(args) {
  return execFileSync(SERVER_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
}

/** As serverCli, without blocking this process (for commands that talk to a listener in it). */
export function serverCliAsync(args) {
  return new Promise((ok, fail) => {
    execFile(SERVER_BIN, args, (err, stdout, stderr) => (err ? fail(new Error(`${err.message}\n${stderr}`)) : ok(stdout.toString().trim())));
  });
}

/** The real reference server on a fresh SQLite file with the sample listings, on a free port.
 *  `args`: more `serve` flags (e.g. --smtp-url). */
export async function opendoorServer(t, { args = [] } = {}) {
  assert.ok(existsSync(SERVER_BIN), `${SERVER_BIN} is built (cargo build -p opendoor-server)`);
  const dir = mkdtempSync(join(tmpdir(), 'opendoor-server-e2e-'));
  const db = join(dir, 'opendoor.db');
  const feed = join(ROOT, 'public', 'feed');
  const pages = readdirSync(feed).filter((n) => /^page-\d+\.json$/.test(n));
  serverCli(['import', '--db', db, ...pages.map((p) => join(feed, p))]);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child = null;
  const s = {
    url,
    db,
    dir,
    async start() {
      if (child) return;
      child = spawn(SERVER_BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--db', db, '--app', DIST, ...args], { stdio: 'ignore' });
      for (let i = 0; i < 200; i++) {
        try { if ((await fetch(url + '/healthz')).ok) return; } catch { /* not yet */ }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('server did not become healthy');
    },
    /** Stops it: SIGTERM lets in-flight requests finish; SIGKILL does not. */
    async stop(signal = 'SIGTERM') {
      if (!child) return;
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill(signal);
      await exited;
      child = null;
    },
  };
  await s.start();
  t.after(async () => { await s.stop('SIGKILL'); rmSync(dir, { recursive: true, force: true }); });
  return s;
}
