//! `/thu-tuc/{code}`: one procedure — channels with time limit and fee,
//! documents, steps, conditions, result, legal basis, the official page.

use crate::api;
use crate::components::Breadcrumb;
use crate::components::{loaded, source_of, SharePanel, SourceNote, WhereToSubmit};
use crate::i18n::{tr, use_lang, Lang};
use crate::modes::kiosk::ExternalLink;
use crate::routes::not_found::NotFoundMessage;
use crate::routes::procedure_catalogue::{CatalogueOnlyProcedure, KindNote};
use cuaso_catalogue::model::*;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProcedurePage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").and_then(|c| cuaso_edge::query::procedure_segment(&c));
    move || match code() {
        None => view! { <NotFoundMessage what=tr("Mã thủ tục không hợp lệ.", "That is not a procedure code.") /> }
            .into_any(),
        Some(code) => view! { <ProcedureView code /> }.into_any(),
    }
}

/// A parsed field: its structure, its original text, or "not published".
fn field<T: Clone + Send + Sync + 'static, V: IntoView + 'static>(
    value: &Parsed<T>,
    render: impl FnOnce(T) -> V,
) -> AnyView {
    match value {
        Parsed::Parsed(v) => render(v.clone()).into_any(),
        Parsed::Text(t) => view! {
            <p class="original-text">{t.clone()}</p>
            <p class="hint">{tr("(Nguyên văn trên Cổng Dịch vụ công quốc gia)", "(Original text from the National Public Service Portal, in Vietnamese)")}</p>
        }
        .into_any(),
        Parsed::NotPublished => view! { <p class="not-published">{tr("Không có thông tin", "No information published")}</p> }.into_any(),
    }
}

/// The portal prints some time limits as a bare number with no unit; say so
/// rather than guess one.
fn time_limit(t: Option<String>) -> AnyView {
    match t {
        Some(t) if t.chars().all(|c| c.is_ascii_digit()) => view! {
            {t} " " <small class="hint-inline">{tr("(Cổng không ghi đơn vị)", "(the portal gives no unit)")}</small>
        }
        .into_any(),
        Some(t) => view! { <span>{t}</span> }.into_any(),
        None => view! { <span class="not-published">{tr("Không có thông tin", "Not published")}</span> }.into_any(),
    }
}

fn fee_view(fee: Fee) -> AnyView {
    match fee {
        Fee::Free => view! { <strong class="free">{tr("Miễn phí", "Free of charge")}</strong> }.into_any(),
        Fee::Charged(t) => view! { <span>{t}</span> }.into_any(),
        Fee::NotPublished => {
            view! { <span class="not-published">{tr("Không có thông tin", "Not published")}</span> }.into_any()
        }
    }
}

