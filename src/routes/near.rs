//! `/gan-toi`: the communes and centres nearest to the device — asked for
//! only when the person taps the button, used once, never stored or sent.

use crate::api::{self, ApiError, Resource};
use crate::components::PageMeta;
use crate::components::{rerun_failed, LoadError, Loading, Phone, NATIONAL_LINE};
use crate::i18n::{tr, use_lang, Lang};
use crate::modes::AppLink;
use cuaso_catalogue::geo::{distance_km, nearest};
use cuaso_catalogue::lang::Text;
use cuaso_catalogue::model::{CommuneCode, LatLon};
use cuaso_edge::Route;
use cuaso_pages::meta::Meta;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// How many communes to list.
const NEAREST: usize = 6;

#[derive(Clone, Debug, PartialEq)]
enum State {
    Idle,
    Locating,
    /// The browser refused (the person said no, or the page is not allowed).
    Denied,
    /// No position could be found in time.
    Failed,
    Found(LatLon),
}

/// A commune near the device, with what the page shows of it.
#[derive(Clone)]
struct Near {
    code: CommuneCode,
    name: String,
    province: String,
    km: f64,
    /// The commune centre's published address and its distance, if any.
    centre: Option<(String, Vec<String>, f64)>,
}

fn number(v: &JsValue, path: &[&str]) -> Option<f64> {
    let mut cur = v.clone();
    for key in path {
        cur = js_sys::Reflect::get(&cur, &JsValue::from_str(key)).ok()?;
    }
    cur.as_f64()
}

/// Asks the browser for the position once; `state` receives the outcome.
fn locate(state: RwSignal<State>) {
    let Some(geo) = crate::browser::window().and_then(|w| w.navigator().geolocation().ok()) else {
        state.set(State::Failed);
        return;
    };
    state.set(State::Locating);
    let ok = Closure::once_into_js(move |pos: JsValue| {
        match (number(&pos, &["coords", "latitude"]), number(&pos, &["coords", "longitude"])) {
            (Some(lat), Some(lon)) => state.set(State::Found(LatLon { lat, lon })),
            _ => state.set(State::Failed),
        }
    });
    let err = Closure::once_into_js(move |e: JsValue| {
        // 1 = PERMISSION_DENIED; 2 = POSITION_UNAVAILABLE; 3 = TIMEOUT.
        state.set(if number(&e, &["code"]) == Some(1.0) { State::Denied } else { State::Failed });
    });
    let options = web_sys::PositionOptions::new();
    options.set_timeout(15_000);
    options.set_maximum_age(60_000);
    if geo
        .get_current_position_with_error_callback_and_options(ok.unchecked_ref(), Some(err.unchecked_ref()), &options)
        .is_err()
    {
        state.set(State::Failed);
    }
}

async fn nearby(here: LatLon) -> Result<Vec<Near>, ApiError> {
    let points = api::commune_points().await?;
    let rows = api::communes().await?;
    let provinces = api::provinces().await?;
    let found = nearest(points.iter().map(|p| (p.0.clone(), p.at())), here, NEAREST);
    let mut out = Vec::new();
    for (code, km) in found {
        let Some(row) = rows.iter().find(|r| r.code == code) else { continue };
        let province = provinces.iter().find(|p| p.code == row.province).map(|p| p.name.clone()).unwrap_or_default();
        // The province file is small and usually cached: it says whether the centre is published.
        let centre = api::province_file(&row.province).await.ok().and_then(|f| {
            let c = f.commune(&code)?.centre.clone();
            let at = c.location?;
            Some((c.address.unwrap_or_default(), c.phones, distance_km(here, at)))
        });
        out.push(Near { code: row.code.clone(), name: row.name.clone(), province, km, centre });
    }
    Ok(out)
}

fn km(lang: Lang, d: f64) -> String {
    cuaso_edge::format::distance_km(lang, d)
}

