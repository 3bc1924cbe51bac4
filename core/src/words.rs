//! Plain-English words for the screens, kept here so they are tested on the host.

use time::{Date, Duration, Month, OffsetDateTime};

use crate::listing::{
    AccessSupport, Attendance, Availability, Expense, InvolvementKind, PayMethod, PayUnit, Payment,
    Pence,
};
use crate::outbox::{Failure, LocalApplication, Stage};
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

/// One session of a listing: "Tuesday 3 December 2026, 6:30pm to 8pm (online)". An end on the
/// same day gives only its time.
pub fn session(s: &crate::listing::Session) -> String {
    let mut text = date_time(s.starts);
    if let Some(end) = s.ends {
        let end_text = date_time(end);
        if end.date() == s.starts.date() {
            text.push_str(&format!(
                " to {}",
                end_text.rsplit(", ").next().unwrap_or_default()
            ));
        } else {
            text.push_str(&format!(" to {end_text}"));
        }
    }
    if let Some(note) = &s.note {
        text.push_str(&format!(" ({note})"));
    }
    text
}

/// A message a person can copy into an email or form, or read out on the phone, to apply for a
/// listing that is applied for elsewhere.
pub fn prepared_message(title: &str, org: &str) -> String {
    format!(
        "Hello,\n\nI would like to apply for \"{title}\" with {org}. I found it on Open Door.\n\n\
         [Say a little about yourself and why you are interested.]\n\n\
         Please tell me what happens next.\n\nThank you."
    )
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

/// "54 open opportunities"; when searching: "12 of 54 open opportunities match".
pub fn count_words(found: usize, open: usize, searching: bool) -> String {
    let all = if open == 1 {
        "1 open opportunity".to_owned()
    } else {
        format!("{open} open opportunities")
    };
    if !searching {
        return all;
    }
    match found {
        0 => format!("None of the {all} match"),
        n if n == open && open == 1 => "The 1 open opportunity matches".to_owned(),
        1 => format!("1 of {all} matches"),
        n => format!("{n} of {all} match"),
    }
}

/// The start of a longer text for a list: its first paragraph, cut at a word before `max`
/// characters, with "…" when anything is left out (the full text is a link away).
pub fn excerpt(text: &str, max: usize) -> String {
    let paras = crate::listing::paragraphs(text);
    let Some(first) = paras.first() else {
        return String::new();
    };
    let more = paras.len() > 1;
    if first.chars().count() <= max {
        return if more {
            format!("{first} …")
        } else {
            (*first).to_owned()
        };
    }
    let cut: String = first.chars().take(max).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(i) if i > 0 => cut[..i].trim_end(),
        _ => cut.as_str(),
    };
    format!("{cut}…")
}

/// "A, B and C".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "Listed by Canal Friends Trust, from Leeds Volunteer Centre" for a listing gathered from
/// other publishers (every source named, the one whose details are shown first); None for a
/// server's own listing.
pub fn attribution(l: &crate::listing::Listing) -> Option<String> {
    if l.sources.is_empty() {
        return None;
    }
    let names: Vec<&str> = l.sources.iter().map(|s| s.name.trim()).collect();
    Some(format!(
        "Listed by {}, from {}",
        l.organisation.name.trim(),
        and_list(&names)
    ))
}

/// The licence line for one source: "Leeds Volunteer Centre shares it under CC-BY-4.0", or
/// that it states no licence.
pub fn source_licence(s: &crate::listing::ListingSource) -> String {
    match s
        .license
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        Some(l) => format!("{} shares it under the licence {l}", s.name.trim()),
        None => format!("{} states no licence for it", s.name.trim()),
    }
}

/// "No drafts", "1 draft", "3 drafts".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("No {many}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// "1 listing from the feed could not be shown", "3 listings …".
pub fn skipped_words(n: usize) -> String {
    if n == 1 {
        "1 listing from the feed could not be shown".to_string()
    } else {
        format!("{n} listings from the feed could not be shown")
    }
}

/// "5 minutes", "1 minute".
pub fn minutes(m: u32) -> String {
    format!("{m} minute{}", if m == 1 { "" } else { "s" })
}

