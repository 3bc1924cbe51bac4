//! The fixed words of the app's frame and its list of opportunities: shared by the app and the
//! server's first paint (`opendoor-server`'s `first_paint`), so the page a first visit reads
//! before the app has loaded says exactly what the app then shows.

use crate::filter::Sort;

pub const BRAND: &str = "Open Door";
pub const TAGLINE: &str = "Have your say in health and care services";
pub const SKIP_LINK: &str = "Skip to main content";
pub const FOOTER: &str =
    "Open Door keeps listings on this device so you can read them without a connection.";

/// The main navigation: (address, words).
pub const NAV: [(&str, &str); 5] = [
    ("/", "Opportunities"),
    ("/what-changed", "What changed"),
    ("/saved", "Saved"),
    ("/applications", "My applications"),
    ("/about-me", "About me"),
];

pub const LIST_TITLE: &str = "Opportunities";
pub const LIST_HEADING: &str = "Opportunities to have your say";
pub const LIST_LEDE: &str = "Panels, groups, workshops and surveys where your experience of health and care services can shape them.";
pub const SEARCH_LABEL: &str = "Search opportunities";
pub const SEARCH_HINT: &str =
    "For example: dementia, carers, online survey. Results change as you type.";
pub const SORT_LABEL: &str = "Sort by";
pub const FILTERS: &str = "Filters";
pub const SAVE_SEARCH: &str = "Save this search";
pub const REFRESH: &str = "Refresh";
pub const BACK_TO_LIST: &str = "Back to all opportunities";

/// The words of each way to sort.
pub fn sort_label(s: Sort) -> &'static str {
    match s {
        Sort::Relevance => "Best match",
        Sort::ClosingSoonest => "Closing soonest",
        Sort::Newest => "Newest",
    }
}

/// "Show more (30 of 120 shown)".
pub fn show_more(shown: usize, total: usize) -> String {
    format!("Show more ({} of {total} shown)", shown.min(total))
}

/// The card labels, in the order a card shows them.
pub const CARD_FACTS: [&str; 4] = ["Type", "Where", "Payment", "Closing date"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn show_more_never_claims_more_than_there_are() {
        assert_eq!(show_more(30, 120), "Show more (30 of 120 shown)");
        assert_eq!(show_more(60, 45), "Show more (45 of 45 shown)");
    }
}
