//! All storage, behind one type. Handlers, the importer and the exporter only call these methods,
//! so a PostgreSQL backend can be added here without touching them (docs/deployment.md).
//!
//! SQLite through rusqlite: one writer connection (SQLite allows one writer at a time anyway) and a
//! few reader connections, WAL mode so readers never wait for the writer. Every method is
//! blocking; async callers go through `tokio::task::spawn_blocking`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::{Context, Result};
use opendoor_core::application::{ApplicationRequest, ApplicationStatus, ApplicationView};
use opendoor_core::Listing;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Versioned migrations, applied in order; `PRAGMA user_version` records how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_idempotency_expiry_index.sql"),
    include_str!("../migrations/0003_seal_keys.sql"),
];
const READERS: usize = 4;
/// How long a stored Idempotency-Key response is replayed.
pub const IDEMPOTENCY_SECONDS: i64 = 24 * 60 * 60;

pub struct Store {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
}

/// One row of the feed: a listing's current state or its tombstone.
#[derive(Clone, Debug)]
pub struct FeedRow {
    pub id: String,
    pub modified: i64,
    /// None for a tombstone.
    pub data: Option<String>,
}

/// What an import asks for, in file order. The last word on an id wins.
#[derive(Debug, Default)]
pub struct ImportBatch {
    pub ops: Vec<ImportOp>,
    /// Withdraw (tombstone) listings of these organisations (by key) that the batch does not mention.
    pub withdraw_missing_for: Option<HashSet<String>>,
}

#[derive(Debug)]
pub enum ImportOp {
    Upsert(Box<Listing>),
    Delete(String),
}

#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub deleted: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organiser {
    pub organisation_id: i64,
    pub org_key: String,
    pub name: String,
}

/// A new application, already validated.
pub struct NewApplication<'a> {
    pub idempotency_key: &'a str,
    pub request_hash: [u8; 32],
    pub listing_id: &'a str,
    pub org_key: &'a str,
    pub request: &'a ApplicationRequest,
    /// Builds the response body from (application id, status token, created).
    pub respond: &'a dyn Fn(&str, &str, &str) -> String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum IdempotentOutcome {
    /// Stored now; the response body to send (201).
    Created(String),
    /// The same key and body was seen before; the same response again.
    Replayed(String),
    /// The same key came with a different body.
    KeyReused,
}

/// An application as its organisation sees it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrganiserApplication {
    pub id: String,
    pub listing_id: String,
    pub status: ApplicationStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
    pub created: String,
    pub updated: String,
    /// None once the applicant has withdrawn (their data is erased).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application: Option<ApplicationRequest>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum UpdateOutcome {
    Updated,
    NotFound,
    Withdrawn,
}

/// How listings are tied to organiser tokens: the organisation's name, normalised.
pub fn org_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A fresh random secret: 32 bytes from the OS, hex.
pub fn random_token(prefix: &str) -> String {
    let mut buf = [0u8; 32];
    getrandom::getrandom(&mut buf).expect("the operating system's random source");
    format!("{prefix}{}", hex(&buf))
}

fn random_id() -> String {
    let mut buf = [0u8; 16];
    getrandom::getrandom(&mut buf).expect("the operating system's random source");
    opendoor_core::application::uuid_v4(buf)
}

pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn now_unix() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn now_millis() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// The listing as JSON, and the hash of what matters for change detection (all but lastUpdated).
fn listing_json_and_hash(l: &Listing) -> Result<(String, [u8; 32])> {
    let mut value = serde_json::to_value(l)?;
    let json = serde_json::to_string(&value)?;
    if let Some(obj) = value.as_object_mut() {
        obj.remove("lastUpdated");
    }
    Ok((json, sha256(serde_json::to_string(&value)?.as_bytes())))
}

fn open_conn(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)
        .with_context(|| format!("opening the database {}", path.display()))?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Erased personal data is overwritten, not just unlinked.
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(conn)
}

