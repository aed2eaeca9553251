#!/usr/bin/env bash
# Publishes a folder of articles as a static site for any static host:
#
#   scripts/publish.sh --base-url https://example.org/news/ [--state DIR] INPUT_DIR OUT_DIR
#
# INPUT_DIR holds .txt, .md and .html articles (front matter as in README.md;
# HTML reduced to its readable text). OUT_DIR gets the app (index.html opens
# the first article), one static page per article (articles/<id>.html,
# readable without JavaScript, canonical URL under --base-url), sitemap.xml,
# each article's analysis (articles/<id>.<hash>.bin) and the archive's
# sharded search and entity index (index/). Upload OUT_DIR as it is.
#
# Re-running after adding or changing articles analyses only those and
# writes only the files whose content changed; files the last two runs no
# longer need are removed. What a re-run needs is kept in the state folder
# (default: OUT_DIR.state beside OUT_DIR; never upload it). Files that
# cannot be read are reported by name and left out; the run goes on.
#
# Steps: (1) `site publish` (native, every core) writes the articles' files
# and the index into OUT_DIR; (2) `trunk build --release` builds the app
# with INPUT_DIR as its seeds (only the articles the boot data names are
# analysed again: scripts/post-build.py with ARTICLE_EXPLORER_PUBLISH) into
# STATE/app; (3) the app's files are copied into OUT_DIR where they differ,
# index.html and sw.js last.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
usage() {
  echo "usage: scripts/publish.sh --base-url URL [--state DIR] INPUT_DIR OUT_DIR" >&2
  exit 2
}
BASE_URL=""
STATE=""
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base-url) BASE_URL="${2:-}"; shift 2 || usage ;;
    --state) STATE="${2:-}"; shift 2 || usage ;;
    -h | --help) usage ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
[ ${#ARGS[@]} -eq 2 ] && [ -n "$BASE_URL" ] || usage
INPUT="$(cd "${ARGS[0]}" && pwd)"
mkdir -p "${ARGS[1]}"
OUT="$(cd "${ARGS[1]}" && pwd)"
STATE="${STATE:-$OUT.state}"
mkdir -p "$STATE"
STATE="$(cd "$STATE" && pwd)"
started=$(date +%s)

echo "==> articles: $INPUT -> $OUT" >&2
(cd "$ROOT" && nice cargo run --quiet --release -p article-site --bin site -- \
  publish --base-url "$BASE_URL" --state "$STATE" "$INPUT" "$OUT")
articles_done=$(date +%s)

echo "==> app (trunk build --release)" >&2
(cd "$ROOT" && ARTICLE_EXPLORER_SEEDS="$INPUT" ARTICLE_EXPLORER_PUBLISH=1 \
  nice trunk build --release --dist "$STATE/app")
app_done=$(date +%s)

python3 - "$STATE/app" "$OUT" "$STATE" <<'PY'
"""Copies the app's files into the site where they differ, index.html and
sw.js last; removes the top-level app files of the build before the last
one (the last build's stay one more run for pages opened before)."""
import os, sys
app, out, state = sys.argv[1:4]
files = []
for folder, dirs, names in os.walk(app):
    dirs.sort()
    for name in sorted(names):
        files.append(os.path.relpath(os.path.join(folder, name), app))
last = ("index.html", "sw.js")
files.sort(key=lambda f: (f in last, last.index(f) if f in last else 0, f))
copied = 0
for rel in files:
    src, dst = os.path.join(app, rel), os.path.join(out, rel)
    with open(src, "rb") as f:
        data = f.read()
    if os.path.exists(dst) and os.path.getsize(dst) == len(data):
        with open(dst, "rb") as f:
            if f.read() == data:
                continue
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst + ".tmp", "wb") as f:
        f.write(data)
    os.replace(dst + ".tmp", dst)
    copied += 1
def read_list(name):
    try:
        with open(os.path.join(state, name)) as f:
            return [l.rstrip("\n") for l in f if l.strip()]
    except FileNotFoundError:
        return []
current, previous = read_list("app-files.txt"), read_list("app-files.previous.txt")
keep = set(files) | set(current)
removed = 0
for rel in previous:
    if rel not in keep and "/" not in rel and os.path.exists(os.path.join(out, rel)):
        os.remove(os.path.join(out, rel))
        removed += 1
with open(os.path.join(state, "app-files.previous.txt"), "w") as f:
    f.write("\n".join(current) + "\n")
with open(os.path.join(state, "app-files.txt"), "w") as f:
    f.write("\n".join(files) + "\n")
print(f"site: app: {copied} of {len(files)} files copied, {removed} old files removed", file=sys.stderr)
PY
done=$(date +%s)
echo "==> published $OUT in $((done - started)) s (articles $((articles_done - started)) s, app $((app_done - articles_done)) s)" >&2
