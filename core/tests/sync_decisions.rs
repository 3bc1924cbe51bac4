//! The sync decisions, on the host: a page applied to a model of the stored state, cursors,
//! stopping rules, tombstones and ordering.

use std::collections::BTreeMap;

use opendoor_core::feed::{page_to_json, parse_page, Item, Page};
use opendoor_core::sync::{after_page, decide, Action, Cursor, Then};
use opendoor_core::Listing;

fn sample_listing() -> Listing {
    let page = parse_page(include_bytes!("../../public/feed/page-1.json")).expect("sample parses");
    match page.items.into_iter().next() {
        Some(Item::Updated { listing, .. }) => *listing,
        _ => panic!("sample page 1 starts with an update"),
    }
}

fn listing(id: &str, title: &str) -> Listing {
    let mut l = sample_listing();
    l.id = id.into();
    l.title = title.into();
    l
}

fn upd(id: &str, modified: i64, title: &str) -> Item {
    Item::Updated {
        modified,
        listing: Box::new(listing(id, title)),
    }
}

fn del(id: &str, modified: i64) -> Item {
    Item::Deleted {
        id: id.into(),
        modified,
    }
}

fn page(items: Vec<Item>, next: &str) -> Page {
    // Round trip through the wire format, as the app sees it.
    let json = page_to_json(&items, next, None).to_string();
    parse_page(json.as_bytes()).expect("our own page parses")
}

/// The stored state as the browser store keeps it: id -> (modified, title).
type State = BTreeMap<String, (i64, String)>;

fn apply(state: &mut State, items: &[Item]) {
    for item in items {
        let stored = state.get(item.id()).map(|(m, _)| *m);
        match (decide(item, stored), item) {
            (Action::Put, Item::Updated { modified, listing }) => {
                state.insert(listing.id.clone(), (*modified, listing.title.clone()));
            }
            (Action::Delete, _) => {
                state.remove(item.id());
            }
            _ => {}
        }
    }
}

#[test]
fn following_pages_builds_the_state_and_stops_at_the_tail() {
    let mut state = State::new();
    let mut cursor = Cursor::start("https://x/feed/page-1.json");
    let feed = [
        (
            "https://x/feed/page-1.json",
            page(vec![upd("a", 1, "A"), upd("b", 2, "B")], "page-2.json"),
        ),
        (
            "https://x/feed/page-2.json",
            page(vec![upd("a", 3, "A2"), del("b", 4)], "page-2.json"),
        ),
    ];
    let mut fetched = Vec::new();
    loop {
        let (url, p) = feed
            .iter()
            .find(|(u, _)| *u == cursor.url)
            .expect("known page");
        fetched.push(url.to_string());
        let next = format!("https://x/feed/{}", p.next);
        let step = after_page(&cursor, next, p.clone(), Some("\"v1\"".into()), None);
        apply(&mut state, &step.items);
        cursor = step.cursor;
        if step.then == Then::Done {
            break;
        }
    }
    assert_eq!(
        fetched,
        ["https://x/feed/page-1.json", "https://x/feed/page-2.json"]
    );
    assert_eq!(state.len(), 1, "b was deleted by its tombstone");
    assert_eq!(state["a"], (3, "A2".to_string()), "a's later update wins");
    // The tail points at itself, so we keep its validators for a 304 next time.
    assert_eq!(cursor.url, "https://x/feed/page-2.json");
    assert_eq!(cursor.etag.as_deref(), Some("\"v1\""));
}

#[test]
fn validators_are_dropped_when_moving_to_another_page() {
    let c = Cursor {
        url: "https://x/1".into(),
        etag: Some("\"e\"".into()),
        last_modified: Some("d".into()),
    };
    let step = after_page(
        &c,
        "https://x/2".into(),
        page(vec![upd("a", 1, "A")], "2"),
        Some("\"new\"".into()),
        None,
    );
    assert_eq!(step.then, Then::FetchNext);
    assert_eq!(step.cursor, Cursor::start("https://x/2"));
}

#[test]
fn an_empty_page_ends_the_sync_even_if_next_differs() {
    // A live RPDE server's last page is empty; its next may carry the same query again.
    let c = Cursor::start("https://x/feed?afterTimestamp=5&afterId=a");
    let step = after_page(
        &c,
        "https://x/feed?afterTimestamp=5&afterId=a&x=1".into(),
        page(vec![], "n"),
        None,
        None,
    );
    assert_eq!(step.then, Then::Done);
    assert!(step.items.is_empty());
}

#[test]
fn replaying_an_old_page_changes_nothing() {
    let mut state = State::new();
    let p1 = vec![upd("a", 1, "A"), upd("b", 2, "B")];
    let p2 = vec![upd("a", 3, "A2"), del("b", 4)];
    apply(&mut state, &p1);
    apply(&mut state, &p2);
    let after = state.clone();
    apply(&mut state, &p1); // an older page seen again keeps the newer copy of "a"
    assert_eq!(state["a"], after["a"]);
    assert_eq!(decide(&upd("a", 1, "A"), Some(3)), Action::Keep);
    assert_eq!(
        decide(&upd("a", 3, "A"), Some(3)),
        Action::Put,
        "same version is re-put, harmlessly"
    );
    assert_eq!(decide(&del("a", 9), Some(3)), Action::Delete);
    assert_eq!(
        decide(&del("a", 9), None),
        Action::Delete,
        "deleting what we never had is fine"
    );
}

#[test]
fn skipped_items_are_counted_and_good_ones_kept() {
    let mut json = page_to_json(&[upd("a", 1, "A"), upd("c", 3, "C")], "p", None);
    let items = json["items"].as_array_mut().unwrap();
    let mut bad = items[0].clone();
    bad["id"] = "b".into();
    bad["modified"] = 2.into();
    bad["data"]["id"] = "b".into();
    bad["data"]["title"] = "".into();
    items.insert(1, bad);
    let p = parse_page(json.to_string().as_bytes()).unwrap();
    let step = after_page(
        &Cursor::start("https://x/p0"),
        "https://x/p".into(),
        p,
        None,
        None,
    );
    assert_eq!(step.skipped, 1);
    assert_eq!(
        step.items.iter().map(Item::id).collect::<Vec<_>>(),
        ["a", "c"]
    );
}
