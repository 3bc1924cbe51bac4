//! The feed under a flood of made-up cursors, against the real binary in its own process so
//! its resident memory can be read from /proc (Linux only; elsewhere the test says so and
//! passes). Issue 11: 3,000 such requests once grew the server by 626 MB.

use std::io::BufRead;
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::*;

const REQUESTS: usize = 10_000;
const CLIENTS: usize = 4;
const MAX_GROWTH_KB: u64 = 50 * 1024;

/// Kills the server when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A small xorshift: random enough cursors without another dependency.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn cache_header(res: &reqwest::Response) -> String {
    res.headers()
        .get("x-opendoor-cache")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_made_up_cursors_keep_memory_flat_and_the_first_page_cached() {
    if rss_kb(std::process::id()).is_none() {
        eprintln!("no /proc here: resident memory cannot be read, skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("od.db");
    // Full pages of 20 listings (about 20 KB each): 10,000 of them kept would be ~200 MB.
    let listings: Vec<Value> = (0..60)
        .map(|i| listing(&format!("l{i:04}"), &format!("Org {}", i % 7)))
        .collect();
    put_listings(&db, &listings);
    let mut child = server_bin()
        .args(["serve", "--listen", "127.0.0.1:0", "--page-size", "20"])
        .arg("--db")
        .arg(crate::common::db_arg(&db))
        .arg("--app")
        .arg(dir.path().join("no-app"))
        // The flood is from one address; the rate limit has its own test.
        .args(["--feed-per-minute", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the server binary starts");
    let stderr = child.stderr.take().expect("stderr");
    let server = Running(child);
    // Its log says where it listens; the rest of the log is drained so it never blocks.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if let Some(at) = line.find("serving on http://") {
                let rest = &line[at + "serving on ".len()..];
                let url = rest.split_whitespace().next().unwrap_or_default();
                let _ = tx.send(url.to_owned());
            }
        }
    });
    let base = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the server says where it listens");
    let pid = server.0.id();
    let c = client();
    let first = c
        .get(format!("{base}/feed/opportunities"))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 200);
    let page: Value = first.json().await.unwrap();
    let next_url = page["next"].as_str().unwrap().to_owned();
    c.get(&next_url).send().await.unwrap();
    let before = rss_kb(pid).expect("VmRSS");

    let started = Instant::now();
    let sent = Arc::new(AtomicUsize::new(0));
    let mut clients = Vec::new();
    for n in 0..CLIENTS {
        let (c, base, sent) = (client(), base.clone(), sent.clone());
        clients.push(tokio::spawn(async move {
            let mut seed = 0x9E37_79B9_7F4A_7C15u64 ^ (n as u64 + 1);
            for i in 0..REQUESTS / CLIENTS {
                let r = next(&mut seed);
                // A timestamp below every listing's, so each answer is a full page; ids
                // that name no listing, so no two requests share a real position.
                let url = format!(
                    "{base}/feed/opportunities?afterTimestamp={}&afterId=x{:016x}",
                    r % 1_000_000,
                    next(&mut seed)
                );
                // Every form of the page: plain, gzip and brotli.
                let enc = ["identity", "gzip", "br"][i % 3];
                let res = c
                    .get(&url)
                    .header("accept-encoding", enc)
                    .send()
                    .await
                    .expect("answered");
                assert_eq!(res.status(), 200);
                assert_eq!(cache_header(&res), "uncached");
                res.bytes().await.expect("the body");
                sent.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    for t in clients {
        tokio::time::timeout(Duration::from_secs(600), t)
            .await
            .expect("the flood finishes in time")
            .unwrap();
    }
    let after = rss_kb(pid).expect("VmRSS");
    let took = started.elapsed();
    let growth = after.saturating_sub(before);
    eprintln!(
        "{} made-up cursors in {took:.1?}: resident memory {before} kB -> {after} kB, growth {growth} kB",
        sent.load(Ordering::Relaxed)
    );
    assert_eq!(sent.load(Ordering::Relaxed), REQUESTS);
    assert!(
        growth < MAX_GROWTH_KB,
        "resident memory grew by {growth} kB"
    );
    let again = c
        .get(format!("{base}/feed/opportunities"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        cache_header(&again),
        "hit",
        "the real first page stays cached"
    );
    let again = c.get(&next_url).send().await.unwrap();
    assert_eq!(cache_header(&again), "hit", "and so does a real next page");
    drop(server);
}
