//! What organisers do with applications beyond the API's status and feedback: counts per
//! status, a private note, erasing one on request, and whom to email about news.

use std::collections::BTreeMap;

use super::sql::args;
use opendoor_core::application::{ApplicationRequest, ApplicationStatus};

use super::organisers::Organiser;
use super::{Result, Store};

/// The longest private note.
pub const MAX_NOTE: usize = 5_000;

impl Store {
    /// Applications per status for one of the organisation's listings (or all of them).
    pub fn application_counts(
        &self,
        org: &Organiser,
        listing: Option<&str>,
    ) -> Result<BTreeMap<String, i64>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT status, COUNT(*) FROM applications WHERE org_key = ?1 \
                 AND (CAST(?2 AS TEXT) IS NULL OR listing_id = ?2) GROUP BY status",
            )?;
            let rows = st
                .query_map(args![org.org_key, listing], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<BTreeMap<String, i64>>>()?;
            Ok(rows)
        })
    }

    /// Applications per listing id, for the organisation's overview.
    pub fn applications_per_listing(&self, org: &Organiser) -> Result<BTreeMap<String, i64>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT listing_id, COUNT(*) FROM applications WHERE org_key = ?1 GROUP BY listing_id",
            )?;
            let rows = st
                .query_map(args![&org.org_key], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<BTreeMap<String, i64>>>()?;
            Ok(rows)
        })
    }

    /// The organisers' private note on an application (never shown to the applicant).
    pub fn note(&self, org: &Organiser, id: &str) -> Result<Option<String>> {
        self.read(|c| {
            Ok(c.query_opt(
                "SELECT note FROM applications WHERE id = ?1 AND org_key = ?2",
                args![id, org.org_key],
                |r| r.get(0),
            )?
            .flatten())
        })
    }

    /// Sets (or, blank, clears) the private note. False: no such application here.
    pub fn set_note(&self, org: &Organiser, id: &str, note: &str) -> Result<bool> {
        let note = note.trim();
        let note = (!note.is_empty()).then(|| note.chars().take(MAX_NOTE).collect::<String>());
        self.write(|c| {
            Ok(c.execute(
                "UPDATE applications SET note = ?3 WHERE id = ?1 AND org_key = ?2 AND payload IS NOT NULL",
                args![id, org.org_key, note],
            )? > 0)
        })
    }

    /// Erases one application's personal data on the person's request (as withdrawing does):
    /// its answers, messages, note, stored response and queued emails. The row stays, marked
    /// withdrawn, so the applicant's app learns it is gone. False: no such application here.
    pub fn erase_application(&self, org: &Organiser, id: &str) -> Result<bool> {
        let now = self.clock.rfc3339();
        let erased = self.write(|tx| {
            let n = tx.execute(
                "UPDATE applications SET status = 'withdrawn', payload = NULL, feedback = NULL, \
                 note = NULL, updated = ?3 WHERE id = ?1 AND org_key = ?2",
                args![id, org.org_key, now],
            )?;
            tx.execute(
                "DELETE FROM idempotency_keys WHERE application_id = ?1",
                args![id],
            )?;
            tx.execute(
                "DELETE FROM mail_queue WHERE application_id = ?1",
                args![id],
            )?;
            Ok(n > 0)
        })?;
        if erased {
            self.checkpoint()?;
        }
        Ok(erased)
    }

    /// The address to tell of news, if the applicant asked to be told by email (and has not
    /// withdrawn).
    pub fn email_for_updates(&self, id: &str) -> Result<Option<String>> {
        let payload: Option<String> = self.read(|c| {
            Ok(c.query_opt(
                "SELECT payload FROM applications WHERE id = ?1 AND status != ?2",
                args![id, ApplicationStatus::Withdrawn.as_str()],
                |r| r.get(0),
            )?
            .flatten())
        })?;
        Ok(payload
            .and_then(|p| serde_json::from_str::<ApplicationRequest>(&p).ok())
            .filter(|r| r.applicant.email_updates)
            .and_then(|r| r.applicant.email))
    }
}
