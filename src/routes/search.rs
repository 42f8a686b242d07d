//! `/tim-kiem?q=…&tinh=…&xa=…&linh-vuc=…&cap=…&kenh=…`: results as you type.
//!
//! The URL is the state: typing replaces it (so the back button leaves the
//! page rather than undoing keystrokes), and a shared or reloaded link shows
//! the same results. The ranking is `cuaso-search`'s; this page only wires
//! the URL and the form to it.

use crate::api::{self, Resource};
use crate::components::{loaded, QueryPageMeta, TitleToggle};
use crate::i18n::{say, tr, url_lang, use_lang, Lang};
use crate::modes::kiosk::ExternalLink;
use crate::modes::use_mode;
use crate::modes::AppLink;
use cuaso_pages::meta::{SEARCH_DESCRIPTION, SEARCH_PAGE};
use cuaso_pages::results::ResultMeta;
use cuaso_search::data::SearchData;
use cuaso_search::{Filters, Gap, Hit, HitKind};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

const MAX_RESULTS: usize = 30;

use cuaso_edge::query::{channel_param, level_param, CHANNELS, LEVELS};
use cuaso_edge::route::{paths, SearchQuery};
use cuaso_edge::Route;

/// Filters from the URL; a value that is not valid is ignored, never an error.
fn filters(q: &ParamsMap) -> Filters {
    cuaso_edge::query::filters(|k| q.get(k))
}

/// The search URL for `q` with one parameter changed.
fn url_with(q: &ParamsMap, key: &str, value: &str) -> String {
    cuaso_edge::query::search_url_with(|k| q.get(k), key, value)
}

