//! The outbox as a pure state machine: every transition, retry timing, the backoff cap, the
//! closing-date rules, the form's messages, and properties that no sequence of events loses or
//! duplicates an application.

use std::collections::HashMap;

use opendoor_core::application::{self, ApplicationStatus, ApplicationView, ContactBy};
use opendoor_core::feed::{parse_page, Item};
use opendoor_core::form::{AboutMe, Form, FormAnswer};
use opendoor_core::listing::HowToApply;
use opendoor_core::outbox::{
    retry_delay, Failure, LocalApplication, Notice, Outcome, QueueError, Stage, BACKOFF_BASE_MS,
    BACKOFF_CAP_MS,
};
use opendoor_core::question::Question;
use opendoor_core::validate::Problem;
use opendoor_core::Listing;
use proptest::prelude::*;
use time::macros::{date, datetime};

/// A sample listing that applies in the app and asks its own questions.
fn listing() -> Listing {
    for name in ["page-1.json", "page-2.json", "page-3.json", "page-4.json"] {
        let bytes = std::fs::read(format!(
            "{}/../public/feed/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        for item in parse_page(&bytes).unwrap().items {
            if let Item::Updated { listing, .. } = item {
                if matches!(&listing.how_to_apply, HowToApply::InApp { questions } if questions.len() >= 2)
                {
                    return *listing;
                }
            }
        }
    }
    panic!("the sample feed has an in-app listing with questions");
}

fn questions(l: &Listing) -> Vec<Question> {
    match &l.how_to_apply {
        HowToApply::InApp { questions } => questions.clone(),
        _ => vec![],
    }
}

/// A form that passes every check for `l`.
fn good_form(l: &Listing) -> Form {
    let mut f = Form::prefilled(Some(AboutMe {
        name: "Sam Example".into(),
        contact_by: Some(ContactBy::Email),
        email: "sam@example.org".into(),
        ..AboutMe::default()
    }));
    f.consent = true;
    for q in questions(l) {
        use opendoor_core::question::AnswerKind::*;
        let a = match &q.answer {
            ShortText { .. } | LongText { .. } => FormAnswer::Text("Because I care".into()),
            SingleChoice { options } => FormAnswer::Text(options[0].clone()),
            MultipleChoice { options } => FormAnswer::Choices(vec![options[0].clone()]),
            YesNo => FormAnswer::YesNo(true),
            Date => FormAnswer::Text("2027-01-15".into()),
        };
        f.answers.insert(q.id.clone(), a);
    }
    f
}

const TODAY: time::Date = date!(2026 - 11 - 26);

fn queued(l: &Listing) -> LocalApplication {
    let mut app = LocalApplication::new(l, good_form(l), 1_000);
    app.closing_date = Some(date!(2027 - 06 - 01));
    app.queue(
        &opendoor_core::i18n::Catalogue::english(),
        &questions(l),
        "key-1".into(),
        "s3cr3t-made-on-the-device-0123456789abcdefghij".into(),
        2_000,
        TODAY,
    )
    .expect("queues");
    app
}

fn stored() -> Outcome {
    Outcome::Stored {
        server_id: "app-1".into(),
        status_token: None,
        status: ApplicationStatus::Received,
    }
}

#[test]
fn the_status_secret_is_the_devices_own_and_travels_inside_the_request() {
    let l = listing();
    let mut app = queued(&l);
    let Stage::Waiting { request, .. } = &app.stage else {
        panic!()
    };
    let secret = request.status_secret.clone().expect("made at Send");
    assert!(application::is_status_secret(&secret));
    assert!(application::check(request, &questions(&l)).is_ok());
    // The server answers id and status only: the device keeps its own secret.
    app.record(&opendoor_core::i18n::Catalogue::english(), stored(), 5, 0.0);
    let Stage::Sent { status_token, .. } = &app.stage else {
        panic!()
    };
    assert_eq!(status_token, &secret);
    // A malformed secret is refused by the shared check, and named.
    let mut bad = app.form.to_request(&l.id);
    bad.status_secret = Some("short".into());
    let problems = application::check(&bad, &questions(&l)).unwrap_err();
    assert!(problems.iter().any(|p| p.field() == "statusSecret"));
}

#[test]
fn queue_freezes_the_request_under_the_key() {
    let l = listing();
    let app = queued(&l);
    let Stage::Waiting {
        key,
        request,
        attempts,
        next_try_at,
        ..
    } = &app.stage
    else {
        panic!()
    };
    assert_eq!(key, "key-1");
    assert_eq!(*attempts, 0);
    assert_eq!(*next_try_at, 2_000, "due at once");
    assert_eq!(request.listing_id, l.id);
    assert_eq!(request.applicant.email.as_deref(), Some("sam@example.org"));
    assert!(application::check(request, &questions(&l)).is_ok());
    assert!(app.due(2_000));
    assert_eq!(
        queued(&l).clone().queue(
            &opendoor_core::i18n::Catalogue::english(),
            &questions(&l),
            "k2".into(),
            "s3cr3t-made-on-the-device-0123456789abcdefghij".into(),
            3,
            TODAY
        ),
        Err(QueueError::NotADraft)
    );
}

#[test]
fn only_the_chosen_contact_details_are_sent() {
    let l = listing();
    let mut f = good_form(&l);
    f.about.phone = "01632 960 001".into();
    f.about.address = "1 Street".into();
    let req = f.to_request(&l.id);
    assert_eq!(req.applicant.email.as_deref(), Some("sam@example.org"));
    assert_eq!(req.applicant.phone, None);
    assert_eq!(req.applicant.address, None);
}

#[test]
fn email_updates_go_only_with_an_email_to_send_them_to() {
    let l = listing();
    let mut f = good_form(&l);
    f.email_updates = true;
    let req = f.to_request(&l.id);
    assert!(req.applicant.email_updates);
    assert!(application::check(&req, &questions(&l)).is_ok());
    // Contact by phone: the choice is not sent (there is no address to email).
    f.about.contact_by = Some(ContactBy::Phone);
    f.about.phone = "01632 960 001".into();
    assert!(!f.to_request(&l.id).applicant.email_updates);
    // A request that asks for emails with no address is refused, naming the email.
    let mut bad = req.clone();
    bad.applicant.contact_by = None;
    bad.applicant.email = None;
    bad.applicant.phone = Some("01632 960 001".into());
    let problems = application::check(&bad, &questions(&l)).unwrap_err();
    assert_eq!(
        problems,
        vec![Problem::Missing {
            field: "applicant.email".into()
        }]
    );
}

#[test]
fn an_impact_note_travels_and_is_bounded() {
    let mut l = listing();
    l.impact_note = Some(opendoor_core::listing::ImpactNote {
        text: "Your ideas changed the leaflet.".into(),
        date: date!(2026 - 12 - 01),
    });
    let json = serde_json::to_value(&l).unwrap();
    assert_eq!(json["impactNote"]["date"], "2026-12-01");
    let back: Listing = serde_json::from_value(json).unwrap();
    assert_eq!(back, l);
    assert!(opendoor_core::validate::check(&l).is_ok());
    l.impact_note.as_mut().unwrap().text = "x".repeat(opendoor_core::validate::MAX_LONG + 1);
    assert!(opendoor_core::validate::check(&l)
        .unwrap_err()
        .iter()
        .any(|p| p.field() == "impactNote.text"));
}

#[test]
fn send_is_refused_with_messages_in_field_order() {
    let l = listing();
    let mut f = good_form(&l);
    f.about.name = " ".into();
    f.about.contact_by = Some(ContactBy::Phone);
    f.consent = false;
    f.with_helper = true;
    let q0 = questions(&l)[0].clone();
    f.answers.remove(&q0.id);
    let mut app = LocalApplication::new(&l, f, 1);
    let Err(QueueError::Answers(errors)) = app.queue(
        &opendoor_core::i18n::Catalogue::english(),
        &questions(&l),
        "k".into(),
        "s3cr3t-made-on-the-device-0123456789abcdefghij".into(),
        2,
        TODAY,
    ) else {
        panic!()
    };
    let fields: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
    let mut expected: Vec<String> = ["name", "phone", "helper-name", "helper-agreed"]
        .map(String::from)
        .to_vec();
    if q0.required {
        expected.push(format!("q-{}", q0.id));
    }
    expected.push("consent".into());
    assert_eq!(fields, expected, "the summary follows the form's order");
    assert_eq!(errors[0].message, "Enter your name");
    assert!(errors
        .iter()
        .any(|e| e.field == "phone" && e.message == "Enter your phone number"));
    assert!(errors.iter().any(|e| e.field == "helper-agreed"));
    for e in &errors {
        assert!(!e.message.contains("applicant."), "{e:?}");
    }
    assert!(app.is_draft(), "a refused Send keeps the draft");
}

#[test]
fn a_closed_draft_is_not_sent() {
    let l = listing();
    let mut app = LocalApplication::new(&l, good_form(&l), 1);
    app.closing_date = Some(date!(2026 - 11 - 25));
    assert!(app.closed(TODAY));
    assert_eq!(
        app.queue(
            &opendoor_core::i18n::Catalogue::english(),
            &questions(&l),
            "k".into(),
            "s3cr3t-made-on-the-device-0123456789abcdefghij".into(),
            2,
            TODAY
        ),
        Err(QueueError::Closed)
    );
    app.closing_date = Some(TODAY);
    assert!(!app.closed(TODAY), "the closing day itself is still open");
}

#[test]
fn closes_soon_means_within_48_hours() {
    let l = listing();
    let mut app = LocalApplication::new(&l, good_form(&l), 1);
    app.closing_date = Some(date!(2026 - 11 - 27)); // ends at midnight starting the 28th
    assert!(app.closes_soon(datetime!(2026-11-26 00:00:01)));
    assert!(
        !app.closes_soon(datetime!(2026-11-25 23:59:00)),
        "just over 48 hours"
    );
    assert!(
        !app.closes_soon(datetime!(2026-11-28 00:00:00)),
        "already closed"
    );
    app.closing_date = None;
    assert!(!app.closes_soon(datetime!(2026-11-26 12:00)));
}

#[test]
fn stored_means_sent_and_a_late_duplicate_changes_nothing() {
    let l = listing();
    let mut app = queued(&l);
    app.record(
        &opendoor_core::i18n::Catalogue::english(),
        stored(),
        5_000,
        0.3,
    );
    let Stage::Sent {
        key,
        server_id,
        status,
        sent_at,
        ..
    } = &app.stage
    else {
        panic!()
    };
    assert_eq!(
        (key.as_str(), server_id.as_str(), *status, *sent_at),
        ("key-1", "app-1", ApplicationStatus::Received, 5_000)
    );
    let before = app.clone();
    app.record(
        &opendoor_core::i18n::Catalogue::english(),
        Outcome::TryLater(Failure::NoConnection),
        6_000,
        0.1,
    );
    assert_eq!(app, before, "another tab's late answer is ignored");
}

#[test]
fn each_refusal_goes_back_to_the_draft_with_words() {
    let l = listing();
    for (outcome, notice) in [
        (Outcome::Closed, Notice::ListingClosed),
        (Outcome::Withdrawn, Notice::ListingWithdrawn),
        (Outcome::CannotApplyHere, Notice::CannotApplyHere),
        (
            Outcome::NotAccepted("too large".into()),
            Notice::NotAccepted {
                message: "too large".into(),
            },
        ),
    ] {
        let mut app = queued(&l);
        let form = app.form.clone();
        app.record(&opendoor_core::i18n::Catalogue::english(), outcome, 9, 0.0);
        assert_eq!(
            app.stage,
            Stage::Draft {
                problems: vec![],
                notice: Some(notice.clone())
            }
        );
        assert_eq!(app.form, form, "not a word lost");
        let en = opendoor_core::i18n::Catalogue::english();
        assert!(notice.words(&en).contains("kept") || notice.words(&en).contains("Check"));
    }
}

#[test]
fn server_validation_errors_land_beside_their_fields_and_clear_when_edited() {
    let l = listing();
    let mut app = queued(&l);
    app.record(
        &opendoor_core::i18n::Catalogue::english(),
        Outcome::Invalid(vec![
            Problem::BadLink {
                field: "applicant.email".into(),
            },
            Problem::TooLong {
                field: "answers.zzz".into(),
                max: 10,
            },
        ]),
        9,
        0.0,
    );
    let Stage::Draft { problems, notice } = &app.stage else {
        panic!()
    };
    assert_eq!(notice, &Some(Notice::CheckAnswers));
    assert_eq!(problems[0].field, "email");
    assert_eq!(
        problems[0].message, "Enter an email address in the correct format, like name@example.com",
        "the same words as the form's own check"
    );
    assert_eq!(problems[1].field, "q-zzz");
    assert_eq!(
        problems[1].message, "This must be 10 characters or fewer",
        "never the request's internal field name"
    );
    let mut edited = app.form.clone();
    edited.about.email = "sam@example.com".into();
    app.edit(edited, 10);
    let Stage::Draft { problems, .. } = &app.stage else {
        panic!()
    };
    assert_eq!(
        problems.len(),
        1,
        "the edited field's message is gone, the other stays"
    );
}

#[test]
fn failures_wait_with_backoff_and_keep_the_key() {
    let l = listing();
    let mut app = queued(&l);
    let mut now = 2_000;
    let mut waits = vec![];
    for failure in [
        Failure::NoConnection,
        Failure::TimedOut,
        Failure::ServerError,
        Failure::Busy,
    ] {
        app.record(
            &opendoor_core::i18n::Catalogue::english(),
            Outcome::TryLater(failure),
            now,
            0.0,
        );
        let Stage::Waiting {
            key,
            next_try_at,
            last_failure,
            ..
        } = &app.stage
        else {
            panic!()
        };
        assert_eq!(key, "key-1");
        assert_eq!(*last_failure, Some(failure));
        waits.push(next_try_at - now);
        assert!(!app.due(now));
        now = *next_try_at;
        assert!(app.due(now));
    }
    assert_eq!(waits, [2_500, 5_000, 10_000, 20_000]);
    app.record(
        &opendoor_core::i18n::Catalogue::english(),
        Outcome::TryLater(Failure::Busy),
        now,
        0.0,
    );
    app.send_now(now + 1);
    assert!(app.due(now + 1), "Send now skips the wait");
}

#[test]
fn backoff_doubles_to_a_cap_and_jitter_stays_in_range() {
    assert_eq!(retry_delay(1, 0.999_999), BACKOFF_BASE_MS - 1);
    assert_eq!(retry_delay(2, 0.0), BACKOFF_BASE_MS);
    assert_eq!(retry_delay(50, 0.999_999), BACKOFF_CAP_MS - 1);
    assert_eq!(retry_delay(u32::MAX, 0.0), BACKOFF_CAP_MS / 2);
    assert_eq!(retry_delay(3, f64::NAN), 2 * BACKOFF_BASE_MS);
    for n in 1..40 {
        for j in [0.0, 0.5, 0.99] {
            let d = retry_delay(n, j);
            assert!(
                (BACKOFF_BASE_MS / 2..BACKOFF_CAP_MS).contains(&d),
                "{n} {j} {d}"
            );
        }
    }
}

#[test]
fn status_and_feedback_update_a_sent_application() {
    let l = listing();
    let mut app = queued(&l);
    app.record(&opendoor_core::i18n::Catalogue::english(), stored(), 5, 0.0);
    let view = ApplicationView {
        id: "app-1".into(),
        listing_id: l.id.clone(),
        status: ApplicationStatus::Selected,
        feedback: Some("Your idea changed the leaflet".into()),
        created: "x".into(),
        updated: "y".into(),
    };
    app.update_status(&view, 7);
    let Stage::Sent {
        status,
        feedback,
        checked_at,
        ..
    } = &app.stage
    else {
        panic!()
    };
    assert_eq!(
        (*status, feedback.as_deref(), *checked_at),
        (
            ApplicationStatus::Selected,
            Some("Your idea changed the leaflet"),
            Some(7)
        )
    );
}

#[test]
fn records_round_trip_through_json() {
    let l = listing();
    let mut app = queued(&l);
    let json = serde_json::to_string(&app).unwrap();
    assert_eq!(
        serde_json::from_str::<LocalApplication>(&json).unwrap(),
        app
    );
    app.record(&opendoor_core::i18n::Catalogue::english(), stored(), 5, 0.0);
    let json = serde_json::to_string(&app).unwrap();
    assert_eq!(
        serde_json::from_str::<LocalApplication>(&json).unwrap(),
        app
    );
}

// ---- Properties: a model server with idempotency keys, and a device that crashes, retries and
// ---- runs two tabs. No sequence loses or duplicates an application.

#[derive(Clone, Debug)]
enum Event {
    /// A tab reads the stored record and tries to send it; the network does `Net`.
    Attempt { tab: usize, net: Net },
    /// The device crashes: whatever tabs held in memory is gone; storage stays.
    Crash,
    /// A tab finishes an attempt it started earlier (its result written back).
    Finish { tab: usize },
}

#[derive(Clone, Copy, Debug)]
enum Net {
    /// The request never arrives.
    Lost,
    /// The server stores it but the answer is lost (timeout).
    AnswerLost,
    /// Server error before storing.
    ServerError,
    Ok,
}

#[derive(Default)]
struct Server {
    by_key: HashMap<String, String>,
    count: usize,
}

impl Server {
    fn post(&mut self, key: &str) -> Outcome {
        let id = self.by_key.entry(key.to_owned()).or_insert_with(|| {
            self.count += 1;
            format!("app-{}", self.count)
        });
        Outcome::Stored {
            server_id: id.clone(),
            status_token: None,
            status: ApplicationStatus::Received,
        }
    }
}

fn net() -> impl Strategy<Value = Net> {
    prop_oneof![
        Just(Net::Lost),
        Just(Net::AnswerLost),
        Just(Net::ServerError),
        Just(Net::Ok)
    ]
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        (0..2usize, net()).prop_map(|(tab, net)| Event::Attempt { tab, net }),
        Just(Event::Crash),
        (0..2usize).prop_map(|tab| Event::Finish { tab }),
    ]
}

