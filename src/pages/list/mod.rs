//! The list of open opportunities: search as you type, filters with counts, sort, results.
//!
//! The search lives in the address bar (`core::query`), so Back works and a link can be
//! shared. Typing replaces the current history entry (Back does not step through letters);
//! a filter or sort change adds one. Nothing here moves focus: only the results and counts
//! change while someone types, and the result count is announced politely, once typing pauses.

mod filters;
mod found;

use filters::Filters;
use found::{Found, Go, Listings};

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use opendoor_core::filter::{self, Context, Origin, Sort, HERE};
use opendoor_core::first_screen as fs;
use opendoor_core::listing::{Geo, Listing};
use opendoor_core::query::{self, Query};
use opendoor_core::saved::{self as saved_words, SavedSearch};
use opendoor_core::search::highlight;
use opendoor_core::sync::SyncError;
use opendoor_core::words::{self, SyncState};

use crate::pages::news::NewsNotice;
use crate::runtime::ctx::use_ctx;
use crate::{clock, finder};

/// Cards shown at first and per "Show more": enough to scroll, few enough for a slow phone.
const BATCH: usize = 30;
/// How long typing must pause before the new count is announced.
const ANNOUNCE_MS: u32 = 800;

#[component]
pub fn ListPage() -> impl IntoView {
    super::set_title(&crate::i18n::tr("list-title"));
    super::arrived();
    let ctx = use_ctx();
    let location = use_location();
    let navigate = use_navigate();
    let go = Go(StoredValue::new_local(Box::new(navigate)));
    let query = Memo::new(move |_| Query::parse(&location.search.get()));
    // Remembered so "Back to all opportunities" returns to this search, not an empty list.
    // (Only while the list is the page shown: leaving it changes the address first.)
    Effect::new(move || {
        let search = location.search.get();
        if location.pathname.get_untracked() == "/" {
            ctx.list_search.set(search);
        }
    });
    let device = RwSignal::new(finder::device().map(|g| (g.lat, g.lng)));
    // The first screen as last shown, painted before every stored listing is read (one record,
    // against seconds for 10,000 listings on a slow phone); only for the list with no search.
    let snapshot = RwSignal::new(None::<fs::Snapshot>);
    let first_read = StoredValue::new(true);
    let data = LocalResource::new(move || {
        let revision = ctx.revision.get();
        let store = ctx.store();
        let first = first_read.with_value(|f| *f);
        first_read.set_value(false);
        async move {
            if first {
                if let Ok(Some(s)) = store.first_screen().await {
                    snapshot.set(Some(s));
                    // Let it paint before the long read (and its decoding) holds the thread.
                    after_paint().await;
                }
            }
            store.all_listings().await.map(|rows| {
                let modified: Vec<i64> = rows.iter().map(|r| r.modified).collect();
                let all: Vec<Listing> = rows.into_iter().map(|r| r.listing).collect();
                let facts = filter::Facts::of(&all);
                Listings {
                    all: Arc::new(all),
                    facts: Arc::new(facts),
                    modified: Arc::new(modified),
                    revision,
                }
            })
        }
    });
    let today = clock::today();
    let plain = move || query.with(|q| *q == Query::default());
    let early = move || {
        if data.with(Option::is_some) || !plain() {
            return None;
        }
        snapshot.get().filter(|s| !s.still_open(today).is_empty())
    };
    let outcome = Memo::new(move |_| {
        let data = data.get()?.ok()?;
        let q = query.get();
        let dev = device.get().map(|(lat, lng)| Geo { lat, lng });
        // "near me" typed in the search asks for the device's location, as "Use my location" does.
        let filters = opendoor_core::search::intent::with_near_me(&q.text, &q.filters);
        let origin = filters.near.as_ref().and_then(|n| Origin::resolve(n, dev));
        let near_note = match (&filters.near, &origin) {
            (Some(n), None) if n.place == HERE => Some(crate::i18n::tr("near-press-use-location")),
            (Some(n), Some(o)) if o.geo.is_none() => Some(crate::i18n::tr_with(
                "near-no-map-location",
                &[("place", n.place.as_str().into())],
            )),
            _ => None,
        };
        let cx = Context {
            today,
            origin: origin.as_ref(),
        };
        if !opendoor_core::search::query_words(&q.text).is_empty() {
            index_up_to_date(&data);
        }
        let r = finder::with_index(|ix| {
            filter::find_with(&data.all, &data.facts, ix, &q.text, &filters, q.sort, &cx)
        });
        // When few or no listings have every word: say so, and which word to drop.
        let explained = if opendoor_core::search::query_words(&q.text).is_empty() {
            None
        } else {
            finder::with_index(|ix| Some(ix.search_explained(&q.text)))
        };
        let partial_note = explained
            .as_ref()
            .and_then(|s| opendoor_core::search::words::partial_note(&crate::i18n::cat(), s));
        let drop_word = explained
            .as_ref()
            .map(|s| opendoor_core::search::words::remove_a_word(&crate::i18n::cat(), s))
            .unwrap_or_default()
            .into_iter()
            .map(|s| {
                let mut without = q.clone();
                without.text = opendoor_core::search::words::without(&q.text, &s.remove);
                (s.text, format!("/?{}", without.to_query_string()))
            })
            .collect();
        // With few or no results and filters on: which filter to drop, and what that would show.
        let drop_filter = if !q.filters.is_empty() && (r.rows.is_empty() || partial_note.is_some())
        {
            let now = r.rows.len();
            opendoor_core::relax::remove_a_filter(&crate::i18n::cat(), &q.filters, now, |f| {
                let f = opendoor_core::search::intent::with_near_me(&q.text, f);
                finder::with_index(|ix| {
                    filter::find_with(&data.all, &data.facts, ix, &q.text, &f, q.sort, &cx)
                        .rows
                        .len()
                })
            })
            .into_iter()
            .map(|s| {
                let mut without = q.clone();
                without.filters = s.without;
                (s.text, format!("/?{}", without.to_query_string()))
            })
            .collect()
        } else {
            Vec::new()
        };
        Some(Found {
            drop_filter,
            rows: r.rows,
            counts: r.counts,
            words: r.words,
            open: r.open,
            near_note,
            partial_note,
            drop_word,
            listings: data.clone(),
        })
    });

    // The count in words, and the same words for screen readers once typing pauses.
    let count_text = Memo::new(move |_| {
        if let Some(s) = early() {
            return Some(words::count_words(
                &crate::i18n::cat(),
                s.open,
                s.open,
                false,
            ));
        }
        let o = outcome.get()?;
        let searching = query.with(|q| !q.text.trim().is_empty() || !q.filters.is_empty());
        Some(words::count_words(
            &crate::i18n::cat(),
            o.rows.len(),
            o.open,
            searching,
        ))
    });
    let announce = RwSignal::new(String::new());
    let timer = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    Effect::new(move |_| {
        let text = count_text.get().unwrap_or_default();
        let t = gloo_timers::callback::Timeout::new(ANNOUNCE_MS, move || announce.set(text));
        // Replacing the timer cancels the one before.
        timer.set_value(Some(t));
    });

    // Take over from the server's first paint once this list has what it showed: after the first
    // sync, unless that failed with nothing stored (the first paint is then better than nothing).
    Effect::new(move |_| {
        let have = match data.get() {
            None => return,
            Some(Err(_)) => true,
            // Only what the finished sync stored: not a page read while it ran.
            Some(Ok(d)) if d.revision != ctx.revision.get() => return,
            Some(Ok(d)) => !d.all.is_empty(),
        };
        if ctx.synced.get() && (have || ctx.state.get() == SyncState::Idle) {
            super::ready();
        }
    });

    let shown = RwSignal::new(BATCH);
    Effect::new(move |_| {
        query.track();
        shown.set(BATCH);
    });

    // Keep the first screen for the next cold start, when what it shows has changed.
    let kept = StoredValue::new(None::<fs::Snapshot>);
    Effect::new(move |_| {
        let Some(o) = outcome.get() else { return };
        if !plain() {
            return;
        }
        let s = fs::Snapshot {
            open: o.open,
            listings: o
                .rows
                .iter()
                .take(BATCH)
                .map(|i| o.listings.all[*i].clone())
                .collect(),
        };
        let stored = kept
            .with_value(|k| k.clone())
            .or_else(|| snapshot.get_untracked());
        if stored.is_some_and(|k| k.same_as(&s)) {
            return;
        }
        kept.set_value(Some(s.clone()));
        let store = ctx.store();
        // Only a head start for next time: failing to keep it loses nothing.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = store.set_first_screen(&s).await;
        });
    });

    let results = move || match data.get() {
        None => match early() {
            Some(s) => {
                let cards = s
                    .still_open(today)
                    .into_iter()
                    .map(|l| view! { <Card listing=l.clone() today=today marks=HashSet::new()/> })
                    .collect::<Vec<_>>();
                view! { <ul class="cards" aria-label=crate::i18n::tr("list-found-label")>{cards}</ul> }.into_any()
            }
            None => view! { <p class="muted">{crate::i18n::tr("list-loading")}</p> }.into_any(),
        },
        Some(Err(e)) => view! {
            <div class="notice notice-problem">
                <h2>{crate::i18n::tr("list-cannot-read")}</h2>
                <p>{words::storage_problem(&crate::i18n::cat(), &e.problem())}</p>
            </div>
        }
        .into_any(),
        Some(Ok(_)) => {
            let Some(o) = outcome.get() else {
                return ().into_any();
            };
            if o.open == 0 {
                return view! { <EmptyState/> }.into_any();
            }
            if o.rows.is_empty() {
                let links = drop_filter_links(&o.drop_filter);
                return view! {
                    <div class="notice">
                        <h2>{crate::i18n::tr("list-nothing-matches")}</h2>
                        <p>{crate::i18n::tr("list-nothing-matches-hint")}</p>
                        <ul>{links}</ul>
                    </div>
                }
                .into_any();
            }
            let total = o.rows.len();
            let cards = move || {
                let Some(o) = outcome.get() else {
                    return Vec::new();
                };
                o.rows
                    .iter()
                    .take(shown.get())
                    .map(|i| {
                        let l = o.listings.all[*i].clone();
                        view! { <Card listing=l today=today marks=o.words.clone()/> }
                    })
                    .collect::<Vec<_>>()
            };
            let partial = o.partial_note.clone().map(|note| {
                let links = o
                    .drop_word
                    .iter()
                    .map(|(text, href)| view! { <li><a href=href.clone()>{text.clone()}</a></li> })
                    .collect::<Vec<_>>();
                let filters = drop_filter_links(&o.drop_filter);
                view! {
                    <div class="notice">
                        <p>{note}</p>
                        <ul>{links}{filters}</ul>
                    </div>
                }
            });
            view! {
                {partial}
                <ul class="cards" aria-label=crate::i18n::tr("list-found-label")>
                    {cards}
                </ul>
                <Show when=move || { shown.get() < total }>
                    <button
                        type="button"
                        class="button button-secondary show-more"
                        on:click=move |_| shown.update(|n| *n += BATCH)
                    >
                        {move || fs::show_more(&crate::i18n::cat(), shown.get(), total)}
                    </button>
                </Show>
            }
            .into_any()
        }
    };

    view! {
        <h1>{crate::i18n::tr("list-heading")}</h1>
        <p class="lede">{crate::i18n::tr("list-lede")}</p>
        <NewsNotice/>
        <NewMatches data=data today=today/>
        <SearchBox query=query go=go/>
        <Filters query=query outcome=outcome go=go device=device/>
        <div class="results-bar">
            <p class="count">{move || count_text.get().unwrap_or_default()}</p>
            <SortChoice query=query go=go/>
        </div>
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || announce.get()}
        </p>
        // Saving is for a search: with nothing typed or chosen it would only take a phone's room.
        <Show when=move || query.with(|q| !q.text.trim().is_empty() || !q.filters.is_empty())>
            <SaveSearch query=query outcome=outcome/>
        </Show>
        {results}
    }
}

