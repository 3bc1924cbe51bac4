//! The server's keys for sealed applications (docs/encryption.md): one current P-256 key pair,
//! whose public half the app fetches (`GET /api/v1/seal-key`) and seals applications to; retired
//! keys that still open envelopes for [`RETIRED_KEY_SECONDS`]; and opening a sealed body.
//!
//! Every function takes the time (`now`, unix seconds) from its caller, so the 30-day window is
//! tested with a made-up clock; `serve` passes its `Clock`'s.

use crate::store::sql::{args, Row};
use crate::store::{Result, StoreError};
use opendoor_core::seal::{self, native, Envelope, SealError, ENVELOPE_ALG, PUBLIC_KEY_LEN};
use zeroize::Zeroizing;

use crate::clock::rfc3339;
use crate::secrets::{hex, random_bytes};
use crate::store::Store;

/// How long a retired key still opens envelopes: 30 days.
pub const RETIRED_KEY_SECONDS: i64 = 30 * 24 * 60 * 60;

/// A key as the operator sees it: never the secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealKeyInfo {
    pub kid: String,
    pub public: [u8; PUBLIC_KEY_LEN],
    pub created: i64,
    /// None for the current key.
    pub retired: Option<i64>,
}

impl SealKeyInfo {
    /// The last moment envelopes sealed to this key open; None while it is current.
    pub fn opens_until(&self) -> Option<i64> {
        self.retired.map(|r| r.saturating_add(RETIRED_KEY_SECONDS))
    }
}

impl SealKeyInfo {
    /// What `GET /api/v1/seal-key` answers (the wire contract's `SealKey`).
    pub fn public(&self) -> opendoor_core::api::SealKey {
        opendoor_core::api::SealKey {
            kid: self.kid.clone(),
            alg: ENVELOPE_ALG.into(),
            public_key: seal::b64(&self.public),
            created: rfc3339(self.created),
        }
    }
}

/// What happened at start or on rotation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyChange {
    /// A key made now (the new current one).
    pub made: Option<String>,
    /// The key retired now.
    pub retired: Option<String>,
    /// How many keys retired more than 30 days ago were erased.
    pub erased: usize,
}

/// A new key id: the date, then 6 random hex digits (`2026-11-26-3f9a1c`).
fn new_kid(now: i64) -> Result<String> {
    let date = time::OffsetDateTime::from_unix_timestamp(now)
        .map_err(|source| StoreError::ClockOutOfRange { now, source })?
        .date();
    let buf = random_bytes::<3>().map_err(StoreError::Random)?;
    Ok(format!("{date}-{}", hex(&buf)))
}

fn row_to_info(r: &Row) -> Result<(String, Vec<u8>, i64, Option<i64>)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn to_info(
    (kid, public, created, retired): (String, Vec<u8>, i64, Option<i64>),
) -> Result<SealKeyInfo> {
    let public = <[u8; PUBLIC_KEY_LEN]>::try_from(public).map_err(|_| StoreError::Damaged {
        what: format!("the stored public key of seal key {kid}"),
        source: None,
    })?;
    Ok(SealKeyInfo {
        kid,
        public,
        created,
        retired,
    })
}

impl Store {
    /// At start: makes a key if there is no current one, and erases keys retired more than 30
    /// days before `now`.
    pub fn ensure_seal_key(&self, now: i64) -> Result<KeyChange> {
        self.change_keys(now, false)
    }

    /// Makes a new current key and retires the previous one now (it still opens envelopes for 30
    /// days); erases keys retired more than 30 days before `now`.
    pub fn rotate_seal_key(&self, now: i64) -> Result<KeyChange> {
        self.change_keys(now, true)
    }

    fn change_keys(&self, now: i64, rotate: bool) -> Result<KeyChange> {
        self.write(|tx| {
                        let mut change = KeyChange {
                erased: tx.execute(
                    "DELETE FROM seal_keys WHERE retired IS NOT NULL AND retired < ?1",
                    args![now - RETIRED_KEY_SECONDS],
                )?,
                ..KeyChange::default()
            };
            let current: Option<String> = tx
                .query_opt("SELECT kid FROM seal_keys WHERE retired IS NULL", args![], |r| r.get(0))?;
            if current.is_some() && !rotate {
                return Ok(change);
            }
            // Three random bytes a day: a clash is rare; then draw again.
            let mut kid = new_kid(now)?;
            for _ in 0..8 {
                let taken = tx
                    .query_opt("SELECT 1 FROM seal_keys WHERE kid = ?1", args![&kid], |_| Ok(()))?
                    .is_some();
                if !taken {
                    break;
                }
                kid = new_kid(now)?;
            }
            let (secret, public) = native::generate_keypair();
            let secret = Zeroizing::new(secret);
            if let Some(old) = current {
                tx.execute("UPDATE seal_keys SET retired = ?2 WHERE kid = ?1", args![old, now])?;
                change.retired = Some(old);
            }
            tx.execute(
                "INSERT INTO seal_keys (kid, secret, public, created, retired) VALUES (?1, ?2, ?3, ?4, NULL)",
                args![kid, &secret[..], &public[..], now],
            )?;
            change.made = Some(kid);
            Ok(change)
        })
    }

