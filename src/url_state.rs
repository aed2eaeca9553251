//! The view lives in the URL query string, so a link restores it:
//! `?article=ID&q=QUERY&e=ID,ID&only=1&hide=date,quantity&sort=name`
//! `&net=1&unit=paragraph&top=60&min=2` (the co-occurrence network)
//! `&say=ID&show=quotes,timeline,kwic&kwic=left` (quotes of one speaker, the
//! sections open, the concordance's order).
//!
//! [`UrlState`] is plain data with tolerant parsing (unknown keys, malformed
//! or oversized values fall back to defaults) and is tested natively; the two
//! small functions at the bottom read and write the browser's location.

use article_analysis::cooccurrence::Unit;
use article_analysis::entities::EntityKind;

/// The query string that opens the app without the reader's saved
/// articles (a way out when one of them breaks the page).
pub const SAFE_QUERY: &str = "?safe=1";

/// Longest query kept from a URL, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// Most entity ids kept from a URL.
pub const MAX_ENTITIES: usize = 20;
/// Longest entity or article id kept from a URL.
pub const MAX_ID_CHARS: usize = 120;
/// Network size: the most mentioned entities shown, by default and at most.
pub const DEFAULT_TOP: usize = 40;
/// See [`DEFAULT_TOP`].
pub const MIN_TOP: usize = 5;
/// See [`DEFAULT_TOP`].
pub const MAX_TOP: usize = 150;
/// Highest "appear together at least" threshold.
pub const MAX_MIN_LINKS: usize = 20;

/// How the entity panel is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Most mentioned first.
    #[default]
    Count,
    /// Alphabetical.
    Name,
}

/// Where the search box searches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// The open article.
    #[default]
    Article,
    /// Every article of the library.
    Library,
}

/// The sections of the reading view a link can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Who said what.
    Quotes,
    /// The dates mentioned, in order.
    Timeline,
    /// Keyword in context for the query or a selected entity.
    Concordance,
}

impl Section {
    /// Every section, in display order.
    pub const ALL: [Section; 3] = [Section::Quotes, Section::Timeline, Section::Concordance];

    /// The name in the URL.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Quotes => "quotes",
            Section::Timeline => "timeline",
            Section::Concordance => "kwic",
        }
    }

    fn from_str_opt(s: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// How the concordance is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum KwicOrder {
    /// In text order.
    #[default]
    Text,
    /// By the words before the match (nearest first).
    Left,
    /// By the words after the match.
    Right,
}

/// Everything about the view that a link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlState {
    /// The article id, if given.
    pub article: Option<String>,
    /// The search query.
    pub query: String,
    /// Selected entity ids.
    pub entities: Vec<String>,
    /// Show only the passages that match the query.
    pub only_matching: bool,
    /// Entity kinds hidden from the panel and the text.
    pub hidden: Vec<EntityKind>,
    /// Panel sort order.
    pub sort: SortOrder,
    /// Search this article or the whole library.
    pub scope: Scope,
    /// The co-occurrence network is open.
    pub network: bool,
    /// What "together" means in the network.
    pub unit: Unit,
    /// How many entities the network shows.
    pub top: usize,
    /// How often two entities must appear together to be linked.
    pub min_links: usize,
    /// Only the passages where this speaker (entity id; `unattributed`
    /// for quotes of nobody known) is quoted.
    pub speaker: Option<String>,
    /// The sections open (quotes, timeline, concordance).
    pub sections: Vec<Section>,
    /// The concordance's order.
    pub kwic: KwicOrder,
    /// Leave the reader's saved articles closed this time (`safe=1`).
    pub safe: bool,
}