/// "1 time", "3 times" ("Tried 3 times.").
pub fn times(n: u32) -> String {
    format!("{n} time{}", if n == 1 { "" } else { "s" })
}

/// Why the last try to send did not get through.
pub fn failure(f: Failure) -> &'static str {
    match f {
        Failure::NoConnection => "There was no connection.",
        Failure::TimedOut => "The connection was too slow.",
        Failure::ServerError => "The organisers' system had a problem.",
        Failure::Busy => "The organisers' system was busy.",
    }
}

/// A person's applications by stage (for "I'm finished").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StageCounts {
    pub drafts: usize,
    pub waiting: usize,
    pub sent: usize,
}

impl StageCounts {
    pub fn of(apps: &[LocalApplication]) -> StageCounts {
        let count = |f: fn(&Stage) -> bool| apps.iter().filter(|a| f(&a.stage)).count();
        StageCounts {
            drafts: count(|s| matches!(s, Stage::Draft { .. })),
            waiting: count(|s| matches!(s, Stage::Waiting { .. })),
            sent: count(|s| matches!(s, Stage::Sent { .. })),
        }
    }
}

/// What "I'm finished" removed, said after the page restarts (counts only).
pub fn removed_words(apps: &[LocalApplication], about: bool) -> String {
    let StageCounts {
        drafts,
        waiting,
        sent,
    } = StageCounts::of(apps);
    let mut removed = vec![
        plural(drafts, "draft", "drafts").to_lowercase(),
        plural(sent, "sent application", "sent applications").to_lowercase(),
    ];
    if about {
        removed.push("your saved details".into());
    }
    let mut s = format!("Removed from this device: {}.", removed.join(", "));
    if waiting == 1 {
        s.push_str(" 1 application is still waiting to send. It is sealed so only the organisers can open it, and it will be sent by itself when there is a connection.");
    } else if waiting > 1 {
        s.push_str(&format!(" {waiting} applications are still waiting to send. They are sealed so only the organisers can open them, and they will be sent by themselves when there is a connection."));
    }
    s
}

/// What went wrong with encryption, as much as a person needs to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoProblem {
    /// No Web Crypto here (not https, or an old browser).
    Unavailable,
    DoesNotOpen,
    /// Stored data is not in our format (what was damaged).
    Damaged(&'static str),
    /// The browser refused for another reason (its words).
    Failed(String),
}

pub fn crypto_problem(p: &CryptoProblem) -> String {
    match p {
        CryptoProblem::Unavailable => "this browser cannot encrypt here: a shared device needs Open Door on a secure (https) address".into(),
        CryptoProblem::DoesNotOpen => "that could not be unlocked".into(),
        CryptoProblem::Damaged(what) => format!("stored data is damaged ({what})"),
        CryptoProblem::Failed(e) => format!("encryption failed ({e})"),
    }
}

/// What went wrong with the device's storage, as much as a person needs to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// IndexedDB is missing or blocked (the browser's words).
    Unavailable(String),
    Full,
    /// A write was stopped with no reason given (most likely a full device).
    Stopped,
    /// Shared device, nobody unlocked.
    Locked,
    /// Shared device that has never fetched the server's sealing key.
    NoSealKey,
    Crypto(CryptoProblem),
    /// Anything else (the browser's words).
    Other(String),
}

/// The sentence for a storage failure, to put after "Couldn't save: " and the like.
pub fn storage_problem(p: &StorageProblem) -> String {
    match p {
        StorageProblem::Unavailable(e) => {
            format!("this browser won't let Open Door save listings ({e})")
        }
        StorageProblem::Full => "this device is out of storage space".into(),
        StorageProblem::Stopped => "saving was stopped; this device may be out of storage space".into(),
        StorageProblem::Locked => "your drafts are locked: enter your PIN to carry on".into(),
        StorageProblem::NoSealKey => "this shared device has not yet connected to Open Door, so it cannot seal applications for sending; connect to the internet once and try again".into(),
        StorageProblem::Crypto(c) => crypto_problem(c),
        StorageProblem::Other(e) => e.clone(),
    }
}