/// The search form used on `/` and on `/tim-kiem`: typing goes to (or stays
/// on) the results page with the URL following the query.
#[component]
pub fn SearchBox(#[prop(optional)] autofocus: bool) -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let location = use_location();
    let mode = use_mode();
    let go = move |value: String| {
        let params = query.get_untracked();
        let mut search = SearchQuery::from_params(|k| params.get(k)).with("q", &value);
        // Keystrokes on the results page replace the entry; the first one from
        // another page pushes, so Back returns there.
        let replace = matches!(Route::parse(&location.pathname.get_untracked(), ""), Some(Route::Search(_)));
        if !replace {
            // A kiosk's or an embed's preset place is the new search's filter.
            search = mode.options.with_untracked(|o| o.with_preset_filters(search));
        }
        let url = Route::Search(search).href_in(url_lang(&params));
        navigate(&url, NavigateOptions { replace, scroll: false, ..Default::default() });
    };
    let input_ref = NodeRef::<leptos::html::Input>::new();
    if autofocus {
        Effect::new(move || {
            if let Some(input) = input_ref.get() {
                let _ = input.focus();
                let end = input.value().len() as u32;
                let _ = input.set_selection_range(end, end);
            }
        });
    }
    let go_submit = go.clone();
    view! {
        // `data-html-search`: on a prerendered page, this box searches before the app
        // starts (public/search/page.js).
        <form
            class="search-box"
            role="search"
            data-html-search="search"
            action=paths::SEARCH
            method="get"
            on:submit=move |ev| {
                ev.prevent_default();
                if let Some(input) = input_ref.get_untracked() {
                    go_submit(input.value());
                }
            }
        >
            <label for="q">{tr("Tìm thủ tục, xã phường, tỉnh thành, địa chỉ cũ", "Search procedures, communes, provinces, old addresses")}</label>
            <div class="search-row">
                <input
                    id="q"
                    name="q"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    node_ref=input_ref
                    prop:value=move || query.read().get("q").unwrap_or_default()
                    placeholder=tr("Ví dụ: dang ky khai sinh, so do, phuong 1 quan 3", "e.g. birth registration, land certificate, an old ward")
                    on:input=move |ev| go(event_target_value(&ev))
                />
                <button type="submit">{tr("Tìm", "Search")}</button>
            </div>
        </form>
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let index = Resource::new(api::search_index);
    let lang = use_lang();
    let q = move || query.read().get("q").unwrap_or_default();
    view! {
        <QueryPageMeta page=SEARCH_PAGE description=SEARCH_DESCRIPTION q=Signal::derive(q) />
        <h1>{tr("Tìm kiếm", "Search")}</h1>
        <SearchBox autofocus=true />
        {loaded(index, tr("Không tìm thấy dữ liệu tìm kiếm.", "The search data is missing."), move |idx| {
            let params = query.get();
            let q = params.get("q").unwrap_or_default();
            let f = filters(&params);
            let found = idx.engine.find(&q, &f, MAX_RESULTS);
            let filter_bar = filter_bar(&idx, &params);
            let gap = (!q.trim().is_empty()).then_some(found.gap).flatten().map(coverage_note);
            let body = if q.trim().is_empty() {
                view! { <p>{tr("Nhập tên thủ tục, xã phường, tỉnh thành hoặc địa chỉ cũ. Không cần gõ dấu.", "Type a procedure, commune, province or old address. Accents are optional.")}</p> }.into_any()
            } else if found.hits.is_empty() {
                let filtered = f.province.is_some() || f.commune.is_some() || f.field.is_some() || f.level.is_some() || f.channel.is_some() || f.own;
                view! {
                    <div class="no-results" role="status">
                        <p><strong>{tr("Không có kết quả.", "No results.")}</strong></p>
                        <ul>
                            {filtered.then(|| view! { <li><AppLink route=Route::search(q.clone())>{tr("Bỏ các bộ lọc", "Remove the filters")}</AppLink></li> })}
                            <li>{tr("Thử ít từ hơn, hoặc từ thông dụng hơn (ví dụ “khai sinh”, “sổ đỏ”).", "Try fewer or more common words (e.g. “khai sinh”, “sổ đỏ”).")}</li>
                            <li>{tr("Với địa chỉ cũ, gõ tên phường, xã và quận, huyện: “phuong 1 quan 3”.", "For an old address, type the ward and district: “phuong 1 quan 3”.")}</li>
                            <li>{tr("Hoặc chọn tỉnh, thành phố từ ", "Or pick your province from ")}<AppLink route=Route::Home>{tr("trang chủ", "the home page")}</AppLink>"."</li>
                        </ul>
                    </div>
                }.into_any()
            } else {
                let mut hits = found.hits;
                let more = hits.split_off(found.answers);
                let (n, m) = (hits.len(), more.len());
                let data = idx.engine.data();
                let answers = hits.iter().map(|h| result_item(h, data)).collect_view();
                let rest = more.iter().map(|h| result_item(h, data)).collect_view();
                view! {
                    <p class="count" role="status">{move || match (lang.get(), m) {
                        (Lang::Vi, 0) => format!("{n} kết quả"),
                        (Lang::En, 0) => format!("{n} results"),
                        (Lang::Vi, m) => format!("{n} kết quả, thêm {m}{} kết quả ít liên quan", if n + m == MAX_RESULTS { "+" } else { "" }),
                        (Lang::En, m) => format!("{n} results, {m}{} more, less related", if n + m == MAX_RESULTS { "+" } else { "" }),
                    }}</p>
                    {(n > 0).then(|| view! { <ol class="results" data-testid="results">{answers}</ol> })}
                    {(m > 0).then(|| view! {
                        <details class="more-results" data-testid="more-results">
                            <summary>{tr("Thêm kết quả ít liên quan", "More, less related results")}" ("{m}")"</summary>
                            <ol class="results" start=n + 1 style:counter-reset=format!("result {n}")>{rest}</ol>
                        </details>
                    })}
                }.into_any()
            };
            // `data-search-results`: where the HTML page's own search (public/search/page.js) puts its results.
            view! { {filter_bar} <div class="search-results" data-search-results="">{gap} {body}</div> }
        })}
    }
}

/// One result: its title (in English mode a procedure's English name, or
/// its Vietnamese one said to be so), its kind, and where it is: a
/// procedure's levels (each a link to the family member done there) and
/// field, a commune's province, an old unit's district, province and new
/// commune(s), a province's merged provinces.
fn result_item(h: &Hit, data: &SearchData) -> impl IntoView {
    let lang = use_lang();
    let kind = h.kind;
    let procedure = (kind == HitKind::Procedure).then(|| &data.procedures[h.record]);
    let vi = h.title.clone();
    let en = procedure.and_then(|p| p.name_en.clone());
    let vi_only = procedure.is_some() && en.is_none();
    let title = move || match (lang.get(), &en) {
        (Lang::En, Some(en)) => en.clone(),
        _ => vi.clone(),
    };
    // Shortened when long, with the whole name one tap away (see `TitleToggle`).
    let long = Memo::new({
        let title = title.clone();
        move |_| cuaso_edge::format::is_long_title(&title())
    });
    let expanded = RwSignal::new(false);
    let title_id = format!("title-{}-{}", kind.slug(), h.record);
    let meta = ResultMeta::of(h, data);
    let several = meta.family;
    let levels = (!meta.levels.is_empty()).then(|| {
        view! {
            <span class="levels">
                {meta.levels.iter().cloned().enumerate().map(|(i, (l, route))| {
                    let label = move || ResultMeta::level(l).pick(lang.get());
                    view! {
                        {(i > 0).then_some(" · ")}
                        {if several { view! { <AppLink route class="level">{label}</AppLink> }.into_any() } else { view! { <span>{label}</span> }.into_any() }}
                    }
                }).collect_view()}
            </span>
        }
    });
    let own = meta.own();
    let sub = meta.subtitle();
    let clamped = move || long.get() && !expanded.get();
    let heading = match h.target.clone() {
        Some(route) => view! {
            <AppLink route class="result-title" {..} id=title_id.clone() class:clamped=clamped>{title}</AppLink>
        }
        .into_any(),
        None => view! { <a class="result-title" id=title_id.clone() class:clamped=clamped>{title}</a> }.into_any(),
    };
    view! {
        <li class=format!("result result-{}", kind.slug())>
            {heading}
            {move || long.get().then(|| view! { <TitleToggle expanded controls=title_id.clone() /> })}
            {vi_only.then(|| view! { <span class="vi-only" lang="en">{move || (lang.get() == Lang::En).then_some(" (Vietnamese name only)")}</span> })}
            <span class="meta">
                <span class="kind">{say(kind.label())}</span>
                {own.map(|own| view! {
                    " · "
                    <span class="own" data-testid="own-procedure">{move || own.get(lang.get()).clone()}</span>
                })}
                {levels.map(|l| view! { " · " {l} })}
                {sub.map(|sub| move || format!(" · {}", sub.get(lang.get())))}
            </span>
        </li>
    }
}

/// The catalogue does not hold what the query names: say what it covers and
/// link the national portal, above whatever related results there are.
fn coverage_note(g: &'static Gap) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="coverage-note" role="note" data-testid="coverage">
            <p>
                <strong>{move || match lang.get() {
                    Lang::Vi => format!("Danh mục của Cửa sổ số chưa có thủ tục nào về {}.", g.vi),
                    Lang::En => format!("Cửa sổ số's catalogue has no procedure on {} yet.", g.en),
                }}</strong>
                " "
                {move || match lang.get() {
                    Lang::Vi => format!("Việc này do {} giải quyết.", g.by_vi),
                    Lang::En => format!("They are handled by {}.", g.by_en),
                }}
            </p>
            <p>{tr(cuaso_search::coverage::COVERS_VI, cuaso_search::coverage::COVERS_EN)}</p>
            <p>
                <ExternalLink href=cuaso_search::coverage::PORTAL_SEARCH.to_string() new_tab=true>
                    {tr("Tìm trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)", "Search the National Public Service Portal (dichvucong.gov.vn)")}
                </ExternalLink>
            </p>
            <p class="meta">{tr("Các kết quả dưới đây chỉ gần với điều bạn tìm.", "The results below are only related to what you asked.")}</p>
        </div>
    }
}

