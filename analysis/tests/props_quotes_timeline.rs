//! Property tests for quotes, the timeline and the concordance on any text:
//! they never panic; every span lies on `char` boundaries inside its
//! paragraph (and sentence); speakers are entities of the article; the
//! `Analysis` methods (which reuse the index's words) agree with the free
//! functions (which segment again); concordance lines are contiguous and
//! within their width.

use article_analysis::concordance::{self, Order};
use article_analysis::search::Query;
use article_analysis::segment::Span;
use article_analysis::timeline::TimeKind;
use article_analysis::{quotes, timeline, Analysis, Article};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Joe Biden",
    "Biden",
    "President",
    "the president",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "added",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "«",
    "»",
    "„",
    ":",
    ",",
    "Friday",
    "Nov. 5",
    "17 November 2024",
    "2024-11-17",
    "mid-2023",
    "last year",
    "two weeks ago",
    "in March",
    "1990s",
    "10:30 a.m.",
    "an hour later",
    "11-year",
    "October 25-26, 2016",
    "Monday",
    "café",
    "😀",
    "Cook",
    "Pentagon Press Secretary Peter Cook",
    "Spc.",
    "the release",
    "officials",
    "that",
    "—",
    "-",
    "(",
    ")",
    "Kyiv",
    "will",
    "was",
];
const SEPS: &[&str] = &[" ", " ", " ", "\n", "\n\n", ". ", ", ", "", "\r\n"];

fn joined(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), prop::sample::select(SEPS)), 0..max).prop_map(|v| {
        v.into_iter().fold(String::new(), |mut s, (w, sep)| {
            s.push_str(w);
            s.push_str(sep);
            s
        })
    })
}

fn on_boundaries(text: &str, s: &Span) -> bool {
    s.start <= s.end && text.get(s.clone()).is_some()
}

fn inside(outer: &Span, s: &Span) -> bool {
    outer.start <= s.start && s.end <= outer.end
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn quotes_timeline_and_concordance_keep_their_contracts(
        raw in prop_oneof![1 => any::<String>(), 4 => joined(60)],
        date in prop_oneof![Just(None), Just(Some("2024-11-17".to_string())), any::<String>().prop_map(Some)],
        q in prop_oneof![Just("biden".to_string()), Just("said".to_string()), any::<String>()],
        width in 0usize..50,
    ) {
        let mut a = Analysis::new(Article::parse("p.txt", &raw));
        a.article.meta.date = date;
        let body = a.article.body.clone();
        let paras = &a.article.paragraphs;

        let qs = a.find_quotes();
        prop_assert_eq!(&qs, &quotes::find(&body, paras, &a.entities));
        prop_assert!(qs.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        for x in &qs {
            let para = &paras[x.paragraph].span;
            prop_assert!(on_boundaries(&body, &x.span) && inside(para, &x.span), "{:?}", x);
            for s in x.cue.iter().chain(&x.speaker_span) {
                prop_assert!(on_boundaries(&body, s), "{:?}", x);
            }
            prop_assert!(x.speaker.is_none_or(|e| e < a.entities.entities.len()));
        }
        let summary = quotes::speakers(&qs);
        prop_assert_eq!(summary.iter().map(|s| s.quotes).sum::<usize>(), qs.len());

        let t = a.find_timeline();
        prop_assert_eq!(&t, &timeline::timeline(&body, paras, &a.entities, a.article.meta.date.as_deref()));
        for (list, kind) in [(&t.points, TimeKind::Point), (&t.durations, TimeKind::Duration), (&t.unplaced, TimeKind::Unplaced)] {
            for x in list {
                prop_assert_eq!(x.kind, kind);
                let para = &paras[x.paragraph].span;
                prop_assert!(on_boundaries(&body, &x.span) && inside(para, &x.span), "{:?}", x);
                prop_assert!(inside(para, &x.sentence) && inside(&x.sentence, &x.span), "{:?}", x);
            }
        }
        prop_assert!(t.points.iter().all(|x| !x.datetime.is_empty() && x.precision.is_some()));

        let v = a.view(&Query::parse(&q), &[], false);
        let mut lines = a.concordance(&v, width);
        prop_assert_eq!(lines.len(), v.matches.len());
        concordance::sort(&mut lines, &body, Order::Left);
        for l in &lines {
            let para = &paras[l.paragraph].span;
            prop_assert!(l.left.end == l.hit.start && l.hit.end == l.right.start, "{:?}", l);
            prop_assert!(inside(para, &l.left) && inside(para, &l.right), "{:?}", l);
            let text = l.text(&body);
            prop_assert!(text.left.chars().count() <= width && text.right.chars().count() <= width, "{:?}", text);
        }
        let csv = article_analysis::export::concordance_csv(&body, &lines);
        prop_assert_eq!(csv.lines().count(), lines.len() + 1);
    }
}
