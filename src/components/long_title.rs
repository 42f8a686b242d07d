//! Titles that may run to a hundred words (some procedure names do): shown
//! shortened to a few lines by CSS (`.clamped`), with a button that shows
//! the whole name. The full text stays in the DOM, so a link's or a
//! heading's accessible name is always the full title; only its painting is
//! cut. Which titles are long is `cuaso_edge::format::is_long_title`.

use crate::i18n::tr;
use leptos::prelude::*;

/// The "Xem tên đầy đủ / Show full name" button for the title `controls`
/// (an element id); `expanded` is shared with the title's `clamped` class.
#[component]
pub fn TitleToggle(expanded: RwSignal<bool>, controls: String) -> impl IntoView {
    let (more, less) = (tr("Xem tên đầy đủ", "Show full name"), tr("Thu gọn tên", "Shorten the name"));
    view! {
        <button
            type="button"
            class="title-toggle"
            aria-controls=controls
            aria-expanded=move || expanded.get().to_string()
            on:click=move |_| expanded.update(|e| *e = !*e)
        >
            {move || if expanded.get() { less() } else { more() }}
        </button>
    }
}

/// A page's `<h1>`, shortened when long, with its toggle.
#[component]
pub fn LongHeading(text: String) -> impl IntoView {
    let long = cuaso_edge::format::is_long_title(&text);
    let expanded = RwSignal::new(false);
    view! {
        <h1 id="page-title" class:clamped=move || long && !expanded.get()>{text}</h1>
        {long.then(|| view! { <TitleToggle expanded controls="page-title".to_string() /> })}
    }
}
