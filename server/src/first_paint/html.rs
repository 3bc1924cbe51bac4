//! The first paint's markup: the app's frame, its list of opportunities and one opportunity, in
//! the app's own elements and classes (so the app takes over without a visible jump) and in
//! core's words (so they say the same). Everything from a listing is text (maud escapes it);
//! links only from values core has checked. Pure, so it is tested on the host.

use maud::{html, Markup};
use opendoor_core::device::DeviceMode;
use opendoor_core::filter::Sort;
use opendoor_core::first_screen as fs;
use opendoor_core::first_screen::detail as fsd;
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

/// The whole `#boot` element: the frame around `main`.
pub fn frame(screen: Screen, main: Markup) -> Markup {
    let current = (screen == Screen::List).then_some("/");
    html! {
        div id="boot" class="first-paint" data-first-paint=(screen.as_str()) {
            a class="skip-link" href="#main" { (fs::SKIP_LINK) }
            header class="site-header" {
                div class="wrap" {
                    a href="/" target=(SELF) class="brand" {
                        span class="brand-mark" aria-hidden="true" {}
                        (fs::BRAND)
                    }
                    p class="tagline" { (fs::TAGLINE) }
                    div class="device-bar" {
                        a href="/settings" target=(SELF) class="device-mode" { (DeviceMode::default().label()) }
                    }
                }
                nav class="wrap site-nav" aria-label="Main" {
                    ul {
                        @for (href, text) in fs::NAV {
                            li { a href=(href) target=(SELF) aria-current=[(current == Some(href)).then_some("page")] { (text) } }
                        }
                    }
                }
            }
            section class="status" aria-label="Listings status" {
                div class="wrap status-row" {
                    p id="boot-message" role="status" aria-live="polite" class="status-text" {
                        (words::status_line(&crate::en(), &SyncState::Syncing, None, time::OffsetDateTime::UNIX_EPOCH, false))
                    }
                    // Takes the Refresh button's room, so nothing moves when the app arrives.
                    span class="button button-secondary placeholder" aria-hidden="true" { (fs::REFRESH) }
                }
            }
            main id="main" class="wrap" tabindex="-1" { (main) }
            footer class="site-footer" { div class="wrap" { p { (fs::FOOTER) } } }
        }
    }
}

/// The list of opportunities as the app first shows it. Search (and sort) work without script:
/// the form asks the server again.
pub fn list(v: &ListView) -> Markup {
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
        h1 { (fs::LIST_HEADING) }
        p class="lede" { (fs::LIST_LEDE) }
        form id="search-form" role="search" class="search" action="/" method="get" {
            label for="search" class="search-label" { (fs::SEARCH_LABEL) }
            p id="search-hint" class="hint" { (fs::SEARCH_HINT) }
            input id="search" name="q" type="search" class="search-input" autocomplete="off"
                spellcheck="false" aria-describedby="search-hint"
                maxlength=(query::MAX_TEXT) value=(q.text);
        }
        details class="filters" {
            summary { (fs::FILTERS) }
            div class="filters-body" {
                p class="hint" { "The filters are ready once this page has finished loading. You can search and open any opportunity now." }
            }
        }
        div class="results-bar" {
            p class="count" { (words::count_words(&crate::en(), total, v.open, searching)) }
            div class="sort" {
                label for="sort" { (fs::SORT_LABEL) }
                select id="sort" name="sort" form="search-form" {
                    @for s in Sort::ALL {
                        option value=(query::sort_slug(s)) selected[q.sort == s] { (fs::sort_label(s)) }
                    }
                }
            }
        }
        @if searching {
            div class="save-search placeholder" aria-hidden="true" {
                span class="button button-secondary" { (fs::SAVE_SEARCH) }
            }
        }
        @if v.open == 0 {
            div class="notice" {
                h2 { "No open opportunities right now" }
                p { "New ones are added often. Check back soon." }
            }
        } @else if total == 0 {
            div class="notice" {
                h2 { "Nothing matches" }
                p { "Try fewer or different words." }
            }
        } @else {
            ul class="cards" aria-label="Opportunities found" {
                @for l in &v.found[..shown] { (card(l, v.today)) }
            }
            @if shown < total {
                a class="button button-secondary show-more" href=(more_href) target=(SELF) { (fs::show_more(shown, total)) }
            }
        }
    }
}

