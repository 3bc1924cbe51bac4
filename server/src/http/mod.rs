//! The HTTP side: the router, its state and the security headers. Handlers, by concern, live
//! in the submodules and only talk to `Store`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use opendoor_core::api::ErrorCode;
use opendoor_core::application;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::clock::Clock;
use crate::conn::DeadlineBody;
use crate::page_cache::PageCache;
use crate::rate_limit::{self, Guard, Limiter, RateLimits};
use crate::store::Store;

mod applications;
mod errors;
mod feed;
mod files;
mod health;
mod organisers;
mod sealed;

use applications::{create_application, get_application, withdraw_application};
pub use errors::{ApiError, ApiResult};
pub(crate) use feed::base_url;
use feed::feed;
pub use files::is_hashed_asset;
use files::static_files;
use health::{api_not_found, healthz, readyz};
pub use organisers::OrganiserAuth;
use organisers::{organiser_get, organiser_list, organiser_me, organiser_update};
use sealed::seal_key;
pub use sealed::{is_sealed, sealed_error_code};

pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
/// A year, as the HSTS preload list asks; subdomains are the operator's to decide.
pub const HSTS: &str = "max-age=31536000";
pub const PERMISSIONS_POLICY: &str =
    "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), \
interest-cohort=(), browsing-topics=()";

/// Every route the router has, as (method, path): kept in step with docs/openapi.yaml by
/// tests/integration/openapi.rs, which also checks the live router answers exactly these.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/healthz"),
    ("get", "/readyz"),
    ("get", "/feed/opportunities"),
    ("get", "/api/v1/seal-key"),
    ("post", "/api/v1/applications"),
    ("get", "/api/v1/applications/{id}"),
    ("delete", "/api/v1/applications/{id}"),
    ("get", "/api/v1/organiser/me"),
    ("get", "/api/v1/organiser/applications"),
    ("get", "/api/v1/organiser/applications/{id}"),
    ("patch", "/api/v1/organiser/applications/{id}"),
];

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub app_dir: Option<PathBuf>,
    /// e.g. "https://opendoor.example.org"; None: taken from each request's Host.
    pub public_url: Option<String>,
    pub page_size: usize,
    pub license: Arc<str>,
    pub pages: Arc<PageCache>,
    /// Unix seconds; the system's, or a test's.
    pub clock: Clock,
    pub limits: RateLimits,
    /// How long a request body may take to arrive in full (`conn::ConnLimits`).
    pub body_timeout: Duration,
    /// Sends email (sign-in links, applicants' news); None: no SMTP configured.
    pub mailer: Option<Arc<crate::mail::Mailer>>,
    /// Wakes the mail queue's sender after something is queued.
    pub mail_wake: Arc<tokio::sync::Notify>,
    /// The listings as HTML for a first visit (`first_paint`).
    pub first_paint: Arc<crate::first_paint::FirstPaint>,
    /// Set when a stop has been asked for: `/readyz` answers 503 from then on.
    pub draining: Arc<AtomicBool>,
}

/// The largest sealed application body: a whole application as base64url, plus the envelope's
/// other fields.
pub const MAX_SEALED_BYTES: usize = application::MAX_APPLICATION_BYTES * 4 / 3 + 1024;

/// Adds a per-client limit to a route, unless it is off.
pub(crate) fn limited(
    route: axum::routing::MethodRouter<AppState>,
    per_minute: u32,
    limits: &RateLimits,
) -> axum::routing::MethodRouter<AppState> {
    match Limiter::new(per_minute, limits.max_clients) {
        Some(limiter) => route.layer(axum::middleware::from_fn_with_state(
            Guard {
                limiter: Arc::new(limiter),
                trust_proxy: limits.trust_proxy,
            },
            rate_limit::enforce,
        )),
        None => route,
    }
}

/// Every request body must arrive in full within `limit` of its head; a body that trickles
/// past it gets 408 (whatever the handler made of the failed read) and the connection closes,
/// since the rest of the body is never read.
async fn body_deadline(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    let timed_out = Arc::new(AtomicBool::new(false));
    let flag = timed_out.clone();
    let req = req.map(|b| axum::body::Body::new(DeadlineBody::new(b, limit, flag)));
    let res = next.run(req).await;
    if !timed_out.load(Ordering::Relaxed) {
        return res;
    }
    let mut res = ApiError::new(
        StatusCode::REQUEST_TIMEOUT,
        ErrorCode::BadBody,
        "the request took too long to arrive; please try again",
    )
    .into_response();
    res.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    res
}

pub fn router(state: AppState) -> Router {
    let limits = state.limits;
    let body_timeout = state.body_timeout;
    // Browsers that once saw the site over https keep to https (only sent when it is served so).
    let hsts = state
        .public_url
        .as_deref()
        .is_some_and(|u| u.to_ascii_lowercase().starts_with("https://"));
    let api = Router::new()
        .route(
            "/api/v1/applications",
            limited(
                axum::routing::post(create_application)
                    .layer(DefaultBodyLimit::max(MAX_SEALED_BYTES)),
                limits.applications_per_minute,
                &limits,
            ),
        )
        .route(
            "/api/v1/applications/{id}",
            limited(
                get(get_application).delete(withdraw_application),
                limits.status_per_minute,
                &limits,
            ),
        )
        .route("/api/v1/seal-key", get(seal_key))
        .route("/api/v1/organiser/me", get(organiser_me))
        .route("/api/v1/organiser/applications", get(organiser_list))
        .route(
            "/api/v1/organiser/applications/{id}",
            get(organiser_get)
                .patch(organiser_update)
                .layer(DefaultBodyLimit::max(
                    2 * application::MAX_APPLICATION_BYTES,
                )),
        )
        .route("/api/{*rest}", axum::routing::any(api_not_found));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route(
            "/feed/opportunities",
            limited(get(feed), limits.feed_per_minute, &limits),
        )
        .merge(api)
        .merge(crate::org::routes(&limits))
        .fallback(static_files)
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(
            body_timeout,
            body_deadline,
        ))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(tower::util::option_layer(hsts.then(|| {
            SetResponseHeaderLayer::overriding(
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static(HSTS),
            )
        })))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(PERMISSIONS_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        // Method and path only: no query strings, headers or bodies, so no personal data or tokens.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    // The route's pattern (/api/v1/applications/{id}), not the ids in the path.
                    let path = req
                        .extensions()
                        .get::<axum::extract::MatchedPath>()
                        .map(|p| p.as_str().to_owned())
                        .unwrap_or_else(|| req.uri().path().to_owned());
                    tracing::info_span!("http", method = %req.method(), path = %path)
                })
                .on_response(
                    |res: &Response, latency: std::time::Duration, _span: &tracing::Span| {
                        tracing::info!(
                            status = res.status().as_u16(),
                            ms = latency.as_millis() as u64,
                            "response"
                        );
                    },
                ),
        )
}
