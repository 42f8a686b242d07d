//! Fuzz targets for the app's edge (proptest; see docs/security.md for the
//! long run): any URL parameter, route segment, stored preference or link
//! from data is parsed without panicking, and what is accepted is valid;
//! a URL that parses to a route prints back to one that parses the same.

#[path = "../../catalogue/tests/mutate.rs"]
mod mutate;

use cuaso_catalogue::model::LatLon;
use cuaso_edge::{link, prefs, query, Lang, Route};
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

/// Paths that look like the app's, plus anything at all.
fn path() -> impl Strategy<Value = String> {
    let page = prop::sample::select(vec![
        "",
        "tim-kiem",
        "tinh",
        "xa",
        "thu-tuc",
        "tra-cuu-dia-chi",
        "duong-day-nong",
        "linh-vuc",
        "su-kien",
        "gan-toi",
        "minh-bach",
        "nhung",
        "kiosk",
    ]);
    prop_oneof![
        (page, prop::option::of(prop_oneof![value(), "[0-9]\\.[0-9]{6}", "[a-z0-9-]{1,12}"]), any::<bool>()).prop_map(
            |(p, seg, slash)| {
                let mut s = format!("/{p}");
                if let Some(seg) = seg {
                    s.push('/');
                    s.push_str(&seg);
                }
                if slash {
                    s.push('/');
                }
                s
            }
        ),
        any::<String>(),
    ]
}

/// Parameter names the routes read, plus anything at all.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["q", "tinh", "xa", "linh-vuc", "cap", "kenh", "lang", "thieu", "co", "che-do"])
            .prop_map(str::to_string),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(config(CI_CASES))]

    #[test]
    fn fuzz_query_params(pairs in prop::collection::vec((prop::sample::select(query::SEARCH_PARAMS.to_vec()), value()), 0..8), key in value(), v in value()) {
        let m: HashMap<String, String> = pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        let get = |k: &str| m.get(k).cloned();
        let f = query::filters(get);
        prop_assert!(f.province.as_ref().is_none_or(|p| p.as_str().len() == 2 && p.as_str().bytes().all(|b| b.is_ascii_digit())));
        prop_assert!(f.commune.as_ref().is_none_or(|c| c.as_str().len() == 5 && c.as_str().bytes().all(|b| b.is_ascii_digit())));
        let url = query::search_url_with(get, &key, &v);
        prop_assert!(url.starts_with("/tim-kiem"));
        prop_assert!(matches!(Route::parse_url(&url), Some(Route::Search(_))), "{}", url);
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
    fn fuzz_routes(path in path(), pairs in prop::collection::vec((key(), value()), 0..6), raw in any::<String>()) {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", query::encode(k), query::encode(v))).collect();
        let query = query.join("&");
        for (path, query) in [(path.as_str(), query.as_str()), (raw.as_str(), raw.as_str()), (path.as_str(), raw.as_str())] {
            let Some(route) = Route::parse(path, query) else { continue };
            for lang in [None, Some(Lang::En)] {
                let href = route.href_in(lang);
                prop_assert!(href.starts_with('/') && !href.starts_with("//"), "{}", href);
                prop_assert!(href.bytes().all(|b| b.is_ascii_graphic()), "{}", href);
                prop_assert!(!href.starts_with("/\\") && !href.contains(char::is_whitespace), "{}", href);
                let again = Route::parse_url(&href);
                prop_assert_eq!(again.as_ref(), Some(&route), "{}", href);
                prop_assert_eq!(again.map(|r| r.href_in(lang)), Some(href));
            }
        }
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
        if let Some((osm, geo)) = link::map_hrefs(LatLon { lat, lon }) {
            prop_assert!(link::safe_href(&osm).is_some() && link::safe_href(&geo).is_some());
        }
        // A report's destination is data: whatever it and the typed text are,
        // the link is an address or an https page, with nothing unencoded.
        match link::report_link(&s, &s, &s) {
            Some(link::ReportLink::Email(h)) => {
                prop_assert!(h.starts_with("mailto:") && link::safe_href(&h).is_some(), "{}", h);
                prop_assert_eq!(h.matches('?').count(), 1);
            }
            Some(link::ReportLink::Page(h)) => prop_assert!(h.to_ascii_lowercase().starts_with("https://") && link::safe_href(&h).is_some()),
            None => {}
        }
    }
}
