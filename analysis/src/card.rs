//! The entity card: what the app shows on hover or focus of a mention or a
//! panel entry: canonical name, type, aliases found, mention count, the
//! first mention in its sentence, and for places and groups the country they
//! belong to (from the bundled gazetteers).
//!
//! ```
//! use article_analysis::{Analysis, Article, card::card};
//! let a = Analysis::new(Article::parse("a.txt", "Ukrainian forces struck near Kharkiv. Kharkiv was quiet later."));
//! let i = a.entities.entities.iter().position(|e| e.name == "Kharkiv").unwrap();
//! let c = card(&a, i).unwrap();
//! assert_eq!(c.mentions, 2);
//! assert_eq!(c.country.as_deref(), Some("Ukraine"));
//! assert_eq!(c.context.mention, "Kharkiv");
//! assert_eq!(c.context.before, "Ukrainian forces struck near ");
//! ```

use crate::analysis::Analysis;
use crate::entities::EntityKind;
use crate::segment;

/// Characters of context kept on each side of the first mention.
const CONTEXT_CHARS: usize = 90;

/// The first mention with the text around it (within its sentence).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// Text before the mention ("…" first when cut).
    pub before: String,
    /// The mention as written.
    pub mention: String,
    /// Text after the mention ("…" last when cut).
    pub after: String,
}

/// Everything the card shows about one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Canonical name.
    pub name: String,
    /// Type.
    pub kind: EntityKind,
    /// Other names it goes by in this article.
    pub aliases: Vec<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// The first mention in context.
    pub context: Context,
    /// For a place or group: the country it belongs to (a country's own
    /// name for a country).
    pub country: Option<String>,
    /// Whether the place is a country itself.
    pub is_country: bool,
}

/// The card of entity `entity` (index into `entities.entities`).
pub fn card(a: &Analysis, entity: usize) -> Option<Card> {
    let e = a.entities.entities.get(entity)?;
    let first = a.entities.mentions_of(entity).next();
    let context = first
        .map(|m| context(&a.article.body, &a.article.paragraphs, m.span.clone()))
        .unwrap_or_default();
    let facts = a.places.get(entity).cloned().unwrap_or_default();
    Some(Card {
        name: e.name.clone(),
        kind: e.kind,
        aliases: e.aliases.clone(),
        mentions: e.mentions,
        context,
        country: facts.country,
        is_country: facts.is_country,
    })
}

fn context(body: &str, paragraphs: &[crate::document::Paragraph], span: segment::Span) -> Context {
    let para = paragraphs
        .iter()
        .find(|p| p.span.start <= span.start && span.end <= p.span.end)
        .map_or(0..body.len(), |p| p.span.clone());
    let sentence = paragraphs
        .iter()
        .flat_map(|p| &p.sentences)
        .find(|s| s.start <= span.start && span.end <= s.end)
        .cloned()
        .unwrap_or(para);
    let (Some(before), Some(mention), Some(after)) = (
        body.get(sentence.start..span.start),
        body.get(span.clone()),
        body.get(span.end..sentence.end),
    ) else {
        return Context::default();
    };
    Context {
        before: keep_end(before),
        mention: mention.to_string(),
        after: keep_start(after),
    }
}

/// The last `CONTEXT_CHARS` characters, cut at a word start.
fn keep_end(s: &str) -> String {
    let s = s.replace('\n', " ");
    let n = s.chars().count();
    if n <= CONTEXT_CHARS {
        return s;
    }
    let tail: String = s.chars().skip(n - CONTEXT_CHARS).collect();
    let cut = tail
        .find(char::is_whitespace)
        .map_or(tail.as_str(), |i| tail[i..].trim_start());
    format!("…{cut}")
}

/// The first `CONTEXT_CHARS` characters, cut at a word end.
fn keep_start(s: &str) -> String {
    if s.chars().count() <= CONTEXT_CHARS {
        return s.replace('\n', " ");
    }
    let head: String = s.chars().take(CONTEXT_CHARS).collect();
    let cut = head
        .rfind(char::is_whitespace)
        .map_or(head.as_str(), |i| &head[..i]);
    format!("{}…", cut.replace('\n', " "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Article;

    fn analysis(text: &str) -> Analysis {
        Analysis::new(Article::parse("t.txt", text))
    }

    fn card_of(a: &Analysis, name: &str) -> Card {
        let i = a.entities.entities.iter().position(|e| e.name == name);
        let names: Vec<_> = a.entities.entities.iter().map(|e| &e.name).collect();
        card(a, i.unwrap_or_else(|| panic!("{name} not in {names:?}"))).unwrap_or_else(|| panic!("no card"))
    }

    #[test]
    fn a_person_card_has_aliases_and_no_country() {
        let a = analysis(
            "U.S. President Joe Biden approved the plan on Sunday. Biden later spoke to reporters in Washington.",
        );
        let c = card_of(&a, "Joe Biden");
        assert_eq!(c.kind, EntityKind::Person);
        assert_eq!(c.mentions, 2);
        assert!(c.aliases.iter().any(|x| x == "Biden"), "{:?}", c.aliases);
        assert_eq!(c.country, None);
        assert_eq!(c.context.before, "U.S. President ");
        assert_eq!(c.context.after, " approved the plan on Sunday.");
    }

    #[test]
    fn countries_groups_and_cities() {
        let a = analysis("Russian troops shelled Kharkiv. Russia denied it. The United States said nothing.");
        let russia = card_of(&a, "Russia");
        assert!(russia.is_country);
        assert_eq!(russia.country.as_deref(), Some("Russia"));
        let group = a
            .entities
            .entities
            .iter()
            .position(|e| e.kind == EntityKind::Group)
            .and_then(|i| card(&a, i));
        assert_eq!(group.and_then(|c| c.country).as_deref(), Some("Russia"));
        let city = card_of(&a, "Kharkiv");
        assert!(!city.is_country);
        assert_eq!(city.country.as_deref(), Some("Ukraine"));
    }

    #[test]
    fn long_sentences_are_cut_at_words() {
        let long = "word ".repeat(60);
        let a = analysis(&format!("{long}then Kyiv said {long}again."));
        let c = card_of(&a, "Kyiv");
        assert!(c.context.before.starts_with('…') && c.context.before.chars().count() <= CONTEXT_CHARS + 2);
        assert!(c.context.after.ends_with('…') && c.context.after.chars().count() <= CONTEXT_CHARS + 1);
        assert!(c.context.before.ends_with("then "));
    }

    #[test]
    fn missing_entity_has_no_card() {
        let a = analysis("Nothing here.");
        assert_eq!(card(&a, 99), None);
    }
}
