//! Colleagues (admins invite and remove them) and the organisation's activity (the audit
//! trail).

use axum::extract::{Path, Query, State};
use axum::http::header::HeaderMap;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

use super::link_url;
use super::page::{
    done_banner, field_error, message_page, ok, on_store, page, respond, status_for, store_failed,
    Done, FieldErr,
};
use super::session::{Posted, SignedIn};
use crate::http::{base_url, AppState};
use crate::mail::sign_in_email;
use crate::store::{Role, StoreError, LINK_SECONDS};

/// The audit trail's actions in words.
pub fn action_words(action: &str) -> &str {
    match action {
        "application.status" => "changed the status",
        "application.message" => "wrote to the applicant",
        "application.note" => "changed the private note",
        "application.erase" => "erased the application",
        "applications.export" => "downloaded all applications",
        "listing.create" => "created and published a listing",
        "listing.publish" => "published changes to a listing",
        "listing.close" => "closed a listing early",
        "listing.withdraw" => "withdrew a listing",
        "listing.reopen" => "reopened a listing",
        "listing.impact-note" => "published what changed",
        "listing.upload" => "uploaded listings",
        "person.invite" => "invited someone",
        "person.remove" => "removed someone",
        "person.sign-in" => "signed in",
        "person.sign-in-link" => "asked for a sign-in link",
        "person.sign-out" => "signed out",
        other => other,
    }
}

