//! A small thesaurus for this domain, kept as data: each group holds phrases that someone
//! searching here means the same way. A query phrase in a group also finds listings that use
//! another phrase of the group, ranked below listings that use the words typed.
//!
//! Reviewed by hand: a phrase goes in only if, for people looking for involvement in health and
//! care research, it almost always means the other phrases too ("memory loss" → dementia
//! listings). Words that differ only in form (volunteer/volunteering) need no entry: the stemmer
//! joins them. Every entry is tested (tests below, and core/tests/relevance.rs on the judged set).

use super::text::{each_token, is_stop_word};

/// Groups of phrases that mean the same thing to someone searching here.
pub const GROUPS: &[&[&str]] = &[
    &["dementia", "memory loss", "alzheimer's"],
    &[
        "carer",
        "caring for someone",
        "looking after someone",
        "looking after",
        "care for a relative",
    ],
    &["mental health", "wellbeing", "emotional health"],
    &[
        "maternity",
        "pregnancy",
        "pregnant",
        "antenatal",
        "expecting a baby",
    ],
    &["paid", "payment", "fee", "voucher"],
    &["online", "video call", "remote", "virtual"],
    &["refugee", "asylum seeker"],
    &["young people", "youth", "teenager"],
    &["older people", "elderly", "later life"],
    &["learning disability", "learning difficulty"],
    &["autism", "autistic"],
    &["deaf", "hearing loss"],
    &["sight loss", "blind", "visual impairment"],
    &["cancer", "oncology"],
    &["heart", "cardiac"],
    &["kidney", "renal"],
    &["long covid", "post covid"],
    &["survey", "questionnaire"],
    &["bsl", "sign language"],
    &["addiction", "substance use"],
    &["homeless", "rough sleeping"],
];

/// A phrase as stems, stop words left out ("caring for someone" → ["care", "someon"]).
pub fn phrase_stems(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_token(phrase, |_, _, w, st| {
        if !is_stop_word(w) {
            out.push(st.to_owned());
        }
    });
    out
}

/// The thesaurus as stems: groups of phrases, each phrase a list of stems. Made once.
pub fn stemmed() -> &'static [Vec<Vec<String>>] {
    static CELL: std::sync::OnceLock<Vec<Vec<Vec<String>>>> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        GROUPS
            .iter()
            .map(|g| g.iter().map(|p| phrase_stems(p)).collect())
            .collect()
    })
}

/// The longest phrase of the thesaurus that `stems` starts with: (group, phrase, its length).
pub fn longest_at(stems: &[&str]) -> Option<(usize, usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (g, group) in stemmed().iter().enumerate() {
        for (p, phrase) in group.iter().enumerate() {
            let n = phrase.len();
            if n == 0 || n > stems.len() || best.is_some_and(|b| b.2 >= n) {
                continue;
            }
            if phrase.iter().zip(stems).all(|(a, b)| a == b) {
                best = Some((g, p, n));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_has_words_and_belongs_to_one_group() {
        let all = stemmed();
        for (g, group) in all.iter().enumerate() {
            assert!(group.len() >= 2, "group {g} needs two phrases");
            for (p, phrase) in group.iter().enumerate() {
                assert!(!phrase.is_empty(), "{}", GROUPS[g][p]);
                for (h, other) in all.iter().enumerate() {
                    if h != g {
                        assert!(!other.contains(phrase), "{} is in two groups", GROUPS[g][p]);
                    }
                }
            }
        }
    }

    #[test]
    fn phrases_are_found_at_the_start_of_a_query() {
        let q = ["memori", "loss", "group"];
        let (g, p, n) = longest_at(&q).unwrap();
        assert_eq!((GROUPS[g][p], n), ("memory loss", 2));
        assert!(longest_at(&["memori", "clinic"]).is_none());
        assert_eq!(phrase_stems("caring for someone"), ["care", "someon"]);
    }
}
