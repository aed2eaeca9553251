#!/usr/bin/env bash
# Scores the whole entity pipeline (tagger + rules + gazetteers + document
# passes) on held-out training documents: trains a model with one document
# in ten of every corpus but the tweets held out (and more news, below),
# runs the CLI with that model and prints the scorer's per-label figures
# for two proxies of unseen text, for choosing rules without looking at dev:
#   wiki: the held-out re3d, CrossNER and UNER documents annotating all four
#         labels (mostly CrossNER: Wikipedia-style paragraphs);
#   news: press releases and news: re3d's non-Wikipedia documents (one in
#         two held out), GUM's news and interviews (all held out) and one
#         UNER-PUD sentence group in ten; MISC left out of the scoring (GUM
#         and PUD do not annotate nationalities); then its typed F1 by source.
# A few minutes on a loaded machine.
#
# usage: scripts/eval-heldout.sh [--json]
# env:   NER_DATA (default ../shared/data beside the checkout), NER_EVAL (default ../shared/eval),
#        CARGO_TARGET_DIR (passed to cargo), KEEP_PRED=path to keep predictions,
#        KEEP_TMP=1 to keep the model and gold files (path printed),
#        REUSE=dir of a kept run to score again without training (e.g. with
#        other ENTITIES_ARGS), ENTITIES_ARGS (e.g. "--skip sports", the
#        ablation table), TRAIN_ARGS (e.g. "--prune 2.0").
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NER_DATA:-$(cd .. && pwd)/shared/data}
EVAL=${NER_EVAL:-$(cd .. && pwd)/shared/eval}
if [ -n "${REUSE:-}" ]; then
    TMP=$REUSE
    cargo build --quiet --release -p article-analysis --bin entities
    BIN=${CARGO_TARGET_DIR:-target}/release
else
    TMP=$(mktemp -d -t ner-heldout.XXXXXX)
    [ -n "${KEEP_TMP:-}" ] || trap 'rm -rf "$TMP"' EXIT
    cargo build --quiet --release -p article-analysis --bin train --bin entities
    BIN=${CARGO_TARGET_DIR:-target}/release
    # shellcheck disable=SC2086 # TRAIN_ARGS are words
    "$BIN/train" --data "$DATA/ner-train" ${TRAIN_ARGS:-} --holdout --out "$TMP/model.bin" \
        --holdout-out "$TMP/gold.jsonl" --holdout-news "$TMP/news.jsonl" 2>"$TMP/train.log" || {
        cat "$TMP/train.log" >&2
        exit 1
    }
    grep -E "^wrote .* held-out" "$TMP/train.log" >&2
fi
PRED=${KEEP_PRED:-$TMP/pred.jsonl.$$}
# A document may be in both sets: run each once.
cat "$TMP/gold.jsonl" "$TMP/news.jsonl" | awk '!seen[$0]++' |
    # shellcheck disable=SC2086 # ENTITIES_ARGS are words
    "$BIN/entities" --labels conll --model "$TMP/model.bin" ${ENTITIES_ARGS:-} > "$PRED"
echo "== wiki proxy"
python3 "$EVAL/score.py" "$TMP/gold.jsonl" "$PRED" "$@"
# The news proxy without MISC, in gold and predictions.
no_misc() {
    python3 -c '
import json, sys
for line in sys.stdin:
    if line.strip():
        r = json.loads(line)
        r["entities"] = [e for e in r.get("entities", []) if e["label"] != "MISC"]
        print(json.dumps(r))' < "$1" > "$2"
}
no_misc "$TMP/news.jsonl" "$TMP/news-gold.jsonl"
no_misc "$PRED" "$TMP/news-pred.jsonl.$$"
echo "== news proxy (PER, ORG, LOC)"
python3 "$EVAL/score.py" "$TMP/news-gold.jsonl" "$TMP/news-pred.jsonl.$$" "$@"
# Typed micro F1 of the news proxy by source (re3d's press releases are
# the cleanest part; GUM annotates in its own way).
python3 -c '
import json, sys
def load(p):
    return {r["id"]: r for r in map(json.loads, filter(str.strip, open(p)))}
gold, pred = load(sys.argv[1]), load(sys.argv[2])
out = []
for src in ["re3d", "gum-GUM_news", "gum-GUM_interview", "uner-en-pud"]:
    tp = npred = ngold = 0
    for i, g in gold.items():
        if i.startswith(src):
            G = {(e["start"], e["end"], e["label"]) for e in g["entities"]}
            P = {(e["start"], e["end"], e["label"]) for e in pred.get(i, {}).get("entities", [])}
            tp, npred, ngold = tp + len(G & P), npred + len(P), ngold + len(G)
    f = 200 * tp / (npred + ngold) if npred + ngold else 0
    out.append("%s %.2f (%d)" % (src, f, ngold))
print("news by source: " + " / ".join(out))' "$TMP/news-gold.jsonl" "$TMP/news-pred.jsonl.$$" >&2
rm -f "$TMP/news-pred.jsonl.$$"
[ -n "${KEEP_PRED:-}" ] || rm -f "$PRED"
