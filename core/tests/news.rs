//! "New since you last looked": when a sent application has news (status, the organisers'
//! message, the listing's impact note), when opening it clears that, and the words for it.

use opendoor_core::application::{ApplicationStatus, ApplicationView};
use opendoor_core::feed::{parse_page, Item};
use opendoor_core::form::Form;
use opendoor_core::listing::ImpactNote;
use opendoor_core::news::{count_words, fingerprint, News};
use opendoor_core::outbox::{LocalApplication, Outcome};
use opendoor_core::words::excerpt;
use opendoor_core::Listing;
use time::macros::{date, offset};
use time::UtcOffset;

/// 2026-11-26 23:30 UTC in milliseconds: already 27 November east of Greenwich.
const SENT_AT: i64 = 1_795_735_800_000;
const UTC: UtcOffset = offset!(UTC);

fn listing() -> Listing {
    let bytes = std::fs::read(format!(
        "{}/../public/feed/page-1.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    match parse_page(&bytes).unwrap().items.into_iter().next() {
        Some(Item::Updated { listing, .. }) => *listing,
        _ => unreachable!("page 1 starts with a listing"),
    }
}

fn draft() -> LocalApplication {
    LocalApplication::new(&listing(), Form::default(), 1_000)
}

/// An application the server has just stored: what the person saw when they pressed Send.
/// (Built with `record` on a hand-made waiting stage, so the test does not depend on the form.)
fn sent() -> LocalApplication {
    let mut app = draft();
    app.stage = opendoor_core::outbox::Stage::Waiting {
        key: "key-1".into(),
        request: Form::default().to_request(&app.listing_id),
        queued_at: SENT_AT,
        attempts: 0,
        next_try_at: SENT_AT,
        last_failure: None,
    };
    app.record(
        &opendoor_core::i18n::Catalogue::english(),
        Outcome::Stored {
            server_id: "app-1".into(),
            status_token: Some("token".into()),
            status: ApplicationStatus::Received,
        },
        SENT_AT,
        0.0,
    );
    app
}

fn view(status: ApplicationStatus, feedback: Option<&str>) -> ApplicationView {
    ApplicationView {
        id: "app-1".into(),
        listing_id: "x".into(),
        status,
        feedback: feedback.map(String::from),
        created: "2026-11-26T23:30:00Z".into(),
        updated: "2026-11-28T10:00:00Z".into(),
    }
}

fn note(text: &str, day: time::Date) -> ImpactNote {
    ImpactNote {
        text: text.into(),
        date: day,
    }
}

const NOTHING: News = News {
    status: false,
    feedback: false,
    impact_note: false,
};

#[test]
fn a_just_sent_application_has_no_news() {
    let app = sent();
    assert_eq!(app.news(None, UTC), NOTHING);
    assert!(!app.news(None, UTC).any());
}

#[test]
fn drafts_and_waiting_applications_never_have_news() {
    let n = note("We changed it.", date!(2027 - 05 - 01));
    assert_eq!(draft().news(Some(&n), UTC), NOTHING);
}

#[test]
fn a_status_change_is_news_until_the_application_is_opened() {
    let mut app = sent();
    app.update_status(&view(ApplicationStatus::Shortlisted, None), SENT_AT + 1);
    let news = app.news(None, UTC);
    assert!(news.status && !news.feedback && !news.impact_note);
    assert!(app.mark_seen(None), "opening it records what was seen");
    assert_eq!(app.news(None, UTC), NOTHING);
    assert!(
        !app.mark_seen(None),
        "nothing more to write the second time"
    );
    // Polling again with the same answer is not news.
    app.update_status(&view(ApplicationStatus::Shortlisted, None), SENT_AT + 2);
    assert_eq!(app.news(None, UTC), NOTHING);
    // A later change is.
    app.update_status(&view(ApplicationStatus::Selected, None), SENT_AT + 3);
    assert!(app.news(None, UTC).status);
}

#[test]
fn a_new_or_changed_message_is_news_but_a_removed_one_is_not() {
    let mut app = sent();
    app.update_status(
        &view(
            ApplicationStatus::Received,
            Some("Thanks, we will call you."),
        ),
        2,
    );
    assert_eq!(
        app.news(None, UTC),
        News {
            feedback: true,
            ..NOTHING
        }
    );
    app.mark_seen(None);
    app.update_status(
        &view(
            ApplicationStatus::Received,
            Some("Thanks, we will call you."),
        ),
        3,
    );
    assert_eq!(app.news(None, UTC), NOTHING, "the same message again");
    app.update_status(
        &view(ApplicationStatus::Received, Some("We called: no answer.")),
        4,
    );
    assert!(app.news(None, UTC).feedback, "a changed message");
    app.mark_seen(None);
    app.update_status(&view(ApplicationStatus::Received, None), 5);
    assert_eq!(app.news(None, UTC), NOTHING, "a message taken away");
}

#[test]
fn an_impact_note_is_news_when_added_or_changed_after_sending() {
    let mut app = sent();
    let first = note(
        "You told us the letters were hard to read.",
        date!(2027 - 05 - 01),
    );
    assert!(
        app.news(Some(&first), UTC).impact_note,
        "added after it was sent"
    );
    app.mark_seen(Some(&first));
    assert_eq!(app.news(Some(&first), UTC), NOTHING);
    // Re-dated without a change of words: not news.
    let redated = note(&first.text, date!(2027 - 05 - 02));
    assert_eq!(app.news(Some(&redated), UTC), NOTHING);
    let changed = note("We rewrote the letters with you.", date!(2027 - 06 - 01));
    assert!(app.news(Some(&changed), UTC).impact_note);
    app.mark_seen(Some(&changed));
    assert_eq!(app.news(None, UTC), NOTHING, "a note taken away");
}

#[test]
fn a_note_already_on_the_listing_before_sending_is_not_news() {
    let app = sent();
    let earlier = note("Last year you changed our leaflet.", date!(2026 - 11 - 25));
    assert_eq!(app.news(Some(&earlier), UTC), NOTHING);
    // Written on the day it was sent: the person may not have seen it, so it counts.
    let same_day = note("Last year you changed our leaflet.", date!(2026 - 11 - 26));
    assert!(app.news(Some(&same_day), UTC).impact_note);
}

#[test]
fn the_day_it_was_sent_is_the_day_on_the_device() {
    let app = sent();
    // Sent at 23:30 UTC on 26 November, which was 27 November in a zone 2 hours ahead.
    let on_26th = note("We changed it.", date!(2026 - 11 - 26));
    assert!(app.news(Some(&on_26th), UTC).impact_note);
    assert!(!app.news(Some(&on_26th), offset!(+2)).impact_note);
}

#[test]
fn the_marker_survives_a_round_trip_through_json_and_old_records_read_without_one() {
    let mut app = sent();
    app.update_status(&view(ApplicationStatus::Selected, Some("Welcome!")), 2);
    let n = note("We changed it.", date!(2027 - 05 - 01));
    app.mark_seen(Some(&n));
    let json = serde_json::to_value(&app).unwrap();
    assert_eq!(json["seen"]["status"], "selected");
    assert_eq!(json["seen"]["feedback"], fingerprint("Welcome!"));
    let back: LocalApplication = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, app);
    assert_eq!(back.news(Some(&n), UTC), NOTHING);

    let mut old = json;
    old.as_object_mut().unwrap().remove("seen");
    let old: LocalApplication = serde_json::from_value(old).unwrap();
    assert_eq!(old.seen, None);
    assert!(
        old.news(None, UTC).status,
        "never opened: compared with how it was sent"
    );
    assert!(serde_json::to_value(draft()).unwrap().get("seen").is_none());
}

