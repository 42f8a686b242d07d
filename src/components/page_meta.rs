//! A page's `<title>` and meta description, in the current language.

use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Sets the title and description that `cuaso_pages::meta` wrote for a page.
#[component]
pub fn PageMeta(meta: cuaso_pages::meta::Meta) -> impl IntoView {
    let lang = use_lang();
    let cuaso_pages::meta::Meta { title, description } = meta;
    view! {
        <Title text=move || title.get(lang.get()).clone() />
        <Meta name="description" content=move || description.get(lang.get()).clone() />
    }
}
