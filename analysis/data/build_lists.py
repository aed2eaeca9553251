#!/usr/bin/env python3
"""Builds the compact word lists embedded by `src/entities/gazetteer.rs`.

usage: python3 analysis/data/build_lists.py [SHARED_DATA]   (default: ../shared/data beside the checkout)

Sources (see analysis/data/README.md for licenses):
- gazetteers/*.tsv (GeoNames CC BY 4.0; i18n-nationality MIT; US Census PD; CC0 lists)
- ner-train/*.jsonl text only (never labels of the dev set), to find which words
  are common lowercase English words.
"""
import collections, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "data")
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
COMMON_FROM = {"re3d.jsonl", "crossner.jsonl", "uner-en-ewt.jsonl", "uner-en-pud.jsonl", "wnut17.jsonl", "btc.jsonl"}
low = collections.Counter()
cap_mid = collections.Counter()
word_re = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
for fn in sorted(os.listdir(os.path.join(SRC, "ner-train"))):
    # The corpora the lists were first built from (SEC filings are legal
    # text; GUM and Re-DocRED came later and would change every list).
    if fn not in COMMON_FROM:
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
# Organizations (gazetteers/organizations/, see GAZETTEERS.md): lowercase
# name \t kind, looked up case-insensitively. Kinds: club (a football club's
# name or alias), club-city (an alias that is also a place: "Liverpool",
# "Lyon": a club only in match reports), league, company, newspaper, team.
O = os.path.join(G, "organizations")
place_names = {c.split("\t")[0].lower() for c in cities}
for r in rows("countries.tsv"):
    place_names.add(r["name"].lower())
    place_names.update(a.lower() for a in r["aliases"].split("|") if a)
for r in rows("us_states.tsv"):
    place_names.add(r["name"].lower())
orgs = {}


def add_org(name, kind):
    name = re.sub(r"\s+", " ", re.sub(r"\s*\[[a-z]{2}\]\s*$", "", name)).strip()
    key = name.lower()
    # A name needs a letter, two characters, and must not be a plain
    # lowercase English word ("target", "gap").
    if len(key) < 2 or not re.search(r"[^\W\d_]", key) or key in common_set or key in months:
        return
    if "\t" in key or "(" in key:
        return
    if kind == "club" and key in place_names:
        kind = "club-city"
    orgs.setdefault(key, kind)


with open(os.path.join(O, "football_clubs_openfootball.jsonl"), encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        for n in [r["name"]] + r.get("aliases", []):
            add_org(n, "club")
with open(os.path.join(O, "football_leagues_openfootball.txt"), encoding="utf-8") as f:
    for line in f:
        if line.strip() and not line.startswith("#"):
            add_org(line.strip(), "league")
with open(os.path.join(O, "compromise_orgs_sportsteams.tsv"), encoding="utf-8") as f:
    for i, line in enumerate(f):
        name, _, tag = line.rstrip("\n").partition("\t")
        if i > 0 and name:
            add_org(name, "team" if tag == "SportsTeam" else "company")
for i, line in enumerate(open(os.path.join(O, "sec_company_tickers.tsv"), encoding="utf-8")):
    cols = line.rstrip("\n").split("\t")
    if i > 0 and len(cols) >= 4 and "/" not in cols[3]:
        add_org(cols[3], "company")
with open(os.path.join(O, "cspell_companies.txt"), encoding="utf-8") as f:
    for line in f:
        n = line.strip()
        # Tickers and one-letter entries of the spelling list are not names.
        if len(n) > 2 and not (n.isupper() and len(n) <= 5):
            add_org(n, "company")
for i, line in enumerate(open(os.path.join(O, "us_newspapers_wikipedia.tsv"), encoding="utf-8")):
    cols = line.rstrip("\n").split("\t")
    if i > 0 and cols[0] and not cols[0].startswith("#"):
        add_org(cols[0].replace("&amp;", "&"), "newspaper")
write("organizations.tsv", sorted(f"{k}\t{v}" for k, v in orgs.items()))

print("organizations", len(orgs), "common", len(common), "cities", len(cities), "first", len(first), "last", len(last))
