//! The organisers' token API (`/api/v1/organiser/...`).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use opendoor_core::api::ErrorCode;
use opendoor_core::application::{ApplicationStatus, MAX_FEEDBACK};
use opendoor_core::validate::Problem;
use serde::Deserialize;
use serde_json::json;

use super::applications::{bearer, unauthorised};
use super::errors::{blocking, body_bytes, no_store, parse_json, ApiError, ApiResult};
use super::AppState;
use crate::answering::{answer, Answer};
use crate::store::{Organiser, UpdateOutcome};

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
                    ErrorCode::Unauthorised,
                    "this organiser token is not known",
                )
            })
    }
}

pub(super) async fn organiser_me(OrganiserAuth(org): OrganiserAuth) -> Response {
    no_store(Json(json!({"organisation": org.name})).into_response())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ListQuery {
    listing_id: Option<String>,
}

pub(super) async fn organiser_list(
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

pub(super) async fn organiser_get(
    State(s): State<AppState>,
    OrganiserAuth(org): OrganiserAuth,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let app = blocking(&s.store, move |st| st.organiser_application(&org, &id))
        .await?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
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

pub(super) async fn organiser_update(
    State(s): State<AppState>,
    OrganiserAuth(org): OrganiserAuth,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    let bytes = body_bytes(body)?;
    let req: UpdateRequest = parse_json(&bytes)?;
    let mut problems = Vec::new();
    let status = match req.status.as_deref() {
        None => None,
        Some(s) => match ApplicationStatus::parse_settable(s) {
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
        let e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidUpdate,
            "the update could not be made",
        );
        return Err(e.with_problems(&problems));
    }
    let feedback = req.feedback.map(|f| f.filter(|s| !s.trim().is_empty()));
    let app_url = super::base_url(&s, &headers);
    let app = blocking(&s.store, move |st| {
        let a = Answer {
            status,
            message: feedback.as_ref().map(|f| f.as_deref()),
        };
        let done = answer(st, &org, "a script (API token)", &id, &a, &app_url)?;
        match done.outcome {
            UpdateOutcome::Updated => Ok::<_, crate::store::StoreError>(Ok((
                st.organiser_application(&org, &id)?,
                done.emailed,
            ))),
            other => Ok(Err(other)),
        }
    })
    .await?;
    let app = app.map(|(app, emailed)| {
        if emailed {
            s.mail_wake.notify_one();
        }
        app
    });
    match app {
        Ok(Some(app)) => Ok(no_store(Json(app).into_response())),
        Ok(None) | Err(UpdateOutcome::NotFound) | Err(UpdateOutcome::Updated) => {
            Err(ApiError::new(
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                "no such application for your organisation",
            ))
        }
        Err(UpdateOutcome::Withdrawn) => Err(ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::Withdrawn,
            "the applicant has withdrawn this application and their details are deleted",
        )),
    }
}
