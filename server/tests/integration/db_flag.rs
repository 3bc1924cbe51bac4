//! `--db` that is neither a file path nor a reachable PostgreSQL: the real binary refuses it in
//! words, never repeats a password, and creates nothing (it once took `postgres://…` for a path
//! and made a folder named `postgres:`).

use std::process::Command;

fn run_in(dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_opendoor-server"))
        .args(args)
        .current_dir(dir)
        .env_remove("OPENDOOR_DB")
        .env("OPENDOOR_DB_CONNECT_TIMEOUT_SECS", "2")
        .output()
        .expect("the server binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_database_url_or_a_folder_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    for (db, says) in [
        // Nothing listens on port 1.
        (
            "postgres://user:secret@127.0.0.1:1/opendoor",
            "PostgreSQL database could not be reached",
        ),
        (
            "postgres://user:secret@[::1",
            "URL given to --db is not valid",
        ),
        ("postgres:/typo", "starts postgres://"),
        ("mysql://db/opendoor", "looks like a web address"),
        ("", "it is empty"),
    ] {
        for cmd in [
            vec!["serve", "--listen", "127.0.0.1:0"],
            vec!["purge"],
            vec!["export-static", "out"],
        ] {
            let mut args = cmd.clone();
            args.extend(["--db", db]);
            let (ok, stderr) = run_in(dir.path(), &args);
            assert!(!ok, "{args:?} must fail");
            assert!(stderr.contains(says), "{args:?}: {stderr}");
            assert!(
                !stderr.contains("secret"),
                "the password was shown: {stderr}"
            );
            // Nothing was made on disk.
            let made: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
            assert!(made.is_empty(), "{args:?} created {made:?}");
        }
    }
    let (ok, stderr) = run_in(dir.path(), &["purge", "--db", dir.path().to_str().unwrap()]);
    assert!(!ok && stderr.contains("is a folder"), "{stderr}");
}
