//! A search as it lives in the address bar, so Back works and a link can be shared:
//! `?q=diabetes&kind=advisory-group&how=online&near=LS6&miles=10&pay=paid&access=easy-read&closing=7&time=one-off&topic=Carers&sort=newest`.
//!
//! Unknown keys and values are ignored (an old link still opens); repeated keys add choices.
//! Values use the feed's own names where there are any (docs/feed-format.md).

use crate::filter::{ClosingWithin, Filters, Mode, Near, Pay, Sort, TimeNeeded, DEFAULT_RADIUS};
use crate::listing::{AccessSupport, InvolvementKind};

/// A search: the words typed, the filters, and the order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub text: String,
    pub filters: Filters,
    pub sort: Sort,
}

fn feed_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn from_feed_name<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}

pub fn kind_slug(k: InvolvementKind) -> String {
    feed_name(&k)
}

pub fn access_slug(a: AccessSupport) -> String {
    feed_name(&a)
}

pub fn mode_slug(m: Mode) -> &'static str {
    match m {
        Mode::Online => "online",
        Mode::Phone => "phone",
        Mode::InPerson => "in-person",
        Mode::ByPost => "by-post",
    }
}

pub fn pay_slug(p: Pay) -> &'static str {
    match p {
        Pay::Paid => "paid",
        Pay::Expenses => "expenses",
    }
}

pub fn time_slug(t: TimeNeeded) -> &'static str {
    match t {
        TimeNeeded::OneOff => "one-off",
        TimeNeeded::FewSessions => "few-sessions",
        TimeNeeded::Ongoing => "ongoing",
    }
}

pub fn closing_slug(c: ClosingWithin) -> &'static str {
    match c {
        ClosingWithin::Week => "7",
        ClosingWithin::Month => "30",
    }
}

pub fn sort_slug(s: Sort) -> &'static str {
    match s {
        Sort::Relevance => "relevance",
        Sort::ClosingSoonest => "closing",
        Sort::Newest => "newest",
    }
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// Longest text kept from an address, so a crafted link cannot make every keystroke slow.
pub const MAX_TEXT: usize = 200;

impl Query {
    /// Key–value pairs in a fixed order (so equal searches give equal links).
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let f = &self.filters;
        let mut out: Vec<(&'static str, String)> = Vec::new();
        if !self.text.is_empty() {
            out.push(("q", self.text.clone()));
        }
        out.extend(f.kinds.iter().map(|k| ("kind", kind_slug(*k))));
        out.extend(f.topics.iter().map(|t| ("topic", t.clone())));
        out.extend(f.modes.iter().map(|m| ("how", mode_slug(*m).to_owned())));
        if let Some(n) = &f.near {
            out.push(("near", n.place.clone()));
            if n.miles != DEFAULT_RADIUS {
                out.push(("miles", n.miles.to_string()));
            }
        }
        out.extend(f.pay.iter().map(|p| ("pay", pay_slug(*p).to_owned())));
        out.extend(f.access.iter().map(|a| ("access", access_slug(*a))));
        if let Some(c) = f.closing {
            out.push(("closing", closing_slug(c).to_owned()));
        }
        out.extend(f.time.iter().map(|t| ("time", time_slug(*t).to_owned())));
        if let Some(w) = &f.written_in {
            out.push(("written", w.clone()));
        }
        if self.sort != Sort::default() {
            out.push(("sort", sort_slug(self.sort).to_owned()));
        }
        out
    }

    /// Reads pairs (already percent-decoded); ignores what it does not know.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Query {
        let mut q = Query::default();
        let mut miles = None;
        let f = &mut q.filters;
        for (k, v) in pairs {
            let v = v.trim_matches(|c: char| c.is_control());
            match k {
                "q" => q.text = v.chars().take(MAX_TEXT).collect(),
                "kind" => {
                    if let Some(k) =
                        from_feed_name::<InvolvementKind>(v).filter(|k| kind_slug(*k) == v)
                    {
                        push_unique(&mut f.kinds, k)
                    }
                }
                "topic" if !v.trim().is_empty() && f.topics.len() < 20 => {
                    let t: String = v.trim().chars().take(100).collect();
                    if !f.topics.iter().any(|o| o.eq_ignore_ascii_case(&t)) {
                        f.topics.push(t);
                    }
                }
                "how" => {
                    if let Some(m) = Mode::ALL.into_iter().find(|m| mode_slug(*m) == v) {
                        push_unique(&mut f.modes, m)
                    }
                }
                "near" if !v.trim().is_empty() => {
                    f.near = Some(Near {
                        place: v.trim().chars().take(60).collect(),
                        miles: DEFAULT_RADIUS,
                    })
                }
                "miles" => miles = v.parse::<u16>().ok().filter(|m| (1..=500).contains(m)),
                "pay" => {
                    if let Some(p) = Pay::ALL.into_iter().find(|p| pay_slug(*p) == v) {
                        push_unique(&mut f.pay, p)
                    }
                }
                "access" => {
                    if let Some(a) = from_feed_name::<AccessSupport>(v) {
                        push_unique(&mut f.access, a)
                    }
                }
                "closing" => {
                    f.closing = ClosingWithin::ALL
                        .into_iter()
                        .find(|c| closing_slug(*c) == v)
                }
                "time" => {
                    if let Some(t) = TimeNeeded::ALL.into_iter().find(|t| time_slug(*t) == v) {
                        push_unique(&mut f.time, t)
                    }
                }
                // Not "lang": that one chooses the app's own language.
                "written" if crate::validate::is_language_tag(v) => {
                    f.written_in = Some(v.to_ascii_lowercase())
                }
                "sort" => {
                    if let Some(s) = Sort::ALL.into_iter().find(|s| sort_slug(*s) == v) {
                        q.sort = s
                    }
                }
                _ => {}
            }
        }
        if let (Some(n), Some(m)) = (&mut q.filters.near, miles) {
            n.miles = m;
        }
        q
    }

    /// `q=diabetes&how=online` (no leading `?`; empty for the default search).
    pub fn to_query_string(&self) -> String {
        self.to_pairs()
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads `?q=…&…` or `q=…&…` (form encoding: `+` is a space).
    pub fn parse(search: &str) -> Query {
        let s = search.strip_prefix('?').unwrap_or(search);
        let decoded: Vec<(String, String)> = s
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (decode(k), decode(v))
            })
            .collect();
        Query::from_pairs(decoded.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986); spaces become `+`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes `+` and `%XX`; invalid escapes are kept as typed, invalid UTF-8 is replaced.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len()
                && b[i + 1].is_ascii_hexdigit()
                && b[i + 2].is_ascii_hexdigit() =>
            {
                match u8::from_str_radix(&s[i + 1..i + 3], 16) {
                    Ok(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
