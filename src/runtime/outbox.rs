//! Sending applications from a personal device: the shell around `opendoor_core::outbox`.
//!
//! `flush` (in `runtime`) sends everything due, one tab at a time (a Web Lock named
//! "opendoor-outbox"; where the browser has none, the idempotency key alone still keeps it to
//! one application). Each record is re-read inside the lock, sent with its stored key, and the
//! outcome written back. Shared devices send from the sealed outbox instead (`sealed_outbox`).

use std::cell::RefCell;

use opendoor_core::outbox::{outcome_of, Failure, LocalApplication, Outcome, Stage};
use opendoor_core::words::WithdrawProblem;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::clock;
use crate::net::api::{self, ApiError};
use crate::net::http::NetError;
use crate::store::drafts::Drafts;
use crate::store::StoreError;

const LOCK: &str = "opendoor-outbox";

thread_local! {
    /// The timer for the next retry; replaced whenever a flush finishes.
    static RETRY: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
}

/// What a flush did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flushed {
    pub sent_or_tried: usize,
    /// Some application came back to its draft (refused): the listing has probably changed.
    pub returned_to_draft: bool,
}

/// Why no answer came: the domain's words for a failed request.
pub fn failure_of(e: &NetError) -> Failure {
    match e {
        NetError::TimedOut => Failure::TimedOut,
        NetError::Offline | NetError::TooLarge(_) => Failure::NoConnection,
    }
}

/// Inside the lock: send what is due, one at a time, re-reading each record first.
pub async fn send_due(drafts: Drafts, force: bool) -> Result<Flushed, StoreError> {
    let mut done = Flushed::default();
    let ready =
        |a: &LocalApplication| a.due(clock::now_ms()) || (force && a.next_try_at().is_some());
    let ids: Vec<String> = drafts
        .applications()
        .await?
        .into_iter()
        .filter(ready)
        .map(|a| a.id)
        .collect();
    for id in ids {
        // Another tab may have sent it while we waited for the lock.
        let Some(app) = drafts.application(&id).await? else {
            continue;
        };
        if !ready(&app) {
            continue;
        }
        let outcome = post(&app).await;
        let jitter = js_sys::Math::random();
        let after = drafts
            .update_application(&id, |a| {
                a.record(&crate::i18n::cat(), outcome, clock::now_ms(), jitter)
            })
            .await?;
        done.sent_or_tried += 1;
        done.returned_to_draft |= after.is_some_and(|a| a.is_draft());
    }
    Ok(done)
}

/// The earliest retry still waiting among these applications.
pub fn next_try_at(apps: &[LocalApplication]) -> Option<i64> {
    apps.iter().filter_map(LocalApplication::next_try_at).min()
}

/// Runs `then` at `at` (ms since the epoch, at least a quarter second away), replacing any retry
/// timer already set.
pub fn set_retry_timer(at: i64, then: impl FnOnce() + 'static) {
    let ms = (at - clock::now_ms()).clamp(250, i64::from(i32::MAX)) as u32;
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
    match api::post_application(body, "application/json", key).await {
        Ok(answer) => outcome_of(answer.status, &answer.body),
        Err(e) => Outcome::TryLater(failure_of(&e)),
    }
}

/// Fetches status and feedback for every sent application, with each one's own token.
pub async fn refresh_statuses(drafts: &Drafts) -> bool {
    let Ok(apps) = drafts.applications().await else {
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
        let view = match api::status(server_id, status_token).await {
            Ok(Some(v)) => v,
            Ok(None) => continue,
            Err(_) => return changed, // offline: try again next sync
        };
        let now = clock::now_ms();
        if drafts
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
#[derive(Clone, Debug)]
pub enum WithdrawError {
    Server(ApiError),
    Storage(StoreError),
}

impl WithdrawError {
    /// What a person is told (worded by `core::words::withdraw_problem`).
    pub fn problem(&self) -> WithdrawProblem {
        match self {
            WithdrawError::Server(ApiError::Net(_)) => WithdrawProblem::Offline,
            WithdrawError::Server(ApiError::Refused { status, .. }) => {
                WithdrawProblem::Refused(*status)
            }
            WithdrawError::Storage(e) => WithdrawProblem::Storage(e.problem()),
        }
    }
}

/// For logs; people read `words::withdraw_problem`.
impl std::fmt::Display for WithdrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WithdrawError::Server(e) => write!(f, "the server did not withdraw: {e}"),
            WithdrawError::Storage(e) => write!(f, "withdrawn, but not removed here: {e}"),
        }
    }
}

impl std::error::Error for WithdrawError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WithdrawError::Server(e) => Some(e),
            WithdrawError::Storage(e) => Some(e),
        }
    }
}

/// Withdraws a sent application: the server erases the personal data, then so do we.
pub async fn withdraw(drafts: &Drafts, app: &LocalApplication) -> Result<(), WithdrawError> {
    if let Stage::Sent {
        server_id,
        status_token,
        ..
    } = &app.stage
    {
        api::withdraw(server_id, status_token)
            .await
            .map_err(WithdrawError::Server)?;
    }
    drafts
        .delete_application(&app.id)
        .await
        .map_err(WithdrawError::Storage)
}

/// Runs `task` while holding the outbox Web Lock, so two tabs never send at the same time.
pub async fn web_lock<F, Fut>(task: F) -> Result<Flushed, JsValue>
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
