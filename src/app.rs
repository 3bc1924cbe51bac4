//! The app shell: routes, the shared sync state, and what starts a sync.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use opendoor_core::sync::SyncError;
use opendoor_core::words::SyncState;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

use crate::pages::about_me::AboutMePage;
use crate::pages::applications::{ApplicationPage, ApplicationsPage};
use crate::pages::apply::{check::CheckPage, ApplyPage};
use crate::pages::device::{DeviceBar, FirstRun, SettingsPage, SetupPage};
use crate::pages::pin::{FinishedPage, Gate, LockWarning};
use crate::pages::{detail::DetailPage, list::ListPage, not_found::NotFound, saved::SavedPage};
use crate::status::StatusBar;
use crate::store::Store;
use crate::sw::UpdateBanner;
use opendoor_core::device::DeviceSettings;

/// Shared by every page: the open database and what the last sync did.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub store: StoredValue<SendWrapper<Store>>,
    pub state: RwSignal<SyncState>,
    /// Unix seconds of the last complete sync.
    pub last_sync: RwSignal<Option<i64>>,
    /// "id: why" for listings the last sync had to skip.
    pub skipped: RwSignal<Vec<String>>,
    /// Bumped whenever stored listings change, so pages reload them.
    pub revision: RwSignal<u32>,
    /// Ticks every 30 s so "Updated 5 minutes ago" stays true.
    pub now: RwSignal<f64>,
    /// Bumped whenever an application on this device changes (saved, sent, status fetched).
    pub apps_revision: RwSignal<u32>,
    /// True while this tab is sending (other tabs are kept out by a Web Lock).
    pub flushing: RwSignal<bool>,
    /// Asked to send again while a flush was running ("Send now", `online`): run once more.
    pub flush_again: RwSignal<bool>,
    /// The list's query string (search and filters) when last shown, for "Back" links.
    pub list_search: RwSignal<String>,
    /// Personal or shared, and the idle lock (docs/shared-devices.md).
    pub device: RwSignal<DeviceSettings>,
    /// The settings have been read from IndexedDB (the list does not wait for them; screens
    /// with personal things do).
    pub device_ready: RwSignal<bool>,
    /// Bumped when someone unlocks on a shared device, so gated screens show their things.
    pub session_rev: RwSignal<u32>,
    /// The idle lock is less than half a minute away: say so, with "Stay unlocked".
    pub lock_warning: RwSignal<bool>,
}

impl Ctx {
    pub fn store(&self) -> Store {
        self.store.with_value(|s| (**s).clone())
    }

    /// An application on this device changed: reload it here, and tell the other open tabs.
    pub fn apps_changed(self) {
        self.apps_revision.update(|r| *r += 1);
        APPS_CHANNEL.with(|c| {
            if let Some(c) = c {
                let _ = c.post_message(&JsValue::from_str("changed"));
            }
        });
    }

    /// A PIN was accepted: show the person's things, open answers that arrived while they were
    /// away, and send what is waiting.
    pub fn unlocked(self) {
        self.session_rev.update(|r| *r += 1);
        let store = self.store();
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(true) = crate::sealed_outbox::open_receipts(&store).await {
                self.sync();
            }
            self.apps_revision.update(|r| *r += 1);
            self.flush_outbox();
            if crate::outbox::refresh_statuses(&store).await {
                self.apps_revision.update(|r| *r += 1);
            }
        });
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
        let store = self.store();
        wasm_bindgen_futures::spawn_local(async move {
            let mut force = force;
            let mut changed = false;
            loop {
                self.flush_again.set(false);
                let done = crate::outbox::flush(&store, force).await;
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
            if let Some(ms) = crate::outbox::next_retry_in(&store).await {
                crate::outbox::set_retry_timer(ms, move || self.flush(false));
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
            let result = crate::sync::run(&store, &crate::sync::feed_start_url()).await;
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
            self.now.set(js_sys::Date::now());
            let online = !matches!(state, SyncState::Failed(SyncError::Offline));
            self.state.set(state);
            if online && crate::vault::shared() {
                crate::sealed_outbox::refresh_seal_key(&store).await;
            }
            if online && crate::outbox::refresh_statuses(&store).await {
                self.apps_changed();
            }
        });
    }
}

thread_local! {
    /// Tells other tabs of this app that an application changed (sent, saved, withdrawn), so
    /// they show it without waiting for their own next sync. None where unsupported.
    static APPS_CHANNEL: Option<web_sys::BroadcastChannel> =
        web_sys::BroadcastChannel::new("opendoor-applications").ok();
}

