//! "What changed": every stored listing whose organisers have said what changed because of the
//! people who took part, newest first. Closed and withdrawn listings are included: the device
//! keeps them until the feed deletes them, and after an activity is when there is news.

use leptos::prelude::*;
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
    super::set_title("What changed");
    let ctx = use_ctx();
    let rows = LocalResource::new(move || {
        ctx.revision.track();
        let store = ctx.store();
        async move { store.all_listings().await }
    });
    view! {
        <h1>"What changed because of people like you"</h1>
        <p class="lede">
            "After an activity, organisers can tell everyone what changed because of the people who took part."
        </p>
        {move || match rows.get() {
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <p>{words::storage_problem(&crate::i18n::cat(), &e.problem())}</p> }.into_any(),
            Some(Ok(rows)) => {
                let noted = with_impact_notes(rows, |r| &r.listing);
                if noted.is_empty() {
                    view! {
                        <p>"No organiser has said what changed yet. They usually write this a few weeks after an activity ends, so check back later."</p>
                        <p><A href="/">"Find an opportunity"</A></p>
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
    // Whether people can still apply: said in words, so nobody follows a link to a closed one
    // expecting to take part.
    let state = match l.availability(clock::today()) {
        Availability::Open => "Still open: you can apply",
        Availability::Closed => "Closed",
        Availability::Withdrawn => "Withdrawn",
    };
    view! {
        <li class="change-item">
            <h2 class="change-title"><A href=href>{l.title}</A></h2>
            <p class="card-org">{l.organisation.name}</p>
            <p class="muted">{format!("Written on {}. {state}.", words::date(&crate::i18n::cat(), note.date))}</p>
            {paras(&note.text)}
        </li>
    }
    .into_any()
}
