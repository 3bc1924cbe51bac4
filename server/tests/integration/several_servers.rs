//! Several servers on one database (docs/deployment.md, "Several servers behind one address"):
//! idempotency, status, sealing keys and the feed agree across them; a killed server loses no
//! application it acknowledged; a stopping server drains; the harvest lease has one holder.
//!
//! Two servers share a PostgreSQL database only: those tests need the PostgreSQL pass of
//! scripts/test.sh (OPENDOOR_TEST_POSTGRES) and say so when run on SQLite. The rest run on both.

use std::collections::HashSet;
use std::sync::atomic::Ordering;
use std::time::Duration;

use serde_json::{json, Value};

use crate::common::{
    application, client, db_arg, fake_clock, get_json, key, listing, on_postgres, open_store,
    organiser, put_listings, server_bin, spawn_server, Load, TestServer,
};

/// A new application to `l1` through the server at `base`, with a key of its own.
async fn apply(c: &reqwest::Client, base: &str) -> reqwest::Response {
    c.post(format!("{base}/api/v1/applications"))
        .header("Idempotency-Key", key())
        .json(&application("l1"))
        .send()
        .await
        .unwrap()
}

/// Two servers only share a database on PostgreSQL: a SQLite file belongs to one server.
fn needs_postgres(test: &str) -> bool {
    if on_postgres() {
        return true;
    }
    eprintln!(
        "{test}: several servers need PostgreSQL; scripts/test.sh runs this in its PostgreSQL pass"
    );
    false
}

