//! Invariant checks shared by the fuzz targets (`fuzz_targets/*.rs`) and the
//! property tests (`analysis/tests/props_*.rs` include this file with
//! `#[path]`), so both check exactly the same contracts.
//!
//! Every check panics (with `assert!`) on a violation: libFuzzer records the
//! input as a crash, proptest shrinks it.
//!
//! Every check costs about linear (or n log n) time in the input, like the
//! library itself, so the fuzz targets can run on inputs of a megabyte and
//! more with a timeout that flags slow inputs (see RELIABILITY.md): lookups
//! in sorted lists are binary searches, not scans, and the entity cards
//! (each about the size of the text) are checked for at most
//! [`CARDS_CHECKED`] entities.
//!
//! Only `article_analysis` and `std` are used here, so the file compiles both
//! as this crate's library and as a module of an `analysis` test.

use article_analysis::analysis::Analysis;
use article_analysis::document::Article;
use article_analysis::entities::{Entities, EntityKind};
use article_analysis::normalize::{fold, stem, tokens, AcronymDots, Filter, FoldAccents, Lowercase};
use article_analysis::search::{Hits, Index, Query};
use article_analysis::segment::{paragraphs, sentences, words, Span};
use article_analysis::view::{highlight_pieces, segments, Layers, View};

/// Splits a fuzz input into two strings at the first `0xFF` byte (never part
/// of valid UTF-8); each side is decoded like the app imports files
/// (`String::from_utf8_lossy`). Without `0xFF` the second string is empty.
pub fn split2(data: &[u8]) -> (String, String) {
    match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (
            String::from_utf8_lossy(&data[..i]).into_owned(),
            String::from_utf8_lossy(&data[i + 1..]).into_owned(),
        ),
        None => (String::from_utf8_lossy(data).into_owned(), String::new()),
    }
}

fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// `span` is non-empty, inside `text` and on `char` boundaries.
pub fn check_span(text: &str, span: &Span, what: &str) {
    assert!(span.start < span.end, "{what}: empty or reversed span {span:?}");
    assert!(
        span.end <= text.len(),
        "{what}: span {span:?} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries of {text:?}"
    );
}

/// Non-empty, valid spans, sorted by start and not overlapping
/// (`a.end <= b.start`).
pub fn check_sorted_disjoint(text: &str, spans: &[Span], what: &str) {
    for s in spans {
        check_span(text, s, what);
    }
    for w in spans.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "{what}: spans overlap or unsorted: {:?} {:?}",
            w[0],
            w[1]
        );
    }
}

/// Whether some span of `sorted` (sorted by start, any ends) contains
/// `inner`: the largest end among the spans starting at or before it
/// reaches its end. `max_end` is the running maximum of the ends
/// ([`running_max_end`]).
fn contained_in_any(sorted: &[Span], max_end: &[usize], inner: &Span) -> bool {
    let k = sorted.partition_point(|s| s.start <= inner.start);
    k.checked_sub(1)
        .and_then(|i| max_end.get(i))
        .is_some_and(|&end| end >= inner.end)
}

/// The running maximum of the ends of `spans`.
fn running_max_end(spans: &[Span]) -> Vec<usize> {
    let mut max = 0;
    spans
        .iter()
        .map(|s| {
            max = max.max(s.end);
            max
        })
        .collect()
}

/// The spans at `indices` of `spans`, sorted by start, with their running
/// maximum end (for [`contained_in_any`]).
fn sorted_spans(spans: &[Span], indices: impl Iterator<Item = usize>) -> (Vec<Span>, Vec<usize>) {
    let mut out: Vec<Span> = indices.filter_map(|i| spans.get(i).cloned()).collect();
    out.sort_unstable_by_key(|s| (s.start, s.end));
    let max_end = running_max_end(&out);
    (out, max_end)
}

/// `inner` lies inside `outer`.
fn check_inside(inner: &Span, outer: &Span, what: &str) {
    assert!(
        outer.start <= inner.start && inner.end <= outer.end,
        "{what}: {inner:?} not inside {outer:?}"
    );
}

/// A span's text neither starts nor ends with whitespace or a BOM.
fn check_trimmed(text: &str, span: &Span, what: &str) {
    let s = &text[span.clone()];
    assert!(
        !s.starts_with(is_blank_char) && !s.ends_with(is_blank_char),
        "{what}: not trimmed: {s:?}"
    );
}

/// Every character of `within` outside all of `spans` is whitespace or a
/// BOM: segmentation loses no text.
fn check_covers_non_blank(text: &str, within: &Span, spans: &[Span], what: &str) {
    let mut pos = within.start;
    let mut gaps = Vec::new();
    for s in spans {
        gaps.push(pos..s.start);
        pos = s.end;
    }
    gaps.push(pos..within.end);
    for g in gaps {
        let gap = &text[g.clone()];
        assert!(
            gap.chars().all(is_blank_char),
            "{what}: text {gap:?} at {g:?} is in no span"
        );
    }
}

