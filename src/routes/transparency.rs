//! `/minh-bach`: what this catalogue holds for each province, and what it
//! does not — a gap here is Cửa sổ số's (no published record found yet), not
//! necessarily the province's.
//!
//! Every number comes from `minh-bach.json`, which the data tool counts from
//! the catalogue's own records (`cuaso_catalogue::transparency`); this page
//! only adds the rows up, sorts them and draws them. Each cell links to the
//! records behind it: the province page, filtered (`?thieu=dien-thoai` …).

use crate::api::{self, Resource};
use crate::components::loaded;
use crate::components::Breadcrumb;
use crate::components::PageMeta;
use crate::components::ReportError;
use crate::i18n::{tr, use_lang, Lang};
use crate::modes::AppLink;
use cuaso_catalogue::format::Manifest;
use cuaso_catalogue::lang::Text;
use cuaso_catalogue::transparency::{totals, ProvinceStats, Transparency};
use cuaso_edge::route::CommuneFilter;
use cuaso_edge::Route;
use cuaso_pages::meta::Meta;
use cuaso_pages::meta::{TRANSPARENCY_DESCRIPTION, TRANSPARENCY_TITLE};
use cuaso_pages::transparency::{by_completeness, sorted, Col, COLS};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;

#[component]
pub fn TransparencyPage() -> impl IntoView {
    let data = Resource::new(|| async {
        let m = api::manifest().await?;
        let t = api::transparency().await?;
        Ok(Rc::new((m, t)))
    });
    view! {
        <PageMeta meta=Meta::fixed(TRANSPARENCY_TITLE, TRANSPARENCY_DESCRIPTION) />
        <Breadcrumb />
        <h1>{tr("Minh bạch: Cửa sổ số có gì về từng tỉnh", "Transparency: what this catalogue holds for each province")}</h1>
        <p class="lead">
            {tr(
                "Chính phủ yêu cầu mỗi tỉnh, thành phố công bố các thủ tục hành chính thực hiện trên địa bàn, địa chỉ các trung tâm phục vụ hành chính công cùng việc mỗi nơi tiếp nhận, và đường dây nóng. Bảng dưới đếm những gì danh mục của Cửa sổ số đang có, từ các nguồn công khai mà trang tìm được — mỗi con số được đếm từ chính dữ liệu, bấm vào để xem từng bản ghi.",
                "The government asked every province to publish the procedures in force on its territory, the addresses of its public service centres with what each receives, and a hotline. The table counts what the Cửa sổ số catalogue holds, from the public sources this site has found — every number is counted from the data itself; follow it to the records.",
            )}
        </p>
        <p data-testid="whose-gap">
            {tr(
                "“Chưa có bản ghi” nghĩa là Cửa sổ số chưa có bản ghi đã công bố — không có nghĩa là tỉnh chưa công bố. Tỉnh đã công bố mà trang chưa có? ",
                "“No record yet” means Cửa sổ số has no published record yet — not that the province has published nothing. Has the province published something this site lacks? ",
            )}
            <ReportError label=Text::new("Gửi nguồn cho Cửa sổ số", "Send Cửa sổ số the source") />
        </p>
        <p>
            {tr(
                "Là cán bộ tỉnh? Mẫu CSV và hướng dẫn gửi dữ liệu của tỉnh nằm trong mã nguồn của trang, tệp docs/feeds.md.",
                "Work for a province? The CSV templates and the guide to sending your province's data are in this site's source code, docs/feeds.md.",
            )}
        </p>
        {loaded(data, tr("Chưa có số liệu minh bạch.", "The transparency figures are missing."), |d| {
            let (m, t) = (d.0.clone(), d.1.clone());
            view! {
                <Totals manifest=m.clone() data=t.clone() />
                <Chart data=t.clone() />
                <Table manifest=Arc::new((*m).clone()) data=Arc::new((*t).clone()) />
            }
        })}
    }
}