/// Filters as select boxes; each change rewrites the URL.
fn filter_bar(idx: &api::SearchIndex, params: &ParamsMap) -> impl IntoView {
    let navigate = use_navigate();
    let lang = use_lang();
    let set = move |key: &'static str| {
        let navigate = navigate.clone();
        let params = params.clone();
        move |ev| {
            let url = url_with(&params, key, &event_target_value(&ev));
            navigate(&url, NavigateOptions { replace: true, scroll: false, ..Default::default() });
        }
    };
    let current = |k: &str| params.get(k).unwrap_or_default();
    let (tinh, linh_vuc, cap, kenh, loai) =
        (current("tinh"), current("linh-vuc"), current("cap"), current("kenh"), current("loai"));
    let own = loai == cuaso_edge::query::OWN_PARAM;
    let province_options = idx
        .provinces
        .iter()
        .map(|(code, name)| view! { <option value=code.to_string() selected=code.as_str() == tinh>{name.clone()}</option> })
        .collect_view();
    let field_options = idx
        .fields
        .iter()
        .map(|f| view! { <option value=f.clone() selected=*f == linh_vuc>{f.clone()}</option> })
        .collect_view();
    let level_options = LEVELS
        .into_iter()
        .map(|l| {
            let v = level_param(l);
            view! { <option value=v selected=v == cap>{move || l.label().pick(lang.get())}</option> }
        })
        .collect_view();
    let channel_options = CHANNELS
        .into_iter()
        .map(|c| {
            let v = channel_param(c);
            view! { <option value=v selected=v == kenh>{move || c.label().pick(lang.get())}</option> }
        })
        .collect_view();
    view! {
        <details class="filters" open=[&tinh, &linh_vuc, &cap, &kenh, &loai].iter().any(|v| !v.is_empty())>
            <summary>{tr("Bộ lọc", "Filters")}</summary>
            <div class="filter-grid">
                <label>
                    {tr("Tỉnh, thành phố", "Province")}
                    <select on:change=set("tinh")>
                        <option value="">{tr("Tất cả", "All")}</option>
                        {province_options}
                    </select>
                </label>
                <label>
                    {tr("Lĩnh vực", "Field")}
                    <select on:change=set("linh-vuc")>
                        <option value="">{tr("Tất cả", "All")}</option>
                        {field_options}
                    </select>
                </label>
                <label>
                    {tr("Cấp thực hiện", "Level")}
                    <select on:change=set("cap")>
                        <option value="">{tr("Tất cả", "All")}</option>
                        {level_options}
                    </select>
                </label>
                <label>
                    {tr("Cách nộp", "How to submit")}
                    <select on:change=set("kenh")>
                        <option value="">{tr("Tất cả", "All")}</option>
                        {channel_options}
                    </select>
                </label>
                <label>
                    {tr("Loại thủ tục", "Kind of procedure")}
                    <select on:change=set("loai")>
                        <option value="">{tr("Tất cả", "All")}</option>
                        <option value=cuaso_edge::query::OWN_PARAM selected=own>{tr("Thủ tục riêng của tỉnh", "Provinces' own procedures")}</option>
                    </select>
                </label>
            </div>
        </details>
    }
}
