//! Scaling tests: every stage from bytes to the rendered view costs about
//! linear (or n log n) time in its input, for every shape of input, including
//! the ones that froze or crashed the app (issue 18): nested Markdown links,
//! many unmatched `<`, one word in thousands of spellings, a 1 MB paragraph,
//! very long words, only punctuation, many paragraphs or lines, many matches,
//! phrases over repetitive text, long queries.
//!
//! Each case builds its input at n, 2n, 4n and 8n and fails when a doubling
//! costs more than about 3× (`common::assert_scales`: ratios of medians,
//! never absolute times). Figures: `cargo test -p article-analysis --test
//! scaling -- --nocapture`. The entity engine's own cases are in
//! `scaling_entities.rs`.

mod common;

use std::fmt::Write as _;

use article_analysis::card::PlaceFacts;
use article_analysis::cooccurrence::{self, Unit};
use article_analysis::entities::{Entities, Entity, EntityKind, Mention};
use article_analysis::import::html::{readable, Node};
use article_analysis::import::{decode, open_text, Format};
use article_analysis::layout::{layout, Frame};
use article_analysis::record::ArticleRecord;
use article_analysis::search::{Index, Query};
use article_analysis::segment::{paragraphs, Span};
use article_analysis::view::segments;
use article_analysis::{analysis::Analyzer, card, export, library, position, Analysis, Article};
use common::assert_scales;

// ---------------------------------------------------------------- inputs

/// A generator of inputs: the input of size `n`.
type Make = Box<dyn Fn(usize) -> String>;

/// `piece` repeated to at least `bytes` bytes.
fn repeat_to(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes / piece.len().max(1) + 1)
}

