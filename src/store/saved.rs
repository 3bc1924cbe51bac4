//! Saved (starred) listings and saved searches, in IndexedDB stores `saved` and
//! `saved_searches` (docs/storage.md). Nothing here leaves the device.

use indexed_db_futures::prelude::*;
use opendoor_core::saved::SavedSearch;
use opendoor_core::Listing;
use serde::{Deserialize, Serialize};

use super::{Result, Store, SAVED, SAVED_SEARCHES};

/// A starred listing: a copy of the listing as it was when starred, so the saved page can still
/// name it after the feed removes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedListing {
    pub id: String,
    /// Unix seconds.
    pub saved_at: i64,
    pub listing: Listing,
}

impl Store {
    pub async fn saved_listings(&self) -> Result<Vec<SavedListing>> {
        let mut out: Vec<SavedListing> = self.all(SAVED).await?;
        out.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then_with(|| a.id.cmp(&b.id)));
        Ok(out)
    }

    pub async fn is_saved(&self, id: &str) -> Result<bool> {
        Ok(self.get::<SavedListing>(SAVED, id).await?.is_some())
    }

    pub async fn save_listing(&self, listing: &Listing, now: i64) -> Result<()> {
        let row = SavedListing {
            id: listing.id.clone(),
            saved_at: now,
            listing: listing.clone(),
        };
        self.write(SAVED, |s| {
            s.put(&row).serde()?;
            Ok(())
        })
        .await
    }

    pub async fn unsave_listing(&self, id: &str) -> Result<()> {
        self.delete_one(SAVED, id).await
    }

    pub async fn saved_searches(&self) -> Result<Vec<SavedSearch>> {
        let mut out: Vec<SavedSearch> = self.all(SAVED_SEARCHES).await?;
        out.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then_with(|| a.id.cmp(&b.id)));
        Ok(out)
    }

    pub async fn put_saved_search(&self, search: &SavedSearch) -> Result<()> {
        self.write(SAVED_SEARCHES, |s| {
            s.put(search).serde()?;
            Ok(())
        })
        .await
    }

    pub async fn delete_saved_search(&self, id: &str) -> Result<()> {
        self.delete_one(SAVED_SEARCHES, id).await
    }
}
