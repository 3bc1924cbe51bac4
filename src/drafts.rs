//! The one place where drafts, queued and sent applications, and "about me" are read and
//! written. Encryption at rest (shared devices) wraps this module without touching the pages.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use opendoor_core::form::AboutMe;
use opendoor_core::outbox::LocalApplication;

use crate::store::{Result, Store, APPLICATIONS, PROFILE};

const ABOUT_ME_KEY: &str = "aboutMe";

impl Store {
    pub async fn application(&self, id: &str) -> Result<Option<LocalApplication>> {
        let tx = self.db.transaction(APPLICATIONS).build()?;
        let store = tx.object_store(APPLICATIONS)?;
        Ok(store
            .get::<LocalApplication, _, _>(id.to_owned())
            .serde()?
            .await?)
    }

    /// Every application on this device, most recently changed first.
    pub async fn applications(&self) -> Result<Vec<LocalApplication>> {
        let tx = self.db.transaction(APPLICATIONS).build()?;
        let store = tx.object_store(APPLICATIONS)?;
        let mut out = Vec::new();
        for row in store.get_all::<LocalApplication>().serde()?.await? {
            out.push(row?);
        }
        out.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
        Ok(out)
    }

    pub async fn put_application(&self, app: &LocalApplication) -> Result<()> {
        self.write(APPLICATIONS, |a| {
            a.put(app).serde()?;
            Ok(())
        })
        .await
    }

    /// Changes one application atomically: read, `change`, write, in one transaction, so two
    /// tabs can never overwrite each other's change with a stale copy.
    pub async fn update_application(
        &self,
        id: &str,
        change: impl FnOnce(&mut LocalApplication),
    ) -> Result<Option<LocalApplication>> {
        let tx = self
            .db
            .transaction(APPLICATIONS)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let store = tx.object_store(APPLICATIONS)?;
        let Some(mut app) = store
            .get::<LocalApplication, _, _>(id.to_owned())
            .serde()?
            .await?
        else {
            return Ok(None);
        };
        change(&mut app);
        store.put(&app).serde()?;
        tx.commit().await?;
        Ok(Some(app))
    }

    pub async fn delete_application(&self, id: &str) -> Result<()> {
        self.write(APPLICATIONS, |a| {
            a.delete(id.to_owned()).primitive()?;
            Ok(())
        })
        .await
    }

    pub async fn about_me(&self) -> Result<Option<AboutMe>> {
        let tx = self.db.transaction(PROFILE).build()?;
        let store = tx.object_store(PROFILE)?;
        Ok(store
            .get::<AboutMe, _, _>(ABOUT_ME_KEY.to_owned())
            .serde()?
            .await?)
    }

    pub async fn set_about_me(&self, about: &AboutMe) -> Result<()> {
        self.write(PROFILE, |p| {
            p.put(about).with_key(ABOUT_ME_KEY.to_owned()).serde()?;
            Ok(())
        })
        .await
    }

    pub async fn forget_about_me(&self) -> Result<()> {
        self.write(PROFILE, |p| {
            p.delete(ABOUT_ME_KEY.to_owned()).primitive()?;
            Ok(())
        })
        .await
    }
}
