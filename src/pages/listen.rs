//! "Listen": reads a listing aloud with the browser's speech (Web Speech API,
//! `speechSynthesis`), in the listing's language where the device has a voice for it. Hidden
//! where the device has no voice for that language; can be paused and stopped.

use leptos::prelude::*;
use opendoor_core::listing::Listing;
use wasm_bindgen::JsCast;

use crate::i18n::tr;

fn synth() -> Option<web_sys::SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// A voice for `lang` ("cy" matches "cy-GB"), if the device has one.
fn voice_for(lang: &str) -> Option<web_sys::SpeechSynthesisVoice> {
    let want = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
    synth()?
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .find(|v| {
            v.lang()
                .split(['-', '_'])
                .next()
                .is_some_and(|p| p.eq_ignore_ascii_case(&want))
        })
}

/// What is read: the title, who it is from, the summary (or Easy Read), and the description.
fn script(l: &Listing) -> String {
    let summary = match (&l.easy_read, crate::i18n::easy_read_on()) {
        (Some(e), true) => e.clone(),
        _ => l.summary.clone(),
    };
    format!(
        "{}.\n{}.\n{}\n{}",
        l.title, l.organisation.name, summary, l.description
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Stopped,
    Playing,
    Paused,
}

#[component]
pub fn Listen(listing: Listing) -> impl IntoView {
    let lang = listing.lang().to_owned();
    // Voices often arrive a moment after the page (`voiceschanged`): check again then.
    let has_voice = RwSignal::new(voice_for(&lang).is_some());
    if let Some(s) = synth() {
        let lang = lang.clone();
        let on_voices = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            has_voice.set(voice_for(&lang).is_some());
        });
        s.set_onvoiceschanged(Some(on_voices.as_ref().unchecked_ref()));
        on_voices.forget();
    }
    let state = RwSignal::new(State::Stopped);
    let text = script(&listing);
    let play = move |_| {
        let Some(s) = synth() else { return };
        match state.get_untracked() {
            State::Paused => {
                s.resume();
                state.set(State::Playing);
            }
            State::Playing => {
                s.pause();
                state.set(State::Paused);
            }
            State::Stopped => {
                let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(&text) else {
                    return;
                };
                u.set_lang(&lang);
                if let Some(v) = voice_for(&lang) {
                    u.set_voice(Some(&v));
                }
                let ended = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                    state.set(State::Stopped);
                });
                u.set_onend(Some(ended.as_ref().unchecked_ref()));
                ended.forget();
                s.cancel();
                s.speak(&u);
                state.set(State::Playing);
            }
        }
    };
    let stop = move |_| {
        if let Some(s) = synth() {
            s.cancel();
        }
        state.set(State::Stopped);
    };
    // Leaving the page stops the reading.
    on_cleanup(move || {
        if let Some(s) = synth() {
            s.cancel();
        }
    });
    move || {
        has_voice.get().then(|| {
            view! {
                <div class="listen">
                    <button type="button" class="button button-secondary" on:click=play.clone()>
                        {move || tr(match state.get() {
                            State::Stopped => "listen-play",
                            State::Playing => "listen-pause",
                            State::Paused => "listen-resume",
                        })}
                    </button>
                    <Show when=move || state.get() != State::Stopped>
                        <button type="button" class="button button-secondary" on:click=stop>
                            {tr("listen-stop")}
                        </button>
                    </Show>
                </div>
            }
        })
    }
}
