//! Per-client rate limits: a token bucket per client address, in memory, with a cap on how many
//! clients are tracked (the oldest are forgotten first), answering `429` with `Retry-After`.
//!
//! A client is its peer address; an IPv6 client is its /64 (one household or device usually has a
//! whole /64). Behind a reverse proxy, `--trust-proxy` takes the address the proxy appended to
//! `X-Forwarded-For` (the last entry: the one hop we trust). Without the flag the header is ignored,
//! since anyone can send it.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
// Buckets refill by monotonic time, not by `clock::Clock`: a refill must never run backwards
// or jump when the wall clock is stepped, and tests drive `Limiter::check` with their own
// `Instant`s. Nothing here is stored or shown as a date.
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use opendoor_core::api::{ErrorBody, ErrorCode};

/// The limits `serve` applies. A limit of 0 is off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimits {
    /// Application POSTs per minute per client.
    pub applications_per_minute: u32,
    /// Applicant status requests (GET and DELETE /api/v1/applications/{id}) per minute per client.
    pub status_per_minute: u32,
    /// Feed page requests per minute per client.
    pub feed_per_minute: u32,
    /// How many clients each limit tracks at most.
    pub max_clients: usize,
    /// Take the client's address from X-Forwarded-For (the entry the proxy added).
    pub trust_proxy: bool,
}

pub const DEFAULT_APPLICATIONS_PER_MINUTE: u32 = 60;
pub const DEFAULT_STATUS_PER_MINUTE: u32 = 300;
/// A device syncing reads a handful of pages; 600 a minute lets a whole drop-in centre behind
/// one address sync at once, and still stops one client from rendering pages without end.
pub const DEFAULT_FEED_PER_MINUTE: u32 = 600;
pub const DEFAULT_MAX_CLIENTS: usize = 10_000;

impl Default for RateLimits {
    /// Generous enough for a drop-in centre where everyone shares one address.
    fn default() -> Self {
        RateLimits {
            applications_per_minute: DEFAULT_APPLICATIONS_PER_MINUTE,
            status_per_minute: DEFAULT_STATUS_PER_MINUTE,
            feed_per_minute: DEFAULT_FEED_PER_MINUTE,
            max_clients: DEFAULT_MAX_CLIENTS,
            trust_proxy: false,
        }
    }
}

impl RateLimits {
    /// No limits (benchmarks, most tests).
    pub fn off() -> Self {
        RateLimits {
            applications_per_minute: 0,
            status_per_minute: 0,
            feed_per_minute: 0,
            ..RateLimits::default()
        }
    }
}

/// A client's bucket. Tokens are counted in nanoseconds of credit (one request costs
/// `interval`), so the arithmetic is exact.
#[derive(Clone, Copy, Debug)]
struct Bucket {
    credit: u64,
    last: Instant,
}

/// One limit: `per_minute` requests a minute per client, in bursts of up to `per_minute`.
#[derive(Debug)]
pub struct Limiter {
    /// Nanoseconds per request: the time one token takes to come back.
    interval: u64,
    /// A full bucket: `per_minute` tokens.
    capacity: u64,
    max_clients: usize,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

impl Limiter {
    /// None when the limit is off (0).
    pub fn new(per_minute: u32, max_clients: usize) -> Option<Limiter> {
        (per_minute > 0).then(|| {
            let interval = 60_000_000_000 / u64::from(per_minute);
            Limiter {
                interval,
                capacity: interval * u64::from(per_minute),
                max_clients: max_clients.max(1),
                buckets: Mutex::new(HashMap::new()),
            }
        })
    }

    fn refilled(&self, b: Bucket, now: Instant) -> u64 {
        let elapsed = now.saturating_duration_since(b.last).as_nanos();
        let elapsed = u64::try_from(elapsed).unwrap_or(u64::MAX);
        b.credit.saturating_add(elapsed).min(self.capacity)
    }

    /// Takes one token for `client`; Err(seconds to wait) when there is none.
    pub fn check(&self, client: IpAddr, now: Instant) -> Result<(), u64> {
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if !buckets.contains_key(&client) && buckets.len() >= self.max_clients {
            self.make_room(&mut buckets, now);
        }
        let bucket = buckets.entry(client).or_insert(Bucket {
            credit: self.capacity,
            last: now,
        });
        let credit = self.refilled(*bucket, now);
        if credit >= self.interval {
            *bucket = Bucket {
                credit: credit - self.interval,
                last: now,
            };
            Ok(())
        } else {
            *bucket = Bucket { credit, last: now };
            Err((self.interval - credit).div_ceil(1_000_000_000).max(1))
        }
    }

    /// Forgets clients whose buckets are full again (they lose nothing), and if that is not
    /// enough, the one seen longest ago.
    fn make_room(&self, buckets: &mut HashMap<IpAddr, Bucket>, now: Instant) {
        buckets.retain(|_, b| self.refilled(*b, now) < self.capacity);
        if buckets.len() >= self.max_clients {
            if let Some(oldest) = buckets
                .iter()
                .min_by_key(|(_, b)| b.last)
                .map(|(ip, _)| *ip)
            {
                buckets.remove(&oldest);
            }
        }
    }

