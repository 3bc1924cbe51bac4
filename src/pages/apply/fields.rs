//! Form fields in the GOV.UK pattern: a label and hint for every field, the error beside it,
//! and `aria-describedby` tying them together. Every value lives in one `Form` signal.

use leptos::prelude::*;

use crate::i18n::tr;
use opendoor_core::application::{ContactBy, PaperFormat};
use opendoor_core::form::{FieldError, Form, FormAnswer};
use opendoor_core::question::{AnswerKind, Question};

use crate::pages::{field_name, keep_private};

/// The message for `field`, if any.
pub fn error_for(
    errors: RwSignal<Vec<FieldError>>,
    field: &'static str,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        errors.with(|es| {
            es.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    }
}

fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut parts = Vec::new();
    if hint {
        parts.push(format!("{id}-hint"));
    }
    if error {
        parts.push(format!("{id}-error"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

#[component]
fn ErrorMessage(id: String, message: Option<String>) -> impl IntoView {
    message.map(|m| {
        view! {
            <p class="error-message" id=format!("{id}-error")>
                <span class="visually-hidden">{tr("pin-page-error")}</span>
                {m}
            </p>
        }
    })
}

/// A one-line or multi-line text field bound to part of the form.
#[component]
pub fn TextField(
    id: String,
    label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] input_type: Option<&'static str>,
    #[prop(optional, into)] autocomplete: Option<&'static str>,
    #[prop(optional)] max_length: Option<u32>,
    error: Signal<Option<String>>,
    get: Signal<String>,
    set: Callback<String>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let desc = {
        let id = id.clone();
        move || described_by(&id, has_hint, error.get().is_some())
    };
    let private = keep_private();
    let auto = if private { Some("off") } else { autocomplete };
    let input = if multiline {
        view! {
            <textarea
                class="textarea"
                id=id.clone()
                name=field_name(private, &id)
                autocomplete=auto
                rows="4"
                aria-describedby=desc.clone()
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || get.get()
                on:input=move |ev| set.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class="input"
                id=id.clone()
                name=field_name(private, &id)
                type=input_type.unwrap_or("text")
                autocomplete=auto
                spellcheck="false"
                aria-describedby=desc.clone()
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || get.get()
                on:input=move |ev| set.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    let limit = max_length.map(|n| crate::i18n::tr_with("fields-limit", &[("n", n.into())]));
    view! {
        <div class="form-group" class:form-group-error=move || error.get().is_some()>
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h} {limit.map(|l| format!(" {l}"))}</p> })}
            {move || view! { <ErrorMessage id=id.clone() message=error.get()/> }}
            {input}
        </div>
    }
}