fn card(l: &Listing, today: Date) -> Markup {
    let closing = words::closing(&crate::en(), l.availability(today), l.closing_date, today);
    let facts = [
        words::kind(&crate::en(), l.kind),
        words::attendance(&crate::en(), &l.attendance),
        words::payment(&crate::en(), &l.payment),
        closing,
    ];
    html! {
        li class="card" {
            h2 class="card-title" { a href=(detail_href(&l.id)) target=(SELF) { (l.title) } }
            p class="card-org" { (l.organisation.name) }
            p class="card-summary" { (l.summary) }
            dl class="facts" {
                @for (dt, dd) in fs::CARD_FACTS.iter().zip(facts) { div { dt { (dt) } dd { (dd) } } }
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
pub fn detail(l: &Listing, today: Date) -> Markup {
    let availability = l.availability(today);
    let banner = fsd::banner(availability);
    let org_url = l.organisation.url.as_deref().filter(|u| is_web_link(u));
    let paid = l.payment.is_paid();
    let expenses: Vec<String> = l
        .expenses
        .iter()
        .map(|e| words::expense(&crate::en(), *e))
        .collect();
    let address = l.attendance.place().and_then(|p| {
        let parts: Vec<String> = p.address.iter().chain(p.postcode.iter()).cloned().collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    });
    html! {
        p class="back" { a href="/" target=(SELF) { (fs::BACK_TO_LIST) } }
        article class="detail" aria-labelledby="listing-title" {
            h1 id="listing-title" { (l.title) }
            p class="detail-org" {
                "From "
                @if let Some(url) = org_url {
                    a href=(url) rel="noopener noreferrer" target="_blank" { (l.organisation.name) " (opens in a new tab)" }
                } @else { span { (l.organisation.name) } }
            }
            @if let Some(a) = words::attribution(&crate::en(), l) { p class="detail-source muted" { (a) } }
            @if let Some((label, text)) = banner {
                div class="notice notice-problem" role="note" { p class="notice-label" { (label) } p { (text) } }
            }
            p class="lede" { (l.summary) }
            @if let Some(note) = &l.impact_note {
                section class="impact-note" aria-labelledby="what-changed" {
                    h2 id="what-changed" { "What changed because of you" }
                    p class="muted" { (format!("From {}, {}", l.organisation.name, words::date(&crate::en(), note.date))) }
                    (paras(&note.text))
                }
            }
            dl class="facts facts-detail" {
                div { dt { "Type" } dd { (words::kind(&crate::en(), l.kind)) } }
                div { dt { "Where" } dd { p { (words::attendance(&crate::en(), &l.attendance)) } @if let Some(a) = &address { p { (a) } } } }
                div { dt { "Time needed" } dd { (l.time_commitment) } }
                @if !l.sessions.is_empty() || l.dates_note.is_some() {
                    div { dt { "Dates" } dd {
                        @if let Some(n) = &l.dates_note { p { (n) } }
                        @if !l.sessions.is_empty() { ul { @for s in &l.sessions { li { (words::session(&crate::en(), s)) } } } }
                    } }
                }
                div { dt { "Closing date" } dd { (words::closing(&crate::en(), availability, l.closing_date, today)) } }
                div { dt { "Payment" } dd {
                    p { (words::payment(&crate::en(), &l.payment)) }
                    @if !expenses.is_empty() { p { "Expenses paid: " (expenses.join(", ")) } }
                    @if let Some(n) = &l.payment_note { p { (n) } }
                    @if paid { p class="benefits-note" { (words::benefits_note(&crate::en())) } }
                } }
                @if !l.topics.is_empty() { div { dt { "Topics" } dd { (l.topics.join(", ")) } } }
            }
            h2 { (fsd::ABOUT) }
            (paras(&l.description))
            h2 { (fsd::DIFFERENCE) }
            (paras(&l.impact))
            h2 { (fsd::SUPPORT) }
            (paras(&l.support))
            h2 { (fsd::ACCESS) }
            @if l.access_support.is_empty() {
                p { (fsd::NO_ACCESS_LISTED) }
            } @else {
                ul { @for a in &l.access_support { li { (words::access(&crate::en(), *a)) } } }
            }
            @if let Some(n) = &l.access_note { p { (n) } }
            h2 { (fsd::WHO) }
            p { (l.eligibility.who) }
            @if let Some(a) = l.eligibility.minimum_age { p { (format!("You need to be {a} or over.")) } }
            @if !l.eligibility.requirements.is_empty() { ul { @for r in &l.eligibility.requirements { li { (r) } } } }
            h2 { (fsd::HOW_TO_APPLY) }
            (how_to_apply(l, availability == Availability::Open))
            (sources(l))
            p class="muted" { "Last updated " (words::date(&crate::en(), l.last_updated.date())) }
        }
    }
}

fn how_to_apply(l: &Listing, open: bool) -> Markup {
    if !open {
        return html! { p { (fsd::NO_LONGER_TAKEN) } };
    }
    let message = || {
        html! {
            div class="form-group" {
                label class="label" for="prepared-message" { (fsd::PREPARED_LABEL) }
                textarea class="textarea" id="prepared-message" rows="8" readonly {
                    (words::prepared_message(&crate::en(), &l.title, &l.organisation.name))
                }
            }
        }
    };
    let contact = l.contact.as_ref().map(|c| {
        html! {
            h3 { "Contact" }
            ul class="plain" {
                @if let Some(n) = &c.name { li { (n) } }
                @if let Some(e) = c.email.as_deref().filter(|e| is_email(e)) { li { "Email: " a href=(format!("mailto:{e}")) { (e) } } }
                @if let Some(p) = c.phone.as_deref().filter(|p| is_phone(p)) { li { "Phone: " a href=(format!("tel:{}", p.replace(' ', ""))) { (p) } } }
            }
        }
    });
    let how = match &l.how_to_apply {
        HowToApply::InApp { .. } => html! {
            p { (fsd::APPLY_IN_APP) }
            p { a class="button" href=(format!("{}/apply", detail_href(&l.id))) target=(SELF) { "Apply" } }
        },
        HowToApply::Link { url } if is_web_link(url) => html! {
            ol class="steps" {
                li { (fsd::LINK_STEP_1) }
                li { (fsd::LINK_STEP_2) }
            }
            p { a class="button" href=(url) rel="noopener noreferrer" target="_blank" { (fsd::APPLY_ON_SITE) } }
            (message())
        },
        HowToApply::Email { address } if is_email(address) => html! {
            ol class="steps" {
                li { (fsd::EMAIL_STEP_1) }
                li { "Email it to " a href=(format!("mailto:{address}")) { (address) } "." }
            }
            (message())
        },
        HowToApply::Phone { number } if is_phone(number) => html! {
            ol class="steps" {
                li { "Phone " a href=(format!("tel:{}", number.replace(' ', ""))) { (number) } "." }
                li { (fsd::PHONE_STEP_2) }
            }
            (message())
        },
        _ => html! { p { (fsd::CONTACT_TO_APPLY) } },
    };
    html! { (how) @if let Some(c) = contact { (c) } }
}

/// Where a gathered listing came from, and each publisher's licence, as the app shows it.
fn sources(l: &Listing) -> Markup {
    if l.sources.is_empty() {
        return html! {};
    }
    html! {
        section class="provenance" aria-labelledby="listing-sources" {
            h2 id="listing-sources" { "Where this listing comes from" }
            ul { @for s in &l.sources {
                li {
                    @if let Some(url) = s.url.as_deref().filter(|u| is_web_link(u)) {
                        a href=(url) rel="noopener noreferrer" target="_blank" { (s.name) " (opens in a new tab)" }
                    } @else { span { (s.name) } }
                    " "
                    @if let Some(url) = s.license.as_deref().filter(|u| is_web_link(u)) {
                        p class="muted" { "Licence: " a href=(url) rel="noopener noreferrer" target="_blank" { (url) } }
                    } @else { p class="muted" { (words::source_licence(&crate::en(), s)) } }
                }
            } }
        }
    }
}

/// "We can't find this opportunity", as the app says it.
pub fn not_found() -> Markup {
    html! {
        h1 { (fsd::NOT_FOUND) }
        p { (fsd::NOT_FOUND_WHY) }
        p { a href="/" target=(SELF) { (fsd::SEE_ALL) } }
    }
}
