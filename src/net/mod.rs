//! Every HTTP request the app makes, and nothing else: `http` is the one policy (network only,
//! one timeout, one size bound, one reading of the server's error body); `feed` fetches feed
//! pages; `api` talks to the applications API. Nothing here touches IndexedDB.

pub mod api;
pub mod feed;
pub mod http;
