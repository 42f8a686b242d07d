//! The app's two special modes, as pure logic: a touch-screen **kiosk** in a
//! service centre (`?che-do=kiosk`, or the `/kiosk` entry) and an **embed** in
//! a provincial website (`?che-do=nhung`).
//!
//! A mode and its options are read once from the URL the app was opened
//! with ([`Options::parse`]) and then carried on every in-app link
//! ([`Options::link`]), so a reload or a shared link inside the kiosk or the
//! frame stays in the mode. A visit without `che-do` is the normal site and
//! every other option is ignored.
//!
//! Validation is strict and never fails: a value that is not valid is
//! dropped, the default is used, and a [`Problem`] says what was ignored so
//! the page can tell the webmaster. Province and commune codes are checked
//! for form here and for existence against the catalogue by
//! [`Options::check_places`], once the app has the lists.
//!
//! | parameter | values | default | modes |
//! |---|---|---|---|
//! | `che-do` | `kiosk`, `nhung` | normal site | — |
//! | `ma-tinh` | a province code of the catalogue (`79`) | none | both |
//! | `ma-xa` | a commune code of the catalogue (`26734`), in `ma-tinh` if both | none | both |
//! | `lang` | `vi`, `en` | `vi` | both |
//! | `mau` | `#rgb` or `#rrggbb`, at least 4.5:1 against white | the site's colours | embed |
//! | `muc` | comma-separated [`Section`] names | all sections | embed |
//! | `cho` | idle seconds before the reset, [`IDLE_MIN`]..=[`IDLE_MAX`] | [`IDLE_DEFAULT`] | kiosk |

pub mod idle;
pub mod keyboard;
mod url;

pub use cuaso_route::query_pairs;

use cuaso_catalogue::model::{CommuneCode, ProvinceCode};
use cuaso_route::{encode, Route, SearchQuery};

/// Which mode the app runs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Normal,
    Kiosk,
    Embed,
}

impl Kind {
    /// The `che-do` value; `None` for the normal site.
    pub fn param(self) -> Option<&'static str> {
        match self {
            Kind::Normal => None,
            Kind::Kiosk => Some("kiosk"),
            Kind::Embed => Some("nhung"),
        }
    }
}

pub use cuaso_catalogue::lang::{Lang, Text};

/// A part of the app an embed can show. The embed's start page shows the
/// chosen sections; a link to a page of a section not chosen opens the full
/// app in a new tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    /// `tim-kiem`: the search box, results and procedure pages.
    Search,
    /// `su-kien`: life events and their procedures.
    LifeEvents,
    /// `dia-chi`: old address → new commune, and the commune pages it leads to.
    Address,
    /// `duong-day-nong`: hotlines.
    Hotlines,
    /// `dia-ban`: the province list, province and commune pages.
    Places,
}

impl Section {
    pub const ALL: [Section; 5] =
        [Section::Search, Section::LifeEvents, Section::Address, Section::Hotlines, Section::Places];

    pub fn param(self) -> &'static str {
        match self {
            Section::Search => "tim-kiem",
            Section::LifeEvents => "su-kien",
            Section::Address => "dia-chi",
            Section::Hotlines => "duong-day-nong",
            Section::Places => "dia-ban",
        }
    }

    pub fn parse(s: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|x| x.param() == s)
    }

    /// The name, for the builder page.
    pub fn label(self) -> Text {
        match self {
            Section::Search => Text::new("Tìm kiếm thủ tục", "Procedure search"),
            Section::LifeEvents => Text::new("Theo sự kiện trong đời", "By life event"),
            Section::Address => Text::new("Tra cứu địa chỉ cũ", "Old address lookup"),
            Section::Hotlines => Text::new("Đường dây nóng", "Hotlines"),
            Section::Places => Text::new("Tỉnh thành, xã phường", "Provinces and communes"),
        }
    }
}

/// Idle seconds before a kiosk resets, when `cho` is not given.
pub const IDLE_DEFAULT: u32 = 120;
/// Shortest accepted `cho`: the warning alone takes a few seconds.
pub const IDLE_MIN: u32 = 10;
/// Longest accepted `cho` (one hour).
pub const IDLE_MAX: u32 = 3600;

/// Every parameter the modes own; [`Options::link`] rewrites exactly these
/// (plus `lang` when the mode carries a language).
pub const PARAMS: [&str; 7] = ["che-do", "ma-tinh", "ma-xa", "lang", "mau", "muc", "cho"];

/// A validated accent colour, `#rrggbb` in lower case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accent(String);

impl Accent {
    /// Minimum contrast against white: the accent is used for link text and
    /// as the background of white button text (WCAG AA, normal text).
    pub const MIN_CONTRAST: f64 = 4.5;

