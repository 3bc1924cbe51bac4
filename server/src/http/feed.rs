//! `GET /feed/opportunities`: RPDE pages from the page cache, conditional and compressed.

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use opendoor_core::api::ErrorCode;
use serde::Deserialize;

use super::errors::{blocking, ApiError, ApiResult};
use super::AppState;
use crate::feed::{Cursor, Encoding, RenderedPage, FULL_PAGE_CACHE, LAST_PAGE_CACHE};
use crate::page_cache::Served;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct FeedQuery {
    after_timestamp: Option<String>,
    after_id: Option<String>,
}

/// The server's own address for links it writes: `--public-url`, else the request's Host.
pub(crate) fn base_url(s: &AppState, headers: &HeaderMap) -> String {
    if let Some(u) = &s.public_url {
        return u.trim_end_matches('/').to_owned();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

pub(super) async fn feed(
    State(s): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<FeedQuery>,
) -> ApiResult<Response> {
    let after: Option<Cursor> = match (q.after_timestamp, q.after_id) {
        (None, None) => None,
        (Some(t), Some(id)) => {
            let t: i64 = t.parse().map_err(|_| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    ErrorCode::BadCursor,
                    "afterTimestamp must be an integer",
                )
            })?;
            if id.is_empty() || id.len() > 200 {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    ErrorCode::BadCursor,
                    "afterId is empty or too long",
                ));
            }
            Some((t, id))
        }
        _ => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadCursor,
                "afterTimestamp and afterId go together: give both or neither",
            ))
        }
    };
    let base = base_url(&s, &headers);
    let encoding = Encoding::negotiate(
        headers
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    );
    let not_modified = |p: &RenderedPage| {
        headers
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|v| p.matches(v))
    };
    let (pages, limit, license) = (s.pages.clone(), s.page_size, s.license.clone());
    let page = blocking(&s.store, move |st| {
        let (page, served) = pages.get_or_render(st, &base, after.as_ref(), limit, &license)?;
        // Compress (once per kept page and encoding) off the async threads.
        let body = match served {
            Served::Uncached => page.encoded_once(encoding),
            Served::Hit | Served::Miss => page.encoded(encoding),
        };
        Ok::<_, crate::store::StoreError>((page, body, served))
    })
    .await?;
    let (page, body, served) = page;
    let cache = if page.is_last {
        LAST_PAGE_CACHE
    } else {
        FULL_PAGE_CACHE
    };
    let etag = HeaderValue::from_str(&page.etag_for(encoding)).map_err(ApiError::internal)?;
    let mut res = if not_modified(&page) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut r = Response::new(Body::from(body));
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        if let Some(enc) = encoding.header() {
            r.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(enc));
        }
        r
    };
    let h = res.headers_mut();
    h.insert(header::ETAG, etag);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert(
        "x-opendoor-cache",
        HeaderValue::from_static(match served {
            Served::Hit => "hit",
            Served::Miss => "miss",
            Served::Uncached => "uncached",
        }),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    Ok(res)
}
