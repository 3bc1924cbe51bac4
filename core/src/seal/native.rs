//! The cryptography of docs/encryption.md on the host, with RustCrypto crates. The server opens
//! sealed applications with [`open`]; tests check byte for byte that the browser's Web Crypto
//! (src/crypto.rs) and this agree (core/tests/vectors.json). Not built for wasm.
//!
//! - [`derive_key`]: PBKDF2-HMAC-SHA-256 over [`pin_bytes`], 256 bits.
//! - [`box_seal`] / [`box_open`]: AES-256-GCM records at rest, associated data from
//!   [`super::vault_aad`].
//! - [`generate_keypair`], [`public_key_of`]: P-256 keys as raw bytes (32-byte secret scalar,
//!   65-byte uncompressed public point).
//! - [`seal`] / [`seal_with`] / [`open`]: envelopes (ECDH-P256, HKDF-SHA-256 with salt
//!   `epk ‖ recipient`, info [`ENVELOPE_INFO`], AES-256-GCM with associated data
//!   [`envelope_aad`]).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hkdf::Hkdf;
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::{PublicKey, SecretKey};
use rand_core::{OsRng, RngCore};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::{
    envelope_aad, envelope_salt, pin_bytes, valid_kid, Boxed, Envelope, SealError, ENVELOPE_INFO,
    IV_LEN, PUBLIC_KEY_LEN,
};

/// A P-256 secret scalar, big-endian (a JWK's `d`).
pub type SecretBytes = [u8; 32];
/// An uncompressed SEC1 P-256 point: 0x04, x, y.
pub type PublicBytes = [u8; PUBLIC_KEY_LEN];

/// A person's key from their PIN: PBKDF2-HMAC-SHA-256(pin without surrounding spaces, salt,
/// iterations), 32 bytes. The iteration floor is the header's business ([`super::VaultHeader::kdf`]).
pub fn derive_key(pin: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    let pin = Zeroizing::new(pin_bytes(pin));
    pbkdf2::pbkdf2_hmac::<Sha256>(&pin, salt, iterations, &mut key);
    key
}

/// Twelve fresh random bytes from the operating system, for an AES-GCM nonce.
pub fn random_iv() -> [u8; IV_LEN] {
    let mut iv = [0u8; IV_LEN];
    OsRng.fill_bytes(&mut iv);
    iv
}

