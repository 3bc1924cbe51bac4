//! Saved opportunities (starred) and saved searches, all kept on this device.
//!
//! A saved listing that has closed, been withdrawn or left the feed says so. Each saved search
//! is run again over the stored listings whenever they change (after every sync), and shows how
//! many matches are new since the person last opened it.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::i18n::tr;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use opendoor_core::filter::Facts;
use opendoor_core::listing::{Availability, Listing};
use opendoor_core::saved::{describe, new_matches_words, SavedSearch};
use opendoor_core::words;

use crate::runtime::ctx::use_ctx;
use crate::store::saved::SavedListing;
use crate::{clock, finder};

#[derive(Clone)]
struct Page {
    listings: Vec<(SavedListing, Option<Listing>)>,
    /// Each saved search with the ids it matches now.
    searches: Vec<(SavedSearch, Vec<String>)>,
}

#[component]
pub fn SavedPage() -> impl IntoView {
    super::set_title(&tr("nav-saved"));
    super::arrived();
    let ctx = use_ctx();
    let changed = RwSignal::new(0u32);
    let page = LocalResource::new(move || {
        ctx.revision.track();
        changed.track();
        let store = ctx.store();
        async move {
            let rows = store.all_listings().await?;
            finder::update(&rows);
            let all: Vec<Listing> = rows.into_iter().map(|r| r.listing).collect();
            let by_id: HashMap<&str, &Listing> = all.iter().map(|l| (l.id.as_str(), l)).collect();
            let saved = store.saved_listings().await?;
            let listings = saved
                .into_iter()
                .map(|s| {
                    let now = by_id.get(s.id.as_str()).map(|l| (*l).clone());
                    (s, now)
                })
                .collect();
            let today = clock::today();
            let facts = Facts::of(&all);
            let searches = store
                .saved_searches()
                .await?
                .into_iter()
                .map(|s| {
                    let ids = finder::with_index(|ix| {
                        s.matching(&all, &facts, ix, today, finder::device())
                            .into_iter()
                            .map(str::to_owned)
                            .collect()
                    });
                    (s, ids)
                })
                .collect();
            Ok::<_, crate::store::StoreError>(Page { listings, searches })
        }
    });

    let body = move || match page.get() {
        None => view! { <p class="muted">"Loading…"</p> }.into_any(),
        Some(Err(e)) => view! {
            <div class="notice notice-problem">
                <h2>{tr("saved-cannot-read")}</h2>
                <p>{words::storage_problem(&crate::i18n::cat(), &e.problem())}</p>
            </div>
        }
        .into_any(),
        Some(Ok(p)) => view! {
            <h2>{tr("saved-listings")}</h2>
            {if p.listings.is_empty() {
                view! {
                    <p>{tr("saved-no-listings")}</p>
                }
                .into_any()
            } else {
                view! {
                    <ul class="cards" aria-label=tr("saved-listings")>
                        {p.listings
                            .into_iter()
                            .map(|(s, now)| view! { <SavedCard saved=s now=now changed=changed/> })
                            .collect::<Vec<_>>()}
                    </ul>
                }
                .into_any()
            }}
            <h2>{tr("saved-searches")}</h2>
            {if p.searches.is_empty() {
                view! {
                    <p>{tr("saved-no-searches")}</p>
                }
                .into_any()
            } else {
                view! {
                    <ul class="saved-searches">
                        {p.searches
                            .into_iter()
                            .map(|(s, ids)| view! { <SearchRow search=s ids=ids changed=changed/> })
                            .collect::<Vec<_>>()}
                    </ul>
                }
                .into_any()
            }}
        }
        .into_any(),
    };
    view! {
        <h1>{tr("nav-saved")}</h1>
        <p class="lede">{tr("saved-lede")}</p>
        {body}
    }
}

#[component]
fn SavedCard(saved: SavedListing, now: Option<Listing>, changed: RwSignal<u32>) -> impl IntoView {
    let ctx = use_ctx();
    let today = clock::today();
    let gone = now.is_none();
    let l = now.unwrap_or_else(|| saved.listing.clone());
    let availability = if gone {
        Availability::Withdrawn
    } else {
        l.availability(today)
    };
    let note = match (gone, availability) {
        (true, _) => Some(tr("saved-gone")),
        (false, Availability::Closed) => Some(tr("saved-closed")),
        (false, Availability::Withdrawn) => Some(tr("saved-withdrawn")),
        (false, Availability::Open) => None,
    };
    let closing = words::closing(
        &crate::i18n::cat(),
        l.availability(today),
        l.closing_date,
        today,
    );
    let id = l.id.clone();
    let remove = move |_| {
        let store = ctx.store();
        let id = id.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if store.unsave_listing(&id).await.is_ok() {
                changed.update(|n| *n += 1);
            }
        });
    };
    let title = l.title.clone();
    let remove_label =
        crate::i18n::tr_with("saved-remove-listing", &[("title", title.as_str().into())]);
    let href = format!("/opportunities/{}", l.id);
    let ended = note.is_some();
    view! {
        <li class="card" class:card-ended=ended>
            <h3 class="card-title">
                {if gone {
                    view! { <span>{title.clone()}</span> }.into_any()
                } else {
                    view! { <A href=href>{title.clone()}</A> }.into_any()
                }}
            </h3>
            <p class="card-org">{l.organisation.name.clone()}</p>
            {note.map(|n| view! { <p class="notice-label saved-note">{n}</p> })}
            {(!ended).then(|| view! { <p>{closing}</p> })}
            <button
                type="button"
                class="button button-secondary"
                on:click=remove
                aria-label=remove_label
            >
                {tr("saved-remove")}
            </button>
        </li>
    }
}

#[component]
fn SearchRow(search: SavedSearch, ids: Vec<String>, changed: RwSignal<u32>) -> impl IntoView {
    let ctx = use_ctx();
    let navigate = use_navigate();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let fresh = search.new_matches(&refs).len();
    let label = describe(&crate::i18n::cat(), &search.query());
    let href = if search.id.is_empty() {
        "/".to_owned()
    } else {
        format!("/?{}", search.id)
    };
    let total = ids.len();
    let total_words = crate::i18n::tr_with("saved-matches-in-all", &[("n", total.into())]);
    let s_open = search.clone();
    let ids_open = ids.clone();
    let open_href = href.clone();
    // Opening it counts its matches as seen.
    let open = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        let mut s = s_open.clone();
        let refs: Vec<&str> = ids_open.iter().map(String::as_str).collect();
        s.mark_seen(&refs);
        let store = ctx.store();
        let navigate = navigate.clone();
        let href = open_href.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = store.put_saved_search(&s).await;
            navigate(&href, Default::default());
        });
    };
    let id = search.id.clone();
    let remove_label =
        crate::i18n::tr_with("saved-remove-search", &[("search", label.as_str().into())]);
    let remove = move |_| {
        let store = ctx.store();
        let id = id.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if store.delete_saved_search(&id).await.is_ok() {
                changed.update(|n| *n += 1);
            }
        });
    };
    view! {
        <li class="saved-search">
            <a href=href on:click=open class="saved-search-link">{label}</a>
            <p class="saved-search-counts">
                <span class:new-matches=move || fresh != 0>{new_matches_words(&crate::i18n::cat(), fresh)}</span>
                {format!(" · {total_words}")}
            </p>
            <button type="button" class="button button-secondary" on:click=remove aria-label=remove_label>
                {tr("saved-remove")}
            </button>
        </li>
    }
}
