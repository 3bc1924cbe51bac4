use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    super::set_title("Page not found");
    super::arrived();
    view! {
        <h1>"Page not found"</h1>
        <p>"If you typed the web address, check it is correct."</p>
        <p>
            <A href="/">"See all opportunities"</A>
        </p>
    }
}
