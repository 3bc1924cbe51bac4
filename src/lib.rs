//! Open Door's browser app: a thin shell of IndexedDB, fetch, the service worker and the DOM
//! around the plain-Rust domain in `opendoor-core`. See ARCHITECTURE.md and
//! src/ARCHITECTURE-app.md: `store` (IndexedDB), `net` (HTTP), `device` (shared-device
//! security), `runtime` (what runs beside the screens), `pages` and `components` (screens),
//! `app` (routes and layout).

pub mod app;
pub mod clock;
pub mod components;
pub mod device;
pub mod finder;
pub mod first_paint;
pub mod i18n;
pub mod net;
pub mod pages;
pub mod runtime;
pub mod store;

use leptos::prelude::*;

/// Opens the database, then mounts the app. Asks once for persistent storage so the browser
/// does not evict saved listings under storage pressure.
pub fn start() {
    console_error_panic_hook_lite();
    wasm_bindgen_futures::spawn_local(async {
        i18n::start().await;
        ask_persistent_storage();
        match store::Store::open().await {
            Ok(store) => match first_paint::app_root() {
                // Mounted hidden; it takes the first paint's place when its screen is ready.
                Some(root) => {
                    leptos::mount::mount_to(
                        root,
                        move || view! { <app::App store=store.clone()/> },
                    )
                    .forget();
                }
                None => {
                    remove_boot_message();
                    leptos::mount::mount_to_body(move || view! { <app::App store=store.clone()/> });
                }
            },
            Err(e) => show_boot_error(&opendoor_core::words::storage_problem(
                &crate::i18n::cat(),
                &e.problem(),
            )),
        }
    });
}

fn ask_persistent_storage() {
    if let Some(w) = web_sys::window() {
        if let Ok(storage) = js_sys::Reflect::get(&w.navigator(), &"storage".into()) {
            if !storage.is_undefined() {
                let _ = w.navigator().storage().persist();
            }
        }
    }
}

fn remove_boot_message() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        el.remove();
    }
}

fn show_boot_error(message: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot-message"))
    {
        el.set_text_content(Some(&format!(
            "Open Door can't start in this browser: {message}. Try another browser, or turn off private browsing."
        )));
    }
}

/// Panics reach the console (there is no other place to see them on a phone).
fn console_error_panic_hook_lite() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}
