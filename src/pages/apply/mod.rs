//! Applying in the app: the form (saved as the person types), "Check your answers", and Send.

pub mod check;
pub mod fields;

use leptos::prelude::*;

use crate::i18n::tr;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use opendoor_core::application::can_apply;
use opendoor_core::form::{AboutMe, FieldError, Form};
use opendoor_core::outbox::{LocalApplication, Stage};
use opendoor_core::question::Question;
use opendoor_core::{words, Listing};
use send_wrapper::SendWrapper;

use crate::clock;
use crate::device::lock;
use crate::runtime::ctx::use_ctx;
use crate::store::drafts::Drafts;
use crate::store::{Store, StoreError};
use fields::{AboutYouFields, Checkbox, HelperFields, QuestionField};

/// Everything the apply screens need, read from the device.
#[derive(Clone)]
pub struct Loaded {
    pub listing: Listing,
    pub app: Option<LocalApplication>,
    pub about: Option<AboutMe>,
}

pub async fn load(store: &Store, drafts: &Drafts, id: &str) -> Result<Option<Loaded>, StoreError> {
    let Some(row) = store.listing(id).await? else {
        return Ok(None);
    };
    let app = drafts.application(id).await?;
    let about = drafts.about_me().await?;
    Ok(Some(Loaded {
        listing: row.listing,
        app,
        about,
    }))
}

pub fn questions(l: &Listing) -> Vec<Question> {
    match &l.how_to_apply {
        opendoor_core::listing::HowToApply::InApp { questions } => questions.clone(),
        _ => Vec::new(),
    }
}

/// Saves the draft's answers (creating the draft the first time). Only a draft is edited: once
/// sent or waiting, what was sent is kept as it was.
pub async fn save_draft(drafts: &Drafts, listing: &Listing, form: Form) -> Result<(), StoreError> {
    let now = clock::now_ms();
    let f = form.clone();
    let existing = drafts
        .update_application(&listing.id, move |a| {
            if a.is_draft() {
                a.edit(f, now);
            }
        })
        .await?;
    if existing.is_none() {
        drafts
            .put_application(&LocalApplication::new(listing, form, now))
            .await?;
    }
    Ok(())
}

/// Words for a failed save, said plainly.
pub fn save_problem(e: &StoreError) -> String {
    if e.is_full() {
        return tr("apply-this-device-is-out");
    }
    crate::i18n::tr_with(
        "apply-not-saved",
        &[(
            "reason",
            words::storage_problem(&crate::i18n::cat(), &e.problem()).into(),
        )],
    )
}

/// Moves focus to a field by id (error summary links and "Change" links).
pub fn focus_field(id: &str) {
    if let Some(el) = super::focus_element(id) {
        el.scroll_into_view();
    }
}

