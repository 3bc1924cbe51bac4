//! The wire contract between the app (and scripts) and the reference server, written once.
//!
//! The server builds its answers from these types and the app reads them through the same ones,
//! so an error code, a field name or the shape of the seal key cannot drift apart on the two
//! sides. docs/openapi.yaml describes the same contract for people; a server test checks that
//! its answers conform to it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::validate::Problem;

/// Where the app asks for the server's current sealing key.
pub const SEAL_KEY_PATH: &str = "/api/v1/seal-key";
/// Where the app posts applications.
pub const APPLICATIONS_PATH: &str = "/api/v1/applications";
/// Where the app reads one application's status (append the server's id).
pub const APPLICATION_PATH_PREFIX: &str = "/api/v1/applications/";

/// Every `error` code the server answers with. Unknown codes (a newer server) parse as
/// [`ErrorCode::Other`], so an older app still reads the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    TooLarge,
    BadBody,
    MalformedJson,
    NotFound,
    BadCursor,
    IdempotencyKeyMissing,
    IdempotencyKeyInvalid,
    IdempotencyKeyReused,
    ListingNotFound,
    ListingClosed,
    ListingWithdrawn,
    ApplyElsewhere,
    InvalidApplication,
    InvalidUpdate,
    /// The applicant withdrew it: their details are erased.
    Withdrawn,
    Unauthorised,
    RateLimited,
    SealedUnsupported,
    SealedMalformed,
    SealedKeyExpired,
    SealedDoesNotOpen,
    NoSealKey,
    Internal,
    /// A code this build does not know.
    Other,
}

impl ErrorCode {
    /// Every known code, for tests and docs.
    pub const ALL: [ErrorCode; 23] = [
        ErrorCode::TooLarge,
        ErrorCode::BadBody,
        ErrorCode::MalformedJson,
        ErrorCode::NotFound,
        ErrorCode::BadCursor,
        ErrorCode::IdempotencyKeyMissing,
        ErrorCode::IdempotencyKeyInvalid,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::ListingNotFound,
        ErrorCode::ListingClosed,
        ErrorCode::ListingWithdrawn,
        ErrorCode::ApplyElsewhere,
        ErrorCode::InvalidApplication,
        ErrorCode::InvalidUpdate,
        ErrorCode::Withdrawn,
        ErrorCode::Unauthorised,
        ErrorCode::RateLimited,
        ErrorCode::SealedUnsupported,
        ErrorCode::SealedMalformed,
        ErrorCode::SealedKeyExpired,
        ErrorCode::SealedDoesNotOpen,
        ErrorCode::NoSealKey,
        ErrorCode::Internal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::TooLarge => "too-large",
            ErrorCode::BadBody => "bad-body",
            ErrorCode::MalformedJson => "malformed-json",
            ErrorCode::NotFound => "not-found",
            ErrorCode::BadCursor => "bad-cursor",
            ErrorCode::IdempotencyKeyMissing => "idempotency-key-missing",
            ErrorCode::IdempotencyKeyInvalid => "idempotency-key-invalid",
            ErrorCode::IdempotencyKeyReused => "idempotency-key-reused",
            ErrorCode::ListingNotFound => "listing-not-found",
            ErrorCode::ListingClosed => "listing-closed",
            ErrorCode::ListingWithdrawn => "listing-withdrawn",
            ErrorCode::ApplyElsewhere => "apply-elsewhere",
            ErrorCode::InvalidApplication => "invalid-application",
            ErrorCode::InvalidUpdate => "invalid-update",
            ErrorCode::Withdrawn => "withdrawn",
            ErrorCode::Unauthorised => "unauthorised",
            ErrorCode::RateLimited => "rate-limited",
            ErrorCode::SealedUnsupported => "sealed-unsupported",
            ErrorCode::SealedMalformed => "sealed-malformed",
            ErrorCode::SealedKeyExpired => "sealed-key-expired",
            ErrorCode::SealedDoesNotOpen => "sealed-does-not-open",
            ErrorCode::NoSealKey => "no-seal-key",
            ErrorCode::Internal => "internal",
            ErrorCode::Other => "other",
        }
    }

    pub fn parse(code: &str) -> ErrorCode {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == code)
            .unwrap_or(ErrorCode::Other)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(ErrorCode::parse(&s))
    }
}

/// One problem with one field of a request: `{"field", "problem", "kind", "max"?}`.
///
/// `problem` is a sentence for scripts and logs; `kind` and `max` let the app say it in the
/// person's words, the same words as its own check (`form::FieldError::from_problem`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiProblem {
    pub field: String,
    pub problem: String,
    #[serde(default)]
    pub kind: ProblemKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    Missing,
    TooLong,
    TooMany,
    BadLink,
    /// Anything else (also what an older server's problems without a kind are read as).
    #[default]
    BadValue,
}

impl From<&Problem> for ApiProblem {
    fn from(p: &Problem) -> Self {
        let (kind, max) = match p {
            Problem::Missing { .. } => (ProblemKind::Missing, None),
            Problem::TooLong { max, .. } => (ProblemKind::TooLong, Some(*max)),
            Problem::TooMany { max, .. } => (ProblemKind::TooMany, Some(*max)),
            Problem::BadLink { .. } => (ProblemKind::BadLink, None),
            Problem::BadValue { .. } => (ProblemKind::BadValue, None),
        };
        ApiProblem {
            field: p.field().to_owned(),
            problem: p.to_string(),
            kind,
            max,
        }
    }
}

