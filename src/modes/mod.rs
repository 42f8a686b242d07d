//! Kiosk and embed modes in the browser: the thin layer over `cuaso-modes`,
//! which owns every rule (options, links, idle phases, keyboard).
//!
//! The mode is read once, at start, from the URL ([`provide_mode`]), and is
//! kept on every in-app URL two ways: links in the page are rewritten as
//! they appear ([`ModeShell`]'s mutation observer — an embed's links that
//! leave its view also get `target="_blank" rel="noopener"` and the full
//! app's URL), and every URL written to the history, by a link or by code
//! (the search box), gets the mode's parameters ([`keep_mode_in_history`]).

mod app_link;
pub mod embed;
pub mod kiosk;
pub use app_link::AppLink;

use crate::api::{self, Resource};
use crate::i18n::{use_lang, Lang};
use cuaso_edge::Route;
use cuaso_modes::{destination, full_app_link, Destination, Kind, Options, Problem};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The mode, its options (the preset place is dropped if the catalogue
/// lacks it) and what was ignored.
#[derive(Clone, Copy)]
pub struct Mode {
    pub options: RwSignal<Options>,
    pub problems: RwSignal<Vec<Problem>>,
    kind: Kind,
}

impl Mode {
    pub fn kind(&self) -> Kind {
        self.kind
    }
    pub fn is_embed(&self) -> bool {
        self.kind == Kind::Embed
    }
    /// `route`'s href with the mode's parameters.
    pub fn href(&self, route: &Route) -> String {
        self.options.with_untracked(|o| o.href(route))
    }
}

pub fn use_mode() -> Mode {
    expect_context::<Mode>()
}

fn window() -> web_sys::Window {
    crate::browser::window().expect("a window")
}

fn here() -> String {
    let l = window().location();
    format!("{}{}{}", l.pathname().unwrap_or_default(), l.search().unwrap_or_default(), l.hash().unwrap_or_default())
}

/// This page's URL for the full app (no mode, same language), absolute.
/// The prerender has no origin: pages that show the URL (share, QR) show it
/// once the app runs ([`has_origin`]).
pub fn full_app_url(lang: Lang) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}", full_app_link(&here(), lang))
}

/// Whether this page knows its own absolute URL (not in the prerender).
pub fn has_origin() -> bool {
    crate::browser::window().is_some()
}

fn root() -> Option<web_sys::HtmlElement> {
    window().document()?.document_element()?.dyn_into().ok()
}

/// Reads the mode from the URL and sets the page up for it. Call once,
/// after the language, before the router.
pub fn provide_mode(lang: RwSignal<Lang>) -> Mode {
    let (path, query) = crate::browser::location();
    let (options, problems) = Options::parse(&path, &query);
    let mode = Mode { kind: options.kind, options: RwSignal::new(options.clone()), problems: RwSignal::new(problems) };
    provide_context(mode);
    if options.kind == Kind::Normal {
        return mode;
    }
    if let Some(l) = options.lang {
        lang.set(l);
    }
    if let Some(root) = root() {
        let _ = root.class_list().add_1(if options.kind == Kind::Kiosk { "kiosk" } else { "embed" });
        if let Some(accent) = &options.accent {
            // CSSOM, not a style attribute: allowed under a strict CSP.
            let _ = root.style().set_property("--brand", accent.as_str());
            let _ = root.style().set_property("--link", accent.as_str());
        }
    }
    if options.kind == Kind::Kiosk {
        kiosk::provide_kiosk();
    }
    keep_mode_in_history(mode.options, options.kind == Kind::Kiosk);
    if options.province.is_some() || options.commune.is_some() {
        crate::browser::spawn(check_places(mode));
    }
    mode
}

