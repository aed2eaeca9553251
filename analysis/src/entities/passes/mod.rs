//! The passes after the tagger, as named steps in one ordered table
//! ([`PASSES`]): each corrects or completes the names found so far, over
//! the whole document (consistency between mentions) or one paragraph
//! (names that join or change kind there). `entities --explain` prints what
//! each pass did ([`Trace`]), `entities --skip NAME` runs without it (the
//! ablation table of BENCHMARKS.md).
//!
//! A new pass is a file here, a line in [`PASSES`] and scenario tests in
//! its file; its words go in `data/rule_words.tsv` ([`super::lexicon`]).

use std::ops::Range;

use super::rules::NameSpan;
use super::token::Token;
use super::EntityKind;

pub mod acronyms;
pub mod conjoined;
pub mod descriptions;
pub mod laws;
pub mod list_labels;
pub mod lowercase_listed;
pub mod nicknames;
pub mod propagate;
pub mod quoted_titles;
pub mod sports;
pub mod washington_dc;

/// A pass over the whole document: the text, each paragraph's tokens and
/// names.
pub type DocumentPass = fn(&str, &[Vec<Token>], &mut [Vec<NameSpan>]);
/// A pass over one paragraph: the text, its tokens and its names (sorted,
/// disjoint; a pass may add, drop and join them).
pub type ParagraphPass = fn(&str, &[Token], &mut Vec<NameSpan>);

/// What a pass works on.
#[derive(Clone, Copy)]
pub enum Step {
    /// Every paragraph's names at once.
    Document(DocumentPass),
    /// One paragraph's names.
    Paragraph(ParagraphPass),
}

/// One named pass.
pub struct Pass {
    /// Its name (`--explain`, `--skip`).
    pub name: &'static str,
    /// Runs only after the tagger (not on the rules alone, when no model
    /// could be loaded).
    pub needs_model: bool,
    /// The work.
    pub step: Step,
}

/// The passes, in the order they run.
pub const PASSES: &[Pass] = &[
    Pass {
        name: "dateline",
        needs_model: false,
        step: Step::Paragraph(super::caps::mark_dateline),
    },
    Pass {
        name: "propagate",
        needs_model: true,
        step: Step::Document(propagate::propagate),
    },
    Pass {
        name: "acronyms",
        needs_model: true,
        step: Step::Document(acronyms::acronyms),
    },
    Pass {
        name: "descriptions",
        needs_model: true,
        step: Step::Document(descriptions::kinds_by_description),
    },
    Pass {
        name: "list-labels",
        needs_model: true,
        step: Step::Document(list_labels::drop_list_labels),
    },
    Pass {
        name: "laws",
        needs_model: false,
        step: Step::Paragraph(laws::join_laws),
    },
    Pass {
        name: "nicknames",
        needs_model: false,
        step: Step::Paragraph(nicknames::join_nicknames),
    },
    Pass {
        name: "lowercase-listed",
        needs_model: false,
        step: Step::Paragraph(lowercase_listed::lowercase_listed),
    },
    Pass {
        name: "washington-dc",
        needs_model: false,
        step: Step::Paragraph(washington_dc::join_washington_dc),
    },
    Pass {
        name: "conjoined-orgs",
        needs_model: false,
        step: Step::Paragraph(conjoined::join_conjoined_orgs),
    },
    Pass {
        name: "quoted-titles",
        needs_model: false,
        step: Step::Paragraph(quoted_titles::quoted_titles),
    },
    Pass {
        name: "sports",
        needs_model: false,
        step: Step::Document(sports::clubs_in_results),
    },
];

/// What a pass did to one span (byte offsets into the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace {
    /// The pass (or stage: "tagger", "capitals", "dates", "merge").
    pub pass: &'static str,
    /// The span.
    pub span: Range<usize>,
    /// Its kind after the pass; `None` when the pass dropped it.
    pub kind: Option<EntityKind>,
    /// Its kind before, if the span was a name already.
    pub was: Option<EntityKind>,
}

