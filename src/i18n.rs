//! The app's language: which catalogue is in use, kept on the device, and `t("id")` for screens.
//!
//! The words are `core::i18n` (Fluent). This shell chooses the language (kept choice, else the
//! browser's preference), keeps the chosen catalogue's text in localStorage so the next start is
//! in that language at once and offline, fetches it when it is missing or may have changed, and
//! sets `lang` and `dir` on the document. Only the chosen language is ever downloaded.

use opendoor_core::i18n::{Arg, Catalogue, Lang};

/// The device's choice (boot.js reads the same key to set `lang` and `dir` before the app draws).
const KEY: &str = "opendoor.lang";
/// The chosen catalogue's text, so a start needs no network.
const TEXT_KEY: &str = "opendoor.catalogue";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

thread_local! {
    /// The words in use. Set once at start: choosing another language keeps the choice and
    /// reloads the page (drafts are saved on every key press, so nothing is lost), which keeps
    /// every screen's words plain values rather than signals.
    static WORDS: std::cell::RefCell<std::rc::Rc<Catalogue>> =
        std::cell::RefCell::new(std::rc::Rc::new(Catalogue::english()));
}

/// The catalogue in use (for core's `words`, which build phrases from data).
pub fn cat() -> std::rc::Rc<Catalogue> {
    WORDS.with(|w| w.borrow().clone())
}

thread_local! {
    static NEEDS_REVIEW: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the catalogue in use says it was written without a native speaker.
pub fn needs_review() -> bool {
    NEEDS_REVIEW.with(|n| n.get())
}

/// The language in use.
pub fn lang() -> Lang {
    WORDS.with(|w| w.borrow().lang())
}

/// The message `id` in the app's language.
pub fn tr(id: &str) -> String {
    WORDS.with(|w| w.borrow().text(id))
}

/// As `tr`, with placeholders: `tr_with("closing-on", &[("date", date.into())])`.
pub fn tr_with(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    WORDS.with(|w| w.borrow().text_with(id, args))
}

/// The language this device starts in: its kept choice, else the browser's preference.
pub fn starting_lang() -> Lang {
    if let Some(l) = storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|v| Lang::from_tag(&v))
    {
        return l;
    }
    let langs: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Lang::negotiate(langs.iter().map(String::as_str))
}

/// The catalogue kept on the device for `lang`, if it is that language's.
fn kept_catalogue(lang: Lang) -> Option<Catalogue> {
    if lang.catalogue_file().is_none() {
        return Some(Catalogue::load(lang, "").0);
    }
    let s = storage()?;
    let text = s.get_item(TEXT_KEY).ok().flatten()?;
    let (tag, ftl) = text.split_once('\n')?;
    if tag != lang.tag() {
        return None;
    }
    NEEDS_REVIEW.with(|n| n.set(opendoor_core::i18n::needs_review(ftl)));
    Some(Catalogue::load(lang, ftl).0)
}

/// The server's first paint of the next visit reads the language from this cookie (the server's
/// `LANG_COOKIE`), so it is painted in the language the app will show. Only a language tag.
fn keep_in_cookie(lang: Lang) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let value = format!(
            "opendoor-lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
            lang.tag()
        );
        let _ = js_sys::Reflect::set(&doc, &"cookie".into(), &value.into());
    }
}

/// Sets `lang` and `dir` on the document, so screen readers pronounce it and the layout mirrors.
fn mark_document(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
        let _ = root.set_attribute("dir", lang.dir().attr());
    }
}

/// Starts in the device's language, before the app is drawn. A language chosen by a link
/// (`?lang=cy`) or the browser's preference whose catalogue is not on the device yet is fetched
/// first (English if that fails); one that is kept is used at once and refreshed in the
/// background, since a new version of the app may have new messages (English until then).
pub async fn start() {
    let from_link = link_lang();
    let lang = from_link.unwrap_or_else(starting_lang);
    let kept = kept_catalogue(lang);
    let fetched = kept.is_none() && fetch_and_keep(lang).await.is_ok();
    let catalogue = kept
        .or_else(|| fetched.then(|| kept_catalogue(lang)).flatten())
        .unwrap_or_else(Catalogue::english);
    if from_link.is_some() && catalogue.lang() == lang {
        if let Some(s) = storage() {
            let _ = s.set_item(KEY, lang.tag());
        }
    }
    mark_document(catalogue.lang());
    keep_in_cookie(catalogue.lang());
    WORDS.with(|w| *w.borrow_mut() = std::rc::Rc::new(catalogue));
    if lang.catalogue_file().is_some() && !fetched {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = fetch_and_keep(lang).await;
        });
    }
}

/// A language asked for in the address (`?lang=cy`, the header's links before the app loaded).
fn link_lang() -> Option<Lang> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("lang="))
        .and_then(Lang::from_tag)
}

/// Why a language could not be switched to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwitchProblem {
    /// No connection, and that language is not on this device yet.
    Offline,
    /// The server answered with this status.
    Refused(u16),
}

/// Fetches `lang`'s catalogue and keeps it on the device.
async fn fetch_and_keep(lang: Lang) -> Result<(), SwitchProblem> {
    let Some(file) = lang.catalogue_file() else {
        return Ok(());
    };
    let ftl = fetch_catalogue(&file).await?;
    let (_, problems) = Catalogue::load(lang, &ftl);
    for p in problems {
        web_sys::console::warn_1(&format!("{file}: {p}").into());
    }
    if let Some(s) = storage() {
        let _ = s.set_item(TEXT_KEY, &format!("{}\n{ftl}", lang.tag()));
    }
    Ok(())
}

/// Changes the app's language: gets the catalogue (from the network, or the copy on this
/// device), keeps the choice, and reloads in that language. On failure nothing changes.
pub async fn switch(lang: Lang) -> Result<(), SwitchProblem> {
    if let Err(e) = fetch_and_keep(lang).await {
        if kept_catalogue(lang).is_none() {
            return Err(e);
        }
    }
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, lang.tag());
    }
    keep_in_cookie(lang);
    if let Some(w) = web_sys::window() {
        // Without `?lang=`: that would ask the server's first paint for the old choice.
        let href = w.location().pathname().unwrap_or_else(|_| "/".into());
        let search = w.location().search().unwrap_or_default();
        let rest: Vec<&str> = search
            .trim_start_matches('?')
            .split('&')
            .filter(|kv| !kv.is_empty() && !kv.starts_with("lang="))
            .collect();
        let target = if rest.is_empty() {
            href
        } else {
            format!("{href}?{}", rest.join("&"))
        };
        let _ = w.location().replace(&target);
    }
    Ok(())
}

async fn fetch_catalogue(file: &str) -> Result<String, SwitchProblem> {
    let answer = crate::net::http::get(&format!("/{file}"))
        .await
        .map_err(|_| SwitchProblem::Offline)?;
    if !answer.ok() {
        return Err(SwitchProblem::Refused(answer.status));
    }
    String::from_utf8(answer.body).map_err(|_| SwitchProblem::Refused(answer.status))
}

/// Where the device keeps the Easy Read choice (Settings).
pub const EASY_READ_KEY: &str = "opendoor.easyRead";

/// Whether this device's person chose Easy Read: listings' Easy Read versions come first.
pub fn easy_read_on() -> bool {
    storage()
        .and_then(|s| s.get_item(EASY_READ_KEY).ok().flatten())
        .is_some_and(|v| v == "on")
}
