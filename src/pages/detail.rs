//! One opportunity in full. Every feed string is rendered as text; links only for http(s),
//! mailto and tel, built from values the core has already checked.

use leptos::prelude::*;

use crate::i18n::tr;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use opendoor_core::first_screen::detail as fsd;
use opendoor_core::listing::{paragraphs, Availability, HowToApply, ImpactNote, Listing};
use opendoor_core::validate::{is_email, is_phone, is_web_link};
use opendoor_core::words::{self, SyncState};

use super::news::new_mark;
use crate::clock;
use crate::components::actions::ListingActions;
use crate::runtime::ctx::use_ctx;

#[component]
pub fn DetailPage() -> impl IntoView {
    super::arrived();
    let ctx = use_ctx();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let row = LocalResource::new(move || {
        ctx.revision.track();
        let id = id();
        let store = ctx.store();
        async move { store.listing(&id).await }
    });
    // Take over from the server's first paint once this opportunity is stored (or surely isn't).
    Effect::new(move |_| match row.get() {
        Some(Ok(Some(_)) | Err(_)) => super::ready(),
        Some(Ok(None)) if ctx.synced.get() && ctx.state.get() == SyncState::Idle => super::ready(),
        _ => {}
    });
    move || match row.get() {
        None => view! { <p class="muted">{tr("loading")}</p> }.into_any(),
        Some(Err(e)) => view! {
            <h1>{tr("detail-cannot-read")}</h1>
            <p>{words::storage_problem(&crate::i18n::cat(), &e.problem())}</p>
        }
        .into_any(),
        Some(Ok(None)) if ctx.state.get() == opendoor_core::words::SyncState::Syncing => {
            view! { <p class="muted">{tr("detail-getting")}</p> }.into_any()
        }
        Some(Ok(None)) => {
            super::set_title(&tr("detail-not-found-title"));
            view! {
                <h1>{crate::i18n::tr("detail-not-found")}</h1>
                <p>{crate::i18n::tr("detail-not-found-why")}</p>
                <p>
                    <A href="/">{crate::i18n::tr("detail-see-all")}</A>
                </p>
            }
            .into_any()
        }
        Some(Ok(Some(r))) => view! { <Detail listing=r.listing/> }.into_any(),
    }
}

pub fn paras(text: &str) -> impl IntoView {
    paragraphs(text)
        .into_iter()
        .map(|p| view! { <p>{p.to_owned()}</p> })
        .collect_view()
}

/// A listing's own text, marked with the language it was written in.
fn listing_text(text: &str, lang: &str) -> impl IntoView {
    view! { <div class="listing-text" lang=lang.to_owned()>{paras(text)}</div> }
}

#[component]
fn Detail(listing: Listing) -> impl IntoView {
    let ctx = use_ctx();
    super::set_title(&listing.title);
    let today = clock::today();
    let l = listing;
    let availability = l.availability(today);
    let banner = fsd::banner(&crate::i18n::cat(), availability);
    let org = l.organisation.clone();
    let org_view = match org.url.filter(|u| is_web_link(u)) {
        Some(url) => view! { <a href=url rel="noopener noreferrer" target="_blank">{crate::i18n::tr_with("new-tab", &[("name", org.name.as_str().into())])}</a> }.into_any(),
        None => view! { <span lang=l.lang().to_owned()>{org.name}</span> }.into_any(),
    };
    let closing = words::closing(&crate::i18n::cat(), availability, l.closing_date, today);
    let lang = l.lang().to_owned();
    let easy = l.easy_read.clone().map(|text| {
        let lang = lang.clone();
        view! {
            <section class="easy-read" aria-labelledby="easy-read-heading">
                <h2 id="easy-read-heading">{tr("easy-read-heading")}</h2>
                {listing_text(&text, &lang)}
            </section>
        }
    });
    // Easy Read first for people who chose it; otherwise after the summary.
    let easy_first = crate::i18n::easy_read_on();
    let (easy_top, easy_after) = if easy_first {
        (easy, None)
    } else {
        (None, easy)
    };
    view! {
        <p class="back">
            <A href=move || {
                let q = ctx.list_search.get();
                if q.is_empty() { "/".to_string() } else { format!("/?{}", q.trim_start_matches('?')) }
            }>{crate::i18n::tr("back-to-list")}</A>
        </p>
        <article class="detail" aria-labelledby="listing-title">
            <h1 id="listing-title" lang=lang.clone()>{l.title.clone()}</h1>
            <p class="detail-org">{tr("detail-from")} " " {org_view}</p>
            {words::attribution(&crate::i18n::cat(), &l).map(|a| view! { <p class="detail-source muted">{a}</p> })}
            {banner.map(|(label, text)| view! {
                <div class="notice notice-problem" role="note">
                    <p class="notice-label">{label}</p>
                    <p>{text}</p>
                </div>
            })}
            {easy_top}
            <p class="lede" lang=lang.clone()>{l.summary.clone()}</p>
            {easy_after}
            <super::listen::Listen listing=l.clone()/>
            {l.impact_note.clone().map(|note| view! { <WhatChanged note=note org=l.organisation.name.clone() lang=l.lang().to_owned()/> })}
            <ListingActions listing=l.clone()/>
            <KeyFacts listing=l.clone() closing=closing/>
            <h2>{crate::i18n::tr("detail-about")}</h2>
            {listing_text(&l.description, &lang)}
            <h2>{crate::i18n::tr("detail-difference")}</h2>
            {listing_text(&l.impact, &lang)}
            <h2>{crate::i18n::tr("detail-support")}</h2>
            {listing_text(&l.support, &lang)}
            <AccessSection listing=l.clone()/>
            <WhoSection listing=l.clone()/>
            <ApplySection listing=l.clone() open=availability == Availability::Open/>
            <Sources listing=l.clone()/>
            <p class="muted">{crate::i18n::tr_with("detail-last-updated", &[("date", words::date(&crate::i18n::cat(), l.last_updated.date()).into())])}</p>
        </article>
    }
}

