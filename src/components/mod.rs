//! Widgets shared by several pages.

mod by_field;
mod long_title;
mod network;
mod not_found;
mod page_meta;
mod share;
mod where_to_submit;
pub use by_field::{CommuneProcedures, FieldGroups, ProceduresByField};
pub use long_title::{LongHeading, TitleToggle};
pub use network::NetworkStatus;
pub use not_found::NotFoundMessage;
#[cfg(feature = "ssr")]
pub use page_meta::PrerenderedMeta;
pub use page_meta::{PageMeta, QueryPageMeta};
pub use share::SharePanel;
pub use where_to_submit::WhereToSubmit;

use crate::api::{self, ApiError, Loaded, Resource};
use crate::i18n::{tr, use_lang, Lang};
use crate::modes::kiosk::ExternalLink;
use crate::modes::AppLink;
use cuaso_catalogue::model::*;
use cuaso_edge::Route;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::rc::Rc;

/// The national support line of the National Public Service Portal.
pub const NATIONAL_LINE: &str = "1800 1096";

/// Renders a loading resource: a status while it loads, a clear error with a
/// way out if it fails, `render` once it is there. `missing` says what a 404 means.
pub fn loaded<T: 'static, V: IntoView + 'static>(
    res: Resource<Loaded<T>>,
    missing: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
    render: impl Fn(Rc<T>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    rerun_failed(move || matches!(res.get_untracked(), Some(Err(e)) if e.is_passing()), move || res.refetch());
    move || match res.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(v)) => render(v).into_any(),
        Some(Err(ApiError::NotFound)) => view! { <NotFoundMessage what=missing /> }.into_any(),
        Some(Err(e)) => view! { <LoadError error=e /> }.into_any(),
    }
}

/// The window event a "try again" button sends: every failed load on the
/// page re-runs, not only the one beside the button.
const RETRY_EVENT: &str = "cuaso-retry";

/// Re-runs a load (`rerun`) whose last attempt failed for want of a network
/// (`failed()`), when the browser comes back online or a "try again" button
/// is pressed, for as long as the calling component lives.
pub fn rerun_failed(failed: impl Fn() -> bool + Clone + 'static, rerun: impl Fn() + Clone + 'static) {
    let (f, r) = (failed.clone(), rerun.clone());
    let online = window_event_listener(leptos::ev::online, move |_| {
        if f() {
            r();
        }
    });
    let retry = leptos::leptos_dom::helpers::window_event_listener_untyped(RETRY_EVENT, move |_| {
        if failed() {
            rerun();
        }
    });
    on_cleanup(move || {
        online.remove();
        retry.remove();
    });
}

fn retry_all() {
    if let (Some(w), Ok(e)) = (crate::browser::window(), web_sys::Event::new(RETRY_EVENT)) {
        let _ = w.dispatch_event(&e);
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status">
            {tr("Đang tải dữ liệu…", "Loading data…")}
        </p>
    }
}

/// A failed load: what happened, in plain words, with "try again" and a way
/// home. "Try again" re-runs every failed load of the page in place (see
/// [`rerun_failed`]), keeping the rest of the page and what was typed.
#[component]
pub fn LoadError(error: ApiError) -> impl IntoView {
    let lang = use_lang();
    let detail = match &error {
        ApiError::UnknownFormat(v) => format!("format {v}"),
        ApiError::Malformed(m) | ApiError::Network(m) => m.chars().take(200).collect(),
        ApiError::Timeout => format!("timeout {} s", api::TIMEOUT_MS / 1000),
        ApiError::NotFound => "404".into(),
    };
    let message = move || match (&error, lang.get()) {
        (ApiError::Network(_), Lang::Vi) => "Không tải được dữ liệu. Hãy kiểm tra kết nối mạng rồi thử lại.",
        (ApiError::Network(_), Lang::En) => "The data could not be loaded. Check your connection and try again.",
        (ApiError::Timeout, Lang::Vi) => "Máy chủ trả lời quá lâu. Hãy kiểm tra kết nối mạng rồi thử lại.",
        (ApiError::Timeout, Lang::En) => "The server took too long to answer. Check your connection and try again.",
        (ApiError::UnknownFormat(_), Lang::Vi) => "Dữ liệu mới hơn phiên bản ứng dụng này. Hãy tải lại trang.",
        (ApiError::UnknownFormat(_), Lang::En) => "The data is newer than this version of the app. Reload the page.",
        (_, Lang::Vi) => "Dữ liệu nhận được bị lỗi. Hãy thử lại sau.",
        (_, Lang::En) => "The data received is damaged. Please try again later.",
    };
    view! {
        <section class="notice notice-error" role="alert" data-testid="load-error">
            <h1>{tr("Có lỗi khi tải dữ liệu", "Something went wrong loading the data")}</h1>
            <p>{message}</p>
            <p class="detail">{detail}</p>
            <p class="actions">
                <button type="button" data-testid="retry" on:click=|_| retry_all()>{tr("Thử lại", "Try again")}</button>
                <AppLink route=Route::Home>{tr("Về trang chủ", "Back to the home page")}</AppLink>
            </p>
        </section>
    }
}

