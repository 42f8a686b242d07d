//! `/bao-loi?trang=…`: "Báo lỗi / report an error" about one page. The
//! person says what is wrong; the page composes the report (the page's
//! address, the data's version and date, the text: `cuaso_pages::report`),
//! offers it to copy, and sends it by email or to a page where whoever runs
//! this copy named one (`publisher.json`'s `report`). Where none is named it
//! says so, and points to who can correct the source: a procedure's official
//! page, the national line. What is typed is kept for the tab's life
//! (`prefs::report_draft`).

use crate::api::{self, Resource};
use crate::components::{Breadcrumb, PageMeta, Phone, NATIONAL_LINE};
use crate::i18n::{tr, use_lang};
use crate::modes::kiosk::ExternalLink;
use crate::modes::AppLink;
use cuaso_edge::link::{report_link, safe_href, ReportLink};
use cuaso_edge::Route;
use cuaso_pages::meta::{Meta, REPORT_DESCRIPTION, REPORT_TITLE};
use cuaso_pages::report;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn ReportPage() -> impl IntoView {
    let location = use_location();
    let about = Memo::new(move |_| match Route::parse(&location.pathname.get(), &location.search.get()) {
        Some(Route::Report { about }) => about.map(|r| *r),
        _ => None,
    });
    view! {
        <PageMeta meta=Meta::fixed(REPORT_TITLE, REPORT_DESCRIPTION) />
        <Breadcrumb />
        <h1>{tr("Báo lỗi", "Report an error")}</h1>
        {move || view! { <Report about=about.get() /> }}
    }
}

/// The form and the report for one page (`None`: a link that named no page).
#[component]
fn Report(about: Option<Route>) -> impl IntoView {
    let lang = use_lang();
    let manifest = Resource::new(api::manifest);
    // A link that named no page: the report says so ("—"), and the person says which.
    let page = about.as_ref().map_or_else(|| "—".to_string(), Route::href);
    let typed = RwSignal::new(crate::prefs::report_draft(&page).unwrap_or_default());
    let copied = RwSignal::new(false);
    let origin = crate::browser::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    // The page as a normal visit opens it in the same language (no kiosk or embed parameters).
    let page_url = match about {
        Some(_) => format!("{origin}{}", cuaso_modes::full_app_link(&page, lang.get_untracked())),
        None => page.clone(),
    };
    let text = {
        let page_url = page_url.clone();
        Memo::new(move |_| {
            let (version, built) = manifest
                .get()
                .and_then(Result::ok)
                .map_or_else(Default::default, |m| (m.version.clone(), cuaso_edge::format::date(lang.get(), &m.built)));
            report::body(lang.get(), &page_url, &version, &built, &typed.get())
        })
    };
    let subject = report::subject(lang.get_untracked(), &page);
    let destination = Memo::new(move |_| {
        let to = manifest.get().and_then(Result::ok).and_then(|m| m.publisher.as_ref()?.report.clone())?;
        report_link(&to, &subject, &text.get())
    });
    let on_input = {
        let page = page.clone();
        move |ev| {
            let value = event_target_value(&ev);
            crate::prefs::set_report_draft(&page, &value);
            copied.set(false);
            typed.set(value);
        }
    };
    let copy = move |_| {
        if let Some(w) = crate::browser::window() {
            let _ = w.navigator().clipboard().write_text(&text.get_untracked());
            copied.set(true);
        }
    };
    view! {
        <p class="lead" data-testid="report-about">
            {match about.clone() {
                Some(route) => view! {
                    {tr("Về trang: ", "About the page: ")}
                    <AppLink route>{page.clone()}</AppLink>
                }.into_any(),
                None => view! {
                    {tr("Liên kết này không nói trang nào; hãy ghi rõ trong nội dung.", "This link names no page; please say which one in your report.")}
                    " " <AppLink route=Route::Home>{tr("Về trang chủ", "Back to the start page")}</AppLink>
                }.into_any(),
            }}
        </p>
        {about.and_then(|r| match r { Route::Procedure(code) => Some(view! { <ProcedureSource code /> }), _ => None })}
        <div class="report-form">
        <label for="report-text">{tr("Điều gì sai hoặc còn thiếu? Nếu biết, ghi cả điều đúng và nguồn (văn bản, trang web).", "What is wrong or missing? If you know it, say what is right and where it is published.")}</label>
        <textarea id="report-text" rows="6" maxlength=report::MAX_TEXT on:input=on_input prop:value=move || typed.get()></textarea>
        <label for="report-body">{tr("Nội dung sẽ gửi", "The report as it will be sent")}</label>
        <textarea id="report-body" rows="8" readonly prop:value=move || text.get() data-testid="report-body"></textarea>
        <p class="actions">
            <button type="button" on:click=copy>
                {move || if copied.get() { tr("Đã chép", "Copied")() } else { tr("Chép nội dung", "Copy the report")() }}
            </button>
            {move || match destination.get() {
                Some(ReportLink::Email(href)) => view! {
                    <ExternalLink href class="button">{tr("Gửi qua email", "Send by email")}</ExternalLink>
                }.into_any(),
                Some(ReportLink::Page(href)) => view! {
                    <ExternalLink href class="button" new_tab=true>{tr("Mở trang nhận báo lỗi (dán nội dung đã chép)", "Open the page that takes reports (paste the copied report)")}</ExternalLink>
                }.into_any(),
                None => ().into_any(),
            }}
        </p>
        </div>
        {move || (manifest.get().is_some() && destination.get().is_none()).then(|| view! {
            <p class="note" data-testid="no-destination">
                {tr(
                    "Bản Cửa sổ số này chưa có địa chỉ nhận báo lỗi: đơn vị vận hành trang chưa công bố địa chỉ đó. Hãy chép nội dung và gửi cho họ. Cần hỗ trợ về thủ tục, hãy gọi tổng đài Cổng Dịch vụ công quốc gia: ",
                    "This copy of Cửa sổ số has no address for reports yet: whoever runs it has not published one. Please copy the report and send it to them. For help with a procedure, call the National Public Service Portal's line: ",
                )}
                <Phone number=NATIONAL_LINE.to_string() />
            </p>
        })}
    }
}

/// Who can correct a procedure's text at its source: its official page.
#[component]
fn ProcedureSource(code: cuaso_catalogue::model::ProcedureCode) -> impl IntoView {
    let procedure = Resource::new(move || {
        let code = code.clone();
        async move { api::procedure(&code).await }
    });
    move || {
        let official = procedure.get().and_then(Result::ok).and_then(|p| safe_href(&p.official_url))?;
        Some(view! {
            <p data-testid="report-source">
                {tr(
                    "Thông tin thủ tục này lấy từ Cổng Dịch vụ công quốc gia. Nếu trang chính thức cũng ghi như vậy, cơ quan công bố thủ tục mới sửa được; báo ở đây để Cửa sổ số ghi nhận: ",
                    "This procedure's information comes from the National Public Service Portal. If its official page says the same, only the body that published the procedure can correct it; report it here so that Cửa sổ số knows: ",
                )}
                <ExternalLink href=official new_tab=true>{tr("trang chính thức của thủ tục", "the procedure's official page")}</ExternalLink>
            </p>
        })
    }
}