    pub fn parse(s: &str) -> Result<Accent, Reason> {
        let hex = s.strip_prefix('#').ok_or(Reason::NotHexColour)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Reason::NotHexColour);
        }
        let full: String = match hex.len() {
            3 => hex.chars().flat_map(|c| [c, c]).collect(),
            6 => hex.to_string(),
            _ => return Err(Reason::NotHexColour),
        };
        let accent = Accent(format!("#{}", full.to_ascii_lowercase()));
        if accent.contrast_with_white() < Self::MIN_CONTRAST {
            return Err(Reason::LowContrast);
        }
        Ok(accent)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// WCAG 2 contrast ratio of this colour against white (1 to 21).
    pub fn contrast_with_white(&self) -> f64 {
        let channel = |i: usize| {
            let v = u8::from_str_radix(&self.0[i..i + 2], 16).unwrap_or(0) as f64 / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
        1.05 / (l + 0.05)
    }
}

/// Why an option was ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    UnknownValue,
    NotACode,
    NotInCatalogue,
    CommuneNotInProvince,
    NotHexColour,
    LowContrast,
    OutOfRange,
}

impl Reason {
    /// The explanation.
    pub fn message(self) -> Text {
        match self {
            Reason::UnknownValue => Text::new("giá trị không được hỗ trợ", "unsupported value"),
            Reason::NotACode => Text::new("không phải mã hợp lệ", "not a valid code"),
            Reason::NotInCatalogue => Text::new("không có trong danh mục", "not in the catalogue"),
            Reason::CommuneNotInProvince => {
                Text::new("xã không thuộc tỉnh đã chọn", "the commune is not in the chosen province")
            }
            Reason::NotHexColour => {
                Text::new("màu phải có dạng #rgb hoặc #rrggbb", "the colour must be #rgb or #rrggbb")
            }
            Reason::LowContrast => Text::new(
                "màu quá nhạt, chữ trên nền trắng sẽ khó đọc (cần tương phản ≥ 4,5:1)",
                "too light: text on white would be hard to read (needs contrast ≥ 4.5:1)",
            ),
            Reason::OutOfRange => Text::new("ngoài khoảng cho phép (10–3600 giây)", "out of range (10–3600 seconds)"),
        }
    }
}

/// An option that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub param: &'static str,
    /// The value as given, cut to 40 characters.
    pub value: String,
    pub reason: Reason,
}

impl Problem {
    fn new(param: &'static str, value: &str, reason: Reason) -> Problem {
        Problem { param, value: value.chars().take(40).collect(), reason }
    }
}

/// The mode and its validated options.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub kind: Kind,
    pub province: Option<ProvinceCode>,
    pub commune: Option<CommuneCode>,
    /// The language asked for; `None` leaves it to the app.
    pub lang: Option<Lang>,
    pub accent: Option<Accent>,
    /// The sections shown (embed), in [`Section::ALL`] order, never empty.
    pub sections: Vec<Section>,
    /// Idle seconds before a kiosk resets.
    pub idle_secs: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kind: Kind::Normal,
            province: None,
            commune: None,
            lang: None,
            accent: None,
            sections: Section::ALL.to_vec(),
            idle_secs: IDLE_DEFAULT,
        }
    }
}

