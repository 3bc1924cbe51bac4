//! Applications and answering them: a listing's inbox (newest first, by status, with counts),
//! one application (access needs and helper first), status and message (one or many at once),
//! a private note, erasing on request, and the CSV export. Every change goes through
//! `answering`, so it is audited and emailed as the applicant asked.

use axum::extract::{Path, Query, State};
use axum::http::header::{self, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use opendoor_core::application::{Answer as Given, ApplicationStatus, ContactBy, MAX_FEEDBACK};
use opendoor_core::Listing;
use serde::Deserialize;

use super::page::{
    done_banner, field_error, gone_or_not_ours, ok, on_store, page, paragraphs, respond,
    status_for, status_name, store_failed, Done, FieldErr,
};
use super::session::{Posted, SignedIn};
use crate::answering::{answer, Answer};
use crate::http::{base_url, AppState};
use crate::store::{AuditEntry, OrganiserApplication, StoreError, UpdateOutcome, MAX_NOTE};

#[derive(Deserialize, Default)]
pub struct Filter {
    status: Option<String>,
}

fn applicant_name(a: &OrganiserApplication) -> String {
    a.application
        .as_ref()
        .map(|r| r.applicant.name.clone())
        .unwrap_or_else(|| "(withdrawn: details deleted)".into())
}

fn short_date(rfc3339: &str) -> String {
    time::OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339)
        .map(|t| opendoor_core::words::date(&crate::en(), t.date()))
        .unwrap_or_else(|_| rfc3339.get(..10).unwrap_or(rfc3339).to_owned())
}

fn status_options(chosen: Option<ApplicationStatus>, name: &str, keep: bool) -> Markup {
    html! {
        @if keep {
            div class="choice" {
                input type="radio" name=(name) id={ (name) "-keep" } value="" checked[chosen.is_none()];
                label for={ (name) "-keep" } { "Do not change the status" }
            }
        }
        @for s in ApplicationStatus::SET_BY_ORGANISER {
            div class="choice" {
                input type="radio" name=(name) id={ (name) "-" (s.as_str()) } value=(s.as_str()) checked[chosen == Some(s)];
                label for={ (name) "-" (s.as_str()) } { (status_name(s)) }
            }
        }
    }
}

struct InboxData {
    listing: Option<Listing>,
    apps: Vec<OrganiserApplication>,
    counts: std::collections::BTreeMap<String, i64>,
}

async fn inbox_data(s: &AppState, who: &SignedIn, id: &str) -> Result<Option<InboxData>, Response> {
    let org = who.person.org.clone();
    let id = id.to_owned();
    on_store(
        &s.store,
        move |st| -> Result<Option<InboxData>, StoreError> {
            if !st.owns_listing(&org, &id)? {
                return Ok(None);
            }
            Ok(Some(InboxData {
                listing: st.listing(&id)?,
                apps: st.organiser_applications(&org, Some(&id))?,
                counts: st.application_counts(&org, Some(&id))?,
            }))
        },
    )
    .await
}

