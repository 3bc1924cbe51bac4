//! Sealed applications on the HTTP side: the server's public key (`GET /api/v1/seal-key`) and
//! turning a request body, plain or sealed, into the plain JSON the application path reads.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use opendoor_core::application::MAX_APPLICATION_BYTES;
use opendoor_core::seal::{SealError, SEALED_CONTENT_TYPE};

use opendoor_core::api::ErrorCode;

use super::errors::{blocking, ApiError, ApiResult};
use super::AppState;
use crate::seal_keys::parse_envelope;
use crate::secrets::sha256;

/// The error code for each reason an envelope cannot be opened (all 400).
pub fn sealed_error_code(e: &SealError) -> ErrorCode {
    match e {
        SealError::Unsupported => ErrorCode::SealedUnsupported,
        SealError::Malformed(_) => ErrorCode::SealedMalformed,
        SealError::UnknownKey => ErrorCode::SealedKeyExpired,
        SealError::DoesNotOpen => ErrorCode::SealedDoesNotOpen,
    }
}

fn sealed_error(e: SealError) -> ApiError {
    let code = sealed_error_code(&e);
    tracing::info!(error = %code, "a sealed application could not be opened");
    ApiError::new(StatusCode::BAD_REQUEST, code, e.to_string())
}

/// Whether the body is an envelope: `Content-Type: application/vnd.opendoor.sealed+json`
/// (parameters such as `charset` allowed).
pub fn is_sealed(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case(SEALED_CONTENT_TYPE))
}

/// The application's JSON: the body itself, or the opened envelope. Either way at most
/// `MAX_APPLICATION_BYTES`, so a sealed application is bounded exactly as a plain one. For an
/// envelope, also its fingerprint (SHA-256 of its one-time key, and its key id), by which the
/// store refuses to turn the same envelope into a second application.
pub async fn application_json(
    s: &AppState,
    headers: &HeaderMap,
    body: Bytes,
) -> ApiResult<(Bytes, Option<([u8; 32], String)>)> {
    if !is_sealed(headers) {
        if body.len() > MAX_APPLICATION_BYTES {
            return Err(ApiError::too_large());
        }
        return Ok((body, None));
    }
    let now = s.clock.unix();
    let fingerprint = parse_envelope(&body)
        .ok()
        .map(|e| (sha256(e.epk.as_bytes()), e.kid));
    let opened = blocking(&s.store, move |st| st.open_sealed(&body, now))
        .await?
        .map_err(sealed_error)?;
    if opened.len() > MAX_APPLICATION_BYTES {
        return Err(ApiError::too_large());
    }
    Ok((Bytes::from(opened), fingerprint))
}

/// `GET /api/v1/seal-key`: the current key. Its id names its bytes for good, so the id is a
/// strong ETag.
pub async fn seal_key(State(s): State<AppState>, headers: HeaderMap) -> ApiResult<Response> {
    let key = blocking(&s.store, |st| st.current_seal_key())
        .await?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::NoSealKey,
                "the server has no key for sealed applications yet; try again shortly",
            )
        })?;
    let etag = format!("\"{}\"", key.kid);
    let matches = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| {
            let t = t.trim();
            t == "*" || t == etag || t.strip_prefix("W/") == Some(etag.as_str())
        });
    let mut res = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        Json(key.public()).into_response()
    };
    let h = res.headers_mut();
    // A key id is 1 to 64 of A-Z a-z 0-9 - _ . : always a valid header value.
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(res)
}