/// Every URL the app writes to the history (the router's links and the
/// search box's typing alike) gets the mode's parameters, by wrapping
/// `history.pushState` and `replaceState`. In a kiosk, `pushState` becomes
/// `replaceState`: the session never adds a history entry, so Back can never
/// show the previous person's pages.
fn keep_mode_in_history(options: RwSignal<Options>, kiosk: bool) {
    let Ok(history) = window().history() else { return };
    let get = |name: &str| js_sys::Reflect::get(&history, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok();
    let (Some(push), Some(replace)) = (get("pushState"), get("replaceState")) else { return };
    let origin = window().location().origin().unwrap_or_default();
    let wrap = |original: js_sys::Function| {
        let history = history.clone();
        let origin = origin.clone();
        Closure::<dyn Fn(JsValue, JsValue, JsValue)>::new(move |state: JsValue, title: JsValue, url: JsValue| {
            let url = match url.as_string() {
                Some(u) if u.starts_with('/') => match destination(&format!("{origin}{u}"), &origin) {
                    Destination::App(path) => JsValue::from(options.with_untracked(|o| o.link(&path))),
                    _ => url,
                },
                _ => url,
            };
            let _ = original.call3(&history, &state, &title, &url);
        })
    };
    let new_replace = wrap(replace.clone());
    let new_push = wrap(if kiosk { replace } else { push });
    let _ = js_sys::Reflect::set(&history, &"replaceState".into(), new_replace.as_ref());
    let _ = js_sys::Reflect::set(&history, &"pushState".into(), new_push.as_ref());
    // For the page's life.
    new_replace.forget();
    new_push.forget();
}

/// Drops a preset place the catalogue does not have, and makes the rest the
/// remembered choice of "where to submit" unless one is remembered.
async fn check_places(mode: Mode) {
    let (Ok(provinces), Ok(communes)) = (api::provinces().await, api::communes().await) else { return };
    let mut o = mode.options.get_untracked();
    let found = o.check_places(provinces.iter().map(|p| &p.code), communes.iter().map(|c| (&c.code, &c.province)));
    if crate::prefs::province().is_none() {
        if let Some(p) = &o.province {
            crate::prefs::set_province(Some(p));
            crate::prefs::set_commune(o.commune.as_ref());
        }
    }
    mode.options.set(o);
    mode.problems.update(|p| p.extend(found));
}

/// Sets the mode's attributes on the links under `root`.
fn fix_links(root: &web_sys::Element, o: &Options, origin: &str, lang: Lang) {
    let Ok(list) = root.query_selector_all("a[href]") else { return };
    for i in 0..list.length() {
        let Some(a) = list.get(i).and_then(|n| n.dyn_into::<web_sys::HtmlAnchorElement>().ok()) else { continue };
        let raw = a.get_attribute("href").unwrap_or_default();
        let ours = a.has_attribute("data-cuaso-out");
        // `data-cuaso-full`: the app's own link to the full app, already right.
        if raw.starts_with('#') || a.has_attribute("data-cuaso-full") || (!a.target().is_empty() && !ours) {
            continue;
        }
        match destination(&a.href(), origin) {
            Destination::App(path) => {
                let page = path.split(['?', '#']).next().unwrap_or("/");
                if o.keeps(page) {
                    let want = o.link(&path);
                    if raw != want {
                        let _ = a.set_attribute("href", &want);
                    }
                    if ours {
                        // A reused element that used to lead out.
                        for attr in ["target", "rel", "data-cuaso-out"] {
                            let _ = a.remove_attribute(attr);
                        }
                    }
                } else {
                    let want = full_app_link(&path, lang);
                    if raw != want {
                        let _ = a.set_attribute("href", &want);
                    }
                    mark_out(&a);
                }
            }
            Destination::External if o.kind == Kind::Embed => mark_out(&a),
            _ => {}
        }
    }
    if o.kind == Kind::Kiosk {
        // The kiosk's own keyboard types; keep the device's from covering the page.
        if let Ok(inputs) =
            root.query_selector_all("input[type=search]:not([inputmode]), input[type=text]:not([inputmode])")
        {
            for i in 0..inputs.length() {
                if let Some(el) = inputs.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.set_attribute("inputmode", "none");
                }
            }
        }
    }
}

