//! Web Crypto, thinly: the two formats of `opendoor_core::seal` (docs/encryption.md) done by the
//! browser's own implementation, so keys can be non-extractable and nothing hand-rolled touches
//! a secret. Every function is async because SubtleCrypto is.

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use opendoor_core::seal::{
    envelope_aad, envelope_salt, Boxed, Envelope, SealError, ENVELOPE_INFO, IV_LEN, PUBLIC_KEY_LEN,
};
use opendoor_core::words::CryptoProblem;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// Why a cryptographic step failed.
#[derive(Clone, Debug, PartialEq)]
pub enum CryptoError {
    /// No Web Crypto: the page is not on https (or localhost), or the browser is too old.
    Unavailable,
    /// Wrong key or PIN, or the data was changed.
    DoesNotOpen,
    /// The stored data is not in our format.
    Malformed(&'static str),
    /// The browser refused for another reason (its words).
    Failed(String),
}

/// For logs and tests; people read `words::crypto_problem`.
impl std::fmt::Display for CryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CryptoError::Unavailable => write!(f, "no Web Crypto (not a secure context?)"),
            CryptoError::DoesNotOpen => {
                write!(f, "authentication failed (wrong key or changed data)")
            }
            CryptoError::Malformed(what) => write!(f, "malformed: {what}"),
            CryptoError::Failed(e) => write!(f, "Web Crypto failed: {e}"),
        }
    }
}

/// The browser's errors are JsValues (not Rust errors): `Failed` keeps their words as text.
impl std::error::Error for CryptoError {}

impl CryptoError {
    /// What a person is told (worded by `core::words::crypto_problem`).
    pub fn problem(&self) -> CryptoProblem {
        match self {
            CryptoError::Unavailable => CryptoProblem::Unavailable,
            CryptoError::DoesNotOpen => CryptoProblem::DoesNotOpen,
            CryptoError::Malformed(what) => CryptoProblem::Damaged(what),
            CryptoError::Failed(e) => CryptoProblem::Failed(e.clone()),
        }
    }
}

impl From<SealError> for CryptoError {
    fn from(e: SealError) -> Self {
        match e {
            SealError::DoesNotOpen | SealError::UnknownKey => CryptoError::DoesNotOpen,
            SealError::Malformed(w) => CryptoError::Malformed(w),
            SealError::Unsupported => CryptoError::Malformed("unknown version"),
        }
    }
}

type Result<T> = std::result::Result<T, CryptoError>;

fn subtle() -> Result<SubtleCrypto> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)?;
    // `crypto.subtle` is undefined outside secure contexts; web-sys would hand us undefined.
    let subtle = Reflect::get(&crypto, &"subtle".into()).map_err(|_| CryptoError::Unavailable)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(CryptoError::Unavailable);
    }
    Ok(subtle.unchecked_into())
}

/// A fresh idempotency key: a random (version 4) UUID from the browser's crypto, which works
/// outside secure contexts too, unlike `crypto.randomUUID`.
pub fn idempotency_key() -> String {
    let b = random::<16>().unwrap_or_else(|_| {
        std::array::from_fn(|i| ((js_sys::Math::random() * 256.0) as u8) ^ (i as u8))
    });
    opendoor_core::application::uuid_v4(b)
}

/// A new application's status secret: 32 bytes from the browser's CSPRNG, base64url. Never
/// falls back to `Math.random` (unlike the idempotency key, this one must be unguessable).
pub fn status_secret() -> Result<String> {
    Ok(opendoor_core::seal::b64(&random::<32>()?))
}

/// The server's public sealing key as bytes, if it is one.
pub fn server_key(k: &opendoor_core::api::SealKey) -> Result<[u8; PUBLIC_KEY_LEN]> {
    opendoor_core::seal::unb64(&k.public_key)
        .and_then(|v| <[u8; PUBLIC_KEY_LEN]>::try_from(v).ok())
        .filter(|_| opendoor_core::seal::valid_kid(&k.kid))
        .ok_or(CryptoError::Malformed("the server's sealing key"))
}

/// Whether this page can use encryption at all (https or localhost).
pub fn available() -> bool {
    subtle().is_ok()
}

fn obj(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

fn bytes_js(b: &[u8]) -> JsValue {
    Uint8Array::from(b).into()
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<Array>()
        .into()
}

async fn call(p: std::result::Result<Promise, JsValue>) -> Result<JsValue> {
    let p = p.map_err(failed)?;
    JsFuture::from(p).await.map_err(|e| {
        // AES-GCM reports a bad tag as OperationError: wrong key or changed data.
        let name = Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        if name.as_deref() == Some("OperationError") {
            CryptoError::DoesNotOpen
        } else {
            failed(e)
        }
    })
}

fn failed(e: JsValue) -> CryptoError {
    let msg = Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "unknown".into());
    CryptoError::Failed(msg.chars().take(200).collect())
}

