//! Who is signed in, from the session cookie; and every state-changing request's proof that it
//! came from our own page (the session's CSRF token in the form, and a same-origin browser).
//!
//! The cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs),
//! Secure and `__Host-` prefixed when the server is served over https. Only the secret's hash is
//! stored. The CSRF token is per session and compared in constant time.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use subtle::ConstantTimeEq;

use super::page::{message_page, store_failed};
use super::Fields;
use crate::http::AppState;
use crate::store::{Person, SESSION_ABSOLUTE_SECONDS};

/// Someone signed in, with their session's CSRF token for the forms on the page.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub person: Person,
    pub csrf: String,
}

impl SignedIn {
    /// Is `sent` this session's CSRF token (compared in constant time)?
    pub fn sent_token(&self, sent: &str) -> bool {
        !sent.is_empty() && bool::from(sent.as_bytes().ct_eq(self.csrf.as_bytes()))
    }
}

/// Served over https: the cookie is Secure and `__Host-` prefixed.
pub fn secure(s: &AppState) -> bool {
    s.public_url
        .as_deref()
        .is_some_and(|u| u.to_ascii_lowercase().starts_with("https://"))
}

fn cookie_name(s: &AppState) -> &'static str {
    if secure(s) {
        "__Host-od_org"
    } else {
        "od_org"
    }
}

/// The Set-Cookie header that starts a session.
pub fn start_cookie(s: &AppState, secret: &str) -> HeaderValue {
    let v = format!(
        "{}={secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age={SESSION_ABSOLUTE_SECONDS}{}",
        cookie_name(s),
        if secure(s) { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The Set-Cookie header that ends it.
pub fn end_cookie(s: &AppState) -> HeaderValue {
    let v = format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
        cookie_name(s),
        if secure(s) { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The session cookie's secret in a request, if any.
pub fn cookie_secret(s: &AppState, headers: &HeaderMap) -> Option<String> {
    let name = cookie_name(s);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, Response> {
        let to_sign_in = || Redirect::to("/org/sign-in").into_response();
        let Some(secret) = cookie_secret(s, &parts.headers) else {
            return Err(to_sign_in());
        };
        let store = s.store.clone();
        let found = tokio::task::spawn_blocking(move || store.session(&secret))
            .await
            .map_err(|e| store_failed(&e))?
            .map_err(|e| store_failed(&e))?;
        match found {
            Some(session) => Ok(SignedIn {
                person: session.person,
                csrf: session.csrf,
            }),
            None => Err(to_sign_in()),
        }
    }
}

/// A browser sent this from a page of another site (or we cannot tell it did not).
pub fn cross_site(s: &AppState, headers: &HeaderMap) -> bool {
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if matches!(fetch_site, Some("cross-site") | Some("same-site")) {
        return true;
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        // No Origin: an older browser or a script. "null": our own pages send no referrer
        // (Referrer-Policy: no-referrer), which makes browsers send "null" on form posts.
        // Either way the CSRF token still has to match.
        None | Some("null") => false,
        Some(origin) => {
            let ours = crate::http::base_url(s, headers);
            !origin.eq_ignore_ascii_case(ours.trim_end_matches('/'))
        }
    }
}

/// The one answer to a form that did not come from our own page.
pub fn refused() -> Response {
    message_page(
        StatusCode::FORBIDDEN,
        "This form could not be accepted",
        "It came from another website, or from a page that is too old. Go back, reload the page \
         and try again. Nothing was changed.",
    )
}

/// A form posted by someone signed in, from our own page: the CSRF token matched.
pub struct Posted {
    pub who: SignedIn,
    pub form: Fields,
}

impl FromRequest<AppState> for Posted {
    type Rejection = Response;
    async fn from_request(req: Request, s: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        if cross_site(s, &parts.headers) {
            return Err(refused());
        }
        let who = SignedIn::from_request_parts(&mut parts, s).await?;
        let req = Request::from_parts(parts, body);
        let bytes = Bytes::from_request(req, s)
            .await
            .map_err(|e| e.into_response())?;
        let form = Fields::parse(&bytes).ok_or_else(refused)?;
        if !who.sent_token(form.get("csrf")) {
            return Err(refused());
        }
        Ok(Posted { who, form })
    }
}
