//! Plain English: every English message is scored for readability (Flesch reading ease, the
//! measure GOV.UK's content designers use alongside their style guide), and a message below the
//! threshold is rewritten or listed here with why it stays. Short labels are not scored: the
//! formula means little under eight words.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Fairly easy to read (Flesch 60 is "plain English"; 50 allows the unavoidable long word such
/// as "organisation" in a sentence that is otherwise plain).
const THRESHOLD: f64 = 50.0;

/// Messages that stay below the threshold, and why: (id, reason).
const JUSTIFIED: &[(&str, &str)] = &[
    (
        "fields-for-example-a-bsl",
        "names the kinds of support people ask for, in the words they know them by (BSL interpreter, step-free access)",
    ),
    (
        "form-email-format",
        "the GOV.UK Design System's own message for this error, which people meet across public services",
    ),
];

fn text_of(p: &Pattern<&str>, out: &mut String) {
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable { expression } => match expression {
                // The default variant is what most readers see.
                Expression::Select { variants, .. } => {
                    if let Some(v) = variants.iter().find(|v| v.default) {
                        text_of(&v.value, out);
                    }
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    out.push_str(value)
                }
                // A value put in (a name, a number): one short word.
                Expression::Inline(_) => out.push_str("it"),
            },
        }
    }
}

/// The service's own words, on its first screen and in every listing ("My applications" is in
/// the menu): a reader meets them at once, so they are scored as the two-syllable words they are to that reader, not as five.
const FAMILIAR: &[&str] = &[
    "opportunity",
    "opportunities",
    "organiser",
    "organisers",
    "organiser's",
    "organisers'",
    "application",
    "applications",
];

fn syllables(word: &str) -> usize {
    let lower = word
        .to_lowercase()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
        .to_owned();
    if FAMILIAR.contains(&lower.as_str()) {
        return 2;
    }
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    if w.is_empty() {
        return 0;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut n = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    // A silent final "e" ("page", "save"), but not "-le" ("people", "able").
    if w.len() > 2 && w[w.len() - 1] == 'e' && !vowel(w[w.len() - 2]) && w[w.len() - 2] != 'l' {
        n -= 1;
    }
    n.max(1)
}

/// Flesch reading ease, and the number of words.
fn flesch(text: &str) -> (f64, usize) {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '—')
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .collect();
    let sentences = text
        .split(['.', '!', '?', ':', ';'])
        .filter(|s| s.chars().any(|c| c.is_alphabetic()))
        .count()
        .max(1);
    let syl: usize = words.iter().map(|w| syllables(w)).sum();
    let n = words.len().max(1) as f64;
    (
        206.835 - 1.015 * (n / sentences as f64) - 84.6 * (syl as f64 / n),
        words.len(),
    )
}

#[test]
fn syllables_are_counted_as_people_say_them() {
    for (w, n) in [
        ("page", 1),
        ("people", 2),
        ("activity", 4),
        ("device", 2),
        ("the", 1),
        ("apply", 2),
    ] {
        assert_eq!(syllables(w), n, "{w}");
    }
}

#[test]
fn every_english_message_is_plain_or_justified() {
    let ftl = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/locales/en.ftl"
    ))
    .expect("en.ftl");
    let res = fluent_syntax::parser::parse(ftl.as_str()).expect("en.ftl reads cleanly");
    let mut hard = Vec::new();
    let mut scored = 0;
    let mut total = 0.0;
    for entry in &res.body {
        let Entry::Message(m) = entry else { continue };
        let Some(p) = &m.value else { continue };
        let mut text = String::new();
        text_of(p, &mut text);
        let (score, words) = flesch(&text);
        if words < 8 {
            continue;
        }
        scored += 1;
        total += score;
        let id = m.id.name;
        let justified = JUSTIFIED.iter().any(|(j, _)| *j == id);
        if score < THRESHOLD && !justified {
            hard.push(format!("{id} ({score:.0}): {text}"));
        }
        if score >= THRESHOLD && justified {
            hard.push(format!(
                "{id} ({score:.0}) is plain now: take it out of JUSTIFIED"
            ));
        }
    }
    assert!(scored > 40, "only {scored} messages scored");
    let mean = total / scored as f64;
    println!("{scored} messages scored; mean Flesch reading ease {mean:.0}");
    assert!(
        hard.is_empty(),
        "below {THRESHOLD} (rewrite, or justify in JUSTIFIED):\n{}",
        hard.join("\n")
    );
    assert!(
        mean >= 60.0,
        "the mean score {mean:.0} is below plain English (60)"
    );
}
