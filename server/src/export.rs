//! `export-static DIR`: the feed as static RPDE page files (`page-1.json`, `page-2.json`, ...)
//! with relative `next` links, for any static host or CDN.
//!
//! Same rules as the sample feed: a full page (exactly `page_size` items) is never rewritten, so
//! a second export after changes only rewrites the tail and adds pages; changed listings appear
//! again later in the feed, with a larger `modified`, as RPDE intends. The last file is always an
//! empty page whose `next` is itself.

use std::path::Path;

use anyhow::{Context, Result};
use opendoor_core::feed::{page_to_json, parse_page};
use serde::Serialize;

use crate::feed::{page_rows, rows_to_items, Cursor};
use crate::store::Store;

#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct ExportReport {
    /// Full pages left as they were.
    pub kept: usize,
    /// Pages written now (the tail and any new pages).
    pub written: usize,
    pub items_written: usize,
}

pub fn page_name(n: usize) -> String {
    format!("page-{n}.json")
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

pub fn export_static(
    store: &Store,
    dir: &Path,
    page_size: usize,
    license: &str,
) -> Result<ExportReport> {
    anyhow::ensure!(page_size > 0, "the page size must be at least 1");
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut report = ExportReport::default();
    // Full pages from an earlier export stay as they are.
    let mut n = 1;
    let mut cursor: Option<Cursor> = None;
    while let Ok(bytes) = std::fs::read(dir.join(page_name(n))) {
        let Ok(page) = parse_page(&bytes) else { break };
        if page.len() != page_size || !page.skipped.is_empty() || page.next != page_name(n + 1) {
            break;
        }
        let last = page.items.last().map(|i| (i.modified(), i.id().to_owned()));
        if last.is_none() {
            break;
        }
        cursor = last;
        report.kept += 1;
        n += 1;
    }
    loop {
        let rows = page_rows(store, cursor.as_ref(), page_size)?;
        let items = rows_to_items(&rows)?;
        let next = if items.is_empty() {
            page_name(n)
        } else {
            page_name(n + 1)
        };
        let body = serde_json::to_vec_pretty(&page_to_json(&items, &next, Some(license)))?;
        write_atomic(&dir.join(page_name(n)), &body)?;
        report.written += 1;
        report.items_written += items.len();
        match items.last() {
            None => break,
            Some(last) => cursor = Some((last.modified(), last.id().to_owned())),
        }
        n += 1;
    }
    // Anything after the empty last page is from an export of a different database.
    let mut stale = n + 1;
    while dir.join(page_name(stale)).exists() {
        std::fs::remove_file(dir.join(page_name(stale)))?;
        stale += 1;
    }
    Ok(report)
}
