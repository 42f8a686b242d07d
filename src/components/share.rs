//! Share and print: the page's link as text and as a QR code (to scan at a
//! service centre or from a poster), a copy button, and print.

use crate::i18n::{tr, use_lang};
use cuaso_pages::qr;
use leptos::prelude::*;

#[component]
pub fn SharePanel() -> impl IntoView {
    if !crate::modes::has_origin() {
        return ().into_any();
    }
    // Without a kiosk's or an embed's parameters: a shared link opens the full app.
    let url = crate::modes::full_app_url(use_lang().get_untracked());
    let copied = RwSignal::new(false);
    let qr = qr::svg_path(&url).map(|(w, path)| {
        let size = w + 8;
        view! {
            <svg
                class="qr"
                viewBox=format!("-4 -4 {size} {size}")
                role="img"
                aria-label=tr("Mã QR của liên kết trang này", "QR code of this page's link")
                shape-rendering="crispEdges"
            >
                <rect x="-4" y="-4" width=size height=size fill="#fff" />
                <path d=path fill="#000" />
            </svg>
        }
    });
    let copy_url = url.clone();
    view! {
        <section class="card share" aria-labelledby="share-h" data-testid="share">
            <h2 id="share-h">{tr("Chia sẻ, in", "Share, print")}</h2>
            {qr}
            <label for="share-url">{tr("Liên kết trang này", "Link to this page")}</label>
            <input id="share-url" type="text" readonly value=url />
            <p class="actions">
                <button type="button" on:click=move |_| {
                    if let Some(w) = crate::browser::window() {
                        let _ = w.navigator().clipboard().write_text(&copy_url);
                        copied.set(true);
                    }
                }>
                    {move || if copied.get() { tr("Đã chép", "Copied")() } else { tr("Chép liên kết", "Copy link")() }}
                </button>
                <button type="button" on:click=|_| {
                    if let Some(w) = crate::browser::window() {
                        let _ = w.print();
                    }
                }>{tr("In danh sách cần mang", "Print the checklist")}</button>
            </p>
        </section>
    }
    .into_any()
}
