//! `/thu-tuc/{code}`: one procedure — channels with time limit and fee,
//! documents, steps, conditions, result, legal basis, the official page.

use crate::api::{self, Resource};
use crate::components::NotFoundMessage;
use crate::components::{loaded, source_of, SharePanel, SourceNote, WhereToSubmit};
use crate::components::{Breadcrumb, LongHeading, PageMeta};
use crate::i18n::{say, say_owned, tr, use_lang};
use crate::modes::kiosk::ExternalLink;
use crate::routes::procedure_catalogue::{CatalogueOnlyProcedure, KindNote};
use cuaso_catalogue::model::*;
use cuaso_pages::procedure::{count_label, fee_lead, fee_text, TimeLimit, NOT_PUBLISHED};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProcedurePage() -> impl IntoView {
    let params = use_params_map();
    let code =
        move || params.read().get(cuaso_edge::route::CODE_PARAM).and_then(|c| cuaso_edge::query::procedure_segment(&c));
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
        Parsed::NotPublished => view! { <p class="not-published">{say(NOT_PUBLISHED)}</p> }.into_any(),
    }
}

/// A collapsible section of the page: open ones make the first screen (what to
/// bring, where, how long and what it costs); the rest are one tap away.
#[component]
fn Section(
    id: &'static str,
    title: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
    #[prop(optional)] open: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <details class="proc-section" id=id open=open>
            <summary><h2 id=format!("{id}-h")>{title}</h2></summary>
            {children()}
        </details>
    }
}

/// A channel's time limit as [`TimeLimit`] reads it: a bare number says that
/// its unit is not given, rather than guess one.
fn time_limit(t: Option<String>) -> AnyView {
    match TimeLimit::of(t.as_deref()) {
        TimeLimit::NoUnit(n) => view! {
            <span>{n.to_string()} " — " {say(TimeLimit::NO_UNIT)}</span>
            " " <small class="hint-inline">{say(TimeLimit::NO_UNIT_WHY)}</small>
        }
        .into_any(),
        TimeLimit::Stated(t) => view! { <span>{t.to_string()}</span> }.into_any(),
        TimeLimit::NotPublished => view! { <span class="not-published">{say(NOT_PUBLISHED)}</span> }.into_any(),
    }
}

/// A fee as [`fee_lead`] reads it: "Miễn phí" only when the source says free and
/// nothing else; the portal's own text beneath a may-apply lead.
fn fee_view(fee: Fee) -> AnyView {
    let text = fee_text(&fee).map(str::to_string);
    match (&fee, fee_lead(&fee)) {
        (Fee::Free, Some(lead)) => view! { <strong class="free">{say(lead)}</strong> }.into_any(),
        (Fee::MayApply(_), Some(lead)) => view! {
            <strong class="fee-may">{say(lead)}</strong>
            <small class="portal-text">{tr("Cổng ghi: ", "The portal says (in Vietnamese): ")} "«" {text} "»"</small>
        }
        .into_any(),
        (_, Some(lead)) => view! { <span class="not-published">{say(lead)}</span> }.into_any(),
        (_, None) => view! { <span>{text}</span> }.into_any(),
    }
}

