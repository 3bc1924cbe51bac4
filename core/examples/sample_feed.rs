//! Writes the sample feed: `cargo run -p opendoor-core --example sample_feed`.
//!
//! Reads the fictional listings in `sample_listings.json` (next to this file) and writes a static
//! feed history to `public/feed/page-1.json` ... `page-N.json`, in the shape described in
//! docs/feed-format.md:
//!
//! - every listing is first published as an "updated" item, in file order;
//! - then some listings change (a closing date moves, a listing closes or is withdrawn, an
//!   organisation says what changed because of the people who took part);
//! - then a listing posted twice by mistake is deleted (a tombstone with no data).
//!
//! Everything is deterministic: no randomness and no clock, so running it twice gives the same
//! files. Each page is checked with `parse_page` before it is written.

use std::fs;
use std::path::{Path, PathBuf};

use opendoor_core::feed::{page_to_json, parse_page, Item, MAX_PAGE_BYTES};
use opendoor_core::{validate, Listing};
use serde_json::{json, Map, Value};
use time::format_description::well_known::Rfc3339;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const LISTINGS: &str = include_str!("sample_listings.json");
const PAGE_SIZE: usize = 15;
const LICENSE: &str = "https://creativecommons.org/licenses/by/4.0/";

/// A later change to a listing already published: `patch` replaces top-level fields.
struct Change {
    at: OffsetDateTime,
    id: &'static str,
    patch: Value,
}

fn changes() -> Vec<Change> {
    vec![
        Change {
            at: datetime!(2026-11-04 10:15 UTC),
            id: "od-0001",
            patch: json!({
                "closingDate": "2027-02-12",
                "description": "Our service user panel is a group of about 12 people who have used mental health services in Leeds. The panel talks to our managers and tells them what works and what does not.\n\nAt each meeting we look at one or two things, such as a new leaflet, a change to opening times, or how staff answer the phone. You do not need to know anything about the NHS. Your own experience is what matters.\n\nYou can come to the meeting room in Leeds or join on a video call. Many people do a bit of both.\n\nUpdate: we have moved the closing date to 12 February, so more people have time to apply over the holidays."
            }),
        },
        Change {
            at: datetime!(2026-11-09 14:40 UTC),
            id: "od-0011",
            patch: json!({
                "description": "Ashworth Council pays for home care for about 2,000 people. We are changing the way we choose home care companies, and we want to know what matters to you.\n\nThe form has 10 questions and takes about 15 minutes. We will post it to you with a free return envelope. You can also ask for it in large print or another language.\n\nYou can fill it in for someone else if they need help.\n\nNew: you can also come and talk to us in person at Ashworth Town Hall on Wednesday 13 January, any time between 10am and 3pm. No need to book."
            }),
        },
        Change {
            at: datetime!(2026-11-12 09:05 UTC),
            id: "od-0020",
            patch: json!({
                "status": "closed",
                "summary": "This group is now full. Thank you to everyone who got in touch. We will run more groups in the summer."
            }),
        },
        Change {
            at: datetime!(2026-11-16 16:20 UTC),
            id: "od-0007",
            patch: json!({
                "closingDate": "2027-03-26",
                "sessions": [
                    { "starts": "2027-04-14T10:00:00+01:00", "ends": "2027-04-14T13:00:00+01:00", "note": "Lunch provided" },
                    { "starts": "2027-09-22T10:00:00+01:00", "ends": "2027-09-22T13:00:00+01:00", "note": "Lunch provided" },
                    { "starts": "2028-01-19T10:00:00Z", "ends": "2028-01-19T13:00:00Z", "note": "Lunch provided" }
                ]
            }),
        },
        Change {
            at: datetime!(2026-11-19 11:30 UTC),
            id: "od-0024",
            patch: json!({
                "status": "closed",
                "summary": "We have had lots of interest and the panel is now full. Thank you. We will open it again next year."
            }),
        },
        Change {
            at: datetime!(2026-11-23 15:45 UTC),
            id: "od-0033",
            patch: json!({
                "status": "withdrawn",
                "summary": "Sorry, this review has been cancelled because the service is moving to a new hospital. We will ask for views again once the move is done."
            }),
        },
        Change {
            at: datetime!(2026-11-25 10:00 UTC),
            id: "od-0005",
            patch: json!({
                "closingDate": "2027-10-29",
                "timeCommitment": "1 hour every 6 weeks, on a weekday evening, for as long as you like"
            }),
        },
        // A closed listing keeps its page, and later says what changed because of the panel.
        Change {
            at: datetime!(2026-11-26 11:00 UTC),
            id: "od-0024",
            patch: json!({
                "impactNote": {
                    "date": "2026-11-26",
                    "text": "Thank you to everyone on the panel this year. This is what changed because of you.\n\nYou told us the chemotherapy waiting area was too noisy and had nowhere private to talk. The new unit has 2 quiet rooms, and staff now ask before talking about results in the waiting area.\n\nYou checked 14 of our leaflets. We rewrote 9 of them in plainer words. The leaflet about side effects now comes in large print too.\n\nYou said the plans for the new cancer centre had too few seats for people who come with a carer. The plans now have more seats and a room where carers can rest."
                }
            }),
        },
        // An ongoing forum reports back after a meeting, and stays open.
        Change {
            at: datetime!(2026-11-30 14:00 UTC),
            id: "od-0009",
            patch: json!({
                "impactNote": {
                    "date": "2026-11-30",
                    "text": "At our November forum, carers told council managers that nobody tells them when respite care is cancelled at short notice.\n\nBecause of what you said, from January the council will phone the carer on the same day if respite is cancelled, and offer another date within 2 weeks.\n\nThank you to the 23 carers who came, at the centre and online."
                }
            }),
        },
    ]
}

