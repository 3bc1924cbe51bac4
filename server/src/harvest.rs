//! Following other publishers (docs/server.md, "Following other publishers"): each source is
//! fetched on its schedule, within bounds (a timeout, a size per response, pages per run), turned
//! into listings by the same importers as `import`, and saved with the source's state in one
//! transaction per page or document (`Store::apply_harvest`). A source that fails keeps what was
//! last harvested from it; the failure, in words, waits in `sources list`, and the next try backs
//! off (respecting `Retry-After`).

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use opendoor_core::feed::{parse_page, Item, PageError, MAX_PAGE_BYTES};
use opendoor_core::listing::HowToApply;
use opendoor_core::Listing;
use reqwest::header::{
    HeaderMap, ACCEPT_ENCODING, CONTENT_ENCODING, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH,
    LAST_MODIFIED,
};
use reqwest::StatusCode;

use crate::import::{self, Format, ImportError};
use crate::store::{
    origin_page, HarvestBatch, HarvestOp, HarvestReport, RunRecord, SourceKind, SourceRow,
    SourceState, Store, StoreError,
};

/// The harvester's bounds and manners.
#[derive(Clone, Debug)]
pub struct HarvestConfig {
    /// Who runs this server, for the User-Agent (an email address or web page).
    pub contact: String,
    /// A whole request, body included.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// The most read from one response (an RPDE page is held to 4 MB in any case).
    pub max_bytes: usize,
    /// Feed pages read from one source in one run; the rest waits for the next run.
    pub max_pages: usize,
    /// Sources harvested at once.
    pub concurrency: usize,
    /// How often `serve` looks for sources whose time has come.
    pub tick: Duration,
}

pub const DEFAULT_EVERY_SECS: i64 = 3600;

impl Default for HarvestConfig {
    fn default() -> Self {
        HarvestConfig {
            contact: "no contact given".into(),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_bytes: 16 * 1024 * 1024,
            max_pages: 100,
            concurrency: 4,
            tick: Duration::from_secs(30),
        }
    }
}

