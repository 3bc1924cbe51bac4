//! `import`: listings from our own feed pages, the CSV template, or VDS JSON-LD, into the store.
//!
//! The kind of each file is told by its content. Every listing is checked with the domain
//! crate's `validate::check`. Any error stops the whole run before anything is written, and the
//! store applies the rest in one transaction, so nothing is ever half-imported.

pub mod csv;
pub mod util;
pub mod vds;

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use opendoor_core::feed::{parse_page, Item};

use crate::store::{org_key, ImportBatch, ImportOp, ImportReport, Store};

/// One problem with an input, naming where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    /// "row 4, column summary", "$.@graph[0].activity[1].role[0]", "item \"abc\"", or "" for the file.
    pub location: String,
    pub problem: String,
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
    /// Not fatal: feed items the app itself would skip.
    pub warnings: Vec<ImportError>,
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
pub fn parse_file(name: &str, bytes: &[u8]) -> Parsed {
    match detect(bytes) {
        Format::Csv => csv::parse(name, bytes),
        Format::Vds => vds::parse(name, bytes),
        Format::Feed => parse_feed(name, bytes),
    }
}

fn parse_feed(name: &str, bytes: &[u8]) -> Parsed {
    let mut out = Parsed::default();
    match parse_page(bytes) {
        Ok(page) => {
            for s in page.skipped {
                out.warnings.push(ImportError {
                    file: name.to_owned(),
                    location: format!("item \"{}\"", s.id),
                    problem: format!("skipped, as the app would skip it: {}", s.problem),
                });
            }
            out.feed_items = page.items;
        }
        Err(e) => out.errors.push(ImportError {
            file: name.to_owned(),
            location: String::new(),
            problem: e.to_string(),
        }),
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
) -> Result<RunOutcome, Vec<ImportError>> {
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
                    file: name,
                    location: String::new(),
                    problem: format!("cannot be read: {e}"),
                });
                continue;
            }
        };
        let parsed = parse_file(&name, &bytes);
        errors.extend(parsed.errors);
        warnings.extend(parsed.warnings);
        feed_items.extend(parsed.feed_items);
        ops.extend(parsed.ops);
    }
    if !errors.is_empty() {
        return Err(errors);
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
    let withdraw_missing_for = withdraw_missing.then(|| {
        all.iter()
            .filter_map(|op| match op {
                ImportOp::Upsert(l) => Some(org_key(&l.organisation.name)),
                ImportOp::Delete(_) => None,
            })
            .collect::<HashSet<_>>()
    });
    let report = store
        .import(ImportBatch {
            ops: all,
            withdraw_missing_for,
        })
        .map_err(|e| {
            vec![ImportError {
                file: "(database)".into(),
                location: String::new(),
                problem: format!("{e:#}"),
            }]
        })?;
    Ok(RunOutcome { report, warnings })
}
