//! Per-client rate limits over real HTTP: 429 with Retry-After and plain words, per address,
//! per limit, and X-Forwarded-For only when trusted.

use std::net::IpAddr;

use opendoor_server::rate_limit::RateLimits;
use serde_json::Value;

use crate::common::*;

fn limits(applications: u32, status: u32, trust_proxy: bool) -> RateLimits {
    RateLimits {
        applications_per_minute: applications,
        status_per_minute: status,
        trust_proxy,
        ..RateLimits::default()
    }
}

async fn start(limits: RateLimits) -> TestServer {
    TestServer::with()
        .limits(limits)
        .listings(&[listing("l1", "Org A")])
        .start()
        .await
}

/// A client whose connections come from another loopback address.
fn client_from(addr: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .local_address(addr.parse::<IpAddr>().ok())
        .build()
        .unwrap()
}

async fn apply(c: &reqwest::Client, s: &TestServer, forwarded: Option<&str>) -> reqwest::Response {
    let mut r = c
        .post(s.url("/api/v1/applications"))
        .header("Idempotency-Key", key())
        .json(&application("l1"));
    if let Some(f) = forwarded {
        r = r.header("X-Forwarded-For", f);
    }
    r.send().await.unwrap()
}

async fn assert_limited(res: reqwest::Response, most: u64) {
    assert_eq!(res.status(), 429);
    let wait: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=most).contains(&wait), "Retry-After {wait}");
    assert_eq!(res.headers()["cache-control"], "no-store");
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["error"], "rate-limited");
    assert_eq!(
        v["message"],
        format!("Too many requests from this connection. Wait {wait} seconds and try again.")
    );
    // The app waits and tries again; it does not give up.
    assert!(matches!(
        opendoor_core::outbox::outcome_of(429, v.to_string().as_bytes()),
        opendoor_core::outbox::Outcome::TryLater(_)
    ));
}

#[tokio::test]
async fn applications_over_the_limit_get_429_and_other_clients_and_limits_do_not() {
    let s = start(limits(3, 300, false)).await;
    let c = client();
    let mut receipt = Value::Null;
    for _ in 0..3 {
        let res = apply(&c, &s, None).await;
        assert_eq!(res.status(), 201);
        receipt = res.json().await.unwrap();
    }
    // 3 a minute: one every 20 seconds comes back.
    assert_limited(apply(&c, &s, None).await, 20).await;
    // X-Forwarded-For is not trusted without --trust-proxy: no way around the limit.
    assert_limited(apply(&c, &s, Some("203.0.113.5")).await, 20).await;
    // The status endpoints have their own limit, and the feed and key have none.
    let url = s.url(&format!(
        "/api/v1/applications/{}",
        receipt["id"].as_str().unwrap()
    ));
    let token = receipt["statusToken"].as_str().unwrap();
    assert_eq!(
        c.get(&url)
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        c.get(s.url("/feed/opportunities"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        c.get(s.url("/api/v1/seal-key"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // Another address is not affected.
    let other = client_from("127.0.0.2");
    assert_eq!(apply(&other, &s, None).await.status(), 201);
    assert_eq!(
        crate::common::open_store(&s.db).unwrap().counts().unwrap()["applications"],
        4,
        "nothing refused was stored"
    );
    s.stop().await;
}

#[tokio::test]
async fn status_requests_have_their_own_limit() {
    let s = start(limits(60, 5, false)).await;
    let c = client();
    let receipt: Value = apply(&c, &s, None).await.json().await.unwrap();
    let url = s.url(&format!(
        "/api/v1/applications/{}",
        receipt["id"].as_str().unwrap()
    ));
    let token = receipt["statusToken"].as_str().unwrap();
    for _ in 0..4 {
        assert_eq!(
            c.get(&url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
    }
    // Guessing tokens counts too.
    assert_eq!(
        c.get(&url)
            .bearer_auth("od_app_guess")
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_limited(c.get(&url).bearer_auth(token).send().await.unwrap(), 12).await;
    assert_limited(c.delete(&url).bearer_auth(token).send().await.unwrap(), 12).await;
    // Applying is not held up by it; another address can still ask.
    assert_eq!(apply(&c, &s, None).await.status(), 201);
    let other = client_from("127.0.0.3");
    assert_eq!(
        other
            .delete(&url)
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    s.stop().await;
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_address_has_its_own_bucket() {
    let s = start(limits(2, 300, true)).await;
    let c = client();
    // The proxy appends the address it saw; anything before it is the client's own claim.
    for _ in 0..2 {
        assert_eq!(apply(&c, &s, Some("198.51.100.1")).await.status(), 201);
    }
    assert_limited(apply(&c, &s, Some("198.51.100.1")).await, 30).await;
    assert_limited(apply(&c, &s, Some("10.9.9.9, 198.51.100.1")).await, 30).await;
    assert_eq!(apply(&c, &s, Some("198.51.100.2")).await.status(), 201);
    s.stop().await;
}

#[tokio::test]
async fn limits_of_zero_are_off() {
    let s = start(limits(0, 0, false)).await;
    let c = client();
    for _ in 0..80 {
        assert_eq!(apply(&c, &s, None).await.status(), 201);
    }
    s.stop().await;
}
