//! Quotation marks paired into quoted spans, one paragraph at a time.
//!
//! Double quotes open with `"`, `“`, `«` or `„` and close with `"`, `”`
//! or `»` (a `“` closes after `„`). British single quotes `‘…’` count when
//! the `‘` opens a word and the `’` is not followed by a letter (so "don’t"
//! and "Biden’s" never close one); straight single quotes are apostrophes.
//! A quote still open at the end of a paragraph runs to its end; when the
//! next paragraph opens with a quote mark, that quotation continues there
//! (the convention for a quotation over several paragraphs).

use crate::segment::Span;

/// One quoted stretch inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// The opening mark's byte offset.
    pub open: usize,
    /// The text between the marks, trimmed of whitespace.
    pub inner: Span,
    /// The byte offset just after the closing mark, or the paragraph's end
    /// when it is still open there.
    pub end: usize,
    /// Whether a closing mark was found in the paragraph.
    pub closed: bool,
    /// Whether this continues a quotation left open at the end of the
    /// previous paragraph.
    pub continued: bool,
}

/// The kind of quotation that is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// Opened by `"`, `“` or `«`.
    Double,
    /// Opened by `„` (closed by `“`).
    Low,
    /// Opened by `‘`.
    Single,
}

/// The quoted stretches of the paragraph `span` of `text`.
/// `previous_open` says whether the previous paragraph ended inside a
/// quotation. Returns the stretches and whether this paragraph ends inside
/// one.
pub(crate) fn quoted(text: &str, span: Span, previous_open: bool) -> (Vec<Quoted>, bool) {
    let Some(para) = text.get(span.clone()) else {
        return (Vec::new(), false);
    };
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    // Only the marks matter: jump from one to the next.
    let lead = para.len() - para.trim_start().len();
    for (i, mark) in para.match_indices(['"', '“', '”', '«', '»', '„', '‘', '’']) {
        let Some(c) = mark.chars().next() else {
            continue;
        };
        let prev = para.get(..i).and_then(|b| b.chars().next_back());
        let next = para.get(i + mark.len()..).and_then(|a| a.chars().next());
        let at = span.start + i;
        let after = at + mark.len();
        let word_before = prev.is_some_and(char::is_alphanumeric);
        let continued = previous_open && i == lead;
        match open {
            None => {
                let kind = match c {
                    '"' | '“' | '«' => Some(Open::Double),
                    '„' => Some(Open::Low),
                    // A closing mark used to open: `”Well` after a space.
                    '”' if !word_before && next.is_some_and(char::is_alphanumeric) => Some(Open::Double),
                    '‘' if !word_before && next.is_some_and(|n| !n.is_whitespace()) => Some(Open::Single),
                    _ => None,
                };
                if let Some(k) = kind {
                    open = Some(k);
                    out.push(Quoted {
                        open: at,
                        inner: after..after,
                        end: after,
                        closed: false,
                        continued,
                    });
                }
            }
            Some(kind) => {
                let closes = match kind {
                    Open::Double => matches!(c, '"' | '”' | '»'),
                    Open::Low => matches!(c, '“' | '"' | '”'),
                    Open::Single => c == '’' && !next.is_some_and(char::is_alphanumeric),
                };
                if closes {
                    if let Some(q) = out.last_mut() {
                        q.inner = trimmed(text, q.inner.start, at);
                        q.end = after;
                        q.closed = true;
                    }
                    open = None;
                }
            }
        }
    }
    let still_open = open.is_some();
    if still_open {
        if let Some(q) = out.last_mut() {
            q.inner = trimmed(text, q.inner.start, span.end);
            q.end = span.end;
        }
    }
    (out, still_open)
}

/// `start..end` (the text after an opening mark up to `end`) without
/// surrounding whitespace; empty at `start` when blank.
fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let Some(s) = text.get(start..end) else {
        return start..start;
    };
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    start + lead..start + lead + body.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str, previous_open: bool) -> (Vec<(&str, bool, bool)>, bool) {
        let (q, open) = quoted(text, 0..text.len(), previous_open);
        (
            q.iter()
                .map(|q| (&text[q.inner.clone()], q.closed, q.continued))
                .collect(),
            open,
        )
    }

    #[test]
    fn curly_and_straight_double_quotes() {
        let (q, open) = inner("“We act,” he said. \"We stay.\" «Oui» and „Ja“.", false);
        assert_eq!(
            q,
            [
                ("We act,", true, false),
                ("We stay.", true, false),
                ("Oui", true, false),
                ("Ja", true, false)
            ]
        );
        assert!(!open);
    }

    #[test]
    fn apostrophes_do_not_close_british_single_quotes() {
        let (q, _) = inner("He said ‘Biden’s plan can’t work’ today; it's fine.", false);
        assert_eq!(q, [("Biden’s plan can’t work", true, false)]);
    }

    #[test]
    fn a_quote_open_at_the_end_of_a_paragraph_runs_to_its_end_and_continues() {
        let (q, open) = inner("A spokesman said: “The ministers met. ", false);
        assert_eq!(q, [("The ministers met.", false, false)]);
        assert!(open);
        let (q, open) = inner("“They agreed.” Then they left.", true);
        assert_eq!(q, [("They agreed.", true, true)]);
        assert!(!open);
    }
}
