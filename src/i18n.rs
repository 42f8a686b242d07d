//! Language: Vietnamese by default, English on request (`?lang=en` in any URL,
//! or the switch in the header, remembered in local storage).

use leptos::prelude::*;

use crate::prefs;
use cuaso_catalogue::lang::Text;
use cuaso_edge::query::lang_param;
pub use cuaso_edge::Lang;

/// The language signal, provided once by the app.
pub fn provide_lang() -> RwSignal<Lang> {
    let from_url = lang_param(&crate::browser::location().1);
    let stored = prefs::lang();
    let lang = RwSignal::new(from_url.or(stored).unwrap_or(Lang::Vi));
    Effect::new(move || {
        let l = lang.get();
        prefs::set_lang(l);
        if let Some(html) = crate::browser::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", l.code());
        }
    });
    provide_context(lang);
    lang
}

/// The `lang` parameter of the current query, to keep on a URL written in
/// its place (`route.href_in(url_lang(&query))`), so a page whose URL follows
/// what is typed stays in the language it was opened in.
pub fn url_lang(query: &leptos_router::params::ParamsMap) -> Option<Lang> {
    cuaso_edge::query::lang(|k| query.get(k))
}

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// A reactive text in the current language.
pub fn tr(vi: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    say(Text::new(vi, en))
}

/// A wording the pure crates chose ([`Text`]), reactive in the current language.
pub fn say(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || text.pick(lang.get())
}

/// A wording built at run time ([`Text<String>`]: a count, a name from the
/// data), reactive in the current language.
pub fn say_owned(text: Text<String>) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let lang = use_lang();
    move || text.get(lang.get()).clone()
}
