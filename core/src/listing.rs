//! An involvement opportunity, as people need it to decide whether to take part.
//!
//! Field names in JSON are camelCase; enums are kebab-case strings or objects tagged by `type`.
//! docs/feed-format.md is the reference for publishers and maps each field to the UK Volunteering
//! Data Standard (VDS).

use serde::{Deserialize, Deserializer, Serialize};
use time::{Date, OffsetDateTime};

use crate::question::Question;

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// Serde helpers for optional `YYYY-MM-DD` dates.
pub(crate) mod iso_date_opt {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::iso_date::serialize(d, s),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        #[derive(Deserialize)]
        struct Wrap(#[serde(with = "super::iso_date")] Date);
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Listing {
    pub id: String,
    pub title: String,
    pub organisation: Organisation,
    /// One or two sentences for the card.
    pub summary: String,
    /// Plain text; paragraphs separated by a blank line. Never HTML.
    pub description: String,
    pub kind: InvolvementKind,
    #[serde(default)]
    pub topics: Vec<String>,
    pub attendance: Attendance,
    /// In words, e.g. "2 hours a month for a year".
    pub time_commitment: String,
    /// Fixed dates, when known.
    #[serde(default)]
    pub sessions: Vec<Session>,
    /// When dates are not fixed, e.g. "Evenings, dates agreed with the group".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates_note: Option<String>,
    /// Last day to apply (inclusive). None: open until filled.
    #[serde(
        default,
        with = "iso_date_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub closing_date: Option<Date>,
    pub payment: Payment,
    /// Out-of-pocket costs refunded, whether or not the role is paid.
    #[serde(default)]
    pub expenses: Vec<Expense>,
    /// Extra words from the organiser on payment and benefits (the app adds its own benefits note).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_note: Option<String>,
    #[serde(default)]
    pub access_support: Vec<AccessSupport>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_note: Option<String>,
    pub eligibility: Eligibility,
    /// What difference taking part will make.
    pub impact: String,
    /// What support people get (training, a named contact, debriefs).
    pub support: String,
    pub how_to_apply: HowToApply,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    #[serde(with = "time::serde::rfc3339")]
    pub last_updated: OffsetDateTime,
    pub status: ListingStatus,
    /// After the activity: what changed because of the people who took part. Public, and kept
    /// on a closed listing as proof to newcomers that taking part makes a difference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact_note: Option<ImpactNote>,
    /// Where a listing gathered from other publishers came from, the source whose details are
    /// shown first (docs/feed-format.md, "sources"). Empty for a server's own listings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<ListingSource>,
    /// The languages it is written in, as BCP 47 tags ("en", "cy"; schema.org `inLanguage`, one
    /// or a list). None given: English. Shown in that language whatever the app's language.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub in_language: Vec<String>,
    /// An Easy Read version of the summary: short sentences and common words, for people with
    /// learning disabilities. Shown first to people who choose Easy Read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read: Option<String>,
}

/// `"cy"` or `["en", "cy"]`.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

impl Listing {
    /// The language its text is in, for `lang` attributes: the first it names, else English.
    pub fn lang(&self) -> &str {
        self.in_language.first().map_or("en", String::as_str)
    }

    /// Whether it is available in `lang` (a BCP 47 tag; "cy" matches "cy-GB").
    pub fn available_in(&self, lang: &str) -> bool {
        let primary = |t: &str| t.split('-').next().unwrap_or("").to_ascii_lowercase();
        let want = primary(lang);
        if self.in_language.is_empty() {
            return want == "en";
        }
        self.in_language.iter().any(|t| primary(t) == want)
    }
}

/// One publisher a listing was gathered from: its name, link and licence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListingSource {
    /// The publisher's name, e.g. "Leeds Volunteer Centre". Only a label.
    pub name: String,
    /// The publisher's (or its feed's) web address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The licence the publisher gives the data under: a URL or an SPDX id ("CC-BY-4.0").
    /// None: the publisher states none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
}

/// "What changed because of you": the organisation's short public report after an activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImpactNote {
    /// Plain text; paragraphs separated by a blank line. Never HTML.
    pub text: String,
    /// The day it was written (or last changed).
    #[serde(with = "iso_date")]
    pub date: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    /// The display name: only a label. Two organisations may share it.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The organisation's stable id from the publisher (a VDS `@id`, a URL or a slug): what ties
    /// listings, applications and organiser access together on a server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InvolvementKind {
    AdvisoryGroup,
    CoDesign,
    ResearchAdvisor,
    Consultation,
    InterviewOrFocusGroup,
    LivedExperienceRole,
    CommitteeOrBoard,
    #[serde(other)]
    Other,
}

