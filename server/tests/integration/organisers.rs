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
    // A revoked token stops working at once; the organisation's other tokens go on working.
    let second_a = organiser(&db, "Org A");
    assert!(opendoor_server::store::Store::open(&db)
        .unwrap()
        .revoke_organiser_token(&token_a)
        .unwrap());
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
