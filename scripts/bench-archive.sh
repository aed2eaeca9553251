#!/usr/bin/env bash
# Publishing and querying archives at scale (BENCHMARKS.md, "Archive"):
# for each size N, recombines the NER training corpora into N article files
# (`static-index generate`: 2-5 KB each), publishes them with `site publish`
# (articles analysed on every core, entities included; pages, sitemap,
# index), re-publishes unchanged, then after adding one article and after
# changing one (each run's closing line gives its phase times), and reports
# times, what was written, the index's sizes and the representative queries
# (`static-index report`: files and bytes fetched, cold and warm latency).
#
#   scripts/bench-archive.sh                  # 1,000 and 10,000 articles
#   scripts/bench-archive.sh 100000           # one size (100k: about an hour here)
#   SIZE_SAMPLE=20 scripts/bench-archive.sh 100000
#
# Output in $OUT (default /tmp/archive-bench): in-N/ (the article files),
# site-N/ (what would be uploaded, without the app: publish.sh adds it),
# site-N.state/, report-N.md. SIZE_SAMPLE=k brotli-compresses one file in k
# for the size totals (per-query sizes are always exact).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="${OUT:-/tmp/archive-bench}"
DATA="${DATA:-$(dirname "$ROOT")/shared/data/ner-train}"
SIZES=("${@:-1000 10000}")
mkdir -p "$OUT"
(cd "$ROOT" && nice cargo build --quiet --release -p article-analysis --bin static-index && nice cargo build --quiet --release -p article-site --bin site)
BIN="$CARGO_TARGET_DIR/release"
for n in ${SIZES[@]}; do
  in="$OUT/in-$n" site="$OUT/site-$n"
  rm -rf "$site" "$site.state"
  [ -d "$in" ] || "$BIN/static-index" generate "$in" --articles "$n" --seed 1 "$DATA"/*.jsonl
  rm -f "$in/zz-added.txt"
  publish() { /usr/bin/time -f "%e s wall, %U s user, %M KB max RSS" nice "$BIN/site" publish --base-url https://example.org/archive/ "$in" "$site" 2>&1 | grep -v "articles analysed: [0-9,]* of"; }
  {
    echo "# archive of $n articles"
    echo
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1); load $(cut -d' ' -f1-3 /proc/loadavg); commit $(git -C "$ROOT" rev-parse --short HEAD)"
    echo
    echo "text: $(du -sb "$in" | cut -f1) bytes in $(ls "$in" | wc -l) files"
    echo
    echo "## publish (first run)"
    publish
    echo
    echo "output: $(du -sb "$site" | cut -f1) bytes in $(find "$site" -type f | wc -l) files (index/: $(du -sb "$site/index" | cut -f1) bytes in $(ls "$site/index" | wc -l) files); state $(du -sb "$site.state" | cut -f1) bytes"
    echo
    echo "## publish again, nothing changed"
    publish
    echo
    echo "## publish after adding one article"
    cp "$in/a000007.txt" "$in/zz-added.txt"
    echo "A new closing paragraph about Mosul and Lakeford." >> "$in/zz-added.txt"
    touch "$OUT/.mark-$n"
    publish
    echo "files written: $(find "$site" -type f -newer "$OUT/.mark-$n" | wc -l) (index/: $(find "$site/index" -type f -newer "$OUT/.mark-$n" | wc -l) of $(ls "$site/index" | wc -l))"
    echo
    echo "## publish after changing one article"
    cp -p "$in/a000003.txt" "$OUT/.saved-$n"
    echo "A correction: the minister spoke in Lakeford, not in Mosul." >> "$in/a000003.txt"
    touch "$OUT/.mark-$n"
    publish
    echo "files written: $(find "$site" -type f -newer "$OUT/.mark-$n" | wc -l) (index/: $(find "$site/index" -type f -newer "$OUT/.mark-$n" | wc -l) of $(ls "$site/index" | wc -l))"
    mv "$OUT/.saved-$n" "$in/a000003.txt"
    rm -f "$in/zz-added.txt"
    echo
    echo "## index and queries"
    "$BIN/static-index" report "$site" --size-sample "${SIZE_SAMPLE:-1}"
  } 2>&1 | tee "$OUT/report-$n.md"
done
