//! UK Volunteering Data Standard (VDS) JSON-LD: a `@graph` (or `graph`) of Organisations, or one
//! Organisation, each with `activity` → `role` → `session`. Each role becomes one listing.
//! Field mapping: docs/server.md ("Importing VDS").
//!
//! The reader is forgiving about spelling (JSON-LD `@id` or `id`, `name` or `label`, a single
//! object where a list is usual) and strict about what a listing needs.

use opendoor_core::listing::{
    Attendance, Contact, Eligibility, HowToApply, InvolvementKind, ListingStatus, Organisation,
    Payment, Place, Session,
};
use opendoor_core::validate::{is_email, is_web_link, MAX_SUMMARY};
use opendoor_core::{validate, Listing};
use serde_json::Value;
use time::OffsetDateTime;

use super::util::{date, date_time, enum_word, safe_id, summary_from};
use super::{ImportError, Parsed};
use crate::store::ImportOp;

fn get<'a>(v: &'a Value, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|k| v.get(*k)).filter(|x| !x.is_null())
}

/// A string, or the first string of a list, or `@value`/`name` of an object.
fn text(v: &Value, keys: &[&str]) -> Option<String> {
    fn as_text(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            Value::Array(xs) => xs.iter().find_map(as_text),
            Value::Object(_) => get(v, &["@value", "name", "label", "@id"]).and_then(as_text),
            _ => None,
        }
    }
    get(v, keys).and_then(as_text)
}

