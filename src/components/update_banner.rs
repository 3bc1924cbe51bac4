//! Registers the service worker and offers a new version without ever reloading by itself.
//!
//! A new worker waits (public/sw.js never calls skipWaiting on install). We show "A new version
//! is ready — Reload"; only that button tells it to take over, and only then do we reload, so
//! nobody loses what they were typing.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let waiting: RwSignal<Option<SendWrapperWorker>> = RwSignal::new(None);
    let asked = RwSignal::new(false);
    register(waiting, asked);
    let reload = move |_| {
        asked.set(true);
        if let Some(w) = waiting.get_untracked() {
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &"SKIP_WAITING".into());
            let _ = w.post_message(&msg);
        }
    };
    view! {
        <Show when=move || waiting.with(Option::is_some)>
            <div class="update-banner" role="status">
                <div class="wrap status-row">
                    <p>{crate::i18n::tr("update-ready")}</p>
                    <button type="button" class="button" on:click=reload>
                        {crate::i18n::tr("update-reload")}
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// Signals need Send + Sync; the app is single-threaded, so a SendWrapper is enough.
type SendWrapperWorker = SendWrapper<ServiceWorker>;

fn register(waiting: RwSignal<Option<SendWrapperWorker>>, asked: RwSignal<bool>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    // Reload once the new worker has taken over, but only if the person asked for it.
    let on_change = Closure::<dyn Fn()>::new(move || {
        if asked.get_untracked() {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(container.register("/sw.js")).await else {
            return; // Not fatal: the app works online without a worker.
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        // With no controller this is the first install, not an update: nothing to offer.
        let is_update = || {
            web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some())
        };
        if let Some(w) = reg.waiting().filter(|_| is_update()) {
            waiting.set(Some(SendWrapper::new(w)));
        }
        let reg2 = reg.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg2.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && is_update() {
                    waiting.set(Some(SendWrapper::new(worker.clone())));
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        check_for_updates(reg);
    });
}

/// How often an open tab asks for a new version: a tab left open at a drop-in centre for days
/// must still be offered one.
const UPDATE_CHECK_MS: u32 = 60 * 60 * 1000;

/// Asks the server for a new worker on a timer and whenever the app is shown again, not only
/// on a full reload (what the browser does by itself).
fn check_for_updates(reg: ServiceWorkerRegistration) {
    let ask = move || {
        // A failed check (offline) is only a missed chance; the next one tries again.
        if let Ok(p) = reg.update() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(p).await;
            });
        }
    };
    let ask2 = ask.clone();
    gloo_timers::callback::Interval::new(UPDATE_CHECK_MS, ask).forget();
    let on_visible = Closure::<dyn Fn()>::new(move || {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        if visible {
            ask2();
        }
    });
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let _ = doc.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
    }
    on_visible.forget();
}
