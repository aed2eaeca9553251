//! Ranking across the archive with BM25 (k1 = 1.2, b = 0.75, as
//! [`crate::library::search`]) from the postings the reader fetched.
//!
//! Every positive word must be in the article (AND over the whole article);
//! a negated word excludes the articles that have it. A word that is in more
//! than half of the articles is left out of a query that has a rarer word:
//! its BM25 weight is below ln 2 and it would cost its whole postings list
//! ("the war" ranks like "war"); when every word is that common, only the
//! rarest is kept. The words left out are reported.

use super::builder::impact;
use super::format::Posting;

/// One ranked article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// Document number.
    pub doc: u32,
    /// BM25 score (higher is better).
    pub score: f64,
}

/// The articles that match a query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ranking {
    /// Best first (ties: lower document number). Every match, except for a
    /// query that comes down to one common word: then the
    /// [`super::Manifest::head`] best, which are exactly the best ones.
    pub results: Vec<Scored>,
    /// How many articles match.
    pub total: u32,
    /// Whether `results` and `total` are estimates: a word being typed (the
    /// prefix rule) is matched with the best postings of its completions
    /// only.
    pub approximate: bool,
    /// Words left out as too common (as typed).
    pub ignored: Vec<String>,
}

/// One query word's postings: term frequencies summed over the stems it
/// matches, by document.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct WordPostings {
    /// In document order.
    pub postings: Vec<Posting>,
    /// Articles with the word (BM25's document frequency).
    pub df: u32,
    /// Whether `postings` is the word's whole list (a word being typed may
    /// have only its completions' heads).
    pub complete: bool,
}

/// How many articles match, from the `found` matches of the postings read:
/// exact when every word's list was read whole. When a word being typed was
/// matched with its completions' heads only, the matches are scaled by how
/// much of each such word's list was read, as if the heads were a sample
/// ("prime minis" found 201 articles at 100,000 where 6,334 match), never
/// above the rarest word's article count nor below what was found.
pub(crate) fn estimated_total(found: usize, words: &[WordPostings]) -> u32 {
    let found = u32::try_from(found).unwrap_or(u32::MAX);
    let scale: f64 = words
        .iter()
        .filter(|w| !w.complete && !w.postings.is_empty())
        .map(|w| f64::from(w.df) / w.postings.len() as f64)
        .product();
    let cap = words.iter().map(|w| w.df).min().unwrap_or(found).max(found);
    let estimate = (f64::from(found) * scale).round();
    if estimate >= f64::from(cap) {
        cap
    } else {
        // Below `cap`, a u32: the cast cannot overflow.
        (estimate as u32).max(found)
    }
}

/// BM25's inverse document frequency.
fn idf(df: u32, docs: u32) -> f64 {
    let (n, df) = (f64::from(docs), f64::from(df));
    ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
}

/// Which positive words a query keeps, given each word's document
/// frequency: the positions kept and the positions left out as too common.
pub(crate) fn keep_rare(dfs: &[u32], docs: u32) -> (Vec<usize>, Vec<usize>) {
    let common = |df: u32| u64::from(df) * 2 > u64::from(docs);
    let any_rare = dfs.iter().any(|&df| !common(df));
    let rarest = (0..dfs.len()).min_by_key(|&i| dfs[i]);
    (0..dfs.len()).partition(|&i| {
        if any_rare {
            !common(dfs[i])
        } else {
            Some(i) == rarest
        }
    })
}

/// The articles that have every positive word and no negative one, scored.
pub(crate) fn score(
    positive: &[WordPostings],
    negative: &[WordPostings],
    docs: u32,
    avg: f64,
) -> Vec<Scored> {
    let Some(shortest) = positive.iter().min_by_key(|w| w.postings.len()) else {
        return Vec::new();
    };
    let weights: Vec<f64> = positive.iter().map(|w| idf(w.df, docs)).collect();
    let has = |w: &WordPostings, doc: u32| {
        w.postings
            .binary_search_by_key(&doc, |p| p.doc)
            .ok()
            .and_then(|i| w.postings.get(i))
            .copied()
    };
    let mut out = Vec::new();
    'doc: for p in &shortest.postings {
        if negative.iter().any(|w| has(w, p.doc).is_some()) {
            continue;
        }
        let mut s = 0.0;
        for (w, weight) in positive.iter().zip(&weights) {
            let Some(q) = has(w, p.doc) else {
                continue 'doc;
            };
            s += weight * impact(q.tf, q.words, avg);
        }
        out.push(Scored { doc: p.doc, score: s });
    }
    out.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
    out
}

