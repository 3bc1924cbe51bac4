//! Every error answer is JSON built from `core::api::ErrorBody`; helpers shared by handlers.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::header::{self, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use opendoor_core::api::{ApiProblem, ErrorBody, ErrorCode};
use opendoor_core::validate::Problem;

use crate::store::Store;

/// A cause kept for the log (a 500's), never sent to the client.
type Cause = Box<dyn std::error::Error + Send + Sync>;

/// An error answer: a status and the wire contract's body (`core::api::ErrorBody`). `Display`
/// is the code and message the client gets; a server-side cause stays the error's source.
#[derive(Debug, thiserror::Error)]
#[error("{} ({}): {}", .status, .body.error, .body.message)]
pub struct ApiError {
    status: StatusCode,
    body: ErrorBody,
    #[source]
    cause: Option<Cause>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            body: ErrorBody::new(code, message),
            cause: None,
        }
    }

    /// With the problems found in particular fields (422s).
    pub fn with_problems(mut self, problems: &[Problem]) -> Self {
        self.body.problems = problems.iter().map(ApiProblem::from).collect();
        self
    }

    /// Logs the cause with its sources (never shown to the client), keeps it as this error's
    /// source, and answers 500.
    pub fn internal(e: impl Into<Cause>) -> Self {
        let cause = e.into();
        tracing::error!(error = %crate::chain(&*cause), "internal error");
        ApiError {
            cause: Some(cause),
            ..ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "something went wrong on the server; please try again",
            )
        }
    }

    /// The database cannot answer just now (`StoreError::is_temporary`): logs the cause and
    /// answers 503 with Retry-After. Not a fault in the request: a load balancer may try another
    /// server, and the app keeps the application and sends it again later.
    pub fn unavailable(e: impl Into<Cause>) -> Self {
        let cause = e.into();
        tracing::warn!(error = %crate::chain(&*cause), "the database cannot answer");
        ApiError {
            cause: Some(cause),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::Internal,
                "the server's database cannot answer just now; please try again in a minute",
            )
        }
    }

    /// 413, the same words wherever the limit is met.
    pub fn too_large() -> Self {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::TooLarge,
            "the request is larger than the server accepts",
        )
    }

    pub fn code(&self) -> ErrorCode {
        self.body.error
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (self.status, Json(self.body)).into_response();
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// Runs blocking store work off the async threads; a failure is logged with its causes and
/// answered 500.
pub async fn blocking<T: Send + 'static, E: std::error::Error + Send + Sync + 'static>(
    store: &Arc<Store>,
    f: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
) -> ApiResult<T> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || f(&store))
        .await
        .map_err(ApiError::internal)?
        .map_err(|e| {
            let temporary = (&e as &dyn std::error::Error)
                .downcast_ref::<crate::store::StoreError>()
                .is_some_and(crate::store::StoreError::is_temporary);
            if temporary {
                ApiError::unavailable(e)
            } else {
                ApiError::internal(e)
            }
        })
}

pub fn body_bytes(body: Result<Bytes, BytesRejection>) -> ApiResult<Bytes> {
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::too_large()
        } else {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadBody,
                format!("the request body could not be read: {e}"),
            )
        }
    })
}

pub fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> ApiResult<T> {
    serde_json::from_slice(bytes).map_err(|e| {
        let what = if e.is_syntax() || e.is_eof() {
            "is not valid JSON"
        } else {
            "does not have the expected shape"
        };
        ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::MalformedJson,
            format!("the request body {what}: {e}"),
        )
    })
}

pub fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