/// Words of `text[span]` (UAX #29): inside, non-empty, sorted, disjoint,
/// and each is the text at its offset.
pub fn check_words(text: &str, span: &Span) {
    let part = &text[span.clone()];
    let ws: Vec<Span> = words(part)
        .map(|(off, w)| {
            assert_eq!(&part[off..off + w.len()], w, "word text at its offset");
            span.start + off..span.start + off + w.len()
        })
        .collect();
    check_sorted_disjoint(text, &ws, "words");
    for w in &ws {
        check_inside(w, span, "word");
    }
}

/// Normalization of one word: [`fold`] equals the chain of its filters,
/// [`stem`] and every filter run without panicking.
pub fn check_normalize(word: &str) {
    let chain = Lowercase.then(FoldAccents).then(AcronymDots);
    let folded = fold(word);
    assert_eq!(
        folded,
        chain.apply(word),
        "fold({word:?}) differs from its filter chain"
    );
    // The stemmer runs on folded words only (the index and queries never
    // stem anything else); it dominates the run time, so once per word.
    let _ = stem(&folded);
}

/// The tokens of `text[span]`: inside the span, on boundaries, sorted,
/// folded and stemmed as documented, none with an empty folded form.
pub fn check_tokens(text: &str, span: &Span) -> Vec<Span> {
    let toks = tokens(&text[span.clone()], span.start);
    let spans: Vec<Span> = toks.iter().map(|t| t.span.clone()).collect();
    check_sorted_disjoint(text, &spans, "tokens");
    for t in &toks {
        check_inside(&t.span, span, "token");
        assert!(!t.folded.is_empty(), "token with empty folded form");
        assert_eq!(t.folded, fold(&text[t.span.clone()]));
        // (t.stem is `stem(&t.folded)` by construction: not recomputed here,
        // the stemmer is most of the run time.)
        assert!(!t.stem.is_empty());
    }
    spans
}

/// Segmentation of a whole text: paragraphs, the sentences of each, words.
pub fn check_segmentation(text: &str) -> Vec<Span> {
    let paras = paragraphs(text);
    check_sorted_disjoint(text, &paras, "paragraphs");
    check_covers_non_blank(text, &(0..text.len()), &paras, "paragraphs");
    for p in &paras {
        check_trimmed(text, p, "paragraph");
        // A paragraph never contains a blank line (it would have split).
        let s = &text[p.clone()];
        for line in s.split('\n') {
            assert!(
                !line.chars().all(is_blank_char),
                "paragraph {s:?} contains a blank line"
            );
        }
        check_sentences(text, p, &sentences(text, p.clone()));
        check_words(text, p);
    }
    paras
}

fn check_sentences(text: &str, para: &Span, sents: &[Span]) {
    assert!(!sents.is_empty(), "paragraph {para:?} without sentences");
    check_sorted_disjoint(text, sents, "sentences");
    check_covers_non_blank(text, para, sents, "sentences");
    for s in sents {
        check_inside(s, para, "sentence");
        check_trimmed(text, s, "sentence");
    }
}

/// An article parsed from `raw` (the file named `file_name`).
pub fn check_article(file_name: &str, raw: &str, a: &Article) {
    // Id: non-empty, URL-safe.
    assert!(!a.id.is_empty(), "empty id");
    assert!(
        a.id.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'),
        "id {:?} from {file_name:?} is not URL-safe",
        a.id
    );
    // Body: the end of the file, without BOM; all of it without front matter.
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    assert!(raw.ends_with(&a.body), "body is not the end of the file");
    if !raw.starts_with("---") {
        assert_eq!(a.body, raw, "no front matter: the body is the whole file");
    }
    // Title: always something, on one line.
    assert!(!a.meta.title.trim().is_empty(), "empty title");
    assert!(
        !a.meta.title.contains('\n'),
        "title on several lines: {:?}",
        a.meta.title
    );
    for v in [&a.meta.source, &a.meta.date, &a.meta.url].into_iter().flatten() {
        assert!(!v.is_empty() && !v.contains('\n'), "metadata value {v:?}");
    }
    // Paragraphs and sentences: those of the body, a paragraph over
    // MAX_PARAGRAPH_BYTES cut into consecutive pieces of it (at sentence
    // ends, or spaces) that leave out only white space.
    let body = &a.body;
    let paras = check_segmentation(body);
    let max = article_analysis::document::MAX_PARAGRAPH_BYTES;
    let mut pieces = a.paragraphs.iter().enumerate().peekable();
    for whole in &paras {
        let mut covered = whole.start;
        let mut count = 0;
        while let Some((i, p)) = pieces.next_if(|(_, p)| p.span.start < whole.end) {
            count += 1;
            assert!(
                whole.start <= p.span.start && p.span.end <= whole.end,
                "paragraph {i} {:?} inside {whole:?}",
                p.span
            );
            assert!(
                body[covered..p.span.start].trim().is_empty(),
                "only white space left out before paragraph {i}"
            );
            covered = p.span.end;
            assert_eq!(a.paragraph_text(i), &body[p.span.clone()]);
            if p.span == *whole {
                assert_eq!(
                    p.sentences,
                    sentences(body, p.span.clone()),
                    "sentences of paragraph {i}"
                );
            } else {
                assert!(
                    p.span.end - p.span.start <= max || !body[p.span.clone()].trim_start().contains(' '),
                    "piece {i} {:?} of a long paragraph over the limit",
                    p.span
                );
            }
        }
        assert!(count >= 1, "paragraph {whole:?} shown");
        assert!(
            count == 1 || whole.end - whole.start > max,
            "{whole:?} cut though short"
        );
        assert!(
            body[covered..whole.end].trim().is_empty(),
            "the end of {whole:?} shown"
        );
    }
    assert!(pieces.next().is_none(), "paragraphs outside the body's");
    assert_eq!(a.paragraph_text(a.paragraphs.len()), "");
}

