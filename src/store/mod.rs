//! IndexedDB: everything the app keeps on the device, and the only code that touches it. This
//! module has the database (schema, upgrades, reads, and `stage_page` / `apply_page` for
//! listings with the sync cursor); `drafts`, `vault`, `saved` and `sealed` add one `impl Store`
//! each. Storage never calls the network: what a write needs from the server (the sealing key)
//! is fetched first by the runtime and read here.
//!
//! Schema (docs/storage.md):
//! - v1: `listings` (key path `id`, index `by_closing` on `closingDate`); `meta` (string keys).
//! - v2: index `by_modified` on `listings`; store `saved` (key path `id`) for starred listings.
//! - v3: stores `applications` (key path `id`), `profile`, `saved_searches` (key path `id`).
//! - v4 (shared devices, docs/encryption.md): `vaults` (key path `id`), `vault_records` (key
//!   path `id`, index `by_vault` on `vault`), `sealed_outbox` (key path `key`).
//!
//! A feed page's changes and the new cursor are written in ONE readwrite transaction over both
//! stores, so a crash can never leave the listings and the cursor out of step.

use std::fmt;
use std::rc::Rc;

use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::error::DomException;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyPath;
use opendoor_core::feed::Item;
use opendoor_core::sync::{decide, Action, Cursor, Tally};
use opendoor_core::words::StorageProblem;
use opendoor_core::Listing;
use serde::{Deserialize, Serialize};

use crate::device::crypto::CryptoError;

pub mod drafts;
pub mod saved;
pub mod sealed;
pub mod vault;

pub const DB_NAME: &str = "opendoor";
pub const DB_VERSION: u32 = 4;

pub(in crate::store) const LISTINGS: &str = "listings";
pub(in crate::store) const META: &str = "meta";
/// Starred listings (key path `id`).
pub(in crate::store) const SAVED: &str = "saved";
/// Drafts, queued and sent applications, one record each (key path `id`): see `outbox`.
pub(in crate::store) const APPLICATIONS: &str = "applications";
/// "About me": standard answers kept for the next application (out-of-line keys).
pub(in crate::store) const PROFILE: &str = "profile";
/// Saved searches (key path `id`).
pub(in crate::store) const SAVED_SEARCHES: &str = "saved_searches";
/// Shared devices: one header per person with a PIN (key path `id`).
pub(in crate::store) const VAULTS: &str = "vaults";
/// Shared devices: each person's records, encrypted (key path `id`, index `by_vault`).
pub(in crate::store) const VAULT_RECORDS: &str = "vault_records";
/// Shared devices: applications sealed for the server, waiting to send (key path `key`).
pub(in crate::store) const SEALED_OUTBOX: &str = "sealed_outbox";
const CURSOR_KEY: &str = "cursor";
const LAST_SYNC_KEY: &str = "lastSync";
const FIRST_SCREEN_KEY: &str = "firstScreen";

/// One stored listing: the feed's `modified` beside the listing, and the closing date copied to
/// the top level so IndexedDB can index it (absent when there is none, so it is left out).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredListing {
    pub id: String,
    pub modified: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_date: Option<String>,
    pub listing: Listing,
}

impl StoredListing {
    pub fn new(modified: i64, listing: Listing) -> Self {
        let closing_date = listing
            .closing_date
            .map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()));
        StoredListing {
            id: listing.id.clone(),
            modified,
            closing_date,
            listing,
        }
    }
}

/// Only what deciding needs, read without deserialising whole listings.
#[derive(Deserialize)]
struct ModifiedOnly {
    modified: i64,
}

/// Why a read or write of the device's storage failed. Causes are kept as sources; what a person
/// reads comes from `opendoor_core::words::storage_problem(&crate::i18n::cat(), &e.problem())`.
#[derive(Clone, Debug)]
pub enum StoreError {
    /// IndexedDB is missing or blocked (private browsing in some browsers, or disabled).
    Unavailable(Rc<indexed_db_futures::error::OpenDbError>),
    /// The device refused to store more.
    Full,
    /// A write was rolled back with no reason given. The crate drops the transaction's own
    /// error, and the usual cause of a write aborting on its own is a full device (Chromium's
    /// storage estimate cannot be trusted to say so on small disks), so we say that.
    Aborted,
    /// Shared device, nobody unlocked: drafts cannot be read or written.
    Locked,
    /// Shared device: the server's sealing key has never been fetched, so nothing can be sealed.
    NoSealKey,
    /// Encrypting or decrypting failed.
    Crypto(CryptoError),
    /// Any other IndexedDB failure.
    Db(Rc<indexed_db_futures::error::Error>),
    /// A record could not be turned into JSON.
    Json(Rc<serde_json::Error>),
}

