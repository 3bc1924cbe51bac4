//! Applying, and the applicant's own status and withdrawal (`/api/v1/applications`).

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use opendoor_core::api::ErrorCode;
use opendoor_core::application::{self, ApplicationReceipt, ApplicationRequest, ApplicationStatus};

use super::errors::{blocking, body_bytes, no_store, parse_json, ApiError, ApiResult};
use super::{sealed, AppState};
use crate::secrets::sha256;
use crate::store::{IdempotentOutcome, NewApplication};

fn idempotency_key(headers: &HeaderMap) -> ApiResult<String> {
    let key = headers
        .get("idempotency-key")
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::IdempotencyKeyMissing,
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
            ErrorCode::IdempotencyKeyInvalid,
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
        ErrorCode::IdempotencyKeyReused,
        "this Idempotency-Key was already used for a different application; make a new key for a new application",
    )
}

pub(super) async fn create_application(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    let key = idempotency_key(&headers)?;
    let bytes = body_bytes(body)?;
    // A sealed application is opened here; from then on it is exactly a plain one.
    let (bytes, envelope) = sealed::application_json(&s, &headers, bytes).await?;
    let req: ApplicationRequest = parse_json(&bytes)?;
    let hash = sha256(&serde_json::to_vec(&req).map_err(ApiError::internal)?);

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
                ErrorCode::ListingNotFound,
                "there is no such opportunity (it may have been removed)",
            )
        })?;
    let today = s.clock.today();
    let questions = application::can_apply(&listing, today).map_err(|r| {
        let code = match r {
            application::Refusal::Closed => ErrorCode::ListingClosed,
            application::Refusal::Withdrawn => ErrorCode::ListingWithdrawn,
            application::Refusal::NotInApp => ErrorCode::ApplyElsewhere,
        };
        ApiError::new(StatusCode::CONFLICT, code, r.to_string())
    })?;
    if let Err(problems) = application::check(&req, questions) {
        let e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidApplication,
            "some answers need changing before the application can be sent",
        );
        return Err(e.with_problems(&problems));
    }
    let outcome = blocking(&s.store, move |st| {
        let listing_id = req.listing_id.clone();
        let respond = |id: &str, status: ApplicationStatus, created: &str, token: Option<&str>| {
            serde_json::to_string(&ApplicationReceipt {
                id: id.to_owned(),
                status_token: token.map(str::to_owned),
                status,
                listing_id: listing_id.clone(),
                created: created.to_owned(),
            })
            .unwrap_or_default()
        };
        st.create_application(NewApplication {
            idempotency_key: &key,
            request_hash: hash,
            listing_id: &req.listing_id,
            request: &req,
            envelope,
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

pub(super) fn bearer(headers: &HeaderMap) -> Option<String> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.trim().split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty())
        .then(|| token.trim().to_owned())
}

pub(super) fn unauthorised() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        ErrorCode::Unauthorised,
        "a token is needed: Authorization: Bearer <token>",
    )
}

fn application_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "no application with this id and token",
    )
}

pub(super) async fn get_application(
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

pub(super) async fn withdraw_application(
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
