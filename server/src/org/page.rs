//! The page shell every organiser page shares, and the pieces many use: the GOV.UK-style error
//! summary, a field's error message, hidden CSRF fields, status names. maud escapes every value
//! it writes, so listing and applicant text is always text, never HTML.

use axum::http::header::{self, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};
use opendoor_core::application::ApplicationStatus;

use super::session::SignedIn;
use crate::store::Store;
use std::sync::Arc;

/// A message about one field: `field` is the input's id, so the summary can link to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldErr {
    pub field: String,
    pub message: String,
}

impl FieldErr {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> FieldErr {
        FieldErr {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// A whole page: title, who is signed in (for the navigation), any errors (summary first,
/// "Error: " in the title) and the main content.
pub fn page(title: &str, who: Option<&SignedIn>, errors: &[FieldErr], body: Markup) -> Markup {
    let full_title = if errors.is_empty() {
        format!("{title} – Open Door for organisations")
    } else {
        format!("Error: {title} – Open Door for organisations")
    };
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { (full_title) }
                link rel="stylesheet" href="/org/assets/org.css";
                script src="/org/assets/org.js" defer {}
            }
            body {
                a class="skip" href="#main" { "Skip to main content" }
                header class="top" {
                    p class="brand" {
                        a href="/org/listings" { "Open Door" }
                        " for organisations"
                        @if let Some(w) = who { span class="org" { " · " (w.person.org.name) } }
                    }
                    @if let Some(w) = who {
                        nav aria-label="Organiser" {
                            ul {
                                li { a href="/org/listings" { "Listings" } }
                                li { a href="/org/people" { "People" } }
                                li { a href="/org/activity" { "Activity" } }
                                li {
                                    form method="post" action="/org/sign-out" class="inline" {
                                        (csrf(w))
                                        button type="submit" class="link" { "Sign out" }
                                    }
                                }
                            }
                        }
                        p class="who" { "Signed in as " (w.person.email) " (" (w.person.role.words()) ")" }
                    }
                }
                main id="main" tabindex="-1" {
                    (error_summary(errors))
                    (body)
                }
            }
        }
    }
}

/// The hidden field that proves a form came from our page.
pub fn csrf(who: &SignedIn) -> Markup {
    html! { input type="hidden" name="csrf" value=(who.csrf); }
}

/// "There is a problem", linking to each field (GOV.UK's pattern; org.js moves focus to it).
pub fn error_summary(errors: &[FieldErr]) -> Markup {
    if errors.is_empty() {
        return html! {};
    }
    html! {
        div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" data-focus {
            h2 id="error-summary-title" { "There is a problem" }
            ul {
                @for e in errors {
                    li { a href={ "#" (e.field) } { (e.message) } }
                }
            }
        }
    }
}

/// The message beside a field, if it has one.
pub fn field_error(errors: &[FieldErr], field: &str) -> Markup {
    html! {
        @for e in errors.iter().filter(|e| e.field == field) {
            p class="field-error" id={ (field) "-error" } {
                span class="visually-hidden" { "Error: " } (e.message)
            }
        }
    }
}