fn gcm_seal(
    key: &[u8; 32],
    iv: &[u8; IV_LEN],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, SealError> {
    Aes256Gcm::new(key.into())
        .encrypt(
            Nonce::from_slice(iv),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        // AES-GCM only refuses plaintexts of 64 GiB and more.
        .map_err(|_| SealError::Malformed("too large"))
}

fn gcm_open(
    key: &[u8; 32],
    iv: &[u8; IV_LEN],
    aad: &[u8],
    ct: &[u8],
) -> Result<Vec<u8>, SealError> {
    Aes256Gcm::new(key.into())
        .decrypt(Nonce::from_slice(iv), Payload { msg: ct, aad })
        .map_err(|_| SealError::DoesNotOpen)
}

/// Encrypts a record at rest under `key` with the nonce `iv` (use [`random_iv`]: never the same
/// nonce twice with one key). `aad` is [`super::vault_aad`]`(vault id, slot)`.
pub fn box_seal(
    key: &[u8; 32],
    aad: &[u8],
    iv: [u8; IV_LEN],
    plaintext: &[u8],
) -> Result<Boxed, SealError> {
    let ct = gcm_seal(key, &iv, aad, plaintext)?;
    Ok(Boxed::new(&iv, &ct))
}

/// Decrypts a record at rest. A wrong key (PIN), a changed record or one moved to another vault
/// or slot all give [`SealError::DoesNotOpen`].
pub fn box_open(key: &[u8; 32], aad: &[u8], boxed: &Boxed) -> Result<Vec<u8>, SealError> {
    let (iv, ct) = boxed.parts()?;
    gcm_open(key, &iv, aad, &ct)
}

/// A new P-256 key pair from the operating system's random source: (secret, public).
pub fn generate_keypair() -> (SecretBytes, PublicBytes) {
    let secret = SecretKey::random(&mut OsRng);
    let public = encode_public(&secret.public_key());
    (secret.to_bytes().into(), public)
}

/// The public key (65 bytes, uncompressed) of a secret scalar; Malformed if the scalar is zero
/// or not below the group order.
pub fn public_key_of(secret: &SecretBytes) -> Result<PublicBytes, SealError> {
    Ok(encode_public(
        &secret_key(secret, "private key")?.public_key(),
    ))
}

fn secret_key(bytes: &SecretBytes, what: &'static str) -> Result<SecretKey, SealError> {
    SecretKey::from_bytes(bytes.into()).map_err(|_| SealError::Malformed(what))
}

fn encode_public(key: &PublicKey) -> PublicBytes {
    let point = key.to_encoded_point(false);
    let mut out = [0u8; PUBLIC_KEY_LEN];
    // An uncompressed point of a valid public key is always 65 bytes.
    out.copy_from_slice(point.as_bytes());
    out
}

/// Parses an uncompressed point, refusing anything not on the curve.
fn public_key(bytes: &PublicBytes, what: &'static str) -> Result<PublicKey, SealError> {
    PublicKey::from_sec1_bytes(bytes).map_err(|_| SealError::Malformed(what))
}

/// ECDH, then HKDF-SHA-256(z, salt = epk ‖ recipient, info = ENVELOPE_INFO) to 32 bytes.
fn envelope_key(
    secret: &SecretKey,
    other: &PublicKey,
    epk: &PublicBytes,
    recipient: &PublicBytes,
) -> Zeroizing<[u8; 32]> {
    let shared = p256::ecdh::diffie_hellman(secret.to_nonzero_scalar(), other.as_affine());
    let hk = Hkdf::<Sha256>::new(
        Some(&envelope_salt(epk, recipient)),
        shared.raw_secret_bytes(),
    );
    let mut key = Zeroizing::new([0u8; 32]);
    // 32 bytes is far below HKDF-SHA-256's limit of 8160.
    let _ = hk.expand(ENVELOPE_INFO.as_bytes(), key.as_mut());
    key
}

/// Seals `plaintext` to the recipient's public key `kid`, with a fresh one-time key and nonce.
pub fn seal(recipient: &PublicBytes, kid: &str, plaintext: &[u8]) -> Result<Envelope, SealError> {
    let one_time = Zeroizing::new(SecretBytes::from(SecretKey::random(&mut OsRng).to_bytes()));
    seal_with(recipient, kid, plaintext, &one_time, random_iv())
}

/// [`seal`] with a given one-time secret and nonce: for test vectors only (reusing either
/// breaks the construction).
pub fn seal_with(
    recipient: &PublicBytes,
    kid: &str,
    plaintext: &[u8],
    one_time_secret: &SecretBytes,
    iv: [u8; IV_LEN],
) -> Result<Envelope, SealError> {
    if !valid_kid(kid) {
        return Err(SealError::Malformed("key id"));
    }
    let r = public_key(recipient, "public key")?;
    let e = secret_key(one_time_secret, "one-time key")?;
    let epk = encode_public(&e.public_key());
    let key = envelope_key(&e, &r, &epk, recipient);
    let ct = gcm_seal(&key, &iv, &envelope_aad(kid), plaintext)?;
    Ok(Envelope::new(kid, &epk, &iv, &ct))
}

/// Opens an envelope with the recipient's secret key. Checks the envelope's shape first
/// ([`Envelope::parts`]); a one-time key that is not a point on the curve is Malformed; any
/// other failure (wrong key, a changed kid, epk, iv or ct) is [`SealError::DoesNotOpen`].
pub fn open(recipient_secret: &SecretBytes, envelope: &Envelope) -> Result<Vec<u8>, SealError> {
    let parts = envelope.parts()?;
    let d = secret_key(recipient_secret, "private key")?;
    let epk = public_key(&parts.epk, "one-time key")?;
    let recipient = encode_public(&d.public_key());
    let key = envelope_key(&d, &epk, &parts.epk, &recipient);
    gcm_open(&key, &parts.iv, &envelope_aad(&envelope.kid), &parts.ct)
}