/// Reloads applications when another tab says one changed.
fn listen_to_other_tabs(ctx: Ctx) {
    let on_message = Closure::<dyn Fn()>::new(move || {
        ctx.apps_revision.update(|r| *r += 1);
    });
    APPS_CHANNEL.with(|c| {
        if let Some(c) = c {
            c.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        }
    });
    on_message.forget();
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

#[component]
pub fn App(store: Store) -> impl IntoView {
    let ctx = Ctx {
        store: StoredValue::new(SendWrapper::new(store)),
        state: RwSignal::new(SyncState::Idle),
        last_sync: RwSignal::new(None),
        skipped: RwSignal::new(Vec::new()),
        revision: RwSignal::new(0),
        now: RwSignal::new(js_sys::Date::now()),
        apps_revision: RwSignal::new(0),
        flushing: RwSignal::new(false),
        flush_again: RwSignal::new(false),
        list_search: RwSignal::new(String::new()),
        device: RwSignal::new(DeviceSettings::default()),
        device_ready: RwSignal::new(false),
        session_rev: RwSignal::new(0),
        lock_warning: RwSignal::new(false),
    };
    provide_context(ctx);
    start_sync_triggers(ctx);
    listen_to_other_tabs(ctx);
    watch_idle(ctx);
    crate::vault::listen_for_lock();

    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>
                "Skip to main content"
            </a>
            <header class="site-header">
                <div class="wrap">
                    <A href="/" attr:class="brand">
                        <span class="brand-mark" aria-hidden="true"></span>
                        "Open Door"
                    </A>
                    <p class="tagline">"Have your say in health and care services"</p>
                    <DeviceBar/>
                </div>
                <nav class="wrap site-nav" aria-label="Main">
                    <ul>
                        <li><A href="/" exact=true>"Opportunities"</A></li>
                        <li><A href="/saved">"Saved"</A></li>
                        <li><A href="/applications">"My applications"</A></li>
                        <li><A href="/about-me">"About me"</A></li>
                    </ul>
                </nav>
            </header>
            <LockWarning/>
            <UpdateBanner/>
            <StatusBar/>
            <FirstRun/>
            <main id="main" class="wrap" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=ListPage/>
                    <Route path=path!("/opportunities/:id") view=DetailPage/>
                    <Route path=path!("/opportunities/:id/apply") view=|| view! { <Gate><ApplyPage/></Gate> }/>
                    <Route path=path!("/opportunities/:id/apply/check") view=|| view! { <Gate><CheckPage/></Gate> }/>
                    <Route path=path!("/applications") view=|| view! { <Gate><ApplicationsPage/></Gate> }/>
                    <Route path=path!("/applications/:id") view=|| view! { <Gate><ApplicationPage/></Gate> }/>
                    <Route path=path!("/about-me") view=|| view! { <Gate><AboutMePage/></Gate> }/>
                    <Route path=path!("/saved") view=SavedPage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                    <Route path=path!("/setup") view=SetupPage/>
                    <Route path=path!("/finished") view=FinishedPage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>
                        "Open Door keeps listings on this device so you can read them without a connection."
                    </p>
                </div>
            </footer>
        </Router>
    }
}

pub fn focus_main() {
    focus_element("main");
}

/// Moves focus to the element with `id`, if there is one; returns it for callers that also
/// scroll.
pub fn focus_element(id: &str) -> Option<web_sys::HtmlElement> {
    let el = web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let _ = el.focus();
    Some(el)
}

/// The router would treat "#main" as a navigation; move focus to the main content instead.
fn skip_to_main(ev: web_sys::MouseEvent) {
    ev.prevent_default();
    focus_main();
}

/// Shared devices: any touch, click, key or wheel pushes the idle lock back (not `scroll`: the
/// app scrolls by itself when it moves focus, which would keep it unlocked forever); a timer checks it (by
/// the clock, so a throttled background tab still locks when it next runs).
fn watch_idle(ctx: Ctx) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on_activity = Closure::<dyn Fn()>::new(crate::vault::touch);
    for event in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        let _ = doc.add_event_listener_with_callback(event, on_activity.as_ref().unchecked_ref());
    }
    on_activity.forget();
    let check = gloo_timers::callback::Interval::new(5_000, move || {
        let left = crate::vault::idle_left_ms();
        if left.is_some_and(|l| l <= 0.0) {
            wasm_bindgen_futures::spawn_local(crate::vault::lock());
            return;
        }
        let warn = left.is_some_and(|l| l <= opendoor_core::device::LOCK_WARNING_MS);
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
            ctx.now.set(js_sys::Date::now());
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
    let tick =
        gloo_timers::callback::Interval::new(30_000, move || ctx.now.set(js_sys::Date::now()));
    tick.forget();
}
