#!/usr/bin/env python3
"""Builds the compact word lists embedded by `src/entities/gazetteer.rs`.

usage: python3 analysis/data/build_lists.py [/work/shared/data]

Sources (see analysis/data/README.md for licenses):
- gazetteers/*.tsv (GeoNames CC BY 4.0; i18n-nationality MIT; US Census PD; CC0 lists)
- ner-train/*.jsonl text only (never labels of the dev set), to find which words
  are common lowercase English words.
"""
import collections, json, os, re, sys, unicodedata

SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
G = os.path.join(SRC, "gazetteers")
OUT = os.path.dirname(os.path.abspath(__file__))


def rows(name):
    with open(os.path.join(G, name), encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#")]
    head = lines[0].split("\t")
    for l in lines[1:]:
        if l.strip():
            parts = l.split("\t") + [""] * len(head)
            yield dict(zip(head, parts))


def write(name, lines):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for l in lines:
            f.write(l + "\n")


# Common lowercase words from training texts.
low = collections.Counter()
cap_mid = collections.Counter()
word_re = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
for fn in sorted(os.listdir(os.path.join(SRC, "ner-train"))):
    if not fn.endswith(".jsonl") or fn.startswith("sec"):
        continue
    with open(os.path.join(SRC, "ner-train", fn), encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            prev = "."
            for m in word_re.finditer(text):
                w = m.group(0)
                before = text[max(0, m.start() - 3):m.start()].strip()
                initial = before == "" or before[-1:] in ".!?:\"“(" 
                if w.islower():
                    low[w] += 1
                elif w[0].isupper() and not initial:
                    cap_mid[w.lower()] += 1
common = sorted(w for w, c in low.items() if c >= 3 and c >= 2 * cap_mid[w])
write("common_words.txt", common)
common_set = set(common)

months = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday"}

# Countries: name \t aliases \t demonyms \t capital
out = []
country_index = {}
for r in rows("countries.tsv"):
    country_index[r["iso2"]] = len(out)
    dem = [d for d in r["demonyms"].split("|") if d and " " not in d or d.startswith("North ") or d.startswith("South ")]
    dem = [d for d in dem if d and d != r["name"]]
    out.append("\t".join([r["name"], r["aliases"], "|".join(dem), r["capital"]]))
write("countries.tsv", out)

# US states: name \t ap abbrev
write("us_states.tsv", [r["name"] + "\t" + r["ap_abbrev"] for r in rows("us_states.tsv")])

# Cities: the most populous, skipping common words: name \t index of its
# country in countries.tsv (for the entity card's "in Ukraine").
cities = []
seen = set()
originals = 0
for r in rows("cities15000.tsv"):
    if originals >= 4000:
        break
    n = r["name"]
    if n.lower() in common_set or n.lower() in months or n in seen:
        continue
    seen.add(n)
    originals += 1
    c = country_index.get(r["country"])
    cities.append(n if c is None else f"{n}\t{c}")
    # News often drops accents: "Montréal" is also "Montreal".
    plain = unicodedata.normalize("NFD", n).encode("ascii", "ignore").decode()
    if plain != n and len(plain) == len(unicodedata.normalize("NFD", n)) - sum(
        1 for ch in unicodedata.normalize("NFD", n) if unicodedata.combining(ch)
    ) and plain not in seen and plain.lower() not in common_set:
        seen.add(plain)
        cities.append(plain if c is None else f"{plain}\t{c}")
write("cities.txt", cities)

# First names: every name of the census list that is not a common word/month.
first = []
for r in rows("first_names_us1990.tsv"):
    n = r["name"].capitalize()
    if n.lower() in common_set or n.lower() in months:
        continue
    first.append(n)
write("first_names.txt", sorted(set(first)))

last = []
for r in rows("last_names_us1990_top20k.tsv"):
    n = r["name"].capitalize()
    if len(last) >= 6000:
        break
    if n.lower() in common_set or n.lower() in months:
        continue
    last.append(n)
write("last_names.txt", sorted(set(last)))

write("titles.txt", [r["title"] for r in rows("titles.tsv")])
write("groups.txt", [r["name"] for r in rows("groups.tsv")])
print("common", len(common), "cities", len(cities), "first", len(first), "last", len(last))
