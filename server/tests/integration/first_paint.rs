//! The first paint over real HTTP: `/` and an opportunity's own address carry the listings as
//! HTML inside the app's index.html; revalidated files are told apart by content (ETag), so a
//! version deployed out of order or rolled back still reaches the browser.

use crate::common::*;
use serde_json::json;

const SHELL: &str = "<!DOCTYPE html><html><head><title>Open Door</title>\
    <script type=\"module\" src=\"/boot.js\"></script></head><body>\n\
    <!--first-paint-->\n<div id=\"boot\" class=\"boot\"><p id=\"boot-message\">Loading Open Door…</p></div>\n\
    <!--/first-paint-->\n</body></html>";

fn app_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("index.html"), SHELL).unwrap();
    std::fs::write(d.path().join("sw.js"), "// version 2").unwrap();
    d
}

#[tokio::test]
async fn the_list_and_one_opportunity_arrive_as_html_that_says_what_the_feed_says() {
    let app = app_dir();
    let mut hostile = listing("x", "Leeds <Trust> & Co");
    hostile["title"] = json!("<script>alert(1)</script> Carers' panel");
    let mut closed = listing("old", "Leeds Trust");
    closed["status"] = json!("closed");
    let s = TestServer::with()
        .app_dir(app.path())
        .listings(&[listing("a", "Leeds Trust"), hostile, closed])
        .start()
        .await;
    let c = client();

    let res = c.get(s.url("/")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/html; charset=utf-8");
    assert_eq!(res.headers()["cache-control"], "no-cache");
    assert!(res.headers().contains_key("etag"));
    let csp = res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let html = res.text().await.unwrap();
    assert!(
        html.contains("<title>Opportunities – Open Door</title>"),
        "{html}"
    );
    assert!(html.contains("data-first-paint=\"list\""));
    assert!(html.contains(">Opportunity a</a>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Carers' panel"));
    assert!(!html.contains("<script>alert"));
    assert!(
        !html.contains("Opportunity old"),
        "closed listings are not listed"
    );
    assert!(html.contains("2 open opportunities"));
    assert!(!html.contains("Loading Open Door"));
    assert!(
        !html.contains("<style") && !html.contains(" style="),
        "no inline style"
    );
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the app's own script tag"
    );

    // Search without script: the same words as the app's search.
    let html = c
        .get(s.url("/?q=carers"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("1 of 2 open opportunities") || html.contains("1 opportunity"),
        "{html}"
    );
    assert!(!html.contains(">Opportunity a</a>"));

    let res = c.get(s.url("/opportunities/a")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("<title>Opportunity a – Open Door</title>"));
    assert!(html.contains("<h1 id=\"listing-title\" lang=\"en\">Opportunity a</h1>"));
    assert!(html.contains("Your views change the service."));
    assert!(html.contains("href=\"/opportunities/a/apply\""));

    // A closed one still has its page; an unknown one is a 404 that says so.
    let html = c
        .get(s.url("/opportunities/old"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("This opportunity is closed."));
    let res = c.get(s.url("/opportunities/nope")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("We can't find this opportunity"));

    // The service worker's copy of the shell stays the shell: it serves every address offline.
    let html = c
        .get(s.url("/index.html"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(html, SHELL);
    // Other screens of the app get the shell too.
    let html = c
        .get(s.url("/applications"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(html, SHELL);
}

#[tokio::test]
async fn a_change_to_the_listings_changes_the_first_paint_at_once() {
    let app = app_dir();
    let s = TestServer::with()
        .app_dir(app.path())
        .listings(&[listing("a", "Leeds Trust")])
        .start()
        .await;
    let c = client();
    let first = c.get(s.url("/")).send().await.unwrap();
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let res = c
        .get(s.url("/"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);

    put_listings(&s.db, &[listing("b", "York Trust")]);
    let res = c
        .get(s.url("/"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains(">Opportunity b</a>"));
}

#[tokio::test]
async fn revalidated_files_are_told_apart_by_content_not_date() {
    let app = app_dir();
    let s = TestServer::with().app_dir(app.path()).start().await;
    let c = client();
    let res = c.get(s.url("/sw.js")).send().await.unwrap();
    let etag = res.headers()["etag"].to_str().unwrap().to_owned();
    assert!(
        etag.starts_with('"') && !etag.starts_with("W/"),
        "a strong ETag: {etag}"
    );
    let date = res.headers()["date"].to_str().unwrap().to_owned();
    let res = c
        .get(s.url("/sw.js"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
    assert_eq!(res.headers()["etag"].to_str().unwrap(), etag);

    // A rollback: older content, an older date than the browser's copy. The browser asks with
    // both validators; the date alone would say 304.
    let sw = app.path().join("sw.js");
    std::fs::write(&sw, "// version 1").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(86_400);
    std::fs::File::options()
        .write(true)
        .open(&sw)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let res = c
        .get(s.url("/sw.js"))
        .header("if-none-match", &etag)
        .header("if-modified-since", &date)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_ne!(res.headers()["etag"].to_str().unwrap(), etag);
    assert_eq!(res.text().await.unwrap(), "// version 1");
}

#[test]
fn export_static_writes_the_first_paint_for_a_static_host_and_keeps_it_in_step() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("od.db");
    let app = tmp.path().join("dist");
    let feed = tmp.path().join("feed");
    std::fs::create_dir_all(&app).unwrap();
    let mut odd = listing("has space", "Leeds Trust");
    odd["title"] = json!("Odd id");
    put_listings(
        &db,
        &[listing("a", "Leeds Trust"), listing("b", "York Trust"), odd],
    );
    let export = || {
        server_bin()
            .args(["export-static", "--db"])
            .arg(crate::common::db_arg(&db))
            .arg("--app")
            .arg(&app)
            .arg(&feed)
            .output()
            .unwrap()
    };

    // Not the app's build: a clear refusal, nothing written.
    let out = export();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is not the app's build") && err.contains("scripts/build.sh"),
        "{err}"
    );
    assert!(!app.join("index.html").exists());

    std::fs::write(app.join("shell.html"), SHELL).unwrap();
    let out = export();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("3 page(s) written"), "{said}");
    assert!(
        said.contains("1 listing(s) with ids that cannot be file names"),
        "{said}"
    );
    let index = std::fs::read_to_string(app.join("index.html")).unwrap();
    assert!(index.contains("data-first-paint=\"list\""));
    assert!(index.contains(">Opportunity a</a>") && index.contains(">Odd id</a>"));
    let a = std::fs::read_to_string(app.join("opportunities/a.html")).unwrap();
    assert!(a.contains("<h1 id=\"listing-title\" lang=\"en\">Opportunity a</h1>"));
    // The shell stays as built, for the service worker and the next export.
    assert_eq!(
        std::fs::read_to_string(app.join("shell.html")).unwrap(),
        SHELL
    );

    delete_listing(&db, "b");
    let out = export();
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 old one(s) removed"));
    assert!(!app.join("opportunities/b.html").exists());
    assert!(app.join("opportunities/a.html").exists());
}
