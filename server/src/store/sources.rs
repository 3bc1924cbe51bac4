//! Sources the harvester follows and what each has published: every source's own copy of
//! each listing (`source_items`) and the one listing it became in the feed. Several sources'
//! copies of the same opportunity become one listing (docs/decisions.md, "Harvesting").

use std::collections::{BTreeSet, HashMap, HashSet};

use super::sql::{args, Db, Row};
use opendoor_core::listing::{HowToApply, ListingSource};
use opendoor_core::validate::{self, is_org_id, MAX_SOURCES};
use opendoor_core::Listing;
use serde::Serialize;

use super::listings::listing_json_and_hash;
use super::organisers::org_id_of;
use super::{Result, Store, StoreError};
use crate::secrets::{hex, sha256};

/// What a source publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// RPDE feed pages (another Open Door server, a static export, any RPDE 1.0 feed of listings).
    Rpde,
    /// A Volunteering Data Standard JSON-LD document.
    Vds,
    /// A spreadsheet in the template's columns, published as CSV.
    Csv,
    /// Told by the content each time.
    Auto,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Rpde => "rpde",
            SourceKind::Vds => "vds",
            SourceKind::Csv => "csv",
            SourceKind::Auto => "auto",
        }
    }

    pub fn parse(s: &str) -> Option<SourceKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "rpde" | "feed" => Some(SourceKind::Rpde),
            "vds" => Some(SourceKind::Vds),
            "csv" => Some(SourceKind::Csv),
            "auto" => Some(SourceKind::Auto),
            _ => None,
        }
    }
}

/// A source as the operator adds it.
#[derive(Clone, Debug)]
pub struct NewSource {
    pub url: String,
    pub kind: SourceKind,
    /// Every listing from it belongs to this organisation id (`--org`).
    pub org: Option<String>,
    pub name: Option<String>,
    pub license: Option<String>,
    pub every_secs: i64,
}

/// What the harvester keeps between runs, saved with each run's listings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceState {
    /// RPDE: the page to read next.
    pub next_url: Option<String>,
    /// RPDE: (modified, id) of the last item read.
    pub cursor: Option<(i64, String)>,
    /// The URL the validators below belong to.
    pub validator_url: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub stated_license: Option<String>,
    pub stated_publisher: Option<String>,
}

/// A source, its settings and how it has gone.
#[derive(Clone, Debug)]
pub struct SourceRow {
    pub id: i64,
    pub url: String,
    pub kind: SourceKind,
    pub org_key: Option<String>,
    pub name: Option<String>,
    pub license: Option<String>,
    pub every_secs: i64,
    pub added: String,
    pub state: SourceState,
    pub last_try: Option<i64>,
    pub last_success: Option<i64>,
    pub last_result: Option<String>,
    pub last_error: Option<String>,
    pub failures: i64,
    pub next_try: i64,
    /// Listings it publishes now.
    pub items: i64,
}

fn host_of(url: &str) -> String {
    let rest = url
        .split_once("://")
        .map(|(_, r)| r)
        .unwrap_or(url)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let host = rest.rsplit('@').next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host).to_owned()
}

impl SourceRow {
    /// The name shown with its listings: the operator's, else the publisher's own (a URL
    /// becomes its host), else the source's host.
    pub fn display_name(&self) -> String {
        if let Some(n) = self.name.as_deref().filter(|n| !n.trim().is_empty()) {
            return n.trim().to_owned();
        }
        match self.state.stated_publisher.as_deref().map(str::trim) {
            Some(p) if p.starts_with("http://") || p.starts_with("https://") => host_of(p),
            Some(p) if !p.is_empty() => p.to_owned(),
            _ => host_of(&self.url),
        }
    }

    /// The licence: the operator's word, else what the source states.
    pub fn effective_license(&self) -> Option<&str> {
        self.license
            .as_deref()
            .or(self.state.stated_license.as_deref())
            .filter(|l| !l.trim().is_empty())
    }

    /// A link for the publisher: its own (when it gives one), else the source itself.
    pub fn link(&self) -> String {
        match self.state.stated_publisher.as_deref().map(str::trim) {
            Some(p) if validate::is_web_link(p) => p.to_owned(),
            _ => self.url.clone(),
        }
    }