fn texts(v: &Value, keys: &[&str]) -> Vec<String> {
    match get(v, keys) {
        Some(Value::Array(xs)) => xs
            .iter()
            .filter_map(|x| match x {
                Value::String(s) => Some(s.trim().to_owned()),
                Value::Object(_) => text(x, &["name", "label", "@value"]),
                _ => None,
            })
            .filter(|s| !s.is_empty())
            .collect(),
        Some(Value::String(s)) => s
            .split([';', ','])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        Some(x @ Value::Object(_)) => text(x, &["name", "label", "@value"]).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// A vocabulary term as words: "https://ns.example/DBSCheck" → "DBS check",
/// "TrainingProvided" → "Training provided". Plain words are left alone.
pub fn humanise(term: &str) -> String {
    let t = term.trim();
    if !(t.starts_with("http://") || t.starts_with("https://")) && t.contains(' ') {
        return t.to_owned();
    }
    let local = t.rsplit(['/', '#', ':']).next().unwrap_or(t);
    let chars: Vec<char> = local.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let starts_word = i > 0
            && c.is_uppercase()
            && (chars[i - 1].is_lowercase() || chars.get(i + 1).is_some_and(|n| n.is_lowercase()));
        if starts_word {
            out.push(' ');
        }
        out.push(c);
    }
    let out = out.replace(['_', '-'], " ");
    // Lower-case every word after the first, except acronyms.
    out.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            if i == 0 || w.chars().filter(|c| c.is_uppercase()).count() > 1 {
                w.to_owned()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A list of objects: an array's objects, or a single object.
fn objects<'a>(v: &'a Value, keys: &[&str]) -> Vec<(usize, &'a Value)> {
    match get(v, keys) {
        Some(Value::Array(xs)) => xs
            .iter()
            .enumerate()
            .filter(|(_, x)| x.is_object())
            .collect(),
        Some(x @ Value::Object(_)) => vec![(0, x)],
        _ => Vec::new(),
    }
}

fn key_of(v: &Value, keys: &[&str]) -> String {
    keys.iter()
        .find(|k| v.get(**k).is_some())
        .copied()
        .unwrap_or(keys[0])
        .to_owned()
}

fn is_type(v: &Value, names: &[&str]) -> bool {
    let matches = |t: &Value| {
        t.as_str().is_some_and(|s| {
            let local = s.rsplit([':', '/', '#']).next().unwrap_or(s);
            names.iter().any(|n| n.eq_ignore_ascii_case(local))
        })
    };
    match get(v, &["@type", "type"]) {
        Some(Value::Array(xs)) => xs.iter().any(matches),
        Some(t) => matches(t),
        None => false,
    }
}

fn boolean(v: &Value, keys: &[&str]) -> Option<bool> {
    match get(v, keys)? {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_lowercase().as_str() {
            "true" | "yes" => Some(true),
            "false" | "no" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

const ORG_TYPES: &[&str] = &["Organisation", "Organization"];

/// Every key the reader takes from an Organisation.
const ORG_KEYS: &[&str] = &[
    "@id",
    "id",
    "identifier",
    "@type",
    "type",
    "@context",
    "name",
    "label",
    "legalName",
    "organisationLabel",
    "url",
    "organisationUrl",
    "website",
    "activity",
    "activities",
    "organisationActivity",
    "cause",
    "contact",
    "organisationContact",
];

/// Every key the reader takes from a role or an activity (most are read from either).
const ROLE_KEYS: &[&str] = &[
    "@id",
    "id",
    "identifier",
    "@type",
    "type",
    "name",
    "title",
    "label",
    "roleLabel",
    "activityLabel",
    "description",
    "roleDescription",
    "activityDescription",
    "role",
    "roles",
    "session",
    "sessions",
    "activityTime",
    "time",
    "timeSession",
    "location",
    "activityLocation",
    "place",
    "summary",
    "disambiguatingDescription",
    "shortDescription",
    "involvementKind",
    "category",
    "activityType",
    "allowsRemoteParticipation",
    "remote",
    "timeCommitment",
    "commitment",
    "timeRequirement",
    "duration",
    "applicationDeadline",
    "closingDate",
    "validThrough",
    "expensesPaid",
    "expenses",
    "reward",
    "rewards",
    "eligibility",
    "audience",
    "suitableFor",
    "who",
    "minimumAge",
    "minAge",
    "requirement",
    "requirements",
    "skill",
    "skills",
    "impact",
    "outcome",
    "support",
    "training",
    "contact",
    "activityContact",
    "applyLink",
    "applicationUrl",
    "applyUrl",
    "url",
    "activityUrl",
    "status",
    "dateModified",
    "modified",
    "dateCreated",
    "keywords",
    "topic",
    "topics",
    "cause",
    "activityConcept",
    "datesNote",
    "schedule",
    "accessibility",
    "accessibilityInformation",
    "accessNote",
];

/// What an object carries that Open Door does not use, in words (reported, never refused).
fn unused(v: &Value, known: &[&str]) -> Option<String> {
    let keys: Vec<String> = v
        .as_object()?
        .keys()
        .filter(|k| !known.contains(&k.as_str()))
        .take(20)
        .map(|k| k.chars().take(60).collect())
        .collect();
    (!keys.is_empty()).then(|| format!("not used by Open Door: {}", keys.join(", ")))
}

pub fn parse(file: &str, bytes: &[u8], now: OffsetDateTime) -> Parsed {
    let mut out = Parsed::default();
    let err = |location: String, problem: String| ImportError::new(file, location, problem);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let root: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            out.errors.push(err(
                format!("line {}, column {}", e.line(), e.column()),
                format!("is not valid JSON ({e})"),
            ));
            return out;
        }
    };
    out.meta = meta_of(&root);
    let mut orgs: Vec<(String, &Value)> = Vec::new();
    if let Some(graph) = get(&root, &["@graph", "graph"]) {
        let gk = key_of(&root, &["@graph", "graph"]);
        match graph {
            Value::Array(nodes) => {
                for (i, n) in nodes.iter().enumerate() {
                    if is_type(n, ORG_TYPES) || (n.is_object() && get(n, &["activity"]).is_some()) {
                        orgs.push((format!("$.{gk}[{i}]"), n));
                    }
                }
            }
            _ => out.errors.push(err(
                format!("$.{gk}"),
                "should be a list of Organisations".into(),
            )),
        }
    } else if let Value::Array(nodes) = &root {
        for (i, n) in nodes.iter().enumerate() {
            orgs.push((format!("$[{i}]"), n));
        }
    } else if root.is_object() {
        orgs.push(("$".into(), &root));
    } else {
        out.errors.push(err(
            "$".into(),
            "should be an Organisation or a graph of Organisations".into(),
        ));
    }
    if orgs.is_empty() && out.errors.is_empty() {
        out.errors.push(err(
            "$".into(),
            "has no Organisation with activities in it".into(),
        ));
    }
    let mut seen = std::collections::HashMap::new();
    for (path, org) in orgs {
        if !org.is_object() {
            out.errors
                .push(err(path, "should be an Organisation object".into()));
            continue;
        }
        let Some(org_name) = text(org, &["name", "label", "legalName", "organisationLabel"]) else {
            out.errors
                .push(err(path, "the Organisation has no name".into()));
            continue;
        };
        let org_url = text(org, &["url", "organisationUrl", "website"]).filter(|u| is_web_link(u));
        let activities = objects(org, &["activity", "activities", "organisationActivity"]);
        if activities.is_empty() {
            out.errors.push(err(
                path.clone(),
                format!("the Organisation {org_name} has no activity"),
            ));
        }
        if let Some(w) = unused(org, ORG_KEYS) {
            out.warnings.push(err(path.clone(), w));
        }
        let ak = key_of(org, &["activity", "activities", "organisationActivity"]);
        for (ai, activity) in activities {
            let apath = format!("{path}.{ak}[{ai}]");
            if let Some(w) = unused(activity, ROLE_KEYS) {
                out.warnings.push(err(apath.clone(), w));
            }
            let roles = objects(activity, &["role", "roles"]);
            if roles.is_empty() {
                out.errors
                    .push(err(apath.clone(), "the activity has no role".into()));
            }
            let rk = key_of(activity, &["role", "roles"]);
            for (ri, role) in roles {
                let rpath = format!("{apath}.{rk}[{ri}]");
                if let Some(w) = unused(role, ROLE_KEYS) {
                    out.warnings.push(err(rpath.clone(), w));
                }
                match role_to_listing(org, &org_name, org_url.clone(), activity, role, ri, now) {
                    Ok((listing, warnings)) => {
                        for w in warnings {
                            out.warnings.push(err(rpath.clone(), w));
                        }
                        if let Some(prev) = seen.insert(listing.id.clone(), rpath.clone()) {
                            out.errors.push(err(
                                rpath,
                                format!("the id {} is also used at {prev}", listing.id),
                            ));
                            continue;
                        }
                        match validate::check(&listing) {
                            Ok(()) => out.ops.push(ImportOp::Upsert(Box::new(listing))),
                            Err(ps) => {
                                for p in ps {
                                    out.errors.push(err(rpath.clone(), p.to_string()));
                                }
                            }
                        }
                    }
                    Err(problems) => {
                        for p in problems {
                            out.errors.push(err(rpath.clone(), p));
                        }
                    }
                }
            }
        }
    }
    out
}

/// What a document says about itself (the standard's "Sharing opportunities with metadata"):
/// `license` (a URL or SPDX id) and `publisher` (a name or URL).
fn meta_of(root: &Value) -> super::DocMeta {
    if !root.is_object() {
        return super::DocMeta::default();
    }
    let bounded = |s: String| -> Option<String> {
        let s: String = s.chars().take(validate::MAX_URL).collect();
        Some(s).filter(|s| !s.trim().is_empty())
    };
    super::DocMeta {
        license: text(root, &["license", "licence", "dct:license"]).and_then(bounded),
        publisher: text(root, &["publisher", "dct:publisher"]).and_then(bounded),
    }
}

/// The standard's recurring time slots (`MondayMorning` … `SundayEvening`), as URIs or words.
/// Returns (day 0 = Monday, period 0 = morning), or None for anything else.
pub fn time_slot(term: &str) -> Option<(usize, usize)> {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    const PERIODS: [&str; 3] = ["morning", "afternoon", "evening"];
    let local = term.trim().rsplit(['/', '#', ':']).next()?.to_lowercase();
    let local: String = local.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let day = DAYS.iter().position(|d| local.starts_with(d))?;
    let period = PERIODS
        .iter()
        .position(|p| local.get(DAYS[day].len()..) == Some(p))?;
    Some((day, period))
}

/// Recurring slots in words: "Weekday mornings and afternoons, Saturday mornings".
/// Days next to each other with the same periods are said together.
pub fn slots_in_words(slots: &[(usize, usize)]) -> Option<String> {
    const DAY_NAMES: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const PLURAL: [&str; 3] = ["mornings", "afternoons", "evenings"];
    const SINGULAR: [&str; 3] = ["morning", "afternoon", "evening"];
    let mut by_day = [[false; 3]; 7];
    for &(d, p) in slots {
        if let Some(day) = by_day.get_mut(d) {
            if let Some(x) = day.get_mut(p) {
                *x = true;
            }
        }
    }
    let join = |words: Vec<&str>| -> String {
        match words.len() {
            0 => String::new(),
            1 => words[0].to_owned(),
            n => format!("{} and {}", words[..n - 1].join(", "), words[n - 1]),
        }
    };
    let periods = |set: &[bool; 3], names: &[&'static str; 3]| -> String {
        join((0..3).filter(|&p| set[p]).map(|p| names[p]).collect())
    };
    if by_day.iter().all(|d| *d == by_day[0]) {
        if !by_day[0].iter().any(|x| *x) {
            return None;
        }
        return Some(format!("Every {}", periods(&by_day[0], &SINGULAR)));
    }
    let mut parts = Vec::new();
    let mut d = 0;
    while d < 7 {
        if !by_day[d].iter().any(|x| *x) {
            d += 1;
            continue;
        }
        let mut end = d;
        while end + 1 < 7 && by_day[end + 1] == by_day[d] {
            end += 1;
        }
        let days = match (d, end) {
            (0, 4) => "Weekday".to_owned(),
            (5, 6) => "Weekend".to_owned(),
            (a, b) if a == b => DAY_NAMES[a].to_owned(),
            (a, b) if b == a + 1 => format!("{} and {}", DAY_NAMES[a], DAY_NAMES[b]),
            (a, b) => format!("{} to {}", DAY_NAMES[a], DAY_NAMES[b]),
        };
        parts.push(format!("{days} {}", periods(&by_day[d], &PLURAL)));
        d = end + 1;
    }
    let text = parts.join(", ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect::<String>())
}

/// A UK postcode at the end of an address written as one line ("…, London SE1 7AE, UK").
fn postcode_in(address: &str) -> Option<String> {
    let words: Vec<&str> = address
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2).rev() {
        let (out, inward) = (pair[0], pair[1]);
        let out_ok = (2..=4).contains(&out.len())
            && out.chars().all(|c| c.is_ascii_alphanumeric())
            && out.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && out.chars().any(|c| c.is_ascii_digit());
        let b = inward.as_bytes();
        let in_ok = b.len() == 3
            && b[0].is_ascii_digit()
            && b[1].is_ascii_alphabetic()
            && b[2].is_ascii_alphabetic();
        if out_ok && in_ok {
            return Some(format!("{} {}", out.to_uppercase(), inward.to_uppercase()));
        }
    }
    None
}

/// A stable id for a role when neither it nor its activity has one: from its organisation
/// (id, else website, else name) and the activity's and role's titles, so the same role in
/// the next copy of the document gets the same id.
fn derived_id(org: &Value, org_name: &str, activity: &Value, role: &Value, index: usize) -> String {
    let org_key = text(org, &["@id", "id", "identifier"])
        .or_else(|| text(org, &["url", "organisationUrl", "website"]))
        .unwrap_or_else(|| org_name.to_owned());
    let a = text(activity, &["name", "title", "label", "activityLabel"]).unwrap_or_default();
    let r = text(role, &["name", "title", "label", "roleLabel"]).unwrap_or_default();
    let digest = crate::secrets::sha256(format!("{org_key}\n{a}\n{r}\n{index}").as_bytes());
    let slug: String = super::util::kebab(if r.is_empty() { &a } else { &r })
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(40)
        .collect();
    let hash = crate::secrets::hex(&digest[..6]);
    if slug.is_empty() {
        format!("vds:{hash}")
    } else {
        format!("vds:{slug}:{hash}")
    }
}

fn place_of(v: &Value) -> Option<Place> {
    let loc = objects(v, &["location", "activityLocation", "place"])
        .into_iter()
        .next()?
        .1;
    let address = get(loc, &["address"]);
    let (street, locality, postcode) = match address {
        Some(a @ Value::Object(_)) => (
            text(a, &["streetAddress"]),
            text(a, &["addressLocality", "addressRegion"]),
            text(a, &["postalCode"]),
        ),
        Some(Value::String(s)) => (Some(s.clone()), None, postcode_in(s)),
        _ => (None, None, None),
    };
    let name =
        text(loc, &["name", "label", "locationLabel", "addressLocality"]).or(locality.clone())?;
    let postcode = postcode.or_else(|| text(loc, &["postalCode", "postcode"]));
    let lat =
        get(loc, &["latitude"]).or_else(|| get(loc, &["geo"]).and_then(|g| g.get("latitude")));
    let lng =
        get(loc, &["longitude"]).or_else(|| get(loc, &["geo"]).and_then(|g| g.get("longitude")));
    let num = |v: Option<&Value>| match v {
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    let geo = match (num(lat), num(lng)) {
        (Some(lat), Some(lng)) if lat.is_finite() && lng.is_finite() => {
            Some(opendoor_core::listing::Geo { lat, lng })
        }
        _ => None,
    };
    let address = match (street, locality) {
        (Some(s), Some(l)) if !s.contains(&l) => Some(format!("{s}, {l}")),
        (Some(s), _) => Some(s),
        _ => None,
    };
    Some(Place {
        name,
        address,
        postcode,
        geo,
    })
}

fn role_to_listing(
    org: &Value,
    org_name: &str,
    org_url: Option<String>,
    activity: &Value,
    role: &Value,
    role_index: usize,
    now: OffsetDateTime,
) -> Result<(Listing, Vec<String>), Vec<String>> {
    let mut p = Vec::new();
    let mut warnings = Vec::new();
    let either = |keys: &[&str]| text(role, keys).or_else(|| text(activity, keys));
    let id = match text(role, &["@id", "id", "identifier"]) {
        Some(raw) => safe_id(&raw),
        None => match text(activity, &["@id", "id", "identifier"]) {
            Some(raw) => format!("{}:role-{}", safe_id(&raw), role_index + 1),
            None => {
                let id = derived_id(org, org_name, activity, role, role_index);
                warnings.push(format!(
                    "the role has no @id (nor has its activity): it was given the id {id}, made \
                     from its organisation and titles; give it an @id so that a new title does \
                     not make it a new listing"
                ));
                id
            }
        },
    };
    let title = text(role, &["name", "title", "label", "roleLabel"])
        .or_else(|| text(activity, &["name", "title", "label", "activityLabel"]));
    if title.is_none() {
        p.push("the role has no name (nor has its activity)".to_owned());
    }
    let description = match (
        text(activity, &["description", "activityDescription"]),
        text(role, &["description", "roleDescription"]),
    ) {
        (Some(a), Some(r)) if a != r => Some(format!("{r}\n\n{a}")),
        (a, r) => r.or(a),
    };
    if description.is_none() {
        p.push("the role has no description (nor has its activity)".to_owned());
    }
    let description = description.unwrap_or_default();
    let summary = either(&["summary", "disambiguatingDescription", "shortDescription"])
        .unwrap_or_else(|| summary_from(&description, MAX_SUMMARY.min(300)));
    let kind = either(&["involvementKind", "category", "activityType"])
        .and_then(|k| enum_word::<InvolvementKind>(&k))
        .unwrap_or(InvolvementKind::Other);
    let remote = boolean(role, &["allowsRemoteParticipation", "remote"])
        .or_else(|| boolean(activity, &["allowsRemoteParticipation", "remote"]));
    let sk = ["session", "sessions", "activityTime", "time"];
    let place = place_of(role).or_else(|| place_of(activity)).or_else(|| {
        objects(role, &sk)
            .into_iter()
            .chain(objects(activity, &sk))
            .find_map(|(_, s)| place_of(s))
    });
    let attendance = match (place, remote) {
        (Some(place), Some(true)) => Attendance::Hybrid { place },
        (Some(place), _) => Attendance::InPerson { place },
        (None, _) => Attendance::Online,
    };
    let mut sessions = Vec::new();
    let mut slots: Vec<(usize, usize)> = Vec::new();
    fn slot_words(
        v: &Value,
        at: &str,
        slots: &mut Vec<(usize, usize)>,
        warnings: &mut Vec<String>,
    ) {
        for (ti, t) in texts(v, &["time", "timeSession", "activityTime"])
            .iter()
            .enumerate()
        {
            match time_slot(t) {
                Some(slot) => slots.push(slot),
                None => warnings.push(format!(
                    "{at}time[{ti}] ({}) is not a time slot the standard names; ignored",
                    t.chars().take(80).collect::<String>()
                )),
            }
        }
    }
    // Slots may be given on the role or the activity directly, as well as on sessions.
    for (v, at) in [(role, ""), (activity, "the activity's ")] {
        if matches!(get(v, &["time", "timeSession"]), Some(Value::Array(xs)) if xs.iter().all(Value::is_string))
            || matches!(get(v, &["time", "timeSession"]), Some(Value::String(_)))
        {
            slot_words(v, at, &mut slots, &mut warnings);
        }
    }
    let (session_list, sk_used) = if !objects(role, &sk).is_empty() {
        (objects(role, &sk), "session")
    } else {
        (objects(activity, &sk), "the activity's session")
    };
    for (si, s) in session_list {
        let start = text(s, &["startDate", "start", "hasBeginning", "startTime"]);
        match start.as_deref().and_then(date_time) {
            Some(starts) => {
                let ends =
                    text(s, &["endDate", "end", "hasEnd", "endTime"]).and_then(|t| date_time(&t));
                let note = text(s, &["name", "description", "label", "timeLabel"])
                    .map(|n| n.chars().take(300).collect());
                sessions.push(Session { starts, ends, note });
            }
            None if start.is_some() => p.push(format!(
                "session[{si}] has no start date and time that can be read"
            )),
            None => {
                let before = slots.len();
                slot_words(s, &format!("{sk_used}[{si}]."), &mut slots, &mut warnings);
                if slots.len() == before && place_of(s).is_none() {
                    warnings.push(format!(
                        "{sk_used}[{si}] has neither a start date nor time slots; ignored"
                    ));
                }
            }
        }
    }
    let slots_note = slots_in_words(&slots);
    let time_commitment = either(&[
        "timeCommitment",
        "commitment",
        "timeRequirement",
        "duration",
    ])
    .unwrap_or_else(|| {
        if sessions.is_empty() {
            "Ask the organisers".to_owned()
        } else {
            format!("{} session(s)", sessions.len())
        }
    });
    let closing_date =
        either(&["applicationDeadline", "closingDate", "validThrough"]).and_then(|d| date(&d));
    let rewards: Vec<String> = texts(role, &["reward", "rewards"])
        .iter()
        .map(|r| humanise(r))
        .collect();
    let expenses = boolean(role, &["expensesPaid", "expenses"])
        .or_else(|| boolean(activity, &["expensesPaid", "expenses"]))
        .unwrap_or(false)
        || rewards.iter().any(|r| r.to_lowercase().contains("expense"));
    let payment = if expenses {
        Payment::ExpensesOnly
    } else {
        Payment::None
    };
    let who = either(&["eligibility", "audience", "suitableFor", "who"])
        .unwrap_or_else(|| "Anyone interested".to_owned());
    let minimum_age = get(role, &["minimumAge", "minAge"]).and_then(|v| match v {
        Value::Number(n) => n.as_u64().and_then(|x| u8::try_from(x).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    });
    let mut requirements: Vec<String> = texts(role, &["requirement", "requirements"])
        .iter()
        .map(|r| humanise(r))
        .collect();
    let skills: Vec<String> = texts(role, &["skill", "skills"])
        .iter()
        .map(|r| humanise(r).to_lowercase())
        .collect();
    if !skills.is_empty() {
        let list = skills.join(", ");
        requirements.push(
            format!("Useful skills: {list}")
                .chars()
                .take(validate::MAX_SHORT)
                .collect(),
        );
    }
    requirements.truncate(20);
    let impact = either(&["impact", "outcome"])
        .unwrap_or_else(|| "Ask the organisers what difference taking part will make.".to_owned());
    let support = either(&["support", "training"]).unwrap_or_else(|| {
        let offered: Vec<&str> = rewards
            .iter()
            .filter(|r| !r.to_lowercase().contains("expense"))
            .map(String::as_str)
            .collect();
        if offered.is_empty() {
            "Ask the organisers about training and support.".to_owned()
        } else {
            format!("{}.", offered.join("; "))
        }
    });
    let contact_node = objects(role, &["contact", "activityContact"])
        .into_iter()
        .next()
        .or_else(|| {
            objects(activity, &["contact", "activityContact"])
                .into_iter()
                .next()
        })
        .or_else(|| {
            objects(org, &["contact", "organisationContact"])
                .into_iter()
                .next()
        })
        .map(|(_, c)| c);
    let contact = contact_node.map(|c| Contact {
        name: text(c, &["name", "label", "contactLabel"]),
        email: text(c, &["email"]).map(|e| e.trim_start_matches("mailto:").to_owned()),
        phone: text(c, &["telephone", "phone"]),
    });
    let apply_url = text(role, &["applyLink", "applicationUrl", "applyUrl", "url"])
        .or_else(|| {
            text(
                activity,
                &[
                    "applyLink",
                    "applicationUrl",
                    "applyUrl",
                    "url",
                    "activityUrl",
                ],
            )
        })
        .filter(|u| is_web_link(u));
    let how_to_apply = match (
        apply_url,
        contact
            .as_ref()
            .and_then(|c| c.email.clone())
            .filter(|e| is_email(e)),
    ) {
        (Some(url), _) => HowToApply::Link { url },
        (None, Some(address)) => HowToApply::Email { address },
        (None, None) => HowToApply::InApp {
            questions: Vec::new(),
        },
    };
    let status = either(&["status"])
        .and_then(|s| enum_word::<ListingStatus>(&s))
        .unwrap_or(ListingStatus::Open);
    let last_updated = either(&["dateModified", "modified", "dateCreated"])
        .and_then(|t| date_time(&t).or_else(|| date(&t).map(|d| d.midnight().assume_utc())))
        .unwrap_or(now);
    let mut topics: Vec<String> = Vec::new();
    for t in texts(
        activity,
        &["keywords", "topic", "topics", "cause", "activityConcept"],
    )
    .into_iter()
    .chain(texts(org, &["cause"]))
    {
        let t: String = humanise(&t).chars().take(60).collect();
        if !topics.contains(&t) && topics.len() < 20 {
            topics.push(t);
        }
    }
    if !p.is_empty() {
        return Err(p);
    }
    let listing = Listing {
        id,
        title: title.unwrap_or_default(),
        organisation: Organisation {
            name: org_name.to_owned(),
            url: org_url,
            // The publisher's own id for the organisation: what ties its listings together.
            id: text(org, &["@id", "id", "identifier"]),
        },
        summary,
        description,
        kind,
        topics,
        attendance,
        time_commitment,
        sessions,
        dates_note: either(&["datesNote", "schedule"])
            .or(slots_note)
            .map(|n| n.chars().take(validate::MAX_SHORT).collect()),
        closing_date,
        payment,
        expenses: Vec::new(),
        payment_note: None,
        access_support: Vec::new(),
        access_note: either(&["accessibility", "accessibilityInformation", "accessNote"]),
        eligibility: Eligibility {
            who,
            minimum_age,
            requirements,
        },
        impact,
        support,
        how_to_apply,
        contact,
        last_updated,
        status,
        impact_note: None,
        sources: Vec::new(),
        // schema.org `inLanguage`: tags as text; a Language object's name is not a tag, so only
        // what reads as one is kept.
        in_language: [role, activity]
            .iter()
            .map(|v| texts(v, &["inLanguage"]))
            .find(|t| !t.is_empty())
            .unwrap_or_default()
            .into_iter()
            .filter(|t| validate::is_language_tag(t))
            .take(validate::MAX_LIST)
            .collect(),
        easy_read: either(&["easyRead"]).map(|t| t.chars().take(validate::MAX_NOTE).collect()),
    };
    Ok((listing, warnings))
}

#[cfg(test)]
mod tests {
    use super::humanise;

    #[test]
    fn vocabulary_terms_become_words() {
        assert_eq!(
            humanise("https://ns.volunteeringdata.io/DBSCheck"),
            "DBS check"
        );
        assert_eq!(
            humanise("https://ns.volunteeringdata.io/TrainingProvided"),
            "Training provided"
        );
        assert_eq!(humanise("AntiPoverty"), "Anti poverty");
        assert_eq!(
            humanise("Able to attend evenings"),
            "Able to attend evenings"
        );
    }
}

#[cfg(test)]
mod published_shape {
    //! Documents shaped like the standard's own published examples (recurring time slots,
    //! roles and activities without ids, addresses as one line, document metadata).

    use super::*;

    const NOW: OffsetDateTime = time::macros::datetime!(2026-11-26 10:00 UTC);

    fn fixture() -> Vec<u8> {
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/vds-standard-shape.json"
        ))
        .unwrap()
    }

    fn listings(p: &Parsed) -> Vec<&Listing> {
        p.ops
            .iter()
            .filter_map(|o| match o {
                ImportOp::Upsert(l) => Some(l.as_ref()),
                ImportOp::Delete(_) => None,
            })
            .collect()
    }

    #[test]
    fn slots_become_words() {
        let s = |names: &[&str]| {
            let slots: Vec<_> = names.iter().filter_map(|n| time_slot(n)).collect();
            slots_in_words(&slots)
        };
        let weekdays: Vec<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
            .iter()
            .flat_map(|d| [format!("{d}Morning"), format!("{d}Afternoon")])
            .chain(["SaturdayMorning".to_owned()])
            .collect();
        let refs: Vec<&str> = weekdays.iter().map(String::as_str).collect();
        assert_eq!(
            s(&refs).as_deref(),
            Some("Weekday mornings and afternoons, Saturday mornings")
        );
        assert_eq!(
            s(&[
                "https://ns.volunteeringdata.io/SaturdayEvening",
                "SundayEvening"
            ])
            .as_deref(),
            Some("Weekend evenings")
        );
        assert_eq!(
            s(&["TuesdayEvening", "ThursdayEvening", "SundayAfternoon"]).as_deref(),
            Some("Tuesday evenings, Thursday evenings, Sunday afternoons")
        );
        assert_eq!(
            s(&["MondayMorning", "TuesdayMorning", "WednesdayMorning"]).as_deref(),
            Some("Monday to Wednesday mornings")
        );
        let all: Vec<String> = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ]
        .iter()
        .map(|d| format!("{d}Evening"))
        .collect();
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        assert_eq!(s(&refs).as_deref(), Some("Every evening"));
        assert_eq!(s(&["Lunchtime"]), None);
        assert_eq!(time_slot("vds:FridayAfternoon"), Some((4, 1)));
    }

    #[test]
    fn the_standards_shape_imports_with_warnings_not_refusals() {
        let p = parse("https://example.org/vds.json", &fixture(), NOW);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let ls = listings(&p);
        assert_eq!(ls.len(), 2);
        assert_eq!(
            p.meta,
            crate::import::DocMeta {
                license: Some("CC-BY-4.0".into()),
                publisher: Some("https://volunteer-centre.example.org/".into()),
            }
        );

        let towpath = ls.iter().find(|l| l.title == "Towpath volunteer").unwrap();
        assert_eq!(towpath.id, "id.example.org:activity:towpath-tidy:role-1");
        assert_eq!(
            towpath.dates_note.as_deref(),
            Some("Weekday mornings and afternoons, Saturday mornings")
        );
        assert!(towpath.sessions.is_empty());
        match &towpath.attendance {
            Attendance::InPerson { place } => {
                assert_eq!(place.name, "Lock 21 boathouse");
                assert_eq!(place.postcode.as_deref(), Some("B30 2AB"));
                assert!(place.geo.is_some());
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            towpath.eligibility.requirements,
            vec!["Useful skills: teamwork, physical fitness".to_owned()]
        );
        assert_eq!(towpath.eligibility.minimum_age, Some(16));

        // Neither the role nor its activity has an id: a derived one, and a warning by path.
        let buddy = ls.iter().find(|l| l.title == "Reading buddy").unwrap();
        assert!(buddy.id.starts_with("vds:reading-buddy:"), "{}", buddy.id);
        assert_eq!(
            buddy.dates_note.as_deref(),
            Some("Tuesday evenings, Thursday evenings, Sunday afternoons")
        );
        assert!(matches!(buddy.attendance, Attendance::Online));
        assert_eq!(buddy.payment, Payment::ExpensesOnly);
        assert_eq!(
            buddy.organisation.id.as_deref(),
            Some("https://id.example.org/org/reading-circle")
        );
        assert!(
            p.warnings
                .iter()
                .any(|w| w.location == "$.graph[1].activity[0].role[0]"
                    && w.problem.contains(&buddy.id)),
            "{:?}",
            p.warnings
        );

        // What the standard allows and Open Door does not use is reported by its JSON path.
        let org0 = p
            .warnings
            .iter()
            .find(|w| w.location == "$.graph[0]")
            .expect("the first Organisation's unused keys");
        for key in ["charityNumber", "image", "description"] {
            assert!(org0.problem.contains(key), "{}", org0.problem);
        }
        assert!(
            !p.warnings
                .iter()
                .any(|w| w.location.ends_with("role[0]") && w.problem.starts_with("not used")),
            "every key of the roles is mapped: {:?}",
            p.warnings
        );
        // The same document again: the same ids (stable), whatever the file is called.
        let again = parse("copy.json", &fixture(), NOW);
        let ids = |p: &Parsed| {
            let mut v: Vec<String> = listings(p).iter().map(|l| l.id.clone()).collect();
            v.sort();
            v
        };
        assert_eq!(ids(&p), ids(&again));
    }

    #[test]
    fn one_organisation_alone_and_unknown_slots() {
        let doc: Value = serde_json::from_slice(&fixture()).unwrap();
        let mut org = doc["graph"][1].clone();
        org["activity"][0]["session"][0]["time"]
            .as_array_mut()
            .unwrap()
            .push(Value::from("https://ns.volunteeringdata.io/Lunchtime"));
        let p = parse("one.json", &serde_json::to_vec(&org).unwrap(), NOW);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(listings(&p).len(), 1);
        assert!(
            p.warnings.iter().any(|w| w.problem.contains("Lunchtime")
                && w.problem.contains("the activity's session[0].time[3]")),
            "{:?}",
            p.warnings
        );
    }
}
