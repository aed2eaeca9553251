#!/usr/bin/env bash
# Builds what the benchmarks need and runs them all, then prints one table.
#
#   scripts/bench.sh              # everything (about 25 min on 2 cores; a first build adds more)
#   scripts/bench.sh build        # only the snapshot + the two release builds
#   scripts/bench.sh criterion    # only `cargo bench -p article-analysis` (search + entities)
#   scripts/bench.sh compromise   # only the compromise (npm) vs our CLI comparison
#   scripts/bench.sh wasm         # only entity extraction compiled to wasm (wasm32-wasip1, in node)
#   scripts/bench.sh browser      # only the Playwright/Chromium measurements
#   scripts/bench.sh report       # only print the combined table from the last results
#
# Nothing is built into the repository: the source (the last commit, or the
# working tree with BENCH_SOURCE=worktree) is snapshotted into $BENCH_REPO, so
# every figure measures the same code even while others edit the tree; cargo
# uses $CARGO_TARGET_DIR, and the two release builds go to $BENCH_DIST (seed
# articles) and $BENCH_DIST_BOOK (seeds + War and Peace as `zz_war-and-peace`,
# opened with ?article=zz_war-and-peace). Results land in end2end/bench/results/.
# See BENCHMARKS.md for the figures, budgets and method.
# Measurement only: nothing here fails on a slow figure.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(dirname "$ROOT")/target-bench}"
BENCH_REPO="${BENCH_REPO:-/tmp/bench-repo}"
# What is measured: the last commit (default; immune to half-saved files) or
# the working tree as it is now (BENCH_SOURCE=worktree).
BENCH_SOURCE="${BENCH_SOURCE:-head}"
export BENCH_DIST="${BENCH_DIST:-/tmp/bench-dist}"
export BENCH_DIST_BOOK="${BENCH_DIST_BOOK:-/tmp/bench-dist-book}"
export BOOK="${BOOK:-$(dirname "$ROOT")/shared/data/texts/war-and-peace.txt}"
RESULTS="$ROOT/end2end/bench/results"
mkdir -p "$RESULTS"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }

snapshot() {
  case "$BENCH_REPO" in /tmp/*) ;; *) echo "BENCH_REPO must be under /tmp" >&2; exit 2 ;; esac
  rm -rf "$BENCH_REPO"
  mkdir -p "$BENCH_REPO"
  if [ "$BENCH_SOURCE" = worktree ]; then
    step "snapshot the working tree into $BENCH_REPO"
    tar -C "$ROOT" --exclude=./target --exclude=./dist --exclude=./.git \
      --exclude=./end2end/node_modules --exclude=./analysis/target --exclude=./fuzz/target \
      -cf - . | tar -C "$BENCH_REPO" -xf -
  else
    step "snapshot the last commit (git archive HEAD) into $BENCH_REPO"
    git -C "$ROOT" archive --format=tar HEAD | tar -C "$BENCH_REPO" -xf -
  fi
  {
    echo "source=$BENCH_SOURCE"
    echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "dirty_files_in_worktree=$(git -C "$ROOT" status --porcelain 2>/dev/null | wc -l)"
    echo "snapshot_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } > "$RESULTS/source.txt"
  cat "$RESULTS/source.txt" >&2
}

build() {
  [ -d "$BENCH_REPO/seeds" ] || snapshot
  step "release build, seed articles -> $BENCH_DIST"
  rm -f "$BENCH_REPO/seeds/zz_war-and-peace.txt"
  (cd "$BENCH_REPO" && trunk build --release --dist "$BENCH_DIST")
  if [ -f "$BOOK" ]; then
    step "release build, seeds + War and Peace -> $BENCH_DIST_BOOK"
    cp "$BOOK" "$BENCH_REPO/seeds/zz_war-and-peace.txt"
    (cd "$BENCH_REPO" && trunk build --release --dist "$BENCH_DIST_BOOK")
    rm -f "$BENCH_REPO/seeds/zz_war-and-peace.txt"
  else
    echo "$BOOK missing: the book measurements are skipped" >&2
  fi
}

criterion() {
  [ -d "$BENCH_REPO/analysis" ] || snapshot
  step "criterion: cargo bench -p article-analysis (search, entities)"
  # Only this run's estimates are reported: this target dir's criterion/ (no
  # one else's) is cleared first.
  rm -rf "$CARGO_TARGET_DIR/criterion"
  if ! (cd "$BENCH_REPO" && cargo bench -p article-analysis) > "$RESULTS/criterion.log" 2>&1; then
    tail -40 "$RESULTS/criterion.log" >&2
    echo "cargo bench failed (full log: $RESULTS/criterion.log)" >&2
    exit 1
  fi
  grep -E '^[a-z_]+/|time:|thrpt:' "$RESULTS/criterion.log" >&2 || true
  node "$ROOT/end2end/bench/criterion-json.mjs" "$CARGO_TARGET_DIR/criterion" > "$RESULTS/criterion.json"
}

node_deps() {
  if [ ! -d "$ROOT/end2end/node_modules/compromise" ] || [ ! -d "$ROOT/end2end/node_modules/playwright-core" ]; then
    step "npm ci (end2end: playwright-core, compromise)"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund)
  fi
}

compromise() {
  [ -d "$BENCH_REPO/analysis" ] || snapshot
  node_deps
  step "entities CLI release build"
  (cd "$BENCH_REPO" && cargo build --release -p article-analysis --bin entities)
  step "compromise vs entities CLI"
  ENTITIES_BIN="$CARGO_TARGET_DIR/release/entities" node "$ROOT/end2end/bench/compromise-bench.mjs"
}

wasm() {
  [ -d "$BENCH_REPO/analysis" ] || snapshot
  if ! rustup target list --installed | grep -qx wasm32-wasip1; then
    step "rustup target add wasm32-wasip1"
    rustup target add wasm32-wasip1
  fi
  step "analyse_file example -> wasm32-wasip1 (the app's release profile)"
  (cd "$BENCH_REPO" && cargo build --release -p article-analysis --example analyse_file --target wasm32-wasip1)
  local wasm="$CARGO_TARGET_DIR/wasm32-wasip1/release/examples/analyse_file.wasm"
  : > "$RESULTS/wasm-analyse.txt"
  for f in "$BENCH_REPO"/seeds/000_*.txt "$BOOK"; do
    [ -f "$f" ] || continue
    step "wasm (node $(node --version)): $(basename "$f")"
    # node 20 may crash on exit after a large run (the timings are printed
    # by then): reported, not fatal.
    { echo "## $(basename "$f")"; node --no-warnings "$ROOT/end2end/bench/wasi-analyse.mjs" "$wasm" "$f" \
        || echo "(node exited with status $?)"; } \
      | tee -a "$RESULTS/wasm-analyse.txt" >&2
  done
}

browser() {
  node_deps
  [ -f "$BENCH_DIST/index.html" ] || build
  step "browser: Chromium against $BENCH_DIST and $BENCH_DIST_BOOK"
  node "$ROOT/end2end/bench/browser-bench.mjs"
}

report() {
  node "$ROOT/end2end/bench/report.mjs"
}

what="${1:-all}"
case "$what" in
  all)
    snapshot
    build
    criterion
    compromise
    wasm
    browser
    step "summary"
    report
    ;;
  snapshot|build|criterion|compromise|wasm|browser|report) "$what" ;;
  *) echo "usage: scripts/bench.sh [all|snapshot|build|criterion|compromise|wasm|browser|report]" >&2; exit 2 ;;
esac
