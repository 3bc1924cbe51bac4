//! Organisations and their organisers' tokens (stored as hashes, compared in constant time).

use rusqlite::{params, OptionalExtension, TransactionBehavior};
use subtle::ConstantTimeEq;

use super::{Result, Store, StoreError};
use crate::secrets::{random_token, sha256};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organiser {
    pub organisation_id: i64,
    pub org_key: String,
    pub name: String,
}

pub fn org_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Store {
    /// Adds an organiser token for the organisation (created if new). Returns the token, which is
    /// not stored: only its hash is.
    pub fn add_organiser(&self, name: &str) -> Result<(Organiser, String)> {
        let key = org_key(name);
        if key.is_empty() {
            return Err(StoreError::Invalid(
                "the organisation's name is empty".into(),
            ));
        }
        let token = random_token("od_org_").map_err(StoreError::Random)?;
        let now = self.clock.rfc3339();
        let org = self.write(|conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute(
                "INSERT INTO organisations (org_key, name, created) VALUES (?1, ?2, ?3) ON CONFLICT (org_key) DO NOTHING",
                params![key, name.trim(), now],
            )?;
            let (id, stored_name): (i64, String) =
                tx.query_row("SELECT id, name FROM organisations WHERE org_key = ?1", [&key], |r| Ok((r.get(0)?, r.get(1)?)))?;
            tx.execute(
                "INSERT INTO organiser_tokens (token_hash, organisation_id, created) VALUES (?1, ?2, ?3)",
                params![sha256(token.as_bytes()).to_vec(), id, now],
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
}
