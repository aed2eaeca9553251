//! Where a place or group belongs (its country, or whether it is a country
//! itself), worked out from the gazetteers when an article is analysed and
//! kept in its record, so the browser needs no gazetteer to show a card
//! ([`crate::card`]).

use crate::entities::gazetteer::{gazetteer, PlaceKind};
use crate::entities::{Entities, EntityKind};

/// What the card says about where a place or group belongs, worked out
/// from the gazetteers when the article is analysed (so the browser needs
/// no gazetteer to show a card).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlaceFacts {
    /// The country it belongs to (a country's own name for a country).
    pub country: Option<String>,
    /// Whether it is a country itself.
    pub is_country: bool,
}

/// The place facts of every entity, in order.
pub fn place_facts(entities: &Entities) -> Vec<PlaceFacts> {
    let g = gazetteer();
    entities
        .entities
        .iter()
        .map(|e| match e.kind {
            EntityKind::Place | EntityKind::Group => {
                let names = || std::iter::once(&e.name).chain(&e.aliases);
                let is_country = e.kind == EntityKind::Place
                    && names().any(|n| matches!(g.places.get(n.as_str()), Some(PlaceKind::Country(_))));
                let related = e
                    .related
                    .and_then(|r| entities.entities.get(r))
                    .map(|r| r.name.clone());
                let country = related.or_else(|| names().find_map(|n| g.country_of(n)).map(str::to_string));
                PlaceFacts { country, is_country }
            }
            _ => PlaceFacts::default(),
        })
        .collect()
}
