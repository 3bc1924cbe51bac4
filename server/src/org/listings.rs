//! The organisation's listings: the overview, one listing's page (close early, withdraw,
//! reopen, the impact note), and uploading a CSV or VDS file.

use std::collections::BTreeMap;

use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use opendoor_core::listing::{ImpactNote, ListingStatus};
use opendoor_core::words;

use super::editor::republish;
use super::listing_view::listing_view;
use super::page::{
    done_banner, field_error, gone_or_not_ours, ok, on_store, page, respond, status_for,
    store_failed, Done, FieldErr,
};
use super::session::{Posted, SignedIn};
use crate::http::AppState;
use crate::store::{Organiser, Store, StoreError};

pub async fn overview(State(s): State<AppState>, who: SignedIn, Query(q): Query<Done>) -> Response {
    let org = who.person.org.clone();
    let got = on_store(&s.store, move |st| {
        Ok::<_, StoreError>((st.own_listings(&org)?, st.applications_per_listing(&org)?))
    })
    .await;
    let (listings, counts) = match got {
        Ok(x) => x,
        Err(r) => return r,
    };
    let today = s.clock.today();
    ok(page(
        "Your listings",
        Some(&who),
        &[],
        html! {
            (done_banner(q.sentence().as_deref()))
            h1 { "Your listings" }
            p class="buttons" {
                a class="button" href="/org/listings/new" { "Create a listing" }
                a class="button secondary" href="/org/upload" { "Upload a spreadsheet or VDS file" }
                a class="button secondary" href="/org/export.csv" { "Download all applications (CSV)" }
            }
            @if listings.is_empty() {
                p { "You have no listings yet. Create one, or upload a spreadsheet of them." }
            } @else {
                ul class="cards" {
                    @for l in &listings {
                        li class="card" {
                            @let title = l.published.as_ref().map(|p| p.title.clone()).or_else(|| l.draft_title.clone()).filter(|t| !t.trim().is_empty()).unwrap_or_else(|| "Untitled listing".into());
                            h2 { a href={ "/org/listings/" (l.id) } { (title) } }
                            p {
                                @match &l.published {
                                    Some(p) => { (words::closing(&crate::en(), p.availability(today), p.closing_date, today)) }
                                    None => { "Draft: not published" }
                                }
                                @if l.has_draft && l.published.is_some() { " · changes not yet published" }
                            }
                            @let n = counts.get(&l.id).copied().unwrap_or(0);
                            p { a href={ "/org/listings/" (l.id) "/applications" } { (words::plural(n as usize, "application", "applications")) } }
                        }
                    }
                }
            }
        },
    ))
}

/// A listing (None: only a draft), whether it has a draft, and its applications per status.
type Published = (Option<opendoor_core::Listing>, bool, BTreeMap<String, i64>);

fn load_published(st: &Store, org: &Organiser, id: &str) -> Result<Option<Published>, StoreError> {
    if !st.owns_listing(org, id)? {
        return Ok(None);
    }
    Ok(Some((
        st.listing(id)?,
        st.draft(org, id)?.is_some(),
        st.application_counts(org, Some(id))?,
    )))
}

pub async fn show(
    State(s): State<AppState>,
    who: SignedIn,
    Path(id): Path<String>,
    Query(q): Query<Done>,
) -> Response {
    listing_page(&s, &who, &id, q.sentence().as_deref(), &[], None).await
}

