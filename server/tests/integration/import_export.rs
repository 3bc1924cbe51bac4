use std::path::{Path, PathBuf};
use std::process::Command;

use opendoor_core::feed::{parse_page, Item};
use serde_json::Value;

use crate::common::*;
use crate::feed::walk;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_opendoor-server"));
    c.env_remove("OPENDOOR_DB")
        .env_remove("OPENDOOR_WITHDRAW_MISSING");
    c
}

/// Runs `import` through the real command line, with the database given by environment variable.
fn import(db: &Path, files: &[&Path], withdraw: bool) -> (bool, String, String) {
    let mut c = bin();
    c.arg("import")
        .env("OPENDOOR_DB", crate::common::db_arg(db));
    if withdraw {
        c.arg("--withdraw-missing");
    }
    let out = c.args(files).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn counts(db: &Path) -> (i64, i64) {
    let c = crate::common::open_store(db).unwrap().counts().unwrap();
    (c["listings"], c["tombstones"])
}

fn template() -> PathBuf {
    repo_root().join("docs/listings-template.csv")
}

#[tokio::test]
async fn csv_import_reimport_update_withdraw() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new/folder/od.db");
    let csv = template();
    let (ok, out, err) = import(&db, &[&csv], false);
    assert!(ok, "{err}");
    assert!(out.contains("2 added"), "{out}");
    let (ok, out, _) = import(&db, &[&csv], false);
    assert!(
        ok && out.contains("0 added, 0 updated, 2 unchanged, 0 withdrawn"),
        "re-import changes nothing: {out}"
    );

    let s = TestServer::with().db(&db).start().await;
    let c = client();
    let (before, _) = walk(&c, &s.url("/feed/opportunities")).await;
    assert_eq!(before.len(), 2);

    // A changed row becomes an update, later in the feed.
    let text = std::fs::read_to_string(&csv).unwrap();
    let changed = dir.path().join("changed.csv");
    std::fs::write(
        &changed,
        text.replace(
            "Tell us about booking GP appointments",
            "Tell us about booking at the GP",
        ),
    )
    .unwrap();
    let (ok, out, err) = import(&db, &[&changed], false);
    assert!(ok && out.contains("1 updated, 1 unchanged"), "{out}{err}");
    let (after, _) = walk(&c, &s.url("/feed/opportunities")).await;
    match after.last().unwrap() {
        Item::Updated { listing, modified } => {
            assert_eq!(listing.title, "Tell us about booking at the GP");
            assert!(*modified > before.iter().map(Item::modified).max().unwrap());
        }
        other => panic!("{other:?}"),
    }

    // Another organisation's listing is never withdrawn by this organisation's file.
    put_listings(&db, &[listing("other-org-1", "Someone Else")]);
    // --withdraw-missing: a file with one row withdraws the other.
    let mut rows = csv_rows(&text);
    let header = rows.remove(0);
    let keep: Vec<String> = rows
        .into_iter()
        .filter(|r| r.starts_with("leeds-mh-panel"))
        .collect();
    let one = dir.path().join("one.csv");
    std::fs::write(&one, format!("{header}\n{}\n", keep.join("\n"))).unwrap();
    let (ok, out, err) = import(&db, &[&one], true);
    assert!(ok && out.contains("1 withdrawn"), "{out}{err}");
    assert_eq!(counts(&db), (2, 1));
    let (items, _) = walk(&c, &s.url("/feed/opportunities")).await;
    assert!(matches!(items.last().unwrap(), Item::Deleted { id, .. } if id == "gp-survey-2027"));
    let (ok, out, _) = import(&db, &[&one], true);
    assert!(
        ok && out.contains("0 added, 0 updated, 1 unchanged, 0 withdrawn"),
        "{out}"
    );
    s.stop().await;
}

/// Splits CSV text into records (keeping quoted new lines), as text.
fn csv_rows(text: &str) -> Vec<String> {
    let mut rows = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for ch in text.chars() {
        if ch == '"' {
            quoted = !quoted;
        }
        if ch == '\n' && !quoted {
            rows.push(std::mem::take(&mut cur));
        } else {
            cur.push(ch);
        }
    }
    if !cur.is_empty() {
        rows.push(cur);
    }
    rows
}

