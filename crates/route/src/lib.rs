//! Every URL of the app as one typed value. The URLs are a public contract
//! (printed on posters and in QR codes): [`Route::parse`] reads every path
//! and parameter the app has ever accepted, and [`Route::href`] writes the
//! one canonical form, so `Route::parse(route.href()) == route`.
//!
//! | route | path and parameters |
//! |---|---|
//! | [`Route::Home`] | `/` |
//! | [`Route::Search`] | `/tim-kiem?q=&tinh=&xa=&linh-vuc=&cap=&kenh=&loai=` |
//! | [`Route::Province`] | `/tinh/{code}?thieu=…` or `?co=…` |
//! | [`Route::Commune`] | `/xa/{code}` |
//! | [`Route::Procedure`] | `/thu-tuc/{code}` |
//! | [`Route::Address`] | `/tra-cuu-dia-chi?q=` |
//! | [`Route::Hotlines`] | `/duong-day-nong?q=` |
//! | [`Route::Fields`] | `/linh-vuc?cap=&tinh=` |
//! | [`Route::LifeEvents`] | `/su-kien` |
//! | [`Route::LifeEvent`] | `/su-kien/{slug}` |
//! | [`Route::Near`] | `/gan-toi` |
//! | [`Route::Transparency`] | `/minh-bach` |
//! | [`Route::EmbedBuilder`] | `/nhung` |
//! | [`Route::Kiosk`] | `/kiosk` |
//! | [`Route::Report`] | `/bao-loi?trang=` (the page the report is about, its own href) |
//!
//! The router's patterns are built from [`segments`], [`CODE_PARAM`] and
//! [`SLUG_PARAM`], so the router and this type cannot disagree.
//!
//! Every route also takes `lang=vi|en` ([`Route::href_in`]); the kiosk and
//! embed parameters (`che-do`, `ma-tinh`…) belong to `cuaso-modes`, which
//! adds them to an href. Parameters a route does not know are ignored.
//!
//! Invariant: everything here is total. Any path and query give a route or
//! `None`; nothing panics (the app is built with `panic = "abort"`).

use cuaso_catalogue::model::{Channel, CommuneCode, Level, ProcedureCode, ProvinceCode};
use std::fmt;

pub use cuaso_catalogue::lang::Lang;

