//! "Check your answers", then Send: the application is queued under a new idempotency key and
//! sent now if there is a connection, later by itself if not.

use leptos::prelude::*;

use crate::i18n::tr;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use opendoor_core::application::ContactBy;
use opendoor_core::form::{Form, FormAnswer};
use opendoor_core::outbox::QueueError;
use opendoor_core::words;

use super::{questions, save_problem, use_loaded, Loaded};
use crate::clock;
use crate::device::crypto;
use crate::runtime::ctx::use_ctx;
use crate::store::StoreError;

#[component]
pub fn CheckPage() -> impl IntoView {
    crate::pages::arrived();
    let data = use_loaded();
    move || {
        match data.get() {
        None => view! { <p class="muted">{tr("loading")}</p> }.into_any(),
        Some(Err(e)) => {
            view! { <h1>{tr("check-your-answers-cant-be")}</h1><p>{words::storage_problem(&crate::i18n::cat(), &e.problem())}</p> }.into_any()
        }
        Some(Ok(Some(loaded))) if loaded.app.as_ref().is_some_and(|a| a.is_draft()) => {
            view! { <Summary loaded=loaded/> }.into_any()
        }
        Some(Ok(_)) => view! {
            <h1>{tr("check-there-is-nothing-to")}</h1>
            <p><A href="/applications">{tr("check-see-your-applications")}</A></p>
        }
        .into_any(),
    }
    }
}

fn row(key: String, value: String, field: &str, apply: &str) -> impl IntoView {
    let href = format!("{apply}#{field}");
    let hidden = key.to_lowercase();
    view! {
        <div class="summary-row">
            <dt class="summary-key">{key}</dt>
            <dd class="summary-value">{value}</dd>
            <dd class="summary-actions">
                <A href=href>{tr("check-change")}<span class="visually-hidden">{format!(" {hidden}")}</span></A>
            </dd>
        </div>
    }
}

fn answer_words(a: Option<&FormAnswer>) -> String {
    match a {
        None => tr("check-not-answered"),
        Some(FormAnswer::YesNo(true)) => tr("check-yes"),
        Some(FormAnswer::YesNo(false)) => tr("check-no"),
        Some(FormAnswer::Text(t)) if t.trim().is_empty() => tr("check-not-answered"),
        Some(FormAnswer::Text(t)) => t.clone(),
        Some(FormAnswer::Choices(c)) if c.is_empty() => tr("check-not-answered"),
        Some(FormAnswer::Choices(c)) => c.join(", "),
    }
}

fn contact_words(f: &Form) -> String {
    let a = &f.about;
    match a.contact_by {
        Some(ContactBy::Email) => {
            crate::i18n::tr_with("check-by-email", &[("detail", a.email.trim().into())])
        }
        Some(ContactBy::Phone) => {
            crate::i18n::tr_with("check-by-phone", &[("detail", a.phone.trim().into())])
        }
        Some(ContactBy::Post) => {
            crate::i18n::tr_with("check-by-post", &[("detail", a.address.trim().into())])
        }
        None => tr("check-not-chosen"),
    }
}

