//! The catalogue's data model: what the app shows and the data tool writes.
//!
//! Invariants the data tool enforces before writing (see `cuaso-data`'s
//! `validate`): codes are unique per kind; every reference (a commune's
//! province, a legacy unit's targets, a centre's commune) resolves; a split
//! legacy unit has at least two targets and exactly one default. Values no
//! source gives are `None` ("chưa công bố" — not yet published), never guessed.

use crate::lang::Text;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Identifier of a [`Source`] listed in the manifest (e.g. `"vnau-2025"`).
pub type SourceId = String;

macro_rules! digit_code {
    ($(#[$doc:meta])* $name:ident, $len:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Number of digits in the code.
            pub const LEN: usize = $len;

            /// Parses a code; a number shorter than [`Self::LEN`] digits is
            /// zero-padded (`"1"` → `"01"`), since sources disagree on padding.
            pub fn parse(s: &str) -> Result<Self, CodeError> {
                let s = s.trim();
                if s.is_empty() || s.len() > Self::LEN || !s.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(CodeError { kind: stringify!($name), value: s.chars().take(40).collect() });
                }
                Ok(Self(format!("{:0>width$}", s, width = Self::LEN)))
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl TryFrom<String> for $name {
            type Error = CodeError;
            fn try_from(s: String) -> Result<Self, CodeError> {
                Self::parse(&s)
            }
        }
        impl From<$name> for String {
            fn from(c: $name) -> String {
                c.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

digit_code!(
    /// GSO code of a province (mã tỉnh), two digits: `"01"` Hà Nội, `"79"` TP Hồ Chí Minh.
    ProvinceCode, 2
);
digit_code!(
    /// GSO code of a commune-level unit (mã xã/phường/đặc khu), five digits: `"00070"`.
    CommuneCode, 5
);
digit_code!(
    /// GSO code of a pre-2025 commune-level unit, five digits (a separate code space
    /// in time: an old code may equal a new one, e.g. a ward that kept its code).
    LegacyCode, 5
);

/// A code that does not have the expected shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeError {
    pub kind: &'static str,
    pub value: String,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: {:?}", self.kind, self.value)
    }
}
impl std::error::Error for CodeError {}

/// Code of a procedure on the National Public Service Portal (mã thủ tục), e.g.
/// `"1.001193"`: a digit, a dot and six digits; some portal codes carry a
/// letter suffix, so any `[0-9A-Za-z.-]{3,20}` containing a dot is accepted.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProcedureCode(String);

impl ProcedureCode {
    pub fn parse(s: &str) -> Result<Self, CodeError> {
        let s = s.trim();
        let ok = (3..=20).contains(&s.len())
            && s.contains('.')
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
        if ok {
            Ok(Self(s.to_string()))
        } else {
            Err(CodeError { kind: "ProcedureCode", value: s.chars().take(40).collect() })
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
impl TryFrom<String> for ProcedureCode {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, CodeError> {
        Self::parse(&s)
    }
}
impl From<ProcedureCode> for String {
    fn from(c: ProcedureCode) -> String {
        c.0
    }
}
impl fmt::Display for ProcedureCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A point in WGS 84 degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// Kind of province-level unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProvinceKind {
    /// Tỉnh
    Province,
    /// Thành phố trực thuộc trung ương
    City,
}

impl ProvinceKind {
    /// Its name for people, in both languages.
    pub fn label(self) -> Text {
        match self {
            Self::Province => Text::new("Tỉnh", "Province"),
            Self::City => Text::new("Thành phố", "Centrally-governed city"),
        }
    }
}

/// Kind of commune-level unit from 1 July 2025.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    /// Phường
    Ward,
    /// Xã
    Commune,
    /// Đặc khu
    SpecialZone,
}

impl UnitKind {
    /// Its name for people, in both languages.
    pub fn label(self) -> Text {
        match self {
            Self::Ward => Text::new("Phường", "Ward"),
            Self::Commune => Text::new("Xã", "Commune"),
            Self::SpecialZone => Text::new("Đặc khu", "Special zone"),
        }
    }
}

/// Where a procedure is carried out (cấp thực hiện).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Cấp bộ — a ministry
    Ministry,
    /// Cấp tỉnh
    Province,
    /// Cấp xã
    Commune,
    /// Cơ quan khác — another body
    Other,
}

impl Level {
    /// Its name for people, in both languages.
    pub fn label(self) -> Text {
        match self {
            Self::Ministry => Text::new("Cấp bộ", "Ministry"),
            Self::Province => Text::new("Cấp tỉnh", "Province"),
            Self::Commune => Text::new("Cấp xã", "Commune"),
            Self::Other => Text::new("Cơ quan khác", "Other body"),
        }
    }
}

/// How a dossier can be submitted (hình thức nộp).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// Trực tiếp
    InPerson,
    /// Trực tuyến
    Online,
    /// Dịch vụ bưu chính
    Post,
}

impl Channel {
    /// Its name for people, in both languages.
    pub fn label(self) -> Text {
        match self {
            Self::InPerson => Text::new("Trực tiếp", "In person"),
            Self::Online => Text::new("Trực tuyến", "Online"),
            Self::Post => Text::new("Dịch vụ bưu chính", "By post"),
        }
    }
}

/// Where a piece of data came from, listed once in the manifest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    /// Human name, Vietnamese.
    pub name: String,
    /// Human name, English.
    pub name_en: String,
    /// Who published the underlying facts.
    pub publisher: String,
    /// Where it can be checked.
    pub url: Option<String>,
    /// Date of the source (ISO `YYYY-MM` or `YYYY-MM-DD`).
    pub date: String,
    pub licence: String,
    /// What is known to be wrong or unverified, shown to users.
    pub caveat: Option<String>,
    /// Set when the data came through a provincial feed (`cuaso-data import`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed: Option<FeedProvenance>,
}

/// Where a provincial feed came from: which province supplied it, in which
/// file, and when it was imported. See `docs/feeds.md`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedProvenance {
    pub province: ProvinceCode,
    /// Version of the feed format the province filled in.
    pub format: u32,
    /// The file(s) as the province supplied them, e.g. `"trung-tam.csv, diem-ho-tro.csv"`.
    pub files: String,
    /// Date of the import (ISO `YYYY-MM-DD`).
    pub imported: String,
}

