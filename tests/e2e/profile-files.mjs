// Reading a Chromium profile directory as someone who copied it would: every file, and the
// LevelDB files (IndexedDB, Local/Session Storage, the service worker's database) also as the
// records they hold, since a table (.ldb) keeps its blocks Snappy-compressed and a log (.log,
// MANIFEST) splits records at 32 KiB block boundaries, either of which could hide a value from
// a plain byte search.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/** Every regular file under `dir`, recursively (symlinks are not followed). */
export function filesUnder(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function varint(buf, p) {
  let v = 0;
  let shift = 0;
  for (;;) {
    if (p >= buf.length) throw new Error('varint runs past the end');
    const b = buf[p++];
    v += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [v, p];
    shift += 7;
  }
}

/** Snappy's raw block format (what LevelDB compresses table blocks with). */
export function unsnappy(buf) {
  let [len, p] = varint(buf, 0);
  const out = Buffer.alloc(len);
  let o = 0;
  while (p < buf.length) {
    const tag = buf[p++];
    const kind = tag & 3;
    if (kind === 0) {
      let l = tag >> 2;
      if (l >= 60) {
        const n = l - 59;
        l = 0;
        for (let i = 0; i < n; i++) l += buf[p++] * 2 ** (8 * i);
      }
      l += 1;
      buf.copy(out, o, p, p + l);
      o += l;
      p += l;
    } else {
      let l;
      let off;
      if (kind === 1) { l = ((tag >> 2) & 7) + 4; off = ((tag >> 5) << 8) | buf[p++]; }
      else if (kind === 2) { l = (tag >> 2) + 1; off = buf.readUInt16LE(p); p += 2; }
      else { l = (tag >> 2) + 1; off = buf.readUInt32LE(p); p += 4; }
      if (off === 0 || off > o) throw new Error('bad snappy copy');
      for (let i = 0; i < l; i++, o++) out[o] = out[o - off];
    }
  }
  if (o !== len) throw new Error('snappy length mismatch');
  return out;
}

function tableBlock(file, offset, size) {
  const data = file.subarray(offset, offset + size);
  const type = file[offset + size];
  if (type === 0) return data;
  if (type === 1) return unsnappy(data);
  throw new Error(`block compression type ${type} is not known to this test`);
}

/** The entries of one LevelDB block: keys (prefix-expanded) and values. */
function blockEntries(block) {
  const restarts = block.readUInt32LE(block.length - 4);
  const end = block.length - 4 - 4 * restarts;
  const entries = [];
  let p = 0;
  let key = Buffer.alloc(0);
  while (p < end) {
    let shared; let nonShared; let valueLen;
    [shared, p] = varint(block, p);
    [nonShared, p] = varint(block, p);
    [valueLen, p] = varint(block, p);
    key = Buffer.concat([key.subarray(0, shared), block.subarray(p, p + nonShared)]);
    p += nonShared;
    entries.push([key, block.subarray(p, p + valueLen)]);
    p += valueLen;
  }
  return entries;
}

/** A LevelDB table (.ldb/.sst) as the keys and values it holds, decompressed. */
export function leveldbTable(file) {
  const footer = file.subarray(file.length - 48);
  let p = 0;
  let metaOff; let metaSize; let indexOff; let indexSize;
  [metaOff, p] = varint(footer, p);
  [metaSize, p] = varint(footer, p);
  [indexOff, p] = varint(footer, p);
  [indexSize, p] = varint(footer, p);
  void metaOff; void metaSize;
  const parts = [];
  for (const [, handle] of blockEntries(tableBlock(file, indexOff, indexSize))) {
    let off; let size; let q = 0;
    [off, q] = varint(handle, q);
    [size, q] = varint(handle, q);
    for (const [k, v] of blockEntries(tableBlock(file, off, size))) parts.push(k, v);
  }
  return Buffer.concat(parts);
}

/** A LevelDB log (.log, MANIFEST-*) with its records' fragments joined back together. */
export function leveldbLog(file) {
  const parts = [];
  for (let block = 0; block < file.length; block += 32768) {
    let p = block;
    const end = Math.min(block + 32768, file.length);
    while (p + 7 <= end) {
      const len = file.readUInt16LE(p + 4);
      const type = file[p + 6];
      if (type === 0 && len === 0) break; // zero padding
      parts.push(file.subarray(p + 7, p + 7 + len));
      p += 7 + len;
    }
  }
  return Buffer.concat(parts);
}

/** How a file's bytes are read: always raw; LevelDB files also as their records. */
export function views(path) {
  const raw = readFileSync(path);
  const out = [{ how: 'raw', bytes: raw }];
  const name = basename(path);
  const inLeveldb = /\.(ldb|sst)$/.test(name) || /\.log$/.test(name) || /^MANIFEST-/.test(name);
  if (inLeveldb && raw.length > 0) {
    try {
      out.push({ how: 'leveldb', bytes: /\.(ldb|sst)$/.test(name) ? leveldbTable(raw) : leveldbLog(raw) });
    } catch (e) {
      // Not every *.log in a profile is LevelDB's; a table that cannot be read is a failure.
      if (/\.(ldb|sst)$/.test(name)) throw new Error(`${path}: ${e.message}`);
    }
  }
  return out;
}

/** Where each of `values` occurs in the files under `dir` (UTF-8 and UTF-16LE, any case). */
export function findInProfile(dir, values) {
  const needles = values.flatMap((v) => {
    const low = v.toLowerCase();
    return [
      { value: v, enc: 'UTF-8', bytes: Buffer.from(low, 'utf8') },
      { value: v, enc: 'UTF-16LE', bytes: Buffer.from(low, 'utf16le') },
    ];
  });
  const found = [];
  let files = 0;
  let bytes = 0;
  for (const path of filesUnder(dir)) {
    files++;
    bytes += statSync(path).size;
    for (const { how, bytes: b } of views(path)) {
      // Lower-case A-Z (and Latin-1 capitals) byte by byte: the needles are lower-cased too.
      const hay = Buffer.from(b.toString('latin1').toLowerCase(), 'latin1');
      for (const n of needles) {
        if (hay.indexOf(n.bytes) !== -1) found.push(`${JSON.stringify(n.value)} (${n.enc}) in ${relative(dir, path)} [${how}]`);
      }
    }
  }
  return { found, files, bytes };
}
