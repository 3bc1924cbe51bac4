//! Listings and the feed: the rows pages are built from, one listing, and imports (all or
//! nothing, each change with a larger `modified`).

use std::collections::{HashMap, HashSet};

use super::sql::{args, Row};
use opendoor_core::Listing;
use serde::Serialize;

use super::organisers::{legacy_id, org_id_of};
use super::{Result, Store, StoreError};
use crate::secrets::sha256;

/// One row of the feed: a listing's current state or its tombstone.
#[derive(Clone, Debug)]
pub struct FeedRow {
    pub id: String,
    pub modified: i64,
    /// None for a tombstone.
    pub data: Option<String>,
}

/// What an import asks for, in file order. The last word on an id wins.
#[derive(Debug, Default)]
pub struct ImportBatch {
    pub ops: Vec<ImportOp>,
    /// The operator's word that every listing in the batch belongs to this organisation id
    /// (`import --org`); otherwise each listing's own organisation id, or its website.
    pub org: Option<String>,
    /// Withdraw (tombstone) the listings of the batch's organisations that it does not mention.
    pub withdraw_missing: bool,
}

#[derive(Debug)]
pub enum ImportOp {
    Upsert(Box<Listing>),
    Delete(String),
}

#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub deleted: usize,
}

/// The listing as JSON, and the hash of what matters for change detection (all but lastUpdated).
pub(super) fn listing_json_and_hash(l: &Listing) -> Result<(String, [u8; 32])> {
    let mut value = serde_json::to_value(l)?;
    let json = serde_json::to_string(&value)?;
    if let Some(obj) = value.as_object_mut() {
        obj.remove("lastUpdated");
    }
    Ok((json, sha256(serde_json::to_string(&value)?.as_bytes())))
}

impl Store {
    /// Changes whenever any listing changes (every change gets a larger `modified`).
    pub fn feed_version(&self) -> Result<i64> {
        self.read(|c| {
            c.query_row(
                "SELECT COALESCE(MAX(modified), 0) FROM listings",
                args![],
                |r| r.get(0),
            )
        })
    }

    /// Items after the cursor, in (modified, id) order.
    pub fn feed_rows(&self, after: Option<(i64, &str)>, limit: usize) -> Result<Vec<FeedRow>> {
        self.read(|c| {
            let map = |r: &Row| -> Result<FeedRow> {
                Ok(FeedRow {
                    id: r.get(0)?,
                    modified: r.get(1)?,
                    data: r.get(2)?,
                })
            };
            let rows = match after {
                Some((m, id)) => {
                    let mut st = c.prepare_cached(
                        "SELECT id, modified, data FROM listings WHERE (modified, id) > (?1, ?2) \
                         ORDER BY modified, id LIMIT ?3",
                    )?;
                    let rows = st
                        .query_map(args![m, id, limit as i64], map)?
                        .collect::<Result<Vec<_>>>()?;
                    rows
                }
                None => {
                    let mut st = c.prepare_cached(
                        "SELECT id, modified, data FROM listings ORDER BY modified, id LIMIT ?1",
                    )?;
                    let rows = st
                        .query_map(args![limit as i64], map)?
                        .collect::<Result<Vec<_>>>()?;
                    rows
                }
            };
            Ok(rows)
        })
    }

    /// Is (modified, id) a row of the feed (a cursor the server itself could have written)?
    pub fn is_feed_position(&self, modified: i64, id: &str) -> Result<bool> {
        self.read(|c| {
            Ok(c.query_opt(
                "SELECT 1 FROM listings WHERE modified = ?1 AND id = ?2",
                args![modified, id],
                |_| Ok(()),
            )?
            .is_some())
        })
    }

