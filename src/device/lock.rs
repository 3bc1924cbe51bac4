//! Locking a shared device: one person unlocked at a time (other tabs lock when someone unlocks
//! here), the idle clock, and the reload that leaves nothing typed in memory.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::session::{self, Unlocked};
use crate::clock;

const LOCK_CHANNEL: &str = "opendoor-lock";

pub type SaveHook = Rc<dyn Fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>>;

thread_local! {
    static LAST_ACTIVITY: Cell<i64> = Cell::new(clock::now_ms());
    /// The open form's "save now", run before locking so the last keystrokes are kept.
    static BEFORE_LOCK: RefCell<Option<SaveHook>> = const { RefCell::new(None) };
    /// One channel for sending and hearing "lock" (a channel never hears its own messages).
    static LOCK_BC: Option<web_sys::BroadcastChannel> =
        web_sys::BroadcastChannel::new(LOCK_CHANNEL).ok();
}

/// Tells every other tab to lock.
fn lock_other_tabs() {
    LOCK_BC.with(|c| {
        if let Some(c) = c {
            let _ = c.post_message(&"lock".into());
        }
    });
}

/// A PIN was accepted here: keep the keys, lock the other tabs (so a volunteer switching tabs
/// never has someone else's things open beside this person's), start the idle clock.
pub fn unlocked_here(u: Unlocked) {
    session::start(u);
    lock_other_tabs();
    touch();
}

/// Someone used the page: push the idle lock back.
pub fn touch() {
    LAST_ACTIVITY.with(|c| c.set(clock::now_ms()));
}

/// Milliseconds until the idle lock after `lock_minutes`, while someone is unlocked.
pub fn idle_left_ms(lock_minutes: u32) -> Option<f64> {
    let limit = f64::from(lock_minutes) * 60_000.0;
    session::is_unlocked().then(|| limit - (clock::now_ms() - LAST_ACTIVITY.with(Cell::get)) as f64)
}

/// The open form registers how to save at once; `None` when it goes away.
pub fn set_before_lock(hook: Option<SaveHook>) {
    BEFORE_LOCK.with(|h| *h.borrow_mut() = hook);
}

/// Locks: saves the open form, drops the keys, tells other tabs, and reloads at the start page
/// (replacing this history entry), so nothing the person typed stays in this page's memory.
pub async fn lock() {
    lock_to("/").await
}

/// Locks, then starts again at `path` (a fixed page of ours, never one with a person's data).
pub async fn lock_to(path: &str) {
    save_open_form().await;
    lock_other_tabs();
    forget_and_restart(path);
}

async fn save_open_form() {
    if let Some(save) = BEFORE_LOCK.with(|h| h.borrow_mut().take()) {
        save().await;
    }
}

fn forget_and_restart(path: &str) {
    session::forget();
    clear_typed_fields();
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(path);
    }
}

/// Empties every text field on the page before it is left, so the history entry Chromium
/// keeps for session restore could hold nothing typed even if a field were ever saved (the
/// fields are `autocomplete="off"` on a shared device, which Blink does not save; this is the
/// second line). Setting `value` fires no input event, so nothing is saved as empty.
fn clear_typed_fields() {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = doc.query_selector_all("input, textarea") else {
        return;
    };
    for i in 0..list.length() {
        let Some(node) = list.item(i) else { continue };
        if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            match input.type_().as_str() {
                "checkbox" | "radio" => input.set_checked(false),
                _ => input.set_value(""),
            }
        } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value("");
        }
    }
}

/// Another tab locked (or someone pressed "I'm finished" there): lock here too.
pub fn listen_for_lock() {
    let on_message = Closure::<dyn Fn()>::new(move || {
        if session::is_unlocked() {
            wasm_bindgen_futures::spawn_local(async {
                save_open_form().await;
                forget_and_restart("/");
            });
        }
    });
    LOCK_BC.with(|c| {
        if let Some(c) = c {
            c.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        }
    });
    // Lives as long as the page.
    on_message.forget();
}
