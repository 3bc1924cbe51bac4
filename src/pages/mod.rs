//! One module per screen. Routes are in app.rs.

pub mod detail;
pub mod list;
pub mod not_found;

/// Sets the tab title, so screen reader users hear where they are after a navigation.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{title} – Open Door"));
    }
}
