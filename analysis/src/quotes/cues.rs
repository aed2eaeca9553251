//! Speech cues: the verb ("said", "told", "added") and the phrase naming
//! the speaker next to a quotation, and reported speech ("according to X",
//! "X said that …", "…, X said.").

use std::borrow::Cow;

use crate::search::Index;
use crate::segment::Span;

/// Verbs that introduce speech.
/// Verbs that introduce speech, sorted (for a binary search).
const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "admits",
    "admitted",
    "announced",
    "announces",
    "answered",
    "argued",
    "argues",
    "asked",
    "asks",
    "assured",
    "cautioned",
    "claimed",
    "claims",
    "commented",
    "conceded",
    "concluded",
    "confirmed",
    "confirms",
    "continued",
    "countered",
    "cried",
    "declared",
    "declares",
    "emphasised",
    "emphasized",
    "exclaimed",
    "explained",
    "explains",
    "highlighted",
    "highlights",
    "indicated",
    "insisted",
    "insists",
    "joked",
    "mentioned",
    "murmured",
    "muttered",
    "noted",
    "notes",
    "observed",
    "posted",
    "predicted",
    "promised",
    "recalled",
    "remarked",
    "replied",
    "replies",
    "reported",
    "reports",
    "responded",
    "said",
    "say",
    "says",
    "shouted",
    "stated",
    "states",
    "stressed",
    "suggested",
    "tells",
    "testified",
    "told",
    "tweeted",
    "urged",
    "vowed",
    "warned",
    "warns",
    "whispered",
    "writes",
    "wrote",
];

/// Words a speaker phrase never contains: verbs of being and having,
/// modals, relatives and subordinators.
const NOT_IN_SPEAKER: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "not", "who", "which", "whom",
    "whose", "that", "if", "when", "while", "because", "although", "though", "but", "so", "than", "as",
    "there", "here", "what", "how", "why", "where", "it's", "i", "we", "you", "me", "us",
];

/// Words that end a speaker phrase after the verb ("said Cook in a
/// statement", "said Cook on Monday").
const AFTER_SPEAKER: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "during",
    "after",
    "before",
    "when",
    "while",
    "as",
    "from",
    "about",
    "last",
    "this",
    "earlier",
    "later",
    "today",
    "yesterday",
    "and",
];

/// Speech verbs whose reported clause may go without "that" ("Cook said
/// the campaign is progressing"); the others take "that" ("announced the
/// start of" is no reported speech).
const CLAUSE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "wrote",
    "writes",
    "warned",
    "warns",
    "acknowledged",
    "admitted",
    "admits",
    "explained",
    "explains",
    "noted",
    "notes",
];

/// Words that open an adverbial after a final "said": "said in a
/// statement", "said on Monday", "said today".
const ADVERBIAL_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "recently",
    "late",
    "last",
];

/// Adverbs allowed between a speaker and the verb ("They also said").
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "further",
    "again",
    "earlier",
    "previously",
    "recently",
    "separately",
    "once",
    "often",
    "repeatedly",
    "simply",
    "reportedly",
];

/// Abbreviated ranks and titles written before names ("Spc. Lorraine
/// Walsh", "Maj. Gen. Gary J. Volesky").
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Spc", "Pfc", "Pvt", "Cpl", "Sgt", "SSgt", "Lt", "Capt", "Cpt", "Maj", "Col", "Gen", "Brig", "Adm",
    "Cmdr", "Cdr", "Amn", "Ens", "Gov", "Sen", "Rep", "Dr", "Mr", "Mrs", "Ms", "Prof", "Rev", "Hon", "Supt",
    "Insp",
];

/// Is `w` an abbreviated rank or title ("Spc", "Gen"), or an initial ("J")?
pub(crate) fn is_title_abbreviation(w: &str) -> bool {
    TITLE_ABBREVIATIONS.contains(&w) || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
}

