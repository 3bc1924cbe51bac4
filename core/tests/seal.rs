//! The host's sealing and boxing (seal::native): round trips, and every way a sealed thing can
//! be wrong failing cleanly. PBKDF2 at the real 600,000 iterations is slow in a debug build, so
//! only the test vectors use it; here a small count stands in (the construction is the same).
#![cfg(not(target_arch = "wasm32"))]

use opendoor_core::seal::native::{
    box_open, box_seal, derive_key, generate_keypair, open, public_key_of, random_iv, seal,
    seal_with,
};
use opendoor_core::seal::{b64, unb64, vault_aad, Boxed, Envelope, SealError};

const FEW: u32 = 1_000;

fn flip(field: &str) -> String {
    let mut bytes = unb64(field).expect("base64url");
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    b64(&bytes)
}

#[test]
fn an_envelope_opens_with_the_right_key_only() {
    let (secret, public) = generate_keypair();
    assert_eq!(public_key_of(&secret), Ok(public));
    let env = seal(&public, "2026-11-26-3f9a1c", b"{\"listingId\":\"l1\"}").unwrap();
    assert_eq!(env.kid, "2026-11-26-3f9a1c");
    assert_eq!(open(&secret, &env).unwrap(), b"{\"listingId\":\"l1\"}");
    // Through JSON and back, as it travels.
    let json = serde_json::to_string(&env).unwrap();
    let back: Envelope = serde_json::from_str(&json).unwrap();
    assert_eq!(open(&secret, &back).unwrap(), b"{\"listingId\":\"l1\"}");
    // Fresh one-time key and nonce every time.
    let again = seal(&public, "2026-11-26-3f9a1c", b"{\"listingId\":\"l1\"}").unwrap();
    assert_ne!(again.epk, env.epk);
    assert_ne!(again.iv, env.iv);
    // Someone else's key.
    let (other, _) = generate_keypair();
    assert_eq!(open(&other, &env), Err(SealError::DoesNotOpen));
    // Empty plaintext is still sealed and opened.
    let empty = seal(&public, "k", b"").unwrap();
    assert_eq!(open(&secret, &empty).unwrap(), b"");
}

#[test]
fn a_tampered_envelope_does_not_open() {
    let (secret, public) = generate_keypair();
    let env = seal(&public, "key-1", b"the application").unwrap();
    let mut e = env.clone();
    e.ct = flip(&e.ct);
    assert_eq!(open(&secret, &e), Err(SealError::DoesNotOpen), "ciphertext");
    let mut e = env.clone();
    e.iv = flip(&e.iv);
    assert_eq!(open(&secret, &e), Err(SealError::DoesNotOpen), "nonce");
    let mut e = env.clone();
    e.kid = "key-2".into();
    assert_eq!(open(&secret, &e), Err(SealError::DoesNotOpen), "key id");
    // Another valid one-time key: on the curve, but not the one used.
    let mut e = env.clone();
    let (_, other_epk) = generate_keypair();
    e.epk = b64(&other_epk);
    assert_eq!(
        open(&secret, &e),
        Err(SealError::DoesNotOpen),
        "one-time key"
    );
    // A point not on the curve is refused before any cryptography.
    let mut e = env.clone();
    e.epk = flip(&e.epk);
    assert_eq!(open(&secret, &e), Err(SealError::Malformed("one-time key")));
    let mut e = env.clone();
    let mut bad = [0u8; 65];
    bad[0] = 4;
    e.epk = b64(&bad);
    assert_eq!(open(&secret, &e), Err(SealError::Malformed("one-time key")));
    // A truncated tag.
    let mut e = env.clone();
    let ct = unb64(&e.ct).unwrap();
    e.ct = b64(&ct[..ct.len() - 1]);
    assert_eq!(open(&secret, &e), Err(SealError::DoesNotOpen));
    // Unknown version or algorithm.
    let mut e = env.clone();
    e.alg = "ECDH-P384+HKDF-SHA384+A256GCM".into();
    assert_eq!(open(&secret, &e), Err(SealError::Unsupported));
    // The untouched envelope still opens.
    assert!(open(&secret, &env).is_ok());
}

