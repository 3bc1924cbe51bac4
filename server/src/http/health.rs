//! `GET /healthz` and the API's own 404.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use opendoor_core::api::ErrorCode;
use serde_json::json;

use super::errors::{blocking, no_store, ApiError};
use super::AppState;

pub(super) async fn healthz(State(s): State<AppState>) -> Response {
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

pub(super) async fn api_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "there is nothing at this address",
    )
}
