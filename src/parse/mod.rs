//! Turns a fetched document into [`Item`]s: feeds through feed-rs, HTML listings through CSS
//! selectors, and HTML content into plain text for the tagger.
//!
//! Everything here is a pure function over text that is already UTF-8 (the `fetch` module
//! decodes), so it can be tested and fuzzed alone. Types: [`Item`], [`PageRule`],
//! [`ParseError`].

mod article;
mod date;
mod feed;
mod item;
mod page;
mod telegram;
mod text;

pub use article::{ArticleBody, extract_article};
pub use date::parse_listing_date;
pub use feed::parse_feed;
pub use item::{Item, content_hash};
pub use page::{PageRule, parse_page};
pub use telegram::{TelegramPost, parse_telegram};
pub use text::html_to_text;

/// Why a document yielded no items.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// feed-rs rejected the document.
    #[error("not a valid RSS, Atom or JSON feed: {0}")]
    Feed(String),
    /// feed-rs panicked on the document; the panic was contained.
    #[error("the feed parser crashed on this document (contained): {0}")]
    FeedPanic(String),
    /// A page rule's selector did not parse (config validation normally catches this).
    #[error("invalid CSS selector \"{selector}\": {message}")]
    Selector {
        /// The selector as written.
        selector: String,
        /// What the selector parser said.
        message: String,
    },
}
