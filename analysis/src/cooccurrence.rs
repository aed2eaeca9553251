//! Who appears together with whom: a network of the named entities (people,
//! organizations, places, groups, other names) that are mentioned in the
//! same sentence or the same paragraph.
//!
//! Nodes are the `top` most mentioned entities; an edge joins two of them
//! when they share at least `min_count` units (sentences or paragraphs), and
//! its count is the number of units they share. Dates and quantities are
//! left out: they co-occur with everything.
//!
//! ```
//! use article_analysis::{Analysis, Article};
//! use article_analysis::cooccurrence::{network, Unit};
//! let a = Analysis::new(Article::parse(
//!     "a.txt",
//!     "Joe Biden met Volodymyr Zelensky in Kyiv. Biden spoke.\nZelensky thanked Biden.",
//! ));
//! let net = network(&a, Unit::Sentence, 10, 1);
//! let name = |n: usize| a.entities.entities[net.nodes[n].entity].name.as_str();
//! let biden_zelensky = net
//!     .edges
//!     .iter()
//!     .find(|e| [name(e.a), name(e.b)].contains(&"Joe Biden") && [name(e.a), name(e.b)].contains(&"Volodymyr Zelensky"))
//!     .unwrap();
//! assert_eq!(biden_zelensky.count, 2);
//! ```

use crate::analysis::Analysis;
use crate::entities::EntityKind;
use crate::segment;

/// What counts as "together".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    /// The same sentence.
    #[default]
    Sentence,
    /// The same paragraph.
    Paragraph,
}

impl Unit {
    /// "sentence" or "paragraph".
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Sentence => "sentence",
            Unit::Paragraph => "paragraph",
        }
    }

    /// The unit named by [`Unit::as_str`].
    pub fn from_str_opt(s: &str) -> Option<Unit> {
        [Unit::Sentence, Unit::Paragraph]
            .into_iter()
            .find(|u| u.as_str() == s)
    }
}

/// One entity of the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Index into `entities.entities`.
    pub entity: usize,
    /// Its number of mentions.
    pub mentions: usize,
    /// Number of edges it has in this network.
    pub degree: usize,
}

/// Two entities that appear together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Index into [`Network::nodes`] (the smaller one).
    pub a: usize,
    /// Index into [`Network::nodes`] (the larger one).
    pub b: usize,
    /// Number of units mentioning both.
    pub count: usize,
}

/// A co-occurrence network.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Network {
    /// Nodes, most mentioned first (ties: first mentioned first).
    pub nodes: Vec<Node>,
    /// Edges, by `(a, b)`.
    pub edges: Vec<Edge>,
    /// Named entities in the article (before `top` cut the list).
    pub candidates: usize,
}

/// Whether a kind takes part in the network.
pub fn is_named(kind: EntityKind) -> bool {
    !matches!(kind, EntityKind::Date | EntityKind::Quantity)
}

/// For each unit, the distinct entities mentioned in it (any kind).
pub fn units(a: &Analysis, unit: Unit) -> Vec<Vec<usize>> {
    match unit {
        Unit::Paragraph => a.passage_entities.clone(),
        Unit::Sentence => {
            let mentions = &a.entities.mentions;
            let mut out = Vec::new();
            for (p, para) in a.article.paragraphs.iter().enumerate() {
                let Some(range) = a.passage_mentions.get(p) else {
                    continue;
                };
                let in_para = mentions.get(range.clone()).unwrap_or(&[]);
                if in_para.is_empty() {
                    continue;
                }
                for s in segment::sentences(&a.article.body, para.span.clone()) {
                    let first = in_para.partition_point(|m| m.span.start < s.start);
                    let mut ids: Vec<usize> = in_para[first..]
                        .iter()
                        .take_while(|m| m.span.start < s.end)
                        .map(|m| m.entity)
                        .collect();
                    ids.sort_unstable();
                    ids.dedup();
                    if !ids.is_empty() {
                        out.push(ids);
                    }
                }
            }
            out
        }
    }
}

/// The network of the `top` most mentioned named entities, with edges
/// shared by at least `min_count` units.
pub fn network(a: &Analysis, unit: Unit, top: usize, min_count: usize) -> Network {
    network_of_units(a, &units(a, unit), top, min_count)
}

