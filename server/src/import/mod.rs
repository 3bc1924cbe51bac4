//! `import`: listings from our own feed pages, the CSV template, or VDS JSON-LD, into the store.
//!
//! The kind of each file is told by its content. Every listing is checked with the domain
//! crate's `validate::check`. Any error stops the whole run before anything is written, and the
//! store applies the rest in one transaction, so nothing is ever half-imported.

pub mod csv;
pub mod util;
pub mod vds;

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use opendoor_core::feed::{parse_page, Item};

use crate::store::{ImportBatch, ImportOp, ImportReport, Store, StoreError};

/// One problem with an input, naming where it is. `Display` is the line the operator reads
/// (file, place, problem); a cause from the system (a file that cannot be read) is its source.
#[derive(Clone, Debug)]
pub struct ImportError {
    pub file: String,
    /// "row 4, column summary", "$.@graph[0].activity[1].role[0]", "item \"abc\"", or "" for the file.
    pub location: String,
    pub problem: String,
    /// Shared so that a report can be cloned; io::Error itself cannot be.
    pub cause: Option<Arc<std::io::Error>>,
}

impl ImportError {
    pub fn new(file: &str, location: impl Into<String>, problem: impl Into<String>) -> Self {
        ImportError {
            file: file.to_owned(),
            location: location.into(),
            problem: problem.into(),
            cause: None,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}: {}: {}", self.file, self.location, self.problem)
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Why a run imported nothing.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Problems in the files, every one of them (the operator fixes them and runs again).
    #[error("{} problem(s) in the files", .0.len())]
    Files(Vec<ImportError>),
    #[error("the listings could not be saved")]
    Store(#[from] StoreError),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Feed,
    Csv,
    Vds,
}

/// What one file turned into.
#[derive(Debug, Default)]
pub struct Parsed {
    pub ops: Vec<ImportOp>,
    /// Feed items carry their own order: (modified, id), to be merged across pages.
    pub feed_items: Vec<Item>,
    pub errors: Vec<ImportError>,
    /// Not fatal: feed items the app itself would skip; VDS roles given a derived id.
    pub warnings: Vec<ImportError>,
    /// What the document says about itself (VDS `license`, `publisher`).
    pub meta: DocMeta,
}

/// A document's own word on its licence and publisher, when it gives one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocMeta {
    /// A licence URL or SPDX id.
    pub license: Option<String>,
    /// A name or URL.
    pub publisher: Option<String>,
}

pub fn detect(bytes: &[u8]) -> Format {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if first == Some(b'{') || first == Some(b'[') {
        // RPDE pages have "items" and "next"; everything else JSON is taken as VDS.
        match serde_json::from_slice::<serde_json::Value>(text) {
            Ok(v) if v.get("items").is_some() && v.get("next").is_some() => Format::Feed,
            _ => Format::Vds,
        }
    } else {
        Format::Csv
    }
}

/// Parses one file's bytes (never panics, whatever they are).
/// `now` stands in for a listing's missing "last updated" (the store's clock, so tests set it).
pub fn parse_file(name: &str, bytes: &[u8], now: time::OffsetDateTime) -> Parsed {
    match detect(bytes) {
        Format::Csv => csv::parse(name, bytes, now),
        Format::Vds => vds::parse(name, bytes, now),
        Format::Feed => parse_feed(name, bytes),
    }
}

fn parse_feed(name: &str, bytes: &[u8]) -> Parsed {
    let mut out = Parsed::default();
    match parse_page(bytes) {
        Ok(page) => {
            for s in page.skipped {
                out.warnings.push(ImportError::new(
                    name,
                    format!("item \"{}\"", s.id),
                    format!("skipped, as the app would skip it: {}", s.problem),
                ));
            }
            out.feed_items = page.items;
        }
        Err(e) => out.errors.push(ImportError::new(name, "", e.to_string())),
    }
    out
}

/// The result of a whole run.
#[derive(Debug)]
pub struct RunOutcome {
    pub report: ImportReport,
    pub warnings: Vec<ImportError>,
}

/// Reads, checks and imports the files in one transaction.
pub fn run(
    store: &Store,
    files: &[impl AsRef<Path>],
    withdraw_missing: bool,
    org: Option<&str>,
) -> Result<RunOutcome, RunError> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut feed_items = Vec::new();
    let mut ops = Vec::new();
    for f in files {
        let path = f.as_ref();
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(ImportError {
                    cause: Some(Arc::new(e)),
                    ..ImportError::new(&name, "", "cannot be read")
                });
                continue;
            }
        };
        let parsed = parse_file(&name, &bytes, store.clock().now());
        errors.extend(parsed.errors);
        warnings.extend(parsed.warnings);
        feed_items.extend(parsed.feed_items);
        ops.extend(parsed.ops);
    }
    if !errors.is_empty() {
        return Err(RunError::Files(errors));
    }
    // Feed pages may come in any order (a shell sorts page-10 before page-2): apply their items
    // in feed order, which is what RPDE means.
    feed_items.sort_by(|a, b| (a.modified(), a.id()).cmp(&(b.modified(), b.id())));
    let mut all: Vec<ImportOp> = feed_items
        .into_iter()
        .map(|i| match i {
            Item::Updated { listing, .. } => ImportOp::Upsert(listing),
            Item::Deleted { id, .. } => ImportOp::Delete(id),
        })
        .collect();
    all.extend(ops);
    let report = store.import(ImportBatch {
        ops: all,
        org: org.map(str::to_owned),
        withdraw_missing,
    })?;
    Ok(RunOutcome { report, warnings })
}

