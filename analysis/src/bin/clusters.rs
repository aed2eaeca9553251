//! Computes Brown word clusters from unlabeled text, for word-class
//! features of the name tagger (Ratinov and Roth 2009). Tried in issue 17
//! and not shipped: as features (path prefixes 4/6/10/20 of the word and
//! its neighbours) they lowered the news proxy by about a point
//! (BENCHMARKS.md, "Entity extraction accuracy"); the program stays so the
//! experiment can be repeated on more text.
//!
//! ```text
//! cargo run --release -p article-analysis --bin clusters -- \
//!     [--data ../shared/data] [--out clusters.tsv] \
//!     [--clusters 256] [--min-count 3]
//! ```
//!
//! Output: one line per cluster, its path (0 left, 1 right from the root),
//! a tab, its words separated by spaces.
//!
//! Brown et al. (1992)'s hierarchical clustering, in Liang (2005)'s
//! formulation: the `--clusters` most frequent words start as one cluster
//! each; every further word, in order of frequency, joins as a new cluster
//! and the pair of clusters whose merge loses the least mutual information
//! between adjacent clusters is merged; at the end the remaining clusters
//! are merged the same way down to one, and each word's cluster is named by
//! its path in that tree (0 left, 1 right). Merge losses are kept in a
//! table updated in O(C²) per word, so the run is O(V·C²) for V words.
//!
//! The text: the *text* of every corpus of `ner-train/` (the labels are
//! not read) except the documents the held-out proxies keep back, and
//! `texts/war-and-peace.txt`; never the dev set. Tokens as the tagger sees
//! them (`entities::token`), digits as `0`, a paragraph end as `</p>`.
//! Words seen fewer than `--min-count` times are left out. Deterministic:
//! the same text gives the same file byte for byte.

use std::collections::HashMap;
use std::process::ExitCode;

use article_analysis::entities::token::{tokenize, TokKind};
use article_analysis::segment::paragraphs;
use serde_json::Value;

#[path = "shared/heldout.rs"]
mod heldout;
use heldout::is_held_out;
#[path = "shared/args.rs"]
mod args;

/// The running text as word ids, with the vocabulary.
struct Corpus {
    words: Vec<String>,
    ids: HashMap<String, u32>,
    text: Vec<u32>,
}

impl Corpus {
    fn push(&mut self, w: &str) {
        let id = match self.ids.get(w) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.words.push(w.to_string());
                self.ids.insert(w.to_string(), id);
                id
            }
        };
        self.text.push(id);
    }

    fn add_text(&mut self, text: &str) {
        for p in paragraphs(text) {
            for t in tokenize(text, p) {
                let s = text.get(t.span.clone()).unwrap_or("");
                if t.kind == TokKind::Number {
                    let digits: String = s
                        .chars()
                        .map(|c| if c.is_ascii_digit() { '0' } else { c })
                        .collect();
                    self.push(&digits);
                } else {
                    self.push(s);
                }
            }
            self.push("</p>");
        }
    }
}

/// `p(a,b) log2(p(a,b) / (p(a) p(b)))`, 0 for no bigram.
fn p2q(pab: f64, pa: f64, pb: f64) -> f64 {
    if pab <= 0.0 {
        0.0
    } else {
        pab * (pab / (pa * pb)).log2()
    }
}

/// The clustering state over `n` slots (C clusters and two free slots).
struct Brown {
    n: usize,
    /// Slot → is a cluster there.
    live: Vec<bool>,
    /// Slot → probability of the cluster.
    p1: Vec<f64>,
    /// Slots → probability of the bigram (row-major n × n).
    p2: Vec<f64>,
    /// Slots → its term of the mutual information.
    q2: Vec<f64>,
    /// Slots → mutual information lost by merging the two (symmetric).
    l2: Vec<f64>,
    /// Slot → tree node of its cluster.
    node: Vec<usize>,
}

