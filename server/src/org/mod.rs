//! The organisers' side in a browser: server-rendered pages under `/org` (docs/decisions.md,
//! "Organisers' pages"). Sign-in by one-time emailed link, sessions with CSRF tokens, the
//! listing editor, the inbox of applications, answering people, impact notes, colleagues,
//! export and the audit trail. Plain HTML forms that work with no script; one small external
//! script (assets/org.js) keeps what is typed in the browser until it is saved.

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use crate::http::{limited, AppState};
use crate::rate_limit::RateLimits;

mod assets;
mod editor;
pub mod editor_form;
mod editor_view;
mod fields;
mod inbox;
mod listing_view;
mod listings;
mod page;
mod people;
mod session;
mod sign_in;

pub use fields::Fields;

/// The largest form a page posts (a whole listing with 50 questions fits many times over).
pub const MAX_FORM_BYTES: usize = 512 * 1024;
/// The largest file an organisation may upload (CSV or VDS).
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;

/// Every organiser page route, as (method, path): a test checks each POST refuses a request
/// without the session's CSRF token.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/org"),
    ("get", "/org/sign-in"),
    ("post", "/org/sign-in"),
    ("get", "/org/link/{token}"),
    ("post", "/org/link/{token}"),
    ("post", "/org/sign-out"),
    ("get", "/org/listings"),
    ("get", "/org/listings/new"),
    ("post", "/org/listings/new"),
    ("get", "/org/listings/{id}"),
    ("get", "/org/listings/{id}/edit"),
    ("post", "/org/listings/{id}/edit"),
    ("get", "/org/listings/{id}/preview"),
    ("post", "/org/listings/{id}/status"),
    ("post", "/org/listings/{id}/impact"),
    ("get", "/org/listings/{id}/applications"),
    ("post", "/org/listings/{id}/applications"),
    ("get", "/org/applications/{id}"),
    ("post", "/org/applications/{id}"),
    ("post", "/org/applications/{id}/note"),
    ("get", "/org/applications/{id}/erase"),
    ("post", "/org/applications/{id}/erase"),
    ("get", "/org/people"),
    ("post", "/org/people"),
    ("post", "/org/people/{id}/remove"),
    ("get", "/org/export.csv"),
    ("get", "/org/activity"),
    ("get", "/org/upload"),
    ("post", "/org/upload"),
];

/// The address of a sign-in link.
pub fn link_url(base: &str, token: &str) -> String {
    format!("{}/org/link/{token}", base.trim_end_matches('/'))
}

/// The routes. Asking for and using sign-in links share the status endpoints' per-client limit
/// (`--status-per-minute`), so nobody can try links or send emails at speed.
pub fn routes(limits: &RateLimits) -> Router<AppState> {
    let per_minute = limits.status_per_minute;
    Router::new()
        .route("/org", get(sign_in::home))
        .route("/org/", get(sign_in::home))
        .route(
            "/org/sign-in",
            get(sign_in::form).merge(limited(post(sign_in::request), per_minute, limits)),
        )
        .route(
            "/org/link/{token}",
            get(sign_in::confirm).merge(limited(post(sign_in::use_link), per_minute, limits)),
        )
        .route("/org/sign-out", post(sign_in::sign_out))
        .route("/org/listings", get(listings::overview))
        .route(
            "/org/listings/new",
            get(editor::new_form).post(editor::save_new),
        )
        .route("/org/listings/{id}", get(listings::show))
        .route(
            "/org/listings/{id}/edit",
            get(editor::edit_form).post(editor::save_existing),
        )
        .route("/org/listings/{id}/preview", get(editor::preview))
        .route("/org/listings/{id}/status", post(listings::set_status))
        .route("/org/listings/{id}/impact", post(listings::impact))
        .route(
            "/org/listings/{id}/applications",
            get(inbox::list).post(inbox::bulk),
        )
        .route(
            "/org/applications/{id}",
            get(inbox::show).post(inbox::answer_one),
        )
        .route("/org/applications/{id}/note", post(inbox::note))
        .route(
            "/org/applications/{id}/erase",
            get(inbox::erase_confirm).post(inbox::erase),
        )
        .route("/org/people", get(people::list).post(people::invite))
        .route("/org/people/{id}/remove", post(people::remove))
        .route("/org/export.csv", get(inbox::export))
        .route("/org/activity", get(people::activity))
        .route(
            "/org/upload",
            get(listings::upload_form)
                .post(listings::upload)
                .layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES + 64 * 1024)),
        )
        .route("/org/assets/org.css", get(assets::css))
        .route("/org/assets/org.js", get(assets::js))
        .route("/org/{*rest}", get(page::not_found))
        .layer(DefaultBodyLimit::max(MAX_FORM_BYTES))
}
