//! Rendered feed pages, kept in memory: bounded by bytes, least recently used evicted first,
//! and keyed by the page actually served rather than the raw query, so made-up cursors can
//! neither fill the server's memory nor push the real pages out.
//!
//! A page is cached only when its cursor is a real position: the start of the feed, or a row
//! that exists (every `next` link the server writes is one). Any other `afterId` is answered
//! freshly rendered and forgotten. The first page of each address the feed is served under
//! (at most a few) is kept apart from the LRU, so it is always cached. Everything is dropped
//! when the feed changes (its version is the largest `modified`, which every change increases).

use std::sync::{Arc, Mutex};

use lru::LruCache;

use crate::feed::{render, Cursor, RenderedPage};
use crate::store::{Result, Store};

/// The LRU's default budget: a few hundred full pages.
pub const DEFAULT_CACHE_BYTES: usize = 32 * 1024 * 1024;
/// First pages kept apart, one per address (public URL, or Host header) the feed is served under.
const PINNED_BASES: usize = 4;

type Key = (String, usize, Option<Cursor>);

pub struct PageCache {
    inner: Mutex<Inner>,
    max_bytes: usize,
}

struct Inner {
    version: i64,
    first: Vec<(String, usize, Arc<RenderedPage>)>,
    lru: LruCache<Key, Arc<RenderedPage>>,
    bytes: usize,
}

/// What an entry costs: its body, room for its gzip and brotli forms (never larger), its key.
fn cost(key: &Key, page: &RenderedPage) -> usize {
    2 * page.body.len() + key.0.len() + key.2.as_ref().map_or(0, |c| c.1.len()) + 64
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache::new(DEFAULT_CACHE_BYTES)
    }
}

/// Whether a page came from the cache (for the `x-opendoor-cache` header and tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Served {
    Hit,
    Miss,
    /// Not a real position: rendered, not kept.
    Uncached,
}

impl PageCache {
    pub fn new(max_bytes: usize) -> PageCache {
        PageCache {
            inner: Mutex::new(Inner {
                version: 0,
                first: Vec::new(),
                lru: LruCache::unbounded(),
                bytes: 0,
            }),
            max_bytes,
        }
    }

    pub fn get_or_render(
        &self,
        store: &Store,
        base: &str,
        after: Option<&Cursor>,
        limit: usize,
        license: &str,
    ) -> Result<(Arc<RenderedPage>, Served)> {
        let version = store.feed_version()?;
        let key: Key = (base.to_owned(), limit, after.cloned());
        {
            let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            if inner.version == version {
                if let Some(p) = inner.find(&key) {
                    return Ok((p, Served::Hit));
                }
            }
        }
        let real = match after {
            None => true,
            Some((m, id)) => store.is_feed_position(*m, id)?,
        };
        let page = Arc::new(render(store, base, after, limit, license)?);
        if !real {
            return Ok((page, Served::Uncached));
        }
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if inner.version != version {
            inner.first.clear();
            inner.lru.clear();
            inner.bytes = 0;
            inner.version = version;
        }
        if after.is_none() && inner.first.len() < PINNED_BASES {
            inner.first.push((key.0, limit, page.clone()));
        } else {
            let size = cost(&key, &page);
            if size <= self.max_bytes {
                if let Some(old) = inner.lru.put(key.clone(), page.clone()) {
                    inner.bytes = inner.bytes.saturating_sub(cost(&key, &old));
                }
                inner.bytes += size;
                while inner.bytes > self.max_bytes {
                    match inner.lru.pop_lru() {
                        Some((k, p)) => inner.bytes = inner.bytes.saturating_sub(cost(&k, &p)),
                        None => break,
                    }
                }
            }
        }
        Ok((page, Served::Miss))
    }

    /// Bytes held by the LRU part (for tests).
    pub fn lru_bytes(&self) -> usize {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).bytes
    }
}

impl Inner {
    fn find(&mut self, key: &Key) -> Option<Arc<RenderedPage>> {
        if key.2.is_none() {
            if let Some((_, _, p)) = self
                .first
                .iter()
                .find(|(b, l, _)| *b == key.0 && *l == key.1)
            {
                return Some(p.clone());
            }
        }
        self.lru.get(key).cloned()
    }
}
