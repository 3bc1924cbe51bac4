//! What the list works from, shared by the list and its filters panel: the stored listings
//! (`Listings`), what the current search found in them (`Found`), and how to move to another
//! search (`Go`).

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use opendoor_core::filter::{self, Counts};
use opendoor_core::listing::Listing;
use opendoor_core::query::Query;

/// The stored listings (and what filtering reads from them, worked out once), compared by
/// identity: a reload after a sync is a new value.
#[derive(Clone)]
pub struct Listings {
    pub all: Arc<Vec<Listing>>,
    /// What filtering reads from `all`, worked out once.
    pub facts: Arc<filter::Facts>,
    /// Each listing's feed `modified`, beside `all` (for keeping the search index in step).
    pub modified: Arc<Vec<i64>>,
    /// The stored listings' revision (`Ctx::revision`) these were read at.
    pub revision: u32,
}
impl PartialEq for Listings {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.all, &other.all)
    }
}

/// What the current search found.
#[derive(Clone, PartialEq)]
pub struct Found {
    pub listings: Listings,
    /// Positions in `listings.all` of the results, in order.
    pub rows: Vec<usize>,
    pub counts: Counts,
    pub words: HashSet<String>,
    pub open: usize,
    /// Said under "near" when the place could not be placed on a map, or "here" is unknown.
    pub near_note: Option<String>,
    /// "No opportunity matches all of …; these match some of your words." (search::words)
    pub partial_note: Option<String>,
    /// Words to remove, each with what that would show and the link that does it.
    pub drop_word: Vec<(String, String)>,
    /// Filters to remove, likewise (only when few or none match).
    pub drop_filter: Vec<(String, String)>,
}

pub type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// Moves to the search `q`: replacing the history entry while typing, adding one otherwise.
#[derive(Clone, Copy)]
pub struct Go(pub StoredValue<Navigate, LocalStorage>);
impl Go {
    pub fn to(self, q: &Query, replace: bool) {
        let qs = q.to_query_string();
        let url = if qs.is_empty() {
            "/".to_owned()
        } else {
            format!("/?{qs}")
        };
        self.0.with_value(|nav| {
            nav(
                &url,
                NavigateOptions {
                    replace,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
    }
}
