//! Size bounds and sanity checks for a listing from an untrusted feed.
//!
//! Every string is bounded so a hostile or broken feed cannot fill a phone's storage or freeze
//! its screen. Limits are in characters (not bytes) and are documented in docs/feed-format.md.

use std::borrow::Cow;
use std::fmt;

use crate::listing::{HowToApply, Listing, Payment};
use crate::question::AnswerKind;

pub const MAX_ID: usize = 100;
pub const MAX_TITLE: usize = 200;
pub const MAX_NAME: usize = 200;
pub const MAX_URL: usize = 500;
pub const MAX_SUMMARY: usize = 500;
pub const MAX_DESCRIPTION: usize = 20_000;
pub const MAX_SHORT: usize = 300;
pub const MAX_NOTE: usize = 2_000;
pub const MAX_LONG: usize = 5_000;
pub const MAX_LIST: usize = 20;
pub const MAX_SESSIONS: usize = 100;
pub const MAX_QUESTIONS: usize = 50;
pub const MAX_OPTIONS: usize = 50;
/// Publishers one listing was gathered from.
pub const MAX_SOURCES: usize = 10;
pub const MAX_ANSWER_LENGTH: u32 = 10_000;
/// £100,000 in pence: anything above is surely a typo.
pub const MAX_AMOUNT_PENCE: u32 = 10_000_000;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    Missing {
        field: String,
    },
    TooLong {
        field: String,
        max: usize,
    },
    TooMany {
        field: String,
        max: usize,
    },
    /// A link that is not http(s), or an email or phone that cannot be one.
    BadLink {
        field: String,
    },
    BadValue {
        field: String,
        why: Cow<'static, str>,
    },
}

impl Problem {
    /// The field the problem is about, in the request's own names ("answers.about").
    pub fn field(&self) -> &str {
        match self {
            Problem::Missing { field }
            | Problem::TooLong { field, .. }
            | Problem::TooMany { field, .. }
            | Problem::BadLink { field }
            | Problem::BadValue { field, .. } => field,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing { field } => write!(f, "{field} is missing"),
            Problem::TooLong { field, max } => {
                write!(f, "{field} is longer than {max} characters")
            }
            Problem::TooMany { field, max } => write!(f, "{field} has more than {max} entries"),
            Problem::BadLink { field } => write!(f, "{field} is not a usable link or address"),
            Problem::BadValue { field, why } => write!(f, "{field} {why}"),
        }
    }
}

struct Checker(Vec<Problem>);

impl Checker {
    fn text(&mut self, field: &str, value: &str, max: usize) {
        if is_blank(value) {
            self.0.push(Problem::Missing {
                field: field.into(),
            });
        } else {
            self.opt_text(field, Some(value), max);
        }
    }
    fn opt_text(&mut self, field: &str, value: Option<&str>, max: usize) {
        if let Some(v) = value {
            if v.chars().count() > max {
                self.0.push(Problem::TooLong {
                    field: field.into(),
                    max,
                });
            }
        }
    }
    fn count(&mut self, field: &str, n: usize, max: usize) {
        if n > max {
            self.0.push(Problem::TooMany {
                field: field.into(),
                max,
            });
        }
    }
    fn link(&mut self, field: &str, url: &str) {
        self.text(field, url, MAX_URL);
        if !is_web_link(url) {
            self.0.push(Problem::BadLink {
                field: field.into(),
            });
        }
    }
}

/// An organisation's id may be a URL, so it is allowed a URL's length.
pub const MAX_ID_URL: usize = MAX_URL;

/// An organisation id: printable ASCII without spaces (a slug, a URI or a VDS `@id`).
pub fn is_org_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= MAX_ID_URL && s.bytes().all(|b| b.is_ascii_graphic())
}

/// True when nothing in `s` can be seen: spaces, and the invisible format characters a hostile
/// feed or form can use to make a title or name that looks empty or reorders what follows it
/// (zero-width spaces and joiners, bidirectional controls, the soft hyphen, the BOM).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E007F}')
}

/// Only http(s) links are ever made clickable; `javascript:` and `data:` never are.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > "https://".len()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(|c| {
                    c.is_whitespace() || c.is_control() || is_invisible(c) || "<>\"'".contains(c)
                })
                && s.len() <= 254
        }
        None => false,
    }
}

