//! The runtime: what runs beside the screens and when. It owns the triggers (start, `online`,
//! `offline`, the app shown again, the service worker's Background Sync message, the retry
//! timer, the 30 s clock tick, other tabs, the idle lock) and the orchestration they start
//! (sync, send, unlock, withdraw). It decides at the top whether this device is personal or
//! shared and hands that down. Screens reach all of this only through `ctx::Ctx`'s methods.

pub mod ctx;
mod outbox;
mod sealed_outbox;
mod sync;
mod tabs;

use leptos::prelude::*;
use opendoor_core::device::{DeviceSettings, LOCK_WARNING_MS};
use opendoor_core::outbox::LocalApplication;
use opendoor_core::sync::SyncError;
use opendoor_core::words::SyncState;
use wasm_bindgen::prelude::*;

use crate::clock;
use crate::device::lock;
use crate::device::session::Unlocked;
use crate::store::drafts::Drafts;
use crate::store::StoreError;
use ctx::Ctx;
pub use outbox::WithdrawError;

/// Starts every trigger. Called once, by the app shell, with the context it provided.
pub fn start(ctx: Ctx) {
    start_sync_triggers(ctx);
    tabs::on_apps_changed(move || ctx.apps_revision.update(|r| *r += 1));
    watch_idle(ctx);
    lock::listen_for_lock();
}

impl Ctx {
    /// An application on this device changed: reload it here, and tell the other open tabs.
    pub fn apps_changed(self) {
        self.apps_revision.update(|r| *r += 1);
        tabs::tell_apps_changed();
    }

    /// A PIN was accepted: keep the person's keys, show their things, open answers that
    /// arrived while they were away, and send what is waiting.
    pub fn unlocked(self, u: Unlocked) {
        lock::unlocked_here(u);
        self.session_rev.update(|r| *r += 1);
        let drafts = self.drafts();
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(true) = sealed_outbox::open_receipts(&drafts).await {
                self.sync();
            }
            self.apps_revision.update(|r| *r += 1);
            self.flush_outbox();
            if outbox::refresh_statuses(&drafts).await {
                self.apps_revision.update(|r| *r += 1);
            }
        });
    }

    /// Saves the device's settings and makes them the ones in use. A device that becomes
    /// shared fetches the server's sealing key at once.
    pub async fn set_device(self, s: DeviceSettings) -> Result<(), StoreError> {
        let store = self.store();
        store.save_settings(s).await?;
        self.device.set(s);
        if self.shared() {
            sealed_outbox::refresh_seal_key(&store).await;
        }
        Ok(())
    }

    /// Before Send on a shared device: the application is sealed in the same write that queues
    /// it, so fetch the server's key now if none is kept (set up offline). Storage never fetches.
    pub async fn ensure_seal_key(self) {
        let store = self.store();
        if self.shared() && matches!(store.seal_key().await, Ok(None)) {
            sealed_outbox::refresh_seal_key(&store).await;
        }
    }

    /// An application was just queued (Send pressed): send it now, and ask for Background Sync.
    pub fn queued(self) {
        outbox::request_background_sync();
        self.apps_changed();
        self.flush_outbox();
    }

    /// Withdraws a sent application: the server erases it, then this device does.
    pub async fn withdraw(self, app: &LocalApplication) -> Result<(), WithdrawError> {
        outbox::withdraw(&self.drafts(), app).await
    }

    /// Sends whatever is waiting in the outbox now (the connection is back, the app was opened
    /// or shown, or the person asked), without waiting for the retry backoff.
    pub fn flush_outbox(self) {
        self.flush(true);
    }

    /// `force`: send everything waiting; otherwise only what the backoff says is due (timer).
    fn flush(self, force: bool) {
        if self.flushing.get_untracked() {
            self.flush_again.set(true);
            return;
        }
        self.flushing.set(true);
        let shared = self.shared();
        wasm_bindgen_futures::spawn_local(async move {
            let mut force = force;
            let mut changed = false;
            loop {
                self.flush_again.set(false);
                let done = send_due(self.drafts(), shared, force).await;
                changed |= done.sent_or_tried > 0;
                if done.returned_to_draft {
                    self.sync(); // the listing probably changed: fetch it before the person edits
                }
                if !self.flush_again.get_untracked() {
                    break;
                }
                force = true; // asked again by a trigger while we were sending
            }
            if changed {
                self.apps_changed();
            }
            self.flushing.set(false);
            if let Some(at) = next_try_at(&self.drafts(), shared).await {
                outbox::set_retry_timer(at, move || self.flush(false));
            }
        });
    }

    /// Starts a sync unless one is running. Pages never wait on it: they show what is stored.
    pub fn sync(self) {
        if self.state.get_untracked() == SyncState::Syncing {
            return;
        }
        self.state.set(SyncState::Syncing);
        let store = self.store();
        wasm_bindgen_futures::spawn_local(async move {
            // The list shows the first page as soon as it is stored, then catches up at most
            // once a second (each refresh reads every stored listing again).
            let shown_at = std::cell::Cell::new(None::<i64>);
            let on_page = || {
                let now = clock::now_ms();
                if shown_at.get().is_none_or(|t| now - t >= PAGE_REFRESH_MS) {
                    shown_at.set(Some(now));
                    self.revision.update(|r| *r += 1);
                }
            };
            let result = sync::run(&store, &sync::feed_start_url(), on_page).await;
            let (report, state) = match result {
                Ok(report) => (report, SyncState::Idle),
                Err((e, report)) => (report, SyncState::Failed(e)),
            };
            if report.tally.put + report.tally.deleted > 0 {
                self.revision.update(|r| *r += 1);
            }
            if let Ok(Some(t)) = store.last_sync().await {
                self.last_sync.set(Some(t));
            }
            self.skipped.set(report.skipped);
            self.now.set(clock::now_ms());
            let online = !matches!(state, SyncState::Failed(SyncError::Offline));
            self.state.set(state);
            self.synced.set(true);
            if online && self.shared() {
                sealed_outbox::refresh_seal_key(&store).await;
            }
            if online && outbox::refresh_statuses(&self.drafts()).await {
                self.apps_changed();
            }
        });
    }
}

