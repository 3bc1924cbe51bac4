//! Sealed applications over real HTTP: the key endpoint, opening, the same path as plain
//! applications, every refusal, the 30-day window on a made-up clock, and the keys CLI.

use std::sync::atomic::Ordering;

use opendoor_core::seal::{b64, unb64, SealError, SEALED_CONTENT_TYPE};
use serde_json::{json, Value};

use crate::common::*;

const DAY: i64 = 24 * 60 * 60;

async fn post_sealed(
    c: &reqwest::Client,
    s: &TestServer,
    key: &str,
    body: &str,
) -> (u16, Value, bool) {
    let res = c
        .post(s.url("/api/v1/applications"))
        .header("Idempotency-Key", key)
        .header("content-type", SEALED_CONTENT_TYPE)
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let replayed = res.headers().get("idempotent-replayed").is_some();
    (status, res.json().await.unwrap_or(Value::Null), replayed)
}

fn count_applications(db: &std::path::Path) -> i64 {
    crate::common::open_store(db).unwrap().counts().unwrap()["applications"]
}

#[tokio::test]
async fn the_seal_key_endpoint_gives_the_current_key_with_an_etag() {
    let s = TestServer::fresh(&[]).await;
    let db = s.db.clone();
    let c = client();
    let res = c.get(s.url("/api/v1/seal-key")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-cache");
    let etag = res.headers()["etag"].to_str().unwrap().to_owned();
    let v: Value = res.json().await.unwrap();
    assert_eq!(etag, format!("\"{}\"", v["kid"].as_str().unwrap()));
    assert_eq!(v["alg"], "ECDH-P256+HKDF-SHA256+A256GCM");
    let public = unb64(v["publicKey"].as_str().unwrap()).unwrap();
    assert_eq!((public.len(), public[0]), (65, 4));
    assert!(v["created"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        v.as_object().unwrap().len(),
        4,
        "nothing else, and never the secret: {v}"
    );

    let res = c
        .get(s.url("/api/v1/seal-key"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);

    // Rotated while serving (as cron would): the next fetch sees the new key.
    crate::common::open_store(&db)
        .unwrap()
        .rotate_seal_key(time_now())
        .unwrap();
    let res = c
        .get(s.url("/api/v1/seal-key"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_ne!(res.headers()["etag"].to_str().unwrap(), etag);
    s.stop().await;
}

fn time_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

#[tokio::test]
async fn a_sealed_application_takes_exactly_the_plain_path() {
    let s = TestServer::fresh(&[]).await;
    let db = s.db.clone();
    let mut closed = listing("closed", "Org A");
    closed["status"] = json!("closed");
    put_listings(&db, &[listing("l1", "Org A"), closed]);
    let org = organiser(&db, "Org A");
    let c = client();
    let key = seal_key(&c, &s).await;

    let k = self::key();
    let body = sealed(&key, &application("l1"));
    let (st, first, replayed) = post_sealed(&c, &s, &k, &body).await;
    assert_eq!((st, replayed), (201, false), "{first}");
    assert_eq!(first["status"], "received");
    // A retry of the same envelope replays the first answer (never the token again).
    let (st, again, replayed) = post_sealed(&c, &s, &k, &body).await;
    assert_eq!((st, &again, replayed), (201, &without_token(&first), true));
    // So does the same application sealed afresh (new one-time key and nonce).
    let (st, again, _) = post_sealed(&c, &s, &k, &sealed(&key, &application("l1"))).await;
    assert_eq!((st, &again), (201, &without_token(&first)));
    // And sent plain with the same key: it is the same application.
    let res = c
        .post(s.url("/api/v1/applications"))
        .header("Idempotency-Key", &k)
        .json(&application("l1"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.unwrap(), without_token(&first));
    // A different application under the same key is refused, as for plain ones.
    let mut other = application("l1");
    other["answers"]["why"] = json!("another reason");
    let (st, r, _) = post_sealed(&c, &s, &k, &sealed(&key, &other)).await;
    assert_eq!(
        (st, r["error"].as_str().unwrap()),
        (422, "idempotency-key-reused")
    );
    assert_eq!(count_applications(&db), 1);

    // The organiser reads what was sealed; the applicant's token works.
    let list: Value = c
        .get(s.url("/api/v1/organiser/applications"))
        .bearer_auth(&org)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        list["applications"][0]["application"]["applicant"]["email"],
        "sam@example.org"
    );
    let res = c
        .get(s.url(&format!(
            "/api/v1/applications/{}",
            first["id"].as_str().unwrap()
        )))
        .bearer_auth(first["statusToken"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // Validation, closed listings and bad JSON inside the envelope: the plain answers.
    let mut bad = application("l1");
    bad["applicant"]["email"] = json!("not-an-email");
    let (st, r, _) = post_sealed(&c, &s, &self::key(), &sealed(&key, &bad)).await;
    assert_eq!(
        (st, r["error"].as_str().unwrap()),
        (422, "invalid-application")
    );
    assert!(r["problems"].to_string().contains("applicant.email"), "{r}");
    let (st, r, _) = post_sealed(&c, &s, &self::key(), &sealed(&key, &application("closed"))).await;
    assert_eq!((st, r["error"].as_str().unwrap()), (409, "listing-closed"));
    let (st, r, _) = post_sealed(&c, &s, &self::key(), &sealed(&key, &application("nope"))).await;
    assert_eq!(
        (st, r["error"].as_str().unwrap()),
        (404, "listing-not-found")
    );
    let not_json = opendoor_core::seal::native::seal(&key.1, &key.0, b"{\"listingId\": ").unwrap();
    let (st, r, _) = post_sealed(
        &c,
        &s,
        &self::key(),
        &serde_json::to_string(&not_json).unwrap(),
    )
    .await;
    assert_eq!((st, r["error"].as_str().unwrap()), (400, "malformed-json"));
    // No Idempotency-Key: refused before anything is opened.
    let res = c
        .post(s.url("/api/v1/applications"))
        .header("content-type", SEALED_CONTENT_TYPE)
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    // Too large once opened, although the envelope itself fits.
    let mut huge = application("l1");
    huge["answers"]["why"] = json!("x".repeat(65 * 1024));
    let (st, r, _) = post_sealed(&c, &s, &self::key(), &sealed(&key, &huge)).await;
    assert_eq!((st, r["error"].as_str().unwrap()), (413, "too-large"));
    // Far too large to be an envelope at all.
    let (st, _, _) = post_sealed(&c, &s, &self::key(), &"x".repeat(200 * 1024)).await;
    assert_eq!(st, 413);
    assert_eq!(count_applications(&db), 1);
    s.stop().await;
}

#[tokio::test]
async fn envelopes_that_cannot_be_opened_get_400_in_plain_words() {
    let s = TestServer::fresh(&[listing("l1", "Org A")]).await;
    let db = s.db.clone();
    let c = client();
    let key = seal_key(&c, &s).await;
    let good: Value = serde_json::from_str(&sealed(&key, &application("l1"))).unwrap();
    let with = |field: &str, value: Value| {
        let mut e = good.clone();
        e[field] = value;
        e.to_string()
    };
    let flip = |field: &str| {
        let mut bytes = unb64(good[field].as_str().unwrap()).unwrap();
        bytes[5] ^= 1;
        with(field, json!(b64(&bytes)))
    };
    let (_, other_public) = opendoor_core::seal::native::generate_keypair();
    let cases = [
        (
            with("v", json!(2)),
            "sealed-unsupported",
            SealError::Unsupported,
        ),
        (
            with("alg", json!("RSA-OAEP")),
            "sealed-unsupported",
            SealError::Unsupported,
        ),
        (
            "{\"listingId\": \"l1\"}".to_owned(),
            "sealed-malformed",
            SealError::Malformed("not an envelope"),
        ),
        (
            "not json".to_owned(),
            "sealed-malformed",
            SealError::Malformed("not JSON"),
        ),
        (
            with("iv", json!("!!")),
            "sealed-malformed",
            SealError::Malformed("nonce"),
        ),
        (
            with("epk", json!(b64(&[4; 65]))),
            "sealed-malformed",
            SealError::Malformed("one-time key"),
        ),
        (
            with("kid", json!("a key never made")),
            "sealed-malformed",
            SealError::Malformed("key id"),
        ),
        (
            with("kid", json!("2020-01-01-000000")),
            "sealed-key-expired",
            SealError::UnknownKey,
        ),
        (flip("ct"), "sealed-does-not-open", SealError::DoesNotOpen),
        (flip("iv"), "sealed-does-not-open", SealError::DoesNotOpen),
        (
            with("epk", json!(b64(&other_public))),
            "sealed-does-not-open",
            SealError::DoesNotOpen,
        ),
        (
            sealed(&(key.0.clone(), other_public), &application("l1")),
            "sealed-does-not-open",
            SealError::DoesNotOpen,
        ),
    ];
    for (body, code, error) in cases {
        let (st, r, _) = post_sealed(&c, &s, &self::key(), &body).await;
        assert_eq!(
            (st, r["error"].as_str().unwrap()),
            (400, code),
            "{body}: {r}"
        );
        assert_eq!(r["message"], error.to_string());
        // What the app makes of it: not accepted, shown to the person, not retried forever.
        assert!(matches!(
            opendoor_core::outbox::outcome_of(st, r.to_string().as_bytes()),
            opendoor_core::outbox::Outcome::NotAccepted(m) if m == error.to_string()
        ));
    }
    assert_eq!(count_applications(&db), 0);
    // The untouched envelope opens.
    let (st, _, _) = post_sealed(&c, &s, &self::key(), &good.to_string()).await;
    assert_eq!(st, 201);
    s.stop().await;
}

#[tokio::test]
async fn a_retired_key_opens_for_thirty_days_on_the_servers_clock() {
    let start = time_now();
    let (now, clock) = fake_clock(start);
    let s = TestServer::with()
        .clock(clock.clone())
        .listings(&[listing("l1", "Org A")])
        .start()
        .await;
    let db = s.db.clone();
    let c = client();
    let old = seal_key(&c, &s).await;
    let early = sealed(&old, &application("l1"));
    let late = sealed(&old, &application("l1"));
    // The operator rotates (the CLI does exactly this).
    crate::common::open_store(&db)
        .unwrap()
        .rotate_seal_key(start)
        .unwrap();
    let new = seal_key(&c, &s).await;
    assert_ne!(new.0, old.0);

    now.store(start + 29 * DAY, Ordering::SeqCst);
    let (st, r, _) = post_sealed(&c, &s, &key(), &early).await;
    assert_eq!(st, 201, "29 days after retirement it still opens: {r}");

    now.store(start + 31 * DAY, Ordering::SeqCst);
    let (st, r, _) = post_sealed(&c, &s, &key(), &late).await;
    assert_eq!(
        (st, r["error"].as_str().unwrap()),
        (400, "sealed-key-expired"),
        "{r}"
    );
    assert!(r["message"].as_str().unwrap().contains("sent again"), "{r}");
    // The current key is unaffected.
    let (st, _, _) = post_sealed(&c, &s, &key(), &sealed(&new, &application("l1"))).await;
    assert_eq!(st, 201);
    let _dir = s.stop().await; // the database must outlive the first server

    // The next start (on the same clock) erases the expired key, secret and all.
    let s = TestServer::with().db(&db).clock(clock).start().await;
    let store = crate::common::open_store(&db).unwrap();
    let kids: Vec<String> = store
        .seal_keys()
        .unwrap()
        .into_iter()
        .map(|k| k.kid)
        .collect();
    assert_eq!(kids, vec![new.0.clone()]);
    assert_eq!(store.counts().unwrap()["sealKeys"], 1);
    s.stop().await;
}

#[test]
fn keys_rotate_and_list_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    let run = |args: &[&str]| {
        let out = server_bin()
            .args(args)
            .env("OPENDOOR_DB", crate::common::db_arg(&db))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run(&["keys", "rotate"]);
    assert!(first.starts_with("new current key "), "{first}");
    let second = run(&["keys", "rotate"]);
    assert!(
        second.contains("retired ") && second.contains("30 more days"),
        "{second}"
    );
    let list = run(&["keys", "list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines[0], "kid\tcreated\tretired\topens envelopes until");
    assert_eq!(lines.len(), 3, "{list}");
    assert!(
        lines[1].ends_with("current: 30 days after it is retired"),
        "{list}"
    );
    let retired: Vec<&str> = lines[2].split('\t').collect();
    assert_eq!(retired.len(), 4);
    assert!(
        retired[2].ends_with('Z') && retired[3].ends_with('Z'),
        "{list}"
    );
    // Never a secret, in any spelling.
    let store = crate::common::open_store(&db).unwrap();
    for k in store.seal_keys().unwrap() {
        let secret = store.seal_secret(&k.kid, time_now()).unwrap().unwrap();
        let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
        for text in [&first, &second, &list] {
            assert!(!text.contains(&hex) && !text.contains(&b64(&secret[..])));
        }
    }
}
