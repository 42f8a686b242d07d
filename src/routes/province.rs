//! `/tinh/{code}`: a province, its centre card, its communes.
//! `?thieu=dia-chi|dien-thoai` lists only the communes whose centre has no
//! published address / phone; `?co=dia-chi|dien-thoai|diem-ho-tro` only those
//! with one (the links from `/minh-bach`). Unknown values list every commune.

use crate::api::{self, Resource};
use crate::components::FieldGroups;
use crate::components::NotFoundMessage;
use crate::components::{
    loaded, source_of, CentreCard, NotPublished, Phone, ProceduresByField, ReportedValues, NATIONAL_LINE,
};
use crate::components::{Breadcrumb, PageMeta, ReportError};
use crate::i18n::{tr, use_lang, Lang};
use crate::modes::AppLink;
use cuaso_catalogue::lang::Text;
use cuaso_catalogue::model::*;
use cuaso_catalogue::text::{fold, sort_key};
use cuaso_edge::route::CommuneFilter;
use cuaso_edge::Route;
use cuaso_pages::fields::group_by_field;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What a filter on the commune list (from the query string,
/// [`CommuneFilter`]) keeps, and how the page says it.
trait Keeps {
    fn keeps(self, c: &Commune) -> bool;
    fn label(self) -> Text;
}

impl Keeps for CommuneFilter {
    fn keeps(self, c: &Commune) -> bool {
        match self {
            Self::MissingAddress => c.centre.address.is_none(),
            Self::MissingPhone => c.centre.phones.is_empty(),
            Self::WithAddress => c.centre.address.is_some(),
            Self::WithPhone => !c.centre.phones.is_empty(),
            Self::WithSupportPoints => !c.support_points.is_empty(),
        }
    }
    fn label(self) -> Text {
        match self {
            Self::MissingAddress => {
                Text::new("chưa công bố địa chỉ trung tâm", "whose centre's address is not yet published")
            }
            Self::MissingPhone => Text::new("chưa công bố số điện thoại", "whose phone number is not yet published"),
            Self::WithAddress => Text::new("đã công bố địa chỉ trung tâm", "whose centre's address is published"),
            Self::WithPhone => Text::new("đã công bố số điện thoại", "whose phone number is published"),
            Self::WithSupportPoints => Text::new("có điểm hỗ trợ (bưu điện)", "with support points (post offices)"),
        }
    }
}

#[component]
pub fn ProvincePage() -> impl IntoView {
    let params = use_params_map();
    let code =
        move || params.read().get(cuaso_edge::route::CODE_PARAM).and_then(|c| cuaso_edge::query::province_segment(&c));
    move || match code() {
        None => {
            view! { <NotFoundMessage what=tr("Mã tỉnh không hợp lệ.", "That is not a province code.") /> }.into_any()
        }
        Some(code) => view! { <Province code /> }.into_any(),
    }
}

#[component]
fn Province(code: ProvinceCode) -> impl IntoView {
    let c = code.clone();
    let data = Resource::new(move || {
        let c = c.clone();
        async move {
            let provinces = api::provinces().await?;
            let province = provinces.iter().find(|p| p.code == c).cloned().ok_or(api::ApiError::NotFound)?;
            let file = api::province_file(&c).await?;
            Ok(std::rc::Rc::new((province, file)))
        }
    });
    let manifest = Resource::new(api::manifest);
    let lang = use_lang();
    let query = use_query_map();
    let only = Memo::new(move |_| {
        let q = query.read();
        CommuneFilter::from_query(q.get("thieu").as_deref(), q.get("co").as_deref())
    });
    loaded(
        data,
        tr("Không có tỉnh, thành phố với mã này.", "There is no province with this code."),
        move |d| {
            let (p, file) = (d.0.clone(), &d.1);
            let meta = cuaso_pages::meta::province(&p.name, p.commune_count);
            let centre = p.centre.clone();
            let hotline = p.centre.hotline.clone();
            let reported_numbers: Vec<Reported> =
                p.centre.reported.iter().filter(|r| r.field.has_number()).cloned().collect();
            let source_id = centre.source.clone().unwrap_or_else(|| p.source.clone());
            let source = move || source_of(&manifest.get(), &source_id);
            let total = file.communes.len();
            let merged = p.merged_from.join(", ");
            let kind = p.kind;
            let pcode = p.code.clone();
            let (own_code, own_name) = (p.code.clone(), p.name.clone());
            view! {
                <PageMeta meta />
                <Breadcrumb />
                <h1>{p.name.clone()}</h1>
                <p class="lead">
                    {move || match lang.get() {
                        Lang::Vi => format!("{} · mã {} · {} xã, phường, đặc khu", kind.label().vi, p.code, total),
                        Lang::En => format!("{} · code {} · {} communes, wards and special zones", kind.label().en, p.code, total),
                    }}
                </p>
                {(p.merged_from.len() > 1).then(|| view! {
                    <p>{tr("Hợp nhất từ: ", "Merged from: ")} {merged}</p>
                })}
                {move || view! { <CentreCard centre=centre.clone() source=source() /> }}
                <ProvinceHotline hotline reported=reported_numbers />
                <CommuneList province=pcode communes=file.communes.clone() only />
                <OwnProcedures province=own_code name=own_name />
                <ProceduresByField level=Level::Province />
            }
        },
    )
}

/// The province's own procedures (thủ tục riêng), from the portal's
/// catalogue, by field; says plainly when this catalogue has none.
#[component]
fn OwnProcedures(province: ProvinceCode, name: String) -> impl IntoView {
    let index = Resource::new(api::procedure_index);
    let lang = use_lang();
    view! {
        <section aria-labelledby="own-h" data-testid="own-procedures">
            <h2 id="own-h">{tr("Thủ tục riêng của tỉnh", "The province's own procedures")}</h2>
            {loaded(index, tr("Không tìm thấy danh mục thủ tục.", "The procedure list is missing."), move |all| {
                let own: Vec<ProcedureSummary> = all.iter().filter(|p| p.is_own_of(&province)).cloned().collect();
                let n = own.len();
                let name = name.clone();
                let groups = group_by_field(&own, None);
                let n_fields = groups.len();
                view! {
                    <p>{move || match (lang.get(), n) {
                        (Lang::Vi, 0) => format!("Cửa sổ số chưa có bản ghi đã công bố về thủ tục riêng của {name}."),
                        (Lang::En, 0) => format!("Cửa sổ số has no published record yet of {name}'s own procedures."),
                        (Lang::Vi, _) => format!("{n} thủ tục do {name} ban hành, chỉ áp dụng trên địa bàn tỉnh, trong {n_fields} lĩnh vực (danh mục của Cổng Dịch vụ công quốc gia, tháng 7/2026)."),
                        (Lang::En, _) => format!("{n} procedures published by {name} for its territory only, in {n_fields} fields (the National Public Service Portal's catalogue, July 2026)."),
                    }}
                    {(n == 0).then(|| view! { " " <ReportError label=Text::new("Tỉnh đã công bố? Báo cho Cửa sổ số", "Published somewhere? Tell Cửa sổ số") /> })}
                    </p>
                    <FieldGroups groups />
                    {(n > 0).then(|| view! {
                        <p><AppLink route=Route::Fields { level: None, province: Some(province.clone()) }>{tr("Mở danh sách riêng trong Thủ tục theo lĩnh vực", "Open this list in Procedures by field")}</AppLink></p>
                    })}
                }
            })}
        </section>
    }
}

/// The province's hotline: the national line first, then the province's own
/// (24/7 only where a source says so), what was reported, or "not yet published".
#[component]
fn ProvinceHotline(hotline: Option<Hotline>, reported: Vec<Reported>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="hotline-h" data-testid="province-hotline">
            <h2 id="hotline-h">{tr("Đường dây nóng của tỉnh", "Provincial hotline")}</h2>
            // The national line first: it is the one that is always there.
            <p>{tr("Tổng đài Cổng Dịch vụ công quốc gia: ", "National Public Service Portal line: ")} <Phone number=NATIONAL_LINE.to_string() /></p>
            <div>{match hotline {
                Some(h) => view! {
                    <Phone number=h.number />
                    {h.always_open.then(|| view! { " " <span class="badge">"24/7"</span> })}
                }.into_any(),
                None if !reported.is_empty() => view! { <ReportedValues reported=reported.clone() /> }.into_any(),
                None => view! { <NotPublished /> }.into_any(),
            }}</div>
        </section>
    }
}