    /// Erases keys retired more than 30 days before `now`; how many.
    pub fn purge_seal_keys(&self, now: i64) -> Result<usize> {
        self.write(|c| {
            c.execute(
                "DELETE FROM seal_keys WHERE retired IS NOT NULL AND retired < ?1",
                args![now - RETIRED_KEY_SECONDS],
            )
        })
    }

    /// Every key still held, newest first (no secrets).
    pub fn seal_keys(&self) -> Result<Vec<SealKeyInfo>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT kid, public, created, retired FROM seal_keys \
                 ORDER BY retired IS NOT NULL, COALESCE(retired, created) DESC, created DESC, kid DESC",
            )?;
            let rows = st.query_map(args![], row_to_info)?.collect::<Result<Vec<_>>>()?;
            rows.into_iter().map(to_info).collect()
        })
    }

    /// The key the app should seal to.
    pub fn current_seal_key(&self) -> Result<Option<SealKeyInfo>> {
        let row = self.read(|c| {
            c.query_opt(
                "SELECT kid, public, created, retired FROM seal_keys WHERE retired IS NULL",
                args![],
                row_to_info,
            )
        })?;
        row.map(to_info).transpose()
    }

    /// The secret of `kid` if it still opens envelopes at `now`: the current key, or one retired
    /// at most 30 days before. Keys past that are refused even before they are erased.
    pub fn seal_secret(&self, kid: &str, now: i64) -> Result<Option<Zeroizing<[u8; 32]>>> {
        let secret: Option<Vec<u8>> = self.read(|c| {
            c.query_opt(
                "SELECT secret FROM seal_keys WHERE kid = ?1 AND (retired IS NULL OR retired >= ?2)",
            args![kid, now - RETIRED_KEY_SECONDS], |r| r.get(0))
        })?;
        let Some(secret) = secret.map(Zeroizing::new) else {
            return Ok(None);
        };
        let bytes = <[u8; 32]>::try_from(secret.as_slice()).map_err(|_| StoreError::Damaged {
            what: format!("the stored secret of seal key {kid}"),
            source: None,
        })?;
        Ok(Some(Zeroizing::new(bytes)))
    }

    /// Opens a sealed application body (an [`Envelope`] as JSON): the plaintext, or why it cannot
    /// be opened. The outer error is the server's own trouble (the database).
    pub fn open_sealed(&self, body: &[u8], now: i64) -> Result<Result<Vec<u8>, SealError>> {
        let env = match parse_envelope(body) {
            Ok(env) => env,
            Err(e) => return Ok(Err(e)),
        };
        // Shape first, so a damaged envelope is "damaged" whatever key it names.
        if let Err(e) = env.parts() {
            return Ok(Err(e));
        }
        match self.seal_secret(&env.kid, now)? {
            Some(secret) => Ok(native::open(&secret, &env)),
            None => Ok(Err(SealError::UnknownKey)),
        }
    }
}

