//! Full-text search over listings: words, prefixes, one typo, BM25 with a title boost.
//!
//! - Text is split into words of letters and digits, lower-cased, with common accents folded
//!   ("café" → "cafe"), apostrophes dropped ("children's" → "children") and a light plural fold
//!   ("groups" → "group"). The same rules apply to listings and to what people type.
//! - Very common words ("the", "and", "with", …) are neither indexed nor searched for.
//! - Every word typed must match (AND), each one exactly, as the start of a longer word
//!   ("diab" → "diabetes"), or, for words of five or more letters, with one typo (a letter
//!   missing, extra, changed, or two letters swapped: "dementai" → "dementia"). A word that is
//!   itself in the index is taken as meant: "mental" does not also find "dental".
//! - Ranking is BM25 per field, with boosts: title 3, topics 2, organisation 1.5, summary 1.5,
//!   description 1. Exact words score more than prefixes, prefixes more than typos.
//! - The index is incremental: `upsert` and `remove` touch only the listing concerned.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::listing::Listing;

/// The fields searched, in the order of `BOOST`.
pub const FIELDS: usize = 5;
const BOOST: [f32; FIELDS] = [3.0, 1.5, 2.0, 1.5, 1.0];
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Weight of a word matched as a prefix of a longer word, times (typed length / word length).
const PREFIX_WEIGHT: f32 = 0.8;
/// Weight of a word matched with one typo.
const TYPO_WEIGHT: f32 = 0.5;
/// Typos are forgiven only in words this long or longer (shorter words have too many neighbours).
pub const TYPO_MIN_LEN: usize = 5;

/// Left out of the index and of queries: they match nearly everything and mean little.
const STOP_WORDS: [&str; 30] = [
    "a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have",
    "in", "is", "it", "of", "on", "or", "our", "that", "the", "this", "to", "was", "we", "will",
    "with", "you",
];

pub fn is_stop_word(w: &str) -> bool {
    w.len() <= 5 && STOP_WORDS.binary_search(&w).is_ok()
}

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

fn fold_char(c: char, out: &mut String) {
    match c {
        'a'..='z' | '0'..='9' => out.push(c),
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        _ => {
            for l in c.to_lowercase() {
                let f = match l {
                    'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
                    'ç' => 'c',
                    'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
                    'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
                    'ñ' => 'n',
                    'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
                    'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
                    'ý' | 'ÿ' | 'ŷ' => 'y',
                    'ŵ' => 'w',
                    other => other,
                };
                out.push(f);
            }
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The light plural fold: "groups" → "group", "services" → "service"; "ss" endings and short
/// words are kept ("class", "bus").
fn fold_plural(w: &mut String) {
    if w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss") {
        w.pop();
    }
}

/// Calls `f(start, end, word)` for each word of `text`, with byte offsets into `text` and the
/// normalised word. Stop words are included (callers decide).
pub fn each_word(text: &str, mut f: impl FnMut(usize, usize, &str)) {
    let mut word = String::new();
    let mut start = None::<usize>;
    let mut end = 0;
    // Byte length of `word` before the last apostrophe, to drop a possessive "'s".
    let mut apostrophe_at = None::<usize>;
    let mut finish =
        |word: &mut String, start: &mut Option<usize>, end: usize, ap: &mut Option<usize>| {
            if let Some(s) = start.take() {
                if let Some(at) = ap.take() {
                    if word.len() == at + 1 && word.ends_with('s') {
                        word.truncate(at);
                    }
                }
                fold_plural(word);
                if !word.is_empty() {
                    f(s, end, word);
                }
                word.clear();
            }
        };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            fold_char(c, &mut word);
            end = i + c.len_utf8();
        } else if is_apostrophe(c)
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric())
        {
            apostrophe_at = Some(word.len());
        } else {
            finish(&mut word, &mut start, end, &mut apostrophe_at);
        }
    }
    finish(&mut word, &mut start, end, &mut apostrophe_at);
}

/// The words of a query as the index sees them: normalised, stop words and repeats dropped.
pub fn query_words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    each_word(query, |_, _, w| {
        if !is_stop_word(w) && !out.iter().any(|o| o == w) {
            out.push(w.to_owned());
        }
    });
    out
}

