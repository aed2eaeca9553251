//! One component per file.

mod archive_entities;
mod archive_results;
mod article_header;
mod article_view;
mod dispersion;
mod entity_card;
mod entity_group;
mod entity_panel;
mod export_bar;
mod filter_bar;
mod library_panel;
mod library_results;
mod network_view;
mod passage;
mod position_map;
mod progress;
mod search_bar;

pub use archive_entities::ArchiveEntities;
pub use archive_results::ArchiveSearch;
pub use article_header::ArticleHeader;
pub use article_view::ArticleView;
pub use dispersion::DispersionPlots;
pub use entity_card::EntityCard;
pub use entity_group::EntityGroup;
pub use entity_panel::EntityPanel;
pub use export_bar::ExportBar;
pub use filter_bar::FilterBar;
pub use library_panel::LibraryPanel;
pub use library_results::LibraryResults;
pub use network_view::NetworkView;
pub use passage::Passage;
pub use position_map::PositionMap;
pub use progress::AnalysisProgress;
pub use search_bar::SearchBar;
