//! "New since you last looked", for the screens: the person's applications, each with its
//! listing's "what changed" note and what is new (decided by `opendoor_core::news`), and the
//! home screen's "2 of your applications have news".

use leptos::prelude::*;

use crate::i18n::tr;
use leptos_router::components::A;
use opendoor_core::listing::ImpactNote;
use opendoor_core::news::{count_words, News};
use opendoor_core::outbox::LocalApplication;

use crate::clock;
use crate::runtime::ctx::{use_ctx, Ctx};
use crate::store::drafts::Drafts;
use crate::store::{Store, StoreError};

/// One of the person's applications, with what the screens show beside it.
#[derive(Clone)]
pub struct Mine {
    pub app: LocalApplication,
    /// The listing's impact note as stored now (none if the listing has left the feed).
    pub note: Option<ImpactNote>,
    pub news: News,
}

impl Mine {
    pub async fn of(app: LocalApplication, store: &Store) -> Mine {
        // A listing that cannot be read just has no note here; the application still shows.
        let note = store
            .listing(&app.listing_id)
            .await
            .ok()
            .flatten()
            .and_then(|r| r.listing.impact_note);
        let news = app.news(note.as_ref(), clock::local_offset());
        Mine { app, note, news }
    }
}

/// Every application of the person's (most recently changed first), with notes and news.
pub async fn mine(drafts: &Drafts) -> Result<Vec<Mine>, StoreError> {
    let mut out = Vec::new();
    for app in drafts.applications().await? {
        out.push(Mine::of(app, drafts.store()).await);
    }
    Ok(out)
}

/// "New" beside what changed: a word in a box, so it is not told by colour alone.
pub fn new_mark(on: bool) -> impl IntoView {
    on.then(|| view! { " " <strong class="new-mark">{tr("news-page-new")}</strong> })
}

/// Reloads whenever an application, a listing, the device's mode or who is unlocked changes.
pub fn track(ctx: Ctx) {
    ctx.apps_revision.track();
    ctx.revision.track();
    ctx.device_ready.track();
    ctx.session_rev.track();
}

/// The home screen's "2 of your applications have news", linking to My applications. The live
/// region is always there (empty when there is no news), so a screen reader hears the line when
/// a sync or a status check brings news.
#[component]
pub fn NewsNotice() -> impl IntoView {
    let ctx = use_ctx();
    let count = LocalResource::new(move || {
        track(ctx);
        let drafts = ctx.drafts();
        async move {
            mine(&drafts)
                .await
                .map(|all| all.iter().filter(|m| m.news.any()).count())
                .unwrap_or(0)
        }
    });
    view! {
        <div class="news-status" role="status" aria-live="polite">
            {move || {
                let n = count.get().unwrap_or(0);
                (n > 0).then(|| view! {
                    <p class="news-notice"><A href="/applications">{count_words(&crate::i18n::cat(), n)}</A></p>
                })
            }}
        </div>
    }
}
