//! Backups and restores (docs/deployment.md, "Backups"): made while applications pour in, a
//! backup holds every application acknowledged before it began; restoring refuses to replace a
//! database that holds anything unless told, and keeps what was there.
//!
//! On SQLite these are `opendoor-server backup` and `restore`; on PostgreSQL they point to
//! pg_dump and pg_restore, and the drill docs/deployment.md gives is run for real.

use std::time::Duration;

use crate::common::{
    client, db_arg, get_json, listing, on_postgres, open_store, postgres_base, put_listings,
    server_bin, spawn_server, target, Load,
};
use opendoor_server::db_target::DbTarget;

fn run(args: &[&std::ffi::OsStr]) -> (bool, String) {
    let out = server_bin().args(args).output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// PostgreSQL's own client tools, from the same Debian package as the test server.
fn pg_tool(name: &str) -> std::process::Command {
    let bin = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|d| d.path().join("bin").join(name))
        .filter(|p| p.is_file())
        .max()
        .unwrap_or_else(|| {
            panic!("{name} is not installed (scripts/setup.sh installs postgresql)")
        });
    std::process::Command::new(bin)
}

fn url_of(db: &std::path::Path) -> String {
    match target(db) {
        DbTarget::Postgres(u) => u.expose().to_owned(),
        DbTarget::Sqlite(_) => unreachable!("on PostgreSQL"),
    }
}

/// Backs up `db` into `out` as an operator would: `backup` on SQLite, pg_dump on PostgreSQL.
fn back_up(db: &std::path::Path, out: &std::path::Path) {
    let (ok, text) = run(&[
        "backup".as_ref(),
        "--db".as_ref(),
        db_arg(db).as_ref(),
        out.as_os_str(),
    ]);
    if !on_postgres() {
        assert!(ok, "{text}");
        assert!(text.contains("backed up"), "{text}");
        return;
    }
    assert!(
        !ok && text.contains("pg_dump"),
        "PostgreSQL is pointed to pg_dump: {text}"
    );
    assert!(!out.exists(), "and nothing is made");
    // As docs/deployment.md has it: a private folder, and umask 077 so the file is 0600.
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let pg_dump = pg_tool("pg_dump").get_program().to_owned();
    let dump = std::process::Command::new("sh")
        .args([
            "-c",
            "umask 077 && exec \"$0\" --format=custom --file \"$1\" \"$2\"",
        ])
        .arg(pg_dump)
        .arg(out)
        .arg(url_of(db))
        .output()
        .unwrap();
    assert!(
        dump.status.success(),
        "{}",
        String::from_utf8_lossy(&dump.stderr)
    );
}

/// Restores `backup` into the new database `db`: `restore` on SQLite, pg_restore on PostgreSQL.
fn restore_new(backup: &std::path::Path, db: &std::path::Path) {
    let (ok, text) = run(&[
        "restore".as_ref(),
        "--db".as_ref(),
        db_arg(db).as_ref(),
        backup.as_os_str(),
    ]);
    if !on_postgres() {
        assert!(ok, "{text}");
        return;
    }
    assert!(
        !ok && text.contains("pg_restore"),
        "PostgreSQL is pointed to pg_restore: {text}"
    );
    let url = url_of(db); // made, empty
    let r = pg_tool("pg_restore")
        .args(["--no-owner", "--exit-on-error", "--dbname"])
        .arg(&url)
        .arg(backup)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_under_write_load_holds_every_application_acknowledged_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live/od.db");
    put_listings(&db, &[listing("l1", "Org A")]);
    let (mut server, url) = spawn_server(&db);
    let mut load = Load::start(vec![url], 6);
    load.until_acked_by(0, 200).await;
    let before = load.acked();
    assert!(
        before.len() >= 200,
        "under load: {} acknowledged",
        before.len()
    );
    let out = dir.path().join("backups/od-2026-12-05.backup");
    let (db2, out2) = (db.clone(), out.clone());
    tokio::task::spawn_blocking(move || back_up(&db2, &out2))
        .await
        .unwrap();
    let during = load.acked_by(0);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after = load.stop().await.len();
    assert!(
        after > during,
        "the load went on during and after the backup"
    );
    server.kill();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the backup is readable by its owner only");
    }

    // The drill: restore into a new place, serve it, and find every acknowledged application.
    let restored = dir.path().join("restored/od.db");
    let (o, r) = (out.clone(), restored.clone());
    tokio::task::spawn_blocking(move || restore_new(&o, &r))
        .await
        .unwrap();
    let (mut server, url) = spawn_server(&restored);
    let c = client();
    let mut missing = 0;
    for (id, token) in &before {
        let (st, v) = get_json(&c, format!("{url}/api/v1/applications/{id}"), token).await;
        missing += usize::from(st != 200 || v["status"] != "received");
    }
    server.kill();
    assert_eq!(
        missing,
        0,
        "of {} acknowledged before the backup",
        before.len()
    );
    let n = open_store(&restored).unwrap().counts().unwrap()["applications"];
    assert!(
        (before.len() as i64..=after as i64).contains(&n),
        "the backup is one moment: {n} between {} and {after}",
        before.len()
    );
}

