//! Sending applications: the shell around `opendoor_core::outbox`.
//!
//! `flush` sends everything due, one tab at a time (a Web Lock named "opendoor-outbox"; where
//! the browser has none, the idempotency key alone still keeps it to one application). Each
//! record is re-read inside the lock, sent with its stored key, and the outcome written back.
//! Triggers: app start, `online`, the app becoming visible, a timer for the next retry, "Send
//! now", and a Background Sync message from the service worker where the browser has it.

use std::cell::RefCell;

use gloo_net::http::Request;
use opendoor_core::application::ApplicationView;
use opendoor_core::outbox::{outcome_of, Failure, LocalApplication, Outcome, Stage};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCache};

use crate::store::{Store, StoreError};

pub(crate) const API: &str = "/api/v1/applications";
const LOCK: &str = "opendoor-outbox";
const TIMEOUT_MS: u32 = 20_000;

thread_local! {
    /// The timer for the next retry; replaced whenever a flush finishes.
    static RETRY: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
}

/// A fresh idempotency key: a random (version 4) UUID from the browser's crypto, which works
/// outside secure contexts too, unlike `crypto.randomUUID`.
pub fn new_key() -> String {
    let b = crate::crypto::random::<16>().unwrap_or_else(|_| {
        std::array::from_fn(|i| ((js_sys::Math::random() * 256.0) as u8) ^ (i as u8))
    });
    opendoor_core::application::uuid_v4(b)
}

pub(crate) fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// What a flush did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flushed {
    pub sent_or_tried: usize,
    /// Some application came back to its draft (refused): the listing has probably changed.
    pub returned_to_draft: bool,
}

/// Sends every application that is due (or, with `force`, every one waiting), holding the
/// outbox lock.
pub async fn flush(store: &Store, force: bool) -> Flushed {
    let store = store.clone();
    match web_lock(move || send_due(store, force)).await {
        Ok(f) => f,
        Err(e) => {
            web_sys::console::warn_1(&format!("outbox: {e:?}").into());
            Flushed::default()
        }
    }
}

/// Inside the lock: send what is due, one at a time, re-reading each record first.
async fn send_due(store: Store, force: bool) -> Result<Flushed, StoreError> {
    if crate::vault::shared() {
        return crate::sealed_outbox::send_due(&store, force).await;
    }
    let mut done = Flushed::default();
    let ready = |a: &LocalApplication| a.due(now_ms()) || (force && a.next_try_at().is_some());
    let ids: Vec<String> = store
        .applications()
        .await?
        .into_iter()
        .filter(ready)
        .map(|a| a.id)
        .collect();
    for id in ids {
        // Another tab may have sent it while we waited for the lock.
        let Some(app) = store.application(&id).await? else {
            continue;
        };
        if !ready(&app) {
            continue;
        }
        let outcome = post(&app).await;
        let jitter = js_sys::Math::random();
        let after = store
            .update_application(&id, |a| a.record(outcome, now_ms(), jitter))
            .await?;
        done.sent_or_tried += 1;
        done.returned_to_draft |= after.is_some_and(|a| a.is_draft());
    }
    Ok(done)
}

/// Milliseconds until the earliest retry still waiting, if any.
pub async fn next_retry_in(store: &Store) -> Option<u32> {
    let at = if crate::vault::shared() {
        store.sealed_next_try_at().await?
    } else {
        let apps = store.applications().await.ok()?;
        apps.iter()
            .filter_map(LocalApplication::next_try_at)
            .min()?
    };
    Some((at - now_ms()).clamp(250, i64::from(i32::MAX)) as u32)
}

/// Runs `then` after `ms`, replacing any retry timer already set.
pub fn set_retry_timer(ms: u32, then: impl FnOnce() + 'static) {
    let timer = gloo_timers::callback::Timeout::new(ms, then);
    RETRY.with(|r| *r.borrow_mut() = Some(timer));
}

async fn post(app: &LocalApplication) -> Outcome {
    let Stage::Waiting { key, request, .. } = &app.stage else {
        return Outcome::TryLater(Failure::NoConnection);
    };
    let Ok(body) = serde_json::to_string(request) else {
        return Outcome::NotAccepted("the application could not be prepared".into());
    };
    match post_raw(body, "application/json", key).await {
        Ok((status, bytes)) => outcome_of(status, &bytes),
        Err(failure) => Outcome::TryLater(failure),
    }
}

/// One POST of an application body under its idempotency key: the server's status and body,
/// or why there was no answer.
pub(crate) async fn post_raw(
    body: String,
    content_type: &str,
    key: &str,
) -> Result<(u16, Vec<u8>), Failure> {
    let controller = AbortController::new().ok();
    let timer = controller
        .clone()
        .map(|c| gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || c.abort()));
    let req = Request::post(API)
        .cache(RequestCache::NoStore)
        .header("Content-Type", content_type)
        .header("Idempotency-Key", key)
        .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref())
        .body(body);
    let Ok(req) = req else {
        return Err(Failure::NoConnection);
    };
    let answer = match req.send().await {
        Err(_) if controller.as_ref().is_some_and(|c| c.signal().aborted()) => {
            Err(Failure::TimedOut)
        }
        Err(_) => Err(Failure::NoConnection),
        Ok(resp) => {
            let status = resp.status();
            resp.binary()
                .await
                .map(|bytes| (status, bytes))
                .map_err(|_| Failure::TimedOut)
        }
    };
    drop(timer);
    answer
}