/// `aria-describedby` for a field: its hint and its error, when present.
pub fn described_by(errors: &[FieldErr], field: &str, hint: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{field}-hint"));
    }
    if errors.iter().any(|e| e.field == field) {
        ids.push(format!("{field}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

pub fn has_error(errors: &[FieldErr], field: &str) -> bool {
    errors.iter().any(|e| e.field == field)
}

/// What a page says after a change, named by a key in the redirect (`?done=published`, and `n`
/// people for a bulk answer). Only our own sentences: a crafted link cannot put words on a page.
#[derive(serde::Deserialize, Default)]
pub struct Done {
    done: Option<String>,
    n: Option<String>,
}

impl Done {
    pub fn sentence(&self) -> Option<String> {
        let n = self.n.as_deref().and_then(|n| n.parse::<usize>().ok());
        let text = match self.done.as_deref()? {
            "published" => "Published. Applicants' devices get it on their next sync.",
            "draft" => "Saved as a draft. Applicants do not see it until you publish it.",
            "closed" => "Closed early. People can no longer apply.",
            "withdrawn" => "Withdrawn. It no longer shows to applicants as open.",
            "open" => "Reopened. People can apply again.",
            "impact" => "Your note on what changed is published with the listing.",
            "answered" => "Saved. They see it in Open Door next time they look.",
            "emailed" => {
                "Saved. They see it in Open Door, and we have emailed them to say there is news."
            }
            "bulk" => {
                let n = opendoor_core::words::plural(n.unwrap_or(0), "person", "people");
                return Some(format!("Saved for {n}."));
            }
            "note" => "Note saved.",
            "erased" => "Erased.",
            "invited" => "Invited. We have emailed them a sign-in link.",
            "removed" => "Removed. They can no longer sign in.",
            _ => return None,
        };
        Some(text.to_owned())
    }
}

/// The "saved" banner (`data-saved` also tells org.js that what was sent is safe).
pub fn done_banner(sentence: Option<&str>) -> Markup {
    html! {
        @if let Some(t) = sentence { div class="success" role="status" data-saved { p { (t) } } }
    }
}

/// The organisers' short name for a status.
pub fn status_name(s: ApplicationStatus) -> &'static str {
    match s {
        ApplicationStatus::Received => "Received",
        ApplicationStatus::Shortlisted => "Shortlisted",
        ApplicationStatus::Selected => "Selected",
        ApplicationStatus::NotSelected => "Not selected",
        ApplicationStatus::TookPart => "Took part",
        ApplicationStatus::Paid => "Paid",
        ApplicationStatus::Withdrawn => "Withdrawn",
    }
}

/// An HTML response that no cache keeps (pages hold personal data).
pub fn respond(status: StatusCode, markup: Markup) -> Response {
    let mut res = (status, markup.into_string()).into_response();
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    res
}

/// 200 for a page, 422 for the same page showing what was wrong with a form.
pub fn status_for(errors: &[FieldErr]) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

pub fn ok(markup: Markup) -> Response {
    respond(StatusCode::OK, markup)
}

/// A page with a heading and one paragraph (refusals, "not found", "check your email").
pub fn message_page(status: StatusCode, title: &str, text: &str) -> Response {
    respond(
        status,
        page(
            title,
            None,
            &[],
            html! { h1 { (title) } p { (text) } p { a href="/org/listings" { "Go to your listings" } } },
        ),
    )
}

pub async fn not_found() -> Response {
    message_page(
        StatusCode::NOT_FOUND,
        "Page not found",
        "There is no page at this address, or it belongs to another organisation.",
    )
}

pub fn gone_or_not_ours() -> Response {
    message_page(
        StatusCode::NOT_FOUND,
        "Not found",
        "There is nothing at this address for your organisation. It may have been removed, or \
         it may belong to another organisation.",
    )
}

/// Store work off the async threads. A failure (the database, or the task) is logged with its
/// causes and becomes the "could not be saved or shown" page.
pub async fn on_store<T, E>(
    store: &Arc<Store>,
    f: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
) -> Result<T, Response>
where
    T: Send + 'static,
    E: std::error::Error + Send + Sync + 'static,
{
    let store = store.clone();
    match tokio::task::spawn_blocking(move || f(&store)).await {
        Ok(Ok(x)) => Ok(x),
        Ok(Err(e)) => Err(store_failed(&e)),
        Err(e) => Err(store_failed(&e)),
    }
}

/// The database failed: logged with its causes; the person is told plainly that nothing was
/// saved, and that what they typed is still in their browser.
pub fn store_failed(e: &dyn std::error::Error) -> Response {
    tracing::error!(error = %crate::chain(e), "an organiser page could not reach the database");
    message_page(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Sorry, this could not be saved or shown",
        "The server could not read or write its database. Nothing was changed. What you typed \
         is kept in this browser: go back and try again in a minute.",
    )
}

/// Paragraphs of plain text (blank-line separated), as text.
pub fn paragraphs(text: &str) -> Markup {
    html! { @for p in opendoor_core::listing::paragraphs(text) { p class="pre-line" { (p) } } }
}

#[cfg(test)]
mod tests {
    use super::Done;

    #[test]
    fn only_our_own_sentences_reach_the_saved_banner() {
        let d = |done: &str, n: Option<&str>| Done {
            done: Some(done.into()),
            n: n.map(str::to_owned),
        };
        assert_eq!(
            d("bulk", Some("1")).sentence().as_deref(),
            Some("Saved for 1 person.")
        );
        assert_eq!(
            d("bulk", Some("3")).sentence().as_deref(),
            Some("Saved for 3 people.")
        );
        assert_eq!(d("note", None).sentence().as_deref(), Some("Note saved."));
        // A crafted link cannot put its own words on an organiser's page.
        assert_eq!(
            d("Your account is locked: call 0900 000 000", None).sentence(),
            None
        );
        assert_eq!(Done::default().sentence(), None);
    }
}
