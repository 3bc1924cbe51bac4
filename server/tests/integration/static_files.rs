use crate::common::*;

fn app_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::write(
        p.join("index.html"),
        "<!doctype html><title>Open Door</title>",
    )
    .unwrap();
    std::fs::write(p.join("sw.js"), "self.addEventListener('fetch', () => {});").unwrap();
    std::fs::write(p.join("manifest.webmanifest"), "{\"name\": \"Open Door\"}").unwrap();
    std::fs::write(p.join("opendoor-3f2a9c0d1e2b4a5f_bg.wasm"), vec![0u8; 4096]).unwrap();
    std::fs::write(
        p.join("opendoor-3f2a9c0d1e2b4a5f.js"),
        "export default 1;".repeat(200),
    )
    .unwrap();
    std::fs::write(
        p.join("style-0123456789abcdef.css"),
        "body { color: black; }".repeat(100),
    )
    .unwrap();
    std::fs::create_dir_all(p.join("feed")).unwrap();
    std::fs::write(
        p.join("feed/page-1.json"),
        "{\"items\": [], \"next\": \"page-1.json\"}",
    )
    .unwrap();
    std::fs::create_dir_all(p.join("icons")).unwrap();
    std::fs::write(p.join("icons/icon-192.png"), [0x89, b'P', b'N', b'G']).unwrap();
    d
}

#[tokio::test]
async fn serves_the_app_with_caching_spa_fallback_compression_and_security_headers() {
    let app = app_dir();
    let s = TestServer::with().app_dir(app.path()).start().await;
    let c = client();
    let get = |path: &str| c.get(s.url(path)).send();

    for (path, cache) in [
        ("/", "no-cache"),
        ("/index.html", "no-cache"),
        ("/sw.js", "no-cache"),
        ("/manifest.webmanifest", "no-cache"),
        (
            "/opendoor-3f2a9c0d1e2b4a5f_bg.wasm",
            "public, max-age=31536000, immutable",
        ),
        (
            "/opendoor-3f2a9c0d1e2b4a5f.js",
            "public, max-age=31536000, immutable",
        ),
        (
            "/style-0123456789abcdef.css",
            "public, max-age=31536000, immutable",
        ),
        ("/feed/page-1.json", "no-cache"),
        ("/icons/icon-192.png", "no-cache"),
        ("/applications/abc", "no-cache"),
    ] {
        let res = get(path).await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        let h = res.headers();
        assert_eq!(h["cache-control"], cache, "{path}");
        assert!(h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'self' 'wasm-unsafe-eval'"));
        assert!(!h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("unsafe-inline"));
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["referrer-policy"], "no-referrer");
        assert!(h["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("geolocation=(self)"));
    }
    let res = get("/opendoor-3f2a9c0d1e2b4a5f_bg.wasm").await.unwrap();
    assert_eq!(res.headers()["content-type"], "application/wasm");
    // SPA deep links get index.html; unknown files, /api/ and /feed/ paths do not.
    assert!(get("/applications/abc")
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .contains("Open Door"));
    assert_eq!(get("/nothing-here.js").await.unwrap().status(), 404);
    assert_eq!(get("/feed/nothing").await.unwrap().status(), 404);
    let res = get("/api/v2/nothing").await.unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["error"],
        "not-found"
    );
    // Revalidation of unhashed files: by content (tests/integration/first_paint.rs has the
    // rollback), never by date alone.
    let res = get("/sw.js").await.unwrap();
    assert!(!res.headers().contains_key("last-modified"));
    let etag = res.headers()["etag"].to_str().unwrap().to_owned();
    let res = c
        .get(s.url("/sw.js"))
        .header("If-None-Match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
    // Compression.
    for enc in ["br", "gzip"] {
        let res = reqwest::Client::builder()
            .no_proxy()
            .build()
            .unwrap()
            .get(s.url("/opendoor-3f2a9c0d1e2b4a5f.js"))
            .header("Accept-Encoding", enc)
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["content-encoding"], enc);
    }
    let res = c
        .get(s.url("/feed/opportunities"))
        .header("Accept-Encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-encoding"], "br");
    // Health.
    let res = get("/healthz").await.unwrap();
    assert_eq!(res.status(), 200);
    s.stop().await;
}

#[test]
fn hashed_asset_names() {
    use opendoor_server::http::is_hashed_asset;
    assert!(is_hashed_asset("/opendoor-3f2a9c0d1e2b4a5f_bg.wasm"));
    assert!(is_hashed_asset("/opendoor-3f2a9c0d1e2b4a5f.js"));
    assert!(is_hashed_asset("/x/style-0123456789abcdef0123.css"));
    assert!(!is_hashed_asset("/index.html"));
    assert!(!is_hashed_asset("/sw.js"));
    assert!(!is_hashed_asset("/icons/icon-192.png"));
    assert!(!is_hashed_asset("/opendoor-3F2A9C0D1E2B4A5F.js"));
    assert!(!is_hashed_asset("/opendoor-3f2a9c0d1e2b4a5.js"));
}
