#!/usr/bin/env bash
# Installs whatever is missing and runs every test:
#   formatting and lints, native unit/property/doc tests of the workspace,
#   a short fuzz run, the release build (and one with the hostile corpus as
#   embedded articles), and the end-to-end tests in headless Chromium
#   (release builds served from a sub-folder).
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

step "no import circle between modules"
scripts/check-import-cycles.py analysis/src src site/src analyzer/src

step "native tests (cargo test --workspace)"
cargo test --workspace --quiet

step "fuzz smoke run (cargo-fuzz, every target briefly; see RELIABILITY.md)"
scripts/fuzz-smoke.sh

step "release build (trunk build --release)"
trunk build --release

step "release build with the hostile corpus as seeds (dist-hostile/, only the app crate recompiles)"
scripts/build-hostile-seeds.sh

step "a small published archive (dist-archive/: scripts/publish.sh on 300 generated articles, for end2end/tests/archive.test.mjs)"
scripts/build-archive-fixture.sh

step "end-to-end tests (headless Chromium, dist/, dist-hostile/ and dist-archive/ served from a sub-folder)"
(cd end2end && npm test)
