//! URL query parameters and route segments. The router splits and
//! percent-decodes the URL; what arrives here is each parameter's decoded
//! value, any string at all. The URLs are a public contract (printed on
//! posters and QR codes), written and read by [`Route`]: these names and
//! values never change meaning.

use crate::{Lang, Route};
use cuaso_route::SearchQuery;
use cuaso_search::Filters;

pub use cuaso_route::{
    channel_param, commune_segment, encode, lang_param, level_param, procedure_segment, province_segment, CHANNELS,
    LEVELS, OWN_PARAM, SEARCH_PARAMS,
};

/// The `lang` of a query (`get` reads one decoded parameter), if valid.
pub fn lang(get: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    get("lang").as_deref().and_then(Lang::parse)
}

/// The engine's filters of a search query.
pub fn filters_of(s: &SearchQuery) -> Filters {
    Filters {
        province: s.province.clone(),
        commune: s.commune.clone(),
        field: s.field.clone(),
        level: s.level,
        channel: s.channel,
        own: s.own,
    }
}

/// The search filters from the URL (`get` reads one parameter); a value that
/// is not valid is ignored.
pub fn filters(get: impl Fn(&str) -> Option<String>) -> Filters {
    filters_of(&SearchQuery::from_params(get))
}

/// The search URL with the current parameters (`get`, its `lang` kept) and
/// `key` set to `value` (an empty or invalid value drops the parameter).
pub fn search_url_with(get: impl Fn(&str) -> Option<String>, key: &str, value: &str) -> String {
    let lang = lang(&get);
    Route::Search(SearchQuery::from_params(get).with(key, value)).href_in(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cuaso_catalogue::model::{Channel, Level};
    use std::collections::HashMap;

    fn map(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let m: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| m.get(k).cloned()
    }

    #[test]
    fn filters_ignore_what_is_not_valid() {
        let f = filters(map(&[
            ("tinh", "79"),
            ("xa", "00070"),
            ("linh-vuc", "Hộ tịch"),
            ("cap", "xa"),
            ("kenh", "buu-chinh"),
        ]));
        assert_eq!(f.province.as_ref().map(|c| c.as_str()), Some("79"));
        assert_eq!(f.commune.as_ref().map(|c| c.as_str()), Some("00070"));
        assert_eq!(f.field.as_deref(), Some("Hộ tịch"));
        assert_eq!(f.level, Some(Level::Commune));
        assert_eq!(f.channel, Some(Channel::Post));
        let f = filters(map(&[("tinh", "7"), ("xa", "٠٠٠٧٠"), ("linh-vuc", "  "), ("cap", "<b>"), ("kenh", "")]));
        assert_eq!(f, Filters::default());
    }

    #[test]
    fn search_urls() {
        let get = map(&[("q", "khai sinh"), ("cap", "xa")]);
        assert_eq!(search_url_with(&get, "tinh", "79"), "/tim-kiem?q=khai+sinh&tinh=79&cap=xa");
        assert_eq!(search_url_with(&get, "q", ""), "/tim-kiem?cap=xa");
        let get = map(&[("q", "a"), ("lang", "en")]);
        assert_eq!(search_url_with(&get, "kenh", "truc-tuyen"), "/tim-kiem?q=a&kenh=truc-tuyen&lang=en");
        assert_eq!(search_url_with(map(&[]), "q", ""), "/tim-kiem");
    }
}
