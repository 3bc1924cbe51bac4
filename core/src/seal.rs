//! The two encrypted formats, as plain data (docs/encryption.md is the specification):
//!
//! - an [`Envelope`]: something sealed to a P-256 public key (ECDH + HKDF-SHA-256 + AES-256-GCM),
//!   used for queued applications sealed for the server, and for the server's answers kept on a
//!   shared device for a person who has locked;
//! - a [`Boxed`] record: something encrypted at rest with a person's key derived from their PIN
//!   (PBKDF2-SHA-256 + AES-256-GCM), described by a [`VaultHeader`].
//!
//! The browser does the cryptography with Web Crypto (src/crypto.rs); the host does the same with
//! RustCrypto crates (`native`, not built for wasm), and tests check that both agree byte for byte.
//! This module holds what both need to agree on: field names, sizes, the associated data.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

#[cfg(feature = "native-crypto")]
pub mod native;

/// The only envelope version so far.
pub const ENVELOPE_VERSION: u8 = 1;
/// Names the whole construction, so a later change cannot be mistaken for this one.
pub const ENVELOPE_ALG: &str = "ECDH-P256+HKDF-SHA256+A256GCM";
/// HKDF `info`, and the start of the AES-GCM associated data.
pub const ENVELOPE_INFO: &str = "opendoor sealed v1";
/// The content type of a sealed application POST.
pub const SEALED_CONTENT_TYPE: &str = "application/vnd.opendoor.sealed+json";
/// An uncompressed SEC1 P-256 point: 0x04, x, y.
pub const PUBLIC_KEY_LEN: usize = 65;
pub const IV_LEN: usize = 12;
pub const TAG_LEN: usize = 16;
pub const SALT_LEN: usize = 16;
/// The floor (OWASP 2023 guidance for PBKDF2-HMAC-SHA256); headers asking for fewer are
/// refused, so a tampered header cannot weaken a person's key.
pub const MIN_ITERATIONS: u32 = 600_000;
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// A key id is short printable ASCII.
pub const MAX_KID_LEN: usize = 64;
/// Bounds what an untrusted envelope can make us decode (an application is at most 64 KB).
pub const MAX_CIPHERTEXT_LEN: usize = 256 * 1024;
/// The associated data's prefix for records at rest.
pub const VAULT_INFO: &str = "opendoor vault v1";
/// What the vault's check record holds; decrypting it proves the PIN.
pub const VAULT_CHECK: &[u8] = b"opendoor vault check";

/// Why an envelope or boxed record could not be read. Deliberately coarse: a wrong key and a
/// tampered ciphertext look the same (that is the point of an authenticated cipher).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealError {
    /// Not an envelope of a version and algorithm we know.
    Unsupported,
    /// A field is missing, not base64url, or the wrong length.
    Malformed(&'static str),
    /// Sealed to a key we do not hold (never had, or retired more than 30 days ago).
    UnknownKey,
    /// The ciphertext does not open with this key: wrong key, wrong PIN, or changed in transit.
    DoesNotOpen,
}

impl std::fmt::Display for SealError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SealError::Unsupported => write!(f, "the sealed application uses a format this server does not know"),
            SealError::Malformed(what) => write!(f, "the sealed application is damaged ({what})"),
            SealError::UnknownKey => write!(f, "the application was sealed with a key this server no longer holds; it needs to be sent again"),
            SealError::DoesNotOpen => write!(f, "the sealed application could not be opened; it may have been changed on the way"),
        }
    }
}

impl std::error::Error for SealError {}

/// Something sealed to a P-256 public key. JSON, every binary field base64url without padding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    pub v: u8,
    pub alg: String,
    /// Which of the recipient's keys it was sealed to.
    pub kid: String,
    /// The sender's one-time public key (65 bytes).
    pub epk: String,
    pub iv: String,
    /// AES-GCM ciphertext with its 16-byte tag on the end.
    pub ct: String,
}

