// Trunk post_build hook: writes the service worker's precache list and cache version from the
// files of THIS build (their real hashed names), in Trunk's staging directory.
//
// The version is a hash of the final contents of every precached file, because Trunk's own
// file hash does not change when only wasm-opt settings do.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run me from trunk build)');
  process.exit(1);
}

// The feed is data, synced into IndexedDB; the worker itself must never be in its own cache.
// Language catalogues are fetched only once chosen and kept by the app (src/i18n.rs): precaching
// them would download every language on install.
const skip = (rel) => rel.startsWith('feed/') || rel.startsWith('locales/') || rel === 'sw.js';

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join('/'))
  .filter((rel) => !skip(rel))
  .sort();

// Trunk preloads the app's script and wasm from index.html. On a first visit that download would
// share a slow connection with the listings the server put in the page: boot.js starts it once
// the page has painted instead.
const indexPath = join(dir, 'index.html');
const index = readFileSync(indexPath, 'utf8');
const stripped = index.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
if (!stripped.includes('<!--first-paint-->') || !stripped.includes('<!--/first-paint-->')) {
  console.error('post-build: index.html lost its <!--first-paint--> markers');
  process.exit(1);
}
writeFileSync(indexPath, stripped);
// The shell: index.html as built, kept apart because `export-static --app` writes a first paint
// into index.html. The service worker answers every navigation with this one.
writeFileSync(join(dir, 'shell.html'), stripped);

const hash = createHash('sha256');
for (const rel of files) {
  hash.update(rel);
  hash.update(readFileSync(join(dir, rel)));
}
const version = hash.digest('hex').slice(0, 16);
const urls = files.map((rel) => '/' + rel);

const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8');
if (!sw.includes('__OPENDOOR_PRECACHE__')) {
  console.error('post-build: sw.js has no __OPENDOOR_PRECACHE__ placeholder');
  process.exit(1);
}
writeFileSync(swPath, sw
  .replace('__OPENDOOR_VERSION__', version)
  .replace('__OPENDOOR_PRECACHE__', JSON.stringify(urls, null, 2)));
console.log(`post-build: service worker ${version} precaches ${urls.length} files`);