#[component]
fn Summary(loaded: Loaded) -> impl IntoView {
    let ctx = use_ctx();
    let Loaded { listing, app, .. } = loaded;
    crate::pages::set_title(&crate::i18n::tr_with(
        "check-title",
        &[("title", listing.title.as_str().into())],
    ));
    let Some(app) = app else { return ().into_any() };
    let f = app.form.clone();
    let apply = format!("/opportunities/{}/apply", listing.id);
    let qs = questions(&listing);
    let problem = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let navigate = use_navigate();
    let listing_id = listing.id.clone();
    let send = move |_| {
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        let navigate = navigate.clone();
        let qs = qs.clone();
        let id = listing_id.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // A shared device seals in the same write that queues: have the server's key first.
            ctx.ensure_seal_key().await;
            let store = ctx.drafts();
            let key = crypto::idempotency_key();
            // The secret that will show the status: made here, never by the server.
            let Ok(secret) = crypto::status_secret() else {
                sending.set(false);
                problem.set(Some(words::no_secure_random(&crate::i18n::cat())));
                return;
            };
            let today = clock::today();
            let mut result = None;
            let remember = std::cell::Cell::new(None);
            let updated = store
                .update_application(&id, |a| {
                    result = Some(a.queue(
                        &crate::i18n::cat(),
                        &qs,
                        key,
                        secret,
                        clock::now_ms(),
                        today,
                    ));
                    remember.set(a.form.remember.then(|| a.form.about.clone()));
                })
                .await;
            sending.set(false);
            match (updated, result) {
                (Err(StoreError::NoSealKey), _) => {
                    problem.set(Some(tr("check-your-application-cant-be")))
                }
                (Err(e), _) => problem.set(Some(save_problem(&e))),
                (Ok(_), Some(Ok(()))) => {
                    if let Some(about) = remember.take() {
                        let _ = store.set_about_me(&about).await;
                    }
                    ctx.queued();
                    navigate(&format!("/applications/{id}"), NavigateOptions::default());
                }
                (Ok(_), Some(Err(QueueError::Answers(_)))) => navigate(
                    &format!("/opportunities/{id}/apply"),
                    NavigateOptions::default(),
                ),
                (Ok(_), Some(Err(QueueError::Closed))) => {
                    problem.set(Some(tr("check-this-opportunity-has-closed")))
                }
                (Ok(_), _) => navigate(&format!("/applications/{id}"), NavigateOptions::default()),
            }
        });
    };
    let a = &f.about;
    let helper = f.with_helper.then(|| {
        format!(
            "{}{}",
            f.helper_name.trim(),
            if f.helper_agreed {
                " (the person applying agreed to these answers being sent)"
            } else {
                ""
            }
        )
    });
    let question_rows = questions(&listing)
        .into_iter()
        .map(|q| {
            row(
                q.label.clone(),
                answer_words(f.answers.get(&q.id)),
                &format!("q-{}", q.id),
                &apply,
            )
        })
        .collect_view();
    view! {
        <p class="back"><A href=apply.clone()>{tr("check-back-to-your-answers")}</A></p>
        <span class="caption">{listing.title.clone()}</span>
        <h1>{tr("check-check-your-answers-before")}</h1>
        <h2>{tr("apply-about-you")}</h2>
        <dl class="summary-list">
            {row(tr("check-name"), a.name.trim().to_string(), "name", &apply)}
            {row(tr("check-how-to-contact-you"), contact_words(&f), "contact-by", &apply)}
            {(a.contact_by == Some(ContactBy::Email)).then(|| row(
                tr("check-email-updates"),
                if f.email_updates {
                    tr("check-yes-email-me-when")
                } else {
                    tr("check-no")
                },
                "email-updates",
                &apply,
            ))}
            {row(tr("check-support-to-take-part"), if a.access_needs.trim().is_empty() { tr("check-none-given") } else { a.access_needs.trim().to_string() }, "access-needs", &apply)}
            {row(tr("check-format-for-papers"), a.paper_format.map(|p| tr(p.message_id())).unwrap_or_else(|| tr("check-no-preference")), "paper-format", &apply)}
            {row(tr("check-filled-in-with"), helper.unwrap_or_else(|| tr("check-no-one-i-filled")), "with-helper", &apply)}
        </dl>
        {(!questions(&listing).is_empty()).then(|| view! {
            <h2>{crate::i18n::tr_with("apply-questions-from", &[("org", listing.organisation.name.as_str().into())])}</h2>
            <dl class="summary-list">{question_rows}</dl>
        })}
        <h2>{tr("check-now-send-your-application")}</h2>
        <p>{crate::i18n::tr_with("check-by-sending", &[("org", listing.organisation.name.as_str().into())])}</p>
        <p>{tr("check-if-youre-offline-it")}</p>
        {move || problem.get().map(|p| view! { <div class="notice notice-problem" role="alert"><p>{p}</p></div> })}
        <button type="button" class="button" on:click=send aria-disabled=move || sending.get().then_some("true")>
            {tr("check-send-application")}
        </button>
    }
    .into_any()
}
