// What each crate costs in the app's wasm, by twiggy (https://crates.io/crates/twiggy):
//   cargo install twiggy --locked && scripts/build.sh && node scripts/wasm-cost.mjs
// Reads the wasm as linked (before wasm-bindgen and wasm-opt, so function names are still
// there), sums each function's own bytes by the crate its name starts with, and prints the
// largest. The shipped wasm is about a third of this after wasm-opt -Oz; the shares hold.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const WASM = join(ROOT, 'target/wasm32-unknown-unknown/wasm-release/opendoor.wasm');
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', WASM], { maxBuffer: 1 << 28 }).toString();
const byCrate = new Map();
let code = 0;
for (const line of csv.split('\n').slice(1)) {
  const m = line.match(/^"?(.*?)"?,(\d+),/);
  if (!m) continue;
  const [, name, bytes] = m;
  if (/^(custom section|"function names"|function names|data segment|\.\.\.|Σ)/.test(name) || name.includes('subsection')) continue;
  // "<a::B as c::D>::f" belongs to a's crate; "a::b::f" to a; anything else is "other".
  const crate = (name.replace(/^<+/, '').match(/^([a-z_][a-z0-9_]*)::/) ?? [, 'other (glue, std shims, unnamed)'])[1];
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + Number(bytes));
  code += Number(bytes);
}
const rows = [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 20);
console.log(`| crate | code bytes (before wasm-opt) | share |`);
console.log('| --- | ---: | ---: |');
for (const [c, b] of rows) console.log(`| ${c} | ${(b / 1024).toFixed(0)} KB | ${((100 * b) / code).toFixed(1)}% |`);
console.log(`| **all code** | **${(code / 1024).toFixed(0)} KB** | |`);