fn to_vec(v: &JsValue) -> Vec<u8> {
    Uint8Array::new(v).to_vec()
}

/// `N` random bytes from the browser's CSPRNG.
pub fn random<const N: usize>() -> Result<[u8; N]> {
    let mut b = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)?
        .get_random_values_with_u8_array(&mut b)
        .map_err(failed)?;
    Ok(b)
}

/// PBKDF2-HMAC-SHA-256 of the PIN into a non-extractable AES-256-GCM key.
pub async fn derive_key(pin: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey> {
    let s = subtle()?;
    let pin = opendoor_core::seal::pin_bytes(pin);
    let base = call(s.import_key_with_str(
        "raw",
        &Uint8Array::from(pin.as_slice()),
        "PBKDF2",
        false,
        &usages(&["deriveKey"]),
    ))
    .await?;
    let params = obj(&[
        ("name", "PBKDF2".into()),
        ("salt", bytes_js(salt)),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ]);
    let aes = obj(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let key = call(s.derive_key_with_object_and_object(
        &params,
        &base.unchecked_into(),
        &aes,
        false,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await?;
    Ok(key.unchecked_into())
}

async fn aes_encrypt(key: &CryptoKey, iv: &[u8], aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
    let params = obj(&[
        ("name", "AES-GCM".into()),
        ("iv", bytes_js(iv)),
        ("additionalData", bytes_js(aad)),
    ]);
    let ct = call(subtle()?.encrypt_with_object_and_u8_array(&params, key, plaintext)).await?;
    Ok(to_vec(&ct))
}

async fn aes_decrypt(key: &CryptoKey, iv: &[u8], aad: &[u8], ct: &[u8]) -> Result<Vec<u8>> {
    let params = obj(&[
        ("name", "AES-GCM".into()),
        ("iv", bytes_js(iv)),
        ("additionalData", bytes_js(aad)),
    ]);
    let pt = call(subtle()?.decrypt_with_object_and_u8_array(&params, key, ct)).await?;
    Ok(to_vec(&pt))
}

/// Encrypts at rest with a fresh random nonce.
pub async fn box_seal(key: &CryptoKey, aad: &[u8], plaintext: &[u8]) -> Result<Boxed> {
    let iv = random::<IV_LEN>()?;
    box_seal_with_iv(key, &iv, aad, plaintext).await
}

/// Only for test vectors: a nonce must never be reused with the same key.
pub async fn box_seal_with_iv(
    key: &CryptoKey,
    iv: &[u8; IV_LEN],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Boxed> {
    Ok(Boxed::new(iv, &aes_encrypt(key, iv, aad, plaintext).await?))
}

pub async fn box_open(key: &CryptoKey, aad: &[u8], boxed: &Boxed) -> Result<Vec<u8>> {
    let (iv, ct) = boxed.parts()?;
    aes_decrypt(key, &iv, aad, &ct).await
}

fn ec_params() -> Object {
    obj(&[("name", "ECDH".into()), ("namedCurve", "P-256".into())])
}

async fn import_public(raw: &[u8]) -> Result<CryptoKey> {
    let k = call(subtle()?.import_key_with_object(
        "raw",
        &Uint8Array::from(raw),
        &ec_params(),
        true,
        &usages(&[]),
    ))
    .await
    .map_err(|_| CryptoError::Malformed("public key"))?;
    Ok(k.unchecked_into())
}

/// A new P-256 key pair: the private key (extractable once, so it can be boxed) and the raw
/// public key.
pub async fn new_key_pair() -> Result<(CryptoKey, [u8; PUBLIC_KEY_LEN])> {
    let s = subtle()?;
    let pair =
        call(s.generate_key_with_object(&ec_params(), true, &usages(&["deriveBits"]))).await?;
    let private: CryptoKey = Reflect::get(&pair, &"privateKey".into())
        .map_err(failed)?
        .unchecked_into();
    let public: CryptoKey = Reflect::get(&pair, &"publicKey".into())
        .map_err(failed)?
        .unchecked_into();
    let raw = to_vec(&call(s.export_key("raw", &public)).await?);
    let raw =
        <[u8; PUBLIC_KEY_LEN]>::try_from(raw).map_err(|_| CryptoError::Malformed("public key"))?;
    Ok((private, raw))
}

pub async fn export_pkcs8(private: &CryptoKey) -> Result<Vec<u8>> {
    Ok(to_vec(&call(subtle()?.export_key("pkcs8", private)).await?))
}

/// Imports a private key for opening envelopes only (not extractable again).
pub async fn import_pkcs8(der: &[u8]) -> Result<CryptoKey> {
    let k = call(subtle()?.import_key_with_object(
        "pkcs8",
        &Uint8Array::from(der),
        &ec_params(),
        false,
        &usages(&["deriveBits"]),
    ))
    .await
    .map_err(|_| CryptoError::Malformed("private key"))?;
    Ok(k.unchecked_into())
}

/// Imports a private key given as JWK parts (base64url `d`, `x`, `y`): tests use the host's
/// vectors this way.
pub async fn import_private_jwk(d: &str, x: &str, y: &str) -> Result<CryptoKey> {
    let jwk = obj(&[
        ("kty", "EC".into()),
        ("crv", "P-256".into()),
        ("d", d.into()),
        ("x", x.into()),
        ("y", y.into()),
    ]);
    let k = call(subtle()?.import_key_with_object(
        "jwk",
        &jwk,
        &ec_params(),
        false,
        &usages(&["deriveBits"]),
    ))
    .await?;
    Ok(k.unchecked_into())
}

/// ECDH then HKDF-SHA-256 into an AES-256-GCM key (docs/encryption.md, steps 2 and 3).
async fn envelope_key(
    private: &CryptoKey,
    other_public: &CryptoKey,
    salt: &[u8],
) -> Result<CryptoKey> {
    let s = subtle()?;
    let ecdh = obj(&[("name", "ECDH".into()), ("public", other_public.into())]);
    let z = call(s.derive_bits_with_object(&ecdh, private, 256)).await?;
    let hkdf_base = call(s.import_key_with_str(
        "raw",
        &Uint8Array::new(&z),
        "HKDF",
        false,
        &usages(&["deriveKey"]),
    ))
    .await?;
    let params = obj(&[
        ("name", "HKDF".into()),
        ("hash", "SHA-256".into()),
        ("salt", bytes_js(salt)),
        ("info", bytes_js(ENVELOPE_INFO.as_bytes())),
    ]);
    let aes = obj(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let key = call(s.derive_key_with_object_and_object(
        &params,
        &hkdf_base.unchecked_into(),
        &aes,
        false,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await?;
    Ok(key.unchecked_into())
}

/// Seals `plaintext` to the recipient's raw P-256 public key, naming it `kid`.
pub async fn seal(
    recipient: &[u8; PUBLIC_KEY_LEN],
    kid: &str,
    plaintext: &[u8],
) -> Result<Envelope> {
    let recipient_key = import_public(recipient).await?;
    let s = subtle()?;
    let pair =
        call(s.generate_key_with_object(&ec_params(), false, &usages(&["deriveBits"]))).await?;
    let eph_private: CryptoKey = Reflect::get(&pair, &"privateKey".into())
        .map_err(failed)?
        .unchecked_into();
    let eph_public: CryptoKey = Reflect::get(&pair, &"publicKey".into())
        .map_err(failed)?
        .unchecked_into();
    let epk = to_vec(&call(s.export_key("raw", &eph_public)).await?);
    let key = envelope_key(
        &eph_private,
        &recipient_key,
        &envelope_salt(&epk, recipient),
    )
    .await?;
    let iv = random::<IV_LEN>()?;
    let ct = aes_encrypt(&key, &iv, &envelope_aad(kid), plaintext).await?;
    Ok(Envelope::new(kid, &epk, &iv, &ct))
}

/// Opens an envelope sealed to `own_public` with the matching private key.
pub async fn open(
    private: &CryptoKey,
    own_public: &[u8; PUBLIC_KEY_LEN],
    env: &Envelope,
) -> Result<Vec<u8>> {
    let parts = env.parts()?;
    let epk = import_public(&parts.epk).await?;
    let key = envelope_key(private, &epk, &envelope_salt(&parts.epk, own_public)).await?;
    aes_decrypt(&key, &parts.iv, &envelope_aad(&env.kid), &parts.ct).await
}

/// Starts a User Timing measure, ended by [`measure_end`]: scripts/bench-crypto.mjs reads
/// them, so the benchmark times the app's own code path, not a copy of it.
pub fn measure_start(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}-start"));
    }
}

pub fn measure_end(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{name}-start"));
    }
}