#[component]
pub fn NearPage() -> impl IntoView {
    let state = RwSignal::new(State::Idle);
    let lang = use_lang();
    let results = Resource::new(move || {
        let s = state.get();
        async move {
            match s {
                State::Found(here) => Some(nearby(here).await),
                _ => None,
            }
        }
    });
    let failed = move || matches!(results.get_untracked(), Some(Some(Err(e))) if e.is_passing());
    rerun_failed(failed, move || results.refetch());
    view! {
        <PageMeta meta=Meta::fixed(Text::new("Gần tôi — Cửa sổ số", "Near me — Cửa sổ số"), Text::new("Tìm xã, phường và trung tâm phục vụ hành chính công gần vị trí của bạn.", "Find the communes and public service centres near you.")) />
        <h1>{tr("Gần tôi", "Near me")}</h1>
        <p>{tr(
            "Bấm nút dưới đây để dùng vị trí của thiết bị. Vị trí chỉ dùng một lần trên máy của bạn, không được lưu hay gửi đi.",
            "Tap the button to use this device's location. It is used once, on your device, and never stored or sent.",
        )}</p>
        <p>
            <button type="button" on:click=move |_| locate(state) disabled=move || state.get() == State::Locating>
                {tr("Dùng vị trí của tôi", "Use my location")}
            </button>
        </p>
        {move || match state.get() {
            State::Idle => ().into_any(),
            State::Locating => view! { <p role="status">{tr("Đang xác định vị trí…", "Finding your location…")}</p> }.into_any(),
            State::Denied => view! {
                <div class="notice" role="alert" data-testid="near-denied">
                    <p><strong>{tr("Không dùng được vị trí.", "Location is not available.")}</strong></p>
                    <p>{tr(
                        "Trình duyệt chưa cho phép trang này dùng vị trí. Bạn có thể cho phép trong cài đặt của trình duyệt, hoặc tìm theo tên:",
                        "The browser has not allowed this page to use your location. You can allow it in the browser's settings, or search by name:",
                    )}</p>
                    <ul>
                        <li><AppLink route=Route::Home>{tr("Chọn tỉnh, thành phố", "Pick your province")}</AppLink></li>
                        <li><AppLink route=Route::Address { q: String::new() }>{tr("Tra cứu từ địa chỉ cũ", "Look up an old address")}</AppLink></li>
                    </ul>
                </div>
            }.into_any(),
            State::Failed => view! {
                <div class="notice" role="alert" data-testid="near-failed">
                    <p><strong>{tr("Chưa xác định được vị trí.", "Your location could not be found.")}</strong></p>
                    <p>{tr("Hãy thử lại ở nơi thoáng hơn, hoặc ", "Try again somewhere with better signal, or ")}<AppLink route=Route::Home>{tr("chọn tỉnh, thành phố", "pick your province")}</AppLink>"."</p>
                </div>
            }.into_any(),
            State::Found(_) => view! {
                {move || match results.get().flatten() {
                    None => view! { <Loading /> }.into_any(),
                    Some(Err(e)) => view! { <LoadError error=e /> }.into_any(),
                    Some(Ok(list)) => view! {
                        <h2>{tr("Xã, phường gần nhất", "Nearest communes")}</h2>
                        <p class="hint">{tr(
                            "Khoảng cách tính đến tâm địa giới của xã, phường — nơi gần nhất chưa chắc là nơi bạn cư trú.",
                            "Distances are to each commune's centre point: the nearest is not necessarily the one you live in.",
                        )}</p>
                        <ol class="results" data-testid="near-results">
                            {list.into_iter().map(|n| {
                                let d = n.km;
                                view! {
                                    <li>
                                        <AppLink route=Route::Commune(n.code)>{n.name}</AppLink>
                                        <span class="meta">{n.province} " · " {move || km(lang.get(), d)}</span>
                                        {n.centre.map(|(address, phones, d)| view! {
                                            <span class="meta">
                                                {tr("Trụ sở: ", "Office: ")} {address} " · " {move || km(lang.get(), d)}
                                                {phones.into_iter().map(|p| view! { " · " <Phone number=p /> }).collect_view()}
                                            </span>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        <p>{tr("Cần hỗ trợ: ", "Need help: ")} <Phone number=NATIONAL_LINE.to_string() /></p>
                    }.into_any(),
                }}
            }.into_any(),
        }}
    }
}
