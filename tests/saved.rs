//! Saved listings, saved searches and the shared search index, in a real headless Chromium.
#![cfg(target_arch = "wasm32")]

use opendoor::finder;
use opendoor::store::{Store, StoredListing, DB_VERSION};
use opendoor_core::query::Query;
use opendoor_core::saved::SavedSearch;
use wasm_bindgen_test::*;

mod common;
use common::sample_listings as sample;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh() -> Store {
    Store::open_named(&format!("test-{}", js_sys::Math::random()), DB_VERSION)
        .await
        .expect("opens")
}

#[wasm_bindgen_test]
async fn starring_keeps_a_copy_and_unstarring_removes_it() {
    let store = fresh().await;
    let ls = sample();
    assert!(!store.is_saved(&ls[0].id).await.unwrap());
    store.save_listing(&ls[0], 100).await.unwrap();
    store.save_listing(&ls[1], 200).await.unwrap();
    assert!(store.is_saved(&ls[0].id).await.unwrap());
    let saved = store.saved_listings().await.unwrap();
    // Newest first, each with the listing as it was.
    assert_eq!(saved.len(), 2);
    assert_eq!(saved[0].id, ls[1].id);
    assert_eq!(saved[1].listing, ls[0]);
    store.unsave_listing(&ls[0].id).await.unwrap();
    assert!(!store.is_saved(&ls[0].id).await.unwrap());
    assert_eq!(store.saved_listings().await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn saved_searches_round_trip_and_saving_twice_keeps_one() {
    let store = fresh().await;
    let q = Query::parse("q=carers&how=online");
    let s = SavedSearch::new(&q, &["b", "a"], 10);
    store.put_saved_search(&s).await.unwrap();
    let mut again = SavedSearch::new(&q, &["a"], 20);
    again.mark_seen(&["a", "c"]);
    store.put_saved_search(&again).await.unwrap();
    let all = store.saved_searches().await.unwrap();
    assert_eq!(all, vec![again.clone()]);
    assert_eq!(all[0].query(), q);
    store.delete_saved_search(&again.id).await.unwrap();
    assert!(store.saved_searches().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
fn the_shared_index_touches_only_what_changed() {
    let ls = sample();
    let rows: Vec<StoredListing> = ls
        .iter()
        .map(|l| StoredListing::new(1000, l.clone()))
        .collect();
    let first = finder::update(&rows);
    assert_eq!(first.indexed, rows.len());
    assert_eq!(
        finder::update(&rows),
        finder::Changed::default(),
        "nothing changed"
    );
    // One listing changed (a newer `modified`), one gone.
    let mut next = rows.clone();
    next[0].modified = 2000;
    next[0].listing.title = "Zanzibar walking group".into();
    let gone = next.pop().unwrap();
    let changed = finder::update(&next);
    assert_eq!(
        changed,
        finder::Changed {
            indexed: 1,
            removed: 1
        }
    );
    finder::with_index(|ix| {
        assert_eq!(ix.len(), next.len());
        assert_eq!(ix.search("zanzibar").hits[0].id, next[0].id);
        assert!(!ix.contains(&gone.id));
    });
}
