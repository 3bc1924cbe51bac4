//! "New since you last looked": what has changed about one of the person's sent applications
//! since they last opened it — its status, the organisers' message, or the listing's "what
//! changed because of you" note. The app keeps the marker ([`Seen`]) inside the application's
//! own record, so on a shared device it is encrypted with the rest, and opening the
//! application's page moves it on. This module only decides.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, UtcOffset};

use crate::application::ApplicationStatus;
use crate::listing::ImpactNote;
use crate::outbox::{LocalApplication, Stage};

/// What the person had seen of a sent application when they last opened it. Texts are kept as
/// fingerprints: enough to tell that they changed, without a second copy of someone's message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Seen {
    pub status: ApplicationStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact_note: Option<String>,
}

/// What is new about one application. A message or note that was taken away is not news.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct News {
    pub status: bool,
    pub feedback: bool,
    pub impact_note: bool,
}

impl News {
    pub fn any(self) -> bool {
        self.status || self.feedback || self.impact_note
    }

    /// Each part seen in either (what a page shows while it stays open and marks things seen).
    pub fn or(self, other: News) -> News {
        News {
            status: self.status || other.status,
            feedback: self.feedback || other.feedback,
            impact_note: self.impact_note || other.impact_note,
        }
    }
}

/// A short, stable fingerprint of a text (64-bit FNV-1a, as hex). Not a secret and not a
/// security check: only "is this the same text as before?". Hex rather than a number, because
/// IndexedDB keeps numbers as doubles and would round a 64-bit one.
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

impl Seen {
    /// What someone looking at this application now sees.
    pub fn of(
        status: ApplicationStatus,
        feedback: Option<&str>,
        note: Option<&ImpactNote>,
    ) -> Seen {
        Seen {
            status,
            feedback: feedback.map(fingerprint),
            impact_note: note.map(|n| fingerprint(&n.text)),
        }
    }
}

impl LocalApplication {
    /// What is new since the person last opened this application. Only sent applications have
    /// news. `note` is the listing's impact note as stored now; `offset` is the device's time
    /// zone, to know the day it was sent.
    ///
    /// Never opened since it was sent: compare with what the person saw when they sent it —
    /// "received", no message, and any note already on the listing then (one dated before the
    /// day they sent it).
    pub fn news(&self, note: Option<&ImpactNote>, offset: UtcOffset) -> News {
        let Stage::Sent {
            status,
            feedback,
            sent_at,
            ..
        } = &self.stage
        else {
            return News::default();
        };
        let feedback = feedback.as_deref();
        match &self.seen {
            Some(seen) => News {
                status: *status != seen.status,
                feedback: feedback.is_some_and(|f| Some(fingerprint(f)) != seen.feedback),
                impact_note: note.is_some_and(|n| Some(fingerprint(&n.text)) != seen.impact_note),
            },
            None => News {
                status: *status != ApplicationStatus::Received,
                feedback: feedback.is_some(),
                impact_note: note.is_some_and(|n| sent_day(*sent_at, offset) <= Some(n.date)),
            },
        }
    }

    /// The person has now seen everything about it (their application's page was shown).
    /// Returns whether anything changed, so the caller writes only when it must.
    pub fn mark_seen(&mut self, note: Option<&ImpactNote>) -> bool {
        let Stage::Sent {
            status, feedback, ..
        } = &self.stage
        else {
            return false;
        };
        let now = Seen::of(*status, feedback.as_deref(), note);
        if self.seen.as_ref() == Some(&now) {
            return false;
        }
        self.seen = Some(now);
        true
    }
}

/// The day (in the device's time zone) of a time in milliseconds since 1970.
fn sent_day(ms: i64, offset: UtcOffset) -> Option<Date> {
    let t = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()?;
    Some(t.to_offset(offset).date())
}

/// "1 of your applications has news", "2 of your applications have news".
pub fn count_words(c: &crate::i18n::Catalogue, n: usize) -> String {
    c.text_with("news-count", &[("n", n.into())])
}

impl News {
    /// "New since you last looked: the status has changed and there is a new message from the
    /// organisers." Empty when there is nothing new.
    pub fn summary(self, c: &crate::i18n::Catalogue) -> String {
        if !self.any() {
            return String::new();
        }
        let yes = |on: bool| if on { "yes" } else { "no" };
        c.text_with(
            "news-summary",
            &[
                ("status", yes(self.status).into()),
                ("feedback", yes(self.feedback).into()),
                ("impact", yes(self.impact_note).into()),
            ],
        )
    }
}