impl Options {
    /// Reads the mode and its options from the app's path and query string.
    /// The `/kiosk` entry is kiosk mode. Without a valid `che-do`, the result
    /// is the normal site and nothing else is read.
    pub fn parse(path: &str, query: &str) -> (Options, Vec<Problem>) {
        let pairs = query_pairs(query);
        let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.trim());
        let mut o = Options::default();
        let mut problems = Vec::new();
        o.kind = match get("che-do") {
            Some("kiosk") => Kind::Kiosk,
            Some("nhung") => Kind::Embed,
            _ if Route::parse(path, "") == Some(Route::Kiosk) => Kind::Kiosk,
            _ => return (o, problems),
        };
        if let Some(v) = get("ma-tinh") {
            match ProvinceCode::parse(v) {
                Ok(c) => o.province = Some(c),
                Err(_) => problems.push(Problem::new("ma-tinh", v, Reason::NotACode)),
            }
        }
        if let Some(v) = get("ma-xa") {
            match CommuneCode::parse(v) {
                Ok(c) => o.commune = Some(c),
                Err(_) => problems.push(Problem::new("ma-xa", v, Reason::NotACode)),
            }
        }
        match get("lang") {
            Some("vi") => o.lang = Some(Lang::Vi),
            Some("en") => o.lang = Some(Lang::En),
            Some(v) => problems.push(Problem::new("lang", v, Reason::UnknownValue)),
            None => {}
        }
        if let Some(v) = get("mau") {
            match Accent::parse(v) {
                Ok(a) => o.accent = Some(a),
                Err(r) => problems.push(Problem::new("mau", v, r)),
            }
        }
        if let Some(v) = get("muc") {
            let mut chosen = Vec::new();
            for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                match Section::parse(part) {
                    Some(s) => chosen.push(s),
                    None => problems.push(Problem::new("muc", part, Reason::UnknownValue)),
                }
            }
            chosen.sort();
            chosen.dedup();
            if !chosen.is_empty() {
                o.sections = chosen;
            }
        }
        if let Some(v) = get("cho") {
            match v.parse::<u32>() {
                Ok(s) if (IDLE_MIN..=IDLE_MAX).contains(&s) => o.idle_secs = s,
                Ok(_) => problems.push(Problem::new("cho", v, Reason::OutOfRange)),
                Err(_) => problems.push(Problem::new("cho", v, Reason::UnknownValue)),
            }
        }
        (o, problems)
    }

    /// Drops a preset province or commune that the catalogue does not have
    /// (or a commune outside the preset province). `communes` yields each
    /// commune code with its province.
    pub fn check_places<'a>(
        &mut self,
        provinces: impl IntoIterator<Item = &'a ProvinceCode>,
        communes: impl IntoIterator<Item = (&'a CommuneCode, &'a ProvinceCode)>,
    ) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(p) = &self.province {
            if !provinces.into_iter().any(|q| q == p) {
                problems.push(Problem::new("ma-tinh", p.as_str(), Reason::NotInCatalogue));
                self.province = None;
            }
        }
        if let Some(c) = &self.commune {
            match communes.into_iter().find(|(code, _)| *code == c) {
                None => {
                    problems.push(Problem::new("ma-xa", c.as_str(), Reason::NotInCatalogue));
                    self.commune = None;
                }
                Some((_, p)) if self.province.as_ref().is_some_and(|q| q != p) => {
                    problems.push(Problem::new("ma-xa", c.as_str(), Reason::CommuneNotInProvince));
                    self.commune = None;
                }
                Some(_) => {}
            }
        }
        problems
    }

    pub fn is_kiosk(&self) -> bool {
        self.kind == Kind::Kiosk
    }

    pub fn is_embed(&self) -> bool {
        self.kind == Kind::Embed
    }

    pub fn shows(&self, s: Section) -> bool {
        self.kind != Kind::Embed || self.sections.contains(&s)
    }

    /// The canonical query of the mode: every option that differs from its
    /// default, in [`PARAMS`] order. Empty for the normal site.
    /// The embed options a builder form chose, the colour as typed (blank:
    /// the site's colours). A colour the frame would ignore is left out and
    /// comes back as its reason; no section chosen means all of them.
    pub fn embed(
        province: Option<ProvinceCode>,
        commune: Option<CommuneCode>,
        lang: Option<Lang>,
        colour: &str,
        sections: &[Section],
    ) -> (Options, Option<Reason>) {
        let colour = colour.trim();
        let accent = (!colour.is_empty()).then(|| Accent::parse(colour));
        let mut chosen = sections.to_vec();
        chosen.sort();
        chosen.dedup();
        let options = Options {
            kind: Kind::Embed,
            province,
            commune,
            lang,
            accent: accent.clone().and_then(Result::ok),
            sections: if chosen.is_empty() { Section::ALL.to_vec() } else { chosen },
            ..Options::default()
        };
        (options, accent.and_then(Result::err))
    }

    pub fn query(&self) -> String {
        let Some(kind) = self.kind.param() else { return String::new() };
        let mut parts = vec![format!("che-do={kind}")];
        if let Some(p) = &self.province {
            parts.push(format!("ma-tinh={}", p.as_str()));
        }
        if let Some(c) = &self.commune {
            parts.push(format!("ma-xa={}", c.as_str()));
        }
        match self.lang {
            Some(Lang::Vi) => parts.push("lang=vi".into()),
            Some(Lang::En) => parts.push("lang=en".into()),
            None => {}
        }
        if self.kind == Kind::Embed {
            if let Some(a) = &self.accent {
                parts.push(format!("mau={}", encode(a.as_str())));
            }
            if self.sections.len() < Section::ALL.len() {
                let names: Vec<&str> = self.sections.iter().map(|s| s.param()).collect();
                parts.push(format!("muc={}", names.join(",")));
            }
        }
        if self.kind == Kind::Kiosk && self.idle_secs != IDLE_DEFAULT {
            parts.push(format!("cho={}", self.idle_secs));
        }
        parts.join("&")
    }

    /// The app URL (path, query, fragment) `target` with this mode's
    /// parameters, replacing any it had. Unchanged for the normal site.
    pub fn link(&self, target: &str) -> String {
        if self.kind == Kind::Normal {
            return target.to_string();
        }
        let lang_too = self.lang.is_some();
        url::rewrite(target, |k| PARAMS.contains(&k) && (k != "lang" || lang_too), &self.query())
    }

    /// The href of `route` in this mode: [`Route::href`] with the mode's
    /// parameters ([`Options::link`]).
    pub fn href(&self, route: &Route) -> String {
        self.link(&route.href())
    }

    /// A search started in this mode: the preset province and commune added
    /// as its filters unless it has its own; the results page shows them and
    /// they can be removed there.
    pub fn with_preset_filters(&self, search: SearchQuery) -> SearchQuery {
        if self.kind == Kind::Normal || search.province.is_some() || search.commune.is_some() {
            return search;
        }
        SearchQuery { province: self.province.clone(), commune: self.commune.clone(), ..search }
    }

    /// Whether a page of the app (a path) belongs in this mode's view: in an
    /// embed, the start page and the pages of the chosen sections; everything
    /// else (and `/gan-toi`, which needs location access a frame rarely has)
    /// opens the full app in a new tab.
    pub fn keeps(&self, path: &str) -> bool {
        match self.kind {
            Kind::Normal | Kind::Kiosk => true,
            Kind::Embed => Route::parse(path, "").is_some_and(|r| self.keeps_route(&r)),
        }
    }

    /// [`Options::keeps`] for a route.
    pub fn keeps_route(&self, route: &Route) -> bool {
        match self.kind {
            Kind::Normal | Kind::Kiosk => true,
            Kind::Embed => *route == Route::Home || page_sections(route).iter().any(|s| self.sections.contains(s)),
        }
    }
}

