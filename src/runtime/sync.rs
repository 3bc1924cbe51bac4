//! The sync loop: fetch a page, let the core decide, write it with the cursor, repeat.

use opendoor_core::feed::{parse_page, PageError};
use opendoor_core::sync::{
    after_page, Cursor, Response, Skipped, SyncError, Tally, Then, MAX_PAGES_PER_SYNC,
};

use opendoor_core::words;

use crate::clock;
use crate::net::feed::{fetch_page, resolve};
use crate::net::http::NetError;
use crate::store::{Store, StoreError};

/// What a finished sync did, for the status line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub tally: Tally,
    /// How many listings the feed sent that could not be read, and a few "id: why" lines.
    pub skipped: Skipped,
}

impl From<StoreError> for SyncError {
    fn from(e: StoreError) -> Self {
        if e.is_full() {
            SyncError::StorageFull
        } else {
            SyncError::Storage(words::storage_problem(&crate::i18n::cat(), &e.problem()))
        }
    }
}

/// Brings the stored listings up to date with the feed that starts at `start_url`.
///
/// Each page is applied in its own transaction, so stopping part-way (an error, a closed tab)
/// keeps every page already applied and resumes from the saved cursor next time. `on_page` is
/// told after each page that changed something, so the screens can show it at once.
pub async fn run(
    store: &Store,
    start_url: &str,
    on_page: impl Fn(),
) -> Result<Report, (SyncError, Report)> {
    let mut report = Report::default();
    let mut cursor = match store.cursor().await {
        Ok(Some(c)) if same_feed(&c.url, start_url) => c,
        Ok(_) => Cursor::start(start_url),
        Err(e) => return Err((e.into(), report)),
    };
    if !navigator_online() {
        return Err((SyncError::Offline, report));
    }
    for _ in 0..MAX_PAGES_PER_SYNC {
        let response = match fetch_page(&cursor).await {
            Ok(r) => r,
            Err(NetError::Offline | NetError::TimedOut) => {
                return Err((SyncError::Offline, report))
            }
            Err(NetError::TooLarge(bytes)) => {
                return Err((SyncError::BadPage(PageError::TooLarge { bytes }), report))
            }
        };
        let (body, etag, last_modified) = match response {
            Response::NotModified => return finish(store, report).await,
            Response::Status(code) => return Err((SyncError::Http(code), report)),
            Response::Ok {
                body,
                etag,
                last_modified,
            } => (body, etag, last_modified),
        };
        let page = match parse_page(&body) {
            Ok(p) => p,
            Err(e) => return Err((SyncError::BadPage(e), report)),
        };
        report.skipped.add(&page.skipped);
        let Some(next) = resolve(&cursor.url, &page.next) else {
            let e = PageError::WrongShape("its \"next\" link is not a web address".into());
            return Err((SyncError::BadPage(e), report));
        };
        let step = after_page(&cursor, next, page, etag, last_modified);
        let applied = match store.apply_page(&step.items, &step.cursor).await {
            Ok(t) => t,
            Err(e) => return Err((e.into(), report)),
        };
        report.tally.pages += 1;
        report.tally.put += applied.put;
        report.tally.deleted += applied.deleted;
        report.tally.skipped += step.skipped;
        if applied.put + applied.deleted > 0 {
            on_page();
        }
        cursor = step.cursor;
        if step.then == Then::Done {
            return finish(store, report).await;
        }
    }
    Err((SyncError::TooManyPages, report))
}

async fn finish(store: &Store, report: Report) -> Result<Report, (SyncError, Report)> {
    match store.set_last_sync(clock::now_unix()).await {
        Ok(()) => Ok(report),
        Err(e) => Err((e.into(), report)),
    }
}

/// A saved cursor belongs to the feed we are configured for only if it is on the same origin
/// and folder; otherwise (the app was pointed at another feed) start again from the top.
fn same_feed(cursor_url: &str, start_url: &str) -> bool {
    let folder = |u: &str| {
        u.rsplit_once('/')
            .map(|(a, _)| a.to_owned())
            .unwrap_or_default()
    };
    folder(cursor_url) == folder(start_url)
}

fn navigator_online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

/// The feed's first page: `<meta name="opendoor:feed">` in index.html, made absolute.
pub fn feed_start_url() -> String {
    let doc = web_sys::window().and_then(|w| w.document());
    let configured = doc
        .as_ref()
        .and_then(|d| {
            d.query_selector("meta[name='opendoor:feed']")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "/feed/opportunities".to_owned());
    let base = doc
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    resolve(&base, &configured).unwrap_or(configured)
}
