//! Choosing the app's language: links in the header of every screen (so the first screen has
//! them) and a choice in Settings. Each language is named in itself and marked with its own
//! `lang`, so a screen reader says "Cymraeg" in Welsh. Choosing keeps the choice and reloads in
//! that language (`crate::i18n::switch`); drafts are saved on every key press, so nothing is lost.

use leptos::prelude::*;
use opendoor_core::i18n::Lang;

use crate::i18n::{self, easy_read_on, tr, SwitchProblem, EASY_READ_KEY};

/// Switches, or says why not (in the current language) through `message`.
fn choose(lang: Lang, message: RwSignal<String>) {
    if lang == i18n::lang() {
        return;
    }
    message.set(i18n::tr_with(
        "language-getting",
        &[("language", lang.name().into())],
    ));
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = i18n::switch(lang).await {
            message.set(match e {
                SwitchProblem::Offline => tr("language-offline"),
                SwitchProblem::Refused(code) => {
                    i18n::tr_with("language-refused", &[("code", code.into())])
                }
            });
        }
    });
}

/// The other languages, as links in the header: `?lang=cy` also works before the app has
/// loaded (the server's first paint reads it).
#[component]
pub fn LanguageLinks() -> impl IntoView {
    let message = RwSignal::new(String::new());
    let current = i18n::lang();
    let links = Lang::PICKABLE
        .into_iter()
        .filter(|l| *l != current)
        .map(|l| {
            view! {
                <li>
                    <a href=format!("?lang={}", l.tag()) hreflang=l.tag() lang=l.tag()
                        dir=l.dir().attr()
                        on:click=move |ev| { ev.prevent_default(); choose(l, message); }>
                        {l.name()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-links" aria-label=tr("language-nav")>
            <ul>{links}</ul>
            <p class="language-message" role="status">{move || message.get()}</p>
        </nav>
    }
}

/// Easy Read in Settings: a tick box, kept on the device.
#[component]
fn EasyReadChoice() -> impl IntoView {
    let on = RwSignal::new(easy_read_on());
    let message = RwSignal::new(String::new());
    let toggle = move |_| {
        let next = !on.get_untracked();
        on.set(next);
        let kept = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .is_some_and(|s| {
                s.set_item(EASY_READ_KEY, if next { "on" } else { "off" })
                    .is_ok()
            });
        message.set(tr(match (next, kept) {
            (true, true) => "easy-read-on",
            (false, true) => "easy-read-off",
            (_, false) => "easy-read-not-kept",
        }));
    };
    view! {
        <div class="form-group">
            <div class="checkbox">
                <input class="checkbox-input" type="checkbox" id="easy-read"
                    aria-describedby="easy-read-hint" prop:checked=move || on.get() on:change=toggle/>
                <label class="checkbox-label" for="easy-read">{tr("easy-read-label")}</label>
                <p class="hint checkbox-hint" id="easy-read-hint">{tr("easy-read-hint")}</p>
            </div>
        </div>
        <p role="status" aria-live="polite">{move || message.get()}</p>
    }
}

/// The choices in Settings: the language, and Easy Read.
#[component]
pub fn LanguageChoice() -> impl IntoView {
    let message = RwSignal::new(String::new());
    let current = i18n::lang();
    let options = Lang::PICKABLE.map(|l| {
        let id = format!("language-{}", l.tag());
        let for_id = id.clone();
        view! {
            <div class="radio">
                <input class="radio-input" type="radio" name="language" id=id
                    prop:checked=l == current on:change=move |_| choose(l, message)/>
                <label class="radio-label" for=for_id lang=l.tag() dir=l.dir().attr()>{l.name()}</label>
            </div>
        }
    });
    let review =
        i18n::needs_review().then(|| view! { <p class="hint">{tr("language-needs-review")}</p> });
    view! {
        <fieldset class="fieldset form-group">
            <legend class="legend">{tr("language-legend")}</legend>
            <p class="hint">{tr("language-hint")}</p>
            {options.to_vec()}
        </fieldset>
        {review}
        <p role="status" aria-live="polite">{move || message.get()}</p>
        <EasyReadChoice/>
    }
}

/// An Easy Read introduction to one of the app's key screens (what applying means, what happens
/// next), shown first to people who chose Easy Read; nothing otherwise. `id` names its message.
#[component]
pub fn EasyReadIntro(id: &'static str) -> impl IntoView {
    easy_read_on().then(|| {
        view! {
            <section class="easy-read" aria-labelledby="easy-read-intro">
                <h2 id="easy-read-intro">{tr("easy-read-heading")}</h2>
                {opendoor_core::listing::paragraphs(&tr(id)).into_iter().map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}
            </section>
        }
    })
}