/// Resolves after the next frame has been painted.
async fn after_paint() {
    for _ in 0..2 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.request_animation_frame(&resolve);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    }
}

fn index_up_to_date(d: &Listings) {
    finder::update_from(d.all.iter().zip(d.modified.iter().copied()));
}

type Loaded = LocalResource<Result<Listings, crate::store::StoreError>>;

/// "2 new matches for your saved searches", when a sync brought any (checked whenever the
/// stored listings change).
#[component]
fn NewMatches(data: Loaded, today: time::Date) -> impl IntoView {
    let ctx = use_ctx();
    let searches = LocalResource::new(move || {
        ctx.revision.track();
        let store = ctx.store();
        async move { store.saved_searches().await.unwrap_or_default() }
    });
    let fresh = Memo::new(move |_| {
        let Some(Ok(d)) = data.get() else {
            return 0;
        };
        let Some(searches) = searches.get() else {
            return 0;
        };
        if searches.iter().any(SavedSearch::has_words) {
            index_up_to_date(&d);
        }
        searches
            .iter()
            .map(|s| {
                let ids = finder::with_index(|ix| {
                    s.matching(&d.all, &d.facts, ix, today, finder::device())
                });
                s.new_matches(&ids).len()
            })
            .sum::<usize>()
    });
    view! {
        <Show when=move || { fresh.get() > 0 }>
            <p class="new-matches-notice">
                <A href="/saved">
                    {move || {
                        let n = fresh.get();
                        crate::i18n::tr_with("list-new-matches", &[("n", n.into())])
                    }}
                </A>
            </p>
        </Show>
    }
}