    fn attribution(&self) -> ListingSource {
        let bound = |s: String| s.chars().take(validate::MAX_NAME).collect::<String>();
        ListingSource {
            name: bound(self.display_name()),
            url: Some(self.link())
                .filter(|u| validate::is_web_link(u) && u.len() <= validate::MAX_URL),
            license: self
                .effective_license()
                .map(|l| l.trim().chars().take(validate::MAX_URL).collect()),
        }
    }
}

/// One change a source made.
#[derive(Debug)]
pub enum HarvestOp {
    /// The source's current copy of a listing (its id is the source's own).
    Put(Box<Listing>),
    /// The source withdrew the listing with this (its own) id.
    Remove(String),
}

/// What one harvest (one RPDE page, or a whole snapshot) changes, with the state to keep.
#[derive(Debug)]
pub struct HarvestBatch {
    pub source_id: i64,
    pub ops: Vec<HarvestOp>,
    /// A whole snapshot: the source's listings not in it are withdrawn.
    pub snapshot: bool,
    pub state: SourceState,
}

/// What a harvest changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct HarvestReport {
    /// Listings new to the feed.
    pub added: usize,
    /// Listings changed in the feed.
    pub updated: usize,
    /// Copies the source sent again with nothing changed.
    pub unchanged: usize,
    /// Listings withdrawn from the feed (no source lists them any more).
    pub withdrawn: usize,
    /// Copies that joined a listing another source already had.
    pub merged: usize,
    /// Database rows written (listings and sources' copies).
    pub rows_written: usize,
}

impl std::ops::AddAssign for HarvestReport {
    fn add_assign(&mut self, o: HarvestReport) {
        self.added += o.added;
        self.updated += o.updated;
        self.unchanged += o.unchanged;
        self.withdrawn += o.withdrawn;
        self.merged += o.merged;
        self.rows_written += o.rows_written;
    }
}

