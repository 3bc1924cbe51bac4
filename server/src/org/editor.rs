//! Creating and changing listings: a draft is saved on every post (never in the feed), and
//! publishing checks it with core's validation and writes it through the import path, so it
//! reaches the feed at once with a new `modified`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

use super::editor_form::{ListingForm, SessionForm};
use super::editor_view::editor;
use super::listing_view::listing_view;
use super::page::{gone_or_not_ours, ok, on_store, page, respond, store_failed, FieldErr};
use super::session::{Posted, SignedIn};
use crate::http::AppState;
use crate::secrets::{hex, random_bytes};
use crate::store::{ImportBatch, ImportOp, Organiser, Store, StoreError};

/// The listing being edited: its draft, else the published listing, else None (not ours).
pub fn load(
    st: &Store,
    org: &Organiser,
    id: &str,
) -> Result<Option<(ListingForm, bool)>, StoreError> {
    if !st.owns_listing(org, id)? {
        return Ok(None);
    }
    if let Some(json) = st.draft(org, id)? {
        if let Ok(form) = serde_json::from_str::<ListingForm>(&json) {
            return Ok(Some((form, true)));
        }
    }
    Ok(st
        .listing(id)?
        .map(|l| (ListingForm::from_listing(&l), false)))
}

/// Publishes a listing for the organisation (through the import path: one transaction, a new
/// `modified`, the owner checked).
pub fn publish(
    st: &Store,
    org: &Organiser,
    actor: &str,
    listing: opendoor_core::Listing,
    what: &str,
) -> Result<(), StoreError> {
    let id = listing.id.clone();
    st.import(ImportBatch {
        ops: vec![ImportOp::Upsert(Box::new(listing))],
        org: Some(org.org_key.clone()),
        withdraw_missing: false,
    })?;
    st.audit(&org.org_key, actor, what, &id, "")
}

/// Changes one of the organisation's published listings and publishes it again (a new
/// `modified`, audited as `what`). False: no such live listing of theirs.
pub fn republish(
    st: &Store,
    org: &Organiser,
    actor: &str,
    id: &str,
    now: time::OffsetDateTime,
    what: &str,
    change: impl FnOnce(&mut opendoor_core::Listing),
) -> Result<bool, StoreError> {
    if !st.owns_listing(org, id)? {
        return Ok(false);
    }
    let Some(mut l) = st.listing(id)? else {
        return Ok(false);
    };
    change(&mut l);
    l.last_updated = now;
    publish(st, org, actor, l, what)?;
    Ok(true)
}

fn editor_page(
    who: &SignedIn,
    id: Option<&str>,
    form: &ListingForm,
    errors: &[FieldErr],
    has_draft: bool,
) -> maud::Markup {
    let action = match id {
        Some(id) => format!("/org/listings/{id}/edit"),
        None => "/org/listings/new".to_owned(),
    };
    let title = if id.is_some() {
        "Edit listing"
    } else {
        "Create a listing"
    };
    page(
        title,
        Some(who),
        errors,
        html! {
            @if let Some(id) = id { p { a href={ "/org/listings/" (id) } { "Back to the listing" } } }
            h1 { (title) }
            @if has_draft { p class="notice" { "These are changes saved as a draft. Applicants see them only once you publish." } }
            p { "Everything is saved as a draft each time you press a button. Applicants see the listing only when you publish it." }
            (editor(form, errors, &action, &who.csrf))
        },
    )
}

pub async fn new_form(who: SignedIn) -> Response {
    ok(editor_page(&who, None, &ListingForm::blank(), &[], false))
}

pub async fn edit_form(
    State(s): State<AppState>,
    who: SignedIn,
    Path(id): Path<String>,
) -> Response {
    let org = who.person.org.clone();
    let id2 = id.clone();
    match on_store(&s.store, move |st| load(st, &org, &id2)).await {
        Ok(Some((form, has_draft))) => ok(editor_page(&who, Some(&id), &form, &[], has_draft)),
        Ok(None) => gone_or_not_ours(),
        Err(r) => r,
    }
}

pub async fn save_new(State(s): State<AppState>, posted: Posted) -> Response {
    let id = match random_bytes::<8>() {
        Ok(b) => format!("od-{}", hex(&b)),
        Err(e) => return store_failed(&e),
    };
    save(s, posted, id, None).await
}