/// Is `w` a speech verb (in lowercase: "States" is no verb)?
pub(crate) fn is_speech_verb(w: &str) -> bool {
    w.bytes().next().is_some_and(|b| b.is_ascii_lowercase()) && SPEECH_VERBS.binary_search(&w).is_ok()
}

/// Verbs that introduce a statement after a colon: "released the
/// following statement:", "provided the following statement on …:".
const STATEMENT_VERBS: &[&str] = &["released", "issued", "provided", "made", "gave", "delivered"];

fn is_adverb(w: &str) -> bool {
    ADVERBS.iter().any(|a| a.eq_ignore_ascii_case(w)) || (w.len() > 4 && w.ends_with("ly"))
}

/// A verb and the phrase naming its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cue {
    /// The verb, or "according to".
    pub verb: Span,
    /// The words naming the speaker ("Cook", "the press secretary", "he").
    pub speaker: Option<Span>,
    /// Whether the cue is "according to" (its phrase names the source; no
    /// name before it is an appositive's).
    pub according: bool,
}

/// The words of one paragraph with what lies between them.
pub(crate) struct Words<'a> {
    text: &'a str,
    /// Byte spans into the text, in order.
    pub spans: Cow<'a, [Span]>,
    /// Which words are speech verbs.
    verbs: Vec<bool>,
    /// The paragraph's start (the gap before the first word starts here).
    start: usize,
}

/// Punctuation (or a line break) that ends a speaker phrase.
fn breaks_phrase(gap: &str) -> bool {
    gap.contains([
        ',', ';', ':', '(', ')', '—', '–', '"', '“', '”', '«', '»', '!', '?', '\n',
    ])
}

impl<'a> Words<'a> {
    /// The words of the paragraph `span` of `text`, segmented here.
    pub(crate) fn new(text: &'a str, span: Span) -> Words<'a> {
        let mut spans = Vec::new();
        let mut verbs = Vec::new();
        for (i, w) in text
            .get(span.clone())
            .map(crate::segment::words)
            .into_iter()
            .flatten()
        {
            spans.push(span.start + i..span.start + i + w.len());
            verbs.push(is_speech_verb(w));
        }
        Words {
            text,
            spans: Cow::Owned(spans),
            verbs,
            start: span.start,
        }
    }

    /// The words of paragraph `p` (spanning `span`) as the search index
    /// holds them; `verb_terms` says which of its terms are speech verbs.
    pub(crate) fn from_index(
        text: &'a str,
        span: Span,
        index: &'a Index,
        p: usize,
        verb_terms: &[bool],
    ) -> Words<'a> {
        let spans = index.passage_token_spans(p);
        let verbs = spans
            .iter()
            .zip(index.passage_token_terms(p))
            .map(|(s, &t)| {
                verb_terms.get(t).copied().unwrap_or(false) && text.get(s.clone()).is_some_and(is_speech_verb)
            })
            .collect();
        Words {
            text,
            spans: Cow::Borrowed(spans),
            verbs,
            start: span.start,
        }
    }

    /// Is word `i` a speech verb?
    pub(crate) fn is_verb(&self, i: usize) -> bool {
        self.verbs.get(i).copied().unwrap_or(false)
    }

    /// Does any of the words `a..b` introduce speech (a speech verb or
    /// "according")?
    pub(crate) fn has_cue_word(&self, a: usize, b: usize) -> bool {
        self.verbs.get(a..b).is_some_and(|v| v.contains(&true))
            || (a..b).any(|i| self.lower_is(i, &["according"]))
    }