/// A parsed query is well formed: clauses have words, each word is folded
/// and stemmed as documented, and only the very last word of a positive
/// last clause may be a prefix.
pub fn check_query(input: &str, q: &Query) {
    assert_eq!(q.is_empty(), q.clauses().is_empty());
    assert_eq!(q.positive().count() + q.negative().count(), q.clauses().len());
    let n = q.clauses().len();
    // Each typed word is found in the input after the one before (one
    // forward pass; `contains` per word would cost words × input).
    let mut at = 0;
    for (ci, c) in q.clauses().iter().enumerate() {
        assert!(!c.words.is_empty(), "clause without words in {input:?}");
        for (wi, w) in c.words.iter().enumerate() {
            assert!(
                !w.typed.is_empty() && !w.folded.is_empty(),
                "empty query word in {input:?}"
            );
            let found = input.get(at..).and_then(|rest| rest.find(&w.typed));
            assert!(
                found.is_some(),
                "query word {:?} not typed in {input:?} (after byte {at})",
                w.typed
            );
            at += found.unwrap_or(0) + w.typed.len();
            assert_eq!(w.folded, fold(&w.typed));
            assert_eq!(w.stem, stem(&w.folded));
            if w.prefix {
                assert!(
                    ci == n - 1 && wi == c.words.len() - 1 && !c.negated,
                    "prefix word {:?} not last of a positive last clause in {input:?}",
                    w.typed
                );
                assert!(
                    !input.ends_with(char::is_whitespace),
                    "prefix word although {input:?} ends in whitespace"
                );
                assert!(
                    input.ends_with(&w.typed),
                    "prefix word {:?} does not end {input:?}",
                    w.typed
                );
            }
        }
    }
}

/// The index of `text` over `passages` agrees with [`tokens`] and has a
/// consistent vocabulary.
pub fn check_index(text: &str, passages: &[Span], index: &Index) {
    assert_eq!(index.passage_count(), passages.len());
    let mut total = 0;
    for (p, span) in passages.iter().enumerate() {
        let got = index.passage_token_spans(p);
        match text.get(span.clone()) {
            Some(passage) => {
                // The words of the passage that fold to something (as
                // `normalize::tokens`, without its stemming, the slow part).
                let expected: Vec<Span> = words(passage)
                    .filter(|(_, w)| !fold(w).is_empty())
                    .map(|(o, w)| span.start + o..span.start + o + w.len())
                    .collect();
                check_sorted_disjoint(text, &expected, "index tokens");
                assert_eq!(
                    got,
                    &expected[..],
                    "index tokens of passage {p} differ from its words"
                );
            }
            None => assert!(got.is_empty(), "tokens in an invalid passage {span:?}"),
        }
        total += got.len();
    }
    assert!(index.passage_token_spans(passages.len()).is_empty());
    assert_eq!(index.token_count(), total);
    let mut postings = 0;
    for t in index.terms() {
        assert!(!t.folded.is_empty());
        assert_eq!(t.stem, stem(&t.folded));
        assert_eq!(
            fold(&t.surface),
            t.folded,
            "surface {:?} of term {:?}",
            t.surface,
            t.folded
        );
        assert!(!t.postings.is_empty());
        assert!(t.postings.windows(2).all(|w| w[0] < w[1]), "postings ascending");
        assert!(t.postings.iter().all(|&i| i < total));
        assert_eq!(index.term(&t.folded).map(|x| &x.folded), Some(&t.folded));
        postings += t.postings.len();
    }
    assert_eq!(postings, total, "every token is in exactly one posting list");
}

/// Search hits are well formed (the agreement with a naive rescan is
/// `analysis/tests/search_props.rs`).
pub fn check_hits(text: &str, passages: &[Span], query: &Query, hits: &Hits) {
    assert!(
        hits.passages.windows(2).all(|w| w[0] < w[1]),
        "passages ascending"
    );
    assert!(
        hits.passages.iter().all(|&p| p < passages.len()),
        "passage index in range"
    );
    check_sorted_disjoint(text, &hits.matches, "matches");
    for w in hits.matches.windows(2) {
        assert!(
            w[0].end < w[1].start,
            "touching matches not merged: {:?}",
            hits.matches
        );
    }
    let (matching, max_end) = sorted_spans(passages, hits.passages.iter().copied());
    for m in &hits.matches {
        assert!(
            contained_in_any(&matching, &max_end, m),
            "match {m:?} outside the matching passages"
        );
    }
    if query.is_empty() {
        assert_eq!(hits.passages, (0..passages.len()).collect::<Vec<_>>());
        assert!(hits.matches.is_empty() && hits.missing.is_empty() && hits.suggestions.is_empty());
    }
    if query.positive().next().is_some() && !hits.passages.is_empty() {
        assert!(!hits.matches.is_empty(), "matching passages without a highlight");
    }
    if hits.missing.is_empty() {
        assert!(hits.suggestions.is_empty());
    }
    assert!(hits.suggestions.len() <= 3 * hits.missing.len());
    let typed: std::collections::HashSet<&str> = query
        .positive()
        .flat_map(|c| c.words.iter().map(|w| w.typed.as_str()))
        .collect();
    for m in &hits.missing {
        assert!(typed.contains(m.as_str()), "missing word {m:?} not in the query");
    }
    if !hits.missing.is_empty() {
        assert!(hits.passages.is_empty() || query.positive().next().is_none());
    }
    let mut dedup = hits.suggestions.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(dedup.len(), hits.suggestions.len(), "duplicate suggestions");
}

