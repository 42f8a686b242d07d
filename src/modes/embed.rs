//! Embed mode: the app in an `<iframe>` on a provincial website.
//!
//! The page tells its parent its content height whenever it changes, so the
//! host's `embed.js` can size the frame. The message is
//! `{type: "cuaso:height", height: <px>}` and nothing else, posted with
//! target origin `*`: the app cannot know who embeds it, and a height is
//! not a secret. `embed.js` accepts it only from the app's origin.

use crate::api::{self, Resource};
use crate::i18n::{tr, use_lang, Lang};
use crate::modes::full_app_url;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static LAST_SENT: Cell<i32> = const { Cell::new(-1) };
}

fn post_height() {
    let Some(w) = crate::browser::window() else { return };
    let Some(root) = w.document().and_then(|d| d.document_element()) else { return };
    // The root element's own box is the content's height; the frame's
    // viewport may be taller or shorter.
    let height = root.get_bounding_client_rect().height().ceil() as i32;
    if LAST_SENT.with(|l| l.replace(height)) == height {
        return;
    }
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"cuaso:height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(height));
    let _ = parent.post_message(&msg, "*");
}

#[component]
pub fn EmbedShell() -> impl IntoView {
    let on_resize = Closure::<dyn Fn()>::new(post_height);
    if let (Ok(observer), Some(root)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        crate::browser::window().and_then(|w| w.document()).and_then(|d| d.document_element()),
    ) {
        observer.observe(&root);
    }
    on_resize.forget();
}

/// Instead of the site's footer: the way to the full app and the data's
/// source and date.
#[component]
pub fn EmbedFooter() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let manifest = Resource::new(api::manifest);
    let full = move || {
        location.pathname.track();
        location.search.track();
        full_app_url(lang.get())
    };
    view! {
        <footer class="embed-footer">
            <a href=full target="_blank" rel="noopener" data-cuaso-full="">
                {tr("Cửa sổ số — mở bản đầy đủ", "Cửa sổ số — open the full app")}
            </a>
            {move || manifest.get().and_then(Result::ok).map(|m| {
                let names = m
                    .sources
                    .iter()
                    .map(|s| if lang.get() == Lang::Vi { s.name.clone() } else { s.name_en.clone() })
                    .collect::<Vec<_>>()
                    .join("; ");
                view! {
                    <p class="source-note">
                        {tr("Nguồn dữ liệu: ", "Data sources: ")} {names} " · "
                        {tr("phiên bản ", "version ")} {m.version.clone()}
                    </p>
                }
            })}
        </footer>
    }
}
