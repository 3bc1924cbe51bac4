//! The first paint's markup: the app's frame, its list of opportunities and one opportunity, in
//! the app's own elements and classes (so the app takes over without a visible jump) and in
//! core's words (so they say the same). Everything from a listing is text (maud escapes it);
//! links only from values core has checked. Pure, so it is tested on the host.

use maud::{html, Markup};
use opendoor_core::device::DeviceMode;
use opendoor_core::filter::Sort;
use opendoor_core::first_screen as fs;
use opendoor_core::first_screen::detail as fsd;
use opendoor_core::i18n::{Catalogue, Lang};
use opendoor_core::listing::{paragraphs, Availability, HowToApply, Listing};
use opendoor_core::query::{self, Query};
use opendoor_core::validate::{is_email, is_phone, is_web_link};
use opendoor_core::words::{self, SyncState};
use time::Date;

/// What the list shows: the open listings found, in order, and how many.
pub struct ListView<'a> {
    pub query: &'a Query,
    pub found: &'a [&'a Listing],
    pub open: usize,
    pub shown: usize,
    pub today: Date,
}

/// Which screen the page is, for the app (`data-first-paint`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    List,
    Detail,
    NotFound,
}

impl Screen {
    fn as_str(self) -> &'static str {
        match self {
            Screen::List => "list",
            Screen::Detail => "detail",
            Screen::NotFound => "missing",
        }
    }
}

/// Links in the first paint leave the page (`target="_self"`): the app's router ignores them,
/// so a press before the app has taken over loads that page's own first paint at once.
const SELF: &str = "_self";

/// The other languages, as the app's header shows them (src/pages/language.rs): links that ask
/// for this page in that language, which work without script.
fn language_links(c: &Catalogue) -> Markup {
    html! {
        nav class="language-links" aria-label=(c.text("language-nav")) {
            ul {
                @for l in Lang::PICKABLE.into_iter().filter(|l| *l != c.lang()) {
                    li { a href=(format!("?lang={}", l.tag())) hreflang=(l.tag()) lang=(l.tag())
                        dir=(l.dir().attr()) target=(SELF) { (l.name()) } }
                }
            }
            p class="language-message" role="status" {}
        }
    }
}

/// The whole `#boot` element: the frame around `main`.
pub fn frame(c: &Catalogue, screen: Screen, main: Markup) -> Markup {
    let current = (screen == Screen::List).then_some("/");
    html! {
        div id="boot" class="first-paint" data-first-paint=(screen.as_str()) {
            a class="skip-link" href="#main" { (c.text("skip-link")) }
            header class="site-header" {
                div class="wrap" {
                    a href="/" target=(SELF) class="brand" {
                        span class="brand-mark" aria-hidden="true" {}
                        (c.text("app-name"))
                    }
                    p class="tagline" { (c.text("tagline")) }
                    (language_links(c))
                    div class="device-bar" {
                        a href="/settings" target=(SELF) class="device-mode" { (c.text(DeviceMode::default().message_id())) }
                    }
                }
                nav class="wrap site-nav" aria-label=(c.text("nav-main")) {
                    ul {
                        @for (href, text) in fs::nav(c) {
                            li { a href=(href) target=(SELF) aria-current=[(current == Some(href)).then_some("page")] { (text) } }
                        }
                    }
                }
            }
            section class="status" aria-label=(c.text("status-region")) {
                div class="wrap status-row" {
                    p id="boot-message" role="status" aria-live="polite" class="status-text" {
                        (words::status_line(c, &SyncState::Syncing, None, time::OffsetDateTime::UNIX_EPOCH, false))
                    }
                    // Takes the Refresh button's room, so nothing moves when the app arrives.
                    span class="button button-secondary placeholder" aria-hidden="true" { (c.text("refresh")) }
                }
            }
            main id="main" class="wrap" tabindex="-1" { (main) }
            footer class="site-footer" { div class="wrap" { p { (c.text("footer")) } } }
        }
    }
}

