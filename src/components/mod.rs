//! One component per file.

mod article_header;
mod article_view;
mod entity_group;
mod entity_panel;
mod filter_bar;
mod passage;
mod search_bar;

pub use article_header::ArticleHeader;
pub use article_view::ArticleView;
pub use entity_group::EntityGroup;
pub use entity_panel::EntityPanel;
pub use filter_bar::FilterBar;
pub use passage::Passage;
pub use search_bar::SearchBar;
