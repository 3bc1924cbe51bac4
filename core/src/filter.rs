//! Filters, how many listings each would leave, sorting, and the whole "find" step the list
//! screen runs: open listings → text search → filters → order.
//!
//! Within one group, choices widen (kind, topic, how it takes place, time needed: any of those
//! ticked); payment and access support narrow (every one ticked must be offered); closing soon
//! and near a place are single choices. Between groups, all must hold.
//!
//! The count beside a choice is how many listings there would be with that choice made and
//! everything else as it is.

use std::collections::{BTreeMap, HashMap};

use time::Date;

use crate::listing::{
    AccessSupport, Attendance, Availability, Geo, InvolvementKind, Listing, Payment,
};
use crate::places;
use crate::search::{Found as TextFound, FxHasher, Index};
use std::hash::BuildHasherDefault;

/// How the opportunity takes place. A hybrid listing counts as both online and in person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    Online,
    Phone,
    InPerson,
    ByPost,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Online, Mode::Phone, Mode::InPerson, Mode::ByPost];

    pub fn of(a: &Attendance) -> &'static [Mode] {
        match a {
            Attendance::Online => &[Mode::Online],
            Attendance::Phone => &[Mode::Phone],
            Attendance::InPerson { .. } => &[Mode::InPerson],
            Attendance::ByPost => &[Mode::ByPost],
            Attendance::Hybrid { .. } => &[Mode::Online, Mode::InPerson],
        }
    }
}

/// Time needed, sorted from the listing's own words (see `time_needed`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimeNeeded {
    /// One visit, call, survey or day.
    OneOff,
    /// A fixed number of sessions ("3 workshops", "4 sessions of 1 hour").
    FewSessions,
    /// Regular: "2 hours a month", "every 6 weeks", "3 days a year".
    Ongoing,
}

impl TimeNeeded {
    pub const ALL: [TimeNeeded; 3] = [
        TimeNeeded::OneOff,
        TimeNeeded::FewSessions,
        TimeNeeded::Ongoing,
    ];
}

/// Sorts a listing's time commitment into one of three kinds, from its words: anything with a
/// rate ("a month", "a year", "a week", "every …", "times a year") is ongoing; otherwise a count
/// of two or more at the start ("3 workshops") is a few sessions; anything else is one-off.
pub fn time_needed(l: &Listing) -> TimeNeeded {
    let t = l.time_commitment.to_lowercase();
    let ongoing = [
        " a month",
        " a year",
        " a week",
        " a fortnight",
        "every ",
        "times a",
        " per ",
        "monthly",
        "weekly",
        "ongoing",
    ];
    if ongoing.iter().any(|w| t.contains(w)) {
        return TimeNeeded::Ongoing;
    }
    let lead: String = t
        .trim_start_matches("about ")
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let count_words = [
        "two ", "three ", "four ", "five ", "six ", "several ", "a few ",
    ];
    let counted = lead.parse::<u32>().is_ok_and(|n| n >= 2)
        && !t[t.find(&lead).unwrap_or(0) + lead.len()..]
            .trim_start()
            .starts_with(['h', 'm']);
    if counted || count_words.iter().any(|w| t.starts_with(w)) || l.sessions.len() >= 2 {
        return TimeNeeded::FewSessions;
    }
    TimeNeeded::OneOff
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pay {
    /// Paid in money or vouchers.
    Paid,
    /// Out-of-pocket costs refunded (paid or not).
    Expenses,
}

impl Pay {
    pub const ALL: [Pay; 2] = [Pay::Paid, Pay::Expenses];

    pub fn offered(self, l: &Listing) -> bool {
        match self {
            Pay::Paid => l.payment.is_paid(),
            Pay::Expenses => l.payment == Payment::ExpensesOnly || !l.expenses.is_empty(),
        }
    }
}

/// "Closing within 7 days" / "within 30 days".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClosingWithin {
    Week,
    Month,
}

impl ClosingWithin {
    pub const ALL: [ClosingWithin; 2] = [ClosingWithin::Week, ClosingWithin::Month];

    pub fn days(self) -> i64 {
        match self {
            ClosingWithin::Week => 7,
            ClosingWithin::Month => 30,
        }
    }

    pub fn holds(self, l: &Listing, today: Date) -> bool {
        l.closing_date
            .is_some_and(|d| d >= today && (d - today).whole_days() <= self.days())
    }
}

/// Distances offered, in miles.
pub const RADII: [u16; 4] = [5, 10, 25, 50];
pub const DEFAULT_RADIUS: u16 = 10;

/// What "near" means as typed: a town or postcode, or the device's location ("here").
#[derive(Clone, Debug, PartialEq)]
pub struct Near {
    /// As typed, or `HERE`.
    pub place: String,
    pub miles: u16,
}

