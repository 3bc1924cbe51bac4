//! The first paint: a first visit to `/` or to an opportunity's own address gets the listings
//! as plain HTML inside the app's `index.html`, so a slow phone can read them before the app
//! (the wasm) has arrived; the app then takes over (`src/first_paint.rs`). docs/decisions.md
//! "HTML first" says why.
//!
//! The listings are read once per feed version and kept; the default list page is rendered once
//! per version and day. Search and sort in the address work without script (the same
//! `core::filter::find` as the app).

mod html;

use std::sync::{Arc, Mutex};

use opendoor_core::filter::{self, Context, Facts};
use opendoor_core::i18n::{Catalogue, Lang};
use opendoor_core::query::Query;
use opendoor_core::search::Index;
use opendoor_core::Listing;
use time::Date;

pub use html::Screen;

use crate::store::{Store, StoreError};

/// Cards on the first screen and per "Show more", as in the app.
pub const BATCH: usize = 30;
/// The most cards one page lists (`?shown=` is from the address, so it is bounded).
const MAX_SHOWN: usize = 600;

const START: &str = "<!--first-paint-->";
const END: &str = "<!--/first-paint-->";

/// One page: its status, title and the `#boot` markup.
#[derive(Clone, Debug)]
pub struct Page {
    pub found: bool,
    pub title: String,
    /// The language it is in (the document's `lang` and `dir`).
    pub lang: Lang,
    pub screen: Screen,
    pub body: String,
}

struct Snapshot {
    version: i64,
    listings: Vec<Listing>,
    facts: Facts,
    /// Built on the first search (the index keeps scratch space, so one search at a time).
    index: Mutex<Option<Index>>,
    /// The list with no search, per language, for today.
    default_list: Mutex<Vec<(Date, Lang, Arc<str>)>>,
}

#[derive(Default)]
pub struct FirstPaint {
    snapshot: Mutex<Option<Arc<Snapshot>>>,
}

impl FirstPaint {
    fn snapshot(&self, store: &Store) -> Result<Arc<Snapshot>, StoreError> {
        let version = store.feed_version()?;
        if let Some(s) = lock(&self.snapshot)
            .as_ref()
            .filter(|s| s.version == version)
        {
            return Ok(s.clone());
        }
        let listings = store.live_listings()?;
        let snap = Arc::new(Snapshot {
            version,
            facts: Facts::of(&listings),
            listings,
            index: Mutex::new(None),
            default_list: Mutex::new(Vec::new()),
        });
        *lock(&self.snapshot) = Some(snap.clone());
        Ok(snap)
    }

    /// The list for `?…` (the app's own search words; `shown` for "Show more" without script).
    pub fn list(
        &self,
        store: &Store,
        c: &Catalogue,
        search: &str,
        today: Date,
    ) -> Result<Page, StoreError> {
        let snap = self.snapshot(store)?;
        let query = Query::parse(search);
        let shown = shown_from(search);
        let is_default = query == Query::default() && shown == BATCH;
        if is_default {
            if let Some((_, _, body)) = lock(&snap.default_list)
                .iter()
                .find(|(day, lang, _)| *day == today && *lang == c.lang())
            {
                return Ok(list_page(c, body.to_string()));
            }
        }
        let cx = Context {
            today,
            origin: None,
        };
        // "Near" needs a place or the device's location: without script, that filter is off.
        let mut filters = query.filters.clone();
        filters.near = None;
        let find = |index: &Index| {
            filter::find_with(
                &snap.listings,
                &snap.facts,
                index,
                &query.text,
                &filters,
                query.sort,
                &cx,
            )
        };
        // The index is built on the first search and only searches wait for its lock.
        let r = if opendoor_core::search::query_words(&query.text).is_empty() {
            find(&Index::new())
        } else {
            let mut index = lock(&snap.index);
            find(index.get_or_insert_with(|| {
                let mut ix = Index::new();
                for l in &snap.listings {
                    ix.upsert(l);
                }
                ix
            }))
        };
        let main = html::list(
            c,
            &html::ListView {
                query: &query,
                found: &r.listings,
                open: r.open,
                shown,
                today,
            },
        );
        let body = html::frame(c, Screen::List, main).into_string();
        if is_default {
            let mut cached = lock(&snap.default_list);
            cached.retain(|(day, lang, _)| *day == today && *lang != c.lang());
            cached.push((today, c.lang(), Arc::from(body.as_str())));
        }
        Ok(list_page(c, body))
    }

    /// One opportunity (closed and withdrawn ones too, as the app shows them).
    pub fn detail(
        &self,
        store: &Store,
        c: &Catalogue,
        id: &str,
        today: Date,
    ) -> Result<Page, StoreError> {
        Ok(match store.listing(id)? {
            Some(l) => detail_page(c, &l, today),
            None => Page {
                found: false,
                title: c.text("detail-not-found-title"),
                lang: c.lang(),
                screen: Screen::NotFound,
                body: html::frame(c, Screen::NotFound, html::not_found(c)).into_string(),
            },
        })
    }
}

/// One opportunity's page.
pub fn detail_page(c: &Catalogue, l: &Listing, today: Date) -> Page {
    Page {
        found: true,
        title: l.title.clone(),
        lang: c.lang(),
        screen: Screen::Detail,
        body: html::frame(c, Screen::Detail, html::detail(c, l, today)).into_string(),
    }
}

fn list_page(c: &Catalogue, body: String) -> Page {
    Page {
        found: true,
        title: c.text("list-title"),
        lang: c.lang(),
        screen: Screen::List,
        body,
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding it leaves only a cache behind: keep using it.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `shown=` from the address: a multiple of the batch, at least one batch, bounded.
fn shown_from(search: &str) -> usize {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix("shown="))
        .and_then(|v| v.parse::<usize>().ok())
        .map(|n| n.clamp(BATCH, MAX_SHOWN))
        .unwrap_or(BATCH)
}

/// `shell` (the app's index.html) with `page` in place of its boot message and its title set.
/// None when the shell has no place for it (an index.html not built from ours).
pub fn splice(shell: &str, page: &Page) -> Option<String> {
    let start = shell.find(START)?;
    let end = shell[start..].find(END)? + start + END.len();
    let c = crate::catalogue(page.lang);
    let title =
        maud::html! { (c.text_with("page-title", &[("title", page.title.as_str().into())])) }
            .into_string();
    let mut out = String::with_capacity(shell.len() + page.body.len());
    out.push_str(&shell[..start]);
    out.push_str(&page.body);
    out.push_str(&shell[end..]);
    let html_tag = format!(
        "<html lang=\"{}\" dir=\"{}\">",
        page.lang.tag(),
        page.lang.dir().attr()
    );
    Some(
        out.replacen(
            "<title>Open Door</title>",
            &format!("<title>{title}</title>"),
            1,
        )
        .replacen("<html lang=\"en-GB\">", &html_tag, 1),
    )
}

#[cfg(test)]
mod tests;