/// True when `a` and `b` differ by at most one edit: a letter inserted, deleted, changed, or two
/// neighbouring letters swapped. Works on chars.
pub fn within_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let mut i = 0;
    while i < la && i < lb && a[i] == b[i] {
        i += 1;
    }
    if i == la && i == lb {
        return true;
    }
    if la == lb {
        // substitution, or a swap of i and i+1
        if a[i + 1..] == b[i + 1..] {
            return true;
        }
        i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
    } else if la > lb {
        a[i + 1..] == b[i..]
    } else {
        a[i..] == b[i + 1..]
    }
}

/// Which letters a word uses, one bit each (digits share bits, anything else one bit): a cheap
/// test that rules out most words before the one-edit check.
fn letters(w: &str) -> u32 {
    w.bytes().fold(0, |m, b| {
        m | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + (b - b'0') % 5),
            _ => 1 << 31,
        }
    })
}

#[derive(Clone, Copy, Debug)]
struct Posting {
    doc: u32,
    field: u8,
    tf: u16,
}

#[derive(Clone, Debug)]
struct Doc {
    id: String,
    len: [u16; FIELDS],
    /// Distinct term ids, so removal visits only these postings.
    terms: Vec<u32>,
}

#[derive(Clone, Debug, Default)]
struct Term {
    text: Box<str>,
    chars: u8,
    postings: Vec<Posting>,
    df: [u32; FIELDS],
}

/// The search index. Build with `upsert` (also for changes) and `remove`.
#[derive(Debug, Default)]
pub struct Index {
    lookup: FxMap<Box<str>, u32>,
    terms: Vec<Term>,
    /// (term id, letter mask) by length in chars, for the typo scan.
    by_len: Vec<Vec<(u32, u32)>>,
    /// Term ids sorted by text, for prefixes; rebuilt lazily after new terms are added.
    sorted: RefCell<Option<Vec<u32>>>,
    docs: Vec<Option<Doc>>,
    free: Vec<u32>,
    slots: FxMap<String, u32>,
    len_sum: [u64; FIELDS],
    live: u32,
    scratch: Vec<(u32, u8)>,
}

/// One match: the listing's id and its relevance score (higher is better).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub id: String,
    pub score: f32,
}

