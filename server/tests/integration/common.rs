//! A real server on 127.0.0.1:0 over a real temporary SQLite file, or, when the test script
//! sets `OPENDOOR_TEST_POSTGRES` (scripts/postgres.sh), a fresh database on a real PostgreSQL.
//!
//! Tests name their database by a file path either way. On PostgreSQL each path stands for its
//! own database, made on first use ([`target`]), so a test that restarts on "the same file"
//! restarts on the same database, and no two tests share one.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use opendoor_server::clock::Clock;
use opendoor_server::db_target::{DbTarget, PgUrl};
use opendoor_server::rate_limit::RateLimits;
use opendoor_server::store::{ImportBatch, ImportOp, Store};
use opendoor_server::{ServeConfig, Server};
use serde_json::{json, Value};
use tokio::sync::oneshot;

pub struct TestServer {
    pub base: String,
    #[allow(dead_code)]
    pub db: PathBuf,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<tokio::task::JoinHandle<()>>,
    /// The temporary folder the database lives in, unless the test chose the file.
    _dir: Option<tempfile::TempDir>,
}

/// How a test server starts (`TestServer::with()`): over `config`, with anything changed.
#[must_use = "nothing starts until .start().await"]
pub struct Start {
    db: Option<PathBuf>,
    listings: Vec<Value>,
    config: ServeConfig,
}

#[allow(dead_code)]
impl Start {
    /// This database file (kept after the server stops; to restart on it or look inside), rather
    /// than a new one in a temporary folder.
    pub fn db(mut self, db: &Path) -> Start {
        self.db = Some(db.to_owned());
        self
    }

    /// Listings put in the database once it is open.
    pub fn listings(mut self, listings: &[Value]) -> Start {
        self.listings = listings.to_vec();
        self
    }

    pub fn page_size(mut self, n: usize) -> Start {
        self.config.page_size = n;
        self
    }

    pub fn app_dir(mut self, dir: &Path) -> Start {
        self.config.app_dir = Some(dir.to_owned());
        self
    }

    pub fn limits(mut self, limits: RateLimits) -> Start {
        self.config.limits = limits;
        self
    }

    pub fn clock(mut self, clock: Clock) -> Start {
        self.config.clock = clock;
        self
    }

    /// Anything else in the server's configuration.
    pub fn config(mut self, change: impl FnOnce(&mut ServeConfig)) -> Start {
        change(&mut self.config);
        self
    }

    pub async fn start(self) -> TestServer {
        let (db, dir) = match self.db {
            Some(db) => (db, None),
            None => {
                let dir = tempfile::tempdir().expect("a temporary folder");
                (dir.path().join("od.db"), Some(dir))
            }
        };
        let server = Server::bind(
            "127.0.0.1:0",
            ServeConfig {
                db: target(&db),
                ..self.config
            },
        )
        .await
        .expect("bind");
        let addr = server.local_addr().unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(async move {
            server
                .run(async move {
                    let _ = rx.await;
                })
                .await
                .expect("server ran");
        });
        if !self.listings.is_empty() {
            put_listings(&db, &self.listings);
        }
        TestServer {
            base: format!("http://{addr}"),
            db,
            stop: Some(tx),
            handle: Some(handle),
            _dir: dir,
        }
    }
}

/// A clock the test moves: (its hand, in Unix seconds; the clock to give the server).
#[allow(dead_code)]
pub fn fake_clock(unix: i64) -> (Arc<AtomicI64>, Clock) {
    let hand = Arc::new(AtomicI64::new(unix));
    let read = hand.clone();
    (hand, Clock::from_unix(move || read.load(Ordering::SeqCst)))
}

impl TestServer {
    /// The usual start: a new database in a temporary folder holding `listings`, served with
    /// no rate limits and the system clock. Shorthand for `TestServer::with().listings(..)`.
    #[allow(dead_code)]
    pub async fn fresh(listings: &[Value]) -> TestServer {
        TestServer::with().listings(listings).start().await
    }

    /// Every other start: change what the test is about, then `.start().await`.
    pub fn with() -> Start {
        Start {
            db: None,
            listings: Vec::new(),
            config: config(Path::new("")),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Asks for a graceful stop without waiting for it (then `stop` waits).
    #[allow(dead_code)]
    pub fn ask_to_stop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }

    /// Graceful stop; waits until the server has finished. Gives back the temporary folder
    /// (when the test did not choose the file): keep it to start another server on the same
    /// database.
    pub async fn stop(mut self) -> Option<tempfile::TempDir> {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            h.await.unwrap();
        }
        self._dir.take()
    }
}

