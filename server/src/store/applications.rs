//! Applications: storing one exactly once, the applicant's view and withdrawal (erasure), and
//! the organisation's view and updates.

use super::sql::{args, Db, Row};
use opendoor_core::application::{ApplicationRequest, ApplicationStatus, ApplicationView};
use serde::Serialize;
use subtle::ConstantTimeEq;

use super::idempotency::{idempotent_lookup, IdempotentOutcome};
use super::organisers::Organiser;
use super::{Result, Store, StoreError};
use crate::secrets::{random_id, random_token, sha256};

/// Builds a receipt body from (application id, status, created, status token).
pub type Respond<'a> = dyn Fn(&str, ApplicationStatus, &str, Option<&str>) -> String + 'a;

/// A new application, already validated.
pub struct NewApplication<'a> {
    pub idempotency_key: &'a str,
    pub request_hash: [u8; 32],
    pub listing_id: &'a str,
    pub request: &'a ApplicationRequest,
    /// A sealed application's envelope fingerprint: SHA-256 of its one-time key, and the seal
    /// key it was sealed to. The same envelope never stores a second application.
    pub envelope: Option<([u8; 32], String)>,
    /// Builds a receipt from (application id, status, created, status token). The token is
    /// only ever given for a request without its own status secret, and only in the first
    /// answer: what is stored for replays never holds it.
    pub respond: &'a Respond<'a>,
}

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateOutcome {
    Updated,
    NotFound,
    Withdrawn,
}

impl Store {
    /// Stores a new application and its Idempotency-Key in one transaction. Concurrent requests
    /// with the same key are serialised by the write lock (and, across processes, by SQLite's
    /// own), so only the first stores anything; the others get its response.
    pub fn create_application(&self, new: NewApplication<'_>) -> Result<IdempotentOutcome> {
        self.write(|tx| {
                        if let Some(outcome) = idempotent_lookup(tx, new.idempotency_key, &new.request_hash, self.clock.unix())? {
                return Ok(outcome);
            }
            // The same envelope under another Idempotency-Key: the application it already
            // became, by id and status only.
            if let Some((epk_hash, _)) = &new.envelope {
                let seen: Option<(String, String, String)> = tx
                    .query_opt(
                        "SELECT a.id, a.status, a.created FROM sealed_envelopes e \
                         JOIN applications a ON a.id = e.application_id WHERE e.epk_hash = ?1",
                        args![epk_hash.to_vec()],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )?;
                if let Some((id, status, created)) = seen {
                    let status = ApplicationStatus::parse(&status).unwrap_or(ApplicationStatus::Received);
                    return Ok(IdempotentOutcome::Replayed((new.respond)(&id, status, &created, None)));
                }
            }
            // The application belongs to the listing's organisation, by its stable id.
            let org: String = tx
                .query_opt(
                    "SELECT org_key FROM listings WHERE id = ?1",
                    args![new.listing_id],
                    |r| r.get(0),
                )?
                .ok_or_else(|| StoreError::Invalid(format!("no listing {}", new.listing_id)))?;
            let id = random_id().map_err(StoreError::Random)?;
            let created = self.clock.rfc3339();
            // The device's own secret (only its hash is kept), or, for an older app, a token
            // made here and shown once.
            let (token_hash, shown_token) = match new.request.status_secret.as_deref() {
                Some(secret) => (sha256(secret.as_bytes()), None),
                None => {
                    let token = random_token("od_app_").map_err(StoreError::Random)?;
                    (sha256(token.as_bytes()), Some(token))
                }
            };
            let body = (new.respond)(&id, ApplicationStatus::Received, &created, shown_token.as_deref());
            let replay = (new.respond)(&id, ApplicationStatus::Received, &created, None);
            // The secret is not personal data the organisers need, and must not sit in the clear.
            let mut payload = new.request.clone();
            payload.status_secret = None;
            tx.execute(
                "INSERT INTO applications (id, listing_id, org_key, status, feedback, payload, token_hash, created, updated) \
                 VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?7)",
                args![
                    id,
                    new.listing_id,
                    org,
                    ApplicationStatus::Received.as_str(),
                    serde_json::to_string(&payload)?,
                    token_hash.to_vec(),
                    created
                ],
            )?;
            tx.execute(
                "INSERT INTO idempotency_keys (key, request_hash, application_id, status_code, response, created_at) \
                 VALUES (?1, ?2, ?3, 201, ?4, ?5)",
                args![new.idempotency_key, new.request_hash.to_vec(), id, replay, self.clock.unix()],
            )?;
            if let Some((epk_hash, kid)) = &new.envelope {
                tx.execute(
                    "INSERT INTO sealed_envelopes (epk_hash, kid, application_id) VALUES (?1, ?2, ?3)",
                    args![epk_hash.to_vec(), kid, id],
                )?;
            }
            Ok(IdempotentOutcome::Created(body))
        })
    }

