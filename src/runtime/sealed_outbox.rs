//! The sealed outbox of a shared device (docs/encryption.md): sends applications sealed for the
//! server without anyone's PIN, and keeps each settling answer sealed to its person's vault
//! until they unlock. Decisions are in `opendoor_core::sealed`; the records in `store::sealed`.

use opendoor_core::outbox::{Outcome, Stage};
use opendoor_core::seal::SEALED_CONTENT_TYPE;
use opendoor_core::sealed::{AfterSend, Answer, SealedSend};

use super::outbox::Flushed;
use crate::clock;
use crate::device::crypto;
use crate::net::api;
use crate::store::drafts::{Drafts, Keeper};
use crate::store::{Store, StoreError};

/// At most this many characters of a server's answer are kept (sealed) for its person.
const MAX_ANSWER_CHARS: usize = 16_384;

/// Fetches the server's current sealing key and keeps it (shared devices, on every sync and
/// before Send when none is kept). Offline or a server without the API: the key already kept
/// stays.
pub async fn refresh_seal_key(store: &Store) {
    let Ok(Some(key)) = api::seal_key().await else {
        return;
    };
    if crypto::server_key(&key).is_ok() {
        let _ = store.set_seal_key(&key).await;
    }
}

/// Inside the outbox lock: sends every sealed application that is due (all waiting, with
/// `force`), then opens the unlocked person's answers.
pub async fn send_due(drafts: Drafts, force: bool) -> Result<Flushed, StoreError> {
    let store = drafts.store();
    let mut done = Flushed::default();
    let now = clock::now_ms();
    let due: Vec<SealedSend> = store
        .sealed_entries()
        .await?
        .into_iter()
        .filter(|e| e.due(now) || (force && e.waiting()))
        .collect();
    let vaults = store.vaults().await?;
    for mut entry in due {
        let body = serde_json::to_string(&entry.envelope)?;
        let answer = api::post_application(body, SEALED_CONTENT_TYPE, &entry.key)
            .await
            .ok()
            .map(|a| Answer {
                status: a.status,
                body: String::from_utf8_lossy(&a.body)
                    .chars()
                    .take(MAX_ANSWER_CHARS)
                    .collect(),
            });
        done.sent_or_tried += 1;
        match entry.attempted(answer, clock::now_ms(), js_sys::Math::random()) {
            AfterSend::Retry => store.put_sealed(&entry).await?,
            AfterSend::Settled(answer) => {
                let owner = vaults.iter().find(|v| v.id == entry.vault);
                let public = owner.and_then(|v| v.public_key_bytes().ok());
                let Some(public) = public else {
                    // Its person pressed "I'm finished": nobody can read the answer, so drop it.
                    store.delete_sealed(&entry.key).await?;
                    continue;
                };
                let plain = serde_json::to_vec(&answer)?;
                entry.receipt = Some(crypto::seal(&public, &entry.vault, &plain).await?);
                store.put_sealed(&entry).await?;
            }
        }
    }
    done.returned_to_draft |= open_receipts(&drafts).await?;
    Ok(done)
}

/// For the unlocked person: opens their answers, applies each to its application (Sent, or
/// back to a draft with the server's words), and removes the entry. True if any came back.
pub async fn open_receipts(drafts: &Drafts) -> Result<bool, StoreError> {
    let Keeper::Vault(s) = drafts.keeper() else {
        return Ok(false);
    };
    let store = drafts.store();
    let mut returned = false;
    // Which application each idempotency key belongs to: read (and decrypted) once, not per answer.
    let waiting: Vec<(String, String)> = drafts
        .applications()
        .await?
        .into_iter()
        .filter_map(|a| match &a.stage {
            Stage::Waiting { key, .. } => Some((key.clone(), a.id.clone())),
            _ => None,
        })
        .collect();
    for entry in store.sealed_entries().await? {
        let (true, Some(receipt)) = (entry.vault == s.vault.id, &entry.receipt) else {
            continue;
        };
        // A damaged answer is left where it is rather than stopping the others.
        let Ok(plain) = crypto::open(&s.private, &s.public, receipt).await else {
            web_sys::console::warn_1(&"an answer in the outbox does not open".into());
            continue;
        };
        let Ok(answer) = serde_json::from_slice::<Answer>(&plain) else {
            continue;
        };
        let outcome = answer.outcome();
        let back = !matches!(outcome, Outcome::Stored { .. });
        if let Some((_, app_id)) = waiting.iter().find(|(key, _)| *key == entry.key) {
            let jitter = js_sys::Math::random();
            drafts
                .update_application(app_id, |a| {
                    a.record(&crate::i18n::cat(), outcome, clock::now_ms(), jitter)
                })
                .await?;
            returned |= back;
        }
        store.delete_sealed(&entry.key).await?;
    }
    Ok(returned)
}
