//! Phrases built from data, in the reader's language (`core::i18n` catalogues): dates, money,
//! "Closes tomorrow", counts. Kept here so they are tested on the host, and shared by the app and
//! the server's first paint.

use time::{Date, Duration, OffsetDateTime};

use crate::i18n::{Arg, Catalogue};
use crate::listing::{
    AccessSupport, Attendance, Availability, Expense, InvolvementKind, PayMethod, PayUnit, Payment,
    Pence,
};
use crate::outbox::{Failure, LocalApplication, Stage};
use crate::sync::SyncError;

pub fn kind(c: &Catalogue, k: InvolvementKind) -> String {
    c.text(match k {
        InvolvementKind::AdvisoryGroup => "kind-advisory-group",
        InvolvementKind::CoDesign => "kind-co-design",
        InvolvementKind::ResearchAdvisor => "kind-research-advisor",
        InvolvementKind::Consultation => "kind-consultation",
        InvolvementKind::InterviewOrFocusGroup => "kind-interview",
        InvolvementKind::LivedExperienceRole => "kind-lived-experience",
        InvolvementKind::CommitteeOrBoard => "kind-committee",
        InvolvementKind::Other => "kind-other",
    })
}

pub fn access(c: &Catalogue, a: AccessSupport) -> String {
    c.text(match a {
        AccessSupport::BslInterpreter => "access-bsl",
        AccessSupport::EasyRead => "access-easy-read",
        AccessSupport::PapersInAdvance => "access-papers-in-advance",
        AccessSupport::StepFreeVenue => "access-step-free",
        AccessSupport::HearingLoop => "access-hearing-loop",
        AccessSupport::CarerOrPaCosts => "access-carer-costs",
        AccessSupport::TravelPaidUpFront => "access-travel-up-front",
        AccessSupport::Breaks => "access-breaks",
        AccessSupport::DataOrDevice => "access-data-or-device",
    })
}

pub fn expense(c: &Catalogue, e: Expense) -> String {
    c.text(match e {
        Expense::Travel => "expense-travel",
        Expense::Childcare => "expense-childcare",
        Expense::CarerCosts => "expense-carer",
        Expense::Meals => "expense-meals",
        Expense::PhoneOrData => "expense-phone",
        Expense::Other => "expense-other",
    })
}

/// "Online", "By phone", "In person in Leeds", "Online or in person in Leeds", "By post".
pub fn attendance(c: &Catalogue, a: &Attendance) -> String {
    match a {
        Attendance::Online => c.text("attendance-online"),
        Attendance::Phone => c.text("attendance-phone"),
        Attendance::ByPost => c.text("attendance-post"),
        Attendance::InPerson { place } => c.text_with(
            "attendance-in-person",
            &[("place", place.name.as_str().into())],
        ),
        Attendance::Hybrid { place } => c.text_with(
            "attendance-hybrid",
            &[("place", place.name.as_str().into())],
        ),
    }
}

/// "£25", "£7.50" (the same in every language the app speaks: UK pounds, Western digits).
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
pub fn payment(c: &Catalogue, p: &Payment) -> String {
    match p {
        Payment::None => c.text("pay-unpaid"),
        Payment::ExpensesOnly => c.text("pay-expenses-only"),
        Payment::Paid {
            amount_pence,
            per,
            method,
        } => {
            let unit = match per {
                PayUnit::Hour => "hour",
                PayUnit::Session => "session",
                PayUnit::Day => "day",
                PayUnit::Meeting => "meeting",
                PayUnit::Month => "month",
                PayUnit::Year => "year",
                PayUnit::Total => "total",
            };
            let id = match method {
                PayMethod::Money => "pay-money",
                PayMethod::Vouchers => "pay-vouchers",
            };
            c.text_with(
                id,
                &[
                    ("amount", money(*amount_pence).into()),
                    ("unit", unit.into()),
                ],
            )
        }
    }
}

/// Shown wherever a role is paid: benefits rules differ and people need to check first.
pub fn benefits_note(c: &Catalogue) -> String {
    c.text("benefits-note")
}

/// "3 December 2026" (GOV.UK style).
pub fn date(c: &Catalogue, d: Date) -> String {
    c.text_with(
        "date",
        &[
            ("day", d.day().into()),
            (
                "month",
                c.text_with("month", &[("month", u8::from(d.month()).into())])
                    .into(),
            ),
            ("year", Arg::Text(d.year().to_string().into())),
        ],
    )
}

