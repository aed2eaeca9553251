#!/usr/bin/env bash
# Runs the entity extractor on the NER dev set (WikiGold) and prints the
# scorer's per-label precision/recall/F1.
#
# usage: scripts/eval-ner.sh [GOLD.jsonl] [--json]
# env:   NER_DATA (default ../shared/data beside the checkout), NER_EVAL (default ../shared/eval),
#        CARGO_TARGET_DIR (passed to cargo), KEEP_PRED=path to keep predictions,
#        ENTITIES_ARGS (e.g. "--skip sports", for the ablation table).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NER_DATA:-$(cd .. && pwd)/shared/data}
EVAL=${NER_EVAL:-$(cd .. && pwd)/shared/eval}
GOLD=${1:-$DATA/ner-dev.jsonl}
shift || true
PRED=${KEEP_PRED:-$(mktemp -t ner-pred.XXXXXX.jsonl)}
cargo build --quiet --release -p article-analysis --bin entities
BIN=${CARGO_TARGET_DIR:-target}/release/entities
start=$(date +%s.%N)
# shellcheck disable=SC2086 # ENTITIES_ARGS are words
"$BIN" --labels conll ${ENTITIES_ARGS:-} < "$GOLD" > "$PRED"
end=$(date +%s.%N)
python3 "$EVAL/score.py" "$GOLD" "$PRED" "$@"
echo "time: $(echo "$end - $start" | bc 2>/dev/null || echo "?") s for $(wc -c < "$GOLD") bytes of JSONL" >&2
[ -n "${KEEP_PRED:-}" ] || rm -f "$PRED"
