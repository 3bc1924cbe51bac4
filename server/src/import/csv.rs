//! The spreadsheet template (docs/listings-template.csv): one listing per row.
//! Column meanings are documented in docs/server.md ("The CSV template").

use std::collections::HashMap;

use opendoor_core::listing::{
    AccessSupport, Attendance, Contact, Eligibility, Expense, Geo, HowToApply, InvolvementKind,
    ListingStatus, Organisation, PayMethod, PayUnit, Payment, Place, Session,
};
use opendoor_core::question::{AnswerKind, Question};
use opendoor_core::{validate, Listing};
use time::OffsetDateTime;

use super::util::{date, date_time, enum_word, list, pounds, session};
use super::{ImportError, Parsed};
use crate::store::ImportOp;

/// Every column the template knows, in template order.
pub const COLUMNS: &[&str] = &[
    "id",
    "title",
    "organisation",
    "organisation_url",
    "organisation_id",
    "summary",
    "description",
    "kind",
    "topics",
    "attendance",
    "place",
    "address",
    "postcode",
    "latitude",
    "longitude",
    "time_commitment",
    "sessions",
    "dates_note",
    "closing_date",
    "payment",
    "pay_amount",
    "pay_per",
    "pay_method",
    "expenses",
    "payment_note",
    "access_support",
    "access_note",
    "who",
    "minimum_age",
    "requirements",
    "impact",
    "support",
    "how_to_apply",
    "apply_at",
    "questions",
    "contact_name",
    "contact_email",
    "contact_phone",
    "status",
    "last_updated",
];

const REQUIRED: &[&str] = &[
    "id",
    "title",
    "organisation",
    "summary",
    "description",
    "kind",
    "attendance",
    "time_commitment",
    "who",
    "impact",
    "support",
    "payment",
    "how_to_apply",
];

fn column_name(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
        .replace([' ', '-'], "_")
}

pub fn parse(file: &str, bytes: &[u8], now: OffsetDateTime) -> Parsed {
    let mut out = Parsed::default();
    let err = |location: String, problem: String| ImportError::new(file, location, problem);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            out.errors.push(err(
                String::new(),
                format!("the header row could not be read ({e})"),
            ));
            return out;
        }
    };
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let name = column_name(h);
        if name.is_empty() || name.starts_with('#') || name.starts_with("notes") {
            continue; // the organisation's own columns
        }
        if !COLUMNS.contains(&name.as_str()) {
            out.errors.push(err(
                format!("row 1, column {}", i + 1),
                format!("\"{}\" is not a column of the template (own columns may start with # or notes)", h.trim().chars().take(60).collect::<String>()),
            ));
        } else if index.insert(name.clone(), i).is_some() {
            out.errors.push(err(
                format!("row 1, column {}", i + 1),
                format!("the column {name} appears twice"),
            ));
        }
    }
    for r in REQUIRED {
        if !index.contains_key(*r) {
            out.errors
                .push(err("row 1".into(), format!("the column {r} is missing")));
        }
    }
    if !out.errors.is_empty() {
        return out;
    }
    let mut seen: HashMap<String, String> = HashMap::new();
    for (n, record) in reader.records().enumerate() {
        let row_no = n as u64 + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let row = e.position().map(|p| p.line()).unwrap_or(row_no);
                out.errors.push(err(
                    format!("row {row}"),
                    format!("the row could not be read ({e})"),
                ));
                continue;
            }
        };
        // The spreadsheet's row number (the header is row 1), whatever line breaks cells hold.
        let row = row_no.to_string();
        if record.iter().all(|c| c.trim().is_empty()) {
            continue; // blank rows are common at the end of spreadsheets
        }
        let cell = |name: &str| -> &str {
            index
                .get(name)
                .and_then(|&i| record.get(i))
                .unwrap_or("")
                .trim()
        };
        match row_to_listing(&cell, now) {
            Ok(listing) => {
                if let Some(prev) = seen.insert(listing.id.clone(), row.clone()) {
                    out.errors.push(err(
                        format!("row {row}"),
                        format!("the id {} is also used on row {prev}", listing.id),
                    ));
                    continue;
                }
                match validate::check(&listing) {
                    Ok(()) => out.ops.push(ImportOp::Upsert(Box::new(listing))),
                    Err(problems) => {
                        for p in problems {
                            let (column, words) = in_spreadsheet_words(&p);
                            out.errors
                                .push(err(format!("row {row}, column {column}"), words));
                        }
                    }
                }
            }
            Err(problems) => {
                for (col, p) in problems {
                    out.errors.push(err(format!("row {row}, column {col}"), p));
                }
            }
        }
    }
    out
}

