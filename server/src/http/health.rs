//! `GET /healthz`, `GET /readyz` and the API's own 404.
//!
//! `/healthz` says whether this server can reach its database (for monitoring and restarts);
//! `/readyz` says whether a load balancer should send it traffic: not while it drains before a
//! stop, nor while its database is out of reach (docs/deployment.md).

use std::sync::atomic::Ordering;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use opendoor_core::api::ErrorCode;
use serde_json::json;

use super::errors::{blocking, no_store, ApiError};
use super::AppState;

async fn database_reachable(s: &AppState) -> bool {
    blocking(&s.store, |st| st.ping()).await.is_ok()
}

fn answer(code: StatusCode, status: &str, database: bool) -> Response {
    let database = if database { "reachable" } else { "unreachable" };
    no_store((code, Json(json!({"status": status, "database": database}))).into_response())
}

pub(super) async fn healthz(State(s): State<AppState>) -> Response {
    if database_reachable(&s).await {
        answer(StatusCode::OK, "ok", true)
    } else {
        answer(StatusCode::SERVICE_UNAVAILABLE, "unavailable", false)
    }
}

pub(super) async fn readyz(State(s): State<AppState>) -> Response {
    let db = database_reachable(&s).await;
    if s.draining.load(Ordering::SeqCst) {
        answer(StatusCode::SERVICE_UNAVAILABLE, "draining", db)
    } else if db {
        answer(StatusCode::OK, "ready", true)
    } else {
        answer(StatusCode::SERVICE_UNAVAILABLE, "unavailable", false)
    }
}

pub(super) async fn api_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "there is nothing at this address",
    )
}
