//! The listing editor's fields, as typed (kept as a draft even when not valid yet), and their
//! translation to and from the listing model. Checking is core's `validate::check`, the same
//! the importer and the app use; its problems are tied back to the editor's fields here.

use opendoor_core::listing::{
    AccessSupport, Attendance, Contact, Eligibility, Expense, HowToApply, ImpactNote,
    InvolvementKind, ListingStatus, Organisation, PayMethod, PayUnit, Payment, Pence, Place,
    Session,
};
use opendoor_core::question::{AnswerKind, Question};
use opendoor_core::validate::{self, Problem};
use opendoor_core::Listing;
use serde::{Deserialize, Serialize};
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime, UtcOffset};

use super::page::FieldErr;
use super::Fields;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionForm {
    /// `datetime-local`: 2027-01-15T18:00
    pub starts: String,
    pub ends: String,
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionForm {
    pub id: String,
    pub label: String,
    pub hint: String,
    /// "required" or "optional"
    pub required: String,
    /// short-text, long-text, single-choice, multiple-choice, yes-no, date
    pub kind: String,
    pub max_length: String,
    /// One option per line.
    pub options: String,
}

/// Everything the editor shows, as text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListingForm {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub kind: String,
    /// One per line (a topic may have a comma in it).
    pub topics: String,
    /// online, phone, in-person, by-post, hybrid
    pub mode: String,
    pub place_name: String,
    pub place_address: String,
    pub place_postcode: String,
    pub time_commitment: String,
    pub sessions: Vec<SessionForm>,
    pub dates_note: String,
    pub closing_date: String,
    /// none, expenses-only, paid
    pub payment: String,
    /// Pounds, e.g. "25" or "12.50".
    pub amount: String,
    pub per: String,
    pub method: String,
    pub expenses: Vec<String>,
    pub payment_note: String,
    pub access: Vec<String>,
    pub access_note: String,
    pub who: String,
    pub minimum_age: String,
    /// One per line.
    pub requirements: String,
    pub impact: String,
    pub support: String,
    /// in-app, link, email, phone
    pub apply: String,
    pub apply_url: String,
    pub apply_email: String,
    pub apply_phone: String,
    pub questions: Vec<QuestionForm>,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// Kept from the published listing: the editor does not change these.
    pub status: String,
    pub impact_note: Option<ImpactNote>,
    pub geo: Option<(f64, f64)>,
    pub organisation_url: String,
}

pub const KINDS: [(&str, InvolvementKind); 8] = [
    ("advisory-group", InvolvementKind::AdvisoryGroup),
    ("co-design", InvolvementKind::CoDesign),
    ("research-advisor", InvolvementKind::ResearchAdvisor),
    ("consultation", InvolvementKind::Consultation),
    (
        "interview-or-focus-group",
        InvolvementKind::InterviewOrFocusGroup,
    ),
    (
        "lived-experience-role",
        InvolvementKind::LivedExperienceRole,
    ),
    ("committee-or-board", InvolvementKind::CommitteeOrBoard),
    ("other", InvolvementKind::Other),
];
pub const MODES: [(&str, &str); 5] = [
    ("online", "Online"),
    ("in-person", "In person"),
    ("hybrid", "In person or online"),
    ("phone", "By phone"),
    ("by-post", "By post"),
];
pub const UNITS: [(&str, PayUnit, &str); 7] = [
    ("hour", PayUnit::Hour, "an hour"),
    ("session", PayUnit::Session, "a session"),
    ("meeting", PayUnit::Meeting, "a meeting"),
    ("day", PayUnit::Day, "a day"),
    ("month", PayUnit::Month, "a month"),
    ("year", PayUnit::Year, "a year"),
    ("total", PayUnit::Total, "in total"),
];
pub const EXPENSES: [(&str, Expense); 6] = [
    ("travel", Expense::Travel),
    ("childcare", Expense::Childcare),
    ("carer-costs", Expense::CarerCosts),
    ("meals", Expense::Meals),
    ("phone-or-data", Expense::PhoneOrData),
    ("other", Expense::Other),
];
pub const QUESTION_KINDS: [(&str, &str); 6] = [
    ("short-text", "A short answer (a line)"),
    ("long-text", "A longer answer (paragraphs)"),
    ("single-choice", "One choice from a list"),
    ("multiple-choice", "Any number of choices from a list"),
    ("yes-no", "Yes or no"),
    ("date", "A date"),
];

