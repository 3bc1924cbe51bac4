//! What a query says besides its topic: words that carry none ("things", "get", "my",
//! "opportunities"), "near me", and a town or postcode district typed as a place ("cardiff",
//! "ls6").
//!
//! Words that carry no topic are dropped, so "things for carers to get involved in" searches for
//! carers. "near me" asks for the device's location (`near_me`, `with_near_me`). A place is kept
//! as a place: the search finds listings in or near it, as well as listings that name it.

use super::text::{each_token, is_stop_word};
use crate::filter::{Filters, Near, DEFAULT_RADIUS, HERE};
use crate::listing::Geo;
use crate::places;

/// Words that say how someone asks, not what about. Sorted (binary search).
const FILLER: [&str; 52] = [
    "any",
    "anything",
    "around",
    "could",
    "do",
    "doing",
    "find",
    "finding",
    "get",
    "getting",
    "help",
    "how",
    "i",
    "im",
    "interested",
    "into",
    "involved",
    "join",
    "just",
    "like",
    "local",
    "look",
    "looking",
    "me",
    "my",
    "near",
    "nearby",
    "need",
    "opportunities",
    "opportunity",
    "part",
    "place",
    "please",
    "some",
    "something",
    "somewhere",
    "stuff",
    "take",
    "there",
    "thing",
    "things",
    "want",
    "wanted",
    "wanting",
    "ways",
    "what",
    "where",
    "which",
    "who",
    "would",
    "your",
    "youre",
];

pub fn is_filler(w: &str) -> bool {
    FILLER.binary_search(&w).is_ok()
}

/// One word of a query after reading: folded as typed, and its stem.
#[derive(Clone, Debug, PartialEq)]
pub struct QWord {
    pub surface: String,
    pub stem: String,
}

/// A place named in a query.
#[derive(Clone, Debug, PartialEq)]
pub struct QPlace {
    /// As typed ("cardiff", "ls6").
    pub typed: String,
    /// The stems of the typed words (a listing naming the place matches too).
    pub stems: Vec<String>,
    pub geo: Geo,
    /// Position among the query's words (to keep the order of concepts).
    pub at: usize,
}

/// A query, read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Intent {
    /// Words that carry a topic, in order (stop words and filler dropped, repeats kept once).
    pub words: Vec<QWord>,
    /// A town or postcode district typed in the query.
    pub place: Option<QPlace>,
    /// "near me" (or "near here", "nearby") was typed.
    pub near_me: bool,
    /// Words left out as carrying no topic, as typed (for the screen).
    pub dropped: Vec<String>,
}

/// Reads a query: see the module notes.
pub fn read(query: &str) -> Intent {
    let mut toks: Vec<(String, String)> = Vec::new();
    each_token(query, |_, _, w, st| {
        toks.push((w.to_owned(), st.to_owned()))
    });
    let mut out = Intent::default();
    let near_at = |i: usize| toks.get(i).map(|t| t.0.as_str());
    let mut i = 0;
    while i < toks.len() {
        let (w, st) = (&toks[i].0, &toks[i].1);
        if (w == "near" || w == "close") && matches!(near_at(i + 1), Some("me" | "here" | "you")) {
            out.near_me = true;
            i += 2;
            continue;
        }
        if w == "nearby" || (w == "near" && i + 1 == toks.len()) {
            out.near_me = true;
        }
        // A place: a postcode district ("ls6"), or a town of one to three words.
        if out.place.is_none() {
            if let Some((n, geo)) = place_at(&toks[i..]) {
                out.place = Some(QPlace {
                    typed: toks[i..i + n]
                        .iter()
                        .map(|t| t.0.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    stems: toks[i..i + n].iter().map(|t| t.1.clone()).collect(),
                    geo,
                    at: out.words.len(),
                });
                i += n;
                continue;
            }
        }
        // A thesaurus phrase keeps its words, even those that alone carry no topic
        // ("looking after").
        if !is_stop_word(w) {
            let rest: Vec<&str> = toks[i..]
                .iter()
                .filter(|t| !is_stop_word(&t.0))
                .map(|t| t.1.as_str())
                .collect();
            if let Some((_, _, n)) = super::thesaurus::longest_at(&rest) {
                let mut taken = 0;
                while taken < n && i < toks.len() {
                    let (w, st) = &toks[i];
                    if !is_stop_word(w) {
                        if !out.words.iter().any(|q| q.stem == *st) {
                            out.words.push(QWord {
                                surface: w.clone(),
                                stem: st.clone(),
                            });
                        }
                        taken += 1;
                    }
                    i += 1;
                }
                continue;
            }
        }
        if is_stop_word(w) || is_filler(w) {
            if !is_stop_word(w) {
                out.dropped.push(w.clone());
            }
        } else if !out.words.iter().any(|q| q.stem == *st) {
            out.words.push(QWord {
                surface: w.clone(),
                stem: st.clone(),
            });
        }
        i += 1;
    }
    out
}

/// A name as `places::find` compares it: letters and digits, lower case.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The names `places::find` knows (postcode areas' towns, then towns), as `norm` makes them,
/// sorted, each once with the point `find` gives it (the first of that name). Made once.
fn place_names() -> &'static [(String, Geo)] {
    static CELL: std::sync::OnceLock<Vec<(String, Geo)>> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        let mut v: Vec<(String, Geo)> = places::AREAS
            .iter()
            .map(|a| (norm(a.1), Geo { lat: a.2, lng: a.3 }))
            .chain(
                places::TOWNS
                    .iter()
                    .map(|t| (norm(t.0), Geo { lat: t.1, lng: t.2 })),
            )
            .collect();
        // Stable: the first of a name stays first.
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v.dedup_by(|b, a| a.0 == b.0);
        v
    })
}

