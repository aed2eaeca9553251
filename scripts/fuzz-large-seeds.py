#!/usr/bin/env python3
"""Writes large adversarial seeds for the fuzz targets (see RELIABILITY.md):
the input shapes that froze or crashed the app (issue 18) at up to 1 MB, in
each target's input format, into DIR/<target>/large-*. The fuzz smoke run
and the long runs start the large-input fuzzing from them (with
-max_len=1048576 and a timeout that flags slow inputs).

    scripts/fuzz-large-seeds.py DIR
"""
import os
import sys

MB = 1_000_000  # (under libFuzzer's -max_len=1048576 with the prefix bytes)


def fill(piece, size=MB):
    """`piece` repeated to about `size` bytes."""
    return (piece * (size // len(piece) + 1))[:size]


def spellings(word, size=MB):
    """One word in many spellings (bit j of i capitalizes letter j)."""
    out, i, total = [], 0, 0
    while total < size:
        out.append("".join(c.upper() if (i >> j) & 1 else c for j, c in enumerate(word)) + " ")
        total += len(out[-1])
        i += 1
    return "".join(out)


def distinct_backticks(size):
    out, k, total = [], 1, 0
    while total < size:
        out.append("`" * k + " a ")
        total += k + 3
        k += 1
    return "".join(out)


def nested(open_, close, size):
    k = size // (len(open_) + len(close))
    return open_ * k + "x" + close * k


PLACES = "Kyiv, Lviv and Odesa are cities of Ukraine; Warsaw and Paris are not. "
SMITH = "John Smith met Smith. "


def seeds():
    """(target, name, bytes) for every seed."""
    b = lambda s: s.encode("utf-8")
    md = lambda s: b"\x01" + b(s)
    yield "import", "nested-links", md(nested("[", "](a)", 50_000))
    yield "import", "nested-links-1mb", md(nested("[", "](a)", MB))
    yield "import", "unmatched-lt", md(fill("a <b c ", 300_000))
    yield "import", "unmatched-lt-1mb", md(fill("a <b c\n", MB))
    yield "import", "backtick-runs", md(distinct_backticks(MB))
    yield "import", "open-brackets", md(fill("[a ", MB))
    yield "import", "nested-quotes", md(">" * MB + " x")
    yield "import", "nested-lists", md("- " * (MB // 2) + "x")
    yield "import", "wide-table", md("|a" * 60_000 + "\n" + "|-" * 60_000 + "\n" + "|x\n" * 200_000)
    yield "import", "html-block", md("<div>\n" + fill("a <x <b ", MB))
    yield "import", "text-lines", b"\x00" + b(fill("a\n"))
    yield "import", "html-tree", b"\x02" + fill(b"\x0eKyiv and Lviv \x0fmore\x40\x40", MB)
    yield "segment_document", "place-names-paragraph", b(fill(PLACES))
    yield "segment_document", "punctuation", b(fill(".!?,;:\u2026\u2014 ", MB // 2))
    yield "segment_document", "long-word", b("a" * MB)
    yield "segment_document", "short-lines", b(fill("a\n"))
    yield "segment_document", "initials", b(fill("J. R. R. Mr. U.S. Gen. "))
    yield "segment_document", "spellings", b(spellings("internationalization"))
    yield "search", "spellings", b(spellings("internationalization")) + b"\xff" + b("internat")
    yield "search", "long-phrase", b(fill("a b ")) + b"\xff" + b('"' + "a b " * 500 + '"')
    yield "search", "many-matches", b(fill("missile strike\n")) + b"\xff" + b("mis")
    yield "search", "missing-words", b(" ".join(f"w{i}" for i in range(100_000))) + b"\xff" + b(
        " ".join(f"x{i}y" for i in range(2_000))
    )
    yield "search", "long-words", b("ab" * 250_000) + b"\xff" + b("ab" * 250_000 + "x ")
    yield "entities", "place-names-paragraph", b(fill(PLACES))
    yield "entities", "john-smith", b(fill(SMITH))
    yield "entities", "spellings", b(spellings("Internationalization"))
    filters = b"\x03\x01\x02\x00\x01\x00"
    yield "view", "place-names-paragraph", filters + b(fill(PLACES, 300_000)) + b"\xff" + b("kyiv odesa")
    yield "view", "john-smith", filters + b(fill(SMITH.replace(". ", ".\n"), 300_000)) + b"\xff" + b("smith")
    yield "view", "many-paragraphs", filters + b(fill("Kyiv met Lviv.\n", 300_000)) + b"\xff" + b('"met lviv" -paris')


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    for target, name, data in seeds():
        os.makedirs(os.path.join(root, target), exist_ok=True)
        with open(os.path.join(root, target, "large-" + name), "wb") as f:
            f.write(data[:1_048_576])


if __name__ == "__main__":
    main()
