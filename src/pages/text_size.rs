//! "Text size" in Settings: four steps on top of the browser's zoom, applied at once and kept
//! on this device (`core::text_size`; public/boot.js applies it before the app starts).

use leptos::prelude::*;
use opendoor_core::text_size::TextSize;

/// Where the device keeps the choice (boot.js reads the same key).
const KEY: &str = "opendoor.textSize";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The size this device uses now.
pub fn current() -> TextSize {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .map(|v| TextSize::parse(&v))
        .unwrap_or_default()
}

/// Shows the page in `size` and keeps it. Not kept (private browsing, storage full) still
/// changes this page; the message says so.
fn choose(size: TextSize) -> bool {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let classes = root.class_list();
        for t in TextSize::ALL {
            if let Some(c) = t.class() {
                let _ = classes.remove_1(&c);
            }
        }
        if let Some(c) = size.class() {
            let _ = classes.add_1(&c);
        }
    }
    storage().is_some_and(|s| s.set_item(KEY, size.key()).is_ok())
}

#[component]
pub fn TextSizeChoice() -> impl IntoView {
    let size = RwSignal::new(current());
    let message = RwSignal::new(String::new());
    let pick = move |t: TextSize| {
        size.set(t);
        let kept = choose(t);
        let size = crate::i18n::tr(t.message_id());
        message.set(crate::i18n::tr_with(
            if kept {
                "text-size-chosen"
            } else {
                "text-size-not-kept"
            },
            &[("size", size.into())],
        ));
    };
    let options = TextSize::ALL.map(|t| {
        let id = format!("text-size-{}", t.key());
        let for_id = id.clone();
        view! {
            <div class="radio">
                <input class="radio-input" type="radio" name="text-size" id=id
                    prop:checked=move || size.get() == t on:change=move |_| pick(t)/>
                <label class="radio-label" for=for_id>{crate::i18n::tr_with("text-size-option", &[("size", crate::i18n::tr(t.message_id()).into()), ("percent", t.percent().into())])}</label>
            </div>
        }
    });
    view! {
        <fieldset class="fieldset form-group">
            <legend class="legend">{crate::i18n::tr("text-size-legend")}</legend>
            <p class="hint">{crate::i18n::tr("text-size-hint")}</p>
            {options.to_vec()}
        </fieldset>
        <p role="status" aria-live="polite">{move || message.get()}</p>
    }
}