    /// How many clients are tracked now.
    pub fn tracked(&self) -> usize {
        self.buckets.lock().map(|b| b.len()).unwrap_or(0)
    }
}

/// A limit as a layer's state.
#[derive(Clone)]
pub struct Guard {
    pub limiter: Arc<Limiter>,
    pub trust_proxy: bool,
}

/// The client's key: its address; IPv6 by its /64; IPv4-mapped IPv6 as IPv4.
pub fn client_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// Who is asking: the peer address, or with `trust_proxy` the last X-Forwarded-For entry.
pub fn client_address(headers: &HeaderMap, peer: Option<IpAddr>, trust_proxy: bool) -> IpAddr {
    let forwarded = || {
        headers
            .get_all("x-forwarded-for")
            .iter()
            .next_back()?
            .to_str()
            .ok()?
            .rsplit(',')
            .next()?
            .trim()
            .parse::<IpAddr>()
            .ok()
    };
    let from_proxy = if trust_proxy { forwarded() } else { None };
    client_key(
        from_proxy
            .or(peer)
            .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED)),
    )
}

/// The 429 answer.
pub fn too_many(wait: u64) -> Response {
    let body = ErrorBody::new(
        ErrorCode::RateLimited,
        format!("Too many requests from this connection. Wait {wait} seconds and try again."),
    );
    let mut res = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
    let h = res.headers_mut();
    h.insert(header::RETRY_AFTER, HeaderValue::from(wait));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Middleware: one token per request, or 429.
pub async fn enforce(State(guard): State<Guard>, req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let client = client_address(req.headers(), peer, guard.trust_proxy);
    match guard.limiter.check(client, Instant::now()) {
        Ok(()) => next.run(req).await,
        Err(wait) => too_many(wait),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn a_burst_then_a_wait_then_more() {
        let l = Limiter::new(60, 100).unwrap();
        let t = Instant::now();
        for _ in 0..60 {
            assert_eq!(l.check(ip("10.0.0.1"), t), Ok(()));
        }
        assert_eq!(
            l.check(ip("10.0.0.1"), t),
            Err(1),
            "one a second comes back"
        );
        // Another client is not affected.
        assert_eq!(l.check(ip("10.0.0.2"), t), Ok(()));
        // A second later there is one more.
        let t1 = t + Duration::from_millis(1_000);
        assert_eq!(l.check(ip("10.0.0.1"), t1), Ok(()));
        assert!(l.check(ip("10.0.0.1"), t1).is_err());
        // A minute later, the whole burst again.
        let t2 = t1 + Duration::from_secs(60);
        for _ in 0..60 {
            assert_eq!(l.check(ip("10.0.0.1"), t2), Ok(()));
        }
        assert!(l.check(ip("10.0.0.1"), t2).is_err());
    }

    #[test]
    fn retry_after_is_how_long_until_the_next_token() {
        let l = Limiter::new(2, 10).unwrap(); // one every 30 seconds
        let t = Instant::now();
        assert!(l.check(ip("10.0.0.1"), t).is_ok());
        assert!(l.check(ip("10.0.0.1"), t).is_ok());
        assert_eq!(l.check(ip("10.0.0.1"), t), Err(30));
        assert_eq!(
            l.check(ip("10.0.0.1"), t + Duration::from_secs(20)),
            Err(10)
        );
        assert!(l.check(ip("10.0.0.1"), t + Duration::from_secs(30)).is_ok());
    }

    #[test]
    fn zero_is_off() {
        assert!(Limiter::new(0, 10).is_none());
    }

    #[test]
    fn memory_is_bounded_and_the_oldest_go_first() {
        let l = Limiter::new(5, 3).unwrap();
        let t = Instant::now();
        for (i, c) in ["10.0.0.1", "10.0.0.2", "10.0.0.3"].iter().enumerate() {
            for _ in 0..5 {
                let _ = l.check(ip(c), t + Duration::from_millis(i as u64));
            }
        }
        assert_eq!(l.tracked(), 3);
        // A fourth client: the one seen longest ago is forgotten.
        assert!(l
            .check(ip("10.0.0.4"), t + Duration::from_millis(10))
            .is_ok());
        assert_eq!(l.tracked(), 3);
        assert!(
            l.check(ip("10.0.0.1"), t + Duration::from_millis(11))
                .is_ok(),
            "forgotten, so fresh"
        );
        assert!(
            l.check(ip("10.0.0.3"), t + Duration::from_millis(12))
                .is_err(),
            "still limited"
        );
        for i in 0..10_000u32 {
            let _ = l.check(IpAddr::from(i.to_be_bytes()), t + Duration::from_millis(20));
        }
        assert_eq!(l.tracked(), 3);
    }

    #[test]
    fn who_the_client_is() {
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.9, 198.51.100.7"),
        );
        let peer = Some(ip("127.0.0.1"));
        assert_eq!(
            client_address(&h, peer, false),
            ip("127.0.0.1"),
            "not trusted by default"
        );
        assert_eq!(
            client_address(&h, peer, true),
            ip("198.51.100.7"),
            "the hop the proxy added"
        );
        h.insert("x-forwarded-for", HeaderValue::from_static("junk"));
        assert_eq!(client_address(&h, peer, true), ip("127.0.0.1"));
        assert_eq!(
            client_address(&HeaderMap::new(), None, false),
            ip("0.0.0.0")
        );
        assert_eq!(
            client_address(&HeaderMap::new(), Some(ip("2001:db8:1:2:3:4:5:6")), false),
            ip("2001:db8:1:2::")
        );
        assert_eq!(
            client_address(&HeaderMap::new(), Some(ip("::ffff:192.0.2.1")), false),
            ip("192.0.2.1")
        );
    }
}