/// Why a run of one source stopped. `Display` is the sentence `sources list` shows.
#[derive(Debug, thiserror::Error)]
pub enum HarvestError {
    #[error("the HTTP client could not be made")]
    Client(#[source] reqwest::Error),
    #[error("could not fetch {url}")]
    Request {
        url: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("{url} did not answer in full within {secs} seconds")]
    Timeout { url: String, secs: u64 },
    #[error("{url} answered {status}")]
    Status {
        url: String,
        status: u16,
        /// Seconds the publisher asked us to wait (`Retry-After`).
        retry_after: Option<i64>,
    },
    #[error("{url} sent more than {} KB; stopped reading it", .max / 1024)]
    TooBig { url: String, max: usize },
    #[error("{url} sent a gzip body that cannot be decoded")]
    Gzip {
        url: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{url} is not a feed page that can be read")]
    Page {
        url: String,
        #[source]
        source: PageError,
    },
    #[error("the feed's next link from {from} is not a web address: {next}")]
    BadNext { from: String, next: String },
    #[error("the feed's next link points back to {url}, a page already read in this run (a loop); what was read before it is kept")]
    Loop { url: String },
    #[error("{url} has no listing that can be imported: {} problem(s), the first: {}", .problems.len(), .problems.first().map(String::as_str).unwrap_or_default())]
    Document {
        url: String,
        /// In words, each bounded (they may quote what the publisher sent).
        problems: Vec<String>,
    },
    #[error("the harvested listings could not be saved")]
    Store(#[from] StoreError),
    #[error("the database could not be reached in the background")]
    Join(#[from] tokio::task::JoinError),
}

impl HarvestError {
    fn retry_after(&self) -> Option<i64> {
        match self {
            HarvestError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

/// What one run of one source did.
#[derive(Debug, Default, Clone)]
pub struct RunSummary {
    pub report: HarvestReport,
    pub pages: usize,
    /// Bytes on the wire.
    pub bytes: u64,
    pub not_modified: bool,
    /// More feed pages wait (the page limit was reached).
    pub more: bool,
    pub warnings: Vec<String>,
    /// Problems with some listings (the others were taken; nothing withdrawn this time).
    pub problems: Vec<String>,
}

impl RunSummary {
    pub fn words(&self) -> String {
        let r = &self.report;
        let mut s = if self.not_modified {
            "not changed since the last run".to_owned()
        } else {
            format!(
                "{} added, {} updated, {} unchanged, {} withdrawn, {} merged with another source's; {} page(s), {} KB fetched, {} row(s) written",
                r.added, r.updated, r.unchanged, r.withdrawn, r.merged, self.pages, self.bytes.div_ceil(1024), r.rows_written
            )
        };
        if self.more {
            s.push_str("; more pages wait for the next run");
        }
        if !self.warnings.is_empty() {
            s.push_str(&format!("; {} warning(s)", self.warnings.len()));
        }
        s
    }
}

/// The outcome of a run, as `harvest` prints it.
#[derive(Debug)]
pub struct RunOutcome {
    pub source: SourceRow,
    pub result: Result<RunSummary, HarvestError>,
}

enum Fetched {
    NotModified,
    Body {
        bytes: Vec<u8>,
        /// Bytes on the wire (before gzip was decoded).
        wire: u64,
        etag: Option<String>,
        last_modified: Option<String>,
    },
}

/// What `sources check` found, without saving anything.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub kind: Option<SourceKind>,
    pub listings: Vec<Listing>,
    pub withdrawn: usize,
    pub pages: usize,
    pub bytes: u64,
    pub license: Option<String>,
    pub publisher: Option<String>,
    pub problems: Vec<String>,
    pub warnings: Vec<String>,
    /// Why it stopped early, if it did.
    pub stopped: Option<String>,
}

#[derive(Clone)]
pub struct Harvester {
    store: Arc<Store>,
    client: reqwest::Client,
    config: HarvestConfig,
}

/// `15m`, `1h`, `2d`, `90s` or plain seconds.
pub fn parse_every(s: &str) -> Option<i64> {
    let s = s.trim();
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: i64 = num.parse().ok()?;
    let mult = match unit.trim() {
        "" | "s" | "sec" | "secs" => 1,
        "m" | "min" | "mins" => 60,
        "h" | "hour" | "hours" => 3600,
        "d" | "day" | "days" => 86_400,
        _ => return None,
    };
    n.checked_mul(mult).filter(|x| *x > 0)
}

/// `Retry-After`: seconds, or an HTTP date (then from `now`).
fn retry_after(headers: &HeaderMap, now: i64) -> Option<i64> {
    let v = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = v.parse::<i64>() {
        return Some(secs.max(0));
    }
    let t = time::OffsetDateTime::parse(v, &time::format_description::well_known::Rfc2822).ok()?;
    Some((t.unix_timestamp() - now).max(0))
}

/// When to try again after `failures` failures in a row: 1 minute, doubling, at most 6 hours;
/// never sooner than the publisher asked (at most a week).
pub fn backoff(failures: i64, retry_after: Option<i64>) -> i64 {
    let exp = failures.clamp(1, 20) - 1;
    let delay = (60_i64 << exp).min(6 * 3600);
    delay.max(retry_after.unwrap_or(0).min(7 * 86_400))
}

fn header(h: &HeaderMap, name: reqwest::header::HeaderName) -> Option<String> {
    h.get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.chars().take(200).collect())
}

fn resolve(base: &str, next: &str) -> Option<String> {
    let base = reqwest::Url::parse(base).ok()?;
    let url = base.join(next.trim()).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// A problem in words, bounded: it may quote what the publisher sent.
fn describe(e: &ImportError) -> String {
    let s = if e.location.is_empty() {
        e.problem.clone()
    } else {
        format!("{}: {}", e.location, e.problem)
    };
    bounded(&s, 300)
}

fn bounded(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max).collect();
    out.push('…');
    out
}

/// An RPDE item as a harvest op: another server's in-app applications go to that server, so
/// the listing links to its page there.
fn rpde_op(item: Item, feed_url: &str) -> HarvestOp {
    match item {
        Item::Updated { mut listing, .. } => {
            if let HowToApply::InApp { .. } = listing.how_to_apply {
                if let Some(url) = origin_page(feed_url, &listing.id) {
                    listing.how_to_apply = HowToApply::Link { url };
                }
            }
            HarvestOp::Put(listing)
        }
        Item::Deleted { id, .. } => HarvestOp::Remove(id),
    }
}

impl Harvester {
    pub fn new(store: Arc<Store>, config: HarvestConfig) -> Result<Harvester, HarvestError> {
        let client = reqwest::Client::builder()
            .user_agent(format!(
                "OpenDoor/{} (harvester; operator: {})",
                env!("CARGO_PKG_VERSION"),
                config.contact
            ))
            .timeout(config.timeout)
            .connect_timeout(config.connect_timeout)
            .redirect(reqwest::redirect::Policy::limited(5))
            .no_proxy()
            .build()
            .map_err(HarvestError::Client)?;
        Ok(Harvester {
            store,
            client,
            config,
        })
    }

    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    pub fn config(&self) -> &HarvestConfig {
        &self.config
    }

    /// One GET, bounded by time and size; conditional when validators are given.
    async fn fetch(
        &self,
        url: &str,
        validators: Option<(Option<&str>, Option<&str>)>,
        max: usize,
    ) -> Result<Fetched, HarvestError> {
        let request_error = |e: reqwest::Error| {
            if e.is_timeout() {
                HarvestError::Timeout {
                    url: url.to_owned(),
                    secs: self.config.timeout.as_secs(),
                }
            } else {
                HarvestError::Request {
                    url: url.to_owned(),
                    source: e,
                }
            }
        };
        let mut req = self.client.get(url).header(ACCEPT_ENCODING, "gzip");
        if let Some((etag, last_modified)) = validators {
            if let Some(e) = etag {
                req = req.header(IF_NONE_MATCH, e);
            }
            if let Some(m) = last_modified {
                req = req.header(IF_MODIFIED_SINCE, m);
            }
        }
        let mut resp = req.send().await.map_err(request_error)?;
        let status = resp.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(HarvestError::Status {
                url: url.to_owned(),
                status: status.as_u16(),
                retry_after: retry_after(resp.headers(), self.store.clock().unix()),
            });
        }
        let too_big = || HarvestError::TooBig {
            url: url.to_owned(),
            max,
        };
        if resp.content_length().is_some_and(|n| n > max as u64) {
            return Err(too_big());
        }
        let etag = header(resp.headers(), ETAG);
        let last_modified = header(resp.headers(), LAST_MODIFIED);
        let gzip = header(resp.headers(), CONTENT_ENCODING)
            .is_some_and(|e| e.trim().eq_ignore_ascii_case("gzip"));
        let mut bytes = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(request_error)? {
            if bytes.len() + chunk.len() > max {
                return Err(too_big());
            }
            bytes.extend_from_slice(&chunk);
        }
        let wire = bytes.len() as u64;
        if gzip {
            // Decoded with the same bound: a small body may inflate to gigabytes.
            use std::io::Read;
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(bytes.as_slice())
                .take(max as u64 + 1)
                .read_to_end(&mut out)
                .map_err(|source| HarvestError::Gzip {
                    url: url.to_owned(),
                    source,
                })?;
            if out.len() > max {
                return Err(too_big());
            }
            bytes = out;
        }
        Ok(Fetched::Body {
            bytes,
            wire,
            etag,
            last_modified,
        })
    }

    async fn save(&self, batch: HarvestBatch) -> Result<HarvestReport, HarvestError> {
        let store = self.store.clone();
        Ok(tokio::task::spawn_blocking(move || store.apply_harvest(batch)).await??)
    }

    /// Harvests every source whose time has come (`all`: every source now), a few at once.
    pub async fn run(&self, all: bool) -> Result<Vec<RunOutcome>, HarvestError> {
        let store = self.store.clone();
        let now = self.store.clock().unix();
        let sources = tokio::task::spawn_blocking(move || {
            if all {
                store.sources()
            } else {
                store.due_sources(now)
            }
        })
        .await??;
        let slots = Arc::new(tokio::sync::Semaphore::new(self.config.concurrency.max(1)));
        let mut tasks = Vec::new();
        for source in sources {
            let h = self.clone();
            let slots = slots.clone();
            tasks.push(tokio::spawn(async move {
                let _slot = slots.acquire_owned().await;
                h.run_one(source).await
            }));
        }
        let mut out = Vec::new();
        for t in tasks {
            out.push(t.await?);
        }
        Ok(out)
    }

    /// One source: harvest, then record how it went (and when to try next).
    pub async fn run_one(&self, source: SourceRow) -> RunOutcome {
        let result = self.harvest(&source).await;
        let now = self.store.clock().unix();
        let record = match &result {
            Ok(summary) => RunRecord {
                ok: true,
                result: Some(summary.words()),
                error: (!summary.problems.is_empty()).then(|| {
                    format!(
                        "{} listing(s) could not be read, so nothing was withdrawn this time; the first: {}",
                        summary.problems.len(),
                        summary.problems[0]
                    )
                }),
                failures: 0,
                next_try: if summary.more {
                    now
                } else {
                    now + source.every_secs
                },
            },
            Err(e) => {
                let failures = source.failures + 1;
                RunRecord {
                    ok: false,
                    result: None,
                    error: Some(crate::chain(e).chars().take(1000).collect()),
                    failures,
                    next_try: now + backoff(failures, e.retry_after()),
                }
            }
        };
        match &result {
            Ok(s) => tracing::info!(source = %source.url, result = %s.words(), "harvested"),
            Err(e) => {
                tracing::warn!(source = %source.url, error = %crate::chain(e), "harvest failed")
            }
        }
        let store = self.store.clone();
        let id = source.id;
        match tokio::task::spawn_blocking(move || store.record_run(id, &record)).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                tracing::error!(error = %crate::chain(&e), "a harvest's outcome could not be saved")
            }
            Err(e) => tracing::error!(error = %e, "a harvest's outcome could not be saved"),
        }
        RunOutcome { source, result }
    }

    async fn harvest(&self, source: &SourceRow) -> Result<RunSummary, HarvestError> {
        match source.kind {
            SourceKind::Rpde => self.harvest_rpde(source, None).await,
            // Told by its content before: an RPDE feed, read on from its cursor.
            SourceKind::Auto if source.state.next_url.is_some() => {
                self.harvest_rpde(source, None).await
            }
            kind => {
                let validators = (source.state.validator_url.as_deref() == Some(&source.url))
                    .then_some((
                        source.state.etag.as_deref(),
                        source.state.last_modified.as_deref(),
                    ));
                let fetched = self
                    .fetch(&source.url, validators, self.config.max_bytes)
                    .await?;
                let Fetched::Body {
                    bytes,
                    wire,
                    etag,
                    last_modified,
                } = fetched
                else {
                    return Ok(RunSummary {
                        not_modified: true,
                        ..RunSummary::default()
                    });
                };
                let format = match kind {
                    SourceKind::Vds => Format::Vds,
                    SourceKind::Csv => Format::Csv,
                    _ => import::detect(&bytes),
                };
                if format == Format::Feed {
                    // An RPDE feed after all: its first page is already here.
                    return self
                        .harvest_rpde(
                            source,
                            Some((
                                source.url.clone(),
                                Fetched::Body {
                                    bytes,
                                    wire,
                                    etag,
                                    last_modified,
                                },
                            )),
                        )
                        .await;
                }
                self.harvest_snapshot(source, format, bytes, wire, etag, last_modified)
                    .await
            }
        }
    }

    async fn harvest_snapshot(
        &self,
        source: &SourceRow,
        format: Format,
        bytes: Vec<u8>,
        wire: u64,
        etag: Option<String>,
        last_modified: Option<String>,
    ) -> Result<RunSummary, HarvestError> {
        let now = self.store.clock().now();
        let parsed = match format {
            Format::Csv => import::csv::parse(&source.url, &bytes, now),
            _ => import::vds::parse(&source.url, &bytes, now),
        };
        if parsed.ops.is_empty() && !parsed.errors.is_empty() {
            return Err(HarvestError::Document {
                url: source.url.clone(),
                problems: parsed.errors.iter().map(describe).collect(),
            });
        }
        let mut summary = RunSummary {
            pages: 1,
            bytes: wire,
            warnings: parsed.warnings.iter().map(describe).collect(),
            problems: parsed.errors.iter().map(describe).collect(),
            ..RunSummary::default()
        };
        let ops = parsed
            .ops
            .into_iter()
            .filter_map(|op| match op {
                crate::store::ImportOp::Upsert(l) => Some(HarvestOp::Put(l)),
                crate::store::ImportOp::Delete(_) => None,
            })
            .collect();
        let state = SourceState {
            next_url: None,
            cursor: None,
            validator_url: Some(source.url.clone()),
            etag,
            last_modified,
            stated_license: parsed.meta.license,
            stated_publisher: parsed.meta.publisher,
        };
        summary.report = self
            .save(HarvestBatch {
                source_id: source.id,
                ops,
                // Listings missing from a document with problems may only be unreadable:
                // nothing is withdrawn until it reads cleanly.
                snapshot: summary.problems.is_empty(),
                state,
            })
            .await?;
        Ok(summary)
    }

    /// Reads feed pages from the cursor on, saving each page with the cursor that follows it.
    async fn harvest_rpde(
        &self,
        source: &SourceRow,
        mut first: Option<(String, Fetched)>,
    ) -> Result<RunSummary, HarvestError> {
        let mut state = source.state.clone();
        let mut url = match &first {
            Some((u, _)) => u.clone(),
            None => state.next_url.clone().unwrap_or_else(|| source.url.clone()),
        };
        let max = self.config.max_bytes.min(MAX_PAGE_BYTES);
        let mut visited = HashSet::new();
        let mut summary = RunSummary::default();
        loop {
            if summary.pages >= self.config.max_pages.max(1) {
                summary.more = true;
                break;
            }
            if !visited.insert(url.clone()) {
                return Err(HarvestError::Loop { url });
            }
            let fetched = match first.take() {
                Some((_, f)) => f,
                None => {
                    let validators = (state.validator_url.as_deref() == Some(&url))
                        .then_some((state.etag.as_deref(), state.last_modified.as_deref()));
                    self.fetch(&url, validators, max).await?
                }
            };
            let Fetched::Body {
                bytes,
                wire,
                etag,
                last_modified,
            } = fetched
            else {
                summary.not_modified = summary.pages == 0;
                break;
            };
            summary.pages += 1;
            summary.bytes += wire;
            let page = parse_page(&bytes).map_err(|source| HarvestError::Page {
                url: url.clone(),
                source,
            })?;
            let next = resolve(&url, &page.next).ok_or_else(|| HarvestError::BadNext {
                from: url.clone(),
                next: page.next.chars().take(200).collect(),
            })?;
            for s in &page.skipped {
                summary
                    .warnings
                    .push(format!("item \"{}\" skipped: {}", s.id, s.problem));
            }
            if let Some(l) = &page.license {
                state.stated_license = Some(l.chars().take(500).collect());
            }
            let empty = page.is_empty();
            if let Some(last) = page.items.last() {
                state.cursor = Some((last.modified(), last.id().to_owned()));
            }
            let ops: Vec<HarvestOp> = page
                .items
                .into_iter()
                .map(|i| rpde_op(i, &source.url))
                .collect();
            let last_page = empty || next == url;
            state.next_url = Some(next.clone());
            if last_page {
                // The page read again next time: ask whether it changed.
                state.validator_url = Some(url.clone());
                state.etag = etag;
                state.last_modified = last_modified;
            } else {
                state.validator_url = None;
                state.etag = None;
                state.last_modified = None;
            }
            summary.report += self
                .save(HarvestBatch {
                    source_id: source.id,
                    ops,
                    snapshot: false,
                    state: state.clone(),
                })
                .await?;
            if last_page {
                break;
            }
            url = next;
        }
        Ok(summary)
    }

    /// `sources check`: what a source would give, and every problem, saving nothing.
    pub async fn check(&self, url: &str, kind: SourceKind) -> CheckReport {
        let mut out = CheckReport::default();
        let first = match self.fetch(url, None, self.config.max_bytes).await {
            Ok(Fetched::Body { bytes, .. }) => bytes,
            Ok(Fetched::NotModified) => Vec::new(),
            Err(e) => {
                out.stopped = Some(crate::chain(&e));
                return out;
            }
        };
        out.pages = 1;
        out.bytes = first.len() as u64;
        let format = match kind {
            SourceKind::Rpde => Format::Feed,
            SourceKind::Vds => Format::Vds,
            SourceKind::Csv => Format::Csv,
            SourceKind::Auto => import::detect(&first),
        };
        out.kind = Some(match format {
            Format::Feed => SourceKind::Rpde,
            Format::Vds => SourceKind::Vds,
            Format::Csv => SourceKind::Csv,
        });
        if format != Format::Feed {
            let parsed = match format {
                Format::Csv => import::csv::parse(url, &first, self.store.clock().now()),
                _ => import::vds::parse(url, &first, self.store.clock().now()),
            };
            out.problems = parsed.errors.iter().map(describe).collect();
            out.warnings = parsed.warnings.iter().map(describe).collect();
            out.license = parsed.meta.license;
            out.publisher = parsed.meta.publisher;
            for op in parsed.ops {
                if let crate::store::ImportOp::Upsert(l) = op {
                    out.listings.push(*l);
                }
            }
            return out;
        }
        let mut bytes = first;
        let mut page_url = url.to_owned();
        let mut visited = HashSet::from([page_url.clone()]);
        loop {
            let page = match parse_page(&bytes) {
                Ok(p) => p,
                Err(e) => {
                    out.stopped = Some(format!("{page_url}: {e}"));
                    break;
                }
            };
            for s in &page.skipped {
                out.problems
                    .push(format!("item \"{}\" would be skipped: {}", s.id, s.problem));
            }
            if page.license.is_some() {
                out.license = page.license.clone();
            }
            let empty = page.is_empty();
            for item in page.items {
                match item {
                    Item::Updated { listing, .. } => {
                        out.listings.retain(|l| l.id != listing.id);
                        out.listings.push(*listing);
                    }
                    Item::Deleted { id, .. } => {
                        out.listings.retain(|l| l.id != id);
                        out.withdrawn += 1;
                    }
                }
            }
            let Some(next) = resolve(&page_url, &page.next) else {
                out.stopped = Some(format!(
                    "the next link from {page_url} is not a web address"
                ));
                break;
            };
            if empty || next == page_url {
                break;
            }
            if !visited.insert(next.clone()) {
                out.stopped = Some(format!(
                    "the feed's next link points back to {next}, a page already read (a loop)"
                ));
                break;
            }
            if out.pages >= self.config.max_pages {
                out.stopped = Some(format!(
                    "stopped after {} pages (the limit for one run); the rest would follow in later runs",
                    out.pages
                ));
                break;
            }
            match self
                .fetch(&next, None, self.config.max_bytes.min(MAX_PAGE_BYTES))
                .await
            {
                Ok(Fetched::Body { bytes: b, .. }) => {
                    bytes = b;
                    out.pages += 1;
                    out.bytes += bytes.len() as u64;
                    page_url = next;
                }
                Ok(Fetched::NotModified) => break,
                Err(e) => {
                    out.stopped = Some(crate::chain(&e));
                    break;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules() {
        assert_eq!(parse_every("15m"), Some(900));
        assert_eq!(parse_every("1h"), Some(3600));
        assert_eq!(parse_every("2d"), Some(172_800));
        assert_eq!(parse_every("90"), Some(90));
        assert_eq!(parse_every("soon"), None);
        assert_eq!(parse_every("0m"), None);
        assert_eq!(backoff(1, None), 60);
        assert_eq!(backoff(3, None), 240);
        assert_eq!(backoff(40, None), 6 * 3600);
        assert_eq!(backoff(1, Some(3600)), 3600);
        assert_eq!(backoff(1, Some(10 * 86_400)), 7 * 86_400);
        assert_eq!(
            resolve("https://a.example/feed/page-1.json", "page-2.json").as_deref(),
            Some("https://a.example/feed/page-2.json")
        );
        assert_eq!(
            resolve("https://a.example/feed", "javascript:alert(1)"),
            None
        );
    }

    #[test]
    fn retry_after_in_seconds_or_a_date() {
        let mut h = HeaderMap::new();
        h.insert(reqwest::header::RETRY_AFTER, "120".parse().unwrap());
        assert_eq!(retry_after(&h, 0), Some(120));
        h.insert(
            reqwest::header::RETRY_AFTER,
            "Thu, 01 Jan 1970 00:10:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h, 0), Some(600));
    }
}
