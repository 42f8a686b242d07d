//! Kiosk mode: a touch screen in a service centre, used by one stranger
//! after another.
//!
//! - History: the kiosk never adds a browser history entry (`pushState` is
//!   made `replaceState` for the page's life, see `keep_mode_in_history`), so the browser's Back can
//!   never show the previous person's pages; the reset reloads the start
//!   page in that same single entry.
//! - Idle: after `cho` seconds without a touch or a key, the reset clears
//!   local and session storage and reloads the start screen (inputs, the
//!   language choice and every in-memory state go with the page); for the
//!   last seconds a dialog counts down.
//! - Nothing leaves the app: external links are buttons showing a QR code,
//!   and every page offers its own URL as a QR code and print.
//! - An on-screen Vietnamese keyboard types into the search boxes.

use crate::i18n::{tr, use_lang, Lang};
use crate::modes::{full_app_url, use_mode};
use cuaso_edge::Route;
use cuaso_modes::idle::{phase, Phase};
use cuaso_modes::keyboard::{press, Key, Tone};
use cuaso_pages::qr;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use std::cell::Cell;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the QR dialog shows.
#[derive(Clone, Debug, PartialEq)]
pub enum QrRequest {
    /// This page, to carry on on a phone.
    Page,
    /// A link that would leave the kiosk: its text and target.
    External { label: String, href: String },
}

#[derive(Clone, Copy)]
struct Kiosk {
    qr: RwSignal<Option<QrRequest>>,
}

thread_local! {
    /// When the kiosk was last touched (ms since the epoch).
    static LAST_ACTIVITY: Cell<f64> = const { Cell::new(0.0) };
}

fn window() -> web_sys::Window {
    crate::browser::window().expect("a window")
}

/// Set up at start, before the router: the QR context.
pub fn provide_kiosk() {
    provide_context(Kiosk { qr: RwSignal::new(None) });
}

/// A link out of the app (another site, `tel:`, `geo:`): a normal link,
/// or in a kiosk a button that shows its QR code.
#[component]
pub fn ExternalLink(
    href: String,
    /// Open in a new tab (with `rel="noopener noreferrer"`).
    #[prop(optional)]
    new_tab: bool,
    #[prop(optional, into)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    match use_context::<Kiosk>() {
        Some(k) => {
            let label_ref = NodeRef::<leptos::html::Span>::new();
            view! {
                <button
                    type="button"
                    class=format!("qr-link {}", class.unwrap_or(""))
                    data-href=href.clone()
                    on:click=move |_| {
                        let label = label_ref.get_untracked().map(|s| s.inner_text()).unwrap_or_default();
                        k.qr.set(Some(QrRequest::External { label, href: href.clone() }));
                    }
                >
                    <span node_ref=label_ref>{children()}</span>
                    <span class="qr-hint">{tr(" — mã QR", " — QR code")}</span>
                </button>
            }
            .into_any()
        }
        None => {
            let (target, rel) = if new_tab { (Some("_blank"), Some("noopener noreferrer")) } else { (None, None) };
            view! { <a href=href class=class target=target rel=rel>{children()}</a> }.into_any()
        }
    }
}

/// `/kiosk`: the kiosk's entry; goes to its start screen.
#[component]
pub fn KioskEntry() -> impl IntoView {
    let mode = use_mode();
    let navigate = use_navigate();
    Effect::new(move || navigate(&mode.href(&Route::Home), NavigateOptions { replace: true, ..Default::default() }));
}

/// The kiosk's start screen, with its options.
fn start_url() -> String {
    use_mode().href(&Route::Home)
}

/// Clears everything the session left and reloads the start screen in the
/// same history entry.
fn reset(start: &str) {
    let w = window();
    if let Ok(Some(s)) = w.local_storage() {
        let _ = s.clear();
    }
    if let Ok(Some(s)) = w.session_storage() {
        let _ = s.clear();
    }
    let _ = w.location().replace(start);
}

fn touch() {
    LAST_ACTIVITY.with(|t| t.set(js_sys::Date::now()));
}