#[component]
fn Totals(manifest: Rc<Manifest>, data: Rc<Transparency>) -> impl IntoView {
    let t = totals(&data.provinces);
    let lang = use_lang();
    let procedures = manifest.counts.procedures;
    let items: Vec<(&'static str, &'static str, &'static str, String)> = vec![
        (
            "centre-addresses",
            "Trung tâm cấp tỉnh đã công bố địa chỉ",
            "Provincial centres with a published address",
            format!("{} / {}", t.centre_addresses, t.provinces),
        ),
        (
            "hotlines",
            "Đường dây nóng đã công bố (trực 24/7)",
            "Hotlines published (24/7)",
            format!("{} / {} ({})", t.hotlines, t.provinces, t.hotlines_always_open),
        ),
        (
            "with-address",
            "Trung tâm cấp xã có địa chỉ",
            "Commune centres with an address",
            format!("{} / {}", t.communes_with_address, t.communes),
        ),
        (
            "with-phone",
            "Trung tâm cấp xã có điện thoại",
            "Commune centres with a phone",
            format!("{} / {}", t.communes_with_phone, t.communes),
        ),
        ("support-points", "Điểm hỗ trợ (bưu điện)", "Support points (post offices)", t.support_points.to_string()),
        (
            "local-lists",
            "Tỉnh đã gửi danh mục thủ tục riêng",
            "Provinces that sent their own procedure list",
            format!("{} / {}", t.local_lists, t.provinces),
        ),
        (
            "own-procedures",
            "Thủ tục riêng của tỉnh trong danh mục (số tỉnh có)",
            "Provinces' own procedures in the catalogue (provinces with any)",
            format!("{} ({} / {})", t.own_procedures, t.provinces_with_own, t.provinces),
        ),
        (
            "procedures",
            "Thủ tục trong danh mục quốc gia",
            "Procedures in the national catalogue",
            procedures.to_string(),
        ),
    ];
    view! {
        <section aria-labelledby="totals-h">
            <h2 id="totals-h">{tr("Cả nước", "Nationwide")}</h2>
            <dl class="totals" data-testid="totals">
                {items.into_iter().map(|(id, vi, en, value)| view! {
                    <div data-total=id>
                        <dt>{move || if lang.get() == Lang::Vi { vi } else { en }}</dt>
                        <dd>{value}</dd>
                    </div>
                }).collect_view()}
            </dl>
        </section>
    }
}

/// One horizontal bar per province, longest first; the table is its data, and
/// the caption says what it shows in words.
#[component]
fn Chart(data: Rc<Transparency>) -> impl IntoView {
    let lang = use_lang();
    let rows = by_completeness(&data.provinces);
    const BAR: f64 = 18.0;
    const LABEL: f64 = 110.0;
    const WIDTH: f64 = 320.0;
    let height = BAR * rows.len() as f64;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let y = i as f64 * BAR;
            let pct = r.percent();
            let w = (WIDTH - LABEL - 36.0) * f64::from(pct) / 100.0;
            let name = r.name.trim_start_matches("Tỉnh ").trim_start_matches("Thành phố ").to_string();
            view! {
                <g class="bar" data-code=r.code.to_string() data-percent=pct>
                    <text x=LABEL - 4.0 y=y + 13.0 text-anchor="end">{name}</text>
                    <rect x=LABEL y=y + 3.0 width=w.max(0.5) height=BAR - 6.0 />
                    <text x=LABEL + w + 4.0 y=y + 13.0>{format!("{pct}%")}</text>
                </g>
            }
        })
        .collect_view();
    let published: Vec<String> =
        rows.iter().filter(|r| r.percent() > 0).map(|r| format!("{} {}%", r.name, r.percent())).collect();
    let zero = rows.iter().filter(|r| r.percent() == 0).count();
    let summary = move || {
        match lang.get() {
        Lang::Vi => format!(
            "Mức đầy đủ = trung bình của bốn phần: địa chỉ trung tâm tỉnh, đường dây nóng, tỷ lệ trung tâm xã có địa chỉ, tỷ lệ có điện thoại. {}{} tỉnh, thành phố ở mức 0%.",
            if published.is_empty() { String::new() } else { format!("{}; ", published.join(", ")) },
            zero
        ),
        Lang::En => format!(
            "Completeness = the mean of four parts: the provincial centre's address, a hotline, the share of commune centres with an address, the share with a phone. {}{} provinces at 0%.",
            if published.is_empty() { String::new() } else { format!("{}; ", published.join(", ")) },
            zero
        ),
    }
    };
    view! {
        <section aria-labelledby="chart-h">
            <h2 id="chart-h">{tr("Mức đầy đủ theo tỉnh", "Completeness by province")}</h2>
            <figure class="chart">
                <svg
                    viewBox=format!("0 0 {WIDTH} {height}")
                    role="img"
                    aria-labelledby="chart-h chart-desc"
                    data-testid="completeness-chart"
                >
                    {bars}
                </svg>
                <figcaption id="chart-desc">{summary}</figcaption>
            </figure>
        </section>
    }
}

