//! Full-text search over listings: word forms, prefixes, typos, a thesaurus, places, and
//! partial matches when nothing has every word.
//!
//! - Text is split into words, lower-cased, accents folded ("café" → "cafe"), possessives
//!   dropped, and stemmed with the Snowball English stemmer (`text`): "volunteering" and
//!   "volunteers" both become "volunt". The same rules apply to listings and to what people type.
//! - Very common words ("the", "and", …) are neither indexed nor searched for, and words that
//!   carry no topic ("things", "get", "my", "near me", "opportunities") are not required
//!   (`intent`). A town or postcode district typed ("cardiff", "ls6") is a place: listings in
//!   or within `PLACE_MILES` of it match, as well as listings that name it.
//! - Each remaining word matches exactly (by stem), as the start of a longer word ("diab" →
//!   "diabetes"), or with one typo (a letter missing, extra, changed, or two swapped), checked
//!   against the stems and the words as written ("refugess" → "refugees"). Words of five letters
//!   or more get the usual rule; four-letter words a tighter one (`text::short_typo`: "covd" →
//!   "covid"). A word that is itself in the index is taken as meant: "mental" never finds
//!   "dental".
//! - A phrase of the thesaurus ("memory loss") also finds its group's other phrases
//!   ("dementia"); "paid" and "online" also match listings whose payment or attendance says so.
//! - When at least `FEW` listings have every word, only those are found. Otherwise the best
//!   partial matches follow them, the listings with the most words first (`Search::all` is
//!   false, so the screen can say so).
//! - Ranking: how many words matched, then how many matched as typed (not through the
//!   thesaurus), then BM25 per field with boosts (title 3, topics 2, organisation and summary
//!   1.5, description 1). Exact words score more than prefixes, prefixes more than typos.
//! - The index is incremental: `upsert` and `remove` touch only the listing concerned.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use crate::listing::{Attendance, Listing};
use crate::places;

pub mod intent;
pub mod text;
pub mod thesaurus;
pub mod words;

use text::{each_token, letters, short_typo};
pub use text::{each_word, is_stop_word, within_one_edit};

/// The fields searched, in the order of `BOOST`.
pub const FIELDS: usize = 5;
const BOOST: [f32; FIELDS] = [3.0, 1.5, 2.0, 1.5, 1.0];
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Weight of a word matched as a prefix of a longer word, times (typed length / word length).
const PREFIX_WEIGHT: f32 = 0.8;
/// Weight of a word matched with one typo.
const TYPO_WEIGHT: f32 = 0.5;
/// Weight of a four-letter word matched with one typo.
const SHORT_TYPO_WEIGHT: f32 = 0.4;
/// Weight of a match through the thesaurus.
const SYNONYM_WEIGHT: f32 = 0.6;
/// Typos are forgiven in words this long or longer with the usual rule.
pub const TYPO_MIN_LEN: usize = 5;
/// Four-letter words get one typo with the tighter rule.
pub const SHORT_TYPO_LEN: usize = 4;
/// A place typed in the query matches listings within this many miles of it.
pub const PLACE_MILES: f64 = crate::filter::DEFAULT_RADIUS as f64;
/// Score of a listing at the place typed (less with distance).
const PLACE_SCORE: f32 = 4.0;
/// The score of a hit is (words matched × COVER + words matched as typed × EXACT + BM25), so
/// the order holds when the list sorts by score.
const COVER: f32 = 4096.0;
/// With fewer listings than this (a screenful) having every part, partial matches follow them.
pub const FEW: usize = 10;
const EXACT: f32 = 512.0;

/// FxHash: fast hashing of short strings (the standard SipHash is several times slower here, and
/// nothing here is keyed by untrusted input that could be chosen to collide at scale).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);
impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}
type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The words of a query the index searches for: stems of the words that carry a topic, and the
/// place typed. Empty when nothing is left to search for (the list then shows everything).
pub fn query_words(query: &str) -> Vec<String> {
    let i = intent::read(query);
    let mut out: Vec<String> = i.words.into_iter().map(|w| w.stem).collect();
    if let Some(p) = i.place {
        out.extend(p.stems);
    }
    out
}

/// One listing's use of a word in one field, packed in 32 bits: the listing's slot (23 bits),
/// the field (3 bits) and how many times the word is there (6 bits: counts above 63 are taken as
/// 63, where BM25 has long since flattened out).
#[derive(Clone, Copy, Debug)]
struct Posting(u32);

/// The index holds at most this many listings at once (the slots a posting can name).
pub const MAX_LISTINGS: usize = 1 << 23;

impl Posting {
    fn new(doc: u32, field: u8, tf: usize) -> Self {
        Posting(doc << 9 | (field as u32) << 6 | tf.min(63) as u32)
    }
    #[inline(always)]
    fn doc(self) -> u32 {
        self.0 >> 9
    }
    #[inline(always)]
    fn field(self) -> usize {
        (self.0 >> 6 & 7) as usize
    }
    #[inline(always)]
    fn tf(self) -> f32 {
        (self.0 & 63) as f32
    }
}

/// What a listing says about itself that a query word can ask for (`FACET_*` bits).
const FACET_PAID: u8 = 1;
const FACET_ONLINE: u8 = 2;

#[derive(Clone, Debug)]
struct Doc {
    id: Id,
    /// Distinct term ids, so removal visits only these postings.
    terms: Vec<u32>,
}

