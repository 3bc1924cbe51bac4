//! Signing in by a one-time link sent by email, and signing out.
//!
//! Opening a link only shows a "Sign in" button: mail scanners and link previews fetch links,
//! and must not use up (or sign in with) a single-use link. The button's POST uses it.

use axum::extract::{Path, State};
use axum::http::header::{self, HeaderMap};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

use super::page::{field_error, ok, on_store, page, respond, FieldErr};
use super::session::{
    cookie_secret, cross_site, end_cookie, refused, start_cookie, Posted, SignedIn,
};
use super::{link_url, Fields};
use crate::http::{base_url, AppState};
use crate::mail::sign_in_email;
use crate::store::{normalise_email, LinkState, LINK_SECONDS};

/// Links a person may have waiting at once; asking for more sends nothing.
const MAX_LIVE_LINKS: i64 = 5;

pub async fn home(who: Result<SignedIn, Response>) -> Response {
    match who {
        Ok(_) => Redirect::to("/org/listings").into_response(),
        Err(_) => Redirect::to("/org/sign-in").into_response(),
    }
}

fn sign_in_page(
    status: StatusCode,
    email: &str,
    errors: &[FieldErr],
    note: Option<&str>,
) -> Response {
    respond(
        status,
        page(
            "Sign in",
            None,
            errors,
            html! {
                h1 { "Sign in" }
                p { "For people who publish opportunities and answer applicants. We'll email you a link that signs you in. It works once, for 15 minutes." }
                @if let Some(n) = note { p class="notice" role="status" { (n) } }
                form method="post" action="/org/sign-in" novalidate {
                    div class={ "field" @if !errors.is_empty() { " has-error" } } {
                        label for="email" { "Your work email address" }
                        (field_error(errors, "email"))
                        input id="email" name="email" type="email" autocomplete="email" spellcheck="false"
                            value=(email) aria-describedby=[(!errors.is_empty()).then_some("email-error")]
                            aria-invalid=[(!errors.is_empty()).then_some("true")];
                    }
                    button type="submit" { "Email me a link" }
                }
                p { "Looking for opportunities to take part? " a href="/" { "Go to Open Door" } "." }
            },
        ),
    )
}

pub async fn form() -> Response {
    sign_in_page(StatusCode::OK, "", &[], None)
}

/// Emails a link to everyone invited with this address. The answer is the same whether or
/// not the address is known, so the page cannot be used to find out who is an organiser.
pub async fn request(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if cross_site(&s, &headers) {
        return refused();
    }
    let form = Fields::parse(&body).unwrap_or_default();
    let typed = form.get("email").trim().to_owned();
    let Some(email) = normalise_email(&typed) else {
        let msg = if typed.is_empty() {
            "Enter your email address"
        } else {
            "Enter an email address like name@example.org"
        };
        return sign_in_page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &typed,
            &[FieldErr::new("email", msg)],
            None,
        );
    };
    let Some(mailer) = s.mailer.clone() else {
        return sign_in_page(
            StatusCode::SERVICE_UNAVAILABLE,
            &typed,
            &[],
            Some("This server cannot send email yet. Ask the person who runs Open Door for a sign-in link (they can make one with: opendoor-server organiser link YOUR-EMAIL)."),
        );
    };
    let base = base_url(&s, &headers);
    let made = on_store(
        &s.store,
        move |store| -> crate::store::Result<Vec<(String, String, String)>> {
            let mut out = Vec::new();
            for person in store.people_with_email(&email)? {
                // Asking again and again does not flood their inbox: at most 5 live links.
                if store.live_links(&person)? >= MAX_LIVE_LINKS {
                    continue;
                }
                let token = store.new_sign_in_link(&person)?;
                out.push((
                    person.email.clone(),
                    person.org.name.clone(),
                    link_url(&base, &token),
                ));
                store.audit(
                    &person.org.org_key,
                    &person.email,
                    "person.sign-in-link",
                    &person.email,
                    "",
                )?;
            }
            Ok(out)
        },
    )
    .await;
    let links = match made {
        Ok(l) => l,
        Err(r) => return r,
    };
    // Sent in the background: the answer takes the same time whether or not anyone was found.
    tokio::spawn(async move {
        for (to, org, link) in links {
            let (subject, body) = sign_in_email(&org, &link, LINK_SECONDS / 60);
            if let Err(e) = mailer.send(&to, &subject, &body).await {
                tracing::warn!(error = %crate::chain(&e), "a sign-in email could not be sent");
            }
        }
    });
    respond(
        StatusCode::OK,
        page(
            "Check your email",
            None,
            &[],
            html! {
                h1 { "Check your email" }
                p { "If " strong { (typed) } " belongs to someone invited to Open Door, we have sent a link to sign in. It works once, for 15 minutes." }
                p { "Nothing there after a few minutes? Check your spam folder, or " a href="/org/sign-in" { "ask for another link" } "." }
            },
        ),
    )
}

