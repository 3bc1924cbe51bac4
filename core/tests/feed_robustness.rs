//! Hostile or sloppy pages: one bad item never costs its neighbours, and every message a person
//! may read is plain English without Rust type names.

use opendoor_core::feed::{page_to_json, parse_page, Item, PageError, MAX_PAGE_BYTES};
use opendoor_core::validate::is_email;

fn good_item() -> serde_json::Value {
    let page = parse_page(include_bytes!("../../public/feed/page-1.json")).unwrap();
    let json = page_to_json(&page.items[..1], "p", None);
    json["items"][0].clone()
}

fn page_with(items: Vec<serde_json::Value>) -> String {
    serde_json::json!({ "items": items, "next": "p2" }).to_string()
}

fn no_jargon(msg: &str) {
    for word in [
        "struct", "enum", "WirePage", "WireItem", "WireId", "Listing", "u8", "i64", "`",
    ] {
        assert!(!msg.contains(word), "{msg:?} contains {word:?}");
    }
}

#[test]
fn page_level_messages_are_plain() {
    for body in [
        "\"a string\"",
        "[]",
        "{\"items\": 3, \"next\": \"x\"}",
        "{\"items\": []}",
    ] {
        let err = parse_page(body.as_bytes()).unwrap_err();
        assert!(matches!(err, PageError::WrongShape(_)), "{body}: {err:?}");
        no_jargon(&err.to_string());
    }
}

#[test]
fn unreadable_items_are_skipped_alone_with_plain_reasons() {
    let good = good_item();
    let mut bad_state = good.clone();
    bad_state["state"] = "moved".into();
    bad_state["id"] = "bad-state".into();
    let mut fractional_id = good.clone();
    fractional_id["id"] = serde_json::json!(1.5);
    let mut data_string = good.clone();
    data_string["id"] = "data-string".into();
    data_string["data"] = "hello".into();
    let mut old_age = good.clone();
    old_age["data"]["eligibility"]["minimumAge"] = 300.into();
    old_age["id"] = "old-age".into();
    old_age["data"]["id"] = "old-age".into();
    let mut bad_date = good.clone();
    bad_date["data"]["closingDate"] = "31/12/2026".into();
    bad_date["id"] = "bad-date".into();
    bad_date["data"]["id"] = "bad-date".into();
    let items = vec![
        serde_json::json!(42),
        bad_state,
        fractional_id,
        data_string,
        old_age,
        bad_date,
        good.clone(),
    ];
    let items: Vec<serde_json::Value> = items
        .into_iter()
        .enumerate()
        .map(|(n, mut item)| {
            if item.is_object() {
                item["modified"] = (n as i64).into();
            }
            item
        })
        .collect();
    let page = parse_page(page_with(items).as_bytes()).expect("page survives its bad items");
    assert_eq!(page.items.len(), 1, "the good item is kept");
    assert_eq!(page.skipped.len(), 6);
    let reasons: Vec<String> = page
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.id, s.problem))
        .collect();
    for r in &reasons {
        no_jargon(r);
    }
    assert_eq!(reasons[0], "item 1: it is not in the expected format");
    assert_eq!(
        reasons[1],
        "bad-state: state has a value that is not allowed (\"moved\")"
    );
    assert!(
        reasons[4].starts_with("old-age: eligibility.minimumAge has a value that is not allowed"),
        "{}",
        reasons[4]
    );
    assert_eq!(
        reasons[5],
        "bad-date: closingDate is not a valid date or time"
    );
}

#[test]
fn numeric_ids_are_ordered_as_numbers() {
    let mut a = good_item();
    let mut b = good_item();
    for (item, id) in [(&mut a, 9), (&mut b, 10)] {
        item["id"] = id.into();
        item["modified"] = 5.into();
        item["data"]["id"] = id.to_string().into();
    }
    let page = parse_page(page_with(vec![a, b]).as_bytes()).expect("9 before 10 is in order");
    assert_eq!(
        page.items.iter().map(Item::id).collect::<Vec<_>>(),
        ["9", "10"]
    );
}

#[test]
fn too_large_rounds_up() {
    let msg = PageError::TooLarge {
        bytes: MAX_PAGE_BYTES + 1,
    }
    .to_string();
    assert!(msg.contains("4097 KB"), "{msg}");
}

#[test]
fn emails_with_two_at_signs_are_refused() {
    assert!(!is_email("a@b@c.d"));
    assert!(is_email("involvement@trust.nhs.example"));
}

#[test]
fn a_title_or_organisation_of_only_invisible_characters_is_blank_and_skipped() {
    for (path, value) in [
        ("title", "\u{200B}\u{200D}\u{2060}"),
        ("title", "\u{202E}\u{2067} \u{FEFF}"),
        ("organisation", "\u{00AD}\u{200C}"),
    ] {
        let mut item = good_item();
        if path == "organisation" {
            item["data"]["organisation"]["name"] = value.into();
        } else {
            item["data"][path] = value.into();
        }
        let page = parse_page(page_with(vec![item, good_item()]).as_bytes()).unwrap();
        let skipped = page.items.len() == 1 || page.skipped.len() == 1;
        assert!(skipped, "{path}={value:?} was accepted");
        assert!(
            page.skipped
                .iter()
                .any(|s| s.problem.to_string().contains("missing")),
            "{:?}",
            page.skipped
                .iter()
                .map(|s| s.problem.to_string())
                .collect::<Vec<_>>()
        );
    }
}
