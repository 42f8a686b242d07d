//! "Nộp ở đâu?": on a procedure page, the citizen picks a province and a
//! commune (remembered on this device) and sees the centre that receives the
//! procedure there — the commune centre or the provincial centre, by the
//! procedure's levels — with its published contacts or a plain "not yet
//! published" and the national line.

use crate::api::{self, Resource};
use crate::components::{source_of, CentreCard, Phone, SupportPointItem, NATIONAL_LINE};
use crate::i18n::{tr, use_lang};
use cuaso_catalogue::handler::Handler;
use cuaso_catalogue::model::*;
use cuaso_catalogue::text::sort_key;
use leptos::prelude::*;

use crate::prefs;
use cuaso_pages::fields::{handled_by, received_at};

/// `handler`: who handles it ([`cuaso_catalogue::handler`]); a commune-level
/// procedure that a tax, customs, police, land or other office handles is not
/// sent to the commune centre.
#[component]
pub fn WhereToSubmit(
    levels: Vec<Level>,
    agency: Option<String>,
    #[prop(optional)] handler: Option<Handler>,
) -> impl IntoView {
    let (at_commune, at_province) = handled_by(&levels);
    let specialised = handler.filter(|h| !matches!(h, Handler::CommuneCentre | Handler::Unsure));
    match (specialised, at_commune, at_province) {
        // A commune-level procedure that a specialised office handles.
        (Some(handler), true, false) => {
            let lang = use_lang();
            view! {
                <Elsewhere agency>
                    <p data-testid="where-handler">
                        {tr("Theo cơ quan thực hiện mà nguồn công bố, thủ tục này do ", "By the executing agency its source publishes, this procedure is handled by: ")}
                        <strong>{move || handler.label().pick(lang.get())}</strong>
                        {tr(" giải quyết, không phải Trung tâm Phục vụ hành chính công cấp xã.", ", not the commune's Public Administrative Service Centre.")}
                    </p>
                </Elsewhere>
            }
            .into_any()
        }
        (_, false, false) => view! {
            <Elsewhere agency>
                <p>{tr(
                    "Thủ tục này do cơ quan cấp bộ hoặc cơ quan khác giải quyết, không qua trung tâm của tỉnh hay xã.",
                    "This procedure is handled by a ministry or another body, not by a provincial or commune centre.",
                )}</p>
            </Elsewhere>
        }
        .into_any(),
        _ => view! { <PickPlace at_commune at_province /> }.into_any(),
    }
}

/// A procedure no centre of the citizen's place receives: who handles it
/// (`children`), its published agency, and the national line for help.
#[component]
fn Elsewhere(agency: Option<String>, children: Children) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="where-h" data-testid="where">
            <h2 id="where-h">{tr("Nộp hồ sơ ở đâu?", "Where do I submit it?")}</h2>
            {children()}
            {agency.map(|a| view! { <p>{tr("Cơ quan thực hiện: ", "Handled by: ")} {a}</p> })}
            <p>{tr("Hỗ trợ: ", "Help: ")} <Phone number=NATIONAL_LINE.to_string() /></p>
        </section>
    }
}