#[component]
fn Table(manifest: Arc<Manifest>, data: Arc<Transparency>) -> impl IntoView {
    let lang = use_lang();
    let sort = RwSignal::new((Col::Name, true));
    let rows = data.clone();
    let m = manifest.clone();
    let body = move || {
        let (col, ascending) = sort.get();
        let list = sorted(&rows.provinces, col, ascending, &m);
        let m = m.clone();
        list.into_iter().map(move |r| view! { <Row row=r manifest=m.clone() /> }).collect_view()
    };
    let header = COLS
        .iter()
        .map(|&c| {
            let Text { vi, en } = c.label();
            let aria = move || match sort.get() {
                (s, true) if s == c => Some("ascending"),
                (s, false) if s == c => Some("descending"),
                _ => None,
            };
            let arrow = move || match sort.get() {
                (s, true) if s == c => "▲",
                (s, false) if s == c => "▼",
                _ => "↕",
            };
            view! {
                <th scope="col" aria-sort=aria data-col=c.id()>
                    <button type="button" on:click=move |_| sort.update(|(s, asc)| {
                        if *s == c { *asc = !*asc } else { *s = c; *asc = true }
                    })>
                        {move || if lang.get() == Lang::Vi { vi } else { en }}
                        " " <span aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="table-h">
            <h2 id="table-h">{tr("Từng tỉnh, thành phố", "Province by province")}</h2>
            <p class="hint">{tr("Bấm tiêu đề cột để sắp xếp. Bảng cuộn ngang trên màn hình nhỏ.", "Press a column heading to sort. The table scrolls sideways on small screens.")}</p>
            <div class="table-scroll" role="region" aria-labelledby="table-h" tabindex="0">
                <table class="transparency" data-testid="transparency-table">
                    <thead><tr>{header}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn Row(row: ProvinceStats, manifest: Arc<Manifest>) -> impl IntoView {
    let lang = use_lang();
    let code = row.code.to_string();
    let route = Route::province(row.code.clone());
    let page = || route.clone();
    let only = |f: CommuneFilter| Route::Province { code: row.code.clone(), only: Some(f) };
    let pct = row.percent();
    let yes_no = |b: bool| if b { tr("Có", "Yes") } else { tr("Chưa có bản ghi", "No record yet") };
    let n_of = |n: u32, total: u32, with: CommuneFilter, without: CommuneFilter| {
        let missing = total - n;
        let (shown, none) = (format!("{n} / {total}"), format!("0 / {total}"));
        view! {
            {if n > 0 {
                view! { <AppLink route=only(with)>{shown}</AppLink> }.into_any()
            } else {
                view! { <span>{none}</span> }.into_any()
            }}
            {(missing > 0).then(|| view! {
                <br />
                <AppLink class="missing" route=only(without)>
                    {move || match lang.get() {
                        Lang::Vi => format!("thiếu {missing}"),
                        Lang::En => format!("{missing} missing"),
                    }}
                </AppLink>
            })}
        }
    };
    let hotline = match &row.hotline {
        Some(h) => {
            let label = format!("{}{}", h.number, if h.always_open { " · 24/7" } else { "" });
            view! { <AppLink route=Route::Hotlines { q: row.name.clone() }>{label}</AppLink> }.into_any()
        }
        None => match row.reported_number.clone() {
            Some(n) => view! { <AppLink route=page() class="verbatim">{n}</AppLink> }.into_any(),
            None => view! { <AppLink route=page()>{tr("Chưa có bản ghi", "No record yet")}</AppLink> }.into_any(),
        },
    };
    let sources: Vec<_> = row.sources.iter().filter_map(|id| manifest.source(id).cloned()).collect();
    let source = if sources.is_empty() {
        view! { <span class="not-published">{tr("Chưa có nguồn", "No source yet")}</span> }.into_any()
    } else {
        let text = move || {
            let l = lang.get();
            let each = sources.iter().map(|s| {
                format!("{} ({})", cuaso_edge::format::bilingual(l, &s.publisher), cuaso_edge::format::date(l, &s.date))
            });
            each.collect::<Vec<_>>().join("; ")
        };
        view! { <AppLink route=page()>{text}</AppLink> }.into_any()
    };
    let local = row.local_list.is_some();
    let procedures = move |n: u32, anchor: &'static str| {
        view! {
            <AppLink route=page() fragment=anchor>{n}</AppLink>
            {move || if local { "" } else { match lang.get() { Lang::Vi => " (quốc gia)", Lang::En => " (national)" } }}
        }
    };
    let (name, pct_text, own) = (row.name.clone(), format!("{pct}%"), row.own_procedures);
    let support = row.support_points;
    view! {
        <tr data-code=code.clone()>
            <th scope="row" data-col="name"><AppLink route=page()>{name}</AppLink></th>
            <td data-col="percent"><AppLink route=page()>{pct_text}</AppLink></td>
            <td data-col="own-procedures">
                {if own > 0 {
                    view! { <AppLink route=page() fragment="own-h">{own}</AppLink> }.into_any()
                } else {
                    view! { <AppLink route=page()>{tr("Chưa có bản ghi", "No record yet")}</AppLink> }.into_any()
                }}
            </td>
            <td data-col="procedures-province">{procedures(row.procedures.province, "by-field-h")}</td>
            <td data-col="procedures-commune">{procedures(row.procedures.commune, "communes-h")}</td>
            <td data-col="centre-address"><AppLink route=page()>{yes_no(row.centre_address)}</AppLink></td>
            <td data-col="hotline">{hotline}</td>
            <td data-col="with-address">{n_of(row.communes_with_address, row.communes, CommuneFilter::WithAddress, CommuneFilter::MissingAddress)}</td>
            <td data-col="with-phone">{n_of(row.communes_with_phone, row.communes, CommuneFilter::WithPhone, CommuneFilter::MissingPhone)}</td>
            <td data-col="support-points">
                {if support > 0 {
                    view! { <AppLink route=only(CommuneFilter::WithSupportPoints)>{support}</AppLink> }.into_any()
                } else {
                    view! { <span>"0"</span> }.into_any()
                }}
            </td>
            <td data-col="source">{source}</td>
        </tr>
    }
}
