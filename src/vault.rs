//! Shared devices: the device's settings, each person's vault (PIN → key, held only in this
//! page's memory), and locking. docs/encryption.md has the formats, docs/shared-devices.md the
//! behaviour. `drafts` asks here whether to read and write plainly or through the vault.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use opendoor_core::device::{DeviceMode, DeviceSettings};
use opendoor_core::seal::{
    b64, check_new_pin, pin_wait_ms, vault_aad, Boxed, VaultHeader, MIN_ITERATIONS, PUBLIC_KEY_LEN,
    SALT_LEN, VAULT_CHECK,
};
use serde::{Deserialize, Serialize};
use web_sys::CryptoKey;

use crate::crypto::{self, CryptoError};
use crate::store::{Store, StoreError, VAULTS, VAULT_RECORDS};

const SETTINGS_KEY: &str = "device";
const FAILURES_KEY: &str = "pinFailures";
const LOCK_CHANNEL: &str = "opendoor-lock";

/// The unlocked person: their vault and keys. Dropped on lock; the page is then reloaded so
/// nothing they typed survives in memory.
pub struct Session {
    pub vault: VaultHeader,
    pub(crate) key: CryptoKey,
    pub(crate) private: CryptoKey,
    pub(crate) public: [u8; PUBLIC_KEY_LEN],
}

type SaveHook = Rc<dyn Fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>>;

thread_local! {
    static SETTINGS: Cell<DeviceSettings> = Cell::new(DeviceSettings::default());
    static SESSION: RefCell<Option<Rc<Session>>> = const { RefCell::new(None) };
    static LAST_ACTIVITY: Cell<f64> = Cell::new(js_sys::Date::now());
    /// The open form's "save now", run before locking so the last keystrokes are kept.
    static BEFORE_LOCK: RefCell<Option<SaveHook>> = const { RefCell::new(None) };
    /// One channel for sending and hearing "lock" (a channel never hears its own messages).
    static LOCK_BC: Option<web_sys::BroadcastChannel> =
        web_sys::BroadcastChannel::new(LOCK_CHANNEL).ok();
}

/// Tells every other tab to lock.
fn lock_other_tabs() {
    LOCK_BC.with(|c| {
        if let Some(c) = c {
            let _ = c.post_message(&"lock".into());
        }
    });
}

pub fn settings() -> DeviceSettings {
    SETTINGS.with(Cell::get)
}

pub fn shared() -> bool {
    settings().mode == DeviceMode::Shared
}

pub fn session() -> Option<Rc<Session>> {
    SESSION.with(|s| s.borrow().clone())
}

pub fn unlocked() -> bool {
    SESSION.with(|s| s.borrow().is_some())
}

/// Why a PIN was not accepted. Never says whether anyone has drafts on the device.
#[derive(Clone, Debug, PartialEq)]
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

impl std::fmt::Display for VaultError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VaultError::WrongPin => write!(
                f,
                "That PIN did not unlock anything. Check it and try again."
            ),
            VaultError::Wait(s) => write!(
                f,
                "Too many PINs that did not work. Wait {s} seconds, then try again."
            ),
            VaultError::Weak(why) => write!(f, "{why}"),
            VaultError::InUse => write!(
                f,
                "That PIN cannot be used on this device. Choose a different one."
            ),
            VaultError::Crypto(e) => write!(f, "Open Door could not protect your drafts: {e}."),
            VaultError::Store(e) => {
                write!(f, "Open Door could not use this device's storage: {e}.")
            }
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

impl From<CryptoError> for StoreError {
    fn from(e: CryptoError) -> Self {
        StoreError::Crypto(e.to_string())
    }
}

/// Wrong PINs in a row, and when the last was typed: kept on the device.
#[derive(Clone, Copy, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Failures {
    count: u32,
    last_at: f64,
}

impl Store {
    /// Reads the device settings into memory; call once at start.
    pub async fn load_settings(&self) -> DeviceSettings {
        let s = self
            .meta::<DeviceSettings>(SETTINGS_KEY)
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        SETTINGS.with(|c| c.set(s));
        s
    }

    pub async fn save_settings(&self, s: DeviceSettings) -> Result<(), StoreError> {
        self.set_meta(SETTINGS_KEY, &s).await?;
        SETTINGS.with(|c| c.set(s));
        Ok(())
    }

    pub async fn vaults(&self) -> Result<Vec<VaultHeader>, StoreError> {
        self.all(VAULTS).await
    }

    async fn wait_before_pin(&self) -> Result<Failures, VaultError> {
        let f = self
            .meta::<Failures>(FAILURES_KEY)
            .await?
            .unwrap_or_default();
        let wait = pin_wait_ms(f.count) as f64 - (js_sys::Date::now() - f.last_at);
        if wait > 0.0 {
            return Err(VaultError::Wait((wait / 1000.0).ceil() as u32));
        }
        Ok(f)
    }

