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
            ItemProblem::Unreadable(e) => write!(f, "{e}"),
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
                bytes.div_ceil(1024),
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
    let serde_json::Value::Object(mut page) = value else {
        return Err(PageError::WrongShape("it is not a JSON object".into()));
    };
    let Some(serde_json::Value::Array(raw_items)) = page.remove("items") else {
        return Err(PageError::WrongShape(
            "\"items\" is missing or is not a list".into(),
        ));
    };
    let next = match page.remove("next") {
        Some(serde_json::Value::String(n)) if !n.trim().is_empty() => n,
        _ => {
            return Err(PageError::WrongShape(
                "\"next\" is missing or is not a link".into(),
            ))
        }
    };
    let license = page
        .remove("license")
        .and_then(|l| l.as_str().map(str::to_owned));
    if raw_items.len() > MAX_ITEMS {
        return Err(PageError::TooManyItems(raw_items.len()));
    }
    let mut last: Option<(i64, WireId)> = None;
    let mut items = Vec::with_capacity(raw_items.len());
    let mut skipped = Vec::new();
    for (n, raw) in raw_items.into_iter().enumerate() {
        // Each item on its own: one that cannot even be read is skipped, not the page.
        let fallback_id = match raw.get("id") {
            Some(serde_json::Value::String(s)) => s.chars().take(MAX_ID_SHOWN).collect(),
            Some(serde_json::Value::Number(x)) => x.to_string(),
            _ => format!("item {}", n + 1),
        };
        let w: WireItem = match serde_path_to_error::deserialize(raw) {
            Ok(w) => w,
            Err(e) => {
                let problem = ItemProblem::Unreadable(plain_serde_error(&e));
                skipped.push(SkippedItem {
                    id: fallback_id,
                    problem,
                });
                continue;
            }
        };
        let key = (w.modified, w.id.clone());
        if last
            .as_ref()
            .is_some_and(|prev| rpde_order(prev, &key).is_gt())
        {
            return Err(PageError::OutOfOrder { id: fallback_id });
        }
        last = Some(key);
        let id = w.id.as_string();
        match check_item(w, &id) {
            Ok(item) => items.push(item),
            Err(problem) => skipped.push(SkippedItem { id, problem }),
        }
    }
    Ok(Page {
        items,
        skipped,
        next,
        license,
    })
}

/// Longest id repeated back in a message.
const MAX_ID_SHOWN: usize = 100;

/// RPDE orders by `modified`, then `id`: numerically when both ids are numbers.
fn rpde_order(a: &(i64, WireId), b: &(i64, WireId)) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then_with(|| match (&a.1, &b.1) {
        (WireId::Number(x), WireId::Number(y)) => x.cmp(y),
        (x, y) => x.as_string().cmp(&y.as_string()),
    })
}

/// Serde's messages name Rust types ("expected struct Listing"); say where and what instead.
fn plain_serde_error(e: &serde_path_to_error::Error<serde_json::Error>) -> String {
    let path = e.path().to_string();
    let inner = e.inner().to_string();
    let at = |field: &str| {
        if path == "." {
            field.to_owned()
        } else if field.is_empty() {
            path.clone()
        } else {
            format!("{path}.{field}")
        }
    };
    let quoted = |s: &str| -> String {
        s.split('`')
            .nth(1)
            .unwrap_or_default()
            .chars()
            .take(40)
            .collect()
    };
    if let Some(rest) = inner.strip_prefix("missing field ") {
        format!("{} is missing", at(&quoted(rest)))
    } else if path == "." {
        "it is not in the expected format".into()
    } else if inner.starts_with("unknown variant") {
        format!(
            "{} has a value that is not allowed (\"{}\")",
            at(""),
            quoted(&inner)
        )
    } else if inner.starts_with("invalid type") {
        format!("{} has the wrong kind of value", at(""))
    } else if inner.starts_with("invalid value") || inner.starts_with("invalid length") {
        format!("{} has a value that is not allowed", at(""))
    } else if inner.contains("component") || inner.contains("parse") || inner.contains("format") {
        format!("{} is not a valid date or time", at(""))
    } else {
        format!("{} could not be read", at(""))
    }
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
            let listing: Listing = serde_path_to_error::deserialize(data)
                .map_err(|e| ItemProblem::Unreadable(plain_serde_error(&e)))?;
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