impl StoreError {
    /// What went wrong, as much as a person needs to know (worded by `core::words`).
    pub fn problem(&self) -> StorageProblem {
        match self {
            StoreError::Unavailable(e) => StorageProblem::Unavailable(e.to_string()),
            StoreError::Full => StorageProblem::Full,
            StoreError::Aborted => StorageProblem::Stopped,
            StoreError::Locked => StorageProblem::Locked,
            StoreError::NoSealKey => StorageProblem::NoSealKey,
            StoreError::Crypto(e) => StorageProblem::Crypto(e.problem()),
            StoreError::Db(e) => StorageProblem::Other(e.to_string()),
            StoreError::Json(e) => StorageProblem::Other(e.to_string()),
        }
    }

    /// Whether the device is (most likely) out of space.
    pub fn is_full(&self) -> bool {
        matches!(self, StoreError::Full | StoreError::Aborted)
    }
}

/// For logs and tests; people read `words::storage_problem`.
impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(_) => write!(f, "IndexedDB is unavailable"),
            StoreError::Full => write!(f, "quota exceeded"),
            StoreError::Aborted => write!(f, "transaction aborted"),
            StoreError::Locked => write!(f, "no vault is unlocked"),
            StoreError::NoSealKey => write!(f, "no sealing key stored"),
            StoreError::Crypto(_) => write!(f, "encryption failed"),
            StoreError::Db(_) => write!(f, "IndexedDB failed"),
            StoreError::Json(_) => write!(f, "a record is not valid JSON"),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Unavailable(e) => Some(&**e),
            StoreError::Crypto(e) => Some(e),
            StoreError::Db(e) => Some(&**e),
            StoreError::Json(e) => Some(&**e),
            StoreError::Full | StoreError::Aborted | StoreError::Locked | StoreError::NoSealKey => {
                None
            }
        }
    }
}