/// The trail above a page's heading: "Trang chủ" and, after it, the links
/// given as children (each page that has a parent names it there).
#[component]
pub fn Breadcrumb(#[prop(optional)] children: Option<Children>) -> impl IntoView {
    view! {
        <nav class="breadcrumb" aria-label=tr("Vị trí", "Breadcrumb")>
            <AppLink route=Route::Home>{tr("Trang chủ", "Home")}</AppLink>
            {children.map(|c| view! { " › " {c()} })}
        </nav>
    }
}

/// "Not yet published", for any value no source gives.
#[component]
pub fn NotPublished() -> impl IntoView {
    view! { <span class="not-published">{tr("Chưa công bố", "Not yet published")}</span> }
}

/// A phone number as a `tel:` link (as plain text if it has no digits).
#[component]
pub fn Phone(number: String) -> impl IntoView {
    match cuaso_edge::link::tel_href(&number) {
        Some(href) => view! { <ExternalLink href class="phone">{number}</ExternalLink> }.into_any(),
        None => view! { <span class="phone">{number}</span> }.into_any(),
    }
}

/// Links to a point on OpenStreetMap and in the device's map app.
#[component]
pub fn MapLinks(at: LatLon) -> impl IntoView {
    let (osm, geo) = cuaso_edge::link::map_hrefs(at)?;
    Some(view! {
        <span class="map-links">
            <ExternalLink href=osm new_tab=true>{tr("Bản đồ (OpenStreetMap)", "Map (OpenStreetMap)")}</ExternalLink>
            " · "
            <ExternalLink href=geo>{tr("Mở trong ứng dụng bản đồ", "Open in a map app")}</ExternalLink>
        </span>
    })
}

/// One support point (a post office): name, address, phones, map links.
#[component]
pub fn SupportPointItem(point: SupportPoint) -> impl IntoView {
    view! {
        <li>
            <strong>{point.name}</strong>
            {point.address.map(|a| view! { <br /> {a} })}
            {point.phones.into_iter().map(|p| view! { <br /> <Phone number=p /> }).collect_view()}
            {point.location.map(|at| view! { <br /> <MapLinks at /> })}
        </li>
    }
}

