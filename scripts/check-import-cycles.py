#!/usr/bin/env python3
"""Fails when the modules of a crate import each other in a circle.

    scripts/check-import-cycles.py analysis/src src site/src analyzer/src

A module is a file (`mod.rs`, `lib.rs` and `main.rs` stand for their
folder; `bin/` is left out); an edge is a `crate::` or `super::` path in its
code (comments and the `tests` module left out, `{a, b}` groups expanded) to
another module that is not one of its ancestors (a parent module holds what
its children share). Prints every circle (a strongly connected set of
modules) and exits 1 if there is one. Standard library only; iterative, so
no recursion limit."""
import os
import re
import sys
from collections import defaultdict


def modules(root):
    mods = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            if not f.endswith('.rs'):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, root)[:-3].split(os.sep)
            if rel[0] == 'bin':
                continue
            if rel[-1] in ('mod', 'lib', 'main'):
                rel = rel[:-1]
            mods[tuple(rel)] = path
    return mods


def code(path):
    src = open(path, encoding='utf-8').read()
    src = re.sub(r'(?m)^\s*//.*$', '', src)
    src = re.sub(r'#\[cfg\(test\)\]\s*mod tests\s*\{.*', '', src, flags=re.S)

    def expand(m):
        return ' '.join(f'{m.group(1)}::{item.strip()}' for item in m.group(2).split(',') if item.strip())

    for _ in range(3):
        src = re.sub(r'\b((?:crate|super)(?:::\w+)*)::\{([^{}]*)\}', expand, src)
    return src


def edges(mods):
    def resolve(path):
        for k in range(len(path), -1, -1):
            if tuple(path[:k]) in mods:
                return tuple(path[:k])
        return None

    out = defaultdict(set)
    for m, path in mods.items():
        for hit in re.finditer(r'\b(crate|super)((?:::\w+)+)', code(path)):
            parts = hit.group(2).strip(':').split('::')
            base = [] if hit.group(1) == 'crate' else list(m)
            if hit.group(1) == 'super':
                # `super` is the parent of this module; more of them go up.
                base = base[:-1]
                while parts and parts[0] == 'super':
                    base, parts = base[:-1], parts[1:]
            target = resolve(base + parts)
            if target is None or target == m or target == m[: len(target)]:
                continue
            out[m].add(target)
    return out


def circles(nodes, graph):
    """Tarjan's strongly connected components, with an explicit stack."""
    index, low, on, stack, found, counter = {}, {}, set(), [], [], 0
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on.add(start)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    found.append(comp)
    return found


def main(roots):
    bad = 0
    for root in roots:
        mods = modules(root)
        for comp in circles(sorted(mods), edges(mods)):
            bad += 1
            print(f'{root}: modules in a circle: ' + ', '.join(sorted('::'.join(m) or 'crate' for m in comp)))
        print(f'{root}: {len(mods)} modules')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:] or ['analysis/src', 'src', 'site/src', 'analyzer/src']))
