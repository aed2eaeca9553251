//! "Export notes as Markdown": the article's title, then every highlight in
//! text order as a blockquote of its passage followed by its color and
//! note; highlights no longer found in the text come last under their own
//! heading. Article text and notes are escaped, so they stay literal text.
//!
//! ```
//! use article_analysis::annotations::highlight::{Color, Highlight};
//! use article_analysis::annotations::markdown::notes_markdown;
//! let text = "The missiles struck Kharkiv at dawn.";
//! let h = Highlight::new("h1", text, 4..12, Color::Pink, "Which *type*?", 0).unwrap();
//! let md = notes_markdown("Strikes", text, &[h]);
//! assert_eq!(md, "# Notes: Strikes\n\n> missiles\n\n**Pink** · Which \\*type\\*?\n");
//! ```

use super::highlight::{refreshed, Highlight};
use crate::export::md_escape;

/// The notes of an article as Markdown (see the module documentation).
pub fn notes_markdown(title: &str, text: &str, highlights: &[Highlight]) -> String {
    let mut out = format!("# Notes: {}\n", md_escape(title.trim()));
    if highlights.is_empty() {
        out.push_str("\nNo highlights yet.\n");
        return out;
    }
    let placed = refreshed(text, highlights);
    let mut orphans_started = false;
    for (h, anchor) in &placed {
        if anchor.span().is_none() && !orphans_started {
            orphans_started = true;
            out.push_str("\n## No longer found in the text\n");
        }
        out.push('\n');
        push_quote(&mut out, &h.target.quote.exact);
        out.push('\n');
        push_note(&mut out, h);
    }
    out
}

/// The passage as a blockquote, line by line (blank lines kept as `>`).
fn push_quote(out: &mut String, quote: &str) {
    for line in quote.trim().lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            out.push_str("> ");
            out.push_str(&md_escape(&line));
            out.push('\n');
        }
    }
}

/// "**Color** · note", the note's further lines below.
fn push_note(out: &mut String, h: &Highlight) {
    out.push_str("**");
    out.push_str(h.color.label());
    out.push_str("**");
    let mut lines = h.note.trim().lines();
    if let Some(first) = lines.next() {
        out.push_str(" · ");
        out.push_str(&md_escape(first.trim_end()));
    }
    out.push('\n');
    for line in lines {
        out.push_str(&md_escape(line.trim_end()));
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::highlight::Color;

    #[test]
    fn quotes_follow_text_order_and_orphans_come_last() {
        let text = "Kyiv was quiet.\nThe missiles struck Kharkiv.\nRepairs began.";
        let mk = |id: &str, q: &str, c: Color, note: &str, t: u64| {
            let s = text.find(q).unwrap();
            Highlight::new(id, text, s..s + q.len(), c, note, t).unwrap()
        };
        let hs = vec![
            mk("1", "Repairs began", Color::Green, "", 1),
            mk(
                "2",
                "missiles struck",
                Color::Yellow,
                "First line\n\n# not a heading",
                2,
            ),
            mk("3", "Kyiv was quiet", Color::Blue, "", 3),
        ];
        let edited = "Kyiv was quiet.\nRepairs began.";
        let md = notes_markdown("Strikes <b>", edited, &hs);
        assert_eq!(
            md,
            "# Notes: Strikes \\<b\\>\n\
             \n> Kyiv was quiet\n\n**Blue**\n\
             \n> Repairs began\n\n**Green**\n\
             \n## No longer found in the text\n\
             \n> missiles struck\n\n**Yellow** · First line\n\n\\# not a heading\n"
        );
    }

    #[test]
    fn a_passage_over_several_lines_stays_one_blockquote() {
        let text = "First   paragraph here.\n\nSecond one.";
        let h = Highlight::new("1", text, 6..text.len(), Color::Yellow, "", 0).unwrap();
        let md = notes_markdown("T", text, &[h]);
        assert!(md.contains("> paragraph here.\n>\n> Second one.\n"), "{md}");
    }

    #[test]
    fn no_highlights_says_so() {
        assert_eq!(
            notes_markdown("T", "x", &[]),
            "# Notes: T\n\nNo highlights yet.\n"
        );
    }
}
