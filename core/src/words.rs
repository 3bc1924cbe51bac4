//! Plain-English words for the screens, kept here so they are tested on the host.

use time::{Date, Duration, Month, OffsetDateTime};

use crate::listing::{
    AccessSupport, Attendance, Availability, Expense, InvolvementKind, PayMethod, PayUnit, Payment,
    Pence,
};
use crate::sync::SyncError;

pub fn kind(k: InvolvementKind) -> &'static str {
    match k {
        InvolvementKind::AdvisoryGroup => "Advisory group or panel",
        InvolvementKind::CoDesign => "Co-design workshop",
        InvolvementKind::ResearchAdvisor => "Research advisor",
        InvolvementKind::Consultation => "Survey or consultation",
        InvolvementKind::InterviewOrFocusGroup => "Interview or focus group",
        InvolvementKind::LivedExperienceRole => "Lived experience or peer role",
        InvolvementKind::CommitteeOrBoard => "Committee or board",
        InvolvementKind::Other => "Other involvement",
    }
}

pub fn access(a: AccessSupport) -> &'static str {
    match a {
        AccessSupport::BslInterpreter => "BSL interpreter",
        AccessSupport::EasyRead => "Easy Read papers",
        AccessSupport::PapersInAdvance => "Papers sent in advance",
        AccessSupport::StepFreeVenue => "Step-free venue",
        AccessSupport::HearingLoop => "Hearing loop",
        AccessSupport::CarerOrPaCosts => "Carer or PA costs paid",
        AccessSupport::TravelPaidUpFront => "Travel paid up front",
        AccessSupport::Breaks => "Regular breaks",
        AccessSupport::DataOrDevice => "Data or a device provided",
    }
}

pub fn expense(e: Expense) -> &'static str {
    match e {
        Expense::Travel => "Travel",
        Expense::Childcare => "Childcare",
        Expense::CarerCosts => "Carer costs",
        Expense::Meals => "Meals",
        Expense::PhoneOrData => "Phone or data",
        Expense::Other => "Other costs",
    }
}

/// "Online", "By phone", "In person in Leeds", "Online or in person in Leeds", "By post".
pub fn attendance(a: &Attendance) -> String {
    match a {
        Attendance::Online => "Online".into(),
        Attendance::Phone => "By phone".into(),
        Attendance::ByPost => "By post".into(),
        Attendance::InPerson { place } => format!("In person in {}", place.name),
        Attendance::Hybrid { place } => format!("Online or in person in {}", place.name),
    }
}

/// "£25", "£7.50".
pub fn money(p: Pence) -> String {
    let pounds = p.0 / 100;
    let pence = p.0 % 100;
    let whole = group_thousands(pounds);
    if pence == 0 {
        format!("£{whole}")
    } else {
        format!("£{whole}.{pence:02}")
    }
}

fn group_thousands(n: u32) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// "£25 an hour", "£40 in vouchers a session", "Unpaid", "Unpaid, expenses covered".
pub fn payment(p: &Payment) -> String {
    match p {
        Payment::None => "Unpaid".into(),
        Payment::ExpensesOnly => "Unpaid, expenses covered".into(),
        Payment::Paid {
            amount_pence,
            per,
            method,
        } => {
            let vouchers = match method {
                PayMethod::Money => "",
                PayMethod::Vouchers => " in vouchers",
            };
            let per = match per {
                PayUnit::Hour => " an hour",
                PayUnit::Session => " a session",
                PayUnit::Day => " a day",
                PayUnit::Meeting => " a meeting",
                PayUnit::Month => " a month",
                PayUnit::Year => " a year",
                PayUnit::Total => " in total",
            };
            format!("{}{vouchers}{per}", money(*amount_pence))
        }
    }
}

/// Shown wherever a role is paid: benefits rules differ and people need to check first.
pub const BENEFITS_NOTE: &str = "Being paid can affect some benefits. Before you say yes, you can \
ask the organiser to pay in vouchers or not at all, and check with a benefits adviser (such as \
Citizens Advice) or your Jobcentre work coach.";