    /// The text of word `i` ("" past the end).
    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.spans
            .get(i)
            .and_then(|s| self.text.get(s.clone()))
            .unwrap_or("")
    }

    /// What lies between word `i - 1` (or the paragraph start) and word `i`.
    pub(crate) fn gap_before(&self, i: usize) -> &'a str {
        let from = i
            .checked_sub(1)
            .and_then(|p| self.spans.get(p))
            .map_or(self.start, |s| s.end);
        let to = self.spans.get(i).map_or(from, |s| s.start);
        self.text.get(from..to).unwrap_or("")
    }

    /// The index of the first word starting at or after `byte`.
    pub(crate) fn index_at(&self, byte: usize) -> usize {
        self.spans.partition_point(|s| s.start < byte)
    }

    /// Is word `i`, in lowercase, one of `words`? An acronym ("US", "IT")
    /// is never a lowercase word.
    fn lower_is(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        let acronym = w.len() > 1 && w.chars().all(|c| c.is_uppercase());
        !acronym && words.iter().any(|x| x.eq_ignore_ascii_case(w))
    }

    /// The span of words `a..b` (from the first's start to the last's end).
    fn span(&self, a: usize, b: usize) -> Option<Span> {
        let first = self.spans.get(a)?;
        let last = self.spans.get(b.checked_sub(1)?)?;
        (a < b).then_some(first.start..last.end)
    }

    /// Could words `a..b` name a speaker? One to eight words, none of
    /// them a verb of being, a modal or a subordinator, no punctuation
    /// between them but dots, not opening with "and" or a preposition.
    fn is_speaker(&self, a: usize, b: usize) -> bool {
        if a >= b || b - a > 8 {
            return false;
        }
        let opening_ok = !self.lower_is(
            a,
            &[
                "and", "or", "but", "in", "on", "at", "for", "with", "of", "by", "after", "before", "during",
                "from", "to", "since", "until",
            ],
        );
        opening_ok
            && (a..b).all(|i| !self.lower_is(i, NOT_IN_SPEAKER) && !self.is_verb(i))
            && (a + 1..b).all(|i| !breaks_phrase(self.gap_before(i)))
    }

    /// Words `a..b` without adverbs at their end ("They also" → "They").
    fn without_adverbs(&self, a: usize, mut b: usize) -> usize {
        while b > a + 1 && is_adverb(self.word(b - 1)) {
            b -= 1;
        }
        b
    }

    /// The speaker phrase ending right before word `k` (without adverbs
    /// before the verb): the words back to punctuation, at most eight, not
    /// before word `a`. For "Khaled Al-Maeena, editor at large, said" it is
    /// the appositive; [`super::speaker`] looks before it for the name.
    /// When those words cannot name a speaker ("X, in remarks to Y, said"),
    /// the words before them.
    fn phrase_before(&self, a: usize, k: usize) -> Option<Span> {
        let end = self.without_adverbs(a, k);
        let start = self.run_start(a, end)?;
        if self.is_speaker(start, end) {
            return self.span(start, end);
        }
        let earlier = self.run_start(a, start)?;
        self.is_speaker(earlier, start)
            .then(|| self.span(earlier, start))
            .flatten()
    }

    /// The first word of the run of at most eight words ending before word
    /// `end` without punctuation between them, not before word `a`.
    fn run_start(&self, a: usize, end: usize) -> Option<usize> {
        let mut start = end.checked_sub(1)?;
        if start < a {
            return None;
        }
        while start > a && end - start < 8 && !breaks_phrase(self.gap_before(start)) {
            start -= 1;
        }
        Some(start)
    }

    /// A cue in the words `a..b` right after a closing quote mark:
    /// "said Capt. Christophe Cluzel", "Cook said", "the secretary said in
    /// a statement", "he told reporters", "Khaled Al-Maeena, editor at
    /// large at the Saudi Gazette, said".
    pub(crate) fn after_quote(&self, a: usize, b: usize) -> Option<Cue> {
        if a >= b {
            return None;
        }
        if self.is_verb(a) {
            // "said X": the phrase runs to punctuation or a preposition.
            let mut e = a + 1;
            while e < b
                && e - a <= 6
                && !breaks_phrase(self.gap_before(e))
                && !self.lower_is(e, AFTER_SPEAKER)
                && (!self.gap_before(e).contains('.') || is_title_abbreviation(self.word(e - 1)))
            {
                e += 1;
            }
            let speaker = (e > a + 1 && self.is_speaker(a + 1, e))
                .then(|| self.span(a + 1, e))
                .flatten();
            return Some(Cue {
                verb: self.spans.get(a)?.clone(),
                speaker,
                according: false,
            });
        }
        // "X said", "X, appositive, said": at most two commas on the way.
        let k = (a..b.min(a + 16)).find(|&k| self.is_verb(k))?;
        let breaks = (a + 1..=k).filter(|&i| breaks_phrase(self.gap_before(i))).count();
        if breaks > 2 {
            return None;
        }
        let speaker = self.phrase_before(a, k)?;
        Some(Cue {
            verb: self.spans.get(k)?.clone(),
            speaker: Some(speaker),
            according: false,
        })
    }

    /// A cue in the words `a..b` right before an opening quote mark: "He
    /// added,", "A spokesman said:", "Biden told the newspaper:", "Carter
    /// said the attack was". `immediate` asks for the verb (and an object
    /// of up to three words) right before the mark.
    pub(crate) fn before_quote(&self, a: usize, b: usize, immediate: bool) -> Option<Cue> {
        let reach = if immediate { 4 } else { 6 };
        let k = (a..b).rev().take(reach).find(|&k| self.is_verb(k))?;
        if immediate && k + 1 < b && !self.gap_before(b).contains([':', ',']) {
            return None;
        }
        Some(Cue {
            verb: self.spans.get(k)?.clone(),
            speaker: Some(self.phrase_before(a, k)?),
            according: false,
        })
    }

    /// A cue that introduces what follows after a colon at the end of the
    /// words `a..b` (a paragraph's last sentence): "Minister Ellwood
    /// said:", "Votel released the following statement today:".
    pub(crate) fn introduction(&self, a: usize, b: usize, end: usize) -> Option<Cue> {
        let tail = self.text.get(self.spans.get(b.checked_sub(1)?)?.end..end)?;
        if !tail.trim_end().ends_with(':') {
            return None;
        }
        let k = (a..b)
            .rev()
            .take(9)
            .find(|&k| self.is_verb(k) || STATEMENT_VERBS.contains(&self.word(k)))?;
        Some(Cue {
            verb: self.spans.get(k)?.clone(),
            speaker: Some(self.phrase_before(a, k)?),
            according: false,
        })
    }

    /// Reported speech in the sentence of words `a..b` (words inside
    /// quotation marks excluded): the cue and what was said.
    pub(crate) fn reported(&self, a: usize, b: usize, sentence: &Span) -> Option<(Cue, Span)> {
        self.reported_in(a, b, sentence).filter(|(_, content)| {
            content.start < content.end && sentence.start <= content.start && content.end <= sentence.end
        })
    }

    /// [`Words::reported`] before the check that what was said is a
    /// non-empty part of the sentence.
    fn reported_in(&self, a: usize, b: usize, sentence: &Span) -> Option<(Cue, Span)> {
        if b <= a {
            return None;
        }
        // "according to X".
        if let Some(k) = (a..b.saturating_sub(1))
            .find(|&k| self.lower_is(k, &["according"]) && self.lower_is(k + 1, &["to"]))
        {
            let mut e = k + 2;
            while e < b && e - k < 10 && !breaks_phrase(self.gap_before(e)) {
                e += 1;
            }
            // "According to the Herald, Burrows said …": Burrows speaks.
            if let Some(inner) = self.leading_cue(e, b, sentence) {
                return Some(inner);
            }
            let verb = self.span(k, k + 2)?;
            let speaker = self.span(k + 2, e);
            let content = if k == a {
                self.spans.get(e)?.start..trim_end(self.text, sentence)
            } else {
                sentence.start..self.spans.get(k - 1)?.end
            };
            return Some((
                Cue {
                    verb,
                    speaker,
                    according: true,
                },
                content,
            ));
        }
        // Clauses between commas.
        let mut cuts: Vec<usize> = (a + 1..b)
            .filter(|&i| breaks_phrase(self.gap_before(i)))
            .collect();
        cuts.insert(0, a);
        cuts.push(b);
        let last = cuts.len().saturating_sub(2);
        for (n, w) in cuts.windows(2).enumerate() {
            let (s, e) = (w[0], w[1]);
            if n > 0 {
                // "…, Cook said." / "…, said Cook." / "In Syria, he said, …".
                if let Some(cue) = self.clause_cue(s, e, n == last) {
                    let content = if n == last {
                        sentence.start..self.spans.get(s - 1)?.end
                    } else {
                        sentence.start..trim_end(self.text, sentence)
                    };
                    return Some((cue, content));
                }
            }
            // "Cook said (that) the campaign is progressing."
            if let Some(found) = self.leading_cue(s, b, sentence) {
                return Some(found);
            }
        }
        None
    }

    /// A clause that is only a cue: "Cook said", "he told reporters today",
    /// "said Cook" (the last clause may carry an object of up to four
    /// words).
    fn clause_cue(&self, s: usize, e: usize, last: bool) -> Option<Cue> {
        if self.is_verb(s) && last {
            return (e > s + 1 && self.is_speaker(s + 1, e)).then(|| Cue {
                verb: self.spans.get(s).cloned().unwrap_or_default(),
                speaker: self.span(s + 1, e),
                according: false,
            });
        }
        let k = (s + 1..e).find(|&k| self.is_verb(k))?;
        // After the verb: nothing, or in the last clause an object of "told"
        // ("told reporters today") or an adverbial ("said in a statement",
        // "said today"), up to four words.
        let object = e - k - 1;
        let adverbial = self.lower_is(k + 1, ADVERBIAL_OPENERS) || self.lower_is(k, &["told", "tells"]);
        if object > 0 && !(last && object <= 4 && adverbial) {
            return None;
        }
        let end = self.without_adverbs(s, k);
        self.is_speaker(s, end).then(|| Cue {
            verb: self.spans.get(k).cloned().unwrap_or_default(),
            speaker: self.span(s, end),
            according: false,
        })
    }

    /// "X said (that) …" in the clause starting at word `s` (the speaker
    /// may carry an appositive: "Paul Dewar, an Ottawa MP, said …"): the
    /// cue, and the clause after the verb to the sentence end.
    fn leading_cue(&self, s: usize, b: usize, sentence: &Span) -> Option<(Cue, Span)> {
        let k = (s + 1..b.min(s + 16)).find(|&k| self.is_verb(k))?;
        let breaks = (s + 1..=k).filter(|&i| breaks_phrase(self.gap_before(i))).count();
        if breaks > 2 || (breaks > 0 && !breaks_phrase(self.gap_before(k))) {
            return None;
        }
        let speaker = self.phrase_before(s, k)?;
        // The clause: after "that" (up to five words on: "told reporters
        // that", "said in a statement that"), or right after the verb when
        // it starts like a clause.
        let that = (k + 1..b.min(k + 7)).find(|&i| self.lower_is(i, &["that"]));
        let clause = match that {
            Some(t) if (k + 1..=t).all(|i| !breaks_phrase(self.gap_before(i))) => t + 1,
            _ => {
                let next = k + 1;
                let prepositional = self.lower_is(
                    next,
                    &["in", "on", "at", "to", "of", "for", "with", "by", "about"],
                );
                let takes_clause = CLAUSE_VERBS.contains(&self.word(k));
                if !takes_clause || prepositional || b - next < 3 || breaks_phrase(self.gap_before(next)) {
                    return None;
                }
                next
            }
        };
        let content = self.spans.get(clause)?.start..trim_end(self.text, sentence);
        Some((
            Cue {
                verb: self.spans.get(k)?.clone(),
                speaker: Some(speaker),
                according: false,
            },
            content,
        ))
    }
}

/// The end of `span` before its final punctuation.
fn trim_end(text: &str, span: &Span) -> usize {
    let s = text.get(span.clone()).unwrap_or("");
    span.start + s.trim_end_matches(|c: char| !c.is_alphanumeric()).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_are_sorted_for_the_binary_search() {
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_speech_verb("said") && !is_speech_verb("according"));
        assert!(!is_speech_verb("States"));
    }
}
