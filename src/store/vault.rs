//! Shared devices' records (docs/encryption.md, docs/shared-devices.md): the device settings,
//! each person's vault header, the wrong-PIN count, and finding the vault a PIN opens. Opening
//! a vault returns the person's keys (`device::session::Unlocked`); keeping them in memory,
//! and locking, is `device`'s.

use std::fmt;

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use opendoor_core::device::DeviceSettings;
use opendoor_core::seal::{
    b64, check_new_pin, pin_wait_ms, vault_aad, Boxed, VaultHeader, MIN_ITERATIONS, SALT_LEN,
    VAULT_CHECK,
};
use opendoor_core::words::PinProblem;
use serde::{Deserialize, Serialize};
use web_sys::CryptoKey;

use super::{Result, Store, StoreError, VAULTS, VAULT_RECORDS};
use crate::clock;
use crate::device::crypto::{self, CryptoError};
use crate::device::session::Unlocked;

const SETTINGS_KEY: &str = "device";
const FAILURES_KEY: &str = "pinFailures";

/// Why a PIN was not accepted. Never says whether anyone has drafts on the device.
#[derive(Clone, Debug)]
pub enum VaultError {
    /// Wrong PIN, or no vault at all: the same words either way.
    WrongPin,
    /// Too many wrong PINs: wait this many seconds.
    Wait(u32),
    /// Setting a PIN: it is not allowed (too short, too easy, boxes differ).
    Weak(&'static str),
    /// Setting a PIN that would open someone else's drafts.
    InUse,
    Crypto(CryptoError),
    Store(StoreError),
}

impl VaultError {
    /// What a person is told (worded by `core::words::pin_problem`).
    pub fn problem(&self) -> PinProblem {
        match self {
            VaultError::WrongPin => PinProblem::WrongPin,
            VaultError::Wait(s) => PinProblem::Wait(*s),
            VaultError::Weak(why) => PinProblem::Weak(why),
            VaultError::InUse => PinProblem::InUse,
            VaultError::Crypto(e) => PinProblem::Crypto(e.problem()),
            VaultError::Store(e) => PinProblem::Storage(e.problem()),
        }
    }
}

/// For logs and tests; people read `words::pin_problem`.
impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VaultError::WrongPin => write!(f, "no vault opens with that PIN"),
            VaultError::Wait(s) => write!(f, "too many wrong PINs: wait {s} s"),
            VaultError::Weak(why) => write!(f, "PIN refused: {why}"),
            VaultError::InUse => write!(f, "that PIN opens another vault"),
            VaultError::Crypto(_) => write!(f, "encryption failed"),
            VaultError::Store(_) => write!(f, "storage failed"),
        }
    }
}

impl std::error::Error for VaultError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            VaultError::Crypto(e) => Some(e),
            VaultError::Store(e) => Some(e),
            _ => None,
        }
    }
}

impl From<CryptoError> for VaultError {
    fn from(e: CryptoError) -> Self {
        VaultError::Crypto(e)
    }
}

impl From<StoreError> for VaultError {
    fn from(e: StoreError) -> Self {
        VaultError::Store(e)
    }
}

/// Wrong PINs in a row, and when the last was typed: kept on the device.
#[derive(Clone, Copy, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Failures {
    count: u32,
    /// Milliseconds since the epoch (a number in the record, as it always was).
    last_at: f64,
}

/// One encrypted record: only random ids are in the clear.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(in crate::store) struct VaultRecord {
    pub id: String,
    pub vault: String,
    #[serde(rename = "box")]
    pub boxed: Boxed,
}

pub(in crate::store) fn record_slot(id: &str) -> String {
    format!("record|{id}")
}

/// A new random record id.
pub(in crate::store) fn new_record_id() -> std::result::Result<String, CryptoError> {
    Ok(b64(&crypto::random::<16>()?))
}

