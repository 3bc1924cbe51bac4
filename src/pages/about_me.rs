//! "About me": the standard answers kept on this device for the next application, in one place
//! to change or delete (WCAG 2.2 Redundant Entry).

use leptos::prelude::*;
use opendoor_core::form::{AboutMe, FieldError, Form};
use opendoor_core::words;

use super::apply::fields::AboutYouFields;
use crate::runtime::ctx::use_ctx;

#[component]
pub fn AboutMePage() -> impl IntoView {
    super::arrived();
    super::set_title("About me");
    let ctx = use_ctx();
    let data = LocalResource::new(move || {
        let drafts = ctx.drafts();
        async move { drafts.about_me().await }
    });
    move || {
        match data.get() {
        None => view! { <p class="muted">"Loading…"</p> }.into_any(),
        Some(Err(e)) => {
            view! { <h1>"About me"</h1><p>{words::storage_problem(&crate::i18n::cat(), &e.problem())}</p> }.into_any()
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
                    message.set("Saved. New applications will start with these answers.".into());
                }
                Err(e) => message.set(format!(
                    "Not saved: {}.",
                    words::storage_problem(&crate::i18n::cat(), &e.problem())
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
                    message.set("Deleted. Your details are no longer kept on this device.".into());
                }
                Err(e) => message.set(format!(
                    "Not deleted: {}.",
                    words::storage_problem(&crate::i18n::cat(), &e.problem())
                )),
            }
        });
    };
    view! {
        <h1>"About me"</h1>
        <p>
            "If you keep these answers on this device, each new application starts with them filled in. "
            "They never leave this device until you send an application."
        </p>
        <p>{move || if kept.get() { "Your answers are kept on this device." } else { "Nothing is kept on this device at the moment." }}</p>
        <p class="save-status" role="status" aria-live="polite">{move || message.get()}</p>
        <form novalidate autocomplete=super::form_autocomplete(super::keep_private()) on:submit=save>
            <AboutYouFields form=form errors=errors/>
            <div class="button-group">
                <button type="submit" class="button">"Save on this device"</button>
                <Show when=move || kept.get()>
                    <button type="button" class="button button-warning" on:click=delete>"Delete my details"</button>
                </Show>
            </div>
        </form>
    }
}
