//! All storage, behind one type. Handlers, the importer and the exporter only call these methods,
//! so a PostgreSQL backend can be added here without touching them (docs/deployment.md).
//!
//! Two backends behind the same methods (issue 17), chosen by `--db`:
//! - SQLite through rusqlite: one writer connection (SQLite allows one writer at a time anyway)
//!   and a few reader connections, WAL mode so readers never wait for the writer;
//! - PostgreSQL through tokio-postgres and a deadpool pool (`pg`), for several servers on one
//!   database; writers take turns by an advisory lock, as SQLite's do by its write lock.
//!
//! Each statement is written once (`sql`). Every method is blocking; async callers go through
//! `tokio::task::spawn_blocking`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rusqlite::{Connection, TransactionBehavior};

use crate::clock::Clock;
pub use crate::db_target::DbTarget;
use sql::{args, Db};

mod applications;
mod audit;
pub mod backup;
mod drafts;
mod error;
mod idempotency;
mod inbox;
mod lease;
mod listings;
mod mail_queue;
mod organisers;
mod people;
mod pg;
pub mod pg_tls;
mod retention;
mod sources;
pub mod sql;

pub use applications::{NewApplication, OrganiserApplication, UpdateOutcome};
pub use audit::{AuditEntry, AUDIT_PAGE};
pub use drafts::{OwnListing, MAX_DRAFT_BYTES};
pub use error::{Result, StoreError};
pub use idempotency::{IdempotentOutcome, IDEMPOTENCY_SECONDS};
pub use inbox::MAX_NOTE;
pub use listings::{FeedRow, ImportBatch, ImportOp, ImportReport};
pub use mail_queue::{QueuedMail, MAX_ATTEMPTS};
pub use organisers::{legacy_id, org_id_of, Credential, Organiser};
pub use people::{
    normalise_email, Colleague, LinkState, NewSession, Person, Role, Session, LINK_SECONDS,
    SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS,
};
pub use retention::{PurgeReport, DEFAULT_RETAIN_DAYS};
pub use sources::{
    apply_key, match_key, origin_page, HarvestBatch, HarvestOp, HarvestReport, NewSource,
    RunRecord, SourceKind, SourceRow, SourceState,
};

/// Versioned migrations, applied in order; `PRAGMA user_version` records how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_idempotency_expiry_index.sql"),
    include_str!("../../migrations/0003_seal_keys.sql"),
    include_str!("../../migrations/0004_sealed_envelopes.sql"),
    include_str!("../../migrations/0005_organisation_ids.sql"),
    include_str!("../../migrations/0006_organisers_side.sql"),
    include_str!("../../migrations/0007_sources.sql"),
    include_str!("../../migrations/0008_leases.sql"),
];
const READERS: usize = 4;
pub struct Store {
    backend: Backend,
    /// Every "now" the store writes (tests set it).
    clock: Clock,
}

enum Backend {
    Sqlite {
        path: PathBuf,
        writer: Mutex<Connection>,
        readers: Vec<Mutex<Connection>>,
        next_reader: AtomicUsize,
    },
    Postgres(pg::Pg),
}
/// Creates the database's folder (and any missing parents) as 0700.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// Creates the database file as 0600 before SQLite does, or makes an existing one 0600.
fn make_private_file(path: &Path) -> std::io::Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    o.open(path)?;
    #[cfg(unix)]
    for suffix in ["", "-wal", "-shm"] {
        let p = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
        if p.exists() {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    Ok(())
}

fn open_conn(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path).map_err(|source| StoreError::Open {
        path: path.to_owned(),
        source,
    })?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Erased personal data is overwritten, not just unlinked.
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(conn)
}

impl Store {
    /// Opens and migrates the database: a SQLite file (creating it and its folder if needed)
    /// or a PostgreSQL database.
    pub fn open(target: impl Into<DbTarget>) -> Result<Store> {
        Store::open_with_clock(target, Clock::system())
    }

