//! The app's preferences in local storage, typed, and the error report being
//! written (session storage): the only module that reads or writes them
//! (keys and parsing in [`cuaso_edge::prefs`]). A stored value
//! that does not parse reads as none.

use cuaso_catalogue::model::{CommuneCode, ProvinceCode};
use cuaso_edge::prefs::{self, COMMUNE_KEY, LANG_KEY, PROVINCE_KEY, REPORT_DRAFT_KEY};
use cuaso_edge::Lang;

fn storage() -> Option<web_sys::Storage> {
    crate::browser::window()?.local_storage().ok()?
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn put(key: &str, value: Option<&str>) {
    if let Some(s) = storage() {
        let _ = match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        };
    }
}

pub fn lang() -> Option<Lang> {
    get(LANG_KEY).and_then(|v| prefs::lang(&v))
}

pub fn set_lang(lang: Lang) {
    put(LANG_KEY, Some(lang.code()));
}

pub fn province() -> Option<ProvinceCode> {
    get(PROVINCE_KEY).and_then(|v| prefs::province(&v))
}

pub fn commune() -> Option<CommuneCode> {
    get(COMMUNE_KEY).and_then(|v| prefs::commune(&v))
}

/// Remembers a province; the commune chosen before belonged to the old one, so
/// it is forgotten.
pub fn set_province(code: Option<&ProvinceCode>) {
    put(PROVINCE_KEY, code.map(ProvinceCode::as_str));
    put(COMMUNE_KEY, None);
}

pub fn set_commune(code: Option<&CommuneCode>) {
    put(COMMUNE_KEY, code.map(CommuneCode::as_str));
}

fn session() -> Option<web_sys::Storage> {
    crate::browser::window()?.session_storage().ok()?
}

/// The report being written about `page` (an href), if any.
pub fn report_draft(page: &str) -> Option<String> {
    prefs::report_draft(&session()?.get_item(REPORT_DRAFT_KEY).ok()??, page)
}

/// Keeps the report being written about `page`; an empty text forgets it.
pub fn set_report_draft(page: &str, text: &str) {
    if let Some(s) = session() {
        let _ = if text.is_empty() {
            s.remove_item(REPORT_DRAFT_KEY)
        } else {
            s.set_item(REPORT_DRAFT_KEY, &prefs::store_report_draft(page, text))
        };
    }
}