/// The parts of an envelope, decoded and checked for size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvelopeParts {
    pub epk: [u8; PUBLIC_KEY_LEN],
    pub iv: [u8; IV_LEN],
    pub ct: Vec<u8>,
}

impl Envelope {
    pub fn new(kid: &str, epk: &[u8], iv: &[u8], ct: &[u8]) -> Envelope {
        Envelope {
            v: ENVELOPE_VERSION,
            alg: ENVELOPE_ALG.into(),
            kid: kid.into(),
            epk: b64(epk),
            iv: b64(iv),
            ct: b64(ct),
        }
    }

    /// Checks version, algorithm and sizes, and decodes: the only way to the bytes.
    pub fn parts(&self) -> Result<EnvelopeParts, SealError> {
        if self.v != ENVELOPE_VERSION || self.alg != ENVELOPE_ALG {
            return Err(SealError::Unsupported);
        }
        if !valid_kid(&self.kid) {
            return Err(SealError::Malformed("key id"));
        }
        let epk = fixed::<PUBLIC_KEY_LEN>(&self.epk, "one-time key")?;
        if epk[0] != 4 {
            return Err(SealError::Malformed("one-time key"));
        }
        let iv = fixed::<IV_LEN>(&self.iv, "nonce")?;
        if self.ct.len() > MAX_CIPHERTEXT_LEN * 4 / 3 + 4 {
            return Err(SealError::Malformed("too large"));
        }
        let ct = unb64(&self.ct).ok_or(SealError::Malformed("ciphertext"))?;
        if ct.len() < TAG_LEN {
            return Err(SealError::Malformed("ciphertext"));
        }
        Ok(EnvelopeParts { epk, iv, ct })
    }
}

/// HKDF salt: the one-time public key, then the recipient's, binding the key to both.
pub fn envelope_salt(epk: &[u8], recipient: &[u8]) -> Vec<u8> {
    [epk, recipient].concat()
}

/// AES-GCM associated data: binds the ciphertext to the key id it names.
pub fn envelope_aad(kid: &str) -> Vec<u8> {
    format!("{ENVELOPE_INFO}|{kid}").into_bytes()
}

/// Key ids: 1 to 64 of `A-Z a-z 0-9 - _ .` (they go into URLs, logs and associated data).
pub fn valid_kid(kid: &str) -> bool {
    !kid.is_empty()
        && kid.len() <= MAX_KID_LEN
        && kid
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// A record encrypted at rest with a person's key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boxed {
    pub iv: String,
    pub ct: String,
}

impl Boxed {
    pub fn new(iv: &[u8], ct: &[u8]) -> Boxed {
        Boxed {
            iv: b64(iv),
            ct: b64(ct),
        }
    }

    pub fn parts(&self) -> Result<([u8; IV_LEN], Vec<u8>), SealError> {
        let iv = fixed::<IV_LEN>(&self.iv, "nonce")?;
        let ct = unb64(&self.ct).ok_or(SealError::Malformed("ciphertext"))?;
        if ct.len() < TAG_LEN {
            return Err(SealError::Malformed("ciphertext"));
        }
        Ok((iv, ct))
    }
}

/// One person's vault on a shared device: everything needed to check a PIN, nothing readable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VaultHeader {
    /// Random, 128 bits, base64url; says nothing about the person.
    pub id: String,
    pub v: u8,
    pub iterations: u32,
    pub salt: String,
    /// [`VAULT_CHECK`] boxed under the slot "check".
    pub check: Boxed,
    /// The vault's own P-256 public key: the outbox seals the server's answer to it, so a person
    /// who locked before their application went out finds the answer when they unlock.
    pub public_key: String,
    /// The matching private key (PKCS #8), boxed under the slot "private-key".
    pub private_key: Boxed,
    pub created_at: i64,
}

