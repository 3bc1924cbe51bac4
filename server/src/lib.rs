//! Open Door's reference server: serves the built app and the feed, imports listings, and
//! receives applications. See docs/server.md.

pub mod answering;
pub mod clock;
pub mod conn;
pub mod db_target;
pub mod export;
pub mod feed;
pub mod first_paint;
pub mod harvest;
pub mod http;
pub mod import;
pub mod mail;
pub mod org;
pub mod page_cache;
pub mod rate_limit;
pub mod seal_keys;
pub mod secrets;
pub mod store;

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::clock::Clock;
use crate::conn::{ConnLimits, IdleIo};
use crate::http::AppState;
use crate::page_cache::PageCache;
use crate::rate_limit::RateLimits;
use crate::store::{Store, StoreError};

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not listen on {addr}")]
    Bind {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the server stopped with an error")]
    Io(#[from] std::io::Error),
    #[error("the database could not be opened in the background")]
    Join(#[from] tokio::task::JoinError),
    #[error("the email settings cannot be used")]
    Mail(#[from] crate::mail::MailError),
    #[error("the harvester cannot start")]
    Harvest(#[from] crate::harvest::HarvestError),
}

type Result<T> = std::result::Result<T, ServeError>;

/// What `serve` needs.
#[derive(Clone)]
pub struct ServeConfig {
    pub db: crate::db_target::DbTarget,
    /// The built app (trunk's dist/). Missing: only the API and the feed are served.
    pub app_dir: Option<PathBuf>,
    pub public_url: Option<String>,
    pub page_size: usize,
    /// The licence URL every feed page carries.
    pub license: String,
    /// Per-client limits on applying and on the status endpoints.
    pub limits: RateLimits,
    /// `Clock::system()`, or a test's.
    pub clock: Clock,
    /// Erase applicants' details this many days after the listing closed.
    pub retain_days: u32,
    /// How often expired records are purged (and the retention rule applied).
    pub purge_every: std::time::Duration,
    /// Memory for rendered feed pages (`page_cache`).
    pub feed_cache_bytes: usize,
    /// Timeouts and the connection cap (`conn`).
    pub conn: ConnLimits,
    /// SMTP for sign-in links and applicants' news; None: links are printed by the CLI only.
    pub mail: Option<crate::mail::MailConfig>,
    /// Follow the sources (`sources add`) while serving; None: not.
    pub harvest: Option<crate::harvest::HarvestConfig>,
}

/// A server bound to its address, not yet serving.
pub struct Server {
    listener: TcpListener,
    state: AppState,
    retain_days: u32,
    purge_every: std::time::Duration,
    conn: ConnLimits,
    harvester: Option<crate::harvest::Harvester>,
}

impl Server {
    pub async fn bind(addr: &str, config: ServeConfig) -> Result<Server> {
        let db = config.db.clone();
        let now = config.clock.unix();
        let clock = config.clock.clone();
        let store = tokio::task::spawn_blocking(move || -> Result<Store> {
            let store = Store::open_with_clock(&db, clock)?;
            // A key to seal applications to, from the first start on; expired ones erased.
            let change = store.ensure_seal_key(now)?;
            if let Some(kid) = &change.made {
                tracing::info!(kid = %kid, "made the first key for sealed applications");
            }
            if change.erased > 0 {
                tracing::info!(
                    erased = change.erased,
                    "erased seal keys retired more than 30 days ago"
                );
            }
            Ok(store)
        })
        .await??;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind {
                addr: addr.to_owned(),
                source,
            })?;
        let app_dir = config.app_dir.filter(|d| {
            let ok = d.join("index.html").is_file();
            if !ok {
                tracing::warn!(dir = %d.display(), "no index.html in the app folder: serving the API and feed only");
            }
            ok
        });
        let mailer = match &config.mail {
            Some(m) => Some(Arc::new(crate::mail::Mailer::new(m)?)),
            None => None,
        };
        let store = Arc::new(store);
        let harvester = match config.harvest {
            Some(h) => Some(crate::harvest::Harvester::new(store.clone(), h)?),
            None => None,
        };
        let state = AppState {
            store,
            app_dir,
            public_url: config.public_url,
            page_size: config.page_size.clamp(1, opendoor_core::feed::MAX_ITEMS),
            license: Arc::from(config.license.as_str()),
            pages: Arc::new(PageCache::new(config.feed_cache_bytes)),
            clock: config.clock,
            limits: config.limits,
            body_timeout: config.conn.body_timeout,
            mailer,
            mail_wake: Arc::new(tokio::sync::Notify::new()),
            first_paint: Arc::default(),
            draining: Arc::default(),
        };
        Ok(Server {
            listener,
            state,
            retain_days: config.retain_days,
            purge_every: config.purge_every,
            conn: config.conn,
            harvester,
        })
    }

    pub fn local_addr(&self) -> Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    /// Serves until `shutdown` completes, then stops taking connections and finishes the
    /// requests in flight (idle keep-alive connections are closed at once; slow ones are bounded
    /// by the timeouts).
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> Result<()> {
        let purger = tokio::spawn(purge_now_and_then(
            self.state.store.clone(),
            self.retain_days,
            self.purge_every,
        ));
        let mail_sender = self.state.mailer.clone().map(|m| {
            tokio::spawn(mail::deliver_queue(
                self.state.store.clone(),
                m,
                self.state.mail_wake.clone(),
            ))
        });
        let lease_holder = secrets::random_id().unwrap_or_else(|_| std::process::id().to_string());
        let harvesting = self
            .harvester
            .map(|h| tokio::spawn(harvest_on_schedule(h, lease_holder.clone())));
        let store = self.state.store.clone();
        let draining = self.state.draining.clone();
        let app = http::router(self.state);
        let limits = self.conn;
        // Asked to stop: say so on /readyz, keep serving for the drain time, then stop accepting.
        let shutdown = async move {
            shutdown.await;
            draining.store(true, std::sync::atomic::Ordering::SeqCst);
            if !limits.drain.is_zero() {
                tracing::info!(
                    secs = limits.drain.as_secs_f64(),
                    "draining: /readyz now says 503"
                );
                tokio::time::sleep(limits.drain).await;
            }
        };
        let mut h1 = hyper::server::conn::http1::Builder::new();
        h1.timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .keep_alive(true);
        let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
        let graceful = GracefulShutdown::new();
        let listener = self.listener;
        let mut shutdown = std::pin::pin!(shutdown);
        loop {
            // A free slot before accepting: beyond the cap, connections wait in the listen queue.
            let slot = tokio::select! {
                slot = slots.clone().acquire_owned() => match slot {
                    Ok(slot) => slot,
                    Err(_) => break, // never closed; stop serving if it were
                },
                () = &mut shutdown => break,
            };
            let (stream, peer) = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(a) => a,
                    Err(e) => {
                        // Usually out of file descriptors: wait for some to be freed rather
                        // than spin (as axum::serve does).
                        tracing::warn!(error = %e, "accepting a connection failed");
                        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                        continue;
                    }
                },
                () = &mut shutdown => break,
            };
            // Responses are small and often the last thing sent: no Nagle delay.
            let _ = stream.set_nodelay(true);
            let app = app.clone();
            let service = hyper::service::service_fn(move |mut req: hyper::Request<_>| {
                // The peer's address, for the per-client rate limits (what axum's
                // into_make_service_with_connect_info would add).
                req.extensions_mut().insert(ConnectInfo(peer));
                app.clone().oneshot(req)
            });
            let io = TokioIo::new(IdleIo::new(stream, limits.idle_timeout));
            let conn = graceful.watch(h1.serve_connection(io, service));
            tokio::spawn(async move {
                if let Err(e) = conn.await {
                    // Timeouts and clients going away end up here; nothing to act on.
                    tracing::debug!(error = %e, "connection ended with an error");
                }
                drop(slot);
            });
        }
        // Stop taking connections (new ones are refused), then let those open finish.
        drop(listener);
        graceful.shutdown().await;
        purger.abort();
        if let Some(h) = harvesting {
            h.abort();
            // Another server may harvest at once rather than wait for the lease to lapse.
            let _ = tokio::task::spawn_blocking(move || {
                store.release_lease(HARVEST_LEASE, &lease_holder)
            })
            .await;
        }
        if let Some(m) = mail_sender {
            m.abort();
        }
        Ok(())
    }
}

/// Purges expired records at start and then every `every` (docs/server.md, "What is kept").
async fn purge_now_and_then(store: Arc<Store>, retain_days: u32, every: std::time::Duration) {
    let mut tick = tokio::time::interval(every.max(std::time::Duration::from_millis(10)));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let store = store.clone();
        match tokio::task::spawn_blocking(move || store.purge(retain_days)).await {
            Ok(Ok(r)) if r != store::PurgeReport::default() => tracing::info!(
                idempotency_records = r.idempotency_records,
                envelope_records = r.envelope_records,
                applications_erased = r.applications_erased,
                "purged expired records"
            ),
            Ok(Ok(_)) => {}
            Ok(Err(e)) => {
                tracing::error!(error = %chain(&e), "purging expired records failed")
            }
            Err(e) => tracing::error!(error = %e, "purging expired records failed"),
        }
    }
}

