use opendoor_core::feed::{parse_page, Item};
use serde_json::Value;

use crate::common::*;

/// Walks the live feed with the app's own parser; returns the items and the page count.
pub async fn walk(c: &reqwest::Client, first: &str) -> (Vec<Item>, usize) {
    let mut url = first.to_owned();
    let mut items = Vec::new();
    let mut pages = 0;
    loop {
        let res = c.get(&url).send().await.unwrap();
        assert_eq!(res.status(), 200);
        let page =
            parse_page(&res.bytes().await.unwrap()).expect("the app's parser accepts the page");
        assert!(page.skipped.is_empty());
        pages += 1;
        let done = page.items.is_empty();
        items.extend(page.items);
        if done {
            assert_eq!(page.next, url, "the last page links to itself");
            return (items, pages);
        }
        assert!(page.next.starts_with("http://"), "next is absolute");
        url = page.next;
        assert!(pages < 100);
    }
}

#[tokio::test]
async fn feed_pages_order_tombstones_etags_and_caching() {
    let s = TestServer::with().page_size(10).start().await;
    let db = s.db.clone();
    let c = client();
    // Empty feed: one empty page linking to itself.
    let (items, pages) = walk(&c, &s.url("/feed/opportunities")).await;
    assert_eq!((items.len(), pages), (0, 1));

    let many: Vec<Value> = (0..25)
        .map(|i| listing(&format!("l{i:02}"), "Org A"))
        .collect();
    put_listings(&db, &many);
    let mut changed = listing("l03", "Org A");
    changed["title"] = "Changed".into();
    put_listings(&db, &[changed]);
    delete_listing(&db, "l07");
    let (items, pages) = walk(&c, &s.url("/feed/opportunities")).await;
    assert_eq!(items.len(), 25);
    assert_eq!(pages, 4, "10 + 10 + 5 items, then the empty last page");
    let keys: Vec<(i64, String)> = items
        .iter()
        .map(|i| (i.modified(), i.id().to_owned()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "ordered by modified then id");
    match &items[24] {
        Item::Deleted { id, .. } => assert_eq!(id, "l07"),
        other => panic!("expected the tombstone last, got {other:?}"),
    }
    match &items[23] {
        Item::Updated { listing, .. } => assert_eq!(
            (listing.id.as_str(), listing.title.as_str()),
            ("l03", "Changed")
        ),
        other => panic!("{other:?}"),
    }

    // ETag, 304, Cache-Control.
    let res = c.get(s.url("/feed/opportunities")).send().await.unwrap();
    assert_eq!(res.headers()["cache-control"], "public, max-age=3600");
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let etag = res.headers()["etag"].to_str().unwrap().to_owned();
    assert!(
        etag.starts_with('"') && !etag.starts_with("W/"),
        "strong ETag: {etag}"
    );
    let body: Value = res.json().await.unwrap();
    let res = c
        .get(s.url("/feed/opportunities"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
    assert_eq!(res.headers()["etag"].to_str().unwrap(), etag);
    let res = c
        .get(s.url("/feed/opportunities"))
        .header("If-None-Match", "\"other\", ".to_owned() + &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
    let res = c
        .get(s.url("/feed/opportunities"))
        .header("If-None-Match", "\"other\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // Compressed forms: their own strong ETags, the same content, and any of them revalidates.
    let plain = c
        .get(s.url("/feed/opportunities"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let res = c
        .get(s.url("/feed/opportunities"))
        .header("Accept-Encoding", "gzip, br;q=0")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip");
    assert_eq!(res.headers()["vary"], "accept-encoding");
    let gz_etag = res.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(gz_etag, format!("{}-gzip\"", etag.trim_end_matches('"')));
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&res.bytes().await.unwrap()[..]),
        &mut unzipped,
    )
    .unwrap();
    assert_eq!(unzipped, plain);
    let res = c
        .get(s.url("/feed/opportunities"))
        .header("Accept-Encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-encoding"], "br");
    let mut unbr = Vec::new();
    brotli::BrotliDecompress(&mut &res.bytes().await.unwrap()[..], &mut unbr).unwrap();
    assert_eq!(unbr, plain);
    let res = c
        .get(s.url("/feed/opportunities"))
        .header("If-None-Match", &gz_etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
    // The last page is short-lived in caches.
    let last = {
        let mut url = body["next"].as_str().unwrap().to_owned();
        loop {
            let v: Value = c.get(&url).send().await.unwrap().json().await.unwrap();
            if v["items"].as_array().unwrap().is_empty() {
                break url;
            }
            url = v["next"].as_str().unwrap().to_owned();
        }
    };
    let res = c.get(&last).send().await.unwrap();
    assert_eq!(res.headers()["cache-control"], "public, max-age=8");
    // A change changes the first page's ETag.
    let mut changed = listing("l00", "Org A");
    changed["title"] = "Changed again".into();
    put_listings(&db, &[changed]);
    let res = c
        .get(s.url("/feed/opportunities"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // The new item shows up on what was the last page.
    let v: Value = c.get(&last).send().await.unwrap().json().await.unwrap();
    assert_eq!(v["items"][0]["id"], "l00");

    // Bad cursors.
    for q in [
        "?afterTimestamp=1",
        "?afterId=x",
        "?afterTimestamp=abc&afterId=x",
        "?afterTimestamp=1&afterId=",
    ] {
        let res = c
            .get(s.url(&format!("/feed/opportunities{q}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "{q}");
    }
    s.stop().await;
}

#[tokio::test]
async fn the_rpde_validator_passes_the_live_feed() {
    let root = repo_root();
    let validator = root.join("node_modules/@openactive/rpde-validator");
    if !validator.exists() {
        if std::env::var_os("OPENDOOR_SKIP_RPDE_VALIDATOR").is_some() {
            eprintln!("SKIPPED: OPENDOOR_SKIP_RPDE_VALIDATOR is set");
            return;
        }
        panic!("the RPDE validator is not installed: run `npm install` (or `npm ci`) at the repository root");
    }
    let s = TestServer::with().page_size(7).start().await;
    let db = s.db.clone();
    let many: Vec<Value> = (0..30)
        .map(|i| listing(&format!("l{i:02}"), "Org A"))
        .collect();
    put_listings(&db, &many);
    delete_listing(&db, "l05");
    let url = s.url("/feed/opportunities");
    let (script, dir_) = (root.join("tests/server/rpde-validate.cjs"), root.clone());
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new("node")
            .arg(script)
            .arg(&url)
            .current_dir(dir_)
            .output()
    })
    .await
    .unwrap()
    .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.status.success(),
        "the RPDE validator found failures:\n{stdout}"
    );
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert!(report["pages"].as_u64().unwrap() >= 5, "it walked the feed");
    // Only the advice that pages should hold 500 items, and that data is not OpenActive's own
    // vocabulary, is acceptable.
    // The validator also checks the walked last page against the rule for full pages (an hour's
    // max-age); the last page rightly says 8 seconds, which its own last-page check requires.
    let last_pages: Vec<&str> = report["failures"]
        .as_array()
        .unwrap()
        .iter()
        .chain(report["warnings"].as_array().unwrap())
        .filter(|w| w["message"].as_str().unwrap_or("").contains("max-age=8"))
        .map(|w| w["url"].as_str().unwrap())
        .collect();
    assert!(
        last_pages.len() <= 1,
        "only the last page may be short-lived: {last_pages:?}"
    );
    for w in report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .chain(report["notices"].as_array().unwrap())
    {
        if w["message"].as_str().unwrap_or("").contains("max-age=8") {
            continue;
        }
        let t = w["type"].as_str().unwrap_or("");
        assert!(
            [
                "minimum_items_per_page",
                "no_modelling_data",
                "has_modelling_data"
            ]
            .contains(&t),
            "unexpected warning: {w}"
        );
    }
    s.stop().await;
}
