//! How the app starts in the browser. `index.html`'s `#boot` holds either
//! "opening…" (the shell, for paths with no page of their own) or the page
//! itself as the prerender wrote it (`data-prerendered`, see `prerender.rs`).
//!
//! Over the shell the app mounts at once. Over a prerendered page it starts
//! when the page is used or idle (the boot script, scripts/trunk-external-bootstrap),
//! then mounts
//! hidden (`html.booting`, style/main.css) and takes the page's place in one
//! frame once its own page has its data, so the reader never sees the page
//! blink to "loading" and back: what was typed into the page's fields, where
//! the focus was and the scroll position carry over.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

const BOOTING: &str = "booting";

pub fn mount() {
    let Some(doc) = crate::browser::window().and_then(|w| w.document()) else { return };
    let prerendered = doc.query_selector("#boot[data-prerendered]").ok().flatten().is_some();
    if prerendered {
        if let Some(root) = doc.document_element() {
            let _ = root.class_list().add_1(BOOTING);
        }
        leptos::mount::mount_to_body(crate::app::App);
        when_ready(doc);
    } else {
        drop_static_shell(&doc);
        leptos::mount::mount_to_body(crate::app::App);
    }
}

/// `index.html` carries a description for readers without JavaScript and
/// `#boot`; the app brings its own of both.
fn drop_static_shell(doc: &web_sys::Document) {
    for selector in ["head meta[name=description]", "#boot"] {
        if let Ok(Some(el)) = doc.query_selector(selector) {
            el.remove();
        }
    }
}

/// Whether the app's page has what it loads: its main area is rendered and
/// nothing in it still says "loading".
fn ready(doc: &web_sys::Document) -> bool {
    let has = |s: &str| doc.query_selector(s).ok().flatten().is_some();
    has("body > main > *") && !has("body > main .loading, body > footer .loading")
}

fn when_ready(doc: web_sys::Document) {
    request_animation_frame(move || {
        if ready(&doc) {
            swap(&doc);
        } else {
            when_ready(doc);
        }
    });
}

/// The app in place of the prerendered page, in one frame.
fn swap(doc: &web_sys::Document) {
    let Some(boot) = doc.get_element_by_id("boot") else { return };
    let window = crate::browser::window();
    let scroll = window.as_ref().map(|w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)));
    let focused = doc.active_element().filter(|e| boot.contains(Some(e))).map(|e| e.id()).filter(|id| !id.is_empty());
    let typed = typed_text(&boot);
    drop_static_shell(doc);
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().remove_1(BOOTING);
    }
    for (id, text) in typed {
        let Some(field) = doc.get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            continue;
        };
        field.set_value(&text);
        if let Ok(event) = web_sys::Event::new("input") {
            let _ = field.dispatch_event(&event);
        }
    }
    if let Some(el) = focused.and_then(|id| doc.get_element_by_id(&id)) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
    if let (Some(w), Some((x, y))) = (window, scroll) {
        w.scroll_to_with_x_and_y(x, y);
    }
}

/// (id, text) of each prerendered field someone typed into: the app's field
/// of the same id gets the text, with an `input` event as if typed there.
fn typed_text(boot: &web_sys::Element) -> Vec<(String, String)> {
    let Ok(fields) = boot.query_selector_all("input[id]") else { return Vec::new() };
    (0..fields.length())
        .filter_map(|i| fields.item(i)?.dyn_into::<web_sys::HtmlInputElement>().ok())
        .filter(|f| f.value() != f.default_value())
        .map(|f| (f.id(), f.value()))
        .collect()
}
