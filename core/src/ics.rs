//! A calendar file (RFC 5545) for a listing's closing date, so people can be reminded to apply.
//!
//! One all-day event on the closing date, with a reminder at 9am the day before. Text from the
//! feed is escaped (`\`, `;`, `,`, new lines) and long lines are folded at 75 bytes without
//! splitting a character, as the standard requires.

use time::{Date, OffsetDateTime};

use crate::listing::Listing;

fn ymd(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Escapes a TEXT value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line: at most 75 bytes a line, continuation lines start with a space.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out
}

/// The file's name: "closing-date-od-0001.ics" (only safe characters from the id).
pub fn file_name(l: &Listing) -> String {
    let id: String =
        l.id.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .take(60)
            .collect();
    format!("closing-date-{id}.ics")
}

/// The calendar, or None when the listing has no closing date. `url` is the listing's address
/// in Open Door; `now` stamps the event.
pub fn closing_date(l: &Listing, url: &str, now: OffsetDateTime) -> Option<String> {
    let day = l.closing_date?;
    let next = day.next_day()?;
    let now = now.to_offset(time::UtcOffset::UTC);
    let stamp = format!(
        "{}T{:02}{:02}{:02}Z",
        ymd(now.date()),
        now.hour(),
        now.minute(),
        now.second()
    );
    let uid: String =
        l.id.chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
            .collect();
    let summary = format!("Last day to apply: {}", l.title);
    let description = format!(
        "{} from {}.\nApplications close at the end of this day.\n{}",
        l.title, l.organisation.name, url
    );
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Open Door//Closing dates//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:closing-{uid}@opendoor"),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", ymd(day)),
        format!("DTEND;VALUE=DATE:{}", ymd(next)),
        format!("SUMMARY:{}", escape(&summary)),
        format!("DESCRIPTION:{}", escape(&description)),
        format!("URL:{url}"),
        "TRANSP:TRANSPARENT".to_owned(),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        format!("DESCRIPTION:{}", escape(&summary)),
        "TRIGGER:-PT15H".to_owned(),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for l in lines {
        out.push_str(&fold(&l));
        out.push_str("\r\n");
    }
    Some(out)
}
