//! The feed cache under made-up cursors, the feed's own rate limit, and HSTS only over https.

use serde_json::Value;

use crate::common::*;

/// Made-up cursors are answered but never kept; a real `next` link is; the first page is
/// kept apart and stays cached whatever else is asked.
#[tokio::test]
async fn made_up_cursors_are_never_kept_and_the_first_page_stays_cached() {
    let listings: Vec<Value> = (0..120)
        .map(|i| listing(&format!("l{i:04}"), &format!("Org {}", i % 7)))
        .collect();
    let s = TestServer::with()
        .listings(&listings)
        .page_size(20)
        .start()
        .await;
    let c = client();
    let cache = |res: &reqwest::Response| {
        res.headers()["x-opendoor-cache"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    let first = c.get(s.url("/feed/opportunities")).send().await.unwrap();
    assert_eq!(cache(&first), "miss");
    let page: Value = first.json().await.unwrap();
    let next = page["next"].as_str().unwrap().to_owned();
    assert_eq!(cache(&c.get(&next).send().await.unwrap()), "miss");
    assert_eq!(
        cache(&c.get(&next).send().await.unwrap()),
        "hit",
        "a real next link is kept"
    );
    for i in 0..300u64 {
        let n = i.wrapping_mul(2_654_435_761) % 1_000_000_007;
        let res = c
            .get(s.url(&format!(
                "/feed/opportunities?afterTimestamp={n}&afterId=x{n:x}"
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(
            (res.status().as_u16(), cache(&res).as_str()),
            (200, "uncached")
        );
    }
    let again = c.get(s.url("/feed/opportunities")).send().await.unwrap();
    assert_eq!(cache(&again), "hit", "the real first page stays cached");
    s.stop().await;
}

#[tokio::test]
async fn the_feed_has_its_own_rate_limit() {
    let s = TestServer::with()
        .limits(opendoor_server::rate_limit::RateLimits {
            feed_per_minute: 5,
            ..opendoor_server::rate_limit::RateLimits::off()
        })
        .start()
        .await;
    let c = client();
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(
            c.get(s.url("/feed/opportunities"))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16(),
        );
    }
    assert_eq!(&statuses[..5], &[200; 5]);
    assert!(statuses[5..].iter().all(|s| *s == 429), "{statuses:?}");
    s.stop().await;
}

#[tokio::test]
async fn hsts_only_when_the_public_address_is_https() {
    for (public, hsts) in [
        (Some("https://opendoor.example.org"), true),
        (Some("http://intranet.example"), false),
        (None, false),
    ] {
        let s = TestServer::with()
            .config(|c| c.public_url = public.map(str::to_owned))
            .start()
            .await;
        let res = client().get(s.url("/healthz")).send().await.unwrap();
        assert_eq!(
            res.headers()
                .get("strict-transport-security")
                .map(|v| v.to_str().unwrap().to_owned()),
            hsts.then(|| "max-age=31536000".to_owned()),
            "{public:?}"
        );
        s.stop().await;
    }
}