#[test]
fn fingerprints_tell_texts_apart_and_are_stable() {
    assert_eq!(fingerprint(""), "cbf29ce484222325");
    assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
    assert_ne!(fingerprint("Thanks"), fingerprint("Thanks."));
    assert_eq!(fingerprint("Thanks").len(), 16);
}

#[test]
fn news_in_words() {
    assert_eq!(
        NOTHING.summary(&opendoor_core::i18n::Catalogue::english()),
        ""
    );
    assert_eq!(
        News {
            status: true,
            ..NOTHING
        }
        .summary(&opendoor_core::i18n::Catalogue::english()),
        "New since you last looked: the status has changed."
    );
    assert_eq!(
        News {
            status: true,
            feedback: true,
            impact_note: false
        }
        .summary(&opendoor_core::i18n::Catalogue::english()),
        "New since you last looked: the status has changed and there is a new message from the organisers."
    );
    assert_eq!(
        News { status: true, feedback: true, impact_note: true }.summary(&opendoor_core::i18n::Catalogue::english()),
        "New since you last looked: the status has changed, there is a new message from the organisers and the organisers have said what changed because of the people who took part."
    );
    // Every combination reads as one sentence.
    let en = opendoor_core::i18n::Catalogue::english();
    for (status, feedback, impact_note) in [
        (false, true, false),
        (false, false, true),
        (false, true, true),
        (true, false, true),
    ] {
        let s = News {
            status,
            feedback,
            impact_note,
        }
        .summary(&en);
        assert!(
            s.starts_with("New since you last looked: ") && s.ends_with('.') && !s.contains("  "),
            "{s}"
        );
    }
    assert_eq!(
        count_words(&opendoor_core::i18n::Catalogue::english(), 1),
        "1 of your applications has news"
    );
    assert_eq!(
        count_words(&opendoor_core::i18n::Catalogue::english(), 2),
        "2 of your applications have news"
    );
}

#[test]
fn news_seen_on_a_page_adds_up() {
    let a = News {
        status: true,
        ..NOTHING
    };
    let b = News {
        impact_note: true,
        ..NOTHING
    };
    assert_eq!(
        a.or(b),
        News {
            status: true,
            feedback: false,
            impact_note: true
        }
    );
}

#[test]
fn an_excerpt_is_the_first_paragraph_cut_at_a_word() {
    assert_eq!(excerpt("Short and sweet.", 40), "Short and sweet.");
    assert_eq!(excerpt("First part.\n\nSecond part.", 40), "First part. …");
    assert_eq!(
        excerpt("You told us the waiting area was too noisy.", 20),
        "You told us the…"
    );
    assert_eq!(excerpt("Unbreakablewordthatgoesonandon", 10), "Unbreakabl…");
    assert_eq!(excerpt("", 10), "");
    // Counted in characters, never cutting inside one.
    assert_eq!(excerpt("Café café café", 6), "Café…");
}