/// The `place` of a `Near` that means the device's own location (never its coordinates: those
/// stay out of the address bar, so a shared link does not give them away).
pub const HERE: &str = "here";

/// A `Near` turned into a point.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    /// None for a town not in the table: then only listings naming that town match.
    pub geo: Option<Geo>,
    pub miles: u16,
    /// A postcode area, to match listings that give a postcode but no coordinates.
    pub area: Option<&'static str>,
    /// A town name, to match listings that give a town but no coordinates.
    pub town: Option<String>,
}

impl Origin {
    /// From the table of places, or the device's position for `HERE`. A place not in the table
    /// still matches listings that name it. None: "here" without a position.
    pub fn resolve(near: &Near, device: Option<Geo>) -> Option<Origin> {
        if near.place == HERE {
            return device.map(|geo| Origin {
                geo: Some(geo),
                miles: near.miles,
                area: None,
                town: None,
            });
        }
        Some(match places::find(&near.place) {
            Some(f) => Origin {
                geo: Some(f.geo),
                miles: near.miles,
                area: f.area,
                town: places::postcode_area(&near.place)
                    .is_none()
                    .then(|| f.name.to_lowercase()),
            },
            None => Origin {
                geo: None,
                miles: near.miles,
                area: None,
                town: Some(near.place.trim().to_lowercase()),
            },
        })
    }

    pub fn holds(&self, l: &Listing) -> bool {
        let Some(place) = l.attendance.place() else {
            return false;
        };
        if let (Some(here), Some(there)) = (self.geo, place.geo) {
            return places::miles(here, there) <= self.miles as f64;
        }
        let town = self
            .town
            .as_deref()
            .is_some_and(|t| place.name.trim().to_lowercase() == t);
        let area = match (self.area, &place.postcode) {
            (Some(a), Some(pc)) => places::postcode_area(pc) == Some(a),
            _ => false,
        };
        town || area
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub kinds: Vec<InvolvementKind>,
    pub topics: Vec<String>,
    pub modes: Vec<Mode>,
    pub near: Option<Near>,
    pub pay: Vec<Pay>,
    pub access: Vec<AccessSupport>,
    pub closing: Option<ClosingWithin>,
    pub time: Vec<TimeNeeded>,
    /// Only listings written in this language (a BCP 47 tag; listings that name none are
    /// English): "opportunities in my language".
    pub written_in: Option<String>,
}

impl Filters {
    /// How many choices are made (for "Filters (3 on)").
    pub fn count(&self) -> usize {
        self.kinds.len()
            + self.topics.len()
            + self.modes.len()
            + self.near.is_some() as usize
            + self.pay.len()
            + self.access.len()
            + self.closing.is_some() as usize
            + self.time.len()
            + self.written_in.is_some() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sort {
    /// Best match first; with no words typed, the same as closing soonest.
    #[default]
    Relevance,
    ClosingSoonest,
    Newest,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::ClosingSoonest, Sort::Newest];
}

/// The groups of choices, in the order of `Groups::pass`.
const KIND: usize = 0;
const TOPIC: usize = 1;
const MODE: usize = 2;
const NEAR: usize = 3;
const PAY: usize = 4;
const ACCESS: usize = 5;
const CLOSING: usize = 6;
const TIME: usize = 7;
const WRITTEN: usize = 8;
const GROUPS: usize = 9;

/// Everything a filter needs besides the listing.
pub struct Context<'a> {
    pub today: Date,
    /// The resolved "near" choice; None means that choice is off (or could not be resolved).
    pub origin: Option<&'a Origin>,
}

fn pass(f: &Filters, l: &Listing, cx: &Context) -> [bool; GROUPS] {
    pass_timed(f, l, cx, || time_needed(l))
}

/// `time` is asked for only when the time filter is on.
fn pass_timed(
    f: &Filters,
    l: &Listing,
    cx: &Context,
    time: impl FnOnce() -> TimeNeeded,
) -> [bool; GROUPS] {
    let mut p = [true; GROUPS];
    p[KIND] = f.kinds.is_empty() || f.kinds.contains(&l.kind);
    p[TOPIC] = f.topics.is_empty()
        || l.topics
            .iter()
            .any(|t| f.topics.iter().any(|w| w.eq_ignore_ascii_case(t)));
    p[MODE] = f.modes.is_empty() || Mode::of(&l.attendance).iter().any(|m| f.modes.contains(m));
    p[NEAR] = cx.origin.is_none_or(|o| o.holds(l));
    p[PAY] = f.pay.iter().all(|p| p.offered(l));
    p[ACCESS] = f.access.iter().all(|a| l.access_support.contains(a));
    p[CLOSING] = f.closing.is_none_or(|c| c.holds(l, cx.today));
    p[TIME] = f.time.is_empty() || f.time.contains(&time());
    p[WRITTEN] = f.written_in.as_deref().is_none_or(|t| l.available_in(t));
    p
}

/// True when `l` passes every filter.
pub fn matches(f: &Filters, l: &Listing, cx: &Context) -> bool {
    pass(f, l, cx).iter().all(|p| *p)
}

/// How many listings each choice would leave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub kinds: BTreeMap<InvolvementKind, usize>,
    /// Keyed by the topic as the listings spell it; every topic of a candidate listing is here.
    pub topics: BTreeMap<String, usize>,
    pub modes: BTreeMap<Mode, usize>,
    /// With "near" on: the number within the distance (0 when it is off).
    pub near: usize,
    pub pay: BTreeMap<Pay, usize>,
    pub access: BTreeMap<AccessSupport, usize>,
    pub closing: BTreeMap<ClosingWithin, usize>,
    pub time: BTreeMap<TimeNeeded, usize>,
    /// Keyed by primary language tag ("en", "cy"): how many are written in each.
    pub written_in: BTreeMap<String, usize>,
}