/// Fetches status and feedback for every sent application, with each one's own token.
pub async fn refresh_statuses(store: &Store) -> bool {
    let Ok(apps) = store.applications().await else {
        return false;
    };
    let mut changed = false;
    for app in apps {
        let Stage::Sent {
            server_id,
            status_token,
            ..
        } = &app.stage
        else {
            continue;
        };
        let url = format!("{API}/{}", js_sys::encode_uri_component(server_id));
        let resp = Request::get(&url)
            .cache(RequestCache::NoStore)
            .header("Authorization", &format!("Bearer {status_token}"))
            .send()
            .await;
        let Ok(resp) = resp else { return changed }; // offline: try again next sync
        if resp.status() != 200 {
            continue;
        }
        let Ok(view) = resp.json::<ApplicationView>().await else {
            continue;
        };
        let now = now_ms();
        if store
            .update_application(&app.id, |a| a.update_status(&view, now))
            .await
            .is_ok()
        {
            changed = true;
        }
    }
    changed
}

/// Why withdrawing did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum WithdrawError {
    Offline,
    Refused(u16),
    Storage(StoreError),
}

impl std::fmt::Display for WithdrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WithdrawError::Offline => write!(f, "You need a connection to withdraw. Nothing has changed: try again when you are online."),
            WithdrawError::Refused(code) => write!(f, "The organisers' system did not accept the withdrawal (error {code}). Try again later."),
            WithdrawError::Storage(e) => write!(f, "Withdrawn, but this device could not update its list: {e}"),
        }
    }
}

/// Withdraws a sent application: the server erases the personal data, then so do we.
pub async fn withdraw(store: &Store, app: &LocalApplication) -> Result<(), WithdrawError> {
    if let Stage::Sent {
        server_id,
        status_token,
        ..
    } = &app.stage
    {
        let url = format!("{API}/{}", js_sys::encode_uri_component(server_id));
        let resp = Request::delete(&url)
            .cache(RequestCache::NoStore)
            .header("Authorization", &format!("Bearer {status_token}"))
            .send()
            .await
            .map_err(|_| WithdrawError::Offline)?;
        // 404: already gone from the server, which is what the person wants.
        if !(200..300).contains(&resp.status()) && resp.status() != 404 {
            return Err(WithdrawError::Refused(resp.status()));
        }
    }
    store
        .delete_application(&app.id)
        .await
        .map_err(WithdrawError::Storage)
}

/// Runs `task` while holding the outbox Web Lock, so two tabs never send at the same time.
async fn web_lock<F, Fut>(task: F) -> Result<Flushed, JsValue>
where
    F: FnOnce() -> Fut + 'static,
    Fut: std::future::Future<Output = Result<Flushed, StoreError>> + 'static,
{
    let locks = web_sys::window()
        .map(|w| js_sys::Reflect::get(&w.navigator(), &"locks".into()))
        .and_then(Result::ok)
        .filter(|l| !l.is_undefined());
    let Some(locks) = locks else {
        return task().await.map_err(|e| JsValue::from_str(&e.to_string()));
    };
    let result = std::rc::Rc::new(std::cell::Cell::new(Flushed::default()));
    let out = result.clone();
    let mut task = Some(task);
    let callback = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |_lock| {
        let task = task.take();
        let out = out.clone();
        wasm_bindgen_futures::future_to_promise(async move {
            if let Some(task) = task {
                let done = task()
                    .await
                    .map_err(|e| JsValue::from_str(&e.to_string()))?;
                out.set(done);
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    let request = js_sys::Reflect::get(&locks, &"request".into())?;
    let request: js_sys::Function = request.dyn_into()?;
    let promise = request.call2(&locks, &LOCK.into(), callback.as_ref())?;
    JsFuture::from(js_sys::Promise::from(promise)).await?;
    drop(callback);
    Ok(result.get())
}

/// Asks the service worker for a Background Sync when the browser has it (Chromium), so it can
/// wake an open tab to send. Not relied on: every other trigger works without it.
pub fn request_background_sync() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let sw = window.navigator().service_worker();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(
            sw.ready()
                .unwrap_or_else(|_| js_sys::Promise::resolve(&JsValue::NULL)),
        )
        .await
        else {
            return;
        };
        let Ok(sync) = js_sys::Reflect::get(&reg, &"sync".into()) else {
            return;
        };
        if sync.is_undefined() || sync.is_null() {
            return;
        }
        if let Ok(register) = js_sys::Reflect::get(&sync, &"register".into()) {
            if let Ok(f) = register.dyn_into::<js_sys::Function>() {
                if let Ok(p) = f.call1(&sync, &"opendoor-outbox".into()) {
                    let _ = JsFuture::from(js_sys::Promise::from(p)).await;
                }
            }
        }
    });
}