impl From<indexed_db_futures::error::Error> for StoreError {
    fn from(e: indexed_db_futures::error::Error) -> Self {
        use indexed_db_futures::error::Error;
        match &e {
            Error::DomException(DomException::Other(d)) if d.name() == "QuotaExceededError" => {
                StoreError::Full
            }
            Error::DomException(DomException::AbortError(d)) if d.message().contains("uota") => {
                StoreError::Full
            }
            Error::MissingData(
                indexed_db_futures::error::UnexpectedDataError::TransactionAborted,
            ) => StoreError::Aborted,
            _ => StoreError::Db(Rc::new(e)),
        }
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StoreError {
    fn from(e: indexed_db_futures::error::OpenDbError) -> Self {
        StoreError::Unavailable(Rc::new(e))
    }
}

impl From<CryptoError> for StoreError {
    fn from(e: CryptoError) -> Self {
        StoreError::Crypto(e)
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Json(Rc::new(e))
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The open database. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    /// Only this folder reaches the database (its modules add their own `impl Store`).
    pub(in crate::store) db: Rc<Database>,
}

impl Store {
    pub async fn open() -> Result<Store> {
        Self::open_named(DB_NAME, DB_VERSION).await
    }

    /// Opens `name` at `version`, upgrading step by step from whatever is there. Tests use
    /// other names and older versions.
    pub async fn open_named(name: &str, version: u32) -> Result<Store> {
        let db = Database::open(name)
            .with_version(version)
            .with_on_upgrade_needed(move |event: VersionChangeEvent, db: Database| {
                upgrade(event.old_version() as u32, version, &db)
            })
            .await?;
        Ok(Store { db: Rc::new(db) })
    }

    pub fn version(&self) -> u32 {
        self.db.version() as u32
    }

    pub fn has_index(&self, store: &str, index: &str) -> Result<bool> {
        let tx = self.db.transaction(store).build()?;
        let s = tx.object_store(store)?;
        let found = s.index_names().any(|n| n == index);
        Ok(found)
    }

    /// Every record of store `name` as raw JSON, for tests that look at what is really kept.
    pub async fn raw_records(&self, name: &str) -> Result<Vec<serde_json::Value>> {
        self.all(name).await
    }

    /// Writes one raw record into store `name` (tests that tamper with records).
    pub async fn put_raw(&self, name: &str, record: &serde_json::Value) -> Result<()> {
        self.write(name, |s| {
            s.put(record).serde()?;
            Ok(())
        })
        .await
    }

    pub fn store_names(&self) -> Vec<String> {
        self.db.object_store_names().collect()
    }

    pub fn close(self) {
        if let Ok(db) = Rc::try_unwrap(self.db) {
            db.close();
        }
    }

    /// Every record of one store, in key order (the one read every module uses).
    pub(in crate::store) async fn all<T: for<'de> Deserialize<'de>>(
        &self,
        name: &str,
    ) -> Result<Vec<T>> {
        let tx = self.db.transaction(name).build()?;
        let store = tx.object_store(name)?;
        let mut out = Vec::new();
        for row in store.get_all::<T>().serde()?.await? {
            out.push(row?);
        }
        Ok(out)
    }

    /// One record of one store by its key.
    pub(in crate::store) async fn get<T: for<'de> Deserialize<'de>>(
        &self,
        name: &str,
        key: &str,
    ) -> Result<Option<T>> {
        let tx = self.db.transaction(name).build()?;
        let store = tx.object_store(name)?;
        Ok(store.get::<T, _, _>(key.to_owned()).serde()?.await?)
    }

    /// Every stored listing, in key order.
    pub async fn all_listings(&self) -> Result<Vec<StoredListing>> {
        self.all(LISTINGS).await
    }

    pub async fn listing(&self, id: &str) -> Result<Option<StoredListing>> {
        self.get(LISTINGS, id).await
    }

    pub async fn count(&self) -> Result<u32> {
        let tx = self.db.transaction(LISTINGS).build()?;
        let store = tx.object_store(LISTINGS)?;
        Ok(store.count().await?)
    }

    pub async fn cursor(&self) -> Result<Option<Cursor>> {
        self.meta(CURSOR_KEY).await
    }

    /// Unix seconds of the last sync that reached the end of the feed.
    pub async fn last_sync(&self) -> Result<Option<i64>> {
        self.meta(LAST_SYNC_KEY).await
    }

    /// The list's first screen as last shown (`first_screen::Snapshot`).
    pub async fn first_screen(&self) -> Result<Option<opendoor_core::first_screen::Snapshot>> {
        self.meta(FIRST_SCREEN_KEY).await
    }

    pub async fn set_first_screen(&self, s: &opendoor_core::first_screen::Snapshot) -> Result<()> {
        self.set_meta(FIRST_SCREEN_KEY, s).await
    }

    pub async fn set_last_sync(&self, unix_seconds: i64) -> Result<()> {
        self.write(META, |m| {
            m.put(unix_seconds)
                .with_key(LAST_SYNC_KEY.to_owned())
                .serde()?;
            Ok(())
        })
        .await
    }

    pub(in crate::store) async fn set_meta<T: Serialize>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<()> {
        self.write(META, |m| {
            m.put(value).with_key(key.to_owned()).serde()?;
            Ok(())
        })
        .await
    }

    /// One readwrite transaction on one store: `op` makes its requests, then we commit.
    pub(in crate::store) async fn write(
        &self,
        name: &str,
        op: impl FnOnce(
            &indexed_db_futures::object_store::ObjectStore<'_>,
        ) -> indexed_db_futures::Result<()>,
    ) -> Result<()> {
        let tx = self
            .db
            .transaction(name)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        op(&tx.object_store(name)?)?;
        tx.commit().await?;
        Ok(())
    }

    /// Deletes one record by its key.
    pub(in crate::store) async fn delete_one(&self, name: &str, key: &str) -> Result<()> {
        self.write(name, |s| {
            s.delete(key.to_owned()).primitive()?;
            Ok(())
        })
        .await
    }

    pub(in crate::store) async fn meta<T: for<'de> Deserialize<'de>>(
        &self,
        key: &str,
    ) -> Result<Option<T>> {
        self.get(META, key).await
    }

    /// Applies one page's items and saves `cursor`, all or nothing.
    pub async fn apply_page(&self, items: &[Item], cursor: &Cursor) -> Result<Tally> {
        let pending = self.stage_page(items, cursor).await?;
        pending.commit().await
    }

    /// Writes a page's changes and cursor into an open transaction without committing it.
    /// Dropping the result instead of committing rolls everything back, as a crash would.
    pub async fn stage_page(&self, items: &[Item], cursor: &Cursor) -> Result<PendingPage<'_>> {
        let tx = self
            .db
            .transaction([LISTINGS, META])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let mut tally = Tally {
            pages: 1,
            ..Tally::default()
        };
        {
            let listings = tx.object_store(LISTINGS)?;
            let meta = tx.object_store(META)?;
            for item in items {
                // Only IndexedDB requests are awaited here: anything else would end the transaction.
                let stored = listings
                    .get::<ModifiedOnly, _, _>(item.id().to_owned())
                    .serde()?
                    .await?
                    .map(|m| m.modified);
                match (decide(item, stored), item) {
                    (Action::Put, Item::Updated { modified, listing }) => {
                        listings
                            .put(StoredListing::new(*modified, (**listing).clone()))
                            .serde()?;
                        tally.put += 1;
                    }
                    (Action::Delete, _) => {
                        listings.delete(item.id().to_owned()).primitive()?;
                        tally.deleted += 1;
                    }
                    _ => {}
                }
            }
            meta.put(cursor).with_key(CURSOR_KEY.to_owned()).serde()?;
        }
        Ok(PendingPage { tx, tally })
    }

    /// Writes listings straight in, for tests and benchmarks.
    pub async fn put_listings(&self, rows: &[StoredListing]) -> Result<()> {
        self.write(LISTINGS, |l| {
            for row in rows {
                l.put(row).serde()?;
            }
            Ok(())
        })
        .await
    }
}

/// A page written but not yet committed: `commit` it, or drop it to roll back.
pub struct PendingPage<'a> {
    tx: indexed_db_futures::transaction::Transaction<'a>,
    tally: Tally,
}

impl PendingPage<'_> {
    pub async fn commit(self) -> Result<Tally> {
        self.tx.commit().await?;
        Ok(self.tally)
    }
}

