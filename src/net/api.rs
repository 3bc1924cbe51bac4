//! The applications API (docs/server.md): send an application, read its status, withdraw it,
//! and fetch the server's sealing key. Paths and shapes come from `opendoor_core::api`.

use gloo_net::http::Request;
use opendoor_core::api::{
    ErrorBody, SealKey, StatusView, APPLICATIONS_PATH, APPLICATION_PATH_PREFIX, SEAL_KEY_PATH,
};

use super::http::{send, Answer, Body, NetError};

/// Why the server did not do what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    Net(NetError),
    /// It answered with an error status (and, when it sent one, its error body).
    Refused {
        status: u16,
        body: Option<ErrorBody>,
    },
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Net(e) => write!(f, "{e}"),
            ApiError::Refused {
                status,
                body: Some(b),
            } => write!(f, "refused with {status} ({}: {})", b.error, b.message),
            ApiError::Refused { status, body: None } => write!(f, "refused with {status}"),
        }
    }
}

impl std::error::Error for ApiError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ApiError::Net(e) => Some(e),
            ApiError::Refused { .. } => None,
        }
    }
}

impl From<NetError> for ApiError {
    fn from(e: NetError) -> Self {
        ApiError::Net(e)
    }
}

fn application_url(server_id: &str) -> String {
    format!(
        "{APPLICATION_PATH_PREFIX}{}",
        js_sys::encode_uri_component(server_id)
    )
}

/// One POST of an application body (plain JSON, or sealed) under its idempotency key: the
/// server's answer, whatever it says (`core::outbox::outcome_of` reads it).
pub async fn post_application(
    body: String,
    content_type: &str,
    key: &str,
) -> Result<Answer, NetError> {
    let req = Request::post(APPLICATIONS_PATH).header("Idempotency-Key", key);
    send(
        req,
        Some(Body {
            content_type,
            text: body,
        }),
    )
    .await
}

/// A sent application's status and feedback, read with its own token. `Ok(None)`: the server
/// answered but not with a status we can read (gone, or a token it no longer accepts).
pub async fn status(server_id: &str, token: &str) -> Result<Option<StatusView>, NetError> {
    let req = Request::get(&application_url(server_id))
        .header("Authorization", &format!("Bearer {token}"));
    let answer = send(req, None).await?;
    if answer.status != 200 {
        return Ok(None);
    }
    Ok(serde_json::from_slice(&answer.body).ok())
}

/// Asks the server to erase a sent application. Already gone (404) counts as done.
pub async fn withdraw(server_id: &str, token: &str) -> Result<(), ApiError> {
    let req = Request::delete(&application_url(server_id))
        .header("Authorization", &format!("Bearer {token}"));
    let answer = send(req, None).await?;
    if answer.ok() || answer.status == 404 {
        return Ok(());
    }
    Err(ApiError::Refused {
        status: answer.status,
        body: answer.error(),
    })
}

/// The server's current sealing key. `Ok(None)`: a server without the API, or an answer we
/// cannot read.
pub async fn seal_key() -> Result<Option<SealKey>, NetError> {
    let answer = send(Request::get(SEAL_KEY_PATH), None).await?;
    if answer.status != 200 {
        return Ok(None);
    }
    Ok(serde_json::from_slice(&answer.body).ok())
}
