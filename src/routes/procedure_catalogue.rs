//! The parts of `/thu-tuc/{code}` that come from the portal's catalogue: the
//! page of a catalogue-only procedure (name, code, field, agencies, publisher,
//! who may apply, the official link, and a plain statement that the details
//! are on the official page), and the note on a procedure's kind (a
//! province's own, or internal).
//!
//! A catalogue-only page has no documents, fees or steps sections at all: an
//! empty section would read as "nothing required".

use crate::api::{self, Resource};
use crate::components::{source_of, Breadcrumb, LongHeading, PageMeta, SharePanel, SourceNote};
use crate::i18n::{say, tr, use_lang};
use crate::modes::kiosk::ExternalLink;
use crate::modes::AppLink;
use cuaso_catalogue::model::*;
use cuaso_edge::Route;
use cuaso_pages::procedure::NOT_PUBLISHED;
use leptos::prelude::*;

/// "Thủ tục riêng của Tỉnh …" or "Thủ tục nội bộ…"; nothing for a nationwide one.
#[component]
pub fn KindNote(kind: ProcedureKind, province: Option<ProvinceCode>) -> impl IntoView {
    let lang = use_lang();
    let provinces = Resource::new(api::provinces);
    match kind {
        ProcedureKind::Standard => None,
        ProcedureKind::Internal => Some(
            view! {
                <p class="notice" data-testid="kind-note">
                    <strong>{move || kind.label().pick(lang.get())}</strong>
                    {tr(
                        ": Cổng Dịch vụ công quốc gia xếp thủ tục này là nội bộ, không phải thủ tục người dân nộp hồ sơ; nó không có trong tìm kiếm và danh sách.",
                        ": the National Public Service Portal lists this as internal, not a procedure citizens apply for; it is left out of search and lists.",
                    )}
                </p>
            }
            .into_any(),
        ),
        ProcedureKind::Provincial => Some(
            view! {
                <p class="notice" data-testid="kind-note">
                    <strong>{tr("Thủ tục riêng của ", "Own procedure of ")}</strong>
                    {move || {
                        let code = province.clone()?;
                        let name = provinces
                            .get()
                            .and_then(|r| r.ok())
                            .and_then(|ps| ps.iter().find(|p| p.code == code).map(|p| p.name.clone()))
                            .unwrap_or_else(|| code.to_string());
                        Some(view! { <AppLink route=Route::province(code)>{name}</AppLink> })
                    }}
                    {tr(
                        ": do tỉnh ban hành, chỉ áp dụng trên địa bàn tỉnh.",
                        ": published by the province, in force on its territory only.",
                    )}
                </p>
            }
            .into_any(),
        ),
    }
}

/// A procedure that only the portal's catalogue lists.
#[component]
pub fn CatalogueOnlyProcedure(p: Procedure) -> impl IntoView {
    let manifest = Resource::new(api::manifest);
    let meta = cuaso_pages::meta::catalogue_procedure(&p.name, p.code.as_str());
    let source_id = p.source.clone();
    let none = || view! { <span class="not-published">{say(NOT_PUBLISHED)}</span> };
    let text_or_none = |s: Option<String>| match s {
        Some(s) if !s.is_empty() => view! { <span>{s}</span> }.into_any(),
        _ => none().into_any(),
    };
    let targets = (!p.target_groups.is_empty()).then(|| p.target_groups.join("; "));
    let field = (!p.field.is_empty()).then(|| p.field.clone());
    let official = cuaso_edge::link::safe_href(&p.official_url);
    view! {
        <PageMeta meta />
        <Breadcrumb />
        <LongHeading text=p.name.clone() />
        <KindNote kind=p.kind province=p.province.clone() />
        <section class="notice" data-testid="catalogue-only" aria-labelledby="catalogue-only-h">
            <h2 id="catalogue-only-h">{tr("Chi tiết thủ tục có trên trang chính thức", "The details are on the official page")}</h2>
            <p>{tr(
                "Cửa sổ số mới có thủ tục này từ danh mục của Cổng Dịch vụ công quốc gia (tháng 7/2026): tên, mã, lĩnh vực, cơ quan thực hiện, cơ quan công bố và đối tượng thực hiện. Thành phần hồ sơ, phí, lệ phí, thời hạn, trình tự và nơi nộp chưa có ở đây — không có nghĩa là không cần; hãy xem trang chính thức.",
                "Cửa sổ số has this procedure only from the National Public Service Portal's catalogue (July 2026): its name, code, field, agencies, publisher and who may apply. The documents, fees, time limits, steps and where to submit are not here yet — that does not mean none are needed; see the official page.",
            )}</p>
            {official.map(|href| view! {
                <p data-testid="official-link">
                    <ExternalLink href new_tab=true class="button">
                        {tr("Xem hồ sơ, phí và thời hạn trên Cổng Dịch vụ công quốc gia", "See documents, fees and times on the National Public Service Portal")}
                    </ExternalLink>
                </p>
            })}
        </section>
        <dl class="facts">
            <dt>{tr("Mã thủ tục", "Procedure code")}</dt><dd>{p.code.to_string()}</dd>
            <dt>{tr("Lĩnh vực", "Field")}</dt><dd>{text_or_none(field)}</dd>
            <dt>{tr("Cơ quan thực hiện", "Handled by")}</dt><dd>{text_or_none(p.agencies.implementing.clone())}</dd>
            <dt>{tr("Cơ quan công bố", "Published by")}</dt><dd>{text_or_none(p.publisher.clone())}</dd>
            <dt>{tr("Đối tượng thực hiện", "Who may apply")}</dt><dd>{text_or_none(targets)}</dd>
        </dl>
        {move || source_of(&manifest.get(), &source_id).map(|s| view! { <SourceNote source=s /> })}
        <SharePanel />
    }
}