/// The longest phone number accepted, in characters, spaces and punctuation included.
pub const MAX_PHONE: usize = 32;

/// A phone number: 6 to 15 digits (E.164 allows 15), written with at most single spaces and
/// `+ ( ) -` between them, and mostly digits (no more separators than digits).
pub fn is_phone(s: &str) -> bool {
    let s = s.trim();
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let others = s.chars().count() - digits;
    (6..=15).contains(&digits)
        && s.chars().count() <= MAX_PHONE
        && others <= digits
        && !s.contains("  ")
        && s.chars().all(|c| c.is_ascii_digit() || " +()-".contains(c))
}

/// Checks a listing; returns every problem found, not just the first.
/// A BCP 47 language tag as feeds write them: "en", "cy", "pt-BR", "zh-Hant" (letters and
/// digits in parts of 1 to 8, a 2 or 3 letter language first).
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && s.len() <= 35
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

pub fn check(l: &Listing) -> Result<(), Vec<Problem>> {
    let mut c = Checker(Vec::new());
    c.text("id", &l.id, MAX_ID);
    if !l
        .id
        .chars()
        .all(|ch| ch.is_ascii_alphanumeric() || "-_.:".contains(ch))
    {
        c.0.push(Problem::BadValue {
            field: "id".into(),
            why: "may only use letters, digits and - _ . :".into(),
        });
    }
    c.text("title", &l.title, MAX_TITLE);
    c.text("organisation.name", &l.organisation.name, MAX_NAME);
    if let Some(id) = &l.organisation.id {
        c.text("organisation.id", id, MAX_ID_URL);
        if !is_org_id(id) {
            c.0.push(Problem::BadValue {
                field: "organisation.id".into(),
                why: "may only use visible characters, with no spaces".into(),
            });
        }
    }
    if let Some(url) = &l.organisation.url {
        c.link("organisation.url", url);
    }
    c.text("summary", &l.summary, MAX_SUMMARY);
    c.text("description", &l.description, MAX_DESCRIPTION);
    c.count("topics", l.topics.len(), MAX_LIST);
    for t in &l.topics {
        c.text("topics", t, 60);
    }
    if let Some(place) = l.attendance.place() {
        c.text("attendance.place.name", &place.name, MAX_NAME);
        c.opt_text(
            "attendance.place.address",
            place.address.as_deref(),
            MAX_SHORT,
        );
        c.opt_text("attendance.place.postcode", place.postcode.as_deref(), 10);
        if let Some(g) = place.geo {
            if !(-90.0..=90.0).contains(&g.lat) || !(-180.0..=180.0).contains(&g.lng) {
                c.0.push(Problem::BadValue {
                    field: "attendance.place.geo".into(),
                    why: "is not a place on Earth".into(),
                });
            }
        }
    }
    c.text("timeCommitment", &l.time_commitment, MAX_SHORT);
    c.count("sessions", l.sessions.len(), MAX_SESSIONS);
    for s in &l.sessions {
        c.opt_text("sessions.note", s.note.as_deref(), MAX_SHORT);
        if let Some(end) = s.ends {
            if end < s.starts {
                c.0.push(Problem::BadValue {
                    field: "sessions.ends".into(),
                    why: "is before the session starts".into(),
                });
            }
        }
    }
    c.opt_text("datesNote", l.dates_note.as_deref(), MAX_SHORT);
    if let Payment::Paid { amount_pence, .. } = l.payment {
        if amount_pence.0 == 0 {
            c.0.push(Problem::BadValue {
                field: "payment.amountPence".into(),
                why: "is zero: use \"none\" or \"expenses-only\"".into(),
            });
        }
        if amount_pence.0 > MAX_AMOUNT_PENCE {
            c.0.push(Problem::BadValue {
                field: "payment.amountPence".into(),
                why: "is more than £100,000".into(),
            });
        }
    }
    c.count("expenses", l.expenses.len(), MAX_LIST);
    c.opt_text("paymentNote", l.payment_note.as_deref(), MAX_NOTE);
    c.count("accessSupport", l.access_support.len(), MAX_LIST);
    c.opt_text("accessNote", l.access_note.as_deref(), MAX_NOTE);
    c.text("eligibility.who", &l.eligibility.who, MAX_NOTE);
    c.count(
        "eligibility.requirements",
        l.eligibility.requirements.len(),
        MAX_LIST,
    );
    for r in &l.eligibility.requirements {
        c.text("eligibility.requirements", r, MAX_SHORT);
    }
    if let Some(age) = l.eligibility.minimum_age {
        if age > 100 {
            c.0.push(Problem::BadValue {
                field: "eligibility.minimumAge".into(),
                why: "is over 100".into(),
            });
        }
    }
    c.text("impact", &l.impact, MAX_LONG);
    c.text("support", &l.support, MAX_LONG);
    if let Some(note) = &l.impact_note {
        c.text("impactNote.text", &note.text, MAX_LONG);
    }
    c.count("inLanguage", l.in_language.len(), MAX_LIST);
    for tag in &l.in_language {
        if !is_language_tag(tag) {
            c.0.push(Problem::BadValue {
                field: "inLanguage".into(),
                why: "is not a language tag such as \"en\" or \"cy\"".into(),
            });
        }
    }
    c.opt_text("easyRead", l.easy_read.as_deref(), MAX_NOTE);
    c.count("sources", l.sources.len(), MAX_SOURCES);
    for s in &l.sources {
        c.text("sources.name", &s.name, MAX_NAME);
        if let Some(url) = &s.url {
            c.link("sources.url", url);
        }
        c.opt_text("sources.license", s.license.as_deref(), MAX_URL);
    }
    match &l.how_to_apply {
        HowToApply::InApp { questions } => check_questions(&mut c, questions),
        HowToApply::Link { url } => c.link("howToApply.url", url),
        HowToApply::Email { address } => {
            if !is_email(address) {
                c.0.push(Problem::BadLink {
                    field: "howToApply.address".into(),
                });
            }
        }
        HowToApply::Phone { number } => {
            if !is_phone(number) {
                c.0.push(Problem::BadLink {
                    field: "howToApply.number".into(),
                });
            }
        }
    }
    if let Some(contact) = &l.contact {
        c.opt_text("contact.name", contact.name.as_deref(), MAX_NAME);
        if contact.email.as_deref().is_some_and(|e| !is_email(e)) {
            c.0.push(Problem::BadLink {
                field: "contact.email".into(),
            });
        }
        if contact.phone.as_deref().is_some_and(|p| !is_phone(p)) {
            c.0.push(Problem::BadLink {
                field: "contact.phone".into(),
            });
        }
    }
    if c.0.is_empty() {
        Ok(())
    } else {
        Err(c.0)
    }
}