/// Why a PIN was not accepted (never whether anyone has drafts on the device).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PinProblem {
    WrongPin,
    /// Too many wrong PINs: wait this many seconds.
    Wait(u32),
    /// A new PIN that is not allowed (the rule it breaks, in words).
    Weak(&'static str),
    InUse,
    Crypto(CryptoProblem),
    Storage(StorageProblem),
}

pub fn pin_problem(p: &PinProblem) -> String {
    match p {
        PinProblem::WrongPin => "That PIN did not unlock anything. Check it and try again.".into(),
        PinProblem::Wait(s) => {
            format!("Too many PINs that did not work. Wait {s} seconds, then try again.")
        }
        PinProblem::Weak(why) => (*why).into(),
        PinProblem::InUse => {
            "That PIN cannot be used on this device. Choose a different one.".into()
        }
        PinProblem::Crypto(c) => {
            format!(
                "Open Door could not protect your drafts: {}.",
                crypto_problem(c)
            )
        }
        PinProblem::Storage(e) => format!(
            "Open Door could not use this device's storage: {}.",
            storage_problem(e)
        ),
    }
}

/// Why withdrawing an application did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WithdrawProblem {
    Offline,
    /// The server answered with this error status.
    Refused(u16),
    /// Withdrawn from the server, but this device could not remove it.
    Storage(StorageProblem),
}

pub fn withdraw_problem(p: &WithdrawProblem) -> String {
    match p {
        WithdrawProblem::Offline => {
            "You need a connection to withdraw. Nothing has changed: try again when you are online."
                .into()
        }
        WithdrawProblem::Refused(code) => format!(
            "The organisers' system did not accept the withdrawal (error {code}). Try again later."
        ),
        WithdrawProblem::Storage(e) => format!(
            "Withdrawn, but this device could not update its list: {}",
            storage_problem(e)
        ),
    }
}

/// This browser cannot make secure random numbers (very old, or a locked-down kiosk).
pub const NO_SECURE_RANDOM: &str = "This browser can't make the secret code that keeps your application private, so it was not sent. Your answers are kept. Try another browser, or update this one.";

/// What a screen reader is told when the application on screen moves on (WCAG 4.1.3, status
/// messages): sent, waiting to be sent, or a new status. None: nothing worth saying.
pub fn stage_news(before: &crate::outbox::Stage, now: &crate::outbox::Stage) -> Option<String> {
    use crate::outbox::Stage::{Draft, Sent, Waiting};
    match (before, now) {
        (Draft { .. } | Waiting { .. }, Sent { .. }) => Some("Application sent.".into()),
        (Draft { .. }, Waiting { .. }) => Some(
            "Saved on this device. It will be sent by itself when there is a connection.".into(),
        ),
        (Sent { status: a, .. }, Sent { status: b, .. }) if a != b => {
            Some(format!("News about your application: {}.", b.words()))
        }
        (Sent { feedback: a, .. }, Sent { feedback: b, .. }) if b.is_some() && a != b => {
            Some("News about your application: the organisers have written to you.".into())
        }
        _ => None,
    }
}

#[cfg(test)]
mod session_tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_session_ending_the_same_day_gives_only_the_end_time() {
        let s = crate::listing::Session {
            starts: datetime!(2026-12-08 18:30 UTC),
            ends: Some(datetime!(2026-12-08 20:00 UTC)),
            note: Some("online".into()),
        };
        assert_eq!(
            session(&s),
            "Tuesday 8 December 2026, 6:30pm to 8pm (online)"
        );
        let s = crate::listing::Session {
            ends: Some(datetime!(2026-12-09 10:00 UTC)),
            note: None,
            ..s
        };
        assert_eq!(
            session(&s),
            "Tuesday 8 December 2026, 6:30pm to Wednesday 9 December 2026, 10am"
        );
    }

    #[test]
    fn the_prepared_message_names_the_listing_and_organisation() {
        let m = prepared_message("Carers' panel", "Leeds Trust");
        assert!(m.starts_with(
            "Hello,\n\nI would like to apply for \"Carers' panel\" with Leeds Trust."
        ));
        assert!(m.ends_with("Thank you."));
    }
}

