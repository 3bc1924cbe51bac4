//! The one place where drafts, queued and sent applications, and "about me" are read and
//! written. On a personal device they are plain records (`applications`, `profile`); on a shared
//! device they live encrypted in the unlocked person's vault (`vault_records`), and an
//! application is sealed for the server in the same write that queues it. Which applies is
//! decided by the caller (the runtime, from the device's mode and who is unlocked) as a
//! [`Keeper`]; the pages cannot tell the difference, except that a locked shared device has
//! nothing to show.

use std::rc::Rc;

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use opendoor_core::form::AboutMe;
use opendoor_core::outbox::{LocalApplication, Stage};
use opendoor_core::seal::vault_aad;
use opendoor_core::sealed::SealedSend;
use serde::{Deserialize, Serialize};

use super::vault::{new_record_id, record_slot, VaultRecord};
use super::{Result, Store, StoreError, APPLICATIONS, PROFILE, SEALED_OUTBOX, VAULT_RECORDS};
use crate::device::crypto;
use crate::device::session::Unlocked;

const ABOUT_ME_KEY: &str = "aboutMe";

/// What a vault record holds once opened.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
enum VaultItem {
    Application(Box<LocalApplication>),
    AboutMe(AboutMe),
}

/// Who keeps a person's things on this device right now.
#[derive(Clone)]
pub enum Keeper {
    /// A personal device: plain records.
    Plain,
    /// A shared device with this person unlocked: their vault.
    Vault(Rc<Unlocked>),
    /// A shared device with nobody unlocked: nothing to read, nothing may be written.
    Locked,
}

/// A person's drafts and applications, where the `Keeper` keeps them. Cheap to clone.
#[derive(Clone)]
pub struct Drafts {
    store: Store,
    keeper: Keeper,
}

impl Store {
    pub fn drafts(&self, keeper: Keeper) -> Drafts {
        Drafts {
            store: self.clone(),
            keeper,
        }
    }
}

