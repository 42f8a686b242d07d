//! `/tra-cuu-dia-chi?q=…`: "which commune am I in now?" — an old (pre-2025)
//! address, typed in any order with or without accents, leads to the new
//! commune(s) it went to. The matching is `cuaso-search`'s, the lookup
//! `cuaso_pages::address`'s; this page shows where each old unit went.

use crate::api::{self, Resource};
use crate::components::loaded;
use crate::components::Breadcrumb;
use crate::components::QueryPageMeta;
use crate::i18n::{tr, url_lang, use_lang, Lang};
use crate::modes::AppLink;
use cuaso_edge::Route;
use cuaso_pages::address::{lookup, NewUnit, OldUnit, MAX_LEGACY};
use cuaso_pages::meta::{ADDRESS_DESCRIPTION, ADDRESS_PAGE};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Examples shown on the empty page.
const EXAMPLES: [&str; 3] = ["phuong 1 quan 3", "Hàng Trống, Hoàn Kiếm", "xa hoa lien hoa vang da nang"];

#[component]
pub fn AddressPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    // Fetched as soon as the page opens: the person is about to type.
    let index = Resource::new(api::search_index);
    let q = move || query.read().get("q").unwrap_or_default();
    // Only a change between empty and not empty rebuilds the results block.
    let empty = Memo::new(move |_| q().trim().is_empty());
    let go = move |value: String| {
        navigate(
            &Route::Address { q: value }.href_in(url_lang(&query.get_untracked())),
            NavigateOptions { replace: true, scroll: false, ..Default::default() },
        );
    };
    let go_submit = go.clone();
    let input_ref = NodeRef::<leptos::html::Input>::new();
    view! {
        <QueryPageMeta page=ADDRESS_PAGE description=ADDRESS_DESCRIPTION q=Signal::derive(q) />
        <Breadcrumb />
        <h1>{tr("Địa chỉ cũ của tôi nay thuộc xã, phường nào?", "Which commune is my old address in now?")}</h1>
        // `data-html-search`: on a prerendered page, this box looks up before the app
        // starts (public/search/page.js); its answer goes in `data-search-results`.
        <form
            class="search-box"
            role="search"
            data-html-search="address"
            action=cuaso_edge::route::paths::ADDRESS
            method="get"
            on:submit=move |ev| {
                ev.prevent_default();
                if let Some(input) = input_ref.get_untracked() {
                    go_submit(input.value());
                }
            }
        >
            <label for="address-q">
                {tr("Địa chỉ cũ (trước 01/7/2025): phường, xã, quận, huyện, tỉnh", "Old address (before 1 July 2025): ward or commune, district, province")}
            </label>
            <div class="search-row">
                <input
                    id="address-q"
                    name="q"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    node_ref=input_ref
                    aria-describedby="address-help"
                    prop:value=move || query.read().get("q").unwrap_or_default()
                    placeholder=tr("Ví dụ: phuong 1 quan 3", "e.g. phuong 1 quan 3")
                    on:input=move |ev| go(event_target_value(&ev))
                />
                <button type="submit">{tr("Tra cứu", "Look up")}</button>
            </div>
            <p id="address-help" class="hint-inline">
                {tr("Gõ theo thứ tự bất kỳ, có dấu hoặc không dấu.", "Any order; accents are optional.")}
            </p>
        </form>
        <div data-search-results="">{move || {
            if empty.get() {
                view! { <AddressIntro /> }.into_any()
            } else {
                loaded(index, tr("Không tìm thấy dữ liệu tìm kiếm.", "The search data is missing."), move |idx| {
                    let q = query.read().get("q").unwrap_or_default();
                    let (old, new) = lookup(&idx.engine, &q);
                    view! { <Results q old new /> }
                })
                .into_any()
            }
        }}</div>
    }
}

