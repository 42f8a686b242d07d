//! The shell: header, routes, footer.

use crate::components::SourcesFooter;
use crate::i18n::{provide_lang, tr, Lang};
use crate::modes::embed::EmbedFooter;
use crate::modes::kiosk::KioskEntry;
use crate::modes::{provide_mode, ModeShell};
use crate::routes::address::AddressPage;
use crate::routes::embed_builder::EmbedBuilderPage;
use crate::routes::hotlines::HotlinesPage;
use crate::routes::life_events::{LifeEventPage, LifeEventsPage};
use crate::routes::near::NearPage;
use crate::routes::{
    commune::CommunePage, home::Home, not_found::NotFound, procedure::ProcedurePage, province::ProvincePage,
    search::SearchPage,
};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The router treats `#main` as a navigation; move focus to the content ourselves.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main")) {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = provide_lang();
    let embed = provide_mode(lang).is_embed();
    let switch_label = move || match lang.get() {
        Lang::Vi => "English",
        Lang::En => "Tiếng Việt",
    };
    let other = move || match lang.get() {
        Lang::Vi => "en",
        Lang::En => "vi",
    };
    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>
                {tr("Bỏ qua, đến nội dung chính", "Skip to main content")}
            </a>
            {(!embed).then(|| view! {
            <header class="site-header">
                <a href="/" class="brand">
                    <span class="brand-name">"Cửa sổ số"</span>
                    <span class="brand-tagline">{tr("Thủ tục hành chính và nơi tiếp nhận, theo địa giới mới", "Public services and where to go, on the new map")}</span>
                </a>
                <button
                    type="button"
                    class="lang-switch"
                    lang=other
                    on:click=move |_| lang.update(|l| *l = if *l == Lang::Vi { Lang::En } else { Lang::Vi })
                >
                    {switch_label}
                </button>
            </header>
            })}
            <ModeShell />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/tim-kiem") view=SearchPage />
                    <Route path=path!("/tinh/:code") view=ProvincePage />
                    <Route path=path!("/xa/:code") view=CommunePage />
                    <Route path=path!("/thu-tuc/:code") view=ProcedurePage />
                    <Route path=path!("/tra-cuu-dia-chi") view=AddressPage />
                    <Route path=path!("/duong-day-nong") view=HotlinesPage />
                    <Route path=path!("/su-kien") view=LifeEventsPage />
                    <Route path=path!("/su-kien/:slug") view=LifeEventPage />
                    <Route path=path!("/gan-toi") view=NearPage />
                    <Route path=path!("/nhung") view=EmbedBuilderPage />
                    <Route path=path!("/kiosk") view=KioskEntry />
                </Routes>
            </main>
            {if embed { view! { <EmbedFooter /> }.into_any() } else { view! { <SourcesFooter /> }.into_any() }}
        </Router>
    }
}
