#!/usr/bin/env node
// Runs OpenActive's RPDE validator against a live feed (loopback only) and prints a JSON
// summary: {"pages": n, "failures": [...], "warnings": [...], "notices": [...]}.
// Exit code 0 when there is no failure. Used by server/tests/http.rs.
//   node tests/server/rpde-validate.cjs http://127.0.0.1:PORT/feed/opportunities
const { RpdeValidator } = require('@openactive/rpde-validator');

const url = process.argv[2];
if (!url || !/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//.test(url)) {
  console.error('usage: rpde-validate.cjs http://127.0.0.1:PORT/feed/opportunities (loopback only)');
  process.exit(2);
}

RpdeValidator(url, { pageLimit: 50, timeoutMs: 10000, requestDelayMs: 0 })
  .then((log) => {
    const out = { pages: log.pages.length, failures: [], warnings: [], notices: [] };
    for (const page of log.pages) {
      for (const e of page.errors) {
        const entry = { url: page.url, type: e.type, severity: e.severity, message: e.message };
        if (e.severity === 'failure') out.failures.push(entry);
        else if (e.severity === 'warning') out.warnings.push(entry);
        else out.notices.push(entry);
      }
    }
    console.log(JSON.stringify(out, null, 2));
    process.exit(out.failures.length === 0 ? 0 : 1);
  })
  .catch((e) => {
    console.error(e);
    process.exit(3);
  });