    /// Every live (not deleted) listing, in feed order: what the first paint lists.
    pub fn live_listings(&self) -> Result<Vec<Listing>> {
        let rows: Vec<(String, String)> = self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT id, data FROM listings WHERE deleted = 0 AND data IS NOT NULL \
                 ORDER BY modified, id",
            )?;
            let rows = st
                .query_map(args![], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<Vec<_>>>()?;
            Ok(rows)
        })?;
        rows.into_iter()
            .map(|(id, json)| {
                serde_json::from_str(&json).map_err(|e| StoreError::Damaged {
                    what: format!("the stored listing {id}"),
                    source: Some(e),
                })
            })
            .collect()
    }

    /// A live (not deleted) listing.
    pub fn listing(&self, id: &str) -> Result<Option<Listing>> {
        let data: Option<Option<String>> = self.read(|c| {
            c.query_opt(
                "SELECT data FROM listings WHERE id = ?1 AND deleted = 0",
                args![id],
                |r| r.get(0),
            )
        })?;
        match data.flatten() {
            Some(json) => Ok(Some(serde_json::from_str(&json).map_err(|e| {
                StoreError::Damaged {
                    what: format!("the stored listing {id}"),
                    source: Some(e),
                }
            })?)),
            None => Ok(None),
        }
    }

    /// Applies a whole import in one transaction: all of it, or (on error) none of it.
    pub fn import(&self, batch: ImportBatch) -> Result<ImportReport> {
        // The final wanted state of each id, in order of last mention.
        let mut order: Vec<String> = Vec::new();
        let mut wanted: HashMap<String, Option<Box<Listing>>> = HashMap::new();
        for op in batch.ops {
            let (id, state) = match op {
                ImportOp::Upsert(l) => (l.id.clone(), Some(l)),
                ImportOp::Delete(id) => (id, None),
            };
            if wanted.insert(id.clone(), state).is_some() {
                order.retain(|x| x != &id);
            }
            order.push(id);
        }
        // Every listing's organisation, by stable id: never by its display name.
        let mut orgs: HashMap<String, (String, String)> = HashMap::new(); // listing → (org id, name)
        let mut missing = Vec::new();
        for id in &order {
            if let Some(Some(l)) = wanted.get(id) {
                match org_id_of(l, batch.org.as_deref()) {
                    Some(org) => {
                        orgs.insert(id.clone(), (org, l.organisation.name.trim().to_owned()));
                    }
                    None => missing.push(format!("{id} ({})", l.organisation.name)),
                }
            }
        }
        if !missing.is_empty() {
            // The first few name the problem; a whole file of them would bury the advice.
            let more = missing.len().saturating_sub(5);
            missing.truncate(5);
            if more > 0 {
                missing.push(format!("and {more} more"));
            }
            return Err(StoreError::Invalid(format!(
                "no organisation id for {}: give each organisation an id in the data \
                 (organisation.id, the CSV column organisation_id, or the VDS @id) or a website, \
                 or import with --org ORG_ID",
                missing.join(", ")
            )));
        }
        self.write(|tx| {
                        let mut report = ImportReport::default();
            let max: i64 = tx.query_row("SELECT COALESCE(MAX(modified), 0) FROM listings", args![], |r| r.get(0))?;
            let mut next = max.saturating_add(1).max(self.clock.millis());
            {
                let mut get = tx.prepare_cached("SELECT deleted, content_hash, org_key FROM listings WHERE id = ?1")?;
                let mut keep_note = tx.prepare_cached(&format!("SELECT {} FROM listings WHERE id = ?1 AND deleted = 0", tx.json_text("data", "impactNote")))?;
                let mut org_row = tx.prepare_cached(
                    "INSERT INTO organisations (org_key, name, created) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (org_key) DO UPDATE SET name = ?2",
                )?;
                let mut adopt = tx.prepare_cached(
                    "UPDATE applications SET org_key = ?3 WHERE listing_id = ?1 AND org_key = ?2",
                )?;
                let mut put = tx.prepare_cached(
                    "INSERT INTO listings (id, modified, deleted, org_key, data, content_hash) \
                     VALUES (?1, ?2, 0, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET modified = ?2, \
                     deleted = 0, org_key = ?3, data = ?4, content_hash = ?5",
                )?;
                let mut del =
                    tx.prepare_cached("UPDATE listings SET modified = ?2, deleted = 1, data = NULL, content_hash = NULL WHERE id = ?1")?;
                for id in &order {
                    let existing: Option<(bool, Option<Vec<u8>>, String)> = get
                        .query_opt(args![id], |r| Ok((r.get::<i64>(0)? != 0, r.get(1)?, r.get(2)?)))?;
                    match &wanted[id] {
                        Some(listing) => {
                            let (org, name) = &orgs[id];
                            if let Some((false, _, owner)) = &existing {
                                if owner != org {
                                    // Data stored before ids is adopted by the organisation of
                                    // the same name; anything else is not moved by an import.
                                    if *owner == legacy_id(name) {
                                        adopt.execute(args![id, owner, org])?;
                                    } else {
                                        return Err(StoreError::Invalid(format!(
                                            "the listing {id} belongs to another organisation ({owner}), not {org}: \
                                             it was not moved. Nothing was imported."
                                        )));
                                    }
                                }
                            }
                            org_row.execute(args![org, name, self.clock.rfc3339()])?;
                            // An impact note written in the organisers' pages is kept when a
                            // file without one is imported over the listing.
                            let kept;
                            let listing = match (&listing.impact_note, &existing) {
                                (None, Some((false, _, _))) => match keep_note.query_opt(args![id], |r| r.get::<Option<String>>(0))?.flatten() {
                                    Some(note) => {
                                        let mut l = listing.clone();
                                        l.impact_note = serde_json::from_str(&note).ok();
                                        kept = l;
                                        &kept
                                    }
                                    None => listing,
                                },
                                _ => listing,
                            };
                            let (json, hash) = listing_json_and_hash(listing)?;
                            let same_owner = existing.as_ref().is_some_and(|e| &e.2 == org);
                            match &existing {
                                Some((false, Some(h), _)) if h.as_slice() == hash && same_owner => report.unchanged += 1,
                                _ => {
                                    put.execute(args![id, next, org, json, hash.to_vec()])?;
                                    next += 1;
                                    if matches!(existing, Some((false, _, _))) {
                                        report.updated += 1;
                                    } else {
                                        report.added += 1;
                                    }
                                }
                            }
                        }
                        None => {
                            if matches!(existing, Some((false, _, _))) {
                                del.execute(args![id, next])?;
                                next += 1;
                                report.deleted += 1;
                            }
                        }
                    }
                }
                if batch.withdraw_missing {
                    let batch_orgs: HashSet<&String> = orgs.values().map(|(o, _)| o).collect();
                    // Listings harvested from other publishers are theirs to withdraw, not this file's.
                    let mut live = tx.prepare_cached(
                        "SELECT id FROM listings WHERE deleted = 0 AND org_key = ?1 \
                         AND id NOT IN (SELECT listing_id FROM source_items) ORDER BY id",
                    )?;
                    for org in batch_orgs {
                        let ids = live.query_map(args![org], |r| r.get::<String>(0))?.collect::<Result<Vec<_>>>()?;
                        for id in ids.into_iter().filter(|id| !wanted.contains_key(id)) {
                            del.execute(args![id, next])?;
                            next += 1;
                            report.deleted += 1;
                        }
                    }
                }
            }
            Ok(report)
        })
    }
}