/// Search over `text` split into paragraphs: index, query and hits.
pub fn check_search(text: &str, query_input: &str) {
    let passages = paragraphs(text);
    let index = Index::build(text, &passages);
    check_index(text, &passages, &index);
    let query = Query::parse(query_input);
    check_query(query_input, &query);
    let hits = index.search(&query);
    check_hits(text, &passages, &query, &hits);
    // Sentences as passages: any disjoint spans work the same way.
    let sents: Vec<Span> = passages.iter().flat_map(|p| sentences(text, p.clone())).collect();
    let by_sentence = Index::build(text, &sents);
    let hits2 = by_sentence.search(&query);
    check_hits(text, &sents, &query, &hits2);
}

/// Extracted entities: mentions sorted, disjoint, inside one paragraph, on
/// boundaries; entity indices valid; counts, kinds, names and ids
/// consistent.
pub fn check_entities(text: &str, e: &Entities) {
    check_corrected_entities(text, e, &[]);
}

/// Entities corrected by the reader (`annotations::corrections::apply`):
/// the same contracts as [`check_entities`], except that a name in
/// `renamed` (typed by the reader) need not be written in the text.
pub fn check_corrected_entities(text: &str, e: &Entities, renamed: &[String]) {
    let spans: Vec<Span> = e.mentions.iter().map(|m| m.span.clone()).collect();
    check_sorted_disjoint(text, &spans, "mentions");
    let paras = paragraphs(text);
    let max_end = running_max_end(&paras);
    for m in &e.mentions {
        assert!(
            contained_in_any(&paras, &max_end, &m.span),
            "mention {:?} {:?} crosses or lies outside paragraphs",
            m.span,
            &text[m.span.clone()]
        );
    }
    check_entity_table_renamed(text, e, renamed);
}

/// Known bug (see RELIABILITY.md and the ignored test in
/// `analysis/tests/props_entities.rs`): entity ids are not always unique
/// ("They had 1%, 1,2 and 1." gives two `quantity-1-2`: the numbered
/// duplicate of `quantity-1` meets the slug of "1,2"). Until
/// `entities::merge` is fixed the uniqueness check is off so the fuzzer and
/// the property tests look for other bugs; set this to `false` to check it.
pub const TOLERATE_DUPLICATE_ENTITY_IDS: bool = false;

/// The entity table agrees with the mentions (any mention list).
pub fn check_entity_table(text: &str, e: &Entities) {
    check_entity_table_renamed(text, e, &[]);
}

/// [`check_entity_table`], where the names in `renamed` need not be written
/// in the text.
fn check_entity_table_renamed(text: &str, e: &Entities, renamed: &[String]) {
    let n = e.entities.len();
    let mut counts = vec![0usize; n];
    let mut surfaces: Vec<std::collections::BTreeSet<String>> = vec![Default::default(); n];
    for m in &e.mentions {
        assert!(m.entity < n, "mention of entity {} of {n}", m.entity);
        counts[m.entity] += 1;
        assert_eq!(
            m.kind, e.entities[m.entity].kind,
            "mention kind differs from its entity's"
        );
        let surface = text
            .get(m.span.clone())
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        surfaces[m.entity].insert(surface);
    }
    let mut ids: Vec<&str> = Vec::with_capacity(n);
    for (i, ent) in e.entities.iter().enumerate() {
        assert_eq!(ent.mentions, counts[i], "mention count of {:?}", ent.name);
        assert!(ent.mentions > 0, "entity {:?} without mentions", ent.name);
        assert!(
            surfaces[i].contains(&ent.name) || renamed.contains(&ent.name),
            "name {:?} is none of its mentions {:?}",
            ent.name,
            surfaces[i]
        );
        for a in &ent.aliases {
            assert!(a != &ent.name, "alias equal to the name {a:?}");
            assert!(surfaces[i].contains(a), "alias {a:?} is none of its mentions");
        }
        let mut al = ent.aliases.clone();
        al.sort();
        al.dedup();
        assert_eq!(al.len(), ent.aliases.len(), "duplicate aliases {:?}", ent.aliases);
        if let Some(r) = ent.related {
            assert!(r < n && r != i, "related {r} of entity {i} of {n}");
        }
        assert!(!ent.id.is_empty(), "empty id");
        assert!(
            ent.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "id {:?} is not URL-safe",
            ent.id
        );
        assert!(
            ent.id.starts_with(ent.kind.as_str()),
            "id {:?} without its kind",
            ent.id
        );
        ids.push(&ent.id);
    }
    if !TOLERATE_DUPLICATE_ENTITY_IDS {
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), before, "duplicate entity ids");
    }
}

