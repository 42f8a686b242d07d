//! `/xa/{code}`: a commune, its centre card, the old units merged into it,
//! and the support points nearby.

use crate::api::{self, ApiError, Resource};
use crate::components::NotFoundMessage;
use crate::components::{loaded, source_of, CentreCard, CommuneProcedures, MapLinks, SupportPointItem};
use crate::components::{Breadcrumb, PageMeta, ReportError};
use crate::i18n::{tr, use_lang, Lang};
use crate::modes::AppLink;
use cuaso_catalogue::lang::Text;
use cuaso_catalogue::model::*;
use cuaso_edge::Route;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::rc::Rc;

#[component]
pub fn CommunePage() -> impl IntoView {
    let params = use_params_map();
    let code =
        move || params.read().get(cuaso_edge::route::CODE_PARAM).and_then(|c| cuaso_edge::query::commune_segment(&c));
    move || match code() {
        None => view! { <NotFoundMessage what=tr("Mã xã, phường không hợp lệ.", "That is not a commune code.") /> }
            .into_any(),
        Some(code) => view! { <CommuneView code /> }.into_any(),
    }
}

struct Data {
    province: Province,
    commune: Commune,
    legacy: Vec<LegacyUnit>,
    names: Vec<(CommuneCode, String)>,
}

async fn load(code: CommuneCode) -> Result<Rc<Data>, ApiError> {
    let index = api::communes().await?;
    let row = index.iter().find(|r| r.code == code).ok_or(ApiError::NotFound)?;
    let provinces = api::provinces().await?;
    let province = provinces.iter().find(|p| p.code == row.province).cloned().ok_or(ApiError::NotFound)?;
    let file = api::province_file(&row.province).await?;
    let commune = file.commune(&code).cloned().ok_or(ApiError::NotFound)?;
    let legacy: Vec<LegacyUnit> = file.legacy_units_of(&code).cloned().collect();
    let names = file.communes.iter().map(|c| (c.code.clone(), c.name.clone())).collect();
    Ok(Rc::new(Data { province, commune, legacy, names }))
}

#[component]
fn CommuneView(code: CommuneCode) -> impl IntoView {
    let data = Resource::new(move || load(code.clone()));
    let manifest = Resource::new(api::manifest);
    let lang = use_lang();
    loaded(data, tr("Không có xã, phường với mã này.", "There is no commune with this code."), move |d| {
        let Data { province, commune, legacy, names } = d.as_ref();
        let c = commune.clone();
        let centre_source = c.centre.source.clone();
        let kind = c.kind;
        let area = c.area_km2;
        let code = c.code.clone();
        let meta = cuaso_pages::meta::commune(&c.name, &province.name);
        let name_of = |code: &CommuneCode| {
            names.iter().find(|(c, _)| c == code).map(|(_, n)| n.clone()).unwrap_or_else(|| code.to_string())
        };
        let legacy_items = legacy
            .iter()
            .map(|u| {
                let split = u.is_split().then(|| {
                    let others = u
                        .targets
                        .iter()
                        .map(|t| {
                            let label = name_of(&t.commune);
                            let default = t.default;
                            view! {
                                <li>
                                    <AppLink route=Route::Commune(t.commune.clone())>{label}</AppLink>
                                    {default.then(|| view! { " " <span class="badge">{tr("mặc định", "default")}</span> })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <span class="split-note">{tr(" — được chia cho:", " — split between:")}</span>
                        <ul>{others}</ul>
                        <span class="meta">{tr(
                            "“Mặc định” là nơi nhận phần chính của đơn vị cũ; nhà bạn vẫn có thể thuộc nơi khác, tùy địa chỉ cụ thể.",
                            "“Default” is the commune that took the main part of the old unit; your home may still be in another, depending on the exact address.",
                        )}</span>
                    }
                });
                view! {
                    <li>
                        <span class="old-name">{u.name.clone()}</span>
                        {(u.name != u.district).then(|| format!(", {}", u.district))}
                        {format!(", {}", u.province)}
                        {split}
                    </li>
                }
            })
            .collect_view();
        let n_legacy = legacy.len();
        let support = c.support_points.clone();
        let n_support = support.len();
        let (province_route, province_name) = (Route::province(province.code.clone()), province.name.clone());
        view! {
            <PageMeta meta />
            <Breadcrumb>
                <AppLink route=province_route>{province_name}</AppLink>
            </Breadcrumb>
            <h1>{c.name.clone()}</h1>
            <p class="lead">
                <span>{move || kind.label().pick(lang.get())}</span>
                {format!(" · {}", province.name)}
                {move || {
                    let l = lang.get();
                    let area = area.map(|a| format!(" · {}", cuaso_edge::format::area_km2(l, a))).unwrap_or_default();
                    match l {
                        Lang::Vi => format!(" · mã {code}{area}"),
                        Lang::En => format!(" · code {code}{area}"),
                    }
                }}
            </p>
            {c.centroid.map(|at| view! { <p><MapLinks at /></p> })}
            {
                let centre = c.centre.clone();
                let source_id = centre_source.unwrap_or_else(|| c.source.clone());
                move || view! { <CentreCard centre=centre.clone() source=source_of(&manifest.get(), &source_id) /> }
            }
            <section aria-labelledby="legacy-h">
                <h2 id="legacy-h">{tr("Đơn vị hành chính cũ (trước 01/7/2025)", "Former units (before 1 July 2025)")}</h2>
                <p>{move || match lang.get() {
                    Lang::Vi => format!("{n_legacy} đơn vị cũ được sáp nhập toàn bộ hoặc một phần vào đây."),
                    Lang::En => format!("{n_legacy} former units were merged here, wholly or in part."),
                }}</p>
                <ul class="legacy-list" data-testid="legacy-list">{legacy_items}</ul>
            </section>
            <section aria-labelledby="support-h">
                <h2 id="support-h">{tr("Điểm hỗ trợ gần đây", "Support points nearby")}</h2>
                {if n_support == 0 {
                    view! {
                        <p>
                            {tr("Danh mục của Cửa sổ số chưa có điểm hỗ trợ nào của địa bàn này (không có nghĩa là địa phương chưa công bố). ", "Cửa sổ số's catalogue has no support point for this area yet (which does not mean none has been published). ")}
                            <ReportError label=Text::new("Biết một điểm hỗ trợ? Báo cho Cửa sổ số", "Know one? Tell Cửa sổ số") />
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <p>{tr("Bưu điện tiếp nhận và trả hồ sơ qua dịch vụ bưu chính công ích.", "Post offices receive and return dossiers through the public postal service.")}</p>
                        <ul class="support-list">
                            {support.into_iter().map(|point| view! { <SupportPointItem point /> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <CommuneProcedures />
        }
    })
}
