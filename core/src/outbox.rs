//! An application's life on the device, as a pure state machine: draft → waiting to send → sent,
//! and back to draft when the server refuses it. No I/O here: the browser shell (src/outbox.rs)
//! stores each record and sends; this module decides.
//!
//! Exactly once: the idempotency key is made when the person presses Send and is stored with the
//! frozen request in the same write. Every retry, from any tab, after any crash, reuses it; the
//! server stores one application per key and replays its first answer to every retry.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, PrimitiveDateTime, Time};

use crate::api::{ApiProblem, ErrorBody, ErrorCode};
use crate::application::{ApplicationRequest, ApplicationStatus, ApplicationView};
use crate::form::{FieldError, Form};
use crate::listing::iso_date_opt;
use crate::news::Seen;
use crate::validate::Problem;

/// First retry after 5 seconds, doubling each time up to 15 minutes.
pub const BACKOFF_BASE_MS: i64 = 5_000;
pub const BACKOFF_CAP_MS: i64 = 15 * 60_000;

/// One application on this device. `id` is the listing's id: one application per listing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalApplication {
    pub id: String,
    pub listing_id: String,
    /// Kept so "My applications" can name it even if the listing leaves the feed.
    pub listing_title: String,
    pub organisation: String,
    #[serde(
        default,
        with = "iso_date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub closing_date: Option<Date>,
    /// What the person typed, exactly; kept in every stage so nothing is ever lost.
    pub form: Form,
    pub stage: Stage,
    /// Milliseconds since 1970.
    pub created_at: i64,
    pub updated_at: i64,
    /// What the person had seen when they last opened it, for "New" (`crate::news`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<Seen>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "kebab-case")]
pub enum Stage {
    Draft {
        /// The server's words about particular answers, shown beside the fields.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        problems: Vec<FieldError>,
        /// Why the last send came back, if it did.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        notice: Option<Notice>,
    },
    #[serde(rename_all = "camelCase")]
    Waiting {
        key: String,
        /// Frozen when Send was pressed; retries send exactly these bytes' meaning.
        request: ApplicationRequest,
        queued_at: i64,
        attempts: u32,
        next_try_at: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_failure: Option<Failure>,
    },
    #[serde(rename_all = "camelCase")]
    Sent {
        key: String,
        server_id: String,
        status_token: String,
        sent_at: i64,
        status: ApplicationStatus,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        feedback: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        checked_at: Option<i64>,
    },
}

/// Why a send came back to the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Notice {
    /// The server found problems with answers (see `problems`).
    CheckAnswers,
    ListingClosed,
    ListingWithdrawn,
    /// The listing is gone, or takes applications another way.
    CannotApplyHere,
    /// Refused for a reason retrying will not fix (e.g. too large); the server's words.
    NotAccepted {
        message: String,
    },
}

impl Notice {
    pub fn words(&self, c: &crate::i18n::Catalogue) -> String {
        match self {
            Notice::CheckAnswers => c.text("notice-check-answers"),
            Notice::ListingClosed => c.text("notice-listing-closed"),
            Notice::ListingWithdrawn => c.text("notice-listing-withdrawn"),
            Notice::CannotApplyHere => c.text("notice-cannot-apply-here"),
            // The server's own words (a newer refusal this app has no message for).
            Notice::NotAccepted { message } => c.text_with(
                "notice-not-accepted",
                &[("reason", message.as_str().into())],
            ),
        }
    }
}

/// Why a send has not gone through yet; all of these are retried.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Failure {
    NoConnection,
    TimedOut,
    ServerError,
    Busy,
}

/// What one attempt to send produced.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// 201, or the replay of the first 201 for this key.
    Stored {
        server_id: String,
        /// Only from a server answering a request without its own status secret.
        status_token: Option<String>,
        status: ApplicationStatus,
    },
    /// 422 with problems about particular fields.
    Invalid(Vec<Problem>),
    Closed,
    Withdrawn,
    CannotApplyHere,
    /// 400, 413 or a reused key: retrying the same request cannot succeed.
    NotAccepted(String),
    /// No connection, a timeout, 5xx or 429.
    TryLater(Failure),
}

/// Why Send was refused on the device.
#[derive(Clone, Debug, PartialEq)]
pub enum QueueError {
    /// The answers need fixing first.
    Answers(Vec<FieldError>),
    /// The closing date has passed (known offline from the stored date).
    Closed,
    /// Already waiting or sent.
    NotADraft,
}

