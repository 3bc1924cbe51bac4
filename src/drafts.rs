//! The one place where drafts, queued and sent applications, and "about me" are read and
//! written. On a personal device they are plain records (`applications`, `profile`); on a shared
//! device they live encrypted in the unlocked person's vault (`vault_records`), and an
//! application is sealed for the server in the same write that queues it. The pages cannot
//! tell the difference, except that a locked shared device has nothing to show.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use opendoor_core::form::AboutMe;
use opendoor_core::outbox::{LocalApplication, Stage};
use opendoor_core::seal::vault_aad;
use opendoor_core::sealed::SealedSend;
use serde::{Deserialize, Serialize};

use crate::crypto;
use crate::store::{
    Result, Store, StoreError, APPLICATIONS, PROFILE, SEALED_OUTBOX, VAULT_RECORDS,
};
use crate::vault::{self, new_record_id, record_slot, Session, VaultRecord};

const ABOUT_ME_KEY: &str = "aboutMe";

/// What a vault record holds once opened.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
enum VaultItem {
    Application(Box<LocalApplication>),
    AboutMe(AboutMe),
}

/// Where this device keeps a person's things right now.
enum Place {
    Plain,
    Vault(std::rc::Rc<Session>),
    Locked,
}

fn place() -> Place {
    if !vault::shared() {
        return Place::Plain;
    }
    match vault::session() {
        Some(s) => Place::Vault(s),
        None => Place::Locked,
    }
}

impl Store {
    pub async fn application(&self, id: &str) -> Result<Option<LocalApplication>> {
        if let Place::Plain = place() {
            return self.get(APPLICATIONS, id).await;
        }
        Ok(self.applications().await?.into_iter().find(|a| a.id == id))
    }

    /// Every application on this device (on a shared one, the unlocked person's), most
    /// recently changed first.
    pub async fn applications(&self) -> Result<Vec<LocalApplication>> {
        let mut out = match place() {
            Place::Plain => self.all(APPLICATIONS).await?,
            Place::Vault(s) => self
                .vault_items(&s)
                .await?
                .into_iter()
                .filter_map(|(_, item)| match item {
                    VaultItem::Application(a) => Some(*a),
                    VaultItem::AboutMe(_) => None,
                })
                .collect(),
            Place::Locked => Vec::new(),
        };
        out.sort_by_key(|a| std::cmp::Reverse(a.updated_at));
        Ok(out)
    }

    pub async fn put_application(&self, app: &LocalApplication) -> Result<()> {
        match place() {
            Place::Plain => {
                self.write(APPLICATIONS, |a| {
                    a.put(app).serde()?;
                    Ok(())
                })
                .await
            }
            Place::Vault(s) => {
                let rid = self
                    .vault_application(&s, &app.id)
                    .await?
                    .map(|(rid, _)| rid);
                self.put_vault_application(&s, rid, app).await
            }
            Place::Locked => Err(StoreError::Locked),
        }
    }