async fn listing_page(
    s: &AppState,
    who: &SignedIn,
    id: &str,
    done: Option<&str>,
    errors: &[FieldErr],
    note_typed: Option<&str>,
) -> Response {
    let org = who.person.org.clone();
    let id2 = id.to_owned();
    let (listing, has_draft, counts) =
        match on_store(&s.store, move |st| load_published(st, &org, &id2)).await {
            Ok(Some(x)) => x,
            Ok(None) => return gone_or_not_ours(),
            Err(r) => return r,
        };
    let today = s.clock.today();
    let total: i64 = counts.values().sum();
    let title = listing
        .as_ref()
        .map(|l| l.title.clone())
        .unwrap_or_else(|| "Draft listing".into());
    respond(
        status_for(errors),
        page(
            &title,
            Some(who),
            errors,
            html! {
                p { a href="/org/listings" { "All your listings" } }
                (done_banner(done))
                h1 { (title) }
                p class="buttons" {
                    a class="button" href={ "/org/listings/" (id) "/edit" } { @if has_draft { "Continue editing" } @else { "Edit" } }
                    a class="button secondary" href={ "/org/listings/" (id) "/preview" } { "Preview" }
                    a class="button secondary" href={ "/org/listings/" (id) "/applications" } { "Applications (" (total) ")" }
                }
                @match &listing {
                    None => { p { "Not published yet: only your organisation can see this draft." } }
                    Some(l) => {
                        p { strong { "Now: " } (words::closing(&crate::en(), l.availability(today), l.closing_date, today)) }
                        form method="post" action={ "/org/listings/" (id) "/status" } class="buttons" {
                            input type="hidden" name="csrf" value=(who.csrf);
                            @if l.status != ListingStatus::Open { button type="submit" name="status" value="open" class="secondary" { "Reopen" } }
                            @if l.status == ListingStatus::Open { button type="submit" name="status" value="closed" class="secondary" { "Close early" } }
                            @if l.status != ListingStatus::Withdrawn { button type="submit" name="status" value="withdrawn" class="warning" { "Withdraw" } }
                        }
                        h2 id="what-changed" { "What changed because of the people who took part" }
                        p { "After the activity, tell applicants, and everyone who finds this listing, what difference they made. It is published with the listing and stays visible after it closes." }
                        form method="post" action={ "/org/listings/" (id) "/impact" } novalidate data-keep={ "/org/listings/" (id) "/impact" } {
                            input type="hidden" name="csrf" value=(who.csrf);
                            div class={ "field" @if !errors.is_empty() { " has-error" } } {
                                label for="impact-note" { "What changed" }
                                p class="hint" id="impact-note-hint" { "Plain words. e.g. \"Because of your ideas, the clinic now sends appointment letters in Easy Read.\"" }
                                (field_error(errors, "impact-note"))
                                textarea id="impact-note" name="impact-note" rows="6" aria-describedby={ "impact-note-hint" @if !errors.is_empty() { " impact-note-error" } } aria-invalid=[(!errors.is_empty()).then_some("true")] {
                                    (note_typed.map(str::to_owned).or_else(|| l.impact_note.as_ref().map(|n| n.text.clone())).unwrap_or_default())
                                }
                            }
                            button type="submit" { "Publish what changed" }
                        }
                        h2 { "As applicants see it" }
                        (listing_view(l, today))
                    }
                }
            },
        ),
    )
}

pub async fn set_status(
    State(s): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Response {
    let status = match posted.form.get("status") {
        "open" => ListingStatus::Open,
        "closed" => ListingStatus::Closed,
        "withdrawn" => ListingStatus::Withdrawn,
        _ => return listing_page(&s, &posted.who, &id, None, &[], None).await,
    };
    let org = posted.who.person.org.clone();
    let actor = posted.who.person.email.clone();
    let id2 = id.clone();
    let now = s.clock.now();
    let what = match status {
        ListingStatus::Open => "listing.reopen",
        ListingStatus::Closed => "listing.close",
        ListingStatus::Withdrawn => "listing.withdraw",
    };
    let done = on_store(&s.store, move |st| {
        republish(st, &org, &actor, &id2, now, what, |l| l.status = status)
    })
    .await;
    match done {
        Ok(true) => {
            let word = match status {
                ListingStatus::Open => "open",
                ListingStatus::Closed => "closed",
                ListingStatus::Withdrawn => "withdrawn",
            };
            Redirect::to(&format!("/org/listings/{id}?done={word}")).into_response()
        }
        Ok(false) => gone_or_not_ours(),
        Err(r) => r,
    }
}

pub async fn impact(State(s): State<AppState>, Path(id): Path<String>, posted: Posted) -> Response {
    let text = posted.form.get("impact-note").trim().to_owned();
    let max = opendoor_core::validate::MAX_LONG;
    if text.chars().count() > max {
        let e = FieldErr::new(
            "impact-note",
            format!("What changed must be {max} characters or fewer"),
        );
        return listing_page(&s, &posted.who, &id, None, &[e], Some(&text)).await;
    }
    let org = posted.who.person.org.clone();
    let actor = posted.who.person.email.clone();
    let id2 = id.clone();
    let (now, today) = (s.clock.now(), s.clock.today());
    let done = on_store(&s.store, move |st| {
        republish(st, &org, &actor, &id2, now, "listing.impact-note", |l| {
            l.impact_note = (!text.is_empty()).then_some(ImpactNote { text, date: today });
        })
    })
    .await;
    match done {
        Ok(true) => Redirect::to(&format!("/org/listings/{id}?done=impact")).into_response(),
        Ok(false) => gone_or_not_ours(),
        Err(r) => r,
    }
}

fn upload_page(who: &SignedIn, errors: &[String], report: Option<&str>) -> Markup {
    let errs: Vec<FieldErr> = if errors.is_empty() {
        Vec::new()
    } else {
        vec![FieldErr::new(
            "file",
            "The file could not be imported: see the problems below",
        )]
    };
    page(
        "Upload listings",
        Some(who),
        &errs,
        html! {
            p { a href="/org/listings" { "All your listings" } }
            h1 { "Upload listings" }
            @if let Some(r) = report { div class="success" role="status" data-saved { p { (r) } } }
            p { "Upload a spreadsheet saved as CSV in " a href="/listings-template.csv" { "the template's columns" } ", or a Volunteering Data Standard (VDS) JSON file. Every listing in it is published for " strong { (who.person.org.name) } ". Up to 5 MB." }
            @if !errors.is_empty() {
                h2 { "Problems, by row and column" }
                p { "Nothing was imported. Fix these in your file and upload it again." }
                ul class="problems" { @for e in errors { li { (e) } } }
            }
            form method="post" action="/org/upload" enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(who.csrf);
                div class={ "field" @if !errors.is_empty() { " has-error" } } {
                    label for="file" { "File" }
                    input id="file" name="file" type="file" accept=".csv,.json,.jsonld,text/csv,application/json";
                }
                button type="submit" { "Upload and publish" }
            }
        },
    )
}

