#!/usr/bin/env bash
# Builds the app with the hostile corpus (end2end/hostile/) as its embedded
# articles, for end2end/tests/hostile-seeds.test.mjs: the seed-file path
# (build.rs embedding, src/seeds.rs decoding, the pre-render into index.html).
#
#   scripts/build-hostile-seeds.sh     # writes dist-hostile-seeds/ and dist-hostile/
#
# The folder holds every hostile .txt and .md file as it is (including the
# binary files renamed .txt), every hostile .html file as text
# (`x.html` → `x-html.txt`: a .txt seed is never parsed as HTML, its markup
# must show as text; published .html files are covered by the archive
# fixture, scripts/build-archive-fixture.sh), an empty
# file whose *name* is markup, and two generated big files (a 1 MB single
# line, 100,000 paragraphs). The first file in name order is
# markup-in-text.txt (copied as 000_markup-in-text.txt), so the pre-render
# of index.html runs on hostile text.
#
# Uses the same CARGO_TARGET_DIR as the main build: only the app crate is
# compiled again (build.rs reruns because ARTICLE_EXPLORER_SEEDS changed).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seeds="$PWD/dist-hostile-seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
cp end2end/hostile/markup-in-text.txt "$seeds/000_markup-in-text.txt"
for f in end2end/hostile/*; do
  name=$(basename "$f")
  case "$name" in
    README.md | markup-in-text.txt) ;;
    *.txt | *.md) cp "$f" "$seeds/$name" ;;
    *.html) cp "$f" "$seeds/${name%.html}-html.txt" ;;
    *) echo "build-hostile-seeds: not a seed, skipped: $name" >&2 ;;
  esac
done
: > "$seeds/empty-<img src=x onerror=alert(1)>.txt"
python3 - "$seeds" <<'PY'
import os, sys
out = sys.argv[1]
words = ["Kyiv", "river", "bridge", "market", "Anna", "morning", "council", "road"]
parts, n, i = [], 0, 0
while n < 1_000_000:
    w = words[i % len(words)] + (". " if i % 13 == 12 else " ")
    parts.append(w); n += len(w); i += 1
with open(os.path.join(out, "zz-big-one-line.txt"), "w") as f:
    f.write("".join(parts))
with open(os.path.join(out, "zz-big-many-paragraphs.txt"), "w") as f:
    f.write("\n\n".join(f"Line {i}." for i in range(100_000)))
PY
ARTICLE_EXPLORER_SEEDS="$seeds" trunk build --release --dist dist-hostile