    async fn pin_failed(&self, f: Failures) -> VaultError {
        let f = Failures {
            count: f.count.saturating_add(1),
            last_at: js_sys::Date::now(),
        };
        if let Err(e) = self.set_meta(FAILURES_KEY, &f).await {
            return e.into();
        }
        VaultError::WrongPin
    }

    /// Finds the vault this PIN opens, trying every one (each has its own salt).
    async fn open_with(&self, pin: &str) -> Result<Option<(VaultHeader, CryptoKey)>, VaultError> {
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

    /// A new person on a shared device: makes their vault and unlocks it.
    pub async fn create_vault(&self, pin: &str, again: &str) -> Result<(), VaultError> {
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
            created_at: js_sys::Date::now() as i64,
        };
        let private = crypto::import_pkcs8(&pkcs8).await?;
        self.write(VAULTS, |v| {
            v.put(&header).serde()?;
            Ok(())
        })
        .await?;
        start_session(Session {
            vault: header,
            key,
            private,
            public,
        });
        Ok(())
    }

    /// Unlocks the vault this PIN opens.
    pub async fn unlock(&self, pin: &str) -> Result<(), VaultError> {
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
        start_session(Session {
            vault,
            key,
            private,
            public,
        });
        Ok(())
    }

    /// "I'm finished": deletes this person's vault and every record in it, in one transaction.
    /// Sealed applications still waiting stay in the outbox and are sent.
    pub async fn clear_vault(&self, vault_id: &str) -> Result<(), StoreError> {
        let ids = self.vault_record_ids(vault_id).await?;
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
    pub async fn delete_all_vaults(&self) -> Result<(), StoreError> {
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

/// One person unlocked per device at a time: other tabs lock, so a volunteer switching tabs
/// never has someone else's things open beside this person's.
fn start_session(s: Session) {
    SESSION.with(|c| *c.borrow_mut() = Some(Rc::new(s)));
    lock_other_tabs();
    touch();
}

/// Someone used the page: push the idle lock back.
pub fn touch() {
    LAST_ACTIVITY.with(|c| c.set(js_sys::Date::now()));
}

/// Milliseconds until the idle lock, while someone is unlocked (checked by a timer in `app`).
pub fn idle_left_ms() -> Option<f64> {
    let limit = f64::from(settings().lock_minutes) * 60_000.0;
    unlocked().then(|| limit - (js_sys::Date::now() - LAST_ACTIVITY.with(Cell::get)))
}

/// The open form registers how to save at once; `None` when it goes away.
pub fn set_before_lock(hook: Option<SaveHook>) {
    BEFORE_LOCK.with(|h| *h.borrow_mut() = hook);
}

/// Locks: saves the open form, drops the keys, tells other tabs, and reloads at the start page
/// (replacing this history entry), so nothing the person typed stays in this page's memory.
pub async fn lock() {
    lock_to("/").await
}

/// Locks, then starts again at `path` (a fixed page of ours, never one with a person's data).
pub async fn lock_to(path: &str) {
    if let Some(save) = BEFORE_LOCK.with(|h| h.borrow_mut().take()) {
        save().await;
    }
    lock_other_tabs();
    forget_and_restart(path);
}

/// Drops the keys from memory (no reload). `lock` does this and then restarts the page.
pub fn forget() {
    SESSION.with(|c| *c.borrow_mut() = None);
}

fn forget_and_restart(path: &str) {
    forget();
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(path);
    }
}

/// Another tab locked (or someone pressed "I'm finished" there): lock here too.
pub fn listen_for_lock() {
    use wasm_bindgen::prelude::*;
    let on_message = Closure::<dyn Fn()>::new(move || {
        if unlocked() {
            wasm_bindgen_futures::spawn_local(async {
                if let Some(save) = BEFORE_LOCK.with(|h| h.borrow_mut().take()) {
                    save().await;
                }
                forget_and_restart("/");
            });
        }
    });
    LOCK_BC.with(|c| {
        if let Some(c) = c {
            c.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        }
    });
    on_message.forget();
}

/// One encrypted record: only random ids are in the clear.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct VaultRecord {
    pub id: String,
    pub vault: String,
    #[serde(rename = "box")]
    pub boxed: Boxed,
}

pub(crate) fn record_slot(id: &str) -> String {
    format!("record|{id}")
}

/// A new random record id.
pub(crate) fn new_record_id() -> Result<String, CryptoError> {
    Ok(b64(&crypto::random::<16>()?))
}