/// A place at the start of `toks`: how many words it takes and where it is.
fn place_at(toks: &[(String, String)]) -> Option<(usize, Geo)> {
    let first = &toks.first()?.0;
    let digits = first.bytes().filter(u8::is_ascii_digit).count();
    if digits > 0 && first.len() <= 4 && first.as_bytes()[0].is_ascii_alphabetic() {
        // A postcode district: letters then a digit ("ls6", "cf10", "m1").
        return places::postcode_area(first)
            .and_then(|_| places::find(first))
            .map(|f| (1, f.geo));
    }
    if first.len() < 3 || is_filler(first) || is_stop_word(first) {
        return None;
    }
    for n in (1..=toks.len().min(3)).rev() {
        let name = toks[..n]
            .iter()
            .map(|t| t.0.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        // Only names of places: a bare area code ("me", "st") is never a place here.
        if name.len() <= 2 {
            continue;
        }
        // As `places::find` would answer, without normalising its whole table each time: a
        // name read as a postcode area is not taken, and otherwise the first town of that name
        // (postcode areas' towns first).
        if places::postcode_area(&name).is_some() {
            continue;
        }
        let key = norm(&name);
        if let Ok(i) = place_names().binary_search_by(|p| p.0.as_str().cmp(&key)) {
            return Some((n, place_names()[i].1));
        }
    }
    None
}

/// True when the query asks for places near the person ("near me", "nearby").
pub fn near_me(query: &str) -> bool {
    read(query).near_me
}

/// The filters to use for a query: when it says "near me" and no "near" filter is on, the
/// device's location is asked for (`HERE`, the default distance). The app resolves `HERE` with
/// the location the person allowed, or says how to allow it.
pub fn with_near_me(query: &str, filters: &Filters) -> Filters {
    let mut f = filters.clone();
    if f.near.is_none() && near_me(query) {
        f.near = Some(Near {
            place: HERE.into(),
            miles: DEFAULT_RADIUS,
        });
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(i: &Intent) -> Vec<&str> {
        i.words.iter().map(|w| w.stem.as_str()).collect()
    }

    #[test]
    fn filler_is_sorted_enough_to_read() {
        assert!(
            FILLER.iter().all(|w| !is_stop_word(w)),
            "stop words go in STOP_WORDS"
        );
    }

    #[test]
    fn topic_less_words_are_dropped_and_near_me_is_noticed() {
        let i = read("mental health group near me cardiff");
        assert_eq!(stems(&i), ["mental", "health", "group"]);
        assert!(i.near_me);
        let p = i.place.unwrap();
        assert_eq!(p.typed, "cardiff");
        assert_eq!(p.at, 3);
        let i = read("things for carers to get involved in");
        assert_eq!(stems(&i), ["carer"]);
        assert_eq!(i.dropped, ["things", "get", "involved"]);
        assert!(!i.near_me);
        assert!(read("opportunities nearby").near_me);
        assert!(read("opportunities").words.is_empty());
    }

    #[test]
    fn places_in_the_query() {
        let p = |q: &str| read(q).place.map(|p| p.typed);
        assert_eq!(
            p("diabetes milton keynes").as_deref(),
            Some("milton keynes")
        );
        assert_eq!(p("ls6 carers").as_deref(), Some("ls6"));
        assert_eq!(
            p("help near me"),
            None,
            "'me' is not Rochester's postcode area"
        );
        assert_eq!(p("st"), None);
        assert_eq!(p("dementia"), None);
    }

    #[test]
    fn the_place_names_find_what_places_find_finds() {
        for name in places::AREAS
            .iter()
            .map(|a| a.1)
            .chain(places::TOWNS.iter().map(|t| t.0))
        {
            let folded = name.to_lowercase();
            let key = norm(&folded);
            let i = place_names()
                .binary_search_by(|p| p.0.as_str().cmp(&key))
                .expect(name);
            assert_eq!(
                places::find(&folded).map(|f| f.geo),
                Some(place_names()[i].1),
                "{name}"
            );
        }
    }

    #[test]
    fn near_me_asks_for_the_device_location() {
        let f = with_near_me("groups near me", &Filters::default());
        assert_eq!(f.near.unwrap().place, HERE);
        let set = Filters {
            near: Some(Near {
                place: "Leeds".into(),
                miles: 25,
            }),
            ..Filters::default()
        };
        assert_eq!(with_near_me("near me", &set), set, "a chosen place stays");
        assert!(with_near_me("dementia", &Filters::default()).near.is_none());
    }
}