/// The sections a page belongs to.
fn page_sections(route: &Route) -> &'static [Section] {
    match route {
        Route::Search(_) | Route::Fields { .. } => &[Section::Search],
        Route::Procedure(_) => &[Section::Search, Section::LifeEvents],
        Route::LifeEvents | Route::LifeEvent(_) => &[Section::LifeEvents],
        Route::Address { .. } => &[Section::Address],
        Route::Commune(_) => &[Section::Address, Section::Places],
        Route::Province { .. } => &[Section::Places],
        Route::Hotlines { .. } => &[Section::Hotlines],
        Route::Home | Route::Near | Route::Transparency | Route::EmbedBuilder | Route::Kiosk | Route::Report { .. } => {
            &[]
        }
    }
}

/// The full app's URL for `target`: every mode parameter removed, and
/// `lang=en` when the page is in English, so a phone or a new tab opens the
/// same page as a normal visit in the same language.
pub fn full_app_link(target: &str, lang: Lang) -> String {
    let extra = if lang == Lang::En { "lang=en" } else { "" };
    url::rewrite(target, |k| PARAMS.contains(&k), extra)
}

/// Where a link goes, from the browser-resolved `href` and the app's origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// A page of the app: its path, query and fragment.
    App(String),
    /// Another site, or another scheme (`tel:`, `geo:`).
    External,
    /// A file the app serves that is not a page (catalogue data, `embed.js`).
    File,
}

pub fn destination(href: &str, origin: &str) -> Destination {
    let Some(rest) = href.strip_prefix(origin) else { return Destination::External };
    if !(rest.is_empty() || rest.starts_with(['/', '?', '#'])) {
        return Destination::External; // e.g. http://127.0.0.1:80801/
    }
    let path = rest.split(['?', '#']).next().unwrap_or("");
    const FILES: [&str; 9] = [".js", ".json", ".css", ".wasm", ".svg", ".png", ".ico", ".txt", ".webmanifest"];
    if path.starts_with("/data/") || FILES.iter().any(|x| path.ends_with(x)) {
        return Destination::File;
    }
    Destination::App(if rest.starts_with('/') { rest.to_string() } else { format!("/{rest}") })
}

/// The HTML an embedding site pastes: the frame and the resizing script.
/// `title` is the frame's accessible name.
pub fn snippet(origin: &str, options: &Options, title: &str) -> String {
    let src = format!("{origin}{}?{}", Route::Home.href(), options.query());
    format!(
        "<iframe data-cuaso src=\"{}\" title=\"{}\" width=\"100%\" height=\"600\" loading=\"lazy\"></iframe>\n<script src=\"{}/embed.js\" async></script>",
        url::escape_attr(&src),
        url::escape_attr(title),
        url::escape_attr(origin)
    )
}

#[cfg(test)]
mod tests;