/// A province-level unit (tỉnh / thành phố) from 1 July 2025.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Province {
    pub code: ProvinceCode,
    /// Full name, e.g. "Thành phố Hà Nội".
    pub name: String,
    /// Name without the kind, e.g. "Hà Nội".
    pub short_name: String,
    pub kind: ProvinceKind,
    /// Telephone area code, e.g. 24 for Hà Nội.
    pub phone_area_code: Option<u16>,
    pub centroid: Option<LatLon>,
    pub commune_count: u32,
    /// Full names of the pre-2025 provinces merged into this one (itself included).
    pub merged_from: Vec<String>,
    /// Trung tâm Phục vụ hành chính công cấp tỉnh.
    pub centre: ServiceCentre,
    pub source: SourceId,
}

/// A commune-level unit (xã / phường / đặc khu) from 1 July 2025.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Commune {
    pub code: CommuneCode,
    /// Full name, e.g. "Phường Hoàn Kiếm".
    pub name: String,
    pub kind: UnitKind,
    pub province: ProvinceCode,
    pub centroid: Option<LatLon>,
    pub area_km2: Option<f64>,
    /// Trung tâm Phục vụ hành chính công cấp xã.
    pub centre: ServiceCentre,
    /// Điểm hỗ trợ: places that receive and return dossiers for citizens.
    pub support_points: Vec<SupportPoint>,
    pub source: SourceId,
}

/// One entry of a province's published list of procedures (danh mục thủ tục
/// hành chính của tỉnh): a procedure of the national catalogue the province
/// says it carries out, with the decision that published the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalProcedure {
    pub code: ProcedureCode,
    /// The level the province lists it at; `None` when the list does not say.
    pub level: Option<Level>,
    /// Số quyết định công bố of the provincial list.
    pub decision: Option<String>,
    pub note: Option<String>,
    pub source: SourceId,
}