/// "6:30pm", "12pm".
fn clock(c: &Catalogue, t: OffsetDateTime) -> String {
    let (h, m) = (t.hour(), t.minute());
    let h12 = match h % 12 {
        0 => 12,
        x => x,
    };
    let time = if m == 0 {
        h12.to_string()
    } else {
        format!("{h12}:{m:02}")
    };
    let id = if h < 12 { "time-am" } else { "time-pm" };
    c.text_with(id, &[("time", time.into())])
}

/// "Tuesday 3 December 2026, 6:30pm".
pub fn date_time(c: &Catalogue, t: OffsetDateTime) -> String {
    let weekday = c.text_with(
        "weekday",
        &[("day", t.weekday().number_from_monday().into())],
    );
    c.text_with(
        "date-time",
        &[
            ("weekday", weekday.into()),
            ("date", date(c, t.date()).into()),
            ("time", clock(c, t).into()),
        ],
    )
}

/// One session of a listing: "Tuesday 3 December 2026, 6:30pm to 8pm (online)". An end on the
/// same day gives only its time.
pub fn session(c: &Catalogue, s: &crate::listing::Session) -> String {
    let mut text = date_time(c, s.starts);
    if let Some(end) = s.ends {
        let end_text = if end.date() == s.starts.date() {
            clock(c, end)
        } else {
            date_time(c, end)
        };
        text = c.text_with(
            "session-to",
            &[("start", text.into()), ("end", end_text.into())],
        );
    }
    if let Some(note) = &s.note {
        text = c.text_with(
            "session-note",
            &[("session", text.into()), ("note", note.into())],
        );
    }
    text
}

/// A message a person can copy into an email or form, or read out on the phone, to apply for a
/// listing that is applied for elsewhere.
pub fn prepared_message(c: &Catalogue, title: &str, org: &str) -> String {
    c.text_with(
        "prepared-message",
        &[("title", title.into()), ("org", org.into())],
    )
}

/// The closing line of a card: "Closes today", "Closes tomorrow", "Closes 3 December 2026",
/// "Closed", "Withdrawn", "No closing date".
pub fn closing(c: &Catalogue, av: Availability, closing: Option<Date>, today: Date) -> String {
    match av {
        Availability::Withdrawn => c.text("closing-withdrawn"),
        Availability::Closed => match closing {
            Some(d) => c.text_with("closing-closed-on", &[("date", date(c, d).into())]),
            None => c.text("closing-closed"),
        },
        Availability::Open => match closing {
            None => c.text("closing-none"),
            Some(d) if d == today => c.text("closing-today"),
            Some(d) if Some(d) == today.next_day() => c.text("closing-tomorrow"),
            Some(d) => c.text_with("closing-on", &[("date", date(c, d).into())]),
        },
    }
}

/// "just now", "5 minutes ago", "2 hours ago", "yesterday", "3 days ago", "on 3 December 2026".
pub fn ago(c: &Catalogue, then: OffsetDateTime, now: OffsetDateTime) -> String {
    let d: Duration = now - then;
    let mins = d.whole_minutes();
    if mins < 1 {
        c.text("ago-now")
    } else if mins < 60 {
        c.text_with("ago-minutes", &[("n", mins.into())])
    } else if d.whole_hours() < 24 {
        c.text_with("ago-hours", &[("n", d.whole_hours().into())])
    } else if d.whole_days() == 1 {
        c.text("ago-yesterday")
    } else if d.whole_days() < 7 {
        c.text_with("ago-days", &[("n", d.whole_days().into())])
    } else {
        c.text_with("ago-on", &[("date", date(c, then.date()).into())])
    }
}

/// What the sync is doing, for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncState {
    Idle,
    Syncing,
    Failed(SyncError),
}

/// Why a sync failed, as a clause ("no connection").
pub fn sync_error(c: &Catalogue, e: &SyncError) -> String {
    match e {
        SyncError::Offline => c.text("sync-offline"),
        SyncError::Http(404) => c.text("sync-not-found"),
        SyncError::Http(code) if *code >= 500 => {
            c.text_with("sync-server-problem", &[("code", (*code).into())])
        }
        SyncError::Http(code) => c.text_with("sync-refused", &[("code", (*code).into())]),
        SyncError::BadPage(p) => c.text_with("sync-bad-page", &[("detail", p.to_string().into())]),
        SyncError::StorageFull => c.text("sync-storage-full"),
        SyncError::Storage(e) => c.text_with("sync-storage", &[("detail", e.into())]),
        SyncError::TooManyPages => c.text_with(
            "sync-too-many-pages",
            &[("pages", crate::sync::MAX_PAGES_PER_SYNC.into())],
        ),
    }
}