/// Per-search scratch for one listing (kept between searches, reset after each).
#[derive(Clone, Copy, Debug, Default)]
struct Acc {
    /// Best score for the current part.
    best: f32,
    /// Sum of the parts' best scores.
    total: f32,
    /// Parts matched, and parts matched as typed (not through the thesaurus).
    mask: u32,
    exact: u32,
    /// 0 untouched in this part, 1 matched through the thesaurus, 2 matched as typed.
    how: u8,
    /// Words of the current phrase found so far, and their score.
    pcount: u8,
    psum: f32,
}

/// Each slot's place in id order, and the slot at each place.
#[derive(Debug, Default)]
struct Order {
    rank: Vec<u32>,
    slot: Vec<u32>,
    /// The ids in order (shared with `docs`).
    ids: Vec<Id>,
    /// Per slot and field, BM25's length normalisation times K1 (`K1 * (1 - B + B * len /
    /// average len)`), made once rather than for every posting a search reads. Here because it
    /// changes when `order` does: whenever a listing is added or removed.
    knorm: Vec<[f32; FIELDS]>,
}

/// Bits per digit of `radix_sort_high`: three digits cover the 32 bits sorted on.
const DIGIT: u32 = 11;

/// Sorts `keys` already in order by their low 32 bits, by the high 32 bits (LSD radix sort,
/// 11 bits at a time, skipping digits all keys share; stable, so the low bits' order stays
/// among equal high bits): the keys of a search's hits, thousands of them for a common word.
/// A search's scores share their top digit (the float's exponent), so two passes usually do.
/// `tmp` is room as long as `keys`; returns whichever of the two holds the sorted keys.
fn radix_sort_high<'a>(mut keys: &'a mut [u64], mut tmp: &'a mut [u64]) -> &'a [u64] {
    const N: usize = 1 << DIGIT;
    const MASK: u32 = N as u32 - 1;
    if keys.len() <= 64 {
        keys.sort_unstable();
        return keys;
    }
    let mut c0 = [0u32; N];
    let mut c1 = [0u32; N];
    let mut c2 = [0u32; N];
    for &k in keys.iter() {
        let h = (k >> 32) as u32;
        c0[(h & MASK) as usize] += 1;
        c1[(h >> DIGIT & MASK) as usize] += 1;
        c2[(h >> (2 * DIGIT)) as usize] += 1;
    }
    for (b, c) in [c0, c1, c2].iter_mut().enumerate() {
        let shift = 32 + DIGIT as usize * b;
        // Every key has the same digit here: nothing to do.
        let first = (keys[0] >> shift) as u32 & MASK;
        if c[first as usize] as usize == keys.len() {
            continue;
        }
        let mut sum = 0;
        for a in c.iter_mut() {
            let n = *a;
            *a = sum;
            sum += n;
        }
        for &k in keys.iter() {
            let d = (k >> shift) as u32 & MASK;
            tmp[c[d as usize] as usize] = k;
            c[d as usize] += 1;
        }
        std::mem::swap(&mut keys, &mut tmp);
    }
    keys
}

/// Each term once, with its best weight, in term order.
fn merged(mut v: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    v.sort_unstable_by_key(|x| x.0);
    v.dedup_by(|b, a| {
        if a.0 == b.0 {
            a.1 = a.1.max(b.1);
            true
        } else {
            false
        }
    });
    v
}

/// What a search works in: one `Acc` per slot, and the slots touched (so only those are reset).
/// The lists of slots are as long as there are slots (a slot is in each at most once), and
/// filled by index with a count beside them: no `push` (a call per hit in the app's wasm, whose
/// profile optimises for size).
#[derive(Debug, Default)]
struct Work {
    acc: Vec<Acc>,
    /// Slots matching any part so far.
    any: Vec<u32>,
    /// Slots matching the current part.
    cur: Vec<u32>,
    /// Slots with part of the current phrase.
    ptouched: Vec<u32>,
    /// The hits' sort keys, and room for sorting them.
    keys: Vec<u64>,
    tmp: Vec<u64>,
    /// The hits' places in id order, one bit each.
    ranks: Vec<u64>,
}

/// A list of slots filled by index (see `Work`).
struct Slots<'a> {
    v: &'a mut [u32],
    n: usize,
}

impl Slots<'_> {
    #[inline(always)]
    fn push(&mut self, d: u32) {
        self.v[self.n] = d;
        self.n += 1;
    }
    #[inline(always)]
    fn as_slice(&self) -> &[u32] {
        &self.v[..self.n]
    }
}

/// Records that slot `d` matches the current part with score `s`.
#[inline(always)]
fn hit(acc: &mut [Acc], cur: &mut Slots, d: u32, s: f32, exact: bool) {
    let a = &mut acc[d as usize];
    if a.how == 0 {
        cur.push(d);
        a.how = 1;
    }
    if exact {
        a.how = 2;
    }
    if s > a.best {
        a.best = s;
    }
}

#[derive(Clone, Debug, Default)]
struct Term {
    /// The stem.
    text: Box<str>,
    postings: Vec<Posting>,
    df: [u32; FIELDS],
}

