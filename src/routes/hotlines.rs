//! `/duong-day-nong?q=…`: every published hotline and phone number — the
//! national line first, then each province (by name) with its provincial
//! centre's numbers and, on opening, its communes' published numbers.
//!
//! Loading: the first screen needs only `provinces.json` (the provincial
//! centres) and `communes.json` (names, for the filter). Which communes have
//! published numbers is only in the province files, so a province's file is
//! fetched when its list is opened — by the person, or by the filter when the
//! name typed matches communes in at most `cuaso_pages::hotlines::AUTO_OPEN`
//! provinces (the filter is `cuaso_pages::hotlines`). Files are
//! kept by `api` for the life of the page.

use crate::api::{self, ApiError, Loaded, Resource};
use crate::components::Breadcrumb;
use crate::components::PageMeta;
use crate::components::{loaded, source_of, Loading, NotPublished, Phone, ReportedValues, SourceNote, NATIONAL_LINE};
use crate::i18n::{tr, url_lang, use_lang, Lang};
use crate::modes::AppLink;
use cuaso_catalogue::format::ProvinceFile;
use cuaso_catalogue::lang::Text;
use cuaso_catalogue::model::*;
use cuaso_catalogue::text::sort_key;
use cuaso_edge::Route;
use cuaso_pages::hotlines::{Entry, Index, Shown};
use cuaso_pages::meta::Meta;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

async fn load() -> Result<Rc<Index>, ApiError> {
    let provinces = api::provinces().await?;
    let communes = api::communes().await?;
    Ok(Rc::new(Index::new(&provinces, &communes)))
}

/// Province files, fetched on demand. An entry is `None` while it loads.
#[derive(Clone, Copy)]
struct Files(RwSignal<HashMap<ProvinceCode, Option<Loaded<ProvinceFile>>>, LocalStorage>);

impl Files {
    fn new() -> Self {
        Files(RwSignal::new_local(HashMap::new()))
    }

    /// Starts loading `code`'s file unless it is loaded or loading.
    fn request(self, code: &ProvinceCode) {
        if self.0.with_untracked(|m| m.contains_key(code)) {
            return;
        }
        self.0.update(|m| {
            m.insert(code.clone(), None);
        });
        let code = code.clone();
        crate::browser::spawn(async move {
            let result = api::province_file(&code).await;
            self.0.try_update(|m| {
                m.insert(code, Some(result));
            });
        });
    }

    fn retry(self, code: &ProvinceCode) {
        self.0.update(|m| {
            m.remove(code);
        });
        self.request(code);
    }

    /// The state of `code`'s file: not asked (`None`), loading (`Some(None)`), or loaded.
    fn get(self, code: &ProvinceCode) -> Option<Option<Loaded<ProvinceFile>>> {
        self.0.with(|m| m.get(code).cloned())
    }
}

/// A centre's published numbers as `tel:` links (hotline with a 24/7 badge
/// when it is always open), or "not yet published".
fn numbers(centre: &ServiceCentre) -> AnyView {
    let reported: Vec<Reported> = centre.reported.iter().filter(|r| r.field.has_number()).cloned().collect();
    if centre.phones.is_empty() && centre.hotline.is_none() && reported.is_empty() {
        return view! { <NotPublished /> }.into_any();
    }
    // Reported values stay verbatim text with their source and date: a text
    // like "024.1022 - nhánh 7, 8 và … 19001009" is not one dialable number.
    let reported = (!reported.is_empty()).then(|| view! { <ReportedValues reported /> });
    let hotline = centre.hotline.clone().map(|h| {
        view! {
            <span class="hotline-number">
                {tr("Đường dây nóng: ", "Hotline: ")}
                <Phone number=h.number />
                {h.always_open.then(|| view! { " " <span class="badge">"24/7"</span> })}
            </span>
        }
    });
    let phones = centre.phones.iter().map(|p| view! { <Phone number=p.clone() /> " " }).collect_view();
    view! { {hotline} " " {phones} {reported} }.into_any()
}