/// Merges several stems' postings (each in document order) into one list,
/// summing the term frequencies of a document.
pub(crate) fn merge(lists: Vec<Vec<Posting>>) -> Vec<Posting> {
    let mut all: Vec<Posting> = lists.into_iter().flatten().collect();
    all.sort_unstable_by_key(|p| p.doc);
    let mut out: Vec<Posting> = Vec::with_capacity(all.len());
    for p in all {
        match out.last_mut() {
            Some(last) if last.doc == p.doc => last.tf = last.tf.saturating_add(p.tf),
            _ => out.push(p),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(docs: &[(u32, u32)]) -> WordPostings {
        WordPostings {
            postings: docs
                .iter()
                .map(|&(doc, tf)| Posting { doc, tf, words: 100 })
                .collect(),
            df: docs.len() as u32,
            complete: true,
        }
    }

    /// A word with `df` articles of which the first `read` were read.
    fn partly(df: u32, read: u32) -> WordPostings {
        let docs: Vec<(u32, u32)> = (0..read).map(|d| (d, 1)).collect();
        WordPostings {
            df,
            complete: read == df,
            ..word(&docs)
        }
    }

    #[test]
    fn whole_lists_give_the_exact_count() {
        assert_eq!(estimated_total(17, &[partly(40, 40), partly(90, 90)]), 17);
        assert_eq!(estimated_total(0, &[partly(40, 40)]), 0);
    }

    #[test]
    fn a_word_read_in_part_scales_the_count_within_bounds() {
        // A tenth of the typed word's list was read: ten times the matches.
        assert_eq!(
            estimated_total(20, &[partly(5_000, 5_000), partly(1_000, 100)]),
            200
        );
        // Never more than the rarest word has.
        assert_eq!(estimated_total(90, &[partly(300, 300), partly(1_000, 100)]), 300);
        // Never fewer than found.
        assert_eq!(estimated_total(5, &[partly(4, 4), partly(10, 2)]), 5);
    }

    #[test]
    fn every_word_must_be_there_and_no_excluded_one() {
        let a = word(&[(1, 1), (2, 5), (3, 1)]);
        let b = word(&[(2, 1), (3, 1), (4, 1)]);
        let got = score(&[a.clone(), b.clone()], &[], 10, 100.0);
        assert_eq!(
            got.iter().map(|s| s.doc).collect::<Vec<_>>(),
            vec![2, 3],
            "2 has more of a"
        );
        let not = word(&[(2, 1)]);
        let got = score(&[a, b], &[not], 10, 100.0);
        assert_eq!(got.iter().map(|s| s.doc).collect::<Vec<_>>(), vec![3]);
        assert!(score(&[], &[], 10, 100.0).is_empty());
    }

    #[test]
    fn common_words_give_way_to_rarer_ones() {
        assert_eq!(keep_rare(&[90, 3], 100), (vec![1], vec![0]));
        assert_eq!(
            keep_rare(&[90, 60], 100),
            (vec![1], vec![0]),
            "all common: the rarest"
        );
        assert_eq!(keep_rare(&[90], 100), (vec![0], vec![]));
        assert_eq!(
            keep_rare(&[50, 3], 100),
            (vec![0, 1], vec![]),
            "half is not more than half"
        );
    }

    #[test]
    fn merged_stems_add_up_per_article() {
        let m = merge(vec![
            vec![
                Posting {
                    doc: 1,
                    tf: 2,
                    words: 9,
                },
                Posting {
                    doc: 4,
                    tf: 1,
                    words: 7,
                },
            ],
            vec![Posting {
                doc: 1,
                tf: 3,
                words: 9,
            }],
        ]);
        assert_eq!(
            m,
            vec![
                Posting {
                    doc: 1,
                    tf: 5,
                    words: 9
                },
                Posting {
                    doc: 4,
                    tf: 1,
                    words: 7
                }
            ]
        );
    }
}