/// A term's postings, a listing at a time: `doc` gives the next listing, then `score` (its
/// BM25 for the term) or `skip` moves past it. Scoring only the listings that need it saves the
/// arithmetic for the rest (a phrase's later words). Everything inlined: the app's wasm profile
/// optimises for size and would otherwise call a function per posting.
struct Scorer<'a> {
    ps: &'a [Posting],
    k: usize,
    idf: [f32; FIELDS],
    knorm: &'a [[f32; FIELDS]],
}

impl Scorer<'_> {
    #[inline(always)]
    fn doc(&self) -> Option<u32> {
        // A listing's postings are next to each other (added together, removed together).
        if self.k < self.ps.len() {
            Some(self.ps[self.k].doc())
        } else {
            None
        }
    }

    #[inline(always)]
    fn score(&mut self, d: u32) -> f32 {
        let knorm = &self.knorm[d as usize];
        let ps = self.ps;
        let mut k = self.k;
        let mut s = 0.0;
        while k < ps.len() && ps[k].doc() == d {
            let p = ps[k];
            let fi = p.field();
            let tf = p.tf();
            s += BOOST[fi] * self.idf[fi] * tf * (K1 + 1.0) / (tf + knorm[fi]);
            k += 1;
        }
        self.k = k;
        s
    }

    #[inline(always)]
    fn skip(&mut self, d: u32) {
        let ps = self.ps;
        let mut k = self.k;
        while k < ps.len() && ps[k].doc() == d {
            k += 1;
        }
        self.k = k;
    }
}

/// Keys of the typo and prefix tables: a term (its stem), or with this bit a form as written
/// that differs from its stem ("volunteering" for "volunt").
const FORM: u32 = 1 << 31;

/// The search index. Build with `upsert` (also for changes) and `remove`.
#[derive(Debug, Default)]
pub struct Index {
    lookup: FxMap<Box<str>, u32>,
    terms: Vec<Term>,
    /// Words as written that differ from their stem, with their term.
    forms: Vec<(Box<str>, u32)>,
    /// Hashes of `forms`, to add each once (a rare hash collision only leaves a form out of
    /// the typo and prefix tables; its stem is still there).
    form_seen: FxMap<u64, u32>,
    /// (key, letter mask) by length in chars, for the typo scan.
    by_len: Vec<Vec<(u32, u32)>>,
    /// Keys sorted by text, for prefixes; rebuilt lazily after new words are added.
    sorted: RefCell<Option<Vec<u32>>>,
    /// The listings in id order (equal scores are shown in id order); rebuilt lazily after a
    /// listing is added or removed.
    order: RefCell<Option<Order>>,
    docs: Vec<Option<Doc>>,
    /// Per slot: the length of each field in words (for BM25), where the listing takes place
    /// (latitude, longitude; NaN when it does not say) and its `FACET_*` bits. Kept apart from
    /// `docs` so a search reads only what it needs.
    lens: Vec<[u16; FIELDS]>,
    geo: Vec<[f32; 2]>,
    facets: Vec<u8>,
    free: Vec<u32>,
    slots: FxMap<Id, u32>,
    len_sum: [u64; FIELDS],
    live: u32,
    scratch: Vec<(u32, u8)>,
    work: RefCell<Work>,
}

/// A listing's id as the index holds it: shared, so a hit carries it without a copy.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(Arc<str>);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.into())
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.0.to_string()
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, o: &str) -> bool {
        &*self.0 == o
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, o: &&str) -> bool {
        &*self.0 == *o
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, o: &String) -> bool {
        *self.0 == **o
    }
}

/// One match: the listing's id and its relevance score (higher is better).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub id: Id,
    pub score: f32,
}

/// The outcome of a search: hits best first, and the indexed words that matched (stems, for
/// highlighting).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub words: HashSet<String>,
}

/// One part of a query (a word, a thesaurus phrase, or a place) and how many listings match it.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// As typed ("memory loss", "cardiff").
    pub label: String,
    /// Listings matching this part.
    pub matching: usize,
    /// Listings matching every other part (what removing this one would find).
    pub without: usize,
}

/// A search with what the screen needs to explain it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Search {
    pub found: Found,
    /// True when every hit has every part (also when there are no hits). False: fewer than
    /// `FEW` listings had them all, and the best partial matches follow those.
    pub all: bool,
    /// How many hits (the first ones) have every part.
    pub complete: usize,
    pub parts: Vec<Part>,
    /// The query said "near me".
    pub near_me: bool,
    /// Words left out as carrying no topic, as typed.
    pub dropped: Vec<String>,
}

/// The text of a listing's searchable fields, in the order of `BOOST`.
pub fn fields(l: &Listing) -> [String; FIELDS] {
    [
        l.title.clone(),
        l.organisation.name.clone(),
        l.topics.join(" · "),
        l.summary.clone(),
        l.description.clone(),
    ]
}

fn hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

/// Where a listing takes place, from its coordinates, else its postcode or town in the table.
fn geo_of(l: &Listing) -> Option<[f32; 2]> {
    let p = l.attendance.place()?;
    let g = p
        .geo
        .or_else(|| p.postcode.as_deref().and_then(places::find).map(|f| f.geo))
        .or_else(|| places::find(&p.name).map(|f| f.geo))?;
    Some([g.lat as f32, g.lng as f32])
}

fn facets_of(l: &Listing) -> u8 {
    let mut f = 0;
    if l.payment.is_paid() {
        f |= FACET_PAID;
    }
    if matches!(l.attendance, Attendance::Online | Attendance::Hybrid { .. }) {
        f |= FACET_ONLINE;
    }
    f
}

