//! The HTTP side: routes, handlers, headers. Handlers only talk to `Store`.

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, Query, Request, State};
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use opendoor_core::application::{
    self, ApplicationReceipt, ApplicationRequest, ApplicationStatus, MAX_FEEDBACK,
};
use opendoor_core::validate::Problem;
use serde::Deserialize;
use serde_json::json;
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::feed::{Cursor, Encoding, PageCache, RenderedPage, FULL_PAGE_CACHE, LAST_PAGE_CACHE};
use crate::rate_limit::{self, Guard, Limiter, RateLimits};
use crate::seal_keys::Clock;

mod sealed;
use crate::store::{
    org_key, sha256, IdempotentOutcome, NewApplication, Organiser, Store, UpdateOutcome,
};
use sealed::seal_key;
pub use sealed::{is_sealed, sealed_error_code};

pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
pub const PERMISSIONS_POLICY: &str =
    "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), \
interest-cohort=(), browsing-topics=()";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

/// Every route the router has, as (method, path): kept in step with docs/openapi.yaml by
/// tests/integration/openapi.rs, which also checks the live router answers exactly these.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/healthz"),
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
}

/// The largest sealed application body: a whole application as base64url, plus the envelope's
/// other fields.
pub const MAX_SEALED_BYTES: usize = application::MAX_APPLICATION_BYTES * 4 / 3 + 1024;

/// Adds a per-client limit to a route, unless it is off.
fn limited(
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

pub fn router(state: AppState) -> Router {
    let limits = state.limits;
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
        .route("/feed/opportunities", get(feed))
        .merge(api)
        .fallback(static_files)
        .with_state(state)
        .layer(CompressionLayer::new().br(true).gzip(true))
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

// ---- errors ----

/// Every error is JSON: `{"error": code, "message": words, "problems": [...]}`.
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    problems: Vec<Problem>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            problems: Vec::new(),
        }
    }
    fn internal(e: anyhow::Error) -> Self {
        tracing::error!(error = %format!("{e:#}"), "internal error");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "something went wrong on the server; please try again",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({"error": self.code, "message": self.message});
        if !self.problems.is_empty() {
            body["problems"] = self
                .problems
                .iter()
                .map(|p| json!({"field": problem_field(p), "problem": p.to_string()}))
                .collect();
        }
        let mut res = (self.status, Json(body)).into_response();
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if self.status == StatusCode::UNAUTHORIZED {
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

fn problem_field(p: &Problem) -> &str {
    match p {
        Problem::Missing { field }
        | Problem::TooLong { field, .. }
        | Problem::TooMany { field, .. }
        | Problem::BadLink { field }
        | Problem::BadValue { field, .. } => field,
    }
}

type ApiResult<T> = Result<T, ApiError>;

async fn blocking<T: Send + 'static>(
    store: &Arc<Store>,
    f: impl FnOnce(&Store) -> anyhow::Result<T> + Send + 'static,
) -> ApiResult<T> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || f(&store))
        .await
        .map_err(|e| ApiError::internal(e.into()))?
        .map_err(ApiError::internal)
}

fn body_bytes(body: Result<Bytes, BytesRejection>) -> ApiResult<Bytes> {
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-large",
                "the request is larger than the server accepts",
            )
        } else {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad-body",
                format!("the request body could not be read: {e}"),
            )
        }
    })
}

fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> ApiResult<T> {
    serde_json::from_slice(bytes).map_err(|e| {
        let what = if e.is_syntax() || e.is_eof() {
            "is not valid JSON"
        } else {
            "does not have the expected shape"
        };
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed-json",
            format!("the request body {what}: {e}"),
        )
    })
}

fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

// ---- health ----

async fn healthz(State(s): State<AppState>) -> Response {
    match blocking(&s.store, |st| st.ping()).await {
        Ok(()) => no_store((StatusCode::OK, Json(json!({"status": "ok"}))).into_response()),
        Err(_) => no_store(
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"status": "unavailable"})),
            )
                .into_response(),
        ),
    }
}

async fn api_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not-found",
        "there is nothing at this address",
    )
}

// ---- the feed ----

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FeedQuery {
    after_timestamp: Option<String>,
    after_id: Option<String>,
}

