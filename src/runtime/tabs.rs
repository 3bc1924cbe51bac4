//! Other open tabs of this app: told when an application changed (sent, saved, withdrawn), so
//! they show it without waiting for their own next sync. A BroadcastChannel; none where
//! unsupported (nothing depends on it).

use wasm_bindgen::prelude::*;

thread_local! {
    static APPS_CHANNEL: Option<web_sys::BroadcastChannel> =
        web_sys::BroadcastChannel::new("opendoor-applications").ok();
}

pub fn tell_apps_changed() {
    APPS_CHANNEL.with(|c| {
        if let Some(c) = c {
            let _ = c.post_message(&JsValue::from_str("changed"));
        }
    });
}

/// Runs `then` whenever another tab says an application changed.
pub fn on_apps_changed(then: impl Fn() + 'static) {
    let on_message = Closure::<dyn Fn()>::new(then);
    APPS_CHANNEL.with(|c| {
        if let Some(c) = c {
            c.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        }
    });
    // Lives as long as the page.
    on_message.forget();
}