#[test]
fn import_errors_name_file_row_and_problem_and_nothing_is_half_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    let text = std::fs::read_to_string(template()).unwrap();
    // Row 2 is fine; break the second listing (its row number is where its record starts).
    let bad = dir.path().join("bad.csv");
    let broken = text.replace(",none,,,,", ",sometimes,,,,");
    std::fs::write(&bad, &broken).unwrap();
    let (ok, _, err) = import(&db, &[&bad], false);
    assert!(!ok);
    assert!(
        err.contains("bad.csv: row 3, column payment: \"sometimes\" is not one of"),
        "{err}"
    );
    assert!(err.contains("nothing was imported"));
    assert_eq!(counts(&db), (0, 0), "the good row was not imported either");

    // Several files in one run: one bad file stops them all.
    let (ok, _, err) = import(&db, &[&template(), &bad], false);
    assert!(!ok, "{err}");
    assert_eq!(counts(&db), (0, 0));

    // Unknown columns, missing columns, validation problems from the domain crate.
    let odd = dir.path().join("odd.csv");
    std::fs::write(&odd, "id,titel\nx,y\n").unwrap();
    let (_, _, err) = import(&db, &[&odd], false);
    assert!(
        err.contains("odd.csv: row 1, column 2: \"titel\" is not a column"),
        "{err}"
    );
    assert!(err.contains("the column title is missing"), "{err}");
    let invalid = dir.path().join("invalid.csv");
    std::fs::write(
        &invalid,
        text.replace("https://example.org/survey", "javascript:alert(1)"),
    )
    .unwrap();
    let (_, _, err) = import(&db, &[&invalid], false);
    assert!(
        err.contains("invalid.csv: row 3, column apply_at: is not a usable link"),
        "the spreadsheet's column, never the internal field: {err}"
    );
    assert!(!err.contains("howToApply"), "{err}");
    // A title of only invisible characters is blank, and named by its column.
    let ghost = dir.path().join("ghost.csv");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let title = "Join our mental health service user panel";
    let at = lines.iter().position(|l| l.contains(title)).unwrap();
    lines[at] = lines[at].replace(title, "\u{200B}\u{200D}\u{2060}");
    std::fs::write(&ghost, lines.join("\n")).unwrap();
    let (ok, _, err) = import(&db, &[&ghost], false);
    assert!(!ok);
    assert!(
        err.contains("ghost.csv: row 2, column title: is missing"),
        "{err}"
    );

    // VDS errors name the JSON path.
    let vds = dir.path().join("bad-vds.json");
    std::fs::write(
        &vds,
        r#"{"@graph": [{"@type": "Organisation", "name": "X", "activity": [{"@id": "a1", "name": "A", "description": "d", "role": [{"@id": "r1"}, {"@id": "r2", "name": "R", "session": [{"startDate": "soon"}]}]}]}]}"#,
    )
    .unwrap();
    let (ok, _, err) = import(&db, &[&vds], false);
    assert!(!ok);
    assert!(
        err.contains("bad-vds.json: $.@graph[0].activity[0].role[1]: session[0] has no start date"),
        "{err}"
    );
    let notjson = dir.path().join("broken.json");
    std::fs::write(&notjson, "{\"@graph\": [").unwrap();
    let (_, _, err) = import(&db, &[&notjson], false);
    assert!(
        err.contains("broken.json: line 1, column 12: is not valid JSON"),
        "{err}"
    );
    let missing = dir.path().join("missing.csv");
    let (_, _, err) = import(&db, &[&missing], false);
    assert!(err.contains("missing.csv: cannot be read"), "{err}");
    assert_eq!(counts(&db), (0, 0));
}