/// The one-line status everyone can read, e.g. "Updated 5 minutes ago".
pub fn status_line(
    c: &Catalogue,
    state: &SyncState,
    last_synced: Option<OffsetDateTime>,
    now: OffsetDateTime,
    have_listings: bool,
) -> String {
    let saved = if have_listings { "saved" } else { "none" };
    let ago = last_synced.map(|t| ago(c, t, now)).unwrap_or_default();
    let since = if last_synced.is_some() { "yes" } else { "no" };
    match state {
        SyncState::Syncing if last_synced.is_none() => c.text("status-first-sync"),
        SyncState::Syncing => c.text("status-syncing"),
        SyncState::Idle => match last_synced {
            Some(_) => c.text_with("status-updated", &[("ago", ago.into())]),
            None => c.text("status-never"),
        },
        SyncState::Failed(SyncError::Offline) => c.text_with(
            "status-offline",
            &[
                ("saved", saved.into()),
                ("since", since.into()),
                ("ago", ago.into()),
            ],
        ),
        SyncState::Failed(e) => c.text_with(
            "status-failed",
            &[
                ("reason", sync_error(c, e).into()),
                ("saved", saved.into()),
                ("since", since.into()),
                ("ago", ago.into()),
            ],
        ),
    }
}

/// "54 open opportunities"; when searching: "12 of 54 open opportunities match".
pub fn count_words(c: &Catalogue, found: usize, open: usize, searching: bool) -> String {
    if !searching {
        return c.text_with("count-open", &[("open", open.into())]);
    }
    let id = match found {
        0 => "count-none-match",
        n if n == open && open == 1 => "count-the-one-matches",
        _ => "count-match",
    };
    c.text_with(id, &[("found", found.into()), ("open", open.into())])
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
fn and_list(c: &Catalogue, items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => c.text_with(
            "list-and",
            &[("rest", rest.join(", ").into()), ("last", (*last).into())],
        ),
    }
}

/// "Listed by Canal Friends Trust, from Leeds Volunteer Centre" for a listing gathered from
/// other publishers (every source named, the one whose details are shown first); None for a
/// server's own listing.
pub fn attribution(c: &Catalogue, l: &crate::listing::Listing) -> Option<String> {
    if l.sources.is_empty() {
        return None;
    }
    let names: Vec<&str> = l.sources.iter().map(|s| s.name.trim()).collect();
    Some(c.text_with(
        "attribution",
        &[
            ("org", l.organisation.name.trim().into()),
            ("sources", and_list(c, &names).into()),
        ],
    ))
}

/// The licence line for one source: "Leeds Volunteer Centre shares it under CC-BY-4.0", or
/// that it states no licence.
pub fn source_licence(c: &Catalogue, s: &crate::listing::ListingSource) -> String {
    let source = s.name.trim();
    match s
        .license
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        Some(l) => c.text_with(
            "source-licence",
            &[("source", source.into()), ("licence", l.into())],
        ),
        None => c.text_with("source-no-licence", &[("source", source.into())]),
    }
}

