//! Shared devices: the sealed outbox's records (applications sealed for the server, waiting to
//! send, and the answers sealed back to their person) and the server's sealing key as last
//! fetched. The sending is `runtime::sealed_outbox`; the decisions are `opendoor_core::sealed`.

use indexed_db_futures::prelude::*;
use opendoor_core::api::SealKey;
use opendoor_core::sealed::SealedSend;

use super::{Result, Store, SEALED_OUTBOX};

const SEAL_KEY_META: &str = "sealKey";

impl Store {
    /// The server's sealing key as last fetched (the runtime fetches it; storage never does).
    pub async fn seal_key(&self) -> Result<Option<SealKey>> {
        self.meta(SEAL_KEY_META).await
    }

    pub async fn set_seal_key(&self, key: &SealKey) -> Result<()> {
        self.set_meta(SEAL_KEY_META, key).await
    }

    pub(in crate::store) async fn sealed_exists(&self, key: &str) -> Result<bool> {
        Ok(self.get::<SealedSend>(SEALED_OUTBOX, key).await?.is_some())
    }

    pub async fn sealed_entries(&self) -> Result<Vec<SealedSend>> {
        self.all(SEALED_OUTBOX).await
    }

    pub async fn put_sealed(&self, e: &SealedSend) -> Result<()> {
        self.write(SEALED_OUTBOX, |s| {
            s.put(e).serde()?;
            Ok(())
        })
        .await
    }

    pub async fn delete_sealed(&self, key: &str) -> Result<()> {
        self.delete_one(SEALED_OUTBOX, key).await
    }

    /// When the earliest sealed application still waiting is due.
    pub async fn sealed_next_try_at(&self) -> Option<i64> {
        let entries = self.sealed_entries().await.ok()?;
        entries
            .iter()
            .filter(|e| e.waiting())
            .map(|e| e.next_try_at)
            .min()
    }
}
