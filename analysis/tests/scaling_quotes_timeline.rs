//! Quotes, the timeline and the concordance grow linearly: each is timed at
//! n, 2n, 4n and 8n copies of a news text, all in ONE paragraph (the worst
//! case for anything that rescans a paragraph), and a doubling may cost at
//! most about 3× (quadratic work would cost 4×). Ratios only, never absolute
//! times. The smallest size is about 270 KB: below that, allocator and cache
//! effects made the first doubling look dearer than the work it adds.

use std::time::{Duration, Instant};

use article_analysis::concordance;
use article_analysis::document::Paragraph;
use article_analysis::entities::{extract, Entities, Mention};
use article_analysis::{quotes, timeline, Article};

/// A unit of news text with quotes (curly and straight), reported speech,
/// titles, pronouns and dates of every form.
const UNIT: &str = "U.S. President Joe Biden spoke in Kyiv on Friday. “We will stand with Ukraine,” the president said. \
He added, \"The missiles will arrive in March.\" According to officials, the strikes began two weeks ago. \
Pentagon Press Secretary Peter Cook said the campaign had lasted two months, and on 17 November 2024 Cook told reporters \
that talks would resume early next year. The release said the talks of 2023-11-05 failed, as they did last year and in the 1990s. ";

const COPIES: usize = 384;
const RUNS: usize = 5;

/// `k` copies of the unit as one paragraph, with the entities of one unit
/// shifted to every copy (extraction is not what is measured).
fn document(k: usize, unit_entities: &Entities) -> (Article, Entities) {
    let body = UNIT.repeat(k);
    let mut entities = Entities {
        entities: unit_entities.entities.clone(),
        mentions: Vec::with_capacity(unit_entities.mentions.len() * k),
    };
    for c in 0..k {
        let shift = c * UNIT.len();
        entities
            .mentions
            .extend(unit_entities.mentions.iter().map(|m| Mention {
                span: m.span.start + shift..m.span.end + shift,
                ..m.clone()
            }));
    }
    // Articles cut paragraphs over `MAX_PARAGRAPH_BYTES` into passages;
    // the stages must be linear on one long paragraph all the same (records
    // from elsewhere, corrections), so the cut is undone here.
    let mut article = Article::from_body("big.txt", &body);
    let sentences = article.paragraphs.drain(..).flat_map(|p| p.sentences).collect();
    article.paragraphs = vec![Paragraph {
        span: 0..body.len(),
        sentences,
    }];
    (article, entities)
}

/// Times `f` at n, 2n, 4n and 8n copies, round after round (so a burst of
/// load on the machine hits every size alike), keeping each size's
/// fastest run, and checks each doubling.
fn assert_linear(what: &str, f: impl Fn(&Article, &Entities) -> usize) {
    let unit_entities = extract(UNIT);
    let documents: Vec<(Article, Entities)> = [1, 2, 4, 8]
        .iter()
        .map(|m| document(COPIES * m, &unit_entities))
        .collect();
    let mut times = [Duration::MAX; 4];
    for _ in 0..RUNS {
        for ((article, entities), best) in documents.iter().zip(times.iter_mut()) {
            assert_eq!(article.paragraphs.len(), 1);
            let t = Instant::now();
            let found = f(article, entities);
            *best = (*best).min(t.elapsed());
            assert!(found > 0, "{what}: nothing found, the test would measure nothing");
        }
    }
    println!(
        "{what}: {times:?} at {COPIES}, {}, {}, {} copies",
        2 * COPIES,
        4 * COPIES,
        8 * COPIES
    );
    for w in times.windows(2) {
        let ratio = w[1].as_secs_f64() / w[0].as_secs_f64().max(1e-9);
        assert!(ratio <= 3.0, "{what}: a doubling cost {ratio:.2}× ({times:?})");
    }
}

/// One test, so the three are timed one after the other, not side by side.
#[test]
fn quotes_timeline_and_concordance_scale_linearly() {
    assert_linear("quotes", |a, e| quotes::find(&a.body, &a.paragraphs, e).len());
    assert_linear("timeline", |a, e| {
        let t = timeline::timeline(&a.body, &a.paragraphs, e, Some("2024-11-17"));
        t.points.len() + t.durations.len()
    });
    assert_linear("concordance", |a, e| {
        let hits: Vec<_> = e.mentions.iter().map(|m| m.span.clone()).collect();
        let mut lines = concordance::lines(&a.body, &a.paragraphs, &hits, 60);
        concordance::sort(&mut lines, &a.body, concordance::Order::Left);
        lines.len()
    });
}
