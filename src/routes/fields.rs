//! `/linh-vuc?cap=…`: every procedure in the catalogue by field (lĩnh vực),
//! optionally only those done at one level. `cap` takes the search page's values.

use crate::api;
use crate::components::Breadcrumb;
use crate::components::{field_count, group_by_field, loaded, FieldGroups};
use crate::i18n::{keep_lang, tr, use_lang, Lang};
use cuaso_edge::query::{level_param, LEVELS};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn FieldsPage() -> impl IntoView {
    let index = LocalResource::new(api::procedure_index);
    let query = use_query_map();
    let navigate = use_navigate();
    let lang = use_lang();
    // An unknown `cap` shows every level, as if it were absent.
    let level = move || query.read().get("cap").and_then(|v| LEVELS.into_iter().find(|l| level_param(*l) == v));
    let on_level = move |ev| {
        let v = event_target_value(&ev);
        let url = if v.is_empty() { "/linh-vuc".to_string() } else { format!("/linh-vuc?cap={v}") };
        navigate(
            &keep_lang(url, &query.get_untracked()),
            NavigateOptions { replace: true, scroll: false, ..Default::default() },
        );
    };
    view! {
        <Title text=tr("Thủ tục theo lĩnh vực — Cửa sổ số", "Procedures by field — Cửa sổ số") />
        <Meta name="description" content=tr(
            "Toàn bộ thủ tục hành chính trong danh mục, theo lĩnh vực và cấp thực hiện.",
            "Every administrative procedure in the catalogue, by field and by the level that handles it.",
        ) />
        <Breadcrumb />
        <h1>{tr("Thủ tục theo lĩnh vực", "Procedures by field")}</h1>
        <div class="filter-grid">
            <label>
                {tr("Cấp thực hiện", "Level")}
                <select on:change=on_level prop:value=move || level().map(level_param).unwrap_or_default()>
                    <option value="">{tr("Tất cả các cấp", "Every level")}</option>
                    {LEVELS.into_iter().map(|l| view! {
                        <option value=level_param(l)>{move || match lang.get() {
                            Lang::Vi => l.label_vi(),
                            Lang::En => l.label_en(),
                        }}</option>
                    }).collect_view()}
                </select>
            </label>
        </div>
        {loaded(index, tr("Không tìm thấy danh mục thủ tục.", "The procedure list is missing."), move |all| {
            let groups = group_by_field(&all, level());
            view! {
                <p role="status">{field_count(&groups, lang)}</p>
                <FieldGroups groups />
            }
        })}
    }
}
