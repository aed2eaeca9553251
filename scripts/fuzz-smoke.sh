#!/usr/bin/env bash
# A short fuzz run for CI: builds the cargo-fuzz targets in fuzz/ and runs
# each one for FUZZ_SECONDS (default 20) from its seed corpus with small
# inputs (at most 256 bytes), then for FUZZ_LARGE_SECONDS (default 12) with
# large inputs (up to 1 MB: -max_len=1048576, starting from the adversarial
# seeds that scripts/fuzz-large-seeds.py writes), where an input that takes
# more than FUZZ_LARGE_TIMEOUT seconds (default 15) is a crash: a slow,
# super-linear stage. Fails if any target finds a crash (panic, broken
# invariant, timeout); the input is left in fuzz/artifacts/<target>/. See
# RELIABILITY.md for the long runs.
#
#   scripts/fuzz-smoke.sh                 # every target, 20 s + 12 s each
#   FUZZ_SECONDS=60 scripts/fuzz-smoke.sh search view
#   FUZZ_LARGE_SECONDS=0 scripts/fuzz-smoke.sh   # small inputs only
#
# Works with the stable toolchain: cargo-fuzz needs nightly flags
# (-Zsanitizer, sanitizer-coverage), which RUSTC_BOOTSTRAP=1 unlocks.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET="${FUZZ_SECONDS:-20}"
LARGE_SECONDS="${FUZZ_LARGE_SECONDS:-12}"
LARGE_TIMEOUT="${FUZZ_LARGE_TIMEOUT:-15}"
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

# The large seeds (generated, not committed: about 30 MB).
large="$(mktemp -d)"
trap 'rm -rf "$large"' EXIT
if [ "$LARGE_SECONDS" -gt 0 ]; then
  python3 ../scripts/fuzz-large-seeds.py "$large"
fi

# run TARGET LABEL SECONDS LIBFUZZER-OPTIONS... CORPUS-DIRS... (after --)
failed=()
run() {
  local t="$1" label="$2" secs="$3"
  shift 3
  local opts=() dirs=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do opts+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  dirs=("$@")
  # New inputs go to a scratch directory; the committed seeds stay as they are.
  local scratch
  scratch="$(mktemp -d)"
  echo "fuzz-smoke: $t, $label, for ${secs}s"
  if cargo fuzz run "${BUILD_FLAGS[@]}" "$t" "$scratch" "${dirs[@]}" -- \
      -max_total_time="$secs" -dict=text.dict -print_final_stats=1 "${opts[@]}" \
      2>"$scratch.log"; then
    grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec)' "$scratch.log" | sed "s/^/  /"
  else
    failed+=("$t ($label)")
    tail -n 40 "$scratch.log" | cut -c1-400
  fi
  rm -rf "$scratch" "$scratch.log"
}

for t in "${TARGETS[@]}"; do
  run "$t" "small inputs" "$SECONDS_PER_TARGET" -max_len=256 -timeout=10 -- "corpus/$t"
  if [ "$LARGE_SECONDS" -gt 0 ]; then
    run "$t" "inputs up to 1 MB" "$LARGE_SECONDS" -max_len=1048576 -len_control=0 \
      -timeout="$LARGE_TIMEOUT" -rss_limit_mb=4096 -- "$large/$t" "corpus/$t"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz-smoke: crashes in: ${failed[*]} (inputs in fuzz/artifacts/)"
  echo "fuzz-smoke: ${#failed[@]} run(s) failed"
  exit 1
fi
echo "fuzz-smoke: ${#TARGETS[@]} targets passed"