impl VaultHeader {
    /// The salt and iteration count, refusing anything weaker than the floor.
    pub fn kdf(&self) -> Result<([u8; SALT_LEN], u32), SealError> {
        if self.v != 1 {
            return Err(SealError::Unsupported);
        }
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&self.iterations) {
            return Err(SealError::Malformed("iterations"));
        }
        Ok((fixed::<SALT_LEN>(&self.salt, "salt")?, self.iterations))
    }

    pub fn public_key_bytes(&self) -> Result<[u8; PUBLIC_KEY_LEN], SealError> {
        fixed::<PUBLIC_KEY_LEN>(&self.public_key, "public key")
    }
}

/// AES-GCM associated data for a record at rest: binds it to its vault and its slot, so a
/// record cannot be moved to another person's vault or swapped for another of the same
/// person's records.
pub fn vault_aad(vault_id: &str, slot: &str) -> Vec<u8> {
    format!("{VAULT_INFO}|{vault_id}|{slot}").into_bytes()
}

/// The PIN as bytes for PBKDF2: surrounding spaces dropped (an easy slip on a shared keyboard).
pub fn pin_bytes(pin: &str) -> Vec<u8> {
    pin.trim().as_bytes().to_vec()
}

/// Why a PIN cannot be used, in words for the person.
pub fn check_new_pin(pin: &str, again: &str) -> Result<(), &'static str> {
    let p = pin.trim();
    if p.chars().count() < 6 {
        return Err(
            "Your PIN must be at least 6 characters. You can use numbers, letters or both.",
        );
    }
    if p.chars().count() > 128 {
        return Err("Your PIN must be 128 characters or fewer.");
    }
    if is_guessable(p) {
        return Err("That PIN is too easy to guess: it is a pattern or one that many people use. Avoid repeats and sequences like 111111, 121212 or 123456, or use a few words instead, like \"purple kettle river\".");
    }
    if p != again.trim() {
        return Err("The two PINs do not match. Type the same PIN in both boxes.");
    }
    Ok(())
}

/// PINs and passwords people choose most often, which an attacker tries first: the most common
/// six-digit PINs (Wang et al., "Understanding Human-chosen PINs", IEEE S&P 2017, top of the
/// lists from real leaks), keypad shapes, and the commonest short passwords. Repeats and
/// sequences are caught by rule, not listed.
const COMMON: &[&str] = &[
    "123123",
    "112233",
    "789456",
    "159753",
    "520520",
    "123321",
    "147258",
    "131420",
    "159357",
    "123654",
    "100200",
    "101010",
    "147852",
    "258369",
    "369258",
    "696969",
    "102030",
    "741852",
    "963852",
    "147369",
    "321654",
    "252525",
    "007007",
    "110110",
    "520131",
    "123789",
    "789123",
    "456123",
    "142536",
    "789789",
    "456456",
    "000007",
    "102938",
    "123abc",
    "abc123",
    "qwerty",
    "qwertz",
    "azerty",
    "asdfgh",
    "zxcvbn",
    "password",
    "passw0rd",
    "letmein",
    "iloveyou",
    "monkey",
    "dragon",
    "football",
    "welcome",
    "sunshine",
    "princess",
    "secret",
    "opendoor",
    "147258369",
    "789456123",
    "123456789",
    "987654321",
    "1234567890",
    "11223344",
    "12341234",
    "12121212",
    "87654321",
    "11111111",
    "00000000",
    "12345678",
];

/// True for what an attacker guesses first: one character repeated, a short group repeated
/// (121212, 123123), a run up or down (123456, fedcba), or a PIN on the common list.
pub fn is_guessable(pin: &str) -> bool {
    let p = pin.trim().to_lowercase();
    let b = p.as_bytes();
    let repeats_unit = (1..=4).any(|unit| {
        b.len() > unit && b.len().is_multiple_of(unit) && b.chunks(unit).all(|c| c == &b[..unit])
    });
    let run = b.len() > 1
        && (b.windows(2).all(|w| w[1] == w[0].wrapping_add(1))
            || b.windows(2).all(|w| w[1].wrapping_add(1) == w[0]));
    repeats_unit || run || COMMON.contains(&p.as_str())
}