/// The outcome of a search: hits best first, and the indexed words that matched (for
/// highlighting).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub words: HashSet<String>,
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

    /// Distinct words ever seen (words of removed listings stay, with no postings).
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
    }

    /// Adds or replaces a document from its parts (`fields[2]` is ignored: topics are given
    /// separately, each topic's words counted once).
    pub fn upsert_fields(&mut self, id: &str, fields: [&str; FIELDS], topics: &[String]) {
        self.remove(id);
        let slot = match self.free.pop() {
            Some(s) => s,
            None => {
                self.docs.push(None);
                (self.docs.len() - 1) as u32
            }
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
            term.postings.push(Posting {
                doc: slot,
                field,
                tf: (j - i).min(u16::MAX as usize) as u16,
            });
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
        self.docs[slot as usize] = Some(Doc {
            id: id.to_owned(),
            len,
            terms: doc_terms,
        });
        self.slots.insert(id.to_owned(), slot);
        self.live += 1;
    }

    fn words_into(&mut self, text: &str, field: u8, out: &mut Vec<(u32, u8)>, len: &mut u16) {
        each_word(text, |_, _, w| {
            if is_stop_word(w) {
                return;
            }
            *len = len.saturating_add(1);
            let t = match self.lookup.get(w) {
                Some(&t) => t,
                None => {
                    let t = self.terms.len() as u32;
                    let chars = w.chars().count().min(255);
                    self.terms.push(Term {
                        text: w.into(),
                        chars: chars as u8,
                        ..Term::default()
                    });
                    self.lookup.insert(w.into(), t);
                    if self.by_len.len() <= chars {
                        self.by_len.resize(chars + 1, Vec::new());
                    }
                    self.by_len[chars].push((t, letters(w)));
                    *self.sorted.get_mut() = None;
                    t
                }
            };
            out.push((t, field));
        });
    }

    /// Removes a listing; does nothing if it is not indexed.
    pub fn remove(&mut self, id: &str) {
        let Some(slot) = self.slots.remove(id) else {
            return;
        };
        let Some(doc) = self.docs[slot as usize].take() else {
            return;
        };
        for t in &doc.terms {
            let term = &mut self.terms[*t as usize];
            let df = &mut term.df;
            term.postings.retain(|p| {
                if p.doc == slot {
                    df[p.field as usize] -= 1;
                    false
                } else {
                    true
                }
            });
        }
        for (f, n) in doc.len.iter().enumerate() {
            self.len_sum[f] -= *n as u64;
        }
        self.free.push(slot);
        self.live -= 1;
    }

    /// Does now the work the first search after new words would otherwise do (sorting the
    /// vocabulary for prefixes). Optional.
    pub fn prepare(&self) {
        drop(self.sorted_terms());
    }

    fn sorted_terms(&self) -> std::cell::Ref<'_, Vec<u32>> {
        if self.sorted.borrow().is_none() {
            let mut ids: Vec<u32> = (0..self.terms.len() as u32).collect();
            ids.sort_unstable_by(|a, b| {
                self.terms[*a as usize]
                    .text
                    .cmp(&self.terms[*b as usize].text)
            });
            *self.sorted.borrow_mut() = Some(ids);
        }
        std::cell::Ref::map(self.sorted.borrow(), |s| s.as_ref().unwrap_or(&EMPTY))
    }

    /// The terms a typed word stands for, each with its weight: the word itself, longer words it
    /// starts, and (five letters or more) words one typo away.
    fn expand(&self, word: &str) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = Vec::new();
        let mut known = false;
        if let Some(&t) = self.lookup.get(word) {
            out.push((t, 1.0));
            known = !self.terms[t as usize].postings.is_empty();
        }
        let qchars: Vec<char> = word.chars().collect();
        {
            let sorted = self.sorted_terms();
            let start = sorted.partition_point(|t| &*self.terms[*t as usize].text < word);
            for &t in &sorted[start..] {
                let term = &self.terms[t as usize];
                if !term.text.starts_with(word) {
                    break;
                }
                if term.text.len() > word.len() && !term.postings.is_empty() {
                    let ratio = qchars.len() as f32 / term.chars.max(1) as f32;
                    out.push((t, PREFIX_WEIGHT * ratio));
                }
            }
        }
        if qchars.len() >= TYPO_MIN_LEN && !known {
            let mut buf: Vec<char> = Vec::with_capacity(32);
            let ascii = word.is_ascii();
            let qmask = letters(word);
            let lo = qchars.len() - 1;
            let hi = (qchars.len() + 1).min(self.by_len.len().saturating_sub(1));
            for n in lo..=hi {
                for &(t, mask) in self.by_len.get(n).map(Vec::as_slice).unwrap_or(&[]) {
                    // One edit changes at most two letters of the set of letters used.
                    if (mask ^ qmask).count_ones() > 2 {
                        continue;
                    }
                    let term = &self.terms[t as usize];
                    if term.postings.is_empty() || &*term.text == word {
                        continue;
                    }
                    let close = if ascii && term.text.is_ascii() {
                        // Cheap first check: words one edit apart share a first or second letter.
                        let tb = term.text.as_bytes();
                        let qb = word.as_bytes();
                        let shares = tb[0] == qb[0]
                            || tb.get(1) == qb.get(1)
                            || tb.first() == qb.get(1)
                            || tb.get(1) == qb.first();
                        shares && within_one_edit(qb, tb)
                    } else {
                        buf.clear();
                        buf.extend(term.text.chars());
                        within_one_edit(&qchars, &buf)
                    };
                    if close && !out.iter().any(|(o, _)| *o == t) {
                        out.push((t, TYPO_WEIGHT));
                    }
                }
            }
        }
        out
    }

    /// Searches for every word of `query` (see the module notes). An empty query (or one of
    /// stop words only) finds nothing: callers show everything instead.
    pub fn search(&self, query: &str) -> Found {
        let words = query_words(query);
        let mut found = Found::default();
        if words.is_empty() || self.live == 0 {
            return found;
        }
        let n = self.docs.len();
        let live = self.live as f32;
        let avg: Vec<f32> = self
            .len_sum
            .iter()
            .map(|s| (*s as f32 / live).max(1.0))
            .collect();
        let mut total = vec![0f32; n];
        let mut matched = vec![0u16; n];
        let mut best = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut first: Vec<u32> = Vec::new();
        for (wi, word) in words.iter().enumerate() {
            touched.clear();
            for (t, weight) in self.expand(word) {
                let term = &self.terms[t as usize];
                if term.postings.is_empty() {
                    continue;
                }
                found.words.insert(term.text.to_string());
                let idf: [f32; FIELDS] = std::array::from_fn(|f| {
                    let df = term.df[f] as f32;
                    (1.0 + (live - df + 0.5) / (df + 0.5)).ln()
                });
                let mut k = 0;
                let ps = &term.postings;
                while k < ps.len() {
                    let d = ps[k].doc;
                    let Some(doc) = &self.docs[d as usize] else {
                        k += 1;
                        continue;
                    };
                    let mut s = 0.0;
                    while k < ps.len() && ps[k].doc == d {
                        let p = ps[k];
                        let f = p.field as usize;
                        let tf = p.tf as f32;
                        let norm = 1.0 - B + B * doc.len[f] as f32 / avg[f];
                        s += BOOST[f] * idf[f] * tf * (K1 + 1.0) / (tf + K1 * norm);
                        k += 1;
                    }
                    let s = s * weight;
                    let b = &mut best[d as usize];
                    if *b == 0.0 {
                        touched.push(d);
                    }
                    if s > *b {
                        *b = s;
                    }
                }
            }
            for &d in &touched {
                let du = d as usize;
                if matched[du] == wi as u16 {
                    total[du] += best[du];
                    matched[du] += 1;
                }
                best[du] = 0.0;
            }
            if wi == 0 {
                first = touched.clone();
            }
        }
        let need = words.len() as u16;
        let mut hits: Vec<(u32, f32)> = first
            .into_iter()
            .filter(|d| matched[*d as usize] == need)
            .map(|d| (d, total[d as usize]))
            .collect();
        hits.sort_unstable_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| self.id_of(a.0).cmp(self.id_of(b.0)))
        });
        found.hits = hits
            .into_iter()
            .map(|(d, score)| Hit {
                id: self.id_of(d).to_owned(),
                score,
            })
            .collect();
        found
    }

    fn id_of(&self, slot: u32) -> &str {
        self.docs[slot as usize]
            .as_ref()
            .map(|d| d.id.as_str())
            .unwrap_or("")
    }
}