fn mark_out(a: &web_sys::HtmlAnchorElement) {
    if a.target() != "_blank" {
        a.set_target("_blank");
    }
    if a.get_attribute("rel").as_deref() != Some("noopener") && !a.rel().contains("noopener") {
        a.set_rel("noopener");
    }
    if !a.has_attribute("data-cuaso-out") {
        let _ = a.set_attribute("data-cuaso-out", "");
    }
}

/// Inside the router: keeps the mode on links and URLs, and adds the
/// kiosk's or the embed's own parts.
#[component]
pub fn ModeShell() -> impl IntoView {
    let mode = use_mode();
    if mode.kind() == Kind::Normal {
        return ().into_any();
    }
    let lang = use_lang();
    let origin = window().location().origin().unwrap_or_default();
    let body = window().document().and_then(|d| d.body());
    if let Some(body) = body {
        let options = mode.options;
        let target = body.clone();
        let run = Closure::<dyn Fn()>::new(move || {
            fix_links(&target, &options.get_untracked(), &origin, lang.get_untracked());
        });
        let observer = web_sys::MutationObserver::new(run.as_ref().unchecked_ref()).ok();
        if let Some(observer) = observer {
            let init = web_sys::MutationObserverInit::new();
            init.set_child_list(true);
            init.set_subtree(true);
            init.set_attributes(true);
            init.set_attribute_filter(&js_sys::Array::of1(&"href".into()));
            let _ = observer.observe_with_options(&body, &init);
        }
        // The first page is already there before the observer.
        let _ = run.as_ref().unchecked_ref::<js_sys::Function>().call0(&JsValue::NULL);
        // Lives as long as the page.
        run.forget();
    }
    match mode.kind() {
        Kind::Kiosk => view! { <kiosk::KioskShell /> }.into_any(),
        _ => view! { <embed::EmbedShell /> }.into_any(),
    }
}

/// What the mode ignored, for the person who set it up: a short note,
/// never an error page.
#[component]
pub fn ModeProblems() -> impl IntoView {
    let mode = use_mode();
    let lang = use_lang();
    move || {
        let problems = mode.problems.get();
        (!problems.is_empty()).then(|| {
            let items = problems
                .into_iter()
                .map(|p| {
                    let text = move || format!("{}={}: {}", p.param, p.value, p.reason.message().pick(lang.get()));
                    view! { <li>{text}</li> }
                })
                .collect_view();
            view! {
                <aside class="mode-problems" role="note" data-testid="mode-problems">
                    <p>{crate::i18n::tr("Đã bỏ qua tùy chọn không hợp lệ:", "Invalid options were ignored:")}</p>
                    <ul>{items}</ul>
                </aside>
            }
        })
    }
}

/// The preset province and commune, on the start page: the way to their
/// pages (their centres, phones and procedures).
#[component]
pub fn PresetPlace() -> impl IntoView {
    let mode = use_mode();
    // Nothing to fetch on a plain visit.
    if mode.options.with_untracked(|o| o.province.is_none() && o.commune.is_none()) {
        return ().into_any();
    }
    let provinces = Resource::new(api::provinces);
    let communes = Resource::new(api::communes);
    (move || {
        let o = mode.options.get();
        let province = o.province.as_ref().and_then(|code| {
            provinces
                .get()?
                .ok()?
                .iter()
                .find(|p| &p.code == code)
                .map(|p| (Route::province(p.code.clone()), p.name.clone()))
        });
        let commune = o.commune.as_ref().and_then(|code| {
            communes
                .get()?
                .ok()?
                .iter()
                .find(|c| &c.code == code)
                .map(|c| (Route::Commune(c.code.clone()), c.name.clone()))
        });
        (province.is_some() || commune.is_some()).then(|| {
            let link = |(route, name): (Route, String)| view! { <li><AppLink route>{name}</AppLink></li> };
            view! {
                <section class="preset-place" aria-labelledby="preset-h" data-testid="preset-place">
                    <h2 id="preset-h">{crate::i18n::tr("Địa bàn của bạn", "Your area")}</h2>
                    <ul class="quick-links">{province.map(link)}{commune.map(link)}</ul>
                </section>
            }
        })
    })
    .into_any()
}