/// The lease that lets one server at a time harvest, when several share a database.
pub const HARVEST_LEASE: &str = "harvester";

/// How long a harvest lease lasts without renewal: long enough for a run (each fetch is bounded
/// by its timeout), short enough that a killed holder's work is taken over within minutes.
fn harvest_lease_secs(tick: std::time::Duration) -> i64 {
    (tick.as_secs() as i64).saturating_mul(4).max(300)
}

/// Harvests the sources whose time has come, now and then every tick (docs/server.md), on
/// whichever server holds the harvest lease. A failing source is recorded against that source;
/// nothing here stops the server.
async fn harvest_on_schedule(h: crate::harvest::Harvester, holder: String) {
    let mut tick = tokio::time::interval(h.config().tick.max(std::time::Duration::from_millis(50)));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let secs = harvest_lease_secs(h.config().tick);
    let mut held = false;
    loop {
        tick.tick().await;
        let store = h.store().clone();
        let who = holder.clone();
        let now_held =
            match tokio::task::spawn_blocking(move || store.take_lease(HARVEST_LEASE, &who, secs))
                .await
            {
                Ok(Ok(b)) => b,
                Ok(Err(e)) => {
                    tracing::error!(error = %chain(&e), "could not take the harvest lease");
                    false
                }
                Err(_) => false,
            };
        if now_held != held {
            held = now_held;
            if held {
                tracing::info!("this server now harvests (it holds the harvest lease)");
            } else {
                tracing::info!("another server holds the harvest lease: not harvesting here");
            }
        }
        if !held {
            continue;
        }
        if let Err(e) = h.run(false).await {
            tracing::error!(error = %chain(&e), "harvesting failed");
        }
    }
}

