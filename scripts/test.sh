#!/usr/bin/env bash
# Installs whatever is missing and runs every test:
#   formatting and lints, native unit/property/doc tests of the workspace,
#   a short fuzz run, the release build, and the end-to-end tests in
#   headless Chromium (release build served from a sub-folder).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "install tools"
scripts/install-tools.sh --test
cargo fetch --quiet

step "rustfmt and leptosfmt"
cargo fmt --all -- --check
leptosfmt --check src/ >/dev/null

step "clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "native tests (cargo test --workspace)"
cargo test --workspace --quiet

step "fuzz smoke run (cargo-fuzz, every target briefly; see RELIABILITY.md)"
scripts/fuzz-smoke.sh

step "release build (trunk build --release)"
trunk build --release

step "end-to-end tests (headless Chromium, dist/ served from a sub-folder)"
(cd end2end && npm test)
