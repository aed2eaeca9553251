//! One component per file.

mod article_header;
mod article_view;
mod entity_group;
mod entity_panel;
mod export_bar;
mod filter_bar;
mod library_panel;
mod library_results;
mod passage;
mod progress;
mod search_bar;

pub use article_header::ArticleHeader;
pub use article_view::ArticleView;
pub use entity_group::EntityGroup;
pub use entity_panel::EntityPanel;
pub use export_bar::ExportBar;
pub use filter_bar::FilterBar;
pub use library_panel::LibraryPanel;
pub use library_results::LibraryResults;
pub use passage::Passage;
pub use progress::AnalysisProgress;
pub use search_bar::SearchBar;