/// Runs the passes in order (but those named in `skip`, and those that need
/// the model when `model` is false), recording their changes in `trace`.
pub fn run(
    text: &str,
    all_toks: &[Vec<Token>],
    all_names: &mut [Vec<NameSpan>],
    model: bool,
    skip: &[String],
    mut trace: Option<&mut Vec<Trace>>,
) {
    for pass in PASSES {
        if (pass.needs_model && !model) || skip.iter().any(|s| s == pass.name) {
            continue;
        }
        let before = trace.as_ref().map(|_| all_names.to_vec());
        match pass.step {
            Step::Document(f) => f(text, all_toks, all_names),
            Step::Paragraph(f) => {
                for (toks, names) in all_toks.iter().zip(all_names.iter_mut()) {
                    f(text, toks, names);
                }
            }
        }
        if let (Some(t), Some(before)) = (trace.as_deref_mut(), before) {
            for ((toks, old), new) in all_toks.iter().zip(&before).zip(all_names.iter()) {
                diff(pass.name, toks, old, new, t);
            }
        }
    }
}

/// The byte span of a name.
pub fn byte_span(toks: &[Token], r: &Range<usize>) -> Option<Range<usize>> {
    let first = toks.get(r.start)?;
    let last = toks.get(r.end.checked_sub(1)?)?;
    Some(first.span.start..last.span.end)
}

/// Records the names of `new` that `old` lacks (new or changed), and those
/// of `old` that are gone.
pub fn diff(pass: &'static str, toks: &[Token], old: &[NameSpan], new: &[NameSpan], out: &mut Vec<Trace>) {
    let was: std::collections::HashMap<(usize, usize), EntityKind> =
        old.iter().map(|n| ((n.toks.start, n.toks.end), n.kind)).collect();
    let now: std::collections::HashMap<(usize, usize), EntityKind> =
        new.iter().map(|n| ((n.toks.start, n.toks.end), n.kind)).collect();
    for n in new {
        let before = was.get(&(n.toks.start, n.toks.end)).copied();
        if before != Some(n.kind) {
            out.extend(byte_span(toks, &n.toks).map(|span| Trace {
                pass,
                span,
                kind: Some(n.kind),
                was: before,
            }));
        }
    }
    for n in old {
        if !now.contains_key(&(n.toks.start, n.toks.end)) {
            out.extend(byte_span(toks, &n.toks).map(|span| Trace {
                pass,
                span,
                kind: None,
                was: Some(n.kind),
            }));
        }
    }
}

/// Puts the names `new` (sorted, disjoint) into the sorted, disjoint
/// `names`, dropping every name one of them overlaps; linear in both.
pub fn splice(names: &mut Vec<NameSpan>, new: Vec<NameSpan>) {
    if new.is_empty() {
        return;
    }
    let old = std::mem::take(names);
    // (name, is new)
    let mut out: Vec<(NameSpan, bool)> = Vec::with_capacity(old.len() + new.len());
    let mut new = new.into_iter().peekable();
    let push_new = |out: &mut Vec<(NameSpan, bool)>, r: NameSpan| {
        while out
            .last()
            .is_some_and(|(o, is_new)| !is_new && o.toks.end > r.toks.start)
        {
            out.pop();
        }
        out.push((r, true));
    };
    for n in old {
        while let Some(r) = new.next_if(|r| r.toks.start < n.toks.end) {
            push_new(&mut out, r);
        }
        if out
            .last()
            .is_some_and(|(o, is_new)| *is_new && o.toks.end > n.toks.start)
        {
            continue;
        }
        out.push((n, false));
    }
    for r in new {
        push_new(&mut out, r);
    }
    *names = out.into_iter().map(|(n, _)| n).collect();
}

/// Which tokens of a paragraph of `len` tokens the `names` cover.
pub fn covered(len: usize, names: &[NameSpan]) -> Vec<bool> {
    let mut covered = vec![false; len];
    for n in names {
        for c in covered.iter_mut().take(n.toks.end).skip(n.toks.start) {
            *c = true;
        }
    }
    covered
}

/// The index of the first name of sorted `names` starting at or after token `k`.
pub fn first_from(names: &[NameSpan], k: usize) -> usize {
    names.partition_point(|n| n.toks.start < k)
}