#[component]
fn ProcedureView(code: ProcedureCode) -> impl IntoView {
    let data = LocalResource::new(move || {
        let code = code.clone();
        async move { api::procedure(&code).await }
    });
    let manifest = LocalResource::new(api::manifest);
    let lang = use_lang();
    loaded(
        data,
        tr("Không có thủ tục với mã này trong danh mục.", "There is no procedure with this code in the catalogue."),
        move |p| {
            let p = p.as_ref().clone();
            if p.catalogue_only {
                return view! { <CatalogueOnlyProcedure p /> }.into_any();
            }
            let title = format!("{} — Cửa sổ số", p.name);
            let description =
                format!("{} ({}): thành phần hồ sơ, thời hạn, phí, lệ phí, trình tự thực hiện.", p.name, p.code);
            let levels = p.levels.clone();
            let source_id = p.source.clone();
            let channels = field(&p.channels, |cs| {
                view! {
                    <table class="channels" data-testid="channels">
                        <thead><tr>
                            <th scope="col">{tr("Hình thức nộp", "How to submit")}</th>
                            <th scope="col">{tr("Thời hạn giải quyết", "Time limit")}</th>
                            <th scope="col">{tr("Phí, lệ phí", "Fees")}</th>
                        </tr></thead>
                        <tbody>
                            {cs.into_iter().map(|c| {
                                let ch = c.channel;
                                view! {
                                    <tr>
                                        <th scope="row">{move || if lang.get() == Lang::Vi { ch.label_vi() } else { ch.label_en() }}</th>
                                        <td>{time_limit(c.time_limit)}</td>
                                        <td>{fee_view(c.fee)} {c.note.map(|n| view! { <br /> <small>{n}</small> })}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            });
            let documents = field(&p.documents, |groups| {
                groups.into_iter().map(|g| view! {
            <div class="doc-group">
                {g.heading.map(|h| view! { <h3>{h}</h3> })}
                <ul class="documents" data-testid="documents">
                    {g.documents.into_iter().map(|d| {
                        let (o, c) = (d.originals, d.copies);
                        view! {
                            <li>
                                <span class="doc-name">{d.name}</span>
                                <span class="doc-count">{move || match lang.get() {
                                    Lang::Vi => format!("{o} bản chính, {c} bản sao"),
                                    Lang::En => format!("{o} original(s), {c} copy(ies)"),
                                }}</span>
                                {d.form.map(|f| view! { <span class="doc-form">{tr("Mẫu: ", "Form: ")} {f}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        }).collect_view()
            });
            let steps = field(
                &p.steps,
                |s| view! { <ol class="steps">{s.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ol> },
            );
            let conditions = field(&p.conditions, |c| {
                if c.is_empty() {
                    view! { <p>{tr("Không có yêu cầu, điều kiện.", "No requirements or conditions.")}</p> }.into_any()
                } else {
                    view! { <ul>{c.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
                }
            });
            let results = field(
                &p.results,
                |r| view! { <ul>{r.into_iter().map(|d| view! { <li>{d.name} {d.code.map(|c| view! { " " <small>"(" {c} ")"</small> })}</li> }).collect_view()}</ul> },
            );
            let legal = field(
                &p.legal_basis,
                |l| view! { <ul class="legal">{l.into_iter().map(|d| view! { <li><strong>{d.number}</strong> " — " {d.title}</li> }).collect_view()}</ul> },
            );
            let targets = if p.target_groups.is_empty() { "—".to_string() } else { p.target_groups.join("; ") };
            let agency = p.agencies.implementing.clone().or(p.agencies.competent.clone());
            view! {
                <Title text=title />
                <Meta name="description" content=description />
                <Breadcrumb />
                <h1>{p.name.clone()}</h1>
                <KindNote kind=p.kind province=p.province.clone() />
            <p class="print-only">
                {tr("Danh sách cần chuẩn bị trước khi đi nộp hồ sơ — in từ Cửa sổ số.", "Before you go: what to prepare — printed from Cửa sổ số.")}
            </p>
                <dl class="facts">
                    <dt>{tr("Mã thủ tục", "Procedure code")}</dt><dd>{p.code.to_string()}</dd>
                    <dt>{tr("Lĩnh vực", "Field")}</dt><dd>{p.field.clone()}</dd>
                    <dt>{tr("Cấp thực hiện", "Level")}</dt>
                    <dd>{move || levels.iter().map(|l| if lang.get() == Lang::Vi { l.label_vi() } else { l.label_en() }).collect::<Vec<_>>().join(", ")}</dd>
                    <dt>{tr("Cơ quan ban hành danh mục", "Listed by")}</dt><dd>{p.authority.clone()}</dd>
                    {agency.map(|a| view! { <dt>{tr("Cơ quan thực hiện", "Handled by")}</dt><dd>{a}</dd> })}
                    <dt>{tr("Đối tượng thực hiện", "Who may apply")}</dt><dd>{targets}</dd>
                    {p.decision.clone().map(|d| view! { <dt>{tr("Quyết định công bố", "Published by decision")}</dt><dd>{d}</dd> })}
                </dl>
                <WhereToSubmit levels=p.levels.clone() agency=p.agencies.implementing.clone().or(p.agencies.competent.clone()) handler=cuaso_catalogue::handler::handler(&p) />
            <section aria-labelledby="channels-h"><h2 id="channels-h">{tr("Cách thức thực hiện, thời hạn và phí", "How to submit, time limit and fees")}</h2>{channels}</section>
                <section aria-labelledby="docs-h"><h2 id="docs-h">{tr("Thành phần hồ sơ", "Documents to bring")}</h2>{documents}</section>
                <section aria-labelledby="steps-h"><h2 id="steps-h">{tr("Trình tự thực hiện", "Steps")}</h2>{steps}</section>
                <section aria-labelledby="cond-h"><h2 id="cond-h">{tr("Yêu cầu, điều kiện", "Requirements and conditions")}</h2>{conditions}</section>
                <section aria-labelledby="result-h"><h2 id="result-h">{tr("Kết quả", "Result")}</h2>{results}</section>
                <section aria-labelledby="legal-h"><h2 id="legal-h">{tr("Căn cứ pháp lý", "Legal basis")}</h2>{legal}</section>
                {cuaso_edge::link::safe_href(&p.official_url).map(|href| view! {
                    <p>
                        <ExternalLink href new_tab=true>
                            {tr("Xem trên Cổng Dịch vụ công quốc gia", "View on the National Public Service Portal")}
                        </ExternalLink>
                    </p>
                })}
                {move || source_of(&manifest.get(), &source_id).map(|s| view! { <SourceNote source=s /> })}
            <SharePanel />
            }
            .into_any()
        },
    )
}