impl Store {
    /// Opens (creating the file and its folder if needed) and migrates the database.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("creating the folder {}", dir.display()))?;
        }
        let mut writer = open_conn(path)?;
        migrate(&mut writer)?;
        let readers = (0..READERS)
            .map(|_| open_conn(path).map(Mutex::new))
            .collect::<Result<Vec<_>>>()?;
        Ok(Store {
            path: path.to_owned(),
            writer: Mutex::new(writer),
            readers,
            next_reader: AtomicUsize::new(0),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let start = self.next_reader.fetch_add(1, Ordering::Relaxed);
        for i in 0..self.readers.len() {
            if let Ok(conn) = self.readers[(start + i) % self.readers.len()].try_lock() {
                return f(&conn);
            }
        }
        let conn = self.readers[start % self.readers.len()]
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        f(&conn)
    }

    pub(crate) fn write<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut conn)
    }

    /// Readiness: the database answers.
    pub fn ping(&self) -> Result<()> {
        self.read(|c| Ok(c.query_row("SELECT 1", [], |_| Ok(()))?))
    }

    // ---- the feed ----

    /// Changes whenever any listing changes (every change gets a larger `modified`).
    pub fn feed_version(&self) -> Result<i64> {
        self.read(|c| {
            Ok(
                c.query_row("SELECT COALESCE(MAX(modified), 0) FROM listings", [], |r| {
                    r.get(0)
                })?,
            )
        })
    }

    /// Items after the cursor, in (modified, id) order.
    pub fn feed_rows(&self, after: Option<(i64, &str)>, limit: usize) -> Result<Vec<FeedRow>> {
        self.read(|c| {
            let map = |r: &rusqlite::Row| -> rusqlite::Result<FeedRow> {
                Ok(FeedRow {
                    id: r.get(0)?,
                    modified: r.get(1)?,
                    data: r.get(2)?,
                })
            };
            let rows = match after {
                Some((m, id)) => {
                    let mut st = c.prepare_cached(
                        "SELECT id, modified, data FROM listings WHERE (modified, id) > (?1, ?2) \
                         ORDER BY modified, id LIMIT ?3",
                    )?;
                    let rows = st
                        .query_map(params![m, id, limit as i64], map)?
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    rows
                }
                None => {
                    let mut st = c.prepare_cached(
                        "SELECT id, modified, data FROM listings ORDER BY modified, id LIMIT ?1",
                    )?;
                    let rows = st
                        .query_map(params![limit as i64], map)?
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    rows
                }
            };
            Ok(rows)
        })
    }

    /// A live (not deleted) listing.
    pub fn listing(&self, id: &str) -> Result<Option<Listing>> {
        let data: Option<Option<String>> = self.read(|c| {
            Ok(
                c.prepare_cached("SELECT data FROM listings WHERE id = ?1 AND deleted = 0")?
                    .query_row([id], |r| r.get(0))
                    .optional()?,
            )
        })?;
        match data.flatten() {
            Some(json) => Ok(Some(
                serde_json::from_str(&json).context("a stored listing could not be read")?,
            )),
            None => Ok(None),
        }
    }

    // ---- importing ----

    /// Applies a whole import in one transaction: all of it, or (on error) none of it.
    pub fn import(&self, batch: ImportBatch) -> Result<ImportReport> {
        // The final wanted state of each id, in order of last mention.
        let mut order: Vec<String> = Vec::new();
        let mut wanted: HashMap<String, Option<Box<Listing>>> = HashMap::new();
        for op in batch.ops {
            let (id, state) = match op {
                ImportOp::Upsert(l) => (l.id.clone(), Some(l)),
                ImportOp::Delete(id) => (id, None),
            };
            if wanted.insert(id.clone(), state).is_some() {
                order.retain(|x| x != &id);
            }
            order.push(id);
        }
        self.write(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut report = ImportReport::default();
            let max: i64 = tx.query_row("SELECT COALESCE(MAX(modified), 0) FROM listings", [], |r| r.get(0))?;
            let mut next = max.saturating_add(1).max(now_millis());
            {
                let mut get = tx.prepare("SELECT deleted, content_hash FROM listings WHERE id = ?1")?;
                let mut put = tx.prepare(
                    "INSERT INTO listings (id, modified, deleted, org_key, data, content_hash) \
                     VALUES (?1, ?2, 0, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET modified = ?2, \
                     deleted = 0, org_key = ?3, data = ?4, content_hash = ?5",
                )?;
                let mut del =
                    tx.prepare("UPDATE listings SET modified = ?2, deleted = 1, data = NULL, content_hash = NULL WHERE id = ?1")?;
                for id in &order {
                    let existing: Option<(bool, Option<Vec<u8>>)> =
                        get.query_row([id], |r| Ok((r.get::<_, i64>(0)? != 0, r.get(1)?))).optional()?;
                    match &wanted[id] {
                        Some(listing) => {
                            let (json, hash) = listing_json_and_hash(listing)?;
                            match &existing {
                                Some((false, Some(h))) if h.as_slice() == hash => report.unchanged += 1,
                                _ => {
                                    put.execute(params![id, next, org_key(&listing.organisation.name), json, hash.to_vec()])?;
                                    next += 1;
                                    if matches!(existing, Some((false, _))) {
                                        report.updated += 1;
                                    } else {
                                        report.added += 1;
                                    }
                                }
                            }
                        }
                        None => {
                            if matches!(existing, Some((false, _))) {
                                del.execute(params![id, next])?;
                                next += 1;
                                report.deleted += 1;
                            }
                        }
                    }
                }
                if let Some(orgs) = &batch.withdraw_missing_for {
                    let mut live = tx.prepare("SELECT id FROM listings WHERE deleted = 0 AND org_key = ?1 ORDER BY id")?;
                    for org in orgs {
                        let ids = live.query_map([org], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
                        for id in ids.into_iter().filter(|id| !wanted.contains_key(id)) {
                            del.execute(params![id, next])?;
                            next += 1;
                            report.deleted += 1;
                        }
                    }
                }
            }
            tx.commit()?;
            Ok(report)
        })
    }

    // ---- organisers ----

    /// Adds an organiser token for the organisation (created if new). Returns the token, which is
    /// not stored: only its hash is.
    pub fn add_organiser(&self, name: &str) -> Result<(Organiser, String)> {
        let key = org_key(name);
        anyhow::ensure!(!key.is_empty(), "the organisation's name is empty");
        let token = random_token("od_org_");
        let org = self.write(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute(
                "INSERT INTO organisations (org_key, name, created) VALUES (?1, ?2, ?3) ON CONFLICT (org_key) DO NOTHING",
                params![key, name.trim(), now_rfc3339()],
            )?;
            let (id, stored_name): (i64, String) =
                tx.query_row("SELECT id, name FROM organisations WHERE org_key = ?1", [&key], |r| Ok((r.get(0)?, r.get(1)?)))?;
            tx.execute(
                "INSERT INTO organiser_tokens (token_hash, organisation_id, created) VALUES (?1, ?2, ?3)",
                params![sha256(token.as_bytes()).to_vec(), id, now_rfc3339()],
            )?;
            tx.commit()?;
            Ok(Organiser { organisation_id: id, org_key: key.clone(), name: stored_name })
        })?;
        Ok((org, token))
    }

    /// Revokes one organiser token. Returns false if no such token exists.
    pub fn revoke_organiser_token(&self, token: &str) -> Result<bool> {
        let hash = sha256(token.as_bytes());
        self.write(|c| {
            Ok(c.execute(
                "DELETE FROM organiser_tokens WHERE token_hash = ?1",
                [hash.to_vec()],
            )? > 0)
        })
    }

    /// Organisations with how many tokens each has.
    pub fn organisations(&self) -> Result<Vec<(String, i64)>> {
        self.read(|c| {
            let mut st = c.prepare(
                "SELECT o.name, COUNT(t.token_hash) FROM organisations o \
                 LEFT JOIN organiser_tokens t ON t.organisation_id = o.id GROUP BY o.id ORDER BY o.org_key",
            )?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// The organiser a token belongs to, if any.
    pub fn organiser_by_token(&self, token: &str) -> Result<Option<Organiser>> {
        let hash = sha256(token.as_bytes());
        self.read(|c| {
            let row: Option<(Vec<u8>, i64, String, String)> = c
                .prepare_cached(
                    "SELECT t.token_hash, o.id, o.org_key, o.name FROM organiser_tokens t \
                     JOIN organisations o ON o.id = t.organisation_id WHERE t.token_hash = ?1",
                )?
                .query_row([hash.to_vec()], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .optional()?;
            Ok(row.and_then(|(stored, id, key, name)| {
                bool::from(stored.ct_eq(&hash)).then_some(Organiser {
                    organisation_id: id,
                    org_key: key,
                    name,
                })
            }))
        })
    }

    // ---- applications ----

    /// A response stored earlier for this Idempotency-Key, if it is still kept.
    pub fn idempotent_replay(
        &self,
        key: &str,
        request_hash: &[u8; 32],
    ) -> Result<Option<IdempotentOutcome>> {
        self.read(|c| idempotent_lookup(c, key, request_hash))
    }

    /// Stores a new application and its Idempotency-Key in one transaction. Concurrent requests
    /// with the same key are serialised by the write lock (and, across processes, by SQLite's
    /// own), so only the first stores anything; the others get its response.
    pub fn create_application(&self, new: NewApplication<'_>) -> Result<IdempotentOutcome> {
        self.write(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if let Some(outcome) = idempotent_lookup(&tx, new.idempotency_key, &new.request_hash)? {
                return Ok(outcome);
            }
            let id = random_id();
            let token = random_token("od_app_");
            let created = now_rfc3339();
            let body = (new.respond)(&id, &token, &created);
            tx.execute(
                "INSERT INTO applications (id, listing_id, org_key, status, feedback, payload, token_hash, created, updated) \
                 VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?7)",
                params![
                    id,
                    new.listing_id,
                    new.org_key,
                    ApplicationStatus::Received.as_str(),
                    serde_json::to_string(new.request)?,
                    sha256(token.as_bytes()).to_vec(),
                    created
                ],
            )?;
            tx.execute(
                "DELETE FROM idempotency_keys WHERE created_at < ?1",
                [now_unix() - IDEMPOTENCY_SECONDS],
            )?;
            tx.execute(
                "INSERT INTO idempotency_keys (key, request_hash, application_id, status_code, response, created_at) \
                 VALUES (?1, ?2, ?3, 201, ?4, ?5)",
                params![new.idempotency_key, new.request_hash.to_vec(), id, body, now_unix()],
            )?;
            tx.commit()?;
            Ok(IdempotentOutcome::Created(body))
        })
    }

    fn applicant_check(c: &Connection, id: &str, token: &str) -> Result<bool> {
        let stored: Option<Vec<u8>> = c
            .prepare_cached("SELECT token_hash FROM applications WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let presented = sha256(token.as_bytes());
        // Compare even when there is no such application, so timing tells nothing.
        let stored = stored.unwrap_or_else(|| vec![0u8; 32]);
        Ok(bool::from(stored.ct_eq(&presented)) && stored != [0u8; 32])
    }

    /// The applicant's view, if the token is right.
    pub fn application_for_applicant(
        &self,
        id: &str,
        token: &str,
    ) -> Result<Option<ApplicationView>> {
        self.read(|c| {
            if !Self::applicant_check(c, id, token)? {
                return Ok(None);
            }
            let row = c.query_row(
                "SELECT id, listing_id, status, feedback, created, updated FROM applications WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                },
            )?;
            Ok(Some(ApplicationView {
                id: row.0,
                listing_id: row.1,
                status: ApplicationStatus::parse(&row.2).unwrap_or(ApplicationStatus::Received),
                feedback: row.3,
                created: row.4,
                updated: row.5,
            }))
        })
    }

    /// Withdraws the application and erases the personal data (answers, name, contact details,
    /// feedback and the stored idempotent response). Returns false if the token is wrong.
    pub fn withdraw_application(&self, id: &str, token: &str) -> Result<bool> {
        self.write(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if !Self::applicant_check(&tx, id, token)? {
                return Ok(false);
            }
            tx.execute(
                "UPDATE applications SET status = 'withdrawn', payload = NULL, feedback = NULL, updated = ?2 WHERE id = ?1",
                params![id, now_rfc3339()],
            )?;
            tx.execute("DELETE FROM idempotency_keys WHERE application_id = ?1", [id])?;
            tx.commit()?;
            // Old copies of the pages live on in the write-ahead log until a checkpoint.
            let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
            Ok(true)
        })
    }

    /// Applications to this organisation's listings, newest first; optionally for one listing.
    pub fn organiser_applications(
        &self,
        org: &Organiser,
        listing: Option<&str>,
    ) -> Result<Vec<OrganiserApplication>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT id, listing_id, status, feedback, created, updated, payload FROM applications \
                 WHERE org_key = ?1 AND (?2 IS NULL OR listing_id = ?2) ORDER BY created DESC, id",
            )?;
            let rows = st
                .query_map(params![org.org_key, listing], row_to_organiser_application)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    pub fn organiser_application(
        &self,
        org: &Organiser,
        id: &str,
    ) -> Result<Option<OrganiserApplication>> {
        self.read(|c| {
            Ok(c.prepare_cached(
                "SELECT id, listing_id, status, feedback, created, updated, payload FROM applications \
                 WHERE org_key = ?1 AND id = ?2",
            )?
            .query_row(params![org.org_key, id], row_to_organiser_application)
            .optional()?)
        })
    }

    /// Sets status and/or feedback on one of this organisation's applications.
    /// `feedback`: None leaves it; Some(None) clears it.
    pub fn update_application(
        &self,
        org: &Organiser,
        id: &str,
        status: Option<ApplicationStatus>,
        feedback: Option<Option<&str>>,
    ) -> Result<UpdateOutcome> {
        self.write(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let current: Option<String> = tx
                .query_row(
                    "SELECT status FROM applications WHERE id = ?1 AND org_key = ?2",
                    params![id, org.org_key],
                    |r| r.get(0),
                )
                .optional()?;
            match current.as_deref() {
                None => return Ok(UpdateOutcome::NotFound),
                Some("withdrawn") => return Ok(UpdateOutcome::Withdrawn),
                Some(_) => {}
            }
            let now = now_rfc3339();
            if let Some(s) = status {
                tx.execute(
                    "UPDATE applications SET status = ?2, updated = ?3 WHERE id = ?1",
                    params![id, s.as_str(), now],
                )?;
            }
            if let Some(f) = feedback {
                tx.execute(
                    "UPDATE applications SET feedback = ?2, updated = ?3 WHERE id = ?1",
                    params![id, f, now],
                )?;
            }
            tx.commit()?;
            Ok(UpdateOutcome::Updated)
        })
    }

    /// Counts, for tests and the operator.
    pub fn counts(&self) -> Result<BTreeMap<&'static str, i64>> {
        self.read(|c| {
            let mut out = BTreeMap::new();
            for (name, sql) in [
                (
                    "listings",
                    "SELECT COUNT(*) FROM listings WHERE deleted = 0",
                ),
                (
                    "tombstones",
                    "SELECT COUNT(*) FROM listings WHERE deleted = 1",
                ),
                ("applications", "SELECT COUNT(*) FROM applications"),
                ("idempotencyKeys", "SELECT COUNT(*) FROM idempotency_keys"),
                ("sealKeys", "SELECT COUNT(*) FROM seal_keys"),
            ] {
                out.insert(name, c.query_row(sql, [], |r| r.get(0))?);
            }
            Ok(out)
        })
    }
}

