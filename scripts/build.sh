#!/usr/bin/env bash
# Builds the app into dist/ with Trunk (release: small wasm for slow phones).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"   # wasm-opt 132 from npm binaryen
# TRUNK_OFFLINE: Trunk must use the pinned local tools, never download its own.
TRUNK_OFFLINE=true trunk build --release
