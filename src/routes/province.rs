//! `/tinh/{code}`: a province, its centre card, its communes.

use crate::api;
use crate::components::{loaded, source_of, CentreCard, NotPublished, Phone, ProceduresByField, NATIONAL_LINE};
use crate::i18n::{tr, use_lang, Lang};
use crate::routes::not_found::NotFoundMessage;
use cuaso_catalogue::model::*;
use cuaso_catalogue::text::fold;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProvincePage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").and_then(|c| cuaso_edge::query::province_segment(&c));
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
    let data = LocalResource::new(move || {
        let c = c.clone();
        async move {
            let provinces = api::provinces().await?;
            let province = provinces.iter().find(|p| p.code == c).cloned().ok_or(api::ApiError::NotFound)?;
            let file = api::province_file(&c).await?;
            Ok(std::rc::Rc::new((province, file)))
        }
    });
    let manifest = LocalResource::new(api::manifest);
    let lang = use_lang();
    loaded(
        data,
        tr("Không có tỉnh, thành phố với mã này.", "There is no province with this code."),
        move |d| {
            let (p, file) = (d.0.clone(), &d.1);
            let title = format!("{} — Cửa sổ số", p.name);
            let description = format!("{}: trung tâm phục vụ hành chính công, {} xã, phường.", p.name, p.commune_count);
            let centre = p.centre.clone();
            let source_id = centre.source.clone().unwrap_or_else(|| p.source.clone());
            let source = move || source_of(&manifest.get(), &source_id);
            let mut communes: Vec<(String, Commune)> =
                file.communes.iter().map(|c| (fold(&c.name), c.clone())).collect();
            communes.sort_by(|a, b| a.0.cmp(&b.0));
            let total = communes.len();
            let filter = RwSignal::new(String::new());
            let merged = p.merged_from.join(", ");
            let kind = p.kind;
            view! {
                <Title text=title />
                <Meta name="description" content=description />
                <nav class="breadcrumb" aria-label=tr("Vị trí", "Breadcrumb")>
                    <a href="/">{tr("Trang chủ", "Home")}</a>
                </nav>
                <h1>{p.name.clone()}</h1>
                <p class="lead">
                    {move || match lang.get() {
                        Lang::Vi => format!("{} · mã {} · {} xã, phường, đặc khu", kind.label_vi(), p.code, total),
                        Lang::En => format!("{} · code {} · {} communes, wards and special zones", kind.label_en(), p.code, total),
                    }}
                </p>
                {(p.merged_from.len() > 1).then(|| view! {
                    <p>{tr("Hợp nhất từ: ", "Merged from: ")} {merged}</p>
                })}
                {move || view! { <CentreCard centre=centre.clone() source=source() /> }}
                <section class="card" aria-labelledby="hotline-h">
                    <h2 id="hotline-h">{tr("Đường dây nóng của tỉnh", "Provincial hotline")}</h2>
                    <p><NotPublished /></p>
                    <p>{tr("Tổng đài Cổng Dịch vụ công quốc gia: ", "National Public Service Portal line: ")} <Phone number=NATIONAL_LINE.to_string() /></p>
                </section>
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
                    {move || {
                        let key = fold(&filter.get());
                        let shown: Vec<_> = communes.iter().filter(|(k, _)| k.contains(&key)).map(|(_, c)| c.clone()).collect();
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
                                        <a href=format!("/xa/{}", c.code)>{c.name}</a>
                                        {c.centre.is_published().then(|| view! {
                                            " " <span class="badge">{tr("có địa chỉ", "address published")}</span>
                                        })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }
                    }}
                </section>
                <ProceduresByField level=Level::Province />
            }
        },
    )
}
