//! Links built from catalogue data. A tampered data mirror controls every
//! string in the catalogue, so an `href` taken from data must never be able
//! to run script (`javascript:`, `data:`, `vbscript:`…) or leave for a
//! scheme the app does not mean: [`safe_href`] allows only `http`, `https`,
//! `tel`, `mailto` and `geo`, and every other link the app builds from data
//! goes through one of the helpers below.

use cuaso_catalogue::model::LatLon;

/// Schemes a link from data may use.
pub const ALLOWED_SCHEMES: [&str; 5] = ["http", "https", "tel", "mailto", "geo"];

/// `raw` as an `href`, if it is an absolute URL of an allowed scheme with no
/// control characters or spaces (browsers drop tabs and newlines inside a
/// scheme, so `java\tscript:` would otherwise pass as something else).
/// `http(s)` links must name a host. Anything else is `None`: show no link.
pub fn safe_href(raw: &str) -> Option<String> {
    let s = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    if s.is_empty() || s.len() > 2048 || s.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let (scheme, rest) = s.split_once(':')?;
    let mut chars = scheme.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let scheme = scheme.to_ascii_lowercase();
    if !well_formed || !ALLOWED_SCHEMES.contains(&scheme.as_str()) || rest.is_empty() {
        return None;
    }
    if scheme.starts_with("http") {
        let host = rest.strip_prefix("//")?.split(['/', '?', '#']).next().unwrap_or("");
        if host.is_empty() || host.contains('\\') {
            return None;
        }
    }
    Some(s.to_string())
}

/// A `tel:` link for a phone number as printed ("0236 3 888 888",
/// "1800 1096", "+84 …"): its digits and a leading `+`; `None` without digits.
pub fn tel_href(number: &str) -> Option<String> {
    let digits: String = number.chars().filter(|c| c.is_ascii_digit() || *c == '+').take(32).collect();
    digits.bytes().any(|b| b.is_ascii_digit()).then(|| format!("tel:{digits}"))
}

/// Where a report goes ([`report_link`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportLink {
    /// A `mailto:` link with the report as its subject and body.
    Email(String),
    /// A page of whoever runs this copy, where the report is pasted.
    Page(String),
}

/// The link "Báo lỗi" sends a report through, from the publisher's `report`
/// (`mailto:one@address` or `https://…`, checked again here: it is data):
/// an address gets the subject and body, percent-encoded as RFC 6068 asks
/// (a space is `%20`, a line break `%0A`); anything else is `None`.
pub fn report_link(to: &str, subject: &str, body: &str) -> Option<ReportLink> {
    let to = safe_href(to)?;
    let lower = to.to_ascii_lowercase();
    if let Some(address) = lower.strip_prefix("mailto:").map(|_| &to["mailto:".len()..]) {
        if !address.contains('@') || address.contains(['?', '&', ',', '/']) {
            return None;
        }
        let encode = |s: &str| cuaso_route::encode(s).replace('+', "%20");
        return Some(ReportLink::Email(format!("mailto:{address}?subject={}&body={}", encode(subject), encode(body))));
    }
    lower.starts_with("https://").then_some(ReportLink::Page(to))
}

/// Links to a point: OpenStreetMap and a `geo:` URI for the device's map
/// app; `None` for coordinates that are not on Earth.
pub fn map_hrefs(at: LatLon) -> Option<(String, String)> {
    let ok = at.lat.is_finite() && at.lon.is_finite() && at.lat.abs() <= 90.0 && at.lon.abs() <= 180.0;
    ok.then(|| {
        let (lat, lon) = (at.lat, at.lon);
        (
            format!("https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=16/{lat:.5}/{lon:.5}"),
            format!("geo:{lat:.5},{lon:.5}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_allowed_schemes_pass() {
        for ok in [
            "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193",
            "http://example.gov.vn",
            "HTTPS://EXAMPLE.GOV.VN/x",
            "tel:+842363888888",
            "mailto:tiepnhan@danang.gov.vn",
            "geo:16.06778,108.22083",
            "  https://example.gov.vn  ",
        ] {
            assert!(safe_href(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "//evil.example/x",
            "/thu-tuc/1.001193",
            "https:evil.example",
            "https://",
            "https:///x",
            "https://\\evil.example",
            "https://exa mple.gov.vn",
            "tel:",
            "",
            ":",
            "1https://x.y",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
        assert_eq!(safe_href(&format!("https://x.vn/{}", "a".repeat(5000))), None);
    }

    #[test]
    fn reports_go_by_email_or_to_a_page() {
        assert_eq!(
            report_link("mailto:gopy@example.gov.vn", "Báo lỗi: /xa/00070", "a+b & c\nd"),
            Some(ReportLink::Email(
                "mailto:gopy@example.gov.vn?subject=B%C3%A1o%20l%E1%BB%97i%3A%20%2Fxa%2F00070&body=a%2Bb%20%26%20c%0Ad"
                    .into()
            ))
        );
        assert_eq!(
            report_link("https://example.gov.vn/gop-y", "s", "b"),
            Some(ReportLink::Page("https://example.gov.vn/gop-y".into()))
        );
        for bad in [
            "javascript:alert(1)",
            "http://example.gov.vn",
            "mailto:",
            "mailto:x",
            "mailto:a@b.vn?bcc=c@d.vn",
            "tel:1900",
            "",
        ] {
            assert_eq!(report_link(bad, "s", "b"), None, "{bad}");
        }
    }

    #[test]
    fn phone_links() {
        assert_eq!(tel_href("0236 3 888 888").as_deref(), Some("tel:02363888888"));
        assert_eq!(tel_href("+84 (24) 1234").as_deref(), Some("tel:+84241234"));
        assert_eq!(tel_href("javascript:alert(1)"), Some("tel:1".into()));
        assert_eq!(tel_href("gọi UBND"), None);
    }

    #[test]
    fn map_links_only_on_earth() {
        let (osm, geo) = map_hrefs(LatLon { lat: 16.0678, lon: 108.2208 }).unwrap();
        assert!(osm.starts_with("https://www.openstreetmap.org/?mlat=16.06780&mlon=108.22080"));
        assert_eq!(geo, "geo:16.06780,108.22080");
        assert_eq!(map_hrefs(LatLon { lat: 1e300, lon: 0.0 }), None);
        assert_eq!(map_hrefs(LatLon { lat: f64::NAN, lon: 0.0 }), None);
    }
}
