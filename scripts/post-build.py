#!/usr/bin/env python3
"""Trunk post-build hook (see Trunk.toml): finishes dist/index.html.

1. Gives the analyser worker's files content-hashed names and writes its
   loader. Then analyses every published article (`site build`, the same
   `article-analysis` code, natively) into `articles/*.bin` and the
   archive's index `index/`, and puts the first article into the page as
   static HTML (every text escaped; readable before the wasm arrives and
   without JavaScript; the app replaces it on start) with the boot data
   (its record, the first catalog entries, the loader's name). The seeds
   folder is $ARTICLE_EXPLORER_SEEDS or seeds/. With
   $ARTICLE_EXPLORER_PUBLISH set (scripts/publish.sh), only the articles the
   boot data names are analysed: `site publish` writes the rest.
2. Adds a strict Content-Security-Policy <meta> that allows only this
   site's own files, the wasm compilation, and Trunk's inline loader script
   pinned by its SHA-256 hash.

3. Writes the app in one file, article-explorer.html (scripts/onefile.py):
   opened from disk it works with no server; the app's "Save as one file"
   starts from it.

4. Writes the service worker sw.js from the template assets/sw.js: the list
   of files to precache (the app: index.html as "./", scripts, wasm, styles,
   icons; and the records of the boot data's articles, not the archive's
   other records nor its index, which the worker caches as they are
   fetched; not the one file, which would double what every visitor
   downloads) and a cache version that hashes their names and contents, so
   any change to the build changes sw.js and the browser installs the new
   worker.

Runs on the staging folder Trunk passes in TRUNK_STAGING_DIR.
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import onefile  # noqa: E402

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else None)
if not staging:
    sys.exit("post-build: TRUNK_STAGING_DIR is not set")
index = os.path.join(staging, "index.html")
with open(index, encoding="utf-8") as f:
    html = f.read()

# The analyser worker (Trunk names its files after the binary): give its
# script and wasm content-hashed names, so a host may cache them for ever,
# and write the loader the app starts the worker with.
worker_js = os.path.join(staging, "analyzer.js")
worker_wasm = os.path.join(staging, "analyzer_bg.wasm")
loader = "analyzer_loader.js"
if os.path.exists(worker_js) and os.path.exists(worker_wasm):
    digest = hashlib.sha256()
    for path in (worker_js, worker_wasm):
        with open(path, "rb") as f:
            digest.update(f.read())
    stem = "analyzer-" + digest.hexdigest()[:16]
    os.replace(worker_js, os.path.join(staging, stem + ".js"))
    os.replace(worker_wasm, os.path.join(staging, stem + "_bg.wasm"))
    worker_js = os.path.join(staging, stem + ".js")
    worker_wasm = os.path.join(staging, stem + "_bg.wasm")
    old_loader = os.path.join(staging, loader)
    if os.path.exists(old_loader):
        os.remove(old_loader)
    loader = stem + "_loader.js"
    with open(os.path.join(staging, loader), "w", encoding="utf-8") as f:
        f.write(f'importScripts("./{stem}.js");wasm_bindgen("./{stem}_bg.wasm");')
else:
    sys.exit("post-build: the analyser worker (analyzer.js, analyzer_bg.wasm) is missing")

# Every published article analysed once, natively: one record file each,
# and the HTML for the page (the first article pre-rendered, the boot data).
cargo = ["cargo", "run", "--quiet", "--release", "-p", "article-site", "--bin", "site"]
if os.environ.get("TRUNK_OFFLINE", "true") != "false":
    cargo.insert(2, "--offline")
env = dict(os.environ)
# Trunk sets these for the wasm build; the site builder is a native build.
for key in ("CARGO_BUILD_TARGET", "RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_PROFILE"):
    env.pop(key, None)
# The seeds folder: ARTICLE_EXPLORER_SEEDS (absolute, or relative to the
# project root), else seeds/.
seeds = os.path.join(root, os.environ.get("ARTICLE_EXPLORER_SEEDS") or "seeds")
precache_list = os.path.join(staging, ".precache")
site_args = ["--", "build", seeds, staging, loader, "--precache", precache_list]
if os.environ.get("ARTICLE_EXPLORER_PUBLISH"):
    site_args.append("--boot-only")
with tempfile.TemporaryDirectory() as tmp:
    one_file_body = os.path.join(tmp, "one-file-body.html")
    run = subprocess.run(
        cargo + site_args + ["--one-file", one_file_body],
        cwd=root,
        env=env,
        capture_output=True,
        encoding="utf-8",
    )
    sys.stderr.write(run.stderr)
    if run.returncode != 0:
        sys.exit(f"post-build: the site build failed ({run.returncode})")
    # The app in one file, from Trunk's page as it is now.
    with open(one_file_body, encoding="utf-8") as f:
        onefile.write(staging, html, f.read(), worker_js, worker_wasm)
page = run.stdout.strip()
if 'id="prerender"' in html or 'id="boot"' in html:
    sys.exit("post-build: index.html already has a pre-render or boot data")
if "<body>" not in html:
    sys.exit("post-build: index.html has no <body> to put the article into")
html = html.replace("<body>", "<body>\n" + page, 1)

hashes = []
# Inline scripts that run (not the boot data block, which is inert).
for script in re.findall(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/octet-stream\")[^>]*>(.*?)</script>", html, flags=re.S
):
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
if '<meta charset="utf-8" />' not in html:
    sys.exit("post-build: cannot insert the Content-Security-Policy (no <meta charset> in index.html)")
html = html.replace('<meta charset="utf-8" />', '<meta charset="utf-8" />\n    ' + meta, 1)
with open(index, "w", encoding="utf-8") as f:
    f.write(html)

# The service worker precaches the app (after index.html got its final form
# above) and the records the boot data names; the archive (its other
# records, the index, article pages, sitemaps) is cached as it is fetched,
# so the first visit does not grow with the archive. Compressed copies, if
# a deploy step adds them, are the server's business, not the cache's.
with open(precache_list, encoding="utf-8") as f:
    boot_records = set(line.strip() for line in f if line.strip())
os.remove(precache_list)
files = []
for folder, dirs, names in os.walk(staging):
    dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "index")
    for name in names:
        rel = os.path.relpath(os.path.join(folder, name), staging).replace(os.sep, "/")
        if rel in ("sw.js", onefile.NAME) or name.startswith(".") or name.endswith((".br", ".gz")):
            continue
        if rel.startswith("articles/") and rel not in boot_records:
            continue
        if rel.startswith("sitemap") and rel.endswith(".xml"):
            continue
        files.append(rel)
files.sort()
version = hashlib.sha256()
precache = []
for rel in files:
    with open(os.path.join(staging, rel), "rb") as f:
        digest = hashlib.sha256(f.read()).digest()
    version.update(rel.encode() + b"\0" + digest)
    # Each file with its Subresource Integrity hash: the worker caches only
    # what the build wrote, never an error page or a host's altered copy.
    precache.append(
        ["./" if rel == "index.html" else rel, "sha256-" + base64.b64encode(digest).decode()]
    )
with open(os.path.join(root, "assets", "sw.js"), encoding="utf-8") as f:
    worker = f.read()
for marker in ("'__VERSION__'", "'__PRECACHE__'"):
    if worker.count(marker) != 1:
        sys.exit(f"post-build: assets/sw.js must contain {marker} exactly once")
worker = worker.replace("'__VERSION__'", json.dumps(version.hexdigest()[:16]))
worker = worker.replace("'__PRECACHE__'", json.dumps(precache, indent=2))
with open(os.path.join(staging, "sw.js"), "w", encoding="utf-8") as f:
    f.write(worker)