type CellProblems = Vec<(&'static str, String)>;

/// The template's column for a listing field the shared checks name ("howToApply.url" →
/// `apply_at`), so a publisher is pointed at the cell to fix, not at our internal names.
fn column_for(field: &str) -> &'static str {
    const COLUMNS: &[(&str, &str)] = &[
        ("id", "id"),
        ("title", "title"),
        ("organisation.name", "organisation"),
        ("organisation.url", "organisation_url"),
        ("organisation.id", "organisation_id"),
        ("summary", "summary"),
        ("description", "description"),
        ("kind", "kind"),
        ("topics", "topics"),
        ("attendance.place.name", "place"),
        ("attendance.place.address", "address"),
        ("attendance.place.postcode", "postcode"),
        ("attendance.place.geo", "latitude"),
        ("attendance", "attendance"),
        ("timeCommitment", "time_commitment"),
        ("sessions", "sessions"),
        ("datesNote", "dates_note"),
        ("closingDate", "closing_date"),
        ("payment.amountPence", "pay_amount"),
        ("payment", "payment"),
        ("expenses", "expenses"),
        ("paymentNote", "payment_note"),
        ("accessSupport", "access_support"),
        ("accessNote", "access_note"),
        ("eligibility.who", "who"),
        ("eligibility.minimumAge", "minimum_age"),
        ("eligibility.requirements", "requirements"),
        ("impact", "impact"),
        ("support", "support"),
        ("howToApply.questions", "questions"),
        ("question", "questions"),
        ("howToApply", "apply_at"),
        ("contact.name", "contact_name"),
        ("contact.email", "contact_email"),
        ("contact.phone", "contact_phone"),
        ("status", "status"),
        ("lastUpdated", "last_updated"),
    ];
    COLUMNS
        .iter()
        .find(|(f, _)| {
            field == *f
                || field.starts_with(&format!("{f}."))
                || field.starts_with(&format!("{f} "))
                || field.starts_with(&format!("{f}["))
        })
        .map_or("?", |(_, c)| c)
}