impl Drafts {
    pub fn keeper(&self) -> &Keeper {
        &self.keeper
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub async fn application(&self, id: &str) -> Result<Option<LocalApplication>> {
        if let Keeper::Plain = self.keeper {
            return self.store.get(APPLICATIONS, id).await;
        }
        Ok(self.applications().await?.into_iter().find(|a| a.id == id))
    }

    /// Every application on this device (on a shared one, the unlocked person's), most
    /// recently changed first.
    pub async fn applications(&self) -> Result<Vec<LocalApplication>> {
        let mut out = match &self.keeper {
            Keeper::Plain => self.store.all(APPLICATIONS).await?,
            Keeper::Vault(s) => self
                .vault_items(s)
                .await?
                .into_iter()
                .filter_map(|(_, item)| match item {
                    VaultItem::Application(a) => Some(*a),
                    VaultItem::AboutMe(_) => None,
                })
                .collect(),
            Keeper::Locked => Vec::new(),
        };
        out.sort_by_key(|a| std::cmp::Reverse(a.updated_at));
        Ok(out)
    }

    pub async fn put_application(&self, app: &LocalApplication) -> Result<()> {
        match &self.keeper {
            Keeper::Plain => {
                self.store
                    .write(APPLICATIONS, |a| {
                        a.put(app).serde()?;
                        Ok(())
                    })
                    .await
            }
            Keeper::Vault(s) => {
                let rid = self
                    .vault_application(s, &app.id)
                    .await?
                    .map(|(rid, _)| rid);
                self.put_vault_application(s, rid, app).await
            }
            Keeper::Locked => Err(StoreError::Locked),
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
        // One compiled copy of the transaction and the vault's encryption for every caller,
        // rather than one per closure: it keeps the download smaller.
        let mut change = Some(change);
        self.update_one(id, &mut |a| {
            if let Some(c) = change.take() {
                c(a);
            }
        })
        .await
    }

    async fn update_one(
        &self,
        id: &str,
        change: &mut dyn FnMut(&mut LocalApplication),
    ) -> Result<Option<LocalApplication>> {
        match &self.keeper {
            Keeper::Plain => {
                let tx = self
                    .store
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
            Keeper::Vault(s) => {
                // One pass over the vault finds both the record and its id.
                let Some((rid, mut app)) = self.vault_application(s, id).await? else {
                    return Ok(None);
                };
                change(&mut app);
                self.put_vault_application(s, Some(rid), &app).await?;
                Ok(Some(app))
            }
            Keeper::Locked => Err(StoreError::Locked),
        }
    }

    pub async fn delete_application(&self, id: &str) -> Result<()> {
        match &self.keeper {
            Keeper::Plain => self.store.delete_one(APPLICATIONS, id).await,
            Keeper::Vault(s) => {
                let Some((rid, _)) = self.vault_application(s, id).await? else {
                    return Ok(());
                };
                self.store.delete_one(VAULT_RECORDS, &rid).await
            }
            Keeper::Locked => Err(StoreError::Locked),
        }
    }

    pub async fn about_me(&self) -> Result<Option<AboutMe>> {
        match &self.keeper {
            Keeper::Plain => self.store.get(PROFILE, ABOUT_ME_KEY).await,
            Keeper::Vault(s) => Ok(self
                .vault_items(s)
                .await?
                .into_iter()
                .find_map(|(_, item)| match item {
                    VaultItem::AboutMe(a) => Some(a),
                    VaultItem::Application(_) => None,
                })),
            Keeper::Locked => Ok(None),
        }
    }

    pub async fn set_about_me(&self, about: &AboutMe) -> Result<()> {
        match &self.keeper {
            Keeper::Plain => {
                self.store
                    .write(PROFILE, |p| {
                        p.put(about).with_key(ABOUT_ME_KEY.to_owned()).serde()?;
                        Ok(())
                    })
                    .await
            }
            Keeper::Vault(s) => {
                let rid = self
                    .vault_items(s)
                    .await?
                    .into_iter()
                    .find(|(_, item)| matches!(item, VaultItem::AboutMe(_)))
                    .map(|(rid, _)| rid);
                let rec = boxed(s, rid, &VaultItem::AboutMe(about.clone())).await?;
                self.store
                    .write(VAULT_RECORDS, |r| {
                        r.put(&rec).serde()?;
                        Ok(())
                    })
                    .await
            }
            Keeper::Locked => Err(StoreError::Locked),
        }
    }

    pub async fn forget_about_me(&self) -> Result<()> {
        match &self.keeper {
            Keeper::Plain => self.store.delete_one(PROFILE, ABOUT_ME_KEY).await,
            Keeper::Vault(s) => {
                let rids: Vec<String> = self
                    .vault_items(s)
                    .await?
                    .into_iter()
                    .filter(|(_, item)| matches!(item, VaultItem::AboutMe(_)))
                    .map(|(rid, _)| rid)
                    .collect();
                self.store
                    .write(VAULT_RECORDS, |r| {
                        for rid in rids {
                            r.delete(rid).primitive()?;
                        }
                        Ok(())
                    })
                    .await
            }
            Keeper::Locked => Err(StoreError::Locked),
        }
    }

    /// Every record of the unlocked person, opened. A record that does not open (damaged) is
    /// left alone rather than failing the whole list.
    async fn vault_items(&self, s: &Unlocked) -> Result<Vec<(String, VaultItem)>> {
        let mut out = Vec::new();
        for row in self.store.vault_rows(&s.vault.id).await? {
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
        s: &Unlocked,
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
        s: &Unlocked,
        rid: Option<String>,
        app: &LocalApplication,
    ) -> Result<()> {
        let sealed = match &app.stage {
            Stage::Waiting { key, request, .. } if !self.store.sealed_exists(key).await? => {
                // Fetched by the runtime before Send (storage never calls the network).
                let seal_key = self.store.seal_key().await?.ok_or(StoreError::NoSealKey)?;
                let server = crypto::server_key(&seal_key)?;
                crypto::measure_start("opendoor-seal");
                let body = serde_json::to_vec(request)?;
                let env = crypto::seal(&server, &seal_key.kid, &body).await?;
                crypto::measure_end("opendoor-seal");
                Some(SealedSend::new(key.clone(), s.vault.id.clone(), env))
            }
            _ => None,
        };
        let rec = boxed(s, rid, &VaultItem::Application(Box::new(app.clone()))).await?;
        let tx = self
            .store
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
async fn boxed(s: &Unlocked, rid: Option<String>, item: &VaultItem) -> Result<VaultRecord> {
    let id = match rid {
        Some(id) => id,
        None => new_record_id()?,
    };
    let plain = serde_json::to_vec(item)?;
    let boxed =
        crypto::box_seal(&s.key, &vault_aad(&s.vault.id, &record_slot(&id)), &plain).await?;
    Ok(VaultRecord {
        id,
        vault: s.vault.id.clone(),
        boxed,
    })
}
