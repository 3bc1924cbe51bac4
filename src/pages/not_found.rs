use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    super::set_title(&crate::i18n::tr("page-not-found"));
    super::arrived();
    view! {
        <h1>{crate::i18n::tr("page-not-found")}</h1>
        <p>{crate::i18n::tr("page-not-found-hint")}</p>
        <p>
            <A href="/">{crate::i18n::tr("page-not-found-link")}</A>
        </p>
    }
}
