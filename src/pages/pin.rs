//! Shared devices: the PIN screen in front of anything personal, and "I'm finished".
//!
//! PIN fields carry `autocomplete="off"` and no `name` (in forms marked `autocomplete="off"`),
//! so Chromium keeps neither their state for session restore nor anything for autofill; they
//! stay `type=password` (so screen readers do not read a PIN aloud), which Blink never saves in
//! a history entry's form state either.

use leptos::prelude::*;

use crate::i18n::tr;
use opendoor_core::outbox::Stage;
use opendoor_core::words::{self, plural, removed_words, StageCounts};

use crate::device::session::{self, Unlocked};
use crate::device::{crypto, lock};
use crate::runtime::ctx::use_ctx;
use crate::store::vault::VaultError;

/// Shows `children` on a personal device or when someone is unlocked; otherwise the PIN screen,
/// which shows `children` in place once a PIN is accepted.
#[component]
pub fn Gate(children: ChildrenFn) -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.session_rev.track();
        ctx.device.track();
        if !ctx.device_ready.get() {
            view! { <p class="muted">{tr("loading")}</p> }.into_any()
        } else if ctx.shared() && !session::is_unlocked() {
            view! { <PinScreen/> }.into_any()
        } else {
            children().into_any()
        }
    }
}

#[component]
fn PinScreen() -> impl IntoView {
    super::set_title(&tr("pin-page-enter-your-pin"));
    let ctx = use_ctx();
    let busy = RwSignal::new(false);
    let show = RwSignal::new(false);
    let kind = move || if show.get() { "text" } else { "password" };
    let new_error = RwSignal::new(String::new());
    let unlock_error = RwSignal::new(String::new());
    let new_pin = NodeRef::<leptos::html::Input>::new();
    let new_again = NodeRef::<leptos::html::Input>::new();
    let pin = NodeRef::<leptos::html::Input>::new();
    let value =
        |r: NodeRef<leptos::html::Input>| r.get_untracked().map(|i| i.value()).unwrap_or_default();
    let clear = move || {
        for r in [new_pin, new_again, pin] {
            if let Some(i) = r.get_untracked() {
                i.set_value("");
            }
        }
    };
    let done = move |result: Result<Unlocked, VaultError>,
                     error: RwSignal<String>,
                     field: &'static str| {
        busy.set(false);
        match result {
            Ok(u) => {
                clear();
                ctx.unlocked(u);
                // The PIN field is gone: start the person at the top of what they came for.
                request_animation_frame(|| {
                    if let Some(w) = web_sys::window() {
                        w.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                    crate::pages::focus_main();
                });
            }
            Err(e) => {
                error.set(words::pin_problem(&crate::i18n::cat(), &e.problem()));
                crate::pages::focus_element(field);
            }
        }
    };
    let on_new = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (p, a) = (value(new_pin), value(new_again));
        busy.set(true);
        new_error.set(String::new());
        let store = ctx.store();
        wasm_bindgen_futures::spawn_local(async move {
            let r = store.create_vault(&p, &a).await;
            done(r, new_error, "new-pin");
        });
    };
    let on_unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let p = value(pin);
        busy.set(true);
        unlock_error.set(String::new());
        let store = ctx.store();
        wasm_bindgen_futures::spawn_local(async move {
            let r = store.open_vault(&p).await;
            done(r, unlock_error, "pin");
        });
    };
    let field_class = |e: RwSignal<String>| {
        move || {
            if e.get().is_empty() {
                "form-group"
            } else {
                "form-group form-group-error"
            }
        }
    };
    view! {
        <h1>{tr("pin-page-your-applications-are-protected")}</h1>
        <p class="lede">{tr("pin-page-this-is-a-shared")}</p>
        {(!crypto::available()).then(|| view! {
            <div class="notice notice-problem" role="alert">
                <p>{tr("pin-page-this-browser-cannot-protect")}</p>
            </div>
        })}
        <div class="checkbox">
            <input class="checkbox-input" type="checkbox" id="show-pin" on:change=move |ev| show.set(event_target_checked(&ev))/>
            <label class="checkbox-label" for="show-pin">{tr("pin-page-show-pins-as-i")}</label>
        </div>
        <section aria-labelledby="pin-new-title" class="pin-section">
            <h2 id="pin-new-title">{tr("pin-page-new-here-choose-a")}</h2>
            <p class="warning-text"><strong>{tr("pin-page-if-you-forget-your")}</strong></p>
            <form on:submit=on_new novalidate autocomplete="off">
                <div class=field_class(new_error)>
                    <label class="label" for="new-pin">{tr("pin-page-choose-a-pin")}</label>
                    <p class="hint" id="new-pin-hint">{tr("pin-page-at-least-6-characters")}</p>
                    <p class="hint" id="new-pin-words">{tr("pin-page-or-use-three-or")}</p>
                    <Show when=move || !new_error.get().is_empty()>
                        <p class="error-message" id="new-pin-error"><span class="visually-hidden">{tr("pin-page-error")}</span>{move || new_error.get()}</p>
                    </Show>
                    <input class="input input-pin" id="new-pin" type=kind autocomplete="off" spellcheck="false" autocapitalize="off"
                        aria-describedby=move || if new_error.get().is_empty() { "new-pin-hint new-pin-words" } else { "new-pin-hint new-pin-words new-pin-error" }
                        node_ref=new_pin/>
                </div>
                <div class="form-group">
                    <label class="label" for="new-pin-again">{tr("pin-page-type-the-same-pin")}</label>
                    <input class="input input-pin" id="new-pin-again" type=kind autocomplete="off" spellcheck="false" autocapitalize="off" node_ref=new_again/>
                </div>
                <button class="button" type="submit" disabled=move || busy.get()>{tr("pin-page-set-pin-and-continue")}</button>
            </form>
        </section>
        <section aria-labelledby="pin-unlock-title" class="pin-section">
            <h2 id="pin-unlock-title">{tr("pin-page-already-started-enter-your")}</h2>
            <form on:submit=on_unlock novalidate autocomplete="off">
                <div class=field_class(unlock_error)>
                    <label class="label" for="pin">{tr("pin-page-your-pin")}</label>
                    <Show when=move || !unlock_error.get().is_empty()>
                        <p class="error-message" id="pin-error"><span class="visually-hidden">{tr("pin-page-error")}</span>{move || unlock_error.get()}</p>
                    </Show>
                    <input class="input input-pin" id="pin" type=kind autocomplete="off" spellcheck="false" autocapitalize="off"
                        aria-describedby=move || if unlock_error.get().is_empty() { "" } else { "pin-error" }
                        node_ref=pin/>
                </div>
                <button class="button" type="submit" disabled=move || busy.get()>{tr("pin-page-unlock")}</button>
            </form>
        </section>
        <p class="save-status" role="status" aria-live="polite">
            {move || if busy.get() { tr("pin-page-checking-your-pin-this") } else { String::new() }}
        </p>
    }
}

