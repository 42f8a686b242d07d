use crate::components::NotFoundMessage;
use crate::i18n::tr;
use leptos::prelude::*;

/// Shown for any URL the app does not know, and for codes that match no record.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <NotFoundMessage what=tr("Không tìm thấy trang này.", "This page does not exist.") /> }
}
