//! Exports of what the reader found: the entity list as CSV and JSON, the
//! visible passages as Markdown, and the concordance as CSV. Plain strings;
//! the app turns them into downloads.
//!
//! Positions are Unicode code-point offsets into the article body (as the
//! command-line tool reports them).

use crate::analysis::Analysis;
use crate::concordance::Line;
use crate::view::View;

/// Code-point offset of the first mention of each entity (or `None`).
fn first_positions(a: &Analysis) -> Vec<Option<usize>> {
    let mut first: Vec<Option<usize>> = vec![None; a.entities.entities.len()];
    let body = &a.article.body;
    let (mut byte, mut chars) = (0usize, 0usize);
    for m in &a.entities.mentions {
        if let Some(slot) = first.get_mut(m.entity) {
            if slot.is_none() && m.span.start >= byte && body.is_char_boundary(m.span.start) {
                chars += body[byte..m.span.start].chars().count();
                byte = m.span.start;
                *slot = Some(chars);
            }
        }
    }
    first
}

fn csv_field(s: &str) -> String {
    // Quote everything; double inner quotes. A leading =,+,-,@ is prefixed
    // with ' so spreadsheets do not run it as a formula.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The entity list as CSV: `name,type,aliases,mentions,first_position`
/// (aliases joined by `; `).
pub fn entities_csv(a: &Analysis) -> String {
    let first = first_positions(a);
    let mut out = String::from("name,type,aliases,mentions,first_position\n");
    for (e, pos) in a.entities.entities.iter().zip(first) {
        out.push_str(&format!(
            "{},{},{},{},{}\n",
            csv_field(&e.name),
            e.kind.as_str(),
            csv_field(&e.aliases.join("; ")),
            e.mentions,
            pos.map_or(String::new(), |p| p.to_string())
        ));
    }
    out
}

/// The concordance `lines` (of `body`, in their order) as CSV:
/// `paragraph,position,left,match,right`: the paragraph counted from 1, the
/// match's code-point offset in the body, the context with whitespace
/// collapsed (formula-safe like every field here).
pub fn concordance_csv(body: &str, lines: &[Line]) -> String {
    // Code-point offsets of the matches, counted in one pass in text order.
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by_key(|&i| lines.get(i).map_or(0, |l| l.hit.start));
    let mut position = vec![0usize; lines.len()];
    let (mut byte, mut chars) = (0usize, 0usize);
    for i in order {
        let Some(start) = lines.get(i).map(|l| l.hit.start) else {
            continue;
        };
        if let Some(between) = body.get(byte..start) {
            chars += between.chars().count();
            byte = start;
        }
        if let Some(slot) = position.get_mut(i) {
            *slot = chars;
        }
    }
    let mut out = String::from("paragraph,position,left,match,right\n");
    for (line, pos) in lines.iter().zip(position) {
        let t = line.text(body);
        out.push_str(&format!(
            "{},{},{},{},{}\n",
            line.paragraph + 1,
            pos,
            csv_field(&t.left),
            csv_field(&t.hit),
            csv_field(&t.right)
        ));
    }
    out
}

/// A JSON string literal.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The entity list as JSON: `{"article": {...}, "entities": [{"id", "name",
/// "type", "aliases", "mentions", "first_position"}]}`.
pub fn entities_json(a: &Analysis) -> String {
    let first = first_positions(a);
    let m = &a.article.meta;
    let opt = |v: &Option<String>| v.as_deref().map_or("null".to_string(), json_string);
    let mut out = format!(
        "{{\n  \"article\": {{\"id\": {}, \"title\": {}, \"source\": {}, \"date\": {}, \"url\": {}}},\n  \"entities\": [",
        json_string(&a.article.id),
        json_string(&m.title),
        opt(&m.source),
        opt(&m.date),
        opt(&m.url)
    );
    for (i, (e, pos)) in a.entities.entities.iter().zip(first).enumerate() {
        let aliases: Vec<String> = e.aliases.iter().map(|x| json_string(x)).collect();
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&format!(
            "{{\"id\": {}, \"name\": {}, \"type\": \"{}\", \"aliases\": [{}], \"mentions\": {}, \"first_position\": {}}}",
            json_string(&e.id),
            json_string(&e.name),
            e.kind.as_str(),
            aliases.join(", "),
            e.mentions,
            pos.map_or("null".to_string(), |p| p.to_string())
        ));
    }
    out.push_str("\n  ]\n}\n");
    out
}

/// Escapes Markdown punctuation so article text stays literal text.
pub(crate) fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether `url` is an `http:` or `https:` address.
fn is_web_address(url: &str) -> bool {
    let u = url.trim_start().as_bytes();
    let scheme = |s: &[u8]| u.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s));
    scheme(b"http://") || scheme(b"https://")
}