fn link_problem(state: &LinkState) -> Response {
    let (title, text) = match state {
        LinkState::Expired => ("This sign-in link has expired", "Links work for 15 minutes. Ask for a new one below."),
        LinkState::Used => ("This sign-in link has already been used", "Each link works once. If that was not you, tell your organisation's admin. Ask for a new link below."),
        _ => ("This sign-in link does not work", "It may have been copied wrongly, or your access may have been removed. Ask for a new link below."),
    };
    respond(
        StatusCode::GONE,
        page(
            title,
            None,
            &[],
            html! {
                h1 { (title) }
                p { (text) }
                p { a href="/org/sign-in" { "Get a new sign-in link" } }
            },
        ),
    )
}

fn valid_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

pub async fn confirm(State(s): State<AppState>, Path(token): Path<String>) -> Response {
    if !valid_token(&token) {
        return link_problem(&LinkState::Unknown);
    }
    let state = match on_store(&s.store, move |store| store.sign_in_link(&token)).await {
        Ok(st) => st,
        Err(r) => return r,
    };
    let LinkState::Valid(person) = state else {
        return link_problem(&state);
    };
    ok(page(
        "Sign in",
        None,
        &[],
        html! {
            h1 { "Sign in to Open Door" }
            p { "You are signing in as " strong { (person.email) } " for " strong { (person.org.name) } "." }
            form method="post" {
                button type="submit" { "Sign in" }
            }
        },
    ))
}

pub async fn use_link(
    State(s): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    if cross_site(&s, &headers) {
        return refused();
    }
    if !valid_token(&token) {
        return link_problem(&LinkState::Unknown);
    }
    let used = on_store(&s.store, move |store| {
        let (state, session) = store.use_sign_in_link(&token)?;
        if let Some(n) = &session {
            store.audit(
                &n.person.org.org_key,
                &n.person.email,
                "person.sign-in",
                &n.person.email,
                "",
            )?;
        }
        Ok::<_, crate::store::StoreError>((state, session))
    })
    .await;
    let (state, session) = match used {
        Ok(x) => x,
        Err(r) => return r,
    };
    match session {
        Some(n) => {
            let mut res = Redirect::to("/org/listings").into_response();
            res.headers_mut()
                .insert(header::SET_COOKIE, start_cookie(&s, &n.secret));
            res
        }
        None => link_problem(&state),
    }
}

pub async fn sign_out(State(s): State<AppState>, headers: HeaderMap, posted: Posted) -> Response {
    let secret = cookie_secret(&s, &headers);
    let who = posted.who.person.clone();
    let done = on_store(&s.store, move |store| {
        if let Some(sec) = secret {
            store.end_session(&sec)?;
        }
        store.audit(
            &who.org.org_key,
            &who.email,
            "person.sign-out",
            &who.email,
            "",
        )
    })
    .await;
    if let Err(r) = done {
        return r;
    }
    let mut res = respond(
        StatusCode::OK,
        page(
            "Signed out",
            None,
            &[],
            html! {
                h1 data-signed-out { "You have signed out" }
                p { a href="/org/sign-in" { "Sign in again" } }
            },
        ),
    );
    res.headers_mut().insert(header::SET_COOKIE, end_cookie(&s));
    res
}