#[tokio::test]
async fn vds_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    let vds = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vds-example.json");
    let (ok, out, err) = import(&db, &[&vds], false);
    assert!(ok, "{err}");
    assert!(out.contains("2 added"), "{out}");
    let (ok, out, _) = import(&db, &[&vds], false);
    assert!(ok && out.contains("2 unchanged"), "{out}");
    let store = crate::common::open_store(&db).unwrap();
    let l = store
        .listing("example.org:role:mvp-member")
        .unwrap()
        .expect("role became a listing");
    assert_eq!(l.organisation.name, "Riverside Health Forum");
    assert_eq!(l.sessions.len(), 2);
    assert!(matches!(
        l.attendance,
        opendoor_core::listing::Attendance::Hybrid { .. }
    ));
    assert_eq!(l.eligibility.minimum_age, Some(16));
    assert!(l.description.contains("maternity care"));
    let r = store
        .listing("example.org:role:mvp-reader")
        .unwrap()
        .unwrap();
    assert!(matches!(
        r.how_to_apply,
        opendoor_core::listing::HowToApply::Link { .. }
    ));
    // The shape the standard's own publishing guide shows: "graph", "type", "title", roles
    // without ids, "applyLink", vocabulary URIs, locations on sessions.
    let published =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vds-published-shape.json");
    let (ok, out, err) = import(&db, &[&published], false);
    assert!(ok && out.contains("1 added"), "{out}{err}");
    let p = store
        .listing("id.example.org:activity:77aa:role-1")
        .unwrap()
        .expect("id from the activity");
    assert_eq!(p.title, "Panel member");
    assert_eq!(
        p.organisation.url.as_deref(),
        Some("https://carers.example.org/")
    );
    assert_eq!(p.time_commitment, "Four 2-hour meetings a year");
    assert_eq!(p.eligibility.requirements, vec!["DBS check".to_owned()]);
    assert_eq!(p.eligibility.minimum_age, Some(18));
    assert_eq!(p.payment, opendoor_core::listing::Payment::ExpensesOnly);
    assert_eq!(p.support, "Training provided.");
    assert!(
        p.topics.contains(&"Health and social care".to_owned()),
        "{:?}",
        p.topics
    );
    match &p.attendance {
        opendoor_core::listing::Attendance::InPerson { place } => {
            assert_eq!(place.name, "Harbourside Library")
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(&p.how_to_apply, opendoor_core::listing::HowToApply::Link { url } if url == "https://carers.example.org/panel")
    );
    // The standard's own published examples' shape: recurring time slots, activities and roles
    // with no id (a derived id and a warning, not a refusal), an address on one line.
    let standard =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vds-standard-shape.json");
    let (ok, out, err) = import(&db, &[&standard], false);
    assert!(ok && out.contains("2 added"), "{out}{err}");
    assert!(
        err.contains("warning: ")
            && err.contains("$.graph[1].activity[0].role[0]: the role has no @id"),
        "{err}"
    );
    let towpath = store
        .listing("id.example.org:activity:towpath-tidy:role-1")
        .unwrap()
        .unwrap();
    assert_eq!(
        towpath.dates_note.as_deref(),
        Some("Weekday mornings and afternoons, Saturday mornings")
    );
    let (ok, out, _) = import(&db, &[&standard], false);
    assert!(
        ok && out.contains("2 unchanged"),
        "the derived ids are stable: {out}"
    );
    // A single Organisation (no graph) works too.
    let doc: Value = serde_json::from_slice(&std::fs::read(&vds).unwrap()).unwrap();
    let single = dir.path().join("single.json");
    std::fs::write(&single, serde_json::to_vec(&doc["@graph"][0]).unwrap()).unwrap();
    let (ok, out, _) = import(&db, &[&single], false);
    assert!(ok && out.contains("2 unchanged"), "{out}");
}

#[tokio::test]
async fn feed_pages_import_in_any_order() {
    let sample = repo_root().join("public/feed");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&sample)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    if pages.is_empty() {
        eprintln!("no sample feed in public/feed: skipped");
        return;
    }
    // What the app itself would end up with, reading the pages in feed order.
    pages.sort_by_key(|p| {
        p.file_stem()
            .unwrap()
            .to_string_lossy()
            .trim_start_matches("page-")
            .parse::<u32>()
            .unwrap_or(u32::MAX)
    });
    let mut live = std::collections::BTreeMap::new();
    for p in &pages {
        let page = parse_page(&std::fs::read(p).unwrap()).unwrap();
        for i in page.items {
            match i {
                Item::Updated { listing, .. } => {
                    live.insert(listing.id.clone(), listing.title.clone())
                }
                Item::Deleted { id, .. } => live.remove(&id),
            };
        }
    }
    pages.reverse(); // the importer must not depend on the order it is given
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    let refs: Vec<&Path> = pages.iter().map(PathBuf::as_path).collect();
    let (ok, out, err) = import(&db, &refs, false);
    assert!(ok, "{err}");
    assert_eq!(counts(&db).0 as usize, live.len(), "{out}");
    let store = crate::common::open_store(&db).unwrap();
    for (id, title) in &live {
        assert_eq!(&store.listing(id).unwrap().unwrap().title, title);
    }
    let (ok, out, _) = import(&db, &refs, false);
    assert!(
        ok && out.contains(" 0 added, 0 updated,") && out.contains("0 withdrawn"),
        "{out}"
    );
}

