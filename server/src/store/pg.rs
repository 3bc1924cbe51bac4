//! The PostgreSQL backend: tokio-postgres connections in a deadpool pool, driven by a small
//! runtime of the store's own so that the store's methods stay blocking (as SQLite's are) and
//! work from any thread, async or not; TLS by rustls when the URL asks for it
//! (`sslmode=require`); and the schema's migrations under an advisory lock so several servers
//! starting at once migrate it once. Why these crates: docs/decisions.md,
//! "PostgreSQL (issue 17)".

use std::cell::RefCell;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use futures_executor::block_on;
use tokio_postgres_rustls::MakeRustlsConnect;

use super::pg_tls::{self, TlsRequest};
use super::sql::{Db, PgHandle};
use super::{Result, StoreError};
use crate::db_target::PgUrl;

/// The PostgreSQL store's migrations, in order; `opendoor_schema.version` counts those run.
const MIGRATIONS: &[&str] = &[include_str!("../../migrations/postgres/0001_schema.sql")];

/// Every write transaction takes this transaction-scoped advisory lock first: writers take
/// turns across all servers, as SQLite's single writer does within one.
const WRITE_LOCK: i64 = 0x6f70_656e_646f_6f72; // "opendoor"
/// Migrations take this one (session-scoped, around the whole run).
const MIGRATE_LOCK: i64 = WRITE_LOCK + 1;

/// Settings beyond the URL, from the environment (docs/deployment.md).
#[derive(Clone, Debug)]
pub struct PgSettings {
    /// OPENDOOR_DB_POOL: connections this server keeps (default 8).
    pub pool: u32,
    /// OPENDOOR_DB_STATEMENT_TIMEOUT_SECS: longest a statement may run (default 30).
    pub statement_timeout: Duration,
    /// OPENDOOR_DB_CONNECT_TIMEOUT_SECS: how long to wait for a connection (default 10).
    pub connect_timeout: Duration,
    /// OPENDOOR_DB_CA_FILE: a PEM file of the CA(s) to trust for TLS, besides the public roots.
    pub ca_file: Option<std::path::PathBuf>,
}

impl PgSettings {
    pub fn from_env() -> std::result::Result<PgSettings, String> {
        fn num(name: &str, default: u64) -> std::result::Result<u64, String> {
            match std::env::var(name) {
                Ok(v) => v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| format!("{name} must be a whole number above 0, not \"{v}\"")),
                Err(_) => Ok(default),
            }
        }
        Ok(PgSettings {
            pool: u32::try_from(num("OPENDOOR_DB_POOL", 8)?).unwrap_or(u32::MAX),
            statement_timeout: Duration::from_secs(num("OPENDOOR_DB_STATEMENT_TIMEOUT_SECS", 30)?),
            connect_timeout: Duration::from_secs(num("OPENDOOR_DB_CONNECT_TIMEOUT_SECS", 10)?),
            ca_file: std::env::var_os("OPENDOOR_DB_CA_FILE").map(Into::into),
        })
    }
}

pub struct Pg {
    pool: deadpool_postgres::Pool,
    /// Drives the connections (tokio-postgres is async); callers block on their own thread.
    /// In an Option so that Drop can shut it down without waiting, even from async code.
    runtime: Option<tokio::runtime::Runtime>,
}