/// A shared check's problem as (column, what is wrong), without the internal field name.
fn in_spreadsheet_words(p: &opendoor_core::validate::Problem) -> (&'static str, String) {
    let field = p.field();
    let text = p.to_string();
    let words = text.strip_prefix(field).unwrap_or(&text).trim().to_owned();
    let words = if words.is_empty() {
        text.clone()
    } else {
        words
    };
    (column_for(field), words)
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

fn row_to_listing<'a>(
    cell: &dyn Fn(&str) -> &'a str,
    now: OffsetDateTime,
) -> Result<Listing, CellProblems> {
    let mut p: CellProblems = Vec::new();
    macro_rules! word {
        ($col:literal, $ty:ty, $default:expr, $what:literal) => {{
            let v = cell($col);
            if v.is_empty() {
                $default
            } else {
                match enum_word::<$ty>(v) {
                    Some(x) => Some(x),
                    None => {
                        p.push(($col, format!("\"{v}\" is not one of: {}", $what)));
                        None
                    }
                }
            }
        }};
    }
    macro_rules! words {
        ($col:literal, $ty:ty, $what:literal) => {{
            let mut xs: Vec<$ty> = Vec::new();
            for v in list(cell($col)) {
                match enum_word::<$ty>(&v) {
                    Some(x) if !xs.contains(&x) => xs.push(x),
                    Some(_) => {}
                    None => p.push(($col, format!("\"{v}\" is not one of: {}", $what))),
                }
            }
            xs
        }};
    }

    let kind: Option<InvolvementKind> = match cell("kind") {
        "" => None,
        v => Some(enum_word(v).unwrap_or(InvolvementKind::Other)),
    };
    if kind.is_none() {
        p.push(("kind", "is empty".into()));
    }

    let place = || -> Option<Place> {
        let name = cell("place");
        let geo = match (cell("latitude"), cell("longitude")) {
            ("", "") => None,
            (la, lo) => match (la.parse::<f64>(), lo.parse::<f64>()) {
                (Ok(lat), Ok(lng)) if lat.is_finite() && lng.is_finite() => Some(Geo { lat, lng }),
                _ => None,
            },
        };
        (!name.is_empty()).then(|| Place {
            name: name.to_owned(),
            address: opt(cell("address")),
            postcode: opt(cell("postcode")),
            geo,
        })
    };
    let coordinate = |c: &str| cell(c).parse::<f64>().is_ok_and(f64::is_finite);
    let any_coordinate = !cell("latitude").is_empty() || !cell("longitude").is_empty();
    if any_coordinate && !(coordinate("latitude") && coordinate("longitude")) {
        p.push((
            "latitude",
            "latitude and longitude must both be numbers, e.g. 53.8008 and -1.5491".into(),
        ));
    }
    let attendance = match crate::import::util::kebab(cell("attendance")).as_str() {
        "online" => Some(Attendance::Online),
        "phone" => Some(Attendance::Phone),
        "by-post" | "post" => Some(Attendance::ByPost),
        a @ ("in-person" | "hybrid") => match place() {
            Some(place) if a == "hybrid" => Some(Attendance::Hybrid { place }),
            Some(place) => Some(Attendance::InPerson { place }),
            None => {
                p.push(("place", format!("is needed when attendance is {a}")));
                None
            }
        },
        "" => {
            p.push(("attendance", "is empty".into()));
            None
        }
        other => {
            p.push((
                "attendance",
                format!("\"{other}\" is not one of: online, phone, in-person, by-post, hybrid"),
            ));
            None
        }
    };

    let mut sessions = Vec::new();
    for s in list(cell("sessions")) {
        match session(&s) {
            Some((starts, ends)) => sessions.push(Session {
                starts,
                ends,
                note: None,
            }),
            None => p.push((
                "sessions",
                format!("\"{s}\" is not a session like 2026-03-10 18:00-20:00"),
            )),
        }
    }
    let closing_date = match cell("closing_date") {
        "" => None,
        v => match date(v) {
            Some(d) => Some(d),
            None => {
                p.push((
                    "closing_date",
                    format!("\"{v}\" is not a date like 2026-03-31 or 31/03/2026"),
                ));
                None
            }
        },
    };

    let payment = match crate::import::util::kebab(cell("payment")).as_str() {
        "none" | "unpaid" | "no" => Some(Payment::None),
        "expenses-only" | "expenses" => Some(Payment::ExpensesOnly),
        "paid" | "yes" => {
            let amount = match pounds(cell("pay_amount")) {
                Some(a) => Some(a),
                None => {
                    p.push((
                        "pay_amount",
                        format!(
                            "\"{}\" is not an amount in pounds, like 25 or 25.50",
                            cell("pay_amount")
                        ),
                    ));
                    None
                }
            };
            let per: Option<PayUnit> = word!(
                "pay_per",
                PayUnit,
                None,
                "hour, session, day, meeting, month, year, total"
            );
            if cell("pay_per").is_empty() {
                p.push(("pay_per", "is needed when payment is paid".into()));
            }
            let method: Option<PayMethod> = word!(
                "pay_method",
                PayMethod,
                Some(PayMethod::Money),
                "money, vouchers"
            );
            match (amount, per, method) {
                (Some(amount_pence), Some(per), Some(method)) => Some(Payment::Paid {
                    amount_pence,
                    per,
                    method,
                }),
                _ => None,
            }
        }
        "" => {
            p.push(("payment", "is empty".into()));
            None
        }
        other => {
            p.push((
                "payment",
                format!("\"{other}\" is not one of: none, expenses-only, paid"),
            ));
            None
        }
    };
    let expenses: Vec<Expense> = words!(
        "expenses",
        Expense,
        "travel, childcare, carer-costs, meals, phone-or-data, other"
    );
    let access_support: Vec<AccessSupport> = words!(
        "access_support",
        AccessSupport,
        "bsl-interpreter, easy-read, papers-in-advance, step-free-venue, hearing-loop, carer-or-pa-costs, travel-paid-up-front, breaks, data-or-device"
    );
    let minimum_age = match cell("minimum_age") {
        "" => None,
        v => match v.parse::<u8>() {
            Ok(a) => Some(a),
            Err(_) => {
                p.push((
                    "minimum_age",
                    format!("\"{v}\" is not a whole number of years"),
                ));
                None
            }
        },
    };

    let at = cell("apply_at");
    let how_to_apply = match crate::import::util::kebab(cell("how_to_apply")).as_str() {
        "in-app" | "open-door" | "opendoor" => match questions(cell("questions")) {
            Ok(questions) => Some(HowToApply::InApp { questions }),
            Err(e) => {
                p.push(("questions", e));
                None
            }
        },
        "link" | "website" => Some(HowToApply::Link { url: at.to_owned() }),
        "email" => Some(HowToApply::Email {
            address: at.to_owned(),
        }),
        "phone" => Some(HowToApply::Phone {
            number: at.to_owned(),
        }),
        "" => {
            p.push(("how_to_apply", "is empty".into()));
            None
        }
        other => {
            p.push((
                "how_to_apply",
                format!("\"{other}\" is not one of: in-app, link, email, phone"),
            ));
            None
        }
    };
    let contact = match (
        cell("contact_name"),
        cell("contact_email"),
        cell("contact_phone"),
    ) {
        ("", "", "") => None,
        (n, e, ph) => Some(Contact {
            name: opt(n),
            email: opt(e),
            phone: opt(ph),
        }),
    };
    let status: Option<ListingStatus> = word!(
        "status",
        ListingStatus,
        Some(ListingStatus::Open),
        "open, closed, withdrawn"
    );
    let last_updated = match cell("last_updated") {
        "" => Some(now),
        v => match date_time(v).or_else(|| date(v).map(|d| d.midnight().assume_utc())) {
            Some(t) => Some(t),
            None => {
                p.push(("last_updated", format!("\"{v}\" is not a date or time")));
                None
            }
        },
    };

    match (
        kind,
        attendance,
        payment,
        how_to_apply,
        status,
        last_updated,
    ) {
        (
            Some(kind),
            Some(attendance),
            Some(payment),
            Some(how_to_apply),
            Some(status),
            Some(last_updated),
        ) if p.is_empty() => Ok(Listing {
            id: cell("id").to_owned(),
            title: cell("title").to_owned(),
            organisation: Organisation {
                name: cell("organisation").to_owned(),
                url: opt(cell("organisation_url")),
                id: opt(cell("organisation_id")),
            },
            summary: cell("summary").to_owned(),
            description: cell("description").replace("\r\n", "\n"),
            kind,
            topics: list(cell("topics")),
            attendance,
            time_commitment: cell("time_commitment").to_owned(),
            sessions,
            dates_note: opt(cell("dates_note")),
            closing_date,
            payment,
            expenses,
            payment_note: opt(cell("payment_note")),
            access_support,
            access_note: opt(cell("access_note")),
            eligibility: Eligibility {
                who: cell("who").to_owned(),
                minimum_age,
                requirements: list(cell("requirements")),
            },
            impact: cell("impact").to_owned(),
            support: cell("support").to_owned(),
            how_to_apply,
            contact,
            last_updated,
            status,
            impact_note: None,
            sources: Vec::new(),
            in_language: Vec::new(),
            easy_read: None,
        }),
        _ => Err(p),
    }
}