/// A listing posted twice by mistake (a copy of od-0015), removed once someone noticed.
const DUPLICATE: &str = "od-0047";
const DUPLICATE_REMOVED: OffsetDateTime = datetime!(2026-11-24 09:10 UTC);

fn main() {
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/feed");
    let history = history();
    let pages = paginate(&history);
    fs::create_dir_all(&out_dir).expect("create public/feed");
    remove_old_pages(&out_dir);
    for (n, (items, next)) in pages.iter().enumerate() {
        let name = page_name(n + 1);
        let body = serde_json::to_string_pretty(&page_to_json(items, next, Some(LICENSE)))
            .expect("serialise page")
            + "\n";
        assert!(body.len() < MAX_PAGE_BYTES, "{name} is too large");
        let page = parse_page(body.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            page.skipped.is_empty(),
            "{name} has skipped items: {:?}",
            page.skipped
        );
        fs::write(out_dir.join(&name), body).expect("write page");
    }
    let live = live_count(&history);
    println!(
        "wrote {} pages with {} items ({} listings live) to {}",
        pages.len(),
        history.len(),
        live,
        out_dir.display()
    );
}

/// Every item ever published, in feed order.
fn history() -> Vec<Item> {
    let raw: Vec<Value> = serde_json::from_str(LISTINGS).expect("sample_listings.json is JSON");
    let start = datetime!(2026-10-01 09:00 UTC);
    let mut items = Vec::new();
    let mut current: Vec<(String, Value)> = Vec::new();

    for (i, v) in raw.into_iter().enumerate() {
        let at = start + Duration::hours(16 * i as i64) + Duration::minutes(7 * i as i64);
        let mut obj = v.as_object().cloned().expect("each listing is an object");
        obj.entry("status").or_insert_with(|| json!("open"));
        let id = obj["id"].as_str().expect("id").to_owned();
        items.push(updated(&obj, at));
        current.push((id, Value::Object(obj)));
    }

    let mut later: Vec<(OffsetDateTime, Option<Change>)> =
        changes().into_iter().map(|c| (c.at, Some(c))).collect();
    later.push((DUPLICATE_REMOVED, None));
    later.sort_by_key(|(at, _)| *at);

    for (at, change) in later {
        match change {
            Some(c) => {
                let (_, value) = current
                    .iter_mut()
                    .find(|(id, _)| id == c.id)
                    .expect("known id");
                let obj = value.as_object_mut().expect("object");
                for (k, v) in c.patch.as_object().expect("patch is an object") {
                    obj.insert(k.clone(), v.clone());
                }
                items.push(updated(obj, at));
            }
            None => {
                assert!(current.iter().any(|(id, _)| id == DUPLICATE));
                items.push(Item::Deleted {
                    id: DUPLICATE.to_owned(),
                    modified: at.unix_timestamp(),
                });
            }
        }
    }

    for pair in items.windows(2) {
        assert!(
            pair[0].modified() < pair[1].modified(),
            "modified must strictly increase"
        );
    }
    items
}

fn updated(obj: &Map<String, Value>, at: OffsetDateTime) -> Item {
    let mut obj = obj.clone();
    obj.insert(
        "lastUpdated".into(),
        json!(at.format(&Rfc3339).expect("format date")),
    );
    let id = obj["id"].as_str().unwrap_or("?").to_owned();
    let listing: Listing = serde_json::from_value(Value::Object(obj))
        .unwrap_or_else(|e| panic!("listing {id} does not match the model: {e}"));
    if let Err(problems) = validate::check(&listing) {
        let words: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("listing {id} is not valid: {}", words.join("; "));
    }
    Item::Updated {
        modified: at.unix_timestamp(),
        listing: Box::new(listing),
    }
}

/// Splits the history into pages of `PAGE_SIZE`, each with its relative `next`.
/// The last page points at itself and is never full: if the history fills the last page
/// exactly, an empty page follows it (as a static publisher's tail would).
fn paginate(items: &[Item]) -> Vec<(Vec<Item>, String)> {
    let mut chunks: Vec<Vec<Item>> = items.chunks(PAGE_SIZE).map(<[Item]>::to_vec).collect();
    if chunks.last().is_none_or(|c| c.len() == PAGE_SIZE) {
        chunks.push(Vec::new());
    }
    let n = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let next = if i + 1 == n {
                page_name(n)
            } else {
                page_name(i + 2)
            };
            (c, next)
        })
        .collect()
}

fn page_name(n: usize) -> String {
    format!("page-{n}.json")
}

fn remove_old_pages(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let old: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("page-") && n.ends_with(".json"))
        })
        .collect();
    for p in old {
        fs::remove_file(&p).expect("remove old page");
    }
}

fn live_count(items: &[Item]) -> usize {
    let mut live = std::collections::BTreeSet::new();
    for item in items {
        match item {
            Item::Updated { listing, .. } => live.insert(listing.id.clone()),
            Item::Deleted { id, .. } => live.remove(id),
        };
    }
    live.len()
}
