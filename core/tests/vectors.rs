//! Test vectors for docs/encryption.md, in core/tests/vectors.json: the browser's Web Crypto
//! (src/crypto.rs) must produce and open exactly these bytes.
//!
//! This test computes every vector with seal::native and asserts the file says the same, so the
//! file cannot drift from the code. To write the file after a deliberate change, run it with
//! `OPENDOOR_WRITE_VECTORS=1`; if the file is missing it is written.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use opendoor_core::seal::native::{box_open, box_seal, derive_key, open, public_key_of, seal_with};
use opendoor_core::seal::{
    b64, envelope_aad, vault_aad, Boxed, Envelope, ENVELOPE_ALG, ENVELOPE_INFO, MIN_ITERATIONS,
};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A fixed secret scalar made from a label (SHA-256 of it: below the group order).
fn fixed_secret(label: &str) -> [u8; 32] {
    Sha256::digest(label.as_bytes()).into()
}

/// A P-256 key as a JWK (what `crypto.subtle.importKey("jwk", …)` takes), plus its raw public.
fn jwk(secret: &[u8; 32]) -> Value {
    let public = public_key_of(secret).expect("a valid scalar");
    json!({
        "jwk": {"kty": "EC", "crv": "P-256", "d": b64(secret), "x": b64(&public[1..33]), "y": b64(&public[33..])},
        "publicKey": b64(&public),
    })
}

fn at_rest() -> Value {
    let pin = "correct horse 42";
    let salt: Vec<u8> = (1..=16).collect();
    let key = derive_key(pin, &salt, MIN_ITERATIONS);
    let iv: [u8; 12] = std::array::from_fn(|i| 0xA0 + i as u8);
    let (vault, slot) = ("vault-test", "about-me");
    let plaintext = "{\"name\":\"Ada\"}";
    let aad = vault_aad(vault, slot);
    let boxed = box_seal(&key, &aad, iv, plaintext.as_bytes()).unwrap();
    assert_eq!(box_open(&key, &aad, &boxed).unwrap(), plaintext.as_bytes());
    json!({
        "pin": pin,
        "salt": b64(&salt),
        "saltHex": hex(&salt),
        "iterations": MIN_ITERATIONS,
        "keyHex": hex(&key),
        "vaultId": vault,
        "slot": slot,
        "aad": String::from_utf8(aad).unwrap(),
        "iv": b64(&iv),
        "plaintext": plaintext,
        "boxed": boxed,
    })
}

fn envelope() -> Value {
    let recipient = fixed_secret("opendoor test vector: recipient");
    let one_time = fixed_secret("opendoor test vector: one-time key");
    let iv: [u8; 12] = std::array::from_fn(|i| 0xB0 + i as u8);
    let kid = "test-key-1";
    let plaintext = "{\"hello\":\"world\"}";
    let public = public_key_of(&recipient).unwrap();
    let env = seal_with(&public, kid, plaintext.as_bytes(), &one_time, iv).unwrap();
    assert_eq!(open(&recipient, &env).unwrap(), plaintext.as_bytes());
    assert_eq!(env.epk, b64(&public_key_of(&one_time).unwrap()));
    json!({
        "alg": ENVELOPE_ALG,
        "hkdfInfo": ENVELOPE_INFO,
        "recipient": jwk(&recipient),
        "kid": kid,
        "aad": String::from_utf8(envelope_aad(kid)).unwrap(),
        "plaintext": plaintext,
        "oneTime": jwk(&one_time),
        "iv": b64(&iv),
        "envelope": env,
    })
}

#[test]
fn vectors_match_the_file() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors.json");
    let computed = json!({
        "about": "Test vectors for docs/encryption.md, written and checked by core/tests/vectors.rs. Binary fields are base64url without padding; *Hex fields are hex.",
        "atRest": at_rest(),
        "envelope": envelope(),
    });
    let text = serde_json::to_string_pretty(&computed).unwrap() + "\n";
    if std::env::var_os("OPENDOOR_WRITE_VECTORS").is_some() || !path.exists() {
        std::fs::write(&path, &text).unwrap();
    }
    let stored: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        stored, computed,
        "core/tests/vectors.json differs from what the code computes"
    );

    // The stored forms read back as the types the app uses.
    let boxed: Boxed = serde_json::from_value(stored["atRest"]["boxed"].clone()).unwrap();
    assert!(boxed.parts().is_ok());
    let env: Envelope = serde_json::from_value(stored["envelope"]["envelope"].clone()).unwrap();
    assert!(env.parts().is_ok());
}
