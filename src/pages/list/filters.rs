//! The filters panel: each filter with the count it would leave, all read from and written
//! to the address bar through `Go`.

use leptos::prelude::*;

use crate::i18n::tr;
use opendoor_core::filter::{
    self, ClosingWithin, Counts, Mode, Near, Pay, TimeNeeded, DEFAULT_RADIUS, HERE, RADII,
};
use opendoor_core::listing::{AccessSupport, Geo, InvolvementKind};
use opendoor_core::query::{self, Query};
use opendoor_core::saved::{self as saved_words};
use opendoor_core::words;
use wasm_bindgen::prelude::*;

use super::found::{Found, Go};
use crate::finder;

/// One tick box with its count: "Online (12)".
/// `from_listings`: the label is a listing's own word (a topic), in no known language: marked
/// `lang=""` so it is not read as the app's language.
fn tick(
    id: String,
    label: String,
    from_listings: bool,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    count: impl Fn() -> usize + Send + Sync + 'static,
    toggle: impl Fn() + 'static,
) -> impl IntoView {
    let for_id = id.clone();
    view! {
        <div class="check">
            <input type="checkbox" id=id prop:checked=checked on:change=move |_| toggle()/>
            <label for=for_id>
                <span lang=from_listings.then_some("")>{label}</span>
                <span class="check-count">{move || format!(" ({})", count())}</span>
            </label>
        </div>
    }
}

fn toggled<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if let Some(i) = v.iter().position(|y| *y == x) {
        v.remove(i);
    } else {
        v.push(x);
    }
}

/// A fixed group of tick boxes.
#[allow(clippy::too_many_arguments)]
fn group<T>(
    key: &'static str,
    legend: String,
    hint: Option<String>,
    options: Vec<(T, String, String)>,
    field: fn(&mut filter::Filters) -> &mut Vec<T>,
    count: fn(&Counts, &T) -> usize,
    query: Memo<Query>,
    outcome: Memo<Option<Found>>,
    go: Go,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let hint_id = format!("hint-{key}");
    let described = hint.as_ref().map(|_| hint_id.clone());
    let boxes = options
        .into_iter()
        .map(|(value, label, slug)| {
            let v1 = value.clone();
            let v2 = value.clone();
            let checked = move || {
                let mut f = query.with(|q| q.filters.clone());
                field(&mut f).contains(&v1)
            };
            let n =
                move || outcome.with(|o| o.as_ref().map(|o| count(&o.counts, &v2)).unwrap_or(0));
            let toggle = move || {
                let mut q = query.get_untracked();
                toggled(field(&mut q.filters), value.clone());
                go.to(&q, false);
            };
            tick(format!("f-{slug}"), label, false, checked, n, toggle)
        })
        .collect::<Vec<_>>();
    view! {
        <fieldset class="filter-group" aria-describedby=described>
            <legend>{legend}</legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {boxes}
        </fieldset>
    }
}