/// The list of opportunities as the app first shows it. Search (and sort) work without script:
/// the form asks the server again.
pub fn list(c: &Catalogue, v: &ListView) -> Markup {
    let q = v.query;
    let searching = !q.text.trim().is_empty() || !q.filters.is_empty();
    let total = v.found.len();
    let shown = v.shown.min(total);
    let more_href = {
        let s = q.to_query_string();
        let sep = if s.is_empty() { "" } else { "&" };
        format!("/?{s}{sep}shown={}", shown + crate::first_paint::BATCH)
    };
    html! {
        h1 { (c.text("list-heading")) }
        p class="lede" { (c.text("list-lede")) }
        form id="search-form" role="search" class="search" action="/" method="get" {
            label for="search" class="search-label" { (c.text("search-label")) }
            p id="search-hint" class="hint" { (c.text("search-hint")) }
            input id="search" name="q" type="search" class="search-input" autocomplete="off"
                spellcheck="false" aria-describedby="search-hint"
                maxlength=(query::MAX_TEXT) value=(q.text);
        }
        details class="filters" {
            summary { (c.text("filters")) }
            div class="filters-body" {
                p class="hint" { (c.text("first-paint-filters")) }
            }
        }
        div class="results-bar" {
            p class="count" { (words::count_words(c, total, v.open, searching)) }
            div class="sort" {
                label for="sort" { (c.text("sort-label")) }
                select id="sort" name="sort" form="search-form" {
                    @for s in Sort::ALL {
                        option value=(query::sort_slug(s)) selected[q.sort == s] { (fs::sort_label(c, s)) }
                    }
                }
            }
        }
        @if searching {
            div class="save-search placeholder" aria-hidden="true" {
                span class="button button-secondary" { (c.text("save-search")) }
            }
        }
        @if v.open == 0 {
            div class="notice" {
                h2 { (c.text("list-none-open")) }
                p { (c.text("first-paint-none-open-hint")) }
            }
        } @else if total == 0 {
            div class="notice" {
                h2 { (c.text("list-nothing-matches")) }
                p { (c.text("first-paint-nothing-matches-hint")) }
            }
        } @else {
            ul class="cards" aria-label=(c.text("list-found-label")) {
                @for l in &v.found[..shown] { (card(c, l, v.today)) }
            }
            @if shown < total {
                a class="button button-secondary show-more" href=(more_href) target=(SELF) { (fs::show_more(c, shown, total)) }
            }
        }
    }
}

fn card(c: &Catalogue, l: &Listing, today: Date) -> Markup {
    let closing = words::closing(c, l.availability(today), l.closing_date, today);
    let facts = [
        words::kind(c, l.kind),
        words::attendance(c, &l.attendance),
        words::payment(c, &l.payment),
        closing,
    ];
    html! {
        li class="card" {
            h2 class="card-title" lang=(l.lang()) { a href=(detail_href(&l.id)) target=(SELF) { (l.title) } }
            p class="card-org" lang=(l.lang()) { (l.organisation.name) }
            p class="card-summary" lang=(l.lang()) { (l.summary) }
            dl class="facts" {
                @for (dt, dd) in fs::card_facts(c).iter().zip(facts) { div { dt { (dt) } dd { (dd) } } }
            }
        }
    }
}

fn detail_href(id: &str) -> String {
    format!("/opportunities/{}", query::encode(id))
}

fn paras(text: &str) -> Markup {
    html! { @for p in paragraphs(text) { p { (p) } } }
}

