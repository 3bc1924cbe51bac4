//! What an attacker holding a shared device's sealed outbox (the Idempotency-Key and the
//! envelope, both readable without a PIN) or a copy of the database can do with a receipt:
//! nothing. The status secret is made by the app, kept only as a hash, never echoed; a
//! captured envelope never becomes a second application; expired records go on a timer.

use std::sync::atomic::Ordering;

use opendoor_core::seal::{b64, SEALED_CONTENT_TYPE};
use serde_json::{json, Value};

use crate::common::*;

const DAY: i64 = 24 * 60 * 60;

fn secret() -> String {
    b64(&opendoor_server::secrets::random_bytes::<32>().unwrap())
}

async fn post(
    c: &reqwest::Client,
    s: &TestServer,
    key: &str,
    body: &str,
    sealed: bool,
) -> (u16, Value) {
    let mut req = c
        .post(s.url("/api/v1/applications"))
        .header("Idempotency-Key", key)
        .body(body.to_owned());
    req = req.header(
        "content-type",
        if sealed {
            SEALED_CONTENT_TYPE
        } else {
            "application/json"
        },
    );
    let res = req.send().await.unwrap();
    (
        res.status().as_u16(),
        res.json().await.unwrap_or(Value::Null),
    )
}

async fn status(c: &reqwest::Client, s: &TestServer, id: &str, token: &str) -> u16 {
    c.get(s.url(&format!("/api/v1/applications/{id}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// Every byte of the database and its write-ahead log, as the files are on disk.
/// What an attacker with the database in hand reads: the SQLite file's bytes (with its
/// write-ahead log), or on PostgreSQL every row as text.
fn raw_files(db: &std::path::Path) -> Vec<u8> {
    if crate::common::on_postgres() {
        return crate::common::postgres_rows_as_text(db);
    }
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{}{suffix}", db.display());
        if let Ok(b) = std::fs::read(&path) {
            all.extend(b);
        }
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn count(db: &std::path::Path, table: &str) -> i64 {
    crate::common::open_store(db).unwrap().counts().unwrap()[table]
}

#[tokio::test]
async fn the_apps_secret_is_never_echoed_nor_stored_and_a_captured_envelope_reads_nothing() {
    let s = TestServer::fresh(&[listing("l1", "Org A")]).await;
    let c = client();
    let secret = secret();
    let mut app = application("l1");
    app["statusSecret"] = json!(secret);
    let key = seal_key(&c, &s).await;
    let envelope = sealed(&key, &app);
    let k1 = self::key();

    let (st, first) = post(&c, &s, &k1, &envelope, true).await;
    assert_eq!(st, 201, "{first}");
    assert!(first.get("statusToken").is_none(), "never echoed: {first}");
    let id = first["id"].as_str().unwrap().to_owned();
    assert_eq!(
        status(&c, &s, &id, &secret).await,
        200,
        "the app's secret reads it"
    );

    // The attacker has the key and the envelope from the device. Same key: id and status.
    let (st, again) = post(&c, &s, &k1, &envelope, true).await;
    assert_eq!((st, &again), (201, &first));
    // A new key: still the same application, never a second copy of the person's details.
    for _ in 0..3 {
        let (st, other) = post(&c, &s, &self::key(), &envelope, true).await;
        assert_eq!(
            (st, other["id"].as_str()),
            (201, Some(id.as_str())),
            "{other}"
        );
        assert!(other.get("statusToken").is_none());
    }
    assert_eq!(count(&s.db, "applications"), 1);
    // Nothing they hold opens the status or withdraws it.
    for guess in [k1.as_str(), envelope.as_str(), id.as_str(), "od_app_"] {
        assert_eq!(status(&c, &s, &id, guess).await, 404);
        let del = c
            .delete(s.url(&format!("/api/v1/applications/{id}")))
            .bearer_auth(guess)
            .send()
            .await
            .unwrap();
        assert_eq!(del.status(), 404);
    }
    // The database holds the secret's hash only: not the secret, not in the stored request,
    // not in the idempotency record.
    let files = raw_files(&s.db);
    assert!(contains(&files, "Sam"), "the scan reads the data at all");
    assert!(!contains(&files, &secret), "the status secret is on disk");
    assert!(!contains(&files, "statusSecret"));
    assert!(!contains(&files, "statusToken"));
    s.stop().await;
}

#[tokio::test]
async fn an_older_apps_request_gets_a_token_once_and_replays_never_show_it() {
    let s = TestServer::fresh(&[listing("l1", "Org A")]).await;
    let c = client();
    let k = self::key();
    let body = application("l1").to_string();
    let (st, first) = post(&c, &s, &k, &body, false).await;
    assert_eq!(st, 201);
    let token = first["statusToken"].as_str().unwrap().to_owned();
    let (_, again) = post(&c, &s, &k, &body, false).await;
    assert!(again.get("statusToken").is_none(), "{again}");
    assert!(!contains(&raw_files(&s.db), &token), "the token is on disk");
    assert_eq!(
        status(&c, &s, first["id"].as_str().unwrap(), &token).await,
        200
    );
    s.stop().await;
}

#[tokio::test]
async fn a_malformed_status_secret_is_refused_and_named() {
    let s = TestServer::fresh(&[listing("l1", "Org A")]).await;
    let c = client();
    let mut app = application("l1");
    app["statusSecret"] = json!("too short");
    let (st, r) = post(&c, &s, &self::key(), &app.to_string(), false).await;
    assert_eq!(
        (st, r["error"].as_str()),
        (422, Some("invalid-application"))
    );
    assert_eq!(r["problems"][0]["field"], "statusSecret");
    s.stop().await;
}

#[tokio::test]
async fn expired_records_are_purged_on_a_timer_and_details_erased_after_retention() {
    let (now, clock) = fake_clock(time::macros::datetime!(2026-12-01 10:00 UTC).unix_timestamp());
    let mut closes_soon = listing("l1", "Org A");
    closes_soon["closingDate"] = json!("2026-12-31");
    let s = TestServer::with()
        .clock(clock)
        .config(|c| {
            c.retain_days = 30;
            c.purge_every = std::time::Duration::from_millis(50);
        })
        .listings(&[closes_soon])
        .start()
        .await;
    let db = s.db.clone();
    let c = client();
    let mut app = application("l1");
    app["applicant"]["name"] = json!("Zebedee Quillfeather");
    let (st, r) = post(&c, &s, &self::key(), &app.to_string(), false).await;
    assert_eq!(st, 201, "{r}");
    let id = r["id"].as_str().unwrap().to_owned();
    let token = r["statusToken"].as_str().unwrap().to_owned();
    assert_eq!(count(&db, "idempotencyKeys"), 1);

    // A day and a minute later the idempotency record goes, by the timer alone.
    now.fetch_add(DAY + 60, Ordering::SeqCst);
    let waited = wait_for(|| count(&db, "idempotencyKeys") == 0).await;
    assert!(waited, "the idempotency record was not purged");
    assert!(
        contains(&raw_files(&db), "Zebedee"),
        "details are kept until retention"
    );

    // 30 days after the closing date, the person's details are erased, from the files too.
    now.store(
        time::macros::datetime!(2027-01-31 10:00 UTC).unix_timestamp(),
        Ordering::SeqCst,
    );
    let erased = wait_for(|| !contains(&raw_files(&db), "Zebedee")).await;
    assert!(
        erased,
        "the applicant's name is still in the database or its log"
    );
    assert!(!contains(&raw_files(&db), "sam@example.org"));
    // The status stays readable (no personal data in it).
    assert_eq!(status(&c, &s, &id, &token).await, 200);
    s.stop().await;
}

#[test]
fn the_purge_command_erases_past_retention() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    let mut closed = listing("l1", "Org A");
    closed["closingDate"] = json!("2020-01-31");
    put_listings(&db, &[closed]);
    // Stored directly (the listing is long closed, so the API would refuse it).
    let store = crate::common::open_store(&db).unwrap();
    let mut req: opendoor_core::application::ApplicationRequest =
        serde_json::from_value(application("l1")).unwrap();
    req.applicant.name = "Ottoline Brackenbury".into();
    store
        .create_application(opendoor_server::store::NewApplication {
            idempotency_key: "k",
            request_hash: [0; 32],
            listing_id: "l1",
            request: &req,
            envelope: None,
            respond: &|_, _, _, _| String::new(),
        })
        .unwrap();
    drop(store);
    assert!(contains(&raw_files(&db), "Ottoline"));
    let out = server_bin()
        .args(["purge", "--db"])
        .arg(crate::common::db_arg(&db))
        .args(["--retain-days", "365"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("erased the details of 1 application"),
        "{stdout}"
    );
    assert!(!contains(&raw_files(&db), "Ottoline"));
}

async fn wait_for(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..100 {
        if done() {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    done()
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_folder_and_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    if crate::common::on_postgres() {
        // About the SQLite file; PostgreSQL's files are kept private by PostgreSQL itself.
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new-folder/deeper/od.db");
    let s = TestServer::with()
        .db(&db)
        .listings(&[listing("l1", "Org A")])
        .start()
        .await;
    let c = client();
    let (st, _) = post(&c, &s, &self::key(), &application("l1").to_string(), false).await;
    assert_eq!(st, 201);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(db.parent().unwrap()), 0o700, "the folder");
    assert_eq!(
        mode(&dir.path().join("new-folder")),
        0o700,
        "its new parent"
    );
    for suffix in ["", "-wal", "-shm"] {
        let p = std::path::PathBuf::from(format!("{}{suffix}", db.display()));
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    s.stop().await;
    // An existing database left readable by others is made private when opened.
    let loose = dir.path().join("loose.db");
    std::fs::write(&loose, b"").unwrap();
    std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o644)).unwrap();
    drop(crate::common::open_store(&loose).unwrap());
    assert_eq!(mode(&loose), 0o600);
}
