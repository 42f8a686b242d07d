//! A page's `<title>` and meta description, in the current language.

use crate::i18n::say_owned;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Sets the title and description that `cuaso_pages::meta` wrote for a page.
#[component]
pub fn PageMeta(meta: cuaso_pages::meta::Meta) -> impl IntoView {
    let cuaso_pages::meta::Meta { title, description } = meta;
    view! {
        <Title text=say_owned(title) />
        <Meta name="description" content=say_owned(description) />
    }
}
