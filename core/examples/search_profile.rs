//! Runs the search benchmark's work on the host, to see where the time and memory go (with
//! `valgrind --tool=callgrind` or a counting allocator), not to claim speed: the claim comes
//! from scripts/bench-search.mjs, which runs the search compiled to wasm beside its peers.
//!
//! ```sh
//! DUMP=/tmp/sb node scripts/bench-search.mjs      # writes listings.json and queries.json
//! cargo run -p opendoor-core --release --example search_profile -- /tmp/sb [reps]
//! ```
//!
//! Prints the bytes the index holds (a counting allocator, as the benchmark's wasm wrapper
//! does), then runs every query `reps` times (default 1) and prints the hits per query kind.
//! With `OUT=file`, also writes every query's ranked ids and scores there, to compare two
//! versions of the search.

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use opendoor_core::listing::Listing;
use opendoor_core::search::Index;

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);

#[allow(unsafe_code)] // a GlobalAlloc impl is unsafe by definition; it only counts and forwards
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_add(new, Ordering::Relaxed);
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        System.realloc(p, l, new)
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

#[derive(serde::Deserialize)]
struct Query {
    kind: String,
    q: String,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "/tmp/sb".to_owned());
    let reps: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let read = |f: &str| {
        std::fs::read_to_string(format!("{dir}/{f}"))
            .unwrap_or_else(|e| panic!("{dir}/{f}: {e} (make it with DUMP={dir})"))
    };
    let listings: Vec<Listing> = serde_json::from_str(&read("listings.json")).expect("listings");
    let queries: Vec<Query> = serde_json::from_str(&read("queries.json")).expect("queries");

    let before = LIVE.load(Ordering::Relaxed);
    let mut ix = Index::new();
    for l in &listings {
        ix.upsert(l);
    }
    ix.prepare();
    let bytes = LIVE.load(Ordering::Relaxed) - before;
    println!(
        "{} listings, {} stems, index {:.2} MB",
        ix.len(),
        ix.vocabulary(),
        bytes as f64 / 1048576.0
    );

    let mut hits: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for _ in 0..reps {
        for q in &queries {
            let n = ix.search(&q.q).hits.len();
            let e = hits.entry(q.kind.as_str()).or_default();
            e.0 += 1;
            e.1 += n;
        }
    }
    if std::env::var("TIMES").is_ok() {
        // Each query's best time over `reps` runs, slowest first: which queries make the p95.
        let mut t: Vec<(f64, usize, &Query)> = queries
            .iter()
            .map(|q| {
                let mut best = f64::MAX;
                let mut n = 0;
                for _ in 0..reps.max(1) {
                    let t0 = std::time::Instant::now();
                    n = ix.search(&q.q).hits.len();
                    best = best.min(t0.elapsed().as_secs_f64() * 1e3);
                }
                (best, n, q)
            })
            .collect();
        t.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (ms, n, q) in t.iter().take(30) {
            println!("{ms:.4} ms  {n:5} hits  {:9}  {}", q.kind, q.q);
        }
    }
    if let Ok(path) = std::env::var("OUT") {
        let mut out = String::new();
        for q in &queries {
            let s = ix.search_explained(&q.q);
            out += &format!("{} | all {} complete {}\n", q.q, s.all, s.complete);
            for h in &s.found.hits {
                out += &format!("  {} {}\n", h.id, h.score);
            }
            let mut w: Vec<&String> = s.found.words.iter().collect();
            w.sort();
            out += &format!("  words {w:?}\n  parts {:?}\n", s.parts);
        }
        std::fs::write(&path, out).expect("OUT");
    }
    for (kind, (runs, n)) in hits {
        println!("{kind}: {} hits per query", n / runs.max(1));
    }
}