/// The `questions` cell: one question per line (or separated by `||`):
/// `[*]type[(max length)]: label [= choice / choice / ...]`, `*` meaning required.
/// Types: short-text, long-text, single-choice, multiple-choice, yes-no, date.
/// Question ids are q1, q2, ... in order.
pub fn questions(cell: &str) -> Result<Vec<Question>, String> {
    let mut out = Vec::new();
    for (i, line) in cell
        .split(['\n'])
        .flat_map(|l| l.split("||"))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let n = i + 1;
        let (required, line) = match line.strip_prefix('*') {
            Some(rest) => (true, rest.trim()),
            None => (false, line),
        };
        let (ty, rest) = line.split_once(':').ok_or_else(|| {
            format!("question {n} should look like \"long-text: Why would you like to join?\"")
        })?;
        let ty = ty.trim();
        let (ty, max) = match ty.split_once('(') {
            Some((t, m)) => {
                let m: u32 = m.trim_end_matches(')').trim().parse().map_err(|_| {
                    format!("question {n}: \"{m}\" should be a maximum length like (500)")
                })?;
                (t.trim(), Some(m))
            }
            None => (ty, None),
        };
        let (label, options) = match rest.split_once('=') {
            Some((l, o)) => (
                l.trim(),
                o.split('/')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(str::to_owned)
                    .collect(),
            ),
            None => (rest.trim(), Vec::new()),
        };
        let answer = match crate::import::util::kebab(ty).as_str() {
            "short-text" | "text" => AnswerKind::ShortText { max_length: max.unwrap_or(200) },
            "long-text" => AnswerKind::LongText { max_length: max.unwrap_or(2000) },
            "single-choice" | "choice" => AnswerKind::SingleChoice { options },
            "multiple-choice" | "choices" => AnswerKind::MultipleChoice { options },
            "yes-no" => AnswerKind::YesNo,
            "date" => AnswerKind::Date,
            other => {
                return Err(format!(
                    "question {n}: \"{other}\" is not one of short-text, long-text, single-choice, multiple-choice, yes-no, date"
                ))
            }
        };
        out.push(Question {
            id: format!("q{n}"),
            label: label.to_owned(),
            hint: None,
            required,
            answer,
        });
    }
    Ok(out)
}
