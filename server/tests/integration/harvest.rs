//! Following other publishers: real `opendoor-server` instances and a small real HTTP server of
//! our own (VDS, CSV, junk, loops, errors) as publishers; the harvester in-process and through
//! the real command line, over real SQLite files.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderMap, Request, Response, StatusCode};
use opendoor_core::feed::Item;
use opendoor_core::listing::HowToApply;
use opendoor_server::harvest::{HarvestConfig, Harvester};
use opendoor_server::store::{NewSource, SourceKind, Store};
use serde_json::{json, Value};

use crate::common::*;
use crate::feed::walk;

/// What our own publisher answers at one path.
#[derive(Clone)]
pub enum Doc {
    /// A body with a strong ETag (its length and a counter), answering 304 to it.
    Body(&'static str, Vec<u8>),
    Status(u16, Option<&'static str>),
    /// This many bytes of junk.
    Junk(usize),
    /// Waits this long before answering.
    Slow(Duration),
    /// A gzip body (sent with `Content-Encoding: gzip`).
    Gzip(Vec<u8>),
}

/// A small real HTTP server whose answers the test changes as it goes.
pub struct Publisher {
    pub base: String,
    docs: Arc<Mutex<HashMap<String, (Doc, u64)>>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Publisher {
    pub async fn start() -> Publisher {
        let docs: Arc<Mutex<HashMap<String, (Doc, u64)>>> = Arc::default();
        let d = docs.clone();
        let app = axum::Router::new().fallback(move |req: Request<Body>| {
            let d = d.clone();
            async move { answer(&d, req.uri().to_string(), req.headers()).await }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        Publisher {
            base,
            docs,
            stop: Some(tx),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn set(&self, path: &str, doc: Doc) {
        let mut docs = self.docs.lock().unwrap();
        let version = docs.get(path).map_or(1, |(_, v)| v + 1);
        docs.insert(path.to_owned(), (doc, version));
    }

    pub fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}

async fn answer(
    docs: &Mutex<HashMap<String, (Doc, u64)>>,
    path: String,
    headers: &HeaderMap,
) -> Response<Body> {
    let found = docs.lock().unwrap().get(&path).cloned();
    let Some((doc, version)) = found else {
        return Response::builder()
            .status(404)
            .body(Body::from("not here"))
            .unwrap();
    };
    match doc {
        Doc::Body(content_type, bytes) => {
            let etag = format!("\"{version}-{}\"", bytes.len());
            if headers
                .get("if-none-match")
                .is_some_and(|v| v.to_str().unwrap_or("") == etag)
            {
                return Response::builder()
                    .status(304)
                    .header("etag", etag)
                    .body(Body::empty())
                    .unwrap();
            }
            Response::builder()
                .header("content-type", content_type)
                .header("etag", etag)
                .body(Body::from(bytes))
                .unwrap()
        }
        Doc::Status(code, retry_after) => {
            let mut r = Response::builder().status(StatusCode::from_u16(code).unwrap());
            if let Some(ra) = retry_after {
                r = r.header("retry-after", ra);
            }
            r.body(Body::from("try later")).unwrap()
        }
        Doc::Junk(n) => {
            // Sent without a length, in pieces, as a misbehaving server might.
            let chunk = bytes::Bytes::from(vec![b'x'; 64 * 1024]);
            let left = n.div_ceil(chunk.len());
            Response::builder()
                .header("content-type", "application/json")
                .body(Body::new(Repeat { chunk, left }))
                .unwrap()
        }
        Doc::Gzip(bytes) => Response::builder()
            .header("content-type", "application/json")
            .header("content-encoding", "gzip")
            .body(Body::from(bytes))
            .unwrap(),
        Doc::Slow(d) => {
            tokio::time::sleep(d).await;
            Response::builder().body(Body::from("late")).unwrap()
        }
    }
}

/// `pieces` copies of `chunk`, sent chunked (no length given).
struct Repeat {
    chunk: bytes::Bytes,
    left: usize,
}

impl http_body::Body for Repeat {
    type Data = bytes::Bytes;
    type Error = std::io::Error;
    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<bytes::Bytes>, std::io::Error>>> {
        if self.left == 0 {
            return std::task::Poll::Ready(None);
        }
        self.left -= 1;
        std::task::Poll::Ready(Some(Ok(http_body::Frame::data(self.chunk.clone()))))
    }
}

pub fn harvest_config() -> HarvestConfig {
    HarvestConfig {
        contact: "tests@example.org".into(),
        timeout: Duration::from_secs(2),
        tick: Duration::from_millis(100),
        ..HarvestConfig::default()
    }
}

fn add(store: &Store, url: &str, kind: SourceKind, name: Option<&str>) -> i64 {
    store
        .add_source(&NewSource {
            url: url.into(),
            kind,
            org: None,
            name: name.map(str::to_owned),
            license: None,
            every_secs: 3600,
        })
        .unwrap()
        .id
}

/// A listing that applies on the organisation's own site.
pub fn applies_at(id: &str, org: &str, link: &str) -> Value {
    let mut l = listing(id, org);
    l["howToApply"] = json!({"type": "link", "url": link});
    l
}

#[tokio::test]
async fn another_servers_feed_is_followed_with_cursor_etag_and_tombstones() {
    let a = TestServer::with().page_size(2).start().await;
    put_listings(
        &a.db,
        &[
            listing("a1", "Org A"),
            listing("a2", "Org A"),
            applies_at("a3", "Org A", "https://org-a.example/a3"),
        ],
    );
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(crate::common::open_store(&dir.path().join("h.db")).unwrap());
    let feed = a.url("/feed/opportunities");
    add(&store, &feed, SourceKind::Auto, Some("Org A's server"));
    let h = Harvester::new(store.clone(), harvest_config()).unwrap();

    let runs = h.run(false).await.unwrap();
    let first = runs[0].result.as_ref().expect("harvested");
    assert_eq!((first.report.added, first.pages), (3, 3), "{first:?}");
    let l = store.listing("h1:a1").unwrap().expect("harvested listing");
    // In-app applications go to the publisher's own app.
    assert_eq!(
        l.how_to_apply,
        HowToApply::Link {
            url: a.url("/opportunities/a1")
        }
    );
    assert_eq!(l.sources.len(), 1);
    assert_eq!(l.sources[0].name, "Org A's server");
    assert_eq!(
        l.sources[0].license.as_deref(),
        Some(opendoor_server::feed::DEFAULT_LICENSE)
    );
    // The organisation's stable id is kept.
    assert_eq!(l.organisation.id.as_deref(), Some("test-org-a"));
    let src = store.source_by_url(&feed).unwrap().unwrap();
    assert_eq!(src.kind, SourceKind::Auto);
    assert!(src.state.next_url.is_some() && src.state.etag.is_some());
    assert_eq!(src.failures, 0);
    assert!(src.last_success.is_some() && src.last_error.is_none());
    assert_eq!(src.items, 3);

    // Nothing new: one conditional request for the last page, answered 304.
    let again = h.run(true).await.unwrap();
    let again = again[0].result.as_ref().unwrap();
    assert!(again.not_modified, "{again:?}");
    assert_eq!(again.bytes, 0);

    // An update and a deletion at the publisher reach the combined feed as RPDE changes.
    let mut changed = listing("a1", "Org A");
    changed["title"] = json!("A better title");
    put_listings(&a.db, &[changed]);
    delete_listing(&a.db, "a2");
    let r = h.run(true).await.unwrap();
    let r = r[0].result.as_ref().unwrap();
    assert_eq!((r.report.updated, r.report.withdrawn), (1, 1), "{r:?}");
    assert!(r.pages <= 2, "read only what changed: {r:?}");
    let hs = TestServer::with()
        .db(&dir.path().join("h.db"))
        .start()
        .await;
    let (items, _) = walk(&client(), &hs.url("/feed/opportunities")).await;
    assert!(matches!(items.last().unwrap(), Item::Deleted { id, .. } if id == "h1:a2"));
    assert!(items
        .iter()
        .any(|i| matches!(i, Item::Updated { listing, .. } if listing.title == "A better title")));
    hs.stop().await;
    a.stop().await;
}

fn vds_doc(roles: &[(&str, &str)]) -> Vec<u8> {
    let roles: Vec<Value> = roles
        .iter()
        .map(|(title, link)| {
            json!({
                "title": title,
                "description": format!("{title}: help shape the service."),
                "commitment": "An evening a month",
                "applyLink": link,
            })
        })
        .collect();
    serde_json::to_vec(&json!({
        "@context": "https://api.volunteeringdata.io/context/v1",
        "license": "CC-BY-4.0",
        "publisher": "Riverside Volunteer Centre",
        "graph": [{
            "type": "Organisation",
            "id": "https://id.example.org/org/riverside",
            "name": "Riverside Health Forum",
            "activity": [{
                "title": "Patient panel",
                "description": "People who use the service tell it what to change.",
                "role": roles,
                "session": [{"time": ["https://ns.volunteeringdata.io/TuesdayEvening"]}]
            }]
        }]
    }))
    .unwrap()
}

fn csv_doc(rows: &[(&str, &str, &str)]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "title",
        "organisation",
        "organisation_id",
        "summary",
        "description",
        "kind",
        "attendance",
        "time_commitment",
        "payment",
        "who",
        "impact",
        "support",
        "how_to_apply",
        "apply_at",
    ])
    .unwrap();
    for (id, title, link) in rows {
        w.write_record([
            id,
            title,
            "Canal Friends",
            "canal-friends",
            "Help look after the canal.",
            "Pick litter and report damage.",
            "other",
            "online",
            "A morning a week",
            "none",
            "Anyone",
            "A cleaner canal.",
            "Training on the first day.",
            "link",
            link,
        ])
        .unwrap();
    }
    w.into_inner().unwrap()
}

#[tokio::test]
async fn snapshots_withdraw_what_disappears_and_duplicates_merge_keeping_both_sources() {
    let p = Publisher::start().await;
    p.set(
        "/vds.json",
        Doc::Body(
            "application/ld+json",
            vds_doc(&[
                ("Panel member", "https://riverside.example/panel"),
                ("Reader", "https://riverside.example/reader"),
            ]),
        ),
    );
    p.set(
        "/listings.csv",
        Doc::Body(
            "text/csv",
            csv_doc(&[("towpath", "Towpath volunteer", "https://canal.example/join")]),
        ),
    );
    // Another Open Door server lists the same panel (same apply link) and the same towpath role
    // (same title, organisation and closing date, another link).
    let other = TestServer::fresh(&[
        applies_at(
            "panel",
            "Riverside Health Forum",
            "https://riverside.example/panel/",
        ),
        {
            let mut l = applies_at("towpath-2", "Canal Friends", "https://other.example/t");
            l["title"] = json!("Towpath Volunteer!");
            l
        },
    ])
    .await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    let store = Arc::new(crate::common::open_store(&db).unwrap());
    add(&store, &p.url("/vds.json"), SourceKind::Vds, None);
    add(
        &store,
        &p.url("/listings.csv"),
        SourceKind::Auto,
        Some("Canal Friends' sheet"),
    );
    add(
        &store,
        &other.url("/feed/opportunities"),
        SourceKind::Rpde,
        Some("Other server"),
    );
    let h = Harvester::new(store.clone(), harvest_config()).unwrap();
    let runs = h.run(true).await.unwrap();
    for r in &runs {
        assert!(r.result.is_ok(), "{}: {:?}", r.source.url, r.result);
    }
    let merged: usize = runs
        .iter()
        .map(|r| r.result.as_ref().unwrap().report.merged)
        .sum();
    assert_eq!(
        merged, 2,
        "the panel and the towpath role are each one listing"
    );
    let live = store.live_listings().unwrap();
    assert_eq!(
        live.len(),
        3,
        "{:#?}",
        live.iter().map(|l| &l.title).collect::<Vec<_>>()
    );
    let panel = live.iter().find(|l| l.title == "Panel member").unwrap();
    let panel_id = panel.id.clone();
    let names: Vec<&str> = panel.sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Riverside Volunteer Centre", "Other server"]);
    assert_eq!(panel.sources[0].license.as_deref(), Some("CC-BY-4.0"));
    assert_eq!(
        panel.dates_note.as_deref(),
        Some("Tuesday evenings"),
        "the first source's details win"
    );
    let towpath = live
        .iter()
        .find(|l| l.title == "Towpath volunteer")
        .unwrap();
    assert_eq!(towpath.sources.len(), 2);
    assert_eq!(towpath.organisation.id.as_deref(), Some("canal-friends"));
    // The CSV states no licence: `sources list` will say so.
    let csv_src = store
        .source_by_url(&p.url("/listings.csv"))
        .unwrap()
        .unwrap();
    assert_eq!(csv_src.effective_license(), None);

    // The Reader role disappears from the VDS document: withdrawn. The panel leaves the VDS
    // document too, but the other server still lists it: it stays, with one source.
    p.set(
        "/vds.json",
        Doc::Body(
            "application/ld+json",
            vds_doc(&[("Another role", "https://riverside.example/new")]),
        ),
    );
    let runs = h.run(true).await.unwrap();
    let vds = runs
        .iter()
        .find(|r| r.source.url.ends_with("vds.json"))
        .unwrap();
    let report = vds.result.as_ref().unwrap().report;
    assert_eq!(
        (report.added, report.withdrawn, report.updated),
        (1, 1, 1),
        "{report:?}"
    );
    let panel = store
        .listing(&panel_id)
        .unwrap()
        .expect("still listed by the other server");
    assert_eq!(
        panel.title, "Opportunity panel",
        "now the other server's details"
    );
    assert_eq!(panel.sources.len(), 1);
    assert_eq!(panel.sources[0].name, "Other server");
    // Not changed: conditional requests, nothing written.
    let runs = h.run(true).await.unwrap();
    for r in &runs {
        let s = r.result.as_ref().unwrap();
        assert!(s.not_modified, "{}: {s:?}", r.source.url);
    }
    // Removing a source withdraws what only it listed.
    let removed = store
        .remove_source(&p.url("/listings.csv"))
        .unwrap()
        .unwrap();
    assert_eq!(
        (removed.withdrawn, removed.updated),
        (0, 1),
        "the towpath stays, from the other server"
    );
    other.stop().await;
    p.stop();
}

#[tokio::test]
async fn failing_huge_looping_and_vanished_sources_keep_what_they_gave_and_spoil_nothing() {
    let good = TestServer::fresh(&[listing("g1", "Good Org")]).await;
    let p = Publisher::start().await;
    // A feed whose second page's next points back to the first: a loop.
    let page = |next: &str, id: &str| {
        let item = json!({"state": "updated", "kind": "Opportunity", "id": id, "modified": id.len() as i64 * 10 + 1, "data": listing(id, "Loop Org")});
        serde_json::to_vec(&json!({"items": [item], "next": next, "license": "https://creativecommons.org/licenses/by/4.0/"})).unwrap()
    };
    p.set(
        "/loop/1",
        Doc::Body("application/json", page("/loop/2", "l1")),
    );
    p.set(
        "/loop/2",
        Doc::Body("application/json", page("/loop/1", "l22")),
    );
    p.set("/junk.json", Doc::Junk(10 * 1024 * 1024));
    p.set("/busy.csv", Doc::Status(503, Some("7200")));
    p.set("/slow.json", Doc::Slow(Duration::from_secs(5)));
    // A feed whose next page is on a server that has gone.
    let gone = {
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = l.local_addr().unwrap();
        drop(l);
        format!("http://{addr}/feed?page=2")
    };
    p.set("/dies/1", Doc::Body("application/json", page(&gone, "d1")));

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    let store = Arc::new(crate::common::open_store(&db).unwrap());
    add(
        &store,
        &good.url("/feed/opportunities"),
        SourceKind::Rpde,
        None,
    );
    for path in [
        "/loop/1",
        "/busy.csv",
        "/slow.json",
        "/dies/1",
        "/missing.json",
    ] {
        add(&store, &p.url(path), SourceKind::Auto, None);
    }
    add(&store, &p.url("/junk.json"), SourceKind::Rpde, None);
    // A few KB that inflate to 8 MB: refused at the bound, never held whole.
    let bomb = {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(&vec![b' '; 8 * 1024 * 1024]).unwrap();
        e.finish().unwrap()
    };
    assert!(bomb.len() < 64 * 1024);
    p.set("/bomb.json", Doc::Gzip(bomb));
    add(&store, &p.url("/bomb.json"), SourceKind::Rpde, None);
    add(&store, &p.url("/junk.csv"), SourceKind::Csv, None);
    p.set("/junk.csv", Doc::Junk(10 * 1024 * 1024));
    let h = Harvester::new(store.clone(), harvest_config()).unwrap();
    let started = std::time::Instant::now();
    let runs = h.run(false).await.unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "bounded: {:?}",
        started.elapsed()
    );
    let by = |suffix: &str| {
        runs.iter()
            .find(|r| r.source.url.ends_with(suffix))
            .unwrap()
    };
    assert!(by("/feed/opportunities").result.is_ok());
    let err = |suffix: &str| opendoor_server::chain(by(suffix).result.as_ref().unwrap_err());
    assert!(
        err("/loop/1").contains("points back to"),
        "{}",
        err("/loop/1")
    );
    assert!(
        err("/junk.json").contains("more than 4096 KB"),
        "{}",
        err("/junk.json")
    );
    assert!(
        err("/bomb.json").contains("more than 4096 KB"),
        "{}",
        err("/bomb.json")
    );
    // Read as a spreadsheet (under the 16 MB bound) it is refused, and the words stay short.
    assert!(
        err("/junk.csv").contains("no listing that can be imported")
            && err("/junk.csv").len() < 1000,
        "{}",
        err("/junk.csv")
    );
    assert!(
        err("/busy.csv").contains("answered 503"),
        "{}",
        err("/busy.csv")
    );
    assert!(
        err("/slow.json").contains("within 2 seconds"),
        "{}",
        err("/slow.json")
    );
    assert!(
        err("/dies/1").contains("could not fetch"),
        "{}",
        err("/dies/1")
    );
    assert!(
        err("/missing.json").contains("answered 404"),
        "{}",
        err("/missing.json")
    );

    // What the loop and the dying feed gave before they failed is kept; the good source too.
    let live: Vec<String> = store
        .live_listings()
        .unwrap()
        .into_iter()
        .map(|l| l.id)
        .collect();
    assert_eq!(live.len(), 4, "{live:?}");
    // Each failure is recorded in words, with the next try backed off (Retry-After respected).
    let now = store.clock().unix();
    for s in store.sources().unwrap() {
        if s.url.contains("/feed/opportunities") {
            assert_eq!(s.failures, 0);
            continue;
        }
        assert_eq!(s.failures, 1, "{}", s.url);
        assert!(s.last_error.is_some());
        let wait = s.next_try - now;
        if s.url.ends_with("/busy.csv") {
            assert!((7190..=7200).contains(&wait), "Retry-After: {wait}");
        } else {
            assert!((50..=60).contains(&wait), "{}: {wait}", s.url);
        }
    }
    // Nothing is due now (the good source waits an hour, the others back off).
    assert!(h.run(false).await.unwrap().is_empty());
    // The dying feed comes back: it goes on from where it stopped.
    let pending = store.source_by_url(&p.url("/dies/1")).unwrap().unwrap();
    assert_eq!(pending.state.next_url.as_deref(), Some(gone.as_str()));

    // The combined feed is still a valid RPDE feed, checked by OpenActive's validator.
    let hs = TestServer::with().db(&db).page_size(2).start().await;
    let (items, _) = walk(&client(), &hs.url("/feed/opportunities")).await;
    assert_eq!(items.len(), 4);
    rpde_validate(&hs.url("/feed/opportunities")).await;
    hs.stop().await;
    good.stop().await;
    p.stop();
}

/// Runs OpenActive's RPDE validator against a live feed (skipped as the feed test is).
pub async fn rpde_validate(url: &str) {
    let root = repo_root();
    if !root
        .join("node_modules/@openactive/rpde-validator")
        .exists()
    {
        if std::env::var_os("OPENDOOR_SKIP_RPDE_VALIDATOR").is_some() {
            eprintln!("SKIPPED: the RPDE validator");
            return;
        }
        panic!("the RPDE validator is not installed: run `npm ci` at the repository root");
    }
    let (script, url) = (root.join("tests/server/rpde-validate.cjs"), url.to_owned());
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new("node")
            .arg(script)
            .arg(&url)
            .current_dir(root)
            .output()
    })
    .await
    .unwrap()
    .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the RPDE validator found failures:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test]
async fn serve_harvests_on_schedule() {
    let a = TestServer::fresh(&[listing("s1", "Sched Org")]).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    add(
        &crate::common::open_store(&db).unwrap(),
        &a.url("/feed/opportunities"),
        SourceKind::Rpde,
        None,
    );
    let hs = TestServer::with()
        .db(&db)
        .config(|c| c.harvest = Some(harvest_config()))
        .start()
        .await;
    let c = client();
    let mut found = false;
    for _ in 0..50 {
        let (items, _) = walk(&c, &hs.url("/feed/opportunities")).await;
        if items.iter().any(|i| i.id() == "h1:s1") {
            found = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(found, "serve harvested the source by itself");
    hs.stop().await;
    a.stop().await;
}

/// The command line, as an operator would use it.
#[tokio::test]
async fn the_sources_commands_and_harvest() {
    let a = TestServer::fresh(&[listing("c1", "Cli Org"), listing("c2", "Cli Org")]).await;
    let p = Publisher::start().await;
    p.set(
        "/sheet.csv",
        Doc::Body(
            "text/csv",
            csv_doc(&[("row1", "Row one", "https://x.example/1")]),
        ),
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    let run = |args: &[&str]| -> (i32, String, String) {
        let out = server_bin().args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let db_s = crate::common::db_arg(&db);
    let feed = a.url("/feed/opportunities");
    let sheet = p.url("/sheet.csv");
    let cli = tokio::task::spawn_blocking({
        let (feed, sheet, db_s, junk) = (
            feed.clone(),
            sheet.clone(),
            db_s.to_owned(),
            p.url("/nothing"),
        );
        move || {
            let (code, out, err) = run(&["sources", "check", &feed]);
            assert_eq!(code, 0, "{out}{err}");
            assert!(
                out.contains("read as rpde") && out.contains("would import 2 listing(s)"),
                "{out}"
            );
            let (code, out, _) = run(&["sources", "check", &junk]);
            assert_eq!(code, 2);
            assert!(out.contains("answered 404"), "{out}");
            let (code, out, err) = run(&["sources", "add", "--db", &db_s, "--every", "15m", &feed]);
            assert_eq!(code, 0, "{out}{err}");
            assert!(out.contains("every 15 minute(s)"), "{out}");
            let (code, _, err) = run(&["sources", "add", "--db", &db_s, &feed]);
            assert_eq!(code, 2);
            assert!(err.contains("already a source"), "{err}");
            let (code, _, err) = run(&["sources", "add", "--db", &db_s, "--every", "soon", &sheet]);
            assert_eq!(code, 2, "{err}");
            let (code, _, _) = run(&[
                "sources",
                "add",
                "--db",
                &db_s,
                "--kind",
                "csv",
                "--name",
                "The sheet",
                &sheet,
            ]);
            assert_eq!(code, 0);
            let (code, out, err) = run(&["harvest", "--db", &db_s]);
            assert_eq!(code, 0, "{out}{err}");
            assert!(out.contains("2 added") && out.contains("1 added"), "{out}");
            let (_, out, _) = run(&["sources", "list", "--db", &db_s]);
            assert!(out.contains("2 listing(s) from it now"), "{out}");
            assert!(out.contains("NO LICENCE"), "the CSV states none: {out}");
            assert!(
                out.contains("licence: https://creativecommons.org"),
                "{out}"
            );
            let (code, out, _) = run(&["harvest", "--db", &db_s]);
            assert_eq!(code, 0);
            assert!(out.contains("no source is due"), "{out}");
            let (code, out, _) = run(&["sources", "remove", "--db", &db_s, &sheet]);
            assert_eq!(code, 0);
            assert!(out.contains("1 listing(s) withdrawn"), "{out}");
        }
    });
    cli.await.unwrap();
    // A source that fails is shown with what is wrong.
    let store = crate::common::open_store(&db).unwrap();
    add(&store, &p.url("/gone.csv"), SourceKind::Csv, None);
    let (code, out, _) = tokio::task::spawn_blocking({
        let db_s = db_s.to_owned();
        move || {
            let o = server_bin()
                .args(["harvest", "--db", &db_s])
                .output()
                .unwrap();
            (
                o.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&o.stdout).into_owned(),
                (),
            )
        }
    })
    .await
    .unwrap();
    assert_eq!(code, 3, "{out}");
    let list = server_bin()
        .args(["sources", "list", "--db", &db_s])
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(
        list.contains("PROBLEM: ") && list.contains("answered 404"),
        "{list}"
    );
    assert!(
        list.contains("1 failure(s) in a row; what it listed before is kept"),
        "{list}"
    );
    a.stop().await;
    p.stop();
}

/// A static feed made by `export-static`, on a plain file host: relative `next` links.
#[tokio::test]
async fn a_static_export_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src.db");
    put_listings(
        &src,
        &(0..5)
            .map(|i| listing(&format!("x{i}"), "Static Org"))
            .collect::<Vec<_>>(),
    );
    let out = dir.path().join("static");
    let status = server_bin()
        .args([
            "export-static",
            "--db",
            &crate::common::db_arg(&src),
            "--page-size",
            "2",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let p = Publisher::start().await;
    let publish = |p: &Publisher| {
        for f in std::fs::read_dir(&out).unwrap() {
            let f = f.unwrap();
            let name = format!("/feed/{}", f.file_name().to_string_lossy());
            p.set(
                &name,
                Doc::Body("application/json", std::fs::read(f.path()).unwrap()),
            );
        }
    };
    publish(&p);
    let store = Arc::new(crate::common::open_store(&dir.path().join("h.db")).unwrap());
    add(&store, &p.url("/feed/page-1.json"), SourceKind::Auto, None);
    let h = Harvester::new(store.clone(), harvest_config()).unwrap();
    let r = h.run(true).await.unwrap();
    let r = r[0].result.as_ref().unwrap();
    assert_eq!(r.report.added, 5, "{r:?}");
    // One more listing, exported again: only what follows the last page read is read (export
    // never grows a page a reader has passed).
    put_listings(&src, &[listing("x9", "Static Org")]);
    let status = server_bin()
        .args([
            "export-static",
            "--db",
            &crate::common::db_arg(&src),
            "--page-size",
            "2",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success());
    publish(&p);
    let r = h.run(true).await.unwrap();
    let r = r[0].result.as_ref().unwrap();
    assert_eq!(r.report.added, 1, "{r:?}");
    assert!(r.pages <= 2, "{r:?}");
    assert_eq!(store.live_listings().unwrap().len(), 6);
    p.stop();
}

/// docs/decisions.md, "Harvesting": a source the operator vouches is the organisation's own
/// (`--org`) gives the details, even when added after an aggregator listing the same thing.
#[tokio::test]
async fn the_organisations_own_source_wins_over_an_aggregator() {
    let p = Publisher::start().await;
    let sheet = |summary: &str| {
        String::from_utf8(csv_doc(&[(
            "towpath",
            "Towpath volunteer",
            "https://canal.example/join",
        )]))
        .unwrap()
        .replace("Help look after the canal.", summary)
        .into_bytes()
    };
    p.set(
        "/aggregator.csv",
        Doc::Body("text/csv", sheet("Copied weeks ago.")),
    );
    p.set(
        "/own.csv",
        Doc::Body("text/csv", sheet("The organisation's own words.")),
    );
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(crate::common::open_store(&dir.path().join("h.db")).unwrap());
    add(
        &store,
        &p.url("/aggregator.csv"),
        SourceKind::Csv,
        Some("Aggregator"),
    );
    store
        .add_source(&NewSource {
            url: p.url("/own.csv"),
            kind: SourceKind::Csv,
            org: Some("canal-friends".into()),
            name: Some("Canal Friends".into()),
            license: Some("CC-BY-4.0".into()),
            every_secs: 3600,
        })
        .unwrap();
    let h = Harvester::new(store.clone(), harvest_config()).unwrap();
    for r in h.run(true).await.unwrap() {
        assert!(r.result.is_ok(), "{r:?}");
    }
    let live = store.live_listings().unwrap();
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].summary, "The organisation's own words.");
    let names: Vec<&str> = live[0].sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Canal Friends", "Aggregator"]);
    assert_eq!(live[0].sources[0].license.as_deref(), Some("CC-BY-4.0"));
    // The organisation drops it; the aggregator still lists it: its copy takes over.
    p.set(
        "/own.csv",
        Doc::Body(
            "text/csv",
            csv_doc(&[("other", "Lock keeper", "https://canal.example/lock")]),
        ),
    );
    h.run(true).await.unwrap();
    let towpath = store
        .live_listings()
        .unwrap()
        .into_iter()
        .find(|l| l.title == "Towpath volunteer")
        .unwrap();
    assert_eq!(towpath.summary, "Copied weeks ago.");
    assert_eq!(towpath.sources.len(), 1);
    p.stop();
}

/// `import --withdraw-missing` for an organisation withdraws its own listings the file no longer
/// has, never those gathered from other publishers (a later harvest would not bring them back).
#[tokio::test]
async fn an_import_never_withdraws_harvested_listings() {
    let p = Publisher::start().await;
    p.set(
        "/sheet.csv",
        Doc::Body(
            "text/csv",
            csv_doc(&[("towpath", "Towpath volunteer", "https://canal.example/join")]),
        ),
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    let store = Arc::new(crate::common::open_store(&db).unwrap());
    add(&store, &p.url("/sheet.csv"), SourceKind::Csv, None);
    let h = Harvester::new(store.clone(), harvest_config()).unwrap();
    h.run(true).await.unwrap();
    let mut own = listing("own-1", "Canal Friends");
    own["organisation"]["id"] = json!("canal-friends");
    let report = store
        .import(opendoor_server::store::ImportBatch {
            ops: vec![opendoor_server::store::ImportOp::Upsert(Box::new(
                serde_json::from_value(own).unwrap(),
            ))],
            org: None,
            withdraw_missing: true,
        })
        .unwrap();
    assert_eq!((report.added, report.deleted), (1, 0));
    assert_eq!(store.live_listings().unwrap().len(), 2);
    p.stop();
}