/// Radios for one choice; `options` are (value, label).
#[component]
pub fn Radios(
    id: String,
    legend: String,
    #[prop(optional, into)] hint: Option<String>,
    options: Vec<(String, String)>,
    error: Signal<Option<String>>,
    get: Signal<Option<String>>,
    set: Callback<String>,
    /// Shown under the chosen option (GOV.UK conditional reveal), by option value.
    #[prop(optional)]
    reveal: Option<Callback<String, AnyView>>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let desc = {
        let id = id.clone();
        move || described_by(&id, has_hint, error.get().is_some())
    };
    let private = keep_private();
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| {
            // The first radio takes the group's id, so the error summary link lands on it.
            let input_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
            let v = value.clone();
            let v2 = value.clone();
            let v3 = value.clone();
            view! {
                <div class="radio">
                    <input
                        class="radio-input"
                        type="radio"
                        id=input_id.clone()
                        name=id.clone()
                        autocomplete=private.then_some("off")
                        value=value.clone()
                        prop:checked=move || get.get().as_deref() == Some(v.as_str())
                        on:change=move |_| set.run(v2.clone())
                    />
                    <label class="radio-label" for=input_id>{label}</label>
                </div>
                {move || {
                    let chosen = get.get().as_deref() == Some(v3.as_str());
                    reveal.filter(|_| chosen).map(|r| view! { <div class="conditional">{r.run(v3.clone())}</div> })
                }}
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group-error=move || error.get().is_some()>
            <fieldset class="fieldset" aria-describedby=desc>
                <legend class="legend">{legend}</legend>
                {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
                {move || view! { <ErrorMessage id=id.clone() message=error.get()/> }}
                <div class="radios">{items}</div>
            </fieldset>
        </div>
    }
}

/// One checkbox with its label.
#[component]
pub fn Checkbox(
    id: String,
    label: String,
    #[prop(optional, into)] hint: Option<String>,
    error: Signal<Option<String>>,
    get: Signal<bool>,
    set: Callback<bool>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let desc = {
        let id = id.clone();
        move || described_by(&id, has_hint, error.get().is_some())
    };
    let id2 = id.clone();
    let private = keep_private();
    view! {
        <div class="form-group" class:form-group-error=move || error.get().is_some()>
            {move || view! { <ErrorMessage id=id2.clone() message=error.get()/> }}
            <div class="checkbox">
                <input
                    class="checkbox-input"
                    type="checkbox"
                    id=id.clone()
                    name=field_name(private, &id)
                    autocomplete=private.then_some("off")
                    aria-describedby=desc
                    aria-invalid=move || error.get().is_some().then_some("true")
                    prop:checked=move || get.get()
                    on:change=move |ev| set.run(event_target_checked(&ev))
                />
                <label class="checkbox-label" for=id.clone()>{label}</label>
                {hint.map(|h| view! { <p class="hint checkbox-hint" id=format!("{id}-hint")>{h}</p> })}
            </div>
        </div>
    }
}

/// The standard "about you" questions, shared by the form and the "About me" page.
/// `email_updates`: under "Email", also offer "Email me when my application changes" (the
/// application form only: it is a choice per application, not kept in "About me").
#[component]
pub fn AboutYouFields(
    form: RwSignal<Form>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(optional)] email_updates: bool,
) -> impl IntoView {
    let text = move |field: &'static str, get: fn(&Form) -> &String, set: fn(&mut Form, String)| {
        (
            Signal::derive(error_for(errors, field)),
            Signal::derive(move || form.with(|f| get(f).clone())),
            Callback::new(move |v: String| form.update(|f| set(f, v))),
        )
    };
    let (name_e, name_g, name_s) = text("name", |f| &f.about.name, |f, v| f.about.name = v);
    let (access_e, access_g, access_s) = text(
        "access-needs",
        |f| &f.about.access_needs,
        |f, v| f.about.access_needs = v,
    );
    /// id, label, input type, autocomplete, and how to read and write the answer.
    type ContactField = (
        &'static str,
        String,
        &'static str,
        &'static str,
        fn(&Form) -> &String,
        fn(&mut Form, String),
    );
    let reveal = Callback::new(move |choice: String| -> AnyView {
        let (id, label, kind, auto, get, set): ContactField = match choice.as_str() {
            "email" => (
                "email",
                tr("fields-email-address"),
                "email",
                "email",
                |f| &f.about.email,
                |f, v| f.about.email = v,
            ),
            "phone" => (
                "phone",
                tr("fields-phone-number"),
                "tel",
                "tel",
                |f| &f.about.phone,
                |f, v| f.about.phone = v,
            ),
            _ => (
                "address",
                tr("fields-postal-address"),
                "text",
                "street-address",
                |f| &f.about.address,
                |f, v| f.about.address = v,
            ),
        };
        let (e, g, s) = text(id, get, set);
        let updates = (email_updates && id == "email").then(|| {
            view! {
                <Checkbox
                    id="email-updates".to_string()
                    label=tr("fields-email-me-when-my")
                    hint=tr("fields-the-email-only-says")
                    error=Signal::derive(|| None)
                    get=Signal::derive(move || form.with(|f| f.email_updates))
                    set=Callback::new(move |v| form.update(|f| f.email_updates = v))
                />
            }
        });
        view! {
            <TextField
                id=id.to_string()
                label=label
                input_type=kind
                autocomplete=auto
                multiline=id == "address"
                error=e
                get=g
                set=s
            />
            {updates}
        }
        .into_any()
    });
    let contact_by = Signal::derive(move || {
        form.with(|f| {
            f.about.contact_by.map(|c| {
                match c {
                    ContactBy::Email => "email",
                    ContactBy::Phone => "phone",
                    ContactBy::Post => "post",
                }
                .to_string()
            })
        })
    });
    let set_contact = Callback::new(move |v: String| {
        let c = match v.as_str() {
            "email" => ContactBy::Email,
            "phone" => ContactBy::Phone,
            _ => ContactBy::Post,
        };
        form.update(|f| f.about.contact_by = Some(c));
    });
    let formats: Vec<(String, String)> = PaperFormat::ALL
        .iter()
        .map(|p| {
            (
                serde_json::to_value(p)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
                tr(p.message_id()),
            )
        })
        .collect();
    let paper = Signal::derive(move || {
        form.with(|f| {
            f.about
                .paper_format
                .and_then(|p| serde_json::to_value(p).ok())
                .and_then(|v| v.as_str().map(String::from))
        })
    });
    let set_paper = Callback::new(move |v: String| {
        form.update(|f| {
            f.about.paper_format = serde_json::from_value(serde_json::Value::String(v)).ok()
        });
    });
    view! {
        <TextField id="name".to_string() label=tr("fields-your-name").to_string() hint=tr("fields-what-you-would-like") autocomplete="name" error=name_e get=name_g set=name_s/>
        <Radios
            id="contact-by".to_string()
            legend=tr("fields-how-would-you-like").to_string()
            options=vec![
                ("email".to_string(), tr("fields-email")),
                ("phone".to_string(), tr("fields-phone")),
                ("post".to_string(), tr("fields-post")),
            ]
            error=Signal::derive(error_for(errors, "contact-by"))
            get=contact_by
            set=set_contact
            reveal=reveal
        />
        <TextField
            id="access-needs".to_string()
            label=tr("fields-do-you-need-any").to_string()
            hint=tr("fields-for-example-a-bsl")
            multiline=true
            error=access_e
            get=access_g
            set=access_s
        />
        <Radios
            id="paper-format".to_string()
            legend=tr("fields-what-format-would-you").to_string()
            options=formats
            error=Signal::derive(error_for(errors, "paper-format"))
            get=paper
            set=set_paper
        />
    }
}

