//! Open Door's domain, in plain Rust: what a listing is, the feed format, and the sync decisions.
//!
//! Shared by the browser app, the reference server and tools, so they cannot drift apart.
//! Nothing here does I/O; `cargo test -p opendoor-core` runs it all on the host.

pub mod api;
pub mod application;
pub mod browse;
pub mod device;
pub mod feed;
pub mod filter;
pub mod first_screen;
pub mod form;
pub mod i18n;
pub mod ics;
pub mod listing;
pub mod news;
pub mod outbox;
pub mod places;
pub mod query;
pub mod question;
pub mod relax;
pub mod saved;
pub mod seal;
pub mod sealed;
pub mod search;
pub mod sync;
pub mod text_size;
pub mod validate;
pub mod words;

pub use feed::{parse_page, Item, Page, PageError};
pub use listing::Listing;