/// An error and its sources, "outer: inner: innermost", for logs and the operator.
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut next = e.source();
    while let Some(s) = next {
        out.push_str(": ");
        out.push_str(&s.to_string());
        next = s.source();
    }
    out
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// The English catalogue: the organisers' pages are in English (docs/translating.md).
pub fn en() -> opendoor_core::i18n::Catalogue {
    opendoor_core::i18n::Catalogue::english()
}

/// The app's words in `lang`, for the first paint: the same catalogues the app fetches, built
/// into the server and read once.
pub fn catalogue(lang: opendoor_core::i18n::Lang) -> opendoor_core::i18n::Catalogue {
    use opendoor_core::i18n::{Catalogue, Lang};
    use std::sync::OnceLock;
    static CY: OnceLock<Catalogue> = OnceLock::new();
    static AR: OnceLock<Catalogue> = OnceLock::new();
    let load = |lang, ftl| Catalogue::load(lang, ftl).0;
    match lang {
        Lang::Cy => CY
            .get_or_init(|| load(Lang::Cy, include_str!("../../public/locales/cy.ftl")))
            .clone(),
        Lang::Ar => AR
            .get_or_init(|| load(Lang::Ar, include_str!("../../public/locales/ar.ftl")))
            .clone(),
        Lang::En | Lang::Pseudo => Catalogue::english(),
    }
}
