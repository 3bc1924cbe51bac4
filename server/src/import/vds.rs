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
        let ak = key_of(org, &["activity", "activities", "organisationActivity"]);
        for (ai, activity) in activities {
            let apath = format!("{path}.{ak}[{ai}]");
            let roles = objects(activity, &["role", "roles"]);
            if roles.is_empty() {
                out.errors
                    .push(err(apath.clone(), "the activity has no role".into()));
            }
            let rk = key_of(activity, &["role", "roles"]);
            for (ri, role) in roles {
                let rpath = format!("{apath}.{rk}[{ri}]");
                match role_to_listing(org, &org_name, org_url.clone(), activity, role, ri, now) {
                    Ok(listing) => {
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
        Some(Value::String(s)) => (Some(s.clone()), None, None),
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
) -> Result<Listing, Vec<String>> {
    let mut p = Vec::new();
    let either = |keys: &[&str]| text(role, keys).or_else(|| text(activity, keys));
    let id = match text(role, &["@id", "id", "identifier"]) {
        Some(raw) => safe_id(&raw),
        None => match text(activity, &["@id", "id", "identifier"]) {
            Some(raw) => format!("{}:role-{}", safe_id(&raw), role_index + 1),
            None => {
                p.push(
                    "the role has no @id (nor has its activity), so it cannot be updated later"
                        .to_owned(),
                );
                String::new()
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
    for (si, s) in objects(role, &sk)
        .into_iter()
        .chain(if get(role, &sk).is_none() {
            objects(activity, &sk)
        } else {
            Vec::new()
        })
    {
        match text(s, &["startDate", "start", "hasBeginning", "startTime"])
            .and_then(|t| date_time(&t))
        {
            Some(starts) => {
                let ends =
                    text(s, &["endDate", "end", "hasEnd", "endTime"]).and_then(|t| date_time(&t));
                let note = text(s, &["name", "description", "label", "timeLabel"])
                    .map(|n| n.chars().take(300).collect());
                sessions.push(Session { starts, ends, note });
            }
            None => p.push(format!(
                "session[{si}] has no start date and time that can be read"
            )),
        }
    }
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
    Ok(Listing {
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
        dates_note: either(&["datesNote", "schedule"]),
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
    })
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
