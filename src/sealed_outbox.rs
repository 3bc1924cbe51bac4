//! The sealed outbox of a shared device (docs/encryption.md): sends applications sealed for the
//! server without anyone's PIN, and keeps each settling answer sealed to its person's vault
//! until they unlock. Decisions are in `opendoor_core::sealed`.

use gloo_net::http::Request;
use indexed_db_futures::prelude::*;
use opendoor_core::outbox::{Outcome, Stage};
use opendoor_core::seal::{unb64, PUBLIC_KEY_LEN, SEALED_CONTENT_TYPE};
use opendoor_core::sealed::{AfterSend, Answer, SealedSend};
use serde::{Deserialize, Serialize};
use web_sys::RequestCache;

use crate::crypto;
use crate::outbox::{now_ms, post_raw, Flushed};
use crate::store::{Store, StoreError, SEALED_OUTBOX};
use crate::vault;

const SEAL_KEY_URL: &str = "/api/v1/seal-key";
const SEAL_KEY_META: &str = "sealKey";

/// The server's current public key, as published at `/api/v1/seal-key`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SealKey {
    pub kid: String,
    pub public_key: String,
}

impl SealKey {
    pub fn public_key_bytes(&self) -> Result<[u8; PUBLIC_KEY_LEN], StoreError> {
        unb64(&self.public_key)
            .and_then(|v| <[u8; PUBLIC_KEY_LEN]>::try_from(v).ok())
            .ok_or_else(|| StoreError::Crypto("the server's sealing key is damaged".into()))
    }
}

impl Store {
    pub async fn seal_key(&self) -> Result<Option<SealKey>, StoreError> {
        self.meta(SEAL_KEY_META).await
    }

    pub async fn set_seal_key(&self, key: &SealKey) -> Result<(), StoreError> {
        self.set_meta(SEAL_KEY_META, key).await
    }

    pub(crate) async fn sealed_exists(&self, key: &str) -> Result<bool, StoreError> {
        Ok(self.get::<SealedSend>(SEALED_OUTBOX, key).await?.is_some())
    }

    pub async fn sealed_entries(&self) -> Result<Vec<SealedSend>, StoreError> {
        self.all(SEALED_OUTBOX).await
    }

    async fn put_sealed(&self, e: &SealedSend) -> Result<(), StoreError> {
        self.write(SEALED_OUTBOX, |s| {
            s.put(e).serde()?;
            Ok(())
        })
        .await
    }

    async fn delete_sealed(&self, key: &str) -> Result<(), StoreError> {
        self.write(SEALED_OUTBOX, |s| {
            s.delete(key.to_owned()).primitive()?;
            Ok(())
        })
        .await
    }

    pub(crate) async fn sealed_next_try_at(&self) -> Option<i64> {
        let entries = self.sealed_entries().await.ok()?;
        entries
            .iter()
            .filter(|e| e.waiting())
            .map(|e| e.next_try_at)
            .min()
    }
}

/// Fetches the server's current sealing key (shared devices, on every sync). Offline or a
/// server without the API: the key already kept stays.
pub async fn refresh_seal_key(store: &Store) {
    let Ok(resp) = Request::get(SEAL_KEY_URL)
        .cache(RequestCache::NoCache)
        .send()
        .await
    else {
        return;
    };
    if resp.status() != 200 {
        return;
    }
    let Ok(key) = resp.json::<SealKey>().await else {
        return;
    };
    if opendoor_core::seal::valid_kid(&key.kid) && key.public_key_bytes().is_ok() {
        let _ = store.set_seal_key(&key).await;
    }
}

/// Inside the outbox lock: sends every sealed application that is due (all waiting, with
/// `force`), then opens the unlocked person's answers.
pub async fn send_due(store: &Store, force: bool) -> Result<Flushed, StoreError> {
    let mut done = Flushed::default();
    let now = now_ms();
    let due: Vec<SealedSend> = store
        .sealed_entries()
        .await?
        .into_iter()
        .filter(|e| e.due(now) || (force && e.waiting()))
        .collect();
    let vaults = store.vaults().await?;
    for mut entry in due {
        let body =
            serde_json::to_string(&entry.envelope).map_err(|e| StoreError::Other(e.to_string()))?;
        let answer = post_raw(body, SEALED_CONTENT_TYPE, &entry.key)
            .await
            .ok()
            .map(|(status, bytes)| Answer {
                status,
                body: String::from_utf8_lossy(&bytes)
                    .chars()
                    .take(16_384)
                    .collect(),
            });
        done.sent_or_tried += 1;
        match entry.attempted(answer, now_ms(), js_sys::Math::random()) {
            AfterSend::Retry => store.put_sealed(&entry).await?,
            AfterSend::Settled(answer) => {
                let owner = vaults.iter().find(|v| v.id == entry.vault);
                let public = owner.and_then(|v| v.public_key_bytes().ok());
                let Some(public) = public else {
                    // Its person pressed "I'm finished": nobody can read the answer, so drop it.
                    store.delete_sealed(&entry.key).await?;
                    continue;
                };
                let plain =
                    serde_json::to_vec(&answer).map_err(|e| StoreError::Other(e.to_string()))?;
                entry.receipt = Some(crypto::seal(&public, &entry.vault, &plain).await?);
                store.put_sealed(&entry).await?;
            }
        }
    }
    done.returned_to_draft |= open_receipts(store).await?;
    Ok(done)
}

/// For the unlocked person: opens their answers, applies each to its application (Sent, or
/// back to a draft with the server's words), and removes the entry. True if any came back.
pub async fn open_receipts(store: &Store) -> Result<bool, StoreError> {
    let Some(s) = vault::session() else {
        return Ok(false);
    };
    let mut returned = false;
    // Which application each idempotency key belongs to: read (and decrypted) once, not per answer.
    let waiting: Vec<(String, String)> = store
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
            store
                .update_application(app_id, |a| a.record(outcome, now_ms(), jitter))
                .await?;
            returned |= back;
        }
        store.delete_sealed(&entry.key).await?;
    }
    Ok(returned)
}