proptest! {
    #[test]
    fn no_sequence_loses_or_duplicates_an_application(events in proptest::collection::vec(event(), 0..40)) {
        let l = listing();
        let mut stored = queued(&l);        // what IndexedDB holds
        let mut server = Server::default();
        let mut in_flight: [Option<Outcome>; 2] = [None, None];
        let mut now = 10_000;
        for e in events {
            now += 1_000;
            match e {
                Event::Attempt { tab, net } => {
                    let copy = stored.clone(); // each tab re-reads the record before sending
                    let Stage::Waiting { key, .. } = &copy.stage else { continue };
                    in_flight[tab] = Some(match net {
                        Net::Lost => Outcome::TryLater(Failure::NoConnection),
                        Net::AnswerLost => { server.post(key); Outcome::TryLater(Failure::TimedOut) }
                        Net::ServerError => Outcome::TryLater(Failure::ServerError),
                        Net::Ok => server.post(key),
                    });
                }
                Event::Finish { tab } => {
                    if let Some(outcome) = in_flight[tab].take() {
                        stored.record(&opendoor_core::i18n::Catalogue::english(), outcome, now, 0.5);
                    }
                }
                Event::Crash => in_flight = [None, None],
            }
            prop_assert!(server.count <= 1, "never two applications for one Send");
            prop_assert_eq!(&stored.form, &good_form(&l), "never a word lost");
            prop_assert!(!stored.is_draft(), "a queued application never falls back to a draft by itself");
        }
        // The connection returns for good: one more attempt settles it.
        if let Stage::Waiting { key, .. } = &stored.stage.clone() {
            let outcome = server.post(key);
            stored.record(&opendoor_core::i18n::Catalogue::english(), outcome, now + 1, 0.5);
        }
        prop_assert_eq!(server.count, 1);
        let Stage::Sent { server_id, key, .. } = &stored.stage else { panic!("sent in the end") };
        prop_assert_eq!(server_id, "app-1");
        prop_assert_eq!(key, "key-1");
    }
}

