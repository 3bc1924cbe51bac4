//! An application to take part: what the app sends, how it is checked against the listing's own
//! questions, and what the applicant can see afterwards.
//!
//! Shared by the browser app (to check the form before sending, offline) and the reference server
//! (to check it again on arrival), so both refuse exactly the same things with the same words.
//! The JSON shape is documented in docs/openapi.yaml (`ApplicationRequest`).

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::listing::{HowToApply, Listing};
use crate::question::{AnswerKind, Question};
use crate::validate::{is_blank, is_email, is_phone, Problem, MAX_PHONE};

/// Limits on the standard "about you" answers, in characters.
pub const MAX_APPLICANT_NAME: usize = 200;
pub const MAX_APPLICANT_NOTE: usize = 2_000;
pub const MAX_CHOICES: usize = 50;
/// Largest request body the server accepts for an application, in bytes.
pub const MAX_APPLICATION_BYTES: usize = 64 * 1024;
/// Organiser feedback for the applicant ("what changed because of you").
pub const MAX_FEEDBACK: usize = 5_000;

/// What the app sends when someone applies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApplicationRequest {
    pub listing_id: String,
    pub applicant: Applicant,
    /// Answers to the listing's own questions, keyed by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Made on the device when Send is pressed (32 random bytes, base64url): the secret that
    /// later shows the status and withdraws. The server keeps only its hash and never sends it
    /// back, so nothing stored on a device in the clear (the idempotency key, a sealed envelope)
    /// or in the server's database can read or withdraw the application. Sealed with the rest
    /// of the application on a shared device. Absent from older apps' requests: the server then
    /// makes a token and returns it in the first answer only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_secret: Option<String>,
}

/// A status secret as the app makes it: 43 to 128 base64url characters (at least 256 bits).
pub fn is_status_secret(s: &str) -> bool {
    (43..=128).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The standard questions every in-app application asks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Applicant {
    /// What the person would like to be called.
    pub name: String,
    /// How the person wants to be contacted; that way's details are then required. Without it,
    /// an email or a phone number is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_by: Option<ContactBy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Postal address, when contact is by post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The format the person would like papers in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper_format: Option<PaperFormat>,
    /// Someone filling this in with the person (a volunteer, friend or support worker).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helper: Option<Helper>,
    /// Support the person needs to take part (access needs), in their words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_needs: Option<String>,
    /// The person agreed to their answers being shared with the organisation. Must be true.
    pub consent: bool,
    /// "Tell me by email": the server emails them (title only, no personal details) when their
    /// status changes or an organiser writes to them. Needs `email`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub email_updates: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactBy {
    Email,
    Phone,
    Post,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PaperFormat {
    StandardPrint,
    LargePrint,
    EasyRead,
    Braille,
    Audio,
    Electronic,
}

impl PaperFormat {
    pub const ALL: [PaperFormat; 6] = [
        Self::StandardPrint,
        Self::LargePrint,
        Self::EasyRead,
        Self::Braille,
        Self::Audio,
        Self::Electronic,
    ];

    /// The catalogue message that names it, for the applicant in their language.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::StandardPrint => "paper-standard",
            Self::LargePrint => "paper-large",
            Self::EasyRead => "paper-easy-read",
            Self::Braille => "paper-braille",
            Self::Audio => "paper-audio",
            Self::Electronic => "paper-electronic",
        }
    }

    /// In English, for the organisers' pages.
    pub fn words(self) -> &'static str {
        match self {
            Self::StandardPrint => "Standard print",
            Self::LargePrint => "Large print",
            Self::EasyRead => "Easy Read",
            Self::Braille => "Braille",
            Self::Audio => "Audio",
            Self::Electronic => "By email or on screen",
        }
    }
}

/// Someone helping the person apply. The person must agree to the answers being sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Helper {
    pub name: String,
    pub person_agreed: bool,
}

/// Longest postal address accepted, in characters.
pub const MAX_ADDRESS: usize = 500;
/// RFC 5321's limit on a forward path.
pub const MAX_EMAIL: usize = 254;

/// One answer. Text and single choices are strings, multiple choices a list, yes/no a boolean,
/// dates `YYYY-MM-DD` strings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    YesNo(bool),
    Text(String),
    Choices(Vec<String>),
}

/// Where an application has got to. `Withdrawn` is set only by the applicant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApplicationStatus {
    Received,
    Shortlisted,
    Selected,
    NotSelected,
    TookPart,
    Paid,
    Withdrawn,
}