/// The province's communes, filterable by name (accents optional) and by
/// what they published (`?thieu=…`, `?co=…` from `/minh-bach`).
#[component]
fn CommuneList(province: ProvinceCode, communes: Vec<Commune>, only: Memo<Option<CommuneFilter>>) -> impl IntoView {
    let lang = use_lang();
    let mut communes: Vec<(String, Commune)> = communes.into_iter().map(|c| (fold(&c.name), c)).collect();
    communes.sort_by_cached_key(|(_, c)| sort_key(&c.name));
    let total = communes.len();
    let filter = RwSignal::new(String::new());
    let communes = std::sync::Arc::new(communes);
    let all = communes.clone();
    view! {
        <section aria-labelledby="communes-h">
            <h2 id="communes-h">{tr("Xã, phường, đặc khu", "Communes, wards and special zones")}</h2>
            <label for="commune-filter">{tr("Lọc theo tên", "Filter by name")}</label>
            <input
                id="commune-filter"
                type="search"
                autocomplete="off"
                on:input=move |ev| filter.set(event_target_value(&ev))
                prop:value=move || filter.get()
            />
            {move || only.get().map(|f| {
                let Text { vi, en } = f.label();
                let n = all.iter().filter(|(_, c)| f.keeps(c)).count();
                let code = province.clone();
                view! {
                    <p class="notice" data-testid="commune-filter-note">
                        {move || match lang.get() {
                            Lang::Vi => format!("Chỉ hiện xã, phường {vi}: {n}. "),
                            Lang::En => format!("Showing only the communes {en}: {n}. "),
                        }}
                        <AppLink route=Route::province(code)>{tr("Hiện tất cả", "Show all")}</AppLink>
                    </p>
                }
            })}
            {move || {
                let key = fold(&filter.get());
                let only = only.get();
                let shown: Vec<_> = communes
                    .iter()
                    .filter(|(k, c)| k.contains(&key) && only.is_none_or(|f| f.keeps(c)))
                    .map(|(_, c)| c.clone())
                    .collect();
                let n = shown.len();
                view! {
                    <p class="count" aria-live="polite">
                        {move || match lang.get() {
                            Lang::Vi => format!("{n} / {total} đơn vị"),
                            Lang::En => format!("{n} of {total} units"),
                        }}
                    </p>
                    <ul class="commune-list" data-testid="commune-list">
                        {shown.into_iter().map(|c| view! {
                            <li>
                                <AppLink route=Route::Commune(c.code)>{c.name}</AppLink>
                                {c.centre.is_published().then(|| view! {
                                    " " <span class="badge">{tr("có địa chỉ", "address published")}</span>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                }
            }}
        </section>
    }
}