/// The `i`-th spelling of `word`: bit `j` of `i` capitalizes letter `j`.
fn spelling(word: &str, i: usize) -> String {
    word.chars()
        .enumerate()
        .map(|(j, c)| {
            if i >> (j % 24) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

/// `count` distinct words: "w0 w1 w2 …".
fn distinct_words(count: usize) -> String {
    let mut s = String::new();
    for i in 0..count {
        let _ = write!(s, "w{i} ");
    }
    s
}

/// A text and made-up entities: `pattern` is repeated to `bytes`, and every
/// word of `names` in it is a mention of one of `entities` entities (in
/// turn), so the view, network and exports can be measured without the
/// entity engine.
fn with_entities(pattern: &str, names: &[&str], entities: usize, bytes: usize) -> Analysis {
    let body = repeat_to(pattern, bytes);
    let mut mentions = Vec::new();
    let mut next = 0;
    for (off, w) in article_analysis::segment::words(&body) {
        if names.contains(&w) {
            mentions.push(Mention {
                span: off..off + w.len(),
                kind: EntityKind::Place,
                entity: next % entities,
            });
            next += 1;
        }
    }
    let mut counts = vec![0; entities];
    for m in &mentions {
        counts[m.entity] += 1;
    }
    let entities = counts
        .into_iter()
        .enumerate()
        .map(|(e, count)| Entity {
            id: format!("place-{e}"),
            name: format!("Place {e}"),
            kind: EntityKind::Place,
            aliases: vec![format!("P{e}"), format!("Pl. {e}")],
            mentions: count,
            related: None,
        })
        .collect();
    made_up(
        Article::from_body("t.txt", &body),
        Entities { entities, mentions },
    )
}

/// An analysis with the given entities (no entity engine, no gazetteer).
fn made_up(article: Article, entities: Entities) -> Analysis {
    let places = vec![PlaceFacts::default(); entities.entities.len()];
    let mut record = ArticleRecord::without_entities(article);
    record.entities = entities;
    record.places = places;
    Analysis::from_record(record)
}

/// The body of an import, so a whole import is measured (Markdown or plain
/// text to paragraphs and sentences).
fn import(text: &str, format: Format) -> usize {
    open_text(text, format).into_article("x").paragraphs.len()
}

// ---------------------------------------------------------------- import

/// Markdown shapes: (name, n, input of size about n).
fn markdown_shapes() -> Vec<(&'static str, usize, Make)> {
    vec![
        // The issue's crash: [[[…x…](a)](a)](a).
        (
            "nested links",
            32_000,
            Box::new(|n| format!("{}x{}", "[".repeat(n / 5), "](a)".repeat(n / 5))),
        ),
        (
            "nested images",
            16_000,
            Box::new(|n| format!("{}x{}", "![".repeat(n / 6), "](a)".repeat(n / 6))),
        ),
        ("[ runs", 32_000, Box::new(|n| repeat_to("[a ", n))),
        ("only [", 32_000, Box::new(|n| "[".repeat(n))),
        (
            "many references",
            16_000,
            Box::new(|n| {
                let mut md = String::new();
                for i in 0..n / 30 {
                    let _ = write!(md, "[t][r{i}] [u][] [v] ");
                }
                md.push_str("\n\n");
                for i in 0..n / 30 {
                    let _ = writeln!(md, "[r{i}]: /u{i}");
                }
                md
            }),
        ),
        // The issue's freeze: many unmatched `<`.
        ("unmatched <", 32_000, Box::new(|n| repeat_to("a <b c ", n))),
        (
            "unmatched < at line starts",
            32_000,
            Box::new(|n| repeat_to("<b c\n", n)),
        ),
        (
            "HTML block with unmatched <",
            32_000,
            Box::new(|n| format!("<div>\n{}", repeat_to("a <x <b ", n))),
        ),
        (
            "unclosed comment and tags",
            32_000,
            Box::new(|n| format!("<!-- {}", repeat_to("<a href=\"x ", n))),
        ),
        (
            "backtick runs of distinct lengths",
            32_000,
            Box::new(|n| {
                let mut md = String::new();
                let mut k = 1;
                while md.len() < n {
                    md.push_str(&"`".repeat(k));
                    md.push_str(" a ");
                    k += 1;
                }
                md
            }),
        ),
        (
            "backtick runs",
            32_000,
            Box::new(|n| repeat_to("`a ``b ```c ", n)),
        ),
        (
            "unclosed emphasis",
            32_000,
            Box::new(|n| repeat_to("*a _b **c __d ~e ", n)),
        ),
        (
            "nested quotes",
            32_000,
            Box::new(|n| format!("{} x", ">".repeat(n))),
        ),
        (
            "nested lists",
            32_000,
            Box::new(|n| format!("{}x", "- ".repeat(n / 2))),
        ),
        (
            "wide table with short rows",
            16_000,
            Box::new(|n| {
                format!(
                    "{}\n{}\n{}",
                    "|a".repeat(n / 8),
                    "|-".repeat(n / 8),
                    "|x\n".repeat(n / 4)
                )
            }),
        ),
    ]
}

#[test]
fn markdown_import_of_adversarial_shapes() {
    for (name, n, make) in markdown_shapes() {
        assert_scales(&format!("markdown {name}"), n, &make, |md| {
            import(md, Format::Markdown)
        });
    }
}

#[test]
fn plain_and_markdown_lines_and_paragraphs() {
    for (name, piece) in [
        ("many short lines", "a\n"),
        ("many paragraphs", "A b c.\n\n"),
        ("only punctuation", ".!?,;:…—"),
        ("dots and spaces", ". "),
        ("blank lines", " \n\t\n"),
    ] {
        assert_scales(
            &format!("text import: {name}"),
            32_000,
            |n| repeat_to(piece, n),
            |t| import(t, Format::Text),
        );
        assert_scales(
            &format!("markdown import: {name}"),
            32_000,
            |n| repeat_to(piece, n),
            |t| import(t, Format::Markdown),
        );
    }
}

#[test]
fn decoding_bytes() {
    assert_scales(
        "decode invalid UTF-8 and controls",
        64_000,
        |n| b"ab\xFF\x00\x07c ".repeat(n / 7),
        |b| decode::decode(b).text.len(),
    );
    assert_scales(
        "decode UTF-16 with lone surrogates",
        64_000,
        |n| {
            let mut b = vec![0xFF, 0xFE];
            for _ in 0..n / 6 {
                b.extend_from_slice(&[0x41, 0x00, 0x00, 0xD8, 0x0A, 0x00]);
            }
            b
        },
        |b| decode::decode(b).text.len(),
    );
}

#[test]
fn html_documents() {
    assert_scales(
        "html many paragraphs",
        2_000,
        |n| {
            let ps = (0..n)
                .map(|i| Node::el("p", vec![Node::text(&format!("Para {i} "))]))
                .collect();
            Node::el("html", vec![Node::el("body", vec![Node::el("article", ps)])])
        },
        |doc| readable(doc).body.len(),
    );
    assert_scales(
        "html deep chains",
        4,
        |n| {
            // n chains nested deeper than the walk goes (MAX_DEPTH).
            let chains = (0..n)
                .map(|_| {
                    let mut node = Node::text("deep");
                    for _ in 0..600 {
                        node = Node::el("div", vec![node, Node::text("x")]);
                    }
                    node
                })
                .collect();
            Node::el("body", chains)
        },
        |doc| readable(doc).body.len(),
    );
}

// ------------------------------------------------------ text and the index

/// Shapes of text for segmentation and indexing.
fn text_shapes() -> Vec<(&'static str, Make)> {
    vec![
        (
            "one paragraph of place names",
            Box::new(|n| repeat_to("Kyiv, Lviv and Odesa are cities of Ukraine ", n)),
        ),
        ("one very long word", Box::new(|n| "a".repeat(n))),
        ("one very long accented word", Box::new(|n| "é".repeat(n / 2))),
        ("only punctuation", Box::new(|n| repeat_to(".!?,;:…—", n))),
        (
            "initials and abbreviations",
            Box::new(|n| repeat_to("J. R. R. Mr. U.S. Gen. ", n)),
        ),
        (
            "one long dotted word",
            Box::new(|n| format!("{} He", "a.".repeat(n / 2))),
        ),
        ("many short lines", Box::new(|n| repeat_to("a\n", n))),
        (
            "many paragraphs",
            Box::new(|n| repeat_to("Some words here. And more.\n\n", n)),
        ),
        ("distinct words", Box::new(|n| distinct_words(n / 7))),
        (
            "one word in many spellings",
            Box::new(|n| {
                let mut s = String::new();
                for i in 0..n / 21 {
                    s.push_str(&spelling("internationalizations", i));
                    s.push(' ');
                }
                s
            }),
        ),
    ]
}

#[test]
fn segmenting_and_indexing() {
    for (name, make) in text_shapes() {
        assert_scales(&format!("article parse: {name}"), 32_000, &make, |t| {
            Article::parse("a.txt", t).paragraphs.len()
        });
        assert_scales(
            &format!("index build: {name}"),
            32_000,
            |n| {
                let t = make(n);
                let p = paragraphs(&t);
                (t, p)
            },
            |(t, p)| Index::build(t, p).token_count(),
        );
    }
}

// ---------------------------------------------------------------- search

/// An index over `text` split into paragraphs.
fn indexed(text: String) -> (String, Index) {
    let p = paragraphs(&text);
    let index = Index::build(&text, &p);
    (text, index)
}

#[test]
fn search_in_a_growing_text() {
    let cases: [(&str, &str, &str); 6] = [
        ("many matches", "missile strike\n", "missile"),
        ("many matches of a prefix", "missile strike\n", "mis"),
        ("phrase over a repetitive text", "a b ", "\"a b a b a b a b a b\""),
        ("phrase with a prefix word", "a b ", "\"a b a b a"),
        ("negation", "a b\nb c\n", "a -c -\"b c\""),
        ("a missing word", "missile strike\n", "misile"),
    ];
    for (name, pattern, query) in cases {
        let query = Query::parse(query);
        assert_scales(
            &format!("search: {name}"),
            32_000,
            |n| indexed(repeat_to(pattern, n)),
            |(_, index)| index.search(&query).matches.len(),
        );
    }
    for (name, query) in [
        ("prefix over a large vocabulary", "w"),
        ("suggestions from a large vocabulary", "x12345 "),
    ] {
        let query = Query::parse(query);
        assert_scales(
            &format!("search: {name}"),
            32_000,
            |n| indexed(distinct_words(n / 7)),
            |(_, index)| {
                let hits = index.search(&query);
                hits.matches.len() + hits.suggestions.len()
            },
        );
    }
}

#[test]
fn search_with_a_growing_query() {
    let (_, words) = indexed(distinct_words(20_000));
    let (_, repetitive) = indexed(repeat_to("a b ", 200_000));
    let queries: [(&str, Make, &Index); 6] = [
        ("words present", Box::new(distinct_words), &words),
        (
            "words missing",
            Box::new(|m| repeat_to("x y z q ", 2 * m)),
            &words,
        ),
        (
            "distinct missing words",
            Box::new(|m| (0..m).map(|i| format!("x{i}y ")).collect()),
            &words,
        ),
        (
            "one phrase over a repetitive text",
            Box::new(|m| format!("\"{}\"", repeat_to("a b ", 2 * m))),
            &repetitive,
        ),
        (
            "many phrases over a repetitive text",
            Box::new(|m| repeat_to("\"a b a\" \"b a b\" ", 4 * m)),
            &repetitive,
        ),
        (
            "negated words",
            Box::new(|m| repeat_to("-a -b -c ", 2 * m)),
            &words,
        ),
    ];
    for (name, make, index) in queries {
        assert_scales(&format!("search, long query: {name}"), 250, &make, |q| {
            index.search(&Query::parse(q)).matches.len()
        });
    }
    assert_scales(
        "search: a long missing word against a long word of the text",
        8_000,
        |n| {
            let text = format!("{} end", "ab".repeat(n / 2));
            (indexed(text).1, format!("{}x ", "ab".repeat(n / 2)))
        },
        |(index, q)| index.search(&Query::parse(q)).suggestions.len(),
    );
}

// -------------------------------------------------- view, exports, overview

const PLACES: &[&str] = &["Kyiv", "Lviv", "Odesa"];

#[test]
fn view_and_segments() {
    let query = Query::parse("kyiv odesa");
    let render = |a: &Analysis| {
        let v = a.view(&query, &[], false);
        let mut count = 0;
        for &p in &v.passages {
            if let (Some(para), Some(range)) = (a.article.paragraphs.get(p), a.passage_mentions.get(p)) {
                count += segments(
                    para.span.clone(),
                    &v.matches,
                    &a.entities.mentions,
                    range.clone(),
                    &[],
                    &[],
                )
                .len();
            }
        }
        count
    };
    assert_scales(
        "view: one paragraph with many marks",
        16_000,
        |n| with_entities("Kyiv met Lviv and Odesa. ", PLACES, 50, n),
        render,
    );
    assert_scales(
        "view: many paragraphs with marks",
        16_000,
        |n| with_entities("Kyiv met Lviv and Odesa.\n", PLACES, 50, n),
        render,
    );
    assert_scales(
        "view: passages with selected entities",
        16_000,
        |n| with_entities("Kyiv met Lviv and Odesa.\n", PLACES, 3, n),
        |a| a.view(&Query::default(), &[0, 1, 2], true).passages.len(),
    );
}

#[test]
fn exports_cards_and_positions() {
    let query = Query::parse("kyiv");
    assert_scales(
        "export: passages as Markdown",
        16_000,
        |n| {
            let a = with_entities("Kyiv met Lviv.\n", PLACES, 20, n);
            let v = a.view(&query, &[], false);
            (a, v)
        },
        |(a, v)| export::passages_markdown(a, v, "search").len(),
    );
    assert_scales(
        "export: entities as CSV and JSON",
        16_000,
        |n| with_entities("Kyiv met Lviv.\n", PLACES, n / 16, n),
        |a| export::entities_csv(a).len() + export::entities_json(a).len(),
    );
    assert_scales(
        "card: first mention in a long paragraph",
        32_000,
        |n| with_entities("Kyiv met Lviv and Odesa, ", PLACES, 3, n),
        |a| card::card(a, 2).map(|c| c.context.before.len()),
    );
    assert_scales(
        "position ticks",
        64_000,
        |n| (0..n).map(|i| i * 4..i * 4 + 2).collect::<Vec<Span>>(),
        |spans| position::ticks(spans, spans.len() * 4, 120).len(),
    );
}

#[test]
fn network_and_layout() {
    for unit in [Unit::Sentence, Unit::Paragraph] {
        assert_scales(
            &format!("network by {}", unit.as_str()),
            16_000,
            |n| with_entities("Kyiv met Lviv and Odesa. Kyiv again.\n", PLACES, 400, n),
            |a| cooccurrence::network(a, unit, 150, 1).edges.len(),
        );
    }
    // The layout depends on the nodes only (at most `top`, which the app
    // caps at 150): about rounds × nodes², whatever the text.
    assert_scales(
        "layout of a network of many edges",
        2_000,
        |n| {
            (0..n)
                .map(|i| (i % 150, (i * 7 + 1) % 150, 1.0))
                .collect::<Vec<_>>()
        },
        |edges| {
            let frame = Frame {
                width: 640.0,
                height: 420.0,
                margin: 30.0,
            };
            layout(150, edges, frame).len()
        },
    );
}

#[test]
fn library_search_and_entity_index() {
    assert_scales(
        "library: search with a long query",
        8_000,
        |n| {
            let a = with_entities("Kyiv met Lviv.\nNothing else.\n", PLACES, 5, n);
            let b = with_entities("Odesa and Kyiv.\n", PLACES, 5, n);
            (a, b)
        },
        |(a, b)| library::search(&[a, b], &Query::parse(&repeat_to("kyiv lviv nothing ", 300))).len(),
    );
    assert_scales(
        "library: entity index",
        8_000,
        |n| {
            let a = with_entities("Kyiv met Lviv.\n", PLACES, n / 16, n);
            let b = with_entities("Odesa and Kyiv.\n", PLACES, n / 16, n);
            (a, b)
        },
        |(a, b)| library::entity_index(&[a, b]).len(),
    );
}

// ------------------------------------------------------------ end to end

/// A text that stresses every stage: one long paragraph (Markdown joins
/// lines) where names repeat thousands of times (the issue's "John Smith met
/// Smith.", the shape of a transcript) among one word in many spellings,
/// places, long words and punctuation, with nested links and unmatched `<`;
/// every hundred lines a heading.
fn stress_markdown(n: usize) -> String {
    let mut md = String::new();
    let mut i = 0;
    while md.len() < n {
        if i % 100 == 0 {
            md.push_str("\n## Part\n\n");
        }
        let _ = writeln!(
            md,
            "{}{} said [[x](a)](a) <b 2 < 3. Kyiv, Lviv, Odesa, {} and Kharkiv!?",
            "John Smith met Smith. ".repeat(24),
            spelling("Internationalization", i),
            "a".repeat(i % 50),
        );
        i += 1;
    }
    md
}

/// Opening, analysing (in steps, as the app does), searching, viewing, the
/// network and the exports. `engine`: whether entities come from the entity
/// engine or are left out.
fn whole_pipeline(md: &str, engine: bool) -> usize {
    let article = open_text(md, Format::Markdown).into_article("x");
    let a = if engine {
        let mut job = Analyzer::new(article);
        while !job.step(64) {}
        job.finish()
    } else {
        made_up(article, Entities::default())
    };
    let v = a.view(&Query::parse("smith \"john smith\" internat"), &[], false);
    let net = cooccurrence::network(&a, Unit::Sentence, 150, 1);
    export::passages_markdown(&a, &v, "x").len() + export::entities_csv(&a).len() + net.edges.len()
}

#[test]
fn end_to_end_without_the_entity_engine() {
    assert_scales("end to end, no entity engine", 16_000, stress_markdown, |md| {
        whole_pipeline(md, false)
    });
}

#[test]
fn end_to_end_with_the_entity_engine() {
    assert_scales("end to end", 32_000, stress_markdown, |md| {
        whole_pipeline(md, true)
    });
}
