//! `/tim-kiem?q=…`: results as you type; the URL follows the query.
//!
//! The matching here is a plain accent-free word match over names and codes;
//! the ranked, typo-tolerant engine is tracked separately.

use crate::api::{self, ApiError};
use crate::components::loaded;
use crate::i18n::{tr, use_lang, Lang};
use cuaso_catalogue::text::fold;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::rc::Rc;

/// Longest query considered; the rest is ignored so any input answers quickly.
const MAX_QUERY: usize = 200;
const MAX_RESULTS: usize = 50;

#[derive(Clone)]
struct Hit {
    href: String,
    name: String,
    kind_vi: &'static str,
    kind_en: &'static str,
    detail: String,
    rank: u8,
}

struct Index {
    entries: Vec<(String, Hit)>,
}

async fn build_index() -> Result<Rc<Index>, ApiError> {
    let provinces = api::provinces().await?;
    let communes = api::communes().await?;
    let procedures = api::procedure_index().await?;
    let pname = |code: &cuaso_catalogue::model::ProvinceCode| {
        provinces.iter().find(|p| &p.code == code).map(|p| p.name.clone()).unwrap_or_default()
    };
    let mut entries = Vec::new();
    for p in provinces.iter() {
        let hit = Hit {
            href: format!("/tinh/{}", p.code),
            name: p.name.clone(),
            kind_vi: "Tỉnh, thành phố",
            kind_en: "Province",
            detail: String::new(),
            rank: 0,
        };
        entries.push((format!("{} {}", fold(&p.name), p.code), hit));
    }
    for c in communes.iter() {
        let hit = Hit {
            href: format!("/xa/{}", c.code),
            name: c.name.clone(),
            kind_vi: "Xã, phường",
            kind_en: "Commune",
            detail: pname(&c.province),
            rank: 1,
        };
        entries.push((format!("{} {}", fold(&c.name), c.code), hit));
    }
    for p in procedures.iter() {
        let hit = Hit {
            href: format!("/thu-tuc/{}", p.code),
            name: p.name.clone(),
            kind_vi: "Thủ tục",
            kind_en: "Procedure",
            detail: p.field.clone(),
            rank: 2,
        };
        entries.push((format!("{} {} {}", fold(&p.name), fold(&p.field), p.code), hit));
    }
    Ok(Rc::new(Index { entries }))
}

fn search(index: &Index, query: &str) -> Vec<Hit> {
    let q: String = query.chars().take(MAX_QUERY).collect();
    let words: Vec<String> = fold(&q).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
    let code = q.trim();
    if words.is_empty() {
        return vec![];
    }
    let mut hits: Vec<(u8, usize, Hit)> = index
        .entries
        .iter()
        .filter(|(key, _)| key.split(' ').any(|k| k == code) || words.iter().all(|w| key.contains(w.as_str())))
        .map(|(key, hit)| {
            let exact_code = key.split(' ').any(|k| k == code);
            let starts = key.starts_with(words[0].as_str());
            let score = if exact_code {
                0
            } else if starts {
                1
            } else {
                2
            };
            (score, hit.rank as usize, hit.clone())
        })
        .collect();
    hits.sort_by_key(|(score, rank, hit)| (*score, *rank, hit.name.len()));
    hits.into_iter().take(MAX_RESULTS).map(|(_, _, h)| h).collect()
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let navigate = use_navigate();
    let index = LocalResource::new(build_index);
    let lang = use_lang();
    let on_input = move |ev| {
        let value: String = event_target_value(&ev);
        let encoded = js_sys_encode(&value);
        navigate(&format!("/tim-kiem?q={encoded}"), NavigateOptions { replace: true, ..Default::default() });
    };
    view! {
        <Title text=tr("Tìm kiếm — Cửa sổ số", "Search — Cửa sổ số") />
        <h1>{tr("Tìm kiếm", "Search")}</h1>
        <form class="search-box" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="q">{tr("Tìm thủ tục, xã phường, tỉnh thành", "Search procedures, communes, provinces")}</label>
            <input id="q" name="q" type="search" autocomplete="off" prop:value=q on:input=on_input />
        </form>
        {loaded(index, tr("Không tìm thấy dữ liệu tìm kiếm.", "The search data is missing."), move |idx| {
            let q = q();
            let hits = search(&idx, &q);
            if q.trim().is_empty() {
                return view! { <p>{tr("Nhập tên thủ tục, xã phường hoặc tỉnh thành.", "Type a procedure, commune or province.")}</p> }.into_any();
            }
            if hits.is_empty() {
                return view! {
                    <p class="no-results" role="status">
                        {tr("Không có kết quả. Hãy thử ít từ hơn, bỏ dấu, hoặc tìm theo tên tỉnh, xã.", "No results. Try fewer words, or search by province or commune name.")}
                    </p>
                }.into_any();
            }
            view! {
                <ol class="results" data-testid="results">
                    {hits.into_iter().map(|h| {
                        let (vi, en) = (h.kind_vi, h.kind_en);
                        view! {
                            <li>
                                <a href=h.href>{h.name}</a>
                                <span class="meta">{move || if lang.get() == Lang::Vi { vi } else { en }} {(!h.detail.is_empty()).then(|| format!(" · {}", h.detail))}</span>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        })}
    }
}

/// Percent-encodes a query value for the URL.
fn js_sys_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