/// A pre-2025 commune-level unit and where it went.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LegacyUnit {
    /// `None` for the five island districts that had no commune-level units
    /// (e.g. Huyện Hoàng Sa): the district itself was the unit.
    pub code: Option<LegacyCode>,
    /// Full old name, e.g. "Phường Phúc Xá".
    pub name: String,
    /// Old district, e.g. "Quận Ba Đình".
    pub district: String,
    /// Old province, e.g. "Thành phố Hà Nội".
    pub province: String,
    /// New communes it went to; one unless the unit was split.
    pub targets: Vec<LegacyTarget>,
    pub source: SourceId,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LegacyTarget {
    pub commune: CommuneCode,
    /// For a split unit, the commune the law names as the default successor.
    pub default: bool,
}

impl LegacyUnit {
    pub fn is_split(&self) -> bool {
        self.targets.len() > 1
    }
}

/// Level of a service centre.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CentreLevel {
    /// Trung tâm Phục vụ hành chính công cấp tỉnh
    Province,
    /// Trung tâm Phục vụ hành chính công cấp xã
    Commune,
}

/// A Public Administrative Service Centre. One exists per province and per
/// commune by law; the contact fields are `None` until a source publishes them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceCentre {
    /// `"tinh-79"` or `"xa-00070"`.
    pub id: String,
    pub level: CentreLevel,
    /// Official name where published; otherwise the name the law gives it.
    pub name: String,
    pub address: Option<String>,
    /// Published phone numbers, as printed by the source.
    pub phones: Vec<String>,
    pub hotline: Option<Hotline>,
    /// Opening hours as published.
    pub hours: Option<String>,
    pub location: Option<LatLon>,
    /// Which procedures it receives.
    pub receives: ReceiveRule,
    /// Source of the contact fields; `None` when nothing is published.
    pub source: Option<SourceId>,
    /// What public sources report about this centre, each value verbatim
    /// with its source and date, in the sources' order (several sites of one
    /// centre stay in the order the source gives them). Shown as text, never
    /// rewritten into `address`/`phones`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported: Vec<Reported>,
}

impl ServiceCentre {
    /// Whether any contact detail has been published.
    pub fn is_published(&self) -> bool {
        self.address.is_some() || !self.phones.is_empty() || self.hotline.is_some() || !self.reported.is_empty()
    }
    /// An address is published, as a field or reported.
    pub fn has_address(&self) -> bool {
        self.address.is_some() || self.reported.iter().any(|r| r.field.has_address())
    }
    /// The first reported phone or hotline, verbatim.
    pub fn reported_number(&self) -> Option<&Reported> {
        self.reported.iter().find(|r| r.field.has_number())
    }
}

/// What a reported value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportedField {
    /// Địa chỉ
    Address,
    /// Điện thoại
    Phone,
    /// Đường dây nóng, tổng đài
    Hotline,
    /// Địa chỉ và điện thoại in one text (counters with their phones)
    AddressAndPhone,
}

impl ReportedField {
    pub fn has_address(self) -> bool {
        matches!(self, Self::Address | Self::AddressAndPhone)
    }
    pub fn has_number(self) -> bool {
        matches!(self, Self::Phone | Self::Hotline | Self::AddressAndPhone)
    }
    /// Its name for people, in both languages.
    pub fn label(self) -> Text {
        match self {
            Self::Address => Text::new("Địa chỉ", "Address"),
            Self::Phone => Text::new("Điện thoại", "Phone"),
            Self::Hotline => Text::new("Đường dây nóng", "Hotline"),
            Self::AddressAndPhone => Text::new("Địa chỉ, điện thoại", "Address and phone"),
        }
    }
}