/// [`network`] over units computed once by [`units`] (the costly part on a
/// long text), so changing `top` or `min_count` is quick.
pub fn network_of_units(a: &Analysis, units: &[Vec<usize>], top: usize, min_count: usize) -> Network {
    let entities = &a.entities.entities;
    let mut first_seen = vec![usize::MAX; entities.len()];
    for (i, m) in a.entities.mentions.iter().enumerate() {
        if let Some(slot) = first_seen.get_mut(m.entity) {
            *slot = (*slot).min(i);
        }
    }
    let mut ranked: Vec<usize> = (0..entities.len())
        .filter(|&e| is_named(entities[e].kind))
        .collect();
    let candidates = ranked.len();
    ranked.sort_by_key(|&e| (std::cmp::Reverse(entities[e].mentions), first_seen[e], e));
    ranked.truncate(top);
    // entity index → node index
    let mut node_of = vec![usize::MAX; entities.len()];
    for (n, &e) in ranked.iter().enumerate() {
        node_of[e] = n;
    }
    let n = ranked.len();
    let mut counts = vec![0usize; n * n];
    for ids in units {
        let nodes: Vec<usize> = ids
            .iter()
            .filter_map(|&e| node_of.get(e).copied().filter(|&x| x != usize::MAX))
            .collect();
        for (i, &x) in nodes.iter().enumerate() {
            for &y in &nodes[i + 1..] {
                let (lo, hi) = if x < y { (x, y) } else { (y, x) };
                counts[lo * n + hi] += 1;
            }
        }
    }
    let min_count = min_count.max(1);
    let mut edges = Vec::new();
    let mut degree = vec![0usize; n];
    for lo in 0..n {
        for hi in lo + 1..n {
            let count = counts[lo * n + hi];
            if count >= min_count {
                edges.push(Edge { a: lo, b: hi, count });
                degree[lo] += 1;
                degree[hi] += 1;
            }
        }
    }
    let nodes = ranked
        .iter()
        .zip(degree)
        .map(|(&e, degree)| Node {
            entity: e,
            mentions: entities[e].mentions,
            degree,
        })
        .collect();
    Network {
        nodes,
        edges,
        candidates,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Article;

    fn analysis(text: &str) -> Analysis {
        Analysis::new(Article::parse("t.txt", text))
    }

    fn names(a: &Analysis, net: &Network) -> Vec<String> {
        net.nodes
            .iter()
            .map(|n| a.entities.entities[n.entity].name.clone())
            .collect()
    }

    #[test]
    fn sentence_and_paragraph_units_differ() {
        let a = analysis(
            "Vladimir Putin spoke in Moscow on Monday.\nLater, NATO met in Brussels. Putin was not there.",
        );
        let s = network(&a, Unit::Sentence, 20, 1);
        let p = network(&a, Unit::Paragraph, 20, 1);
        let pair = |net: &Network, x: &str, y: &str| {
            let nm = names(&a, net);
            let ix = nm.iter().position(|n| n == x);
            let iy = nm.iter().position(|n| n == y);
            net.edges
                .iter()
                .find(|e| Some(e.a.min(e.b)) == ix.min(iy) && Some(e.a.max(e.b)) == ix.max(iy))
                .map(|e| e.count)
        };
        assert_eq!(pair(&s, "Vladimir Putin", "Moscow"), Some(1));
        assert_eq!(pair(&s, "Vladimir Putin", "NATO"), None, "different sentences");
        assert_eq!(pair(&p, "Vladimir Putin", "NATO"), Some(1), "same paragraph");
        // Dates are not nodes.
        assert!(!names(&a, &s).iter().any(|n| n == "Monday"));
    }

    #[test]
    fn top_and_threshold_cut_the_network() {
        let a = analysis(
            "Biden met Zelensky in Kyiv. Biden and Zelensky spoke. Biden left Kyiv for Warsaw. Biden rested.",
        );
        let all = network(&a, Unit::Sentence, 100, 1);
        assert!(all.nodes.len() >= 4, "{:?}", names(&a, &all));
        // Most mentioned first.
        assert!(all.nodes.windows(2).all(|w| w[0].mentions >= w[1].mentions));
        let two = network(&a, Unit::Sentence, 2, 1);
        assert_eq!(two.nodes.len(), 2);
        assert_eq!(two.candidates, all.candidates);
        let strong = network(&a, Unit::Sentence, 100, 2);
        assert!(strong.edges.iter().all(|e| e.count >= 2));
        assert!(strong.edges.len() < all.edges.len());
        // Degrees agree with the edges.
        for (i, n) in all.nodes.iter().enumerate() {
            let d = all.edges.iter().filter(|e| e.a == i || e.b == i).count();
            assert_eq!(n.degree, d);
        }
    }

    #[test]
    fn empty_text_has_an_empty_network() {
        let a = analysis("");
        assert_eq!(network(&a, Unit::Sentence, 50, 1), Network::default());
    }
}
