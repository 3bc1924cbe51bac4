//! The application form as a person fills it in: raw answers, GOV.UK-style error messages tied
//! to the field they are about, and the request built from it. "About me" is the reusable part.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::application::{
    self, Answer, Applicant, ApplicationRequest, ContactBy, Helper, PaperFormat,
};
use crate::question::{AnswerKind, Question};
use crate::validate::Problem;

/// Everything typed into the form, kept exactly as typed (even when not yet valid).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Form {
    pub about: AboutMe,
    /// "I'm filling this in with someone".
    pub with_helper: bool,
    pub helper_name: String,
    pub helper_agreed: bool,
    /// Answers to the listing's own questions, by question id.
    pub answers: BTreeMap<String, FormAnswer>,
    pub consent: bool,
    /// Keep the "about you" answers on this device for next time.
    pub remember: bool,
    /// "Tell me by email when something changes" (only sent with contact by email).
    pub email_updates: bool,
}

/// The standard "about you" answers, which can be kept on the device for the next application.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AboutMe {
    pub name: String,
    pub contact_by: Option<ContactBy>,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub access_needs: String,
    pub paper_format: Option<PaperFormat>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FormAnswer {
    YesNo(bool),
    Text(String),
    Choices(Vec<String>),
}

/// A message about one field, for the error summary and beside the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The form field's id (also its element id): "name", "email", "q-<question id>", ...
    pub field: String,
    pub message: String,
}

impl FieldError {
    fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }

    /// A problem the server reported, in the same words as the form's own check and tied to
    /// our field (never the request's internal name, such as "answers.about").
    pub fn from_problem(c: &crate::i18n::Catalogue, p: &Problem) -> FieldError {
        friendly(c, p, &[])
    }
}

/// The form field id for a core/server field name ("applicant.email" → "email").
pub fn field_id(field: &str) -> String {
    match field {
        "applicant.name" => "name".into(),
        "applicant.email" => "email".into(),
        "applicant.phone" => "phone".into(),
        "applicant.address" => "address".into(),
        "applicant.email or applicant.phone" | "applicant.contactBy" => "contact-by".into(),
        "applicant.accessNeeds" => "access-needs".into(),
        "applicant.paperFormat" => "paper-format".into(),
        "applicant.helper.name" => "helper-name".into(),
        "applicant.helper.personAgreed" => "helper-agreed".into(),
        "applicant.consent" => "consent".into(),
        other => match other.strip_prefix("answers.") {
            Some(q) => format!("q-{q}"),
            None => "form".into(),
        },
    }
}

