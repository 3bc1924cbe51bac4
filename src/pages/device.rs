//! The device's mode: the first-run question, settings, the setup link for a centre's devices,
//! and the header's badge with Lock and "I'm finished".

use leptos::prelude::*;

use crate::i18n::tr;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use opendoor_core::device::{from_setup_link, DeviceMode, DeviceSettings, LOCK_MINUTE_CHOICES};
use opendoor_core::words;

use crate::device::{lock, session};
use crate::runtime::ctx::{use_ctx, Ctx};

/// Why the mode cannot change yet, if it cannot: switching must never leave one person's
/// things readable by the next, or lose anyone's PIN-protected drafts silently.
async fn blocked(ctx: Ctx, to: DeviceMode) -> Option<String> {
    let store = ctx.store();
    match to {
        DeviceMode::Shared if !ctx.shared() => {
            let drafts = ctx.drafts();
            let apps = drafts.applications().await.map(|a| a.len()).unwrap_or(0);
            let about = drafts.about_me().await.ok().flatten().is_some();
            (apps > 0 || about)
                .then(|| crate::i18n::tr_with("device-keeps-without-pin", &[("apps", apps.into())]))
        }
        DeviceMode::Personal if ctx.shared() => {
            let vaults = store.vaults().await.map(|v| v.len()).unwrap_or(0);
            (vaults > 0)
                .then(|| crate::i18n::tr_with("device-vaults-left", &[("people", vaults.into())]))
        }
        _ => None,
    }
}

async fn apply(ctx: Ctx, s: DeviceSettings) -> Result<(), String> {
    if let Some(why) = blocked(ctx, s.mode).await {
        return Err(why);
    }
    ctx.set_device(s).await.map_err(|e| {
        crate::i18n::tr_with(
            "not-saved",
            &[(
                "reason",
                words::storage_problem(&crate::i18n::cat(), &e.problem()).into(),
            )],
        )
    })
}

/// The header's "Shared device" / "Personal device", always shown, with Lock and "I'm
/// finished" while someone is unlocked.
#[component]
pub fn DeviceBar() -> impl IntoView {
    let ctx = use_ctx();
    let lock = move |_| wasm_bindgen_futures::spawn_local(lock::lock());
    view! {
        <div class="device-bar">
            <Show when=move || ctx.device_ready.get()>
                <A href="/settings" attr:class="device-mode">{move || tr(ctx.device.get().mode.message_id())}</A>
            </Show>
            {move || {
                ctx.session_rev.track();
                (ctx.device.get().mode == DeviceMode::Shared && session::is_unlocked()).then(|| view! {
                    <button class="button button-small" type="button" on:click=lock>{tr("device-lock")}</button>
                    <A href="/finished" attr:class="button button-small button-secondary">{tr("pin-page-im-finished")}</A>
                })
            }}
        </div>
    }
}

/// Asked once, where it matters: before anything personal is typed or read (applying, My
/// applications, About me). Browsing and reading listings never wait for it, so a first visit on
/// a phone sees opportunities first.
#[component]
pub fn FirstRun() -> impl IntoView {
    let ctx = use_ctx();
    let location = use_location();
    let personal_screen = move || location.pathname.with(|p| asks_about_device(p));
    let choose = move |mode: DeviceMode| {
        let s = DeviceSettings {
            mode,
            chosen: true,
            ..ctx.device.get_untracked()
        };
        wasm_bindgen_futures::spawn_local(async move {
            if apply(ctx, s).await.is_ok() && mode == DeviceMode::Personal {
                // The question (and the button pressed) is gone: focus goes to the page's main
                // content, not to the document's body.
                super::focus_main();
            }
        });
    };
    view! {
        <Show when=move || ctx.device_ready.get() && !ctx.device.get().chosen && personal_screen()>
            <section class="first-run" aria-labelledby="first-run-title">
                <h2 id="first-run-title">{tr("device-who-uses-this-device")}</h2>
                <p>{tr("device-on-a-shared-device")}</p>
                <div class="button-group">
                    <button class="button" type="button" on:click=move |_| choose(DeviceMode::Personal)>{tr("device-only-me")}</button>
                    <button class="button button-secondary" type="button" on:click=move |_| choose(DeviceMode::Shared)>{tr("device-several-people-shared-device")}</button>
                </div>
            </section>
        </Show>
    }
}

/// The screens where a person types or reads something of their own.
fn asks_about_device(path: &str) -> bool {
    path.starts_with("/applications")
        || path.starts_with("/about-me")
        || (path.starts_with("/opportunities/") && path.contains("/apply"))
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    super::arrived();
    super::set_title(&tr("device-settings"));
    let ctx = use_ctx();
    move || {
        if ctx.device_ready.get() {
            view! { <SettingsForm/> }.into_any()
        } else {
            view! { <p class="muted">{tr("loading")}</p> }.into_any()
        }
    }
}