/// The empty page: what to type, with examples.
#[component]
fn AddressIntro() -> impl IntoView {
    view! {
        <section class="address-intro" aria-labelledby="address-intro-h">
            <h2 id="address-intro-h">{tr("Cách tra cứu", "How to look it up")}</h2>
            <p>{tr(
                "Từ 01/7/2025, cấp huyện không còn và nhiều xã, phường được sáp nhập. Nhập tên phường, xã cũ, thêm quận, huyện và tỉnh nếu biết, để xem nay thuộc xã, phường nào.",
                "Since 1 July 2025 districts no longer exist and many communes and wards were merged. Type your old ward or commune, with the district and province if you know them, to see which commune it is part of now.",
            )}</p>
            <p>{tr("Ví dụ:", "Examples:")}</p>
            <ul class="quick-links" data-testid="address-examples">
                {EXAMPLES.iter().map(|e| view! { <li><AppLink route=Route::Address { q: e.to_string() }>{*e}</AppLink></li> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Results(q: String, old: Vec<OldUnit>, new: Vec<NewUnit>) -> impl IntoView {
    let lang = use_lang();
    let n = old.len();
    let old_view = if old.is_empty() {
        view! {
            <div class="no-results" role="status" data-testid="address-none">
                <p><strong>{tr("Không tìm thấy địa chỉ cũ nào khớp.", "No old address matches.")}</strong></p>
                <ul>
                    <li>{tr("Thêm tên quận, huyện hoặc tỉnh cũ: “phuong 1 quan 3”.", "Add the old district or province: “phuong 1 quan 3”.")}</li>
                    <li>{tr("Kiểm tra chính tả tên phường, xã.", "Check the spelling of the ward or commune.")}</li>
                    <li>{tr("Thử gõ không dấu: “hang trong hoan kiem”.", "Try without accents: “hang trong hoan kiem”.")}</li>
                    <li>
                        {tr("Hoặc tìm trong toàn bộ trang: ", "Or search the whole site: ")}
                        <AppLink route=Route::search(q.clone())>{tr("Tìm kiếm", "Search")}</AppLink>
                    </li>
                </ul>
            </div>
        }
        .into_any()
    } else {
        view! {
            <section aria-labelledby="address-old-h">
                <h2 id="address-old-h">{tr("Đơn vị cũ khớp với địa chỉ", "Old units matching the address")}</h2>
                <p class="count" role="status">{move || match lang.get() {
                    Lang::Vi => format!("{n} đơn vị cũ{}", if n == MAX_LEGACY { ", có thể còn nữa: thêm quận, huyện để thu hẹp" } else { "" }),
                    Lang::En => format!("{n} old unit{}", match (n == 1, n == MAX_LEGACY) {
                        (true, _) => "",
                        (false, true) => "s, maybe more: add the district to narrow it down",
                        (false, false) => "s",
                    }),
                }}</p>
                <ol class="address-results" data-testid="address-results">
                    {old.into_iter().map(|u| view! { <OldUnitItem unit=u /> }).collect_view()}
                </ol>
            </section>
        }
        .into_any()
    };
    let new_view = (!new.is_empty()).then(|| {
        view! {
            <section aria-labelledby="address-new-h">
                <h2 id="address-new-h">{tr("Tên này cũng là một xã, phường mới", "This is also the name of a new commune")}</h2>
                <ul class="address-new" data-testid="address-new">
                    {new.into_iter().map(|c| view! {
                        <li>
                            {match c.route {
                                Some(route) => view! { <AppLink route>{c.name}</AppLink> }.into_any(),
                                None => view! { <span>{c.name}</span> }.into_any(),
                            }}
                            {(!c.province.is_empty()).then(|| view! { <span class="meta">{c.province}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    view! { {old_view} {new_view} }
}

#[component]
fn OldUnitItem(unit: OldUnit) -> impl IntoView {
    let split = unit.successors.len() > 1;
    let place = if unit.district == unit.name {
        unit.province.clone()
    } else {
        format!("{}, {}", unit.district, unit.province)
    };
    let successors = unit
        .successors
        .into_iter()
        .map(|s| {
            let name = s.name.unwrap_or_else(|| s.code.to_string());
            view! {
                <li>
                    <AppLink route=Route::Commune(s.code.clone())>{name}</AppLink>
                    {(split && s.default).then(|| view! { " " <span class="badge">{tr("mặc định", "default")}</span> })}
                    {s.province.map(|p| view! { <span class="meta">{p}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="address-result">
            <h3>{unit.name}</h3>
            <p class="meta">{place}</p>
            {if split {
                view! {
                    <p class="split-note">{tr(
                        "Đơn vị cũ này đã được chia cho nhiều xã, phường mới: nhà bạn thuộc nơi nào tùy vào địa chỉ cụ thể (thôn, tổ dân phố, đường). Nơi ghi “mặc định” là xã, phường nhận phần chính của đơn vị cũ khi sắp xếp; nhà bạn vẫn có thể thuộc nơi khác. Chưa chắc thì hỏi Ủy ban nhân dân xã, phường gần nhà.",
                        "This old unit was divided between several new communes: which one your home is in depends on your exact address (village, neighbourhood, street). The one marked “default” took the main part of the old unit in the reorganisation; your home may still be in another. If unsure, ask the nearest commune's People's Committee.",
                    )}</p>
                }
                .into_any()
            } else {
                view! { <p class="now">{tr("Nay thuộc:", "Now part of:")}</p> }.into_any()
            }}
            <ul class="successors">{successors}</ul>
        </li>
    }
}
