//! The message catalogues (public/locales/*.ftl): each one reads cleanly, every language has
//! every English message and uses only the placeholders English gives it, and every message the
//! code asks for exists. A translator's mistake shows here, by file and message, not on a screen.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use opendoor_core::i18n::Lang;

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/locales")
}

fn read(lang: &str) -> String {
    std::fs::read_to_string(locales().join(format!("{lang}.ftl")))
        .unwrap_or_else(|e| panic!("public/locales/{lang}.ftl: {e}"))
}

fn vars_in_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => vars_in_expr(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                vars_in_inline(a, out);
            }
        }
        _ => {}
    }
}

fn vars_in_expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => vars_in_inline(i, out),
        Expression::Select { selector, variants } => {
            vars_in_inline(selector, out);
            for v in variants {
                vars_in_pattern(&v.value, out);
            }
        }
    }
}

fn vars_in_pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            vars_in_expr(expression, out);
        }
    }
}

/// Every message of a catalogue and the placeholders it uses; panics on any syntax error.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let text = read(lang);
    let res = fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|(_, errs)| {
        let lines: Vec<String> = errs
            .iter()
            .map(|e| {
                let line = text[..e.pos.start.min(text.len())].matches('\n').count() + 1;
                format!("line {line}: {:?}", e.kind)
            })
            .collect();
        panic!(
            "public/locales/{lang}.ftl does not read cleanly:\n{}",
            lines.join("\n")
        )
    });
    let mut out = BTreeMap::new();
    for entry in &res.body {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                vars_in_pattern(p, &mut vars);
            }
            let id = m.id.name.to_owned();
            assert!(
                out.insert(id.clone(), vars).is_none(),
                "{lang}.ftl has \"{id}\" twice"
            );
        }
    }
    out
}

#[test]
fn every_language_has_every_message_with_only_its_placeholders() {
    let en = messages("en");
    assert!(en.len() > 100, "English has only {} messages", en.len());
    for lang in Lang::PICKABLE.iter().filter(|l| **l != Lang::En) {
        let tag = lang.tag();
        let theirs = messages(tag);
        let missing: Vec<&String> = en.keys().filter(|k| !theirs.contains_key(*k)).collect();
        assert!(
            missing.is_empty(),
            "{tag}.ftl lacks {} messages: {missing:?}",
            missing.len()
        );
        let stale: Vec<&String> = theirs.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(
            stale.is_empty(),
            "{tag}.ftl has messages English no longer has: {stale:?}"
        );
        for (id, vars) in &theirs {
            let unknown: Vec<&String> = vars.difference(&en[id]).collect();
            assert!(
                unknown.is_empty(),
                "{tag}.ftl \"{id}\" uses placeholders English does not give: {unknown:?}"
            );
        }
    }
}

/// The message ids the code asks for: `tr("id"`, `tr_with("id"`, `.text("id"`,
/// `.text_with("id"` and `c.text(match …` arms written as `=> "id"` in words modules.
fn ids_in_code() -> BTreeSet<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = BTreeSet::new();
    // The organisers' pages (server/src/org) are English only; the first paint is the app's.
    let mut stack = vec![
        root.join("src"),
        root.join("core/src"),
        root.join("server/src/first_paint"),
    ];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                for pat in ["tr(\"", "tr_with(\"", ".text(\"", ".text_with(\""] {
                    for (i, _) in text.match_indices(pat) {
                        let before = text[..i].chars().next_back();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                            continue;
                        }
                        let rest = &text[i + pat.len()..];
                        if let Some(end) = rest.find('"') {
                            let id = &rest[..end];
                            if id
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                                && !id.is_empty()
                            {
                                out.insert((id.to_owned(), p.display().to_string()));
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_message_the_code_asks_for_exists_in_english() {
    let en = messages("en");
    let missing: Vec<String> = ids_in_code()
        .into_iter()
        .filter(|(id, _)| !en.contains_key(id))
        .map(|(id, file)| format!("{id} (in {file})"))
        .collect();
    assert!(
        missing.is_empty(),
        "not in public/locales/en.ftl: {missing:#?}"
    );
}

#[test]
fn translations_made_without_a_native_speaker_say_so() {
    for lang in Lang::PICKABLE.iter().filter(|l| **l != Lang::En) {
        let text = read(lang.tag());
        assert!(
            text.lines().any(|l| l.starts_with("### Needs review"))
                == opendoor_core::i18n::needs_review(&text),
            "{}: needs_review disagrees with the file",
            lang.tag()
        );
    }
}
