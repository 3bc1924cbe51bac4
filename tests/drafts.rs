//! The draft store (drafts, outbox records and "about me") in a real headless Chromium.
#![cfg(target_arch = "wasm32")]

use opendoor::store::drafts::{Drafts, Keeper};
use opendoor::store::{Store, DB_VERSION};
use opendoor_core::application::ContactBy;
use opendoor_core::form::{AboutMe, Form};
use opendoor_core::outbox::{LocalApplication, Outcome, Stage};
use wasm_bindgen_test::*;

mod common;
use common::sample_listings as listings;

wasm_bindgen_test_configure!(run_in_browser);

fn about() -> AboutMe {
    AboutMe {
        name: "Sam Example".into(),
        contact_by: Some(ContactBy::Email),
        email: "sam@example.org".into(),
        access_needs: "Step-free access, please".into(),
        ..AboutMe::default()
    }
}

/// A new database, and the drafts of a personal device kept in it.
async fn fresh() -> (String, Store, Drafts) {
    let name = format!("drafts-{}", js_sys::Math::random());
    let store = Store::open_named(&name, DB_VERSION).await.expect("opens");
    let drafts = store.drafts(Keeper::Plain);
    (name, store, drafts)
}

#[wasm_bindgen_test]
async fn a_draft_survives_closing_and_reopening_the_database() {
    let (name, store, drafts) = fresh().await;
    let l = &listings()[0];
    let mut form = Form::prefilled(Some(about()));
    form.helper_name = "Priya (volunteer)".into();
    let app = LocalApplication::new(l, form, 1_000);
    drafts.put_application(&app).await.unwrap();
    drop(drafts);
    store.close();

    let again = Store::open_named(&name, DB_VERSION).await.unwrap();
    let drafts = again.drafts(Keeper::Plain);
    assert_eq!(drafts.application(&l.id).await.unwrap(), Some(app));
}

#[wasm_bindgen_test]
async fn update_is_read_change_write_in_one_step() {
    let (_, _store, store) = fresh().await;
    let l = &listings()[0];
    store
        .put_application(&LocalApplication::new(l, Form::default(), 1))
        .await
        .unwrap();
    let mut form = Form::prefilled(Some(about()));
    form.consent = true;
    let f2 = form.clone();
    let after = store
        .update_application(&l.id, move |a| a.edit(f2, 5))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.form, form);
    assert_eq!(after.updated_at, 5);
    assert_eq!(store.application(&l.id).await.unwrap().unwrap(), after);
    assert_eq!(
        store
            .update_application("no-such-listing", |_| panic!("not called"))
            .await
            .unwrap(),
        None
    );
}

#[wasm_bindgen_test]
async fn outbox_records_keep_their_stage_and_key() {
    let (_, _store, store) = fresh().await;
    let ls = listings();
    let mut queued = LocalApplication::new(&ls[0], Form::default(), 1);
    queued.stage = Stage::Waiting {
        key: "0b5f0a0e-0000-4000-8000-000000000001".into(),
        request: queued.form.to_request(&ls[0].id),
        queued_at: 2,
        attempts: 3,
        next_try_at: 40,
        last_failure: None,
    };
    queued.updated_at = 2;
    let mut sent = LocalApplication::new(&ls[1], Form::default(), 1);
    sent.stage = queued.stage.clone();
    sent.record(
        &opendoor_core::i18n::Catalogue::english(),
        Outcome::Stored {
            server_id: "a-1".into(),
            status_token: Some("t".into()),
            status: opendoor_core::application::ApplicationStatus::Received,
        },
        9,
        0.0,
    );
    store.put_application(&queued).await.unwrap();
    store.put_application(&sent).await.unwrap();
    let all = store.applications().await.unwrap();
    assert_eq!(
        all,
        vec![sent.clone(), queued.clone()],
        "newest change first"
    );
    store.delete_application(&sent.id).await.unwrap();
    assert_eq!(store.applications().await.unwrap(), vec![queued]);
}

#[wasm_bindgen_test]
async fn about_me_is_kept_changed_and_forgotten() {
    let (_, _store, store) = fresh().await;
    assert_eq!(store.about_me().await.unwrap(), None);
    store.set_about_me(&about()).await.unwrap();
    assert_eq!(store.about_me().await.unwrap(), Some(about()));
    let mut changed = about();
    changed.phone = "01632 960 001".into();
    store.set_about_me(&changed).await.unwrap();
    assert_eq!(store.about_me().await.unwrap(), Some(changed));
    store.forget_about_me().await.unwrap();
    assert_eq!(store.about_me().await.unwrap(), None);
}

/// A sent application whose status the organisers have since changed, with a message.
fn sent_with_news(l: &opendoor_core::Listing) -> LocalApplication {
    use opendoor_core::application::{ApplicationStatus, ApplicationView};
    let mut app = LocalApplication::new(l, Form::default(), 1);
    app.stage = Stage::Waiting {
        key: "0b5f0a0e-0000-4000-8000-000000000002".into(),
        request: app.form.to_request(&l.id),
        queued_at: 2,
        attempts: 0,
        next_try_at: 2,
        last_failure: None,
    };
    app.record(
        &opendoor_core::i18n::Catalogue::english(),
        Outcome::Stored {
            server_id: "a-2".into(),
            status_token: Some("t".into()),
            status: ApplicationStatus::Received,
        },
        3,
        0.0,
    );
    app.update_status(
        &ApplicationView {
            id: "a-2".into(),
            listing_id: l.id.clone(),
            status: ApplicationStatus::Selected,
            feedback: Some("Welcome aboard.".into()),
            created: String::new(),
            updated: String::new(),
        },
        4,
    );
    app
}

#[wasm_bindgen_test]
async fn opening_an_application_keeps_what_was_seen_across_a_reopen() {
    let (name, store, drafts) = fresh().await;
    let l = &listings()[0];
    let utc = time::UtcOffset::UTC;
    drafts.put_application(&sent_with_news(l)).await.unwrap();
    let stored = drafts.application(&l.id).await.unwrap().unwrap();
    assert!(stored.news(None, utc).status && stored.news(None, utc).feedback);

    let mut changed = false;
    drafts
        .update_application(&l.id, |a| changed = a.mark_seen(None))
        .await
        .unwrap();
    assert!(changed, "the page's visit is recorded");
    drop(drafts);
    store.close();

    let again = Store::open_named(&name, DB_VERSION).await.unwrap();
    let drafts = again.drafts(Keeper::Plain);
    let app = drafts.application(&l.id).await.unwrap().unwrap();
    assert!(!app.news(None, utc).any(), "seen stays seen");
    assert_eq!(app.updated_at, 4, "marking seen does not reorder the list");
    let raw = again.raw_records("applications").await.unwrap();
    assert_eq!(raw[0]["seen"]["status"], "selected");
}
