//! IndexedDB store, in a real headless Chromium: round trip, one page applied atomically, and
//! each schema upgrade (v1 → v4) keeping data.
#![cfg(target_arch = "wasm32")]

use opendoor::store::{Store, StoredListing, DB_VERSION};
use opendoor_core::feed::{parse_page, Item};
use opendoor_core::sync::Cursor;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Real listings: the first page of the sample feed shipped with the app.
fn sample_items() -> Vec<Item> {
    let page =
        parse_page(include_bytes!("../public/feed/page-1.json")).expect("sample page parses");
    assert!(page.skipped.is_empty());
    page.items
}

fn fresh_name() -> String {
    format!("test-{}", js_sys::Math::random())
}

fn cursor(url: &str) -> Cursor {
    Cursor {
        url: url.into(),
        etag: Some("\"abc\"".into()),
        last_modified: None,
    }
}

#[wasm_bindgen_test]
async fn round_trip_keeps_every_field_and_the_cursor() {
    let store = Store::open_named(&fresh_name(), DB_VERSION)
        .await
        .expect("opens");
    let items = sample_items();
    let tally = store
        .apply_page(&items, &cursor("http://x/feed/page-2.json"))
        .await
        .expect("applies");
    assert_eq!(tally.put, items.len());

    let all = store.all_listings().await.expect("reads");
    assert_eq!(all.len(), items.len());
    for item in &items {
        let Item::Updated { modified, listing } = item else {
            panic!("sample page 1 has only updates")
        };
        let stored = store
            .listing(&listing.id)
            .await
            .expect("reads")
            .expect("is there");
        assert_eq!(stored, StoredListing::new(*modified, (**listing).clone()));
    }
    assert_eq!(
        store.cursor().await.unwrap(),
        Some(cursor("http://x/feed/page-2.json"))
    );
    assert_eq!(store.count().await.unwrap() as usize, items.len());
}

#[wasm_bindgen_test]
async fn a_page_is_all_or_nothing() {
    let store = Store::open_named(&fresh_name(), DB_VERSION)
        .await
        .expect("opens");
    let items = sample_items();
    store
        .apply_page(&items, &cursor("http://x/1"))
        .await
        .unwrap();

    // A second page deletes one listing and changes the cursor, but the tab dies before commit.
    let gone = items[0].id().to_owned();
    let deletion = vec![Item::Deleted {
        id: gone.clone(),
        modified: i64::MAX,
    }];
    let pending = store
        .stage_page(&deletion, &cursor("http://x/2"))
        .await
        .unwrap();
    drop(pending);

    assert!(
        store.listing(&gone).await.unwrap().is_some(),
        "the deletion rolled back"
    );
    assert_eq!(
        store.cursor().await.unwrap(),
        Some(cursor("http://x/1")),
        "so did the cursor"
    );

    // Committed, both land together.
    store
        .apply_page(&deletion, &cursor("http://x/2"))
        .await
        .unwrap();
    assert!(store.listing(&gone).await.unwrap().is_none());
    assert_eq!(store.cursor().await.unwrap(), Some(cursor("http://x/2")));
}

#[wasm_bindgen_test]
async fn an_older_copy_never_overwrites_a_newer_one() {
    let store = Store::open_named(&fresh_name(), DB_VERSION)
        .await
        .expect("opens");
    let Item::Updated { listing, .. } = sample_items().remove(0) else {
        panic!()
    };
    let mut newer = (*listing).clone();
    newer.title = "Newer title".into();
    store
        .apply_page(
            &[Item::Updated {
                modified: 200,
                listing: Box::new(newer),
            }],
            &cursor("a"),
        )
        .await
        .unwrap();
    let tally = store
        .apply_page(
            &[Item::Updated {
                modified: 100,
                listing: listing.clone(),
            }],
            &cursor("b"),
        )
        .await
        .unwrap();
    assert_eq!(tally.put, 0);
    let kept = store.listing(&listing.id).await.unwrap().unwrap();
    assert_eq!(kept.listing.title, "Newer title");
    assert_eq!(kept.modified, 200);
}

#[wasm_bindgen_test]
async fn upgrading_v1_to_v2_to_v3_keeps_listings_and_adds_stores() {
    let name = fresh_name();
    let v1 = Store::open_named(&name, 1).await.expect("opens at v1");
    assert_eq!(v1.version(), 1);
    assert!(!v1.store_names().contains(&"saved".to_string()));
    let rows: Vec<StoredListing> = sample_items()
        .into_iter()
        .filter_map(|i| match i {
            Item::Updated { modified, listing } => Some(StoredListing::new(modified, *listing)),
            Item::Deleted { .. } => None,
        })
        .collect();
    v1.put_listings(&rows).await.unwrap();
    v1.close();

    let v2 = Store::open_named(&name, 2).await.expect("upgrades to v2");
    assert_eq!(v2.version(), 2);
    assert!(v2.has_index("listings", "by_modified").unwrap());
    assert!(v2.has_index("listings", "by_closing").unwrap());
    assert!(v2.store_names().contains(&"saved".to_string()));
    assert!(!v2.store_names().contains(&"applications".to_string()));
    let mut after = v2.all_listings().await.unwrap();
    let mut before = rows.clone();
    after.sort_by(|a, b| a.id.cmp(&b.id));
    before.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(after, before);
    v2.close();

    let v3 = Store::open_named(&name, 3).await.expect("upgrades to v3");
    for store in ["applications", "profile", "saved_searches"] {
        assert!(v3.store_names().contains(&store.to_string()), "{store}");
    }
    assert_eq!(v3.all_listings().await.unwrap().len(), before.len());
    v3.close();

    let v4 = Store::open_named(&name, 4).await.expect("upgrades to v4");
    for store in ["vaults", "vault_records", "sealed_outbox"] {
        assert!(v4.store_names().contains(&store.to_string()), "{store}");
    }
    assert!(v4.has_index("vault_records", "by_vault").unwrap());
    assert_eq!(v4.all_listings().await.unwrap().len(), before.len());
}
