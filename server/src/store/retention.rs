//! What the server forgets, and when: idempotency records after a day, envelope fingerprints
//! with their seal key, and applicants' personal data a set number of days after the listing
//! closed. Erasure is only reported once the write-ahead log is checkpointed, so the erased
//! values are gone from the files on disk, not just unlinked.

use super::sql::args;
use serde::Serialize;

use super::idempotency::IDEMPOTENCY_SECONDS;
use super::{Result, Store, StoreError};

/// Applicants' details are kept for a year after the listing closed, unless the operator says
/// otherwise (`--retain-days`): long enough to pay people and answer questions, no longer.
pub const DEFAULT_RETAIN_DAYS: u32 = 365;

/// What one purge removed.
#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct PurgeReport {
    pub idempotency_records: usize,
    pub envelope_records: usize,
    /// Applications whose personal data was erased by the retention rule.
    pub applications_erased: usize,
}

impl Store {
    /// Removes everything past its lifetime (see the module). `retain_days`: erase applicants'
    /// details this many days after the listing closed (or, for a listing with no closing date
    /// or one that is gone, after the application last changed).
    pub fn purge(&self, retain_days: u32) -> Result<PurgeReport> {
        let now = self.clock.unix();
        let cutoff =
            (self.clock.today() - time::Duration::days(i64::from(retain_days))).to_string();
        let report = self.write(|tx| {
            let mut report = PurgeReport {
                idempotency_records: tx.execute(
                    "DELETE FROM idempotency_keys WHERE created_at < ?1",
                    args![now - IDEMPOTENCY_SECONDS],
                )?,
                envelope_records: tx.execute(
                    "DELETE FROM sealed_envelopes WHERE kid NOT IN (SELECT kid FROM seal_keys)",
                    args![],
                )?,
                applications_erased: 0,
            };
            let expired: Vec<String> = {
                let mut st = tx.prepare_cached(&format!(
                    "SELECT a.id FROM applications a LEFT JOIN listings l ON l.id = a.listing_id \
                     WHERE a.payload IS NOT NULL AND COALESCE({}, \
                     substr(a.updated, 1, 10)) < ?1", tx.json_text("l.data", "closingDate")
                ))?;
                let rows = st
                    .query_map(args![&cutoff], |r| r.get(0))?
                    .collect::<Result<Vec<_>>>()?;
                rows
            };
            for id in &expired {
                tx.execute(
                    "UPDATE applications SET payload = NULL, feedback = NULL, note = NULL WHERE id = ?1",
                    args![id],
                )?;
                tx.execute("DELETE FROM mail_queue WHERE application_id = ?1", args![id])?;
                tx.execute("DELETE FROM idempotency_keys WHERE application_id = ?1", args![id])?;
            }
            report.applications_erased = expired.len();
            Ok(report)
        })?;
        if report.applications_erased > 0 {
            self.checkpoint()?;
        }
        Ok(report)
    }

    /// After erasing: SQLite's write-ahead log is checkpointed (see [`checkpoint`]). PostgreSQL
    /// keeps dead row versions until VACUUM, which autovacuum runs (docs/deployment.md).
    pub(super) fn checkpoint(&self) -> Result<()> {
        self.sqlite_writer(|c| checkpoint(c)).unwrap_or(Ok(()))
    }
}

/// Copies the write-ahead log into the database and empties it, so old copies of erased rows
/// are overwritten (with `secure_delete`) rather than left in the log. Retries while readers
/// hold old snapshots; an error if it never completes.
fn checkpoint(conn: &rusqlite::Connection) -> Result<()> {
    for attempt in 0..50 {
        let (busy, _log, _done): (i64, i64, i64) =
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        if busy == 0 {
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(10 * (attempt + 1)));
    }
    Err(StoreError::Checkpoint)
}
