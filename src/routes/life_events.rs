//! `/su-kien` and `/su-kien/{slug}`: procedures by life event (sinh con, kết
//! hôn, khi có người mất…), from the curated table in `su-kien.json`, each
//! event's procedures in the order a citizen would do them.

use crate::api::{self, Resource};
use crate::components::loaded;
use crate::components::NotFoundMessage;
use crate::components::{Breadcrumb, PageMeta};
use crate::i18n::{say_owned, tr, use_lang, Lang};
use crate::modes::AppLink;
use cuaso_catalogue::lang::Text;
use cuaso_catalogue::model::{LifeEvent, ProcedureCode, ProcedureSummary};
use cuaso_edge::route::Slug;
use cuaso_edge::Route;
use cuaso_pages::life_events as events;
use cuaso_pages::meta::Meta;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

const MISSING: (&str, &str) = ("Không tìm thấy danh sách sự kiện.", "The list of life events is missing.");

/// `/su-kien`: every life event as a card with its name, summary and count.
#[component]
pub fn LifeEventsPage() -> impl IntoView {
    let events = Resource::new(api::life_events);
    view! {
        <PageMeta meta=Meta::fixed(Text::new("Thủ tục theo sự kiện trong đời — Cửa sổ số", "Procedures by life event — Cửa sổ số"), Text::new(
            "Sinh con, kết hôn, khi có người mất, chuyển nơi ở, làm căn cước, đất đai, xây nhà, hộ kinh doanh, xe: các thủ tục hành chính cần làm, theo thứ tự.",
            "Having a baby, marriage, a death in the family, moving home, identity cards, land, building, a household business, vehicles: the procedures to do, in order.",
        )) />
        <Breadcrumb />
        <h1>{tr("Thủ tục theo sự kiện trong đời", "Procedures by life event")}</h1>
        <p class="lead">
            {tr(
                "Chọn việc bạn đang gặp để xem các thủ tục thường phải làm, theo thứ tự.",
                "Pick what is happening in your life to see the procedures it usually takes, in order.",
            )}
        </p>
        {loaded(events, tr(MISSING.0, MISSING.1), move |events| {
            view! {
                <ul class="life-event-cards" data-testid="life-event-cards">
                    {events.iter().map(|e| {
                        let e = e.clone();
                        let slug = Slug::parse(&e.slug);
                        let n = e.codes.len();
                        let (name, summary, count) = (say_owned(events::name(&e)), say_owned(events::summary(&e)), say_owned(events::count(n)));
                        view! {
                            <li>
                                <h2>{match slug {
                                    Some(s) => view! { <AppLink route=Route::LifeEvent(s)>{name}</AppLink> }.into_any(),
                                    None => view! { <span>{name}</span> }.into_any(),
                                }}</h2>
                                <p>{summary}</p>
                                <p class="meta">{count}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })}
    }
}

/// The home page's section: every event as a link, and a link to `/su-kien`.
#[component]
pub fn LifeEventLinks() -> impl IntoView {
    let events = Resource::new(api::life_events);
    view! {
        <section class="life-events" aria-labelledby="life-events-h">
            <h2 id="life-events-h">{tr("Theo sự kiện trong đời", "By life event")}</h2>
            {loaded(events, tr(MISSING.0, MISSING.1), move |events| {
                view! {
                    <ul class="life-event-links" data-testid="life-events">
                        {events.iter().map(|e| {
                            let e = e.clone();
                            let slug = Slug::parse(&e.slug);
                            let name = say_owned(events::name(&e));
                            view! { <li>{match slug {
                                Some(s) => view! { <AppLink route=Route::LifeEvent(s)>{name}</AppLink> }.into_any(),
                                None => view! { <span>{name}</span> }.into_any(),
                            }}</li> }
                        }).collect_view()}
                    </ul>
                }
            })}
            <p>
                <AppLink class="life-events-all" route=Route::LifeEvents>{tr("Xem tất cả, kèm mô tả", "All life events, with what each involves")}</AppLink>
            </p>
        </section>
    }
}

/// `/su-kien/{slug}`: one event — its summary and its procedures in order.
#[component]
pub fn LifeEventPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get(cuaso_edge::route::SLUG_PARAM).unwrap_or_default();
    let events = Resource::new(api::life_events);
    loaded(events, tr(MISSING.0, MISSING.1), move |events| {
        let slug = slug();
        match events.iter().find(|e| e.slug == slug) {
            Some(e) => view! { <EventView event=e.clone() /> }.into_any(),
            None => view! {
                <NotFoundMessage what=tr("Không có sự kiện này trong danh sách.", "There is no such life event in the list.") />
            }
            .into_any(),
        }
    })
}

#[component]
fn EventView(event: LifeEvent) -> impl IntoView {
    let lang = use_lang();
    let index = Resource::new(api::procedure_index);
    let meta = events::meta(&event);
    let (name, summary) = (say_owned(events::name(&event)), say_owned(events::summary(&event)));
    let heading = events::in_order(event.codes.len());
    let codes = event.codes.clone();
    view! {
        <PageMeta meta />
        <Breadcrumb>
            <AppLink route=Route::LifeEvents>{tr("Sự kiện trong đời", "Life events")}</AppLink>
        </Breadcrumb>
        <h1>{name}</h1>
        <p class="lead">{summary}</p>
        <section aria-labelledby="event-procedures-h">
            <h2 id="event-procedures-h">
                {say_owned(heading)}
            </h2>
            {move || (lang.get() == Lang::En).then(|| view! {
                <p class="hint-inline">{"Procedure names and fields are in Vietnamese, as the National Public Service Portal publishes them."}</p>
            })}
            {loaded(index, tr("Không tìm thấy danh mục thủ tục.", "The procedure list is missing."), move |all| {
                let items: Vec<(ProcedureCode, Option<ProcedureSummary>)> = codes
                    .iter()
                    .map(|c| (c.clone(), all.iter().find(|p| &p.code == c).cloned()))
                    .collect();
                view! {
                    <ol class="life-event-steps" data-testid="event-procedures">
                        {items.into_iter().map(|(code, p)| {
                            let route = Route::Procedure(code.clone());
                            match p {
                                Some(p) => {
                                    let levels = p.levels.clone();
                                    let field = p.field.clone();
                                    let meta = move || {
                                        let l = lang.get();
                                        let levels: Vec<&str> = levels
                                            .iter()
                                            .map(|lv| lv.label().pick(l))
                                            .collect();
                                        format!("{} · {}", field, levels.join(", "))
                                    };
                                    view! {
                                        <li>
                                            <AppLink route>{p.name}</AppLink>
                                            <span class="meta">{meta}</span>
                                        </li>
                                    }
                                    .into_any()
                                }
                                None => view! { <li><AppLink route>{code.to_string()}</AppLink></li> }.into_any(),
                            }
                        }).collect_view()}
                    </ol>
                }
            })}
        </section>
        <p>
            <AppLink class="life-events-all" route=Route::LifeEvents>{tr("Các sự kiện khác", "Other life events")}</AppLink>
        </p>
    }
}
