//! Idempotency keys: the first answer to a key is kept for a day and replayed to every retry.

use super::sql::{args, Db};

use super::{Result, Store};

/// How long a stored Idempotency-Key response is replayed.
pub const IDEMPOTENCY_SECONDS: i64 = 24 * 60 * 60;

pub enum IdempotentOutcome {
    /// Stored now; the response body to send (201).
    Created(String),
    /// The same key and body was seen before; the same response again.
    Replayed(String),
    /// The same key came with a different body.
    KeyReused,
}

impl Store {
    /// A response stored earlier for this Idempotency-Key, if it is still kept.
    pub fn idempotent_replay(
        &self,
        key: &str,
        request_hash: &[u8; 32],
    ) -> Result<Option<IdempotentOutcome>> {
        let now = self.clock.unix();
        self.read(|c| idempotent_lookup(c, key, request_hash, now))
    }
}

pub(super) fn idempotent_lookup(
    c: &Db,
    key: &str,
    request_hash: &[u8; 32],
    now: i64,
) -> Result<Option<IdempotentOutcome>> {
    let row: Option<(Vec<u8>, String, i64)> = c.query_opt(
        "SELECT request_hash, response, created_at FROM idempotency_keys WHERE key = ?1",
        args![key],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok(match row {
        Some((_, _, at)) if at < now - IDEMPOTENCY_SECONDS => None,
        Some((h, response, _)) if h.as_slice() == request_hash => {
            Some(IdempotentOutcome::Replayed(response))
        }
        Some(_) => Some(IdempotentOutcome::KeyReused),
        None => None,
    })
}
