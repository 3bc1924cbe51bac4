//! Backups and restores of the SQLite store (`opendoor-server backup` and `restore`;
//! docs/deployment.md, "Backups"). PostgreSQL's are made with its own tools (pg_dump).
//!
//! A backup is taken with SQLite's online backup API in one step, so it is one consistent
//! moment of the database while the server goes on writing (WAL mode: the copy's read does not
//! block writers). It is written to `OUT.partial` (0600) and renamed when complete and checked,
//! so an interrupted backup never looks like a good one. A restore copies a checked backup into
//! the database through the same API (which takes SQLite's locks, so a server still running on
//! it sees one whole database or the other), keeps what was there as a copy first, and refuses
//! to replace a database that holds anything unless told `--force`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::{create_private_dir, migrate, DbTarget, MIGRATIONS};

/// Why a backup or restore did not happen. Nothing is changed when one is returned.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "this is a PostgreSQL database: back it up with PostgreSQL's own tool, e.g. \
         pg_dump --format=custom --file {out} \"$OPENDOOR_DB\" (docs/deployment.md, \"Backups\")"
    )]
    PostgresBackup { out: String },
    #[error(
        "this is a PostgreSQL database: restore a pg_dump backup with PostgreSQL's own tool, e.g. \
         pg_restore --clean --if-exists --no-owner --dbname \"$OPENDOOR_DB\" {backup} \
         (docs/deployment.md, \"Backups\")"
    )]
    PostgresRestore { backup: String },
    #[error("there is no database at {0}: nothing to back up")]
    NoDatabase(PathBuf),
    #[error("{0} already exists: back up to a new file (with the date in its name, say)")]
    OutExists(PathBuf),
    #[error("could not write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the database could not be copied")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the database stayed busy; nothing was copied: try again")]
    Busy,
    #[error("{path} is not an Open Door backup: {why}")]
    NotABackup { path: PathBuf, why: String },
    #[error(
        "{path} already holds a database ({applications} applications, {listings} listings) and \
         restoring would replace it. Stop the servers that use it, then run again with --force \
         (what it holds now is kept beside it as a copy first)"
    )]
    WouldReplace {
        path: PathBuf,
        applications: i64,
        listings: i64,
    },
    #[error("the restored database could not be brought up to this version")]
    Migrate(#[from] super::StoreError),
}

/// What a backup or restore copied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copied {
    pub applications: i64,
    pub listings: i64,
    pub bytes: u64,
    /// A restore with `--force`: where what the database held before was kept.
    pub kept: Option<PathBuf>,
}

fn write_err(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Write {
        path: path.to_owned(),
        source,
    }
}

/// Copies all of `from` into `to` as one consistent moment, waiting while either is busy.
fn copy(from: &Connection, to: &mut Connection) -> Result<(), BackupError> {
    let backup = Backup::new(from, to)?;
    for _ in 0..200 {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            // Busy or locked: a writer holds the lock for a moment.
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    Err(BackupError::Busy)
}

fn counts(c: &Connection) -> Result<(i64, i64), rusqlite::Error> {
    Ok((
        c.query_row("SELECT COUNT(*) FROM applications", [], |r| r.get(0))?,
        c.query_row("SELECT COUNT(*) FROM listings", [], |r| r.get(0))?,
    ))
}

/// A new, empty file readable by this user only; refuses to open one that exists.
fn create_private(path: &Path) -> Result<(), BackupError> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    o.open(path).map(drop).map_err(write_err(path))
}

fn sync(path: &Path) -> Result<(), BackupError> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(write_err(path))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // The rename is durable once the folder is.
        let _ = std::fs::File::open(dir).and_then(|f| f.sync_all());
    }
    Ok(())
}