fn check_questions(c: &mut Checker, questions: &[crate::question::Question]) {
    c.count("howToApply.questions", questions.len(), MAX_QUESTIONS);
    let mut seen = std::collections::HashSet::new();
    for q in questions {
        c.text("question.id", &q.id, MAX_ID);
        if !seen.insert(q.id.as_str()) {
            c.0.push(Problem::BadValue {
                field: format!("question {}", q.id),
                why: "is used twice".into(),
            });
        }
        c.text(&format!("question {} label", q.id), &q.label, MAX_SHORT);
        c.opt_text(
            &format!("question {} hint", q.id),
            q.hint.as_deref(),
            MAX_NOTE,
        );
        match &q.answer {
            AnswerKind::ShortText { max_length } | AnswerKind::LongText { max_length } => {
                if *max_length == 0 || *max_length > MAX_ANSWER_LENGTH {
                    c.0.push(Problem::BadValue {
                        field: format!("question {} maxLength", q.id),
                        why: "must be between 1 and 10000".into(),
                    });
                }
            }
            AnswerKind::SingleChoice { options } | AnswerKind::MultipleChoice { options } => {
                if options.is_empty() {
                    c.0.push(Problem::Missing {
                        field: format!("question {} options", q.id),
                    });
                }
                let field = format!("question {} options", q.id);
                c.count(&field, options.len(), MAX_OPTIONS);
                for o in options {
                    c.text(&field, o, MAX_NAME);
                }
            }
            AnswerKind::YesNo | AnswerKind::Date => {}
        }
    }
}