/// How often a running sync refreshes the screens after its first page.
const PAGE_REFRESH_MS: i64 = 1000;
/// Sends what is due, holding the outbox lock: the plain outbox on a personal device, the
/// sealed one on a shared device.
async fn send_due(drafts: Drafts, shared: bool, force: bool) -> outbox::Flushed {
    let result = outbox::web_lock(move || async move {
        if shared {
            sealed_outbox::send_due(drafts, force).await
        } else {
            outbox::send_due(drafts, force).await
        }
    })
    .await;
    match result {
        Ok(f) => f,
        Err(e) => {
            web_sys::console::warn_1(&format!("outbox: {e:?}").into());
            outbox::Flushed::default()
        }
    }
}

/// When the earliest retry still waiting is due, if any.
async fn next_try_at(drafts: &Drafts, shared: bool) -> Option<i64> {
    if shared {
        drafts.store().sealed_next_try_at().await
    } else {
        outbox::next_try_at(&drafts.applications().await.ok()?)
    }
}

/// Shared devices: any touch, click, key or wheel pushes the idle lock back (not `scroll`: the
/// app scrolls by itself when it moves focus, which would keep it unlocked forever); a timer
/// checks it (by the clock, so a throttled background tab still locks when it next runs).
fn watch_idle(ctx: Ctx) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on_activity = Closure::<dyn Fn()>::new(lock::touch);
    for event in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        let _ = doc.add_event_listener_with_callback(event, on_activity.as_ref().unchecked_ref());
    }
    on_activity.forget();
    let check = gloo_timers::callback::Interval::new(5_000, move || {
        let left = lock::idle_left_ms(ctx.device.get_untracked().lock_minutes);
        if left.is_some_and(|l| l <= 0.0) {
            wasm_bindgen_futures::spawn_local(lock::lock());
            return;
        }
        let warn = left.is_some_and(|l| l <= LOCK_WARNING_MS);
        if ctx.lock_warning.get_untracked() != warn {
            ctx.lock_warning.set(warn);
        }
    });
    check.forget();
}

/// Sync on start, when the connection returns, and when the app is shown again.
fn start_sync_triggers(ctx: Ctx) {
    let store = ctx.store();
    wasm_bindgen_futures::spawn_local(async move {
        // The device's mode decides where drafts live and what the outbox sends: read it before
        // anything touches either.
        ctx.device.set(store.load_settings().await);
        ctx.device_ready.set(true);
        if let Ok(t) = store.last_sync().await {
            ctx.last_sync.set(t);
        }
        ctx.sync();
        ctx.flush_outbox();
    });
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_online = Closure::<dyn Fn()>::new(move || {
        ctx.sync();
        ctx.flush_outbox();
    });
    let on_offline = Closure::<dyn Fn()>::new(move || {
        if ctx.state.get_untracked() != SyncState::Syncing {
            ctx.state.set(SyncState::Failed(SyncError::Offline));
        }
    });
    let on_visible = Closure::<dyn Fn()>::new(move || {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        if visible {
            ctx.now.set(clock::now_ms());
            ctx.sync();
            ctx.flush_outbox();
        }
    });
    let _ = window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("offline", on_offline.as_ref().unchecked_ref());
    if let Some(doc) = window.document() {
        let _ = doc.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
    }
    // The service worker's Background Sync wakes us to send (Chromium only; not relied on).
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let kind = js_sys::Reflect::get(&ev.data(), &"type".into())
                .ok()
                .and_then(|t| t.as_string());
            if kind.as_deref() == Some("FLUSH_OUTBOX") {
                ctx.flush_outbox();
            }
        });
    window
        .navigator()
        .service_worker()
        .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The app lives as long as the page: these listeners are never removed.
    on_online.forget();
    on_offline.forget();
    on_visible.forget();
    let tick = gloo_timers::callback::Interval::new(30_000, move || ctx.now.set(clock::now_ms()));
    tick.forget();
}