impl ApiProblem {
    /// Back to the domain's problem, bounded (it came from the network).
    pub fn to_problem(&self) -> Problem {
        let field: String = self.field.chars().take(200).collect();
        match (self.kind, self.max) {
            (ProblemKind::Missing, _) => Problem::Missing { field },
            (ProblemKind::TooLong, Some(max)) => Problem::TooLong { field, max },
            (ProblemKind::TooMany, Some(max)) => Problem::TooMany { field, max },
            (ProblemKind::BadLink, _) => Problem::BadLink { field },
            _ => {
                // The sentence starts with the field's name; keep only what follows it.
                let why = self
                    .problem
                    .strip_prefix(self.field.as_str())
                    .unwrap_or(&self.problem)
                    .trim();
                Problem::BadValue {
                    field,
                    why: why.chars().take(300).collect::<String>().into(),
                }
            }
        }
    }
}

/// Every error answer: `{"error": code, "message": words, "problems": [...]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorCode,
    #[serde(default)]
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<ApiProblem>,
}

/// At most this many problems are read from one answer.
pub const MAX_PROBLEMS: usize = 100;
/// At most this many characters of a server's message are kept.
pub const MAX_MESSAGE: usize = 300;

impl ErrorBody {
    pub fn new(error: ErrorCode, message: impl Into<String>) -> Self {
        ErrorBody {
            error,
            message: message.into(),
            problems: Vec::new(),
        }
    }

    /// Reads an error answer from untrusted bytes; `None` when it is not one.
    pub fn parse(body: &[u8]) -> Option<ErrorBody> {
        let mut b: ErrorBody = serde_json::from_slice(body).ok()?;
        b.message = b.message.chars().take(MAX_MESSAGE).collect();
        b.problems.truncate(MAX_PROBLEMS);
        Some(b)
    }
}

/// The server's current public sealing key (`GET /api/v1/seal-key`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SealKey {
    pub kid: String,
    /// Always "ECDH-P256+HKDF-SHA256+A256GCM" (docs/encryption.md).
    #[serde(default = "seal_alg")]
    pub alg: String,
    /// 65 bytes, uncompressed, base64url without padding.
    pub public_key: String,
    /// RFC 3339.
    #[serde(default)]
    pub created: String,
}

pub const SEAL_ALG: &str = "ECDH-P256+HKDF-SHA256+A256GCM";

fn seal_alg() -> String {
    SEAL_ALG.into()
}

pub use crate::application::{ApplicationReceipt as Receipt, ApplicationView as StatusView};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_to_itself() {
        for c in ErrorCode::ALL {
            assert_eq!(ErrorCode::parse(c.as_str()), c);
        }
        assert_eq!(ErrorCode::parse("from-a-newer-server"), ErrorCode::Other);
    }

    #[test]
    fn codes_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in ErrorCode::ALL {
            assert!(seen.insert(c.as_str()), "{c} twice");
        }
    }

    #[test]
    fn problems_round_trip_through_the_wire() {
        let ps = [
            Problem::Missing {
                field: "applicant.name".into(),
            },
            Problem::TooLong {
                field: "answers.about".into(),
                max: 10,
            },
            Problem::TooMany {
                field: "answers.pick".into(),
                max: 3,
            },
            Problem::BadLink {
                field: "applicant.email".into(),
            },
            Problem::BadValue {
                field: "answers.age".into(),
                why: "is not one of the choices".into(),
            },
        ];
        for p in ps {
            let wire = serde_json::to_string(&ApiProblem::from(&p)).unwrap();
            let back: ApiProblem = serde_json::from_str(&wire).unwrap();
            assert_eq!(back.to_problem(), p, "{wire}");
        }
    }

    #[test]
    fn an_older_servers_problem_without_a_kind_still_reads() {
        let b = ErrorBody::parse(
            br#"{"error":"invalid-application","message":"m","problems":[{"field":"answers.x","problem":"answers.x is odd"}]}"#,
        )
        .unwrap();
        assert_eq!(b.error, ErrorCode::InvalidApplication);
        assert_eq!(
            b.problems[0].to_problem(),
            Problem::BadValue {
                field: "answers.x".into(),
                why: "is odd".into()
            }
        );
    }

    #[test]
    fn hostile_bodies_are_bounded() {
        let long = "x".repeat(10_000);
        let many: Vec<_> = (0..1000)
            .map(|i| serde_json::json!({"field": format!("f{i}"), "problem": "p"}))
            .collect();
        let body = serde_json::json!({"error": "internal", "message": long, "problems": many});
        let b = ErrorBody::parse(body.to_string().as_bytes()).unwrap();
        assert_eq!(b.message.chars().count(), MAX_MESSAGE);
        assert_eq!(b.problems.len(), MAX_PROBLEMS);
        assert!(ErrorBody::parse(b"<html>").is_none());
    }
}
