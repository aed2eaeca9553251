//! Markdown to plain paragraphs: headings and paragraphs are kept (one per
//! line), markup is removed: emphasis, inline code, links (their text),
//! images (their alt text), list markers, block quotes, rules, tables
//! (cells joined), HTML tags, reference definitions and code fences (their
//! content is kept as text).
//!
//! ```
//! let (title, body) = article_analysis::import::markdown::to_text(
//!     "# Title\n\nA **bold** [link](https://x.org) and `code`.\n\n- one\n- two",
//! );
//! assert_eq!(title.as_deref(), Some("Title"));
//! assert_eq!(body, "Title\nA bold link and code.\none\ntwo\n");
//! ```

/// Converts Markdown; returns the first heading (as a title) and the body,
/// one paragraph per line.
pub fn to_text(md: &str) -> (Option<String>, String) {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut title: Option<String> = None;
    let mut current: Vec<String> = Vec::new();
    let mut in_fence: Option<&str> = None;
    let lines: Vec<&str> = md.lines().collect();
    let flush = |current: &mut Vec<String>, paragraphs: &mut Vec<String>| {
        let text = one_line(&inline(&current.join(" ")));
        if !text.is_empty() {
            paragraphs.push(text);
        }
        current.clear();
    };
    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        let line = raw.trim();
        i += 1;
        if let Some(fence) = in_fence {
            if line.starts_with(fence) {
                in_fence = None;
                flush(&mut current, &mut paragraphs);
            } else if line.is_empty() {
                flush(&mut current, &mut paragraphs);
            } else {
                current.push(line.to_string());
            }
            continue;
        }
        if line.starts_with("```") || line.starts_with("~~~") {
            flush(&mut current, &mut paragraphs);
            in_fence = Some(if line.starts_with("```") { "```" } else { "~~~" });
            continue;
        }
        if line.is_empty() {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        // Setext heading: the next line is === or ---.
        if let Some(next) = lines.get(i).map(|l| l.trim()) {
            let underline =
                !next.is_empty() && (next.chars().all(|c| c == '=') || next.chars().all(|c| c == '-'));
            if underline && current.is_empty() && !is_rule(line) {
                let h = one_line(&inline(line));
                if !h.is_empty() {
                    if title.is_none() {
                        title = Some(h.clone());
                    }
                    paragraphs.push(h);
                }
                i += 1;
                continue;
            }
        }
        if is_rule(line) {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        if let Some(h) = atx_heading(line) {
            flush(&mut current, &mut paragraphs);
            let h = one_line(&inline(h));
            if !h.is_empty() {
                if title.is_none() {
                    title = Some(h.clone());
                }
                paragraphs.push(h);
            }
            continue;
        }
        if is_reference_definition(line) {
            continue;
        }
        let mut content = line;
        while let Some(rest) = content.strip_prefix('>') {
            content = rest.trim_start();
        }
        if let Some(item) = list_item(content) {
            flush(&mut current, &mut paragraphs);
            current.push(item.to_string());
            continue;
        }
        if content.starts_with('|') || (content.contains(" | ") && content.matches('|').count() >= 2) {
            if content.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
                continue;
            }
            flush(&mut current, &mut paragraphs);
            let cells: Vec<&str> = content.trim_matches('|').split('|').map(str::trim).collect();
            current.push(cells.join(" · "));
            flush(&mut current, &mut paragraphs);
            continue;
        }
        current.push(content.to_string());
    }
    flush(&mut current, &mut paragraphs);
    let mut body = paragraphs.join("\n");
    if !body.is_empty() {
        body.push('\n');
    }
    (title.filter(|t| !t.is_empty()), body)
}

/// Whitespace collapsed to single spaces (a BOM counts as whitespace).
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{feff}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && (compact.chars().all(|c| c == '-')
            || compact.chars().all(|c| c == '*')
            || compact.chars().all(|c| c == '_'))
}

fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        let rest = &line[hashes..];
        if rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t') {
            return Some(rest.trim().trim_end_matches('#').trim());
        }
    }
    None
}

fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[') && line.contains("]:") && !line.contains("](")
}

fn list_item(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            let rest = rest.trim_start();
            return Some(
                rest.strip_prefix("[ ] ")
                    .or_else(|| rest.strip_prefix("[x] "))
                    .unwrap_or(rest),
            );
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &line[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r.trim_start());
        }
    }
    None
}