#[component]
pub fn KioskShell() -> impl IntoView {
    let k = expect_context::<Kiosk>();
    let mode = use_mode();
    let lang = use_lang();
    let timeout = mode.options.with_untracked(|o| o.idle_secs);
    let start = start_url();
    touch();
    let on_activity = Closure::<dyn Fn()>::new(touch);
    for ev in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        let _ = window().add_event_listener_with_callback_and_bool(ev, on_activity.as_ref().unchecked_ref(), true);
    }
    on_activity.forget();
    let warning = RwSignal::new(None::<u32>);
    let reset_to = start.clone();
    let _ = set_interval_with_handle(
        move || {
            let idle = (js_sys::Date::now() - LAST_ACTIVITY.with(Cell::get)).max(0.0) as u64;
            match phase(idle, timeout) {
                Phase::Active => warning.set(None),
                Phase::Warning { remaining } => warning.set(Some(remaining)),
                Phase::Reset => reset(&reset_to),
            }
        },
        Duration::from_millis(250),
    );
    let idle_dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move || {
        let Some(d) = idle_dialog.get() else { return };
        match (warning.get().is_some(), d.open()) {
            (true, false) => {
                let _ = d.show_modal();
            }
            (false, true) => d.close(),
            _ => {}
        }
    });
    let qr_dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move || {
        let Some(d) = qr_dialog.get() else { return };
        match (k.qr.get().is_some(), d.open()) {
            (true, false) => {
                let _ = d.show_modal();
            }
            (false, true) => d.close(),
            _ => {}
        }
    });
    let location = use_location();
    // Closing the QR dialog by Escape or a navigation clears the request.
    Effect::new(move || {
        location.pathname.track();
        k.qr.set(None);
    });
    let qr_body = move || {
        let req = k.qr.get()?;
        let (heading, text, url) = match req {
            QrRequest::Page => {
                let url = full_app_url(lang.get_untracked());
                (tr("Mang trang này sang điện thoại", "Take this page to your phone"), None, url)
            }
            QrRequest::External { label, href } => {
                (tr("Mở trên điện thoại của bạn", "Open it on your phone"), Some(label), href)
            }
        };
        let svg = qr::svg_path(&url).map(|(w, path)| {
            let size = w + 8;
            view! {
                <svg class="qr qr-large" viewBox=format!("-4 -4 {size} {size}") role="img" shape-rendering="crispEdges"
                    aria-label=tr("Mã QR của liên kết", "QR code of the link")>
                    <rect x="-4" y="-4" width=size height=size fill="#fff" />
                    <path d=path fill="#000" />
                </svg>
            }
        });
        Some(view! {
            <h2 id="qr-h">{heading}</h2>
            {text.map(|t| view! { <p class="qr-label">{t}</p> })}
            <p>{tr("Quét mã bằng camera điện thoại.", "Scan the code with your phone's camera.")}</p>
            {svg}
            <p class="qr-url" data-testid="qr-url">{url}</p>
        })
    };
    view! {
        <nav class="kiosk-bar" aria-label=tr("Thanh công cụ kiosk", "Kiosk toolbar")>
            <a class="button" href=start.clone()>{tr("Trang chủ", "Home")}</a>
            <button type="button" on:click=move |_| k.qr.set(Some(QrRequest::Page))>
                {tr("Mang sang điện thoại", "Take this to your phone")}
            </button>
            <button type="button" on:click=|_| { let _ = window().print(); }>{tr("In trang này", "Print this page")}</button>
            <button type="button" class="kiosk-end" on:click=move |_| reset(&start)>
                {tr("Kết thúc, xóa thông tin", "Finish and clear")}
            </button>
        </nav>
        <dialog class="kiosk-dialog" node_ref=qr_dialog aria-labelledby="qr-h" data-testid="qr-dialog"
            on:close=move |_| k.qr.set(None)>
            {qr_body}
            <p class="actions">
                <button type="button" on:click=move |_| k.qr.set(None)>{tr("Đóng", "Close")}</button>
            </p>
        </dialog>
        <dialog class="kiosk-dialog" node_ref=idle_dialog aria-labelledby="idle-h" aria-describedby="idle-p"
            data-testid="idle-dialog" on:cancel=|ev: web_sys::Event| ev.prevent_default()>
            <h2 id="idle-h">{tr("Bạn vẫn đang dùng?", "Are you still there?")}</h2>
            <p id="idle-p" role="timer">{move || {
                let n = warning.get().unwrap_or(0);
                match lang.get() {
                    Lang::Vi => format!("Sau {n} giây, màn hình sẽ trở về trang chủ và xóa mọi thông tin bạn đã nhập."),
                    Lang::En => format!("In {n} seconds the screen returns to the home page and clears everything you entered."),
                }
            }}</p>
            <p class="actions">
                <button type="button" on:click=move |_| { touch(); warning.set(None); }>
                    {tr("Tôi vẫn đang dùng", "I'm still here")}
                </button>
            </p>
        </dialog>
        <Keyboard />
    }
}

/// Scrolls `input` to just under the kiosk toolbar when the toolbar or the
/// keyboard covers any of it, or when it sits so low that the first results
/// would be under the keyboard.
fn keep_in_sight(input: &web_sys::HtmlInputElement) {
    let w = window();
    let Some(doc) = w.document() else { return };
    let bottom_of = |sel: &str| doc.query_selector(sel).ok().flatten().map(|e| e.get_bounding_client_rect());
    let bar = bottom_of(".kiosk-bar").map_or(0.0, |r| r.bottom());
    let keyboard = bottom_of(".kiosk-keyboard").map(|r| r.top());
    let height = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let r = input.get_bounding_client_rect();
    // A little air under the toolbar; the label may go under it, the box may not.
    let margin = 8.0;
    // Covered, or low enough that the results under it would be: the box
    // goes to the top, the room above the keyboard is for the results.
    let room = keyboard.unwrap_or(height) - bar;
    if r.top() < bar || r.bottom() > bar + room / 3.0 {
        w.scroll_by_with_x_and_y(0.0, r.top() - bar - margin);
    }
}

