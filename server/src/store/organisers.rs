//! Organisations, told apart by a stable id (never by their display name), and their
//! organisers' credentials: tokens stored as hashes, compared in constant time, listed by id and
//! label, revoked by id, optionally expiring.

use super::sql::args;
use opendoor_core::validate::is_org_id;
use opendoor_core::Listing;
use serde::Serialize;
use subtle::ConstantTimeEq;

use super::{Result, Store, StoreError};
use crate::secrets::{hex, random_bytes, random_token, sha256};

/// Someone signed in for an organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organiser {
    pub organisation_id: i64,
    /// The organisation's stable id: what listings and applications are tied to.
    pub org_key: String,
    /// Its display name (a label only).
    pub name: String,
}

/// One organiser credential as the operator sees it: never the secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Credential {
    pub id: String,
    pub org_id: String,
    pub organisation: String,
    pub label: String,
    pub created: String,
    /// Unix seconds; None: never.
    pub expires: Option<i64>,
}

/// The organisation a listing belongs to: the operator's `--org` if given, else the
/// publisher's own id for it, else its website. None: nothing stable to tie it to.
pub fn org_id_of(listing: &Listing, operator: Option<&str>) -> Option<String> {
    let from_data = || {
        let o = &listing.organisation;
        o.id.as_deref()
            .map(str::trim)
            .filter(|i| is_org_id(i))
            .map(str::to_owned)
            .or_else(|| {
                o.url
                    .as_deref()
                    .map(|u| u.trim().trim_end_matches('/').to_ascii_lowercase())
                    .filter(|u| is_org_id(u))
            })
    };
    match operator {
        Some(id) => Some(id.trim().to_owned()).filter(|i| is_org_id(i)),
        None => from_data(),
    }
}

/// The legacy id of data stored before organisations had ids: the normalised name.
pub fn legacy_id(name: &str) -> String {
    format!(
        "name:{}",
        name.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    )
}

/// (token hash, organisation row id, organisation id, name, expires).
type TokenRow = (Vec<u8>, i64, String, String, Option<i64>);

impl Store {
    /// A new credential for the organisation `org_id` (created, with `name` as its label, if
    /// new). Returns the token: it is not stored, only its hash is.
    pub fn add_organiser(
        &self,
        org_id: &str,
        name: Option<&str>,
        label: &str,
        expires: Option<i64>,
    ) -> Result<(Organiser, Credential, String)> {
        let org_id = org_id.trim();
        if !is_org_id(org_id) {
            return Err(StoreError::Invalid(
                "the organisation id must be printable characters with no spaces (a slug, a URL or the publisher's id)".into(),
            ));
        }
        let token = random_token("od_org_").map_err(StoreError::Random)?;
        let cred_id = hex(&random_bytes::<6>().map_err(StoreError::Random)?);
        let now = self.clock.rfc3339();
        let label = label.trim().chars().take(200).collect::<String>();
        self.write(|tx| {
                        tx.execute(
                "INSERT INTO organisations (org_key, name, created) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (org_key) DO UPDATE SET name = COALESCE(CAST(?4 AS TEXT), organisations.name)",
                args![org_id, name.unwrap_or(org_id).trim(), now, name.map(str::trim)],
            )?;
            let (id, stored_name): (i64, String) = tx.query_row(
                "SELECT id, name FROM organisations WHERE org_key = ?1",
                args![org_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            tx.execute(
                "INSERT INTO organiser_tokens (token_hash, organisation_id, created, id, label, expires) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                args![sha256(token.as_bytes()).to_vec(), id, now, cred_id, label, expires],
            )?;
            let org = Organiser {
                organisation_id: id,
                org_key: org_id.to_owned(),
                name: stored_name.clone(),
            };
            let cred = Credential {
                id: cred_id.clone(),
                org_id: org_id.to_owned(),
                organisation: stored_name,
                label: label.clone(),
                created: now.clone(),
                expires,
            };
            Ok((org, cred, token.clone()))
        })
    }

    /// Revokes one credential by its id (no secret needed). False if there is no such id.
    pub fn revoke_credential(&self, id: &str) -> Result<bool> {
        self.write(|c| {
            Ok(c.execute(
                "DELETE FROM organiser_tokens WHERE id = ?1",
                args![id.trim()],
            )? > 0)
        })
    }

    /// Every credential, by organisation and then creation: never the secrets.
    pub fn credentials(&self) -> Result<Vec<Credential>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT t.id, o.org_key, o.name, t.label, t.created, t.expires FROM organiser_tokens t \
                 JOIN organisations o ON o.id = t.organisation_id ORDER BY o.org_key, t.created, t.id",
            )?;
            let rows = st
                .query_map(args![], |r| {
                    Ok(Credential {
                        id: r.get(0)?,
                        org_id: r.get(1)?,
                        organisation: r.get(2)?,
                        label: r.get(3)?,
                        created: r.get(4)?,
                        expires: r.get(5)?,
                    })
                })?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// The organiser a token belongs to, if it is known and has not expired.
    pub fn organiser_by_token(&self, token: &str) -> Result<Option<Organiser>> {
        let hash = sha256(token.as_bytes());
        let now = self.clock.unix();
        self.read(|c| {
            let row: Option<TokenRow> = c.query_opt(
                "SELECT t.token_hash, o.id, o.org_key, o.name, t.expires FROM organiser_tokens t \
                     JOIN organisations o ON o.id = t.organisation_id WHERE t.token_hash = ?1",
                args![hash.to_vec()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )?;
            Ok(row.and_then(|(stored, id, key, name, expires)| {
                let live = expires.is_none_or(|e| now < e);
                (bool::from(stored.ct_eq(&hash)) && live).then_some(Organiser {
                    organisation_id: id,
                    org_key: key,
                    name,
                })
            }))
        })
    }
}
