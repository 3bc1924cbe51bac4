//! "Check your answers", then Send: the application is queued under a new idempotency key and
//! sent now if there is a connection, later by itself if not.

use leptos::prelude::*;
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
        None => view! { <p class="muted">"Loading…"</p> }.into_any(),
        Some(Err(e)) => {
            view! { <h1>"Your answers can't be read"</h1><p>{words::storage_problem(&crate::i18n::cat(), &e.problem())}</p> }.into_any()
        }
        Some(Ok(Some(loaded))) if loaded.app.as_ref().is_some_and(|a| a.is_draft()) => {
            view! { <Summary loaded=loaded/> }.into_any()
        }
        Some(Ok(_)) => view! {
            <h1>"There is nothing to check"</h1>
            <p><A href="/applications">"See your applications"</A></p>
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
                <A href=href>"Change"<span class="visually-hidden">{format!(" {hidden}")}</span></A>
            </dd>
        </div>
    }
}

fn answer_words(a: Option<&FormAnswer>) -> String {
    match a {
        None => "Not answered".into(),
        Some(FormAnswer::YesNo(true)) => "Yes".into(),
        Some(FormAnswer::YesNo(false)) => "No".into(),
        Some(FormAnswer::Text(t)) if t.trim().is_empty() => "Not answered".into(),
        Some(FormAnswer::Text(t)) => t.clone(),
        Some(FormAnswer::Choices(c)) if c.is_empty() => "Not answered".into(),
        Some(FormAnswer::Choices(c)) => c.join(", "),
    }
}

fn contact_words(f: &Form) -> String {
    let a = &f.about;
    match a.contact_by {
        Some(ContactBy::Email) => format!("By email: {}", a.email.trim()),
        Some(ContactBy::Phone) => format!("By phone: {}", a.phone.trim()),
        Some(ContactBy::Post) => format!("By post: {}", a.address.trim()),
        None => "Not chosen".into(),
    }
}

#[component]
fn Summary(loaded: Loaded) -> impl IntoView {
    let ctx = use_ctx();
    let Loaded { listing, app, .. } = loaded;
    crate::pages::set_title(&format!("Check your answers: {}", listing.title));
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
                    result = Some(a.queue(&qs, key, secret, clock::now_ms(), today));
                    remember.set(a.form.remember.then(|| a.form.about.clone()));
                })
                .await;
            sending.set(false);
            match (updated, result) {
                (Err(StoreError::NoSealKey), _) => problem.set(Some(
                    "Your application can't be sent from this shared device yet: the device has not connected to Open Door since it was set up, so it cannot seal applications for the organisers. Connect to the internet, then press Send again. Your answers are kept.".into(),
                )),
                (Err(e), _) => problem.set(Some(save_problem(&e))),
                (Ok(_), Some(Ok(()))) => {
                    if let Some(about) = remember.take() {
                        let _ = store.set_about_me(&about).await;
                    }
                    ctx.queued();
                    navigate(&format!("/applications/{id}"), NavigateOptions::default());
                }
                (Ok(_), Some(Err(QueueError::Answers(_)))) => {
                    navigate(&format!("/opportunities/{id}/apply"), NavigateOptions::default())
                }
                (Ok(_), Some(Err(QueueError::Closed))) => problem.set(Some(
                    "This opportunity has closed, so your application can't be sent. Your answers are kept on this device.".into(),
                )),
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
        <p class="back"><A href=apply.clone()>"Back to your answers"</A></p>
        <span class="caption">{listing.title.clone()}</span>
        <h1>"Check your answers before sending"</h1>
        <h2>"About you"</h2>
        <dl class="summary-list">
            {row("Name".into(), a.name.trim().to_string(), "name", &apply)}
            {row("How to contact you".into(), contact_words(&f), "contact-by", &apply)}
            {(a.contact_by == Some(ContactBy::Email)).then(|| row(
                "Email updates".into(),
                if f.email_updates {
                    "Yes: email me when my application changes or the organisers write to me".into()
                } else {
                    "No".into()
                },
                "email-updates",
                &apply,
            ))}
            {row("Support to take part".into(), if a.access_needs.trim().is_empty() { "None given".into() } else { a.access_needs.trim().to_string() }, "access-needs", &apply)}
            {row("Format for papers".into(), a.paper_format.map(|p| p.words().to_string()).unwrap_or_else(|| "No preference".into()), "paper-format", &apply)}
            {row("Filled in with".into(), helper.unwrap_or_else(|| "No one: I filled it in myself".into()), "with-helper", &apply)}
        </dl>
        {(!questions(&listing).is_empty()).then(|| view! {
            <h2>{format!("Questions from {}", listing.organisation.name)}</h2>
            <dl class="summary-list">{question_rows}</dl>
        })}
        <h2>"Now send your application"</h2>
        <p>{format!("By sending it you agree to your answers being shared with {}.", listing.organisation.name)}</p>
        <p>"If you're offline, it will be kept on this device and sent by itself when you're back online."</p>
        {move || problem.get().map(|p| view! { <div class="notice notice-problem" role="alert"><p>{p}</p></div> })}
        <button type="button" class="button" on:click=send aria-disabled=move || sending.get().then_some("true")>
            "Send application"
        </button>
    }
    .into_any()
}