/// Lower-case letters and digits, one space between words.
fn norm(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The apply link, normalised (scheme, `www.`, case, trailing slash and fragment dropped).
pub fn apply_key(l: &Listing) -> Option<String> {
    let HowToApply::Link { url } = &l.how_to_apply else {
        return None;
    };
    let u = url.trim().to_lowercase();
    let u = u.split('#').next().unwrap_or(&u);
    let u = u.split_once("://").map(|(_, r)| r).unwrap_or(u);
    let u = u.strip_prefix("www.").unwrap_or(u);
    Some(u.trim_end_matches('/').to_owned()).filter(|u| !u.is_empty())
}

/// Normalised title | organisation | closing date.
pub fn match_key(l: &Listing) -> String {
    format!(
        "{}|{}|{}",
        norm(&l.title),
        norm(&l.organisation.name),
        l.closing_date.map(|d| d.to_string()).unwrap_or_default()
    )
}

/// The feed id for a source's listing: `h<source>:<its id>`, shortened with a hash when long.
fn listing_id_for(source_id: i64, ext: &str) -> String {
    let safe: String = ext
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.:".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    let id = format!("h{source_id}:{safe}");
    if id.len() <= validate::MAX_ID && safe == ext {
        return id;
    }
    let head: String = safe.chars().take(60).collect();
    format!("h{source_id}:{head}-{}", hex(&sha256(ext.as_bytes())[..8]))
}

const SOURCE_COLUMNS: &str = "s.id, s.url, s.kind, s.org_key, s.name, s.license, s.every_secs, \
     s.added, s.next_url, s.cursor_modified, s.cursor_id, s.validator_url, s.etag, \
     s.last_modified, s.stated_license, s.stated_publisher, s.last_try, s.last_success, \
     s.last_result, s.last_error, s.failures, s.next_try, \
     (SELECT COUNT(*) FROM source_items i WHERE i.source_id = s.id)";

fn source_row(r: &Row) -> Result<SourceRow> {
    source_row_at(r, 0)
}

/// How one run ended, for `sources list`.
#[derive(Clone, Debug)]
pub struct RunRecord {
    pub ok: bool,
    pub result: Option<String>,
    pub error: Option<String>,
    pub failures: i64,
    pub next_try: i64,
}

impl Store {
    pub fn add_source(&self, s: &NewSource) -> Result<SourceRow> {
        let url = s.url.trim();
        if !validate::is_web_link(url) || url.len() > validate::MAX_URL {
            return Err(StoreError::Invalid(format!(
                "{url} is not a web address (http:// or https://, at most {} characters)",
                validate::MAX_URL
            )));
        }
        if let Some(org) = &s.org {
            if !is_org_id(org.trim()) {
                return Err(StoreError::Invalid(format!(
                    "\"{org}\" cannot be an organisation id (visible characters, no spaces)"
                )));
            }
        }
        let id = self.write(|c| {
            let exists: Option<i64> = c
                .query_opt("SELECT id FROM sources WHERE url = ?1", args![url], |r| r.get(0))?;
            if exists.is_some() {
                return Err(StoreError::Invalid(format!(
                    "{url} is already a source (see `sources list`)"
                )));
            }
            c.query_row(
                "INSERT INTO sources (url, kind, org_key, name, license, every_secs, added, next_try) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0) RETURNING id",
                args![
                    url,
                    s.kind.as_str(),
                    s.org.as_deref().map(str::trim),
                    s.name.as_deref().map(str::trim).filter(|n| !n.is_empty()),
                    s.license.as_deref().map(str::trim).filter(|n| !n.is_empty()),
                    s.every_secs.max(60),
                    self.clock.rfc3339()
                ],
                |r| r.get(0),
            )
        })?;
        self.source(id)?
            .ok_or_else(|| StoreError::Invalid("the source just added is missing".into()))
    }

    pub fn source(&self, id: i64) -> Result<Option<SourceRow>> {
        self.read(|c| {
            c.query_opt(
                &format!("SELECT {SOURCE_COLUMNS} FROM sources s WHERE s.id = ?1"),
                args![id],
                source_row,
            )
        })
    }

    pub fn source_by_url(&self, url: &str) -> Result<Option<SourceRow>> {
        self.read(|c| {
            c.query_opt(
                &format!("SELECT {SOURCE_COLUMNS} FROM sources s WHERE s.url = ?1"),
                args![url.trim()],
                source_row,
            )
        })
    }

    /// Every source, oldest first.
    pub fn sources(&self) -> Result<Vec<SourceRow>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT {SOURCE_COLUMNS} FROM sources s ORDER BY s.id"
            ))?;
            let rows = st
                .query_map(args![], source_row)?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// Sources whose next try has come (`now`: unix seconds).
    pub fn due_sources(&self, now: i64) -> Result<Vec<SourceRow>> {
        Ok(self
            .sources()?
            .into_iter()
            .filter(|s| s.next_try <= now)
            .collect())
    }

    /// Records how a run went (after its listings were saved, or not).
    pub fn record_run(&self, id: i64, run: &RunRecord) -> Result<()> {
        let now = self.clock.unix();
        self.write(|c| {
            c.execute(
                "UPDATE sources SET last_try = ?2, \
                 last_success = CASE WHEN ?3 THEN ?2 ELSE last_success END, \
                 last_result = COALESCE(CAST(?4 AS TEXT), last_result), last_error = ?5, failures = ?6, \
                 next_try = ?7 WHERE id = ?1",
                args![
                    id,
                    now,
                    run.ok,
                    run.result,
                    run.error,
                    run.failures,
                    run.next_try
                ],
            )?;
            Ok(())
        })
    }

    /// Stops following a source. Its listings that no other source lists are withdrawn.
    pub fn remove_source(&self, url: &str) -> Result<Option<HarvestReport>> {
        let Some(src) = self.source_by_url(url)? else {
            return Ok(None);
        };
        self.write(|tx| {
            let mut report = HarvestReport::default();
            let touched: BTreeSet<String> = {
                let mut st = tx.prepare_cached(
                    "SELECT DISTINCT listing_id FROM source_items WHERE source_id = ?1",
                )?;
                let ids = st
                    .query_map(args![src.id], |r| r.get(0))?
                    .collect::<Result<_>>()?;
                ids
            };
            tx.execute(
                "DELETE FROM source_items WHERE source_id = ?1",
                args![src.id],
            )?;
            tx.execute("DELETE FROM sources WHERE id = ?1", args![src.id])?;
            let mut next = self.next_modified(tx)?;
            for id in &touched {
                self.recompute(tx, id, &mut next, &mut report)?;
            }
            Ok(Some(report))
        })
    }

    fn next_modified(&self, tx: &Db) -> Result<i64> {
        let max: i64 = tx.query_row(
            "SELECT COALESCE(MAX(modified), 0) FROM listings",
            args![],
            |r| r.get(0),
        )?;
        Ok(max.saturating_add(1).max(self.clock.millis()))
    }

    /// Saves one harvest in one transaction: the source's copies, the listings they make, and
    /// the source's state (cursor, validators), all or nothing.
    pub fn apply_harvest(&self, batch: HarvestBatch) -> Result<HarvestReport> {
        let source_id = batch.source_id;
        // A link more than one of this batch's listings uses is a general page ("join us"),
        // not one opportunity's: it is not used to match.
        let mut links: HashMap<String, usize> = HashMap::new();
        for op in &batch.ops {
            if let HarvestOp::Put(l) = op {
                if let Some(k) = apply_key(l) {
                    *links.entry(k).or_default() += 1;
                }
            }
        }
        self.write(|tx| {
                        let st = &batch.state;
            let changed = tx.execute(
                "UPDATE sources SET next_url = ?2, cursor_modified = ?3, cursor_id = ?4, \
                 validator_url = ?5, etag = ?6, last_modified = ?7, stated_license = ?8, \
                 stated_publisher = ?9 WHERE id = ?1",
                args![
                    source_id,
                    st.next_url,
                    st.cursor.as_ref().map(|c| c.0),
                    st.cursor.as_ref().map(|c| c.1.clone()),
                    st.validator_url,
                    st.etag,
                    st.last_modified,
                    st.stated_license,
                    st.stated_publisher
                ],
            )?;
            if changed == 0 {
                return Err(StoreError::Invalid(format!(
                    "the source {source_id} was removed while it was harvested"
                )));
            }
            let mut report = HarvestReport::default();
            let mut touched: BTreeSet<String> = BTreeSet::new();
            let mut seen: HashSet<String> = HashSet::new();
            {
                let mut get = tx.prepare_cached(
                    "SELECT listing_id, hash FROM source_items WHERE source_id = ?1 AND ext_id = ?2",
                )?;
                let mut update = tx.prepare_cached(
                    "UPDATE source_items SET data = ?3, hash = ?4, apply_key = ?5, match_key = ?6 \
                     WHERE source_id = ?1 AND ext_id = ?2",
                )?;
                let mut insert = tx.prepare_cached(
                    "INSERT INTO source_items (source_id, ext_id, listing_id, data, hash, apply_key, match_key) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?;
                let mut remove = tx.prepare_cached(
                    "DELETE FROM source_items WHERE source_id = ?1 AND ext_id = ?2 RETURNING listing_id",
                )?;
                for op in &batch.ops {
                    match op {
                        HarvestOp::Put(l) => {
                            let ext = l.id.clone();
                            seen.insert(ext.clone());
                            let (json, hash) = listing_json_and_hash(l)?;
                            let apply = apply_key(l);
                            let mkey = match_key(l);
                            let existing: Option<(String, Vec<u8>)> = get
                                .query_opt(args![source_id, ext], |r| Ok((r.get(0)?, r.get(1)?)))?;
                            match existing {
                                Some((_, h)) if h.as_slice() == hash => report.unchanged += 1,
                                Some((lid, _)) => {
                                    update.execute(args![source_id, ext, json, hash.to_vec(), apply, mkey])?;
                                    report.rows_written += 1;
                                    touched.insert(lid);
                                }
                                None => {
                                    let usable_link = apply
                                        .clone()
                                        .filter(|k| links.get(k).copied().unwrap_or(0) <= 1);
                                    let lid = match find_match(tx, source_id, &ext, usable_link.as_deref(), &mkey)? {
                                        Some(lid) => {
                                            report.merged += 1;
                                            lid
                                        }
                                        None => listing_id_for(source_id, &ext),
                                    };
                                    insert.execute(args![source_id, ext, lid, json, hash.to_vec(), apply, mkey])?;
                                    report.rows_written += 1;
                                    touched.insert(lid);
                                }
                            }
                        }
                        HarvestOp::Remove(ext) => {
                            seen.remove(ext);
                            let lid: Option<String> = remove
                                .query_opt(args![source_id, ext], |r| r.get(0))?;
                            if let Some(lid) = lid {
                                report.rows_written += 1;
                                touched.insert(lid);
                            }
                        }
                    }
                }
            }
            if batch.snapshot {
                let gone: Vec<(String, String)> = {
                    let mut all = tx.prepare_cached(
                        "SELECT ext_id, listing_id FROM source_items WHERE source_id = ?1",
                    )?;
                    let rows = all
                        .query_map(args![source_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect::<Result<Vec<(String, String)>>>()?;
                    rows.into_iter().filter(|(e, _)| !seen.contains(e)).collect()
                };
                let mut remove =
                    tx.prepare_cached("DELETE FROM source_items WHERE source_id = ?1 AND ext_id = ?2")?;
                for (ext, lid) in gone {
                    remove.execute(args![source_id, ext])?;
                    report.rows_written += 1;
                    touched.insert(lid);
                }
            }
            let mut next = self.next_modified(tx)?;
            for id in &touched {
                self.recompute(tx, id, &mut next, &mut report)?;
            }
            Ok(report)
        })
    }

    /// Makes the feed's listing `id` from the copies its sources hold now: the first source's
    /// details (by precedence), every source named; withdrawn when none is left.
    fn recompute(
        &self,
        tx: &Db,
        id: &str,
        next: &mut i64,
        report: &mut HarvestReport,
    ) -> Result<()> {
        let copies: Vec<(String, String, SourceRow)> = {
            let mut st = tx.prepare_cached(&format!(
                "SELECT i.data, i.ext_id, {SOURCE_COLUMNS} FROM source_items i \
                 JOIN sources s ON s.id = i.source_id WHERE i.listing_id = ?1 \
                 ORDER BY (s.org_key IS NULL), s.id"
            ))?;
            let rows = st
                .query_map(args![id], |r| {
                    Ok((r.get(0)?, r.get(1)?, source_row_at(r, 2)?))
                })?
                .collect::<Result<Vec<_>>>()?;
            rows
        };
        let existing: Option<(bool, Option<Vec<u8>>, String)> = tx.query_opt(
            "SELECT deleted, content_hash, org_key FROM listings WHERE id = ?1",
            args![id],
            |r| Ok((r.get::<i64>(0)? != 0, r.get(1)?, r.get(2)?)),
        )?;
        let Some((data, ext, winner)) = copies.first() else {
            if matches!(existing, Some((false, _, _))) {
                tx.execute(
                    "UPDATE listings SET modified = ?2, deleted = 1, data = NULL, content_hash = NULL WHERE id = ?1",
                args![id, *next])?;
                *next += 1;
                report.withdrawn += 1;
                report.rows_written += 1;
            }
            return Ok(());
        };
        let mut listing: Listing = serde_json::from_str(data).map_err(|e| StoreError::Damaged {
            what: format!("the stored copy of {ext} from {}", winner.url),
            source: Some(e),
        })?;
        listing.id = id.to_owned();
        let mut sources: Vec<ListingSource> = Vec::new();
        let mut seen_sources = HashSet::new();
        for (_, _, s) in &copies {
            if seen_sources.insert(s.id) && sources.len() < MAX_SOURCES {
                sources.push(s.attribution());
            }
        }
        listing.sources = sources;
        let org = org_id_of(&listing, winner.org_key.as_deref())
            .unwrap_or_else(|| fallback_org(winner.id, &listing.organisation.name));
        let (json, hash) = listing_json_and_hash(&listing)?;
        let same_owner = existing.as_ref().is_some_and(|e| e.2 == org);
        if let Some((false, Some(h), _)) = &existing {
            if h.as_slice() == hash && same_owner {
                return Ok(());
            }
        }
        tx.execute(
            "INSERT INTO organisations (org_key, name, created) VALUES (?1, ?2, ?3) \
             ON CONFLICT (org_key) DO UPDATE SET name = ?2",
            args![org, listing.organisation.name.trim(), self.clock.rfc3339()],
        )?;
        tx.execute(
            "INSERT INTO listings (id, modified, deleted, org_key, data, content_hash) \
             VALUES (?1, ?2, 0, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET modified = ?2, \
             deleted = 0, org_key = ?3, data = ?4, content_hash = ?5",
            args![id, *next, org, json, hash.to_vec()],
        )?;
        *next += 1;
        report.rows_written += 1;
        if matches!(existing, Some((false, _, _))) {
            report.updated += 1;
        } else {
            report.added += 1;
        }
        Ok(())
    }
}

/// `source_row` for a row whose source columns start at `at`.
fn source_row_at(r: &Row, at: usize) -> Result<SourceRow> {
    let kind: String = r.get(at + 2)?;
    let cursor = match (
        r.get::<Option<i64>>(at + 9)?,
        r.get::<Option<String>>(at + 10)?,
    ) {
        (Some(m), Some(id)) => Some((m, id)),
        _ => None,
    };
    Ok(SourceRow {
        id: r.get(at)?,
        url: r.get(at + 1)?,
        kind: SourceKind::parse(&kind).unwrap_or(SourceKind::Auto),
        org_key: r.get(at + 3)?,
        name: r.get(at + 4)?,
        license: r.get(at + 5)?,
        every_secs: r.get(at + 6)?,
        added: r.get(at + 7)?,
        state: SourceState {
            next_url: r.get(at + 8)?,
            cursor,
            validator_url: r.get(at + 11)?,
            etag: r.get(at + 12)?,
            last_modified: r.get(at + 13)?,
            stated_license: r.get(at + 14)?,
            stated_publisher: r.get(at + 15)?,
        },
        last_try: r.get(at + 16)?,
        last_success: r.get(at + 17)?,
        last_result: r.get(at + 18)?,
        last_error: r.get(at + 19)?,
        failures: r.get(at + 20)?,
        next_try: r.get(at + 21)?,
        items: r.get(at + 22)?,
    })
}

/// An existing listing from another source that is the same opportunity: the same apply link,
/// or the same normalised title, organisation and closing date. Only when exactly one listing
/// matches, and it has no copy from this source yet.
fn find_match(
    tx: &Db,
    source_id: i64,
    ext: &str,
    apply: Option<&str>,
    mkey: &str,
) -> Result<Option<String>> {
    let candidates = |sql: &str, key: &str| -> Result<Vec<String>> {
        let mut st = tx.prepare_cached(sql)?;
        let ids = st
            .query_map(args![key, source_id], |r| r.get(0))?
            .collect::<Result<Vec<String>>>()?;
        Ok(ids)
    };
    if let Some(link) = apply {
        // A link this source already uses for another listing is a general page.
        let shared: i64 = tx
            .query_row(
                "SELECT COUNT(*) FROM source_items WHERE source_id = ?1 AND apply_key = ?2 AND ext_id != ?3",
            args![source_id, link, ext], |r| r.get(0))?;
        if shared == 0 {
            let ids = candidates(
                "SELECT DISTINCT i.listing_id FROM source_items i WHERE i.apply_key = ?1 \
                 AND i.source_id != ?2 AND NOT EXISTS (SELECT 1 FROM source_items o \
                 WHERE o.listing_id = i.listing_id AND o.source_id = ?2)",
                link,
            )?;
            if ids.len() == 1 {
                return Ok(ids.into_iter().next());
            }
        }
    }
    let ids = candidates(
        "SELECT DISTINCT i.listing_id FROM source_items i WHERE i.match_key = ?1 \
         AND i.source_id != ?2 AND NOT EXISTS (SELECT 1 FROM source_items o \
         WHERE o.listing_id = i.listing_id AND o.source_id = ?2)",
        mkey,
    )?;
    Ok(if ids.len() == 1 {
        ids.into_iter().next()
    } else {
        None
    })
}

/// The page of listing `ext` on the server whose feed is `feed_url` (`/opportunities/{id}`).
pub fn origin_page(feed_url: &str, ext: &str) -> Option<String> {
    let (scheme, rest) = feed_url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    let url = format!("{scheme}://{host}/opportunities/{ext}");
    (validate::is_web_link(&url) && url.len() <= validate::MAX_URL).then_some(url)
}

/// An organisation id when the source gives none: the source and the organisation's name.
fn fallback_org(source_id: i64, name: &str) -> String {
    let slug: String = norm(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(100)
        .collect();
    format!("source-{source_id}:{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_keys() {
        assert_eq!(listing_id_for(3, "leeds-panel"), "h3:leeds-panel");
        let long = "x".repeat(120);
        let id = listing_id_for(3, &long);
        assert!(
            id.len() <= validate::MAX_ID && id.starts_with("h3:xxx"),
            "{id}"
        );
        assert_ne!(
            listing_id_for(3, &long),
            listing_id_for(3, &format!("{long}y"))
        );
        assert_eq!(
            origin_page("https://a.example:8080/feed/opportunities?x=1", "p-1").as_deref(),
            Some("https://a.example:8080/opportunities/p-1")
        );
        assert_eq!(host_of("https://www.example.org/feed"), "example.org");
        assert_eq!(norm("  Carers' Voice — PANEL!"), "carers voice panel");
        assert_eq!(
            fallback_org(2, "Café Club"),
            "source-2:café-club".replace('é', "-")
        );
    }
}
