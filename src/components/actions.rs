//! What a person can do with one listing: save it (a star), share it, and put its closing date
//! in their calendar. Placed on the listing's page.

use leptos::prelude::*;

use crate::i18n::tr;
use opendoor_core::ics;
use opendoor_core::listing::{Availability, Listing};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use opendoor_core::words;

use crate::clock;
use crate::runtime::ctx::use_ctx;

/// The listing's address in Open Door, for sharing and for the calendar entry.
pub fn listing_url(id: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!(
        "{origin}/opportunities/{}",
        js_sys::encode_uri_component(id)
    )
}

#[component]
pub fn ListingActions(listing: Listing) -> impl IntoView {
    let ctx = use_ctx();
    let saved = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let id = listing.id.clone();
    {
        let store = ctx.store();
        let id = id.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(s) = store.is_saved(&id).await {
                saved.set(s);
            }
        });
    }
    let star_listing = listing.clone();
    let toggle = move |_| {
        let store = ctx.store();
        let l = star_listing.clone();
        let now = clock::now_unix();
        let was = saved.get_untracked();
        wasm_bindgen_futures::spawn_local(async move {
            let result = if was {
                store.unsave_listing(&l.id).await
            } else {
                store.save_listing(&l, now).await
            };
            match result {
                Ok(()) => {
                    saved.set(!was);
                    message.set(if was {
                        tr("actions-removed-from-your-saved")
                    } else {
                        tr("actions-saved-you-can-find")
                    });
                }
                Err(e) => message.set(crate::i18n::tr_with(
                    "not-saved",
                    &[(
                        "reason",
                        words::storage_problem(&crate::i18n::cat(), &e.problem()).into(),
                    )],
                )),
            }
        });
    };
    let share_title = listing.title.clone();
    let share_id = id.clone();
    let share = move |_| {
        let url = listing_url(&share_id);
        let title = share_title.clone();
        wasm_bindgen_futures::spawn_local(async move {
            message.set(share_or_copy(&title, &url).await);
        });
    };
    let open = listing.availability(clock::today()) == Availability::Open;
    let calendar = (open && listing.closing_date.is_some()).then(|| {
        let l = listing.clone();
        let download = move |_| {
            let url = listing_url(&l.id);
            if let Some(text) = ics::closing_date(&l, &url, clock::now()) {
                match download_file(&ics::file_name(&l), "text/calendar", &text) {
                    Ok(()) => message.set(tr("actions-calendar-file-downloaded-open")),
                    Err(_) => message.set(tr("actions-couldnt-make-the-calendar")),
                }
            }
        };
        view! {
            <button type="button" class="button button-secondary" on:click=download>
                {tr("actions-add-closing-date-to")}
            </button>
        }
    });
    view! {
        <div class="actions">
            <button
                type="button"
                class="button button-secondary star"
                aria-pressed=move || if saved.get() { "true" } else { "false" }
                on:click=toggle
            >
                <span aria-hidden="true" class="star-mark">
                    {move || if saved.get() { "\u{2605}" } else { "\u{2606}" }}
                </span>
                " " {move || tr(if saved.get() { "actions-saved" } else { "actions-save" })}
            </button>
            <button type="button" class="button button-secondary" on:click=share>
                {tr("actions-share")}
            </button>
            {calendar}
            <p class="actions-message" role="status">
                {move || message.get()}
            </p>
        </div>
    }
}

fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = js_sys::Reflect::get(target, &name.into()).ok()?;
    let f = f.dyn_into::<js_sys::Function>().ok()?;
    let arr: js_sys::Array = args.iter().collect();
    f.apply(target, &arr).ok()
}

/// The Web Share API where there is one (phones), otherwise copy the link.
async fn share_or_copy(title: &str, url: &str) -> String {
    let Some(window) = web_sys::window() else {
        return crate::i18n::tr_with("actions-copy-link", &[("url", url.into())]);
    };
    let nav: JsValue = window.navigator().into();
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    if let Some(p) =
        call(&nav, "share", &[data.into()]).and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    {
        match JsFuture::from(p).await {
            Ok(_) => return String::new(),
            Err(e) => {
                let name = js_sys::Reflect::get(&e, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string());
                if name.as_deref() == Some("AbortError") {
                    return String::new(); // the person closed the share sheet
                }
            }
        }
    }
    let clipboard = js_sys::Reflect::get(&nav, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    if !clipboard.is_undefined() {
        if let Some(p) = call(&clipboard, "writeText", &[url.into()])
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        {
            if JsFuture::from(p).await.is_ok() {
                return tr("actions-link-copied-you-can");
            }
        }
    }
    crate::i18n::tr_with("actions-copy-link", &[("url", url.into())])
}

/// Offers `text` as a file download (no network, works offline).
fn download_file(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download reads the object URL after this returns; free it a little later.
    gloo_timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
