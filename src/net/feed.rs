//! Fetching one feed page: conditional, under the one request policy (`http`).

use gloo_net::http::Request;
use opendoor_core::sync::{Cursor, Response};

use super::http::{send, NetError};

/// Asks for `cursor.url`, sending the validators we hold for it.
pub async fn fetch_page(cursor: &Cursor) -> Result<Response, NetError> {
    let mut req = Request::get(&cursor.url);
    if let Some(etag) = &cursor.etag {
        req = req.header("If-None-Match", etag);
    }
    if let Some(lm) = &cursor.last_modified {
        req = req.header("If-Modified-Since", lm);
    }
    let answer = send(req, None).await?;
    Ok(match answer.status {
        304 => Response::NotModified,
        s if !answer.ok() => Response::Status(s),
        _ => Response::Ok {
            body: answer.body,
            etag: answer.etag,
            last_modified: answer.last_modified,
        },
    })
}

/// Resolves a feed's `next` (often relative, e.g. "page-2.json") against the page's own URL.
pub fn resolve(base: &str, next: &str) -> Option<String> {
    web_sys::Url::new_with_base(next, base)
        .ok()
        .map(|u| u.href())
}