#[component]
fn SearchBox(query: Memo<Query>, go: Go) -> impl IntoView {
    let text = RwSignal::new(query.with_untracked(|q| q.text.clone()));
    // Back and Forward change the address: show its words (never while they are equal, so the
    // caret does not jump while typing).
    Effect::new(move |_| {
        let t = query.with(|q| q.text.clone());
        if t != text.get_untracked() {
            text.set(t);
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        text.set(v.clone());
        let mut q = query.get_untracked();
        q.text = v;
        go.to(&q, true);
    };
    view! {
        <form role="search" class="search" on:submit=|ev| ev.prevent_default()>
            <label for="search" class="search-label">{crate::i18n::tr("search-label")}</label>
            <p id="search-hint" class="hint">{crate::i18n::tr("search-hint")}</p>
            <input
                id="search"
                type="search"
                class="search-input"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="search-hint"
                maxlength=query::MAX_TEXT.to_string()
                prop:value=move || text.get()
                on:input=on_input
            />
        </form>
    }
}

#[component]
fn SortChoice(query: Memo<Query>, go: Go) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let mut q = query.get_untracked();
        q.sort = Sort::ALL
            .into_iter()
            .find(|s| query::sort_slug(*s) == v)
            .unwrap_or_default();
        go.to(&q, false);
    };
    let options = Sort::ALL.map(|s| {
        let label = fs::sort_label(&crate::i18n::cat(), s);
        view! {
            <option
                value=query::sort_slug(s)
                prop:selected=move || query.with(|q| q.sort == s)
            >
                {label}
            </option>
        }
    });
    view! {
        <div class="sort">
            <label for="sort">{crate::i18n::tr("sort-label")}</label>
            <select id="sort" on:change=on_change>
                {options.to_vec()}
            </select>
        </div>
    }
}