fn kebab<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn access_from(s: &str) -> Option<AccessSupport> {
    AccessSupport::ALL.into_iter().find(|a| kebab(a) == s)
}

pub fn access_value(a: AccessSupport) -> String {
    kebab(&a)
}

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

const LOCAL: &[time::format_description::FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]");
const DAY: &[time::format_description::FormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

/// The last Sunday of a month's day, for the UK's clock changes.
fn last_sunday(year: i32, month: time::Month) -> Option<Date> {
    let mut d = Date::from_calendar_date(year, month, month.length(year)).ok()?;
    while d.weekday() != time::Weekday::Sunday {
        d = d.previous_day()?;
    }
    Some(d)
}

/// Is the UK on summer time (BST, +01:00) at this instant? From 01:00 UTC on the last Sunday
/// of March to 01:00 UTC on the last Sunday of October.
fn uk_summer(t: OffsetDateTime) -> bool {
    let t = t.to_offset(UtcOffset::UTC);
    let y = t.year();
    match (
        last_sunday(y, time::Month::March),
        last_sunday(y, time::Month::October),
    ) {
        (Some(start), Some(end)) => {
            let one = time::Time::from_hms(1, 0, 0).unwrap_or(time::Time::MIDNIGHT);
            let start = start.with_time(one).assume_utc();
            let end = end.with_time(one).assume_utc();
            t >= start && t < end
        }
        _ => false,
    }
}

fn uk_offset(summer: bool) -> UtcOffset {
    if summer {
        UtcOffset::from_hms(1, 0, 0).unwrap_or(UtcOffset::UTC)
    } else {
        UtcOffset::UTC
    }
}

/// An instant as the UK clock showed it, for a `datetime-local` field: organisers type the
/// times their sessions start where they are.
fn local_text(t: OffsetDateTime) -> String {
    t.to_offset(uk_offset(uk_summer(t)))
        .format(LOCAL)
        .unwrap_or_default()
}

/// A `datetime-local` value, read as UK time (GMT or BST, whichever the clock showed then).
fn parse_local(s: &str) -> Option<OffsetDateTime> {
    let s = s.trim();
    let s = s.get(..16).unwrap_or(s);
    let p = PrimitiveDateTime::parse(s, LOCAL).ok()?;
    // Read as BST first; if that instant is not in summer time, the clock showed GMT.
    let bst = p.assume_offset(uk_offset(true));
    Some(if uk_summer(bst) {
        bst
    } else {
        p.assume_offset(UtcOffset::UTC)
    })
}

fn pounds(p: Pence) -> String {
    if p.0.is_multiple_of(100) {
        format!("{}", p.0 / 100)
    } else {
        format!("{}.{:02}", p.0 / 100, p.0 % 100)
    }
}

/// "25", "25.5", "£12.50", "1,000" → pence.
fn parse_pounds(s: &str) -> Option<Pence> {
    let t: String = s
        .trim()
        .trim_start_matches('£')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty() && frac.is_empty() || frac.len() > 2 {
        return None;
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: u32 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().ok()?
    };
    whole.checked_mul(100)?.checked_add(frac).map(Pence)
}

impl ListingForm {
    /// A new listing's starting values.
    pub fn blank() -> ListingForm {
        ListingForm {
            kind: "advisory-group".into(),
            mode: "online".into(),
            payment: "expenses-only".into(),
            per: "hour".into(),
            method: "money".into(),
            apply: "in-app".into(),
            status: "open".into(),
            ..ListingForm::default()
        }
    }

    pub fn from_listing(l: &Listing) -> ListingForm {
        let place = l.attendance.place();
        let (payment, amount, per, method) = match &l.payment {
            Payment::None => ("none", String::new(), "hour".to_owned(), "money".to_owned()),
            Payment::ExpensesOnly => (
                "expenses-only",
                String::new(),
                "hour".to_owned(),
                "money".to_owned(),
            ),
            Payment::Paid {
                amount_pence,
                per,
                method,
            } => ("paid", pounds(*amount_pence), kebab(per), kebab(method)),
        };
        let (apply, apply_url, apply_email, apply_phone, questions) = match &l.how_to_apply {
            HowToApply::InApp { questions } => ("in-app", "", "", "", questions.clone()),
            HowToApply::Link { url } => ("link", url.as_str(), "", "", Vec::new()),
            HowToApply::Email { address } => ("email", "", address.as_str(), "", Vec::new()),
            HowToApply::Phone { number } => ("phone", "", "", number.as_str(), Vec::new()),
        };
        let contact = l.contact.clone().unwrap_or(Contact {
            name: None,
            email: None,
            phone: None,
        });
        ListingForm {
            title: l.title.clone(),
            summary: l.summary.clone(),
            description: l.description.clone(),
            kind: kebab(&l.kind),
            topics: l.topics.join("\n"),
            mode: match &l.attendance {
                Attendance::Online => "online",
                Attendance::Phone => "phone",
                Attendance::InPerson { .. } => "in-person",
                Attendance::ByPost => "by-post",
                Attendance::Hybrid { .. } => "hybrid",
            }
            .into(),
            place_name: place.map(|p| p.name.clone()).unwrap_or_default(),
            place_address: place.and_then(|p| p.address.clone()).unwrap_or_default(),
            place_postcode: place.and_then(|p| p.postcode.clone()).unwrap_or_default(),
            geo: place.and_then(|p| p.geo).map(|g| (g.lat, g.lng)),
            time_commitment: l.time_commitment.clone(),
            sessions: l
                .sessions
                .iter()
                .map(|s| SessionForm {
                    starts: local_text(s.starts),
                    ends: s.ends.map(local_text).unwrap_or_default(),
                    note: s.note.clone().unwrap_or_default(),
                })
                .collect(),
            dates_note: l.dates_note.clone().unwrap_or_default(),
            closing_date: l.closing_date.map(|d| d.to_string()).unwrap_or_default(),
            payment: payment.into(),
            amount,
            per,
            method,
            expenses: l.expenses.iter().map(kebab).collect(),
            payment_note: l.payment_note.clone().unwrap_or_default(),
            access: l.access_support.iter().map(kebab).collect(),
            access_note: l.access_note.clone().unwrap_or_default(),
            who: l.eligibility.who.clone(),
            minimum_age: l
                .eligibility
                .minimum_age
                .map(|a| a.to_string())
                .unwrap_or_default(),
            requirements: l.eligibility.requirements.join("\n"),
            impact: l.impact.clone(),
            support: l.support.clone(),
            apply: apply.into(),
            apply_url: apply_url.into(),
            apply_email: apply_email.into(),
            apply_phone: apply_phone.into(),
            questions: questions.iter().map(question_form).collect(),
            contact_name: contact.name.unwrap_or_default(),
            contact_email: contact.email.unwrap_or_default(),
            contact_phone: contact.phone.unwrap_or_default(),
            status: kebab(&l.status),
            impact_note: l.impact_note.clone(),
            organisation_url: l.organisation.url.clone().unwrap_or_default(),
        }
    }

    /// What the editor posted. Values the form does not carry (status, impact note, map
    /// point) are taken from `kept`, the draft or listing being edited.
    pub fn from_fields(f: &Fields, kept: &ListingForm) -> ListingForm {
        let g = |n: &str| f.get(n).to_owned();
        let starts = f.all("session-starts");
        let ends = f.all("session-ends");
        let notes = f.all("session-note");
        let sessions = (0..starts.len())
            .map(|i| SessionForm {
                starts: starts[i].to_owned(),
                ends: ends.get(i).copied().unwrap_or("").to_owned(),
                note: notes.get(i).copied().unwrap_or("").to_owned(),
            })
            .collect();
        let col = |n: &str| f.all(n);
        let (ids, labels, hints, reqs, kinds, maxes, options) = (
            col("q-id"),
            col("q-label"),
            col("q-hint"),
            col("q-required"),
            col("q-kind"),
            col("q-max"),
            col("q-options"),
        );
        let at = |v: &[&str], i: usize| v.get(i).copied().unwrap_or("").to_owned();
        let questions = (0..ids.len())
            .map(|i| QuestionForm {
                id: at(&ids, i),
                label: at(&labels, i),
                hint: at(&hints, i),
                required: at(&reqs, i),
                kind: at(&kinds, i),
                max_length: at(&maxes, i),
                options: at(&options, i),
            })
            .collect();
        ListingForm {
            title: g("title"),
            summary: g("summary"),
            description: g("description"),
            kind: g("kind"),
            topics: g("topics"),
            mode: g("mode"),
            place_name: g("place-name"),
            place_address: g("place-address"),
            place_postcode: g("place-postcode"),
            time_commitment: g("time-commitment"),
            sessions,
            dates_note: g("dates-note"),
            closing_date: g("closing-date"),
            payment: g("payment"),
            amount: g("amount"),
            per: g("per"),
            method: g("method"),
            expenses: f.all("expense").into_iter().map(str::to_owned).collect(),
            payment_note: g("payment-note"),
            access: f.all("access").into_iter().map(str::to_owned).collect(),
            access_note: g("access-note"),
            who: g("who"),
            minimum_age: g("minimum-age"),
            requirements: g("requirements"),
            impact: g("impact"),
            support: g("support"),
            apply: g("apply"),
            apply_url: g("apply-url"),
            apply_email: g("apply-email"),
            apply_phone: g("apply-phone"),
            questions,
            contact_name: g("contact-name"),
            contact_email: g("contact-email"),
            contact_phone: g("contact-phone"),
            status: kept.status.clone(),
            impact_note: kept.impact_note.clone(),
            geo: if g("place-name") == kept.place_name {
                kept.geo
            } else {
                None
            },
            organisation_url: kept.organisation_url.clone(),
        }
    }

    /// The listing these fields describe, or every problem tied to its field.
    pub fn to_listing(
        &self,
        id: &str,
        org_id: &str,
        org_name: &str,
        now: OffsetDateTime,
    ) -> Result<Listing, Vec<FieldErr>> {
        let mut errs = Vec::new();
        let kind = KINDS.iter().find(|(k, _)| *k == self.kind).map(|(_, v)| *v);
        if kind.is_none() {
            errs.push(FieldErr::new(
                "kind",
                "Choose what kind of involvement this is",
            ));
        }
        let place = || Place {
            name: self.place_name.trim().to_owned(),
            address: opt(&self.place_address),
            postcode: opt(&self.place_postcode).map(|p| p.to_uppercase()),
            geo: self
                .geo
                .map(|(lat, lng)| opendoor_core::listing::Geo { lat, lng }),
        };
        let attendance = match self.mode.as_str() {
            "online" => Some(Attendance::Online),
            "phone" => Some(Attendance::Phone),
            "by-post" => Some(Attendance::ByPost),
            "in-person" => Some(Attendance::InPerson { place: place() }),
            "hybrid" => Some(Attendance::Hybrid { place: place() }),
            _ => {
                errs.push(FieldErr::new("mode", "Choose where it happens"));
                None
            }
        };
        let mut sessions = Vec::new();
        for (i, s) in self.sessions.iter().enumerate() {
            if s.starts.trim().is_empty() && s.ends.trim().is_empty() && s.note.trim().is_empty() {
                continue;
            }
            let Some(starts) = parse_local(&s.starts) else {
                errs.push(FieldErr::new(
                    format!("session-starts-{i}"),
                    format!("Enter when session {} starts, as a date and time", i + 1),
                ));
                continue;
            };
            let ends = match s.ends.trim() {
                "" => None,
                e => {
                    match parse_local(e) {
                        Some(t) => Some(t),
                        None => {
                            errs.push(FieldErr::new(format!("session-ends-{i}"), format!("Enter when session {} ends, as a date and time, or leave it empty", i + 1)));
                            None
                        }
                    }
                }
            };
            if ends.is_some_and(|e| e < starts) {
                errs.push(FieldErr::new(
                    format!("session-ends-{i}"),
                    format!("Session {} must end after it starts", i + 1),
                ));
            }
            sessions.push(Session {
                starts,
                ends,
                note: opt(&s.note),
            });
        }
        let closing_date = match self.closing_date.trim() {
            "" => None,
            d => match Date::parse(d, DAY) {
                Ok(d) => Some(d),
                Err(_) => {
                    errs.push(FieldErr::new(
                        "closing-date",
                        "Enter the closing date as a date, for example 2027-03-31",
                    ));
                    None
                }
            },
        };
        let payment = match self.payment.as_str() {
            "none" => Some(Payment::None),
            "expenses-only" => Some(Payment::ExpensesOnly),
            "paid" => {
                let per = UNITS
                    .iter()
                    .find(|(k, _, _)| *k == self.per)
                    .map(|(_, u, _)| *u);
                let method = if self.method == "vouchers" {
                    PayMethod::Vouchers
                } else {
                    PayMethod::Money
                };
                match (parse_pounds(&self.amount), per) {
                    (Some(amount_pence), Some(per)) if amount_pence.0 > 0 => Some(Payment::Paid {
                        amount_pence,
                        per,
                        method,
                    }),
                    (_, None) => {
                        errs.push(FieldErr::new(
                            "per",
                            "Choose what the payment is for (an hour, a session…)",
                        ));
                        None
                    }
                    _ => {
                        errs.push(FieldErr::new(
                            "amount",
                            "Enter how much people are paid, in pounds, for example 25 or 12.50",
                        ));
                        None
                    }
                }
            }
            _ => {
                errs.push(FieldErr::new("payment", "Choose whether people are paid"));
                None
            }
        };
        let expenses = self
            .expenses
            .iter()
            .filter_map(|e| EXPENSES.iter().find(|(k, _)| k == e).map(|(_, v)| *v))
            .collect();
        let access_support = self.access.iter().filter_map(|a| access_from(a)).collect();
        let minimum_age = match self.minimum_age.trim() {
            "" => None,
            a => match a.parse::<u8>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errs.push(FieldErr::new(
                        "minimum-age",
                        "Enter the minimum age as a whole number of years, or leave it empty",
                    ));
                    None
                }
            },
        };
        let how_to_apply = match self.apply.as_str() {
            "in-app" => {
                let mut qs = Vec::new();
                for (i, q) in self.questions.iter().enumerate() {
                    match to_question(q, i) {
                        Ok(q) => qs.push(q),
                        Err(e) => errs.push(e),
                    }
                }
                Some(HowToApply::InApp { questions: qs })
            }
            "link" => Some(HowToApply::Link {
                url: self.apply_url.trim().to_owned(),
            }),
            "email" => Some(HowToApply::Email {
                address: self.apply_email.trim().to_owned(),
            }),
            "phone" => Some(HowToApply::Phone {
                number: self.apply_phone.trim().to_owned(),
            }),
            _ => {
                errs.push(FieldErr::new("apply", "Choose how people apply"));
                None
            }
        };
        let status = match self.status.as_str() {
            "closed" => ListingStatus::Closed,
            "withdrawn" => ListingStatus::Withdrawn,
            _ => ListingStatus::Open,
        };
        let contact = Contact {
            name: opt(&self.contact_name),
            email: opt(&self.contact_email),
            phone: opt(&self.contact_phone),
        };
        // Whatever could not be read is already an error; stand-ins let core's check still find
        // every other problem, so the person sees them all at once.
        let kind = kind.unwrap_or(InvolvementKind::Other);
        let attendance = attendance.unwrap_or(Attendance::Online);
        let payment = payment.unwrap_or(Payment::ExpensesOnly);
        let how_to_apply = how_to_apply.unwrap_or(HowToApply::InApp {
            questions: Vec::new(),
        });
        let listing = Listing {
            id: id.to_owned(),
            title: self.title.trim().to_owned(),
            organisation: Organisation {
                name: org_name.to_owned(),
                url: opt(&self.organisation_url),
                id: Some(org_id.to_owned()),
            },
            summary: self.summary.trim().to_owned(),
            description: self.description.trim().to_owned(),
            kind,
            topics: lines(&self.topics),
            attendance,
            time_commitment: self.time_commitment.trim().to_owned(),
            sessions,
            dates_note: opt(&self.dates_note),
            closing_date,
            payment,
            expenses,
            payment_note: opt(&self.payment_note),
            access_support,
            access_note: opt(&self.access_note),
            eligibility: Eligibility {
                who: self.who.trim().to_owned(),
                minimum_age,
                requirements: lines(&self.requirements),
            },
            impact: self.impact.trim().to_owned(),
            support: self.support.trim().to_owned(),
            how_to_apply,
            contact: (contact.name.is_some() || contact.email.is_some() || contact.phone.is_some())
                .then_some(contact),
            last_updated: now,
            status,
            impact_note: self.impact_note.clone(),
            // An organisation's own listing, written on its page: gathered from nobody.
            sources: Vec::new(),
            in_language: Vec::new(),
            easy_read: None,
        };
        if let Err(problems) = validate::check(&listing) {
            for p in &problems {
                let e = field_err(p, &self.questions);
                if !errs.contains(&e) {
                    errs.push(e);
                }
            }
        }
        if errs.is_empty() {
            Ok(listing)
        } else {
            Err(errs)
        }
    }

    /// Moves question `i` up (-1) or down (+1).
    pub fn move_question(&mut self, i: usize, up: bool) {
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        if let Some(j) = j.filter(|j| *j < self.questions.len()) {
            if i < self.questions.len() {
                self.questions.swap(i, j);
            }
        }
    }

    /// Adds an empty question with an id no other question has.
    pub fn add_question(&mut self) {
        let mut n = self.questions.len() + 1;
        while self.questions.iter().any(|q| q.id == format!("q{n}")) {
            n += 1;
        }
        self.questions.push(QuestionForm {
            id: format!("q{n}"),
            required: "required".into(),
            kind: "short-text".into(),
            ..QuestionForm::default()
        });
    }
}