#[cfg(test)]
mod attribution_tests {
    use super::*;
    use crate::listing::ListingSource;

    #[test]
    fn attribution_names_the_organisation_and_every_source() {
        let mut l: crate::listing::Listing = serde_json::from_value(serde_json::json!({
            "id": "a", "title": "T", "organisation": {"name": "Canal Friends Trust"},
            "summary": "S", "description": "D", "kind": "other",
            "attendance": {"mode": "online"}, "timeCommitment": "1 hour",
            "payment": {"type": "none"}, "eligibility": {"who": "Anyone"},
            "impact": "I", "support": "S", "howToApply": {"type": "in-app", "questions": []},
            "lastUpdated": "2026-01-01T00:00:00Z", "status": "open"
        }))
        .unwrap();
        assert_eq!(attribution(&l), None);
        let src = |name: &str, license: Option<&str>| ListingSource {
            name: name.into(),
            url: None,
            license: license.map(str::to_owned),
        };
        l.sources = vec![src("Leeds Volunteer Centre", Some("CC-BY-4.0"))];
        assert_eq!(
            attribution(&l).as_deref(),
            Some("Listed by Canal Friends Trust, from Leeds Volunteer Centre")
        );
        l.sources.push(src("Do It", None));
        l.sources.push(src("Reach", None));
        assert_eq!(
            attribution(&l).as_deref(),
            Some("Listed by Canal Friends Trust, from Leeds Volunteer Centre, Do It and Reach")
        );
        assert_eq!(
            source_licence(&l.sources[0]),
            "Leeds Volunteer Centre shares it under the licence CC-BY-4.0"
        );
        assert_eq!(
            source_licence(&l.sources[1]),
            "Do It states no licence for it"
        );
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

    #[test]
    fn counts_in_words() {
        assert_eq!(count_words(0, 1, false), "1 open opportunity");
        assert_eq!(count_words(0, 54, false), "54 open opportunities");
        assert_eq!(
            count_words(0, 54, true),
            "None of the 54 open opportunities match"
        );
        assert_eq!(count_words(1, 1, true), "The 1 open opportunity matches");
        assert_eq!(
            count_words(1, 54, true),
            "1 of 54 open opportunities matches"
        );
        assert_eq!(
            count_words(12, 54, true),
            "12 of 54 open opportunities match"
        );
        assert_eq!(plural(0, "draft", "drafts"), "No drafts");
        assert_eq!(plural(1, "draft", "drafts"), "1 draft");
        assert_eq!(plural(3, "draft", "drafts"), "3 drafts");
        assert_eq!(
            skipped_words(1),
            "1 listing from the feed could not be shown"
        );
        assert_eq!(
            skipped_words(2),
            "2 listings from the feed could not be shown"
        );
        assert_eq!(minutes(1), "1 minute");
        assert_eq!(minutes(5), "5 minutes");
        assert_eq!(times(1), "1 time");
        assert_eq!(times(2), "2 times");
        assert_eq!(failure(Failure::Busy), "The organisers' system was busy.");
    }

    #[test]
    fn what_finishing_removed() {
        assert_eq!(
            removed_words(&[], true),
            "Removed from this device: no drafts, no sent applications, your saved details."
        );
        assert_eq!(StageCounts::of(&[]), StageCounts::default());
    }

    #[test]
    fn failures_in_words() {
        assert_eq!(
            storage_problem(&StorageProblem::Full),
            "this device is out of storage space"
        );
        assert!(storage_problem(&StorageProblem::Stopped).contains("out of storage space"));
        assert_eq!(
            storage_problem(&StorageProblem::Crypto(CryptoProblem::Damaged("x"))),
            "stored data is damaged (x)"
        );
        assert_eq!(
            pin_problem(&PinProblem::Wait(7)),
            "Too many PINs that did not work. Wait 7 seconds, then try again."
        );
        assert!(
            pin_problem(&PinProblem::Storage(StorageProblem::Locked)).ends_with("PIN to carry on.")
        );
        assert!(withdraw_problem(&WithdrawProblem::Refused(403)).contains("(error 403)"));
    }
}
