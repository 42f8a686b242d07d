//! [`AppLink`]: a link to a page of the app, written for the mode once.

use super::use_mode;
use crate::i18n::use_lang;
use cuaso_edge::Route;
use cuaso_modes::full_app_link;
use leptos::prelude::*;

/// A link to `route` (and `fragment`, a part of the page), with the mode
/// read once when it renders: in a kiosk or an embed it carries the mode's
/// parameters; in an embed, a page outside the embed's sections opens the
/// full app (same language) in a new tab. What the mode's link observer
/// would write, written first, so it has nothing to change.
#[component]
pub fn AppLink(
    route: Route,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] fragment: &'static str,
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    let (href, out) = use_mode().options.with_untracked(|o| {
        let href = route.href_to(None, fragment);
        if o.keeps_route(&route) {
            (o.link(&href), false)
        } else {
            (href, true)
        }
    });
    let href = move || if out { full_app_link(&href, lang.get()) } else { href.clone() };
    view! {
        <a
            href=href
            class=class
            target=out.then_some("_blank")
            rel=out.then_some("noopener")
            data-cuaso-out=out.then_some("")
        >
            {children()}
        </a>
    }
}