#[component]
pub(super) fn Filters(
    query: Memo<Query>,
    outcome: Memo<Option<Found>>,
    go: Go,
    device: RwSignal<Option<(f64, f64)>>,
) -> impl IntoView {
    let on_count = move || query.with(|q| q.filters.count());
    let initially_open = query.with_untracked(|q| !q.filters.is_empty());
    let kinds = group(
        "type",
        tr("filter-type-legend"),
        None,
        InvolvementKind::ALL
            .iter()
            .map(|k| {
                (
                    *k,
                    words::kind(&crate::i18n::cat(), *k).to_owned(),
                    format!("kind-{}", query::kind_slug(*k)),
                )
            })
            .collect(),
        |f| &mut f.kinds,
        |c, k| c.kinds.get(k).copied().unwrap_or(0),
        query,
        outcome,
        go,
    );
    let modes = group(
        "how",
        tr("filter-how-legend"),
        None,
        Mode::ALL
            .iter()
            .map(|m| {
                (
                    *m,
                    saved_words::mode_words(&crate::i18n::cat(), *m).to_owned(),
                    format!("how-{}", query::mode_slug(*m)),
                )
            })
            .collect(),
        |f| &mut f.modes,
        |c, m| c.modes.get(m).copied().unwrap_or(0),
        query,
        outcome,
        go,
    );
    let pay = group(
        "payment",
        tr("filter-payment-legend"),
        Some(tr("filter-payment-hint")),
        Pay::ALL
            .iter()
            .map(|p| {
                (
                    *p,
                    saved_words::pay_words(&crate::i18n::cat(), *p).to_owned(),
                    format!("pay-{}", query::pay_slug(*p)),
                )
            })
            .collect(),
        |f| &mut f.pay,
        |c, p| c.pay.get(p).copied().unwrap_or(0),
        query,
        outcome,
        go,
    );
    let access = group(
        "access",
        tr("filter-access-legend"),
        Some(tr("filter-access-hint")),
        AccessSupport::ALL
            .iter()
            .map(|a| {
                (
                    *a,
                    words::access(&crate::i18n::cat(), *a).to_owned(),
                    format!("access-{}", query::access_slug(*a)),
                )
            })
            .collect(),
        |f| &mut f.access,
        |c, a| c.access.get(a).copied().unwrap_or(0),
        query,
        outcome,
        go,
    );
    let time = group(
        "time",
        tr("filter-time-legend"),
        None,
        TimeNeeded::ALL
            .iter()
            .map(|t| {
                (
                    *t,
                    saved_words::time_words(&crate::i18n::cat(), *t).to_owned(),
                    format!("time-{}", query::time_slug(*t)),
                )
            })
            .collect(),
        |f| &mut f.time,
        |c, t| c.time.get(t).copied().unwrap_or(0),
        query,
        outcome,
        go,
    );
    let clear = move |_| {
        let mut q = query.get_untracked();
        q.filters = Default::default();
        go.to(&q, false);
    };
    view! {
        <details class="filters" open=initially_open>
            <summary>
                {move || match on_count() {
                    0 => tr("filters"),
                    n => crate::i18n::tr_with("filters-on", &[("n", n.into())]),
                }}
            </summary>
            <div class="filters-body">
                {kinds}
                {modes}
                <NearFilter query=query outcome=outcome go=go device=device/>
                {pay}
                {access}
                <ClosingFilter query=query outcome=outcome go=go/>
                {time}
                <TopicFilter query=query outcome=outcome go=go/>
                <WrittenInFilter query=query outcome=outcome go=go/>
                <Show when=move || { on_count() > 0 }>
                    <button type="button" class="button button-secondary" on:click=clear>
                        {tr("filters-clear")}
                    </button>
                </Show>
            </div>
        </details>
    }
}

#[component]
fn ClosingFilter(query: Memo<Query>, outcome: Memo<Option<Found>>, go: Go) -> impl IntoView {
    let choose = move |c: Option<ClosingWithin>| {
        let mut q = query.get_untracked();
        q.filters.closing = c;
        go.to(&q, false);
    };
    let radios = [None, Some(ClosingWithin::Week), Some(ClosingWithin::Month)].map(|c| {
        let id = match c {
            None => "closing-any".to_owned(),
            Some(c) => format!("closing-{}", query::closing_slug(c)),
        };
        let label = match c {
            None => tr("filter-closing-any"),
            Some(c) => saved_words::closing_words(&crate::i18n::cat(), c).to_owned(),
        };
        let count = move || match c {
            None => String::new(),
            Some(c) => format!(
                " ({})",
                outcome.with(|o| o
                    .as_ref()
                    .and_then(|o| o.counts.closing.get(&c).copied())
                    .unwrap_or(0))
            ),
        };
        let for_id = id.clone();
        view! {
            <div class="check">
                <input
                    type="radio"
                    name="closing"
                    id=id
                    prop:checked=move || query.with(|q| q.filters.closing == c)
                    on:change=move |_| choose(c)
                />
                <label for=for_id>{label}<span class="check-count">{count}</span></label>
            </div>
        }
    });
    view! {
        <fieldset class="filter-group">
            <legend>{tr("fact-closing")}</legend>
            {radios.to_vec()}
        </fieldset>
    }
}