#[test]
fn server_answers_are_classified() {
    use opendoor_core::outbox::outcome_of;
    let receipt = br#"{"id":"a1","statusToken":"s","status":"received","listingId":"l","created":"2026-11-26T10:00:00Z"}"#;
    assert_eq!(
        outcome_of(201, receipt),
        Outcome::Stored {
            server_id: "a1".into(),
            status_token: Some("s".into()),
            status: ApplicationStatus::Received
        }
    );
    // A server that never echoes the secret answers the id and status alone.
    assert_eq!(
        outcome_of(
            201,
            br#"{"id":"a1","status":"received","listingId":"l","created":"2026-11-26T10:00:00Z"}"#
        ),
        Outcome::Stored {
            server_id: "a1".into(),
            status_token: None,
            status: ApplicationStatus::Received
        }
    );
    assert_eq!(
        outcome_of(201, b"garbled"),
        Outcome::TryLater(Failure::ServerError),
        "retry replays the receipt"
    );
    assert_eq!(
        outcome_of(503, b""),
        Outcome::TryLater(Failure::ServerError)
    );
    assert_eq!(outcome_of(429, b""), Outcome::TryLater(Failure::Busy));
    assert_eq!(
        outcome_of(409, br#"{"error":"listing-closed","message":"x"}"#),
        Outcome::Closed
    );
    assert_eq!(
        outcome_of(409, br#"{"error":"listing-withdrawn","message":"x"}"#),
        Outcome::Withdrawn
    );
    assert_eq!(
        outcome_of(409, br#"{"error":"apply-elsewhere","message":"x"}"#),
        Outcome::CannotApplyHere
    );
    assert_eq!(
        outcome_of(404, br#"{"error":"listing-not-found"}"#),
        Outcome::CannotApplyHere
    );
    assert_eq!(
        outcome_of(422, br#"{"error":"invalid-application","message":"m","problems":[{"field":"applicant.name","problem":"applicant.name is missing","kind":"missing"}]}"#),
        Outcome::Invalid(vec![Problem::Missing { field: "applicant.name".into() }])
    );
    assert_eq!(
        outcome_of(422, br#"{"error":"idempotency-key-reused","message":"this key was used for a different application"}"#),
        Outcome::NotAccepted("this key was used for a different application".into())
    );
    assert_eq!(
        outcome_of(413, b"<html>"),
        Outcome::NotAccepted("the server answered with error 413".into())
    );
    // A sealed application the server cannot open is not accepted (never retried forever),
    // with the server's words.
    use opendoor_core::seal::SealError;
    for (code, e) in [
        ("sealed-unsupported", SealError::Unsupported),
        ("sealed-malformed", SealError::Malformed("nonce")),
        ("sealed-key-expired", SealError::UnknownKey),
        ("sealed-does-not-open", SealError::DoesNotOpen),
    ] {
        let body = serde_json::json!({"error": code, "message": e.to_string()}).to_string();
        assert_eq!(
            outcome_of(400, body.as_bytes()),
            Outcome::NotAccepted(e.to_string()),
            "{code}"
        );
    }
}

#[test]
fn moving_on_is_put_into_words_for_screen_readers_once() {
    use opendoor_core::words::stage_news;
    let l = listing();
    let draft = LocalApplication::new(&l, good_form(&l), 1_000);
    let waiting = queued(&l);
    let mut sent = queued(&l);
    sent.record(
        &opendoor_core::i18n::Catalogue::english(),
        stored(),
        5_000,
        0.3,
    );
    assert_eq!(
        stage_news(
            &opendoor_core::i18n::Catalogue::english(),
            &draft.stage,
            &waiting.stage
        )
        .as_deref(),
        Some("Saved on this device. It will be sent by itself when there is a connection.")
    );
    assert_eq!(
        stage_news(
            &opendoor_core::i18n::Catalogue::english(),
            &waiting.stage,
            &sent.stage
        )
        .as_deref(),
        Some("Application sent.")
    );
    assert_eq!(
        stage_news(
            &opendoor_core::i18n::Catalogue::english(),
            &draft.stage,
            &sent.stage
        )
        .as_deref(),
        Some("Application sent.")
    );
    assert_eq!(
        stage_news(
            &opendoor_core::i18n::Catalogue::english(),
            &sent.stage,
            &sent.stage
        ),
        None,
        "nothing new, nothing said"
    );
    assert_eq!(
        stage_news(
            &opendoor_core::i18n::Catalogue::english(),
            &waiting.stage,
            &waiting.stage
        ),
        None
    );
    let mut selected = sent.stage.clone();
    if let Stage::Sent {
        status, feedback, ..
    } = &mut selected
    {
        *status = ApplicationStatus::Selected;
        *feedback = Some("Welcome".into());
    }
    assert_eq!(
        stage_news(
            &opendoor_core::i18n::Catalogue::english(),
            &sent.stage,
            &selected
        )
        .as_deref(),
        Some("News about your application: Selected: you have a place.")
    );
    let mut written = sent.stage.clone();
    if let Stage::Sent { feedback, .. } = &mut written {
        *feedback = Some("Thank you".into());
    }
    assert_eq!(
        stage_news(
            &opendoor_core::i18n::Catalogue::english(),
            &sent.stage,
            &written
        )
        .as_deref(),
        Some("News about your application: the organisers have written to you.")
    );
}