/// One value a public source reports about a centre, verbatim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reported {
    pub field: ReportedField,
    /// Exactly as published.
    pub value: String,
    pub source: SourceId,
    /// Where it was published, each with its date, as the source list gives
    /// them (one value reported by several outlets has several).
    pub citations: Vec<Citation>,
    /// The compiler's trust label ("high", "medium-high", "official notice, partial").
    pub trust: String,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// A URL, or the source's own description of where (not always a URL).
    pub url: String,
    /// As the source gives it ("2025-12-23", "crawled 2026-07-18").
    pub date: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hotline {
    pub number: String,
    pub always_open: bool,
}

/// Which procedures a centre receives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "rule", content = "codes")]
pub enum ReceiveRule {
    /// Every procedure whose levels include the centre's level (the default).
    ByLevel,
    /// Exactly these procedures, as published by the province.
    Listed(Vec<ProcedureCode>),
}

/// Kind of support point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SupportKind {
    /// Bưu điện — receives and returns dossiers by the postal public service.
    PostOffice,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupportPoint {
    pub kind: SupportKind,
    pub name: String,
    pub address: Option<String>,
    pub phones: Vec<String>,
    pub location: Option<LatLon>,
    pub source: SourceId,
}

/// A structured field of a procedure, parsed from the portal's flattened text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "status", content = "value")]
pub enum Parsed<T> {
    /// The portal says "Không có thông tin" or leaves it empty.
    NotPublished,
    /// Parsed into structure.
    Parsed(T),
    /// Could not be parsed with confidence: the original text, cleaned of page furniture.
    Text(String),
}

impl<T> Parsed<T> {
    pub fn as_parsed(&self) -> Option<&T> {
        match self {
            Self::Parsed(t) => Some(t),
            _ => None,
        }
    }
}

/// A time limit with no word at all ("1", "1,5", "15 - 20"): a number the
/// portal prints without its unit.
pub fn time_without_unit(t: &str) -> bool {
    !t.chars().any(char::is_alphabetic)
}

/// One way to submit, with its time limit and fee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelOption {
    pub channel: Channel,
    /// As published, e.g. "5 Ngày làm việc"; `None` when blank.
    pub time_limit: Option<String>,
    pub fee: Fee,
    /// The free-text description column, when present.
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "text")]
pub enum Fee {
    /// "Miễn phí" and nothing else (or a remark that only says "none"): free of charge.
    Free,
    /// The portal prints "Miễn phí" but its remark points to a fee law, a rate set
    /// elsewhere or an amount ("Miễn phí (Theo quy định của Luật phí và lệ phí…)"):
    /// fees may apply. The portal's whole text, verbatim. Never shown as "free".
    MayApply(String),
    /// An amount or rule, as published ("Lệ phí: 50.000 Đồng").
    Charged(String),
    NotPublished,
}

/// A group of documents ("Giấy tờ phải nộp", a case heading...).
///
/// The data tool orders a procedure's groups and documents for a citizen: the
/// documents every applicant brings first, those of a stated case after them
/// ([`Document::conditional`]), and the portal's notes — items it lists among
/// the documents that are guidance, not papers to bring — apart in `notes`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentGroup {
    pub heading: Option<String>,
    pub documents: Vec<Document>,
    /// Guidance the portal lists in the group ("Trường hợp … thì …", "Lưu ý: …"),
    /// verbatim, in its order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub name: String,
    /// File name of the form template, when the portal offers one.
    pub form: Option<String>,
    /// Number of originals (bản chính). Both counts 0: the portal gives none
    /// (the name may say it, "Tờ khai hải quan: 02 bản"); never shown as "0".
    pub originals: u32,
    /// Number of copies (bản sao).
    pub copies: u32,
    /// Needed only in the case its name states ("Trường hợp trẻ em bị bỏ rơi…").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conditional: bool,
}

/// A legal document the procedure rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LegalDoc {
    /// e.g. "123/2015/NĐ-CP"
    pub number: String,
    pub title: String,
}

/// A result of the procedure (kết quả), with the portal's result code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultDoc {
    pub name: String,
    pub code: Option<String>,
}

