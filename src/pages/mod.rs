//! One module per screen (plus `pin` and `device`'s header and first-run parts). Routes are in
//! app.rs. Screens read the context (`runtime::ctx`) and storage types, never the runtime's
//! internals.

pub mod about_me;
pub mod applications;
pub mod apply;
pub mod detail;
pub mod device;
pub mod language;
pub mod list;
pub mod listen;
pub mod news;
pub mod not_found;
pub mod pin;
pub mod saved;
pub mod text_size;
pub mod what_changed;

use std::cell::Cell;

thread_local! {
    static FIRST_PAGE_SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// Called by each screen as it is created. After an in-app navigation, move to the top and put
/// focus on the main content, as a full page load would, so screen reader and keyboard users
/// start at the new page rather than on a link that no longer exists.
pub fn arrived() {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if !crate::first_paint::painted_first(&path) {
        ready();
    }
    if FIRST_PAGE_SHOWN.with(|f| f.replace(true)) {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        focus_main();
    }
}

/// The screen has what the server's first paint showed (if there was one): the app takes over.
pub fn ready() {
    crate::first_paint::take_over();
}

/// Sets the tab title, so screen reader users hear where they are after a navigation.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&crate::i18n::tr_with(
            "page-title",
            &[("title", title.into())],
        ));
    }
}

pub fn focus_main() {
    focus_element("main");
}

/// Moves focus to the element with `id`, if there is one; returns it for callers that also
/// scroll.
pub fn focus_element(id: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let _ = el.focus();
    Some(el)
}

/// Whether what is typed here must stay out of the browser's own files: on a shared device,
/// Chromium's session restore (`Sessions/`, which keeps the form control state of history
/// entries), its autofill store (`Web Data`) and its password manager would otherwise keep one
/// person's details for the next. Fields then carry `autocomplete="off"` (Blink neither saves
/// nor restores the state of such a control, nor adds it to autofill) and no `name` (what
/// autofill's history is keyed on). Personal devices keep the helpful `autocomplete` tokens
/// (WCAG 1.3.5). docs/shared-devices.md says what is still left in the profile.
pub fn keep_private() -> bool {
    leptos::prelude::use_context::<crate::runtime::ctx::Ctx>().is_some_and(|c| c.shared())
}

/// The `name` attribute a field gets: none on a shared device.
pub fn field_name(private: bool, name: &str) -> Option<String> {
    (!private).then(|| name.to_string())
}

/// The form element's own `autocomplete`: `off` on a shared device (so Chromium treats every
/// control in it as not to be saved, whatever the control says).
pub fn form_autocomplete(private: bool) -> Option<&'static str> {
    private.then_some("off")
}
