//! Listings being written or changed in the organisers' editor. A draft is never in the feed:
//! publishing turns it into a listing (through the same path as an import) and deletes it.

use super::sql::args;
use opendoor_core::Listing;

use super::organisers::Organiser;
use super::{Result, Store, StoreError};

/// The largest draft (the editor's fields as JSON): a whole listing and then some.
pub const MAX_DRAFT_BYTES: usize = 256 * 1024;

/// One of the organisation's listings as its overview shows it.
#[derive(Clone, Debug)]
pub struct OwnListing {
    pub id: String,
    /// None: only a draft so far.
    pub published: Option<Listing>,
    /// A draft exists (a new listing, or changes not yet published).
    pub has_draft: bool,
    /// The draft's title when there is no published listing.
    pub draft_title: Option<String>,
}

impl Store {
    pub fn save_draft(&self, org: &Organiser, id: &str, data: &str) -> Result<()> {
        if data.len() > MAX_DRAFT_BYTES {
            return Err(StoreError::Invalid(format!(
                "the listing is too long to save (over {} KB)",
                MAX_DRAFT_BYTES / 1024
            )));
        }
        let now = self.clock.rfc3339();
        self.write(|c| {
            // A draft id is the organisation's own: another's draft is never overwritten.
            let n = c.execute(
                "INSERT INTO listing_drafts (id, org_key, data, updated) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (id) DO UPDATE SET data = ?3, updated = ?4 WHERE listing_drafts.org_key = ?2",
                args![id, org.org_key, data, now],
            )?;
            if n == 0 {
                return Err(StoreError::Invalid(
                    "that listing belongs to another organisation".into(),
                ));
            }
            Ok(())
        })
    }

    pub fn draft(&self, org: &Organiser, id: &str) -> Result<Option<String>> {
        self.read(|c| {
            c.query_opt(
                "SELECT data FROM listing_drafts WHERE id = ?1 AND org_key = ?2",
                args![id, org.org_key],
                |r| r.get(0),
            )
        })
    }

    pub fn delete_draft(&self, org: &Organiser, id: &str) -> Result<()> {
        self.write(|c| {
            c.execute(
                "DELETE FROM listing_drafts WHERE id = ?1 AND org_key = ?2",
                args![id, org.org_key],
            )?;
            Ok(())
        })
    }

    /// Is this listing id (published, withdrawn or only drafted) the organisation's own?
    pub fn owns_listing(&self, org: &Organiser, id: &str) -> Result<bool> {
        self.read(|c| {
            let owner: Option<String> = c.query_opt(
                "SELECT org_key FROM listings WHERE id = ?1 UNION ALL \
                     SELECT org_key FROM listing_drafts WHERE id = ?1 LIMIT 1",
                args![id],
                |r| r.get(0),
            )?;
            Ok(owner.as_deref() == Some(org.org_key.as_str()))
        })
    }

    /// The organisation's listings (live ones, with or without a draft, and drafts of new
    /// ones), most recently changed first.
    pub fn own_listings(&self, org: &Organiser) -> Result<Vec<OwnListing>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT l.id, l.data, CASE WHEN d.data IS NULL THEN 0 ELSE 1 END, NULL, l.modified FROM listings l \
                 LEFT JOIN listing_drafts d ON d.id = l.id \
                 WHERE l.org_key = ?1 AND l.deleted = 0 \
                 UNION ALL \
                 SELECT d.id, NULL, 1, {}, 0 FROM listing_drafts d \
                 WHERE d.org_key = ?1 AND d.id NOT IN (SELECT id FROM listings WHERE deleted = 0) \
                 ORDER BY 5 DESC, 1",
                c.json_text("d.data", "title")
            ))?;
            let rows = st
                .query_map(args![&org.org_key], |r| {
                    Ok((
                        r.get::<String>(0)?,
                        r.get::<Option<String>>(1)?,
                        r.get::<bool>(2)?,
                        r.get::<Option<String>>(3)?,
                    ))
                })?
                .collect::<Result<Vec<_>>>()?;
            rows.into_iter()
                .map(|(id, data, has_draft, draft_title)| {
                    let published =
                        match data {
                            Some(json) => Some(serde_json::from_str(&json).map_err(|e| {
                                StoreError::Damaged {
                                    what: format!("the stored listing {id}"),
                                    source: Some(e),
                                }
                            })?),
                            None => None,
                        };
                    Ok(OwnListing {
                        id,
                        published,
                        has_draft,
                        draft_title,
                    })
                })
                .collect()
        })
    }
}