/// "Only opportunities written in Cymraeg": the app's own language.
#[component]
fn WrittenInFilter(query: Memo<Query>, outcome: Memo<Option<Found>>, go: Go) -> impl IntoView {
    let lang = match crate::i18n::lang() {
        opendoor_core::i18n::Lang::Pseudo => opendoor_core::i18n::Lang::En,
        l => l,
    };
    let tag = lang.tag();
    let checked = move || query.with(|q| q.filters.written_in.as_deref() == Some(tag));
    let count = move || {
        outcome.with(|o| {
            o.as_ref()
                .and_then(|o| o.counts.written_in.get(tag).copied())
                .unwrap_or(0)
        })
    };
    let toggle = move || {
        let mut q = query.get_untracked();
        q.filters.written_in = match q.filters.written_in {
            Some(_) => None,
            None => Some(tag.to_owned()),
        };
        go.to(&q, false);
    };
    let label = crate::i18n::tr_with("filter-written-only", &[("language", lang.name().into())]);
    view! {
        <fieldset class="filter-group">
            <legend>{tr("filter-written-legend")}</legend>
            {tick("written-in".to_owned(), label, false, checked, count, toggle)}
        </fieldset>
    }
}

#[component]
fn TopicFilter(query: Memo<Query>, outcome: Memo<Option<Found>>, go: Go) -> impl IntoView {
    // The topics of the listings found, plus any ticked; rebuilt only when that set changes,
    // so the tick boxes (and keyboard focus on them) stay put as counts change.
    let names = Memo::new(move |_| {
        let mut names: Vec<String> = outcome.with(|o| {
            o.as_ref()
                .map(|o| o.counts.topics.keys().cloned().collect())
                .unwrap_or_default()
        });
        for t in query.with(|q| q.filters.topics.clone()) {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(&t)) {
                names.push(t);
            }
        }
        names.sort_by_key(|n| n.to_lowercase());
        names
    });
    view! {
        <fieldset class="filter-group topics">
            <legend>{tr("filter-topic-legend")}</legend>
            <For each=move || names.get() key=|n| n.clone() let:name>
                {
                    let n1 = name.clone();
                    let n2 = name.clone();
                    let n3 = name.clone();
                    let slug: String = name
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
                        .collect();
                    tick(
                        format!("f-topic-{slug}"),
                        name.clone(),
                        true,
                        move || query.with(|q| q.filters.topics.iter().any(|t| t.eq_ignore_ascii_case(&n1))),
                        move || outcome.with(|o| o.as_ref().and_then(|o| o.counts.topics.get(&n2).copied()).unwrap_or(0)),
                        move || {
                            let mut q = query.get_untracked();
                            let topics = &mut q.filters.topics;
                            if let Some(i) = topics.iter().position(|t| t.eq_ignore_ascii_case(&n3)) {
                                topics.remove(i);
                            } else {
                                topics.push(n3.clone());
                            }
                            go.to(&q, false);
                        },
                    )
                }
            </For>
        </fieldset>
    }
}

