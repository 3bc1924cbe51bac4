//! Which listings the main list shows, and in what order.

use time::Date;

use crate::listing::{Availability, Listing};

/// Open listings only, soonest closing first; those with no closing date come last. Ties are
/// broken by title, then id, so the order is stable between visits.
pub fn open_soonest_first<T>(
    rows: Vec<T>,
    today: Date,
    listing: impl Fn(&T) -> &Listing,
) -> Vec<T> {
    let mut open: Vec<T> = rows
        .into_iter()
        .filter(|r| listing(r).availability(today) == Availability::Open)
        .collect();
    open.sort_by(|a, b| {
        let (a, b) = (listing(a), listing(b));
        let key = |l: &Listing| (l.closing_date.is_none(), l.closing_date);
        key(a)
            .cmp(&key(b))
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
    open
}

/// Listings with a "what changed because of you" note, whether open, closed or withdrawn:
/// newest note first, then by title and id so the order is stable.
pub fn with_impact_notes<T>(rows: Vec<T>, listing: impl Fn(&T) -> &Listing) -> Vec<T> {
    let mut out: Vec<T> = rows
        .into_iter()
        .filter(|r| listing(r).impact_note.is_some())
        .collect();
    out.sort_by(|a, b| {
        let (a, b) = (listing(a), listing(b));
        let day = |l: &Listing| l.impact_note.as_ref().map(|n| n.date);
        day(b)
            .cmp(&day(a))
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::ListingStatus;
    use time::macros::date;

    fn sample() -> Listing {
        let page =
            crate::feed::parse_page(include_bytes!("../../public/feed/page-1.json")).unwrap();
        match page.items.into_iter().next() {
            Some(crate::feed::Item::Updated { listing, .. }) => *listing,
            _ => unreachable!(),
        }
    }

    fn l(id: &str, title: &str, closing: Option<Date>, status: ListingStatus) -> Listing {
        let mut l = sample();
        l.id = id.into();
        l.title = title.into();
        l.closing_date = closing;
        l.status = status;
        l
    }

    #[test]
    fn open_listings_soonest_first_then_undated_then_by_title() {
        let today = date!(2026 - 11 - 26);
        let rows = vec![
            l("undated", "Zebra", None, ListingStatus::Open),
            l(
                "later",
                "Later",
                Some(date!(2027 - 01 - 10)),
                ListingStatus::Open,
            ),
            l(
                "past",
                "Past",
                Some(date!(2026 - 11 - 25)),
                ListingStatus::Open,
            ),
            l("today", "Today", Some(today), ListingStatus::Open),
            l(
                "closed",
                "Closed",
                Some(date!(2027 - 01 - 01)),
                ListingStatus::Closed,
            ),
            l("gone", "Gone", None, ListingStatus::Withdrawn),
            l("undated2", "apple", None, ListingStatus::Open),
        ];
        let ids: Vec<String> = open_soonest_first(rows, today, |l| l)
            .into_iter()
            .map(|l| l.id)
            .collect();
        assert_eq!(ids, ["today", "later", "undated2", "undated"]);
    }

    #[test]
    fn impact_notes_newest_first_closed_and_withdrawn_included() {
        use crate::listing::ImpactNote;
        let noted = |id: &str, title: &str, day: Date, status: ListingStatus| {
            let mut l = l(id, title, Some(date!(2026 - 01 - 01)), status);
            l.impact_note = Some(ImpactNote {
                text: "We changed the leaflet.".into(),
                date: day,
            });
            l
        };
        let rows = vec![
            noted("old", "Old", date!(2026 - 03 - 01), ListingStatus::Open),
            l("none", "No note", None, ListingStatus::Open),
            noted(
                "closed",
                "Closed",
                date!(2026 - 11 - 20),
                ListingStatus::Closed,
            ),
            noted(
                "b-same",
                "b same day",
                date!(2026 - 06 - 01),
                ListingStatus::Withdrawn,
            ),
            noted(
                "a-same",
                "A same day",
                date!(2026 - 06 - 01),
                ListingStatus::Open,
            ),
        ];
        let ids: Vec<String> = with_impact_notes(rows, |l| l)
            .into_iter()
            .map(|l| l.id)
            .collect();
        assert_eq!(ids, ["closed", "a-same", "b-same", "old"]);
    }
}
