//! The app shell: the route table and the page layout, in the style of Leptos' hackernews
//! example. What runs beside the screens (sync, sending, locking) is `runtime`; the context the
//! screens read is `runtime::ctx`.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::components::{status::StatusBar, update_banner::UpdateBanner};
use crate::pages::about_me::AboutMePage;
use crate::pages::applications::{ApplicationPage, ApplicationsPage};
use crate::pages::apply::{check::CheckPage, ApplyPage};
use crate::pages::device::{DeviceBar, FirstRun, SettingsPage, SetupPage};
use crate::pages::pin::{FinishedPage, Gate, LockWarning};
use crate::pages::what_changed::WhatChangedPage;
use crate::pages::{detail::DetailPage, list::ListPage, not_found::NotFound, saved::SavedPage};
use crate::runtime::{self, ctx::Ctx};
use crate::store::Store;

#[component]
pub fn App(store: Store) -> impl IntoView {
    let ctx = Ctx::new(store);
    provide_context(ctx);
    runtime::start(ctx);

    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>
                "Skip to main content"
            </a>
            <header class="site-header">
                <div class="wrap">
                    <A href="/" attr:class="brand">
                        <span class="brand-mark" aria-hidden="true"></span>
                        "Open Door"
                    </A>
                    <p class="tagline">"Have your say in health and care services"</p>
                    <DeviceBar/>
                </div>
                <nav class="wrap site-nav" aria-label="Main">
                    <ul>
                        <li><A href="/" exact=true>"Opportunities"</A></li>
                        <li><A href="/what-changed">"What changed"</A></li>
                        <li><A href="/saved">"Saved"</A></li>
                        <li><A href="/applications">"My applications"</A></li>
                        <li><A href="/about-me">"About me"</A></li>
                    </ul>
                </nav>
            </header>
            <LockWarning/>
            <UpdateBanner/>
            <StatusBar/>
            <FirstRun/>
            <main id="main" class="wrap" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=ListPage/>
                    <Route path=path!("/opportunities/:id") view=DetailPage/>
                    <Route path=path!("/opportunities/:id/apply") view=|| view! { <Gate><ApplyPage/></Gate> }/>
                    <Route path=path!("/opportunities/:id/apply/check") view=|| view! { <Gate><CheckPage/></Gate> }/>
                    <Route path=path!("/applications") view=|| view! { <Gate><ApplicationsPage/></Gate> }/>
                    <Route path=path!("/applications/:id") view=|| view! { <Gate><ApplicationPage/></Gate> }/>
                    <Route path=path!("/about-me") view=|| view! { <Gate><AboutMePage/></Gate> }/>
                    <Route path=path!("/saved") view=SavedPage/>
                    <Route path=path!("/what-changed") view=WhatChangedPage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                    <Route path=path!("/setup") view=SetupPage/>
                    <Route path=path!("/finished") view=FinishedPage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>
                        "Open Door keeps listings on this device so you can read them without a connection."
                    </p>
                </div>
            </footer>
        </Router>
    }
}

/// The router would treat "#main" as a navigation; move focus to the main content instead.
fn skip_to_main(ev: web_sys::MouseEvent) {
    ev.prevent_default();
    crate::pages::focus_main();
}