/// The province and commune pickers (remembered), and the centres that
/// receive the procedure there.
#[component]
fn PickPlace(at_commune: bool, at_province: bool) -> impl IntoView {
    let provinces = Resource::new(api::provinces);
    let manifest = Resource::new(api::manifest);
    let province = RwSignal::new(prefs::province());
    let commune = RwSignal::new(prefs::commune());
    let file = Resource::new(move || {
        let p = province.get();
        async move {
            match p {
                Some(p) => api::province_file(&p).await.ok(),
                None => None,
            }
        }
    });
    let lang = use_lang();
    // The options depend on the list only, never on the choice: rebuilding them
    // while a keyboard user types or arrows through the list would reset it.
    let province_select = move || {
        let list = provinces.get().and_then(Result::ok);
        let current = province.get_untracked().map(|p| p.to_string()).unwrap_or_default();
        let mut list: Vec<Province> = list.map(|l| l.as_ref().clone()).unwrap_or_default();
        list.sort_by_cached_key(|p| sort_key(&p.short_name));
        list.into_iter()
            .map(|p| {
                let selected = p.code.as_str() == current;
                view! { <option value=p.code.to_string() selected=selected>{p.name}</option> }
            })
            .collect_view()
    };
    let commune_select = move || {
        let current = commune.get_untracked().map(|c| c.to_string()).unwrap_or_default();
        let mut list: Vec<(String, String)> = file
            .get()
            .flatten()
            .map(|f| f.communes.iter().map(|c| (c.code.to_string(), c.name.clone())).collect())
            .unwrap_or_default();
        list.sort_by_cached_key(|(_, n)| sort_key(n));
        list.into_iter()
            .map(|(code, name)| {
                let selected = code == current;
                view! { <option value=code selected=selected>{name}</option> }
            })
            .collect_view()
    };
    let answer = move || {
        let provinces = provinces.get().and_then(Result::ok)?;
        let p = province.get()?;
        let province = provinces.iter().find(|x| x.code == p)?.clone();
        let commune = commune.get().and_then(|c| file.get().flatten()?.commune(&c).cloned());
        Some(view! { <Centres province commune at_commune at_province manifest=manifest.get() /> })
    };
    let explain = move || received_at(at_commune, at_province).pick(lang.get());
    view! {
        <section class="where" aria-labelledby="where-h" data-testid="where">
            <h2 id="where-h">{tr("Nộp hồ sơ ở đâu?", "Where do I submit it?")}</h2>
            <p>{explain}</p>
            <div class="filter-grid">
                <label>
                    {tr("Tỉnh, thành phố của bạn", "Your province")}
                    <select on:change=move |ev| {
                        let code = ProvinceCode::parse(&event_target_value(&ev)).ok();
                        prefs::set_province(code.as_ref());
                        commune.set(None);
                        province.set(code);
                    }>
                        <option value="">{tr("— Chọn —", "— Choose —")}</option>
                        {province_select}
                    </select>
                </label>
                {at_commune.then(|| view! {
                    <label>
                        {tr("Xã, phường của bạn", "Your commune")}
                        <select
                            disabled=move || province.get().is_none()
                            on:change=move |ev| {
                                let code = CommuneCode::parse(&event_target_value(&ev)).ok();
                                prefs::set_commune(code.as_ref());
                                commune.set(code);
                            }
                        >
                            <option value="">{tr("— Chọn —", "— Choose —")}</option>
                            {commune_select}
                        </select>
                    </label>
                })}
            </div>
            {answer}
        </section>
    }
}

/// The centres of the chosen place that receive the procedure: the commune's
/// (or a hint to pick one) and the province's, by the procedure's levels.
#[component]
fn Centres(
    province: Province,
    commune: Option<Commune>,
    at_commune: bool,
    at_province: bool,
    manifest: Option<crate::api::Loaded<cuaso_catalogue::format::Manifest>>,
) -> impl IntoView {
    let commune_cards = at_commune.then(|| match commune {
        Some(c) => {
            let source = source_of(&manifest, c.centre.source.as_deref().unwrap_or(&c.source));
            let (centre, points) = (c.centre, c.support_points);
            view! {
                <CentreCard centre source />
                {(!points.is_empty()).then(|| view! {
                    <section class="card" data-testid="where-support">
                        <h3>{tr("Điểm hỗ trợ gần đây (bưu điện)", "Support points nearby (post offices)")}</h3>
                        <ul class="support-list">
                            {points.into_iter().take(5).map(|point| view! { <SupportPointItem point /> }).collect_view()}
                        </ul>
                    </section>
                })}
            }
            .into_any()
        }
        None => view! { <p class="hint">{tr("Chọn xã, phường để xem trung tâm cấp xã tiếp nhận hồ sơ.", "Pick your commune to see the commune centre that receives it.")}</p> }
            .into_any(),
    });
    let province_card = at_province.then(|| {
        let source = source_of(&manifest, province.centre.source.as_deref().unwrap_or(&province.source));
        view! { <CentreCard centre=province.centre.clone() source /> }
    });
    view! { {commune_cards} {province_card} }
}
