//! The sealed outbox of a shared device (docs/encryption.md): applications sealed for the
//! server the moment Send is pressed, sent later by whichever tab is open, with no PIN. Like
//! `outbox`, pure decisions; src/sealed_outbox.rs does the I/O.

use serde::{Deserialize, Serialize};

use crate::outbox::{outcome_of, retry_delay, Outcome};
use crate::seal::Envelope;

/// One sealed application waiting to send, or sent and waiting for its person to unlock.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SealedSend {
    /// The idempotency key, made when Send was pressed; every retry reuses it.
    pub key: String,
    /// Whose it is (a vault id: random, says nothing about the person).
    pub vault: String,
    pub envelope: Envelope,
    pub attempts: u32,
    pub next_try_at: i64,
    /// The server's settling answer, sealed to the vault's public key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<Envelope>,
}

/// The server's answer, as kept (sealed) in a receipt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub status: u16,
    pub body: String,
}

impl Answer {
    pub fn outcome(&self) -> Outcome {
        outcome_of(self.status, self.body.as_bytes())
    }
}

/// What to do with an entry after one attempt.
#[derive(Clone, Debug, PartialEq)]
pub enum AfterSend {
    /// Not settled: try again at `next_try_at`.
    Retry,
    /// Settled (sent, or refused for good): keep this answer for the person.
    Settled(Answer),
}

impl SealedSend {
    pub fn new(key: String, vault: String, envelope: Envelope) -> SealedSend {
        SealedSend {
            key,
            vault,
            envelope,
            attempts: 0,
            next_try_at: 0,
            receipt: None,
        }
    }

    /// Still to be sent (no settling answer yet).
    pub fn waiting(&self) -> bool {
        self.receipt.is_none()
    }

    pub fn due(&self, now_ms: i64) -> bool {
        self.waiting() && self.next_try_at <= now_ms
    }

    /// Records one attempt's answer (`None`: no answer at all) and says what comes next.
    pub fn attempted(&mut self, answer: Option<Answer>, now_ms: i64, jitter: f64) -> AfterSend {
        match answer {
            Some(a) if !matches!(a.outcome(), Outcome::TryLater(_)) => AfterSend::Settled(a),
            _ => {
                self.attempts += 1;
                self.next_try_at = now_ms + retry_delay(self.attempts, jitter);
                AfterSend::Retry
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seal::Envelope;

    fn entry() -> SealedSend {
        SealedSend::new(
            "k".into(),
            "v".into(),
            Envelope::new("kid", &[4; 65], &[0; 12], &[0; 16]),
        )
    }

    #[test]
    fn no_answer_and_busy_retry_with_backoff() {
        let mut e = entry();
        assert!(e.due(0));
        assert_eq!(e.attempted(None, 1_000, 0.5), AfterSend::Retry);
        assert_eq!(e.attempts, 1);
        assert!(!e.due(1_000));
        assert!(e.due(e.next_try_at));
        let first = e.next_try_at;
        let busy = Answer {
            status: 429,
            body: String::new(),
        };
        assert_eq!(e.attempted(Some(busy), first, 0.5), AfterSend::Retry);
        assert!(e.next_try_at - first > first - 1_000, "backs off");
        let down = Answer {
            status: 503,
            body: String::new(),
        };
        assert_eq!(e.attempted(Some(down), 0, 0.5), AfterSend::Retry);
    }

    #[test]
    fn stored_and_refused_are_settled() {
        let ok = Answer {
            status: 201,
            body: r#"{"id":"a1","statusToken":"t","status":"received","listingId":"l","created":"2026-11-26T10:00:00Z"}"#.into(),
        };
        let mut e = entry();
        assert_eq!(
            e.attempted(Some(ok.clone()), 0, 0.0),
            AfterSend::Settled(ok)
        );
        let refused = Answer {
            status: 400,
            body: r#"{"error":"sealed-key-expired","message":"sent too late"}"#.into(),
        };
        assert!(matches!(
            entry().attempted(Some(refused), 0, 0.0),
            AfterSend::Settled(_)
        ));
    }
}
