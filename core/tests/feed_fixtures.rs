//! Good and bad feed pages (core/tests/fixtures) and what `parse_page` makes of them.
//!
//! A bad page is refused whole (`PageError`); a bad item is skipped on its own (`ItemProblem`)
//! while its neighbours are kept. Messages are shown to people, so they must read as plain words.

use opendoor_core::feed::{
    page_to_json, parse_page, Item, ItemProblem, Page, PageError, MAX_ITEMS, MAX_PAGE_BYTES,
};
use opendoor_core::listing::{Attendance, HowToApply, Payment};
use opendoor_core::question::AnswerKind;
use opendoor_core::validate::Problem;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/",
            $name
        ))
        .as_slice()
    };
}

fn ok(body: &[u8]) -> Page {
    parse_page(body).unwrap_or_else(|e| panic!("page refused: {e}"))
}

fn refused(body: &[u8]) -> PageError {
    match parse_page(body) {
        Ok(p) => panic!("page accepted with {} items", p.len()),
        Err(e) => e,
    }
}

fn ids(page: &Page) -> Vec<&str> {
    page.items.iter().map(Item::id).collect()
}

/// Words that would mean a Rust type or serde internals leaked into a message for people.
const JARGON: [&str; 16] = [
    "struct",
    "enum ",
    "variant",
    "WirePage",
    "WireItem",
    "WireId",
    "Listing",
    "PageError",
    "ItemProblem",
    "Problem",
    "Option<",
    "Vec<",
    "String",
    "u8",
    "u32",
    "::",
];

fn assert_plain(message: &str) {
    assert!(!message.trim().is_empty(), "empty message");
    for word in JARGON {
        assert!(
            !message.contains(word),
            "message {message:?} contains {word:?}"
        );
    }
    assert!(
        message.chars().next().is_some_and(char::is_lowercase),
        "{message:?}"
    );
}

#[test]
fn good_page_parses_with_every_part_of_the_model() {
    let page = ok(fixture!("good-page.json"));
    assert!(page.skipped.is_empty(), "{:?}", page.skipped);
    assert_eq!(ids(&page), ["fx-rich", "fx-plain", "fx-gone"]);
    assert_eq!(page.next, "page-2.json");
    assert_eq!(
        page.license.as_deref(),
        Some("https://creativecommons.org/licenses/by/4.0/")
    );

    let Item::Updated { listing, modified } = &page.items[0] else {
        panic!("not updated")
    };
    assert_eq!(*modified, 1_790_000_000);
    assert!(matches!(listing.attendance, Attendance::InPerson { .. }));
    assert!(matches!(listing.payment, Payment::Paid { .. }));
    assert_eq!(listing.sessions.len(), 2);
    assert_eq!(listing.paragraphs().len(), 2);
    let HowToApply::InApp { questions } = &listing.how_to_apply else {
        panic!("not in-app")
    };
    let kinds: Vec<&AnswerKind> = questions.iter().map(|q| &q.answer).collect();
    assert_eq!(kinds[0], &AnswerKind::LongText { max_length: 1000 });
    assert_eq!(
        kinds[1],
        &AnswerKind::ShortText { max_length: 200 },
        "default maxLength"
    );
    assert!(matches!(kinds[2], AnswerKind::SingleChoice { .. }));
    assert!(matches!(kinds[3], AnswerKind::MultipleChoice { .. }));
    assert_eq!(kinds[4], &AnswerKind::YesNo);
    assert_eq!(kinds[5], &AnswerKind::Date);
    assert!(questions[0].required && !questions[1].required);

    assert!(
        matches!(&page.items[2], Item::Deleted { id, modified: 1_790_000_200 } if id == "fx-gone")
    );
}

#[test]
fn a_good_page_survives_being_written_back_out() {
    let page = ok(fixture!("good-page.json"));
    let again = page_to_json(&page.items, &page.next, page.license.as_deref());
    let reparsed = ok(&serde_json::to_vec(&again).unwrap());
    assert_eq!(reparsed, page);
}

#[test]
fn numeric_rpde_id_is_accepted_as_text() {
    let page = ok(fixture!("numeric-id.json"));
    assert!(page.skipped.is_empty(), "{:?}", page.skipped);
    assert_eq!(ids(&page), ["12345"]);
}

#[test]
fn unknown_extra_fields_are_tolerated() {
    let page = ok(fixture!("extra-fields.json"));
    assert!(page.skipped.is_empty(), "{:?}", page.skipped);
    assert_eq!(ids(&page), ["fx-extra"]);
}

#[test]
fn not_json_is_refused() {
    let e = refused(fixture!("not-json.txt"));
    assert!(matches!(e, PageError::NotJson(_)), "{e:?}");
    assert_plain(&e.to_string());
    assert!(e.to_string().contains("not JSON"));
}

#[test]
fn wrong_shape_is_refused() {
    let e = refused(fixture!("items-not-array.json"));
    assert!(matches!(e, PageError::WrongShape(_)), "{e:?}");
    assert_plain(&e.to_string());

    let e = refused(fixture!("missing-next.json"));
    assert!(
        matches!(&e, PageError::WrongShape(why) if why.contains("next")),
        "{e:?}"
    );
    assert_plain(&e.to_string());

    let e = refused(br#"{"items": [], "next": "  "}"#);
    assert!(matches!(e, PageError::WrongShape(_)), "{e:?}");
    assert_plain(&e.to_string());
}

/// A page of `n` copies of a listing with a long description, each with its own id.
fn big_page(n: usize, description_len: usize) -> Vec<u8> {
    let good: serde_json::Value = serde_json::from_slice(fixture!("good-page.json")).unwrap();
    let template = good["items"][1].clone();
    let description = "Plain words about taking part. ".repeat(description_len / 31);
    let items: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut it = template.clone();
            let id = format!("fx-{i:05}");
            it["id"] = id.clone().into();
            it["modified"] = (1_790_000_000 + i as i64).into();
            it["data"]["id"] = id.into();
            it["data"]["description"] = description.clone().into();
            it
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({ "items": items, "next": "page-2.json" })).unwrap()
}