/// "I'm filling this in with someone".
#[component]
pub fn HelperFields(form: RwSignal<Form>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let with = Signal::derive(move || form.with(|f| f.with_helper));
    view! {
        <Checkbox
            id="with-helper".to_string()
            label=tr("fields-im-filling-this-in").to_string()
            hint=tr("fields-for-example-a-volunteer")
            error=Signal::derive(|| None)
            get=with
            set=Callback::new(move |v| form.update(|f| f.with_helper = v))
        />
        <Show when=move || with.get()>
            <div class="conditional">
                <TextField
                    id="helper-name".to_string()
                    label=tr("fields-name-of-the-person").to_string()
                    error=Signal::derive(error_for(errors, "helper-name"))
                    get=Signal::derive(move || form.with(|f| f.helper_name.clone()))
                    set=Callback::new(move |v| form.update(|f| f.helper_name = v))
                />
                <Checkbox
                    id="helper-agreed".to_string()
                    label=tr("fields-the-person-applying-has").to_string()
                    error=Signal::derive(error_for(errors, "helper-agreed"))
                    get=Signal::derive(move || form.with(|f| f.helper_agreed))
                    set=Callback::new(move |v| form.update(|f| f.helper_agreed = v))
                />
            </div>
        </Show>
    }
}

/// One of the listing's own questions.
#[component]
pub fn QuestionField(
    q: Question,
    form: RwSignal<Form>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let id = format!("q-{}", q.id);
    let qid = q.id.clone();
    let error = {
        let id = id.clone();
        Signal::derive(move || {
            errors.with(|es| es.iter().find(|e| e.field == id).map(|e| e.message.clone()))
        })
    };
    let label = if q.required {
        q.label.clone()
    } else {
        crate::i18n::tr_with("fields-optional", &[("label", q.label.as_str().into())])
    };
    let text_get = {
        let qid = qid.clone();
        Signal::derive(move || {
            form.with(|f| match f.answers.get(&qid) {
                Some(FormAnswer::Text(t)) => t.clone(),
                _ => String::new(),
            })
        })
    };
    let text_set = {
        let qid = qid.clone();
        Callback::new(move |v: String| {
            form.update(|f| {
                f.answers.insert(qid.clone(), FormAnswer::Text(v));
            })
        })
    };
    match q.answer.clone() {
        AnswerKind::ShortText { max_length } | AnswerKind::LongText { max_length } => {
            let multiline = matches!(q.answer, AnswerKind::LongText { .. });
            let hint = q.hint.clone().unwrap_or_default();
            view! {
                <TextField id=id label=label hint=hint multiline=multiline max_length=max_length error=error get=text_get set=text_set/>
            }
            .into_any()
        }
        AnswerKind::Date => view! {
            <TextField id=id label=label hint=q.hint.clone().unwrap_or_else(|| tr("fields-for-example-27-march")) input_type="date" error=error get=text_get set=text_set/>
        }
        .into_any(),
        AnswerKind::SingleChoice { options } => view! {
            <Radios
                id=id
                legend=label
                hint=q.hint.clone().unwrap_or_default()
                options=options.iter().map(|o| (o.clone(), o.clone())).collect()
                error=error
                get=Signal::derive(move || { let t = text_get.get(); (!t.is_empty()).then_some(t) })
                set=text_set
            />
        }
        .into_any(),
        AnswerKind::YesNo => {
            let get = {
                let qid = qid.clone();
                Signal::derive(move || form.with(|f| match f.answers.get(&qid) {
                    Some(FormAnswer::YesNo(true)) => Some("yes".to_string()),
                    Some(FormAnswer::YesNo(false)) => Some("no".to_string()),
                    _ => None,
                }))
            };
            let set = Callback::new(move |v: String| form.update(|f| {
                f.answers.insert(qid.clone(), FormAnswer::YesNo(v == "yes"));
            }));
            view! {
                <Radios
                    id=id
                    legend=label
                    hint=q.hint.clone().unwrap_or_default()
                    options=vec![("yes".into(), tr("check-yes")), ("no".into(), tr("check-no"))]
                    error=error
                    get=get
                    set=set
                />
            }
            .into_any()
        }
        AnswerKind::MultipleChoice { options } => {
            let private = keep_private();
            let boxes = options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let input_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                    let (o1, o2, q1, q2) = (o.clone(), o.clone(), qid.clone(), qid.clone());
                    view! {
                        <div class="checkbox">
                            <input
                                class="checkbox-input"
                                type="checkbox"
                                id=input_id.clone()
                                name=field_name(private, &id)
                                autocomplete=private.then_some("off")
                                value=o.clone()
                                prop:checked=move || form.with(|f| matches!(f.answers.get(&q1), Some(FormAnswer::Choices(c)) if c.contains(&o1)))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    form.update(|f| {
                                        let entry = f.answers.entry(q2.clone()).or_insert(FormAnswer::Choices(vec![]));
                                        if !matches!(entry, FormAnswer::Choices(_)) {
                                            *entry = FormAnswer::Choices(vec![]);
                                        }
                                        if let FormAnswer::Choices(c) = entry {
                                            c.retain(|x| x != &o2);
                                            if on {
                                                c.push(o2.clone());
                                            }
                                        }
                                    })
                                }
                            />
                            <label class="checkbox-label" for=input_id>{o.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            let hint = q.hint.clone().unwrap_or_else(|| tr("fields-select-all-that-apply"));
            let id2 = id.clone();
            view! {
                <div class="form-group" class:form-group-error=move || error.get().is_some()>
                    <fieldset class="fieldset" aria-describedby=move || described_by(&id2, true, error.get().is_some())>
                        <legend class="legend">{label}</legend>
                        <p class="hint" id=format!("{id}-hint")>{hint}</p>
                        {move || view! { <ErrorMessage id=id.clone() message=error.get()/> }}
                        <div class="checkboxes">{boxes}</div>
                    </fieldset>
                </div>
            }
            .into_any()
        }
    }
}