impl Store {
    /// The device settings as stored (the runtime keeps the one copy in memory).
    pub async fn load_settings(&self) -> DeviceSettings {
        self.meta::<DeviceSettings>(SETTINGS_KEY)
            .await
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    pub async fn save_settings(&self, s: DeviceSettings) -> Result<()> {
        self.set_meta(SETTINGS_KEY, &s).await
    }

    pub async fn vaults(&self) -> Result<Vec<VaultHeader>> {
        self.all(VAULTS).await
    }

    async fn wait_before_pin(&self) -> std::result::Result<Failures, VaultError> {
        let f = self
            .meta::<Failures>(FAILURES_KEY)
            .await?
            .unwrap_or_default();
        let wait = pin_wait_ms(f.count) as f64 - (clock::now_ms() as f64 - f.last_at);
        if wait > 0.0 {
            return Err(VaultError::Wait((wait / 1000.0).ceil() as u32));
        }
        Ok(f)
    }

    async fn pin_failed(&self, f: Failures) -> VaultError {
        let f = Failures {
            count: f.count.saturating_add(1),
            last_at: clock::now_ms() as f64,
        };
        if let Err(e) = self.set_meta(FAILURES_KEY, &f).await {
            return e.into();
        }
        VaultError::WrongPin
    }

    /// Finds the vault this PIN opens, trying every one (each has its own salt).
    async fn open_with(
        &self,
        pin: &str,
    ) -> std::result::Result<Option<(VaultHeader, CryptoKey)>, VaultError> {
        let vaults = self.vaults().await?;
        if vaults.is_empty() {
            // Same work as one real try, so the time does not say "nobody has drafts here".
            let salt = crypto::random::<SALT_LEN>()?;
            let _ = crypto::derive_key(pin, &salt, MIN_ITERATIONS).await?;
            return Ok(None);
        }
        let tries = vaults.into_iter().map(|v| async move {
            let (salt, iterations) = v.kdf().ok()?;
            let key = crypto::derive_key(pin, &salt, iterations).await.ok()?;
            crypto::box_open(&key, &vault_aad(&v.id, "check"), &v.check)
                .await
                .ok()
                .filter(|pt| pt == VAULT_CHECK)
                .map(|_| (v, key))
        });
        // In parallel: Chromium derives keys off the main thread.
        let opened = futures::future::join_all(tries).await;
        Ok(opened.into_iter().flatten().next())
    }

    /// A new person on a shared device: makes their vault and returns it opened.
    pub async fn create_vault(
        &self,
        pin: &str,
        again: &str,
    ) -> std::result::Result<Unlocked, VaultError> {
        check_new_pin(pin, again).map_err(VaultError::Weak)?;
        let failures = self.wait_before_pin().await?;
        if self.open_with(pin).await?.is_some() {
            // Counted as a wrong try, so "set a PIN" cannot be used to guess other people's.
            let _ = self.pin_failed(failures).await;
            return Err(VaultError::InUse);
        }
        let salt = crypto::random::<SALT_LEN>()?;
        let id = b64(&crypto::random::<16>()?);
        let key = crypto::derive_key(pin, &salt, MIN_ITERATIONS).await?;
        let (private, public) = crypto::new_key_pair().await?;
        let pkcs8 = crypto::export_pkcs8(&private).await?;
        let header = VaultHeader {
            id: id.clone(),
            v: 1,
            iterations: MIN_ITERATIONS,
            salt: b64(&salt),
            check: crypto::box_seal(&key, &vault_aad(&id, "check"), VAULT_CHECK).await?,
            public_key: b64(&public),
            private_key: crypto::box_seal(&key, &vault_aad(&id, "private-key"), &pkcs8).await?,
            created_at: clock::now_ms(),
        };
        let private = crypto::import_pkcs8(&pkcs8).await?;
        self.write(VAULTS, |v| {
            v.put(&header).serde()?;
            Ok(())
        })
        .await?;
        Ok(Unlocked {
            vault: header,
            key,
            private,
            public,
        })
    }

    /// Opens the vault this PIN opens (the wrong-PIN slowdown applies).
    pub async fn open_vault(&self, pin: &str) -> std::result::Result<Unlocked, VaultError> {
        let failures = self.wait_before_pin().await?;
        crypto::measure_start("opendoor-unlock");
        let Some((vault, key)) = self.open_with(pin).await? else {
            return Err(self.pin_failed(failures).await);
        };
        let pkcs8 = crypto::box_open(
            &key,
            &vault_aad(&vault.id, "private-key"),
            &vault.private_key,
        )
        .await?;
        let private = crypto::import_pkcs8(&pkcs8).await?;
        let public = vault
            .public_key_bytes()
            .map_err(|e| VaultError::Crypto(e.into()))?;
        crypto::measure_end("opendoor-unlock");
        self.set_meta(FAILURES_KEY, &Failures::default()).await?;
        Ok(Unlocked {
            vault,
            key,
            private,
            public,
        })
    }

    /// The records of one vault (encrypted).
    pub(in crate::store) async fn vault_rows(&self, vault_id: &str) -> Result<Vec<VaultRecord>> {
        let tx = self.db.transaction(VAULT_RECORDS).build()?;
        let store = tx.object_store(VAULT_RECORDS)?;
        let rows = store
            .index("by_vault")?
            .get_all::<VaultRecord>()
            .with_query(vault_id.to_owned())
            .serde()?
            .await?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row?);
        }
        Ok(out)
    }

    /// "I'm finished": deletes this person's vault and every record in it, in one transaction.
    /// Sealed applications still waiting stay in the outbox and are sent.
    pub async fn clear_vault(&self, vault_id: &str) -> Result<()> {
        let ids: Vec<String> = self
            .vault_rows(vault_id)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        let tx = self
            .db
            .transaction([VAULTS, VAULT_RECORDS])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let records = tx.object_store(VAULT_RECORDS)?;
        for id in ids {
            records.delete(id).primitive()?;
        }
        tx.object_store(VAULTS)?
            .delete(vault_id.to_owned())
            .primitive()?;
        tx.commit().await?;
        Ok(())
    }

    /// Deletes every vault (switching a shared device back to personal).
    pub async fn delete_all_vaults(&self) -> Result<()> {
        let tx = self
            .db
            .transaction([VAULTS, VAULT_RECORDS])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(VAULTS)?.clear()?;
        tx.object_store(VAULT_RECORDS)?.clear()?;
        tx.commit().await?;
        Ok(())
    }
}