fn month_name(m: Month) -> &'static str {
    match m {
        Month::January => "January",
        Month::February => "February",
        Month::March => "March",
        Month::April => "April",
        Month::May => "May",
        Month::June => "June",
        Month::July => "July",
        Month::August => "August",
        Month::September => "September",
        Month::October => "October",
        Month::November => "November",
        Month::December => "December",
    }
}

/// "3 December 2026" (GOV.UK style).
pub fn date(d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

/// "Tuesday 3 December 2026, 6:30pm".
pub fn date_time(t: OffsetDateTime) -> String {
    let (h, m) = (t.hour(), t.minute());
    let h12 = match h % 12 {
        0 => 12,
        x => x,
    };
    let ampm = if h < 12 { "am" } else { "pm" };
    let clock = if m == 0 {
        format!("{h12}{ampm}")
    } else {
        format!("{h12}:{m:02}{ampm}")
    };
    format!("{} {}, {clock}", t.weekday(), date(t.date()))
}

/// The closing line of a card: "Closes today", "Closes tomorrow", "Closes 3 December 2026",
/// "Closed", "Withdrawn", "No closing date".
pub fn closing(av: Availability, closing: Option<Date>, today: Date) -> String {
    match av {
        Availability::Withdrawn => "Withdrawn".into(),
        Availability::Closed => match closing {
            Some(d) => format!("Closed on {}", date(d)),
            None => "Closed".into(),
        },
        Availability::Open => match closing {
            None => "No closing date".into(),
            Some(d) if d == today => "Closes today".into(),
            Some(d) if Some(d) == today.next_day() => "Closes tomorrow".into(),
            Some(d) => format!("Closes {}", date(d)),
        },
    }
}

/// "just now", "5 minutes ago", "2 hours ago", "yesterday", "3 days ago", "on 3 December 2026".
pub fn ago(then: OffsetDateTime, now: OffsetDateTime) -> String {
    let d: Duration = now - then;
    let mins = d.whole_minutes();
    if mins < 1 {
        "just now".into()
    } else if mins == 1 {
        "1 minute ago".into()
    } else if mins < 60 {
        format!("{mins} minutes ago")
    } else if d.whole_hours() == 1 {
        "1 hour ago".into()
    } else if d.whole_hours() < 24 {
        format!("{} hours ago", d.whole_hours())
    } else if d.whole_days() == 1 {
        "yesterday".into()
    } else if d.whole_days() < 7 {
        format!("{} days ago", d.whole_days())
    } else {
        format!("on {}", date(then.date()))
    }
}

/// What the sync is doing, for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncState {
    Idle,
    Syncing,
    Failed(SyncError),
}