fn read_static(dir: &Path) -> (Vec<Item>, Vec<Vec<u8>>) {
    let mut items = Vec::new();
    let mut files = Vec::new();
    let mut name = "page-1.json".to_owned();
    loop {
        let bytes = std::fs::read(dir.join(&name)).unwrap();
        let page = parse_page(&bytes).expect("the app's parser reads the export");
        files.push(bytes);
        let empty = page.items.is_empty();
        items.extend(page.items);
        if empty {
            assert_eq!(page.next, name, "the last page links to itself");
            return (items, files);
        }
        assert!(
            !page.next.contains('/'),
            "relative next links: {}",
            page.next
        );
        name = page.next;
    }
}

#[test]
fn static_export_is_read_back_by_the_app_parser_and_only_the_tail_grows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    let many: Vec<Value> = (0..23)
        .map(|i| listing(&format!("l{i:02}"), "Org A"))
        .collect();
    put_listings(&db, &many);
    delete_listing(&db, "l04");
    let out = dir.path().join("static");
    let status = bin()
        .args(["export-static", "--page-size", "10", "--db"])
        .arg(crate::common::db_arg(&db))
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let (items, files) = read_static(&out);
    assert_eq!(items.len(), 23);
    assert_eq!(files.len(), 4, "10 + 10 + 3, then an empty last page");
    let store = crate::common::open_store(&db).unwrap();
    let live = opendoor_server::feed::rows_to_items(&store.feed_rows(None, 1000).unwrap()).unwrap();
    assert_eq!(items, live, "the export says what the database says");

    // Change one listing and export again: full pages are untouched, the tail grows.
    let mut changed = listing("l01", "Org A");
    changed["title"] = "Changed".into();
    put_listings(&db, &[changed]);
    let report = opendoor_server::export::export_static(
        &store,
        &out,
        10,
        opendoor_server::feed::DEFAULT_LICENSE,
    )
    .unwrap();
    // The partly filled page is kept too: a reader past it would never read it again.
    assert_eq!(report.kept, 3);
    let (items2, files2) = read_static(&out);
    assert_eq!(&files2[..3], &files[..3], "pages with items never change");
    assert_eq!(items2.len(), 24);
    let mut state = std::collections::BTreeMap::new();
    for i in &items2 {
        match i {
            Item::Updated { listing, .. } => {
                state.insert(listing.id.clone(), listing.title.clone())
            }
            Item::Deleted { id, .. } => state.remove(id),
        };
    }
    assert_eq!(state["l01"], "Changed");
    assert_eq!(state.len(), 22);
}

#[test]
fn serve_from_environment_variables_and_stop_on_sigterm() {
    use std::io::{BufRead, BufReader, Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fresh/folder/od.db");
    let mut child = bin()
        .arg("serve")
        .env("OPENDOOR_LISTEN", "127.0.0.1:0")
        .env("OPENDOOR_DB", crate::common::db_arg(&db))
        .env("OPENDOOR_APP", dir.path().join("no-app"))
        .env("OPENDOOR_PUBLIC_URL", "https://opendoor.example.org")
        .env("OPENDOOR_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut addr = None;
    let mut seen = String::new();
    for _ in 0..20 {
        let mut line = String::new();
        if stderr.read_line(&mut line).unwrap() == 0 {
            break;
        }
        seen.push_str(&line);
        if let Ok(v) = serde_json::from_str::<Value>(&line) {
            if let Some(a) = v["fields"]["addr"].as_str() {
                addr = Some(a.to_owned());
                break;
            }
        }
    }
    let addr = addr.unwrap_or_else(|| panic!("no address logged: {seen}"));
    assert!(
        db.exists() || crate::common::on_postgres(),
        "the database and its folder are created on first use"
    );
    let get = |path: &str| {
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    };
    assert!(get("/healthz").starts_with("HTTP/1.1 200"));
    put_listings(&db, &[listing("l1", "Org A")]);
    let page = get("/feed/opportunities");
    assert!(
        page.contains("\"next\":\"https://opendoor.example.org/feed/opportunities?afterTimestamp="),
        "{page}"
    );
    let status = Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(exit.success(), "a clean exit on SIGTERM: {exit:?}");
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("shutting down"), "{rest}");
    assert!(!rest.contains("sam@example.org"));
}
