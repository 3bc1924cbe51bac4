//! The listing editor's HTML: one form over the whole listing model, in sections, with an error
//! beside each field and the GOV.UK-style summary above. Repeating parts (sessions, questions)
//! are rows of same-named fields; their buttons (add, move, remove) post the form, so it works
//! with no script. `fields_of` is what a browser would post from it (the tests use it).

use maud::{html, Markup};
use opendoor_core::listing::AccessSupport;

use super::editor_form::{
    access_value, ListingForm, EXPENSES, KINDS, MODES, QUESTION_KINDS, UNITS,
};
use super::page::{described_by, field_error, has_error, FieldErr};
#[cfg(test)]
use super::Fields;

/// A field's name: rows of sessions and questions share names ("q-label"), their ids end in
/// the row's number ("q-label-2").
fn name_of(id: &str) -> &str {
    const ROWS: [&str; 9] = [
        "session-starts",
        "session-ends",
        "session-note",
        "q-label",
        "q-hint",
        "q-kind",
        "q-required",
        "q-max",
        "q-options",
    ];
    ROWS.iter()
        .find(|r| {
            id.strip_prefix(**r)
                .and_then(|rest| rest.strip_prefix('-'))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
        .copied()
        .unwrap_or(id)
}

fn text(
    errors: &[FieldErr],
    id: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    kind: &str,
    extra_class: &str,
) -> Markup {
    html! {
        div class={ "field" @if has_error(errors, id) { " has-error" } } {
            label for=(id) { (label) }
            @if let Some(h) = hint { p class="hint" id={ (id) "-hint" } { (h) } }
            (field_error(errors, id))
            input id=(id) name=(name_of(id)) type=(kind) value=(value) class=(extra_class)
                aria-describedby=[described_by(errors, id, hint.is_some())]
                aria-invalid=[has_error(errors, id).then_some("true")];
        }
    }
}

fn area(
    errors: &[FieldErr],
    id: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    rows: u32,
) -> Markup {
    html! {
        div class={ "field" @if has_error(errors, id) { " has-error" } } {
            label for=(id) { (label) }
            @if let Some(h) = hint { p class="hint" id={ (id) "-hint" } { (h) } }
            (field_error(errors, id))
            textarea id=(id) name=(name_of(id)) rows=(rows)
                aria-describedby=[described_by(errors, id, hint.is_some())]
                aria-invalid=[has_error(errors, id).then_some("true")] { (value) }
        }
    }
}

fn radios(
    errors: &[FieldErr],
    name: &str,
    legend: &str,
    options: &[(&str, &str)],
    chosen: &str,
) -> Markup {
    html! {
        fieldset class={ "field" @if has_error(errors, name) { " has-error" } } id=(name) tabindex="-1"
            aria-describedby=[described_by(errors, name, false)] {
            legend { (legend) }
            (field_error(errors, name))
            @for (value, words) in options {
                div class="choice" {
                    input type="radio" name=(name) id={ (name) "-" (value) } value=(value) checked[chosen == *value];
                    label for={ (name) "-" (value) } { (words) }
                }
            }
        }
    }
}

fn checks(name: &str, legend: &str, options: &[(String, String)], chosen: &[String]) -> Markup {
    html! {
        fieldset class="field" id={ (name) "s" } {
            legend { (legend) }
            @for (value, words) in options {
                div class="choice" {
                    input type="checkbox" name=(name) id={ (name) "-" (value) } value=(value) checked[chosen.contains(value)];
                    label for={ (name) "-" (value) } { (words) }
                }
            }
        }
    }
}

fn select(
    errors: &[FieldErr],
    id: &str,
    label: &str,
    options: &[(&str, &str)],
    chosen: &str,
) -> Markup {
    html! {
        div class={ "field" @if has_error(errors, id) { " has-error" } } {
            label for=(id) { (label) }
            (field_error(errors, id))
            select id=(id) name=(name_of(id)) aria-describedby=[described_by(errors, id, false)] {
                @for (value, words) in options {
                    option value=(value) selected[chosen == *value] { (words) }
                }
            }
        }
    }
}

/// The editor page's form. `action` is where it posts; `csrf` the session's token.
pub fn editor(form: &ListingForm, errors: &[FieldErr], action: &str, csrf: &str) -> Markup {
    let f = form;
    let kind_words: Vec<(&str, String)> = KINDS
        .iter()
        .map(|(k, v)| (*k, opendoor_core::words::kind(&crate::en(), *v)))
        .collect();
    let kinds: Vec<(&str, &str)> = kind_words.iter().map(|(k, w)| (*k, w.as_str())).collect();
    let units: Vec<(&str, &str)> = UNITS.iter().map(|(k, _, w)| (*k, *w)).collect();
    let expenses: Vec<(String, String)> = EXPENSES
        .iter()
        .map(|(k, v)| {
            (
                k.to_string(),
                opendoor_core::words::expense(&crate::en(), *v).to_owned(),
            )
        })
        .collect();
    let access: Vec<(String, String)> = AccessSupport::ALL
        .iter()
        .map(|a| {
            (
                access_value(*a),
                opendoor_core::words::access(&crate::en(), *a).to_owned(),
            )
        })
        .collect();
    html! {
        form method="post" action=(action) novalidate data-keep=(action) {
            input type="hidden" name="csrf" value=(csrf);
            h2 { "About the opportunity" }
            (text(errors, "title", "Title", Some("Say what people will do, e.g. \"Join our maternity services panel\""), &f.title, "text", "wide"))
            (area(errors, "summary", "Summary", Some("One or two sentences for the list of opportunities"), &f.summary, 3))
            (area(errors, "description", "Description", Some("Plain text. Leave an empty line between paragraphs."), &f.description, 8))
            (select(errors, "kind", "Kind of involvement", &kinds, &f.kind))
            (area(errors, "topics", "Topics", Some("One per line, e.g. \"Mental health\""), &f.topics, 3))

            h2 { "Where and when" }
            (radios(errors, "mode", "Where does it happen?", &MODES, &f.mode))
            (text(errors, "place-name", "Town or area (if in person)", None, &f.place_name, "text", ""))
            (text(errors, "place-address", "Address (optional)", None, &f.place_address, "text", "wide"))
            (text(errors, "place-postcode", "Postcode (optional)", None, &f.place_postcode, "text", "short"))
            (text(errors, "time-commitment", "How much time it takes", Some("e.g. \"2 hours a month for a year\""), &f.time_commitment, "text", "wide"))
            fieldset class="field" id="sessions" tabindex="-1" {
                legend { "Dates (optional)" }
                p class="hint" { "Add each date people need to come, as UK time. Leave out if dates are not fixed." }
                (field_error(errors, "sessions"))
                @for (i, s) in f.sessions.iter().enumerate() {
                    div class="row" {
                        h3 { "Session " (i + 1) }
                        (text(errors, &format!("session-starts-{i}"), "Starts", None, &s.starts, "datetime-local", ""))
                        (text(errors, &format!("session-ends-{i}"), "Ends (optional)", None, &s.ends, "datetime-local", ""))
                        (text(errors, &format!("session-note-{i}"), "Note (optional)", None, &s.note, "text", "wide"))
                        button type="submit" name="action" value={ "remove-session-" (i) } class="secondary" { "Remove session " (i + 1) }
                    }
                }
                button type="submit" name="action" value="add-session" class="secondary" { "Add a date" }
            }
            (text(errors, "dates-note", "About the dates (optional)", Some("e.g. \"Evenings, dates agreed with the group\""), &f.dates_note, "text", "wide"))
            (text(errors, "closing-date", "Closing date (optional)", Some("The last day people can apply. Empty: open until you close it."), &f.closing_date, "date", ""))

            h2 { "Payment and expenses" }
            (radios(errors, "payment", "Are people paid?", &[("paid", "Yes, they are paid"), ("expenses-only", "No, but expenses are paid"), ("none", "No payment and no expenses")], &f.payment))
            (text(errors, "amount", "If paid: how much, in pounds", None, &f.amount, "text", "short"))
            (select(errors, "per", "Paid for", &units, &f.per))
            (select(errors, "method", "Paid as", &[("money", "Money"), ("vouchers", "Vouchers")], &f.method))
            (checks("expense", "Expenses you pay back", &expenses, &f.expenses))
            (area(errors, "payment-note", "More about payment (optional)", Some("Open Door adds its own note about payments and benefits"), &f.payment_note, 3))

            h2 { "Access" }
            (checks("access", "Support you offer", &access, &f.access))
            (area(errors, "access-note", "More about access (optional)", None, &f.access_note, 3))

            h2 { "Who can take part" }
            (area(errors, "who", "Who it is for", Some("e.g. \"People who have used mental health services in Leeds\""), &f.who, 3))
            (text(errors, "minimum-age", "Minimum age (optional)", None, &f.minimum_age, "text", "short"))
            (area(errors, "requirements", "Requirements (optional)", Some("One per line, e.g. \"Able to attend 4 evening meetings\""), &f.requirements, 3))
            (area(errors, "impact", "The difference taking part makes", None, &f.impact, 3))
            (area(errors, "support", "Support people get", Some("Training, a named contact, debriefs…"), &f.support, 3))

            h2 { "How people apply" }
            (radios(errors, "apply", "How do people apply?", &[("in-app", "In Open Door (our form, then your questions)"), ("link", "On a website"), ("email", "By email"), ("phone", "By phone")], &f.apply))
            (text(errors, "apply-url", "If on a website: its address", None, &f.apply_url, "url", "wide"))
            (text(errors, "apply-email", "If by email: the address", None, &f.apply_email, "email", "wide"))
            (text(errors, "apply-phone", "If by phone: the number", None, &f.apply_phone, "tel", ""))
            fieldset class="field" id="questions" tabindex="-1" {
                legend { "Your questions (for applying in Open Door)" }
                p class="hint" { "Asked after name, contact details and access needs, which Open Door always asks." }
                (field_error(errors, "questions"))
                @for (i, q) in f.questions.iter().enumerate() {
                    div class="row" {
                        h3 { "Question " (i + 1) }
                        input type="hidden" name="q-id" value=(q.id);
                        (text(errors, &format!("q-label-{i}"), "Question", None, &q.label, "text", "wide"))
                        (text(errors, &format!("q-hint-{i}"), "Hint (optional)", None, &q.hint, "text", "wide"))
                        (select(errors, &format!("q-kind-{i}"), "Answer", &QUESTION_KINDS, &q.kind))
                        (select(errors, &format!("q-required-{i}"), "Must people answer?", &[("required", "Yes"), ("optional", "No, it is optional")], &q.required))
                        (text(errors, &format!("q-max-{i}"), "Longest answer, in characters (for written answers)", None, &q.max_length, "text", "short"))
                        (area(errors, &format!("q-options-{i}"), "Choices, one per line (for choice answers)", None, &q.options, 3))
                        div class="buttons" {
                            @if i > 0 { button type="submit" name="action" value={ "q-up-" (i) } class="secondary" { "Move question " (i + 1) " up" } }
                            @if i + 1 < f.questions.len() { button type="submit" name="action" value={ "q-down-" (i) } class="secondary" { "Move question " (i + 1) " down" } }
                            button type="submit" name="action" value={ "q-remove-" (i) } class="secondary" { "Remove question " (i + 1) }
                        }
                    }
                }
                button type="submit" name="action" value="add-question" class="secondary" { "Add a question" }
            }

            h2 { "Contact (optional)" }
            (text(errors, "contact-name", "Name", None, &f.contact_name, "text", ""))
            (text(errors, "contact-email", "Email", None, &f.contact_email, "email", "wide"))
            (text(errors, "contact-phone", "Phone", None, &f.contact_phone, "tel", ""))

            div class="buttons sticky" {
                button type="submit" name="action" value="publish" { "Publish" }
                button type="submit" name="action" value="preview" class="secondary" { "Save and preview" }
                button type="submit" name="action" value="save" class="secondary" { "Save as draft" }
            }
            p class="keep-note" role="status" data-keep-status {}
        }
    }
}

/// The fields a browser posts from `editor(form, ..)` (the field names above, in order).
#[cfg(test)]
pub fn fields_of(f: &ListingForm) -> Fields {
    let mut v: Vec<(String, String)> = Vec::new();
    let mut put = |k: &str, val: &str| v.push((k.to_owned(), val.to_owned()));
    put("title", &f.title);
    put("summary", &f.summary);
    put("description", &f.description);
    put("kind", &f.kind);
    put("topics", &f.topics);
    put("mode", &f.mode);
    put("place-name", &f.place_name);
    put("place-address", &f.place_address);
    put("place-postcode", &f.place_postcode);
    put("time-commitment", &f.time_commitment);
    for s in &f.sessions {
        put("session-starts", &s.starts);
        put("session-ends", &s.ends);
        put("session-note", &s.note);
    }
    put("dates-note", &f.dates_note);
    put("closing-date", &f.closing_date);
    put("payment", &f.payment);
    put("amount", &f.amount);
    put("per", &f.per);
    put("method", &f.method);
    for e in &f.expenses {
        put("expense", e);
    }
    put("payment-note", &f.payment_note);
    for a in &f.access {
        put("access", a);
    }
    put("access-note", &f.access_note);
    put("who", &f.who);
    put("minimum-age", &f.minimum_age);
    put("requirements", &f.requirements);
    put("impact", &f.impact);
    put("support", &f.support);
    put("apply", &f.apply);
    put("apply-url", &f.apply_url);
    put("apply-email", &f.apply_email);
    put("apply-phone", &f.apply_phone);
    for q in &f.questions {
        put("q-id", &q.id);
        put("q-label", &q.label);
        put("q-hint", &q.hint);
        put("q-kind", &q.kind);
        put("q-required", &q.required);
        put("q-max", &q.max_length);
        put("q-options", &q.options);
    }
    put("contact-name", &f.contact_name);
    put("contact-email", &f.contact_email);
    put("contact-phone", &f.contact_phone);
    Fields(v)
}
