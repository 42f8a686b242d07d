//! Fuzz targets for the app's edge (proptest; see docs/security.md for the
//! long run): any URL parameter, route segment, stored preference or link
//! from data is parsed without panicking, and what is accepted is valid.

#[path = "../../catalogue/tests/mutate.rs"]
mod mutate;

use cuaso_catalogue::model::LatLon;
use cuaso_edge::{link, prefs, query};
use mutate::config;
use proptest::prelude::*;
use std::collections::HashMap;

/// Cases per target in a CI run (`PROPTEST_CASES` overrides).
const CI_CASES: u32 = 2000;

/// Strings that look like parameter values, plus anything at all.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9]{0,6}",
        "(bo|tinh|xa|khac|truc-tiep|truc-tuyen|buu-chinh|vi|en)",
        "[a-z]{1,10}:[ -~]{0,40}",
        prop::sample::select(vec!["javascript:alert(1)", "<svg onload=alert(1)>", "%00", "\u{202e}", "//evil.example"])
            .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(config(CI_CASES))]

    #[test]
    fn fuzz_query_params(pairs in prop::collection::vec((prop::sample::select(query::SEARCH_PARAMS.to_vec()), value()), 0..8), key in value(), v in value()) {
        let m: HashMap<String, String> = pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        let get = |k: &str| m.get(k).cloned();
        let f = query::filters(get);
        prop_assert!(f.province.as_ref().is_none_or(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit())));
        prop_assert!(f.commune.as_ref().is_none_or(|c| c.len() == 5 && c.bytes().all(|b| b.is_ascii_digit())));
        let url = query::search_url_with(get, &key, &v);
        prop_assert!(url.starts_with("/tim-kiem?"));
        prop_assert!(url.bytes().all(|b| b.is_ascii_graphic()), "{}", url);
    }

    #[test]
    fn fuzz_lang_and_segments(s in value()) {
        let _ = query::lang_param(&s);
        if let Some(p) = query::province_segment(&s) { prop_assert_eq!(p.as_str(), s.as_str()); }
        if let Some(c) = query::commune_segment(&s) { prop_assert_eq!(c.as_str(), s.as_str()); }
        if let Some(c) = query::procedure_segment(&s) { prop_assert!(c.as_str().bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')); }
    }

    #[test]
    fn fuzz_stored_preferences(s in value()) {
        let _ = prefs::lang(&s);
        if let Some(p) = prefs::province(&s) { prop_assert!(p.as_str().len() == 2); }
        if let Some(c) = prefs::commune(&s) { prop_assert!(c.as_str().len() == 5); }
    }

    #[test]
    fn fuzz_links(s in value(), lat in any::<f64>(), lon in any::<f64>()) {
        if let Some(h) = link::safe_href(&s) {
            let scheme = h.split(':').next().unwrap_or("").to_ascii_lowercase();
            prop_assert!(link::ALLOWED_SCHEMES.contains(&scheme.as_str()), "{}", h);
            prop_assert!(!h.chars().any(|c| c.is_control() || c.is_whitespace()));
        }
        if let Some(t) = link::tel_href(&s) {
            prop_assert!(t[4..].bytes().all(|b| b.is_ascii_digit() || b == b'+'));
        }
        if let Some(r) = link::internal_href(&s) {
            prop_assert!(r.starts_with('/') && !r.starts_with("//") && !r.starts_with("/\\"));
        }
        if let Some((osm, geo)) = link::map_hrefs(LatLon { lat, lon }) {
            prop_assert!(link::safe_href(&osm).is_some() && link::safe_href(&geo).is_some());
        }
    }
}