fn base_url(s: &AppState, headers: &HeaderMap) -> String {
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

async fn feed(
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
                    "bad-cursor",
                    "afterTimestamp must be an integer",
                )
            })?;
            if id.is_empty() || id.len() > 200 {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "bad-cursor",
                    "afterId is empty or too long",
                ));
            }
            Some((t, id))
        }
        _ => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad-cursor",
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
        let page = pages.get_or_render(st, &base, after.as_ref(), limit, &license)?;
        // Compress (once per page and encoding) off the async threads.
        let body = page.encoded(encoding);
        Ok((page, body))
    })
    .await?;
    let (page, body) = page;
    let cache = if page.is_last {
        LAST_PAGE_CACHE
    } else {
        FULL_PAGE_CACHE
    };
    let etag = HeaderValue::from_str(&page.etag_for(encoding))
        .map_err(|e| ApiError::internal(e.into()))?;
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
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    Ok(res)
}

// ---- applications ----

fn idempotency_key(headers: &HeaderMap) -> ApiResult<String> {
    let key = headers
        .get("idempotency-key")
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "idempotency-key-missing",
                "an Idempotency-Key header (a UUID made by the app) is required",
            )
        })?
        .to_str()
        .unwrap_or("")
        .trim()
        .to_owned();
    if key.is_empty() || key.len() > 200 || !key.chars().all(|c| c.is_ascii_graphic()) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "idempotency-key-invalid",
            "the Idempotency-Key must be 1 to 200 visible characters (a UUID is best)",
        ));
    }
    Ok(key)
}

fn created(body: String, replayed: bool) -> Response {
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = StatusCode::CREATED;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if replayed {
        h.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    res
}

fn key_reused() -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
        "this Idempotency-Key was already used for a different application; make a new key for a new application",
    )
}

async fn create_application(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    let key = idempotency_key(&headers)?;
    let bytes = body_bytes(body)?;
    // A sealed application is opened here; from then on it is exactly a plain one.
    let bytes = sealed::application_json(&s, &headers, bytes).await?;
    let req: ApplicationRequest = parse_json(&bytes)?;
    let hash = sha256(&serde_json::to_vec(&req).map_err(|e| ApiError::internal(e.into()))?);

    let k = key.clone();
    match blocking(&s.store, move |st| st.idempotent_replay(&k, &hash)).await? {
        Some(IdempotentOutcome::Replayed(body)) => return Ok(created(body, true)),
        Some(IdempotentOutcome::KeyReused) => return Err(key_reused()),
        _ => {}
    }

    let id = req.listing_id.clone();
    let listing = blocking(&s.store, move |st| st.listing(&id))
        .await?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "listing-not-found",
                "there is no such opportunity (it may have been removed)",
            )
        })?;
    let today = time::OffsetDateTime::now_utc().date();
    let questions = application::can_apply(&listing, today).map_err(|r| {
        let code = match r {
            application::Refusal::Closed => "listing-closed",
            application::Refusal::Withdrawn => "listing-withdrawn",
            application::Refusal::NotInApp => "apply-elsewhere",
        };
        ApiError::new(StatusCode::CONFLICT, code, r.to_string())
    })?;
    if let Err(problems) = application::check(&req, questions) {
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid-application",
            "some answers need changing before the application can be sent",
        );
        e.problems = problems;
        return Err(e);
    }
    let org = org_key(&listing.organisation.name);
    let outcome = blocking(&s.store, move |st| {
        let listing_id = req.listing_id.clone();
        let respond = |id: &str, token: &str, created: &str| {
            serde_json::to_string(&ApplicationReceipt {
                id: id.to_owned(),
                status_token: Some(token.to_owned()),
                status: ApplicationStatus::Received,
                listing_id: listing_id.clone(),
                created: created.to_owned(),
            })
            .unwrap_or_default()
        };
        st.create_application(NewApplication {
            idempotency_key: &key,
            request_hash: hash,
            listing_id: &req.listing_id,
            org_key: &org,
            request: &req,
            respond: &respond,
        })
    })
    .await?;
    match outcome {
        IdempotentOutcome::Created(body) => {
            tracing::info!("application stored");
            Ok(created(body, false))
        }
        IdempotentOutcome::Replayed(body) => Ok(created(body, true)),
        IdempotentOutcome::KeyReused => Err(key_reused()),
    }
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.trim().split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty())
        .then(|| token.trim().to_owned())
}

fn unauthorised() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "unauthorised",
        "a token is needed: Authorization: Bearer <token>",
    )
}

fn application_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not-found",
        "no application with this id and token",
    )
}

