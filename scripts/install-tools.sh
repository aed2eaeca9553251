#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Article Explorer on a
# fresh Debian machine. Idempotent: every step checks first and is skipped when
# the right version is already there. Only crates.io, npm and Debian's apt are
# used (Trunk's own downloads are disabled by `offline = true` in Trunk.toml).
#
#   scripts/install-tools.sh          # build tools (serve the app)
#   scripts/install-tools.sh --test   # build tools + Chromium, Firefox ESR, playwright-core, puppeteer-core
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_TEST=0
[[ "${1:-}" == "--test" ]] && WITH_TEST=1

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
LEPTOSFMT_VERSION=0.1.33
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)

export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
SUDO=""
if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null; then SUDO=sudo; fi

apt_missing=()
need_apt() { dpkg -s "$1" >/dev/null 2>&1 || apt_missing+=("$1"); }
need_apt brotli
# Firefox ESR: the one-file build is checked in it too (end2end/tests/onefile.test.mjs).
if [[ $WITH_TEST -eq 1 ]]; then need_apt chromium; need_apt chromium-driver; need_apt firefox-esr; fi
if [[ ${#apt_missing[@]} -gt 0 ]]; then
  say "apt-get install ${apt_missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-opt: binaryen 132 from npm. Never Debian's binaryen (108): it builds a
# wasm that dies at start-up.
if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  say "npm install -g binaryen@$BINARYEN_VERSION (wasm-opt)"
  $SUDO npm install -g --silent "binaryen@$BINARYEN_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 min)"
  # Not --locked: the locked tree wants a webpki-roots release crates.io lacks.
  cargo install --quiet --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION (about 7 min)"
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --quiet --locked --force trunk --version "$TRUNK_VERSION"
fi

if [[ $WITH_TEST -eq 1 ]]; then
  if ! leptosfmt --version 2>/dev/null | grep -qx "leptosfmt $LEPTOSFMT_VERSION"; then
    say "cargo install leptosfmt $LEPTOSFMT_VERSION (formats view! macros; about 3 min)"
    cargo install --quiet --locked --force leptosfmt --version "$LEPTOSFMT_VERSION" \
      || cargo install --quiet --force leptosfmt --version "$LEPTOSFMT_VERSION"
  fi
  if [[ ! -d end2end/node_modules/playwright-core || end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]]; then
    say "npm ci (end2end: playwright-core and puppeteer-core, use Debian's chromium and firefox-esr)"
    (cd end2end && npm ci --silent --no-audit --no-fund)
  fi
fi
say "tools ready"