/// One opportunity, in the order and words of the app's detail page.
pub fn detail(c: &Catalogue, l: &Listing, today: Date) -> Markup {
    let availability = l.availability(today);
    let banner = fsd::banner(c, availability);
    let org_url = l.organisation.url.as_deref().filter(|u| is_web_link(u));
    let paid = l.payment.is_paid();
    let expenses: Vec<String> = l.expenses.iter().map(|e| words::expense(c, *e)).collect();
    let address = l.attendance.place().and_then(|p| {
        let parts: Vec<String> = p.address.iter().chain(p.postcode.iter()).cloned().collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    });
    html! {
        p class="back" { a href="/" target=(SELF) { (c.text("back-to-list")) } }
        article class="detail" aria-labelledby="listing-title" {
            h1 id="listing-title" lang=(l.lang()) { (l.title) }
            p class="detail-org" {
                (c.text("detail-from")) " "
                @if let Some(url) = org_url {
                    a href=(url) rel="noopener noreferrer" target="_blank" { (c.text_with("new-tab", &[("name", l.organisation.name.as_str().into())])) }
                } @else { span { (l.organisation.name) } }
            }
            @if let Some(a) = words::attribution(c, l) { p class="detail-source muted" { (a) } }
            @if let Some((label, text)) = banner {
                div class="notice notice-problem" role="note" { p class="notice-label" { (label) } p { (text) } }
            }
            p class="lede" lang=(l.lang()) { (l.summary) }
            @if let Some(note) = &l.impact_note {
                section class="impact-note" aria-labelledby="what-changed" {
                    h2 id="what-changed" { (c.text("impact-heading")) }
                    p class="muted" { (c.text_with("impact-from", &[("org", l.organisation.name.as_str().into()), ("date", words::date(c, note.date).into())])) }
                    (paras(&note.text))
                }
            }
            dl class="facts facts-detail" {
                div { dt { (c.text("fact-type")) } dd { (words::kind(c, l.kind)) } }
                div { dt { (c.text("fact-where")) } dd { p { (words::attendance(c, &l.attendance)) } @if let Some(a) = &address { p { (a) } } } }
                div { dt { (c.text("fact-time")) } dd lang=(l.lang()) { (l.time_commitment) } }
                @if !l.sessions.is_empty() || l.dates_note.is_some() {
                    div { dt { (c.text("fact-dates")) } dd {
                        @if let Some(n) = &l.dates_note { p { (n) } }
                        @if !l.sessions.is_empty() { ul { @for s in &l.sessions { li { (words::session(c, s)) } } } }
                    } }
                }
                div { dt { (c.text("fact-closing")) } dd { (words::closing(c, availability, l.closing_date, today)) } }
                div { dt { (c.text("fact-payment")) } dd {
                    p { (words::payment(c, &l.payment)) }
                    @if !expenses.is_empty() { p { (c.text_with("detail-expenses-paid", &[("expenses", expenses.join(", ").into())])) } }
                    @if let Some(n) = &l.payment_note { p { (n) } }
                    @if paid { p class="benefits-note" { (words::benefits_note(c)) } }
                } }
                @if !l.topics.is_empty() { div { dt { (c.text("fact-topics")) } dd { (l.topics.join(", ")) } } }
            }
            h2 { (c.text("detail-about")) }
            div class="listing-text" lang=(l.lang()) { (paras(&l.description)) }
            h2 { (c.text("detail-difference")) }
            div class="listing-text" lang=(l.lang()) { (paras(&l.impact)) }
            h2 { (c.text("detail-support")) }
            div class="listing-text" lang=(l.lang()) { (paras(&l.support)) }
            h2 { (c.text("detail-access")) }
            @if l.access_support.is_empty() {
                p { (c.text("detail-no-access-listed")) }
            } @else {
                ul { @for a in &l.access_support { li { (words::access(c, *a)) } } }
            }
            @if let Some(n) = &l.access_note { p { (n) } }
            h2 { (c.text("detail-who")) }
            p lang=(l.lang()) { (l.eligibility.who) }
            @if let Some(a) = l.eligibility.minimum_age { p { (c.text_with("detail-minimum-age", &[("age", a.into())])) } }
            @if !l.eligibility.requirements.is_empty() { ul { @for r in &l.eligibility.requirements { li { (r) } } } }
            h2 { (c.text("detail-how-to-apply")) }
            (how_to_apply(c, l, availability == Availability::Open))
            (sources(c, l))
            p class="muted" { (c.text_with("detail-last-updated", &[("date", words::date(c, l.last_updated.date()).into())])) }
        }
    }
}

