//! The shell: header, routes, footer. The router's patterns are
//! `cuaso_edge::Route`'s segments, so a page and its links cannot disagree.

use crate::components::{NetworkStatus, SourcesFooter};
use crate::i18n::{provide_lang, tr, use_lang, Lang};
use crate::modes::embed::EmbedFooter;
use crate::modes::kiosk::KioskEntry;
use crate::modes::AppLink;
use crate::modes::{provide_mode, ModeShell};
use crate::routes::address::AddressPage;
use crate::routes::embed_builder::EmbedBuilderPage;
use crate::routes::fields::FieldsPage;
use crate::routes::hotlines::HotlinesPage;
use crate::routes::life_events::{LifeEventPage, LifeEventsPage};
use crate::routes::near::NearPage;
use crate::routes::report::ReportPage;
use crate::routes::transparency::TransparencyPage;
use crate::routes::{
    commune::CommunePage, home::Home, not_found::NotFound, procedure::ProcedurePage, province::ProvincePage,
    search::SearchPage,
};
use cuaso_edge::route::{segments as seg, CODE_PARAM, SLUG_PARAM};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::{NavigateOptions, ParamSegment, StaticSegment};

/// The router treats `#main` as a navigation; move focus to the content ourselves.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = crate::browser::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main")) {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}

/// The language switch. A `lang` already in the URL follows the switch, so the
/// address bar never says one language while the page shows the other.
#[component]
fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let navigate = use_navigate();
    let other = move || match lang.get() {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let switch = move |_| {
        let next = other();
        lang.set(next);
        let query = location.query.get_untracked();
        if query.get("lang").is_some() {
            let mut query = query;
            query.replace("lang", next.code().to_string());
            let url = format!(
                "{}{}{}",
                location.pathname.get_untracked(),
                query.to_query_string(),
                location.hash.get_untracked()
            );
            navigate(&url, NavigateOptions { replace: true, scroll: false, ..Default::default() });
        }
    };
    view! {
        <button type="button" class="lang-switch" lang=move || other().code() on:click=switch>
            {move || match lang.get() {
                Lang::Vi => "English",
                Lang::En => "Tiếng Việt",
            }}
        </button>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = provide_lang();
    let embed = provide_mode(lang).is_embed();
    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>
                {tr("Bỏ qua, đến nội dung chính", "Skip to main content")}
            </a>
            {(!embed).then(|| view! {
            <header class="site-header">
                <AppLink route=cuaso_edge::Route::Home class="brand">
                    <span class="brand-name">"Cửa sổ số"</span>
                    <span class="brand-tagline">{tr("Thủ tục hành chính và nơi tiếp nhận, theo địa giới mới", "Public services and where to go, on the new map")}</span>
                </AppLink>
                <LangSwitch />
            </header>
            })}
            <NetworkStatus />
            <ModeShell />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=() view=Home />
                    <Route path=(StaticSegment(seg::SEARCH),) view=SearchPage />
                    <Route path=(StaticSegment(seg::PROVINCE), ParamSegment(CODE_PARAM)) view=ProvincePage />
                    <Route path=(StaticSegment(seg::COMMUNE), ParamSegment(CODE_PARAM)) view=CommunePage />
                    <Route path=(StaticSegment(seg::PROCEDURE), ParamSegment(CODE_PARAM)) view=ProcedurePage />
                    <Route path=(StaticSegment(seg::ADDRESS),) view=AddressPage />
                    <Route path=(StaticSegment(seg::HOTLINES),) view=HotlinesPage />
                    <Route path=(StaticSegment(seg::FIELDS),) view=FieldsPage />
                    <Route path=(StaticSegment(seg::LIFE_EVENTS),) view=LifeEventsPage />
                    <Route path=(StaticSegment(seg::LIFE_EVENTS), ParamSegment(SLUG_PARAM)) view=LifeEventPage />
                    <Route path=(StaticSegment(seg::NEAR),) view=NearPage />
                    <Route path=(StaticSegment(seg::TRANSPARENCY),) view=TransparencyPage />
                    <Route path=(StaticSegment(seg::EMBED_BUILDER),) view=EmbedBuilderPage />
                    <Route path=(StaticSegment(seg::KIOSK),) view=KioskEntry />
                    <Route path=(StaticSegment(seg::REPORT),) view=ReportPage />
                </Routes>
            </main>
            {if embed { view! { <EmbedFooter /> }.into_any() } else { view! { <SourcesFooter /> }.into_any() }}
        </Router>
    }
}