/// How one part of a query can be met.
enum Alt {
    /// A word as typed: its stem, prefixes and typos.
    Typed(intent::QWord),
    /// Every stem, each exactly (a phrase); `exact` is false for the thesaurus's other phrases.
    Phrase {
        stems: Vec<String>,
        exact: bool,
    },
    Facet(u8),
    Near([f32; 2]),
}

struct Concept {
    label: String,
    alts: Vec<Alt>,
}

impl Index {
    pub fn new() -> Self {
        Self::default()
    }

    /// Listings indexed.
    pub fn len(&self) -> usize {
        self.live as usize
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Distinct stems ever seen (those of removed listings stay, with no postings).
    pub fn vocabulary(&self) -> usize {
        self.terms.len()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.slots.contains_key(id)
    }

    /// Adds a listing, or replaces the one with the same id.
    pub fn upsert(&mut self, l: &Listing) {
        let f = [
            l.title.as_str(),
            l.organisation.name.as_str(),
            "",
            l.summary.as_str(),
            l.description.as_str(),
        ];
        self.upsert_fields(&l.id, f, &l.topics);
        if let Some(&slot) = self.slots.get(l.id.as_str()) {
            self.geo[slot as usize] = geo_of(l).unwrap_or([f32::NAN; 2]);
            self.facets[slot as usize] = facets_of(l);
        }
    }

    /// Adds or replaces a document from its parts (`fields[2]` is ignored: topics are given
    /// separately, each topic's words counted once). No place or facts: see `upsert`.
    /// Beyond `MAX_LISTINGS` listings, more are not indexed.
    pub fn upsert_fields(&mut self, id: &str, fields: [&str; FIELDS], topics: &[String]) {
        self.remove(id);
        *self.order.get_mut() = None;
        let slot = match self.free.pop() {
            Some(s) => s,
            None if self.docs.len() < MAX_LISTINGS => {
                self.docs.push(None);
                self.lens.push([0; FIELDS]);
                self.geo.push([f32::NAN; 2]);
                self.facets.push(0);
                (self.docs.len() - 1) as u32
            }
            None => return,
        };
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let mut len = [0u16; FIELDS];
        for (field, text) in fields.iter().enumerate() {
            if field == 2 {
                for t in topics {
                    self.words_into(t, field as u8, &mut scratch, &mut len[field]);
                }
            } else {
                self.words_into(text, field as u8, &mut scratch, &mut len[field]);
            }
        }
        scratch.sort_unstable();
        let mut doc_terms = Vec::new();
        let mut i = 0;
        while i < scratch.len() {
            let (t, field) = scratch[i];
            let mut j = i + 1;
            while j < scratch.len() && scratch[j] == (t, field) {
                j += 1;
            }
            let term = &mut self.terms[t as usize];
            term.postings.push(Posting::new(slot, field, j - i));
            term.df[field as usize] += 1;
            if doc_terms.last() != Some(&t) {
                doc_terms.push(t);
            }
            i = j;
        }
        self.scratch = scratch;
        for (f, n) in len.iter().enumerate() {
            self.len_sum[f] += *n as u64;
        }
        doc_terms.shrink_to_fit();
        let id = Id::from(id);
        self.docs[slot as usize] = Some(Doc {
            id: id.clone(),
            terms: doc_terms,
        });
        self.lens[slot as usize] = len;
        self.geo[slot as usize] = [f32::NAN; 2];
        self.facets[slot as usize] = 0;
        self.slots.insert(id, slot);
        self.live += 1;
    }

    fn add_key(&mut self, key: u32, text: &str) {
        let chars = text.chars().count().min(255);
        if self.by_len.len() <= chars {
            self.by_len.resize(chars + 1, Vec::new());
        }
        self.by_len[chars].push((key, letters(text)));
        *self.sorted.get_mut() = None;
    }

    fn words_into(&mut self, text: &str, field: u8, out: &mut Vec<(u32, u8)>, len: &mut u16) {
        let mut new_keys: Vec<(u32, Box<str>)> = Vec::new();
        each_token(text, |_, _, w, st| {
            if is_stop_word(w) {
                return;
            }
            *len = len.saturating_add(1);
            let t = match self.lookup.get(st) {
                Some(&t) => t,
                None => {
                    let t = self.terms.len() as u32;
                    self.terms.push(Term {
                        text: st.into(),
                        ..Term::default()
                    });
                    self.lookup.insert(st.into(), t);
                    new_keys.push((t, st.into()));
                    t
                }
            };
            if w != st {
                let h = hash(w);
                if !self.form_seen.contains_key(&h) {
                    let f = self.forms.len() as u32;
                    self.forms.push((w.into(), t));
                    self.form_seen.insert(h, f);
                    new_keys.push((f | FORM, w.into()));
                }
            }
            out.push((t, field));
        });
        for (k, text) in new_keys {
            self.add_key(k, &text);
        }
    }

    /// Removes a listing; does nothing if it is not indexed.
    pub fn remove(&mut self, id: &str) {
        let Some(slot) = self.slots.remove(id) else {
            return;
        };
        *self.order.get_mut() = None;
        let Some(doc) = self.docs[slot as usize].take() else {
            return;
        };
        for t in &doc.terms {
            let term = &mut self.terms[*t as usize];
            let df = &mut term.df;
            term.postings.retain(|p| {
                if p.doc() == slot {
                    df[p.field()] -= 1;
                    false
                } else {
                    true
                }
            });
        }
        let s = slot as usize;
        for (f, n) in self.lens[s].iter().enumerate() {
            self.len_sum[f] -= *n as u64;
        }
        self.lens[s] = [0; FIELDS];
        self.geo[s] = [f32::NAN; 2];
        self.facets[s] = 0;
        self.free.push(slot);
        self.live -= 1;
    }

    /// Does now the work the first search after new words would otherwise do (sorting the
    /// vocabulary for prefixes). Optional.
    /// Also makes the search's scratch (`Acc` per listing), so the memory it keeps is counted
    /// with the index.
    pub fn prepare(&self) {
        drop(self.sorted_keys());
        drop(self.order());
        let mut w = self.work.borrow_mut();
        let n = self.docs.len();
        if w.acc.len() < n {
            w.acc.resize(n, Acc::default());
        }
    }

    /// A key's text and its term. (Inlined, and through slices: the typo scan and the
    /// prefix scan call it for each candidate.)
    #[inline(always)]
    fn key(&self, k: u32) -> (&str, u32) {
        if k & FORM != 0 {
            let forms: &[(Box<str>, u32)] = &self.forms;
            let (text, t) = &forms[(k & !FORM) as usize];
            (text, *t)
        } else {
            let terms: &[Term] = &self.terms;
            (&terms[k as usize].text, k)
        }
    }

    fn sorted_keys(&self) -> std::cell::Ref<'_, Vec<u32>> {
        if self.sorted.borrow().is_none() {
            let mut keys: Vec<u32> = (0..self.terms.len() as u32)
                .chain((0..self.forms.len() as u32).map(|f| f | FORM))
                .collect();
            keys.sort_unstable_by(|a, b| self.key(*a).0.cmp(self.key(*b).0));
            *self.sorted.borrow_mut() = Some(keys);
        }
        std::cell::Ref::map(self.sorted.borrow(), |s| s.as_ref().unwrap_or(&EMPTY))
    }