impl Drop for Pg {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

fn tls(settings: &PgSettings, request: &TlsRequest) -> Result<MakeRustlsConnect> {
    // sslrootcert= in the URL, else OPENDOOR_DB_CA_FILE: then only that CA is trusted.
    let ca_file = request.root_cert.as_ref().or(settings.ca_file.as_ref());
    let mut roots = rustls::RootCertStore::empty();
    match ca_file {
        None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
        Some(path) => {
            use rustls::pki_types::pem::PemObject;
            let certs = rustls::pki_types::CertificateDer::pem_file_iter(path)
                .and_then(|it| it.collect::<std::result::Result<Vec<_>, _>>())
                .map_err(|e| {
                    StoreError::Config(format!(
                        "the database's CA file {} could not be read as PEM certificates: {e}",
                        path.display()
                    ))
                })?;
            if certs.is_empty() {
                return Err(StoreError::Config(format!(
                    "the database's CA file {} holds no certificate",
                    path.display()
                )));
            }
            for c in certs {
                roots.add(c).map_err(|e| {
                    StoreError::Config(format!(
                        "a certificate in {} is not usable: {e}",
                        path.display()
                    ))
                })?;
            }
        }
    }
    // ring, as reqwest and lettre here use; its post-quantum key exchange would need aws-lc-rs.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = pg_tls::verifier(request.mode, ca_file.is_some(), roots, provider.clone())
        .map_err(StoreError::Config)?;
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| StoreError::Config(format!("TLS could not be set up: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

impl Pg {
    pub fn open(url: &PgUrl) -> Result<Pg> {
        let settings = PgSettings::from_env().map_err(StoreError::Config)?;
        // The URL's own text is never repeated in an error: it may hold a password.
        let request = pg_tls::split(url.expose()).map_err(StoreError::Config)?;
        let mut config = tokio_postgres::Config::from_str(&request.url_for_driver).map_err(|e| {
            StoreError::Config(format!(
                "the PostgreSQL URL given to --db is not valid ({e}); it looks like postgres://user:password@host:5432/opendoor"
            ))
        })?;
        config.connect_timeout(settings.connect_timeout);
        config.options(format!(
            "-c statement_timeout={}",
            settings.statement_timeout.as_millis()
        ));
        if config.get_application_name().is_none() {
            config.application_name("opendoor-server");
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("opendoor-pg")
            .enable_all()
            .build()
            .map_err(|e| {
                StoreError::Config(format!("could not start the database threads: {e}"))
            })?;
        let manager = deadpool_postgres::Manager::from_config(
            config,
            tls(&settings, &request)?,
            deadpool_postgres::ManagerConfig {
                recycling_method: deadpool_postgres::RecyclingMethod::Fast,
            },
        );
        let pool = {
            // The pool spawns each connection's task on the store's runtime.
            let _enter = runtime.enter();
            deadpool_postgres::Pool::builder(manager)
                .max_size(settings.pool as usize)
                .runtime(deadpool_postgres::Runtime::Tokio1)
                .wait_timeout(Some(settings.connect_timeout))
                .create_timeout(Some(settings.connect_timeout))
                .build()
                .map_err(|e| {
                    StoreError::Config(format!("the database pool could not be made: {e}"))
                })?
        };
        let pg = Pg {
            pool,
            runtime: Some(runtime),
        };
        pg.migrate()?;
        Ok(pg)
    }

    fn client(&self) -> Result<deadpool_postgres::Object> {
        let handle = self.runtime.as_ref().map(|rt| rt.handle().clone());
        let _enter = handle.as_ref().map(|h| h.enter());
        futures_executor::block_on(self.pool.get()).map_err(|e| match e {
            deadpool_postgres::PoolError::Backend(e) => {
                let words = plain(&e);
                let hint = pg_tls::hint(&words);
                StoreError::Unreachable(format!("{words}{hint}"))
            }
            other => StoreError::Unreachable(other.to_string()),
        })
    }

    pub fn read<T>(&self, f: impl Fn(&Db) -> Result<T>) -> Result<T> {
        self.again_if_dropped(|| {
            let client = self.client()?;
            let db = Db::Postgres(RefCell::new(PgHandle::Client(&client)));
            f(&db)
        })
    }

    pub fn write<T>(&self, f: impl Fn(&Db) -> Result<T>) -> Result<T> {
        self.again_if_dropped(|| {
            let mut client = self.client()?;
            let tx = block_on(client.transaction())?;
            block_on(tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK]))?;
            let db = Db::Postgres(RefCell::new(PgHandle::Tx(tx)));
            let out = f(&db)?;
            if let Db::Postgres(h) = db {
                if let PgHandle::Tx(tx) = h.into_inner() {
                    // A connection lost during COMMIT leaves it unknown whether it committed:
                    // that error is not one to try again on (`Dropped` is only for before).
                    block_on(tx.commit()).map_err(|e| {
                        if e.is_closed() {
                            StoreError::Unreachable(format!(
                                "the connection was lost while saving: {}",
                                plain(&e)
                            ))
                        } else {
                            e.into()
                        }
                    })?;
                }
            }
            Ok(out)
        })
    }

    /// Runs `attempt` once more on another connection if the first failed because its
    /// connection had been dropped by the database (a failover, a restart, an idle timeout)
    /// before the pool noticed. Nothing was done on a dropped connection, so trying again on a
    /// new one is safe (a lost COMMIT is reported as `Unreachable`, not retried).
    fn again_if_dropped<T>(&self, attempt: impl Fn() -> Result<T>) -> Result<T> {
        match attempt() {
            Err(StoreError::Postgres(e)) if e.is_closed() => attempt(),
            other => other,
        }
    }

    fn migrate(&self) -> Result<()> {
        let mut client = self.client()?;
        block_on(client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATE_LOCK]))?;
        let outcome = migrate_locked(&mut client);
        // Unlock whatever happened; the connection goes back to the pool.
        let _ = block_on(client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATE_LOCK]));
        outcome
    }
}

/// A connection error in words, with its cause (tokio-postgres keeps the useful part there).
fn plain(e: &tokio_postgres::Error) -> String {
    match std::error::Error::source(e) {
        Some(cause) => format!("{e}: {cause}"),
        None => e.to_string(),
    }
}

fn migrate_locked(client: &mut deadpool_postgres::Object) -> Result<()> {
    block_on(client.batch_execute(
        "CREATE TABLE IF NOT EXISTS opendoor_schema (version BIGINT NOT NULL);\
         INSERT INTO opendoor_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM opendoor_schema);",
    ))?;
    let row = block_on(client.query_one("SELECT version FROM opendoor_schema", &[]))?;
    let version: i64 = row.get(0);
    if version as usize > MIGRATIONS.len() {
        return Err(StoreError::TooNew {
            found: version,
            known: MIGRATIONS.len(),
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = block_on(client.transaction())?;
        block_on(tx.batch_execute(sql)).map_err(|source| StoreError::PgMigration {
            number: i + 1,
            source,
        })?;
        block_on(tx.execute(
            "UPDATE opendoor_schema SET version = $1",
            &[&((i + 1) as i64)],
        ))?;
        block_on(tx.commit())?;
    }
    Ok(())
}