/// One uploaded file (from the organisers' pages) for one organisation, in one transaction.
/// Problems come back as sentences naming the row and column (or JSON path). Deletions are
/// not taken from an upload: an organisation withdraws a listing on its page.
pub fn import_bytes(
    store: &Store,
    name: &str,
    bytes: &[u8],
    org: &str,
    org_name: Option<&str>,
) -> Result<ImportReport, Vec<String>> {
    let parsed = parse_file(name, bytes, store.clock().now());
    let describe = |e: &ImportError| {
        if e.location.is_empty() {
            e.problem.clone()
        } else {
            format!("{}: {}", e.location, e.problem)
        }
    };
    let mut problems: Vec<String> = parsed.errors.iter().map(describe).collect();
    let mut ops = parsed.ops;
    for item in parsed.feed_items {
        match item {
            Item::Updated { listing, .. } => ops.push(ImportOp::Upsert(listing)),
            Item::Deleted { id, .. } => problems.push(format!(
                "item \"{id}\": deleted items are not taken from an upload; withdraw the listing on its page"
            )),
        }
    }
    if ops.iter().any(|o| matches!(o, ImportOp::Delete(_))) {
        problems.push(
            "deletions are not taken from an upload; withdraw the listing on its page".into(),
        );
    }
    if ops.is_empty() && problems.is_empty() {
        problems.push("the file has no listings in it".into());
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Published for the organisation that uploads it, whatever the file calls its publisher.
    for op in &mut ops {
        if let ImportOp::Upsert(l) = op {
            l.organisation.id = Some(org.to_owned());
            if let Some(name) = org_name {
                l.organisation.name = name.to_owned();
            }
        }
    }
    store
        .import(ImportBatch {
            ops,
            org: Some(org.to_owned()),
            withdraw_missing: false,
        })
        .map_err(|e| match e {
            StoreError::Invalid(why) => vec![why],
            other => {
                tracing::error!(error = %crate::chain(&other), "an upload could not be saved");
                vec!["the server could not save the listings; nothing was imported, try again in a minute".into()]
            }
        })
}

#[cfg(test)]
mod prop {
    //! Whatever a file holds, the importers answer with listings or errors, never a panic, and
    //! every listing they accept passes the domain crate's checks.

    use proptest::prelude::*;
    use serde_json::{Map, Value};

    const NOW: time::OffsetDateTime = time::macros::datetime!(2026-11-26 10:00 UTC);

    use super::*;

    fn accepted_are_valid(p: &Parsed) {
        for op in &p.ops {
            if let ImportOp::Upsert(l) = op {
                assert!(
                    opendoor_core::validate::check(l).is_ok(),
                    "accepted an invalid listing: {l:?}"
                );
            }
        }
        if !p.errors.is_empty() {
            for e in &p.errors {
                assert!(!e.problem.is_empty());
            }
        }
    }

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("paid".to_owned()),
            Just("in-app".to_owned()),
            Just("hybrid".to_owned()),
            Just("in-person".to_owned()),
            Just("online".to_owned()),
            Just("advisory group".to_owned()),
            Just("£25.50".to_owned()),
            Just("hour".to_owned()),
            Just("2026-03-29 01:30-02:30".to_owned()),
            Just("31/02/2026".to_owned()),
            Just("*single-choice: Pick = A / B\nlong-text(0): Why?".to_owned()),
            Just("multiple-choice(x): Q".to_owned()),
            Just("https://example.org".to_owned()),
            Just("a@b.co".to_owned()),
            Just("travel; meals; nonsense".to_owned()),
            Just("99999999999999999999".to_owned()),
            Just("-0.0".to_owned()),
            Just("NaN".to_owned()),
            "[a-z0-9 ]{0,12}",
            any::<String>(),
        ]
    }

    fn csv_file() -> impl Strategy<Value = Vec<u8>> {
        let header = proptest::sample::subsequence(csv::COLUMNS.to_vec(), 0..=csv::COLUMNS.len())
            .prop_shuffle();
        header
            .prop_flat_map(|cols| {
                let n = cols.len();
                (
                    Just(cols),
                    proptest::collection::vec(proptest::collection::vec(cell(), n..=n + 1), 0..4),
                )
            })
            .prop_map(|(cols, rows)| {
                let mut w = ::csv::Writer::from_writer(Vec::new());
                let _ = w.write_record(&cols);
                for r in rows {
                    let _ = w.write_record(&r);
                }
                w.into_inner().unwrap_or_default()
            })
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let keys = prop_oneof![
            Just("@graph"),
            Just("@type"),
            Just("@id"),
            Just("name"),
            Just("description"),
            Just("activity"),
            Just("role"),
            Just("session"),
            Just("startDate"),
            Just("endDate"),
            Just("location"),
            Just("address"),
            Just("latitude"),
            Just("allowsRemoteParticipation"),
            Just("requirement"),
            Just("minimumAge"),
            Just("contact"),
            Just("email"),
            Just("url"),
            Just("status"),
        ];
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
                .map(Value::Number)
                .unwrap_or(Value::Null)),
            Just(Value::from("Organisation")),
            Just(Value::from("2026-05-01T10:00:00Z")),
            Just(Value::from("https://example.org/a/b")),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(5, 80, 6, move |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::vec((keys.clone(), inner), 0..6).prop_map(|kv| {
                    let mut m = Map::new();
                    for (k, v) in kv {
                        m.insert(k.to_owned(), v);
                    }
                    Value::Object(m)
                }),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

        #[test]
        fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            accepted_are_valid(&parse_file("x", &bytes, NOW));
            accepted_are_valid(&csv::parse("x", &bytes, NOW));
            accepted_are_valid(&vds::parse("x", &bytes, NOW));
        }

        #[test]
        fn csv_shaped(bytes in csv_file()) {
            accepted_are_valid(&csv::parse("x.csv", &bytes, NOW));
        }

        #[test]
        fn vds_shaped(v in json_value()) {
            let bytes = serde_json::to_vec(&v).unwrap();
            accepted_are_valid(&vds::parse("x.json", &bytes, NOW));
            let graph = serde_json::json!({"@graph": [{"@type": "Organisation", "name": "O", "activity": [v]}]});
            accepted_are_valid(&vds::parse("x.json", &serde_json::to_vec(&graph).unwrap(), NOW));
        }
    }

    #[test]
    fn the_template_imports() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../docs/listings-template.csv"
        ))
        .unwrap();
        let p = parse_file("template", &bytes, NOW);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.ops.len(), 2);
    }
}
