//! The context every screen reads: the open database and the app's shared signals. Screens
//! import this module only; what the context can *do* (sync, send, unlock, withdraw) is
//! implemented by the runtime (`runtime/mod.rs`) as methods on `Ctx`, so a screen never names
//! the runtime's internals and this module imports no screen.

use leptos::prelude::*;
use opendoor_core::device::{DeviceMode, DeviceSettings};
use opendoor_core::words::SyncState;
use send_wrapper::SendWrapper;

use crate::clock;
use crate::device::session;
use crate::store::drafts::{Drafts, Keeper};
use crate::store::Store;

/// Shared by every page: the open database and what the last sync did.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub store: StoredValue<SendWrapper<Store>>,
    pub state: RwSignal<SyncState>,
    /// Unix seconds of the last complete sync.
    pub last_sync: RwSignal<Option<i64>>,
    /// The listings the last sync had to skip: how many, and a few "id: why" lines.
    pub skipped: RwSignal<opendoor_core::sync::Skipped>,
    /// Bumped whenever stored listings change, so pages reload them.
    pub revision: RwSignal<u32>,
    /// Milliseconds since the epoch; ticks every 30 s so "Updated 5 minutes ago" stays true.
    pub now: RwSignal<i64>,
    /// Bumped whenever an application on this device changes (saved, sent, status fetched).
    pub apps_revision: RwSignal<u32>,
    /// True while this tab is sending (other tabs are kept out by a Web Lock).
    pub flushing: RwSignal<bool>,
    /// Asked to send again while a flush was running ("Send now", `online`): run once more.
    pub flush_again: RwSignal<bool>,
    /// The list's query string (search and filters) when last shown, for "Back" links.
    pub list_search: RwSignal<String>,
    /// Personal or shared, and the idle lock (docs/shared-devices.md): the one copy in memory.
    pub device: RwSignal<DeviceSettings>,
    /// The settings have been read from IndexedDB (the list does not wait for them; screens
    /// with personal things do).
    pub device_ready: RwSignal<bool>,
    /// Bumped when someone unlocks on a shared device, so gated screens show their things.
    pub session_rev: RwSignal<u32>,
    /// The idle lock is less than half a minute away: say so, with "Stay unlocked".
    pub lock_warning: RwSignal<bool>,
    /// A sync has ended (either way) since the app started: the list has all it will get.
    pub synced: RwSignal<bool>,
}

impl Ctx {
    pub fn new(store: Store) -> Ctx {
        Ctx {
            store: StoredValue::new(SendWrapper::new(store)),
            state: RwSignal::new(SyncState::Idle),
            last_sync: RwSignal::new(None),
            skipped: RwSignal::new(Default::default()),
            revision: RwSignal::new(0),
            now: RwSignal::new(clock::now_ms()),
            apps_revision: RwSignal::new(0),
            flushing: RwSignal::new(false),
            flush_again: RwSignal::new(false),
            list_search: RwSignal::new(String::new()),
            device: RwSignal::new(DeviceSettings::default()),
            device_ready: RwSignal::new(false),
            session_rev: RwSignal::new(0),
            lock_warning: RwSignal::new(false),
            synced: RwSignal::new(false),
        }
    }

    pub fn store(&self) -> Store {
        self.store.with_value(|s| (**s).clone())
    }

    /// Whether this device is shared (read without tracking: for event handlers and jobs).
    pub fn shared(&self) -> bool {
        self.device.get_untracked().mode == DeviceMode::Shared
    }

    /// Who keeps a person's things right now: decided here, at the top, from the device's mode
    /// and who is unlocked, and handed to storage.
    pub fn keeper(&self) -> Keeper {
        if !self.shared() {
            return Keeper::Plain;
        }
        match session::current() {
            Some(u) => Keeper::Vault(u),
            None => Keeper::Locked,
        }
    }

    /// The person's drafts and applications, wherever this device keeps them.
    pub fn drafts(&self) -> Drafts {
        self.store().drafts(self.keeper())
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
