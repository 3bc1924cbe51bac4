//! The search index the screens share, kept in step with the stored listings.
//!
//! After each sync the screens reload the listings; `update` compares each listing's feed
//! `modified` with what was indexed and touches only listings added, changed or gone, so a sync
//! that changes three listings re-indexes three, not thousands. The list calls it only when
//! words are typed, so showing the list at start never waits for the index.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use opendoor_core::listing::Geo;
use opendoor_core::search::Index;
use opendoor_core::Listing;

use crate::store::StoredListing;

#[derive(Default)]
struct Shared {
    index: Index,
    /// id → `modified` of the copy indexed.
    indexed: HashMap<String, i64>,
}

thread_local! {
    static SHARED: RefCell<Shared> = RefCell::new(Shared::default());
    /// The device's position, once the person has allowed it (never stored, never sent).
    static DEVICE: Cell<Option<(f64, f64)>> = const { Cell::new(None) };
}

/// What `update` changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    pub indexed: usize,
    pub removed: usize,
}

/// Brings the index up to date with `rows` (all stored listings).
pub fn update(rows: &[StoredListing]) -> Changed {
    update_from(rows.iter().map(|r| (&r.listing, r.modified)))
}

/// The same, from each listing with its feed `modified`. Cheap when nothing changed (one map
/// lookup per listing), so screens call it just before they search.
pub fn update_from<'a>(rows: impl ExactSizeIterator<Item = (&'a Listing, i64)>) -> Changed {
    SHARED.with(|s| {
        let mut s = s.borrow_mut();
        let mut changed = Changed::default();
        let mut live: HashMap<&str, ()> = HashMap::with_capacity(rows.len());
        for (l, modified) in rows {
            live.insert(l.id.as_str(), ());
            if s.indexed.get(&l.id) != Some(&modified) {
                s.index.upsert(l);
                s.indexed.insert(l.id.clone(), modified);
                changed.indexed += 1;
            }
        }
        let gone: Vec<String> = s
            .indexed
            .keys()
            .filter(|id| !live.contains_key(id.as_str()))
            .cloned()
            .collect();
        for id in gone {
            s.index.remove(&id);
            s.indexed.remove(&id);
            changed.removed += 1;
        }
        changed
    })
}

pub fn with_index<R>(f: impl FnOnce(&Index) -> R) -> R {
    SHARED.with(|s| f(&s.borrow().index))
}

pub fn device() -> Option<Geo> {
    DEVICE.with(|d| d.get()).map(|(lat, lng)| Geo { lat, lng })
}

pub fn set_device(geo: Geo) {
    DEVICE.with(|d| d.set(Some((geo.lat, geo.lng))));
}
