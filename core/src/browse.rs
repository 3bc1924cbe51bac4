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