fn question_form(q: &Question) -> QuestionForm {
    let (kind, max, options) = match &q.answer {
        AnswerKind::ShortText { max_length } => ("short-text", max_length.to_string(), Vec::new()),
        AnswerKind::LongText { max_length } => ("long-text", max_length.to_string(), Vec::new()),
        AnswerKind::SingleChoice { options } => ("single-choice", String::new(), options.clone()),
        AnswerKind::MultipleChoice { options } => {
            ("multiple-choice", String::new(), options.clone())
        }
        AnswerKind::YesNo => ("yes-no", String::new(), Vec::new()),
        AnswerKind::Date => ("date", String::new(), Vec::new()),
    };
    QuestionForm {
        id: q.id.clone(),
        label: q.label.clone(),
        hint: q.hint.clone().unwrap_or_default(),
        required: if q.required { "required" } else { "optional" }.into(),
        kind: kind.into(),
        max_length: max,
        options: options.join("\n"),
    }
}

fn to_question(q: &QuestionForm, i: usize) -> Result<Question, FieldErr> {
    let max = |default: u32| -> Result<u32, FieldErr> {
        match q.max_length.trim() {
            "" => Ok(default),
            m => m.parse::<u32>().ok().filter(|n| (1..=validate::MAX_ANSWER_LENGTH).contains(n)).ok_or_else(|| {
                FieldErr::new(format!("q-max-{i}"), format!("Question {}: enter the longest answer as a number of characters from 1 to {}", i + 1, validate::MAX_ANSWER_LENGTH))
            }),
        }
    };
    let answer = match q.kind.as_str() {
        "short-text" => AnswerKind::ShortText {
            max_length: max(200)?,
        },
        "long-text" => AnswerKind::LongText {
            max_length: max(2000)?,
        },
        "single-choice" => AnswerKind::SingleChoice {
            options: lines(&q.options),
        },
        "multiple-choice" => AnswerKind::MultipleChoice {
            options: lines(&q.options),
        },
        "yes-no" => AnswerKind::YesNo,
        "date" => AnswerKind::Date,
        _ => {
            return Err(FieldErr::new(
                format!("q-kind-{i}"),
                format!("Question {}: choose what kind of answer it takes", i + 1),
            ))
        }
    };
    Ok(Question {
        id: q.id.trim().to_owned(),
        label: q.label.trim().to_owned(),
        hint: opt(&q.hint),
        required: q.required != "optional",
        answer,
    })
}

