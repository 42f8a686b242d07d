//! Cửa sổ số — the citizen-facing window onto Vietnam's public services.
//! Entry point of the client-side app (Leptos CSR, built by Trunk).

mod api;
mod app;
mod components;
mod i18n;
mod modes;
mod prefs;
mod routes;

/// `index.html` carries a description for readers without JavaScript and a
/// header with "opening…" for the seconds before the app starts; the app brings
/// its own of both, so the static ones go before it mounts.
fn drop_static_shell() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    for selector in ["head meta[name=description]", "#boot"] {
        if let Ok(Some(el)) = doc.query_selector(selector) {
            el.remove();
        }
    }
}

fn main() {
    console_error_panic_hook::set_once();
    drop_static_shell();
    leptos::mount::mount_to_body(app::App);
}
