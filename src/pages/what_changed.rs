//! "What changed": every stored listing whose organisers have said what changed because of the
//! people who took part, newest first. Closed and withdrawn listings are included: the device
//! keeps them until the feed deletes them, and after an activity is when there is news.

use leptos::prelude::*;

use crate::i18n::tr;
use leptos_router::components::A;
use opendoor_core::browse::with_impact_notes;
use opendoor_core::listing::Availability;
use opendoor_core::words;

use super::detail::paras;
use crate::clock;
use crate::runtime::ctx::use_ctx;
use crate::store::StoredListing;

#[component]
pub fn WhatChangedPage() -> impl IntoView {
    super::arrived();
    super::set_title(&tr("nav-what-changed"));
    let ctx = use_ctx();
    let rows = LocalResource::new(move || {
        ctx.revision.track();
        let store = ctx.store();
        async move { store.all_listings().await }
    });
    view! {
        <h1>{tr("what-changed-heading")}</h1>
        <p class="lede">{tr("what-changed-lede")}</p>
        {move || match rows.get() {
            None => view! { <p class="muted">{tr("loading")}</p> }.into_any(),
            Some(Err(e)) => view! { <p>{words::storage_problem(&crate::i18n::cat(), &e.problem())}</p> }.into_any(),
            Some(Ok(rows)) => {
                let noted = with_impact_notes(rows, |r| &r.listing);
                if noted.is_empty() {
                    view! {
                        <p>{tr("what-changed-none")}</p>
                        <p><A href="/">{tr("what-changed-find")}</A></p>
                    }
                    .into_any()
                } else {
                    view! {
                        <ul class="change-list">
                            {noted.into_iter().map(|r| view! { <Report row=r/> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }
        }}
    }
}

#[component]
fn Report(row: StoredListing) -> impl IntoView {
    let mut l = row.listing;
    let Some(note) = l.impact_note.take() else {
        return ().into_any();
    };
    let href = format!("/opportunities/{}", l.id);
    let lang = l.lang().to_owned();
    // Whether people can still apply: said in words, so nobody follows a link to a closed one
    // expecting to take part.
    let state = match l.availability(clock::today()) {
        Availability::Open => tr("what-changed-open"),
        Availability::Closed => tr("closing-closed"),
        Availability::Withdrawn => tr("closing-withdrawn"),
    };
    view! {
        <li class="change-item">
            <h2 class="change-title" lang=lang.clone()><A href=href>{l.title.clone()}</A></h2>
            <p class="card-org" lang=lang.clone()>{l.organisation.name.clone()}</p>
            <p class="muted">{crate::i18n::tr_with("what-changed-written", &[("date", words::date(&crate::i18n::cat(), note.date).into()), ("state", state.into())])}</p>
            <div class="listing-text" lang=lang>{paras(&note.text)}</div>
        </li>
    }
    .into_any()
}
