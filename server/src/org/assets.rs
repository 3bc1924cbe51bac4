//! The organiser pages' one stylesheet and one script, built into the binary (the pages work
//! without the script; it keeps typing safe and moves focus to the error summary).

use axum::http::header::{self, HeaderValue};
use axum::response::{IntoResponse, Response};

const CSS: &str = include_str!("assets_files/org.css");
const JS: &str = include_str!("assets_files/org.js");

fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    // Small, and changed only by a new server: revalidate after an hour.
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    res
}

pub async fn css() -> Response {
    asset(CSS, "text/css; charset=utf-8")
}

pub async fn js() -> Response {
    asset(JS, "text/javascript; charset=utf-8")
}