#[component]
fn SaveSearch(query: Memo<Query>, outcome: Memo<Option<Found>>) -> impl IntoView {
    let ctx = use_ctx();
    let message = RwSignal::new(String::new());
    Effect::new(move |_| {
        query.track();
        message.set(String::new());
    });
    let save = move |_| {
        let q = query.get_untracked();
        let ids: Vec<String> = outcome.with_untracked(|o| {
            o.as_ref()
                .map(|o| {
                    o.rows
                        .iter()
                        .map(|i| o.listings.all[*i].id.clone())
                        .collect()
                })
                .unwrap_or_default()
        });
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let s = SavedSearch::new(&q, &refs, clock::now_unix());
        let store = ctx.store();
        wasm_bindgen_futures::spawn_local(async move {
            match store.put_saved_search(&s).await {
                Ok(()) => message.set(crate::i18n::tr_with(
                    "search-saved",
                    &[(
                        "search",
                        saved_words::describe(&crate::i18n::cat(), &s.query()).into(),
                    )],
                )),
                Err(e) => message.set(crate::i18n::tr_with(
                    "search-not-saved",
                    &[(
                        "reason",
                        words::storage_problem(&crate::i18n::cat(), &e.problem()).into(),
                    )],
                )),
            }
        });
    };
    view! {
        <div class="save-search">
            <button type="button" class="button button-secondary" on:click=save>
                {crate::i18n::tr("save-search")}
            </button>
            <p role="status" class="save-search-message">{move || message.get()}</p>
        </div>
    }
}

