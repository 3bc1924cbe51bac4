//! Real slow clients over TCP: trickled heads and bodies are cut off, idle connections close,
//! the connection cap holds, and slow connections do not starve an ordinary request.
//! Each test sets small limits in its own ServeConfig so it finishes in seconds.

use std::time::{Duration, Instant};

use opendoor_server::conn::ConnLimits;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::common::*;

async fn serve(conn: ConnLimits) -> TestServer {
    TestServer::with().config(|c| c.conn = conn).start().await
}

fn addr(s: &TestServer) -> String {
    s.base.trim_start_matches("http://").to_owned()
}

/// Writes `head` at once, then `trickle` one byte every `every`, reading all the while, until
/// the server closes the connection or `give_up` passes. Gives back what the server sent and
/// when it closed (None: still open at `give_up`).
async fn trickle(
    addr: &str,
    head: &[u8],
    trickle: &[u8],
    every: Duration,
    give_up: Duration,
) -> (String, Option<Duration>) {
    let start = Instant::now();
    let mut conn = TcpStream::connect(addr).await.unwrap();
    conn.write_all(head).await.unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let mut next = trickle.iter();
    loop {
        if start.elapsed() > give_up {
            return (String::from_utf8_lossy(&got).into_owned(), None);
        }
        tokio::select! {
            read = conn.read(&mut buf) => match read {
                Ok(0) | Err(_) => {
                    return (String::from_utf8_lossy(&got).into_owned(), Some(start.elapsed()))
                }
                Ok(n) => got.extend_from_slice(&buf[..n]),
            },
            () = tokio::time::sleep(every) => {
                if let Some(b) = next.next() {
                    // A write can fail once the server has closed; the read then says so.
                    let _ = conn.write_all(std::slice::from_ref(b)).await;
                }
            }
        }
    }
}

fn limits(header: u64, body: u64, idle: u64, max_connections: usize) -> ConnLimits {
    ConnLimits {
        header_timeout: Duration::from_secs(header),
        body_timeout: Duration::from_secs(body),
        idle_timeout: Duration::from_secs(idle),
        max_connections,
        drain: Duration::ZERO,
    }
}

#[tokio::test]
async fn a_trickled_head_is_cut_off() {
    let s = serve(limits(1, 30, 30, 1024)).await;
    let (got, closed) = trickle(
        &addr(&s),
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ",
        &[b'a'; 100],
        Duration::from_millis(200),
        Duration::from_secs(5),
    )
    .await;
    let closed = closed.expect("the server closes a head that trickles past its timeout");
    assert!(
        closed >= Duration::from_millis(900) && closed < Duration::from_secs(3),
        "{closed:?}"
    );
    assert!(!got.contains("200 OK"), "{got}");
    s.stop().await;
}

#[tokio::test]
async fn a_trickled_body_is_cut_off_with_408() {
    let s = serve(limits(30, 1, 30, 1024)).await;
    let head = format!(
        "POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nIdempotency-Key: {}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{{",
        key()
    );
    let (got, closed) = trickle(
        &addr(&s),
        head.as_bytes(),
        &[b' '; 199],
        Duration::from_millis(200),
        Duration::from_secs(5),
    )
    .await;
    assert!(got.starts_with("HTTP/1.1 408"), "{got}");
    let closed = closed.expect("and the connection closes");
    assert!(
        closed >= Duration::from_millis(900) && closed < Duration::from_secs(3),
        "{closed:?}"
    );
    s.stop().await;
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed() {
    let s = serve(limits(1, 30, 30, 1024)).await;
    let mut conn = TcpStream::connect(addr(&s)).await.unwrap();
    conn.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&got).contains("\"ok\"") {
        let n = tokio::time::timeout(Duration::from_secs(2), conn.read(&mut buf))
            .await
            .expect("an answer")
            .unwrap();
        assert!(n > 0, "kept alive after the answer");
        got.extend_from_slice(&buf[..n]);
    }
    assert!(String::from_utf8_lossy(&got).starts_with("HTTP/1.1 200"));
    let answered = Instant::now();
    let n = tokio::time::timeout(Duration::from_secs(4), conn.read(&mut buf))
        .await
        .expect("the idle connection is closed")
        .unwrap_or(0);
    assert_eq!(n, 0);
    assert!(answered.elapsed() >= Duration::from_millis(900));
    s.stop().await;
}

/// With a long head timeout, a connection that sends nothing at all is still closed by the
/// idle timeout.
#[tokio::test]
async fn a_silent_connection_is_closed_by_the_idle_timeout() {
    let s = serve(limits(30, 30, 1, 1024)).await;
    let (_, closed) = trickle(
        &addr(&s),
        b"",
        b"",
        Duration::from_millis(100),
        Duration::from_secs(5),
    )
    .await;
    let closed = closed.expect("closed");
    assert!(
        closed >= Duration::from_millis(900) && closed < Duration::from_secs(3),
        "{closed:?}"
    );
    s.stop().await;
}

#[tokio::test]
async fn the_connection_cap_holds() {
    let s = serve(limits(30, 30, 30, 3)).await;
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(TcpStream::connect(addr(&s)).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let quick = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    assert!(
        quick.get(s.url("/healthz")).send().await.is_err(),
        "a fourth connection waits while three are open"
    );
    drop(held.pop());
    let res = tokio::time::timeout(
        Duration::from_secs(3),
        client().get(s.url("/healthz")).send(),
    )
    .await
    .expect("answered once a connection closes")
    .unwrap();
    assert_eq!(res.status(), 200);
    drop(held);
    s.stop().await;
}

/// The soft limit on open files, from /proc (Linux); None elsewhere.
fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    let soft = line.split_whitespace().nth(3)?;
    if soft == "unlimited" {
        return Some(u64::MAX);
    }
    soft.parse().ok()
}

/// With the real defaults (cap 1,024, head timeout 10 s), 500 connections trickling their
/// heads do not keep an ordinary request waiting.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ordinary_request_is_answered_while_500_slow_connections_are_open() {
    const SLOW: usize = 500;
    // Both ends of each connection are in this process.
    if let Some(n) = open_files_limit() {
        assert!(
            n >= 2 * SLOW as u64 + 100,
            "this test needs about {} open files; the soft limit is {n} (raise it: ulimit -n 2048)",
            2 * SLOW + 100
        );
    }
    const { assert!(SLOW < opendoor_server::conn::DEFAULT_MAX_CONNECTIONS) };
    let s = serve(ConnLimits::default()).await;
    let mut slow = Vec::with_capacity(SLOW);
    for _ in 0..SLOW {
        let mut c = TcpStream::connect(addr(&s)).await.unwrap();
        c.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            .await
            .unwrap();
        slow.push(c);
    }
    // One more byte on each, a second apart, as a slow client would.
    for _ in 0..2 {
        tokio::time::sleep(Duration::from_secs(1)).await;
        for c in &mut slow {
            c.write_all(b"a").await.unwrap();
        }
    }
    let started = Instant::now();
    let res = tokio::time::timeout(
        Duration::from_secs(1),
        client().get(s.url("/healthz")).send(),
    )
    .await
    .expect("answered within a second")
    .unwrap();
    assert_eq!(res.status(), 200);
    assert!(started.elapsed() < Duration::from_secs(1));
    // And the slow ones were really held open, not turned away.
    let mut buf = [0u8; 16];
    for c in slow.iter_mut().step_by(50) {
        assert!(
            tokio::time::timeout(Duration::from_millis(20), c.read(&mut buf))
                .await
                .is_err(),
            "a slow connection is still open and unanswered"
        );
    }
    drop(slow);
    s.stop().await;
}
