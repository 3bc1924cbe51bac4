//! "About me": the standard answers kept on this device for the next application, in one place
//! to change or delete (WCAG 2.2 Redundant Entry).

use leptos::prelude::*;

use crate::i18n::tr;
use opendoor_core::form::{AboutMe, FieldError, Form};
use opendoor_core::words;

use super::apply::fields::AboutYouFields;
use crate::runtime::ctx::use_ctx;

#[component]
pub fn AboutMePage() -> impl IntoView {
    super::arrived();
    super::set_title(&tr("nav-about-me"));
    let ctx = use_ctx();
    let data = LocalResource::new(move || {
        let drafts = ctx.drafts();
        async move { drafts.about_me().await }
    });
    move || {
        match data.get() {
        None => view! { <p class="muted">{tr("loading")}</p> }.into_any(),
        Some(Err(e)) => {
            view! { <h1>{tr("nav-about-me")}</h1><p>{words::storage_problem(&crate::i18n::cat(), &e.problem())}</p> }.into_any()
        }
        Some(Ok(about)) => view! { <Editor about=about/> }.into_any(),
    }
    }
}

#[component]
fn Editor(about: Option<AboutMe>) -> impl IntoView {
    let ctx = use_ctx();
    let kept = RwSignal::new(about.is_some());
    let form = RwSignal::new(Form {
        about: about.unwrap_or_default(),
        ..Form::default()
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let message = RwSignal::new(String::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let drafts = ctx.drafts();
        let about = form.get_untracked().about;
        wasm_bindgen_futures::spawn_local(async move {
            match drafts.set_about_me(&about).await {
                Ok(()) => {
                    kept.set(true);
                    message.set(tr("about-saved-new-applications-will"));
                }
                Err(e) => message.set(crate::i18n::tr_with(
                    "not-saved",
                    &[(
                        "reason",
                        words::storage_problem(&crate::i18n::cat(), &e.problem()).into(),
                    )],
                )),
            }
        });
    };
    let delete = move |_| {
        let drafts = ctx.drafts();
        wasm_bindgen_futures::spawn_local(async move {
            match drafts.forget_about_me().await {
                Ok(()) => {
                    form.set(Form::default());
                    kept.set(false);
                    message.set(tr("about-deleted-your-details-are"));
                }
                Err(e) => message.set(crate::i18n::tr_with(
                    "not-deleted",
                    &[(
                        "reason",
                        words::storage_problem(&crate::i18n::cat(), &e.problem()).into(),
                    )],
                )),
            }
        });
    };
    view! {
        <h1>{tr("nav-about-me")}</h1>
        <p>
            {tr("about-if-you-keep-these")}
            {tr("about-they-never-leave-this")}
        </p>
        <p>{move || if kept.get() { tr("about-your-answers-are-kept") } else { tr("about-nothing-is-kept-on") }}</p>
        <p class="save-status" role="status" aria-live="polite">{move || message.get()}</p>
        <form novalidate autocomplete=super::form_autocomplete(super::keep_private()) on:submit=save>
            <AboutYouFields form=form errors=errors/>
            <div class="button-group">
                <button type="submit" class="button">{tr("about-save-on-this-device")}</button>
                <Show when=move || kept.get()>
                    <button type="button" class="button button-warning" on:click=delete>{tr("about-delete-my-details")}</button>
                </Show>
            </div>
        </form>
    }
}