/// Where a listing gathered from other publishers came from, and each one's licence. Names and
/// licences are text; a link only when it passed `is_web_link`.
#[component]
fn Sources(listing: Listing) -> impl IntoView {
    let sources = listing.sources;
    (!sources.is_empty()).then(|| {
        let items = sources
            .into_iter()
            .map(|s| {
                let name = match s.url.clone().filter(|u| is_web_link(u)) {
                    Some(url) => view! { <a href=url rel="noopener noreferrer" target="_blank">{crate::i18n::tr_with("new-tab", &[("name", s.name.as_str().into())])}</a> }.into_any(),
                    None => view! { <span>{s.name.clone()}</span> }.into_any(),
                };
                let licence = match s.license.clone().filter(|l| is_web_link(l)) {
                    Some(url) => view! {
                        <p class="muted">{tr("detail-licence")} " " <a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a></p>
                    }
                    .into_any(),
                    None => view! { <p class="muted">{words::source_licence(&crate::i18n::cat(), &s)}</p> }.into_any(),
                };
                view! { <li>{name} {licence}</li> }
            })
            .collect_view();
        view! {
            <section class="provenance" aria-labelledby="listing-sources">
                <h2 id="listing-sources">{tr("detail-sources")}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// "What changed because of you": the organisers' report after the activity. High on the page,
/// because on a closed listing it is the news, and on an open one it shows taking part matters.
/// Also on the person's application, marked New (`new`) when it is news to them.
#[component]
pub fn WhatChanged(
    note: ImpactNote,
    org: String,
    #[prop(optional)] new: Option<Signal<bool>>,
    /// The language the listing (and so the note) is written in; English if not given.
    #[prop(optional)]
    lang: Option<String>,
) -> impl IntoView {
    let new = move || new_mark(new.is_some_and(|n| n.get()));
    let lang = lang.unwrap_or_else(|| "en".into());
    view! {
        <section class="impact-note" aria-labelledby="what-changed">
            <h2 id="what-changed">{tr("impact-heading")} {new}</h2>
            <p class="muted">{crate::i18n::tr_with("impact-from", &[("org", org.as_str().into()), ("date", words::date(&crate::i18n::cat(), note.date).into())])}</p>
            <div class="listing-text" lang=lang>{paras(&note.text)}</div>
        </section>
    }
}

#[component]
fn KeyFacts(listing: Listing, closing: String) -> impl IntoView {
    let l = listing;
    let lang = l.lang().to_owned();
    // The address on its own line, without repeating the town already in "In person in …".
    let address = l.attendance.place().and_then(|p| {
        let parts: Vec<String> = p.address.iter().chain(p.postcode.iter()).cloned().collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    });
    let where_ = words::attendance(&crate::i18n::cat(), &l.attendance);
    let sessions = l.sessions.clone();
    let dates_note = l.dates_note.clone();
    let has_dates = !sessions.is_empty() || dates_note.is_some();
    let paid = l.payment.is_paid();
    let expenses: Vec<String> = l
        .expenses
        .iter()
        .map(|e| words::expense(&crate::i18n::cat(), *e))
        .collect();
    view! {
        <dl class="facts facts-detail">
            <div>
                <dt>{tr("fact-type")}</dt>
                <dd>{words::kind(&crate::i18n::cat(), l.kind)}</dd>
            </div>
            <div>
                <dt>{tr("fact-where")}</dt>
                <dd>
                    <p>{where_}</p>
                    {address.map(|a| view! { <p lang=lang.clone()>{a}</p> })}
                </dd>
            </div>
            <div>
                <dt>{tr("fact-time")}</dt>
                <dd lang=lang.clone()>{l.time_commitment.clone()}</dd>
            </div>
            {has_dates.then(|| view! {
                <div>
                    <dt>{tr("fact-dates")}</dt>
                    <dd>
                        {dates_note.map(|n| view! { <p lang=lang.clone()>{n}</p> })}
                        {(!sessions.is_empty()).then(|| view! {
                            <ul>
                                {sessions.iter().map(|s| view! { <li>{words::session(&crate::i18n::cat(), s)}</li> }).collect_view()}
                            </ul>
                        })}
                    </dd>
                </div>
            })}
            <div>
                <dt>{tr("fact-closing")}</dt>
                <dd>{closing}</dd>
            </div>
            <div>
                <dt>{tr("fact-payment")}</dt>
                <dd>
                    <p>{words::payment(&crate::i18n::cat(), &l.payment)}</p>
                    {(!expenses.is_empty()).then(|| view! {
                        <p>{crate::i18n::tr_with("detail-expenses-paid", &[("expenses", expenses.join(", ").into())])}</p>
                    })}
                    {l.payment_note.clone().map(|n| view! { <p lang=lang.clone()>{n}</p> })}
                    {paid.then(|| view! { <p class="benefits-note">{
                        // Easy Read: the same advice in short sentences.
                        if crate::i18n::easy_read_on() { tr("benefits-note-easy") } else { words::benefits_note(&crate::i18n::cat()) }
                    }</p> })}
                </dd>
            </div>
            {(!l.topics.is_empty()).then(|| view! {
                <div>
                    <dt>{tr("fact-topics")}</dt>
                    <dd lang=lang.clone()>{l.topics.join(", ")}</dd>
                </div>
            })}
        </dl>
    }
}

#[component]
fn AccessSection(listing: Listing) -> impl IntoView {
    let items: Vec<String> = listing
        .access_support
        .iter()
        .map(|a| words::access(&crate::i18n::cat(), *a))
        .collect();
    let note = listing.access_note;
    let lang = listing
        .in_language
        .first()
        .cloned()
        .unwrap_or_else(|| "en".into());
    view! {
        <h2>{crate::i18n::tr("detail-access")}</h2>
        {if items.is_empty() {
            view! { <p>{crate::i18n::tr("detail-no-access-listed")}</p> }.into_any()
        } else {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
        }}
        {note.map(|n| view! { <p lang=lang>{n}</p> })}
    }
}

#[component]
fn WhoSection(listing: Listing) -> impl IntoView {
    let lang = listing.lang().to_owned();
    let e = listing.eligibility;
    view! {
        <h2>{crate::i18n::tr("detail-who")}</h2>
        <p lang=lang.clone()>{e.who}</p>
        {e.minimum_age.map(|a| view! { <p>{crate::i18n::tr_with("detail-minimum-age", &[("age", a.into())])}</p> })}
        {(!e.requirements.is_empty()).then(|| view! {
            <ul lang=lang>{e.requirements.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
        })}
    }
}

#[component]
fn ApplySection(listing: Listing, open: bool) -> impl IntoView {
    let contact_lang = listing.lang().to_owned();
    let how = if !open {
        view! { <p>{crate::i18n::tr("detail-no-longer-taken")}</p> }.into_any()
    } else {
        match listing.how_to_apply {
            HowToApply::InApp { .. } => {
                view! { <InAppApply listing_id=listing.id.clone()/> }.into_any()
            }
            HowToApply::Link { url } if is_web_link(&url) => view! {
                <ol class="steps">
                    <li>{crate::i18n::tr("detail-link-step-1")}</li>
                    <li>{crate::i18n::tr("detail-link-step-2")}</li>
                </ol>
                <p>
                    <a class="button" href=url rel="noopener noreferrer" target="_blank">
                        {tr("detail-apply-on-site")}
                    </a>
                </p>
                <PreparedMessage title=listing.title.clone() org=listing.organisation.name.clone()/>
            }
            .into_any(),
            HowToApply::Email { address } if is_email(&address) => {
                let href = format!("mailto:{address}");
                view! {
                    <ol class="steps">
                        <li>{crate::i18n::tr("detail-email-step-1")}</li>
                        <li>{tr("detail-email-step-2")} " " <a href=href>{address}</a></li>
                    </ol>
                    <PreparedMessage title=listing.title.clone() org=listing.organisation.name.clone()/>
                }
                .into_any()
            }
            HowToApply::Phone { number } if is_phone(&number) => {
                let href = format!("tel:{}", number.replace(' ', ""));
                view! {
                    <ol class="steps">
                        <li>{tr("detail-phone-step-1")} " " <a href=href>{number}</a></li>
                        <li>{crate::i18n::tr("detail-phone-step-2")}</li>
                    </ol>
                    <PreparedMessage title=listing.title.clone() org=listing.organisation.name.clone()/>
                }
                .into_any()
            }
            _ => view! { <p>{crate::i18n::tr("detail-contact-to-apply")}</p> }.into_any(),
        }
    };
    let app_lang = crate::i18n::lang().tag();
    let contact = listing.contact.map(|c| {
        view! {
            <h3>{tr("detail-contact")}</h3>
            <ul class="plain" lang=contact_lang>
                {c.name.map(|n| view! { <li>{n}</li> })}
                {c.email.filter(|e| is_email(e)).map(|e| {
                    let href = format!("mailto:{e}");
                    view! { <li><span lang=app_lang>{tr("detail-email")}</span> " " <a href=href>{e}</a></li> }
                })}
                {c.phone.filter(|p| is_phone(p)).map(|p| {
                    let href = format!("tel:{}", p.replace(' ', ""));
                    view! { <li><span lang=app_lang>{tr("detail-phone")}</span> " " <a href=href>{p}</a></li> }
                })}
            </ul>
        }
    });
    view! {
        <h2>{crate::i18n::tr("detail-how-to-apply")}</h2>
        {how}
        {contact}
    }
}

/// Apply in the app, or where this device's application has got to.
#[component]
fn InAppApply(listing_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let id = listing_id.clone();
    let app = LocalResource::new(move || {
        ctx.apps_revision.track();
        let drafts = ctx.drafts();
        let id = id.clone();
        async move { drafts.application(&id).await.ok().flatten() }
    });
    let apply = format!("/opportunities/{listing_id}/apply");
    let mine = format!("/applications/{listing_id}");
    move || {
        let (apply, mine) = (apply.clone(), mine.clone());
        match app.get().flatten().map(|a| a.stage) {
            None => view! {
                <p>{crate::i18n::tr("detail-apply-in-app")}</p>
                <p><A href=apply attr:class="button">{tr("detail-apply")}</A></p>
            }
            .into_any(),
            Some(opendoor_core::outbox::Stage::Draft { .. }) => view! {
                <p>{tr("detail-started")}</p>
                <p><A href=apply attr:class="button">{tr("detail-continue")}</A></p>
            }
            .into_any(),
            Some(_) => view! {
                <p>{tr("detail-applied")}</p>
                <p><A href=mine>{tr("detail-see-application")}</A></p>
            }
            .into_any(),
        }
    }
}

/// A message the person can copy into an email or form, or read out on the phone.
#[component]
fn PreparedMessage(title: String, org: String) -> impl IntoView {
    let text = words::prepared_message(&crate::i18n::cat(), &title, &org);
    let copied = RwSignal::new(String::new());
    let t = text.clone();
    let copy = move |_| {
        let Some(w) = web_sys::window() else { return };
        let promise = w.navigator().clipboard().write_text(&t);
        wasm_bindgen_futures::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => copied.set(tr("detail-copied")),
                Err(_) => copied.set(tr("detail-not-copied")),
            }
        });
    };
    view! {
        <div class="form-group">
            <label class="label" for="prepared-message">{crate::i18n::tr("detail-prepared-label")}</label>
            <textarea class="textarea" id="prepared-message" rows="8" readonly=true>{text}</textarea>
        </div>
        <button type="button" class="button button-secondary" on:click=copy>{tr("detail-copy")}</button>
        <p role="status" aria-live="polite">{move || copied.get()}</p>
    }
}
