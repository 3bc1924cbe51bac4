//! The unlocked person on a shared device: their vault and keys, held only in this page's
//! memory. Dropped on lock; the page is then reloaded so nothing they typed survives.

use std::cell::RefCell;
use std::rc::Rc;

use opendoor_core::seal::{VaultHeader, PUBLIC_KEY_LEN};
use web_sys::CryptoKey;

/// A person's opened vault: what a PIN unlocks.
pub struct Unlocked {
    pub vault: VaultHeader,
    /// Opens and seals their records (AES-GCM, from the PIN).
    pub key: CryptoKey,
    /// Opens answers sealed to them while they were away (ECDH P-256).
    pub private: CryptoKey,
    pub public: [u8; PUBLIC_KEY_LEN],
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Unlocked>>> = const { RefCell::new(None) };
}

/// Keeps `u` as the unlocked person (one per page). `lock::unlocked_here` also tells other tabs.
pub fn start(u: Unlocked) {
    CURRENT.with(|c| *c.borrow_mut() = Some(Rc::new(u)));
}

pub fn current() -> Option<Rc<Unlocked>> {
    CURRENT.with(|c| c.borrow().clone())
}

pub fn is_unlocked() -> bool {
    CURRENT.with(|c| c.borrow().is_some())
}

/// Drops the keys from memory (no reload). `lock::lock` does this and then restarts the page.
pub fn forget() {
    CURRENT.with(|c| *c.borrow_mut() = None);
}