/// Counts over `candidates` (already open and text-matched).
pub fn counts<'a>(
    f: &Filters,
    candidates: impl IntoIterator<Item = &'a Listing>,
    cx: &Context,
) -> Counts {
    counts_timed(f, candidates.into_iter().map(|l| (l, time_needed(l))), cx)
}

/// `counts`, with each listing's time needed already known (see `Facts`).
fn counts_timed<'a>(
    f: &Filters,
    candidates: impl IntoIterator<Item = (&'a Listing, TimeNeeded)>,
    cx: &Context,
) -> Counts {
    let mut c = Counts::default();
    // Topics are counted by the listings' own spelling, without allocating per listing.
    let mut topics: HashMap<&'a str, usize, BuildHasherDefault<FxHasher>> = HashMap::default();
    for (l, time) in candidates {
        let p = pass_timed(f, l, cx, || time);
        let failing = p.iter().filter(|x| !**x).count();
        let all = failing == 0;
        // Passes every group except possibly `g`.
        let but = |g: usize| all || (failing == 1 && !p[g]);
        if but(KIND) {
            *c.kinds.entry(l.kind).or_default() += 1;
        }
        if but(TOPIC) {
            for (i, t) in l.topics.iter().enumerate() {
                if !l.topics[..i].iter().any(|s| s.eq_ignore_ascii_case(t)) {
                    *topics.entry(t.as_str()).or_default() += 1;
                }
            }
        } else if !p[TOPIC] {
            // Keep every topic listed (with 0) so ticked topics never vanish from the screen.
            for t in &l.topics {
                topics.entry(t.as_str()).or_default();
            }
        }
        if but(MODE) {
            for m in Mode::of(&l.attendance) {
                *c.modes.entry(*m).or_default() += 1;
            }
        }
        if all && cx.origin.is_some() {
            c.near += 1;
        }
        if all {
            for p in Pay::ALL {
                if p.offered(l) {
                    *c.pay.entry(p).or_default() += 1;
                }
            }
            for a in &l.access_support {
                *c.access.entry(*a).or_default() += 1;
            }
        }
        if but(CLOSING) {
            for w in ClosingWithin::ALL {
                if w.holds(l, cx.today) {
                    *c.closing.entry(w).or_default() += 1;
                }
            }
        }
        if but(TIME) {
            *c.time.entry(time).or_default() += 1;
        }
        if but(WRITTEN) {
            let tags = if l.in_language.is_empty() {
                vec!["en".to_owned()]
            } else {
                l.in_language
                    .iter()
                    .map(|t| t.split('-').next().unwrap_or("").to_ascii_lowercase())
                    .collect()
            };
            for (i, t) in tags.iter().enumerate() {
                if !tags[..i].contains(t) {
                    *c.written_in.entry(t.clone()).or_default() += 1;
                }
            }
        }
    }
    c.topics = topics.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    c
}

/// Orders `rows` (listings with their relevance, 0 when there is no text). The lower-cased
/// title (for ties) is made once per listing, not once per comparison.
pub fn sort(rows: &mut Vec<(&Listing, f32)>, sort: Sort, has_text: bool) {
    sort_rows(rows, |r| r.0, |r| r.1, sort, has_text)
}

