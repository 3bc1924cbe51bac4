//! "Remove a filter": when few or no listings match, each filter choice the person made whose
//! removal would show more, with how many, so the list can offer a way out of a dead end (as
//! `search::words::remove_a_word` does for words).

use crate::filter::Filters;
use crate::i18n::Catalogue;
use crate::saved::{closing_words, mode_words, pay_words, time_words};
use crate::words;

/// One filter choice, in words, and the filters as they would be without it.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub label: String,
    pub without: Filters,
}

/// Every choice made in `f`, in the order the filters are shown.
pub fn choices(c: &Catalogue, f: &Filters) -> Vec<Choice> {
    let mut out = Vec::new();
    let mut push = |label: String, change: &dyn Fn(&mut Filters)| {
        let mut without = f.clone();
        change(&mut without);
        out.push(Choice { label, without });
    };
    for k in &f.kinds {
        push(words::kind(c, *k), &|w| w.kinds.retain(|x| x != k));
    }
    for t in &f.topics {
        push(t.clone(), &|w| w.topics.retain(|x| x != t));
    }
    for m in &f.modes {
        push(mode_words(c, *m), &|w| w.modes.retain(|x| x != m));
    }
    if let Some(n) = &f.near {
        let label = crate::saved::near_words(c, n);
        push(label, &|w| w.near = None);
    }
    for p in &f.pay {
        push(pay_words(c, *p), &|w| w.pay.retain(|x| x != p));
    }
    for a in &f.access {
        push(words::access(c, *a), &|w| w.access.retain(|x| x != a));
    }
    if let Some(within) = f.closing {
        push(closing_words(c, within), &|w| w.closing = None);
    }
    for t in &f.time {
        push(time_words(c, *t), &|w| w.time.retain(|x| x != t));
    }
    if let Some(tag) = &f.written_in {
        push(crate::saved::written_words(c, tag), &|w| {
            w.written_in = None
        });
    }
    out
}

/// A filter to remove: what the link says, and the filters it leads to.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub text: String,
    pub count: usize,
    pub without: Filters,
}

/// The choices whose removal would show more than the `now` results, most first (at most
/// three); `count` says how many a set of filters would show.
pub fn remove_a_filter(
    c: &Catalogue,
    f: &Filters,
    now: usize,
    count: impl Fn(&Filters) -> usize,
) -> Vec<Suggestion> {
    let mut v: Vec<Suggestion> = choices(c, f)
        .into_iter()
        .map(|choice| {
            let n = count(&choice.without);
            Suggestion {
                text: crate::search::words::remove_a_filter(c, &choice.label, n),
                count: n,
                without: choice.without,
            }
        })
        .filter(|s| s.count > now)
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
    v.truncate(3);
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::{Near, Pay};
    use crate::listing::AccessSupport;

    fn filters() -> Filters {
        Filters {
            pay: vec![Pay::Paid],
            access: vec![AccessSupport::BslInterpreter],
            near: Some(Near {
                place: "Cardiff".into(),
                miles: 10,
            }),
            ..Filters::default()
        }
    }

    #[test]
    fn each_choice_is_offered_once_with_the_rest_kept() {
        let c = choices(&crate::i18n::Catalogue::english(), &filters());
        assert_eq!(c.len(), 3);
        let near = c
            .iter()
            .find(|c| c.label == "within 10 miles of Cardiff")
            .unwrap();
        assert_eq!(near.without.near, None);
        assert_eq!(near.without.pay, vec![Pay::Paid], "the other filters stay");
    }

    #[test]
    fn only_removals_that_show_more_most_first_with_counts() {
        // Pretend counts: dropping BSL shows 12, dropping "near" shows 3, dropping "paid" 0.
        let count = |f: &Filters| {
            if f.access.is_empty() {
                12
            } else if f.near.is_none() {
                3
            } else {
                0
            }
        };
        let s = remove_a_filter(&crate::i18n::Catalogue::english(), &filters(), 0, count);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].count, 12);
        assert!(
            s[0].text.starts_with("Remove the filter \u{201c}"),
            "{}",
            s[0].text
        );
        assert!(s[0].text.ends_with(": 12 opportunities"), "{}", s[0].text);
        assert_eq!(
            s[1].text,
            "Remove the filter \u{201c}within 10 miles of Cardiff\u{201d}: 3 opportunities"
        );
        assert!(
            remove_a_filter(&crate::i18n::Catalogue::english(), &filters(), 12, count).is_empty(),
            "nothing that shows no more"
        );
        assert!(remove_a_filter(
            &crate::i18n::Catalogue::english(),
            &Filters::default(),
            0,
            count
        )
        .is_empty());
    }
}
