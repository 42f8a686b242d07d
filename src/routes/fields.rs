//! `/linh-vuc?cap=…&tinh=…`: every procedure in the catalogue by field (lĩnh
//! vực), optionally only those done at one level (`cap` takes the search
//! page's values) or only one province's own procedures (`tinh`, a GSO code:
//! `/linh-vuc?tinh=24`).

use crate::api::{self, Resource};
use crate::components::Breadcrumb;
use crate::components::PageMeta;
use crate::components::{loaded, FieldGroups};
use crate::i18n::{say_owned, tr, url_lang, use_lang, Lang};
use crate::modes::AppLink;
use cuaso_catalogue::lang::Text;
use cuaso_edge::query::{level_param, LEVELS};
use cuaso_edge::route::parse_level;
use cuaso_edge::Route;
use cuaso_pages::fields::{field_count, group_by_field};
use cuaso_pages::meta::Meta;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn FieldsPage() -> impl IntoView {
    let index = Resource::new(api::procedure_index);
    let query = use_query_map();
    let navigate = use_navigate();
    let lang = use_lang();
    // An unknown `cap` shows every level, as if it were absent.
    let level = move || query.read().get("cap").and_then(|v| parse_level(&v));
    let province = move || query.read().get("tinh").and_then(|v| cuaso_edge::query::province_segment(&v));
    let provinces = Resource::new(api::provinces);
    let on_level = move |ev| {
        let v = event_target_value(&ev);
        // A change of level shows every province's procedures at that level.
        let route = Route::Fields { level: parse_level(&v), province: None };
        navigate(
            &route.href_in(url_lang(&query.get_untracked())),
            NavigateOptions { replace: true, scroll: false, ..Default::default() },
        );
    };
    view! {
        <PageMeta meta=Meta::fixed(Text::new("Thủ tục theo lĩnh vực — Cửa sổ số", "Procedures by field — Cửa sổ số"), Text::new(
            "Toàn bộ thủ tục hành chính trong danh mục, theo lĩnh vực và cấp thực hiện.",
            "Every administrative procedure in the catalogue, by field and by the level that handles it.",
        )) />
        <Breadcrumb />
        <h1>{tr("Thủ tục theo lĩnh vực", "Procedures by field")}</h1>
        <div class="filter-grid">
            <label>
                {tr("Cấp thực hiện", "Level")}
                <select on:change=on_level prop:value=move || level().map(level_param).unwrap_or_default()>
                    <option value="">{tr("Tất cả các cấp", "Every level")}</option>
                    {LEVELS.into_iter().map(|l| view! {
                        <option value=level_param(l)>{move || match lang.get() {
                            Lang::Vi => l.label().vi,
                            Lang::En => l.label().en,
                        }}</option>
                    }).collect_view()}
                </select>
            </label>
        </div>
        {move || province().map(|code| {
            let name = provinces
                .get()
                .and_then(|r| r.ok())
                .and_then(|ps| ps.iter().find(|p| p.code == code).map(|p| p.name.clone()))
                .unwrap_or_else(|| code.to_string());
            view! {
                <p class="notice" data-testid="own-filter">
                    {tr("Chỉ hiện thủ tục riêng của ", "Showing only the own procedures of ")}
                    <AppLink route=Route::province(code)>{name}</AppLink>
                    ". "
                    <AppLink route=Route::Fields { level: None, province: None }>{tr("Hiện tất cả", "Show all")}</AppLink>
                </p>
            }
        })}
        {loaded(index, tr("Không tìm thấy danh mục thủ tục.", "The procedure list is missing."), move |all| {
            let shown: Vec<_> = match province() {
                Some(code) => all.iter().filter(|p| p.is_own_of(&code)).cloned().collect(),
                None => all.to_vec(),
            };
            let groups = group_by_field(&shown, level());
            view! {
                <p role="status">{say_owned(field_count(&groups))}</p>
                <FieldGroups groups />
            }
        })}
    }
}
