#!/usr/bin/env python3
"""Article Explorer in one HTML file: `dist/article-explorer.html`, which
works opened from disk (file://), with no server and no request.

scripts/post-build.py calls `write(staging, trunk_html, body)` with Trunk's
index.html (before the pre-render and the CSP are added) and the `<body>`
content the site builder wrote for one file (`site build … --one-file`:
the first article pre-rendered, the boot data with every listed article's
record inside). The file holds what the served page fetches:

- the two stylesheets, as `<style>` elements;
- the icon, as a data: URL (no manifest: a file is not installed);
- the page's wasm-bindgen glue (an ES module) inline in the one module
  script, ended by assets/onefile.js, which instantiates the page's wasm
  from the base64 block #app-wasm and makes the analyser worker from
  #analyser-js (its no-modules glue, as text) and #analyser-wasm (base64)
  behind a blob: URL.

Its Content-Security-Policy has no 'self' (from file:// there is no
server to trust): the module script and the two styles pinned by their
SHA-256, wasm compilation, images from data: and blob:, and
`worker-src blob:`, because a worker cannot start from a file: URL and the
inlined worker starts from the blob: URL the page made. Nothing may be
fetched: connect-src falls back to `default-src 'none'`.

Layout, which the app's "Save as one file" (src/onefile.rs) relies on:
everything up to and including the one `<body>` is the shell; after it come
the body content (`article_analysis::prerender::body`) and
`</body></html>`. The app keeps the shell and writes another body.
"""
import base64
import hashlib
import os
import re
import sys

NAME = "article-explorer.html"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fail(why):
    sys.exit(f"onefile: {why}")


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def b64(data):
    return base64.b64encode(data).decode("ascii")


def sha256(text):
    return "'sha256-" + b64(hashlib.sha256(text.encode("utf-8")).digest()) + "'"


def raw_text(text, what):
    """Text that can sit inside a <script> or <style> element as it is."""
    if re.search(r"</(script|style)|<!--", text, flags=re.I):
        fail(f"{what} contains a sequence that would end its element early")
    return text


def take(pattern, html, what):
    """Removes the one match of `pattern` from `html`; returns (match, html)."""
    found = list(re.finditer(pattern, html, flags=re.S))
    if len(found) != 1:
        fail(f"expected one {what} in Trunk's index.html, found {len(found)}")
    m = found[0]
    return m, html[: m.start()] + html[m.end() :]


def build(staging, trunk_html, body, worker_js, worker_wasm):
    """The one file's HTML."""
    html = trunk_html
    # Stylesheets: Trunk links each with its integrity hash.
    styles = []
    for m in re.finditer(r'\s*<link rel="stylesheet" href="\./([^"]+\.css)"[^>]*>', html):
        styles.append(raw_text(read(os.path.join(staging, m.group(1))), m.group(1)))
    html = re.sub(r'\s*<link rel="stylesheet" href="\./[^"]+\.css"[^>]*>', "", html)
    if len(styles) != 2:
        fail(f"expected the two stylesheets, found {len(styles)}")
    # Trunk's loader, its preloads, and what a file has no use for.
    loader, html = take(r'\s*<script type="module">.*?</script>', html, "module script")
    glue_name = re.search(r"from '\./([^']+\.js)'", loader.group(0))
    if not glue_name:
        fail("Trunk's module script names no glue")
    for what in ("modulepreload", "preload", "manifest", "apple-touch-icon"):
        _, html = take(rf'\s*<link rel="{what}"[^>]*>', html, f'<link rel="{what}">')
    icon, html = take(r'\s*<link rel="icon" href="([^"]+\.svg)"[^>]*>', html, "icon")
    icon_data = b64(read(os.path.join(staging, icon.group(1)), "rb"))
    leftover = re.findall(r"<(?:link|script|img|iframe)\b[^>]*>", html)
    if leftover:
        fail(f"Trunk's index.html links what the file would lack: {leftover}")

    glue = raw_text(read(os.path.join(staging, glue_name.group(1))), glue_name.group(1))
    bindings = re.findall(r"^export (?:async )?(?:function\*?|class|const|let) ([A-Za-z_$][\w$]*)", glue, flags=re.M)
    boot_js = read(os.path.join(ROOT, "assets", "onefile.js"))
    if boot_js.count("/*BINDINGS*/") != 1:
        fail("assets/onefile.js must contain /*BINDINGS*/ once")
    module = glue + "\n" + boot_js.replace("/*BINDINGS*/", ", ".join(bindings))
    app_wasm = glue_name.group(1)[: -len(".js")] + "_bg.wasm"
    analyser_js = raw_text(read(worker_js), os.path.basename(worker_js))

    policy = "; ".join(
        [
            "default-src 'none'",
            "script-src 'wasm-unsafe-eval' " + sha256(module),
            "style-src " + " ".join(sha256(s) for s in styles),
            "img-src data: blob:",
            "worker-src blob:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    head = [
        f'<meta http-equiv="Content-Security-Policy" content="{policy}" />',
        f'<link rel="icon" href="data:image/svg+xml;base64,{icon_data}" type="image/svg+xml" />',
    ]
    head += [f"<style>{s}</style>" for s in styles]
    head += [
        f'<script type="application/octet-stream" id="app-wasm">{b64(read(os.path.join(staging, app_wasm), "rb"))}</script>',
        f'<script type="text/plain" id="analyser-js">{analyser_js}</script>',
        f'<script type="application/octet-stream" id="analyser-wasm">{b64(read(worker_wasm, "rb"))}</script>',
        f'<script type="module">{module}</script>',
    ]
    if '<meta charset="utf-8" />' not in html or "</head>" not in html:
        fail("Trunk's index.html has no <meta charset> or </head>")
    html = html.replace('<meta charset="utf-8" />', '<meta charset="utf-8" />\n    ' + head[0], 1)
    html = html.replace("</head>", "\n".join(head[1:]) + "\n</head>", 1)
    html = re.sub(r"\s*<body>.*</body>", "\n<body>\n" + body.strip() + "\n</body>", html, count=1, flags=re.S)
    if html.count("<body>") != 1:
        fail("the file must hold exactly one <body> (the app's Save as one file cuts there)")
    return html


def write(staging, trunk_html, body, worker_js, worker_wasm):
    """Writes `article-explorer.html` into the staging folder."""
    html = build(staging, trunk_html, body, worker_js, worker_wasm)
    with open(os.path.join(staging, NAME), "w", encoding="utf-8") as f:
        f.write(html)