impl Default for UrlState {
    fn default() -> Self {
        UrlState {
            article: None,
            query: String::new(),
            entities: Vec::new(),
            only_matching: false,
            hidden: Vec::new(),
            sort: SortOrder::default(),
            scope: Scope::default(),
            network: false,
            unit: Unit::default(),
            top: DEFAULT_TOP,
            min_links: 1,
            speaker: None,
            sections: Vec::new(),
            kwic: KwicOrder::Text,
            safe: false,
        }
    }
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= MAX_ID_CHARS
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl UrlState {
    /// Reads decoded key/value pairs; the first value of a key wins, anything
    /// unknown or malformed is ignored.
    pub fn from_pairs<I, K, V>(pairs: I) -> UrlState
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut s = UrlState::default();
        let mut seen: Vec<String> = Vec::new();
        for (k, v) in pairs {
            let (k, v) = (k.as_ref(), v.as_ref());
            if seen.iter().any(|x| x == k) {
                continue;
            }
            seen.push(k.to_string());
            match k {
                "article" if valid_id(v) => s.article = Some(v.to_string()),
                "q" => s.query = v.chars().take(MAX_QUERY_CHARS).collect(),
                "e" => {
                    for id in v.split(',').map(str::trim).filter(|id| valid_id(id)) {
                        if s.entities.len() < MAX_ENTITIES && !s.entities.iter().any(|x| x == id) {
                            s.entities.push(id.to_string());
                        }
                    }
                }
                "only" => s.only_matching = matches!(v, "1" | "true" | "yes"),
                "hide" => {
                    for kind in v.split(',').filter_map(|k| EntityKind::from_str_opt(k.trim())) {
                        if !s.hidden.contains(&kind) {
                            s.hidden.push(kind);
                        }
                    }
                }
                "scope" => {
                    s.scope = if v == "library" {
                        Scope::Library
                    } else {
                        Scope::Article
                    };
                }
                "net" => s.network = matches!(v, "1" | "true" | "yes"),
                "unit" => s.unit = Unit::from_str_opt(v).unwrap_or_default(),
                "top" => {
                    if let Ok(n) = v.trim().parse::<usize>() {
                        s.top = n.clamp(MIN_TOP, MAX_TOP);
                    }
                }
                "min" => {
                    if let Ok(n) = v.trim().parse::<usize>() {
                        s.min_links = n.clamp(1, MAX_MIN_LINKS);
                    }
                }
                "say" if valid_id(v) => s.speaker = Some(v.to_string()),
                "safe" => s.safe = matches!(v, "1" | "true" | "yes"),
                "show" => {
                    for section in v.split(',').filter_map(|x| Section::from_str_opt(x.trim())) {
                        if !s.sections.contains(&section) {
                            s.sections.push(section);
                        }
                    }
                }
                "kwic" => {
                    s.kwic = match v {
                        "left" => KwicOrder::Left,
                        "right" => KwicOrder::Right,
                        _ => KwicOrder::Text,
                    }
                }
                "sort" => {
                    s.sort = match v {
                        "name" => SortOrder::Name,
                        _ => SortOrder::Count,
                    }
                }
                _ => {}
            }
        }
        s
    }

    /// The pairs to write, leaving out defaults so links stay short.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(a) = &self.article {
            out.push(("article", a.clone()));
        }
        if !self.query.trim().is_empty() {
            out.push(("q", self.query.clone()));
        }
        if !self.entities.is_empty() {
            out.push(("e", self.entities.join(",")));
        }
        if self.only_matching {
            out.push(("only", "1".to_string()));
        }
        if !self.hidden.is_empty() {
            let kinds: Vec<&str> = self.hidden.iter().map(|k| k.as_str()).collect();
            out.push(("hide", kinds.join(",")));
        }
        if self.sort == SortOrder::Name {
            out.push(("sort", "name".to_string()));
        }
        if self.scope == Scope::Library {
            out.push(("scope", "library".to_string()));
        }
        if self.network {
            out.push(("net", "1".to_string()));
        }
        if self.unit != Unit::default() {
            out.push(("unit", self.unit.as_str().to_string()));
        }
        if self.top != DEFAULT_TOP {
            out.push(("top", self.top.to_string()));
        }
        if self.min_links != 1 {
            out.push(("min", self.min_links.to_string()));
        }
        if let Some(sp) = &self.speaker {
            out.push(("say", sp.clone()));
        }
        if !self.sections.is_empty() {
            let names: Vec<&str> = self.sections.iter().map(|x| x.as_str()).collect();
            out.push(("show", names.join(",")));
        }
        if self.safe {
            out.push(("safe", "1".to_string()));
        }
        match self.kwic {
            KwicOrder::Text => {}
            KwicOrder::Left => out.push(("kwic", "left".to_string())),
            KwicOrder::Right => out.push(("kwic", "right".to_string())),
        }
        out
    }
}

