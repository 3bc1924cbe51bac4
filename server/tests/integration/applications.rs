use serde_json::{json, Value};

use crate::common::*;

async fn post(
    c: &reqwest::Client,
    s: &TestServer,
    key: Option<&str>,
    body: &Value,
) -> (u16, Value) {
    let mut r = c.post(s.url("/api/v1/applications")).json(body);
    if let Some(k) = key {
        r = r.header("Idempotency-Key", k);
    }
    let res = r.send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn count_applications(db: &std::path::Path) -> i64 {
    crate::common::open_store(db).unwrap().counts().unwrap()["applications"]
}

#[tokio::test]
async fn idempotency_same_key_same_body_replays_and_different_body_is_refused() {
    let s = TestServer::fresh(&[listing("l1", "Org A")]).await;
    let db = s.db.clone();
    let c = client();
    let k = key();
    let (st1, r1) = post(&c, &s, Some(&k), &application("l1")).await;
    assert_eq!(st1, 201, "{r1}");
    assert!(r1["statusToken"].as_str().unwrap().len() > 40);
    assert_eq!(r1["status"], "received");
    let (st2, r2) = post(&c, &s, Some(&k), &application("l1")).await;
    assert_eq!(
        (st2, &r2),
        (201, &without_token(&r1)),
        "a retry gets the same answer, never the token again"
    );
    assert_eq!(count_applications(&db), 1);
    let mut other = application("l1");
    other["answers"]["why"] = json!("something else");
    let (st3, r3) = post(&c, &s, Some(&k), &other).await;
    assert_eq!(st3, 422);
    assert_eq!(r3["error"], "idempotency-key-reused");
    assert_eq!(count_applications(&db), 1);
    // A new key is a new application.
    let (st4, r4) = post(&c, &s, Some(&key()), &application("l1")).await;
    assert_eq!(st4, 201);
    assert_ne!(r4["id"], r1["id"]);
    assert_eq!(count_applications(&db), 2);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_concurrent_duplicates_store_one() {
    let s = TestServer::fresh(&[listing("l1", "Org A")]).await;
    let db = s.db.clone();
    let c = client();
    let k = key();
    let url = s.url("/api/v1/applications");
    let tasks: Vec<_> = (0..100)
        .map(|_| {
            let (c, k, url) = (c.clone(), k.clone(), url.clone());
            tokio::spawn(async move {
                let res = c
                    .post(url)
                    .header("Idempotency-Key", k)
                    .json(&application("l1"))
                    .send()
                    .await
                    .unwrap();
                (res.status().as_u16(), res.json::<Value>().await.unwrap())
            })
        })
        .collect();
    let mut bodies = Vec::new();
    for t in tasks {
        let (status, body) = t.await.unwrap();
        assert_eq!(status, 201, "{body}");
        bodies.push(body);
    }
    assert!(
        bodies
            .iter()
            .all(|b| without_token(b) == without_token(&bodies[0])),
        "every duplicate gets the first answer"
    );
    assert_eq!(
        bodies
            .iter()
            .filter(|b| b.get("statusToken").is_some())
            .count(),
        1,
        "the token is shown once"
    );
    assert_eq!(count_applications(&db), 1);
    s.stop().await;
}

#[tokio::test]
async fn every_validation_error() {
    let s = TestServer::fresh(&[]).await;
    let db = s.db.clone();
    let mut closed = listing("closed", "Org A");
    closed["status"] = json!("closed");
    let mut past = listing("past", "Org A");
    past["closingDate"] = json!("2020-01-01");
    let mut withdrawn = listing("withdrawn", "Org A");
    withdrawn["status"] = json!("withdrawn");
    let mut elsewhere = listing("elsewhere", "Org A");
    elsewhere["howToApply"] = json!({"type": "link", "url": "https://example.org/apply"});
    put_listings(
        &db,
        &[
            listing("l1", "Org A"),
            closed,
            past,
            withdrawn,
            elsewhere,
            listing("gone", "Org A"),
        ],
    );
    delete_listing(&db, "gone");
    let c = client();

    // Answers: every kind of wrong, each named.
    let bad = json!({
        "listingId": "l1",
        "applicant": {"name": "", "email": "not-an-email", "phone": "12", "consent": false},
        "answers": {"when": "Night", "how": ["Phone", "Fax"], "before": "yes", "start": "01/05/2026",
                    "name2": "far too long", "unknown": "x"}
    });
    let (st, r) = post(&c, &s, Some(&key()), &bad).await;
    assert_eq!(st, 422, "{r}");
    assert_eq!(r["error"], "invalid-application");
    let fields: Vec<&str> = r["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    for f in [
        "applicant.name",
        "applicant.email",
        "applicant.phone",
        "applicant.consent",
        "answers.why",
        "answers.when",
        "answers.how",
        "answers.before",
        "answers.start",
        "answers.name2",
        "answers.unknown",
    ] {
        assert!(fields.contains(&f), "{f} missing from {fields:?}");
    }
    for p in r["problems"].as_array().unwrap() {
        assert!(!p["problem"].as_str().unwrap().is_empty());
    }
    // Too long for the question's maxLength, and no contact at all.
    let mut a = application("l1");
    a["answers"]["why"] = json!("x".repeat(51));
    a["applicant"] = json!({"name": "Sam", "consent": true});
    let (st, r) = post(&c, &s, Some(&key()), &a).await;
    assert_eq!(st, 422);
    let text = r.to_string();
    assert!(
        text.contains("answers.why") && text.contains("longer than 50"),
        "{text}"
    );
    assert!(
        text.contains("applicant.email or applicant.phone"),
        "{text}"
    );

    // Listings that cannot take applications.
    for (id, status, code) in [
        ("closed", 409, "listing-closed"),
        ("past", 409, "listing-closed"),
        ("withdrawn", 409, "listing-withdrawn"),
        ("elsewhere", 409, "apply-elsewhere"),
        ("gone", 404, "listing-not-found"),
        ("never", 404, "listing-not-found"),
    ] {
        let (st, r) = post(&c, &s, Some(&key()), &application(id)).await;
        assert_eq!(
            (st, r["error"].as_str().unwrap()),
            (status, code),
            "{id}: {r}"
        );
        assert!(!r["message"].as_str().unwrap().is_empty());
    }

    // Malformed JSON, wrong shape, no key, bad key, too large.
    let res = c
        .post(s.url("/api/v1/applications"))
        .header("Idempotency-Key", key())
        .header("content-type", "application/json")
        .body("{\"listingId\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let r: Value = res.json().await.unwrap();
    assert_eq!(r["error"], "malformed-json");
    assert!(r["message"].as_str().unwrap().contains("not valid JSON"));
    let (st, r) = post(&c, &s, Some(&key()), &json!({"listingId": "l1"})).await;
    assert_eq!((st, r["error"].as_str().unwrap()), (400, "malformed-json"));
    let (st, r) = post(&c, &s, None, &application("l1")).await;
    assert_eq!(
        (st, r["error"].as_str().unwrap()),
        (400, "idempotency-key-missing")
    );
    let (st, _) = post(&c, &s, Some(" "), &application("l1")).await;
    assert_eq!(st, 400);
    let mut huge = application("l1");
    huge["answers"]["why"] = json!("x".repeat(100_000));
    let (st, r) = post(&c, &s, Some(&key()), &huge).await;
    assert_eq!((st, r["error"].as_str().unwrap()), (413, "too-large"));
    assert_eq!(
        count_applications(&db),
        0,
        "nothing was stored by any refusal"
    );
    s.stop().await;
}

#[tokio::test]
async fn status_token_reads_and_withdraws_and_erases() {
    let s = TestServer::fresh(&[listing("l1", "Org A")]).await;
    let db = s.db.clone();
    let c = client();
    let (_, r) = post(&c, &s, Some(&key()), &application("l1")).await;
    let id = r["id"].as_str().unwrap();
    let token = r["statusToken"].as_str().unwrap();
    let url = s.url(&format!("/api/v1/applications/{id}"));

    let res = c.get(&url).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let res = c
        .get(&url)
        .bearer_auth("od_app_wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let res = c
        .get(s.url("/api/v1/applications/nope"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404, "another id with this token");
    let res = c.get(&url).bearer_auth(token).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let v: Value = res.json().await.unwrap();
    assert_eq!(
        (v["id"].as_str().unwrap(), v["status"].as_str().unwrap()),
        (id, "received")
    );
    assert!(v.get("applicant").is_none());

    assert_eq!(c.delete(&url).send().await.unwrap().status(), 401);
    assert_eq!(
        c.delete(&url)
            .bearer_auth("wrong")
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        c.delete(&url)
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    let v: Value = c
        .get(&url)
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["status"], "withdrawn");

    // The personal data is gone from the database file itself.
    let conn = rusqlite_free_check(&db);
    assert!(
        !conn.contains("sam@example.org"),
        "personal data left in the database"
    );
    s.stop().await;
}

/// Every table's text, after a checkpoint, to look for leftovers.
fn rusqlite_free_check(db: &std::path::Path) -> String {
    let store = crate::common::open_store(db).unwrap();
    drop(store);
    let mut all = String::new();
    for f in [db.to_owned(), db.with_extension("db-wal")] {
        if let Ok(bytes) = std::fs::read(&f) {
            all.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    all
}

#[tokio::test]
async fn restart_keeps_everything() {
    let s = TestServer::fresh(&[listing("l1", "Org A")]).await;
    let db = s.db.clone();
    let org = organiser(&db, "Org A");
    let c = client();
    let k = key();
    let (_, r) = post(&c, &s, Some(&k), &application("l1")).await;
    let id = r["id"].as_str().unwrap().to_owned();
    let token = r["statusToken"].as_str().unwrap().to_owned();
    let res = c
        .patch(s.url(&format!("/api/v1/organiser/applications/{id}")))
        .bearer_auth(&org)
        .json(&json!({"status": "selected", "feedback": "Thank you"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let feed_before = c
        .get(s.url("/feed/opportunities"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let old_base = s.base.clone();
    let _dir = s.stop().await; // the database must outlive the first server

    let s = TestServer::with().db(&db).start().await;
    let v: Value = c
        .get(s.url(&format!("/api/v1/applications/{id}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            v["status"].as_str().unwrap(),
            v["feedback"].as_str().unwrap()
        ),
        ("selected", "Thank you")
    );
    let (st, again) = post(&c, &s, Some(&k), &application("l1")).await;
    assert_eq!(
        (st, &again),
        (201, &without_token(&r)),
        "the idempotency record survived the restart"
    );
    let list: Value = c
        .get(s.url("/api/v1/organiser/applications"))
        .bearer_auth(&org)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["applications"].as_array().unwrap().len(), 1);
    let feed_after = c
        .get(s.url("/feed/opportunities"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        feed_before.replace(&old_base, ""),
        feed_after.replace(&s.base, "")
    );
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graceful_shutdown_finishes_requests_in_flight() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let s = TestServer::fresh(&[listing("l1", "Org A")]).await;
    let db = s.db.clone();
    let addr = s.base.trim_start_matches("http://").to_owned();
    // A request whose body is still arriving when the shutdown starts.
    let body = serde_json::to_vec(&application("l1")).unwrap();
    let mut conn = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let head = format!(
        "POST /api/v1/applications HTTP/1.1\r\nHost: {addr}\r\nIdempotency-Key: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        key(),
        body.len()
    );
    conn.write_all(head.as_bytes()).await.unwrap();
    conn.write_all(&body[..10]).await.unwrap();
    // Time for the server to read the request head, so the request is in flight.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let stopping = tokio::spawn(s.stop());
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(
        !stopping.is_finished(),
        "the server waits for the request in flight"
    );
    // New connections are soon no longer accepted.
    let mut refused = false;
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(&addr).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(refused, "the listener closes on shutdown");
    assert!(
        !stopping.is_finished(),
        "and the server still waits for the request in flight"
    );
    conn.write_all(&body[10..]).await.unwrap();
    let mut response = Vec::new();
    conn.read_to_end(&mut response).await.unwrap();
    let text = String::from_utf8_lossy(&response);
    assert!(text.starts_with("HTTP/1.1 201"), "{text}");
    let _dir = tokio::time::timeout(std::time::Duration::from_secs(5), stopping)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(count_applications(&db), 1);
}
