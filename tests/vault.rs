//! Shared devices in a real headless Chromium: Web Crypto agrees with the host's vectors, each
//! person's things open only with their PIN, and a raw scan of every IndexedDB record finds
//! nothing a person typed.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use opendoor::device::crypto;
use opendoor::pages::apply::questions;
use opendoor::store::drafts::{Drafts, Keeper};
use opendoor::store::vault::VaultError;
use opendoor::store::{Store, DB_VERSION};
use opendoor_core::api::SealKey;
use opendoor_core::application::ContactBy;
use opendoor_core::device::{DeviceMode, DeviceSettings};
use opendoor_core::form::{AboutMe, Form, FormAnswer};
use opendoor_core::outbox::{LocalApplication, Stage};
use opendoor_core::question::AnswerKind;
use opendoor_core::seal::{unb64, vault_aad, Envelope};
use serde_json::Value;
use wasm_bindgen_test::*;

mod common;
use common::sample_listings as listings;

wasm_bindgen_test_configure!(run_in_browser);

const VECTORS: &str = include_str!("../core/tests/vectors.json");
const NAME: &str = "Zebedee Quartermaine";
const EMAIL: &str = "zebedee.q@example.org";
const ANSWER: &str = "I care about night-time ambulance waits";
const NEEDS: &str = "Large print and a quiet room";

fn vectors() -> Value {
    serde_json::from_str(VECTORS).expect("vectors parse")
}

fn s(v: &Value) -> &str {
    v.as_str().expect("a string")
}

fn person_form() -> Form {
    let mut form = Form::prefilled(Some(AboutMe {
        name: NAME.into(),
        contact_by: Some(ContactBy::Email),
        email: EMAIL.into(),
        access_needs: NEEDS.into(),
        ..AboutMe::default()
    }));
    form.consent = true;
    form
}

async fn shared_store() -> Store {
    let name = format!("vault-{}", js_sys::Math::random());
    let store = Store::open_named(&name, DB_VERSION).await.expect("opens");
    store
        .save_settings(DeviceSettings {
            mode: DeviceMode::Shared,
            lock_minutes: 5,
            chosen: true,
        })
        .await
        .unwrap();
    let v = vectors();
    store
        .set_seal_key(&SealKey {
            kid: s(&v["envelope"]["kid"]).into(),
            alg: opendoor_core::api::SEAL_ALG.into(),
            public_key: s(&v["envelope"]["recipient"]["publicKey"]).into(),
            created: String::new(),
        })
        .await
        .unwrap();
    store
}

/// A new person on the shared device: their vault, opened (what the PIN screen hands the runtime).
async fn new_person(store: &Store, pin: &str) -> Drafts {
    let u = store.create_vault(pin, pin).await.unwrap();
    store.drafts(Keeper::Vault(Rc::new(u)))
}

async fn unlock(store: &Store, pin: &str) -> Result<Drafts, VaultError> {
    let u = store.open_vault(pin).await?;
    Ok(store.drafts(Keeper::Vault(Rc::new(u))))
}

fn vault_id(d: &Drafts) -> String {
    match d.keeper() {
        Keeper::Vault(u) => u.vault.id.clone(),
        _ => panic!("not a vault"),
    }
}