/// An analysis: the per-paragraph mention ranges and entity sets agree with
/// the mentions.
pub fn check_analysis(a: &Analysis) {
    check_corrected_analysis(a, &[]);
}

/// [`check_analysis`] of an analysis whose entities the reader corrected
/// (see [`check_corrected_entities`] for `renamed`).
pub fn check_corrected_analysis(a: &Analysis, renamed: &[String]) {
    let body = &a.article.body;
    check_corrected_entities(body, &a.entities, renamed);
    check_index(body, &a.article.passages(), &a.index);
    let mentions = &a.entities.mentions;
    let paras = &a.article.paragraphs;
    assert_eq!(a.passage_mentions.len(), paras.len());
    assert_eq!(a.passage_entities.len(), paras.len());
    let mut prev_end = 0;
    // The paragraph whose range holds each mention (ranges are disjoint).
    let mut by_range: Vec<Option<usize>> = vec![None; mentions.len()];
    for (p, r) in a.passage_mentions.iter().enumerate() {
        assert!(
            prev_end <= r.start && r.start <= r.end && r.end <= mentions.len(),
            "range {r:?}"
        );
        prev_end = r.end;
        for slot in &mut by_range[r.clone()] {
            *slot = Some(p);
        }
    }
    // Each range holds exactly the mentions that start in its paragraph.
    for (i, m) in mentions.iter().enumerate() {
        let k = paras.partition_point(|x| x.span.start <= m.span.start);
        let starts_in = k.checked_sub(1).filter(|&p| m.span.start < paras[p].span.end);
        assert_eq!(
            by_range[i], starts_in,
            "mention {i} {:?}: range of paragraph {:?}, starts in paragraph {starts_in:?}",
            m.span, by_range[i]
        );
    }
    for (p, r) in a.passage_mentions.iter().enumerate() {
        let mut ids: Vec<usize> = mentions[r.clone()].iter().map(|m| m.entity).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(a.passage_entities[p], ids);
    }
    assert_eq!(a.passages_with_all(&[]), (0..paras.len()).collect::<Vec<_>>());
}

/// A view for (`query`, `selected`, `only_matching`) and the segments of
/// every paragraph with `hidden` kinds.
pub fn check_view(
    a: &Analysis,
    query_input: &str,
    selected: &[usize],
    only_matching: bool,
    hidden: &[EntityKind],
) {
    let query = Query::parse(query_input);
    let v: View = a.view(&query, selected, only_matching);
    let body = &a.article.body;
    let paras = &a.article.paragraphs;
    let by_entities = a.passages_with_all(selected);
    assert!(
        v.passages.windows(2).all(|w| w[0] < w[1]),
        "view passages ascending"
    );
    assert!(
        v.passages.iter().all(|p| by_entities.binary_search(p).is_ok()),
        "visible passage filtered out"
    );
    if !only_matching || query.is_empty() {
        assert_eq!(v.passages, by_entities);
    } else {
        assert_eq!(v.passages.len(), v.matching_passages);
    }
    assert_eq!(v.searching, !query.is_empty());
    assert!(v.matching_passages <= by_entities.len());
    check_sorted_disjoint(body, &v.matches, "view matches");
    let spans = a.article.passages();
    let (visible, max_end) = sorted_spans(&spans, v.passages.iter().copied());
    for m in &v.matches {
        assert!(
            contained_in_any(&visible, &max_end, m),
            "view match {m:?} outside the visible passages"
        );
    }
    if query.is_empty() {
        assert!(v.matches.is_empty() && v.matching_passages == 0);
    }
    // Every visible match is a search match.
    let hits = a.index.search(&query);
    assert!(v.matches.iter().all(|m| hits
        .matches
        .binary_search_by_key(&(m.start, m.end), |h| (h.start, h.end))
        .is_ok()));
    let quoted = article_analysis::view::quoted_spans(&a.quotes);
    check_sorted_disjoint(body, &quoted, "quoted spans");
    // The sentences double as (overlapping) highlights: one per sentence and
    // one over each whole paragraph.
    let highlighted: Vec<Span> = paras
        .iter()
        .flat_map(|p| p.sentences.iter().cloned().chain([p.span.clone()]))
        .collect();
    let (highlights, owners) = highlight_pieces(&highlighted);
    check_highlight_pieces(&highlighted, &highlights, &owners);
    for (p, para) in paras.iter().enumerate() {
        let layers = Layers {
            matches: &v.matches,
            mentions: &a.entities.mentions,
            mention_range: a.passage_mentions[p].clone(),
            hidden,
            quoted: &quoted,
            highlights: &highlights,
        };
        let segs = segments(para.span.clone(), &layers);
        check_segments(body, &para.span, &segs, &layers);
    }
}

