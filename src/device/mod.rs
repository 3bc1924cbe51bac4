//! Device security for shared devices (docs/shared-devices.md, docs/encryption.md): `crypto`
//! (Web Crypto, thinly), `session` (the unlocked person's keys, only in this page's memory),
//! `lock` (locking, other tabs, the idle clock). Nothing here touches IndexedDB or the network.

pub mod crypto;
pub mod lock;
pub mod session;
