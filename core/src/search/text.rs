//! Words as the index sees them: split, lower-cased, accents folded, possessives dropped, then
//! stemmed with the Snowball English stemmer ("volunteering", "volunteers" → "volunt").
//!
//! The same rules apply to listings and to what people type, so every form of a word meets.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

/// Left out of the index and of queries: they match nearly everything and mean little.
pub(crate) const STOP_WORDS: [&str; 30] = [
    "a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have",
    "in", "is", "it", "of", "on", "or", "our", "that", "the", "this", "to", "was", "we", "will",
    "with", "you",
];

/// True for a (folded, unstemmed) word that is neither indexed nor searched for.
pub fn is_stop_word(w: &str) -> bool {
    w.len() <= 5 && STOP_WORDS.binary_search(&w).is_ok()
}

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

thread_local! {
    static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
}

/// The Snowball English stem of a folded word. Words with digits ("111", "ls6") are kept whole.
pub fn stem(w: &str) -> Cow<'_, str> {
    if w.len() < 3 || w.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(w);
    }
    let s = STEMMER.with(|s| s.stem(w).into_owned());
    if s == w {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(s)
    }
}

/// Calls `f(start, end, surface, stem)` for each word of `text`: byte offsets into `text`, the
/// folded word as written (lower case, accents folded, a possessive "'s" dropped) and its stem.
/// Stop words are included (callers decide).
pub fn each_token(text: &str, mut f: impl FnMut(usize, usize, &str, &str)) {
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
                if !word.is_empty() {
                    let st = stem(word);
                    f(s, end, word, &st);
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

/// Calls `f(start, end, stem)` for each word of `text` (see `each_token`).
pub fn each_word(text: &str, mut f: impl FnMut(usize, usize, &str)) {
    each_token(text, |s, e, _, st| f(s, e, st));
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

/// The tighter rule for four-letter words ("covd" → "covid"): one edit, but the first two letters
/// stay as typed and no letter is dropped from what was typed (a three-letter word is too often
/// another word).
pub fn short_typo(typed: &[u8], word: &[u8]) -> bool {
    word.len() >= typed.len()
        && typed.len() >= 2
        && word.len() >= 2
        && typed[..2] == word[..2]
        && within_one_edit(typed, word)
}

/// Which letters a word uses, one bit each (digits share bits, anything else one bit): a cheap
/// test that rules out most words before the one-edit check.
pub fn letters(w: &str) -> u32 {
    w.bytes().fold(0, |m, b| {
        m | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + (b - b'0') % 5),
            _ => 1 << 31,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        each_word(s, |_, _, w| v.push(w.to_owned()));
        v
    }

    #[test]
    fn words_are_folded_and_stemmed() {
        assert_eq!(
            stems("Children's Café groups, class; Tŷ Afon 111"),
            ["children", "cafe", "group", "class", "ty", "afon", "111"]
        );
        assert_eq!(stems("don't"), ["dont"]);
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted");
    }

    #[test]
    fn word_forms_meet() {
        let same = |a: &str, b: &str| assert_eq!(stem(a), stem(b), "{a} / {b}");
        same("volunteering", "volunteer");
        same("volunteers", "volunteer");
        same("involved", "involvement");
        same("carers", "carer");
        same("refugees", "refugee");
        same("diabetes", "diabetic");
        same("communities", "community");
        assert_ne!(stem("mental"), stem("dental"));
        assert_eq!(stem("ls6"), "ls6");
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
    fn four_letter_words_have_a_tighter_rule() {
        assert!(short_typo(b"covd", b"covid"));
        assert!(short_typo(b"fodd", b"food"));
        assert!(!short_typo(b"cvod", b"covid"), "first two letters stay");
        assert!(!short_typo(b"foot", b"fot"), "no letter dropped");
        assert!(!short_typo(b"dood", b"food"));
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