/// The visible passages as Markdown: title, source and date, what filtered
/// them (`filters`, e.g. `search "missile" · Joe Biden`), then one
/// paragraph per passage with matches in bold. The article's URL is
/// written (as a link) only when it is an `http(s)` address.
pub fn passages_markdown(a: &Analysis, view: &View, filters: &str) -> String {
    let m = &a.article.meta;
    let mut out = format!("# {}\n\n", md_escape(&m.title));
    let mut line: Vec<String> = Vec::new();
    if let Some(s) = &m.source {
        line.push(md_escape(s));
    }
    if let Some(d) = &m.date {
        line.push(md_escape(d));
    }
    // Only a web address becomes a link: a `javascript:` or `data:` URL in
    // an article's front matter would be a clickable link in a viewer.
    if let Some(u) = m.url.as_deref().filter(|u| is_web_address(u)) {
        line.push(format!("<{}>", u.replace(['<', '>', ' '], "")));
    }
    if !line.is_empty() {
        out.push_str(&format!("{}\n\n", line.join(" · ")));
    }
    if !filters.is_empty() {
        out.push_str(&format!(
            "> {} of {} passages · {}\n\n",
            view.passages.len(),
            a.article.paragraphs.len(),
            md_escape(filters)
        ));
    }
    for &p in &view.passages {
        let Some(para) = a.article.paragraphs.get(p) else {
            continue;
        };
        let mut cursor = para.span.start;
        let mut text = String::new();
        // The matches of this paragraph (sorted: found by binary search).
        let first = view.matches.partition_point(|s| s.end <= para.span.start);
        for mspan in view
            .matches
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .take_while(|s| s.start < para.span.end)
            .filter(|s| s.start >= para.span.start && s.end <= para.span.end)
        {
            if let (Some(before), Some(hit)) = (
                a.article.body.get(cursor..mspan.start),
                a.article.body.get(mspan.clone()),
            ) {
                text.push_str(&md_escape(before));
                text.push_str(&format!("**{}**", md_escape(hit)));
                cursor = mspan.end;
            }
        }
        text.push_str(&md_escape(
            a.article.body.get(cursor..para.span.end).unwrap_or(""),
        ));
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Article;
    use crate::search::Query;

    fn seed() -> Analysis {
        Analysis::new(Article::parse(
            "000_seed.txt",
            include_str!("../../seeds/000_8c592e3cf3c6a0f6.txt"),
        ))
    }

    #[test]
    fn csv_has_one_row_per_entity_with_first_positions() {
        let a = seed();
        let csv = entities_csv(&a);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "name,type,aliases,mentions,first_position");
        assert_eq!(lines.len(), a.entities.entities.len() + 1);
        let biden = lines
            .iter()
            .find(|l| l.starts_with("\"Joe Biden\",person,"))
            .expect("Joe Biden row");
        let pos: usize = biden
            .rsplit(',')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("a position");
        let chars: Vec<char> = a.article.body.chars().collect();
        assert_eq!(chars[pos..pos + 9].iter().collect::<String>(), "Joe Biden");
    }

    #[test]
    fn csv_neutralises_formulas_and_quotes() {
        assert_eq!(csv_field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn concordance_csv_has_positions_in_code_points_and_safe_fields() {
        let text = "Café =Kyiv missile.\n- missile here";
        let a = Analysis::new(Article::parse("c.txt", text));
        let mut lines = a.concordance(&a.view(&Query::parse("missile"), &[], false), 10);
        lines.reverse();
        let csv = concordance_csv(&a.article.body, &lines);
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows[0], "paragraph,position,left,match,right");
        assert_eq!(rows[1], "2,22,\"'-\",\"missile\",\"here\"");
        // "=Kyiv" would be a formula; "Café" is cut by the width.
        assert_eq!(rows[2], "1,11,\"'=Kyiv\",\"missile\",\".\"");
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[11..18].iter().collect::<String>(), "missile");
    }

    #[test]
    fn json_escapes_and_lists_entities() {
        assert_eq!(json_string("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"");
        let a = seed();
        let json = entities_json(&a);
        assert!(
            json.contains("\"name\": \"Joe Biden\", \"type\": \"person\""),
            "{json}"
        );
        assert_eq!(
            json.matches("\"first_position\"").count(),
            a.entities.entities.len()
        );
    }

    #[test]
    fn markdown_links_only_web_addresses() {
        let raw = |url: &str| format!("---\ntitle: T\nurl: {url}\n---\nBody on Kyiv.\n");
        for (url, shown) in [
            ("https://example.org/a b", Some("<https://example.org/ab>")),
            ("HTTP://example.org", Some("<HTTP://example.org>")),
            ("javascript:alert(1)", None),
            ("data:text/html,<b>x</b>", None),
            ("//example.org", None),
        ] {
            let a = Analysis::new(Article::parse("a.txt", &raw(url)));
            let md = passages_markdown(&a, &a.view(&Query::parse(""), &[], false), "");
            let line = md.lines().nth(2).unwrap_or("");
            match shown {
                Some(link) => assert_eq!(line, link, "{url}"),
                None => assert!(!md.contains(url.get(..6).unwrap_or(url)), "{url}: {md}"),
            }
        }
    }

    #[test]
    fn markdown_lists_visible_passages_with_bold_matches() {
        let a = seed();
        let v = a.view(&Query::parse("kursk"), &[], true);
        let md = passages_markdown(&a, &v, "search \"kursk\"");
        assert!(md.starts_with("# U.S. President Joe Biden"));
        assert_eq!(md.matches("**Kursk**").count(), v.matches.len());
        assert!(md.contains(&format!("> {} of 11 passages", v.passages.len())));
    }
}