/// The pieces of [`highlight_pieces`] are sorted and disjoint, each inside
/// the highlight it names, and cover exactly the text some highlight covers.
pub fn check_highlight_pieces(spans: &[Span], pieces: &[Span], owners: &[usize]) {
    assert_eq!(pieces.len(), owners.len(), "one owner per piece");
    assert!(
        pieces.windows(2).all(|w| w[0].end <= w[1].start) && pieces.iter().all(|p| p.start < p.end),
        "highlight pieces sorted, disjoint, not empty"
    );
    for (p, &o) in pieces.iter().zip(owners) {
        let s = &spans[o];
        assert!(
            s.start <= p.start && p.end <= s.end,
            "piece {p:?} outside its highlight {s:?}"
        );
    }
    // Covered text: the union of the (non-empty) highlights.
    let mut union: Vec<Span> = spans.iter().filter(|s| s.start < s.end).cloned().collect();
    union.sort_by_key(|s| s.start);
    let mut joined: Vec<Span> = Vec::new();
    for s in union {
        match joined.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => joined.push(s),
        }
    }
    let mut covered: Vec<Span> = Vec::new();
    for p in pieces {
        match covered.last_mut() {
            Some(last) if p.start == last.end => last.end = p.end,
            _ => covered.push(p.clone()),
        }
    }
    assert_eq!(covered, joined, "pieces cover exactly the highlighted text");
}

/// The segments of paragraph `para` cover it exactly, in order, cut on
/// `char` boundaries, and each one's mark and mention are the match and the
/// shown mention that contain it (and none when none does).
pub fn check_segments(text: &str, para: &Span, segs: &[article_analysis::view::Segment], layers: &Layers) {
    let Layers {
        matches,
        mentions,
        hidden,
        quoted,
        highlights,
        ..
    } = *layers;
    let mention_range = layers.mention_range.clone();
    let spans: Vec<Span> = segs.iter().map(|s| s.span.clone()).collect();
    if para.start == para.end {
        assert!(segs.is_empty(), "segments of an empty paragraph");
        return;
    }
    check_sorted_disjoint(text, &spans, "segments");
    assert_eq!(
        spans.first().map(|s| s.start),
        Some(para.start),
        "segments start the paragraph"
    );
    assert_eq!(
        spans.last().map(|s| s.end),
        Some(para.end),
        "segments end the paragraph"
    );
    assert!(
        spans.windows(2).all(|w| w[0].end == w[1].start),
        "segments contiguous"
    );
    let overlaps = |a: &Span, b: &Span| a.start < b.end && b.start < a.end;
    // (Matches and mentions are sorted and disjoint: the ones overlapping a
    // segment follow the first that ends after its start.)
    let in_range = mentions.get(mention_range.clone()).unwrap_or(&[]);
    for s in segs {
        match s.highlight.and_then(|i| highlights.get(i)) {
            Some(h) => assert!(
                h.start <= s.span.start && s.span.end <= h.end,
                "highlight {h:?} does not cover {:?}",
                s.span
            ),
            None => {
                assert!(s.highlight.is_none(), "highlight index out of range");
                let first = highlights.partition_point(|h| h.end <= s.span.start);
                assert!(
                    !highlights.get(first).is_some_and(|h| overlaps(h, &s.span)),
                    "unhighlighted segment {:?} inside a highlight",
                    s.span
                );
            }
        }
        match s.quote.and_then(|i| quoted.get(i)) {
            Some(q) => assert!(
                q.start <= s.span.start && s.span.end <= q.end,
                "quote {q:?} does not cover {:?}",
                s.span
            ),
            None => {
                assert!(s.quote.is_none(), "quote index out of range");
                let first = quoted.partition_point(|q| q.end <= s.span.start);
                assert!(
                    !quoted.get(first).is_some_and(|q| overlaps(q, &s.span)),
                    "unquoted segment {:?} inside a quote",
                    s.span
                );
            }
        }
        match s.mark {
            Some(i) => {
                let m = &matches[i];
                assert!(
                    m.start <= s.span.start && s.span.end <= m.end,
                    "mark {m:?} does not cover {:?}",
                    s.span
                );
            }
            None => {
                let first = matches.partition_point(|m| m.end <= s.span.start);
                assert!(
                    !matches.get(first).is_some_and(|m| overlaps(m, &s.span)),
                    "unmarked segment {:?} inside a match",
                    s.span
                );
            }
        }
        let shown = |j: &usize| mention_range.contains(j) && !hidden.contains(&mentions[*j].kind);
        match s.mention {
            Some(j) => {
                assert!(shown(&j), "segment mention {j} not shown");
                let m = &mentions[j].span;
                assert!(
                    m.start <= s.span.start && s.span.end <= m.end,
                    "mention {m:?} does not cover {:?}",
                    s.span
                );
            }
            None => {
                let first = in_range.partition_point(|m| m.span.end <= s.span.start);
                let covered = in_range
                    .get(first..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|m| m.span.start < s.span.end)
                    .any(|m| !hidden.contains(&m.kind) && overlaps(&m.span, &s.span));
                assert!(
                    !covered,
                    "segment {:?} without the mention that covers it",
                    s.span
                );
            }
        }
    }
}

/// Chooses up to 3 entity indices and a set of hidden kinds from bytes.
pub fn choose_filters(bytes: &[u8], entity_count: usize) -> (Vec<usize>, bool, Vec<EntityKind>) {
    let get = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut selected = Vec::new();
    if entity_count > 0 {
        for i in 0..usize::from(get(0) % 4) {
            // Occasionally an index out of range: it must select nothing.
            let e = usize::from(get(1 + i)) % (entity_count + 1);
            selected.push(e);
        }
    }
    let only_matching = get(4) & 1 == 1;
    let mask = get(5);
    let hidden = EntityKind::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, k)| *k)
        .collect();
    (selected, only_matching, hidden)
}

