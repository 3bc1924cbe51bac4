//! What the list says about a search, in plain words: when no opportunity has every word, which
//! words to drop (or which filter to remove) and how many opportunities that would show.

use super::{Part, Search};
use crate::i18n::Catalogue;

fn quoted(s: &str) -> String {
    format!("\u{201c}{s}\u{201d}")
}

/// "“a”", "“a” and “b”", "“a”, “b” and “c”".
pub fn list(c: &Catalogue, labels: &[&str]) -> String {
    let q: Vec<String> = labels.iter().map(|l| quoted(l)).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        n => c.text_with(
            "list-and",
            &[
                ("rest", q[..n - 1].join(", ").into()),
                ("last", (&q[n - 1]).into()),
            ],
        ),
    }
}

/// "1 opportunity", "12 opportunities".
pub fn opportunities(c: &Catalogue, n: usize) -> String {
    c.text_with("opportunities", &[("n", n.into())])
}

/// Said above partial matches: "No opportunity matches all of “memory”, “clinic” and “leeds”;
/// these match some of your words." None when every result has every word.
pub fn partial_note(c: &Catalogue, s: &Search) -> Option<String> {
    if s.all || s.found.hits.is_empty() || s.parts.len() < 2 {
        return None;
    }
    let labels: Vec<&str> = s.parts.iter().map(|p| p.label.as_str()).collect();
    Some(c.text_with(
        "partial-note",
        &[
            ("complete", s.complete.into()),
            ("words", list(c, &labels).into()),
        ],
    ))
}

/// A word to remove and what that would show.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The word (or phrase, or place) as typed.
    pub remove: String,
    /// "Remove “clinic”: 4 opportunities match the rest"
    pub text: String,
    pub count: usize,
}

/// Words whose removal would give results with every remaining word, most results first (at
/// most three). Empty when every result already has every word.
pub fn remove_a_word(c: &Catalogue, s: &Search) -> Vec<Suggestion> {
    if s.all || s.parts.len() < 2 {
        return Vec::new();
    }
    let mut v: Vec<&Part> = s.parts.iter().filter(|p| p.without > 0).collect();
    v.sort_by(|a, b| {
        b.without
            .cmp(&a.without)
            .then_with(|| a.label.cmp(&b.label))
    });
    v.into_iter()
        .take(3)
        .map(|p| Suggestion {
            remove: p.label.clone(),
            text: c.text_with(
                "remove-word",
                &[("word", quoted(&p.label).into()), ("n", p.without.into())],
            ),
            count: p.without,
        })
        .collect()
}

/// The query with one part taken out (for a "remove this word" link): words are matched as
/// typed, ignoring case.
pub fn without(query: &str, remove: &str) -> String {
    let drop: Vec<String> = remove.split_whitespace().map(str::to_lowercase).collect();
    let words: Vec<&str> = query.split_whitespace().collect();
    for i in 0..words.len() {
        if i + drop.len() <= words.len()
            && words[i..i + drop.len()].iter().zip(&drop).all(|(w, d)| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    == *d
            })
        {
            let mut out: Vec<&str> = words[..i].to_vec();
            out.extend(&words[i + drop.len()..]);
            return out.join(" ");
        }
    }
    query.to_owned()
}

/// "Remove the filter “Online”: 14 opportunities" (the caller works out the count, e.g. by
/// running the search without that filter).
pub fn remove_a_filter(c: &Catalogue, name: &str, count: usize) -> String {
    c.text_with(
        "remove-filter",
        &[("filter", quoted(name).into()), ("n", count.into())],
    )
}

#[cfg(test)]
mod tests {
    use super::super::{Found, Hit};
    use super::*;

    fn search(all: bool, parts: &[(&str, usize, usize)]) -> Search {
        Search {
            found: Found {
                hits: vec![Hit {
                    id: "a".into(),
                    score: 1.0,
                }],
                ..Found::default()
            },
            all,
            parts: parts
                .iter()
                .map(|(l, m, w)| Part {
                    label: (*l).into(),
                    matching: *m,
                    without: *w,
                })
                .collect(),
            ..Search::default()
        }
    }

    #[test]
    fn partial_matches_are_said_plainly() {
        let s = search(
            false,
            &[("memory", 5, 2), ("clinic", 2, 5), ("leeds", 9, 0)],
        );
        assert_eq!(
            partial_note(&crate::i18n::Catalogue::english(), &s).unwrap(),
            "No opportunity matches all of \u{201c}memory\u{201d}, \u{201c}clinic\u{201d} and \u{201c}leeds\u{201d}; these match some of your words."
        );
        let r = remove_a_word(&crate::i18n::Catalogue::english(), &s);
        assert_eq!(
            r.len(),
            2,
            "a word whose removal finds nothing is not suggested"
        );
        assert_eq!(r[0].remove, "clinic");
        assert_eq!(
            r[0].text,
            "Remove \u{201c}clinic\u{201d}: 5 opportunities match the rest"
        );
        assert_eq!(
            r[1].text,
            "Remove \u{201c}memory\u{201d}: 2 opportunities match the rest"
        );
        let mut some = s.clone();
        some.complete = 2;
        assert_eq!(
            partial_note(&crate::i18n::Catalogue::english(), &some).unwrap(),
            "2 opportunities match all of \u{201c}memory\u{201d}, \u{201c}clinic\u{201d} and \u{201c}leeds\u{201d}; after them, these match some of your words."
        );
        assert!(partial_note(
            &crate::i18n::Catalogue::english(),
            &search(true, &[("a", 1, 1), ("b", 1, 1)])
        )
        .is_none());
        assert!(remove_a_word(
            &crate::i18n::Catalogue::english(),
            &search(true, &[("a", 1, 1), ("b", 1, 1)])
        )
        .is_empty());
    }

    #[test]
    fn words_and_filters_to_remove() {
        assert_eq!(
            without("Memory loss clinic, Leeds", "leeds"),
            "Memory loss clinic,"
        );
        assert_eq!(without("memory loss clinic", "memory loss"), "clinic");
        assert_eq!(without("memory", "x"), "memory");
        assert_eq!(
            remove_a_filter(&crate::i18n::Catalogue::english(), "Online", 1),
            "Remove the filter \u{201c}Online\u{201d}: 1 opportunity"
        );
        assert_eq!(
            list(&crate::i18n::Catalogue::english(), &["a"]),
            "\u{201c}a\u{201d}"
        );
    }
}