#[component]
pub fn HotlinesPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let data = Resource::new(load);
    let manifest = Resource::new(api::manifest);
    let files = Files::new();
    // Provinces whose list is open, so a change of filter keeps them open.
    let opened = RwSignal::new(HashSet::<ProvinceCode>::new());
    let lang = use_lang();
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        navigate(
            &Route::Hotlines { q: v }.href_in(url_lang(&query.get_untracked())),
            NavigateOptions { replace: true, scroll: false, ..Default::default() },
        );
    };
    view! {
        <PageMeta meta=Meta::fixed(Text::new("Đường dây nóng và số điện thoại — Cửa sổ số", "Hotlines and phone numbers — Cửa sổ số"), Text::new(
            "Tổng đài Cổng Dịch vụ công quốc gia 1800 1096 và số điện thoại đã công bố của trung tâm phục vụ hành chính công 34 tỉnh, thành phố và các xã, phường.",
            "The National Public Service Portal line 1800 1096 and the published phone numbers of the public service centres of the 34 provinces and their communes.",
        )) />
        <Breadcrumb />
        <h1>{tr("Gọi ai? Đường dây nóng và số điện thoại", "Who to call: hotlines and phone numbers")}</h1>
        <section class="card national-line" aria-labelledby="national-h" data-testid="national-line">
            <h2 id="national-h">{tr("Tổng đài quốc gia", "National line")}</h2>
            <p class="national-number"><Phone number=NATIONAL_LINE.to_string() /></p>
            <p>{tr(
                "Tổng đài hỗ trợ của Cổng Dịch vụ công quốc gia: hỏi về thủ tục, hồ sơ trực tuyến và tài khoản dịch vụ công ở mọi tỉnh, thành phố.",
                "The National Public Service Portal's support line: questions about procedures, online applications and public service accounts, in every province.",
            )}</p>
        </section>
        <section aria-labelledby="provinces-h">
            <h2 id="provinces-h">{tr("Theo tỉnh, thành phố", "By province")}</h2>
            <p>{tr(
                "Số do tỉnh, thành phố công bố. Nơi ghi “Chưa công bố” là chưa có số trong các nguồn chúng tôi có: hãy gọi tổng đài quốc gia.",
                "Numbers as published by the provinces. “Not yet published” means the sources we hold give no number: call the national line instead.",
            )}</p>
            <div class="hotline-filter">
                <label for="hotline-filter">{tr("Lọc theo tên tỉnh, xã, phường", "Filter by province or commune name")}</label>
                <input
                    id="hotline-filter"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || query.read().get("q").unwrap_or_default()
                    placeholder=tr("Ví dụ: hai chau", "e.g. hai chau")
                    on:input=on_input
                />
            </div>
            {loaded(data, tr("Không tìm thấy danh sách tỉnh.", "The province list is missing."), move |d| {
                let q = query.read().get("q").unwrap_or_default();
                let kept = d.filter(&q);
                let (n, total) = (kept.len(), d.entries.len());
                let items = kept
                    .into_iter()
                    .map(|k| province_item(k.entry, k.shown, k.auto_open, files, opened, manifest))
                    .collect_view();
                view! {
                    <p class="count" aria-live="polite">{move || match lang.get() {
                        Lang::Vi => format!("{n} / {total} tỉnh, thành phố"),
                        Lang::En => format!("{n} of {total} provinces"),
                    }}</p>
                    {(n == 0).then(|| view! {
                        <p class="no-results">{tr(
                            "Không có tỉnh, xã, phường nào có tên khớp. Hãy kiểm tra chính tả, hoặc gõ không dấu.",
                            "No province or commune has a matching name. Check the spelling, or type without accents.",
                        )}</p>
                    })}
                    <ul class="hotline-provinces" data-testid="hotline-provinces">{items}</ul>
                }
            })}
        </section>
    }
}