    fn order(&self) -> std::cell::Ref<'_, Order> {
        if self.order.borrow().is_none() {
            let mut slot: Vec<u32> = (0..self.docs.len() as u32)
                .filter(|s| self.docs[*s as usize].is_some())
                .collect();
            slot.sort_unstable_by(|a, b| self.id_of(*a).cmp(self.id_of(*b)));
            let mut rank = vec![u32::MAX; self.docs.len()];
            for (r, s) in slot.iter().enumerate() {
                rank[*s as usize] = r as u32;
            }
            let ids = slot.iter().map(|s| self.id(*s)).collect();
            let avg = self.avg_lens();
            let knorm = self
                .lens
                .iter()
                .map(|len| std::array::from_fn(|fi| K1 * (1.0 - B + B * len[fi] as f32 / avg[fi])))
                .collect();
            *self.order.borrow_mut() = Some(Order {
                rank,
                slot,
                ids,
                knorm,
            });
        }
        std::cell::Ref::map(self.order.borrow(), |o| o.as_ref().unwrap_or(&NO_ORDER))
    }

    /// The average length of each field in words (at least 1).
    fn avg_lens(&self) -> [f32; FIELDS] {
        let live = self.live as f32;
        std::array::from_fn(|f| (self.len_sum[f] as f32 / live).max(1.0))
    }

    /// How many postings term `t` has (about how many listings hold it).
    fn postings(&self, t: u32) -> usize {
        self.terms[t as usize].postings.len()
    }

    #[inline(always)]
    fn live_term(&self, t: u32) -> bool {
        let terms: &[Term] = &self.terms;
        !terms[t as usize].postings.is_empty()
    }

    /// The terms a typed word stands for, each with its weight: its stem, longer words it
    /// starts, and words one typo away (see the module notes).
    fn expand(&self, surface: &str, stem: &str) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = Vec::new();
        // Repeats (a stem and its forms) are merged at the end, keeping the best weight.
        let push = |out: &mut Vec<(u32, f32)>, t: u32, w: f32| out.push((t, w));
        let mut known = false;
        if let Some(&t) = self.lookup.get(stem) {
            if self.live_term(t) {
                out.push((t, 1.0));
                known = true;
            }
        }
        let qchars = surface.chars().count();
        {
            let sorted = self.sorted_keys();
            let start = sorted.partition_point(|k| self.key(*k).0 < surface);
            for &k in &sorted[start..] {
                let (text, t) = self.key(k);
                if !text.starts_with(surface) {
                    break;
                }
                if self.live_term(t) {
                    let w = if text.len() == surface.len() {
                        1.0
                    } else {
                        PREFIX_WEIGHT * qchars as f32 / text.chars().count().max(1) as f32
                    };
                    push(&mut out, t, w);
                }
            }
        }
        if known || qchars < SHORT_TYPO_LEN || !surface.is_ascii() && qchars < TYPO_MIN_LEN {
            return merged(out);
        }
        let short = qchars < TYPO_MIN_LEN;
        let qb = surface.as_bytes();
        let sb = stem.as_bytes();
        let qmask = letters(surface);
        let smask = letters(stem);
        let qv: Vec<char> = surface.chars().collect();
        let q_ascii = surface.is_ascii();
        let mut buf: Vec<char> = Vec::with_capacity(32);
        let lo = if short { qchars } else { qchars - 1 };
        let hi = (qchars + 1).min(self.by_len.len().saturating_sub(1));
        for n in lo..=hi {
            for &(k, mask) in self.by_len.get(n).map(Vec::as_slice).unwrap_or(&[]) {
                // One edit changes at most two letters of the set of letters used.
                if (mask ^ qmask).count_ones() > 2 {
                    continue;
                }
                let (text, t) = self.key(k);
                if !self.live_term(t) || text == surface {
                    continue;
                }
                let tb = text.as_bytes();
                let close = if short {
                    short_typo(qb, tb)
                } else if q_ascii && text.is_ascii() {
                    // Cheap first check: words one edit apart share a first or second letter.
                    let shares = tb[0] == qb[0]
                        || tb.get(1) == qb.get(1)
                        || tb.first() == qb.get(1)
                        || tb.get(1) == qb.first();
                    shares && within_one_edit(qb, tb)
                } else {
                    buf.clear();
                    buf.extend(text.chars());
                    within_one_edit(&qv, &buf)
                };
                if close {
                    push(
                        &mut out,
                        t,
                        if short {
                            SHORT_TYPO_WEIGHT
                        } else {
                            TYPO_WEIGHT
                        },
                    );
                }
            }
        }
        // The typed word's stem against the stems ("volunteerd" → "volunteer" → "volunt").
        if !short && stem != surface && stem.len() >= TYPO_MIN_LEN {
            let n = stem.chars().count();
            for len in n.saturating_sub(1)..=n + 1 {
                for &(k, mask) in self.by_len.get(len).map(Vec::as_slice).unwrap_or(&[]) {
                    if k & FORM != 0 || (mask ^ smask).count_ones() > 2 {
                        continue;
                    }
                    let (text, t) = self.key(k);
                    if self.live_term(t) && text != stem && within_one_edit(sb, text.as_bytes()) {
                        push(&mut out, t, TYPO_WEIGHT);
                    }
                }
            }
        }
        merged(out)
    }

    /// The parts of a query: its words, thesaurus phrases and place, in order.
    fn concepts(&self, it: &intent::Intent) -> Vec<Concept> {
        let stems: Vec<&str> = it.words.iter().map(|w| w.stem.as_str()).collect();
        let groups = thesaurus::stemmed();
        let mut out: Vec<Concept> = Vec::new();
        let mut place_done = false;
        let mut i = 0;
        while i < it.words.len() {
            if let Some(p) = it.place.as_ref().filter(|p| p.at == i && !place_done) {
                out.push(self.place_concept(p));
                place_done = true;
            }
            if let Some((g, p, n)) = thesaurus::longest_at(&stems[i..]) {
                let label = it.words[i..i + n]
                    .iter()
                    .map(|w| w.surface.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let mut alts = Vec::new();
                if n == 1 {
                    alts.push(Alt::Typed(it.words[i].clone()));
                } else {
                    alts.push(Alt::Phrase {
                        stems: groups[g][p].clone(),
                        exact: true,
                    });
                }
                for (q, other) in groups[g].iter().enumerate() {
                    if q != p {
                        alts.push(Alt::Phrase {
                            stems: other.clone(),
                            exact: false,
                        });
                    }
                }
                match thesaurus::GROUPS[g][0] {
                    "paid" => alts.push(Alt::Facet(FACET_PAID)),
                    "online" => alts.push(Alt::Facet(FACET_ONLINE)),
                    _ => {}
                }
                out.push(Concept { label, alts });
                i += n;
            } else {
                out.push(Concept {
                    label: it.words[i].surface.clone(),
                    alts: vec![Alt::Typed(it.words[i].clone())],
                });
                i += 1;
            }
        }
        if let Some(p) = it.place.as_ref().filter(|_| !place_done) {
            out.push(self.place_concept(p));
        }
        out.truncate(32);
        out
    }

    fn place_concept(&self, p: &intent::QPlace) -> Concept {
        Concept {
            label: p.typed.clone(),
            alts: vec![
                Alt::Near([p.geo.lat as f32, p.geo.lng as f32]),
                Alt::Phrase {
                    stems: p.stems.clone(),
                    exact: true,
                },
            ],
        }
    }

    /// Walks the listings holding term `t`, scoring those asked for (see `Scorer`).
    #[inline(always)]
    fn scorer<'a>(&'a self, t: u32, knorm: &'a [[f32; FIELDS]]) -> Scorer<'a> {
        let term = &self.terms[t as usize];
        let live = self.live as f32;
        // Only for the fields the word is in (the logarithm is dear in wasm).
        let idf: [f32; FIELDS] = std::array::from_fn(|i| {
            let df = term.df[i] as f32;
            if df == 0.0 {
                0.0
            } else {
                (1.0 + (live - df + 0.5) / (df + 0.5)).ln()
            }
        });
        Scorer {
            ps: &term.postings,
            k: 0,
            idf,
            knorm,
        }
    }

    /// Calls `f(doc, bm25)` for each live document holding term `t`.
    #[inline(always)]
    fn each_scored(&self, t: u32, knorm: &[[f32; FIELDS]], mut f: impl FnMut(u32, f32)) {
        let mut sc = self.scorer(t, knorm);
        while let Some(d) = sc.doc() {
            f(d, sc.score(d));
        }
    }

    /// Searches (see the module notes). An empty query (or one of stop words and words that
    /// carry no topic) finds nothing: callers show everything instead.
    pub fn search(&self, query: &str) -> Found {
        self.search_explained(query).found
    }

    /// `search`, with what the screen needs to explain partial matches.
    pub fn search_explained(&self, query: &str) -> Search {
        let it = intent::read(query);
        let mut out = Search {
            all: true,
            near_me: it.near_me,
            dropped: it.dropped.clone(),
            ..Search::default()
        };
        let concepts = self.concepts(&it);
        if concepts.is_empty() || self.live == 0 {
            out.parts = concepts
                .into_iter()
                .map(|c| Part {
                    label: c.label,
                    matching: 0,
                    without: 0,
                })
                .collect();
            return out;
        }
        let n = self.docs.len();
        let order = self.order();
        let knorm: &[[f32; FIELDS]] = &order.knorm;
        let mut work = self.work.borrow_mut();
        let Work {
            acc,
            any,
            cur,
            ptouched,
            keys,
            tmp,
            ranks,
        } = &mut *work;
        if acc.len() < n {
            acc.resize(n, Acc::default());
        }
        for v in [&mut *any, &mut *cur, &mut *ptouched] {
            if v.len() < n {
                v.resize(n, 0);
            }
        }
        let acc = &mut acc[..n];
        let nc = concepts.len();
        ranks.clear();
        ranks.resize(order.slot.len().div_ceil(64), 0);
        let rank: &[u32] = &order.rank;
        let ranks: &mut [u64] = ranks;
        // With one part, the listings touched are those that have it, each marked at its place
        // in id order as its part ends (no second pass over them).
        let mut only = 0;
        let mut any = Slots { v: any, n: 0 };
        let mut cur = Slots { v: cur, n: 0 };
        let mut ptouched = Slots { v: ptouched, n: 0 };
        let words = &mut out.found.words;
        for (ci, c) in concepts.iter().enumerate() {
            for alt in &c.alts {
                match alt {
                    Alt::Typed(w) => {
                        let terms = self.expand(&w.surface, &w.stem);
                        // Hashed once each (a prefix can stand for hundreds of words).
                        words.reserve(terms.len());
                        for (t, weight) in terms {
                            words.insert(self.terms[t as usize].text.to_string());
                            self.each_scored(t, knorm, |d, s| {
                                hit(acc, &mut cur, d, s * weight, true)
                            });
                        }
                    }
                    Alt::Phrase { stems, exact: ex } => {
                        let mut ts: Vec<u32> = stems
                            .iter()
                            .filter_map(|s| self.lookup.get(s.as_str()).copied())
                            .filter(|t| self.live_term(*t))
                            .collect();
                        if ts.len() != stems.len() || ts.is_empty() {
                            continue;
                        }
                        // Of two words, the rarer first: only the listings that have it are
                        // scored for the other ("hearing loss": "loss", then "hear" only where
                        // "loss" is). Two scores add up the same either way round.
                        if ts.len() == 2 && self.postings(ts[1]) < self.postings(ts[0]) {
                            ts.swap(0, 1);
                        }
                        let mut found_any = false;
                        for (j, &t) in ts.iter().enumerate() {
                            let mut sc = self.scorer(t, knorm);
                            while let Some(d) = sc.doc() {
                                let a = &mut acc[d as usize];
                                if a.pcount as usize == j {
                                    if j == 0 {
                                        ptouched.push(d);
                                    }
                                    a.pcount += 1;
                                    a.psum += sc.score(d);
                                } else {
                                    sc.skip(d);
                                }
                            }
                        }
                        let weight = if *ex { 1.0 } else { SYNONYM_WEIGHT };
                        for &d in ptouched.as_slice() {
                            let a = &mut acc[d as usize];
                            let (count, sum) = (a.pcount, a.psum);
                            a.pcount = 0;
                            a.psum = 0.0;
                            if count as usize == ts.len() {
                                hit(acc, &mut cur, d, sum * weight, *ex);
                                found_any = true;
                            }
                        }
                        ptouched.n = 0;
                        if found_any {
                            for &t in &ts {
                                words.insert(self.terms[t as usize].text.to_string());
                            }
                        }
                    }
                    Alt::Facet(bit) => {
                        for (d, f) in self.facets.iter().enumerate() {
                            if f & bit != 0 {
                                hit(acc, &mut cur, d as u32, 2.0, true);
                            }
                        }
                    }
                    Alt::Near([lat, lng]) => {
                        let dlat = (PLACE_MILES / 69.0) as f32;
                        let dlng = dlat / lat.to_radians().cos().max(0.2);
                        for (d, &[a, b]) in self.geo.iter().enumerate() {
                            // False for NaN (no place): those listings are left out.
                            if !((a - lat).abs() <= dlat && (b - lng).abs() <= dlng) {
                                continue;
                            }
                            let miles = places::miles(
                                crate::listing::Geo {
                                    lat: *lat as f64,
                                    lng: *lng as f64,
                                },
                                crate::listing::Geo {
                                    lat: a as f64,
                                    lng: b as f64,
                                },
                            );
                            if miles <= PLACE_MILES {
                                let s = PLACE_SCORE * (1.0 - (miles / PLACE_MILES) as f32 / 2.0);
                                hit(acc, &mut cur, d as u32, s, true);
                            }
                        }
                    }
                }
            }
            let bit = 1u32 << ci;
            if nc == 1 {
                for &d in cur.as_slice() {
                    let a = &mut acc[d as usize];
                    a.mask = bit;
                    if a.how == 2 {
                        a.exact = bit;
                    }
                    a.total += a.best;
                    a.best = 0.0;
                    a.how = 0;
                    let r = rank[d as usize] as usize;
                    ranks[r / 64] |= 1 << (r % 64);
                }
                only = cur.n;
            } else {
                for &d in cur.as_slice() {
                    let a = &mut acc[d as usize];
                    if a.mask == 0 {
                        any.push(d);
                    }
                    a.mask |= bit;
                    if a.how == 2 {
                        a.exact |= bit;
                    }
                    a.total += a.best;
                    a.best = 0.0;
                    a.how = 0;
                }
            }
            cur.n = 0;
        }
        let full: u32 = if concepts.len() == 32 {
            u32::MAX
        } else {
            (1u32 << concepts.len()) - 1
        };
        // One pass over the listings touched (with more than one part): how many have every
        // part, how many each part matches and would leave without it, and a bit per listing at
        // its place in id order.
        let mut matching = [0usize; 32];
        let mut without = [0usize; 32];
        let mut complete = 0;
        let slot: &[u32] = &order.slot;
        let ids: &[Id] = &order.ids;
        if nc == 1 {
            (complete, matching[0], without[0]) = (only, only, only);
        } else {
            for &d in any.as_slice() {
                let m = acc[d as usize].mask;
                complete += (m == full) as usize;
                for ci in 0..nc {
                    let bit = 1u32 << ci;
                    let rest = full & !bit;
                    matching[ci] += (m & bit != 0) as usize;
                    without[ci] += (m & rest == rest) as usize;
                }
                let r = rank[d as usize] as usize;
                ranks[r / 64] |= 1 << (r % 64);
            }
        }
        // Few listings with every part: the best partial matches follow them (ranked below).
        let partial = complete < FEW;
        out.complete = complete;
        // Listings with any part.
        let touched = if nc == 1 { only } else { any.n };
        out.all = !partial || complete == touched;
        out.parts = concepts
            .iter()
            .enumerate()
            .map(|(ci, c)| Part {
                label: c.label.clone(),
                matching: matching[ci],
                without: without[ci],
            })
            .collect();
        // Sorted as integers: the score's bits (higher first; scores are positive, so their
        // bits order as they do) above the listing's place in id order, for equal scores. The
        // hits are gathered in id order, then sorted by score only (a stable sort).
        let kept = if partial { touched } else { complete };
        if keys.len() < kept {
            keys.resize(kept, 0);
        }
        if tmp.len() < kept {
            tmp.resize(kept, 0);
        }
        let mut nk = 0;
        for (i, &word) in ranks.iter().enumerate() {
            let mut w = word;
            while w != 0 {
                let r = i * 64 + w.trailing_zeros() as usize;
                w &= w - 1;
                let d = slot[r] as usize;
                let a = acc[d];
                acc[d] = Acc::default();
                if !partial && a.mask != full {
                    continue;
                }
                // `min` would be a call (to fminf) in wasm; the total is never NaN.
                let bm25 = if a.total < EXACT - 1.0 {
                    a.total
                } else {
                    EXACT - 1.0
                };
                let score =
                    a.mask.count_ones() as f32 * COVER + a.exact.count_ones() as f32 * EXACT + bm25;
                keys[nk] = ((u32::MAX - score.to_bits()) as u64) << 32 | r as u64;
                nk += 1;
            }
        }
        let sorted = radix_sort_high(&mut keys[..nk], &mut tmp[..nk]);
        let mut hits = Vec::with_capacity(nk);
        hits.extend(sorted.iter().map(|&k| Hit {
            id: ids[k as u32 as usize].clone(),
            score: f32::from_bits(u32::MAX - (k >> 32) as u32),
        }));
        out.found.hits = hits;
        out
    }

    fn id(&self, slot: u32) -> Id {
        self.docs[slot as usize]
            .as_ref()
            .map(|d| d.id.clone())
            .unwrap_or_else(|| Id::from(""))
    }

    fn id_of(&self, slot: u32) -> &str {
        self.docs[slot as usize]
            .as_ref()
            .map(|d| d.id.as_str())
            .unwrap_or("")
    }
}

static EMPTY: Vec<u32> = Vec::new();
static NO_ORDER: Order = Order {
    rank: Vec::new(),
    slot: Vec::new(),
    ids: Vec::new(),
    knorm: Vec::new(),
};

/// A piece of text to show, and whether it is a matched word (to be marked, still as text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub hit: bool,
}

/// Splits `text` into pieces, marking the words whose normalised form is in `words`.
pub fn highlight(text: &str, words: &HashSet<String>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut at = 0;
    if !words.is_empty() {
        each_word(text, |s, e, w| {
            if words.contains(w) {
                if s > at {
                    out.push(Piece {
                        text: text[at..s].to_owned(),
                        hit: false,
                    });
                }
                out.push(Piece {
                    text: text[s..e].to_owned(),
                    hit: true,
                });
                at = e;
            }
        });
    }
    if at < text.len() || out.is_empty() {
        out.push(Piece {
            text: text[at..].to_owned(),
            hit: false,
        });
    }
    out
}
