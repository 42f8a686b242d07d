//! A page's `<title>` and meta description, in the current language.

use crate::i18n::say_owned;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use std::sync::{Arc, Mutex};

/// Where the prerender collects the page's title and description (it writes
/// them into the HTML's head itself).
#[derive(Clone, Default)]
pub struct PrerenderedMeta(pub Arc<Mutex<Option<cuaso_pages::meta::Meta>>>);

/// Sets the title and description that `cuaso_pages::meta` wrote for a page.
#[component]
pub fn PageMeta(meta: cuaso_pages::meta::Meta) -> impl IntoView {
    if let Some(PrerenderedMeta(slot)) = use_context::<PrerenderedMeta>() {
        if let Ok(mut slot) = slot.lock() {
            *slot = Some(meta);
        }
        return ().into_any();
    }
    let cuaso_pages::meta::Meta { title, description } = meta;
    view! {
        <Title text=say_owned(title) />
        <Meta name="description" content=say_owned(description) />
    }
    .into_any()
}
