//! Shared by the browser tests: real listings from the sample feed shipped with the app.

use opendoor_core::feed::{parse_page, Item};
use opendoor_core::Listing;

/// The live listings of the sample feed's first page.
pub fn sample_listings() -> Vec<Listing> {
    let page =
        parse_page(include_bytes!("../../public/feed/page-1.json")).expect("sample page parses");
    page.items
        .into_iter()
        .filter_map(|i| match i {
            Item::Updated { listing, .. } => Some(*listing),
            Item::Deleted { .. } => None,
        })
        .collect()
}
