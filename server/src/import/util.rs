//! Small parsers shared by the CSV and VDS importers. None of them panic.

use opendoor_core::listing::Pence;
use serde::de::DeserializeOwned;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

/// "Advisory group", "advisory_group", "ADVISORY-GROUP" → "advisory-group".
pub fn kebab(s: &str) -> String {
    let mut out = String::new();
    for part in s
        .trim()
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-' || c == '/')
    {
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&part.to_lowercase());
    }
    out
}

/// A kebab-case enum of the domain crate from a spreadsheet word.
pub fn enum_word<T: DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(kebab(s))).ok()
}

/// `YYYY-MM-DD` or `DD/MM/YYYY` (UK spreadsheets), or the date part of an RFC 3339 time.
pub fn date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some((d, rest)) = s.split_once('/') {
        let (m, y) = rest.split_once('/')?;
        let (d, m, y): (u8, u8, i32) = (
            d.trim().parse().ok()?,
            m.trim().parse().ok()?,
            y.trim().parse().ok()?,
        );
        let y = if y < 100 { 2000 + y } else { y };
        return Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok();
    }
    let head = s.get(..10)?;
    let mut parts = head.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    if !(1900..=2200).contains(&y) {
        return None;
    }
    Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
}

fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let mut d =
        Date::from_calendar_date(year, month, time::util::days_in_month(month, year)).ok()?;
    while d.weekday() != Weekday::Sunday {
        d = d.previous_day()?;
    }
    Some(d)
}

/// The UK's offset from UTC at a local wall-clock time (GMT, or BST from the last Sunday of
/// March to the last Sunday of October).
pub fn uk_offset(local: PrimitiveDateTime) -> UtcOffset {
    let y = local.year();
    let (Some(start), Some(end)) = (last_sunday(y, Month::March), last_sunday(y, Month::October))
    else {
        return UtcOffset::UTC;
    };
    let one = Time::from_hms(1, 0, 0).unwrap_or(Time::MIDNIGHT);
    let bst_start = PrimitiveDateTime::new(start, one);
    let bst_end = PrimitiveDateTime::new(end, Time::from_hms(2, 0, 0).unwrap_or(one));
    if local >= bst_start && local < bst_end {
        UtcOffset::from_hms(1, 0, 0).unwrap_or(UtcOffset::UTC)
    } else {
        UtcOffset::UTC
    }
}

fn hh_mm(s: &str) -> Option<Time> {
    let (h, m) = s.trim().split_once(':')?;
    Time::from_hms(
        h.trim().parse().ok()?,
        m.trim().get(..2).unwrap_or(m.trim()).parse().ok()?,
        0,
    )
    .ok()
}

/// RFC 3339, or `YYYY-MM-DD HH:MM` (also with `T`) in UK local time.
pub fn date_time(s: &str) -> Option<OffsetDateTime> {
    let s = s.trim();
    if let Ok(t) = OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339) {
        return Some(t);
    }
    let d = date(s)?;
    let rest = s.get(10..)?.trim_start_matches(['T', ' ']);
    let t = hh_mm(rest)?;
    let local = PrimitiveDateTime::new(d, t);
    Some(local.assume_offset(uk_offset(local)))
}

/// A session: `YYYY-MM-DD HH:MM`, optionally `-HH:MM` for the end, in UK local time; or two
/// RFC 3339 times joined by `/`.
pub fn session(s: &str) -> Option<(OffsetDateTime, Option<OffsetDateTime>)> {
    let s = s.trim();
    if let Some((a, b)) = s.split_once('/') {
        if a.contains('T') {
            return Some((date_time(a)?, Some(date_time(b)?)));
        }
    }
    // "2026-03-10 18:00-20:00"
    if s.len() > 16 {
        if let (Some(start), Some(end)) = (s.get(..16), s.get(16..)) {
            if let Some(end) = end.trim().strip_prefix('-') {
                let starts = date_time(start)?;
                let d = date(start)?;
                let end_local = PrimitiveDateTime::new(d, hh_mm(end)?);
                let ends = end_local.assume_offset(uk_offset(end_local));
                return Some((starts, Some(ends)));
            }
        }
    }
    Some((date_time(s)?, None))
}

/// "£25", "25.50", "£1,200" → pence.
pub fn pounds(s: &str) -> Option<Pence> {
    let t: String = s
        .trim()
        .trim_start_matches('£')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    let (whole, frac) = match t.split_once('.') {
        Some((w, f)) => (w, f),
        None => (t.as_str(), ""),
    };
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let frac: u64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().ok()?
    };
    u32::try_from(whole.checked_mul(100)?.checked_add(frac)?)
        .ok()
        .map(Pence)
}

/// Makes an identifier safe as a listing id (letters, digits, `-_.:`; at most 100 characters).
pub fn safe_id(raw: &str) -> String {
    let raw = raw.trim();
    let raw = raw
        .strip_prefix("https://")
        .or_else(|| raw.strip_prefix("http://"))
        .unwrap_or(raw);
    let mut out: String = raw
        .chars()
        .map(|c| match c {
            '/' | '#' | '?' | '=' | '&' => ':',
            c if c.is_ascii_alphanumeric() || "-_.:".contains(c) => c,
            _ => '-',
        })
        .collect();
    out = out.trim_matches(':').to_owned();
    if out.chars().count() > 100 {
        // Keep the end, where ids usually differ.
        out = out.chars().skip(out.chars().count() - 100).collect();
    }
    out
}

/// The first sentence of a description, for a card, at most `max` characters.
pub fn summary_from(description: &str, max: usize) -> String {
    let text = description.split_whitespace().collect::<Vec<_>>().join(" ");
    let end = text.find(". ").map(|i| i + 1).unwrap_or(text.len());
    let first = &text[..end];
    if first.chars().count() <= max {
        first.to_owned()
    } else {
        let mut s: String = first.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Splits a list cell on `;` (and new lines), trimming and dropping blanks.
pub fn list(s: &str) -> Vec<String> {
    s.split([';', '\n'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_times() {
        let winter = date_time("2026-01-10 18:00").unwrap();
        assert_eq!(winter.offset(), UtcOffset::UTC);
        let summer = date_time("2026-07-10T18:00").unwrap();
        assert_eq!(summer.offset().whole_hours(), 1);
        let (s, e) = session("2026-07-10 18:00-20:30").unwrap();
        assert_eq!((e.unwrap() - s).whole_minutes(), 150);
    }

    #[test]
    fn money_and_dates() {
        assert_eq!(pounds("£1,200.5"), Some(Pence(120_050)));
        assert_eq!(pounds("25"), Some(Pence(2500)));
        assert_eq!(pounds("2.555"), None);
        assert_eq!(date("31/01/2026"), date("2026-01-31"));
        assert!(date("2026-02-30").is_none());
        assert_eq!(kebab(" Advisory  group "), "advisory-group");
        assert_eq!(
            safe_id("https://example.org/roles/12?x=1"),
            "example.org:roles:12:x:1"
        );
    }
}