/// "No drafts", "1 draft", "3 drafts", in English: for the organisers' pages, which are not
/// translated (the applicant's app uses a catalogue message per count instead).
pub fn plural(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("No {many}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// "1 listing from the feed could not be shown", "3 listings …".
pub fn skipped_words(c: &Catalogue, n: usize) -> String {
    c.text_with("skipped", &[("n", n.into())])
}

/// "5 minutes", "1 minute".
pub fn minutes(c: &Catalogue, m: u32) -> String {
    c.text_with("minutes", &[("n", m.into())])
}

/// "1 time", "3 times" ("Tried 3 times.").
pub fn times(c: &Catalogue, n: u32) -> String {
    c.text_with("times", &[("n", n.into())])
}

/// Why the last try to send did not get through.
pub fn failure(c: &Catalogue, f: Failure) -> String {
    c.text(match f {
        Failure::NoConnection => "failure-no-connection",
        Failure::TimedOut => "failure-timed-out",
        Failure::ServerError => "failure-server-error",
        Failure::Busy => "failure-busy",
    })
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
pub fn removed_words(c: &Catalogue, apps: &[LocalApplication], about: bool) -> String {
    let StageCounts {
        drafts,
        waiting,
        sent,
    } = StageCounts::of(apps);
    let mut s = c.text_with(
        "removed",
        &[
            ("drafts", drafts.into()),
            ("sent", sent.into()),
            ("details", if about { "yes" } else { "no" }.into()),
        ],
    );
    if waiting > 0 {
        s.push(' ');
        s.push_str(&c.text_with("removed-waiting", &[("n", waiting.into())]));
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

pub fn crypto_problem(c: &Catalogue, p: &CryptoProblem) -> String {
    match p {
        CryptoProblem::Unavailable => c.text("crypto-unavailable"),
        CryptoProblem::DoesNotOpen => c.text("crypto-does-not-open"),
        CryptoProblem::Damaged(what) => c.text_with("crypto-damaged", &[("what", (*what).into())]),
        CryptoProblem::Failed(e) => c.text_with("crypto-failed", &[("detail", e.into())]),
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
pub fn storage_problem(c: &Catalogue, p: &StorageProblem) -> String {
    match p {
        StorageProblem::Unavailable(e) => {
            c.text_with("storage-unavailable", &[("detail", e.into())])
        }
        StorageProblem::Full => c.text("storage-full"),
        StorageProblem::Stopped => c.text("storage-stopped"),
        StorageProblem::Locked => c.text("storage-locked"),
        StorageProblem::NoSealKey => c.text("storage-no-seal-key"),
        StorageProblem::Crypto(p) => crypto_problem(c, p),
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

pub fn pin_problem(c: &Catalogue, p: &PinProblem) -> String {
    match p {
        PinProblem::WrongPin => c.text("pin-wrong"),
        PinProblem::Wait(s) => c.text_with("pin-wait", &[("seconds", (*s).into())]),
        PinProblem::Weak(why) => (*why).into(),
        PinProblem::InUse => c.text("pin-in-use"),
        PinProblem::Crypto(p) => {
            c.text_with("pin-crypto", &[("detail", crypto_problem(c, p).into())])
        }
        PinProblem::Storage(e) => {
            c.text_with("pin-storage", &[("detail", storage_problem(c, e).into())])
        }
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

pub fn withdraw_problem(c: &Catalogue, p: &WithdrawProblem) -> String {
    match p {
        WithdrawProblem::Offline => c.text("withdraw-offline"),
        WithdrawProblem::Refused(code) => {
            c.text_with("withdraw-refused", &[("code", (*code).into())])
        }
        WithdrawProblem::Storage(e) => c.text_with(
            "withdraw-storage",
            &[("detail", storage_problem(c, e).into())],
        ),
    }
}

/// This browser cannot make secure random numbers (very old, or a locked-down kiosk).
pub fn no_secure_random(c: &Catalogue) -> String {
    c.text("no-secure-random")
}

/// What a screen reader is told when the application on screen moves on (WCAG 4.1.3, status
/// messages): sent, waiting to be sent, or a new status. None: nothing worth saying.
pub fn stage_news(
    c: &Catalogue,
    before: &crate::outbox::Stage,
    now: &crate::outbox::Stage,
) -> Option<String> {
    use crate::outbox::Stage::{Draft, Sent, Waiting};
    match (before, now) {
        (Draft { .. } | Waiting { .. }, Sent { .. }) => Some(c.text("news-sent")),
        (Draft { .. }, Waiting { .. }) => Some(c.text("news-waiting")),
        (Sent { status: a, .. }, Sent { status: b, .. }) if a != b => {
            Some(c.text_with("news-status", &[("status", c.text(b.message_id()).into())]))
        }
        (Sent { feedback: a, .. }, Sent { feedback: b, .. }) if b.is_some() && a != b => {
            Some(c.text("news-feedback"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod session_tests {
    use super::*;
    fn en() -> Catalogue {
        Catalogue::english()
    }
    use time::macros::datetime;

    #[test]
    fn a_session_ending_the_same_day_gives_only_the_end_time() {
        let s = crate::listing::Session {
            starts: datetime!(2026-12-08 18:30 UTC),
            ends: Some(datetime!(2026-12-08 20:00 UTC)),
            note: Some("online".into()),
        };
        assert_eq!(
            session(&en(), &s),
            "Tuesday 8 December 2026, 6:30pm to 8pm (online)"
        );
        let s = crate::listing::Session {
            ends: Some(datetime!(2026-12-09 10:00 UTC)),
            note: None,
            ..s
        };
        assert_eq!(
            session(&en(), &s),
            "Tuesday 8 December 2026, 6:30pm to Wednesday 9 December 2026, 10am"
        );
    }

    #[test]
    fn the_prepared_message_names_the_listing_and_organisation() {
        let m = prepared_message(&en(), "Carers' panel", "Leeds Trust");
        assert!(m.starts_with(
            "Hello,\n\nI would like to apply for \"Carers' panel\" with Leeds Trust."
        ));
        assert!(m.ends_with("Thank you."));
    }
}

#[cfg(test)]
mod attribution_tests {
    use super::*;
    fn en() -> Catalogue {
        Catalogue::english()
    }
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
        assert_eq!(attribution(&en(), &l), None);
        let src = |name: &str, license: Option<&str>| ListingSource {
            name: name.into(),
            url: None,
            license: license.map(str::to_owned),
        };
        l.sources = vec![src("Leeds Volunteer Centre", Some("CC-BY-4.0"))];
        assert_eq!(
            attribution(&en(), &l).as_deref(),
            Some("Listed by Canal Friends Trust, from Leeds Volunteer Centre")
        );
        l.sources.push(src("Do It", None));
        l.sources.push(src("Reach", None));
        assert_eq!(
            attribution(&en(), &l).as_deref(),
            Some("Listed by Canal Friends Trust, from Leeds Volunteer Centre, Do It and Reach")
        );
        assert_eq!(
            source_licence(&en(), &l.sources[0]),
            "Leeds Volunteer Centre shares it under the licence CC-BY-4.0"
        );
        assert_eq!(
            source_licence(&en(), &l.sources[1]),
            "Do It states no licence for it"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn en() -> Catalogue {
        Catalogue::english()
    }
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
            payment(&en(), &paid(2500, PayUnit::Hour, PayMethod::Money)),
            "£25 an hour"
        );
        assert_eq!(
            payment(&en(), &paid(2000, PayUnit::Session, PayMethod::Vouchers)),
            "£20 in vouchers a session"
        );
        assert_eq!(
            payment(&en(), &paid(15000, PayUnit::Total, PayMethod::Money)),
            "£150 in total"
        );
        assert_eq!(payment(&en(), &Payment::None), "Unpaid");
        assert_eq!(
            payment(&en(), &Payment::ExpensesOnly),
            "Unpaid, expenses covered"
        );
    }

    #[test]
    fn closing_dates_in_words() {
        let today = date!(2026 - 11 - 26);
        assert_eq!(
            closing(&en(), Availability::Open, Some(today), today),
            "Closes today"
        );
        assert_eq!(
            closing(
                &en(),
                Availability::Open,
                Some(date!(2026 - 11 - 27)),
                today
            ),
            "Closes tomorrow"
        );
        assert_eq!(
            closing(
                &en(),
                Availability::Open,
                Some(date!(2027 - 02 - 03)),
                today
            ),
            "Closes 3 February 2027"
        );
        assert_eq!(
            closing(&en(), Availability::Open, None, today),
            "No closing date"
        );
        assert_eq!(
            closing(
                &en(),
                Availability::Closed,
                Some(date!(2026 - 11 - 01)),
                today
            ),
            "Closed on 1 November 2026"
        );
        assert_eq!(
            closing(&en(), Availability::Withdrawn, None, today),
            "Withdrawn"
        );
    }

    #[test]
    fn times_in_words() {
        assert_eq!(
            date_time(&en(), datetime!(2026-12-08 18:30 UTC)),
            "Tuesday 8 December 2026, 6:30pm"
        );
        assert_eq!(
            date_time(&en(), datetime!(2026-12-08 12:00 UTC)),
            "Tuesday 8 December 2026, 12pm"
        );
        let now = datetime!(2026-11-26 12:00 UTC);
        assert_eq!(ago(&en(), now, now), "just now");
        assert_eq!(
            ago(&en(), datetime!(2026-11-26 11:55 UTC), now),
            "5 minutes ago"
        );
        assert_eq!(
            ago(&en(), datetime!(2026-11-26 10:00 UTC), now),
            "2 hours ago"
        );
        assert_eq!(
            ago(&en(), datetime!(2026-11-25 09:00 UTC), now),
            "yesterday"
        );
        assert_eq!(
            ago(&en(), datetime!(2026-11-01 09:00 UTC), now),
            "on 1 November 2026"
        );
    }

    #[test]
    fn the_status_line_says_what_happened_in_plain_words() {
        let now = datetime!(2026-11-26 12:00 UTC);
        let five = Some(datetime!(2026-11-26 11:55 UTC));
        assert_eq!(
            status_line(&en(), &SyncState::Idle, five, now, true),
            "Updated 5 minutes ago"
        );
        assert_eq!(
            status_line(&en(), &SyncState::Syncing, None, now, false),
            "Getting the latest opportunities…"
        );
        assert_eq!(
            status_line(
                &en(),
                &SyncState::Failed(SyncError::Offline),
                five,
                now,
                true
            ),
            "Offline — showing saved listings (updated 5 minutes ago)"
        );
        assert_eq!(
            status_line(
                &en(),
                &SyncState::Failed(SyncError::Offline),
                None,
                now,
                false
            ),
            "Offline — no listings saved yet"
        );
        let bad = SyncError::BadPage(PageError::NotJson("expected value".into()));
        assert_eq!(
            status_line(&en(), &SyncState::Failed(bad), five, now, true),
            "Couldn't update: the feed sent something that is not a list of opportunities (not JSON). \
             Showing saved listings (updated 5 minutes ago)."
        );
        assert_eq!(
            status_line(
                &en(),
                &SyncState::Failed(SyncError::Http(503)),
                None,
                now,
                false
            ),
            "Couldn't update: the listings server is having problems (error 503)."
        );
        assert!(status_line(
            &en(),
            &SyncState::Failed(SyncError::StorageFull),
            five,
            now,
            true
        )
        .contains("out of storage space"));
    }

    #[test]
    fn counts_in_words() {
        assert_eq!(count_words(&en(), 0, 1, false), "1 open opportunity");
        assert_eq!(count_words(&en(), 0, 54, false), "54 open opportunities");
        assert_eq!(
            count_words(&en(), 0, 54, true),
            "None of the 54 open opportunities match"
        );
        assert_eq!(
            count_words(&en(), 1, 1, true),
            "The 1 open opportunity matches"
        );
        assert_eq!(
            count_words(&en(), 1, 54, true),
            "1 of 54 open opportunities matches"
        );
        assert_eq!(
            count_words(&en(), 12, 54, true),
            "12 of 54 open opportunities match"
        );
        assert_eq!(plural(0, "draft", "drafts"), "No drafts");
        assert_eq!(plural(1, "draft", "drafts"), "1 draft");
        assert_eq!(plural(3, "draft", "drafts"), "3 drafts");
        assert_eq!(
            skipped_words(&en(), 1),
            "1 listing from the feed could not be shown"
        );
        assert_eq!(
            skipped_words(&en(), 2),
            "2 listings from the feed could not be shown"
        );
        assert_eq!(minutes(&en(), 1), "1 minute");
        assert_eq!(minutes(&en(), 5), "5 minutes");
        assert_eq!(times(&en(), 1), "1 time");
        assert_eq!(times(&en(), 2), "2 times");
        assert_eq!(
            failure(&en(), Failure::Busy),
            "The organisers' system was busy."
        );
    }

    #[test]
    fn what_finishing_removed() {
        assert_eq!(
            removed_words(&en(), &[], true),
            "Removed from this device: no drafts, no sent applications, your saved details."
        );
        assert_eq!(StageCounts::of(&[]), StageCounts::default());
    }

    #[test]
    fn failures_in_words() {
        assert_eq!(
            storage_problem(&en(), &StorageProblem::Full),
            "this device is out of storage space"
        );
        assert!(storage_problem(&en(), &StorageProblem::Stopped).contains("out of storage space"));
        assert_eq!(
            storage_problem(&en(), &StorageProblem::Crypto(CryptoProblem::Damaged("x"))),
            "stored data is damaged (x)"
        );
        assert_eq!(
            pin_problem(&en(), &PinProblem::Wait(7)),
            "Too many PINs that did not work. Wait 7 seconds, then try again."
        );
        assert!(
            pin_problem(&en(), &PinProblem::Storage(StorageProblem::Locked))
                .ends_with("PIN to carry on.")
        );
        assert!(withdraw_problem(&en(), &WithdrawProblem::Refused(403)).contains("(error 403)"));
    }
}