#[tokio::test]
async fn a_hundred_duplicate_posts_split_across_two_servers_store_one_application() {
    if !needs_postgres("duplicates") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    put_listings(&db, &[listing("l1", "Org A")]);
    let a = TestServer::with().db(&db).start().await;
    let b = TestServer::with().db(&db).start().await;
    let c = client();
    let k = key();
    let body = application("l1").to_string();
    let mut tasks = Vec::new();
    for i in 0..100 {
        let url = if i % 2 == 0 { a.url("") } else { b.url("") };
        let (c, k, body) = (c.clone(), k.clone(), body.clone());
        tasks.push(tokio::spawn(async move {
            let res = c
                .post(format!("{url}/api/v1/applications"))
                .header("Idempotency-Key", k)
                .header("Content-Type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        }));
    }
    let mut ids = HashSet::new();
    let mut tokens = 0;
    for t in tasks {
        let (st, body) = t.await.unwrap();
        assert_eq!(st, 201, "{body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        ids.insert(v["id"].as_str().unwrap().to_owned());
        tokens += usize::from(v.get("statusToken").is_some());
    }
    assert_eq!(ids.len(), 1, "every answer names one application: {ids:?}");
    // The status token is shown once (it is not stored), so replays are the receipt without it.
    assert_eq!(tokens, 1, "the token was given exactly once");
    assert_eq!(
        open_store(&db).unwrap().counts().unwrap()["applications"],
        1
    );
    a.stop().await;
    b.stop().await;
}

#[tokio::test]
async fn the_applicant_organiser_keys_and_feed_agree_through_either_server() {
    if !needs_postgres("agree") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    put_listings(&db, &[listing("l1", "Org A")]);
    // Behind one address, as a load balancer puts them (the feed's links use it).
    let public = |c: &mut opendoor_server::ServeConfig| {
        c.public_url = Some("https://opendoor.example.org".into())
    };
    let a = TestServer::with().db(&db).config(public).start().await;
    let b = TestServer::with().db(&db).config(public).start().await;
    let c = client();
    let org = organiser(&db, "Org A");

    // Applied through A; answered through B; the applicant reads it through either.
    let res = apply(&c, &a.base).await;
    assert_eq!(res.status(), 201);
    let receipt: Value = res.json().await.unwrap();
    let id = receipt["id"].as_str().unwrap().to_owned();
    let token = receipt["statusToken"].as_str().unwrap().to_owned();
    let res = c
        .patch(b.url(&format!("/api/v1/organiser/applications/{id}")))
        .bearer_auth(&org)
        .json(&json!({"status": "selected", "feedback": "Your idea changed the leaflet."}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    for s in [&a, &b] {
        let (st, v) = get_json(&c, s.url(&format!("/api/v1/applications/{id}")), &token).await;
        assert_eq!(st, 200);
        assert_eq!(v["status"], "selected");
        assert_eq!(v["feedback"], "Your idea changed the leaflet.");
        let (st, _) = get_json(&c, s.url(&format!("/api/v1/applications/{id}")), "od_app_x").await;
        assert_eq!(st, 404, "a wrong token is refused by every server");
        let (st, v) = get_json(&c, s.url("/api/v1/organiser/applications"), &org).await;
        assert_eq!(
            (st, v["applications"][0]["id"].as_str()),
            (200, Some(id.as_str()))
        );
    }

    // Keys: both offer the same; a rotation (here by `keys rotate`, a third process in effect)
    // is offered by both on their next request: they read the key from the database each time.
    let kid = |s: &TestServer| {
        let (c, url) = (c.clone(), s.url("/api/v1/seal-key"));
        async move {
            get_json(&c, url, "").await.1["kid"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let before = kid(&a).await;
    assert_eq!(kid(&b).await, before);
    let out = server_bin()
        .args(["keys", "rotate", "--db"])
        .arg(db_arg(&db))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = kid(&b).await;
    assert_ne!(after, before, "rotated");
    assert_eq!(kid(&a).await, after);

    // The feed: one ETag, so a client's If-None-Match from A gets 304 from B; a change is seen
    // by both at once.
    let etag = |s: &TestServer, inm: Option<String>| {
        let (c, url) = (c.clone(), s.url("/feed/opportunities"));
        async move {
            let mut req = c.get(url);
            if let Some(t) = inm {
                req = req.header("If-None-Match", t);
            }
            let res = req.send().await.unwrap();
            let tag = res.headers()["etag"].to_str().unwrap().to_owned();
            (res.status().as_u16(), tag)
        }
    };
    let (st, tag_a) = etag(&a, None).await;
    assert_eq!(st, 200);
    assert_eq!(etag(&b, Some(tag_a.clone())).await, (304, tag_a.clone()));
    let mut changed = listing("l1", "Org A");
    changed["title"] = json!("A changed title");
    changed["lastUpdated"] = json!("2026-02-01T10:00:00Z");
    put_listings(&db, &[changed, listing("l2", "Org A")]);
    let (st, new_b) = etag(&b, Some(tag_a.clone())).await;
    assert_eq!(st, 200, "B sees the change");
    assert_ne!(new_b, tag_a);
    assert_eq!(etag(&a, Some(new_b.clone())).await, (304, new_b));
    a.stop().await;
    b.stop().await;
}

/// One harvester at a time: the lease has one holder, renewed while it works, taken over once
/// it lapses (a killed holder) or is given up (a graceful stop).
#[test]
fn the_harvest_lease_has_one_holder_and_passes_on_when_it_lapses() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    let (hand, clock) = fake_clock(1_800_000_000);
    let one =
        opendoor_server::store::Store::open_with_clock(crate::common::target(&db), clock.clone())
            .unwrap();
    let two =
        opendoor_server::store::Store::open_with_clock(crate::common::target(&db), clock).unwrap();
    let lease = opendoor_server::HARVEST_LEASE;
    assert!(one.take_lease(lease, "server-1", 300).unwrap());
    assert!(
        !two.take_lease(lease, "server-2", 300).unwrap(),
        "held by server-1"
    );
    hand.fetch_add(200, Ordering::SeqCst);
    assert!(one.take_lease(lease, "server-1", 300).unwrap(), "renewed");
    hand.fetch_add(200, Ordering::SeqCst);
    assert!(
        !two.take_lease(lease, "server-2", 300).unwrap(),
        "the renewal counts"
    );
    hand.fetch_add(200, Ordering::SeqCst);
    assert!(
        two.take_lease(lease, "server-2", 300).unwrap(),
        "lapsed: taken over"
    );
    assert!(!one.take_lease(lease, "server-1", 300).unwrap());
    two.release_lease(lease, "server-2").unwrap();
    assert!(
        one.take_lease(lease, "server-1", 300).unwrap(),
        "given up: taken at once"
    );
}

/// Kills a server (SIGKILL, no goodbye) while applications pour in, then finds every one it
/// answered 201: on PostgreSQL one of two servers is killed and the other carries on; on SQLite
/// the only server is killed and started again on the same file.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_server_killed_under_load_loses_no_acknowledged_application() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    put_listings(&db, &[listing("l1", "Org A")]);
    let (mut victim, victim_url) = spawn_server(&db);
    let survivor = on_postgres().then(|| spawn_server(&db));
    let mut urls = vec![victim_url];
    urls.extend(survivor.as_ref().map(|(_, u)| u.clone()));
    let mut load = Load::start(urls, 8);
    // Mid-load: once the victim has acknowledged a good number.
    load.until_acked_by(0, 150).await;
    victim.kill();
    let by_victim = load.acked_by(0);
    assert!(
        by_victim >= 150,
        "the victim was under load ({by_victim} acknowledged)"
    );
    // The survivor (on PostgreSQL) goes on taking applications after the kill.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let acked = load.stop().await;
    let (mut checker, url) = match survivor {
        Some(s) => {
            assert!(load.acked_by(1) > 0);
            s
        }
        None => spawn_server(&db),
    };
    let c = client();
    let mut missing = Vec::new();
    for (id, token) in &acked {
        let (st, v) = get_json(&c, format!("{url}/api/v1/applications/{id}"), token).await;
        if st != 200 || v["status"] != "received" {
            missing.push(id.clone());
        }
    }
    checker.kill();
    assert!(
        missing.is_empty(),
        "{} of {} acknowledged applications are missing",
        missing.len(),
        acked.len()
    );
    let stored = open_store(&db).unwrap().counts().unwrap()["applications"];
    assert!(
        stored >= acked.len() as i64,
        "{stored} stored, {} acknowledged",
        acked.len()
    );
}

/// Asked to stop with a drain time, a server says 503 on /readyz (and why) while it still
/// answers everything else, then closes its listener.
#[tokio::test]
async fn a_stopping_server_says_it_is_draining_then_closes() {
    let mut s = TestServer::with()
        .listings(&[listing("l1", "Org A")])
        .config(|c| c.conn.drain = Duration::from_millis(1500))
        .start()
        .await;
    let c = client();
    let ready = c.get(s.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    assert_eq!(
        ready.json::<Value>().await.unwrap(),
        json!({"status": "ready", "database": "reachable"})
    );
    let health = c.get(s.url("/healthz")).send().await.unwrap();
    assert_eq!(
        health.json::<Value>().await.unwrap(),
        json!({"status": "ok", "database": "reachable"})
    );
    s.ask_to_stop();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let ready = c.get(s.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 503);
    assert_eq!(
        ready.json::<Value>().await.unwrap(),
        json!({"status": "draining", "database": "reachable"})
    );
    assert_eq!(c.get(s.url("/healthz")).send().await.unwrap().status(), 200);
    let res = apply(&c, &s.base).await;
    assert_eq!(res.status(), 201, "still serving while draining");
    let base = s.url("");
    s.stop().await;
    assert!(
        client()
            .get(format!("{base}/healthz"))
            .send()
            .await
            .is_err(),
        "the listener is closed after the drain"
    );
}

/// The database drops every connection (a failover, a restart of PostgreSQL's side): the pool
/// replaces them and the next requests are served.
#[tokio::test]
async fn dropped_database_connections_are_replaced() {
    if !needs_postgres("dropped connections") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    let s = TestServer::with()
        .db(&db)
        .listings(&[listing("l1", "Org A")])
        .start()
        .await;
    let c = client();
    assert_eq!(c.get(s.url("/healthz")).send().await.unwrap().status(), 200);
    let dropped = crate::common::drop_postgres_connections(&db);
    assert!(dropped > 0, "the server's connections were dropped");
    let mut ok = 0;
    for _ in 0..5 {
        let res = apply(&c, &s.base).await;
        ok += usize::from(res.status() == 201);
    }
    assert_eq!(ok, 5, "every application after the drop was taken");
    assert_eq!(c.get(s.url("/healthz")).send().await.unwrap().status(), 200);
    s.stop().await;
}

/// The database is out of reach: /healthz and /readyz say so (503, "unreachable") and an
/// applicant is told to try again, losing nothing; when it is back, so is the server.
#[tokio::test]
async fn health_and_readiness_say_when_the_database_is_out_of_reach() {
    if !needs_postgres("out of reach") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    let s = TestServer::with()
        .db(&db)
        .listings(&[listing("l1", "Org A")])
        .start()
        .await;
    let c = client();
    let check = |path: &'static str| {
        let (c, url) = (c.clone(), s.url(path));
        async move {
            let res = c.get(url).send().await.unwrap();
            (res.status().as_u16(), res.json::<Value>().await.unwrap())
        }
    };
    assert_eq!(check("/healthz").await.0, 200);
    crate::common::set_postgres_open(&db, false);
    let down = json!({"status": "unavailable", "database": "unreachable"});
    assert_eq!(check("/healthz").await, (503, down.clone()));
    assert_eq!(check("/readyz").await, (503, down));
    let res = apply(&c, &s.base).await;
    assert_eq!(res.status(), 503, "not the request's fault: try again");
    assert_eq!(res.headers()["retry-after"], "30");
    let body: Value = res.json().await.unwrap();
    assert!(
        body["message"].as_str().is_some(),
        "a message the app can show: {body}"
    );
    crate::common::set_postgres_open(&db, true);
    assert_eq!(check("/readyz").await.0, 200);
    let res = apply(&c, &s.base).await;
    assert_eq!(res.status(), 201);
    s.stop().await;
}

/// Two servers that both follow the sources: one holds the harvest lease and harvests; when it
/// stops, it gives the lease up and the other takes it on its next tick; the last one to stop
/// leaves no lease behind.
#[tokio::test]
async fn one_of_two_servers_harvests_and_the_other_takes_over_when_it_stops() {
    if !needs_postgres("harvest lease") {
        return;
    }
    let publisher = TestServer::fresh(&[listing("s1", "Sched Org")]).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    let store = open_store(&db).unwrap();
    store
        .add_source(&opendoor_server::store::NewSource {
            url: publisher.url("/feed/opportunities"),
            kind: opendoor_server::store::SourceKind::Rpde,
            org: None,
            name: None,
            license: None,
            every_secs: 3600,
        })
        .unwrap();
    let harvesting =
        |c: &mut opendoor_server::ServeConfig| c.harvest = Some(crate::harvest::harvest_config());
    let a = TestServer::with().db(&db).config(harvesting).start().await;
    let b = TestServer::with().db(&db).config(harvesting).start().await;
    let lease = opendoor_server::HARVEST_LEASE;
    let holder = |store: &opendoor_server::store::Store| store.lease_holder(lease).unwrap();
    let mut first = None;
    for _ in 0..50 {
        let harvested = store.counts().unwrap()["listings"] > 0;
        if let (true, Some((h, _))) = (harvested, holder(&store)) {
            first = Some(h);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let first = first.expect("one of the servers took the lease and harvested");
    // Both tick every 100 ms; the lease stays with its holder while it renews it.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        holder(&store).map(|h| h.0),
        Some(first.clone()),
        "one holder"
    );
    // A stops (gracefully). If it held the lease, B takes it over on its next tick.
    a.stop().await;
    let mut second = None;
    for _ in 0..30 {
        if let Some((h, _)) = holder(&store) {
            second = Some(h);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let second = second.expect("the lease is held by the server still running");
    assert_eq!(holder(&store).map(|h| h.0), Some(second.clone()));
    b.stop().await;
    assert_eq!(holder(&store), None, "given up on a graceful stop");
    publisher.stop().await;
}

/// A writer elsewhere holds the write lock (a stuck import, an operator's session): with
/// OPENDOOR_DB_STATEMENT_TIMEOUT_SECS=1 an application waits about a second, then is answered
/// 503 with Retry-After rather than hanging; once the lock goes, it is taken.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_statement_over_its_time_limit_is_a_503_not_a_hang() {
    if !needs_postgres("statement timeout") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    put_listings(&db, &[listing("l1", "Org A")]);
    let (mut server, url) = crate::common::spawn_server_with(
        &db,
        &[
            ("OPENDOOR_DB_STATEMENT_TIMEOUT_SECS", "1"),
            ("OPENDOOR_DB_POOL", "2"),
        ],
    );
    let (hold, held) = std::sync::mpsc::channel::<()>();
    let (locked, is_locked) = std::sync::mpsc::channel::<()>();
    let db2 = db.clone();
    let holder = std::thread::spawn(move || {
        crate::common::postgres_session(&db2, move |c| {
            // The lock every write transaction takes first (store/pg.rs, WRITE_LOCK).
            c.execute("SELECT pg_advisory_lock($1)", &[&0x6f70_656e_646f_6f72_i64])
                .unwrap();
            locked.send(()).unwrap();
            let _ = held.recv();
        })
    });
    is_locked.recv().unwrap();
    let c = client();
    let started = std::time::Instant::now();
    let res = apply(&c, &url).await;
    let took = started.elapsed();
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers()["retry-after"], "30");
    assert!(took < Duration::from_secs(5), "answered in {took:?}");
    hold.send(()).unwrap();
    holder.join().unwrap();
    let res = apply(&c, &url).await;
    assert_eq!(res.status(), 201);
    server.kill();
}