fn province_item(
    e: &Entry,
    s: Shown,
    auto_open: bool,
    files: Files,
    opened: RwSignal<HashSet<ProvinceCode>>,
    manifest: Resource<Loaded<cuaso_catalogue::format::Manifest>>,
) -> impl IntoView {
    let lang = use_lang();
    let p = &e.province;
    let code = p.code.clone();
    let open = auto_open || opened.with_untracked(|o| o.contains(&code));
    if open {
        files.request(&code);
    }
    let matching = match &s {
        Shown::Communes(c) => Some(c.len()),
        _ => None,
    };
    let toggle_code = code.clone();
    let on_toggle = move |ev: leptos::ev::Event| {
        let is_open = event_target::<web_sys::Element>(&ev).has_attribute("open");
        opened.update(|o| {
            if is_open {
                o.insert(toggle_code.clone());
            } else {
                o.remove(&toggle_code);
            }
        });
        if is_open {
            files.request(&toggle_code);
        }
    };
    let body_code = code.clone();
    let body = move || match files.get(&body_code) {
        None => ().into_any(),
        Some(None) => view! { <Loading /> }.into_any(),
        Some(Some(Err(_))) => {
            let c = body_code.clone();
            view! {
                <p class="load-failed" role="alert">
                    {tr("Không tải được danh sách. ", "The list could not be loaded. ")}
                    <button type="button" on:click=move |_| files.retry(&c)>{tr("Thử lại", "Try again")}</button>
                </p>
            }
            .into_any()
        }
        Some(Some(Ok(file))) => communes_view(&file, &s, manifest).into_any(),
    };
    let province_name = p.name.clone();
    view! {
        <li class="hotline-province">
            <h3><AppLink route=Route::province(p.code.clone())>{province_name}</AppLink></h3>
            <div class="centre-numbers">
                <span class="label">{tr("Trung tâm Phục vụ hành chính công tỉnh: ", "Provincial public service centre: ")}</span>
                {numbers(&p.centre)}
            </div>
            <details class="commune-numbers" open=open on:toggle=on_toggle>
                <summary>
                    {tr("Số điện thoại xã, phường", "Commune and ward numbers")}
                    {matching.map(|m| move || match lang.get() {
                        Lang::Vi => format!(" ({m} tên khớp)"),
                        Lang::En => format!(" ({m} matching)"),
                    })}
                </summary>
                {body}
            </details>
        </li>
    }
}

fn communes_view(
    file: &ProvinceFile,
    s: &Shown,
    manifest: Resource<Loaded<cuaso_catalogue::format::Manifest>>,
) -> impl IntoView {
    let lang = use_lang();
    let total = file.communes.len();
    let published = |c: &&Commune| {
        !c.centre.phones.is_empty() || c.centre.hotline.is_some() || c.centre.reported_number().is_some()
    };
    let mut list: Vec<&Commune> = match s {
        Shown::Communes(codes) => codes.iter().filter_map(|c| file.commune(c)).collect(),
        _ => file.communes.iter().filter(published).collect(),
    };
    list.sort_by_cached_key(|c| sort_key(&c.name));
    let published = file.communes.iter().filter(published).count();
    let mut sources: Vec<SourceId> = list.iter().filter_map(|c| c.centre.source.clone()).collect();
    sources.sort();
    sources.dedup();
    let summary = match s {
        Shown::Communes(_) => None,
        _ if published == 0 => Some(
            view! {
                <p>
                    <NotPublished />
                    {tr(
                        ": các nguồn chúng tôi có chưa có số điện thoại của trung tâm xã, phường nào ở đây.",
                        ": the sources we hold give no commune centre's number here yet.",
                    )}
                </p>
            }
            .into_any(),
        ),
        _ => Some(
            view! {
                <p>{move || match lang.get() {
                    Lang::Vi => format!("{published} / {total} xã, phường đã công bố số điện thoại."),
                    Lang::En => format!("{published} of {total} communes and wards have published a number."),
                }}</p>
            }
            .into_any(),
        ),
    };
    let items = list
        .into_iter()
        .map(|c| {
            let name = c.name.clone();
            view! {
                <li>
                    <AppLink route=Route::Commune(c.code.clone())>{name}</AppLink>
                    <div class="numbers">{numbers(&c.centre)}</div>
                </li>
            }
        })
        .collect_view();
    view! {
        {summary}
        <ul class="hotline-communes">{items}</ul>
        {move || {
            let m = manifest.get();
            sources.iter().filter_map(|id| source_of(&m, id)).map(|source| view! { <SourceNote source /> }).collect_view()
        }}
    }
}
