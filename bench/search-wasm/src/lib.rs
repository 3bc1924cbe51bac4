//! Open Door's search for the benchmark (scripts/bench-search.mjs): the same `opendoor-core`
//! code the app runs, compiled to wasm with the app's profile, behind a few functions.
//! A counting allocator reports the bytes the index holds.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

use opendoor_core::filter::{self, Context, Origin};
use opendoor_core::listing::Listing;
use opendoor_core::query::Query;
use opendoor_core::search::Index;
use wasm_bindgen::prelude::*;

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);

#[allow(unsafe_code)] // a GlobalAlloc impl is unsafe by definition; it only counts and forwards
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_add(new, Ordering::Relaxed);
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        System.realloc(p, l, new)
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

thread_local! {
    static LISTINGS: RefCell<Vec<Listing>> = const { RefCell::new(Vec::new()) };
    static FACTS: RefCell<filter::Facts> = RefCell::new(filter::Facts::default());
    static INDEX: RefCell<Index> = RefCell::new(Index::new());
}

/// Parses a JSON array of listings (feed `data` objects); not timed. Returns how many.
#[wasm_bindgen]
pub fn load(json: &str) -> Result<u32, JsValue> {
    let v: Vec<Listing> =
        serde_json::from_str(json).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let n = v.len() as u32;
    // Made once per set of listings, as the app does when it loads them after a sync.
    FACTS.with(|f| *f.borrow_mut() = filter::Facts::of(&v));
    LISTINGS.with(|l| *l.borrow_mut() = v);
    Ok(n)
}

/// Builds a fresh index of every loaded listing (what is timed as "index build").
#[wasm_bindgen]
pub fn build() -> u32 {
    INDEX.with(|ix| {
        // Drop the old index first so its memory does not count twice.
        *ix.borrow_mut() = Index::new();
        let mut fresh = Index::new();
        LISTINGS.with(|l| {
            for x in l.borrow().iter() {
                fresh.upsert(x);
            }
        });
        // Counted in the build: the sorted vocabulary the first prefix search would make.
        fresh.prepare();
        let v = fresh.vocabulary() as u32;
        *ix.borrow_mut() = fresh;
        v
    })
}

/// Bytes currently allocated by Rust (listings + index + anything else alive).
#[wasm_bindgen]
pub fn heap_bytes() -> f64 {
    LIVE.load(Ordering::Relaxed) as f64
}

/// Frees the index (to measure its size as the difference).
#[wasm_bindgen]
pub fn drop_index() {
    INDEX.with(|ix| *ix.borrow_mut() = Index::new());
}

/// A text search; returns the number of hits (results are ranked, best first).
#[wasm_bindgen]
pub fn search(q: &str) -> u32 {
    INDEX.with(|ix| ix.borrow().search(q).hits.len() as u32)
}

/// The top hit's id, to check both engines agree on what they find.
#[wasm_bindgen]
pub fn top(q: &str) -> String {
    INDEX.with(|ix| {
        ix.borrow()
            .search(q)
            .hits
            .first()
            .map(|h| h.id.to_string())
            .unwrap_or_default()
    })
}

/// The app's whole path for one address-bar search (`q=…&how=…`): open listings, words,
/// filters with every count, and the order. Returns the number of results.
#[wasm_bindgen]
pub fn find(query_string: &str, today_iso: &str) -> u32 {
    let q = Query::parse(query_string);
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    let today = time::Date::parse(today_iso, &fmt).unwrap_or(time::macros::date!(2027 - 01 - 01));
    let origin = q
        .filters
        .near
        .as_ref()
        .and_then(|n| Origin::resolve(n, None));
    let cx = Context {
        today,
        origin: origin.as_ref(),
    };
    LISTINGS.with(|l| {
        INDEX.with(|ix| {
            let all = l.borrow();
            let ix = ix.borrow();
            FACTS.with(|f| {
                filter::find_with(&all, &f.borrow(), &ix, &q.text, &q.filters, q.sort, &cx)
                    .listings
                    .len() as u32
            })
        })
    })
}

thread_local! {
    static JUDGED: RefCell<Index> = RefCell::new(Index::new());
}

/// Indexes the judged set's listings (core/tests/fixtures/judged) in a second index.
#[wasm_bindgen]
pub fn judged_load(json: &str) -> Result<u32, JsValue> {
    let v: Vec<Listing> =
        serde_json::from_str(json).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let mut ix = Index::new();
    for l in &v {
        ix.upsert(l);
    }
    JUDGED.with(|j| *j.borrow_mut() = ix);
    Ok(v.len() as u32)
}

/// The judged index's ranked ids for a query, one per line (for relevance measures).
#[wasm_bindgen]
pub fn judged_ranked(q: &str) -> String {
    JUDGED.with(|j| {
        j.borrow()
            .search(q)
            .hits
            .iter()
            .map(|h| h.id.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    })
}
