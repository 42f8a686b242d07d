//! The connection and the catalogue's freshness, under the header: "offline,
//! showing the data of {date}", and "new data available — update" when a newer
//! catalogue is published while the page is open. The page keeps the catalogue
//! it started with until the person chooses to update (a reload), so it never
//! shows a mix of two.

use crate::api::{self, Resource};
use crate::i18n::{tr, use_lang, Lang};
use leptos::prelude::*;
use std::time::Duration;

/// How often an open page asks whether a newer catalogue exists (also when it
/// becomes visible again or the network returns).
const CHECK_EVERY: Duration = Duration::from_secs(30 * 60);

fn online() -> bool {
    crate::browser::window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

#[component]
pub fn NetworkStatus() -> impl IntoView {
    let lang = use_lang();
    let is_online = RwSignal::new(online());
    let newer = RwSignal::new(false);
    let manifest = Resource::new(api::manifest);
    let check = move || {
        if newer.get_untracked() || !online() {
            return;
        }
        crate::browser::spawn(async move {
            if api::newer_catalogue().await {
                newer.set(true);
            }
        });
    };
    let on_online = window_event_listener(leptos::ev::online, move |_| {
        is_online.set(true);
        check();
    });
    let on_offline = window_event_listener(leptos::ev::offline, move |_| is_online.set(false));
    // Coming back to the tab (the event bubbles from the document to the window).
    let on_visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let visible = crate::browser::window().and_then(|w| w.document()).is_some_and(|d| !d.hidden());
        if visible {
            check();
        }
    });
    let interval = crate::browser::window().and_then(|_| set_interval_with_handle(check, CHECK_EVERY).ok());
    on_cleanup(move || {
        on_online.remove();
        on_offline.remove();
        on_visible.remove();
        if let Some(i) = interval {
            i.clear();
        }
    });
    let built = move || {
        manifest.get().and_then(Result::ok).map(|m| cuaso_edge::format::date(lang.get(), &m.built)).unwrap_or_default()
    };
    view! {
        <div class="network-status" role="status">
            {move || (!is_online.get()).then(|| view! {
                <p class="notice offline-note" data-testid="offline-note">
                    {move || match lang.get() {
                        Lang::Vi => format!("Bạn đang ngoại tuyến. Trang hiển thị dữ liệu đã lưu (tạo ngày {}); trang chưa mở lần nào cần có mạng.", built()),
                        Lang::En => format!("You are offline. Pages show the saved data (built {}); pages never opened need the network.", built()),
                    }}
                </p>
            })}
            {move || newer.get().then(|| view! {
                <p class="notice update-note" data-testid="update-note">
                    {tr("Đã có dữ liệu mới hơn. ", "Newer data is available. ")}
                    <button type="button" on:click=|_| {
                        if let Some(w) = crate::browser::window() {
                            let _ = w.location().reload();
                        }
                    }>{tr("Cập nhật", "Update")}</button>
                </p>
            })}
        </div>
    }
}