#[test]
fn restoring_over_a_database_needs_force_and_keeps_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    let arg = db_arg(&db);
    let backup = dir.path().join("one.backup");
    if postgres_base().is_some() {
        // PostgreSQL: pointed to its own tools, and nothing is changed or made.
        let (ok, text) = run(&[
            "restore".as_ref(),
            "--db".as_ref(),
            arg.as_ref(),
            backup.as_os_str(),
        ]);
        assert!(!ok && text.contains("pg_restore"), "{text}");
        return;
    }
    // Nothing to back up yet: said, and nothing made.
    let (ok, text) = run(&[
        "backup".as_ref(),
        "--db".as_ref(),
        arg.as_ref(),
        backup.as_os_str(),
    ]);
    assert!(!ok && text.contains("no database"), "{text}");
    assert!(!db.exists() && !backup.exists());

    put_listings(&db, &[listing("l1", "Org A")]);
    let (ok, text) = run(&[
        "backup".as_ref(),
        "--db".as_ref(),
        arg.as_ref(),
        backup.as_os_str(),
    ]);
    assert!(ok, "{text}");
    // A backup never overwrites another.
    let (ok, text) = run(&[
        "backup".as_ref(),
        "--db".as_ref(),
        arg.as_ref(),
        backup.as_os_str(),
    ]);
    assert!(!ok && text.contains("already exists"), "{text}");

    put_listings(&db, &[listing("l2", "Org A")]);
    let listings = |p: &std::path::Path| open_store(p).unwrap().counts().unwrap()["listings"];
    assert_eq!(listings(&db), 2);
    let (ok, text) = run(&[
        "restore".as_ref(),
        "--db".as_ref(),
        arg.as_ref(),
        backup.as_os_str(),
    ]);
    assert!(!ok, "{text}");
    assert!(
        text.contains("already holds a database") && text.contains("--force"),
        "{text}"
    );
    assert_eq!(listings(&db), 2, "unchanged");

    let (ok, text) = run(&[
        "restore".as_ref(),
        "--db".as_ref(),
        arg.as_ref(),
        backup.as_os_str(),
        "--force".as_ref(),
    ]);
    assert!(ok, "{text}");
    assert!(
        text.contains("restored 0 application(s) and 1 listing(s)"),
        "{text}"
    );
    assert_eq!(listings(&db), 1, "the backup's moment");
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.to_string_lossy().contains("od.db.before-restore-")
                && !p.to_string_lossy().ends_with("partial")
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(text.contains(&kept[0].display().to_string()), "{text}");
    assert_eq!(listings(&kept[0]), 2, "what was there is kept");

    // Not a backup: said why, and nothing changed.
    let junk = dir.path().join("junk.backup");
    std::fs::write(&junk, b"not a database at all, just some bytes").unwrap();
    let (ok, text) = run(&[
        "restore".as_ref(),
        "--db".as_ref(),
        arg.as_ref(),
        junk.as_os_str(),
        "--force".as_ref(),
    ]);
    assert!(!ok && text.contains("is not an Open Door backup"), "{text}");
    assert_eq!(listings(&db), 1);
}