/// Removes inline markup from one paragraph.
pub fn inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                if let Some((text, next)) = link_at(&chars, i + 1) {
                    out.push_str(&text);
                    i = next;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '[' => {
                if let Some((text, next)) = link_at(&chars, i) {
                    out.push_str(&inline(&text));
                    i = next;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '`' => {
                let ticks = chars[i..].iter().take_while(|&&x| x == '`').count();
                let close = (i + ticks..chars.len())
                    .find(|&j| chars[j..].iter().take_while(|&&x| x == '`').count() == ticks);
                match close {
                    Some(j) => {
                        out.extend(chars[i + ticks..j].iter());
                        i = j + ticks;
                    }
                    None => {
                        out.extend(chars[i..i + ticks].iter());
                        i += ticks;
                    }
                }
            }
            '*' | '_' | '~' => {
                // Emphasis markers are dropped when they touch a word on one
                // side; "a * b" and snake_case stay.
                let run = chars[i..].iter().take_while(|&&x| x == c).count();
                let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
                let after = chars.get(i + run).copied();
                let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
                let inner_word = c == '_' && word(before) && word(after);
                let opens = after.is_some_and(|x| !x.is_whitespace());
                let closes = before.is_some_and(|x| !x.is_whitespace());
                if !inner_word && (opens || closes) && !(c == '~' && run == 1) {
                    i += run;
                } else {
                    out.extend(chars[i..i + run].iter());
                    i += run;
                }
            }
            '<' => {
                // Inline HTML tags and autolinks: drop tags, keep autolink text.
                let close = chars[i..].iter().position(|&x| x == '>').map(|p| i + p);
                match close {
                    Some(j) if j > i + 1 && (chars[i + 1].is_ascii_alphabetic() || chars[i + 1] == '/') => {
                        let inner: String = chars[i + 1..j].iter().collect();
                        if inner.contains("://") || inner.contains('@') && !inner.contains(' ') {
                            out.push_str(&inner);
                        }
                        i = j + 1;
                    }
                    _ => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// At `chars[i] == '['`: a `[text](target)` or `[text][ref]` link; returns
/// its text and the index after it.
fn link_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    let mut depth = 0;
    let mut j = i;
    while j < chars.len() {
        match chars[j] {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
        j += 1;
    }
    if j >= chars.len() {
        return None;
    }
    let text: String = chars[i + 1..j].iter().collect();
    match chars.get(j + 1) {
        Some('(') => {
            let mut depth = 0;
            for (k, &c) in chars.iter().enumerate().skip(j + 1) {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some((text, k + 1));
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        Some('[') => {
            let close = chars[j + 1..].iter().position(|&c| c == ']')?;
            Some((text, j + 1 + close + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_and_lists() {
        let md = "Intro line one\nline two\n\n## Second *heading* ##\n\n1. first\n2) second\n\n> quoted **text**\n\n---\n\nSetext\n======\n";
        let (title, body) = to_text(md);
        assert_eq!(title.as_deref(), Some("Second heading"));
        assert_eq!(
            body,
            "Intro line one line two\nSecond heading\nfirst\nsecond\nquoted text\nSetext\n"
        );
    }

    #[test]
    fn links_images_code_and_html() {
        assert_eq!(
            inline("See [the *report*](http://x.org/a_(b)) now"),
            "See the report now"
        );
        assert_eq!(inline("![a map](m.png) and [ref][1]"), "a map and ref");
        assert_eq!(
            inline("use `a*b` and snake_case_name"),
            "use a*b and snake_case_name"
        );
        assert_eq!(
            inline("a <b>bold</b> <https://x.org> 2 < 3"),
            "a bold https://x.org 2 < 3"
        );
        assert_eq!(inline(r"\*not emphasis\*"), "*not emphasis*");
        assert_eq!(inline("~~gone~~ 5 * 3"), "gone 5 * 3");
    }

    #[test]
    fn fences_tables_and_definitions() {
        let md = "```rust\nlet x = 1;\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n[1]: https://example.org\n";
        let (title, body) = to_text(md);
        assert_eq!(title, None);
        assert_eq!(body, "let x = 1;\na · b\n1 · 2\n");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "[",
            "[a](",
            "![",
            "`",
            "``a`",
            "#",
            "######## x",
            "* ",
            "\u{202e}*x*",
            "<",
            "<a",
            "_é_",
        ] {
            let _ = to_text(s);
        }
    }
}
