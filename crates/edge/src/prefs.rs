//! Preferences kept in local storage, and only these: the interface
//! language and the province and commune chosen on a procedure page
//! ("Nộp ở đâu?"). Nothing personal; no location (near-me uses it once and
//! keeps nothing). One thing lives in session storage instead (gone with the
//! tab, and cleared by the kiosk's reset): an error report being written
//! ([`REPORT_DRAFT_KEY`]), so that a reload or a look at the page it is
//! about loses nothing. A stored value is untrusted like any input: another tab,
//! an older version or the person may have written anything there.

use crate::Lang;
use cuaso_catalogue::model::{CommuneCode, ProvinceCode};

/// `"vi"` or `"en"`. The boot script reads it too (scripts/trunk-external-bootstrap:
/// a stored English starts the app at once over a Vietnamese prerendered page).
pub const LANG_KEY: &str = "cuaso.lang";
/// A province code, `"79"`.
pub const PROVINCE_KEY: &str = "cuaso.tinh";
/// A commune code, `"00070"`.
pub const COMMUNE_KEY: &str = "cuaso.xa";

/// Every key the app stores (for tests and the privacy note).
pub const KEYS: [&str; 3] = [LANG_KEY, PROVINCE_KEY, COMMUNE_KEY];

/// Session storage: the report being written, as the href of the page it is
/// about, U+001F, and the text ([`report_draft`]).
pub const REPORT_DRAFT_KEY: &str = "cuaso.bao-loi";

const DRAFT_SEP: char = '\u{1f}';

/// The stored draft's text, if it is about `page` (an href).
pub fn report_draft(stored: &str, page: &str) -> Option<String> {
    let (about, text) = stored.split_once(DRAFT_SEP)?;
    (about == page).then(|| text.to_string())
}

/// What [`REPORT_DRAFT_KEY`] stores for `text` about `page`.
pub fn store_report_draft(page: &str, text: &str) -> String {
    format!("{page}{DRAFT_SEP}{text}")
}

pub fn lang(stored: &str) -> Option<Lang> {
    Lang::parse(stored)
}

pub fn province(stored: &str) -> Option<ProvinceCode> {
    ProvinceCode::parse(stored).ok()
}

pub fn commune(stored: &str) -> Option<CommuneCode> {
    CommuneCode::parse(stored).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values() {
        assert_eq!(lang("en"), Some(Lang::En));
        assert_eq!(lang("EN"), None);
        assert_eq!(lang(""), None);
        assert_eq!(province("79").unwrap().as_str(), "79");
        assert_eq!(province("1").unwrap().as_str(), "01");
        assert_eq!(province("<img src=x>"), None);
        assert_eq!(province(&"9".repeat(10_000)), None);
        assert_eq!(commune("00070").unwrap().as_str(), "00070");
        assert_eq!(commune("0007O"), None);
    }

    #[test]
    fn a_draft_belongs_to_its_page() {
        let stored = store_report_draft("/xa/00070", "Số sai\u{1f}x\ny");
        assert_eq!(report_draft(&stored, "/xa/00070").as_deref(), Some("Số sai\u{1f}x\ny"));
        assert_eq!(report_draft(&stored, "/xa/00071"), None);
        assert_eq!(report_draft("no separator", "no separator"), None);
    }
}