/// The GOV.UK error summary: a list of links to each field with a problem.
#[component]
pub fn ErrorSummary(errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 class="error-summary-title" id="error-summary-title">{tr("apply-there-is-a-problem")}</h2>
                <ul class="error-summary-list">
                    {move || errors.get().into_iter().map(|e| {
                        let target = e.field.clone();
                        let href = format!("#{}", e.field);
                        view! {
                            <li>
                                <a href=href on:click=move |ev| { ev.prevent_default(); focus_field(&target); }>{e.message}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// The listing in the address (`:id`) with the person's application for it, loaded.
pub fn use_loaded() -> LocalResource<Result<Option<Loaded>, StoreError>> {
    let ctx = use_ctx();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    LocalResource::new(move || {
        let id = id();
        let (store, drafts) = (ctx.store(), ctx.drafts());
        async move { load(&store, &drafts, &id).await }
    })
}

#[component]
pub fn ApplyPage() -> impl IntoView {
    super::arrived();
    let ctx = use_ctx();
    let data = use_loaded();
    // A shared link on a new device: look again after each sync until the listing is here.
    // Never reload once the form is showing, or a sync would wipe what is being typed.
    Effect::new(move || {
        ctx.revision.track();
        if matches!(data.get_untracked(), Some(Ok(None))) {
            data.refetch();
        }
    });
    move || {
        match data.get() {
        None => view! { <p class="muted">{tr("loading")}</p> }.into_any(),
        Some(Err(e)) => {
            view! { <h1>{tr("apply-your-application-cant-be")}</h1><p>{words::storage_problem(&crate::i18n::cat(), &e.problem())}</p> }.into_any()
        }
        Some(Ok(None)) if ctx.state.get() == opendoor_core::words::SyncState::Syncing => {
            view! { <p class="muted">{tr("detail-getting")}</p> }.into_any()
        }
        Some(Ok(None)) => view! {
            <h1>{tr("detail-not-found")}</h1>
            <p><A href="/">{tr("detail-see-all")}</A></p>
        }
        .into_any(),
        Some(Ok(Some(loaded))) => view! { <FormScreen loaded=loaded/> }.into_any(),
    }
    }
}

#[component]
fn FormScreen(loaded: Loaded) -> impl IntoView {
    let ctx = use_ctx();
    let Loaded {
        listing,
        app,
        about,
    } = loaded;
    super::set_title(&crate::i18n::tr_with(
        "apply-title",
        &[("title", listing.title.as_str().into())],
    ));
    let today = clock::today();
    if let Some(a) = app.as_ref().filter(|a| !a.is_draft()) {
        // Waiting or sent: the answers are frozen; show where it is instead of the form.
        let href = format!("/applications/{}", a.id);
        return view! {
            <h1>{crate::i18n::tr_with("apply-your-application", &[("title", listing.title.as_str().into())])}</h1>
            <p>{tr("apply-you-have-already-sent")}</p>
            <p><A href=href>{tr("detail-see-application")}</A></p>
        }
        .into_any();
    }
    let questions = questions(&listing);
    let refusal = can_apply(&listing, today).err();
    let server_problems = match app.as_ref().map(|a| &a.stage) {
        Some(Stage::Draft { problems, .. }) => problems.clone(),
        _ => Vec::new(),
    };
    let notice = match app.as_ref().map(|a| &a.stage) {
        Some(Stage::Draft {
            notice: Some(n), ..
        }) => Some(n.words(&crate::i18n::cat())),
        _ => None,
    };
    let form = RwSignal::new(
        app.as_ref()
            .map(|a| a.form.clone())
            .unwrap_or_else(|| Form::prefilled(about)),
    );
    let errors = RwSignal::new(server_problems);
    let saved = RwSignal::new(String::new());
    let drafts = ctx.drafts();
    let listing_sv = StoredValue::new(listing.clone());

    // Save within a second of every change (debounced), and at once when the page is hidden.
    let save_now = {
        let drafts = drafts.clone();
        move || {
            let drafts = drafts.clone();
            let listing = listing_sv.get_value();
            let f = form.get_untracked();
            wasm_bindgen_futures::spawn_local(async move {
                match save_draft(&drafts, &listing, f).await {
                    Ok(()) => saved.set(tr("apply-your-answers-are-saved")),
                    Err(e) => saved.set(save_problem(&e)),
                }
            });
        }
    };
    let timer: StoredValue<Option<SendWrapper<gloo_timers::callback::Timeout>>> =
        StoredValue::new(None);
    let first = StoredValue::new(true);
    {
        let save_now = save_now.clone();
        Effect::new(move || {
            form.track();
            if first.get_value() {
                first.set_value(false);
                return;
            }
            let save_now = save_now.clone();
            let t = gloo_timers::callback::Timeout::new(500, save_now);
            timer.set_value(Some(SendWrapper::new(t)));
        });
    }
    // Locking (shared devices) saves the last keystrokes first, then reloads the page.
    {
        let drafts = drafts.clone();
        lock::set_before_lock(Some(std::rc::Rc::new(move || {
            let drafts = drafts.clone();
            let pending = timer.try_with_value(Option::is_some).unwrap_or(false);
            let listing = listing_sv.try_get_value();
            let f = form.try_get_untracked();
            Box::pin(async move {
                if let (true, Some(listing), Some(f)) = (pending, listing, f) {
                    let _ = save_draft(&drafts, &listing, f).await;
                }
            })
        })));
        on_cleanup(|| lock::set_before_lock(None));
    }
    for event in ["pagehide", "visibilitychange"] {
        let save_now = save_now.clone();
        let handle = window_event_listener_untyped(event, move |_| {
            let hidden = event == "pagehide"
                || web_sys::window()
                    .and_then(|w| w.document())
                    .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden && timer.with_value(Option::is_some) {
                timer.set_value(None);
                save_now();
            }
        });
        on_cleanup(move || handle.remove());
    }

    // "Change" links from Check your answers land on their field.
    let hash = use_location().hash;
    request_animation_frame(move || {
        let h = hash.get_untracked();
        let h = h.trim_start_matches('#');
        if !h.is_empty() {
            focus_field(h);
        }
    });

    let navigate = use_navigate();
    let qs = questions.clone();
    let listing_id = listing.id.clone();
    let on_continue = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = form.with_untracked(|f| f.check(&crate::i18n::cat(), &qs));
        if !found.is_empty() {
            errors.set(found);
            super::set_title(&crate::i18n::tr_with(
                "apply-title-error",
                &[("title", listing_sv.with_value(|l| l.title.clone()).into())],
            ));
            request_animation_frame(|| focus_field("error-summary"));
            return;
        }
        errors.set(Vec::new());
        let drafts = drafts.clone();
        let navigate = navigate.clone();
        let listing = listing_sv.get_value();
        let f = form.get_untracked();
        let to = format!("/opportunities/{listing_id}/apply/check");
        wasm_bindgen_futures::spawn_local(async move {
            match save_draft(&drafts, &listing, f).await {
                Ok(()) => navigate(&to, NavigateOptions::default()),
                Err(e) => saved.set(save_problem(&e)),
            }
        });
    };

    let org = listing.organisation.name.clone();
    let closing = listing.closing_date.map(|d| {
        words::closing(
            &crate::i18n::cat(),
            listing.availability(today),
            Some(d),
            today,
        )
    });
    let soon = {
        let draft = LocalApplication::new(&listing, Form::default(), 0);
        draft.closes_soon(clock::now_local())
    };
    let back = format!("/opportunities/{}", listing.id);
    let consent_label = crate::i18n::tr_with("apply-consent", &[("org", org.as_str().into())]);
    view! {
        <p class="back"><A href=back>{tr("apply-back-to-the-opportunity")}</A></p>
        <ErrorSummary errors=errors/>
        <span class="caption">{tr("detail-apply")}</span>
        <h1 lang=listing.lang().to_owned()>{listing.title.clone()}</h1>
        <crate::pages::language::EasyReadIntro id="easy-apply-intro"/>
        {closing.map(|c| view! { <p class="closing">{c}</p> })}
        {soon.then(|| view! {
            <div class="warning-text"><strong>{tr("apply-this-closes-in-less")}</strong></div>
        })}
        {notice.map(|n| view! { <div class="notice notice-problem" role="note"><p>{n}</p></div> })}
        {refusal.map(|r| view! {
            <div class="notice notice-problem" role="note">
                <p>{crate::i18n::tr_with("apply-cannot-send", &[("reason", r.to_string().into())])}</p>
            </div>
        })}
        <p>{tr("apply-your-answers-are-saved-2")}</p>
        <p class="save-status" role="status" aria-live="polite">{move || saved.get()}</p>
        <form novalidate autocomplete=crate::pages::form_autocomplete(crate::pages::keep_private()) on:submit=on_continue>
            <h2>{tr("apply-about-you")}</h2>
            <AboutYouFields form=form errors=errors email_updates=true/>
            <h2>{tr("apply-getting-help")}</h2>
            <HelperFields form=form errors=errors/>
            {(!questions.is_empty()).then(|| view! {
                <h2>{crate::i18n::tr_with("apply-questions-from", &[("org", org.as_str().into())])}</h2>
                // The organisers' questions are in the listing's language (the few app words
                // inside them, such as "(optional)", go with them).
                <div class="listing-questions" lang=listing.lang().to_owned()>
                    {questions.clone().into_iter().map(|q| view! { <QuestionField q=q form=form errors=errors/> }).collect_view()}
                </div>
            })}
            <h2>{tr("apply-sharing-your-answers")}</h2>
            <Checkbox
                id="consent".to_string()
                label=consent_label
                hint=tr("apply-they-will-use-them")
                error=Signal::derive(fields::error_for(errors, "consent"))
                get=Signal::derive(move || form.with(|f| f.consent))
                set=Callback::new(move |v| form.update(|f| f.consent = v))
            />
            <Checkbox
                id="remember".to_string()
                label=tr("apply-keep-my-name-contact").to_string()
                hint=tr("apply-dont-choose-this-on")
                error=Signal::derive(|| None)
                get=Signal::derive(move || form.with(|f| f.remember))
                set=Callback::new(move |v| form.update(|f| f.remember = v))
            />
            <button type="submit" class="button">{tr("apply-continue")}</button>
        </form>
    }
    .into_any()
}