#[component]
fn Channels(channels: Vec<ChannelOption>) -> impl IntoView {
    let lang = use_lang();
    let (how, time, fees) =
        (tr("Hình thức nộp", "How to submit"), tr("Thời hạn giải quyết", "Time limit"), tr("Phí, lệ phí", "Fees"));
    view! {
        <table class="channels" data-testid="channels">
            <thead><tr><th scope="col">{how}</th><th scope="col">{time}</th><th scope="col">{fees}</th></tr></thead>
            <tbody>
                {channels.into_iter().map(|c| {
                    let ch = c.channel;
                    view! {
                        <tr>
                            <th scope="row">{move || ch.label().pick(lang.get())}</th>
                            <td><span class="cell-label">{time}": "</span>{time_limit(c.time_limit)}</td>
                            <td><span class="cell-label">{fees}": "</span>{fee_view(c.fee)} {c.note.map(|n| view! { <small class="channel-note">{n}</small> })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn DocumentItem(d: Document, official: Option<String>) -> impl IntoView {
    let (o, c) = (d.originals, d.copies);
    view! {
        <li class:conditional=d.conditional>
            <span class="doc-name">{d.name}</span>
            {count_label(o, c).map(|t| view! { <span class="doc-count">{say_owned(t)}</span> })}
            {d.form.map(|f| view! {
                <span class="doc-form">
                    {tr("Mẫu đơn, tờ khai: ", "Form: ")} {f}
                    {official.map(|href| view! {
                        " — " <ExternalLink href new_tab=true>{tr("lấy mẫu trên Cổng Dịch vụ công", "get it on the National Public Service Portal")}</ExternalLink>
                    })}
                </span>
            })}
        </li>
    }
}

/// Documents as the data tool arranged them: what everyone brings first, the
/// cases after, the portal's notes apart and folded.
#[component]
fn Documents(groups: Vec<DocumentGroup>, official: Option<String>) -> impl IntoView {
    // No paper listed at all (2.001201: only "không quy định"): the notes are the answer.
    let none_listed = groups.iter().all(|g| g.documents.is_empty());
    let intro = none_listed.then(|| {
        view! { <p>{tr("Cổng không liệt kê giấy tờ nào cho thủ tục này; lưu ý của Cổng:", "The portal lists no document for this procedure; its notes:")}</p> }
    });
    let groups = groups
        .into_iter()
        .map(|g| {
            let (cases, everyone): (Vec<Document>, Vec<Document>) = g.documents.into_iter().partition(|d| d.conditional);
            let items = |docs: Vec<Document>| {
                let official = official.clone();
                docs.into_iter().map(move |d| view! { <DocumentItem d official=official.clone() /> }).collect_view()
            };
            let n = g.notes.len();
            let notes_only = everyone.is_empty() && cases.is_empty();
            view! {
                <div class="doc-group" class:notes-only=notes_only>
                    {g.heading.map(|h| view! { <h3>{h}</h3> })}
                    {(!everyone.is_empty()).then(|| view! { <ul class="documents" data-testid="documents">{items(everyone)}</ul> })}
                    {(!cases.is_empty()).then(|| view! {
                        <p class="doc-cases-h">{tr("Chỉ khi thuộc trường hợp nêu:", "Only in the case stated:")}</p>
                        <ul class="documents documents-cases" data-testid="documents-cases">{items(cases)}</ul>
                    })}
                    {(n > 0).then(|| view! {
                        <details class="doc-notes" data-testid="doc-notes" open=none_listed>
                            <summary>{tr("Lưu ý của Cổng", "The portal's notes (Vietnamese)")} " (" {n} ")"</summary>
                            <ul>{g.notes.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                        </details>
                    })}
                </div>
            }
        })
        .collect_view();
    view! { {intro} {groups} }
}

#[component]
fn ProcedureView(code: ProcedureCode) -> impl IntoView {
    let data = Resource::new(move || {
        let code = code.clone();
        async move { api::procedure(&code).await }
    });
    let manifest = Resource::new(api::manifest);
    let lang = use_lang();
    loaded(
        data,
        tr("Không có thủ tục với mã này trong danh mục.", "There is no procedure with this code in the catalogue."),
        move |p| {
            let p = p.as_ref().clone();
            if p.catalogue_only {
                return view! { <CatalogueOnlyProcedure p /> }.into_any();
            }
            let meta = cuaso_pages::meta::procedure(&p.name, p.code.as_str());
            let levels = p.levels.clone();
            let level_names = move |levels: Vec<Level>| {
                move || levels.iter().map(|l| l.label().pick(lang.get())).collect::<Vec<_>>().join(", ")
            };
            let source_id = p.source.clone();
            let official = cuaso_edge::link::safe_href(&p.official_url);
            let channels = field(&p.channels, |channels| view! { <Channels channels /> });
            let documents = field(&p.documents, {
                let official = official.clone();
                move |groups| view! { <Documents groups official /> }
            });
            let steps = field(
                &p.steps,
                // The portal writes its own markers ("- ", "+ ", "Bước 1:"): a plain
                // list, so that no number of ours doubles them ("1. - Nếu…").
                |s| {
                    view! {
                        <ul class="steps">
                            {s.into_iter().map(|t| { let sub = t.starts_with("+ "); view! { <li class:sub=sub>{t}</li> } }).collect_view()}
                        </ul>
                    }
                },
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
                <PageMeta meta />
                <Breadcrumb />
                <LongHeading text=p.name.clone() />
                <KindNote kind=p.kind province=p.province.clone() />
                <p class="print-only">
                    {tr("Danh sách cần chuẩn bị trước khi đi nộp hồ sơ — in từ Cửa sổ số.", "Before you go: what to prepare — printed from Cửa sổ số.")}
                </p>
                <p class="proc-meta">{p.code.to_string()} " · " {p.field.clone()} " · " {level_names(levels.clone())}</p>
                <Section id="docs" title=tr("Giấy tờ cần mang", "What to bring") open=true>{documents}</Section>
                <WhereToSubmit levels=p.levels.clone() agency=agency.clone() handler=cuaso_catalogue::handler::handler(&p) />
                <Section id="channels" title=tr("Cách nộp, thời hạn và phí", "How to submit, time limit and fees") open=true>{channels}</Section>
                <Section id="steps" title=tr("Trình tự thực hiện", "Steps")>{steps}</Section>
                <Section id="cond" title=tr("Yêu cầu, điều kiện", "Requirements and conditions")>{conditions}</Section>
                <Section id="result" title=tr("Kết quả", "Result")>{results}</Section>
                <Section id="facts" title=tr("Thông tin thủ tục", "About this procedure")>
                    <dl class="facts">
                        <dt>{tr("Mã thủ tục", "Procedure code")}</dt><dd>{p.code.to_string()}</dd>
                        <dt>{tr("Lĩnh vực", "Field")}</dt><dd>{p.field.clone()}</dd>
                        <dt>{tr("Cấp thực hiện", "Level")}</dt><dd>{level_names(levels)}</dd>
                        <dt>{tr("Cơ quan ban hành danh mục", "Listed by")}</dt><dd>{p.authority.clone()}</dd>
                        {agency.map(|a| view! { <dt>{tr("Cơ quan thực hiện", "Handled by")}</dt><dd>{a}</dd> })}
                        <dt>{tr("Đối tượng thực hiện", "Who may apply")}</dt><dd>{targets}</dd>
                        {p.decision.clone().map(|d| view! { <dt>{tr("Quyết định công bố", "Published by decision")}</dt><dd>{d}</dd> })}
                    </dl>
                </Section>
                <Section id="legal" title=tr("Căn cứ pháp lý", "Legal basis")>{legal}</Section>
                {official.map(|href| view! {
                    <p class="official-link">
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
