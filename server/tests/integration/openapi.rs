use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::*;

fn spec() -> serde_norway::Value {
    let text = std::fs::read_to_string(repo_root().join("docs/openapi.yaml")).unwrap();
    serde_norway::from_str(&text).expect("docs/openapi.yaml is YAML")
}

fn operations(spec: &serde_norway::Value) -> BTreeSet<(String, String)> {
    let mut ops = BTreeSet::new();
    for (path, item) in spec["paths"].as_mapping().unwrap() {
        for (method, _) in item.as_mapping().unwrap() {
            let m = method.as_str().unwrap();
            if ["get", "put", "post", "delete", "patch", "head", "options"].contains(&m) {
                ops.insert((m.to_owned(), path.as_str().unwrap().to_owned()));
            }
        }
    }
    ops
}

/// Required properties of a schema, followed through $ref.
fn required(spec: &serde_norway::Value, name: &str) -> Vec<String> {
    spec["components"]["schemas"][name]["required"]
        .as_sequence()
        .map(|r| r.iter().map(|x| x.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

fn conforms(spec: &serde_norway::Value, schema: &str, v: &Value) {
    for r in required(spec, schema) {
        assert!(v.get(&r).is_some(), "{schema} requires {r}: {v}");
    }
    if let Some(props) = spec["components"]["schemas"][schema]["properties"].as_mapping() {
        for k in v.as_object().unwrap().keys() {
            assert!(
                props.contains_key(k.as_str()),
                "{schema} does not document {k}"
            );
        }
    }
}

#[tokio::test]
async fn every_route_is_documented_and_every_documented_operation_is_routed() {
    let spec = spec();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    let documented = operations(&spec);
    let routed: BTreeSet<(String, String)> = opendoor_server::http::ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(
        documented, routed,
        "docs/openapi.yaml and the router differ"
    );

    // And the live router agrees: documented methods are routed, others are 405.
    let s = TestServer::with().start().await;
    let c = client();
    let paths: BTreeSet<&String> = documented.iter().map(|(_, p)| p).collect();
    for path in paths {
        let url = s.url(&path.replace("{id}", "x"));
        for m in ["get", "post", "put", "patch", "delete"] {
            let method = reqwest::Method::from_bytes(m.to_uppercase().as_bytes()).unwrap();
            let res = c.request(method, &url).send().await.unwrap();
            let is_doc = documented.contains(&(m.to_owned(), path.clone()));
            if is_doc {
                assert_ne!(res.status(), 405, "{m} {path} is documented but not routed");
            } else {
                assert_eq!(res.status(), 405, "{m} {path} is routed but not documented");
            }
        }
    }
    s.stop().await;
}

#[tokio::test]
async fn real_responses_match_the_documented_schemas() {
    let spec = spec();
    let s = TestServer::fresh(&[listing("l1", "Org A")]).await;
    let db = s.db.clone();
    let token = organiser(&db, "Org A");
    let c = client();
    let res = c
        .post(s.url("/api/v1/applications"))
        .header("Idempotency-Key", key())
        .json(&application("l1"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let receipt: Value = res.json().await.unwrap();
    conforms(&spec, "ApplicationReceipt", &receipt);
    let id = receipt["id"].as_str().unwrap();
    let view: Value = c
        .get(s.url(&format!("/api/v1/applications/{id}")))
        .bearer_auth(receipt["statusToken"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    conforms(&spec, "ApplicationView", &view);
    let list: Value = c
        .get(s.url("/api/v1/organiser/applications"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let app = &list["applications"][0];
    conforms(&spec, "OrganiserApplication", app);
    conforms(&spec, "ApplicationRequest", &app["application"]);
    let page: Value = c
        .get(s.url("/feed/opportunities"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    conforms(&spec, "FeedPage", &page);
    let key: Value = c
        .get(s.url("/api/v1/seal-key"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    conforms(&spec, "SealKey", &key);
    let err: Value = c
        .post(s.url("/api/v1/applications"))
        .json(&application("l1"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    conforms(&spec, "Error", &err);
    // A refusal with problems: each one as documented, its kind among the documented ones.
    let mut bad = application("l1");
    bad["answers"]["why"] = Value::from("x".repeat(51));
    bad["applicant"]["name"] = Value::from(" ");
    let err: Value = c
        .post(s.url("/api/v1/applications"))
        .header("Idempotency-Key", crate::common::key())
        .json(&bad)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    conforms(&spec, "Error", &err);
    let item = &spec["components"]["schemas"]["Error"]["properties"]["problems"]["items"];
    let kinds: Vec<&str> = item["properties"]["kind"]["enum"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    let problems = err["problems"].as_array().unwrap();
    assert!(problems.len() >= 2, "{err}");
    for p in problems {
        for r in item["required"].as_sequence().unwrap() {
            assert!(
                p.get(r.as_str().unwrap()).is_some(),
                "a problem needs {r:?}: {p}"
            );
        }
        for k in p.as_object().unwrap().keys() {
            assert!(
                item["properties"]
                    .as_mapping()
                    .unwrap()
                    .contains_key(k.as_str()),
                "Problem does not document {k}"
            );
        }
        assert!(kinds.contains(&p["kind"].as_str().unwrap()), "{p}");
    }
    let too_long = problems
        .iter()
        .find(|p| p["field"] == "answers.why")
        .unwrap();
    assert_eq!(
        (&too_long["kind"], &too_long["max"]),
        (&Value::from("too-long"), &Value::from(50))
    );
    s.stop().await;
}

/// The error codes documented are exactly the wire contract's (`core::api::ErrorCode`).
#[test]
fn the_documented_error_codes_are_the_contracts() {
    let spec = spec();
    let documented: BTreeSet<&str> = spec["components"]["schemas"]["Error"]["properties"]["error"]
        ["enum"]
        .as_sequence()
        .expect("Error.error lists its codes")
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let contract: BTreeSet<&str> = opendoor_core::api::ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(documented, contract);
}
