//! The one clock: every "now" on the server comes from here, so tests can set the time.

use std::sync::Arc;

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

/// Unix milliseconds, from the system or from a test.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> i64 + Send + Sync>);

impl Clock {
    /// The system's clock.
    pub fn system() -> Clock {
        Clock(Arc::new(|| {
            (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
        }))
    }

    /// A test's clock, in Unix seconds.
    pub fn from_unix(f: impl Fn() -> i64 + Send + Sync + 'static) -> Clock {
        Clock(Arc::new(move || f().saturating_mul(1000)))
    }

    pub fn millis(&self) -> i64 {
        (self.0)()
    }

    pub fn unix(&self) -> i64 {
        self.millis().div_euclid(1000)
    }

    pub fn now(&self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(self.unix()).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    pub fn today(&self) -> Date {
        self.now().date()
    }

    /// RFC 3339 to the second, e.g. "2026-12-04T17:02:33Z".
    pub fn rfc3339(&self) -> String {
        rfc3339(self.unix())
    }
}

/// Unix seconds as RFC 3339 (to the second).
pub fn rfc3339(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Clock({})", self.rfc3339())
    }
}