/// Known bug (see RELIABILITY.md and the ignored test in
/// `analysis/tests/props_import.rs`): a Markdown heading whose text is only
/// markup ("<b>\n---", "# ``` ```") becomes an empty or blank line of the
/// imported body, which switches `Article::parse` to blank-line paragraphs
/// and merges the lines before it. Until `import::markdown` is fixed, blank
/// lines are tolerated so the fuzzer and the property tests look for other
/// bugs; set this to `false` to check the contract in full.
pub const TOLERATE_EMPTY_IMPORTED_LINES: bool = false;

/// An imported text: one paragraph per line (no blank line, which would
/// make `Article::parse` merge lines into paragraphs), and the article built
/// from it keeps the id and a title.
pub fn check_imported(imp: &article_analysis::import::Imported) {
    if let Some(t) = &imp.title {
        // (A blank title is allowed: `into_article` ignores it.)
        assert!(!t.contains('\n'), "imported title on several lines: {t:?}");
    }
    let body = &imp.body;
    assert!(
        body.is_empty() || body.ends_with('\n'),
        "imported body without final newline"
    );
    let mut empty_lines = false;
    for line in body.lines() {
        if line.trim().is_empty() && TOLERATE_EMPTY_IMPORTED_LINES {
            empty_lines = true;
            continue;
        }
        assert!(!line.trim().is_empty(), "blank line in imported body {body:?}");
    }
    let id = article_analysis::import::content_id(body);
    assert!(
        id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
        "content id {id:?}"
    );
    let a = imp.clone().into_article(&id);
    assert_eq!(a.id, id);
    // `Article::parse` drops a leading BOM (one can lead once control
    // characters before it are removed).
    let body = body.strip_prefix('\u{feff}').unwrap_or(body);
    assert_eq!(a.body, body);
    assert!(!a.meta.title.trim().is_empty(), "empty title");
    // One paragraph per line (a line holding only a BOM, which the import
    // keeps, is no paragraph: `Article::parse` drops it).
    // (The article cuts a paragraph over MAX_PARAGRAPH_BYTES into passages:
    // at least one each.)
    let paras = check_segmentation(body);
    if !empty_lines {
        let lines = body.lines().filter(|l| !l.chars().all(is_blank_char)).count();
        assert_eq!(paras.len(), lines, "paragraphs of {body:?}");
    }
    assert!(a.paragraphs.len() >= paras.len(), "a paragraph lost");
    let max = article_analysis::document::MAX_PARAGRAPH_BYTES;
    if paras.iter().all(|p| p.end - p.start <= max) {
        assert_eq!(a.passages(), paras);
    }
}

/// Tag names the HTML tree builder picks from.
const TAGS: &[&str] = &[
    "html",
    "head",
    "title",
    "body",
    "article",
    "main",
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "template",
    "noscript",
    "p",
    "div",
    "section",
    "h1",
    "h2",
    "h3",
    "li",
    "ul",
    "ol",
    "br",
    "b",
    "i",
    "a",
    "span",
    "pre",
    "code",
    "table",
    "tr",
    "td",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "hr",
    "form",
    "button",
    "svg",
    "iframe",
];