async fn get_application(
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let token = bearer(&headers).ok_or_else(unauthorised)?;
    let view = blocking(&s.store, move |st| {
        st.application_for_applicant(&id, &token)
    })
    .await?
    .ok_or_else(application_not_found)?;
    Ok(no_store(Json(view).into_response()))
}

async fn withdraw_application(
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let token = bearer(&headers).ok_or_else(unauthorised)?;
    if blocking(&s.store, move |st| st.withdraw_application(&id, &token)).await? {
        tracing::info!("application withdrawn and personal data erased");
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(application_not_found())
    }
}

// ---- organisers ----

/// An organiser, from `Authorization: Bearer <organiser token>`.
pub struct OrganiserAuth(pub Organiser);

impl FromRequestParts<AppState> for OrganiserAuth {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, ApiError> {
        let token = bearer(&parts.headers).ok_or_else(unauthorised)?;
        blocking(&s.store, move |st| st.organiser_by_token(&token))
            .await?
            .map(OrganiserAuth)
            .ok_or_else(|| {
                ApiError::new(
                    StatusCode::UNAUTHORIZED,
                    "unauthorised",
                    "this organiser token is not known",
                )
            })
    }
}

async fn organiser_me(OrganiserAuth(org): OrganiserAuth) -> Response {
    no_store(Json(json!({"organisation": org.name})).into_response())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListQuery {
    listing_id: Option<String>,
}

async fn organiser_list(
    State(s): State<AppState>,
    OrganiserAuth(org): OrganiserAuth,
    Query(q): Query<ListQuery>,
) -> ApiResult<Response> {
    let apps = blocking(&s.store, move |st| {
        st.organiser_applications(&org, q.listing_id.as_deref())
    })
    .await?;
    Ok(no_store(
        Json(json!({"applications": apps})).into_response(),
    ))
}

async fn organiser_get(
    State(s): State<AppState>,
    OrganiserAuth(org): OrganiserAuth,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let app = blocking(&s.store, move |st| st.organiser_application(&org, &id))
        .await?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "not-found",
                "no such application for your organisation",
            )
        })?;
    Ok(no_store(Json(app).into_response()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UpdateRequest {
    status: Option<String>,
    /// Absent: unchanged; null: cleared.
    #[serde(default, deserialize_with = "double_option")]
    feedback: Option<Option<String>>,
}

fn double_option<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

async fn organiser_update(
    State(s): State<AppState>,
    OrganiserAuth(org): OrganiserAuth,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    let bytes = body_bytes(body)?;
    let req: UpdateRequest = parse_json(&bytes)?;
    let mut problems = Vec::new();
    let status = match req.status.as_deref() {
        None => None,
        Some(s) => match ApplicationStatus::parse(s)
            .filter(|x| ApplicationStatus::SET_BY_ORGANISER.contains(x))
        {
            Some(x) => Some(x),
            None => {
                problems.push(Problem::BadValue {
                    field: "status".into(),
                    why: "must be one of received, shortlisted, selected, not-selected, took-part, paid".into(),
                });
                None
            }
        },
    };
    if let Some(Some(f)) = &req.feedback {
        if f.chars().count() > MAX_FEEDBACK {
            problems.push(Problem::TooLong {
                field: "feedback".into(),
                max: MAX_FEEDBACK,
            });
        }
    }
    if req.status.is_none() && req.feedback.is_none() {
        problems.push(Problem::Missing {
            field: "status or feedback".into(),
        });
    }
    if !problems.is_empty() {
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid-update",
            "the update could not be made",
        );
        e.problems = problems;
        return Err(e);
    }
    let feedback = req.feedback.map(|f| f.filter(|s| !s.trim().is_empty()));
    let app = blocking(&s.store, move |st| {
        match st.update_application(&org, &id, status, feedback.as_ref().map(|f| f.as_deref()))? {
            UpdateOutcome::Updated => Ok(Ok(st.organiser_application(&org, &id)?)),
            other => Ok(Err(other)),
        }
    })
    .await?;
    match app {
        Ok(Some(app)) => Ok(no_store(Json(app).into_response())),
        Ok(None) | Err(UpdateOutcome::NotFound) | Err(UpdateOutcome::Updated) => {
            Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "not-found",
                "no such application for your organisation",
            ))
        }
        Err(UpdateOutcome::Withdrawn) => Err(ApiError::new(
            StatusCode::CONFLICT,
            "withdrawn",
            "the applicant has withdrawn this application and their details are deleted",
        )),
    }
}

// ---- the app's files ----

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

async fn static_files(State(s): State<AppState>, req: Request) -> Response {
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
