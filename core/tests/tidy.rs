//! The rules ARCHITECTURE.md relies on, checked by reading the source (in the manner of
//! rust-analyzer's tidy tests), so they hold by test rather than by memory.
//!
//! Each rule names the file and line that breaks it and says what to do instead.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("core/ sits in the workspace root")
        .to_path_buf()
}

/// Every `.rs` file below `dir` (relative to the workspace root), sorted.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    fn walk(p: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(p) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join(dir), &mut out);
    out.sort();
    out
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root())
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Lines of code, without `//` comments (so a comment may name what it avoids) and without the
/// file's `#[cfg(test)]` module at its end (tests may spell the wire format out).
fn code_lines(p: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(p).unwrap_or_default();
    text.lines()
        .take_while(|l| l.trim() != "#[cfg(test)]")
        .enumerate()
        .map(|(i, l)| {
            let code = match l.find("//") {
                // Keep "//" inside a string such as "https://".
                Some(at) if !l[..at].contains('"') => &l[..at],
                _ => l,
            };
            (i + 1, code.to_owned())
        })
        .collect()
}

/// Fails with every place `needle` occurs in `files`.
fn forbid(files: &[PathBuf], needles: &[&str], why: &str) {
    let mut found = Vec::new();
    for f in files {
        for (n, line) in code_lines(f) {
            for needle in needles {
                if line.contains(needle) {
                    found.push(format!("{}:{n}: {}", rel(f), line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{why}\n{}", found.join("\n"));
}

fn files_except(dir: &str, allowed_prefix: &str) -> Vec<PathBuf> {
    rust_files(dir)
        .into_iter()
        .filter(|p| !rel(p).starts_with(allowed_prefix))
        .collect()
}

#[test]
fn core_has_no_browser_network_or_server_dependency() {
    let manifest = fs::read_to_string(root().join("core/Cargo.toml")).expect("core/Cargo.toml");
    let manifest: toml_lite::Deps = toml_lite::dependencies(&manifest);
    // Everything core may depend on. A new entry here is a decision: write it down in
    // docs/decisions.md. Core is plain Rust: no I/O, no browser, no network, no database.
    const ALLOWED: &[&str] = &[
        "serde",
        "serde_json",
        "serde_path_to_error",
        "base64",
        "time",
        "rust-stemmers",
        // i18n: Project Fluent's message catalogues (plain Rust, no I/O).
        "fluent-bundle",
        "unic-langid",
        // seal::native, behind the optional `native-crypto` feature (never in the app):
        "p256",
        "hkdf",
        "sha2",
        "aes-gcm",
        "pbkdf2",
        "rand_core",
        "zeroize",
        // dev only
        "proptest",
        "fluent-syntax",
    ];
    let unexpected: Vec<_> = manifest
        .names
        .iter()
        .filter(|d| !ALLOWED.contains(&d.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "core must stay plain Rust (no browser, network, server or database crate): {unexpected:?}"
    );
    for d in &manifest.names {
        let crypto = [
            "p256",
            "hkdf",
            "sha2",
            "aes-gcm",
            "pbkdf2",
            "rand_core",
            "zeroize",
        ];
        if crypto.contains(&d.as_str()) {
            assert!(
                manifest.optional.contains(d),
                "{d} must be optional (feature native-crypto) so it never reaches the app"
            );
        }
    }
}

#[test]
fn nothing_renders_untrusted_text_as_html() {
    let mut files = rust_files("src");
    files.extend(rust_files("core/src"));
    files.extend(rust_files("server/src"));
    forbid(
        &files,
        &["inner_html", "set_inner_html", "innerHTML"],
        "Feed and API text is rendered as text, never HTML (ARCHITECTURE.md, Invariants):",
    );
}

#[test]
fn only_the_store_touches_indexeddb() {
    forbid(
        &files_except("src", "src/store/"),
        &["indexed_db_futures", "IdbDatabase", "IdbTransaction"],
        "Only src/store/ may use IndexedDB; call the store's methods instead:",
    );
}

#[test]
fn only_net_makes_http_requests() {
    forbid(
        &files_except("src", "src/net/"),
        &[
            "gloo_net",
            "Request::get",
            "Request::post",
            "fetch_with_",
            ".fetch(",
        ],
        "Every HTTP request of the app goes through src/net/ (one timeout, one size bound):",
    );
}

#[test]
fn storage_never_calls_the_network() {
    forbid(
        &rust_files("src/store"),
        &["crate::net", "crate::runtime"],
        "src/store/ reads and writes IndexedDB only; fetch first (in the runtime) and pass the result in:",
    );
}

#[test]
fn screens_do_not_reach_into_the_runtime() {
    let mut found = Vec::new();
    for f in rust_files("src/pages") {
        for (n, line) in code_lines(&f) {
            if let Some(at) = line.find("crate::runtime::") {
                let rest = &line[at + "crate::runtime::".len()..];
                if !rest.starts_with("ctx")
                    && !rest.starts_with("{ctx")
                    && !rest.starts_with("use_ctx")
                    && !rest.starts_with("Ctx")
                {
                    found.push(format!("{}:{n}: {}", rel(&f), line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "Screens read the context (crate::runtime::ctx), never the runtime's internals:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_direct_clock_reads_outside_the_clock_modules() {
    forbid(
        &files_except("src", "src/clock.rs"),
        &["Date::now()"],
        "The app reads the time through src/clock.rs:",
    );
    let server: Vec<_> = rust_files("server/src")
        .into_iter()
        .filter(|p| !rel(p).ends_with("clock.rs"))
        .collect();
    forbid(
        &server,
        &["OffsetDateTime::now_utc()", "SystemTime::now()"],
        "The server reads the time through its injected clock (tests set it):",
    );
}

#[test]
fn the_wire_contracts_error_codes_are_written_once() {
    // Every code lives in core::api::ErrorCode; nobody spells one as a string literal.
    let mut files = rust_files("src");
    files.extend(rust_files("server/src"));
    files.extend(
        rust_files("core/src")
            .into_iter()
            .filter(|p| !rel(p).ends_with("core/src/api.rs")),
    );
    let codes: Vec<String> = opendoor_core::api::ErrorCode::ALL
        .iter()
        // "withdrawn" is also an application's status, spelled by ApplicationStatus.
        .filter(|c| **c != opendoor_core::api::ErrorCode::Withdrawn)
        .map(|c| format!("\"{}\"", c.as_str()))
        .collect();
    let needles: Vec<&str> = codes.iter().map(String::as_str).collect();
    forbid(
        &files,
        &needles,
        "Use opendoor_core::api::ErrorCode instead of spelling an error code:",
    );
}

/// Module dependencies inside the app, from `crate::a::...` paths: no circles.
#[test]
fn the_apps_modules_form_no_circle() {
    let src = root().join("src");
    // Map each file to its module path: src/store/drafts.rs → store::drafts.
    let module_of = |p: &Path| -> String {
        let r = p.strip_prefix(&src).unwrap_or(p).with_extension("");
        let mut parts: Vec<String> = r
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|l| l == "mod") {
            parts.pop();
        }
        parts.join("::")
    };
    let files = rust_files("src");
    let modules: BTreeSet<String> = files.iter().map(|p| module_of(p)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let me = module_of(f);
        let text = code_lines(f)
            .into_iter()
            .map(|(_, l)| l)
            .collect::<Vec<_>>()
            .join("\n");
        for (at, _) in text.match_indices("crate::") {
            let path: String = text[at + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            // The longest module that the path names (crate::store::drafts::save → store::drafts).
            let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let target = (1..=segs.len())
                .rev()
                .map(|n| segs[..n].join("::"))
                .find(|m| modules.contains(m));
            if let Some(t) = target {
                // A module using its own descendants or ancestors is one unit, not a circle.
                let related = t == me
                    || t.starts_with(&format!("{me}::"))
                    || me.starts_with(&format!("{t}::"))
                    || me.is_empty()
                    || t.is_empty();
                if !related {
                    graph.entry(me.clone()).or_default().insert(t);
                }
            }
        }
    }
    // Depth-first search for a back edge; report the circle it closes.
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == m) {
            let mut circle = stack[i..].to_vec();
            circle.push(m.to_owned());
            return Some(circle);
        }
        if done.contains(m) {
            return None;
        }
        stack.push(m.to_owned());
        for next in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(next, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(m.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        if let Some(circle) = visit(m, &graph, &mut Vec::new(), &mut done) {
            panic!(
                "src/ has an import circle: {} (move what both need into a lower module)",
                circle.join(" → ")
            );
        }
    }
}

/// Just enough TOML reading for dependency names, so this test needs no parser crate.
mod toml_lite {
    pub struct Deps {
        pub names: Vec<String>,
        pub optional: Vec<String>,
    }

    pub fn dependencies(manifest: &str) -> Deps {
        let mut names = Vec::new();
        let mut optional = Vec::new();
        let mut section = String::new();
        let mut current: Option<String> = None;
        for line in manifest.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                section = line.trim_matches(|c| c == '[' || c == ']').to_owned();
                current = None;
                // [dependencies.p256] style
                for prefix in ["dependencies.", "dev-dependencies."] {
                    if let Some(name) = section.strip_prefix(prefix) {
                        names.push(name.to_owned());
                        current = Some(name.to_owned());
                    }
                }
                continue;
            }
            let in_deps = section == "dependencies"
                || section == "dev-dependencies"
                || section.ends_with(".dependencies")
                || section.ends_with(".dev-dependencies");
            if in_deps {
                if let Some((name, rest)) = line.split_once('=') {
                    let name = name.trim().split('.').next().unwrap_or("").to_owned();
                    if !name.is_empty() && !name.starts_with('#') {
                        if rest.contains("optional = true") {
                            optional.push(name.clone());
                        }
                        names.push(name);
                    }
                }
            } else if let Some(cur) = &current {
                if line.replace(' ', "") == "optional=true" {
                    optional.push(cur.clone());
                }
            }
        }
        Deps { names, optional }
    }
}