pub async fn save_existing(
    State(s): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Response {
    let org = posted.who.person.org.clone();
    let id2 = id.clone();
    let kept = match on_store(&s.store, move |st| load(st, &org, &id2)).await {
        Ok(Some((form, _))) => form,
        Ok(None) => return gone_or_not_ours(),
        Err(r) => return r,
    };
    save(s, posted, id, Some(kept)).await
}

/// What the editor's buttons ask for.
enum Action {
    Save,
    Preview,
    Publish,
    /// Publish the saved draft as it is (from the preview page).
    PublishDraft,
    /// Add, move or remove a row, then show the editor again.
    Change(Box<dyn FnOnce(&mut ListingForm) + Send>),
}

fn action(a: &str) -> Action {
    let n = |p: &str| a.strip_prefix(p).and_then(|n| n.parse::<usize>().ok());
    match a {
        "preview" => Action::Preview,
        "publish" => Action::Publish,
        "publish-draft" => Action::PublishDraft,
        "add-session" => Action::Change(Box::new(|f| f.sessions.push(SessionForm::default()))),
        "add-question" => Action::Change(Box::new(ListingForm::add_question)),
        _ => {
            if let Some(i) = n("remove-session-") {
                Action::Change(Box::new(move |f| {
                    if i < f.sessions.len() {
                        f.sessions.remove(i);
                    }
                }))
            } else if let Some(i) = n("q-remove-") {
                Action::Change(Box::new(move |f| {
                    if i < f.questions.len() {
                        f.questions.remove(i);
                    }
                }))
            } else if let Some(i) = n("q-up-") {
                Action::Change(Box::new(move |f| f.move_question(i, true)))
            } else if let Some(i) = n("q-down-") {
                Action::Change(Box::new(move |f| f.move_question(i, false)))
            } else {
                Action::Save
            }
        }
    }
}

async fn save(s: AppState, posted: Posted, id: String, kept: Option<ListingForm>) -> Response {
    let Posted { who, form: fields } = posted;
    let is_new = kept.is_none();
    let kept = kept.unwrap_or_else(ListingForm::blank);
    let act = action(fields.get("action"));
    let mut form = if matches!(act, Action::PublishDraft) {
        kept
    } else {
        ListingForm::from_fields(&fields, &kept)
    };
    let publishing = matches!(act, Action::Publish | Action::PublishDraft);
    if let Action::Change(change) = act {
        change(&mut form);
    }
    let org = who.person.org.clone();
    let actor = who.person.email.clone();
    let now = s.clock.now();
    let st = s.store.clone();
    let (id2, form2) = (id.clone(), form.clone());
    let done =
        tokio::task::spawn_blocking(move || -> Result<Result<(), Vec<FieldErr>>, StoreError> {
            let json = serde_json::to_string(&form2)?;
            st.save_draft(&org, &id2, &json)?;
            if publishing {
                match form2.to_listing(&id2, &org.org_key, &org.name, now) {
                    Ok(listing) => {
                        publish(
                            &st,
                            &org,
                            &actor,
                            listing,
                            if is_new {
                                "listing.create"
                            } else {
                                "listing.publish"
                            },
                        )?;
                        st.delete_draft(&org, &id2)?;
                    }
                    Err(errs) => return Ok(Err(errs)),
                }
            }
            Ok(Ok(()))
        })
        .await;
    let result = match done {
        Ok(Ok(r)) => r,
        Ok(Err(StoreError::Invalid(why))) => {
            return respond(
                StatusCode::UNPROCESSABLE_ENTITY,
                editor_page(&who, Some(&id), &form, &[FieldErr::new("title", why)], true),
            );
        }
        Ok(Err(e)) => return store_failed(&e),
        Err(e) => return store_failed(&e),
    };
    if let Err(errors) = result {
        return respond(
            StatusCode::UNPROCESSABLE_ENTITY,
            editor_page(&who, Some(&id), &form, &errors, true),
        );
    }
    let action = fields.get("action");
    if publishing {
        Redirect::to(&format!("/org/listings/{id}?done=published")).into_response()
    } else if action == "preview" {
        Redirect::to(&format!("/org/listings/{id}/preview")).into_response()
    } else if action.is_empty() || action == "save" {
        Redirect::to(&format!("/org/listings/{id}?done=draft")).into_response()
    } else {
        // A row was added, moved or removed: show the editor again, saved.
        ok(editor_page(&who, Some(&id), &form, &[], true))
    }
}

pub async fn preview(State(s): State<AppState>, who: SignedIn, Path(id): Path<String>) -> Response {
    let org = who.person.org.clone();
    let id2 = id.clone();
    let loaded = on_store(&s.store, move |st| load(st, &org, &id2)).await;
    let (form, has_draft) = match loaded {
        Ok(Some(x)) => x,
        Ok(None) => return gone_or_not_ours(),
        Err(r) => return r,
    };
    let org = &who.person.org;
    let body = match form.to_listing(&id, &org.org_key, &org.name, s.clock.now()) {
        Ok(l) => html! {
            p { a href={ "/org/listings/" (id) "/edit" } { "Back to editing" } }
            h1 { "Preview: as applicants will see it" }
            (listing_view(&l, s.clock.today()))
            @if has_draft {
                form method="post" action={ "/org/listings/" (id) "/edit" } {
                    input type="hidden" name="csrf" value=(who.csrf);
                    button type="submit" name="action" value="publish-draft" { "Publish" }
                }
            }
        },
        Err(errs) => html! {
            h1 { "This listing is not ready to publish" }
            p { "Fix these first:" }
            ul { @for e in &errs { li { a href={ "/org/listings/" (id) "/edit#" (e.field) } { (e.message) } } } }
        },
    };
    ok(page("Preview", Some(&who), &[], body))
}
