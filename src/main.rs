//! Cửa sổ số — the citizen-facing window onto Vietnam's public services.
//! Entry point of the client-side app (Leptos CSR, built by Trunk).

mod api;
mod app;
mod components;
mod i18n;
mod routes;

/// `index.html` carries a description for readers without JavaScript; each
/// route sets its own, so the static one goes before the app mounts.
fn drop_static_description() {
    let head = web_sys::window().and_then(|w| w.document()).and_then(|d| d.head());
    if let Some(meta) = head.and_then(|h| h.query_selector("meta[name=description]").ok().flatten()) {
        meta.remove();
    }
}

fn main() {
    console_error_panic_hook::set_once();
    drop_static_description();
    leptos::mount::mount_to_body(app::App);
}