/// For logs; the check page says each case in its own words.
impl std::fmt::Display for QueueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueueError::Answers(e) => write!(f, "{} answers need fixing", e.len()),
            QueueError::Closed => write!(f, "the opportunity has closed"),
            QueueError::NotADraft => write!(f, "already waiting or sent"),
        }
    }
}

impl std::error::Error for QueueError {}

impl LocalApplication {
    pub fn new(listing: &crate::Listing, form: Form, now_ms: i64) -> LocalApplication {
        LocalApplication {
            id: listing.id.clone(),
            listing_id: listing.id.clone(),
            listing_title: listing.title.clone(),
            organisation: listing.organisation.name.clone(),
            closing_date: listing.closing_date,
            form,
            stage: Stage::Draft {
                problems: Vec::new(),
                notice: None,
            },
            created_at: now_ms,
            updated_at: now_ms,
            seen: None,
        }
    }

    pub fn is_draft(&self) -> bool {
        matches!(self.stage, Stage::Draft { .. })
    }

    /// Past the closing date: a draft is marked and cannot be sent.
    pub fn closed(&self, today: Date) -> bool {
        self.closing_date.is_some_and(|d| d < today)
    }

    /// The closing date is within 48 hours of `now` (local time). Listings close at the end of
    /// their closing day.
    pub fn closes_soon(&self, now: PrimitiveDateTime) -> bool {
        let Some(day) = self.closing_date else {
            return false;
        };
        let Some(end) = day.next_day() else {
            return false;
        };
        let left = PrimitiveDateTime::new(end, Time::MIDNIGHT) - now;
        left > Duration::ZERO && left <= Duration::hours(48)
    }

    /// The person pressed Send: freeze the request under a new idempotency key.
    pub fn queue(
        &mut self,
        c: &crate::i18n::Catalogue,
        questions: &[crate::question::Question],
        key: String,
        status_secret: String,
        now_ms: i64,
        today: Date,
    ) -> Result<(), QueueError> {
        if !self.is_draft() {
            return Err(QueueError::NotADraft);
        }
        if self.closed(today) {
            return Err(QueueError::Closed);
        }
        let errors = self.form.check(c, questions);
        if !errors.is_empty() {
            return Err(QueueError::Answers(errors));
        }
        let mut request = self.form.to_request(&self.listing_id);
        request.status_secret = Some(status_secret);
        self.stage = Stage::Waiting {
            key,
            request,
            queued_at: now_ms,
            attempts: 0,
            next_try_at: now_ms,
            last_failure: None,
        };
        self.updated_at = now_ms;
        Ok(())
    }

    /// Should the sender try this one now?
    pub fn due(&self, now_ms: i64) -> bool {
        matches!(self.stage, Stage::Waiting { next_try_at, .. } if next_try_at <= now_ms)
    }

    /// When the next retry is due, if one is waiting.
    pub fn next_try_at(&self) -> Option<i64> {
        match self.stage {
            Stage::Waiting { next_try_at, .. } => Some(next_try_at),
            _ => None,
        }
    }

