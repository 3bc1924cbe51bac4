//! What the app and the server's first paint (`opendoor-server`'s `first_paint`) share about the
//! first screen, so the page a first visit reads before the app has loaded says exactly what the
//! app then shows: which addresses are painted first, the words built from data (their fixed
//! words are the catalogue's), and the list's first screen kept on the device.

use serde::{Deserialize, Serialize};

use crate::filter::Sort;
use crate::i18n::Catalogue;
use crate::listing::{Availability, Listing};
use time::Date;

/// The main navigation: (address, words).
pub fn nav(c: &Catalogue) -> [(&'static str, String); 5] {
    [
        ("/", c.text("nav-opportunities")),
        ("/what-changed", c.text("nav-what-changed")),
        ("/saved", c.text("nav-saved")),
        ("/applications", c.text("nav-applications")),
        ("/about-me", c.text("nav-about-me")),
    ]
}

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
pub fn sort_label(c: &Catalogue, s: Sort) -> String {
    c.text(match s {
        Sort::Relevance => "sort-relevance",
        Sort::ClosingSoonest => "sort-closing",
        Sort::Newest => "sort-newest",
    })
}

/// "Show more (30 of 120 shown)".
pub fn show_more(c: &Catalogue, shown: usize, total: usize) -> String {
    c.text_with(
        "show-more",
        &[("shown", shown.min(total).into()), ("total", total.into())],
    )
}

/// The card labels, in the order a card shows them.
pub fn card_facts(c: &Catalogue) -> [String; 4] {
    ["fact-type", "fact-where", "fact-payment", "fact-closing"].map(|id| c.text(id))
}

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

/// One opportunity's page: the notice at the top of a closed or withdrawn one.
pub mod detail {
    use crate::i18n::Catalogue;
    use crate::listing::Availability;

    /// (label, sentence).
    pub fn banner(c: &Catalogue, av: Availability) -> Option<(String, String)> {
        let (label, sentence) = match av {
            Availability::Open => return None,
            Availability::Closed => ("closing-closed", "banner-closed"),
            Availability::Withdrawn => ("closing-withdrawn", "banner-withdrawn"),
        };
        Some((c.text(label), c.text(sentence)))
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
        let c = Catalogue::english();
        assert_eq!(show_more(&c, 30, 120), "Show more (30 of 120 shown)");
        assert_eq!(show_more(&c, 60, 45), "Show more (45 of 45 shown)");
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