impl Brown {
    fn new(n: usize) -> Brown {
        Brown {
            n,
            live: vec![false; n],
            p1: vec![0.0; n],
            p2: vec![0.0; n * n],
            q2: vec![0.0; n * n],
            l2: vec![0.0; n * n],
            node: vec![0; n],
        }
    }
    fn p2(&self, s: usize, t: usize) -> f64 {
        self.p2[s * self.n + t]
    }
    fn q2(&self, s: usize, t: usize) -> f64 {
        self.q2[s * self.n + t]
    }
    fn bi_q2(&self, s: usize, t: usize) -> f64 {
        if s == t {
            self.q2(s, s)
        } else {
            self.q2(s, t) + self.q2(t, s)
        }
    }
    /// q2 of the merge of s and t with u, both directions.
    fn bi_hyp_q2(&self, s: usize, t: usize, u: usize) -> f64 {
        let pst = self.p1[s] + self.p1[t];
        p2q(self.p2(s, u) + self.p2(t, u), pst, self.p1[u])
            + p2q(self.p2(u, s) + self.p2(u, t), pst, self.p1[u])
    }
    /// q2 of the merge of s and t with itself.
    fn hyp_q2_self(&self, s: usize, t: usize) -> f64 {
        let p = self.p2(s, s) + self.p2(s, t) + self.p2(t, s) + self.p2(t, t);
        let pst = self.p1[s] + self.p1[t];
        p2q(p, pst, pst)
    }
    fn slots(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.n).filter(|&s| self.live[s])
    }
    /// The loss of merging s and t, from scratch: O(C).
    fn loss(&self, s: usize, t: usize) -> f64 {
        let mut l = 0.0;
        for w in self.slots() {
            l += self.q2(s, w) + self.q2(w, s) + self.q2(t, w) + self.q2(w, t);
        }
        l -= self.q2(s, s) + self.q2(t, t) + self.bi_q2(s, t);
        for u in self.slots() {
            if u != s && u != t {
                l -= self.bi_hyp_q2(s, t, u);
            }
        }
        l - self.hyp_q2_self(s, t)
    }
    fn set_l2(&mut self, s: usize, t: usize, l: f64) {
        self.l2[s * self.n + t] = l;
        self.l2[t * self.n + s] = l;
    }
    fn set_p2(&mut self, s: usize, t: usize, p: f64) {
        self.p2[s * self.n + t] = p;
        self.q2[s * self.n + t] = p2q(p, self.p1[s], self.p1[t]);
    }
    fn free_slot(&self) -> usize {
        (0..self.n).find(|&s| !self.live[s]).unwrap_or(0)
    }
    /// Puts a new cluster in a free slot with its probability and bigrams
    /// (`right[t]`, `left[t]`: probability of it before / after slot t,
    /// `own`: of it before itself); updates the loss table. O(C²).
    fn add(&mut self, node: usize, p1: f64, right: &[f64], left: &[f64], own: f64) -> usize {
        let s = self.free_slot();
        let n = self.n;
        for t in 0..n {
            self.p2[s * n + t] = 0.0;
            self.q2[s * n + t] = 0.0;
            self.p2[t * n + s] = 0.0;
            self.q2[t * n + s] = 0.0;
        }
        self.live[s] = true;
        self.node[s] = node;
        self.p1[s] = p1;
        let live: Vec<usize> = self.slots().collect();
        for &t in &live {
            if t != s {
                self.set_p2(s, t, right[t]);
                self.set_p2(t, s, left[t]);
            }
        }
        self.set_p2(s, s, own);
        // Losses of merges with the new cluster, from scratch; the others
        // gain the terms of the new cluster.
        for &t in &live {
            if t != s {
                let l = self.loss(s, t);
                self.set_l2(s, t, l);
            }
        }
        for (i, &t) in live.iter().enumerate() {
            for &u in &live[i + 1..] {
                if t == s || u == s {
                    continue;
                }
                let l = self.l2[t * n + u] + self.bi_q2(t, s) + self.bi_q2(u, s) - self.bi_hyp_q2(t, u, s);
                self.set_l2(t, u, l);
            }
        }
        s
    }
    /// The pair of slots whose merge loses the least (first in slot order
    /// on ties).
    fn best(&self) -> (usize, usize) {
        let live: Vec<usize> = self.slots().collect();
        let mut best = (0, 0, f64::INFINITY);
        for (i, &s) in live.iter().enumerate() {
            for &t in &live[i + 1..] {
                let l = self.l2[s * self.n + t];
                if l < best.2 {
                    best = (s, t, l);
                }
            }
        }
        (best.0, best.1)
    }
    /// Merges slots s and t into a new slot for tree node `node`. O(C²).
    fn merge(&mut self, s: usize, t: usize, node: usize) -> usize {
        let n = self.n;
        self.live[s] = false;
        self.live[t] = false;
        // Not s or t: their old bigrams are read below.
        let u = (0..n).find(|&x| !self.live[x] && x != s && x != t).unwrap_or(0);
        self.live[u] = true;
        self.node[u] = node;
        self.p1[u] = self.p1[s] + self.p1[t];
        let live: Vec<usize> = self.slots().collect();
        let pst = self.p1[u];
        let own = self.p2(s, s) + self.p2(s, t) + self.p2(t, s) + self.p2(t, t);
        self.p2[u * n + u] = own;
        self.q2[u * n + u] = p2q(own, pst, pst);
        for &v in &live {
            if v != u {
                let a = self.p2(s, v) + self.p2(t, v);
                let b = self.p2(v, s) + self.p2(v, t);
                self.set_p2(u, v, a);
                self.set_p2(v, u, b);
            }
        }
        for (i, &v) in live.iter().enumerate() {
            for &w in &live[i + 1..] {
                let l = if v == u || w == u {
                    self.loss(v, w)
                } else {
                    self.l2[v * n + w]
                        - (self.bi_q2(v, s) + self.bi_q2(w, s) + self.bi_q2(v, t) + self.bi_q2(w, t))
                        + self.bi_hyp_q2(v, w, s)
                        + self.bi_hyp_q2(v, w, t)
                        + self.bi_q2(v, u)
                        + self.bi_q2(w, u)
                        - self.bi_hyp_q2(v, w, u)
                };
                self.set_l2(v, w, l);
            }
        }
        u
    }
}

