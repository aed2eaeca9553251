#!/usr/bin/env bash
# Publishes a small archive for end2end/tests/archive.test.mjs:
#
#   scripts/build-archive-fixture.sh      # writes dist-archive/ (and dist-archive-input/, dist-archive.state/)
#
# The input: the four seeds first (so the first article, its pre-render and
# boot record equal the normal build's: the first load must not change),
# then 300 articles recombined by `static-index generate` from
# ../shared/data/ner-train beside the checkout (the seeds' own text when
# that is missing), then the hand-written files of end2end/archive/ (a rare
# word, a made-up person in .md, .html and .txt files, an empty file).
# Published with scripts/publish.sh (base URL https://example.org/archive/);
# the app build reuses the main build's compiled crates.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
input="$PWD/dist-archive-input"
rm -rf "$input" dist-archive dist-archive.state
mkdir -p "$input"
cp seeds/*.txt "$input/"
nice cargo build --quiet --release -p article-analysis --bin static-index
corpora=("$(dirname "$PWD")"/shared/data/ner-train/*.jsonl)
[ -e "${corpora[0]}" ] || corpora=(seeds/*.txt)
"${CARGO_TARGET_DIR:-target}/release/static-index" generate "$input" --articles 300 --seed 15 "${corpora[@]}"
for f in end2end/archive/*; do
  [ "$(basename "$f")" = README.md ] || cp "$f" "$input/"
done
scripts/publish.sh --base-url https://example.org/archive/ "$input" dist-archive