pub async fn list(
    State(s): State<AppState>,
    who: SignedIn,
    Path(id): Path<String>,
    Query(f): Query<Filter>,
    Query(d): Query<Done>,
) -> Response {
    inbox_page(
        &s,
        &who,
        &id,
        f.status.as_deref(),
        d.sentence().as_deref(),
        &[],
        None,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn inbox_page(
    s: &AppState,
    who: &SignedIn,
    id: &str,
    filter: Option<&str>,
    done: Option<&str>,
    errors: &[FieldErr],
    typed: Option<&str>,
) -> Response {
    let d = match inbox_data(s, who, id).await {
        Ok(Some(d)) => d,
        Ok(None) => return gone_or_not_ours(),
        Err(r) => return r,
    };
    let filter = filter.and_then(ApplicationStatus::parse);
    let shown: Vec<&OrganiserApplication> = d
        .apps
        .iter()
        .filter(|a| filter.is_none_or(|f| a.status == f))
        .collect();
    let title = d
        .listing
        .as_ref()
        .map(|l| l.title.clone())
        .unwrap_or_else(|| "Listing".into());
    let total: i64 = d.counts.values().sum();
    respond(
        status_for(errors),
        page(
            &format!("Applications: {title}"),
            Some(who),
            errors,
            html! {
                p { a href={ "/org/listings/" (id) } { "Back to the listing" } }
                (done_banner(done))
                h1 { "Applications" span class="sub" { (title) } }
                nav aria-label="Filter by status" class="filters" {
                    ul {
                        li { a href={ "/org/listings/" (id) "/applications" } aria-current=[filter.is_none().then_some("page")] { "All (" (total) ")" } }
                        @for st in ApplicationStatus::SET_BY_ORGANISER.iter().chain([ApplicationStatus::Withdrawn].iter()) {
                            @let n = d.counts.get(st.as_str()).copied().unwrap_or(0);
                            li { a href={ "/org/listings/" (id) "/applications?status=" (st.as_str()) } aria-current=[(filter == Some(*st)).then_some("page")] { (status_name(*st)) " (" (n) ")" } }
                        }
                    }
                }
                @if shown.is_empty() {
                    p { @if total == 0 { "No applications yet." } @else { "None with this status." } }
                } @else {
                    form method="post" action={ "/org/listings/" (id) "/applications" } novalidate data-keep={ "/org/listings/" (id) "/applications" } {
                        input type="hidden" name="csrf" value=(who.csrf);
                        table class="inbox" {
                            caption class="visually-hidden" { "Applications, newest first" }
                            thead { tr { th scope="col" { span class="visually-hidden" { "Select" } } th scope="col" { "Name" } th scope="col" { "Status" } th scope="col" { "Received" } } }
                            tbody {
                                @for a in &shown {
                                    @let name = applicant_name(a);
                                    tr {
                                        td { @if a.application.is_some() { input type="checkbox" name="app" value=(a.id) id={ "app-" (a.id) } aria-label={ "Select " (name) }; } }
                                        td { a href={ "/org/applications/" (a.id) } { (name) } }
                                        td { (status_name(a.status)) }
                                        td { (short_date(&a.created)) }
                                    }
                                }
                            }
                        }
                        fieldset class="field bulk" id="bulk" tabindex="-1" {
                            legend { "Answer the selected people at once" }
                            (field_error(errors, "bulk"))
                            fieldset class="field" {
                                legend { "New status" }
                                (status_options(None, "status", true))
                            }
                            div class="field" {
                                label for="message" { "Message to each of them (optional)" }
                                p class="hint" id="message-hint" { "They see it in Open Door, e.g. \"Thank you for taking part. Here is what happened next…\"" }
                                (field_error(errors, "message"))
                                textarea id="message" name="message" rows="5" aria-describedby="message-hint" { (typed.unwrap_or("")) }
                            }
                            button type="submit" { "Save and tell them" }
                        }
                    }
                }
            },
        ),
    )
}

pub async fn bulk(
    State(s): State<AppState>,
    headers: axum::http::HeaderMap,
    Path(id): Path<String>,
    posted: Posted,
) -> Response {
    let Posted { who, form } = posted;
    let ids: Vec<String> = form.all("app").into_iter().map(str::to_owned).collect();
    let status = ApplicationStatus::parse_settable(form.get("status"));
    let message = form.get("message").trim().to_owned();
    let mut errors = Vec::new();
    if ids.is_empty() {
        errors.push(FieldErr::new("bulk", "Select at least one person"));
    }
    if status.is_none() && message.is_empty() {
        errors.push(FieldErr::new(
            "bulk",
            "Choose a new status or write a message",
        ));
    }
    if message.chars().count() > MAX_FEEDBACK {
        errors.push(FieldErr::new(
            "message",
            format!("The message must be {MAX_FEEDBACK} characters or fewer"),
        ));
    }
    if !errors.is_empty() {
        return inbox_page(&s, &who, &id, None, None, &errors, Some(&message)).await;
    }
    let org = who.person.org.clone();
    let actor = who.person.email.clone();
    let app_url = base_url(&s, &headers);
    let lid = id.clone();
    let done = on_store(&s.store, move |st| -> Result<(usize, bool), StoreError> {
        let mut changed = 0;
        let mut emailed = false;
        for app in &ids {
            // Only this listing's applications, of this organisation.
            if st
                .organiser_application(&org, app)?
                .is_none_or(|a| a.listing_id != lid)
            {
                continue;
            }
            let a = Answer {
                status,
                message: (!message.is_empty()).then_some(Some(message.as_str())),
            };
            let r = answer(st, &org, &actor, app, &a, &app_url)?;
            if r.outcome == UpdateOutcome::Updated {
                changed += 1;
            }
            emailed |= r.emailed;
        }
        Ok((changed, emailed))
    })
    .await;
    match done {
        Ok((n, emailed)) => {
            if emailed {
                s.mail_wake.notify_one();
            }
            Redirect::to(&format!("/org/listings/{id}/applications?done=bulk&n={n}"))
                .into_response()
        }
        Err(r) => r,
    }
}

struct One {
    app: OrganiserApplication,
    listing: Option<Listing>,
    note: Option<String>,
    trail: Vec<AuditEntry>,
}

async fn one(s: &AppState, who: &SignedIn, id: &str) -> Result<Option<One>, Response> {
    let org = who.person.org.clone();
    let id = id.to_owned();
    on_store(&s.store, move |st| -> Result<Option<One>, StoreError> {
        let Some(app) = st.organiser_application(&org, &id)? else {
            return Ok(None);
        };
        Ok(Some(One {
            listing: st.listing(&app.listing_id)?,
            note: st.note(&org, &id)?,
            trail: st.audit_trail(&org.org_key, Some(&id))?,
            app,
        }))
    })
    .await
}

pub async fn show(
    State(s): State<AppState>,
    who: SignedIn,
    Path(id): Path<String>,
    Query(d): Query<Done>,
) -> Response {
    application_page(&s, &who, &id, d.sentence().as_deref(), &[]).await
}

async fn application_page(
    s: &AppState,
    who: &SignedIn,
    id: &str,
    done: Option<&str>,
    errors: &[FieldErr],
) -> Response {
    let o = match one(s, who, id).await {
        Ok(Some(o)) => o,
        Ok(None) => return gone_or_not_ours(),
        Err(r) => return r,
    };
    let name = applicant_name(&o.app);
    let title = o
        .listing
        .as_ref()
        .map(|l| l.title.clone())
        .unwrap_or_else(|| o.app.listing_id.clone());
    let questions = match o.listing.as_ref().map(|l| &l.how_to_apply) {
        Some(opendoor_core::listing::HowToApply::InApp { questions }) => questions.clone(),
        _ => Vec::new(),
    };
    respond(
        status_for(errors),
        page(
            &name,
            Some(who),
            errors,
            html! {
                p { a href={ "/org/listings/" (o.app.listing_id) "/applications" } { "All applications for " (title) } }
                (done_banner(done))
                h1 { (name) span class="sub" { (title) } }
                p { "Status: " strong { (status_name(o.app.status)) } " · received " (short_date(&o.app.created)) }
                @match &o.app.application {
                    None => { p class="notice" { "They withdrew this application, or it was erased. Their details are deleted." } }
                    Some(r) => {
                        @let a = &r.applicant;
                        section class="first" aria-labelledby="first-title" {
                            h2 id="first-title" { "Before you contact them" }
                            dl {
                                dt { "Access needs" }
                                dd { @match &a.access_needs { Some(n) => { (n) }, None => { "None given" } } }
                                dt { "Paper format" }
                                dd { @match a.paper_format { Some(p) => { (p.words()) }, None => { "None asked for" } } }
                                dt { "Help with this application" }
                                dd { @match &a.helper {
                                    Some(h) => { "Filled in with help from " strong { (h.name) } ". " @if h.person_agreed { "The person agreed to this." } @else { strong { "The person did not confirm they agreed." } } }
                                    None => { "They filled it in themselves." }
                                } }
                            }
                        }
                        h2 { "How to contact them" }
                        dl {
                            dt { "Preferred" } dd { @match a.contact_by { Some(ContactBy::Email) => "By email", Some(ContactBy::Phone) => "By phone", Some(ContactBy::Post) => "By post", None => "Not said" } }
                            @if let Some(e) = &a.email { dt { "Email" } dd { (e) } }
                            @if let Some(p) = &a.phone { dt { "Phone" } dd { (p) } }
                            @if let Some(p) = &a.address { dt { "Address" } dd class="pre-line" { (p) } }
                            dt { "Email updates" } dd { @if a.email_updates { "Yes: Open Door emails them when you change their status or write to them (no details, only the title)" } @else { "No" } }
                        }
                        h2 { "Their answers" }
                        @if questions.is_empty() && r.answers.is_empty() { p { "No questions of your own were asked." } }
                        dl {
                            @for q in &questions {
                                dt { (q.label) }
                                dd { @match r.answers.get(&q.id) {
                                    Some(Given::Text(t)) => { (paragraphs(t)) }
                                    Some(Given::YesNo(b)) => { @if *b { "Yes" } @else { "No" } }
                                    Some(Given::Choices(c)) => { (c.join("; ")) }
                                    None => { "(not answered)" }
                                } }
                            }
                        }
                        h2 id="answer" { "Answer them" }
                        form method="post" action={ "/org/applications/" (o.app.id) } novalidate data-keep={ "/org/applications/" (o.app.id) } {
                            input type="hidden" name="csrf" value=(who.csrf);
                            fieldset class="field" { legend { "Status" } (status_options(Some(o.app.status), "status", false)) }
                            div class={ "field" @if super::page::has_error(errors, "message") { " has-error" } } {
                                label for="message" { "Message to them (feedback)" }
                                p class="hint" id="message-hint" { "They see it in Open Door with the status. It replaces any earlier message." }
                                (field_error(errors, "message"))
                                textarea id="message" name="message" rows="6" aria-describedby="message-hint" { (o.app.feedback.clone().unwrap_or_default()) }
                            }
                            button type="submit" { "Save and tell them" }
                        }
                        h2 { "Private note" }
                        form method="post" action={ "/org/applications/" (o.app.id) "/note" } novalidate data-keep={ "/org/applications/" (o.app.id) "/note" } {
                            input type="hidden" name="csrf" value=(who.csrf);
                            div class="field" {
                                label for="note" { "Note for your organisation" }
                                p class="hint" id="note-hint" { "Never shown to the applicant." }
                                (field_error(errors, "note"))
                                textarea id="note" name="note" rows="3" aria-describedby="note-hint" { (o.note.clone().unwrap_or_default()) }
                            }
                            button type="submit" class="secondary" { "Save note" }
                        }
                        p { a href={ "/org/applications/" (o.app.id) "/erase" } class="warning-link" { "Erase this application (on the person's request)" } }
                    }
                }
                @if !o.trail.is_empty() {
                    h2 { "History" }
                    ul class="trail" { @for e in &o.trail { li { (short_date(&e.at)) ": " (e.actor) " — " (super::people::action_words(&e.action)) @if !e.detail.is_empty() { " (" (e.detail) ")" } } } }
                }
            },
        ),
    )
}

pub async fn answer_one(
    State(s): State<AppState>,
    headers: axum::http::HeaderMap,
    Path(id): Path<String>,
    posted: Posted,
) -> Response {
    let Posted { who, form } = posted;
    let status = ApplicationStatus::parse_settable(form.get("status"));
    let message = form.get("message").trim().to_owned();
    if message.chars().count() > MAX_FEEDBACK {
        return application_page(
            &s,
            &who,
            &id,
            None,
            &[FieldErr::new(
                "message",
                format!("The message must be {MAX_FEEDBACK} characters or fewer"),
            )],
        )
        .await;
    }
    let org = who.person.org.clone();
    let actor = who.person.email.clone();
    let app_url = base_url(&s, &headers);
    let id2 = id.clone();
    let done = on_store(&s.store, move |st| {
        let m = if message.is_empty() {
            None
        } else {
            Some(message.as_str())
        };
        answer(
            st,
            &org,
            &actor,
            &id2,
            &Answer {
                status,
                message: Some(m),
            },
            &app_url,
        )
    })
    .await;
    match done {
        Ok(r) => {
            if r.emailed {
                s.mail_wake.notify_one();
            }
            match r.outcome {
                UpdateOutcome::Updated => {
                    let done = if r.emailed { "emailed" } else { "answered" };
                    Redirect::to(&format!("/org/applications/{id}?done={done}")).into_response()
                }
                UpdateOutcome::NotFound => gone_or_not_ours(),
                UpdateOutcome::Withdrawn => {
                    application_page(
                        &s,
                        &who,
                        &id,
                        Some("They have withdrawn: nothing can be sent to them."),
                        &[],
                    )
                    .await
                }
            }
        }
        Err(r) => r,
    }
}

pub async fn note(State(s): State<AppState>, Path(id): Path<String>, posted: Posted) -> Response {
    let Posted { who, form } = posted;
    let text = form.get("note").to_owned();
    if text.chars().count() > MAX_NOTE {
        return application_page(
            &s,
            &who,
            &id,
            None,
            &[FieldErr::new(
                "note",
                format!("The note must be {MAX_NOTE} characters or fewer"),
            )],
        )
        .await;
    }
    let org = who.person.org.clone();
    let actor = who.person.email.clone();
    let id2 = id.clone();
    let done = on_store(&s.store, move |st| -> Result<bool, StoreError> {
        let ok = st.set_note(&org, &id2, &text)?;
        if ok {
            st.audit(&org.org_key, &actor, "application.note", &id2, "")?;
        }
        Ok(ok)
    })
    .await;
    match done {
        Ok(true) => Redirect::to(&format!("/org/applications/{id}?done=note")).into_response(),
        Ok(false) => gone_or_not_ours(),
        Err(r) => r,
    }
}

pub async fn erase_confirm(
    State(s): State<AppState>,
    who: SignedIn,
    Path(id): Path<String>,
) -> Response {
    let o = match one(&s, &who, &id).await {
        Ok(Some(o)) => o,
        Ok(None) => return gone_or_not_ours(),
        Err(r) => return r,
    };
    ok(page(
        "Erase this application?",
        Some(&who),
        &[],
        html! {
            p { a href={ "/org/applications/" (id) } { "Back to the application" } }
            h1 { "Erase " (applicant_name(&o.app)) "'s application?" }
            p { "Do this when the person asks you to delete what they sent. Their name, contact details, answers, access needs, your messages and your note are deleted for good. This cannot be undone. The audit trail keeps a record that it was erased, and by whom." }
            form method="post" action={ "/org/applications/" (id) "/erase" } {
                input type="hidden" name="csrf" value=(who.csrf);
                button type="submit" class="warning" { "Erase it" }
            }
        },
    ))
}

pub async fn erase(State(s): State<AppState>, Path(id): Path<String>, posted: Posted) -> Response {
    let org = posted.who.person.org.clone();
    let actor = posted.who.person.email.clone();
    let id2 = id.clone();
    let done = on_store(&s.store, move |st| -> Result<Option<String>, StoreError> {
        let Some(app) = st.organiser_application(&org, &id2)? else {
            return Ok(None);
        };
        st.erase_application(&org, &id2)?;
        st.audit(&org.org_key, &actor, "application.erase", &id2, "")?;
        Ok(Some(app.listing_id))
    })
    .await;
    match done {
        Ok(Some(listing)) => {
            Redirect::to(&format!("/org/listings/{listing}/applications?done=erased"))
                .into_response()
        }
        Ok(None) => gone_or_not_ours(),
        Err(r) => r,
    }
}

/// A cell a spreadsheet will not run as a formula.
fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

pub async fn export(State(s): State<AppState>, who: SignedIn) -> Response {
    let org = who.person.org.clone();
    let actor = who.person.email.clone();
    let st = s.store.clone();
    let made = tokio::task::spawn_blocking(
        move || -> Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>> {
            let apps = st.organiser_applications(&org, None)?;
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record([
                "application id",
                "listing id",
                "listing",
                "status",
                "received",
                "updated",
                "name",
                "contact by",
                "email",
                "phone",
                "address",
                "access needs",
                "paper format",
                "helped by",
                "person agreed to help",
                "email updates",
                "answers",
                "message to them",
                "private note",
            ])?;
            let mut titles = std::collections::HashMap::new();
            for a in &apps {
                let title = match titles.get(&a.listing_id) {
                    Some(t) => t,
                    None => {
                        let t = st
                            .listing(&a.listing_id)?
                            .map(|l| l.title)
                            .unwrap_or_default();
                        titles.entry(a.listing_id.clone()).or_insert(t)
                    }
                };
                let r = a.application.as_ref();
                let ap = r.map(|r| &r.applicant);
                let note = st.note(&org, &a.id)?.unwrap_or_default();
                let row = [
                    a.id.clone(),
                    a.listing_id.clone(),
                    title.clone(),
                    status_name(a.status).to_owned(),
                    a.created.clone(),
                    a.updated.clone(),
                    ap.map(|x| x.name.clone()).unwrap_or_default(),
                    ap.and_then(|x| x.contact_by)
                        .map(|c| format!("{c:?}").to_lowercase())
                        .unwrap_or_default(),
                    ap.and_then(|x| x.email.clone()).unwrap_or_default(),
                    ap.and_then(|x| x.phone.clone()).unwrap_or_default(),
                    ap.and_then(|x| x.address.clone()).unwrap_or_default(),
                    ap.and_then(|x| x.access_needs.clone()).unwrap_or_default(),
                    ap.and_then(|x| x.paper_format)
                        .map(|p| p.words().to_owned())
                        .unwrap_or_default(),
                    ap.and_then(|x| x.helper.as_ref())
                        .map(|h| h.name.clone())
                        .unwrap_or_default(),
                    ap.and_then(|x| x.helper.as_ref())
                        .map(|h| if h.person_agreed { "yes" } else { "no" }.to_owned())
                        .unwrap_or_default(),
                    ap.map(|x| if x.email_updates { "yes" } else { "no" }.to_owned())
                        .unwrap_or_default(),
                    r.map(|r| serde_json::to_string(&r.answers).unwrap_or_default())
                        .unwrap_or_default(),
                    a.feedback.clone().unwrap_or_default(),
                    note,
                ];
                w.write_record(row.iter().map(|c| cell(c)))?;
            }
            st.audit(
                &org.org_key,
                &actor,
                "applications.export",
                "",
                &format!("{} application(s)", apps.len()),
            )?;
            Ok(w.into_inner().map_err(|e| e.into_error())?)
        },
    )
    .await;
    match made {
        Ok(Ok(bytes)) => {
            let mut res = bytes.into_response();
            let h = res.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            h.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"applications.csv\""),
            );
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            res
        }
        Ok(Err(e)) => store_failed(e.as_ref()),
        Err(e) => store_failed(&e),
    }
}
