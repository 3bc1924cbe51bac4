#!/usr/bin/env bash
# Quick start, command 1: builds the app and serves it with the sample listings on
# http://127.0.0.1:8080 through the reference server (one binary, one SQLite file).
#
# First run on a fresh machine: about 20 minutes (tools ~13 min, app ~2 min, server ~4 min).
# Later runs: under a minute. Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n==> %s\n' "$*" >&2; }

scripts/setup.sh
say "Building the app into dist/ (about 2 minutes the first time)"
scripts/build.sh
say "Building the server (about 4 minutes the first time)"
cargo build --release -p opendoor-server
server=target/release/opendoor-server
db=${OPENDOOR_DB:-./data/opendoor.db}
say "Loading the sample listings into $db (re-running changes nothing)"
"$server" import --db "$db" public/feed/page-*.json
listen=${OPENDOOR_LISTEN:-127.0.0.1:8080}
# A sample organiser for one sample organisation, so the organisers' pages can be tried at once.
# Without --smtp-url the link is printed here instead of emailed (docs/organisers.md).
say "A sign-in link for a sample organiser (Southmere Integrated Care Board); it works once, for 15 minutes"
link=$("$server" organiser invite --db "$db" --org southmere-integrated-care-board \
  --public-url "http://$listen" organiser@southmere.example 2>/dev/null)
echo "    Organisers: open $link" >&2
echo "    Another link later: $server organiser link --db $db --public-url http://$listen organiser@southmere.example" >&2
say "Open Door is on http://$listen (Ctrl+C to stop)"
exec "$server" serve --listen "$listen" --db "$db" --app dist