impl ApplicationStatus {
    /// The statuses an organiser may set.
    pub const SET_BY_ORGANISER: [ApplicationStatus; 6] = [
        Self::Received,
        Self::Shortlisted,
        Self::Selected,
        Self::NotSelected,
        Self::TookPart,
        Self::Paid,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Shortlisted => "shortlisted",
            Self::Selected => "selected",
            Self::NotSelected => "not-selected",
            Self::TookPart => "took-part",
            Self::Paid => "paid",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Withdrawn]
            .iter()
            .chain(Self::SET_BY_ORGANISER.iter())
            .copied()
            .find(|x| x.as_str() == s)
    }

    /// A status an organiser may set (never "withdrawn": only the applicant withdraws).
    pub fn parse_settable(s: &str) -> Option<Self> {
        Self::parse(s).filter(|x| Self::SET_BY_ORGANISER.contains(x))
    }

    /// The catalogue message that says it to the applicant, in their language.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Received => "app-status-received",
            Self::Shortlisted => "app-status-shortlisted",
            Self::Selected => "app-status-selected",
            Self::NotSelected => "app-status-not-selected",
            Self::TookPart => "app-status-took-part",
            Self::Paid => "app-status-paid",
            Self::Withdrawn => "app-status-withdrawn",
        }
    }

    /// In plain words, in English (the organisers' pages; the app uses `message_id`).
    pub fn words(self) -> &'static str {
        match self {
            Self::Received => "Received: the organisers have your application",
            Self::Shortlisted => "Shortlisted: the organisers would like to know more",
            Self::Selected => "Selected: you have a place",
            Self::NotSelected => "Not selected this time",
            Self::TookPart => "You took part",
            Self::Paid => "You took part and have been paid",
            Self::Withdrawn => "Withdrawn: your details have been deleted",
        }
    }
}

impl fmt::Display for ApplicationStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the server answers when an application is stored. Keep the token: it is shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationReceipt {
    pub id: String,
    /// Lets the applicant see the status and withdraw (`Authorization: Bearer`). Only for a
    /// request without its own `statusSecret` (older apps), and only in the first answer: a
    /// replay answers the id and status alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_token: Option<String>,
    pub status: ApplicationStatus,
    pub listing_id: String,
    /// RFC 3339.
    pub created: String,
}

/// What the applicant can see later, with their status token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationView {
    pub id: String,
    pub listing_id: String,
    pub status: ApplicationStatus,
    /// From the organisers: what changed because of you.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
    pub created: String,
    pub updated: String,
}

/// Why an application cannot be sent to this listing at all (as opposed to a wrong answer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    Closed,
    Withdrawn,
    /// The listing asks people to apply by link, email or phone instead.
    NotInApp,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Closed => write!(f, "this opportunity is closed to new applications"),
            Refusal::Withdrawn => {
                write!(f, "this opportunity has been withdrawn by the organisers")
            }
            Refusal::NotInApp => write!(
                f,
                "this opportunity takes applications another way (see how to apply)"
            ),
        }
    }
}

/// Can this listing take an application today?
pub fn can_apply(listing: &Listing, today: time::Date) -> Result<&[Question], Refusal> {
    use crate::listing::Availability;
    match listing.availability(today) {
        Availability::Withdrawn => return Err(Refusal::Withdrawn),
        Availability::Closed => return Err(Refusal::Closed),
        Availability::Open => {}
    }
    match &listing.how_to_apply {
        HowToApply::InApp { questions } => Ok(questions),
        _ => Err(Refusal::NotInApp),
    }
}

