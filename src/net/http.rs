//! The one way the app makes a request. Every request:
//! - goes to the network (`cache: no-store`): with the default cache mode Chromium may answer
//!   from its HTTP cache while offline, hiding the network state;
//! - is given up after [`TIMEOUT_MS`] (patchy signal is treated as no connection);
//! - has its body read only up to [`MAX_BODY_BYTES`];
//! - has an error answer read once, through `opendoor_core::api::ErrorBody` (bounded).

use gloo_net::http::{Request, RequestBuilder};
use opendoor_core::api::ErrorBody;
use opendoor_core::feed::MAX_PAGE_BYTES;
use web_sys::{AbortController, RequestCache};

/// A request that takes longer than this is treated as no connection.
pub const TIMEOUT_MS: u32 = 20_000;
/// No answer the app reads is larger than a feed page (API answers are far smaller).
pub const MAX_BODY_BYTES: usize = MAX_PAGE_BYTES;

/// Why a request produced no answer to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NetError {
    /// No connection (or the browser refused to send).
    Offline,
    /// No full answer within `TIMEOUT_MS`.
    TimedOut,
    /// The answer says (or turned out) to be larger than `MAX_BODY_BYTES`.
    TooLarge(usize),
}

impl std::fmt::Display for NetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NetError::Offline => write!(f, "no connection"),
            NetError::TimedOut => write!(f, "no answer within {} s", TIMEOUT_MS / 1000),
            NetError::TooLarge(n) => write!(f, "the answer is {n} bytes, over the bound"),
        }
    }
}

/// The browser's own errors carry no more than "failed to fetch": nothing to keep as a source.
impl std::error::Error for NetError {}

/// A server's answer, read in full (and bounded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The server's error answer (`{"error", "message", "problems"}`), if this is one.
    pub fn error(&self) -> Option<ErrorBody> {
        (!self.ok()).then(|| ErrorBody::parse(&self.body)).flatten()
    }
}

/// The request's body, when it has one.
pub struct Body<'a> {
    pub content_type: &'a str,
    pub text: String,
}

/// Sends `req` under the policy above.
pub async fn send(req: RequestBuilder, body: Option<Body<'_>>) -> Result<Answer, NetError> {
    let controller = AbortController::new().ok();
    let req = req
        .cache(RequestCache::NoStore)
        .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    let req: Result<Request, _> = match body {
        Some(b) => req.header("Content-Type", b.content_type).body(b.text),
        None => req.build(),
    };
    let Ok(req) = req else {
        return Err(NetError::Offline);
    };
    // Dropping the timer (when this returns) cancels it.
    let _timer = controller
        .clone()
        .map(|c| gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || c.abort()));
    let aborted = || controller.as_ref().is_some_and(|c| c.signal().aborted());
    let resp = match req.send().await {
        Ok(r) => r,
        Err(_) if aborted() => return Err(NetError::TimedOut),
        Err(_) => return Err(NetError::Offline),
    };
    let header = |name: &str| resp.headers().get(name);
    if let Some(len) = header("content-length").and_then(|l| l.parse::<usize>().ok()) {
        if len > MAX_BODY_BYTES {
            return Err(NetError::TooLarge(len));
        }
    }
    let (etag, last_modified) = (header("etag"), header("last-modified"));
    let status = resp.status();
    let body = match resp.binary().await {
        Ok(b) => b,
        Err(_) if aborted() => return Err(NetError::TimedOut),
        Err(_) => return Err(NetError::Offline),
    };
    if body.len() > MAX_BODY_BYTES {
        return Err(NetError::TooLarge(body.len()));
    }
    Ok(Answer {
        status,
        etag,
        last_modified,
        body,
    })
}

/// A plain GET of one of the app's own files (a language's catalogue), under the same policy.
pub async fn get(path: &str) -> Result<Answer, NetError> {
    send(Request::get(path), None).await
}