#[wasm_bindgen_test]
async fn web_crypto_matches_the_host_vectors() {
    let v = vectors();
    let r = &v["atRest"];
    let salt = unb64(s(&r["salt"])).unwrap();
    let key = crypto::derive_key(
        s(&r["pin"]),
        &salt,
        r["iterations"].as_u64().unwrap() as u32,
    )
    .await
    .unwrap();
    let iv: [u8; 12] = unb64(s(&r["iv"])).unwrap().try_into().unwrap();
    let aad = vault_aad(s(&r["vaultId"]), s(&r["slot"]));
    let boxed = crypto::box_seal_with_iv(&key, &iv, &aad, s(&r["plaintext"]).as_bytes())
        .await
        .unwrap();
    assert_eq!(boxed.ct, s(&r["boxed"]["ct"]), "same bytes as RustCrypto");

    // An envelope sealed on the host opens in the browser, and one sealed here opens here.
    let e = &v["envelope"];
    let jwk = &e["recipient"]["jwk"];
    let private = crypto::import_private_jwk(s(&jwk["d"]), s(&jwk["x"]), s(&jwk["y"]))
        .await
        .unwrap();
    let public: [u8; 65] = unb64(s(&e["recipient"]["publicKey"]))
        .unwrap()
        .try_into()
        .unwrap();
    let env: Envelope = serde_json::from_value(e["envelope"].clone()).unwrap();
    let plain = crypto::open(&private, &public, &env).await.unwrap();
    assert_eq!(plain, s(&e["plaintext"]).as_bytes());
    let mine = crypto::seal(&public, "test-key-1", b"from the browser")
        .await
        .unwrap();
    assert_eq!(
        crypto::open(&private, &public, &mine).await.unwrap(),
        b"from the browser"
    );
    let mut tampered = mine.clone();
    tampered.kid = "test-key-2".into();
    assert_eq!(
        crypto::open(&private, &public, &tampered).await,
        Err(crypto::CryptoError::DoesNotOpen)
    );
}

#[wasm_bindgen_test]
async fn a_raw_scan_of_every_record_finds_nothing_a_person_typed() {
    let store = shared_store().await;
    let drafts = new_person(&store, "purple tree 42").await;
    let all = listings();
    // A listing whose own questions are all free text, so one answer fits each.
    let with_question = all
        .iter()
        .find(|l| {
            let qs = questions(l);
            !qs.is_empty()
                && qs.iter().all(|q| {
                    matches!(
                        q.answer,
                        AnswerKind::ShortText { .. } | AnswerKind::LongText { .. }
                    )
                })
        })
        .expect("a sample listing with text questions");
    let mut form = person_form();
    for q in questions(with_question) {
        form.answers
            .insert(q.id.clone(), FormAnswer::Text(ANSWER.into()));
    }
    drafts.set_about_me(&form.about).await.unwrap();
    let draft = LocalApplication::new(&all[1], form.clone(), 1_000);
    drafts.put_application(&draft).await.unwrap();
    // Send pressed: queued, and sealed in the same write.
    let mut queued = LocalApplication::new(with_question, form, 2_000);
    let today = time::macros::date!(2020 - 01 - 01);
    queued
        .queue(
            &opendoor_core::i18n::Catalogue::english(),
            &questions(with_question),
            "key-1".into(),
            "s3cr3t-made-on-the-device-0123456789abcdefghij".into(),
            2_000,
            today,
        )
        .unwrap();
    drafts.put_application(&queued).await.unwrap();
    assert_eq!(store.sealed_entries().await.unwrap().len(), 1);
    assert_eq!(drafts.applications().await.unwrap().len(), 2);

    let dump = raw_dump(&store).await;
    assert!(
        dump.contains("vault_records"),
        "the scan reads the vault store"
    );
    assert!(dump.contains("sealed_outbox"), "and the outbox");
    for secret in [
        NAME,
        EMAIL,
        ANSWER,
        NEEDS,
        "Zebedee",
        "zebedee",
        "ambulance",
    ] {
        assert!(
            !dump.contains(secret),
            "{secret:?} is readable in IndexedDB"
        );
    }
}

