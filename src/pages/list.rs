//! The list of open opportunities, soonest closing first.

use leptos::prelude::*;
use leptos_router::components::A;
use opendoor_core::browse::open_soonest_first;
use opendoor_core::sync::SyncError;
use opendoor_core::words::{self, SyncState};

use crate::app::use_ctx;
use crate::clock;
use crate::store::StoredListing;

/// Cards shown at first and per "Show more": enough to scroll, few enough for a slow phone.
const BATCH: usize = 30;

#[component]
pub fn ListPage() -> impl IntoView {
    super::set_title("Opportunities");
    super::arrived();
    let ctx = use_ctx();
    let rows = LocalResource::new(move || {
        ctx.revision.track();
        let store = ctx.store();
        async move { store.all_listings().await }
    });
    let shown = RwSignal::new(BATCH);

    let body = move || match rows.get() {
        None => view! { <p class="muted">"Loading saved listings…"</p> }.into_any(),
        Some(Err(e)) => view! {
            <div class="notice notice-problem">
                <h2>"Saved listings can't be read"</h2>
                <p>{e.to_string()}</p>
            </div>
        }
        .into_any(),
        Some(Ok(all)) => {
            let today = clock::today();
            let open = open_soonest_first(all, today, |r: &StoredListing| &r.listing);
            if open.is_empty() {
                return view! { <EmptyState/> }.into_any();
            }
            let total = open.len();
            let count = if total == 1 {
                "1 open opportunity".to_string()
            } else {
                format!("{total} open opportunities")
            };
            let cards = move || {
                open.iter()
                    .take(shown.get())
                    .map(|r| view! { <Card row=r.clone() today=today/> })
                    .collect_view()
            };
            view! {
                <p class="count">{count}</p>
                <ul class="cards" aria-label="Open opportunities">
                    {cards}
                </ul>
                <Show when=move || { shown.get() < total }>
                    <button
                        type="button"
                        class="button button-secondary show-more"
                        on:click=move |_| shown.update(|n| *n += BATCH)
                    >
                        {move || format!("Show more ({} of {total} shown)", shown.get().min(total))}
                    </button>
                </Show>
            }
            .into_any()
        }
    };

    view! {
        <h1>"Opportunities to have your say"</h1>
        <p class="lede">
            "Panels, groups, workshops and surveys where your experience of health and care services can shape them."
        </p>
        {body}
    }
}

#[component]
fn EmptyState() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        match ctx.state.get() {
        SyncState::Syncing => view! {
            <div class="notice">
                <p>"Getting the latest opportunities. This can take a moment on a slow connection."</p>
            </div>
        }
        .into_any(),
        SyncState::Failed(SyncError::Offline) => view! {
            <div class="notice">
                <h2>"No listings on this device yet"</h2>
                <p>
                    "You're offline. Connect to the internet and press Refresh, and listings will be saved here to read later without a connection."
                </p>
            </div>
        }
        .into_any(),
        _ => view! {
            <div class="notice">
                <h2>"No open opportunities right now"</h2>
                <p>"New ones are added often. Press Refresh or check back soon."</p>
            </div>
        }
        .into_any(),
    }
    }
}

#[component]
fn Card(row: StoredListing, today: time::Date) -> impl IntoView {
    let l = row.listing;
    let href = format!("/opportunities/{}", l.id);
    let closing = words::closing(l.availability(today), l.closing_date, today);
    view! {
        <li class="card">
            <h2 class="card-title">
                <A href=href>{l.title}</A>
            </h2>
            <p class="card-org">{l.organisation.name}</p>
            <p class="card-summary">{l.summary}</p>
            <dl class="facts">
                <div>
                    <dt>"Type"</dt>
                    <dd>{words::kind(l.kind)}</dd>
                </div>
                <div>
                    <dt>"Where"</dt>
                    <dd>{words::attendance(&l.attendance)}</dd>
                </div>
                <div>
                    <dt>"Payment"</dt>
                    <dd>{words::payment(&l.payment)}</dd>
                </div>
                <div>
                    <dt>"Closing date"</dt>
                    <dd>{closing}</dd>
                </div>
            </dl>
        </li>
    }
}