/// Agencies involved, as published.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Agencies {
    /// Cơ quan thực hiện
    pub implementing: Option<String>,
    /// Cơ quan có thẩm quyền
    pub competent: Option<String>,
    /// Cơ quan được ủy quyền
    pub authorised: Option<String>,
    /// Cơ quan phối hợp
    pub coordinating: Option<String>,
}

/// What kind of procedure the portal's catalogue says it is (its `type`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProcedureKind {
    /// `STANDARD`: a procedure of a ministry's national list, done the same everywhere.
    #[default]
    Standard,
    /// `SPECIFIC`: a province's own procedure (thủ tục đặc thù của địa phương),
    /// published by its People's Committee for its territory only.
    Provincial,
    /// `STANDARD_INTERNAL`: an internal procedure between state bodies (thủ tục
    /// nội bộ), not one a citizen applies for; kept out of search and lists.
    Internal,
}

impl ProcedureKind {
    pub fn is_standard(&self) -> bool {
        *self == Self::Standard
    }
    /// Its name for people, in both languages.
    pub fn label(self) -> Text {
        match self {
            Self::Standard => Text::new("Thủ tục chung toàn quốc", "Nationwide procedure"),
            Self::Provincial => Text::new("Thủ tục riêng của tỉnh", "The province's own procedure"),
            Self::Internal => {
                Text::new("Thủ tục nội bộ giữa các cơ quan nhà nước", "Internal procedure between state bodies")
            }
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The list entry of a procedure: what search and browsing need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcedureSummary {
    pub code: ProcedureCode,
    pub name: String,
    /// Lĩnh vực, e.g. "Hộ tịch".
    pub field: String,
    pub levels: Vec<Level>,
    /// Channels offered, when parsed.
    pub channels: Vec<Channel>,
    /// The ministry or branch whose list it comes from (e.g. "Bộ Tư pháp").
    pub authority: String,
    /// See [`Procedure::kind`]; absent in indexes written before it existed.
    #[serde(default, skip_serializing_if = "ProcedureKind::is_standard")]
    pub kind: ProcedureKind,
    /// See [`Procedure::province`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<ProvinceCode>,
    /// See [`Procedure::catalogue_only`].
    #[serde(default, skip_serializing_if = "is_false")]
    pub catalogue_only: bool,
    /// Who receives and handles it, from its published agencies
    /// ([`crate::handler`]); unsure in indexes written before it existed.
    #[serde(default)]
    pub handler: crate::handler::Handler,
}

impl ProcedureSummary {
    /// One of `province`'s own procedures (thủ tục riêng của tỉnh).
    pub fn is_own_of(&self, province: &ProvinceCode) -> bool {
        self.kind == ProcedureKind::Provincial && self.province.as_ref() == Some(province)
    }
}

/// A procedure's English name and the everyday English phrases for it, from
/// the curated table `data/sources/curated/english-names.json`. The portal
/// publishes Vietnamese names only; the Vietnamese `name` stays the official
/// one, and the app shows it beside the English.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnglishName {
    /// "Birth registration"
    pub name: String,
    /// What people type: "birth certificate", "register a birth".
    pub aliases: Vec<String>,
    /// Who translated it: "translated by the project", or a published source.
    pub source: String,
}

/// A full administrative procedure (thủ tục hành chính).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    pub code: ProcedureCode,
    pub name: String,
    pub field: String,
    pub levels: Vec<Level>,
    pub authority: String,
    /// Loại thủ tục, as published.
    pub procedure_type: Option<String>,
    /// Đối tượng thực hiện.
    pub target_groups: Vec<String>,
    pub agencies: Agencies,
    /// Số quyết định công bố.
    pub decision: Option<String>,
    /// The official page on the National Public Service Portal.
    pub official_url: String,
    pub channels: Parsed<Vec<ChannelOption>>,
    pub documents: Parsed<Vec<DocumentGroup>>,
    pub steps: Parsed<Vec<String>>,
    pub legal_basis: Parsed<Vec<LegalDoc>>,
    pub conditions: Parsed<Vec<String>>,
    pub results: Parsed<Vec<ResultDoc>>,
    pub source: SourceId,
    /// Its English name, if the curated table has one; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub english: Option<EnglishName>,
    /// Standard, a province's own, or internal, from the portal's July 2026
    /// catalogue (`type`); [`ProcedureKind::Standard`] for a procedure it does
    /// not list.
    #[serde(default, skip_serializing_if = "ProcedureKind::is_standard")]
    pub kind: ProcedureKind,
    /// Who published it in the catalogue (`departmentPromulgate`), as written:
    /// a ministry, or "UBND tỉnh …" for a province's own procedure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The province whose body published it, when a province did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<ProvinceCode>,
    /// Only the catalogue lists it: name, code, field, agencies, publisher and
    /// who may apply are known, and nothing else (documents, fees, times,
    /// steps, levels are on the official page). Every structured field is then
    /// [`Parsed::NotPublished`] and `levels` is empty, meaning "not in this
    /// catalogue", never "none required".
    #[serde(default, skip_serializing_if = "is_false")]
    pub catalogue_only: bool,
}

impl Procedure {
    pub fn summary(&self) -> ProcedureSummary {
        ProcedureSummary {
            code: self.code.clone(),
            name: self.name.clone(),
            field: self.field.clone(),
            levels: self.levels.clone(),
            channels: self.channels.as_parsed().map(|cs| cs.iter().map(|c| c.channel).collect()).unwrap_or_default(),
            authority: self.authority.clone(),
            kind: self.kind,
            province: self.province.clone(),
            catalogue_only: self.catalogue_only,
            handler: crate::handler::handler(self),
        }
    }
}

/// A life event (sự kiện trong đời) — having a baby, getting married, moving
/// home… — with the procedures a citizen usually goes through for it, in the
/// order they would do them. One entry of `su-kien.json`, from the curated
/// table `data/sources/curated/life-events.json`; every code is a procedure of
/// the catalogue (the data tool refuses the catalogue otherwise).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LifeEvent {
    /// The event's address, `[a-z0-9-]+`, unique: `"sinh-con"` → `/su-kien/sinh-con`.
    pub slug: String,
    /// Name, Vietnamese ("Sinh con").
    pub name: String,
    /// Name, English ("Having a baby").
    pub name_en: String,
    /// What the event involves, in a sentence or two, Vietnamese.
    pub summary: String,
    /// The same, English.
    pub summary_en: String,
    /// The procedures, in the order a citizen would do them.
    pub codes: Vec<ProcedureCode>,
    /// The English names of those procedures that have one, by code: filled
    /// by the data tool from the procedures' [`EnglishName`]s (not written in
    /// the curated file), so that the event's page needs no other file for
    /// them — the procedure index stays Vietnamese only and small.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub names_en: std::collections::BTreeMap<String, String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_pad_and_refuse() {
        assert_eq!(ProvinceCode::parse("1").unwrap().as_str(), "01");
        assert_eq!(CommuneCode::parse("70").unwrap().as_str(), "00070");
        assert_eq!(CommuneCode::parse(" 00070 ").unwrap().as_str(), "00070");
        assert!(ProvinceCode::parse("123").is_err());
        assert!(ProvinceCode::parse("").is_err());
        assert!(CommuneCode::parse("7a").is_err());
        assert!(CommuneCode::parse("٣").is_err(), "non-ASCII digits are not codes");
        assert_eq!(ProcedureCode::parse("1.001193").unwrap().as_str(), "1.001193");
        assert!(ProcedureCode::parse("1001193").is_err());
        assert!(ProcedureCode::parse("<script>.x").is_err());
    }

    #[test]
    fn codes_deserialize_through_validation() {
        let c: CommuneCode = serde_json::from_str("\"70\"").unwrap();
        assert_eq!(c.as_str(), "00070");
        assert!(serde_json::from_str::<ProvinceCode>("\"x1\"").is_err());
    }
}
