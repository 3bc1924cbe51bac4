//! Saved searches without an account: kept on the device with the ids they matched when last
//! looked at, so after each sync the app can say "3 new matches". Nothing leaves the device.

use serde::{Deserialize, Serialize};

use crate::filter::{
    find_with, ClosingWithin, Context, Facts, Mode, Origin, Pay, TimeNeeded, HERE,
};
use crate::i18n::Catalogue;
use crate::listing::{Geo, Listing};
use crate::query::Query;
use crate::search::Index;
use crate::words;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedSearch {
    /// The query string (`Query::to_query_string`); also the record's key, so saving the same
    /// search twice keeps one.
    pub id: String,
    /// Unix seconds when saved.
    pub saved_at: i64,
    /// Ids of the listings it matched when the person last opened it (or saved it).
    pub seen: Vec<String>,
}

impl SavedSearch {
    pub fn new(query: &Query, matching: &[&str], now: i64) -> SavedSearch {
        let mut seen: Vec<String> = matching.iter().map(|s| (*s).to_owned()).collect();
        seen.sort();
        SavedSearch {
            id: query.to_query_string(),
            saved_at: now,
            seen,
        }
    }

    pub fn query(&self) -> Query {
        Query::parse(&self.id)
    }

    /// The ids of the listings this search matches now, in its order: the same step the list
    /// runs (`filter::find_with`), so the list and the Saved page always agree. `index` must hold
    /// `all` when the search has words; `device` is "Use my location", if given.
    pub fn matching<'a>(
        &self,
        all: &'a [Listing],
        facts: &Facts,
        index: &Index,
        today: time::Date,
        device: Option<Geo>,
    ) -> Vec<&'a str> {
        let q = self.query();
        let origin = q
            .filters
            .near
            .as_ref()
            .and_then(|n| Origin::resolve(n, device));
        let cx = Context {
            today,
            origin: origin.as_ref(),
        };
        find_with(all, facts, index, &q.text, &q.filters, q.sort, &cx)
            .rows
            .into_iter()
            .map(|i| all[i].id.as_str())
            .collect()
    }

    /// Whether running it needs the search index (it has words to look up).
    pub fn has_words(&self) -> bool {
        !crate::search::query_words(&self.query().text).is_empty()
    }

    /// Matching listings the person has not seen in this search yet.
    pub fn new_matches<'a>(&self, matching: &[&'a str]) -> Vec<&'a str> {
        matching
            .iter()
            .filter(|id| self.seen.binary_search_by(|s| s.as_str().cmp(id)).is_err())
            .copied()
            .collect()
    }

    /// After the person opens it: what matches now counts as seen.
    pub fn mark_seen(&mut self, matching: &[&str]) {
        self.seen = matching.iter().map(|s| (*s).to_owned()).collect();
        self.seen.sort();
        self.seen.dedup();
    }
}

/// "3 new matches", "1 new match", "No new matches".
pub fn new_matches_words(c: &Catalogue, n: usize) -> String {
    c.text_with("new-matches", &[("n", n.into())])
}

/// "within 10 miles of you", "within 5 miles of Leeds".
pub fn near_words(c: &Catalogue, n: &crate::filter::Near) -> String {
    if n.place == HERE {
        c.text_with("near-you", &[("miles", n.miles.into())])
    } else {
        c.text_with(
            "near-place",
            &[
                ("miles", n.miles.into()),
                ("place", n.place.as_str().into()),
            ],
        )
    }
}

/// A search in words, as a saved search's name: "“diabetes”, online, paid, near Leeds".
pub fn describe(c: &Catalogue, q: &Query) -> String {
    let f = &q.filters;
    let mut parts: Vec<String> = Vec::new();
    if !q.text.trim().is_empty() {
        parts.push(format!("\u{201c}{}\u{201d}", q.text.trim()));
    }
    parts.extend(f.kinds.iter().map(|k| words::kind(c, *k)));
    parts.extend(f.topics.iter().cloned());
    parts.extend(f.modes.iter().map(|m| mode_words(c, *m).to_lowercase()));
    if let Some(n) = &f.near {
        parts.push(near_words(c, n));
    }
    parts.extend(f.pay.iter().map(|p| pay_words(c, *p).to_lowercase()));
    parts.extend(f.access.iter().map(|a| words::access(c, *a)));
    if let Some(within) = f.closing {
        parts.push(closing_words(c, within).to_lowercase());
    }
    parts.extend(f.time.iter().map(|t| time_words(c, *t).to_lowercase()));
    if let Some(w) = &f.written_in {
        parts.push(written_words(c, w));
    }
    if parts.is_empty() {
        return c.text("all-open");
    }
    let mut s = parts.join(", ");
    if let Some(first) = s.get(0..1) {
        if first != "\u{201c}" {
            s = first.to_uppercase() + &s[1..];
        }
    }
    s
}

pub fn mode_words(c: &Catalogue, m: Mode) -> String {
    c.text(match m {
        Mode::Online => "attendance-online",
        Mode::Phone => "attendance-phone",
        Mode::InPerson => "mode-in-person",
        Mode::ByPost => "attendance-post",
    })
}

pub fn pay_words(c: &Catalogue, p: Pay) -> String {
    c.text(match p {
        Pay::Paid => "filter-paid",
        Pay::Expenses => "filter-expenses",
    })
}

pub fn closing_words(c: &Catalogue, within: ClosingWithin) -> String {
    c.text(match within {
        ClosingWithin::Week => "filter-closing-week",
        ClosingWithin::Month => "filter-closing-month",
    })
}

/// "Written in Cymraeg" (the language named in itself; an unknown tag as it is).
pub fn written_words(c: &Catalogue, tag: &str) -> String {
    let name = crate::i18n::Lang::from_tag(tag)
        .filter(|l| *l != crate::i18n::Lang::Pseudo)
        .map_or_else(|| tag.to_owned(), |l| l.name().to_owned());
    c.text_with("filter-written", &[("language", name.into())])
}

pub fn time_words(c: &Catalogue, t: TimeNeeded) -> String {
    c.text(match t {
        TimeNeeded::OneOff => "time-one-off",
        TimeNeeded::FewSessions => "time-few-sessions",
        TimeNeeded::Ongoing => "time-ongoing",
    })
}
