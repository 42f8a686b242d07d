//! Cửa sổ số — the citizen-facing window onto Vietnam's public services.
//! Entry point of the client-side app (Leptos CSR, built by Trunk).

mod api;
mod app;
mod components;
mod i18n;
mod modes;
mod routes;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