/// `sort` for any row that holds a listing and its relevance (`find_with` keeps positions too).
fn sort_rows<R>(
    rows: &mut Vec<R>,
    listing: impl Fn(&R) -> &Listing,
    score: impl Fn(&R) -> f32,
    sort: Sort,
    has_text: bool,
) {
    if sort == Sort::Newest {
        rows.sort_by(|a, b| {
            let (a, b) = (listing(a), listing(b));
            b.last_updated
                .cmp(&a.last_updated)
                .then_with(|| a.id.cmp(&b.id))
        });
        return;
    }
    let relevance = sort == Sort::Relevance && has_text;
    type Key = (bool, Option<Date>, String);
    let mut keyed: Vec<(Key, R)> = rows
        .drain(..)
        .map(|r| {
            let l = listing(&r);
            (
                (
                    l.closing_date.is_none(),
                    l.closing_date,
                    l.title.to_lowercase(),
                ),
                r,
            )
        })
        .collect();
    keyed.sort_by(|(ka, a), (kb, b)| {
        let by_closing = || ka.cmp(kb).then_with(|| listing(a).id.cmp(&listing(b).id));
        if relevance {
            score(b).total_cmp(&score(a)).then_with(by_closing)
        } else {
            by_closing()
        }
    });
    rows.extend(keyed.into_iter().map(|(_, r)| r));
}

/// What the list shows.
#[derive(Clone, Debug, Default)]
pub struct Results<'a> {
    /// Matching open listings, in order.
    pub listings: Vec<&'a Listing>,
    /// The same results as positions in the `all` given to `find_with`, in order.
    pub rows: Vec<usize>,
    pub counts: Counts,
    /// Words to mark in titles and summaries.
    pub words: std::collections::HashSet<String>,
    /// Open listings before any search or filter.
    pub open: usize,
    /// Open listings matching the words, before filters.
    pub text_matches: usize,
}

/// What filtering needs that takes work to read from a listing (today: the time needed, from
/// its words), worked out once per set of listings instead of on every keystroke.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    time: Vec<TimeNeeded>,
}

impl Facts {
    pub fn of(all: &[Listing]) -> Facts {
        Facts {
            time: all.iter().map(time_needed).collect(),
        }
    }
}

/// The whole step: open listings only, then the words (if any), then the filters, counts and
/// order. `index` must hold the same listings (it is searched by id).
pub fn find<'a>(
    all: &'a [Listing],
    index: &Index,
    text: &str,
    filters: &Filters,
    order: Sort,
    cx: &Context,
) -> Results<'a> {
    find_with(all, &Facts::of(all), index, text, filters, order, cx)
}

/// `find`, with `facts` made beforehand by `Facts::of(all)`.
pub fn find_with<'a>(
    all: &'a [Listing],
    facts: &Facts,
    index: &Index,
    text: &str,
    filters: &Filters,
    order: Sort,
    cx: &Context,
) -> Results<'a> {
    let time = |i: usize, l: &Listing| facts.time.get(i).copied().unwrap_or_else(|| time_needed(l));
    // Each listing travels with its position in `all`, so the caller can index its own copy.
    let open: Vec<(usize, &Listing, TimeNeeded)> = all
        .iter()
        .enumerate()
        .filter(|(_, l)| l.availability(cx.today) == Availability::Open)
        .map(|(i, l)| (i, l, time(i, l)))
        .collect();
    let has_text = !crate::search::query_words(text).is_empty();
    type Candidate<'l> = (usize, &'l Listing, TimeNeeded, f32);
    let (candidates, words): (Vec<Candidate<'a>>, _) = if has_text {
        let TextFound { hits, words } = index.search(text);
        let by_id: HashMap<&str, (usize, &Listing, TimeNeeded), BuildHasherDefault<FxHasher>> =
            open.iter()
                .map(|(i, l, t)| (l.id.as_str(), (*i, *l, *t)))
                .collect();
        (
            hits.iter()
                .filter_map(|h| {
                    by_id
                        .get(h.id.as_str())
                        .map(|(i, l, t)| (*i, *l, *t, h.score))
                })
                .collect(),
            words,
        )
    } else {
        (
            open.iter().map(|(i, l, t)| (*i, *l, *t, 0.0)).collect(),
            Default::default(),
        )
    };
    let counts = counts_timed(filters, candidates.iter().map(|(_, l, t, _)| (*l, *t)), cx);
    let mut rows: Vec<(usize, &Listing, f32)> = candidates
        .iter()
        .filter(|(_, l, t, _)| pass_timed(filters, l, cx, || *t).iter().all(|p| *p))
        .map(|(i, l, _, s)| (*i, *l, *s))
        .collect();
    sort_rows(&mut rows, |r| r.1, |r| r.2, order, has_text);
    Results {
        listings: rows.iter().map(|(_, l, _)| *l).collect(),
        rows: rows.iter().map(|(i, _, _)| *i).collect(),
        counts,
        words,
        open: open.len(),
        text_matches: candidates.len(),
    }
}
