//! "My applications" and one application: drafts, waiting to send, sent, and what happened.
//! Opening an application's page is what marks its news as seen (`opendoor_core::news`): the
//! list only shows the New mark, so a glance at the list does not lose it.

use leptos::prelude::*;

use crate::i18n::tr;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use opendoor_core::listing::ImpactNote;
use opendoor_core::news::News;
use opendoor_core::outbox::{LocalApplication, Stage};
use opendoor_core::words;

use super::detail::WhatChanged;
use super::news::{self, new_mark, Mine};
use crate::clock;
use crate::runtime::ctx::{use_ctx, Ctx};

fn sent_on(ms: i64) -> String {
    words::date_time(
        &crate::i18n::cat(),
        clock::from_millis(ms).to_offset(clock::local_offset()),
    )
}

/// One line for where an application has got to.
pub fn stage_words(a: &LocalApplication, today: time::Date) -> String {
    match &a.stage {
        Stage::Draft { .. } if a.closed(today) => tr("apps-draft-the-opportunity-has"),
        Stage::Draft {
            notice: Some(_), ..
        } => tr("apps-draft-not-sent-see"),
        Stage::Draft { .. } => tr("apps-draft-not-sent-yet"),
        Stage::Waiting { .. } => tr("apps-waiting-to-send-well"),
        Stage::Sent {
            status, sent_at, ..
        } => crate::i18n::tr_with(
            "apps-status-sent-on",
            &[
                ("status", tr(status.message_id()).into()),
                ("date", sent_on(*sent_at).into()),
            ],
        ),
    }
}

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    super::arrived();
    super::set_title(&tr("nav-applications"));
    let ctx = use_ctx();
    let apps = LocalResource::new(move || {
        news::track(ctx);
        let drafts = ctx.drafts();
        async move { news::mine(&drafts).await }
    });
    let today = clock::today();
    let section = move |title: String, list: Vec<Mine>| {
        (!list.is_empty()).then(|| {
            view! {
                <h2>{title}</h2>
                <ul class="app-list">
                    {list.into_iter().map(|m| view! { <Item mine=m today=today/> }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <h1>{tr("nav-applications")}</h1>
        <p class="muted">{tr("apps-an-application-you-have")}</p>
        {move || match apps.get() {
            None => view! { <p class="muted">{tr("loading")}</p> }.into_any(),
            Some(Err(e)) => view! { <p>{words::storage_problem(&crate::i18n::cat(), &e.problem())}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! {
                <p>{tr("apps-you-havent-started-any")}</p>
                <p><A href="/">{tr("what-changed-find")}</A></p>
            }.into_any(),
            Some(Ok(list)) => {
                let (mut drafts, mut waiting, mut sent) = (vec![], vec![], vec![]);
                for m in list {
                    match m.app.stage {
                        Stage::Draft { .. } => drafts.push(m),
                        Stage::Waiting { .. } => waiting.push(m),
                        Stage::Sent { .. } => sent.push(m),
                    }
                }
                view! {
                    {section(tr("apps-waiting-to-send"), waiting)}
                    {section(tr("apps-drafts"), drafts)}
                    {section(tr("apps-sent"), sent)}
                }.into_any()
            }
        }}
    }
}

/// One application in the list: where it has got to, what is new, and what changed because of
/// the people who took part.
#[component]
fn Item(mine: Mine, today: time::Date) -> impl IntoView {
    let Mine { app: a, note, news } = mine;
    let href = format!("/applications/{}", a.id);
    let listing_href = format!("/opportunities/{}", a.listing_id);
    let closes = a
        .closing_date
        .filter(|_| a.is_draft() && !a.closed(today))
        .map(|d| {
            words::closing(
                &crate::i18n::cat(),
                opendoor_core::listing::Availability::Open,
                Some(d),
                today,
            )
        });
    let stage = stage_words(&a, today);
    let (title, org) = (a.listing_title, a.organisation);
    let hidden = format!(
        " {}",
        crate::i18n::tr_with("apps-for", &[("title", title.as_str().into())])
    );
    view! {
        <li class="app-item">
            <h3 class="app-title">
                <A href=href>{title.clone()}</A>
                {new_mark(news.any())}
            </h3>
            <p class="card-org">{org}</p>
            <p>{stage}</p>
            {news.any().then(|| view! { <p class="news-summary">{news.summary(&crate::i18n::cat())}</p> })}
            {closes.map(|c| view! { <p class="muted">{c}</p> })}
            {note.map(|n| view! {
                <p class="app-note">
                    <strong>{tr("apps-what-changed")}</strong>
                    {words::excerpt(&n.text, NOTE_EXCERPT)}
                    " "
                    <A href=listing_href>{tr("apps-read-what-changed")}<span class="visually-hidden">{hidden}</span></A>
                </p>
            })}
        </li>
    }
}

/// Characters of a note shown in the list; the whole note is on the listing's page.
const NOTE_EXCERPT: usize = 160;

#[component]
pub fn ApplicationPage() -> impl IntoView {
    super::arrived();
    let ctx = use_ctx();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let app = LocalResource::new(move || {
        news::track(ctx);
        let id = id();
        let drafts = ctx.drafts();
        async move {
            match drafts.application(&id).await? {
                Some(a) => Ok(Some(Mine::of(a, drafts.store()).await)),
                None => Ok::<_, crate::store::StoreError>(None),
            }
        }
    });
    // Kept above the view, so a status update arriving mid-confirmation does not reset them.
    let confirm = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    // What was new when the person opened the page (and whatever arrives while it is open):
    // still marked New on this visit, though it is now recorded as seen.
    let shown = RwSignal::new(News::default());
    Effect::new(move |_| {
        if let Some(Ok(Some(m))) = app.get() {
            if m.news.any() {
                shown.update(|s| *s = s.or(m.news));
                mark_seen(ctx, m.app.id, m.note);
            }
        }
    });
    // A polite live region that outlives the page's re-renders: says "Application sent" (and
    // other moves) when the stage changes while the page is open (WCAG 4.1.3).
    let said = RwSignal::new(String::new());
    let last = StoredValue::new(None::<opendoor_core::outbox::Stage>);
    Effect::new(move |_| {
        if let Some(Ok(Some(m))) = app.get() {
            let now = m.app.stage.clone();
            if let Some(news) = last
                .get_value()
                .and_then(|before| words::stage_news(&crate::i18n::cat(), &before, &now))
            {
                said.set(news);
            }
            last.set_value(Some(now));
        }
    });
    let page = move || {
        match app.get() {
        None => view! { <p class="muted">{tr("loading")}</p> }.into_any(),
        Some(Err(e)) => {
            view! { <h1>{tr("apps-this-application-cant-be")}</h1><p>{words::storage_problem(&crate::i18n::cat(), &e.problem())}</p> }.into_any()
        }
        Some(Ok(None)) => {
            super::set_title(&tr("apps-application-not-found"));
            view! {
                <h1>{tr("apps-there-is-no-application")}</h1>
                <p>{tr("apps-it-may-have-been")}</p>
                <p><A href="/applications">{tr("check-see-your-applications")}</A></p>
            }
            .into_any()
        }
        Some(Ok(Some(m))) => {
            view! { <One app=m.app note=m.note shown=shown confirm=confirm message=message/> }.into_any()
        }
    }
    };
    view! {
        <p class="visually-hidden" role="status" aria-live="polite">{move || said.get()}</p>
        {page}
    }
}

/// Records that the person has seen everything about this application now, and tells the
/// other screens and tabs (the home screen's count, the New marks).
fn mark_seen(ctx: Ctx, id: String, note: Option<ImpactNote>) {
    let drafts = ctx.drafts();
    wasm_bindgen_futures::spawn_local(async move {
        let mut changed = false;
        let done = drafts
            .update_application(&id, |a| changed = a.mark_seen(note.as_ref()))
            .await;
        match done {
            Ok(_) if changed => ctx.apps_changed(),
            Ok(_) => {}
            // Not fatal: it stays marked New, and is tried again next time it is opened.
            Err(e) => web_sys::console::warn_1(&format!("marking seen: {e}").into()),
        }
    });
}

#[component]
fn One(
    app: LocalApplication,
    note: Option<ImpactNote>,
    shown: RwSignal<News>,
    confirm: RwSignal<bool>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let today = clock::today();
    super::set_title(&crate::i18n::tr_with(
        "apply-your-application",
        &[("title", app.listing_title.as_str().into())],
    ));
    let navigate = use_navigate();
    let helper = app.form.with_helper.then(|| {
        crate::i18n::tr_with(
            "apps-filled-in-with",
            &[("helper", app.form.helper_name.trim().into())],
        )
    });
    let listing_href = format!("/opportunities/{}", app.listing_id);
    let apply_href = format!("/opportunities/{}/apply", app.listing_id);
    let org = app.organisation.clone();
    let a2 = app.clone();
    let remove = move |_| {
        if !confirm.get_untracked() {
            confirm.set(true);
            return;
        }
        let a = a2.clone();
        let navigate = navigate.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match ctx.withdraw(&a).await {
                Ok(()) => {
                    ctx.apps_changed();
                    navigate("/applications", NavigateOptions::default());
                }
                Err(e) => {
                    confirm.set(false);
                    message.set(Some(words::withdraw_problem(
                        &crate::i18n::cat(),
                        &e.problem(),
                    )));
                }
            }
        });
    };
    let body = match &app.stage {
        Stage::Sent {
            sent_at,
            status,
            feedback,
            server_id,
            ..
        } => view! {
            <div class="panel">
                <h1 class="panel-title">{tr("apps-application-sent")}</h1>
                <p class="panel-body">{crate::i18n::tr_with("apps-sent-on", &[("date", sent_on(*sent_at).into())])}</p>
                <p class="panel-body">{tr("apps-your-reference")} <strong>{server_id.clone()}</strong></p>
            </div>
            <crate::pages::language::EasyReadIntro id="easy-next-intro"/>
            {move || (shown.get().any()).then(|| view! {
                <p class="news-summary">{shown.get().summary(&crate::i18n::cat())}</p>
            })}
            <h2>{tr("apps-what-has-happened")} {move || new_mark(shown.get().status)}</h2>
            <p class="status-tag">{tr(status.message_id())}</p>
            {feedback.clone().map(|f| view! {
                <h2>{crate::i18n::tr_with("apps-what-org-said", &[("org", org.as_str().into())])} {move || new_mark(shown.get().feedback)}</h2>
                <blockquote class="feedback">{f}</blockquote>
            })}
            <p class="muted">{tr("apps-open-door-checks-for")}</p>
        }
        .into_any(),
        Stage::Waiting {
            last_failure,
            attempts,
            ..
        } => {
            let why = last_failure.map(|f| words::failure(&crate::i18n::cat(), f));
            let tries = *attempts;
            view! {
                <h1>{tr("apps-waiting-to-send-well")}</h1>
                <p>{tr("apps-your-application-is-saved")}</p>
                {why.map(|w| view! { <p>{crate::i18n::tr_with("apps-tried", &[("why", w.into()), ("times", words::times(&crate::i18n::cat(), tries).into())])}</p> })}
                <button type="button" class="button" on:click=move |_| ctx.flush_outbox()>{tr("apps-send-now")}</button>
            }
            .into_any()
        }
        Stage::Draft { notice, .. } => {
            let closed = app.closed(today);
            view! {
                <h1>{tr("apps-draft-not-sent-yet")}</h1>
                {notice.clone().map(|n| view! { <div class="notice notice-problem" role="note"><p>{n.words(&crate::i18n::cat())}</p></div> })}
                {closed.then(|| view! { <p>{tr("apps-the-opportunity-has-closed")}</p> })}
                <p><A href=apply_href.clone() attr:class="button">{tr("detail-continue")}</A></p>
            }
            .into_any()
        }
    };
    let sent = matches!(app.stage, Stage::Sent { .. });
    let waiting = matches!(app.stage, Stage::Waiting { .. });
    view! {
        <p class="back"><A href="/applications">{tr("apps-back-to-my-applications")}</A></p>
        <span class="caption">{app.listing_title.clone()} " — " {app.organisation.clone()}</span>
        {body}
        {helper.map(|h| view! { <p>{h}</p> })}
        {note.map(|n| view! {
            <WhatChanged note=n org=app.organisation.clone() new=Signal::derive(move || shown.get().impact_note)/>
        })}
        <p><A href=listing_href>{tr("apps-see-the-opportunity")}</A></p>
        {move || message.get().map(|m| view! { <div class="notice notice-problem" role="alert"><p>{m}</p></div> })}
        {(!waiting).then(|| view! {
            <h2>{if sent { tr("apps-withdraw-your-application") } else { tr("apps-delete-this-draft") }}</h2>
            <p>{if sent {
                {tr("apps-this-tells-the-organisers")}
            } else {
                {tr("apps-this-deletes-your-answers")}
            }}</p>
            {move || confirm.get().then(|| view! { <p class="warning-text"><strong>{tr("apps-are-you-sure-press")}</strong></p> })}
            <button type="button" class="button button-warning" on:click=remove.clone()>
                {if sent { tr("apps-withdraw-application") } else { tr("apps-delete-draft") }}
            </button>
        })}
    }
}
