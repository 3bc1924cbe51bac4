//! The fixed words of the app's frame, its list of opportunities and one opportunity's page: shared by the app and the
//! server's first paint (`opendoor-server`'s `first_paint`), so the page a first visit reads
//! before the app has loaded says exactly what the app then shows.

use serde::{Deserialize, Serialize};

use crate::filter::Sort;
use crate::listing::{Availability, Listing};
use time::Date;

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

/// An address the server paints first (server's `first_paint`; the app takes over from it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Painted<'a> {
    List,
    /// One opportunity, by its id as written in the address (still %-encoded).
    Detail(&'a str),
}

/// Whether the server paints `path` first: the list, or one opportunity.
pub fn painted_first(path: &str) -> Option<Painted<'_>> {
    if path == "/" {
        return Some(Painted::List);
    }
    let id = path.strip_prefix("/opportunities/")?;
    (!id.is_empty() && !id.contains('/')).then_some(Painted::Detail(id))
}

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

/// The list's first screen as last shown with no search: kept on the device so a cold start
/// paints it before reading every stored listing (with 10,000 stored that read takes seconds
/// on a slow phone), then replaced by the same cards once they are read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    /// Open listings when it was taken.
    pub open: usize,
    pub listings: Vec<Listing>,
}

impl Snapshot {
    /// The cards still open `today` (one may have closed since the snapshot was taken).
    pub fn still_open(&self, today: Date) -> Vec<&Listing> {
        self.listings
            .iter()
            .filter(|l| l.availability(today) == Availability::Open)
            .collect()
    }

    /// Whether it shows the same listings, in the same versions, as `other` (so it need not be
    /// written again).
    pub fn same_as(&self, other: &Snapshot) -> bool {
        self.open == other.open
            && self.listings.len() == other.listings.len()
            && self.listings.iter().zip(&other.listings).all(|(a, b)| {
                a.id == b.id && a.last_updated == b.last_updated && a.status == b.status
            })
    }
}

/// The fixed words of one opportunity's page, in the order it shows them.
pub mod detail {
    use crate::listing::Availability;

    pub const ABOUT: &str = "About this opportunity";
    pub const DIFFERENCE: &str = "What difference it will make";
    pub const SUPPORT: &str = "Support you will get";
    pub const ACCESS: &str = "Access support";
    pub const NO_ACCESS_LISTED: &str =
        "No specific access support is listed. Ask the organiser about what you need.";
    pub const WHO: &str = "Who it is for";
    pub const HOW_TO_APPLY: &str = "How to apply";
    pub const NO_LONGER_TAKEN: &str = "Applications are no longer being taken.";
    pub const CONTACT_TO_APPLY: &str = "Contact the organiser to apply.";
    pub const APPLY_IN_APP: &str = "Apply here in Open Door. It works without a connection: your answers are saved as you go, and sent when you are back online.";
    pub const LINK_STEP_1: &str = "Open the organiser's website with the button below.";
    pub const LINK_STEP_2: &str =
        "Fill in their form. If it asks why you are interested, the message below may help.";
    pub const APPLY_ON_SITE: &str = "Apply on the organiser's website (opens in a new tab)";
    pub const EMAIL_STEP_1: &str = "Copy the message below and add a little about yourself.";
    pub const PHONE_STEP_2: &str = "Say which opportunity you are calling about. The message below may help you say why you are interested.";
    pub const PREPARED_LABEL: &str = "A message you can use";
    pub const NOT_FOUND: &str = "We can't find this opportunity";
    pub const NOT_FOUND_WHY: &str =
        "It may have been removed by the organiser, or the link may be wrong.";
    pub const SEE_ALL: &str = "See all open opportunities";

    /// The notice at the top of a closed or withdrawn opportunity: (label, sentence).
    pub fn banner(av: Availability) -> Option<(&'static str, &'static str)> {
        match av {
            Availability::Open => None,
            Availability::Closed => Some((
                "Closed",
                "This opportunity is closed. You can no longer apply.",
            )),
            Availability::Withdrawn => Some((
                "Withdrawn",
                "The organiser has withdrawn this opportunity. It is not going ahead.",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_list_and_one_opportunity_are_painted_first() {
        assert_eq!(painted_first("/"), Some(Painted::List));
        assert_eq!(
            painted_first("/opportunities/a%20b"),
            Some(Painted::Detail("a%20b"))
        );
        for other in [
            "/opportunities/",
            "/opportunities/a/apply",
            "/applications",
            "/saved",
        ] {
            assert_eq!(painted_first(other), None, "{other}");
        }
    }

    #[test]
    fn show_more_never_claims_more_than_there_are() {
        assert_eq!(show_more(30, 120), "Show more (30 of 120 shown)");
        assert_eq!(show_more(60, 45), "Show more (45 of 45 shown)");
    }

    fn sample() -> Listing {
        let page = crate::feed::parse_page(include_bytes!("../../public/feed/page-1.json"))
            .expect("the sample feed parses");
        page.items
            .into_iter()
            .find_map(|i| match i {
                crate::feed::Item::Updated { listing, .. } => Some(*listing),
                _ => None,
            })
            .expect("a listing")
    }

    #[test]
    fn a_snapshot_drops_what_has_closed_since_and_knows_when_it_is_unchanged() {
        use time::macros::date;
        let mut a = sample();
        a.id = "a".into();
        a.closing_date = Some(date!(2026 - 12 - 05));
        a.status = crate::listing::ListingStatus::Open;
        let mut b = a.clone();
        b.id = "b".into();
        b.closing_date = Some(date!(2027 - 03 - 01));
        let s = Snapshot {
            open: 2,
            listings: vec![a.clone(), b.clone()],
        };
        assert_eq!(s.still_open(date!(2026 - 12 - 04)).len(), 2);
        let ids: Vec<&str> = s
            .still_open(date!(2026 - 12 - 06))
            .iter()
            .map(|l| l.id.as_str())
            .collect();
        assert_eq!(ids, ["b"]);

        let json = serde_json::to_string(&s).expect("serialises");
        let back: Snapshot = serde_json::from_str(&json).expect("reads back");
        assert!(back.same_as(&s));
        let mut changed = s.clone();
        changed.listings[1].status = crate::listing::ListingStatus::Withdrawn;
        assert!(!changed.same_as(&s));
        let mut reordered = s.clone();
        reordered.listings.reverse();
        assert!(!reordered.same_as(&s));
    }
}
