#!/usr/bin/env bash
# Load test of the reference server on loopback, with wrk (Debian package "wrk").
# Measures requests/s and p99 latency for: a full feed page (200), the same page revalidated
# (304 via If-None-Match), and application POSTs (each with its own Idempotency-Key).
# Usage: server/bench/load.sh [DURATION_SECONDS] [CONNECTIONS]   (defaults 10 and 32)
# Prints a Markdown table; docs/benchmarks.md records a run.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-10}"
CONNS="${2:-32}"
THREADS=2
PORT="${OPENDOOR_BENCH_PORT:-18099}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/server-dev}"
cargo build --release -q -p opendoor-server
BIN="$CARGO_TARGET_DIR/release/opendoor-server"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# Data: the sample feed, plus 400 generated listings so the first page is a full 100 items,
# plus one open in-app listing for the POSTs.
python3 server/bench/listings.py "$WORK/bench-page.json"
FILES=("$WORK/bench-page.json")
for f in public/feed/page-*.json; do [ -e "$f" ] && FILES+=("$f"); done
"$BIN" import --db "$WORK/bench.db" "${FILES[@]}" >/dev/null
# Rate limits off: wrk sends everything from one address, and the figures are the server's, not the limiter's.
RUST_LOG=warn "$BIN" serve --listen "127.0.0.1:$PORT" --db "$WORK/bench.db" --app "$WORK/no-app" --applications-per-minute 0 --status-per-minute 0 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT/feed/opportunities"
ETAG="$(curl -sI "$URL" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')"
BYTES="$(curl -s "$URL" | wc -c)"

run() { # name, wrk args...
  local name="$1"; shift
  local out; out="$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency "$@")"
  local rps p99 non2xx
  rps="$(awk '/^Requests\/sec/{print $2}' <<<"$out")"
  p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx or 3xx/{print $NF}' <<<"$out")"
  printf '| %s | %s | %s | %s |\n' "$name" "$rps" "$p99" "${non2xx:-0}"
}

echo "wrk -t$THREADS -c$CONNS -d${DURATION}s --latency, release build, loopback, $(nproc) cores shared by wrk and the server"
echo "first feed page: $BYTES bytes, 100 items; load average before: $(cut -d" " -f1-3 /proc/loadavg)"
echo
echo "| request | requests/s | p99 latency | non-2xx/3xx |"
echo "| --- | ---: | ---: | ---: |"
run "GET /feed/opportunities (200, full page)" "$URL"
run "GET /feed/opportunities (200, gzip)" -H "Accept-Encoding: gzip" "$URL"
run "GET /feed/opportunities (200, br)" -H "Accept-Encoding: br" "$URL"
run "GET /feed/opportunities (304, If-None-Match)" -H "If-None-Match: $ETAG" "$URL"
run "POST /api/v1/applications (201, new key each)" -s server/bench/post-application.lua "http://127.0.0.1:$PORT" -- "run$RANDOM$$"
APPS="$(sqlite3 "$WORK/bench.db" 'select count(*) from applications' 2>/dev/null || echo '?')"
echo
echo "applications stored: $APPS"
