//! What the app reads from the browser itself, in one place, so that the
//! prerender (a native run with no browser, see `prerender.rs`) answers it
//! too: there is no window, and the location is the page being rendered.

/// The browser's window; `None` in the prerender.
pub fn window() -> Option<web_sys::Window> {
    #[cfg(feature = "ssr")]
    return None;
    #[cfg(not(feature = "ssr"))]
    web_sys::window()
}

/// The page's path and query (`?…`, or empty).
pub fn location() -> (String, String) {
    #[cfg(feature = "ssr")]
    return AT.with(|at| (at.borrow().clone(), String::new()));
    #[cfg(not(feature = "ssr"))]
    window()
        .map(|w| w.location())
        .map_or_else(Default::default, |l| (l.pathname().unwrap_or_default(), l.search().unwrap_or_default()))
}

#[cfg(feature = "ssr")]
thread_local! {
    static AT: std::cell::RefCell<String> = std::cell::RefCell::new("/".into());
}

/// The prerender's page: what [`location`] answers while it renders `path`.
#[cfg(feature = "ssr")]
pub fn render_at(path: &str) {
    AT.with(|at| *at.borrow_mut() = path.to_string());
}

/// Runs a future of the page's: in the browser beside the page; in the
/// prerender at once (its loads read files and complete on the first poll).
pub fn spawn(fut: impl std::future::Future<Output = ()> + 'static) {
    #[cfg(feature = "ssr")]
    let _ = futures::FutureExt::now_or_never(fut);
    #[cfg(not(feature = "ssr"))]
    leptos::task::spawn_local(fut);
}
