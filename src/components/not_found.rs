//! The "not found" notice: a clear message and a way back, never a blank page.

use crate::i18n::tr;
use crate::modes::AppLink;
use cuaso_edge::Route;
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for any URL the app does not know, and for codes that match no record.
#[component]
pub fn NotFoundMessage(what: impl Fn() -> &'static str + Copy + Send + Sync + 'static) -> impl IntoView {
    view! {
        <Title text=tr("Không tìm thấy — Cửa sổ số", "Not found — Cửa sổ số") />
        <section class="notice" data-testid="not-found">
            <h1>{tr("Không tìm thấy", "Not found")}</h1>
            <p>{what}</p>
            <p>
                <AppLink route=Route::Home>{tr("Về trang chủ", "Back to the home page")}</AppLink>
            </p>
        </section>
    }
}
