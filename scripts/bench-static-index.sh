#!/usr/bin/env bash
# The static, sharded index at scale (BENCHMARKS.md, "Scale: a static index
# for 100,000 articles"): recombines the NER training corpora into libraries
# of N article-sized texts, builds the index of each (entities included),
# and reports sizes and, for a fixed set of queries, the files and bytes a
# visitor fetches and the query latency.
#
#   scripts/bench-static-index.sh                 # 10,000 articles (about 3 min on 2 cores)
#   scripts/bench-static-index.sh 10000 20000     # several sizes
#   NO_ENTITIES=1 SIZE_SAMPLE=10 scripts/bench-static-index.sh 100000
#
# Articles: every "text" of ../shared/data/ner-train/*.jsonl (beside the checkout) (never the
# dev set) is cut into pieces of at most 1,200 bytes at whitespace; article i
# takes pieces drawn by a seeded generator until it reaches a length drawn
# between 2,000 and 5,000 bytes (`static_index::recombine`). Output goes to
# $OUT (default /tmp/static-index-bench): lib-N.jsonl, idx-N/ (the files a
# CDN would serve) and report-N.md. SIZE_SAMPLE=k compresses only one file
# in k for the totals (brotli at quality 11 is the slow part of a large build).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="${OUT:-/tmp/static-index-bench}"
DATA="${DATA:-$(dirname "$ROOT")/shared/data/ner-train}"
SIZES=("${@:-10000}")
mkdir -p "$OUT"
(cd "$ROOT" && nice cargo build --release -p article-analysis --bin static-index)
BIN="$CARGO_TARGET_DIR/release/static-index"
flags=()
[ -n "${NO_ENTITIES:-}" ] && flags+=(--no-entities)
flags+=(--size-sample "${SIZE_SAMPLE:-1}")
for n in "${SIZES[@]}"; do
  {
    echo "# static index, $n articles"
    echo
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1); commit $(git -C "$ROOT" rev-parse --short HEAD)"
    echo
    "$BIN" generate "$OUT/lib-$n.jsonl" --articles "$n" "$DATA"/*.jsonl 2>&1
    echo
    nice "$BIN" build "$OUT/idx-$n" "$OUT/lib-$n.jsonl" "${flags[@]}"
    echo
    "$BIN" report "$OUT/idx-$n"
  } | tee "$OUT/report-$n.md"
done