fn trimmed(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl Form {
    /// A new form, filled in from "about me" when the person kept it (WCAG 2.2 Redundant Entry).
    pub fn prefilled(about: Option<AboutMe>) -> Form {
        let remember = about.is_some();
        Form {
            about: about.unwrap_or_default(),
            remember,
            ..Form::default()
        }
    }

    pub fn to_request(&self, listing_id: &str) -> ApplicationRequest {
        let a = &self.about;
        let by = a.contact_by;
        // Only the chosen way's details are sent: nothing the person did not mean to share.
        let pick = |want: ContactBy, v: &str| if by == Some(want) { trimmed(v) } else { None };
        ApplicationRequest {
            listing_id: listing_id.to_owned(),
            applicant: Applicant {
                name: a.name.trim().to_owned(),
                contact_by: by,
                email: pick(ContactBy::Email, &a.email),
                phone: pick(ContactBy::Phone, &a.phone),
                address: pick(ContactBy::Post, &a.address),
                access_needs: trimmed(&a.access_needs),
                paper_format: a.paper_format,
                helper: self.with_helper.then(|| Helper {
                    name: self.helper_name.trim().to_owned(),
                    person_agreed: self.helper_agreed,
                }),
                consent: self.consent,
                email_updates: self.email_updates && by == Some(ContactBy::Email),
            },
            answers: self
                .answers
                .iter()
                .filter_map(|(id, a)| {
                    let answer = match a {
                        FormAnswer::YesNo(b) => Answer::YesNo(*b),
                        FormAnswer::Text(t) => Answer::Text(trimmed(t)?),
                        FormAnswer::Choices(c) if c.is_empty() => return None,
                        FormAnswer::Choices(c) => Answer::Choices(c.clone()),
                    };
                    Some((id.clone(), answer))
                })
                .collect(),
            // Made when Send is pressed (outbox::LocalApplication::queue), not per draft.
            status_secret: None,
        }
    }

    /// Every problem, in the order the fields appear, in words a person can act on.
    pub fn check(&self, c: &crate::i18n::Catalogue, questions: &[Question]) -> Vec<FieldError> {
        let mut out = Vec::new();
        if self.about.contact_by.is_none() {
            out.push(FieldError::new("contact-by", c.text("form-contact-by")));
        }
        // Only questions this listing asks count: answers left from an older version are dropped.
        let mut form = self.clone();
        form.answers
            .retain(|id, _| questions.iter().any(|q| &q.id == id));
        if let Err(problems) = application::check(&form.to_request("x"), questions) {
            for p in problems {
                let e = friendly(c, &p, questions);
                if !out.iter().any(|o: &FieldError| o.field == e.field) {
                    out.push(e);
                }
            }
        }
        let order = |f: &str| -> usize {
            const FIXED: [&str; 9] = [
                "name",
                "contact-by",
                "email",
                "phone",
                "address",
                "access-needs",
                "paper-format",
                "helper-name",
                "helper-agreed",
            ];
            if let Some(i) = FIXED.iter().position(|x| *x == f) {
                return i;
            }
            if let Some(q) = f.strip_prefix("q-") {
                return 100 + questions.iter().position(|x| x.id == q).unwrap_or(0);
            }
            1000
        };
        out.sort_by_key(|e| order(&e.field));
        out
    }

    /// The current value of a field, to tell whether the person changed it.
    pub fn value_of(&self, field: &str) -> String {
        let a = &self.about;
        match field {
            "name" => a.name.clone(),
            "email" => a.email.clone(),
            "phone" => a.phone.clone(),
            "address" => a.address.clone(),
            "access-needs" => a.access_needs.clone(),
            "helper-name" => self.helper_name.clone(),
            other => match other.strip_prefix("q-").and_then(|q| self.answers.get(q)) {
                Some(ans) => serde_json::to_string(ans).unwrap_or_default(),
                None => String::new(),
            },
        }
    }
}

fn friendly(c: &crate::i18n::Catalogue, p: &Problem, questions: &[Question]) -> FieldError {
    let (field, kind) = match p {
        Problem::Missing { field } => (field.as_str(), "missing"),
        Problem::TooLong { field, .. } => (field.as_str(), "long"),
        Problem::TooMany { field, .. } => (field.as_str(), "many"),
        Problem::BadLink { field } => (field.as_str(), "bad"),
        Problem::BadValue { field, .. } => (field.as_str(), "bad"),
    };
    let id = field_id(field);
    let msg = match (id.as_str(), kind, p) {
        ("name", "missing", _) => c.text("form-name"),
        ("email", "missing", _) => c.text("form-email-missing"),
        ("email", _, _) => c.text("form-email-format"),
        ("phone", "missing", _) => c.text("form-phone-missing"),
        ("phone", _, _) => c.text("form-phone-format"),
        ("address", "missing", _) => c.text("form-address"),
        ("contact-by", _, _) => c.text("form-contact-by"),
        ("helper-name", "missing", _) => c.text("form-helper-name"),
        ("helper-agreed", _, _) => c.text("form-helper-agreed"),
        ("consent", _, _) => c.text("form-consent"),
        (_, "long", Problem::TooLong { max, .. }) => {
            c.text_with("form-too-long", &[("max", (*max).into())])
        }
        (q, "missing", _) if q.starts_with("q-") => {
            let choice = questions
                .iter()
                .find(|x| format!("q-{}", x.id) == q)
                .is_some_and(|x| {
                    matches!(
                        x.answer,
                        AnswerKind::SingleChoice { .. }
                            | AnswerKind::MultipleChoice { .. }
                            | AnswerKind::YesNo
                    )
                });
            if choice {
                c.text("form-choose-answer")
            } else {
                c.text("form-answer-question")
            }
        }
        // The rule's own words (English, from the domain's check) after a translated lead-in.
        (_, _, Problem::BadValue { why, .. }) => {
            c.text_with("form-check-answer-it", &[("why", why.to_string().into())])
        }
        (_, _, p) => c.text_with("form-check-answer", &[("why", p.to_string().into())]),
    };
    FieldError::new(id, msg)
}