#[component]
fn NearFilter(
    query: Memo<Query>,
    outcome: Memo<Option<Found>>,
    go: Go,
    device: RwSignal<Option<(f64, f64)>>,
) -> impl IntoView {
    let current = move || query.with(|q| q.filters.near.clone());
    let place = RwSignal::new(
        current()
            .filter(|n| n.place != HERE)
            .map(|n| n.place)
            .unwrap_or_default(),
    );
    let miles = RwSignal::new(current().map(|n| n.miles).unwrap_or(DEFAULT_RADIUS));
    let problem = RwSignal::new(String::new());
    let apply = move |p: String| {
        let mut q = query.get_untracked();
        q.filters.near = Some(Near {
            place: p,
            miles: miles.get_untracked(),
        });
        go.to(&q, false);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = place.get_untracked().trim().to_owned();
        if p.is_empty() {
            problem.set(tr("near-type-first"));
            return;
        }
        problem.set(String::new());
        apply(p);
    };
    let use_location = move |_| {
        problem.set(tr("near-finding"));
        locate(move |result| match result {
            Ok(geo) => {
                finder::set_device(geo);
                device.set(Some((geo.lat, geo.lng)));
                problem.set(String::new());
                apply(HERE.to_owned());
            }
            Err(()) => problem.set(tr("near-no-location")),
        });
    };
    let remove = move |_| {
        let mut q = query.get_untracked();
        q.filters.near = None;
        go.to(&q, false);
    };
    let on_miles = move |ev: leptos::ev::Event| {
        let m = event_target_value(&ev).parse().unwrap_or(DEFAULT_RADIUS);
        miles.set(m);
        if let Some(mut n) = current() {
            n.miles = m;
            let mut q = query.get_untracked();
            q.filters.near = Some(n);
            go.to(&q, false);
        }
    };
    let active = move || {
        current().map(|n| {
            let count = outcome.with(|o| o.as_ref().map(|o| o.counts.near).unwrap_or(0));
            let near = opendoor_core::saved::near_words(&crate::i18n::cat(), &n);
            crate::i18n::tr_with(
                "near-active",
                &[("near", near.into()), ("count", count.into())],
            )
        })
    };
    let note = move || outcome.with(|o| o.as_ref().and_then(|o| o.near_note.clone()));
    view! {
        <fieldset class="filter-group near">
            <legend>{tr("near-legend")}</legend>
            <p class="hint" id="near-hint">{tr("near-hint")}</p>
            <form class="near-form" on:submit=on_submit>
                <div class="field">
                    <label for="near-place">{tr("near-place-label")}</label>
                    <input
                        id="near-place"
                        type="text"
                        autocomplete="postal-code"
                        aria-describedby="near-hint"
                        prop:value=move || place.get()
                        on:input=move |ev| place.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="near-miles">{tr("near-distance-label")}</label>
                    <select id="near-miles" on:change=on_miles>
                        {RADII
                            .iter()
                            .map(|m| {
                                let m = *m;
                                view! {
                                    <option value=m.to_string() prop:selected=move || miles.get() == m>
                                        {crate::i18n::tr_with("near-within", &[("miles", m.into())])}
                                    </option>
                                }
                            })
                            .collect::<Vec<_>>()}
                    </select>
                </div>
                <div class="near-buttons">
                    <button type="submit" class="button button-secondary">
                        {tr("near-search")}
                    </button>
                    <button type="button" class="button button-secondary" on:click=use_location>
                        {tr("near-use-location")}
                    </button>
                </div>
            </form>
            <p class="near-problem" role="status">{move || problem.get()}</p>
            {move || active().map(|text| view! {
                <p class="near-active">
                    {text} " "
                    <button type="button" class="button button-secondary" on:click=remove>
                        {tr("near-remove")}
                    </button>
                </p>
            })}
            {move || note().map(|n| view! { <p class="hint">{n}</p> })}
        </fieldset>
    }
}

/// Asks the browser for the device's position (it asks the person first).
fn locate(done: impl FnOnce(Result<Geo, ()>) + 'static) {
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let d1 = done.clone();
    let ok = Closure::once_into_js(move |pos: JsValue| {
        let coords = js_sys::Reflect::get(&pos, &"coords".into()).unwrap_or(JsValue::NULL);
        let get = |k: &str| {
            js_sys::Reflect::get(&coords, &k.into())
                .ok()
                .and_then(|v| v.as_f64())
        };
        let result = match (get("latitude"), get("longitude")) {
            (Some(lat), Some(lng)) => Ok(Geo { lat, lng }),
            _ => Err(()),
        };
        if let Some(f) = d1.borrow_mut().take() {
            f(result);
        }
    });
    let d2 = done.clone();
    let fail = Closure::once_into_js(move |_e: JsValue| {
        if let Some(f) = d2.borrow_mut().take() {
            f(Err(()));
        }
    });
    let geolocation = web_sys::window()
        .map(|w| js_sys::Reflect::get(&w.navigator(), &"geolocation".into()))
        .and_then(|g| g.ok())
        .filter(|g| !g.is_undefined() && !g.is_null());
    let started = geolocation.and_then(|g| {
        let f = js_sys::Reflect::get(&g, &"getCurrentPosition".into()).ok()?;
        let f: js_sys::Function = f.dyn_into().ok()?;
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"timeout".into(), &15_000.into());
        let _ = js_sys::Reflect::set(&opts, &"maximumAge".into(), &600_000.into());
        f.call3(&g, &ok, &fail, &opts).ok()
    });
    if started.is_none() {
        if let Some(f) = done.borrow_mut().take() {
            f(Err(()));
        }
    }
}
