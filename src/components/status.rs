//! The status line everyone can read, and the Refresh button.

use leptos::prelude::*;
use opendoor_core::words::{self, status_line, SyncState};

use crate::clock;
use crate::runtime::ctx::use_ctx;

#[component]
pub fn StatusBar() -> impl IntoView {
    let ctx = use_ctx();
    let have = RwSignal::new(false);
    // Whether anything is stored decides "showing saved listings" vs "no listings saved yet".
    let count = LocalResource::new(move || {
        ctx.revision.track();
        let store = ctx.store();
        async move { store.count().await.unwrap_or(0) }
    });
    Effect::new(move || have.set(count.get().unwrap_or(0) > 0));
    let text = move || {
        let now = clock::from_millis(ctx.now.get());
        let last = ctx.last_sync.get().map(clock::from_unix);
        status_line(&crate::i18n::cat(), &ctx.state.get(), last, now, have.get())
    };
    let failed = move || matches!(ctx.state.get(), SyncState::Failed(_));
    let busy = move || ctx.state.get() == SyncState::Syncing;
    let skipped = move || ctx.skipped.get();
    view! {
        <section class="status" class:status-problem=failed aria-label=crate::i18n::tr("status-region")>
            <div class="wrap status-row">
                <p role="status" aria-live="polite" class="status-text">{text}</p>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| ctx.sync()
                    aria-disabled=move || busy().then_some("true")
                >
                    {move || crate::i18n::tr(if busy() { "status-checking" } else { "refresh" })}
                </button>
            </div>
            <Show when=move || !skipped().is_empty()>
                <details class="wrap skipped">
                    <summary>
                        {move || words::skipped_words(&crate::i18n::cat(), skipped().total)}
                    </summary>
                    <ul>
                        {move || skipped().reasons.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                    </ul>
                </details>
            </Show>
        </section>
    }
}
