//! Taking over from the server's first paint. On a first visit the server sends the list (or one
//! opportunity) as HTML in `#boot[data-first-paint]` (server/src/first_paint). The app then
//! mounts beside it, hidden, and swaps itself in only when its own screen has the same content
//! (the listings are stored, or the opportunity is): same place on the page, nothing typed lost.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

fn first_paint() -> Option<web_sys::Element> {
    let boot = web_sys::window()?.document()?.get_element_by_id("boot")?;
    boot.has_attribute("data-first-paint").then_some(boot)
}

/// Where the app mounts: a hidden element after the first paint, when there is one.
pub fn app_root() -> Option<HtmlElement> {
    first_paint()?;
    let doc = web_sys::window()?.document()?;
    let el: HtmlElement = doc.create_element("div").ok()?.dyn_into().ok()?;
    el.set_id("app");
    el.set_hidden(true);
    doc.body()?.append_child(&el).ok()?;
    Some(el)
}

/// Whether the address is one the server paints first (the list, or one opportunity): those
/// screens take over when their content is ready; every other screen at once.
pub fn painted_first(path: &str) -> bool {
    opendoor_core::first_screen::painted_first(path).is_some()
}

/// Shows the app in place of the first paint, at the same scroll position. What was typed in
/// the first paint's search box moves into the app's, with focus if it had it.
pub fn take_over() {
    let Some(boot) = first_paint() else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else {
        return;
    };
    let Some(app) = doc
        .get_element_by_id("app")
        .and_then(|a| a.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let y = window.scroll_y().unwrap_or(0.0);
    let active = doc.active_element();
    let focus_inside = active.as_ref().is_some_and(|a| boot.contains(Some(a)));
    let typed = boot
        .query_selector("#search")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .filter(|v| !v.is_empty());
    let search_had_focus = active.as_ref().is_some_and(|a| a.id() == "search");
    boot.remove();
    app.set_hidden(false);
    window.scroll_to_with_x_and_y(0.0, y);
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    let search = doc
        .get_element_by_id("search")
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
    if let (Some(text), Some(input)) = (typed, &search) {
        if input.value() != text {
            input.set_value(&text);
            if let Ok(ev) = web_sys::Event::new("input") {
                let _ = input.dispatch_event(&ev);
            }
        }
    }
    if search_had_focus {
        if let Some(input) = search {
            let _ = input.focus_with_options(&opts);
            return;
        }
    }
    if focus_inside {
        if let Some(main) = doc
            .get_element_by_id("main")
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = main.focus_with_options(&opts);
        }
    }
}