    fn applicant_check(c: &Db, id: &str, token: &str) -> Result<bool> {
        let stored: Option<Vec<u8>> = c.query_opt(
            "SELECT token_hash FROM applications WHERE id = ?1",
            args![id],
            |r| r.get(0),
        )?;
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
                args![id],
                |r| {
                    Ok((
                        r.get::<String>(0)?,
                        r.get::<String>(1)?,
                        r.get::<String>(2)?,
                        r.get::<Option<String>>(3)?,
                        r.get::<String>(4)?,
                        r.get::<String>(5)?,
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
        let withdrawn = self.write(|tx| {
            if !Self::applicant_check(tx, id, token)? {
                return Ok(false);
            }
            tx.execute(
                "UPDATE applications SET status = 'withdrawn', payload = NULL, feedback = NULL, note = NULL, updated = ?2 WHERE id = ?1",
                args![id, self.clock.rfc3339()],
            )?;
            tx.execute("DELETE FROM idempotency_keys WHERE application_id = ?1", args![id])?;
            // Withdrawing stops the emails, including any not sent yet.
            tx.execute("DELETE FROM mail_queue WHERE application_id = ?1", args![id])?;
            Ok(true)
        })?;
        if withdrawn {
            // Old copies of the pages live on in the write-ahead log until a checkpoint.
            self.checkpoint()?;
        }
        Ok(withdrawn)
    }

    /// Applications to this organisation's listings, newest first; optionally for one listing.
    pub fn organiser_applications(
        &self,
        org: &Organiser,
        listing: Option<&str>,
    ) -> Result<Vec<OrganiserApplication>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT id, listing_id, status, feedback, created, updated, payload FROM applications \
                 WHERE org_key = ?1 AND (CAST(?2 AS TEXT) IS NULL OR listing_id = ?2) ORDER BY created DESC, {} DESC",
                c.insertion_order()
            ))?;
            let rows = st
                .query_map(args![org.org_key, listing], row_to_organiser_application)?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    pub fn organiser_application(
        &self,
        org: &Organiser,
        id: &str,
    ) -> Result<Option<OrganiserApplication>> {
        self.read(|c| {
            c.query_opt(
                "SELECT id, listing_id, status, feedback, created, updated, payload FROM applications \
                 WHERE org_key = ?1 AND id = ?2",
            args![org.org_key, id], row_to_organiser_application)
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
        self.write(|tx| {
            let current: Option<String> = tx.query_opt(
                "SELECT status FROM applications WHERE id = ?1 AND org_key = ?2",
                args![id, org.org_key],
                |r| r.get(0),
            )?;
            match current.as_deref() {
                None => return Ok(UpdateOutcome::NotFound),
                Some(s) if s == ApplicationStatus::Withdrawn.as_str() => {
                    return Ok(UpdateOutcome::Withdrawn)
                }
                Some(_) => {}
            }
            let now = self.clock.rfc3339();
            if let Some(s) = status {
                tx.execute(
                    "UPDATE applications SET status = ?2, updated = ?3 WHERE id = ?1",
                    args![id, s.as_str(), now],
                )?;
            }
            if let Some(f) = feedback {
                tx.execute(
                    "UPDATE applications SET feedback = ?2, updated = ?3 WHERE id = ?1",
                    args![id, f, now],
                )?;
            }
            Ok(UpdateOutcome::Updated)
        })
    }
}

fn row_to_organiser_application(r: &Row) -> Result<OrganiserApplication> {
    let payload: Option<String> = r.get(6)?;
    Ok(OrganiserApplication {
        id: r.get(0)?,
        listing_id: r.get(1)?,
        status: ApplicationStatus::parse(&r.get::<String>(2)?)
            .unwrap_or(ApplicationStatus::Received),
        feedback: r.get(3)?,
        created: r.get(4)?,
        updated: r.get(5)?,
        application: payload.and_then(|p| serde_json::from_str(&p).ok()),
    })
}
