#!/usr/bin/env bash
# The stores side by side, in one run on one machine: feed requests/s and application POSTs/s
# for one server on SQLite, one on PostgreSQL, and two on one PostgreSQL behind HAProxy (the
# "small local load balancer"; round robin, health-checked on /readyz).
# Needs wrk and haproxy (Debian: apt-get install -y wrk haproxy) and PostgreSQL (scripts/setup.sh);
# PostgreSQL runs with fsync on and TLS (sslmode=prefer: encrypted), as in production.
# Usage: server/bench/several.sh [DURATION_SECONDS] [CONNECTIONS]   (defaults 10 and 32)
# Prints a Markdown table; docs/benchmarks.md ("Several servers") records a run.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-10}"
CONNS="${2:-32}"
THREADS=2
for tool in wrk haproxy; do
  command -v "$tool" >/dev/null || { echo "$tool is needed: apt-get install -y wrk haproxy" >&2; exit 1; }
done
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/server-dev}"
cargo build --release -q -p opendoor-server
BIN="$CARGO_TARGET_DIR/release/opendoor-server"
WORK="$(mktemp -d)"
PIDS=()
PG_TEST_DIR=""
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "$PG_TEST_DIR" ] && scripts/postgres.sh stop "$PG_TEST_DIR"
  rm -rf "$WORK"
}
trap cleanup EXIT
eval "$(scripts/postgres.sh start)"
PSQL="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql"
"$PSQL" -q "$OPENDOOR_TEST_POSTGRES/postgres" -c "CREATE DATABASE bench"
PG_DB="$OPENDOOR_TEST_POSTGRES/bench"

python3 server/bench/listings.py "$WORK/bench-page.json"
"$BIN" import --db "$WORK/bench.db" "$WORK/bench-page.json" >/dev/null
"$BIN" import --db "$PG_DB" "$WORK/bench-page.json" >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 100); do curl -sf "$1/readyz" >/dev/null && return 0; sleep 0.1; done; echo "$1 did not start" >&2; exit 1; }
serve() { # db, port
  RUST_LOG=warn "$BIN" serve --listen "127.0.0.1:$2" --db "$1" --app "$WORK/no-app" \
    --public-url https://opendoor.example.org \
    --applications-per-minute 0 --status-per-minute 0 --feed-per-minute 0 --no-harvest 2>>"$WORK/server.log" &
  PIDS+=($!)
  wait_up "http://127.0.0.1:$2"
}

run() { # wrk's arguments after its common ones: options, the URL, then any -- script arguments
  local out; out="$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency "$@")"
  local rps p99 non2xx
  rps="$(awk '/^Requests\/sec/{printf "%d", $2}' <<<"$out")"
  p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx or 3xx/{print $NF}' <<<"$out")"
  printf ' %s (p99 %s%s) |' "$rps" "$p99" "$([ -n "$non2xx" ] && echo ", $non2xx errors")"
}

measure() { # name, base url
  local base="$1" url="$2/feed/opportunities"
  local etag; etag="$(curl -sI "$url" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')"
  printf '| %s |' "$base"
  run -H "Accept-Encoding: gzip" "$url"
  run -H "If-None-Match: $etag" "$url"
  run -s server/bench/post-application.lua "$2" -- "run$RANDOM$$"
  echo
}

P1=$(free_port); serve "$WORK/bench.db" "$P1"
P2=$(free_port); serve "$PG_DB" "$P2"
P3=$(free_port); serve "$PG_DB" "$P3"
LB=$(free_port)
cat >"$WORK/haproxy.cfg" <<CFG
global
  maxconn 4096
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
  option http-keep-alive
frontend opendoor
  bind 127.0.0.1:$LB
  default_backend servers
backend servers
  balance roundrobin
  option httpchk GET /readyz
  server one 127.0.0.1:$P2 check inter 1s
  server two 127.0.0.1:$P3 check inter 1s
CFG
haproxy -q -f "$WORK/haproxy.cfg" &
PIDS+=($!)
wait_up "http://127.0.0.1:$LB"

echo "wrk -t$THREADS -c$CONNS -d${DURATION}s --latency; release build; loopback; $(nproc) cores shared by wrk, the servers, PostgreSQL $("$PSQL" --version | awk '{print $3}') (fsync on, TLS) and HAProxy $(haproxy -v | awk 'NR==1{print $3}')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| setup | feed page, gzip (req/s) | feed 304 (req/s) | application POST (201/s) |"
echo "| --- | ---: | ---: | ---: |"
measure "one server, SQLite" "http://127.0.0.1:$P1"
measure "one server, PostgreSQL" "http://127.0.0.1:$P2"
measure "two servers, one PostgreSQL, HAProxy" "http://127.0.0.1:$LB"
echo
sqlite_count=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from applications").fetchone()[0])' "$WORK/bench.db")
echo "applications stored: SQLite $sqlite_count, PostgreSQL $("$PSQL" -At "$PG_DB" -c 'select count(*) from applications') (both servers)"
