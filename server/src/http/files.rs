//! The app's own files (trunk's dist/), with the single-page fallback and cache headers.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use super::errors::blocking;
use super::health::api_not_found;
use super::AppState;
use crate::first_paint::{self, Page};
use crate::secrets::{hex, sha256};
use opendoor_core::i18n::Lang;

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
    if let Some(target) = first_paint_target(&path) {
        let search = req.uri().query().unwrap_or("").to_owned();
        return first_paint_page(&s, &dir, target, search, req.headers()).await;
    }
    let method = req.method().clone();
    // Revalidated files are told apart by their content (ETag), never by their date: a build
    // deployed out of order, or a rollback, must still reach every browser.
    let revalidate = !is_hashed_asset(&path);
    let mut req = req;
    if revalidate {
        req.headers_mut().remove(header::IF_MODIFIED_SINCE);
    }
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
        res = match ServeFile::new(shell_path(&dir)).oneshot(index_req).await {
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
    if (spa || revalidate) && res.status() == StatusCode::OK {
        return with_etag(res, &headers).await;
    }
    res
}

/// The most a revalidated file (index.html, sw.js, the manifest, icons) is read to hash it.
const MAX_REVALIDATED: usize = 8 * 1024 * 1024;

/// A strong ETag from the content, and 304 when the browser already has exactly this.
async fn with_etag(res: Response, req_headers: &axum::http::HeaderMap) -> Response {
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_REVALIDATED).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "could not read the file").into_response();
    };
    let etag = format!("\"{}\"", &hex(&sha256(&bytes))[..32]);
    parts.headers.remove(header::LAST_MODIFIED);
    if let Ok(v) = HeaderValue::from_str(&etag) {
        parts.headers.insert(header::ETAG, v);
    }
    if etag_matches(req_headers, &etag) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::CONTENT_TYPE);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn etag_matches(headers: &axum::http::HeaderMap, etag: &str) -> bool {
    let bare = etag.trim_matches('"');
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/").trim_matches('"'))
        .any(|t| t == "*" || t == bare)
}

/// Which first-paint page an address is: the list, or one opportunity (its id decoded).
enum Target {
    List,
    Detail(String),
}

fn first_paint_target(path: &str) -> Option<Target> {
    use opendoor_core::first_screen::{painted_first, Painted};
    Some(match painted_first(path)? {
        Painted::List => Target::List,
        Painted::Detail(id) => Target::Detail(opendoor_core::query::decode(id)),
    })
}

/// The app's index.html with the listings in it (`first_paint`); the plain index.html when
/// this build has no place for them.
async fn first_paint_page(
    s: &AppState,
    dir: &std::path::Path,
    target: Target,
    search: String,
    headers: &axum::http::HeaderMap,
) -> Response {
    let shell = match tokio::fs::read_to_string(shell_path(dir)).await {
        Ok(t) => t,
        Err(_) => return (StatusCode::NOT_FOUND, "not found").into_response(),
    };
    let fp = s.first_paint.clone();
    let today = s.clock.today();
    let asked = Lang::in_query(&search).and_then(Lang::from_tag);
    let lang = Lang::of_request(
        Lang::in_query(&search),
        cookie(headers, LANG_COOKIE).as_deref(),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let c = crate::catalogue(lang);
    let page = blocking(&s.store, move |store| match target {
        Target::List => fp.list(store, &c, &search, today),
        Target::Detail(id) => fp.detail(store, &c, &id, today),
    })
    .await;
    let (status, html) = match page {
        Ok(page) => {
            let status = status_of(&page);
            (status, first_paint::splice(&shell, &page).unwrap_or(shell))
        }
        Err(e) => return e.into_response(),
    };
    let mut res = (status, html).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
    // The same address is painted in the reader's language.
    h.insert(
        header::VARY,
        HeaderValue::from_static("Cookie, Accept-Language"),
    );
    // A language link pressed before the app loaded is kept for the next pages, as the app
    // keeps it once it runs (src/i18n.rs writes the same cookie).
    if let Some(l) = asked.filter(|l| *l == lang) {
        if let Ok(v) = HeaderValue::from_str(&format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            l.tag()
        )) {
            h.insert(header::SET_COOKIE, v);
        }
    }
    if status == StatusCode::OK {
        return with_etag(res, headers).await;
    }
    res
}

/// The cookie that keeps the reader's language (only a language tag; nothing personal).
pub const LANG_COOKIE: &str = "opendoor-lang";

/// One cookie's value from the request, bounded.
fn cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .take(64)
        .find_map(|kv| {
            let (k, v) = kv.trim().split_once('=')?;
            (k == name && v.len() <= 16).then(|| v.to_owned())
        })
}

/// The app's index.html as built: `shell.html` when the build wrote one (a static export may
/// have put its own first paint into index.html), else index.html.
fn shell_path(dir: &std::path::Path) -> std::path::PathBuf {
    let shell = dir.join("shell.html");
    if shell.is_file() {
        shell
    } else {
        dir.join("index.html")
    }
}

fn status_of(page: &Page) -> StatusCode {
    if page.found {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    }
}
