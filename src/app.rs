//! The app shell: the route table and the page layout, in the style of Leptos' hackernews
//! example. What runs beside the screens (sync, sending, locking) is `runtime`; the context the
//! screens read is `runtime::ctx`.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use opendoor_core::first_screen as fs;

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
                {crate::i18n::tr("skip-link")}
            </a>
            <header class="site-header">
                <div class="wrap">
                    <A href="/" attr:class="brand">
                        <span class="brand-mark" aria-hidden="true"></span>
                        {crate::i18n::tr("app-name")}
                    </A>
                    <p class="tagline">{crate::i18n::tr("tagline")}</p>
                    <crate::pages::language::LanguageLinks/>
                    <DeviceBar/>
                </div>
                <nav class="wrap site-nav" aria-label=crate::i18n::tr("nav-main")>
                    <ul>
                        {fs::nav(&crate::i18n::cat()).map(|(href, text)| view! { <li><A href=href exact=href == "/">{text}</A></li> })}
                    </ul>
                </nav>
            </header>
            <LockWarning/>
            <UpdateBanner/>
            <StatusBar/>
            <main id="main" class="wrap" tabindex="-1">
                // Inside main, first: the next Tab after arriving on a page reaches the question.
                <FirstRun/>
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
                    <p>{crate::i18n::tr("footer")}</p>
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
