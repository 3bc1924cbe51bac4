//! Hashes, hex and fresh random secrets: the one place the server makes or digests them.

use sha2::{Digest, Sha256};

pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `N` bytes from the operating system's random source.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], getrandom::Error> {
    let mut buf = [0u8; N];
    getrandom::getrandom(&mut buf)?;
    Ok(buf)
}

/// A fresh random secret: 32 bytes from the OS, hex, after `prefix`.
pub fn random_token(prefix: &str) -> Result<String, getrandom::Error> {
    Ok(format!("{prefix}{}", hex(&random_bytes::<32>()?)))
}

/// A fresh random id (a version 4 UUID).
pub fn random_id() -> Result<String, getrandom::Error> {
    Ok(opendoor_core::application::uuid_v4(random_bytes::<16>()?))
}