#[component]
fn SettingsForm() -> impl IntoView {
    let ctx = use_ctx();
    let current = ctx.device.get_untracked();
    let mode = RwSignal::new(current.mode);
    let minutes = RwSignal::new(current.lock_minutes);
    let message = RwSignal::new(String::new());
    let problem = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = DeviceSettings {
            mode: mode.get_untracked(),
            lock_minutes: minutes.get_untracked(),
            chosen: true,
        };
        wasm_bindgen_futures::spawn_local(async move {
            match apply(ctx, s).await {
                Ok(()) => {
                    problem.set(false);
                    message.set(crate::i18n::tr_with(
                        "device-saved-now",
                        &[("mode", tr(s.mode.message_id()).to_lowercase().into())],
                    ));
                }
                Err(e) => {
                    problem.set(true);
                    message.set(e);
                }
            }
        });
    };
    let wipe = move |_| {
        let confirmed = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(&tr("device-delete-every-persons-pin"))
                    .ok()
            })
            .unwrap_or(false);
        if !confirmed {
            return;
        }
        let store = ctx.store();
        wasm_bindgen_futures::spawn_local(async move {
            match store.delete_all_vaults().await {
                Ok(()) => {
                    problem.set(false);
                    message.set(tr("device-everyones-pin-protected-drafts"));
                }
                Err(e) => {
                    problem.set(true);
                    message.set(crate::i18n::tr_with(
                        "nothing-deleted",
                        &[(
                            "reason",
                            words::storage_problem(&crate::i18n::cat(), &e.problem()).into(),
                        )],
                    ));
                }
            }
        });
    };
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let radio = move |m: DeviceMode, id: &'static str, label: String, hint: String| {
        view! {
            <div class="radio">
                <input class="radio-input" type="radio" name="mode" id=id
                    prop:checked=move || mode.get() == m on:change=move |_| mode.set(m)
                    aria-describedby=format!("{id}-hint")/>
                <label class="radio-label" for=id>{label}</label>
                <p class="hint checkbox-hint" id=format!("{id}-hint")>{hint}</p>
            </div>
        }
    };
    view! {
        <h1>{tr("device-settings")}</h1>
        <form on:submit=save novalidate>
            <fieldset class="fieldset form-group">
                <legend class="legend">{tr("device-how-is-this-device")}</legend>
                {radio(DeviceMode::Personal, "mode-personal", tr("device-personal-only-i-use"), tr("device-your-drafts-and-details"))}
                {radio(DeviceMode::Shared, "mode-shared", tr("device-shared-several-people-use"), tr("device-for-example-at-a"))}
            </fieldset>
            <div class="form-group">
                <label class="label" for="lock-minutes">{tr("device-on-a-shared-device-2")}</label>
                <select class="input select" id="lock-minutes"
                    on:change=move |ev| if let Ok(m) = event_target_value(&ev).parse() { minutes.set(m) }>
                    {LOCK_MINUTE_CHOICES.iter().map(|m| {
                        let m = *m;
                        view! { <option value=m.to_string() selected=move || minutes.get() == m>{words::minutes(&crate::i18n::cat(), m)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button class="button" type="submit">{tr("device-save-settings")}</button>
        </form>
        <p class:error-message=move || problem.get() role="status" aria-live="polite">{move || message.get()}</p>
        <h2>{tr("device-reading")}</h2>
        <super::language::LanguageChoice/>
        <super::text_size::TextSizeChoice/>
        <h2>{tr("device-setting-up-a-centres")}</h2>
        <p>{tr("device-open-this-link-once")}</p>
        <p class="setup-link"><code lang="zxx">{format!("{origin}/setup?device=shared&lock-minutes=5")}</code></p>
        <p>{tr("device-each-person-sets-pin")}</p>
        <Show when=move || ctx.device.get().mode == DeviceMode::Shared>
            <h2>{tr("device-everyones-drafts")}</h2>
            <p>{tr("device-if-people-have-left")}</p>
            <button class="button button-warning" type="button" on:click=wipe>{tr("device-delete-everyones-drafts")}</button>
        </Show>
    }
}

/// `/setup?device=shared&lock-minutes=5`: the documented link that sets a device up.
#[component]
pub fn SetupPage() -> impl IntoView {
    super::arrived();
    super::set_title(&tr("device-set-up-this-device"));
    let ctx = use_ctx();
    let query = use_location().search.get_untracked();
    let outcome = LocalResource::new(move || {
        let query = query.clone();
        async move {
            let current = ctx.store().load_settings().await;
            let s = from_setup_link(&query, current).map_err(|e| e.to_string())?;
            apply(ctx, s).await.map(|()| s)
        }
    });
    move || {
        match outcome.get() {
        None => view! { <p class="muted">{tr("device-setting-up")}</p> }.into_any(),
        Some(Ok(s)) => view! {
            <div class="panel" role="status">
                <h1 class="panel-title">{tr("device-this-device-is-set")}</h1>
                <p class="panel-body">{match s.mode {
                    DeviceMode::Shared => crate::i18n::tr_with("device-it-is-shared", &[("minutes", words::minutes(&crate::i18n::cat(), s.lock_minutes).into())]),
                    DeviceMode::Personal => tr("device-it-is-a-personal"),
                }}</p>
            </div>
            <p><A href="/">{tr("pin-page-go-to-opportunities")}</A></p>
        }.into_any(),
        Some(Err(e)) => view! {
            <h1>{tr("device-this-device-was-not")}</h1>
            <p class="error-message" role="alert">{e}</p>
            <p><A href="/settings">{tr("device-go-to-settings")}</A></p>
        }.into_any(),
    }
    }
}