pub async fn upload_form(who: SignedIn) -> Response {
    ok(upload_page(&who, &[], None))
}

/// Multipart, so the CSRF check reads the form's own field (the `Posted` extractor takes
/// url-encoded forms only).
pub async fn upload(
    State(s): State<AppState>,
    headers: axum::http::HeaderMap,
    who: SignedIn,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    if super::session::cross_site(&s, &headers) {
        return super::session::refused();
    }
    let Ok(mut multipart) = multipart else {
        return super::session::refused();
    };
    let mut csrf = String::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or("").to_owned();
                let fname = field.file_name().unwrap_or("upload").to_owned();
                match field.bytes().await {
                    Ok(b) if name == "csrf" => csrf = String::from_utf8_lossy(&b).into_owned(),
                    Ok(b) if name == "file" => file = Some((fname, b.to_vec())),
                    Ok(_) => {}
                    Err(_) => {
                        return respond(
                            StatusCode::PAYLOAD_TOO_LARGE,
                            upload_page(
                                &who,
                                &["The file is too big: the most is 5 MB.".into()],
                                None,
                            ),
                        )
                    }
                }
            }
            Ok(None) => break,
            Err(_) => {
                return respond(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    upload_page(
                        &who,
                        &[
                            "The file is too big, or did not arrive whole: the most is 5 MB."
                                .into(),
                        ],
                        None,
                    ),
                )
            }
        }
    }
    if !who.sent_token(&csrf) {
        return super::session::refused();
    }
    let Some((name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return respond(
            StatusCode::UNPROCESSABLE_ENTITY,
            upload_page(&who, &["Choose a file to upload.".into()], None),
        );
    };
    let org = who.person.org.clone();
    let actor = who.person.email.clone();
    let st = s.store.clone();
    let done = tokio::task::spawn_blocking(move || {
        crate::import::import_bytes(&st, &name, &bytes, &org.org_key, Some(&org.name)).inspect(
            |r| {
                let _ = st.audit(
                    &org.org_key,
                    &actor,
                    "listing.upload",
                    &name,
                    &format!("{} added, {} updated", r.added, r.updated),
                );
            },
        )
    })
    .await;
    match done {
        Ok(Ok(r)) => ok(upload_page(
            &who,
            &[],
            Some(&format!(
                "Imported: {} added, {} changed, {} unchanged. They are published now.",
                r.added, r.updated, r.unchanged
            )),
        )),
        Ok(Err(problems)) => respond(
            StatusCode::UNPROCESSABLE_ENTITY,
            upload_page(&who, &problems, None),
        ),
        Err(e) => store_failed(&e),
    }
}