static EMPTY: Vec<u32> = Vec::new();

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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        each_word(s, |_, _, w| v.push(w.to_owned()));
        v
    }

    #[test]
    fn words_are_normalised() {
        assert_eq!(
            words("Children's Café groups, class; Tŷ Afon 111"),
            ["children", "cafe", "group", "class", "ty", "afon", "111"]
        );
        assert_eq!(words("don't"), ["dont"]);
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted");
    }

    #[test]
    fn one_edit() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(within_one_edit(&c("dementia"), &c("dementai")));
        assert!(within_one_edit(&c("dementia"), &c("dementa")));
        assert!(within_one_edit(&c("dementia"), &c("dementiia")));
        assert!(within_one_edit(&c("dementia"), &c("demontia")));
        assert!(!within_one_edit(&c("dementia"), &c("demantai")));
        assert!(!within_one_edit(&c("abc"), &c("abcde")));
    }

    #[test]
    fn the_letter_mask_never_rules_out_a_word_one_edit_away() {
        let alphabet: Vec<char> = "abcdeiorstz19é".chars().collect();
        for w in [
            "dementia", "carers", "abcab", "mental", "111", "café", "éabcd",
        ] {
            let wc: Vec<char> = w.chars().collect();
            let mut near: Vec<String> = Vec::new();
            for i in 0..=wc.len() {
                for &x in &alphabet {
                    let mut v = wc.clone();
                    v.insert(i, x);
                    near.push(v.iter().collect());
                    if i < wc.len() {
                        let mut v = wc.clone();
                        v[i] = x;
                        near.push(v.iter().collect());
                    }
                }
                if i < wc.len() {
                    let mut v = wc.clone();
                    v.remove(i);
                    near.push(v.iter().collect());
                }
                if i + 1 < wc.len() {
                    let mut v = wc.clone();
                    v.swap(i, i + 1);
                    near.push(v.iter().collect());
                }
            }
            for n in near {
                let nc: Vec<char> = n.chars().collect();
                assert!(within_one_edit(&wc, &nc), "{w} {n}");
                assert!((letters(w) ^ letters(&n)).count_ones() <= 2, "{w} {n}");
            }
        }
    }
}
