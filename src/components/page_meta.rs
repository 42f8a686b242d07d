//! A page's `<title>` and meta description, in the current language.

use crate::i18n::{say, say_owned, use_lang};
use cuaso_catalogue::lang::Text;
use cuaso_pages::meta::query_title;
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

/// The title and description of a page titled by what was typed (`q`:
/// "“khai sinh” — Tìm kiếm — Cửa sổ số"), following it as it changes; the
/// prerender, which renders the empty form, records the page's own.
#[component]
pub fn QueryPageMeta(page: Text, description: Text, q: Signal<String>) -> impl IntoView {
    if let Some(PrerenderedMeta(slot)) = use_context::<PrerenderedMeta>() {
        if let Ok(mut slot) = slot.lock() {
            let own = cuaso_pages::meta::Meta::fixed(page, description);
            *slot = Some(cuaso_pages::meta::Meta { title: query_title(page, &q.get_untracked()), ..own });
        }
        return ().into_any();
    }
    let lang = use_lang();
    view! {
        <Title text=move || query_title(page, &q.get()).pick(lang.get()) />
        <Meta name="description" content=say(description) />
    }
    .into_any()
}
