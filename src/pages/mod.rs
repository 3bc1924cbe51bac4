//! One module per screen. Routes are in app.rs.

pub mod about_me;
pub mod applications;
pub mod apply;
pub mod detail;
pub mod device;
pub mod list;
pub mod not_found;
pub mod pin;
pub mod saved;

use std::cell::Cell;

thread_local! {
    static FIRST_PAGE_SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// Called by each screen as it is created. After an in-app navigation, move to the top and put
/// focus on the main content, as a full page load would, so screen reader and keyboard users
/// start at the new page rather than on a link that no longer exists.
pub fn arrived() {
    if FIRST_PAGE_SHOWN.with(|f| f.replace(true)) {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        crate::app::focus_main();
    }
}

/// Sets the tab title, so screen reader users hear where they are after a navigation.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{title} – Open Door"));
    }
}
