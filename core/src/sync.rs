//! Sync decisions, free of I/O: what to ask for, what a page changes, where to go next.
//!
//! The browser shell (src/sync.rs) fetches, and writes each page's changes together with the new
//! cursor in one IndexedDB transaction; everything it decides comes from here.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::feed::{Item, Page, PageError, SkippedItem};

/// Most pages read in one sync, so a feed whose `next` never settles cannot loop forever.
pub const MAX_PAGES_PER_SYNC: usize = 500;

/// Where the next sync starts, with validators for a conditional request to that same URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cursor {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl Cursor {
    pub fn start(url: impl Into<String>) -> Self {
        Cursor {
            url: url.into(),
            etag: None,
            last_modified: None,
        }
    }
}

/// What the HTTP layer got for one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    NotModified,
    Ok {
        body: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    Status(u16),
}

/// What one page means for the stored listings: apply `changes`, save `cursor`, then `then`.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub items: Vec<Item>,
    pub skipped: usize,
    pub cursor: Cursor,
    pub then: Then,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    FetchNext,
    Done,
}

/// After fetching `requested` and getting a checked `page` whose `next` resolves to `next_url`.
///
/// We stop when a page is empty or points at itself (the tail of a static feed, or an RPDE
/// server's last page); otherwise we follow `next`. Validators are kept only when the next
/// request is to the same URL, because they belong to that URL's response.
pub fn after_page(
    requested: &Cursor,
    next_url: String,
    page: Page,
    etag: Option<String>,
    last_modified: Option<String>,
) -> Step {
    let same = next_url == requested.url;
    let then = if same || page.is_empty() {
        Then::Done
    } else {
        Then::FetchNext
    };
    let cursor = if same {
        Cursor {
            url: next_url,
            etag,
            last_modified,
        }
    } else {
        Cursor::start(next_url)
    };
    Step {
        skipped: page.skipped.len(),
        items: page.items,
        cursor,
        then,
    }
}

/// What to do with one incoming item, given the `modified` of the stored copy (if any).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Put,
    Delete,
    /// The stored copy is newer (a feed replaying old pages): keep it.
    Keep,
}

pub fn decide(item: &Item, stored_modified: Option<i64>) -> Action {
    if stored_modified.is_some_and(|m| m > item.modified()) {
        return Action::Keep;
    }
    match item {
        Item::Updated { .. } => Action::Put,
        Item::Deleted { .. } => Action::Delete,
    }
}

/// Why a sync stopped early. The stored listings are untouched by a failed page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncError {
    /// No connection, DNS failure, or the request never completed.
    Offline,
    Http(u16),
    BadPage(PageError),
    /// The device refused to store more (QuotaExceededError), or a write was stopped with no
    /// reason given, whose usual cause is the same.
    StorageFull,
    Storage(String),
    TooManyPages,
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyncError::Offline => write!(f, "no connection"),
            SyncError::Http(404) => write!(f, "the feed could not be found (error 404)"),
            SyncError::Http(code) if *code >= 500 => {
                write!(f, "the listings server is having problems (error {code})")
            }
            SyncError::Http(code) => write!(f, "the listings server refused (error {code})"),
            SyncError::BadPage(e) => write!(f, "{e}"),
            SyncError::StorageFull => {
                write!(f, "this device is out of storage space. Free some space and try again")
            }
            SyncError::Storage(e) => write!(f, "saving on this device failed ({e})"),
            SyncError::TooManyPages => write!(
                f,
                "the feed has more than {MAX_PAGES_PER_SYNC} new pages; the rest will load next time"
            ),
        }
    }
}

/// How many reasons for skipped listings one sync keeps to show (the count is kept in full).
pub const MAX_SKIPPED_REASONS: usize = 5;

/// The listings one sync had to skip: how many in all, and the first few reasons ("id": why).
/// The count and the list are kept apart so "9 could not be shown" stays true when only
/// [`MAX_SKIPPED_REASONS`] reasons are listed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    pub total: usize,
    pub reasons: Vec<String>,
}

impl Skipped {
    /// Counts every item of `items` and keeps reasons until there are [`MAX_SKIPPED_REASONS`].
    pub fn add(&mut self, items: &[SkippedItem]) {
        self.total += items.len();
        let room = MAX_SKIPPED_REASONS.saturating_sub(self.reasons.len());
        self.reasons.extend(
            items
                .iter()
                .take(room)
                .map(|s| format!("\u{201c}{}\u{201d}: {}", s.id, s.problem)),
        );
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
}

/// Totals for one sync, for the status line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub pages: usize,
    pub put: usize,
    pub deleted: usize,
    pub skipped: usize,
}

#[cfg(test)]
mod skipped_tests {
    use super::*;
    use crate::feed::ItemProblem;
    use crate::words::skipped_words;

    fn items(n: usize, from: usize) -> Vec<SkippedItem> {
        (from..from + n)
            .map(|i| SkippedItem {
                id: format!("L{i}"),
                problem: ItemProblem::NoData,
            })
            .collect()
    }

    #[test]
    fn every_skipped_listing_is_counted_but_only_five_reasons_are_kept() {
        let mut s = Skipped::default();
        assert!(s.is_empty());
        // Nine listings skipped over two pages (4 then 5).
        s.add(&items(4, 0));
        s.add(&items(5, 4));
        assert_eq!(s.total, 9);
        assert_eq!(s.reasons.len(), MAX_SKIPPED_REASONS);
        assert!(s.reasons[0].starts_with("\u{201c}L0\u{201d}: "));
        assert!(s.reasons[4].starts_with("\u{201c}L4\u{201d}: "));
        assert_eq!(
            skipped_words(&crate::i18n::Catalogue::english(), s.total),
            "9 listings from the feed could not be shown"
        );
        s.add(&items(1, 9));
        assert_eq!((s.total, s.reasons.len()), (10, 5));
    }
}