/// A service centre's card: published contact details, or a plain statement
/// that they are not yet published, with the national line to call instead.
#[component]
pub fn CentreCard(centre: ServiceCentre, source: Option<Source>) -> impl IntoView {
    let published = centre.is_published();
    let heading = match centre.level {
        CentreLevel::Province => {
            tr("Trung tâm Phục vụ hành chính công cấp tỉnh", "Provincial Public Administrative Service Centre")
        }
        CentreLevel::Commune => {
            tr("Trung tâm Phục vụ hành chính công cấp xã", "Commune Public Administrative Service Centre")
        }
    };
    let address = match centre.address {
        Some(a) => view! { <span>{a}</span> }.into_any(),
        None => view! { <NotPublished /> }.into_any(),
    };
    let phones = if centre.phones.is_empty() {
        view! { <NotPublished /> }.into_any()
    } else {
        centre.phones.into_iter().map(|p| view! { <Phone number=p /> " " }).collect_view().into_any()
    };
    let hotline = match centre.hotline {
        Some(h) => view! {
            <Phone number=h.number />
            {h.always_open.then(|| view! { " " <span class="badge">"24/7"</span> })}
        }
        .into_any(),
        None => view! { <NotPublished /> }.into_any(),
    };
    let hours = match centre.hours {
        Some(h) => view! { <span>{h}</span> }.into_any(),
        None => view! { <NotPublished /> }.into_any(),
    };
    view! {
        <section class="card centre-card" data-testid="centre-card">
            <h2>{heading}</h2>
            <p class="centre-name">{centre.name}</p>
            <dl>
                <dt>{tr("Địa chỉ", "Address")}</dt>
                <dd>{address}</dd>
                <dt>{tr("Điện thoại", "Phone")}</dt>
                <dd>{phones}</dd>
                <dt>{tr("Đường dây nóng", "Hotline")}</dt>
                <dd>{hotline}</dd>
                <dt>{tr("Giờ làm việc", "Opening hours")}</dt>
                <dd>{hours}</dd>
            </dl>
            {(!centre.reported.is_empty()).then(|| view! { <ReportedValues reported=centre.reported.clone() /> })}
            {centre.location.map(|at| view! { <p><MapLinks at /></p> })}
            {(!published).then(|| view! {
                <p class="hint">
                    {tr(
                        "Cửa sổ số chưa có bản ghi đã công bố về thông tin liên hệ của trung tâm này (không có nghĩa là tỉnh chưa công bố). Cần hỗ trợ, hãy gọi tổng đài Cổng Dịch vụ công quốc gia: ",
                        "Cửa sổ số has no published record of this centre's contact details yet (which does not mean the province has published none). For help, call the National Public Service Portal's line: ",
                    )}
                    <Phone number=NATIONAL_LINE.to_string() />
                    " · "
                    <ReportError label=cuaso_catalogue::lang::Text::new("Biết địa chỉ, số điện thoại? Báo cho Cửa sổ số", "Know the address or phone? Tell Cửa sổ số") />
                </p>
            })}
            {source.map(|s| view! { <SourceNote source=s /> })}
        </section>
    }
}