async fn people_page(
    s: &AppState,
    who: &SignedIn,
    done: Option<&str>,
    link: Option<&str>,
    errors: &[FieldErr],
    typed: &str,
) -> Response {
    let org = who.person.org.clone();
    let people = match on_store(&s.store, move |st| st.colleagues(&org)).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let admin = who.person.role == Role::Admin;
    respond(
        status_for(errors),
        page(
            "People",
            Some(who),
            errors,
            html! {
                (done_banner(done))
                @if let Some(l) = link {
                    div class="notice" role="status" {
                        p { "This server cannot send email, so give them this sign-in link yourself. It works once, for 15 minutes:" }
                        p class="mono" { (l) }
                    }
                }
                h1 { "People in " (who.person.org.name) }
                table {
                    caption class="visually-hidden" { "People who can sign in" }
                    thead { tr { th scope="col" { "Email" } th scope="col" { "Role" } @if admin { th scope="col" { span class="visually-hidden" { "Actions" } } } } }
                    tbody {
                        @for p in &people {
                            tr {
                                td { (p.email) }
                                td { (p.role.words()) }
                                @if admin {
                                    td {
                                        @if p.id != who.person.id {
                                            form method="post" action={ "/org/people/" (p.id) "/remove" } class="inline" {
                                                input type="hidden" name="csrf" value=(who.csrf);
                                                button type="submit" class="link warning-link" { "Remove " span class="visually-hidden" { (p.email) } }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                @if admin {
                    h2 { "Invite a colleague" }
                    form method="post" action="/org/people" novalidate {
                        input type="hidden" name="csrf" value=(who.csrf);
                        div class={ "field" @if !errors.is_empty() { " has-error" } } {
                            label for="email" { "Their work email address" }
                            (field_error(errors, "email"))
                            input id="email" name="email" type="email" autocomplete="off" spellcheck="false" value=(typed)
                                aria-describedby=[(!errors.is_empty()).then_some("email-error")] aria-invalid=[(!errors.is_empty()).then_some("true")];
                        }
                        fieldset class="field" {
                            legend { "Role" }
                            div class="choice" { input type="radio" name="role" id="role-member" value="member" checked; label for="role-member" { "Member: publishes listings and answers applicants" } }
                            div class="choice" { input type="radio" name="role" id="role-admin" value="admin"; label for="role-admin" { "Admin: also invites and removes colleagues" } }
                        }
                        button type="submit" { "Invite" }
                    }
                } @else {
                    p { "Ask an admin to invite or remove colleagues." }
                }
            },
        ),
    )
}

pub async fn list(State(s): State<AppState>, who: SignedIn, Query(q): Query<Done>) -> Response {
    people_page(&s, &who, q.sentence().as_deref(), None, &[], "").await
}

fn not_admin() -> Response {
    message_page(
        StatusCode::FORBIDDEN,
        "Only admins can do this",
        "Ask an admin in your organisation to invite or remove colleagues.",
    )
}

pub async fn invite(State(s): State<AppState>, headers: HeaderMap, posted: Posted) -> Response {
    let Posted { who, form } = posted;
    if who.person.role != Role::Admin {
        return not_admin();
    }
    let typed = form.get("email").trim().to_owned();
    let Some(email) = crate::store::normalise_email(&typed) else {
        let msg = if typed.is_empty() {
            "Enter their email address"
        } else {
            "Enter an email address like name@example.org"
        };
        return people_page(&s, &who, None, None, &[FieldErr::new("email", msg)], &typed).await;
    };
    let role = Role::parse(form.get("role")).unwrap_or(Role::Member);
    let org = who.person.org.clone();
    let actor = who.person.email.clone();
    let base = base_url(&s, &headers);
    let made = on_store(
        &s.store,
        move |st| -> Result<(String, String), StoreError> {
            let person = st.add_person(&org, &email, role)?;
            st.audit(
                &org.org_key,
                &actor,
                "person.invite",
                &person.email,
                role.as_str(),
            )?;
            let token = st.new_sign_in_link(&person)?;
            Ok((person.email, link_url(&base, &token)))
        },
    )
    .await;
    let (email, link) = match made {
        Ok(x) => x,
        Err(r) => return r,
    };
    match s.mailer.clone() {
        Some(m) => {
            let (subject, body) = sign_in_email(&who.person.org.name, &link, LINK_SECONDS / 60);
            match m.send(&email, &subject, &body).await {
                Ok(()) => Redirect::to("/org/people?done=invited").into_response(),
                Err(e) => {
                    tracing::warn!(error = %crate::chain(&e), "an invitation email could not be sent");
                    people_page(&s, &who, None, Some(&link), &[], "").await
                }
            }
        }
        None => {
            people_page(
                &s,
                &who,
                Some(&format!("Invited {email}.")),
                Some(&link),
                &[],
                "",
            )
            .await
        }
    }
}

pub async fn remove(State(s): State<AppState>, Path(id): Path<i64>, posted: Posted) -> Response {
    let who = posted.who;
    if who.person.role != Role::Admin {
        return not_admin();
    }
    let org = who.person.org.clone();
    let actor = who.person.email.clone();
    let st = s.store.clone();
    let done = tokio::task::spawn_blocking(move || -> Result<Option<String>, StoreError> {
        let removed = st.remove_person(&org, id)?;
        if let Some(e) = &removed {
            st.audit(&org.org_key, &actor, "person.remove", e, "")?;
        }
        Ok(removed)
    })
    .await;
    match done {
        Ok(Ok(Some(_))) => Redirect::to("/org/people?done=removed").into_response(),
        Ok(Ok(None)) => super::page::gone_or_not_ours(),
        Ok(Err(StoreError::Invalid(why))) => {
            message_page(StatusCode::CONFLICT, "They cannot be removed", &why)
        }
        Ok(Err(e)) => store_failed(&e),
        Err(e) => store_failed(&e),
    }
}

pub async fn activity(State(s): State<AppState>, who: SignedIn) -> Response {
    let key = who.person.org.org_key.clone();
    let trail = match on_store(&s.store, move |st| st.audit_trail(&key, None)).await {
        Ok(t) => t,
        Err(r) => return r,
    };
    ok(page(
        "Activity",
        Some(&who),
        &[],
        html! {
            h1 { "Activity" }
            p { "Who changed what, and when, newest first (the latest " (crate::store::AUDIT_PAGE) ")." }
            @if trail.is_empty() { p { "Nothing yet." } }
            table {
                caption class="visually-hidden" { "Activity, newest first" }
                thead { tr { th scope="col" { "When (UTC)" } th scope="col" { "Who" } th scope="col" { "What" } th scope="col" { "About" } } }
                tbody {
                    @for e in &trail {
                        tr {
                            td { (e.at.get(..16).unwrap_or(&e.at).replace('T', " ")) }
                            td { (e.actor) }
                            td { (action_words(&e.action)) @if !e.detail.is_empty() { " (" (e.detail) ")" } }
                            td class="mono" { (e.target) }
                        }
                    }
                }
            }
        },
    ))
}