/// Each step runs once, in order, so any older database reaches `target`.
fn upgrade(old: u32, target: u32, db: &Database) -> indexed_db_futures::Result<()> {
    if old < 1 && target >= 1 {
        let listings = db
            .create_object_store(LISTINGS)
            .with_key_path(KeyPath::One("id"))
            .build()?;
        listings
            .create_index("by_closing", KeyPath::One("closingDate"))
            .build()?;
        db.create_object_store(META).build()?;
    }
    if old < 2 && target >= 2 {
        // The crate reaches the versionchange transaction through a store made in it; v2 both
        // adds `saved` and indexes existing listings by `modified` through that transaction.
        let saved = db
            .create_object_store(SAVED)
            .with_key_path(KeyPath::One("id"))
            .build()?;
        let listings = saved.transaction().object_store(LISTINGS)?;
        listings
            .create_index("by_modified", KeyPath::One("modified"))
            .build()?;
    }
    if old < 3 && target >= 3 {
        db.create_object_store(APPLICATIONS)
            .with_key_path(KeyPath::One("id"))
            .build()?;
        db.create_object_store(PROFILE).build()?;
        db.create_object_store(SAVED_SEARCHES)
            .with_key_path(KeyPath::One("id"))
            .build()?;
    }
    if old < 4 && target >= 4 {
        db.create_object_store(VAULTS)
            .with_key_path(KeyPath::One("id"))
            .build()?;
        let records = db
            .create_object_store(VAULT_RECORDS)
            .with_key_path(KeyPath::One("id"))
            .build()?;
        records
            .create_index("by_vault", KeyPath::One("vault"))
            .build()?;
        db.create_object_store(SEALED_OUTBOX)
            .with_key_path(KeyPath::One("key"))
            .build()?;
    }
    Ok(())
}