/// What public sources report about a centre: each value verbatim, with
/// its source, where and when it was published, and its trust label. "24/7"
/// appears only inside a value that says it.
#[component]
pub fn ReportedValues(reported: Vec<Reported>) -> impl IntoView {
    let manifest = Resource::new(api::manifest);
    let lang = use_lang();
    view! {
        <div class="reported" data-testid="reported">
            <h3>{tr("Theo các nguồn đã công bố (nguyên văn)", "As public sources report it (verbatim, in Vietnamese)")}</h3>
            <ul>
                {reported.into_iter().map(|r| {
                    let field = r.field;
                    let source_id = r.source.clone();
                    let citations = r.citations.into_iter().map(|c| {
                        let place = match cuaso_edge::link::safe_href(&c.url) {
                            Some(href) => view! { <ExternalLink href new_tab=true>{c.url.clone()}</ExternalLink> }.into_any(),
                            None => view! { <span>{c.url.clone()}</span> }.into_any(),
                        };
                        let d = c.date;
                        view! { <li>{place} ", " {move || cuaso_edge::format::dates_in(lang.get(), &d)}</li> }
                    }).collect_view();
                    view! {
                        <li data-field=format!("{field:?}")>
                            <strong>{move || field.label().pick(lang.get())}": "</strong>
                            <span class="verbatim">{r.value}</span>
                            <p class="source-note">
                                {tr("Nguồn: ", "Source: ")}
                                {move || manifest.get().and_then(|m| m.ok()).and_then(|m| m.source(&source_id).map(|s| {
                                    let name = if lang.get() == Lang::Vi { s.name.clone() } else { s.name_en.clone() };
                                    format!("{name}, {}", cuaso_edge::format::date(lang.get(), &s.date))
                                }))}
                                {tr(" · độ tin cậy: ", " · trust: ")}
                                {let t = r.trust; move || cuaso_edge::format::trust(lang.get(), &t).to_string()}
                                {r.note.map(|n| view! {
                                    <span class="caveat">" — " {move || cuaso_edge::format::bilingual(lang.get(), &n).to_string()}</span>
                                })}
                            </p>
                            <ul class="citations">{citations}</ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// "Source: …, date", with its caveat.
#[component]
pub fn SourceNote(source: Source) -> impl IntoView {
    let lang = use_lang();
    let (vi, en) = (source.name.clone(), source.name_en.clone());
    let name = move || if lang.get() == Lang::Vi { vi.clone() } else { en.clone() };
    let date = source.date.clone();
    view! {
        <p class="source-note" data-testid="source-note">
            {tr("Nguồn: ", "Source: ")}
            {name}
            ", "
            {move || cuaso_edge::format::date(lang.get(), &date)}
            {source.caveat.map(|c| view! {
                <span class="caveat">" — " {move || cuaso_edge::format::bilingual(lang.get(), &c).to_string()}</span>
            })}
        </p>
    }
}

/// "Báo lỗi / report an error" about the page being shown (`/bao-loi?trang=…`):
/// one tap from the footer of every page and from each gap the page admits.
/// A kiosk has no keyboard for a long text: there it is a QR code of the
/// report page, to write on one's phone.
#[component]
pub fn ReportError(#[prop(optional)] label: Option<cuaso_catalogue::lang::Text>) -> impl IntoView {
    let location = use_location();
    let label = label.unwrap_or(cuaso_catalogue::lang::Text::new("Báo lỗi", "Report an error"));
    let lang = use_lang();
    let kiosk = crate::modes::use_mode().kind() == cuaso_modes::Kind::Kiosk;
    move || {
        let route = match Route::parse(&location.pathname.get(), &location.search.get()) {
            Some(here) => Route::report(&here),
            None => Route::Report { about: None },
        };
        let text = move || label.pick(lang.get());
        let origin = crate::browser::window().and_then(|w| w.location().origin().ok());
        match origin.filter(|_| kiosk) {
            Some(origin) => {
                let href = format!("{origin}{}", cuaso_modes::full_app_link(&route.href(), lang.get_untracked()));
                view! { <ExternalLink href class="report-error">{text}</ExternalLink> }.into_any()
            }
            None => view! { <AppLink route class="report-error">{text}</AppLink> }.into_any(),
        }
    }
}

/// The footer: where the data comes from and when, from the manifest itself.
#[component]
pub fn SourcesFooter() -> impl IntoView {
    let manifest = Resource::new(api::manifest);
    let lang = use_lang();
    view! {
        <footer class="site-footer">
            <p>
                {tr("Cần hỗ trợ? Tổng đài Cổng Dịch vụ công quốc gia: ", "Need help? National Public Service Portal line: ")}
                <Phone number=NATIONAL_LINE.to_string() />
            </p>
            <p>
                {tr("Thông tin trên trang này sai hoặc thiếu? ", "Something on this page wrong or missing? ")}
                <ReportError />
            </p>
            {move || manifest.get().and_then(Result::ok).map(|m| {
                let l = lang.get();
                let sources = m
                    .sources
                    .iter()
                    .map(|s| {
                        let name = if l == Lang::Vi { s.name.clone() } else { s.name_en.clone() };
                        view! { <li>{name} " (" {cuaso_edge::format::date(l, &s.date)} ")"</li> }
                    })
                    .collect_view();
                let publisher = m.publisher.as_ref().map(|p| if l == Lang::Vi { p.name.clone() } else { p.name_en.clone() });
                let origin = (api::data_root() != api::DEFAULT_DATA_ROOT).then(|| api::data_root().to_string());
                view! {
                    {publisher.map(|p| view! {
                        <p data-testid="publisher">
                            {tr("Dữ liệu của: ", "Data from: ")} {p}
                            {origin.map(|o| view! { " (" {o} ")" })}
                        </p>
                    })}
                    <p><AppLink route=Route::Transparency>{tr("Minh bạch: Cửa sổ số có gì về từng tỉnh", "Transparency: what this catalogue holds for each province")}</AppLink></p>
                    <details class="sources">
                        <summary>
                            {tr("Nguồn dữ liệu", "Data sources")} " · "
                            {tr("phiên bản ", "version ")} {m.version.clone()} ", "
                            {tr("tạo ngày ", "built ")} <span data-testid="built">{cuaso_edge::format::date(l, &m.built)}</span>
                        </summary>
                        <ul>{sources}</ul>
                    </details>
                }
            })}
        </footer>
    }
}

/// Looks a source up in the manifest (already loaded by every page).
pub fn source_of(manifest: &Option<Loaded<cuaso_catalogue::format::Manifest>>, id: &str) -> Option<Source> {
    manifest.as_ref()?.as_ref().ok()?.source(id).cloned()
}
