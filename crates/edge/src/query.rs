//! URL query parameters and route segments. The router splits and
//! percent-decodes the URL; what arrives here is each parameter's decoded
//! value, any string at all. The URLs are a public contract (printed on
//! posters and QR codes): these names and values never change meaning.

use crate::Lang;
use cuaso_catalogue::model::{Channel, CommuneCode, Level, ProcedureCode, ProvinceCode};
use cuaso_search::Filters;

/// `?lang=en` or `?lang=vi` anywhere in a raw query string (`location.search`,
/// with or without its `?`). Not percent-decoded: both values are plain ASCII.
pub fn lang_param(search: &str) -> Option<Lang> {
    search.split(['?', '&']).find_map(|kv| kv.strip_prefix("lang=").and_then(Lang::parse))
}

/// Percent-encodes a query value (space as `+`).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
    }
    out
}

/// The search page's parameters, in the order they are written back to the URL.
pub const SEARCH_PARAMS: [&str; 8] = ["q", "tinh", "xa", "linh-vuc", "cap", "kenh", "loai", "lang"];
/// `loai=rieng`: only provinces' own procedures (thủ tục riêng của tỉnh).
pub const OWN_PARAM: &str = "rieng";
/// The search page's path.
pub const SEARCH_PATH: &str = "/tim-kiem";

/// Values of `cap=` in the order the filter lists them.
pub const LEVELS: [Level; 4] = [Level::Commune, Level::Province, Level::Ministry, Level::Other];
/// Values of `kenh=` in the order the filter lists them.
pub const CHANNELS: [Channel; 3] = [Channel::Online, Channel::InPerson, Channel::Post];

/// `cap=` value of a level.
pub fn level_param(l: Level) -> &'static str {
    match l {
        Level::Ministry => "bo",
        Level::Province => "tinh",
        Level::Commune => "xa",
        Level::Other => "khac",
    }
}

/// `kenh=` value of a channel.
pub fn channel_param(c: Channel) -> &'static str {
    match c {
        Channel::InPerson => "truc-tiep",
        Channel::Online => "truc-tuyen",
        Channel::Post => "buu-chinh",
    }
}

/// The search filters from the URL (`get` reads one parameter); a value that
/// is not valid is ignored.
pub fn filters(get: impl Fn(&str) -> Option<String>) -> Filters {
    let digits = |v: String, n: usize| Some(v).filter(|v| v.len() == n && v.bytes().all(|b| b.is_ascii_digit()));
    Filters {
        province: get("tinh").and_then(|v| digits(v, 2)),
        commune: get("xa").and_then(|v| digits(v, 5)),
        field: get("linh-vuc").filter(|v| !v.trim().is_empty()),
        level: get("cap").and_then(|v| LEVELS.into_iter().find(|l| level_param(*l) == v)),
        channel: get("kenh").and_then(|v| CHANNELS.into_iter().find(|c| channel_param(*c) == v)),
        own: get("loai").is_some_and(|v| v == OWN_PARAM),
    }
}

/// The search URL with the current parameters (`get`) and `key` set to `value`
/// (an empty value drops the parameter).
pub fn search_url_with(get: impl Fn(&str) -> Option<String>, key: &str, value: &str) -> String {
    let parts: Vec<String> = SEARCH_PARAMS
        .iter()
        .filter_map(|k| {
            let v = if *k == key { value.to_string() } else { get(k).unwrap_or_default() };
            (!v.is_empty()).then(|| format!("{k}={}", encode(&v)))
        })
        .collect();
    format!("{SEARCH_PATH}?{}", parts.join("&"))
}

/// `/tinh/{code}`: exactly two digits (`/tinh/1` is not `/tinh/01`).
pub fn province_segment(s: &str) -> Option<ProvinceCode> {
    ProvinceCode::parse(s).ok().filter(|p| p.as_str() == s)
}

/// `/xa/{code}`: exactly five digits.
pub fn commune_segment(s: &str) -> Option<CommuneCode> {
    CommuneCode::parse(s).ok().filter(|c| c.as_str() == s)
}

/// `/thu-tuc/{code}`.
pub fn procedure_segment(s: &str) -> Option<ProcedureCode> {
    ProcedureCode::parse(s).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn map(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let m: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| m.get(k).cloned()
    }

    #[test]
    fn language_from_the_url() {
        assert_eq!(lang_param("?lang=en"), Some(Lang::En));
        assert_eq!(lang_param("?q=x&lang=vi"), Some(Lang::Vi));
        assert_eq!(lang_param("?lang=fr&lang=en"), Some(Lang::En));
        assert_eq!(lang_param("?lang=EN"), None);
        assert_eq!(lang_param("?xlang=en"), None);
        assert_eq!(lang_param(""), None);
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
        assert_eq!(f.province.as_deref(), Some("79"));
        assert_eq!(f.commune.as_deref(), Some("00070"));
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
        assert_eq!(encode("đ&<\"'#?/"), "%C4%91%26%3C%22%27%23%3F%2F");
    }

    #[test]
    fn route_segments() {
        assert_eq!(province_segment("79").unwrap().as_str(), "79");
        assert_eq!(province_segment("1"), None);
        assert_eq!(province_segment(" 79"), None);
        assert_eq!(commune_segment("00070").unwrap().as_str(), "00070");
        assert_eq!(commune_segment("70"), None);
        assert!(procedure_segment("1.001193").is_some());
        assert_eq!(procedure_segment("javascript:alert(1)"), None);
    }
}