fn how_to_apply(c: &Catalogue, l: &Listing, open: bool) -> Markup {
    if !open {
        return html! { p { (c.text("detail-no-longer-taken")) } };
    }
    let message = || {
        html! {
            div class="form-group" {
                label class="label" for="prepared-message" { (c.text("detail-prepared-label")) }
                textarea class="textarea" id="prepared-message" rows="8" readonly {
                    (words::prepared_message(c, &l.title, &l.organisation.name))
                }
            }
        }
    };
    let contact = l.contact.as_ref().map(|who| {
        html! {
            h3 { (c.text("detail-contact")) }
            ul class="plain" {
                @if let Some(n) = &who.name { li { (n) } }
                @if let Some(e) = who.email.as_deref().filter(|e| is_email(e)) { li { (c.text("detail-email")) " " a href=(format!("mailto:{e}")) { (e) } } }
                @if let Some(p) = who.phone.as_deref().filter(|p| is_phone(p)) { li { (c.text("detail-phone")) " " a href=(format!("tel:{}", p.replace(' ', ""))) { (p) } } }
            }
        }
    });
    let how = match &l.how_to_apply {
        HowToApply::InApp { .. } => html! {
            p { (c.text("detail-apply-in-app")) }
            p { a class="button" href=(format!("{}/apply", detail_href(&l.id))) target=(SELF) { (c.text("detail-apply")) } }
        },
        HowToApply::Link { url } if is_web_link(url) => html! {
            ol class="steps" {
                li { (c.text("detail-link-step-1")) }
                li { (c.text("detail-link-step-2")) }
            }
            p { a class="button" href=(url) rel="noopener noreferrer" target="_blank" { (c.text("detail-apply-on-site")) } }
            (message())
        },
        HowToApply::Email { address } if is_email(address) => html! {
            ol class="steps" {
                li { (c.text("detail-email-step-1")) }
                li { (c.text("detail-email-step-2")) " " a href=(format!("mailto:{address}")) { (address) } }
            }
            (message())
        },
        HowToApply::Phone { number } if is_phone(number) => html! {
            ol class="steps" {
                li { (c.text("detail-phone-step-1")) " " a href=(format!("tel:{}", number.replace(' ', ""))) { (number) } }
                li { (c.text("detail-phone-step-2")) }
            }
            (message())
        },
        _ => html! { p { (c.text("detail-contact-to-apply")) } },
    };
    html! { (how) @if let Some(contact) = contact { (contact) } }
}

/// Where a gathered listing came from, and each publisher's licence, as the app shows it.
fn sources(c: &Catalogue, l: &Listing) -> Markup {
    if l.sources.is_empty() {
        return html! {};
    }
    html! {
        section class="provenance" aria-labelledby="listing-sources" {
            h2 id="listing-sources" { (c.text("detail-sources")) }
            ul { @for s in &l.sources {
                li {
                    @if let Some(url) = s.url.as_deref().filter(|u| is_web_link(u)) {
                        a href=(url) rel="noopener noreferrer" target="_blank" { (c.text_with("new-tab", &[("name", s.name.as_str().into())])) }
                    } @else { span { (s.name) } }
                    " "
                    @if let Some(url) = s.license.as_deref().filter(|u| is_web_link(u)) {
                        p class="muted" { (c.text("detail-licence")) " " a href=(url) rel="noopener noreferrer" target="_blank" { (url) } }
                    } @else { p class="muted" { (words::source_licence(c, s)) } }
                }
            } }
        }
    }
}

/// "We can't find this opportunity", as the app says it.
pub fn not_found(c: &Catalogue) -> Markup {
    html! {
        h1 { (c.text("detail-not-found")) }
        p { (c.text("detail-not-found-why")) }
        p { a href="/" target=(SELF) { (c.text("detail-see-all")) } }
    }
}