#[wasm_bindgen_test]
async fn each_pin_opens_only_its_own_drafts_and_wrong_pins_slow_down() {
    let store = shared_store().await;
    let l = &listings()[0];
    let a_drafts = new_person(&store, "purple tree 42").await;
    let a = LocalApplication::new(l, person_form(), 1_000);
    a_drafts.put_application(&a).await.unwrap();
    drop(a_drafts);

    // Locked: nothing to see, nothing to write.
    let locked = store.drafts(Keeper::Locked);
    assert!(locked.applications().await.unwrap().is_empty());
    assert!(locked.about_me().await.unwrap().is_none());
    assert!(locked.put_application(&a).await.is_err());

    // Person B: their own PIN, an empty list; the same PIN as A's is refused.
    assert!(matches!(
        store.create_vault("purple tree 42", "purple tree 42").await,
        Err(VaultError::InUse)
    ));
    let b = new_person(&store, "B-pin-9931").await;
    assert!(
        b.applications().await.unwrap().is_empty(),
        "B cannot see A's draft"
    );
    drop(b);

    // Wrong PIN: the same words as when nobody has drafts.
    assert!(matches!(
        unlock(&store, "not it at all").await,
        Err(VaultError::WrongPin)
    ));
    // A again: exactly what A left.
    let again = unlock(&store, "purple tree 42").await.unwrap();
    assert_eq!(again.applications().await.unwrap(), vec![a.clone()]);
    drop(again);

    // Three wrong in a row (the right PIN above started the count again): then a wait, even
    // for the right PIN.
    for wrong in ["wrong 1", "wrong 2", "wrong 3"] {
        assert!(matches!(
            unlock(&store, wrong).await,
            Err(VaultError::WrongPin)
        ));
    }
    assert!(
        matches!(unlock(&store, "purple tree 42").await, Err(VaultError::Wait(s)) if s > 0 && s <= 10)
    );
}

#[wasm_bindgen_test]
async fn a_record_moved_between_people_does_not_open() {
    let store = shared_store().await;
    let l = &listings()[0];
    let first = new_person(&store, "first person 1").await;
    first
        .put_application(&LocalApplication::new(l, person_form(), 1))
        .await
        .unwrap();
    let first = vault_id(&first);
    let second = new_person(&store, "second person 2").await;
    // Re-label the first person's record as the second's: it must not open for them.
    let dump = raw_records(&store, "vault_records").await;
    let mut rec = dump
        .into_iter()
        .find(|r| r["vault"] == first.as_str())
        .unwrap();
    rec["vault"] = Value::String(vault_id(&second));
    store.put_raw("vault_records", &rec).await.unwrap();
    assert!(second.applications().await.unwrap().is_empty());
    assert!(matches!(
        second
            .applications()
            .await
            .unwrap()
            .first()
            .map(|a| &a.stage),
        None | Some(Stage::Draft { .. })
    ));
}

async fn raw_records(store: &Store, name: &str) -> Vec<Value> {
    store.raw_records(name).await.unwrap()
}

/// Every record of every store, as JSON text.
async fn raw_dump(store: &Store) -> String {
    let mut out = String::new();
    for name in store.store_names() {
        out.push_str(&format!("== {name}\n"));
        for rec in raw_records(store, &name).await {
            out.push_str(&rec.to_string());
            out.push('\n');
        }
    }
    out
}

#[wasm_bindgen_test]
async fn what_a_person_has_seen_is_kept_in_their_vault_not_in_the_clear() {
    use opendoor_core::application::{ApplicationStatus, ApplicationView};
    let store = shared_store().await;
    let drafts = new_person(&store, "green door 17").await;
    let l = &listings()[0];
    let mut app = LocalApplication::new(l, person_form(), 1);
    app.stage = Stage::Sent {
        key: "key-9".into(),
        server_id: "a-9".into(),
        status_token: "t".into(),
        sent_at: 2,
        status: ApplicationStatus::Received,
        feedback: None,
        checked_at: None,
    };
    app.update_status(
        &ApplicationView {
            id: "a-9".into(),
            listing_id: l.id.clone(),
            status: ApplicationStatus::NotSelected,
            feedback: Some("Sorry, Zebedee: the panel is full.".into()),
            created: String::new(),
            updated: String::new(),
        },
        3,
    );
    drafts.put_application(&app).await.unwrap();
    let mut changed = false;
    drafts
        .update_application(&l.id, |a| changed = a.mark_seen(None))
        .await
        .unwrap();
    assert!(changed);

    let again = unlock(&store, "green door 17").await.unwrap();
    let opened = again.application(&l.id).await.unwrap().unwrap();
    assert!(opened.seen.is_some(), "kept with the application");
    assert!(!opened.news(None, time::UtcOffset::UTC).any());
    let dump = raw_dump(&store).await;
    for secret in ["not-selected", "Zebedee", "\"seen\""] {
        assert!(
            !dump.contains(secret),
            "{secret:?} is readable in IndexedDB"
        );
    }
}
