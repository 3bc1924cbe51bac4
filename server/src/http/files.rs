//! The app's own files (trunk's dist/), with the single-page fallback and cache headers.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use super::health::api_not_found;
use super::AppState;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

/// Hashed asset names from trunk: `name-<16 hex>.ext` or `name-<16 hex>_bg.wasm`.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).as_bytes();
    name.iter().enumerate().any(|(i, &b)| {
        if b != b'-' {
            return false;
        }
        let run = name[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c))
            .count();
        run >= 16 && matches!(name.get(i + 1 + run), Some(b'.') | Some(b'_'))
    })
}

pub(super) async fn static_files(State(s): State<AppState>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    if path.starts_with("/api/") {
        return api_not_found().await.into_response();
    }
    let Some(dir) = s.app_dir.clone() else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return (StatusCode::METHOD_NOT_ALLOWED, "method not allowed").into_response();
    }
    let method = req.method().clone();
    let headers = req.headers().clone();
    let mut res = match ServeDir::new(&dir).oneshot(req).await {
        Ok(r) => r.map(Body::new),
        Err(never) => match never {},
    };
    let last = path.rsplit('/').next().unwrap_or("");
    let spa =
        res.status() == StatusCode::NOT_FOUND && !path.starts_with("/feed/") && !last.contains('.');
    if spa {
        let mut b = Request::builder().method(method).uri("/index.html");
        for (k, v) in headers.iter() {
            b = b.header(k, v);
        }
        let index_req = b.body(Body::empty()).unwrap_or_default();
        res = match ServeFile::new(dir.join("index.html"))
            .oneshot(index_req)
            .await
        {
            Ok(r) => r.map(Body::new),
            Err(never) => match never {},
        };
    }
    if res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED {
        let cache = if !spa && is_hashed_asset(&path) {
            IMMUTABLE
        } else {
            REVALIDATE
        };
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    res
}
