#!/usr/bin/env python3
"""Code size of a wasm file by crate (for BENCHMARKS.md's breakdown).

    scripts/wasm-breakdown.py FILE.wasm [N]

Runs wasm-bindgen (keeping names) on cargo's release output, e.g.
target/wasm32-unknown-unknown/release/article-explorer.wasm, reads
`twiggy top` and sums the
shallow size of every function by the crate in its path; data segments and
custom sections are listed on their own. Sizes are before wasm-opt, so they
are larger than the shipped file, but the shares compare.
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
# wasm-bindgen first (as the build does): it drops its describe functions
# and custom section; --keep-debug keeps the names twiggy reads.
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["wasm-bindgen", "--target", "web", "--keep-debug", "--out-dir", tmp, "--out-name", "m", path],
                   check=True)
    out = subprocess.run(["twiggy", "top", "-n", "1000000", "--format", "csv", os.path.join(tmp, "m_bg.wasm")],
                         check=True, capture_output=True, text=True).stdout
sizes = Counter()
for row in csv.DictReader(io.StringIO(out)):
    name, size = row["Name"], int(row["ShallowSize"])
    if name.startswith("custom section") or "subsection" in name:
        continue
    if name.startswith("data segment"):
        key = name
    else:
        # "<a::b as c::D>::f" → the first path segment of the implementing type.
        m = re.match(r"<&?(?:T|str|char|\[T\]|f64|f32|u\d+|i\d+|usize|isize|&\w+) as ([A-Za-z_]\w*)", name) or re.match(
            r"[<&\s]*(?:dyn\s+)?([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::", name
        )
        if m:
            key = m.group(1)
        elif name.startswith("<str>") or name.startswith("<char>"):
            key = "core"
        else:
            key = "(other: glue, tables)"
    sizes[key] += size
total = sum(sizes.values())
print(f"| part | bytes | share |\n|---|---:|---:|")
for key, size in sizes.most_common(top):
    print(f"| {key} | {size:,} | {100 * size / total:.1f}% |")
print(f"| total (code and data, without custom sections) | {total:,} | 100% |")
