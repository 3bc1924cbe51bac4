//! Feed format v1: pages in the shape of OpenActive RPDE 1.0 (docs/feed-format.md).
//!
//! A page is checked in two layers. The page itself (size, JSON, shape, order) must be sound or the
//! whole page is refused. Each item is then checked on its own, so one bad listing is skipped and
//! reported without throwing away its neighbours.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::listing::Listing;
use crate::validate::{self, Problem};

/// The RPDE `kind` of every item in this feed.
pub const KIND: &str = "Opportunity";
/// Largest page accepted, in bytes. 100 full-length listings fit in well under this.
pub const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;
/// Most items accepted on one page.
pub const MAX_ITEMS: usize = 1000;

/// One page as published. `data` is kept loose here so that a bad item can be reported alone.
#[derive(Debug, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct WirePage<T = serde_json::Value> {
    pub items: Vec<WireItem<T>>,
    pub next: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct WireItem<T = serde_json::Value> {
    pub state: WireState,
    pub kind: String,
    pub id: WireId,
    pub modified: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WireState {
    Updated,
    Deleted,
}

/// RPDE allows string or integer ids; we treat both as strings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum WireId {
    Text(String),
    Number(i64),
}

impl WireId {
    pub fn as_string(&self) -> String {
        match self {
            WireId::Text(s) => s.clone(),
            WireId::Number(n) => n.to_string(),
        }
    }
}

/// A checked item, ready to apply.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Updated {
        modified: i64,
        listing: Box<Listing>,
    },
    Deleted {
        id: String,
        modified: i64,
    },
}

impl Item {
    pub fn id(&self) -> &str {
        match self {
            Item::Updated { listing, .. } => &listing.id,
            Item::Deleted { id, .. } => id,
        }
    }
    pub fn modified(&self) -> i64 {
        match self {
            Item::Updated { modified, .. } | Item::Deleted { modified, .. } => *modified,
        }
    }
}

/// A checked page: good items in feed order, and the items that were skipped with why.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
    pub skipped: Vec<SkippedItem>,
    /// As published; may be relative to the page's own URL.
    pub next: String,
    pub license: Option<String>,
}

impl Page {
    /// How many items the page carried, good or bad.
    pub fn len(&self) -> usize {
        self.items.len() + self.skipped.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedItem {
    pub id: String,
    pub problem: ItemProblem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemProblem {
    WrongKind(String),
    /// An "updated" item without `data`.
    NoData,
    /// `data` does not have the shape of a listing (serde's words).
    Unreadable(String),
    IdMismatch,
    Invalid(Vec<Problem>),
}

impl fmt::Display for ItemProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemProblem::WrongKind(k) => write!(f, "it is a \"{k}\", not an opportunity"),
            ItemProblem::NoData => write!(f, "it has no details"),
            ItemProblem::Unreadable(e) => write!(f, "its details could not be read ({e})"),
            ItemProblem::IdMismatch => write!(f, "its id does not match its details"),
            ItemProblem::Invalid(ps) => {
                let list: Vec<String> = ps.iter().take(3).map(ToString::to_string).collect();
                write!(f, "{}", list.join("; "))?;
                if ps.len() > 3 {
                    write!(f, " and {} more problems", ps.len() - 3)?;
                }
                Ok(())
            }
        }
    }
}

/// Why a whole page was refused. Messages are for the status line, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageError {
    TooLarge { bytes: usize },
    NotJson(String),
    WrongShape(String),
    TooManyItems(usize),
    OutOfOrder { id: String },
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::TooLarge { bytes } => write!(
                f,
                "the feed sent a page of {} KB, more than the {} KB limit",
                bytes / 1024,
                MAX_PAGE_BYTES / 1024
            ),
            PageError::NotJson(_) => write!(
                f,
                "the feed sent something that is not a list of opportunities (not JSON)"
            ),
            PageError::WrongShape(e) => {
                write!(f, "the feed page is not in the expected format ({e})")
            }
            PageError::TooManyItems(n) => {
                write!(
                    f,
                    "the feed sent {n} items on one page, more than the limit of {MAX_ITEMS}"
                )
            }
            PageError::OutOfOrder { id } => {
                write!(f, "the feed's items are out of order (at \"{id}\")")
            }
        }
    }
}

impl std::error::Error for PageError {}

/// Parses and checks one page of the feed.
pub fn parse_page(body: &[u8]) -> Result<Page, PageError> {
    if body.len() > MAX_PAGE_BYTES {
        return Err(PageError::TooLarge { bytes: body.len() });
    }
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| PageError::NotJson(e.to_string()))?;
    let wire: WirePage =
        serde_json::from_value(value).map_err(|e| PageError::WrongShape(e.to_string()))?;
    if wire.items.len() > MAX_ITEMS {
        return Err(PageError::TooManyItems(wire.items.len()));
    }
    if wire.next.trim().is_empty() {
        return Err(PageError::WrongShape("\"next\" is empty".into()));
    }
    let mut last: Option<(i64, String)> = None;
    let mut items = Vec::with_capacity(wire.items.len());
    let mut skipped = Vec::new();
    for w in wire.items {
        let id = w.id.as_string();
        let key = (w.modified, id.clone());
        if last.as_ref().is_some_and(|prev| prev > &key) {
            return Err(PageError::OutOfOrder { id });
        }
        last = Some(key);
        match check_item(w, &id) {
            Ok(item) => items.push(item),
            Err(problem) => skipped.push(SkippedItem { id, problem }),
        }
    }
    Ok(Page {
        items,
        skipped,
        next: wire.next,
        license: wire.license,
    })
}

fn check_item(w: WireItem, id: &str) -> Result<Item, ItemProblem> {
    if w.kind != KIND {
        return Err(ItemProblem::WrongKind(w.kind.chars().take(40).collect()));
    }
    match w.state {
        WireState::Deleted => Ok(Item::Deleted {
            id: id.to_owned(),
            modified: w.modified,
        }),
        WireState::Updated => {
            let data = w.data.ok_or(ItemProblem::NoData)?;
            let listing: Listing =
                serde_json::from_value(data).map_err(|e| ItemProblem::Unreadable(e.to_string()))?;
            if listing.id != id {
                return Err(ItemProblem::IdMismatch);
            }
            validate::check(&listing).map_err(ItemProblem::Invalid)?;
            Ok(Item::Updated {
                modified: w.modified,
                listing: Box::new(listing),
            })
        }
    }
}

/// Builds a publishable page (used by the server, the static exporter and tests).
pub fn page_to_json(items: &[Item], next: &str, license: Option<&str>) -> serde_json::Value {
    let wire = WirePage::<&Listing> {
        items: items
            .iter()
            .map(|i| WireItem {
                state: match i {
                    Item::Updated { .. } => WireState::Updated,
                    Item::Deleted { .. } => WireState::Deleted,
                },
                kind: KIND.to_owned(),
                id: WireId::Text(i.id().to_owned()),
                modified: i.modified(),
                data: match i {
                    Item::Updated { listing, .. } => Some(listing.as_ref()),
                    Item::Deleted { .. } => None,
                },
            })
            .collect(),
        next: next.to_owned(),
        license: license.map(str::to_owned),
    };
    serde_json::to_value(wire).unwrap_or(serde_json::Value::Null)
}