fn idempotent_lookup(
    c: &Connection,
    key: &str,
    request_hash: &[u8; 32],
) -> Result<Option<IdempotentOutcome>> {
    let row: Option<(Vec<u8>, String, i64)> = c
        .prepare_cached(
            "SELECT request_hash, response, created_at FROM idempotency_keys WHERE key = ?1",
        )?
        .query_row([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    Ok(match row {
        Some((_, _, at)) if at < now_unix() - IDEMPOTENCY_SECONDS => None,
        Some((h, response, _)) if h.as_slice() == request_hash => {
            Some(IdempotentOutcome::Replayed(response))
        }
        Some(_) => Some(IdempotentOutcome::KeyReused),
        None => None,
    })
}

fn row_to_organiser_application(r: &rusqlite::Row) -> rusqlite::Result<OrganiserApplication> {
    let payload: Option<String> = r.get(6)?;
    Ok(OrganiserApplication {
        id: r.get(0)?,
        listing_id: r.get(1)?,
        status: ApplicationStatus::parse(&r.get::<_, String>(2)?)
            .unwrap_or(ApplicationStatus::Received),
        feedback: r.get(3)?,
        created: r.get(4)?,
        updated: r.get(5)?,
        application: payload.and_then(|p| serde_json::from_str(&p).ok()),
    })
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    anyhow::ensure!(
        version as usize <= MIGRATIONS.len(),
        "the database is from a newer opendoor-server (schema {version}, this one knows {})",
        MIGRATIONS.len()
    );
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated meanwhile.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now as usize > i {
            continue;
        }
        tx.execute_batch(sql)
            .with_context(|| format!("applying migration {}", i + 1))?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
