//! `/`: the search box, the life events and the 34 provinces.

use crate::api::{self, Resource};
use crate::components::loaded;
use crate::components::PageMeta;
use crate::i18n::{tr, use_lang, Lang};
use crate::modes::AppLink;
use crate::modes::{use_mode, ModeProblems, PresetPlace};
use crate::routes::life_events::LifeEventLinks;
use crate::routes::search::SearchBox;
use cuaso_catalogue::lang::Text;
use cuaso_catalogue::model::Province;
use cuaso_edge::Route;
use cuaso_modes::Section;
use cuaso_pages::meta::Meta;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let provinces = Resource::new(api::provinces);
    let lang = use_lang();
    // An embed shows only the sections its site chose; elsewhere all show.
    let mode = use_mode();
    let shows = move |s: Section| mode.options.with_untracked(|o| o.shows(s));
    // The life events and the provinces appear together, once the (small) life
    // events file is there: the first never pushes the second down the screen.
    let events_ready = if shows(Section::LifeEvents) {
        let events = Resource::new(api::life_events);
        Memo::new(move |_| events.get().is_some())
    } else {
        Memo::new(|_| true)
    };
    view! {
        <PageMeta meta=Meta::fixed(Text::new("Cửa sổ số — Thủ tục hành chính và nơi tiếp nhận", "Cửa sổ số — Public services and where to go"), Text::new(
            "Tra cứu thủ tục hành chính, xã phường mới sau sáp nhập và trung tâm phục vụ hành chính công của 34 tỉnh, thành phố.",
            "Find administrative procedures, the new communes after the 2025 merger, and the public service centres of all 34 provinces.",
        )) />
        <h1>{tr("Bạn cần làm thủ tục gì?", "What do you need to do?")}</h1>
        <ModeProblems />
        {shows(Section::Search).then(|| view! { <SearchBox /> })}
        <PresetPlace />
        {(shows(Section::Address) || shows(Section::Hotlines) || !mode.is_embed()).then(|| view! {
        <nav class="quick-links-nav" aria-labelledby="quick-h">
            <h2 id="quick-h">{tr("Tra cứu nhanh", "Quick links")}</h2>
            <ul class="quick-links">
                {shows(Section::Address).then(|| view! { <li><AppLink route=Route::Address { q: String::new() }>{tr("Địa chỉ cũ nay thuộc xã, phường nào?", "Which commune is my old address in now?")}</AppLink></li> })}
                {shows(Section::Hotlines).then(|| view! { <li><AppLink route=Route::Hotlines { q: String::new() }>{tr("Đường dây nóng và số điện thoại", "Hotlines and phone numbers")}</AppLink></li> })}
                {shows(Section::Search).then(|| view! { <li><AppLink route=Route::Fields { level: None, province: None }>{tr("Thủ tục theo lĩnh vực", "Procedures by field")}</AppLink></li> })}
                {(!mode.is_embed()).then(|| view! { <li><AppLink route=Route::Near>{tr("Xã, phường gần tôi", "Communes near me")}</AppLink></li> })}
            </ul>
        </nav> })}
        {move || events_ready.get().then(|| view! {
        {shows(Section::LifeEvents).then(|| view! { <LifeEventLinks /> })}
        {shows(Section::Places).then(|| view! { <section aria-labelledby="provinces-h">
            <h2 id="provinces-h">{tr("34 tỉnh, thành phố", "The 34 provinces and cities")}</h2>
            {loaded(provinces, tr("Không tìm thấy danh sách tỉnh.", "The province list is missing."), move |list| {
                let mut list: Vec<Province> = list.as_ref().clone();
                list.sort_by_cached_key(|p| cuaso_catalogue::text::sort_key(&p.short_name));
                view! {
                    <ul class="province-list" data-testid="province-list">
                        {list.into_iter().map(|p| {
                            let count = p.commune_count;
                            let kind = p.kind;
                            view! {
                                <li>
                                    <AppLink route=Route::province(p.code)>
                                        <span class="name">{p.name}</span>
                                        <span class="meta">
                                            {move || match lang.get() {
                                                Lang::Vi => format!("{} · {count} xã, phường", kind.label().vi),
                                                Lang::En => format!("{} · {count} communes and wards", kind.label().en),
                                            }}
                                        </span>
                                    </AppLink>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            })}
        </section> })}
        })}
    }
}