    /// Changes one application: read, `change`, write. Plainly this is one transaction, so two
    /// tabs never overwrite each other's change. In a vault it cannot be (encryption happens
    /// between the read and the write), which is fine: only the unlocked tab writes there.
    pub async fn update_application(
        &self,
        id: &str,
        change: impl FnOnce(&mut LocalApplication),
    ) -> Result<Option<LocalApplication>> {
        match place() {
            Place::Plain => {
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
            Place::Vault(s) => {
                // One pass over the vault finds both the record and its id.
                let Some((rid, mut app)) = self.vault_application(&s, id).await? else {
                    return Ok(None);
                };
                change(&mut app);
                self.put_vault_application(&s, Some(rid), &app).await?;
                Ok(Some(app))
            }
            Place::Locked => Err(StoreError::Locked),
        }
    }

    pub async fn delete_application(&self, id: &str) -> Result<()> {
        match place() {
            Place::Plain => {
                self.write(APPLICATIONS, |a| {
                    a.delete(id.to_owned()).primitive()?;
                    Ok(())
                })
                .await
            }
            Place::Vault(s) => {
                let Some((rid, _)) = self.vault_application(&s, id).await? else {
                    return Ok(());
                };
                self.write(VAULT_RECORDS, |r| {
                    r.delete(rid).primitive()?;
                    Ok(())
                })
                .await
            }
            Place::Locked => Err(StoreError::Locked),
        }
    }

    pub async fn about_me(&self) -> Result<Option<AboutMe>> {
        match place() {
            Place::Plain => self.get(PROFILE, ABOUT_ME_KEY).await,
            Place::Vault(s) => Ok(self
                .vault_items(&s)
                .await?
                .into_iter()
                .find_map(|(_, item)| match item {
                    VaultItem::AboutMe(a) => Some(a),
                    VaultItem::Application(_) => None,
                })),
            Place::Locked => Ok(None),
        }
    }

    pub async fn set_about_me(&self, about: &AboutMe) -> Result<()> {
        match place() {
            Place::Plain => {
                self.write(PROFILE, |p| {
                    p.put(about).with_key(ABOUT_ME_KEY.to_owned()).serde()?;
                    Ok(())
                })
                .await
            }
            Place::Vault(s) => {
                let rid = self
                    .vault_items(&s)
                    .await?
                    .into_iter()
                    .find(|(_, item)| matches!(item, VaultItem::AboutMe(_)))
                    .map(|(rid, _)| rid);
                let rec = boxed(&s, rid, &VaultItem::AboutMe(about.clone())).await?;
                self.write(VAULT_RECORDS, |r| {
                    r.put(&rec).serde()?;
                    Ok(())
                })
                .await
            }
            Place::Locked => Err(StoreError::Locked),
        }
    }

    pub async fn forget_about_me(&self) -> Result<()> {
        match place() {
            Place::Plain => {
                self.write(PROFILE, |p| {
                    p.delete(ABOUT_ME_KEY.to_owned()).primitive()?;
                    Ok(())
                })
                .await
            }
            Place::Vault(s) => {
                let rids: Vec<String> = self
                    .vault_items(&s)
                    .await?
                    .into_iter()
                    .filter(|(_, item)| matches!(item, VaultItem::AboutMe(_)))
                    .map(|(rid, _)| rid)
                    .collect();
                self.write(VAULT_RECORDS, |r| {
                    for rid in rids {
                        r.delete(rid).primitive()?;
                    }
                    Ok(())
                })
                .await
            }
            Place::Locked => Err(StoreError::Locked),
        }
    }

    /// The ids of a vault's records (for deleting them all).
    pub(crate) async fn vault_record_ids(&self, vault_id: &str) -> Result<Vec<String>> {
        Ok(self
            .vault_rows(vault_id)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect())
    }

    async fn vault_rows(&self, vault_id: &str) -> Result<Vec<VaultRecord>> {
        let tx = self.db.transaction(VAULT_RECORDS).build()?;
        let store = tx.object_store(VAULT_RECORDS)?;
        let rows = store
            .index("by_vault")?
            .get_all::<VaultRecord>()
            .with_query(vault_id.to_owned())
            .serde()?
            .await?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row?);
        }
        Ok(out)
    }

    /// Every record of the unlocked person, opened. A record that does not open (damaged) is
    /// left alone rather than failing the whole list.
    async fn vault_items(&self, s: &Session) -> Result<Vec<(String, VaultItem)>> {
        let mut out = Vec::new();
        for row in self.vault_rows(&s.vault.id).await? {
            let aad = vault_aad(&s.vault.id, &record_slot(&row.id));
            let Ok(plain) = crypto::box_open(&s.key, &aad, &row.boxed).await else {
                web_sys::console::warn_1(&"a record in this vault does not open".into());
                continue;
            };
            if let Ok(item) = serde_json::from_slice::<VaultItem>(&plain) {
                out.push((row.id, item));
            }
        }
        Ok(out)
    }

    /// The unlocked person's application for listing `id`, with its record id.
    async fn vault_application(
        &self,
        s: &Session,
        id: &str,
    ) -> Result<Option<(String, LocalApplication)>> {
        Ok(self
            .vault_items(s)
            .await?
            .into_iter()
            .find_map(|(rid, item)| match item {
                VaultItem::Application(a) if a.id == id => Some((rid, *a)),
                _ => None,
            }))
    }

    /// Writes an application into the vault, over record `rid` or as a new one. When it has just
    /// been queued (Send pressed), it is sealed for the server first and both records are
    /// written in one transaction.
    async fn put_vault_application(
        &self,
        s: &Session,
        rid: Option<String>,
        app: &LocalApplication,
    ) -> Result<()> {
        let sealed = match &app.stage {
            Stage::Waiting { key, request, .. } if !self.sealed_exists(key).await? => {
                let seal_key = match self.seal_key().await? {
                    Some(k) => k,
                    None => {
                        // Never fetched (set up offline): one try now, in case we are online.
                        crate::sealed_outbox::refresh_seal_key(self).await;
                        self.seal_key().await?.ok_or(StoreError::NoSealKey)?
                    }
                };
                crypto::measure_start("opendoor-seal");
                let body =
                    serde_json::to_vec(request).map_err(|e| StoreError::Other(e.to_string()))?;
                let env = crypto::seal(&seal_key.public_key_bytes()?, &seal_key.kid, &body).await?;
                crypto::measure_end("opendoor-seal");
                Some(SealedSend::new(key.clone(), s.vault.id.clone(), env))
            }
            _ => None,
        };
        let rec = boxed(s, rid, &VaultItem::Application(Box::new(app.clone()))).await?;
        let tx = self
            .db
            .transaction([VAULT_RECORDS, SEALED_OUTBOX])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(VAULT_RECORDS)?.put(&rec).serde()?;
        if let Some(entry) = sealed {
            tx.object_store(SEALED_OUTBOX)?.put(&entry).serde()?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Encrypts one item under the person's key, in a new record or over `rid`, with a fresh nonce.
async fn boxed(s: &Session, rid: Option<String>, item: &VaultItem) -> Result<VaultRecord> {
    let id = match rid {
        Some(id) => id,
        None => new_record_id()?,
    };
    let plain = serde_json::to_vec(item).map_err(|e| StoreError::Other(e.to_string()))?;
    let boxed =
        crypto::box_seal(&s.key, &vault_aad(&s.vault.id, &record_slot(&id)), &plain).await?;
    Ok(VaultRecord {
        id,
        vault: s.vault.id.clone(),
        boxed,
    })
}
