use serde_json::{json, Value};

use crate::common::*;

#[tokio::test]
async fn authorisation_on_every_organiser_route() {
    let s = TestServer::fresh(&[listing("a1", "Org A"), listing("b1", "Org  b")]).await;
    let db = s.db.clone();
    let token_a = organiser(&db, "org a");
    let token_b = organiser(&db, "ORG B");
    let c = client();
    let mut ids = Vec::new();
    for l in ["a1", "b1"] {
        let r: Value = c
            .post(s.url("/api/v1/applications"))
            .header("Idempotency-Key", key())
            .json(&application(l))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        ids.push(r["id"].as_str().unwrap().to_owned());
    }
    let (app_a, app_b) = (&ids[0], &ids[1]);

    // Each route: no token, a wrong token, a malformed header → 401.
    let routes: Vec<(reqwest::Method, String, Option<Value>)> = vec![
        (reqwest::Method::GET, "/api/v1/organiser/me".into(), None),
        (
            reqwest::Method::GET,
            "/api/v1/organiser/applications".into(),
            None,
        ),
        (
            reqwest::Method::GET,
            format!("/api/v1/organiser/applications/{app_a}"),
            None,
        ),
        (
            reqwest::Method::PATCH,
            format!("/api/v1/organiser/applications/{app_a}"),
            Some(json!({"status": "shortlisted"})),
        ),
    ];
    for (m, path, body) in &routes {
        for auth in [
            None,
            Some("Bearer od_org_0000"),
            Some("Basic abc"),
            Some("Bearer "),
        ] {
            let mut r = c.request(m.clone(), s.url(path));
            if let Some(a) = auth {
                r = r.header("Authorization", a);
            }
            if let Some(b) = body {
                r = r.json(b);
            }
            let res = r.send().await.unwrap();
            assert_eq!(res.status(), 401, "{m} {path} with {auth:?}");
            assert_eq!(res.headers()["www-authenticate"], "Bearer");
        }
    }
    // The status token of an applicant is not an organiser token.
    let res = c
        .get(s.url("/api/v1/organiser/applications"))
        .bearer_auth("od_app_x")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);

    // Each organisation sees only its own.
    let me: Value = c
        .get(s.url("/api/v1/organiser/me"))
        .bearer_auth(&token_b)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["organisation"], "ORG B");
    for (token, mine, theirs) in [(&token_a, app_a, app_b), (&token_b, app_b, app_a)] {
        let list: Value = c
            .get(s.url("/api/v1/organiser/applications"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let got: Vec<&str> = list["applications"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        assert_eq!(got, vec![mine.as_str()]);
        assert_eq!(
            list["applications"][0]["application"]["applicant"]["email"],
            "sam@example.org"
        );
        let res = c
            .get(s.url(&format!("/api/v1/organiser/applications/{theirs}")))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            404,
            "another organisation's application is invisible"
        );
        let res = c
            .patch(s.url(&format!("/api/v1/organiser/applications/{theirs}")))
            .bearer_auth(token)
            .json(&json!({"status": "selected", "feedback": "x"}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            404,
            "another organisation's application cannot be changed"
        );
        // Filtering by another organisation's listing finds nothing.
        let other_listing = if mine == app_a { "b1" } else { "a1" };
        let list: Value = c
            .get(s.url(&format!(
                "/api/v1/organiser/applications?listingId={other_listing}"
            )))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(list["applications"].as_array().unwrap().len(), 0);
    }
    // A revoked credential (by its id, no secret needed) stops working at once; the
    // organisation's other credentials go on working.
    let (second_id, second_a) = organiser_with_id(&db, "Org A");
    let store = crate::common::open_store(&db).unwrap();
    let first_id = store
        .credentials()
        .unwrap()
        .into_iter()
        .find(|c| c.org_id == org_id("Org A") && c.id != second_id)
        .unwrap()
        .id;
    assert!(store.revoke_credential(&first_id).unwrap());
    assert!(!store.revoke_credential(&first_id).unwrap(), "already gone");
    let res = c
        .get(s.url("/api/v1/organiser/applications"))
        .bearer_auth(&token_a)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let res = c
        .get(s.url("/api/v1/organiser/applications"))
        .bearer_auth(&second_a)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // Nothing changed on the other side.
    let b: Value = c
        .get(s.url(&format!("/api/v1/organiser/applications/{app_b}")))
        .bearer_auth(&token_b)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(b["status"], "received");
    assert!(b.get("feedback").is_none());
    s.stop().await;
}

#[tokio::test]
async fn organisers_set_status_and_feedback_the_applicant_sees() {
    let s = TestServer::fresh(&[listing("a1", "Org A")]).await;
    let db = s.db.clone();
    let token = organiser(&db, "Org A");
    let c = client();
    let r: Value = c
        .post(s.url("/api/v1/applications"))
        .header("Idempotency-Key", key())
        .json(&application("a1"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let (id, status_token) = (
        r["id"].as_str().unwrap(),
        r["statusToken"].as_str().unwrap(),
    );
    let org_url = s.url(&format!("/api/v1/organiser/applications/{id}"));
    let me_url = s.url(&format!("/api/v1/applications/{id}"));
    for status in [
        "received",
        "shortlisted",
        "selected",
        "not-selected",
        "took-part",
        "paid",
    ] {
        let res = c
            .patch(&org_url)
            .bearer_auth(&token)
            .json(&json!({"status": status}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let v: Value = c
            .get(&me_url)
            .bearer_auth(status_token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(v["status"], status);
    }
    let res = c
        .patch(&org_url)
        .bearer_auth(&token)
        .json(&json!({"feedback": "Your idea changed the leaflet."}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let v: Value = c
        .get(&me_url)
        .bearer_auth(status_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["feedback"], "Your idea changed the leaflet.");
    assert_eq!(v["status"], "paid");

    // Bad updates.
    for (body, code) in [
        (json!({"status": "withdrawn"}), 422),
        (json!({"status": "hired"}), 422),
        (json!({}), 422),
        (json!({"feedback": "x".repeat(5001)}), 422),
        (json!({"colour": "red"}), 400),
    ] {
        let res = c
            .patch(&org_url)
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), code, "{body}");
    }
    let res = c
        .patch(&org_url)
        .bearer_auth(&token)
        .body("{oops")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    // Clearing feedback with null.
    let res = c
        .patch(&org_url)
        .bearer_auth(&token)
        .json(&json!({"feedback": null}))
        .send()
        .await
        .unwrap();
    let v: Value = res.json().await.unwrap();
    assert!(v.get("feedback").is_none());

    // After the applicant withdraws, the organiser sees no personal data and cannot update.
    assert_eq!(
        c.delete(&me_url)
            .bearer_auth(status_token)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    let v: Value = c
        .get(&org_url)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["status"], "withdrawn");
    assert!(v.get("application").is_none());
    let res = c
        .patch(&org_url)
        .bearer_auth(&token)
        .json(&json!({"status": "selected"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    s.stop().await;
}

/// Two bodies that share a display name are two organisations: each sees only its own
/// applicants, and an import cannot move a listing from one to the other.
#[tokio::test]
async fn the_same_name_from_another_source_exposes_nothing() {
    let mut ours = listing("ours", "Age UK");
    ours["organisation"]["id"] = json!("https://ageuk.example/leeds");
    let mut theirs = listing("theirs", "Age UK");
    theirs["organisation"]["id"] = json!("https://imposter.example");
    let s = TestServer::fresh(&[ours.clone(), theirs]).await;
    let db = s.db.clone();
    let c = client();
    let res = c
        .post(s.url("/api/v1/applications"))
        .header("Idempotency-Key", key())
        .json(&application("ours"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let store = crate::common::open_store(&db).unwrap();
    let (_, _, imposter) = store
        .add_organiser("https://imposter.example", None, "them", None)
        .unwrap();
    let (_, _, real) = store
        .add_organiser("https://ageuk.example/leeds", None, "us", None)
        .unwrap();
    let count = |token: String| {
        let c = c.clone();
        let url = s.url("/api/v1/organiser/applications");
        async move {
            let v: Value = c
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            v["applications"].as_array().unwrap().len()
        }
    };
    assert_eq!(
        count(imposter.clone()).await,
        0,
        "same name, other organisation"
    );
    assert_eq!(count(real).await, 1);

    // Re-importing "ours" under the other organisation's id is refused, whole.
    let mut moved = ours;
    moved["organisation"]["id"] = json!("https://imposter.example");
    let err = store
        .import(opendoor_server::store::ImportBatch {
            ops: vec![opendoor_server::store::ImportOp::Upsert(Box::new(
                serde_json::from_value(moved).unwrap(),
            ))],
            ..Default::default()
        })
        .unwrap_err()
        .to_string();
    assert!(err.contains("belongs to another organisation"), "{err}");
    assert_eq!(count(imposter).await, 0);
    s.stop().await;
}

async fn me(c: &reqwest::Client, s: &TestServer, token: &str) -> u16 {
    c.get(s.url("/api/v1/organiser/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn credentials_are_listed_and_revoked_by_id_from_the_command_line() {
    let s = TestServer::fresh(&[listing("l1", "Org A")]).await;
    let db = s.db.clone();
    let c = client();
    let out = server_bin()
        .args(["organiser", "add", "--db"])
        .arg(crate::common::db_arg(&db))
        .args([
            "--org",
            &org_id("Org A"),
            "--label",
            "Jo, coordinator",
            "--expires-days",
            "30",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert_eq!(me(&c, &s, &token).await, 200);
    let list = server_bin()
        .args(["organiser", "list", "--db"])
        .arg(crate::common::db_arg(&db))
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&list.stdout).into_owned();
    assert!(
        list.contains("Jo, coordinator") && list.contains(&org_id("Org A")),
        "{list}"
    );
    assert!(!list.contains(&token[8..]), "a secret in the list: {list}");
    let id = list
        .lines()
        .find(|l| l.contains("Jo, coordinator"))
        .and_then(|l| l.split('\t').next())
        .unwrap()
        .to_owned();
    let out = server_bin()
        .args(["organiser", "revoke", "--db"])
        .arg(crate::common::db_arg(&db))
        .arg(&id)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        me(&c, &s, &token).await,
        401,
        "revoked at once, by id alone"
    );
    s.stop().await;
}

#[tokio::test]
async fn an_expired_credential_is_refused() {
    use std::sync::atomic::Ordering;
    let (now, clock) = fake_clock(1_900_000_000);
    let s = TestServer::with().clock(clock).start().await;
    let db = s.db.clone();
    let (_, _, token) = crate::common::open_store(&db)
        .unwrap()
        .add_organiser("org-b", Some("Org B"), "", Some(1_900_000_000 + 3600))
        .unwrap();
    let c = client();
    assert_eq!(me(&c, &s, &token).await, 200);
    now.fetch_add(3601, Ordering::SeqCst);
    assert_eq!(me(&c, &s, &token).await, 401, "expired");
    s.stop().await;
}

/// Listings and applications stored before organisations had ids are adopted by the first
/// import that gives their organisation (same name) a real id; a different name is refused.
#[test]
fn data_from_before_ids_is_adopted_by_the_same_name_only() {
    if crate::common::on_postgres() {
        // Rows from before ids exist only in SQLite files made by earlier versions: a
        // PostgreSQL database starts at the final schema.
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    put_listings(&db, &[listing("l1", "Org A")]);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        // What migration 5 makes of a database from before ids.
        conn.execute_batch(
            "UPDATE listings SET org_key = 'name:org a'; \
             INSERT INTO applications (id, listing_id, org_key, status, payload, token_hash, created, updated) \
             VALUES ('a1', 'l1', 'name:org a', 'received', '{}', x'00', 'c', 'u');",
        )
        .unwrap();
    }
    let store = crate::common::open_store(&db).unwrap();
    let mut other = listing("l1", "Somebody Else");
    other["organisation"]["id"] = json!("https://else.example");
    let import = |l: Value| {
        store.import(opendoor_server::store::ImportBatch {
            ops: vec![opendoor_server::store::ImportOp::Upsert(Box::new(
                serde_json::from_value(l).unwrap(),
            ))],
            ..Default::default()
        })
    };
    assert!(import(other).is_err(), "another name may not adopt it");
    import(listing("l1", "Org A")).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let owner: String = conn
        .query_row(
            "SELECT org_key FROM applications WHERE id = 'a1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        owner,
        org_id("Org A"),
        "the application followed its listing"
    );
}
