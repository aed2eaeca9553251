#!/usr/bin/env bash
# Scores the whole entity pipeline (tagger + rules + gazetteers + document
# passes) on held-out training documents: trains a model with one document
# in ten of re3d, CrossNER and UNER held out (those annotating all four
# labels are scored), runs the CLI with that model and prints the scorer's
# per-label figures. A second measurement besides the dev set, for choosing
# rules without looking at dev. About a minute.
#
# usage: scripts/eval-heldout.sh [--json]
# env:   NER_DATA (default ../shared/data beside the checkout), NER_EVAL (default ../shared/eval),
#        CARGO_TARGET_DIR (passed to cargo), KEEP_PRED=path to keep predictions,
#        KEEP_TMP=1 to keep the model and gold file (path printed).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NER_DATA:-$(cd .. && pwd)/shared/data}
EVAL=${NER_EVAL:-$(cd .. && pwd)/shared/eval}
TMP=$(mktemp -d -t ner-heldout.XXXXXX)
[ -n "${KEEP_TMP:-}" ] || trap 'rm -rf "$TMP"' EXIT
cargo build --quiet --release -p article-analysis --bin train --bin entities
BIN=${CARGO_TARGET_DIR:-target}/release
"$BIN/train" --data "$DATA/ner-train" --holdout --out "$TMP/model.bin" --holdout-out "$TMP/gold.jsonl" 2>"$TMP/train.log" || {
    cat "$TMP/train.log" >&2
    exit 1
}
grep -E "^wrote .* held-out" "$TMP/train.log" >&2
PRED=${KEEP_PRED:-$TMP/pred.jsonl}
"$BIN/entities" --labels conll --model "$TMP/model.bin" < "$TMP/gold.jsonl" > "$PRED"
python3 "$EVAL/score.py" "$TMP/gold.jsonl" "$PRED" "$@"
