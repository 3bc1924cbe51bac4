//! Feed pages from the database, built with the domain crate's `page_to_json` so that they parse
//! with the app's own `parse_page`. Used by `GET /feed/opportunities` and by `export-static`.

use std::io::Write;
use std::sync::OnceLock;

use bytes::Bytes;

use crate::store::{Result, StoreError};
use opendoor_core::feed::{page_to_json, Item};
use opendoor_core::Listing;

use crate::secrets::{hex, sha256};
use crate::store::{FeedRow, Store};

/// Items per page unless configured otherwise.
pub const DEFAULT_PAGE_SIZE: usize = 100;
/// RPDE requires a licence for the data; publishers can choose another with --license.
pub const DEFAULT_LICENSE: &str = "https://creativecommons.org/licenses/by/4.0/";
/// A page stops growing once its listings add up to this many bytes of JSON, well under the
/// app's 4 MB page limit whatever the listings hold.
pub const PAGE_BYTE_BUDGET: usize = 1024 * 1024;
/// Cache-Control for a page with items (it only changes when an item on it is updated, and the
/// update then also appears later in the feed) and for the last, empty page.
pub const FULL_PAGE_CACHE: &str = "public, max-age=3600";
pub const LAST_PAGE_CACHE: &str = "public, max-age=8";

/// The position after which a page starts.
pub type Cursor = (i64, String);

/// Reads up to `limit` rows after the cursor, trimmed to the byte budget.
pub fn page_rows(store: &Store, after: Option<&Cursor>, limit: usize) -> Result<Vec<FeedRow>> {
    let mut rows = store.feed_rows(after.map(|(m, id)| (*m, id.as_str())), limit)?;
    let mut bytes = 0;
    let mut keep = rows.len();
    for (i, r) in rows.iter().enumerate() {
        bytes += r.data.as_ref().map_or(64, String::len);
        if bytes > PAGE_BYTE_BUDGET && i > 0 {
            keep = i;
            break;
        }
    }
    rows.truncate(keep);
    Ok(rows)
}

pub fn rows_to_items(rows: &[FeedRow]) -> Result<Vec<Item>> {
    rows.iter()
        .map(|r| {
            Ok(match &r.data {
                Some(json) => {
                    let listing: Listing =
                        serde_json::from_str(json).map_err(|e| StoreError::Damaged {
                            what: format!("the stored listing {}", r.id),
                            source: Some(e),
                        })?;
                    Item::Updated {
                        modified: r.modified,
                        listing: Box::new(listing),
                    }
                }
                None => Item::Deleted {
                    id: r.id.clone(),
                    modified: r.modified,
                },
            })
        })
        .collect()
}

/// One rendered page, and its compressed forms, made once when first asked for.
#[derive(Debug)]
pub struct RenderedPage {
    pub body: Bytes,
    /// Strong: a hash of the exact bytes. Compressed forms add `-gzip` or `-br` inside the quotes.
    pub etag: String,
    pub is_last: bool,
    gzip: OnceLock<Bytes>,
    br: OnceLock<Bytes>,
}

/// How a page is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Br,
}

impl Encoding {
    /// The best of br, gzip and identity that `Accept-Encoding` allows.
    pub fn negotiate(accept: &str) -> Encoding {
        let mut gzip = false;
        let mut br = false;
        for part in accept.split(',') {
            let mut bits = part.split(';');
            let name = bits.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = bits
                .find_map(|b| {
                    b.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            if q > 0.0 {
                match name.as_str() {
                    "br" => br = true,
                    "gzip" | "x-gzip" => gzip = true,
                    "*" => {
                        br = true;
                        gzip = true
                    }
                    _ => {}
                }
            }
        }
        if br {
            Encoding::Br
        } else if gzip {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    pub fn header(self) -> Option<&'static str> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some("gzip"),
            Encoding::Br => Some("br"),
        }
    }
}

/// `body` brotli-compressed at `quality` with a window of 2^`lgwin` bytes.
fn brotli(body: &[u8], quality: i32, lgwin: i32) -> Bytes {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin,
        ..Default::default()
    };
    // Writing into a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut &body[..], &mut out, &params);
    Bytes::from(out)
}

impl RenderedPage {
    fn new(body: Vec<u8>, is_last: bool) -> RenderedPage {
        let etag = format!("\"{}\"", &hex(&sha256(&body))[..32]);
        RenderedPage {
            body: Bytes::from(body),
            etag,
            is_last,
            gzip: OnceLock::new(),
            br: OnceLock::new(),
        }
    }

    /// The body in that encoding (compressed on first use, then kept).
    pub fn encoded(&self, e: Encoding) -> Bytes {
        match e {
            Encoding::Identity => self.body.clone(),
            Encoding::Gzip => self
                .gzip
                .get_or_init(|| {
                    let mut enc =
                        flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                    let _ = enc.write_all(&self.body);
                    Bytes::from(enc.finish().unwrap_or_default())
                })
                .clone(),
            Encoding::Br => self.br.get_or_init(|| brotli(&self.body, 9, 22)).clone(),
        }
    }

    /// The body in that encoding, compressed for this one answer and not kept: for pages the
    /// cache does not keep (made-up or outdated cursors). Cheaper settings than `encoded`, since
    /// the work is not shared: brotli at quality 9 allocates tens of MB of hash tables per call,
    /// which anyone sending made-up cursors could make the server do without end (and which the
    /// allocator keeps as resident memory); quality 5 with a 256 KB window needs about 1 MB.
    pub fn encoded_once(&self, e: Encoding) -> Bytes {
        match e {
            Encoding::Br => {
                if let Some(b) = self.br.get() {
                    return b.clone();
                }
                brotli(&self.body, 5, 18)
            }
            // gzip at the default level needs a few hundred KB whatever the page.
            Encoding::Gzip | Encoding::Identity => self.encoded(e),
        }
    }

    /// The ETag of the page in that encoding.
    pub fn etag_for(&self, e: Encoding) -> String {
        match e.header() {
            None => self.etag.clone(),
            Some(name) => format!("{}-{name}\"", self.etag.trim_end_matches('"')),
        }
    }

    /// Does an If-None-Match value name this page (in any encoding)?
    pub fn matches(&self, if_none_match: &str) -> bool {
        let bare = self.etag.trim_matches('"');
        if_none_match
            .split(',')
            .map(|t| t.trim().trim_start_matches("W/").trim_matches('"'))
            .any(|t| {
                t == "*"
                    || t == bare
                    || t.strip_prefix(bare)
                        .is_some_and(|rest| rest == "-gzip" || rest == "-br")
            })
    }
}

/// The feed's URL for a cursor, in the one spelling the server itself uses for `next`.
pub fn page_url(base: &str, after: Option<&Cursor>) -> String {
    match after {
        None => format!("{base}/feed/opportunities"),
        Some((m, id)) => format!(
            "{base}/feed/opportunities?afterTimestamp={m}&afterId={}",
            encode_query(id)
        ),
    }
}

fn encode_query(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn render(
    store: &Store,
    base: &str,
    after: Option<&Cursor>,
    limit: usize,
    license: &str,
) -> Result<RenderedPage> {
    let rows = page_rows(store, after, limit)?;
    let items = rows_to_items(&rows)?;
    let (next, is_last) = match items.last() {
        Some(last) => (
            page_url(base, Some(&(last.modified(), last.id().to_owned()))),
            false,
        ),
        // RPDE: the last page is empty and its `next` is itself.
        None => (page_url(base, after), true),
    };
    let body = serde_json::to_vec(&page_to_json(&items, &next, Some(license)))?;
    Ok(RenderedPage::new(body, is_last))
}
