//! The device's clock: the one place the app reads "now" (as milliseconds, Unix seconds or the
//! domain's time types), so every screen and job agrees on it.

use time::{Date, Month, OffsetDateTime};

/// Milliseconds since the Unix epoch, from the device clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Unix seconds, from the device clock.
pub fn now_unix() -> i64 {
    now_ms().div_euclid(1000)
}

/// Now, from the device clock (UTC).
pub fn now() -> OffsetDateTime {
    from_millis(now_ms())
}

pub fn from_millis(ms: i64) -> OffsetDateTime {
    from_unix(ms.div_euclid(1000))
}

pub fn from_unix(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Today in the person's own time zone: closing dates are local calendar days.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    let month = Month::try_from(d.get_month() as u8 + 1).unwrap_or(Month::January);
    Date::from_calendar_date(d.get_full_year() as i32, month, d.get_date() as u8)
        .unwrap_or_else(|_| now().date())
}

/// The device's UTC offset now, so times read as the person's own clock.
pub fn local_offset() -> time::UtcOffset {
    let minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    time::UtcOffset::from_whole_seconds(minutes * 60).unwrap_or(time::UtcOffset::UTC)
}

/// Now on the device's wall clock (local time), for "closes within 48 hours".
pub fn now_local() -> time::PrimitiveDateTime {
    let d = js_sys::Date::new_0();
    let time = time::Time::from_hms(
        d.get_hours() as u8,
        d.get_minutes() as u8,
        d.get_seconds() as u8,
    )
    .unwrap_or(time::Time::MIDNIGHT);
    time::PrimitiveDateTime::new(today(), time)
}