/// What "I'm finished" removed, for the confirmation after the page restarts (counts only).
const FINISHED_NOTE: &str = "opendoor-finished";

/// "I'm finished — clear this device".
#[component]
pub fn FinishedPage() -> impl IntoView {
    super::arrived();
    super::set_title(&tr("pin-page-im-finished"));
    let ctx = use_ctx();
    let note = take_finished_note();
    if let Some(note) = note {
        return view! {
            <div class="panel" role="status">
                <h1 class="panel-title">{tr("pin-page-this-device-is-clear")}</h1>
                <p class="panel-body">{note}</p>
            </div>
            <p><a class="button" href="/">{tr("pin-page-start-again")}</a></p>
        }
        .into_any();
    }
    if !ctx.shared() || !session::is_unlocked() {
        return view! {
            <h1>{tr("pin-page-nobody-is-using-this")}</h1>
            <p>{tr("pin-page-there-is-nothing-of")}</p>
            <p><a href="/">{tr("pin-page-go-to-opportunities")}</a></p>
        }
        .into_any();
    }
    let apps = LocalResource::new(move || {
        ctx.apps_revision.track();
        let drafts = ctx.drafts();
        async move {
            let apps = drafts.applications().await.unwrap_or_default();
            let about = drafts.about_me().await.ok().flatten().is_some();
            (apps, about)
        }
    });
    let error = RwSignal::new(String::new());
    let clear = move |_| {
        let Some(s) = session::current() else {
            return;
        };
        let store = ctx.store();
        let (apps, about) = apps.get_untracked().unwrap_or_default();
        wasm_bindgen_futures::spawn_local(async move {
            lock::set_before_lock(None);
            match store.clear_vault(&s.vault.id).await {
                Ok(()) => {
                    set_finished_note(&removed_words(&crate::i18n::cat(), &apps, about));
                    drop(s);
                    lock::lock_to("/finished").await;
                }
                Err(e) => error.set(crate::i18n::tr_with(
                    "nothing-removed",
                    &[(
                        "reason",
                        words::storage_problem(&crate::i18n::cat(), &e.problem()).into(),
                    )],
                )),
            }
        });
    };
    view! {
        <h1>{tr("pin-page-im-finished-clear-this")}</h1>
        {move || apps.get().map(|(apps, about)| {
            let waiting: Vec<String> = apps.iter().filter(|a| matches!(a.stage, Stage::Waiting { .. })).map(|a| a.listing_title.clone()).collect();
            let StageCounts { drafts, sent, .. } = StageCounts::of(&apps);
            view! {
                {(!waiting.is_empty()).then(|| view! {
                    <h2>{tr("pin-page-still-waiting-to-send")}</h2>
                    <ul>{waiting.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    <p>{tr("pin-page-these-stay-on-this")}</p>
                })}
                <h2>{tr("pin-page-what-will-be-deleted")}</h2>
                <ul>
                    <li>{plural(drafts, "draft", "drafts")}</li>
                    <li>{crate::i18n::tr_with("pin-page-sent-and-status", &[("n", sent.into())])}</li>
                    <li>{if about { tr("pin-page-your-saved-details-about") } else { tr("pin-page-no-saved-details") }}</li>
                </ul>
                <p>{tr("pin-page-deleted-things-cannot-be")}</p>
            }
        })}
        <Show when=move || !error.get().is_empty()>
            <p class="error-message" role="alert">{move || error.get()}</p>
        </Show>
        <div class="button-group">
            <button class="button button-warning" type="button" on:click=clear>{tr("pin-page-delete-my-things-and")}</button>
            <a href="/applications">{tr("pin-page-not-yet-go-back")}</a>
        </div>
    }
    .into_any()
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn set_finished_note(s: &str) {
    if let Some(st) = session_storage() {
        let _ = st.set_item(FINISHED_NOTE, s);
    }
}

fn take_finished_note() -> Option<String> {
    let st = session_storage()?;
    let note = st.get_item(FINISHED_NOTE).ok()??;
    let _ = st.remove_item(FINISHED_NOTE);
    Some(note)
}

/// Shown half a minute before the idle lock, so nobody is locked out mid-thought without warning
/// (WCAG 2.2.1): "Stay unlocked" puts the clock back and returns focus where it was.
#[component]
pub fn LockWarning() -> impl IntoView {
    use send_wrapper::SendWrapper;
    let ctx = use_ctx();
    let before: StoredValue<Option<SendWrapper<web_sys::HtmlElement>>> = StoredValue::new(None);
    Effect::new(move || {
        if ctx.lock_warning.get() {
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            before.set_value(active.map(SendWrapper::new));
            request_animation_frame(|| {
                crate::pages::focus_element("stay-unlocked");
            });
        }
    });
    let stay = move |_| {
        lock::touch();
        ctx.lock_warning.set(false);
        if let Some(el) = before.get_value() {
            let _ = el.focus();
        }
    };
    view! {
        <Show when=move || ctx.lock_warning.get()>
            <div class="lock-warning" role="alertdialog" aria-labelledby="lock-warning-title" aria-describedby="lock-warning-text">
                <div class="wrap">
                    <h2 id="lock-warning-title">{tr("pin-page-locking-soon")}</h2>
                    <p id="lock-warning-text">{tr("pin-page-nobody-has-used-open")}</p>
                    <button id="stay-unlocked" class="button" type="button" on:click=stay>{tr("pin-page-stay-unlocked")}</button>
                </div>
            </div>
        </Show>
    }
}