/// The editor field and a sentence for one of core's problems.
fn field_err(p: &Problem, questions: &[QuestionForm]) -> FieldErr {
    let name = p.field();
    // "question q3 label" → the third row's label.
    if let Some(rest) = name.strip_prefix("question ") {
        let (qid, part) = rest.split_once(' ').unwrap_or((rest, ""));
        let i = questions
            .iter()
            .position(|q| q.id.trim() == qid)
            .unwrap_or(0);
        let (field, what) = match part {
            "label" => (format!("q-label-{i}"), "the question"),
            "hint" => (format!("q-hint-{i}"), "the hint"),
            "options" => (format!("q-options-{i}"), "the choices (one per line)"),
            "maxLength" => (format!("q-max-{i}"), "the longest answer"),
            _ => (format!("q-label-{i}"), "the question"),
        };
        return FieldErr::new(field, format!("Question {}: {}", i + 1, sentence(p, what)));
    }
    let (field, what) = match name {
        "title" => ("title", "a title"),
        "summary" => ("summary", "a short summary"),
        "description" => ("description", "a description"),
        "topics" => ("topics", "topics"),
        "attendance.place.name" => ("place-name", "the town or area"),
        "attendance.place.address" => ("place-address", "the address"),
        "attendance.place.postcode" => ("place-postcode", "the postcode"),
        "timeCommitment" => ("time-commitment", "how much time it takes"),
        "sessions" => ("sessions", "sessions"),
        "sessions.note" => ("sessions", "a session's note"),
        "datesNote" => ("dates-note", "the note about dates"),
        "payment.amountPence" => ("amount", "the amount"),
        "expenses" => ("expenses", "expenses"),
        "paymentNote" => ("payment-note", "the note about payment"),
        "accessSupport" => ("access", "access support"),
        "accessNote" => ("access-note", "the note about access"),
        "eligibility.who" => ("who", "who it is for"),
        "eligibility.minimumAge" => ("minimum-age", "the minimum age"),
        "eligibility.requirements" => ("requirements", "requirements (one per line)"),
        "impact" => ("impact", "the difference taking part makes"),
        "support" => ("support", "the support people get"),
        "howToApply.url" => ("apply-url", "a web address to apply at, starting https://"),
        "howToApply.address" => ("apply-email", "an email address to apply to"),
        "howToApply.number" => ("apply-phone", "a phone number to apply on"),
        "howToApply.questions" => ("questions", "questions"),
        "contact.name" => ("contact-name", "the contact's name"),
        "contact.email" => ("contact-email", "the contact's email address"),
        "contact.phone" => ("contact-phone", "the contact's phone number"),
        "impactNote.text" => ("impact-note", "what changed"),
        "organisation.url" => ("title", "the organisation's website"),
        _ => ("title", "this listing"),
    };
    FieldErr::new(field, capitalise(&sentence(p, what)))
}

fn sentence(p: &Problem, what: &str) -> String {
    match p {
        Problem::Missing { .. } => format!("enter {what}"),
        Problem::TooLong { max, .. } => format!("{what} must be {max} characters or fewer"),
        Problem::TooMany { max, .. } => format!("give no more than {max} {what}"),
        Problem::BadLink { .. } => format!("enter {what} that works"),
        Problem::BadValue { why, .. } => format!("{what} {why}"),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
