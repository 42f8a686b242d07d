//! Cửa sổ số — the citizen-facing window onto Vietnam's public services.
//! In the browser (`csr`, built by Trunk): the client-side app, which takes
//! over the page the prerender wrote. Natively (`ssr`): the prerender.

#![recursion_limit = "512"]

mod api;
mod app;
mod browser;
mod components;
mod i18n;
mod modes;
mod prefs;
#[cfg(feature = "ssr")]
mod prerender;
mod routes;
#[cfg(not(feature = "ssr"))]
mod takeover;

#[cfg(not(feature = "ssr"))]
fn main() {
    console_error_panic_hook::set_once();
    takeover::mount();
}

#[cfg(feature = "ssr")]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = prerender::run(&args) {
        eprintln!("prerender: {e}");
        std::process::exit(1);
    }
}