/// The one-line status everyone can read, e.g. "Updated 5 minutes ago".
pub fn status_line(
    state: &SyncState,
    last_synced: Option<OffsetDateTime>,
    now: OffsetDateTime,
    have_listings: bool,
) -> String {
    let saved = if have_listings {
        "showing saved listings"
    } else {
        "no listings saved yet"
    };
    let since = last_synced
        .map(|t| format!(" (updated {})", ago(t, now)))
        .unwrap_or_default();
    match state {
        SyncState::Syncing if last_synced.is_none() => "Getting the latest opportunities…".into(),
        SyncState::Syncing => "Checking for new opportunities…".into(),
        SyncState::Idle => match last_synced {
            Some(t) => format!("Updated {}", ago(t, now)),
            None => "Not updated yet".into(),
        },
        SyncState::Failed(SyncError::Offline) => format!("Offline — {saved}{since}"),
        SyncState::Failed(e) => {
            let mut s = format!("Couldn't update: {e}.");
            if have_listings {
                s.push_str(" Showing saved listings");
                s.push_str(&since);
                s.push('.');
            }
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::PageError;
    use time::macros::{date, datetime};

    #[test]
    fn money_and_payment_in_words() {
        assert_eq!(money(Pence(2500)), "£25");
        assert_eq!(money(Pence(750)), "£7.50");
        assert_eq!(money(Pence(15_000_000)), "£150,000");
        let paid = |p, per, method| Payment::Paid {
            amount_pence: Pence(p),
            per,
            method,
        };
        assert_eq!(
            payment(&paid(2500, PayUnit::Hour, PayMethod::Money)),
            "£25 an hour"
        );
        assert_eq!(
            payment(&paid(2000, PayUnit::Session, PayMethod::Vouchers)),
            "£20 in vouchers a session"
        );
        assert_eq!(
            payment(&paid(15000, PayUnit::Total, PayMethod::Money)),
            "£150 in total"
        );
        assert_eq!(payment(&Payment::None), "Unpaid");
        assert_eq!(payment(&Payment::ExpensesOnly), "Unpaid, expenses covered");
    }

    #[test]
    fn closing_dates_in_words() {
        let today = date!(2026 - 11 - 26);
        assert_eq!(
            closing(Availability::Open, Some(today), today),
            "Closes today"
        );
        assert_eq!(
            closing(Availability::Open, Some(date!(2026 - 11 - 27)), today),
            "Closes tomorrow"
        );
        assert_eq!(
            closing(Availability::Open, Some(date!(2027 - 02 - 03)), today),
            "Closes 3 February 2027"
        );
        assert_eq!(closing(Availability::Open, None, today), "No closing date");
        assert_eq!(
            closing(Availability::Closed, Some(date!(2026 - 11 - 01)), today),
            "Closed on 1 November 2026"
        );
        assert_eq!(closing(Availability::Withdrawn, None, today), "Withdrawn");
    }

    #[test]
    fn times_in_words() {
        assert_eq!(
            date_time(datetime!(2026-12-08 18:30 UTC)),
            "Tuesday 8 December 2026, 6:30pm"
        );
        assert_eq!(
            date_time(datetime!(2026-12-08 12:00 UTC)),
            "Tuesday 8 December 2026, 12pm"
        );
        let now = datetime!(2026-11-26 12:00 UTC);
        assert_eq!(ago(now, now), "just now");
        assert_eq!(ago(datetime!(2026-11-26 11:55 UTC), now), "5 minutes ago");
        assert_eq!(ago(datetime!(2026-11-26 10:00 UTC), now), "2 hours ago");
        assert_eq!(ago(datetime!(2026-11-25 09:00 UTC), now), "yesterday");
        assert_eq!(
            ago(datetime!(2026-11-01 09:00 UTC), now),
            "on 1 November 2026"
        );
    }

    #[test]
    fn the_status_line_says_what_happened_in_plain_words() {
        let now = datetime!(2026-11-26 12:00 UTC);
        let five = Some(datetime!(2026-11-26 11:55 UTC));
        assert_eq!(
            status_line(&SyncState::Idle, five, now, true),
            "Updated 5 minutes ago"
        );
        assert_eq!(
            status_line(&SyncState::Syncing, None, now, false),
            "Getting the latest opportunities…"
        );
        assert_eq!(
            status_line(&SyncState::Failed(SyncError::Offline), five, now, true),
            "Offline — showing saved listings (updated 5 minutes ago)"
        );
        assert_eq!(
            status_line(&SyncState::Failed(SyncError::Offline), None, now, false),
            "Offline — no listings saved yet"
        );
        let bad = SyncError::BadPage(PageError::NotJson("expected value".into()));
        assert_eq!(
            status_line(&SyncState::Failed(bad), five, now, true),
            "Couldn't update: the feed sent something that is not a list of opportunities (not JSON). \
             Showing saved listings (updated 5 minutes ago)."
        );
        assert_eq!(
            status_line(&SyncState::Failed(SyncError::Http(503)), None, now, false),
            "Couldn't update: the listings server is having problems (error 503)."
        );
        assert!(
            status_line(&SyncState::Failed(SyncError::StorageFull), five, now, true)
                .contains("out of storage space")
        );
    }
}
