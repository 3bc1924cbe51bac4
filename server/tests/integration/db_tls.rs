//! TLS to PostgreSQL, each `sslmode` as libpq means it, against the test PostgreSQL's own
//! certificate (scripts/postgres.sh: a CA of its own, a certificate naming "localhost"), and the
//! database settings from the environment. Only on the PostgreSQL pass: SQLite has no network.

use std::path::PathBuf;
use std::time::Duration;

use crate::common::{on_postgres, postgres_base, server_bin, target};
use opendoor_server::db_target::DbTarget;

/// The test database's URL, with `host` for the host and `query` after it.
fn url(db: &std::path::Path, host: &str, query: &str) -> String {
    let DbTarget::Postgres(u) = target(db) else {
        unreachable!("on PostgreSQL");
    };
    format!("{}{query}", u.expose().replacen("127.0.0.1", host, 1))
}

fn ca() -> PathBuf {
    std::env::var_os("PG_TEST_CA")
        .map(PathBuf::from)
        .expect("PG_TEST_CA is exported by scripts/postgres.sh with OPENDOOR_TEST_POSTGRES")
}

/// `keys list` on `url` (it opens the database, migrates it and reads): (succeeded, output).
fn connect(url: &str, env: &[(&str, &std::ffi::OsStr)]) -> (bool, String) {
    let mut c = server_bin();
    c.args(["keys", "list", "--db", url]);
    c.env("OPENDOOR_DB_CONNECT_TIMEOUT_SECS", "5");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn each_sslmode_does_what_libpq_does() {
    if !on_postgres() {
        eprintln!("TLS to PostgreSQL: runs in the PostgreSQL pass of scripts/test.sh");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tls.db");
    let ca = ca();
    let with_ca = [("OPENDOOR_DB_CA_FILE", ca.as_os_str())];

    // The certificate names "localhost", from our own CA.
    let (ok, text) = connect(&url(&db, "localhost", "?sslmode=verify-full"), &with_ca);
    assert!(
        ok,
        "verify-full, the CA given, the host the certificate names: {text}"
    );
    let (ok, text) = connect(&url(&db, "localhost", "?sslmode=verify-full"), &[]);
    assert!(
        !ok,
        "verify-full trusts only the CA given, or the public roots: {text}"
    );
    assert!(
        text.contains("OPENDOOR_DB_CA_FILE"),
        "says what to do: {text}"
    );
    let (ok, text) = connect(&url(&db, "127.0.0.1", "?sslmode=verify-full"), &with_ca);
    assert!(!ok, "verify-full checks the name: {text}");
    let (ok, text) = connect(&url(&db, "127.0.0.1", "?sslmode=verify-ca"), &with_ca);
    assert!(ok, "verify-ca checks the chain, not the name: {text}");
    let q = format!("?sslmode=verify-ca&sslrootcert={}", ca.display());
    let (ok, text) = connect(&url(&db, "127.0.0.1", &q), &[]);
    assert!(ok, "libpq's sslrootcert= in the URL: {text}");
    let (ok, text) = connect(&url(&db, "127.0.0.1", "?sslmode=require"), &[]);
    assert!(
        ok,
        "require: encrypted, the certificate not checked (as libpq): {text}"
    );
    let other_ca = dir.path().join("other-ca.pem");
    std::fs::write(&other_ca, b"not a certificate").unwrap();
    let (ok, text) = connect(
        &url(&db, "127.0.0.1", "?sslmode=require"),
        &[("OPENDOOR_DB_CA_FILE", other_ca.as_os_str())],
    );
    assert!(!ok && text.contains("holds no certificate"), "{text}");
    let (ok, text) = connect(&url(&db, "127.0.0.1", "?sslmode=allow"), &[]);
    assert!(!ok && text.contains("sslmode=allow"), "{text}");
    let (ok, text) = connect(
        &url(&db, "127.0.0.1", ""),
        &[("OPENDOOR_DB_POOL", "lots".as_ref())],
    );
    assert!(!ok && text.contains("OPENDOOR_DB_POOL"), "{text}");
}

/// Whether the running server's connections to the database are encrypted, as PostgreSQL sees
/// them (pg_stat_ssl).
fn served_over_tls(db: &std::path::Path, query: &str) -> Vec<bool> {
    let mut server = server_bin()
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--app",
            "no-app",
            "--db",
        ])
        .arg(url(db, "127.0.0.1", query))
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let name = crate::common::postgres_db_name(db);
    let base = postgres_base().unwrap();
    let mut seen = Vec::new();
    let mut c = postgres::Client::connect(&format!("{base}/postgres"), postgres::NoTls).unwrap();
    for _ in 0..100 {
        seen = c
            .query(
                "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) \
                 WHERE a.datname = $1 AND a.application_name = 'opendoor-server'",
                &[&name],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        if !seen.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = server.kill();
    let _ = server.wait();
    seen
}

#[test]
fn the_connections_are_encrypted_unless_told_not_to_be() {
    if !on_postgres() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tls-seen.db");
    let on = served_over_tls(&db, "");
    assert!(
        !on.is_empty() && on.iter().all(|s| *s),
        "the default (prefer): {on:?}"
    );
    let off = served_over_tls(&db, "?sslmode=disable");
    assert!(
        !off.is_empty() && off.iter().all(|s| !*s),
        "disable: {off:?}"
    );
}
