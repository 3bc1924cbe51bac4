#!/usr/bin/env bash
# Installs what building and testing Open Door needs, and skips what is already there.
# Everything comes from package registries (crates.io, Debian, npm); nothing else is fetched.
#
# First run on a fresh machine: about 25 minutes, almost all of it compiling trunk (~8 min),
# wasm-bindgen-cli (~4 min) and cargo-deny (~8 min) once. Later runs: a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n==> %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

TRUNK_VERSION=0.21.14            # 0.22 needs a newer rustc than this machine has
# wasm-bindgen-cli must be exactly the wasm-bindgen version that Cargo.lock pins.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
# Building these tools fast matters more than their speed: 7.5 min instead of ~20.
FAST_TOOL_BUILD=(env CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1)

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the Rust wasm32 target (seconds)"
  rustup target add wasm32-unknown-unknown
fi

for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "Adding the Rust $component component (seconds)"
    rustup component add "$component"
  fi
done

apt_needed=()
have chromium || apt_needed+=(chromium)
have chromedriver || apt_needed+=(chromium-driver)
have node || apt_needed+=(nodejs)
have npm || apt_needed+=(npm)
have brotli || apt_needed+=(brotli)   # only for measuring transfer sizes
# A real PostgreSQL for the server's tests against its second store (scripts/postgres.sh).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_needed+=(postgresql)
have openssl || apt_needed+=(openssl)   # the test PostgreSQL's TLS certificates
if [ ${#apt_needed[@]} -gt 0 ]; then
  say "Installing ${apt_needed[*]} from Debian (about 1 minute)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_needed[@]}" >/dev/null
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "Building trunk $TRUNK_VERSION from crates.io (about 8 minutes, once per machine)"
  "${FAST_TOOL_BUILD[@]}" cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "Building wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (about 4 minutes, once per machine)"
  # Not --locked: its lock file wants a webpki-roots release this registry mirror lacks.
  "${FAST_TOOL_BUILD[@]}" cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

if ! cargo deny --version >/dev/null 2>&1; then
  say "Building cargo-deny from crates.io (about 8 minutes, once per machine): the dependency policy check"
  "${FAST_TOOL_BUILD[@]}" cargo install --locked cargo-deny@0.20.2
fi

if ! npm ls --depth=0 >/dev/null 2>&1; then
  say "Installing the npm build and test tools from package-lock.json (seconds)"
  npm ci --no-audit --no-fund
fi