/// How long to make someone wait before the next PIN attempt after `failures` wrong ones in a
/// row, in milliseconds: free for three, then 10 seconds doubling to 10 minutes. Kept on the
/// device (not in memory), so reloading does not reset it.
pub fn pin_wait_ms(failures: u32) -> i64 {
    if failures < 3 {
        return 0;
    }
    let doublings = (failures - 3).min(6);
    (10_000i64 << doublings).min(600_000)
}

pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn unb64(s: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(s.as_bytes()).ok()
}

fn fixed<const N: usize>(s: &str, what: &'static str) -> Result<[u8; N], SealError> {
    unb64(s)
        .and_then(|v| <[u8; N]>::try_from(v).ok())
        .ok_or(SealError::Malformed(what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_rules() {
        assert!(check_new_pin("48151623", "48151623").is_ok());
        assert!(check_new_pin(" purple tree ", "purple tree").is_ok());
        assert!(check_new_pin("4815", "4815")
            .unwrap_err()
            .contains("at least 6"));
        assert!(check_new_pin("111111", "111111")
            .unwrap_err()
            .contains("easy"));
        assert!(check_new_pin("123456", "123456")
            .unwrap_err()
            .contains("easy"));
        assert!(check_new_pin("654321", "654321")
            .unwrap_err()
            .contains("easy"));
        for easy in [
            "000000", "999999", "121212", "123123", "112112", "123456", "987654", "abcdef",
            "112233", "147258", "520520", "qwerty", "Password", " 696969 ",
        ] {
            assert!(
                check_new_pin(easy, easy).unwrap_err().contains("easy"),
                "{easy} must be refused"
            );
        }
        for fine in ["482915", "730164", "purple kettle river", "5839 2017"] {
            assert!(
                check_new_pin(fine, fine).is_ok(),
                "{fine} should be allowed"
            );
        }
        assert!(check_new_pin("48151623", "48151624")
            .unwrap_err()
            .contains("match"));
    }

    #[test]
    fn wrong_pins_slow_down_and_stop_growing() {
        assert_eq!(pin_wait_ms(0), 0);
        assert_eq!(pin_wait_ms(2), 0);
        assert_eq!(pin_wait_ms(3), 10_000);
        assert_eq!(pin_wait_ms(4), 20_000);
        assert!(pin_wait_ms(8) <= 600_000);
        assert_eq!(pin_wait_ms(1_000), 600_000);
        let waits: Vec<i64> = (0..20).map(pin_wait_ms).collect();
        assert!(waits.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn envelope_parts_are_checked() {
        let good = Envelope::new("k1", &[4; 65], &[1; 12], &[9; 40]);
        assert!(good.parts().is_ok());
        let mut e = good.clone();
        e.v = 2;
        assert_eq!(e.parts(), Err(SealError::Unsupported));
        let mut e = good.clone();
        e.kid = "a b".into();
        assert_eq!(e.parts(), Err(SealError::Malformed("key id")));
        let mut e = good.clone();
        e.epk = b64(&[4; 64]);
        assert_eq!(e.parts(), Err(SealError::Malformed("one-time key")));
        let mut e = good.clone();
        e.iv = "not base64!".into();
        assert_eq!(e.parts(), Err(SealError::Malformed("nonce")));
        let mut e = good;
        e.ct = b64(&[1; 15]);
        assert_eq!(e.parts(), Err(SealError::Malformed("ciphertext")));
    }

    #[test]
    fn weak_vault_headers_are_refused() {
        let h = VaultHeader {
            id: "v".into(),
            v: 1,
            iterations: 1_000,
            salt: b64(&[0; 16]),
            check: Boxed::new(&[0; 12], &[0; 36]),
            public_key: b64(&[4; 65]),
            private_key: Boxed::new(&[0; 12], &[0; 100]),
            created_at: 0,
        };
        assert_eq!(h.kdf(), Err(SealError::Malformed("iterations")));
        let ok = VaultHeader {
            iterations: MIN_ITERATIONS,
            ..h
        };
        assert_eq!(ok.kdf().map(|(_, n)| n), Ok(MIN_ITERATIONS));
    }
}