macro_rules! pages {
    ($($(#[$doc:meta])* $name:ident = $segment:literal;)*) => {
        /// The first segment of each page's path, for the router
        /// (`leptos_router::StaticSegment(segments::SEARCH)`).
        pub mod segments {
            $($(#[$doc])* pub const $name: &str = $segment;)*
        }
        /// The path of each page, or the start of it (`/tinh` of `/tinh/79`).
        pub mod paths {
            /// The start page.
            pub const HOME: &str = "/";
            $($(#[$doc])* pub const $name: &str = concat!("/", $segment);)*
        }
    };
}

pages! {
    /// [`Route::Search`](crate::Route::Search)
    SEARCH = "tim-kiem";
    /// [`Route::Province`](crate::Route::Province), followed by the code
    PROVINCE = "tinh";
    /// [`Route::Commune`](crate::Route::Commune), followed by the code
    COMMUNE = "xa";
    /// [`Route::Procedure`](crate::Route::Procedure), followed by the code
    PROCEDURE = "thu-tuc";
    /// [`Route::Address`](crate::Route::Address)
    ADDRESS = "tra-cuu-dia-chi";
    /// [`Route::Hotlines`](crate::Route::Hotlines)
    HOTLINES = "duong-day-nong";
    /// [`Route::Fields`](crate::Route::Fields)
    FIELDS = "linh-vuc";
    /// [`Route::LifeEvents`](crate::Route::LifeEvents), and followed by a slug [`Route::LifeEvent`](crate::Route::LifeEvent)
    LIFE_EVENTS = "su-kien";
    /// [`Route::Near`](crate::Route::Near)
    NEAR = "gan-toi";
    /// [`Route::Transparency`](crate::Route::Transparency)
    TRANSPARENCY = "minh-bach";
    /// [`Route::EmbedBuilder`](crate::Route::EmbedBuilder)
    EMBED_BUILDER = "nhung";
    /// [`Route::Kiosk`](crate::Route::Kiosk)
    KIOSK = "kiosk";
    /// [`Route::Report`](crate::Route::Report)
    REPORT = "bao-loi";
}

/// The name of the router's parameter segment of `/tinh/:code`, `/xa/:code`
/// and `/thu-tuc/:code`.
pub const CODE_PARAM: &str = "code";
/// The name of the router's parameter segment of `/su-kien/:slug`.
pub const SLUG_PARAM: &str = "slug";

/// The search page's parameters, in the order they are written.
pub const SEARCH_PARAMS: [&str; 7] = ["q", "tinh", "xa", "linh-vuc", "cap", "kenh", "loai"];
/// `loai=rieng`: only provinces' own procedures (thủ tục riêng của tỉnh).
pub const OWN_PARAM: &str = "rieng";

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

/// The level of a `cap=` value.
pub fn parse_level(s: &str) -> Option<Level> {
    LEVELS.into_iter().find(|l| level_param(*l) == s)
}

/// `kenh=` value of a channel.
pub fn channel_param(c: Channel) -> &'static str {
    match c {
        Channel::InPerson => "truc-tiep",
        Channel::Online => "truc-tuyen",
        Channel::Post => "buu-chinh",
    }
}

/// The channel of a `kenh=` value.
pub fn parse_channel(s: &str) -> Option<Channel> {
    CHANNELS.into_iter().find(|c| channel_param(*c) == s)
}

/// The search page's query: the text and the filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// What was typed, as typed (`q`); empty is no query.
    pub q: String,
    /// `tinh`
    pub province: Option<ProvinceCode>,
    /// `xa`
    pub commune: Option<CommuneCode>,
    /// `linh-vuc`: a field name, never blank.
    pub field: Option<String>,
    /// `cap`
    pub level: Option<Level>,
    /// `kenh`
    pub channel: Option<Channel>,
    /// `loai=rieng`: only provinces' own procedures.
    pub own: bool,
}

impl SearchQuery {
    /// A search for `q` with no filters.
    pub fn text(q: impl Into<String>) -> SearchQuery {
        SearchQuery { q: q.into(), ..SearchQuery::default() }
    }

    /// Whether any filter is set.
    pub fn is_filtered(&self) -> bool {
        self.province.is_some()
            || self.commune.is_some()
            || self.field.is_some()
            || self.level.is_some()
            || self.channel.is_some()
            || self.own
    }

    /// Reads the parameters (`get` reads one decoded parameter); a value that
    /// is not valid is ignored.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> SearchQuery {
        SearchQuery {
            q: get("q").unwrap_or_default(),
            province: get("tinh").and_then(|v| province_segment(&v)),
            commune: get("xa").and_then(|v| commune_segment(&v)),
            field: get("linh-vuc").filter(|v| !v.trim().is_empty()),
            level: get("cap").and_then(|v| parse_level(&v)),
            channel: get("kenh").and_then(|v| parse_channel(&v)),
            own: get("loai").is_some_and(|v| v == OWN_PARAM),
        }
    }

    /// This query with parameter `key` (one of [`SEARCH_PARAMS`]) set to
    /// `value`; an empty or invalid value drops it.
    pub fn with(&self, key: &str, value: &str) -> SearchQuery {
        let mut s = self.clone();
        let v = (!value.is_empty()).then(|| value.to_string());
        match key {
            "q" => s.q = value.to_string(),
            "tinh" => s.province = v.and_then(|v| province_segment(&v)),
            "xa" => s.commune = v.and_then(|v| commune_segment(&v)),
            "linh-vuc" => s.field = v.filter(|v| !v.trim().is_empty()),
            "cap" => s.level = v.and_then(|v| parse_level(&v)),
            "kenh" => s.channel = v.and_then(|v| parse_channel(&v)),
            "loai" => s.own = v.is_some_and(|v| v == OWN_PARAM),
            _ => {}
        }
        s
    }

    fn write(&self, q: &mut Query) {
        q.push("q", &self.q);
        q.push("tinh", self.province.as_ref().map_or("", |p| p.as_str()));
        q.push("xa", self.commune.as_ref().map_or("", |c| c.as_str()));
        q.push("linh-vuc", self.field.as_deref().unwrap_or(""));
        q.push("cap", self.level.map_or("", level_param));
        q.push("kenh", self.channel.map_or("", channel_param));
        q.push("loai", if self.own { OWN_PARAM } else { "" });
    }
}

/// Which communes a province page lists (`thieu=` or `co=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommuneFilter {
    /// `thieu=dia-chi`
    MissingAddress,
    /// `thieu=dien-thoai`
    MissingPhone,
    /// `co=dia-chi`
    WithAddress,
    /// `co=dien-thoai`
    WithPhone,
    /// `co=diem-ho-tro`
    WithSupportPoints,
}

impl CommuneFilter {
    /// From the `thieu` and `co` parameters; `thieu` wins.
    pub fn from_query(thieu: Option<&str>, co: Option<&str>) -> Option<Self> {
        match (thieu, co) {
            (Some("dia-chi"), _) => Some(Self::MissingAddress),
            (Some("dien-thoai"), _) => Some(Self::MissingPhone),
            (_, Some("dia-chi")) => Some(Self::WithAddress),
            (_, Some("dien-thoai")) => Some(Self::WithPhone),
            (_, Some("diem-ho-tro")) => Some(Self::WithSupportPoints),
            _ => None,
        }
    }

    /// The parameter and its value.
    pub fn param(self) -> (&'static str, &'static str) {
        match self {
            Self::MissingAddress => ("thieu", "dia-chi"),
            Self::MissingPhone => ("thieu", "dien-thoai"),
            Self::WithAddress => ("co", "dia-chi"),
            Self::WithPhone => ("co", "dien-thoai"),
            Self::WithSupportPoints => ("co", "diem-ho-tro"),
        }
    }
}

/// The slug of a life event (`sinh-con`): `[a-z0-9-]`, 1 to 64 characters.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slug(String);

impl Slug {
    pub fn parse(s: &str) -> Option<Slug> {
        let ok =
            (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        ok.then(|| Slug(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A page of the app, with its parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Search(SearchQuery),
    Province {
        code: ProvinceCode,
        only: Option<CommuneFilter>,
    },
    Commune(CommuneCode),
    Procedure(ProcedureCode),
    /// Old address → new commune; `q` is the address typed.
    Address {
        q: String,
    },
    /// Hotlines; `q` filters them by place name.
    Hotlines {
        q: String,
    },
    /// Procedures by field, at one level or of one province.
    Fields {
        level: Option<Level>,
        province: Option<ProvinceCode>,
    },
    LifeEvents,
    LifeEvent(Slug),
    Near,
    Transparency,
    EmbedBuilder,
    Kiosk,
    /// "Báo lỗi": a report about the page `about` (`None` when the link named
    /// no page of the app, or none at all).
    Report {
        about: Option<Box<Route>>,
    },
}

/// A query string being written: `key=value` pairs, empty values left out.
struct Query(Vec<String>);

impl Query {
    fn push(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.0.push(format!("{key}={}", encode(value)));
        }
    }
}

impl Route {
    /// A province page listing every commune.
    pub fn province(code: ProvinceCode) -> Route {
        Route::Province { code, only: None }
    }

    /// A search for `q` with no filters.
    pub fn search(q: impl Into<String>) -> Route {
        Route::Search(SearchQuery::text(q))
    }

    /// The report page about `page`; a report page's own link says the page
    /// it is about, never a report about a report.
    pub fn report(page: &Route) -> Route {
        match page {
            Route::Report { about } => Route::Report { about: about.clone() },
            page => Route::Report { about: Some(Box::new(page.clone())) },
        }
    }

    /// The route of a path (`/xa/00070`, a trailing `/` allowed) and a raw
    /// query string (`q=a+b&tinh=79`, with or without its `?`); `None` for a
    /// path that is no page of the app. Unknown parameters are ignored.
    pub fn parse(path: &str, query: &str) -> Option<Route> {
        let pairs = query_pairs(query);
        let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
        let path = match path.trim_end_matches('/') {
            "" => "/",
            p => p,
        };
        let (first, rest) = match path.strip_prefix('/')?.split_once('/') {
            Some((a, b)) => (a, Some(b)),
            None => (path.strip_prefix('/')?, None),
        };
        use segments as s;
        let route = match (first, rest) {
            ("", None) => Route::Home,
            (s::SEARCH, None) => Route::Search(SearchQuery::from_params(get)),
            (s::PROVINCE, Some(code)) => Route::Province {
                code: province_segment(code)?,
                only: CommuneFilter::from_query(get("thieu").as_deref(), get("co").as_deref()),
            },
            (s::COMMUNE, Some(code)) => Route::Commune(commune_segment(code)?),
            (s::PROCEDURE, Some(code)) => Route::Procedure(procedure_segment(code)?),
            (s::ADDRESS, None) => Route::Address { q: get("q").unwrap_or_default() },
            (s::HOTLINES, None) => Route::Hotlines { q: get("q").unwrap_or_default() },
            (s::FIELDS, None) => Route::Fields {
                level: get("cap").and_then(|v| parse_level(&v)),
                province: get("tinh").and_then(|v| province_segment(&v)),
            },
            (s::LIFE_EVENTS, None) => Route::LifeEvents,
            (s::LIFE_EVENTS, Some(slug)) => Route::LifeEvent(Slug::parse(slug)?),
            (s::NEAR, None) => Route::Near,
            (s::TRANSPARENCY, None) => Route::Transparency,
            (s::EMBED_BUILDER, None) => Route::EmbedBuilder,
            (s::KIOSK, None) => Route::Kiosk,
            (s::REPORT, None) => Route::Report {
                about: get("trang")
                    .filter(|url| !url.is_empty())
                    .and_then(|url| Route::parse_url(&url))
                    .filter(|r| !matches!(r, Route::Report { .. }))
                    .map(Box::new),
            },
            _ => return None,
        };
        Some(route)
    }

    /// The route of an app URL (`/tim-kiem?q=a#top`): path and query split
    /// off, the fragment dropped.
    pub fn parse_url(url: &str) -> Option<Route> {
        let url = url.split('#').next().unwrap_or("");
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        Route::parse(path, query)
    }

    /// The path, without its query.
    pub fn path(&self) -> String {
        use paths::*;
        match self {
            Route::Home => HOME.into(),
            Route::Search(_) => SEARCH.into(),
            Route::Province { code, .. } => format!("{PROVINCE}/{code}"),
            Route::Commune(code) => format!("{COMMUNE}/{code}"),
            Route::Procedure(code) => format!("{PROCEDURE}/{code}"),
            Route::Address { .. } => ADDRESS.into(),
            Route::Hotlines { .. } => HOTLINES.into(),
            Route::Fields { .. } => FIELDS.into(),
            Route::LifeEvents => LIFE_EVENTS.into(),
            Route::LifeEvent(slug) => format!("{LIFE_EVENTS}/{slug}"),
            Route::Near => NEAR.into(),
            Route::Transparency => TRANSPARENCY.into(),
            Route::EmbedBuilder => EMBED_BUILDER.into(),
            Route::Kiosk => KIOSK.into(),
            Route::Report { .. } => REPORT.into(),
        }
    }

    /// The URL of this page (path and query), in the canonical form.
    pub fn href(&self) -> String {
        self.href_in(None)
    }

    /// [`Route::href`] with `lang=` last when a language is given.
    pub fn href_in(&self, lang: Option<Lang>) -> String {
        let mut q = Query(Vec::new());
        match self {
            Route::Search(s) => s.write(&mut q),
            Route::Province { only: Some(f), .. } => {
                let (k, v) = f.param();
                q.push(k, v);
            }
            Route::Address { q: text } | Route::Hotlines { q: text } => q.push("q", text),
            Route::Fields { level, province } => {
                q.push("cap", level.map_or("", level_param));
                q.push("tinh", province.as_ref().map_or("", |p| p.as_str()));
            }
            Route::Report { about: Some(about) } => q.push("trang", &about.href()),
            _ => {}
        }
        if let Some(l) = lang {
            q.push("lang", l.code());
        }
        let path = self.path();
        if q.0.is_empty() {
            path
        } else {
            format!("{path}?{}", q.0.join("&"))
        }
    }

    /// [`Route::href_in`] with a fragment (`#own-h`), for a link to a part of
    /// a page.
    pub fn href_to(&self, lang: Option<Lang>, fragment: &str) -> String {
        let mut h = self.href_in(lang);
        if !fragment.is_empty() {
            h.push('#');
            h.push_str(&encode_fragment(fragment));
        }
        h
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.href())
    }
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

/// Percent-encodes a query value: unreserved characters kept, space as `+`,
/// every other byte (`,` too) as `%XX`. The app's only URL encoder.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => push_hex(&mut out, b),
        }
    }
    out
}

/// A fragment: `[A-Za-z0-9-_.~]` kept, every other byte as `%XX`.
fn encode_fragment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => push_hex(&mut out, b),
        }
    }
    out
}

fn push_hex(out: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(HEX[usize::from(b >> 4)] as char);
    out.push(HEX[usize::from(b & 15)] as char);
}

/// Decodes a query component: `+` is a space, `%XX` a byte; invalid UTF-8
/// and stray `%` are kept as they are (lossily), never an error.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits `a=1&b=2` into decoded pairs; a leading `?` is allowed.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// `?lang=en` or `?lang=vi` anywhere in a raw query string (`location.search`,
/// with or without its `?`): the first valid one.
pub fn lang_param(search: &str) -> Option<Lang> {
    search.split(['?', '&']).find_map(|kv| kv.strip_prefix("lang=").and_then(Lang::parse))
}

#[cfg(test)]
mod tests;
