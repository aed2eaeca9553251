#!/usr/bin/env bash
# A short fuzz run for CI: builds the cargo-fuzz targets in fuzz/ and runs
# each one for FUZZ_SECONDS (default 20) from its seed corpus. Fails if any
# target finds a crash (panic, broken invariant, timeout); the input is left
# in fuzz/artifacts/<target>/. See RELIABILITY.md for the long runs.
#
#   scripts/fuzz-smoke.sh                 # every target, 20 s each
#   FUZZ_SECONDS=60 scripts/fuzz-smoke.sh search view
#
# Works with the stable toolchain: cargo-fuzz needs nightly flags
# (-Zsanitizer, sanitizer-coverage), which RUSTC_BOOTSTRAP=1 unlocks.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET="${FUZZ_SECONDS:-20}"
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(segment_document search entities view import)
fi
export RUSTC_BOOTSTRAP=1
# The same build as the long runs: no sanitizer (safe Rust), debug
# assertions and overflow checks on, no compare tracing (3x faster here;
# fuzz/text.dict gives the fuzzer the special tokens instead).
BUILD_FLAGS=(--sanitizer none --debug-assertions --no-trace-compares)

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz-smoke: installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi
# libfuzzer-sys compiles libFuzzer (C++).
if ! command -v c++ >/dev/null 2>&1; then
  echo "fuzz-smoke: installing a C++ compiler"
  apt-get update -qq && apt-get install -y -qq g++
fi

cd fuzz
cargo fuzz build "${BUILD_FLAGS[@]}"

failed=()
for t in "${TARGETS[@]}"; do
  # New inputs go to a scratch directory; the committed seeds stay as they are.
  scratch="$(mktemp -d)"
  echo "fuzz-smoke: $t for ${SECONDS_PER_TARGET}s"
  if cargo fuzz run "${BUILD_FLAGS[@]}" "$t" "$scratch" "corpus/$t" -- \
      -max_total_time="$SECONDS_PER_TARGET" -max_len=256 -timeout=10 \
      -dict=text.dict -print_final_stats=1 2>"$scratch.log"; then
    grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec)' "$scratch.log" | sed "s/^/  /"
  else
    failed+=("$t")
    tail -n 40 "$scratch.log"
  fi
  rm -rf "$scratch" "$scratch.log"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz-smoke: crashes in: ${failed[*]} (inputs in fuzz/artifacts/)"
  echo "fuzz-smoke: $((${#TARGETS[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
  exit 1
fi
echo "fuzz-smoke: ${#TARGETS[@]} passed, 0 failed"
