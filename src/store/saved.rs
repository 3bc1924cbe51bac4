//! Saved (starred) listings and saved searches, in IndexedDB stores `saved` and
//! `saved_searches` (docs/storage.md). Nothing here leaves the device.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
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
        let tx = self
            .db
            .transaction(SAVED)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(SAVED)?
            .put(SavedListing {
                id: listing.id.clone(),
                saved_at: now,
                listing: listing.clone(),
            })
            .serde()?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn unsave_listing(&self, id: &str) -> Result<()> {
        let tx = self
            .db
            .transaction(SAVED)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(SAVED)?.delete(id.to_owned()).primitive()?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn saved_searches(&self) -> Result<Vec<SavedSearch>> {
        let mut out: Vec<SavedSearch> = self.all(SAVED_SEARCHES).await?;
        out.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then_with(|| a.id.cmp(&b.id)));
        Ok(out)
    }

    pub async fn put_saved_search(&self, s: &SavedSearch) -> Result<()> {
        let tx = self
            .db
            .transaction(SAVED_SEARCHES)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(SAVED_SEARCHES)?.put(s).serde()?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn delete_saved_search(&self, id: &str) -> Result<()> {
        let tx = self
            .db
            .transaction(SAVED_SEARCHES)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(SAVED_SEARCHES)?
            .delete(id.to_owned())
            .primitive()?;
        tx.commit().await?;
        Ok(())
    }
}