/// Builds an HTML tree from bytes: a byte below 0x40 opens an element (tag
/// from [`TAGS`]), 0x40 closes it, other bytes up to the next control byte
/// are a text node.
pub fn html_tree(mut data: &[u8]) -> article_analysis::import::html::Node {
    use article_analysis::import::html::Node;
    fn children(data: &mut &[u8], depth: usize) -> Vec<Node> {
        let mut out = Vec::new();
        while let Some((&b, rest)) = data.split_first() {
            *data = rest;
            if b < 0x40 {
                let kids = if depth < 40 {
                    children(data, depth + 1)
                } else {
                    Vec::new()
                };
                out.push(Node::el(TAGS[usize::from(b) % TAGS.len()], kids));
            } else if b == 0x40 {
                break;
            } else {
                let end = data.iter().position(|&c| c <= 0x40).unwrap_or(data.len());
                let mut bytes = vec![b];
                bytes.extend_from_slice(&data[..end]);
                *data = &data[end..];
                out.push(Node::Text(String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
        out
    }
    Node::el("html", children(&mut data, 0))
}

/// Property-test case count: `PROPTEST_CASES` when set (for longer local
/// runs), else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Words and punctuation of news text, for property tests that assemble
/// articles from pieces (names, demonyms, numbers, dates, punctuation).
pub const NEWS_PIECES: &[&str] = &[
    "Joe Biden",
    "Biden",
    "President",
    "Ukraine",
    "Kyiv",
    "NATO",
    "U.S.",
    "Monday",
    "1%",
    "1,2",
    "$3.5 billion",
    "missile",
    "missiles",
    "the",
    "said",
    "café",
    "😀",
    "\"",
    "=cmd",
    "-",
    "*",
    "_",
    "#",
    "\\",
    "<b>",
    "Ukrainian",
    "17 November 2024",
    "in",
    "and",
    "CAFE\u{301}",
    "---",
    "title: T",
];

/// Entity cards checked per analysis by [`check_overview`].
pub const CARDS_CHECKED: usize = 16;

/// The overview features of one analysis: the co-occurrence network (both
/// units, several sizes and thresholds) and its layout, position ticks of
/// the view's matches and of every entity's mentions, and the entity cards
/// (of every entity, or of [`CARDS_CHECKED`] spread over a long list).
pub fn check_overview(a: &Analysis, knobs: &[u8]) {
    use article_analysis::card::card;
    use article_analysis::cooccurrence::{is_named, network, units, Unit};
    use article_analysis::layout::{layout, Frame};
    use article_analysis::position::ticks;

    let knob = |i: usize| knobs.get(i).copied().unwrap_or(0) as usize;
    let body = &a.article.body;
    let entities = &a.entities.entities;
    for unit in [Unit::Sentence, Unit::Paragraph] {
        for u in units(a, unit) {
            assert!(
                u.windows(2).all(|w| w[0] < w[1]),
                "unit entities sorted and distinct"
            );
            assert!(u.iter().all(|&e| e < entities.len()), "unit entity out of range");
        }
        let (top, min) = (knob(0) % 160, 1 + knob(1) % 5);
        let net = network(a, unit, top, min);
        assert!(net.nodes.len() <= top && net.nodes.len() <= net.candidates);
        assert_eq!(
            net.candidates,
            entities.iter().filter(|e| is_named(e.kind)).count(),
            "candidates are the named entities"
        );
        assert!(
            net.nodes.windows(2).all(|w| w[0].mentions >= w[1].mentions),
            "nodes by mentions"
        );
        let mut seen = std::collections::HashSet::new();
        for n in &net.nodes {
            assert!(
                is_named(entities[n.entity].kind),
                "dates and quantities are not nodes"
            );
            assert!(seen.insert(n.entity), "an entity is one node");
        }
        for e in &net.edges {
            assert!(e.a < e.b && e.b < net.nodes.len(), "edge ends");
            assert!(e.count >= min, "edge under the threshold");
        }
        for (i, n) in net.nodes.iter().enumerate() {
            let d = net.edges.iter().filter(|e| e.a == i || e.b == i).count();
            assert_eq!(n.degree, d, "degree");
        }
        let frame = Frame {
            width: 200.0 + knob(2) as f64,
            height: 100.0 + knob(3) as f64,
            margin: (knob(4) % 40) as f64,
        };
        let edges: Vec<_> = net.edges.iter().map(|e| (e.a, e.b, e.count as f64)).collect();
        let pts = layout(net.nodes.len(), &edges, frame);
        assert_eq!(pts.len(), net.nodes.len());
        for p in &pts {
            assert!(p.x.is_finite() && p.y.is_finite(), "layout point finite");
            assert!(
                p.x >= frame.margin - 1e-6
                    && p.x <= frame.width - frame.margin + 1e-6
                    && p.y >= frame.margin - 1e-6
                    && p.y <= frame.height - frame.margin + 1e-6,
                "layout point {p:?} outside {frame:?}"
            );
        }
        assert_eq!(
            pts,
            layout(net.nodes.len(), &edges, frame),
            "layout deterministic"
        );
    }
    // Ticks: every span counted once, in order, within [0, 1].
    let slots = 1 + knob(5) % 50;
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); entities.len()];
    for m in &a.entities.mentions {
        spans[m.entity].push(m.span.clone());
    }
    for s in &spans {
        let t = ticks(s, body.len(), slots);
        assert_eq!(
            t.iter().map(|t| t.count).sum::<usize>(),
            s.len(),
            "ticks count every span"
        );
        assert!(t.len() <= s.len().max(1) && (s.len() <= slots || t.len() <= slots));
        assert!(t.iter().all(|t| (0.0..=1.0).contains(&t.at)));
        assert!(t
            .windows(2)
            .all(|w| w[0].first + w[0].count == w[1].first && w[0].at <= w[1].at));
    }
    // Cards: the first mention as written, its context from the article
    // (each card costs about the text: at most CARDS_CHECKED of them,
    // spread over the list).
    let flat = body.replace('\n', " ");
    let mut first_mention: Vec<Option<&Span>> = vec![None; entities.len()];
    for m in &a.entities.mentions {
        if let Some(slot @ None) = first_mention.get_mut(m.entity) {
            *slot = Some(&m.span);
        }
    }
    let step = entities.len().div_ceil(CARDS_CHECKED).max(1);
    for (i, e) in entities.iter().enumerate().step_by(step) {
        let c = card(a, i).expect("every entity has a card");
        assert_eq!(c.name, e.name);
        assert_eq!(c.mentions, e.mentions);
        if let Some(m) = first_mention[i] {
            assert_eq!(
                Some(c.context.mention.as_str()),
                body.get(m.clone()),
                "card mention"
            );
            let before = c.context.before.trim_start_matches('…');
            let after = c.context.after.trim_end_matches('…');
            assert!(
                flat.contains(before) && flat.contains(after),
                "card context from the text"
            );
        }
        if c.is_country {
            assert!(c.country.is_some(), "a country names itself");
        }
    }
    assert_eq!(card(a, entities.len()), None);
}