/// Checks an application against the standard questions and the listing's own questions.
/// Returns every problem found, each naming the field (`applicant.name`, `answers.<question id>`).
pub fn check(req: &ApplicationRequest, questions: &[Question]) -> Result<(), Vec<Problem>> {
    let mut out = Vec::new();
    let a = &req.applicant;
    // A value sent but blank (spaces, or only invisible characters) is refused, not stored raw.
    let blank = |field: &str, v: &Option<String>, out: &mut Vec<Problem>| {
        if v.as_deref().is_some_and(is_blank) {
            out.push(Problem::Missing {
                field: format!("applicant.{field}"),
            });
        }
    };
    blank("email", &a.email, &mut out);
    blank("phone", &a.phone, &mut out);
    blank("address", &a.address, &mut out);
    blank("accessNeeds", &a.access_needs, &mut out);
    if is_blank(&a.name) {
        out.push(Problem::Missing {
            field: "applicant.name".into(),
        });
    } else if a.name.chars().count() > MAX_APPLICANT_NAME {
        out.push(Problem::TooLong {
            field: "applicant.name".into(),
            max: MAX_APPLICANT_NAME,
        });
    }
    let email = a.email.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let phone = a.phone.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let address = a
        .address
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    match a.contact_by {
        None if email.is_none() && phone.is_none() => out.push(Problem::Missing {
            field: "applicant.email or applicant.phone".into(),
        }),
        Some(ContactBy::Email) if email.is_none() => out.push(Problem::Missing {
            field: "applicant.email".into(),
        }),
        Some(ContactBy::Phone) if phone.is_none() => out.push(Problem::Missing {
            field: "applicant.phone".into(),
        }),
        Some(ContactBy::Post) if address.is_none() => out.push(Problem::Missing {
            field: "applicant.address".into(),
        }),
        _ => {}
    }
    if a.email_updates && email.is_none() && a.contact_by != Some(ContactBy::Email) {
        out.push(Problem::Missing {
            field: "applicant.email".into(),
        });
    }
    if address.is_some_and(|s| s.chars().count() > MAX_ADDRESS) {
        out.push(Problem::TooLong {
            field: "applicant.address".into(),
            max: MAX_ADDRESS,
        });
    }
    if let Some(h) = &a.helper {
        if is_blank(&h.name) {
            out.push(Problem::Missing {
                field: "applicant.helper.name".into(),
            });
        } else if h.name.chars().count() > MAX_APPLICANT_NAME {
            out.push(Problem::TooLong {
                field: "applicant.helper.name".into(),
                max: MAX_APPLICANT_NAME,
            });
        }
        if !h.person_agreed {
            out.push(Problem::BadValue {
                field: "applicant.helper.personAgreed".into(),
                why: "must be given: the person applying must agree to the answers being sent"
                    .into(),
            });
        }
    }
    if email.is_some_and(|e| e.chars().count() > MAX_EMAIL) {
        out.push(Problem::TooLong {
            field: "applicant.email".into(),
            max: MAX_EMAIL,
        });
    } else if email.is_some_and(|e| !is_email(e)) {
        out.push(Problem::BadLink {
            field: "applicant.email".into(),
        });
    }
    if phone.is_some_and(|p| p.chars().count() > MAX_PHONE) {
        out.push(Problem::TooLong {
            field: "applicant.phone".into(),
            max: MAX_PHONE,
        });
    } else if phone.is_some_and(|p| !is_phone(p)) {
        out.push(Problem::BadLink {
            field: "applicant.phone".into(),
        });
    }
    if a.access_needs
        .as_deref()
        .is_some_and(|n| n.chars().count() > MAX_APPLICANT_NOTE)
    {
        out.push(Problem::TooLong {
            field: "applicant.accessNeeds".into(),
            max: MAX_APPLICANT_NOTE,
        });
    }
    if !a.consent {
        out.push(Problem::BadValue {
            field: "applicant.consent".into(),
            why: "must be given: the organisers need it to see your answers".into(),
        });
    }

    if req
        .status_secret
        .as_deref()
        .is_some_and(|s| !is_status_secret(s))
    {
        out.push(Problem::BadValue {
            field: "statusSecret".into(),
            why: "must be 43 to 128 base64url characters".into(),
        });
    }

    let known: HashSet<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    for id in req.answers.keys() {
        if !known.contains(id.as_str()) {
            out.push(Problem::BadValue {
                field: format!("answers.{}", truncate(id, 100)),
                why: "is not a question this opportunity asks".into(),
            });
        }
    }
    for q in questions {
        check_answer(q, req.answers.get(&q.id), &mut out);
    }
    // A blank value and a missing one can both be found for the same field: say it once.
    let mut seen = HashSet::new();
    out.retain(|p| seen.insert(p.clone()));
    if out.is_empty() {
        Ok(())
    } else {
        Err(out)
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn answer_is_blank(a: &Answer) -> bool {
    match a {
        Answer::Text(s) => s.trim().is_empty(),
        Answer::Choices(v) => v.is_empty(),
        Answer::YesNo(_) => false,
    }
}

fn check_answer(q: &Question, answer: Option<&Answer>, out: &mut Vec<Problem>) {
    let field = format!("answers.{}", q.id);
    let answer = match answer {
        Some(a) if !answer_is_blank(a) => a,
        _ => {
            if q.required {
                out.push(Problem::Missing { field });
            }
            return;
        }
    };
    let wrong = |why: &'static str| Problem::BadValue {
        field: field.clone(),
        why: why.into(),
    };
    match (&q.answer, answer) {
        (
            AnswerKind::ShortText { max_length } | AnswerKind::LongText { max_length },
            Answer::Text(s),
        ) => {
            if s.chars().count() > *max_length as usize {
                out.push(Problem::TooLong {
                    field,
                    max: *max_length as usize,
                });
            }
        }
        (AnswerKind::ShortText { .. } | AnswerKind::LongText { .. }, _) => {
            out.push(wrong("must be text"))
        }
        (AnswerKind::SingleChoice { options }, Answer::Text(s)) => {
            if !options.iter().any(|o| o == s) {
                out.push(wrong("is not one of the choices offered"));
            }
        }
        (AnswerKind::SingleChoice { .. }, _) => {
            out.push(wrong("must be one of the choices offered"))
        }
        (AnswerKind::MultipleChoice { options }, Answer::Choices(v)) => {
            if v.len() > MAX_CHOICES {
                out.push(Problem::TooMany {
                    field: field.clone(),
                    max: MAX_CHOICES,
                });
            }
            if v.iter().any(|c| !options.iter().any(|o| o == c)) {
                out.push(wrong(
                    "includes something that is not one of the choices offered",
                ));
            }
            let distinct: HashSet<&String> = v.iter().collect();
            if distinct.len() != v.len() {
                out.push(wrong("lists the same choice twice"));
            }
        }
        (AnswerKind::MultipleChoice { .. }, _) => {
            out.push(wrong("must be a list of the choices offered"))
        }
        (AnswerKind::YesNo, Answer::YesNo(_)) => {}
        (AnswerKind::YesNo, _) => out.push(wrong("must be yes or no (true or false)")),
        (AnswerKind::Date, Answer::Text(s)) => {
            let fmt = time::macros::format_description!("[year]-[month]-[day]");
            if time::Date::parse(s.trim(), fmt).is_err() {
                out.push(wrong("must be a date written YYYY-MM-DD"));
            }
        }
        (AnswerKind::Date, _) => out.push(wrong("must be a date written YYYY-MM-DD")),
    }
}

/// 16 random bytes as a version 4 UUID in its usual spelling: application ids on the server,
/// idempotency keys in the app.
pub fn uuid_v4(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

#[cfg(test)]
mod tests {

    #[test]
    fn uuid_v4_sets_version_and_variant() {
        assert_eq!(
            super::uuid_v4([0; 16]),
            "00000000-0000-4000-8000-000000000000"
        );
        assert_eq!(
            super::uuid_v4([0xff; 16]),
            "ffffffff-ffff-4fff-bfff-ffffffffffff"
        );
    }
    use super::*;

    fn q(id: &str, required: bool, answer: AnswerKind) -> Question {
        Question {
            id: id.into(),
            label: id.into(),
            hint: None,
            required,
            answer,
        }
    }

    fn applicant(fields: serde_json::Value) -> Result<(), Vec<Problem>> {
        let mut a = serde_json::json!({"name": "Sam", "email": "sam@example.org", "consent": true});
        for (k, v) in fields.as_object().into_iter().flatten() {
            a[k] = v.clone();
        }
        let r: ApplicationRequest =
            serde_json::from_value(serde_json::json!({"listingId": "l1", "applicant": a})).unwrap();
        check(&r, &[])
    }

    #[test]
    fn blank_contact_values_are_refused_and_named() {
        for (field, value) in [
            ("email", "   "),
            ("phone", " \t "),
            ("address", "  "),
            ("accessNeeds", "\u{200B}"),
        ] {
            let problems = applicant(serde_json::json!({ field: value })).unwrap_err();
            assert!(
                problems.contains(&Problem::Missing {
                    field: format!("applicant.{field}")
                }),
                "{field}={value:?}: {problems:?}"
            );
        }
    }

    #[test]
    fn names_of_only_invisible_characters_are_blank() {
        for name in [
            "\u{200B}\u{200C}",
            "\u{202E}\u{2066}",
            " \u{FEFF} ",
            "\u{00AD}",
        ] {
            let problems = applicant(serde_json::json!({ "name": name })).unwrap_err();
            assert_eq!(
                problems,
                vec![Problem::Missing {
                    field: "applicant.name".into()
                }]
            );
        }
    }

    #[test]
    fn contact_details_are_bounded() {
        let long_email = format!("{}@example.org", "a".repeat(250));
        assert_eq!(
            applicant(serde_json::json!({ "email": long_email })).unwrap_err(),
            vec![Problem::TooLong {
                field: "applicant.email".into(),
                max: MAX_EMAIL
            }]
        );
        let spaced = format!("0{}1632 960 001", " ".repeat(40));
        for bad in [
            spaced.as_str(),
            "0 1 6 3 2 9 6 0 0 0 1 ++",
            "01632  960001",
            "(((((01632)))))",
        ] {
            assert!(
                applicant(serde_json::json!({ "email": null, "phone": bad })).is_err(),
                "{bad:?} is no phone number"
            );
        }
        for good in ["01632 960 001", "+44 (0)1632 960001", "07700-900-982"] {
            assert_eq!(
                applicant(serde_json::json!({ "email": null, "phone": good })),
                Ok(()),
                "{good}"
            );
        }
        let address = "x".repeat(MAX_ADDRESS + 1);
        assert!(
            applicant(serde_json::json!({ "contactBy": "post", "address": address }))
                .unwrap_err()
                .contains(&Problem::TooLong {
                    field: "applicant.address".into(),
                    max: MAX_ADDRESS
                })
        );
    }

    #[test]
    fn an_email_with_a_hidden_character_is_not_an_email() {
        assert!(applicant(serde_json::json!({ "email": "sam\u{200B}@example.org" })).is_err());
    }

    fn req(answers: serde_json::Value) -> ApplicationRequest {
        serde_json::from_value(serde_json::json!({
            "listingId": "l1",
            "applicant": {"name": "Sam", "email": "sam@example.org", "consent": true},
            "answers": answers,
        }))
        .unwrap()
    }

    fn questions() -> Vec<Question> {
        vec![
            q("why", true, AnswerKind::LongText { max_length: 10 }),
            q(
                "when",
                false,
                AnswerKind::SingleChoice {
                    options: vec!["Day".into(), "Evening".into()],
                },
            ),
            q(
                "how",
                false,
                AnswerKind::MultipleChoice {
                    options: vec!["Online".into(), "Phone".into()],
                },
            ),
            q("ok", true, AnswerKind::YesNo),
            q("date", false, AnswerKind::Date),
        ]
    }

    #[test]
    fn a_good_application_passes() {
        let r = req(
            serde_json::json!({"why": "I care", "when": "Day", "how": ["Phone"], "ok": false, "date": "2026-01-31"}),
        );
        assert_eq!(check(&r, &questions()), Ok(()));
    }

    #[test]
    fn every_problem_is_named() {
        let r = req(
            serde_json::json!({"why": "far too long here", "when": "Night", "how": ["Phone", "Phone"], "date": "31/01/2026", "extra": "x"}),
        );
        let problems = check(&r, &questions()).unwrap_err();
        let fields: Vec<String> = problems
            .iter()
            .map(|p| match p {
                Problem::Missing { field }
                | Problem::TooLong { field, .. }
                | Problem::TooMany { field, .. }
                | Problem::BadLink { field }
                | Problem::BadValue { field, .. } => field.clone(),
            })
            .collect();
        for f in [
            "answers.extra",
            "answers.why",
            "answers.when",
            "answers.how",
            "answers.ok",
            "answers.date",
        ] {
            assert!(fields.iter().any(|x| x == f), "{f} not in {fields:?}");
        }
    }

    #[test]
    fn consent_and_contact_are_required() {
        let r: ApplicationRequest = serde_json::from_value(serde_json::json!({
            "listingId": "l1", "applicant": {"name": " ", "consent": false}
        }))
        .unwrap();
        assert_eq!(check(&r, &[]).unwrap_err().len(), 3);
    }

    #[test]
    fn statuses_round_trip() {
        for s in ApplicationStatus::SET_BY_ORGANISER {
            assert_eq!(ApplicationStatus::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::json!(s.as_str())
            );
        }
        assert_eq!(ApplicationStatus::parse("nope"), None);
    }
}
