//! Property tests for `Analysis` and the view: per-paragraph mention ranges
//! and entity sets agree with the mentions; a view's passages and matches
//! respect the query and the entity filters; `view::segments` covers each
//! paragraph exactly, cut on match and mention boundaries, with the right
//! mark and mention on every piece; the overview (network, layout, ticks,
//! cards) keeps its contracts.
//!
//! The invariant checks are shared with the `view` fuzz target
//! (`fuzz/src/lib.rs`, see RELIABILITY.md).

#[allow(dead_code)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

use article_analysis::entities::{EntityKind, Mention};
use article_analysis::segment::Span;
use article_analysis::view::segments;
use article_analysis::{Analysis, Article};
use checks::*;
use proptest::prelude::*;

const PIECES: &[&str] = NEWS_PIECES;
const SEPS: &[&str] = &[" ", " ", " ", "\n", "\n\n", ". ", ", ", "", "\r\n"];
const QUERY_PIECES: &[&str] = &[
    "biden",
    "kyiv",
    "cafe",
    "missile",
    "the",
    "\"joe biden",
    "-nato",
    "u.s",
    "\"",
    "mis",
    "kiev",
    "2024",
];

fn joined(
    pieces: &'static [&'static str],
    seps: &'static [&'static str],
    max: usize,
) -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(pieces), prop::sample::select(seps)), 0..max).prop_map(|v| {
        v.into_iter().fold(String::new(), |mut s, (w, sep)| {
            s.push_str(w);
            s.push_str(sep);
            s
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn analysis_view_and_segments(
        raw in prop_oneof![1 => any::<String>(), 3 => joined(PIECES, SEPS, 50)],
        q in prop_oneof![any::<String>(), joined(QUERY_PIECES, &[" ", " ", ""], 4)],
        filters in prop::collection::vec(any::<u8>(), 6),
    ) {
        let a = Analysis::new(Article::parse("p.txt", &raw));
        check_analysis(&a);
        let (selected, only_matching, hidden) = choose_filters(&filters, a.entities.entities.len());
        check_view(&a, &q, &selected, only_matching, &hidden);
        check_view(&a, &q, &[], true, &[]);
        check_overview(&a, &filters);
    }

    #[test]
    fn selecting_each_entity_keeps_the_passages_that_mention_it(raw in joined(PIECES, SEPS, 50)) {
        let a = Analysis::new(Article::parse("p.txt", &raw));
        for e in 0..a.entities.entities.len() {
            let expected: Vec<usize> = (0..a.article.paragraphs.len())
                .filter(|&p| a.entities.mentions[a.passage_mentions[p].clone()].iter().any(|m| m.entity == e))
                .collect();
            prop_assert_eq!(a.passages_with_all(&[e]), expected);
        }
    }

    /// `segments` alone, on synthetic sorted, disjoint matches and mentions.
    #[test]
    fn segments_cover_any_paragraph(
        para in (0usize..40, 1usize..40),
        match_gaps in prop::collection::vec((0usize..6, 1usize..6), 0..8),
        mention_gaps in prop::collection::vec((0usize..6, 1usize..6, 0usize..7), 0..8),
        range in (0usize..9, 0usize..9),
        hidden_mask in any::<u8>(),
    ) {
        let text = "a".repeat(100);
        let para: Span = para.0..para.0 + para.1;
        let to_spans = |gaps: &[(usize, usize)]| {
            let mut at = 0;
            gaps.iter().map(|&(g, l)| { at += g; let s = at..at + l; at += l; s }).collect::<Vec<Span>>()
        };
        let matches = to_spans(&match_gaps);
        let mention_spans = to_spans(&mention_gaps.iter().map(|&(g, l, _)| (g, l)).collect::<Vec<_>>());
        let mentions: Vec<Mention> = mention_spans
            .into_iter()
            .zip(&mention_gaps)
            .map(|(span, &(_, _, k))| Mention { span, kind: EntityKind::ALL[k], entity: 0 })
            .collect();
        let (a, b) = (range.0.min(mentions.len()), range.1.min(mentions.len()));
        let mention_range = a.min(b)..a.max(b);
        let hidden: Vec<EntityKind> = EntityKind::ALL.iter().enumerate()
            .filter(|(i, _)| hidden_mask & (1 << i) != 0).map(|(_, k)| *k).collect();
        // The matches double as quoted spans (sorted, disjoint).
        let segs = segments(para.clone(), &matches, &mentions, mention_range.clone(), &hidden, &matches);
        check_segments(&text, &segs, &Layers { para: &para, matches: &matches, mentions: &mentions, mention_range, hidden: &hidden, quoted: &matches });
    }
}
