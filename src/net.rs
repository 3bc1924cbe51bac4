//! Fetching one feed page: conditional, never from the HTTP cache, bounded in size and time.

use gloo_net::http::Request;
use opendoor_core::feed::MAX_PAGE_BYTES;
use opendoor_core::sync::{Cursor, Response};
use web_sys::{AbortController, RequestCache};

/// A page that takes longer than this is treated as no connection (patchy signal).
const TIMEOUT_MS: u32 = 20_000;

/// Why a fetch produced no response at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    Offline,
    TooLarge(usize),
}

/// Asks for `cursor.url`, sending the validators we hold for it.
///
/// `no-store` matters: with the default cache mode Chromium may answer from its HTTP cache while
/// offline, hiding the network state and defeating our own `If-None-Match`.
pub async fn fetch_page(cursor: &Cursor) -> Result<Response, FetchError> {
    let controller = AbortController::new().ok();
    let mut req = Request::get(&cursor.url)
        .cache(RequestCache::NoStore)
        .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    if let Some(etag) = &cursor.etag {
        req = req.header("If-None-Match", etag);
    }
    if let Some(lm) = &cursor.last_modified {
        req = req.header("If-Modified-Since", lm);
    }
    let timer =
        controller.map(|c| gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || c.abort()));
    let result = req.send().await;
    let resp = match result {
        Ok(r) => r,
        Err(_) => return Err(FetchError::Offline),
    };
    let status = resp.status();
    if status == 304 {
        drop(timer);
        return Ok(Response::NotModified);
    }
    if !(200..300).contains(&status) {
        drop(timer);
        return Ok(Response::Status(status));
    }
    let header = |name: &str| resp.headers().get(name);
    if let Some(len) = header("content-length").and_then(|l| l.parse::<usize>().ok()) {
        if len > MAX_PAGE_BYTES {
            return Err(FetchError::TooLarge(len));
        }
    }
    let etag = header("etag");
    let last_modified = header("last-modified");
    let body = resp.binary().await.map_err(|_| FetchError::Offline)?;
    drop(timer);
    Ok(Response::Ok {
        body,
        etag,
        last_modified,
    })
}

/// Resolves a feed's `next` (often relative, e.g. "page-2.json") against the page's own URL.
pub fn resolve(base: &str, next: &str) -> Option<String> {
    web_sys::Url::new_with_base(next, base)
        .ok()
        .map(|u| u.href())
}
