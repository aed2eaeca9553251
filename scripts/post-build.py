#!/usr/bin/env python3
"""Trunk post-build hook (see Trunk.toml): finishes dist/index.html.

1. Puts the first seed article into the page as static HTML (rendered, with
   every text escaped, by `cargo run -p article-analysis --bin prerender` from
   the folder build.rs embeds: $ARTICLE_EXPLORER_SEEDS or seeds/), so it is
   readable before the wasm arrives and without JavaScript; the app replaces
   it on start.
2. Adds a strict Content-Security-Policy <meta> that allows only this
   site's own files, the wasm compilation, and Trunk's inline loader script
   pinned by its SHA-256 hash.

3. Writes the service worker sw.js from the template assets/sw.js: the list
   of every file of this build to precache (index.html as "./") and a cache
   version that hashes their names and contents, so any change to the build
   changes sw.js and the browser installs the new worker.

Runs on the staging folder Trunk passes in TRUNK_STAGING_DIR.
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else None)
if not staging:
    sys.exit("post-build: TRUNK_STAGING_DIR is not set")
index = os.path.join(staging, "index.html")
with open(index, encoding="utf-8") as f:
    html = f.read()

cargo = ["cargo", "run", "--quiet", "--release", "-p", "article-analysis", "--bin", "prerender"]
if os.environ.get("TRUNK_OFFLINE", "true") != "false":
    cargo.insert(2, "--offline")
env = dict(os.environ)
# Trunk sets these for the wasm build; the prerender tool is a native build.
for key in ("CARGO_BUILD_TARGET", "RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS"):
    env.pop(key, None)
# The same seeds folder build.rs embeds: ARTICLE_EXPLORER_SEEDS (absolute, or
# relative to the project root), else seeds/.
seeds = os.path.join(root, os.environ.get("ARTICLE_EXPLORER_SEEDS") or "seeds")
run = subprocess.run(
    cargo + ["--", seeds], cwd=root, env=env, check=True, capture_output=True, encoding="utf-8"
)
sys.stderr.write(run.stderr)
prerendered = run.stdout.strip()
if prerendered and 'id="prerender"' not in html:
    html = html.replace("<body>", "<body>\n" + prerendered, 1)

hashes = []
for script in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S):
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    hashes.append(f"'sha256-{digest}'")
policy = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'none'",
        "object-src 'none'",
        "frame-src 'none'",
        "worker-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
)
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
html = html.replace('<meta charset="utf-8" />', '<meta charset="utf-8" />\n    ' + meta, 1)
with open(index, "w", encoding="utf-8") as f:
    f.write(html)

# The service worker precaches every file of the build (after index.html got
# its final form above). Compressed copies, if a deploy step adds them, are
# the server's business, not the cache's.
files = []
for folder, dirs, names in os.walk(staging):
    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
    for name in names:
        rel = os.path.relpath(os.path.join(folder, name), staging).replace(os.sep, "/")
        if rel == "sw.js" or name.startswith(".") or name.endswith((".br", ".gz")):
            continue
        files.append(rel)
files.sort()
version = hashlib.sha256()
for rel in files:
    with open(os.path.join(staging, rel), "rb") as f:
        version.update(rel.encode() + b"\0" + hashlib.sha256(f.read()).digest())
precache = ["./" if rel == "index.html" else rel for rel in files]
with open(os.path.join(root, "assets", "sw.js"), encoding="utf-8") as f:
    worker = f.read()
for marker in ("'__VERSION__'", "'__PRECACHE__'"):
    if worker.count(marker) != 1:
        sys.exit(f"post-build: assets/sw.js must contain {marker} exactly once")
worker = worker.replace("'__VERSION__'", json.dumps(version.hexdigest()[:16]))
worker = worker.replace("'__PRECACHE__'", json.dumps(precache, indent=2))
with open(os.path.join(staging, "sw.js"), "w", encoding="utf-8") as f:
    f.write(worker)