#[test]
fn too_large_is_refused_before_reading() {
    let body = big_page(230, 19_000);
    assert!(
        body.len() > MAX_PAGE_BYTES,
        "test page is only {} bytes",
        body.len()
    );
    let e = refused(&body);
    assert_eq!(e, PageError::TooLarge { bytes: body.len() });
    assert_plain(&e.to_string());
    assert!(e.to_string().contains("4096 KB"));

    // Exactly at the limit is still fine.
    let mut padded = fixture!("good-page.json").to_vec();
    padded.resize(MAX_PAGE_BYTES, b' ');
    assert_eq!(ok(&padded).items.len(), 3);
}

#[test]
fn too_many_items_is_refused() {
    let tombstones = |n: usize| {
        let items: Vec<serde_json::Value> = (0..n)
            .map(|i| {
                serde_json::json!({"state": "deleted", "kind": "Opportunity", "id": format!("fx-{i:05}"), "modified": i})
            })
            .collect();
        serde_json::to_vec(&serde_json::json!({ "items": items, "next": "page-2.json" })).unwrap()
    };
    assert_eq!(ok(&tombstones(MAX_ITEMS)).items.len(), MAX_ITEMS);
    let e = refused(&tombstones(MAX_ITEMS + 1));
    assert_eq!(e, PageError::TooManyItems(MAX_ITEMS + 1));
    assert_plain(&e.to_string());
}

#[test]
fn out_of_order_is_refused() {
    let e = refused(fixture!("out-of-order.json"));
    assert_eq!(e, PageError::OutOfOrder { id: "fx-a".into() });
    assert_plain(&e.to_string());
}

#[test]
fn same_modified_is_ordered_by_id() {
    let body = br#"{"next": "p2", "items": [
        {"state": "deleted", "kind": "Opportunity", "id": "b", "modified": 5},
        {"state": "deleted", "kind": "Opportunity", "id": "a", "modified": 5}]}"#;
    assert_eq!(refused(body), PageError::OutOfOrder { id: "a".into() });
}

#[test]
fn item_missing_a_required_field_is_skipped_alone() {
    let page = ok(fixture!("missing-field.json"));
    assert_eq!(ids(&page), ["fx-before", "fx-after"]);
    assert_eq!(page.skipped.len(), 1);
    let skipped = &page.skipped[0];
    assert_eq!(skipped.id, "fx-no-title");
    let ItemProblem::Unreadable(why) = &skipped.problem else {
        panic!("{:?}", skipped.problem)
    };
    assert!(why.contains("title"), "{why}");
    assert_plain(&skipped.problem.to_string());
}

#[test]
fn wrong_kind_is_skipped() {
    let page = ok(fixture!("wrong-kind.json"));
    assert_eq!(ids(&page), ["fx-ok"]);
    assert_eq!(page.skipped.len(), 1);
    assert_eq!(
        page.skipped[0].problem,
        ItemProblem::WrongKind("SessionSeries".into())
    );
    assert_plain(&page.skipped[0].problem.to_string());
}

#[test]
fn id_mismatch_is_skipped() {
    let page = ok(fixture!("id-mismatch.json"));
    assert!(page.items.is_empty());
    assert_eq!(page.skipped[0].id, "fx-one");
    assert_eq!(page.skipped[0].problem, ItemProblem::IdMismatch);
    assert_plain(&page.skipped[0].problem.to_string());
}

fn only_problems(fixture: &[u8]) -> Vec<Problem> {
    let page = ok(fixture);
    assert!(page.items.is_empty());
    assert_eq!(page.skipped.len(), 1);
    assert_plain(&page.skipped[0].problem.to_string());
    match &page.skipped[0].problem {
        ItemProblem::Invalid(ps) => ps.clone(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn javascript_link_is_invalid() {
    let ps = only_problems(fixture!("javascript-link.json"));
    assert_eq!(
        ps,
        [Problem::BadLink {
            field: "organisation.url".into()
        }]
    );
    assert_eq!(
        ps[0].to_string(),
        "organisation.url is not a usable link or address"
    );
}

#[test]
fn data_link_is_invalid() {
    let ps = only_problems(fixture!("data-link.json"));
    assert_eq!(
        ps,
        [Problem::BadLink {
            field: "howToApply.url".into()
        }]
    );
}

#[test]
fn title_over_200_characters_is_too_long() {
    let ps = only_problems(fixture!("long-title.json"));
    assert_eq!(
        ps,
        [Problem::TooLong {
            field: "title".into(),
            max: 200
        }]
    );
    assert_eq!(ps[0].to_string(), "title is longer than 200 characters");
}

#[test]
fn tombstone_without_data_is_a_deletion() {
    let page = ok(fixture!("tombstone.json"));
    assert!(page.skipped.is_empty());
    assert_eq!(
        page.items,
        [Item::Deleted {
            id: "fx-gone".into(),
            modified: 1_790_000_000
        }]
    );
    assert_eq!(page.next, "tombstone.json");
}

#[test]
fn updated_item_without_data_is_skipped() {
    let body = br#"{"next": "p2", "items": [{"state": "updated", "kind": "Opportunity", "id": "x", "modified": 1}]}"#;
    let page = ok(body);
    assert_eq!(page.skipped[0].problem, ItemProblem::NoData);
    assert_plain(&page.skipped[0].problem.to_string());
}
