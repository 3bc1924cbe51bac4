#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests and benchmarks, from Debian's packages (scripts/setup.sh
# installs them): initdb into a new temporary folder, started on a free loopback port as an
# unprivileged user (PostgreSQL refuses to run as root), stopped and deleted by `stop`.
#
#   eval "$(scripts/postgres.sh start)"   # exports OPENDOOR_TEST_POSTGRES=postgres://…:PORT, PG_TEST_DIR, PG_TEST_CA
#   scripts/postgres.sh stop "$PG_TEST_DIR"
#
# It fails, saying why, when PostgreSQL cannot start: the tests that need it are never skipped.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres.sh: PostgreSQL's initdb is not installed; run scripts/setup.sh (apt-get install postgresql)" >&2
  exit 1
fi
as_db_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "postgres.sh: running as root and there is no 'postgres' user to run PostgreSQL as; install the postgresql package" >&2
    exit 1
  fi
  dir=$(mktemp -d /tmp/opendoor-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_db_user "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { echo "postgres.sh: initdb failed:" >&2; cat "$dir/initdb.log" >&2; exit 1; }
  # TLS as a managed database has it: a certificate for "localhost" from a CA of our own, so the
  # tests can check each sslmode (the CA's certificate is exported as PG_TEST_CA).
  tls="$dir/tls"
  mkdir -p "$tls"
  ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
  openssl req -x509 "${ec[@]}" -days 3 -subj "/CN=Open Door test CA" -keyout "$tls/ca.key" -out "$tls/ca.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" >/dev/null 2>&1 \
    || { echo "postgres.sh: openssl could not make the test CA (is openssl installed?)" >&2; exit 1; }
  openssl req "${ec[@]}" -subj "/CN=localhost" -keyout "$tls/server.key" -out "$tls/server.csr" >/dev/null 2>&1
  printf 'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n' >"$tls/ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial -days 3 \
    -extfile "$tls/ext" -out "$tls/server.crt" >/dev/null 2>&1 \
    || { echo "postgres.sh: openssl could not sign the test server's certificate" >&2; exit 1; }
  chmod 600 "$tls/server.key"
  [ "$(id -u)" = 0 ] && chown -R postgres "$tls"
  # Loopback only; the socket in the folder, not /var/run. FSYNC stays on unless asked (the
  # benchmarks measure with it on; the tests may turn it off for speed).
  opts="-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=${PG_FSYNC:-on}"
  opts="$opts -c ssl=on -c ssl_cert_file=$tls/server.crt -c ssl_key_file=$tls/server.key"
  as_db_user "$bin/pg_ctl" -D "$dir/data" -o "$opts" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { echo "postgres.sh: PostgreSQL did not start:" >&2; cat "$dir/server.log" >&2; exit 1; }
  echo "export OPENDOOR_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port"
  echo "export PG_TEST_DIR=$dir"
  echo "export PG_TEST_CA=$tls/ca.crt"
  echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir" >&2
  ;;
stop)
  dir=${2:?usage: postgres.sh stop DIR}
  case "$dir" in /tmp/opendoor-pg.*) ;; *) echo "postgres.sh: $dir is not one of ours" >&2; exit 1 ;; esac
  as_db_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: scripts/postgres.sh start | stop DIR" >&2
  exit 2
  ;;
esac