/// `opendoor-server backup`: the database at `db` into the new file `out` (0600).
pub fn backup(db: &DbTarget, out: &Path) -> Result<Copied, BackupError> {
    let src_path = db.sqlite().ok_or_else(|| BackupError::PostgresBackup {
        out: out.display().to_string(),
    })?;
    if !src_path.is_file() {
        return Err(BackupError::NoDatabase(src_path.to_owned()));
    }
    if out.exists() {
        return Err(BackupError::OutExists(out.to_owned()));
    }
    if let Some(dir) = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        create_private_dir(dir).map_err(write_err(dir))?;
    }
    let partial = PathBuf::from(format!("{}.partial", out.display()));
    // Left by a backup that was interrupted: never a good one.
    let _ = std::fs::remove_file(&partial);
    create_private(&partial)?;
    let result = (|| {
        let src = Connection::open_with_flags(src_path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        src.busy_timeout(Duration::from_secs(10))?;
        let mut dst = Connection::open(&partial)?;
        copy(&src, &mut dst)?;
        // One self-contained file, not one that needs a -wal beside it.
        dst.pragma_update(None, "journal_mode", "DELETE")?;
        let (applications, listings) = check(&dst, &partial)?;
        drop(dst);
        sync(&partial)?;
        std::fs::rename(&partial, out).map_err(write_err(out))?;
        sync(out)?;
        let bytes = std::fs::metadata(out).map_err(write_err(out))?.len();
        Ok(Copied {
            applications,
            listings,
            bytes,
            kept: None,
        })
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// An intact Open Door database of this version or older: its counts.
fn check(c: &Connection, path: &Path) -> Result<(i64, i64), BackupError> {
    let not = |why: String| BackupError::NotABackup {
        path: path.to_owned(),
        why,
    };
    let integrity: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| not(format!("SQLite cannot read it ({e})")))?;
    if integrity != "ok" {
        return Err(not(format!("it is damaged ({integrity})")));
    }
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version < 1 {
        return Err(not("it holds no Open Door tables".into()));
    }
    if version as usize > MIGRATIONS.len() {
        return Err(not(format!(
            "it was made by a newer Open Door (schema {version}; this one knows {})",
            MIGRATIONS.len()
        )));
    }
    counts(c).map_err(|e| not(format!("its tables cannot be read ({e})")))
}

/// `opendoor-server restore`: the backup at `from` becomes the database at `db`.
pub fn restore(from: &Path, db: &DbTarget, force: bool, now: i64) -> Result<Copied, BackupError> {
    let db_path = db.sqlite().ok_or_else(|| BackupError::PostgresRestore {
        backup: from.display().to_string(),
    })?;
    let not = |why: &str| BackupError::NotABackup {
        path: from.to_owned(),
        why: why.to_owned(),
    };
    if !from.is_file() {
        return Err(not("there is no such file"));
    }
    // Read-only: checking a backup never changes it.
    let src = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| not(&format!("SQLite cannot open it ({e})")))?;
    let (applications, listings) = check(&src, from)?;
    let mut kept = None;
    if db_path.is_file()
        && std::fs::metadata(db_path)
            .map_err(write_err(db_path))?
            .len()
            > 0
    {
        let (a, l) = {
            let c = Connection::open(db_path)?;
            c.busy_timeout(Duration::from_secs(10))?;
            counts(&c).unwrap_or((0, 0))
        };
        if !force {
            return Err(BackupError::WouldReplace {
                path: db_path.to_owned(),
                applications: a,
                listings: l,
            });
        }
        let copy_path = PathBuf::from(format!("{}.before-restore-{now}", db_path.display()));
        backup(db, &copy_path)?;
        kept = Some(copy_path);
    } else if let Some(dir) = db_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        create_private_dir(dir).map_err(write_err(dir))?;
    }
    super::make_private_file(db_path).map_err(write_err(db_path))?;
    let mut dst = Connection::open(db_path)?;
    dst.busy_timeout(Duration::from_secs(10))?;
    copy(&src, &mut dst)?;
    // As the server keeps it (it sets this again on start, should another hold the file now).
    let _ = dst.pragma_update(None, "journal_mode", "WAL");
    // A backup from an older version is brought up to this one.
    migrate(&mut dst)?;
    drop(dst);
    let bytes = std::fs::metadata(db_path)
        .map_err(write_err(db_path))?
        .len();
    Ok(Copied {
        applications,
        listings,
        bytes,
        kept,
    })
}