/// Text boxes the keyboard types into.
fn typable(el: &web_sys::Element) -> Option<web_sys::HtmlInputElement> {
    let input = el.clone().dyn_into::<web_sys::HtmlInputElement>().ok()?;
    (matches!(input.type_().as_str(), "search" | "text") && !input.read_only()).then_some(input)
}

const ROWS: [&str; 4] = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
const MARKED: &str = "ăâđêôơư";

/// The on-screen Vietnamese keyboard: open while a text box of the page has
/// been chosen; types at the end of that box and tells the page, as typing
/// would (an `input` event).
#[component]
fn Keyboard() -> impl IntoView {
    let target = RwSignal::new_local(None::<web_sys::HtmlInputElement>);
    let shift = RwSignal::new(false);
    let on_focus = Closure::<dyn Fn(web_sys::FocusEvent)>::new(move |ev: web_sys::FocusEvent| {
        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| typable(&e)) {
            target.set(Some(input));
        }
    });
    let _ = window().add_event_listener_with_callback("focusin", on_focus.as_ref().unchecked_ref());
    on_focus.forget();
    let open = move || target.with(|t| t.as_ref().is_some_and(|i| i.is_connected()));
    // The page changes under the keyboard: follow its new box, if any.
    let location = use_location();
    Effect::new(move || {
        location.pathname.track();
        if !target.with_untracked(|t| t.as_ref().is_some_and(|i| i.is_connected())) {
            target.set(None);
        }
    });
    Effect::new(move || {
        if let Some(root) = window().document().and_then(|d| d.document_element()) {
            let _ = root.class_list().toggle_with_force("keyboard-open", open());
        }
    });
    // The box and what is typed stay in sight: once the keyboard is drawn, a
    // box it covers (or the toolbar hides) is scrolled to just under the
    // toolbar, which leaves room for the first results above the keyboard.
    Effect::new(move || {
        let Some(input) = target.get().filter(|i| i.is_connected()) else { return };
        request_animation_frame(move || keep_in_sight(&input));
    });
    let send = move |key: Key| {
        let Some(input) = target.get_untracked().filter(|i| i.is_connected()) else { return };
        input.set_value(&press(&input.value(), key));
        let end = input.value().len() as u32;
        let _ = input.set_selection_range(end, end);
        if let Ok(ev) = web_sys::Event::new_with_event_init_dict("input", &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init
        }) {
            let _ = input.dispatch_event(&ev);
        }
    };
    // Keep the caret in the box: a key must not take the focus.
    let keep_focus = |ev: web_sys::MouseEvent| ev.prevent_default();
    let char_key = move |c: char| {
        let shown = move || if shift.get() { c.to_uppercase().collect::<String>() } else { c.to_string() };
        view! {
            <button type="button" class="key" on:mousedown=keep_focus on:click=move |_| {
                let upper = shift.get_untracked();
                let c = if upper { c.to_uppercase().next().unwrap_or(c) } else { c };
                shift.set(false);
                send(Key::Char(c));
            }>{shown}</button>
        }
    };
    let lang = use_lang();
    view! {
        <Show when=open>
            <div class="kiosk-keyboard" role="group" aria-label=tr("Bàn phím tiếng Việt", "Vietnamese keyboard") data-testid="keyboard">
                {ROWS.iter().map(|r| view! { <div class="key-row">{r.chars().map(char_key).collect_view()}</div> }).collect_view()}
                <div class="key-row">{MARKED.chars().map(char_key).collect_view()}</div>
                <div class="key-row tones">
                    {Tone::ALL.iter().map(|t| {
                        let t = *t;
                        view! {
                            <button type="button" class="key tone" on:mousedown=keep_focus
                                aria-label=move || if lang.get() == Lang::Vi { format!("Dấu {}", t.name()) } else { format!("Tone mark: {}", t.name_en()) }
                                on:click=move |_| send(Key::Tone(t))>{t.name()}</button>
                        }
                    }).collect_view()}
                </div>
                <div class="key-row">
                    <button type="button" class="key wide" aria-pressed=move || shift.get().to_string() on:mousedown=keep_focus
                        on:click=move |_| shift.update(|s| *s = !*s)>{tr("Chữ hoa", "Shift")}</button>
                    <button type="button" class="key space" on:mousedown=keep_focus on:click=move |_| send(Key::Space)>
                        {tr("Dấu cách", "Space")}
                    </button>
                    <button type="button" class="key wide" on:mousedown=keep_focus on:click=move |_| send(Key::Backspace)>
                        {tr("Xóa", "Delete")}
                    </button>
                    <button type="button" class="key wide" on:mousedown=keep_focus on:click=move |_| target.set(None)>
                        {tr("Ẩn bàn phím", "Hide keyboard")}
                    </button>
                </div>
            </div>
        </Show>
    }
}