/// Reads the state from `window.location.search`; when that names nothing,
/// from `fallback` (the view a saved file carries, a query string).
pub fn read_location(fallback: Option<&str>) -> UrlState {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    match fallback {
        Some(view) if search.trim_start_matches('?').is_empty() => parse(view),
        _ => parse(&search),
    }
}

/// Reads a query string (with or without its `?`).
pub fn parse(search: &str) -> UrlState {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
        return UrlState::default();
    };
    let mut pairs = Vec::new();
    for key in [
        "article", "q", "e", "only", "hide", "sort", "scope", "net", "unit", "top", "min", "say", "show",
        "kwic", "safe",
    ] {
        if let Some(v) = params.get(key) {
            pairs.push((key, v));
        }
    }
    UrlState::from_pairs(pairs)
}

/// The state as a query string without the `?` (empty for the default view).
pub fn query_string(state: &UrlState) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return String::new();
    };
    for (k, v) in state.to_pairs() {
        params.append(k, &v);
    }
    params.to_string().into()
}

/// Replaces the current history entry's query string with `state`.
pub fn write_location(state: &UrlState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = query_string(state);
    let current = window.location().search().unwrap_or_default();
    let next = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    if current == next {
        return;
    }
    let path = window.location().pathname().unwrap_or_default();
    let hash = window.location().hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let url = format!("{path}{next}{hash}");
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let s = UrlState {
            article: Some("000_8c59".into()),
            query: "\"long-range missiles\" -trump".into(),
            entities: vec!["person-joe-biden".into(), "place-ukraine".into()],
            only_matching: true,
            hidden: vec![EntityKind::Date, EntityKind::Quantity],
            sort: SortOrder::Name,
            scope: Scope::Library,
            network: true,
            unit: Unit::Paragraph,
            top: 77,
            min_links: 3,
            speaker: Some("person-joe-biden".into()),
            sections: vec![Section::Timeline, Section::Quotes],
            kwic: KwicOrder::Right,
            safe: true,
        };
        assert_eq!(UrlState::from_pairs(s.to_pairs()), s);
    }

    #[test]
    fn defaults_are_left_out() {
        assert!(UrlState::default().to_pairs().is_empty());
    }

    #[test]
    fn malformed_values_are_ignored() {
        let s = UrlState::from_pairs([
            ("article", "../../etc"),
            ("e", "person-joe-biden,<script>,,place-ukraine,person-joe-biden"),
            ("hide", "date,bogus"),
            ("only", "maybe"),
            ("sort", "weird"),
            ("zzz", "1"),
            ("unit", "word"),
            ("top", "9999"),
            ("min", "-1"),
            ("say", "<b>"),
            ("show", "quotes,nonsense,quotes"),
            ("kwic", "up"),
        ]);
        assert_eq!(s.speaker, None);
        assert_eq!(s.sections, vec![Section::Quotes]);
        assert_eq!(s.kwic, KwicOrder::Text);
        assert_eq!(s.unit, Unit::Sentence);
        assert_eq!(s.top, MAX_TOP);
        assert_eq!(s.min_links, 1);
        assert_eq!(s.article, None);
        assert_eq!(s.entities, vec!["person-joe-biden", "place-ukraine"]);
        assert_eq!(s.hidden, vec![EntityKind::Date]);
        assert!(!s.only_matching);
        assert_eq!(s.sort, SortOrder::Count);
    }

    #[test]
    fn oversized_values_are_capped() {
        let long = "x".repeat(10_000);
        let many: Vec<String> = (0..100).map(|i| format!("id-{i}")).collect();
        let s = UrlState::from_pairs([("q", long.as_str()), ("e", many.join(",").as_str())]);
        assert_eq!(s.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(s.entities.len(), MAX_ENTITIES);
    }

    #[test]
    fn first_value_wins() {
        let s = UrlState::from_pairs([("q", "first"), ("q", "second")]);
        assert_eq!(s.query, "first");
    }
}