/// Merges the best pair of clusters into a tree node named by `node_of`
/// (given the nodes of the pair), moving the words; returns the pair's
/// nodes.
fn merge_best(
    brown: &mut Brown,
    slot_of: &mut [usize],
    members: &mut [Vec<u32>],
    node_of: impl FnOnce(usize, usize) -> usize,
) -> (usize, usize) {
    let (s, t) = brown.best();
    let (ns, nt) = (brown.node[s], brown.node[t]);
    let u = brown.merge(s, t, node_of(ns, nt));
    let mut m = std::mem::take(&mut members[s]);
    m.append(&mut members[t]);
    for &w in &m {
        slot_of[w as usize] = u;
    }
    members[u] = m;
    (ns, nt)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |name: &str| args::value(&args, name);
    let data =
        get("--data").unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data").into());
    let out = get("--out").unwrap_or_else(|| "clusters.tsv".into());
    let c: usize = get("--clusters")
        .and_then(|b| b.parse().ok())
        .unwrap_or(256)
        .max(2);
    let min_count: usize = get("--min-count").and_then(|b| b.parse().ok()).unwrap_or(3);

    let mut corpus = Corpus {
        words: Vec::new(),
        ids: HashMap::new(),
        text: Vec::new(),
    };
    let mut files: Vec<_> = match std::fs::read_dir(format!("{data}/ner-train")) {
        Ok(d) => d
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect(),
        Err(e) => {
            eprintln!("clusters: {data}/ner-train: {e}");
            return ExitCode::FAILURE;
        }
    };
    files.sort();
    let (mut docs, mut held) = (0, 0);
    for f in &files {
        let Ok(body) = std::fs::read_to_string(f) else {
            eprintln!("clusters: cannot read {}", f.display());
            return ExitCode::FAILURE;
        };
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(rec) = serde_json::from_str::<Value>(line) else {
                eprintln!("clusters: bad JSON line in {}", f.display());
                return ExitCode::FAILURE;
            };
            if is_held_out(rec["id"].as_str().unwrap_or("")) {
                held += 1;
                continue;
            }
            docs += 1;
            corpus.add_text(rec["text"].as_str().unwrap_or(""));
        }
    }
    let book = format!("{data}/texts/war-and-peace.txt");
    match std::fs::read_to_string(&book) {
        Ok(t) => corpus.add_text(&t),
        Err(e) => {
            eprintln!("clusters: {book}: {e}");
            return ExitCode::FAILURE;
        }
    }
    let total = corpus.text.len();
    eprintln!(
        "{docs} documents ({held} held out, not read) and the book: {total} tokens, {} distinct",
        corpus.words.len()
    );

    // Vocabulary: by frequency, then spelling.
    let mut freq = vec![0usize; corpus.words.len()];
    for &w in &corpus.text {
        freq[w as usize] += 1;
    }
    let mut order: Vec<u32> = (0..corpus.words.len() as u32)
        .filter(|&w| freq[w as usize] >= min_count)
        .collect();
    order.sort_by(|&a, &b| {
        freq[b as usize]
            .cmp(&freq[a as usize])
            .then_with(|| corpus.words[a as usize].cmp(&corpus.words[b as usize]))
    });
    let v = order.len();
    let c = c.min(v);
    // rank[word] = position in `order`, or none.
    let mut rank = vec![u32::MAX; corpus.words.len()];
    for (r, &w) in order.iter().enumerate() {
        rank[w as usize] = r as u32;
    }
    // Neighbours of each ranked word (ranks), from the running text.
    let mut right: Vec<Vec<u32>> = vec![Vec::new(); v];
    for pair in corpus.text.windows(2) {
        let (a, b) = (rank[pair[0] as usize], rank[pair[1] as usize]);
        if a != u32::MAX && b != u32::MAX {
            right[a as usize].push(b);
        }
    }
    let mut left: Vec<Vec<u32>> = vec![Vec::new(); v];
    for (a, rs) in right.iter().enumerate() {
        for &b in rs {
            left[b as usize].push(a as u32);
        }
    }
    eprintln!("{v} words seen at least {min_count} times; {c} clusters");

    let bigrams = (total.max(2) - 1) as f64;
    let mut brown = Brown::new(c + 2);
    // slot_of[rank]: the slot of the word's cluster, once it is added.
    let mut slot_of = vec![usize::MAX; v];
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); c + 2];
    let mut rv = vec![0f64; c + 2];
    let mut lv = vec![0f64; c + 2];
    let mut add_word = |brown: &mut Brown, slot_of: &mut [usize], members: &mut [Vec<u32>], a: usize| {
        rv.iter_mut().for_each(|x| *x = 0.0);
        lv.iter_mut().for_each(|x| *x = 0.0);
        let mut own = 0.0;
        for &b in &right[a] {
            let b = b as usize;
            if b == a {
                own += 1.0 / bigrams;
            } else if let Some(&s) = slot_of.get(b).filter(|&&s| s != usize::MAX) {
                rv[s] += 1.0 / bigrams;
            }
        }
        for &b in &left[a] {
            let b = b as usize;
            if b != a {
                if let Some(&s) = slot_of.get(b).filter(|&&s| s != usize::MAX) {
                    lv[s] += 1.0 / bigrams;
                }
            }
        }
        let s = brown.add(a, freq[order[a] as usize] as f64 / total as f64, &rv, &lv, own);
        slot_of[a] = s;
        members[s] = vec![a as u32];
    };
    for a in 0..c {
        add_word(&mut brown, &mut slot_of, &mut members, a);
    }
    // Tree nodes: 0..v are the clusters of stage one (named by their most
    // frequent word), then the merges of stage two.
    let mut next_node = v;
    for a in c..v {
        add_word(&mut brown, &mut slot_of, &mut members, a);
        // Stage one: the merged cluster keeps the node of its older part.
        merge_best(&mut brown, &mut slot_of, &mut members, |a, b| a.min(b));
        if (a - c).is_multiple_of(2000) {
            eprintln!("  {a} of {v} words");
        }
    }
    // Stage two: the C clusters, merged down to one, make the tree.
    let mut children: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut leaves: Vec<(usize, Vec<u32>)> = brown
        .slots()
        .map(|s| (brown.node[s], members[s].clone()))
        .collect();
    while brown.slots().count() > 1 {
        let node = next_node;
        next_node += 1;
        let (ns, nt) = merge_best(&mut brown, &mut slot_of, &mut members, |_, _| node);
        children.insert(node, (ns, nt));
    }
    // Paths from the root.
    let root = brown.slots().next().map(|s| brown.node[s]).unwrap_or(0);
    let mut path: HashMap<usize, String> = HashMap::new();
    let mut stack = vec![(root, String::new())];
    while let Some((node, p)) = stack.pop() {
        if let Some(&(a, b)) = children.get(&node) {
            stack.push((a, format!("{p}0")));
            stack.push((b, format!("{p}1")));
        } else {
            path.insert(node, p);
        }
    }
    // One line per cluster: path, then its words (words only, most
    // frequent first), the lines in path order.
    leaves.sort_by(|a, b| path.get(&a.0).cmp(&path.get(&b.0)));
    let mut body = String::new();
    let mut kept = 0;
    for (node, mut words) in leaves {
        words.sort_unstable();
        let words: Vec<&str> = words
            .iter()
            .map(|&r| corpus.words[order[r as usize] as usize].as_str())
            .filter(|w| w.chars().any(char::is_alphabetic) && !w.contains(char::is_whitespace))
            .collect();
        if words.is_empty() {
            continue;
        }
        kept += words.len();
        body.push_str(path.get(&node).map_or("", String::as_str));
        body.push('\t');
        body.push_str(&words.join(" "));
        body.push('\n');
    }
    if let Err(e) = std::fs::write(&out, body) {
        eprintln!("clusters: cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {kept} words in {c} clusters to {out}");
    ExitCode::SUCCESS
}
