//! The published sample feed in public/feed is a sound feed v1 history.
//!
//! Regenerate it with `cargo run -p opendoor-core --example sample_feed`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;

use opendoor_core::feed::{parse_page, Item, Page, MAX_PAGE_BYTES};
use opendoor_core::listing::ListingStatus;

fn feed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../public/feed")
}

/// Every `page-*.json` file, by name.
fn page_files() -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(feed_dir()).expect("public/feed exists") {
        let path = entry.expect("dir entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if name.starts_with("page-") && name.ends_with(".json") {
            out.insert(name, fs::read(&path).expect("read page"));
        }
    }
    assert!(!out.is_empty(), "no pages in public/feed");
    out
}

fn parse(name: &str, body: &[u8]) -> Page {
    let page = parse_page(body).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(
        page.skipped.is_empty(),
        "{name} skipped items: {:?}",
        page.skipped
    );
    page
}

/// The pages in the order an app reads them: from page-1.json, following `next`.
fn walk() -> Vec<(String, Page)> {
    let files = page_files();
    let mut out = Vec::new();
    let mut name = "page-1.json".to_owned();
    loop {
        assert!(
            out.len() <= files.len(),
            "next links loop without reaching a self-link"
        );
        let body = files
            .get(&name)
            .unwrap_or_else(|| panic!("next points at missing {name}"));
        let page = parse(&name, body);
        let next = page.next.clone();
        out.push((name.clone(), page));
        if next == name {
            return out;
        }
        name = next;
    }
}

#[test]
fn every_page_parses_without_skipping_and_is_small_enough() {
    for (name, body) in page_files() {
        assert!(
            body.len() < MAX_PAGE_BYTES,
            "{name} is {} bytes",
            body.len()
        );
        let page = parse(&name, &body);
        assert!(
            page.license
                .as_deref()
                .is_some_and(|l| l.starts_with("https://")),
            "{name} license"
        );
    }
}

#[test]
fn following_next_reaches_every_file_and_ends_on_a_self_link() {
    let files: BTreeSet<String> = page_files().into_keys().collect();
    let pages = walk();
    let seen: BTreeSet<String> = pages.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(seen, files, "some pages are not reachable from page-1.json");
    assert_eq!(seen.len(), pages.len(), "a page was visited twice");

    let (last_name, last) = pages.last().expect("at least one page");
    assert_eq!(&last.next, last_name, "the last page must point at itself");
    for (name, page) in &pages[..pages.len() - 1] {
        assert_ne!(
            &page.next, name,
            "{name} points at itself but is not the last page"
        );
        assert!(
            !page.next.contains('/'),
            "{name}: next should be relative, got {}",
            page.next
        );
    }
    let full = pages[0].1.len();
    assert!(full > 0);
    for (name, page) in &pages[..pages.len() - 1] {
        assert_eq!(page.len(), full, "{name}: every page but the last is full");
    }
    assert!(
        last.len() < full,
        "the last page is not full, so it can grow"
    );
}

#[test]
fn items_are_in_modified_then_id_order_across_pages() {
    let mut prev: Option<(i64, String)> = None;
    for (name, page) in walk() {
        for item in &page.items {
            let key = (item.modified(), item.id().to_owned());
            if let Some(p) = &prev {
                assert!(p < &key, "{name}: {key:?} comes after {p:?}");
            }
            prev = Some(key);
        }
    }
}

#[test]
fn applying_the_history_gives_a_useful_set_of_listings() {
    let mut live = BTreeMap::new();
    let mut ever = BTreeSet::new();
    let (mut updates, mut deletions) = (0, 0);
    for (_, page) in walk() {
        for item in page.items {
            match item {
                Item::Updated { listing, .. } => {
                    if !ever.insert(listing.id.clone()) {
                        updates += 1;
                    }
                    live.insert(listing.id.clone(), listing);
                }
                Item::Deleted { id, .. } => {
                    assert!(
                        ever.contains(&id),
                        "tombstone for {id}, which was never published"
                    );
                    assert!(live.remove(&id).is_some(), "{id} deleted twice");
                    deletions += 1;
                }
            }
        }
    }
    assert!(live.len() >= 40, "only {} live listings", live.len());
    assert!(updates >= 4, "only {updates} later updates");
    assert!(deletions >= 1, "no deletions");

    let count = |s: ListingStatus| live.values().filter(|l| l.status == s).count();
    assert_eq!(count(ListingStatus::Closed), 2);
    assert_eq!(count(ListingStatus::Withdrawn), 1);
    assert!(
        live.values().all(|l| l.paragraphs().len() >= 2),
        "descriptions have 2 to 4 paragraphs"
    );
}