#[component]
fn EmptyState() -> impl IntoView {
    let ctx = use_ctx();
    move || match ctx.state.get() {
        SyncState::Syncing => view! {
            <div class="notice">
                <p>{crate::i18n::tr("list-first-sync")}</p>
            </div>
        }
        .into_any(),
        SyncState::Failed(SyncError::Offline) => view! {
            <div class="notice">
                <h2>{crate::i18n::tr("list-none-yet")}</h2>
                <p>{crate::i18n::tr("list-none-yet-offline")}</p>
            </div>
        }
        .into_any(),
        _ => view! {
            <div class="notice">
                <h2>{crate::i18n::tr("list-none-open")}</h2>
                <p>{crate::i18n::tr("list-none-open-hint")}</p>
            </div>
        }
        .into_any(),
    }
}

/// Text with the matched words marked (still text: `<mark>` around a text node).
fn marked(text: &str, words: &HashSet<String>) -> impl IntoView {
    highlight(text, words)
        .into_iter()
        .map(|p| {
            if p.hit {
                view! { <mark>{p.text}</mark> }.into_any()
            } else {
                p.text.into_any()
            }
        })
        .collect::<Vec<_>>()
}

#[component]
fn Card(listing: Listing, today: time::Date, marks: HashSet<String>) -> impl IntoView {
    let l = listing;
    let href = format!("/opportunities/{}", l.id);
    let closing = words::closing(
        &crate::i18n::cat(),
        l.availability(today),
        l.closing_date,
        today,
    );
    let title = marked(&l.title, &marks);
    // Easy Read first for people who chose it (Settings), where the listing has one.
    let easy = crate::i18n::easy_read_on()
        .then(|| l.easy_read.clone())
        .flatten();
    let summary = match &easy {
        Some(e) => marked(e, &marks),
        None => marked(&l.summary, &marks),
    };
    // The listing's own words stay in the language they were written in, marked so.
    let lang = l.lang().to_owned();
    view! {
        <li class="card">
            <h2 class="card-title" lang=lang.clone()>
                <A href=href>{title}</A>
            </h2>
            <p class="card-org" lang=lang.clone()>{l.organisation.name}</p>
            <p class="card-summary" class:easy-read=easy.is_some() lang=lang>{summary}</p>
            <dl class="facts">
                {fs::card_facts(&crate::i18n::cat())
                    .into_iter()
                    .zip([
                        words::kind(&crate::i18n::cat(), l.kind).to_owned(),
                        words::attendance(&crate::i18n::cat(), &l.attendance),
                        words::payment(&crate::i18n::cat(), &l.payment),
                        closing,
                    ])
                    .map(|(dt, dd)| view! { <div><dt>{dt}</dt><dd>{dd}</dd></div> })
                    .collect_view()}
            </dl>
        </li>
    }
}

/// "Remove the filter “Paid”: 12 opportunities" links (`relax::remove_a_filter`).
fn drop_filter_links(v: &[(String, String)]) -> Vec<impl IntoView> {
    v.iter()
        .map(|(text, href)| view! { <li><a href=href.clone()>{text.clone()}</a></li> })
        .collect()
}