/// What tests serve with unless they say otherwise: no rate limits (they send many requests
/// from one address), the system clock.
fn config(db: &Path) -> ServeConfig {
    ServeConfig {
        db: DbTarget::Sqlite(db.to_owned()),
        app_dir: None,
        public_url: None,
        page_size: 100,
        license: opendoor_server::feed::DEFAULT_LICENSE.into(),
        limits: RateLimits::off(),
        clock: Clock::system(),
        retain_days: opendoor_server::store::DEFAULT_RETAIN_DAYS,
        purge_every: std::time::Duration::from_secs(3600),
        feed_cache_bytes: opendoor_server::page_cache::DEFAULT_CACHE_BYTES,
        conn: opendoor_server::conn::ConnLimits::default(),
        mail: None,
        harvest: None,
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

/// A valid listing as JSON; tweak with `set`.
pub fn listing(id: &str, org: &str) -> Value {
    json!({
        "id": id,
        "title": format!("Opportunity {id}"),
        "organisation": {"name": org, "id": org_id(org)},
        "summary": "Help shape a service.",
        "description": "A longer description.\n\nWith two paragraphs.",
        "kind": "advisory-group",
        "topics": ["mental health"],
        "attendance": {"mode": "online"},
        "timeCommitment": "2 hours a month",
        "payment": {"type": "expenses-only"},
        "expenses": ["travel"],
        "eligibility": {"who": "Anyone over 18", "minimumAge": 18},
        "impact": "Your views change the service.",
        "support": "A named contact.",
        "howToApply": {"type": "in-app", "questions": [
            {"id": "why", "label": "Why?", "required": true, "type": "long-text", "maxLength": 50},
            {"id": "when", "label": "When?", "type": "single-choice", "options": ["Day", "Evening"]},
            {"id": "how", "label": "How?", "type": "multiple-choice", "options": ["Online", "Phone"]},
            {"id": "before", "label": "Done this before?", "type": "yes-no"},
            {"id": "start", "label": "Start date", "type": "date"},
            {"id": "name2", "label": "Short", "type": "short-text", "maxLength": 5}
        ]},
        "lastUpdated": "2026-01-01T10:00:00Z",
        "status": "open"
    })
}

/// The PostgreSQL server tests use instead of SQLite files (a URL without a database name,
/// such as postgres://postgres@127.0.0.1:5433), when set.
pub fn postgres_base() -> Option<String> {
    std::env::var("OPENDOOR_TEST_POSTGRES")
        .ok()
        .filter(|s| !s.trim().is_empty())
}

/// True when this run is against PostgreSQL.
#[allow(dead_code)]
pub fn on_postgres() -> bool {
    postgres_base().is_some()
}

/// Every row of every table of the PostgreSQL database standing for `db`, as text: what the
/// SQLite tests read from the file's bytes (PostgreSQL's own files are its business).
#[allow(dead_code)]
pub fn postgres_rows_as_text(db: &Path) -> Vec<u8> {
    postgres_session(db, |c| {
        let tables: Vec<String> = c
            .query(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut all = Vec::new();
        for t in tables {
            let row = c
                .query_one(
                    &format!("SELECT COALESCE(string_agg(t::text, E'\\n'), '') FROM \"{t}\" t"),
                    &[],
                )
                .unwrap();
            all.extend(row.get::<_, String>(0).into_bytes());
        }
        all
    })
}

/// Drops every connection to the PostgreSQL database standing for `db`, as a failover would:
/// how many were dropped.
#[allow(dead_code)]
pub fn drop_postgres_connections(db: &Path) -> i64 {
    postgres_admin(db, |c, name| {
        c.query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1",
            &[&name],
        )
        .unwrap()
        .get(0)
    })
}

/// Shuts the PostgreSQL database standing for `db` to new connections and drops those open
/// (`open: false`), as an outage would, or opens it again.
#[allow(dead_code)]
pub fn set_postgres_open(db: &Path, open: bool) {
    postgres_admin(db, |c, name| {
        c.batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS {open}"))
            .unwrap();
    });
    if !open {
        drop_postgres_connections(db);
    }
}

/// Runs `f` on a connection of its own to the PostgreSQL database standing for `db`, on a
/// thread of its own (the blocking client runs its own runtime).
#[allow(dead_code)]
pub fn postgres_session<T: Send>(
    db: &Path,
    f: impl FnOnce(&mut postgres::Client) -> T + Send,
) -> T {
    let DbTarget::Postgres(url) = target(db) else {
        panic!("not on PostgreSQL");
    };
    std::thread::scope(|s| {
        s.spawn(|| f(&mut postgres::Client::connect(url.expose(), postgres::NoTls).unwrap()))
            .join()
            .expect("the session ran")
    })
}

/// Runs `f` on a connection to the cluster's `postgres` database, with the name of the
/// database standing for `db`.
fn postgres_admin<T: Send>(
    db: &Path,
    f: impl FnOnce(&mut postgres::Client, String) -> T + Send,
) -> T {
    let DbTarget::Postgres(_) = target(db) else {
        panic!("not on PostgreSQL");
    };
    let name = postgres_db_name(db);
    let base = postgres_base().unwrap();
    let base = base.trim_end_matches('/').to_owned();
    std::thread::scope(|s| {
        s.spawn(|| {
            let mut c =
                postgres::Client::connect(&format!("{base}/postgres"), postgres::NoTls).unwrap();
            f(&mut c, name)
        })
        .join()
        .expect("the administration is done")
    })
}

/// The name of the PostgreSQL database a test's database path stands for.
pub fn postgres_db_name(db: &Path) -> String {
    format!(
        "t_{}",
        &opendoor_server::secrets::hex(&opendoor_server::secrets::sha256(
            db.as_os_str().as_encoded_bytes()
        ))[..24]
    )
}

/// The store a test's database path stands for: the file itself, or its own PostgreSQL
/// database, created (empty) on first use.
pub fn target(db: &Path) -> DbTarget {
    let Some(base) = postgres_base() else {
        return DbTarget::Sqlite(db.to_owned());
    };
    let name = postgres_db_name(db);
    let base = base.trim_end_matches('/');
    // The blocking client runs its own runtime, so not on a test's async thread.
    std::thread::scope(|s| {
        s.spawn(|| {
            let mut admin = postgres::Client::connect(&format!("{base}/postgres"), postgres::NoTls)
                .unwrap_or_else(|e| {
                    panic!("OPENDOOR_TEST_POSTGRES is set but {base} does not answer: {e}")
                });
            if let Err(e) = admin.batch_execute(&format!("CREATE DATABASE {name}")) {
                // Made by an earlier step of this test (a restart on the same "file").
                let exists = e.code() == Some(&postgres::error::SqlState::DUPLICATE_DATABASE);
                assert!(exists, "could not create database {name}: {e}");
            }
        })
        .join()
        .expect("the test database is made");
    });
    DbTarget::Postgres(PgUrl::new(format!("{base}/{name}")))
}

/// `--db` for the server binary: the file's path, or the test database's URL.
#[allow(dead_code)]
pub fn db_arg(db: &Path) -> String {
    match target(db) {
        DbTarget::Sqlite(p) => p.display().to_string(),
        DbTarget::Postgres(u) => u.expose().to_owned(),
    }
}

/// Opens the store a test's database path stands for.
pub fn open_store(db: &Path) -> opendoor_server::store::Result<Store> {
    Store::open(target(db))
}

pub fn put_listings(db: &Path, listings: &[Value]) {
    let store = open_store(db).unwrap();
    let ops = listings
        .iter()
        .map(|l| {
            ImportOp::Upsert(Box::new(
                serde_json::from_value(l.clone()).expect("fixture listing"),
            ))
        })
        .collect();
    store
        .import(ImportBatch {
            ops,
            ..ImportBatch::default()
        })
        .unwrap();
}

pub fn delete_listing(db: &Path, id: &str) {
    let store = open_store(db).unwrap();
    store
        .import(ImportBatch {
            ops: vec![ImportOp::Delete(id.into())],
            ..ImportBatch::default()
        })
        .unwrap();
}

/// The stable id the fixtures give the organisation called `name`.
pub fn org_id(name: &str) -> String {
    format!(
        "test-{}",
        name.to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    )
}

/// A credential for the fixtures' organisation called `name`.
pub fn organiser(db: &Path, name: &str) -> String {
    organiser_with_id(db, name).1
}

/// A credential for the organisation called `name`: (its id, the token).
pub fn organiser_with_id(db: &Path, name: &str) -> (String, String) {
    let (_, cred, token) = open_store(db)
        .unwrap()
        .add_organiser(&org_id(name), Some(name), "test", None)
        .unwrap();
    (cred.id, token)
}

pub fn application(listing_id: &str) -> Value {
    json!({
        "listingId": listing_id,
        "applicant": {"name": "Sam", "email": "sam@example.org", "consent": true},
        "answers": {"why": "I care about this", "when": "Day", "how": ["Phone"], "before": false, "start": "2026-05-01"}
    })
}

pub fn key() -> String {
    opendoor_server::secrets::random_token("test-").expect("random")
}

/// The real `opendoor-server` binary, with none of its settings taken from this environment.
pub fn server_bin() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_opendoor-server"));
    for var in [
        "OPENDOOR_DB",
        "OPENDOOR_LISTEN",
        "OPENDOOR_APP",
        "OPENDOOR_PUBLIC_URL",
        "OPENDOOR_WITHDRAW_MISSING",
        "OPENDOOR_APPLICATIONS_PER_MINUTE",
        "OPENDOOR_STATUS_PER_MINUTE",
        "OPENDOOR_RATE_LIMIT_CLIENTS",
        "OPENDOOR_TRUST_PROXY",
        "OPENDOOR_FEED_PER_MINUTE",
        "OPENDOOR_FEED_CACHE_MB",
        "OPENDOOR_HEADER_TIMEOUT_SECS",
        "OPENDOOR_BODY_TIMEOUT_SECS",
        "OPENDOOR_IDLE_TIMEOUT_SECS",
        "OPENDOOR_MAX_CONNECTIONS",
        "OPENDOOR_RETAIN_DAYS",
        "OPENDOOR_LOG_FORMAT",
        "OPENDOOR_SMTP_URL",
        "OPENDOOR_MAIL_FROM",
        "OPENDOOR_DRAIN_SECS",
        "OPENDOOR_DB_POOL",
        "OPENDOOR_DB_STATEMENT_TIMEOUT_SECS",
        "OPENDOOR_DB_CONNECT_TIMEOUT_SECS",
        "OPENDOOR_DB_CA_FILE",
        "RUST_LOG",
    ] {
        c.env_remove(var);
    }
    c
}

/// The server's current seal key, from its own endpoint: (kid, public key bytes).
pub async fn seal_key(c: &reqwest::Client, s: &TestServer) -> (String, [u8; 65]) {
    let v: Value = c
        .get(s.url("/api/v1/seal-key"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let public = opendoor_core::seal::unb64(v["publicKey"].as_str().unwrap()).unwrap();
    (
        v["kid"].as_str().unwrap().to_owned(),
        public.try_into().unwrap(),
    )
}

/// `body` sealed to (kid, public), as the app would send it.
pub fn sealed(key: &(String, [u8; 65]), body: &Value) -> String {
    let env =
        opendoor_core::seal::native::seal(&key.1, &key.0, body.to_string().as_bytes()).unwrap();
    serde_json::to_string(&env).unwrap()
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

/// A receipt as a replay gives it: a status token is only ever in the first answer.
#[allow(dead_code)]
pub fn without_token(receipt: &Value) -> Value {
    let mut r = receipt.clone();
    if let Some(o) = r.as_object_mut() {
        o.remove("statusToken");
    }
    r
}

#[allow(dead_code)]
pub async fn get_json(c: &reqwest::Client, url: String, token: &str) -> (u16, Value) {
    let res = c.get(url).bearer_auth(token).send().await.unwrap();
    let st = res.status().as_u16();
    (st, res.json().await.unwrap_or(Value::Null))
}

#[allow(dead_code)]
/// The real binary, serving `db` on a free port: (the process, its address). Its log is read
/// (and thrown away) on a thread, so a full pipe never stalls it.
pub fn spawn_server(db: &Path) -> (ServerProcess, String) {
    spawn_server_with(db, &[])
}

/// `spawn_server` with these environment variables set.
pub fn spawn_server_with(db: &Path, env: &[(&str, &str)]) -> (ServerProcess, String) {
    let mut child = server_bin()
        .envs(env.iter().copied())
        .arg("serve")
        .arg("--db")
        .arg(db_arg(db))
        .args(["--listen", "127.0.0.1:0", "--app", "no-app"])
        .args(["--applications-per-minute", "0", "--status-per-minute", "0"])
        .env("OPENDOOR_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut seen = String::new();
    let addr = loop {
        let Some(Ok(line)) = lines.next() else {
            panic!("the server stopped before saying its address: {seen}");
        };
        if let Ok(v) = serde_json::from_str::<Value>(&line) {
            if let Some(a) = v["fields"]["addr"].as_str() {
                break a.to_owned();
            }
        }
        seen.push_str(&line);
    };
    std::thread::spawn(move || for _ in lines {});
    (ServerProcess(child), format!("http://{addr}"))
}

/// Applications posted without pause by several workers through `servers` in turn, until
/// `stop`: what was acknowledged (answered 201, body received), and by which server.
pub struct Load {
    shared: Arc<LoadState>,
    workers: Vec<tokio::task::JoinHandle<()>>,
}

struct LoadState {
    servers: Vec<String>,
    stop: std::sync::atomic::AtomicBool,
    /// (id, status token) of each acknowledged application.
    acked: std::sync::Mutex<Vec<(String, String)>>,
    per_server: Vec<AtomicUsize>,
}

#[allow(dead_code)]
impl Load {
    pub fn start(servers: Vec<String>, workers: usize) -> Load {
        let shared = Arc::new(LoadState {
            per_server: servers.iter().map(|_| AtomicUsize::new(0)).collect(),
            servers,
            stop: Default::default(),
            acked: Default::default(),
        });
        let workers = (0..workers)
            .map(|w| tokio::spawn(post_until(shared.clone(), w * 1_000_000)))
            .collect();
        Load { shared, workers }
    }

    /// How many server `i` (of the list given to `start`) has acknowledged so far.
    pub fn acked_by(&self, i: usize) -> usize {
        self.shared.per_server[i].load(Ordering::SeqCst)
    }

    /// Waits until server `i` has acknowledged `n` (at most 10 s): how many it had.
    pub async fn until_acked_by(&self, i: usize, n: usize) -> usize {
        for _ in 0..1000 {
            if self.acked_by(i) >= n {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        self.acked_by(i)
    }

    /// Those acknowledged so far.
    pub fn acked(&self) -> Vec<(String, String)> {
        self.shared.acked.lock().unwrap().clone()
    }

    /// Stops the workers and waits for them: every application acknowledged.
    pub async fn stop(&mut self) -> Vec<(String, String)> {
        self.shared.stop.store(true, Ordering::SeqCst);
        for w in std::mem::take(&mut self.workers) {
            w.await.unwrap();
        }
        self.acked()
    }
}

async fn post_until(load: Arc<LoadState>, worker: usize) {
    let c = client();
    let mut n = worker;
    while !load.stop.load(Ordering::SeqCst) {
        n += 1;
        let i = n % load.servers.len();
        let mut app = application("l1");
        app["applicant"]["name"] = json!(format!("Applicant {worker}-{n}"));
        let sent = c
            .post(format!("{}/api/v1/applications", load.servers[i]))
            .header("Idempotency-Key", key())
            .json(&app)
            .timeout(Duration::from_secs(10))
            .send()
            .await;
        let Ok(res) = sent else {
            // Refused or cut off by the killed server: not acknowledged, so not counted.
            tokio::time::sleep(Duration::from_millis(5)).await;
            continue;
        };
        if res.status() != 201 {
            continue;
        }
        let Ok(v) = res.json::<Value>().await else {
            continue; // the body never arrived: the applicant was not told it was received
        };
        load.per_server[i].fetch_add(1, Ordering::SeqCst);
        load.acked.lock().unwrap().push((
            v["id"].as_str().unwrap().to_owned(),
            v["statusToken"].as_str().unwrap().to_owned(),
        ));
    }
}

/// A server process that is killed (SIGKILL) when the test is done with it, or fails.
pub struct ServerProcess(Child);

#[allow(dead_code)]
impl ServerProcess {
    /// Kills it with no chance to finish anything, and waits until it is gone.
    pub fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}