    /// Records what an attempt produced. `jitter` in [0, 1) spreads retries out.
    /// `c`: the words for any problems the organisers' system found (kept with the draft).
    pub fn record(
        &mut self,
        c: &crate::i18n::Catalogue,
        outcome: Outcome,
        now_ms: i64,
        jitter: f64,
    ) {
        let Stage::Waiting {
            key,
            attempts,
            queued_at,
            request,
            ..
        } = &self.stage
        else {
            // Another tab finished first (or the person edited it back): nothing to do.
            return;
        };
        let (key, attempts, queued_at, request) =
            (key.clone(), *attempts, *queued_at, request.clone());
        self.stage = match outcome {
            Outcome::Stored {
                server_id,
                status_token,
                status,
            } => Stage::Sent {
                key,
                server_id,
                // Our own secret. A server token only comes from a server that does not take
                // secrets (older), or for an older request that had none: then it is the key.
                status_token: status_token
                    .or_else(|| request.status_secret.clone())
                    .unwrap_or_default(),
                sent_at: now_ms,
                status,
                feedback: None,
                checked_at: None,
            },
            Outcome::Invalid(problems) => Stage::Draft {
                problems: problems
                    .iter()
                    .map(|p| FieldError::from_problem(c, p))
                    .collect(),
                notice: Some(Notice::CheckAnswers),
            },
            Outcome::Closed => Stage::Draft {
                problems: vec![],
                notice: Some(Notice::ListingClosed),
            },
            Outcome::Withdrawn => Stage::Draft {
                problems: vec![],
                notice: Some(Notice::ListingWithdrawn),
            },
            Outcome::CannotApplyHere => Stage::Draft {
                problems: vec![],
                notice: Some(Notice::CannotApplyHere),
            },
            Outcome::NotAccepted(message) => Stage::Draft {
                problems: vec![],
                notice: Some(Notice::NotAccepted { message }),
            },
            Outcome::TryLater(failure) => {
                let attempts = attempts.saturating_add(1);
                Stage::Waiting {
                    key,
                    request,
                    queued_at,
                    attempts,
                    next_try_at: now_ms + retry_delay(attempts, jitter),
                    last_failure: Some(failure),
                }
            }
        };
        self.updated_at = now_ms;
    }

    /// "Send now": try at once instead of waiting for the backoff.
    pub fn send_now(&mut self, now_ms: i64) {
        if let Stage::Waiting { next_try_at, .. } = &mut self.stage {
            *next_try_at = now_ms;
        }
    }

    /// Takes in what the server says now about a sent application.
    pub fn update_status(&mut self, view: &ApplicationView, now_ms: i64) {
        if let Stage::Sent {
            status,
            feedback,
            checked_at,
            ..
        } = &mut self.stage
        {
            *status = view.status;
            feedback.clone_from(&view.feedback);
            *checked_at = Some(now_ms);
            self.updated_at = now_ms;
        }
    }

    /// The person changed an answer: keep it, and clear the server's now-stale comments on it.
    pub fn edit(&mut self, form: Form, now_ms: i64) {
        if let Stage::Draft { problems, .. } = &mut self.stage {
            problems.retain(|p| form.value_of(&p.field) == self.form.value_of(&p.field));
        }
        self.form = form;
        self.updated_at = now_ms;
    }
}

/// Exponential backoff with jitter: attempt n waits base·2^(n−1), capped, scaled into
/// [50%, 100%) by `jitter` so many devices coming back online do not all retry together.
pub fn retry_delay(attempts: u32, jitter: f64) -> i64 {
    let exp = attempts.saturating_sub(1).min(20);
    let full = BACKOFF_BASE_MS
        .saturating_mul(1_i64 << exp)
        .min(BACKOFF_CAP_MS);
    let j = if jitter.is_finite() {
        jitter.clamp(0.0, 0.999_999)
    } else {
        0.0
    };
    ((full as f64) * (0.5 + 0.5 * j)) as i64
}

/// What the server's answer to `POST /api/v1/applications` means (docs/openapi.yaml).
pub fn outcome_of(status: u16, body: &[u8]) -> Outcome {
    if (200..300).contains(&status) {
        return match serde_json::from_slice::<crate::api::Receipt>(body) {
            Ok(r) => Outcome::Stored {
                server_id: r.id,
                status_token: r.status_token,
                status: r.status,
            },
            // Stored, but we cannot read the receipt: asking again with the same key replays it.
            Err(_) => Outcome::TryLater(Failure::ServerError),
        };
    }
    let err = ErrorBody::parse(body);
    let code = err.as_ref().map_or(ErrorCode::Other, |e| e.error);
    let message = err
        .as_ref()
        .map(|e| e.message.clone())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| format!("the server answered with error {status}"));
    match (status, code) {
        (429, _) => Outcome::TryLater(Failure::Busy),
        (500..=599, _) => Outcome::TryLater(Failure::ServerError),
        (409, ErrorCode::ListingClosed) => Outcome::Closed,
        (409, ErrorCode::ListingWithdrawn) => Outcome::Withdrawn,
        (409, _) | (404, _) => Outcome::CannotApplyHere,
        (422, ErrorCode::InvalidApplication) => Outcome::Invalid(
            err.map(|e| e.problems.iter().map(ApiProblem::to_problem).collect())
                .unwrap_or_default(),
        ),
        _ => Outcome::NotAccepted(message),
    }
}