impl InvolvementKind {
    pub const ALL: [InvolvementKind; 8] = [
        Self::AdvisoryGroup,
        Self::CoDesign,
        Self::ResearchAdvisor,
        Self::Consultation,
        Self::InterviewOrFocusGroup,
        Self::LivedExperienceRole,
        Self::CommitteeOrBoard,
        Self::Other,
    ];
}

/// How the opportunity takes place. `Hybrid` has a place and an online option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "kebab-case")]
pub enum Attendance {
    Online,
    Phone,
    InPerson { place: Place },
    ByPost,
    Hybrid { place: Place },
}

impl Attendance {
    pub fn place(&self) -> Option<&Place> {
        match self {
            Attendance::InPerson { place } | Attendance::Hybrid { place } => Some(place),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    /// Town or area, e.g. "Leeds".
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<Geo>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]

pub struct Geo {
    pub lat: f64,
    pub lng: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    #[serde(with = "time::serde::rfc3339")]
    pub starts: OffsetDateTime,
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub ends: Option<OffsetDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Money in pence, so amounts are exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pence(pub u32);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Payment {
    /// Unpaid, and no expenses either.
    None,
    /// Unpaid, but expenses are refunded (see `Listing::expenses`).
    ExpensesOnly,
    Paid {
        #[serde(rename = "amountPence")]
        amount_pence: Pence,
        per: PayUnit,
        #[serde(default)]
        method: PayMethod,
    },
}

impl Payment {
    pub fn is_paid(&self) -> bool {
        matches!(self, Payment::Paid { .. })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PayUnit {
    Hour,
    Session,
    Day,
    Meeting,
    Month,
    Year,
    /// A single payment for the whole thing.
    Total,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PayMethod {
    #[default]
    Money,
    Vouchers,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expense {
    Travel,
    Childcare,
    CarerCosts,
    Meals,
    PhoneOrData,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccessSupport {
    BslInterpreter,
    EasyRead,
    PapersInAdvance,
    StepFreeVenue,
    HearingLoop,
    CarerOrPaCosts,
    TravelPaidUpFront,
    Breaks,
    DataOrDevice,
}

impl AccessSupport {
    pub const ALL: [AccessSupport; 9] = [
        Self::BslInterpreter,
        Self::EasyRead,
        Self::PapersInAdvance,
        Self::StepFreeVenue,
        Self::HearingLoop,
        Self::CarerOrPaCosts,
        Self::TravelPaidUpFront,
        Self::Breaks,
        Self::DataOrDevice,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Eligibility {
    /// Who it is for, in words, e.g. "People who have used mental health services in Leeds".
    pub who: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<u8>,
    /// Specific requirements (VDS `requirement`), e.g. "Able to attend 4 evening meetings".
    #[serde(default)]
    pub requirements: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum HowToApply {
    /// Apply in Open Door; the form asks the standard questions and then these.
    InApp {
        #[serde(default)]
        questions: Vec<Question>,
    },
    Link {
        url: String,
    },
    Email {
        address: String,
    },
    Phone {
        number: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListingStatus {
    Open,
    Closed,
    Withdrawn,
}

/// What a person should be told about whether they can still apply, on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    Open,
    /// Status is open but the closing date has passed.
    Closed,
    Withdrawn,
}

impl Listing {
    pub fn availability(&self, today: Date) -> Availability {
        match self.status {
            ListingStatus::Withdrawn => Availability::Withdrawn,
            ListingStatus::Closed => Availability::Closed,
            ListingStatus::Open => match self.closing_date {
                Some(d) if d < today => Availability::Closed,
                _ => Availability::Open,
            },
        }
    }

    /// Description split into paragraphs (blank-line separated), trimmed, empty ones dropped.
    pub fn paragraphs(&self) -> Vec<&str> {
        paragraphs(&self.description)
    }
}

pub fn paragraphs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    // Split on a newline followed by optional spaces and another newline.
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                out.push(&text[start..i]);
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    out.push(&text[start..]);
    out.into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}