    /// As `open`, with every "now" the store writes taken from `clock`.
    pub fn open_with_clock(target: impl Into<DbTarget>, clock: Clock) -> Result<Store> {
        match target.into() {
            DbTarget::Sqlite(path) => Store::open_sqlite(&path, clock),
            DbTarget::Postgres(url) => Ok(Store {
                backend: Backend::Postgres(pg::Pg::open(&url)?),
                clock,
            }),
        }
    }

    fn open_sqlite(path: &Path, clock: Clock) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.exists() {
                create_private_dir(dir).map_err(|source| StoreError::Folder {
                    path: dir.to_owned(),
                    source,
                })?;
            }
        }
        // Personal data and the sealing keys: readable by the server's user only. SQLite gives
        // its -wal and -shm files the database file's permissions.
        make_private_file(path).map_err(|source| StoreError::Permissions {
            path: path.to_owned(),
            source,
        })?;
        let mut writer = open_conn(path)?;
        migrate(&mut writer)?;
        let readers = (0..READERS)
            .map(|_| open_conn(path).map(Mutex::new))
            .collect::<Result<Vec<_>>>()?;
        Ok(Store {
            backend: Backend::Sqlite {
                path: path.to_owned(),
                writer: Mutex::new(writer),
                readers,
                next_reader: AtomicUsize::new(0),
            },
            clock,
        })
    }

    /// The SQLite file, or None for PostgreSQL.
    pub fn path(&self) -> Option<&Path> {
        match &self.backend {
            Backend::Sqlite { path, .. } => Some(path),
            Backend::Postgres(_) => None,
        }
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// Reads outside a transaction: each statement sees what was committed when it ran.
    pub(crate) fn read<T>(&self, f: impl Fn(&Db) -> Result<T>) -> Result<T> {
        match &self.backend {
            Backend::Sqlite {
                readers,
                next_reader,
                ..
            } => {
                let start = next_reader.fetch_add(1, Ordering::Relaxed);
                for i in 0..readers.len() {
                    if let Ok(conn) = readers[(start + i) % readers.len()].try_lock() {
                        return f(&Db::Sqlite(&conn));
                    }
                }
                let conn = readers[start % readers.len()]
                    .lock()
                    .unwrap_or_else(|e| e.into_inner());
                let out = f(&Db::Sqlite(&conn));
                out
            }
            Backend::Postgres(pg) => pg.read(f),
        }
    }

    /// One write transaction, committed when `f` returns Ok and rolled back otherwise. Writers
    /// take turns: SQLite's one writer, or (PostgreSQL) a transaction-scoped advisory lock that
    /// every server takes, so read-then-write logic holds across servers just as it does in one.
    pub(crate) fn write<T>(&self, f: impl Fn(&Db) -> Result<T>) -> Result<T> {
        match &self.backend {
            Backend::Sqlite { writer, .. } => {
                let mut conn = writer.lock().unwrap_or_else(|e| e.into_inner());
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let out = f(&Db::Sqlite(&tx))?;
                tx.commit()?;
                Ok(out)
            }
            Backend::Postgres(pg) => pg.write(f),
        }
    }

    /// SQLite only: a direct use of the writer connection outside a transaction (checkpoints).
    pub(crate) fn sqlite_writer<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T>,
    ) -> Option<Result<T>> {
        match &self.backend {
            Backend::Sqlite { writer, .. } => {
                let mut conn = writer.lock().unwrap_or_else(|e| e.into_inner());
                Some(f(&mut conn))
            }
            Backend::Postgres(_) => None,
        }
    }

    /// Readiness: the database answers.
    pub fn ping(&self) -> Result<()> {
        self.read(|c| c.query_row("SELECT 1", args![], |_| Ok(())))
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
                out.insert(name, c.query_row(sql, args![], |r| r.get(0))?);
            }
            Ok(out)
        })
    }
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version as usize > MIGRATIONS.len() {
        return Err(StoreError::TooNew {
            found: version,
            known: MIGRATIONS.len(),
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated meanwhile.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now as usize > i {
            continue;
        }
        tx.execute_batch(sql)
            .map_err(|source| StoreError::Migration {
                number: i + 1,
                source,
            })?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
