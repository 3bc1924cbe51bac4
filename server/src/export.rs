//! `export-static DIR`: the feed as static RPDE page files (`page-1.json`, `page-2.json`, ...)
//! with relative `next` links, for any static host or CDN.
//!
//! A page with items is never rewritten, full or not: a reader (the app, or another server
//! following this feed) that has read it has moved on to the page after it and would never read
//! it again, so anything added to it would be lost to them. A second export after changes only
//! rewrites the empty last page and adds pages; changed listings appear again later in the feed,
//! with a larger `modified`, as RPDE intends. The last file is always an empty page whose `next`
//! is itself.

use std::path::Path;

use opendoor_core::feed::{page_to_json, parse_page};
use serde::Serialize;

use crate::feed::{page_rows, rows_to_items, Cursor};
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the page size must be at least 1")]
    PageSize,
    #[error("could not write {path}")]
    Write {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a page could not be made")]
    Json(#[from] serde_json::Error),
    #[error("{path} is not the app's build (no shell.html with the first-paint markers): build the app with scripts/build.sh and give its dist/ folder")]
    NotTheApp { path: std::path::PathBuf },
}

type Result<T> = std::result::Result<T, ExportError>;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Write {
        path: path.to_owned(),
        source,
    }
}

#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct ExportReport {
    /// Pages with items left as they were.
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
    std::fs::write(&tmp, bytes).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))?;
    Ok(())
}

/// What `export-static --app` wrote for a static host's first visits.
#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct FirstPaintReport {
    /// index.html (the list) and one `opportunities/ID.html` per live listing.
    pub pages: usize,
    /// Listings whose id cannot be a file name (still reachable in the app).
    pub skipped: usize,
    /// Pages of listings no longer live, removed.
    pub removed: usize,
}

/// An id that is safe as a file name on any host: letters, digits, `-`, `_` and `.`, not
/// starting with a dot.
fn file_safe(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("page");
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&tmp, bytes).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))?;
    Ok(())
}

/// The first paint for a static host (`export-static --app DIR`): the list into `DIR/index.html`
/// and each live opportunity into `DIR/opportunities/ID.html`, inside the build's `shell.html`,
/// as the server sends them (server/src/first_paint).
pub fn first_paint(store: &Store, app_dir: &Path, today: time::Date) -> Result<FirstPaintReport> {
    use crate::first_paint::{detail_page, splice, FirstPaint};
    let not_the_app = || ExportError::NotTheApp {
        path: app_dir.to_owned(),
    };
    let shell = std::fs::read_to_string(app_dir.join("shell.html")).map_err(|_| not_the_app())?;
    let mut report = FirstPaintReport::default();
    // A static host cannot choose by reader, so the exported first paint is in English.
    let list = FirstPaint::default().list(store, &crate::en(), "", today)?;
    let html = splice(&shell, &list).ok_or_else(not_the_app)?;
    write_file(&app_dir.join("index.html"), html.as_bytes())?;
    report.pages += 1;
    let dir = app_dir.join("opportunities");
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let mut written = std::collections::HashSet::new();
    for l in store.live_listings()? {
        if !file_safe(&l.id) {
            report.skipped += 1;
            continue;
        }
        let name = format!("{}.html", l.id);
        let html = splice(&shell, &detail_page(&crate::en(), &l, today)).ok_or_else(not_the_app)?;
        write_file(&dir.join(&name), html.as_bytes())?;
        written.insert(name);
        report.pages += 1;
    }
    for entry in std::fs::read_dir(&dir).map_err(io(&dir))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".html") && !written.contains(&name) {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(io(&path))?;
            report.removed += 1;
        }
    }
    Ok(report)
}

pub fn export_static(
    store: &Store,
    dir: &Path,
    page_size: usize,
    license: &str,
) -> Result<ExportReport> {
    if page_size == 0 {
        return Err(ExportError::PageSize);
    }
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut report = ExportReport::default();
    // Pages with items from an earlier export stay as they are.
    let mut n = 1;
    let mut cursor: Option<Cursor> = None;
    while let Ok(bytes) = std::fs::read(dir.join(page_name(n))) {
        let Ok(page) = parse_page(&bytes) else { break };
        if page.is_empty() || !page.skipped.is_empty() || page.next != page_name(n + 1) {
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
        let path = dir.join(page_name(stale));
        std::fs::remove_file(&path).map_err(io(&path))?;
        stale += 1;
    }
    Ok(report)
}
