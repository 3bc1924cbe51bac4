//! A listing "as applicants will see it": the same facts, in the same words (core's `words`),
//! in the same order as the app's detail page. Everything is text.

use maud::{html, Markup};
use opendoor_core::listing::HowToApply;
use opendoor_core::question::AnswerKind;
use opendoor_core::words;
use opendoor_core::Listing;
use time::Date;

use super::page::paragraphs;

pub fn listing_view(l: &Listing, today: Date) -> Markup {
    html! {
        article class="preview" {
            h2 class="title" { (l.title) }
            p class="org" { (l.organisation.name) }
            p class="summary" { (l.summary) }
            dl class="facts" {
                dt { "Kind" } dd { (words::kind(&crate::en(), l.kind)) }
                dt { "Where" } dd { (words::attendance(&crate::en(), &l.attendance)) }
                dt { "Time" } dd { (l.time_commitment) }
                dt { "Payment" } dd { (words::payment(&crate::en(), &l.payment)) }
                dt { "Apply by" } dd { (words::closing(&crate::en(), l.availability(today), l.closing_date, today)) }
            }
            (paragraphs(&l.description))
            @if !l.sessions.is_empty() {
                h3 { "Dates" }
                ul { @for s in &l.sessions { li { (words::date_time(&crate::en(), s.starts)) @if let Some(n) = &s.note { " — " (n) } } } }
            }
            @if let Some(n) = &l.dates_note { p { (n) } }
            @if !l.expenses.is_empty() {
                h3 { "Expenses paid" }
                ul { @for e in &l.expenses { li { (words::expense(&crate::en(), *e)) } } }
            }
            @if let Some(n) = &l.payment_note { p { (n) } }
            @if !l.access_support.is_empty() || l.access_note.is_some() {
                h3 { "Access support" }
                ul { @for a in &l.access_support { li { (words::access(&crate::en(), *a)) } } }
                @if let Some(n) = &l.access_note { p { (n) } }
            }
            h3 { "Who can take part" }
            p { (l.eligibility.who) }
            @if let Some(age) = l.eligibility.minimum_age { p { "Aged " (age) " or over" } }
            @if !l.eligibility.requirements.is_empty() { ul { @for r in &l.eligibility.requirements { li { (r) } } } }
            h3 { "The difference it makes" }
            (paragraphs(&l.impact))
            h3 { "Support you get" }
            (paragraphs(&l.support))
            @if let Some(note) = &l.impact_note {
                h3 { "What changed because of you" }
                p class="hint" { (words::date(&crate::en(), note.date)) }
                (paragraphs(&note.text))
            }
            h3 { "How to apply" }
            @match &l.how_to_apply {
                HowToApply::InApp { questions } => {
                    p { "In Open Door: name, how to contact you, access needs, then these questions:" }
                    @if questions.is_empty() { p { "(No questions of your own.)" } }
                    ol { @for q in questions {
                        li {
                            (q.label) @if !q.required { " (optional)" }
                            @if let Some(h) = &q.hint { br; span class="hint" { (h) } }
                            br; span class="hint" { (answer_words(&q.answer)) }
                        }
                    } }
                }
                HowToApply::Link { url } => { p { "On the website " span class="mono" { (url) } } }
                HowToApply::Email { address } => { p { "By email to " (address) } }
                HowToApply::Phone { number } => { p { "By phone on " (number) } }
            }
        }
    }
}

fn answer_words(a: &AnswerKind) -> String {
    match a {
        AnswerKind::ShortText { max_length } => {
            format!("A short answer, up to {max_length} characters")
        }
        AnswerKind::LongText { max_length } => {
            format!("A longer answer, up to {max_length} characters")
        }
        AnswerKind::SingleChoice { options } => format!("One of: {}", options.join("; ")),
        AnswerKind::MultipleChoice { options } => format!("Any of: {}", options.join("; ")),
        AnswerKind::YesNo => "Yes or no".into(),
        AnswerKind::Date => "A date".into(),
    }
}