/// An envelope from a request body: not JSON or not an object is Malformed; a version or
/// algorithm we do not know is Unsupported, whatever else it holds.
pub fn parse_envelope(body: &[u8]) -> Result<Envelope, SealError> {
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| SealError::Malformed("not JSON"))?;
    let obj = value
        .as_object()
        .ok_or(SealError::Malformed("not an envelope"))?;
    match (obj.get("v"), obj.get("alg")) {
        (Some(v), Some(alg)) => {
            if v.as_u64() != Some(u64::from(seal::ENVELOPE_VERSION))
                || alg.as_str() != Some(ENVELOPE_ALG)
            {
                return Err(SealError::Unsupported);
            }
        }
        _ => return Err(SealError::Malformed("not an envelope")),
    }
    serde_json::from_value(value).map_err(|_| SealError::Malformed("not an envelope"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 24 * 60 * 60;
    const T0: i64 = 1_790_000_000; // 2026-09-21

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("od.db")).unwrap();
        (dir, store)
    }

    fn sealed_to(key: &SealKeyInfo, plaintext: &[u8]) -> Vec<u8> {
        serde_json::to_vec(&native::seal(&key.public, &key.kid, plaintext).unwrap()).unwrap()
    }

    #[test]
    fn the_first_start_makes_one_key_and_later_starts_keep_it() {
        let (_d, s) = store();
        let first = s.ensure_seal_key(T0).unwrap();
        let kid = first.made.clone().unwrap();
        assert!(seal::valid_kid(&kid), "{kid}");
        assert!(kid.starts_with("2026-09-21-"), "{kid}");
        assert_eq!(s.ensure_seal_key(T0 + DAY).unwrap(), KeyChange::default());
        let keys = s.seal_keys().unwrap();
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].retired, None);
        assert_eq!(s.current_seal_key().unwrap().unwrap().kid, kid);
        assert_eq!(keys[0].public[0], 4);
    }

    #[test]
    fn a_retired_key_opens_for_thirty_days_then_is_refused_and_erased() {
        let (_d, s) = store();
        s.ensure_seal_key(T0).unwrap();
        let old = s.current_seal_key().unwrap().unwrap();
        let body = sealed_to(&old, b"{\"listingId\":\"l1\"}");
        let change = s.rotate_seal_key(T0 + DAY).unwrap();
        assert_eq!(change.retired.as_deref(), Some(old.kid.as_str()));
        let new = s.current_seal_key().unwrap().unwrap();
        assert_ne!(new.kid, old.kid);
        let retired_at = T0 + DAY;

        // 29 days after retirement: still opens.
        let opened = s.open_sealed(&body, retired_at + 29 * DAY).unwrap();
        assert_eq!(opened.unwrap(), b"{\"listingId\":\"l1\"}");
        // The new key opens its own envelopes.
        let fresh = sealed_to(&new, b"new");
        assert_eq!(
            s.open_sealed(&fresh, retired_at + 29 * DAY)
                .unwrap()
                .unwrap(),
            b"new"
        );
        // 31 days: refused, even before it is erased.
        let at = retired_at + 31 * DAY;
        assert_eq!(
            s.open_sealed(&body, at).unwrap(),
            Err(SealError::UnknownKey)
        );
        assert!(s.seal_keys().unwrap().iter().any(|k| k.kid == old.kid));
        // Purged: the secret is gone from the table.
        assert_eq!(s.purge_seal_keys(at).unwrap(), 1);
        let keys = s.seal_keys().unwrap();
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].kid, new.kid);
        let left: i64 = s
            .read(|c| {
                c.query_row(
                    "SELECT COUNT(*) FROM seal_keys WHERE kid = ?1",
                    args![&old.kid],
                    |r| r.get(0),
                )
            })
            .unwrap();
        assert_eq!(left, 0);
        assert_eq!(
            s.open_sealed(&body, at).unwrap(),
            Err(SealError::UnknownKey)
        );
    }

    #[test]
    fn rotation_and_start_erase_keys_retired_over_thirty_days_ago() {
        let (_d, s) = store();
        s.ensure_seal_key(T0).unwrap();
        s.rotate_seal_key(T0 + 10 * DAY).unwrap();
        s.rotate_seal_key(T0 + 35 * DAY).unwrap();
        assert_eq!(
            s.seal_keys().unwrap().len(),
            3,
            "both retired keys are within 30 days"
        );
        // The first was retired at day 10: 31 days later a rotation erases it.
        let change = s.rotate_seal_key(T0 + 41 * DAY).unwrap();
        assert_eq!(change.erased, 1);
        assert_eq!(s.seal_keys().unwrap().len(), 3);
        // And a start erases what has expired since.
        let change = s.ensure_seal_key(T0 + 80 * DAY).unwrap();
        assert_eq!((change.made, change.erased), (None, 2));
        let keys = s.seal_keys().unwrap();
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].retired, None);
        assert_eq!(keys[0].opens_until(), None);
    }

    #[test]
    fn bodies_that_are_not_envelopes_say_why() {
        let (_d, s) = store();
        s.ensure_seal_key(T0).unwrap();
        let key = s.current_seal_key().unwrap().unwrap();
        let good: serde_json::Value = serde_json::from_slice(&sealed_to(&key, b"x")).unwrap();
        let check = |body: &[u8]| s.open_sealed(body, T0).unwrap();
        assert_eq!(check(b"not json"), Err(SealError::Malformed("not JSON")));
        assert_eq!(check(b"[1]"), Err(SealError::Malformed("not an envelope")));
        assert_eq!(check(b"{}"), Err(SealError::Malformed("not an envelope")));
        assert_eq!(check(br#"{"v":2,"alg":"x"}"#), Err(SealError::Unsupported));
        let mut e = good.clone();
        e["alg"] = "ECDH-P384".into();
        assert_eq!(check(e.to_string().as_bytes()), Err(SealError::Unsupported));
        let mut e = good.clone();
        e.as_object_mut().unwrap().remove("ct");
        assert_eq!(
            check(e.to_string().as_bytes()),
            Err(SealError::Malformed("not an envelope"))
        );
        let mut e = good.clone();
        e["iv"] = "@@".into();
        assert_eq!(
            check(e.to_string().as_bytes()),
            Err(SealError::Malformed("nonce"))
        );
        let mut e = good.clone();
        e["kid"] = "never-had-this-one".into();
        assert_eq!(check(e.to_string().as_bytes()), Err(SealError::UnknownKey));
        assert_eq!(check(good.to_string().as_bytes()), Ok(b"x".to_vec()));
    }
}