#[test]
fn malformed_base64_is_malformed_not_a_panic() {
    let (secret, public) = generate_keypair();
    let env = seal(&public, "key-1", b"x").unwrap();
    for (field, what) in [
        ("epk", "one-time key"),
        ("iv", "nonce"),
        ("ct", "ciphertext"),
    ] {
        for junk in ["", "!!!", "a", "AAAA====", "ü"] {
            let mut e = env.clone();
            match field {
                "epk" => e.epk = junk.into(),
                "iv" => e.iv = junk.into(),
                _ => e.ct = junk.into(),
            }
            assert_eq!(
                open(&secret, &e),
                Err(SealError::Malformed(what)),
                "{field} = {junk:?}"
            );
        }
    }
    // Standard base64 with padding is not base64url without padding.
    let mut e = env.clone();
    e.iv = format!("{}=", e.iv);
    assert_eq!(open(&secret, &e), Err(SealError::Malformed("nonce")));
    let mut e = env;
    e.kid = "has space".into();
    assert_eq!(open(&secret, &e), Err(SealError::Malformed("key id")));
    // Sealing refuses a bad key id or a recipient key not on the curve.
    assert_eq!(seal(&public, "", b"x"), Err(SealError::Malformed("key id")));
    let mut not_a_point = public;
    not_a_point[64] ^= 1;
    assert_eq!(
        seal(&not_a_point, "k", b"x"),
        Err(SealError::Malformed("public key"))
    );
    assert_eq!(
        seal_with(&public, "k", b"x", &[0u8; 32], [0; 12]),
        Err(SealError::Malformed("one-time key")),
        "zero is not a secret key"
    );
    assert_eq!(
        public_key_of(&[0xff; 32]),
        Err(SealError::Malformed("private key"))
    );
}

#[test]
fn records_at_rest_round_trip_and_stay_in_their_place() {
    let salt = [7u8; 16];
    let key = derive_key("purple tree 7", &salt, FEW);
    assert_eq!(
        key,
        derive_key("  purple tree 7 ", &salt, FEW),
        "surrounding spaces are dropped"
    );
    let aad = vault_aad("vault-a", "about-me");
    let boxed = box_seal(&key, &aad, random_iv(), b"{\"name\":\"Ada\"}").unwrap();
    assert_eq!(box_open(&key, &aad, &boxed).unwrap(), b"{\"name\":\"Ada\"}");

    // Wrong PIN: a clean failure.
    let wrong = derive_key("purple tree 8", &salt, FEW);
    assert_eq!(box_open(&wrong, &aad, &boxed), Err(SealError::DoesNotOpen));
    // Same PIN, another person's salt.
    let other_salt = derive_key("purple tree 7", &[8u8; 16], FEW);
    assert_eq!(
        box_open(&other_salt, &aad, &boxed),
        Err(SealError::DoesNotOpen)
    );
    // Moved to another vault, or to another slot of the same vault.
    assert_eq!(
        box_open(&key, &vault_aad("vault-b", "about-me"), &boxed),
        Err(SealError::DoesNotOpen)
    );
    assert_eq!(
        box_open(&key, &vault_aad("vault-a", "record|abc"), &boxed),
        Err(SealError::DoesNotOpen)
    );
    // Changed.
    let tampered = Boxed {
        ct: flip(&boxed.ct),
        ..boxed.clone()
    };
    assert_eq!(box_open(&key, &aad, &tampered), Err(SealError::DoesNotOpen));
    let tampered = Boxed {
        iv: flip(&boxed.iv),
        ..boxed.clone()
    };
    assert_eq!(box_open(&key, &aad, &tampered), Err(SealError::DoesNotOpen));
    // Damaged.
    let damaged = Boxed {
        iv: "short".into(),
        ..boxed.clone()
    };
    assert_eq!(
        box_open(&key, &aad, &damaged),
        Err(SealError::Malformed("nonce"))
    );
    let damaged = Boxed {
        ct: "***".into(),
        ..boxed.clone()
    };
    assert_eq!(
        box_open(&key, &aad, &damaged),
        Err(SealError::Malformed("ciphertext"))
    );
    // A fresh nonce for every write.
    let again = box_seal(&key, &aad, random_iv(), b"{\"name\":\"Ada\"}").unwrap();
    assert_ne!(again, boxed);
}

#[test]
fn the_errors_read_as_plain_english() {
    for e in [
        SealError::Unsupported,
        SealError::Malformed("nonce"),
        SealError::UnknownKey,
        SealError::DoesNotOpen,
    ] {
        let text = e.to_string();
        assert!(text.starts_with("the "), "{text}");
        assert!(!text.contains("GCM") && !text.contains("ECDH"), "{text}");
    }
}
