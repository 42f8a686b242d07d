//! Provincial feeds: what a province supplies about its own service centres,
//! support points and procedure list, checked against the catalogue and
//! merged with its provenance. `docs/feeds.md` is the format for people; this
//! module is its definition.
//!
//! A feed is a folder of CSV files a clerk fills in a spreadsheet
//! (`thong-tin.csv`, `trung-tam.csv`, `diem-ho-tro.csv`, `thu-tuc.csv`) or one
//! JSON file (`feed.json`) for systems. Both become the same [`Table`]s and go
//! through the same [`check`], which never stops at the first problem: it
//! reports every one with its file, row, column and a suggestion.
//!
//! What must hold: a feed with any error merges nothing ([`check`] returns no
//! [`Feed`] then); warnings are reported and do not block. The normalized feed
//! that `cuaso-data import` writes to `data/sources/feeds/{province}/feed.json`
//! is itself a valid JSON feed, and `cuaso-data build` checks it again with
//! the same code before merging it, so a hand-edited file cannot slip through.

pub mod csv;
pub mod hours;
pub mod phone;

use crate::text::squash;

use crate::Catalogue;
use cuaso_catalogue::geo::distance_km;
use cuaso_catalogue::model::*;
use cuaso_catalogue::text::{self, fold};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// The feed format this code reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// File names of a CSV feed, as a clerk sees them.
pub const META_FILE: &str = "thong-tin.csv";
pub const CENTRES_FILE: &str = "trung-tam.csv";
pub const SUPPORT_FILE: &str = "diem-ho-tro.csv";
pub const PROCEDURES_FILE: &str = "thu-tuc.csv";
/// The JSON form, and the name of the normalized feed under `data/sources/feeds/{code}/`.
pub const JSON_FILE: &str = "feed.json";

/// How far (km) a centre may sit from its commune's centroid before we ask
/// the clerk to check it. Communes are up to ~40 km across in the mountains.
const FAR_KM: f64 = 40.0;

/// The id of the source a province's feed becomes in the manifest.
pub fn source_id(province: &ProvinceCode) -> String {
    format!("feed-{province}")
}

// ---------------------------------------------------------------- the report

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// The rejection classes, so tests (and tools) need not match message text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssueKind {
    /// A file is missing, unreadable, not UTF-8, not CSV, or not valid JSON.
    File,
    /// The metadata (thong-tin.csv / `meta`) is missing a field or has a bad value.
    Meta,
    /// A column (or JSON key) the format does not have, or a needed one missing.
    Column,
    /// A commune code or name that is not in the province.
    UnknownCommune,
    /// A phone or hotline that is not a Vietnamese number.
    Phone,
    /// Two rows for the same centre, support point or procedure.
    Duplicate,
    /// Opening hours that do not parse.
    Hours,
    /// A procedure code that is not in the catalogue.
    UnknownProcedure,
    /// Coordinates that are malformed, outside Vietnam, or far from the commune.
    Coordinates,
    /// Any other value that cannot be read (level, yes/no, kind, empty name).
    Value,
    /// A row with nothing to publish (warning) or where a rule was applied (e.g. nearest commune).
    Note,
}

/// A message in Vietnamese and English.
pub type Text = cuaso_catalogue::lang::Text<String>;

fn t(vi: impl Into<String>, en: impl Into<String>) -> Text {
    Text { vi: vi.into(), en: en.into() }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub severity: Severity,
    pub kind: IssueKind,
    pub file: String,
    /// The spreadsheet row (header = 1) or the JSON array position (first = 1).
    pub row: Option<usize>,
    /// The column as written in the file.
    pub column: String,
    pub problem: Text,
    pub suggestion: Text,
}

pub use cuaso_catalogue::lang::Lang;

/// The report as an aligned text table, one issue a line, errors first.
pub fn report_table(issues: &[Issue], lang: Lang) -> String {
    let pick = |x: &Text| if lang == Lang::Vi { x.vi.clone() } else { x.en.clone() };
    let head = match lang {
        Lang::Vi => ["mức", "tệp", "dòng", "cột", "vấn đề", "cách sửa"],
        Lang::En => ["level", "file", "row", "column", "problem", "suggestion"],
    };
    let mut rows: Vec<[String; 6]> = vec![head.map(String::from)];
    let mut sorted: Vec<&Issue> = issues.iter().collect();
    sorted.sort_by_key(|i| (i.severity, i.file.clone(), i.row));
    for i in sorted {
        let level = match (i.severity, lang) {
            (Severity::Error, Lang::Vi) => "LỖI",
            (Severity::Error, Lang::En) => "ERROR",
            (Severity::Warning, Lang::Vi) => "lưu ý",
            (Severity::Warning, Lang::En) => "warning",
        };
        rows.push([
            level.into(),
            i.file.clone(),
            i.row.map_or("-".into(), |r| r.to_string()),
            if i.column.is_empty() { "-".into() } else { i.column.clone() },
            pick(&i.problem),
            pick(&i.suggestion),
        ]);
    }
    let width = |k: usize| rows.iter().map(|r| r[k].chars().count()).max().unwrap_or(0);
    let widths = [width(0), width(1), width(2), width(3), width(4).min(72)];
    let mut out = String::new();
    for r in &rows {
        let mut line = String::new();
        for k in 0..5 {
            let pad = widths[k].saturating_sub(r[k].chars().count());
            line.push_str(&r[k]);
            line.push_str(&" ".repeat(pad + 2));
        }
        line.push_str(&r[5]);
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

/// The report as CSV (same columns), to open in a spreadsheet beside the feed.
pub fn report_csv(issues: &[Issue], lang: Lang) -> String {
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let pick = |x: &Text| if lang == Lang::Vi { x.vi.clone() } else { x.en.clone() };
    let mut out = String::from("\u{feff}");
    out.push_str(match lang {
        Lang::Vi => "Mức,Tệp,Dòng,Cột,Vấn đề,Cách sửa\r\n",
        Lang::En => "Level,File,Row,Column,Problem,Suggestion\r\n",
    });
    for i in issues {
        let level = if i.severity == Severity::Error { "error" } else { "warning" };
        let row = i.row.map_or(String::new(), |r| r.to_string());
        let _ = write!(
            out,
            "{level},{},{row},{},{},{}\r\n",
            q(&i.file),
            q(&i.column),
            q(&pick(&i.problem)),
            q(&pick(&i.suggestion))
        );
    }
    out
}

// ---------------------------------------------------------------- raw tables

/// One kind of record in a feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Centres,
    SupportPoints,
    Procedures,
}

/// Canonical (JSON) key → the folded CSV header(s) that mean it.
const META_KEYS: &[(&str, &[&str])] = &[
    ("format_version", &["phien_ban_dinh_dang"]),
    ("province", &["ma_tinh"]),
    ("publisher", &["don_vi_cong_bo"]),
    ("source_name", &["ten_nguon"]),
    ("source_name_en", &["ten_nguon_tieng_anh"]),
    ("date", &["ngay_cong_bo"]),
    ("licence", &["giay_phep"]),
    ("url", &["duong_dan"]),
    ("caveat", &["ghi_chu"]),
];
const CENTRE_KEYS: &[(&str, &[&str])] = &[
    ("level", &["cap"]),
    ("commune_code", &["ma_xa"]),
    ("commune_name", &["ten_xa"]),
    ("name", &["ten_trung_tam"]),
    ("address", &["dia_chi"]),
    ("lat", &["vi_do"]),
    ("lon", &["kinh_do"]),
    ("phones", &["dien_thoai"]),
    ("hotline", &["duong_day_nong"]),
    ("always_open", &["truc_24_7"]),
    ("hours", &["gio_lam_viec"]),
    ("receives", &["tiep_nhan"]),
];
const SUPPORT_KEYS: &[(&str, &[&str])] = &[
    ("kind", &["loai"]),
    ("name", &["ten_diem"]),
    ("commune_code", &["ma_xa"]),
    ("commune_name", &["ten_xa"]),
    ("address", &["dia_chi"]),
    ("lat", &["vi_do"]),
    ("lon", &["kinh_do"]),
    ("phones", &["dien_thoai"]),
];
const PROCEDURE_KEYS: &[(&str, &[&str])] =
    &[("code", &["ma_thu_tuc"]), ("level", &["cap"]), ("decision", &["so_quyet_dinh"]), ("note", &["ghi_chu"])];

impl Kind {
    fn keys(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            Kind::Centres => CENTRE_KEYS,
            Kind::SupportPoints => SUPPORT_KEYS,
            Kind::Procedures => PROCEDURE_KEYS,
        }
    }
    fn csv_file(self) -> &'static str {
        match self {
            Kind::Centres => CENTRES_FILE,
            Kind::SupportPoints => SUPPORT_FILE,
            Kind::Procedures => PROCEDURES_FILE,
        }
    }
    fn json_key(self) -> &'static str {
        match self {
            Kind::Centres => "centres",
            Kind::SupportPoints => "support_points",
            Kind::Procedures => "procedures",
        }
    }
    /// Columns without which no row can be read.
    fn required(self) -> &'static [&'static str] {
        match self {
            Kind::Centres => &["level"],
            Kind::SupportPoints => &["kind", "name"],
            Kind::Procedures => &["code"],
        }
    }
}

fn header_key(header: &str) -> String {
    fold(header).trim().replace(' ', "_")
}

/// Resolves a header (CSV, any spelling) or key (JSON) to its canonical key.
fn canonical(keys: &[(&'static str, &[&str])], header: &str) -> Option<&'static str> {
    let h = header_key(header);
    keys.iter().find(|(k, aliases)| *k == h || aliases.contains(&h.as_str())).map(|(k, _)| *k)
}

fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let w = fold(word);
    candidates
        .map(|c| (levenshtein(&w, &fold(c)), c))
        .filter(|(d, _)| *d <= 2.max(w.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Edit distance over characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// One file's records, columns resolved to canonical keys.
#[derive(Clone, Debug)]
pub struct Table {
    pub kind: Kind,
    pub file: String,
    /// Each column as written, and its canonical key (`None`: unknown, reported).
    pub columns: Vec<(String, Option<&'static str>)>,
    pub rows: Vec<csv::Record>,
}

impl Table {
    fn new(kind: Kind, file: String, header: Vec<String>, rows: Vec<csv::Record>) -> Self {
        let columns = header.into_iter().map(|h| (h.clone(), canonical(kind.keys(), &h))).collect();
        Table { kind, file, columns, rows }
    }
    fn value<'a>(&self, row: &'a [String], key: &str) -> &'a str {
        self.columns.iter().position(|(_, k)| *k == Some(key)).and_then(|i| row.get(i)).map_or("", |s| s.trim())
    }
    fn column(&self, key: &str) -> String {
        self.columns.iter().find(|(_, k)| *k == Some(key)).map_or_else(|| key.to_string(), |(h, _)| h.clone())
    }
}

/// One metadata field: its row (CSV only), the field as written, its value.
pub type MetaField = (Option<usize>, String, String);

/// A feed as read from disk, before checking.
#[derive(Clone, Debug, Default)]
pub struct RawFeed {
    /// The file names, for provenance (`"thong-tin.csv, trung-tam.csv"`).
    pub files: Vec<String>,
    /// The metadata file's name and its (row, field as written, value).
    pub meta: Option<(String, Vec<MetaField>)>,
    pub tables: Vec<Table>,
    /// Provenance of an already-imported feed (`data/sources/feeds/*/feed.json`).
    pub provenance: Option<Provenance>,
    /// Problems met while reading.
    pub issues: Vec<Issue>,
}

fn file_issue(file: &str, problem: Text, suggestion: Text) -> Issue {
    Issue {
        severity: Severity::Error,
        kind: IssueKind::File,
        file: file.into(),
        row: None,
        column: String::new(),
        problem,
        suggestion,
    }
}

/// Reads a feed: a folder of CSV files, a folder holding `feed.json`, or a JSON file.
pub fn read(path: &Path) -> RawFeed {
    if path.is_dir() {
        if path.join(JSON_FILE).is_file() && !path.join(META_FILE).exists() {
            return read_json(&path.join(JSON_FILE));
        }
        return read_csv_folder(path);
    }
    if path.extension().is_some_and(|e| e == "json") {
        return read_json(path);
    }
    let name = path.display().to_string();
    let mut raw = RawFeed::default();
    raw.issues.push(file_issue(
        &name,
        t("không phải thư mục dữ liệu hay tệp .json", "not a feed folder or a .json file"),
        t(
            "chỉ đường dẫn tới thư mục chứa thong-tin.csv, hoặc tới tệp feed.json",
            "give the folder holding thong-tin.csv, or a feed.json file",
        ),
    ));
    raw
}

fn read_text(path: &Path, name: &str, issues: &mut Vec<Issue>) -> Option<String> {
    match std::fs::read(path) {
        Err(e) => {
            issues.push(file_issue(
                name,
                t(format!("không đọc được: {e}"), format!("cannot be read: {e}")),
                Text::default(),
            ));
            None
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => Some(s),
            Err(_) => {
                issues.push(file_issue(
                    name,
                    t("không phải văn bản UTF-8", "is not UTF-8 text"),
                    t(
                        "trong Excel chọn Lưu thành → \"CSV UTF-8 (Comma delimited)\"",
                        "in Excel choose Save As → \"CSV UTF-8 (Comma delimited)\"",
                    ),
                ));
                None
            }
        },
    }
}

fn read_csv_folder(dir: &Path) -> RawFeed {
    let mut raw = RawFeed::default();
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect(),
        Err(e) => {
            raw.issues.push(file_issue(
                &dir.display().to_string(),
                t(format!("không mở được: {e}"), format!("cannot be opened: {e}")),
                Text::default(),
            ));
            return raw;
        }
    };
    names.sort();
    let known = [META_FILE, CENTRES_FILE, SUPPORT_FILE, PROCEDURES_FILE];
    for name in &names {
        let lower = name.to_lowercase();
        if known.contains(&name.as_str()) {
            continue;
        }
        if [".xlsx", ".xls", ".ods"].iter().any(|x| lower.ends_with(x)) {
            raw.issues.push(file_issue(
                name,
                t("là bảng tính, không phải CSV", "is a spreadsheet, not CSV"),
                t(
                    "lưu từng trang thành CSV UTF-8 với tên như trong mẫu (trung-tam.csv…)",
                    "save each sheet as CSV UTF-8, named as in the template (trung-tam.csv…)",
                ),
            ));
        } else if lower.ends_with(".csv") {
            let suggestion = closest(name, known.iter().copied()).unwrap_or(CENTRES_FILE);
            raw.issues.push(file_issue(
                name,
                t("tên tệp không thuộc định dạng", "is not a file of the format"),
                t(format!("đổi tên thành {suggestion}?"), format!("rename it {suggestion}?")),
            ));
        }
    }
    if !names.iter().any(|n| n == META_FILE) {
        raw.issues.push(file_issue(
            META_FILE,
            t("thiếu tệp thông tin nguồn", "the source information file is missing"),
            t(
                "chép docs/feeds/templates/thong-tin.csv vào thư mục và điền",
                "copy docs/feeds/templates/thong-tin.csv into the folder and fill it in",
            ),
        ));
    }
    for name in known {
        let path = dir.join(name);
        if !path.is_file() {
            continue;
        }
        let Some(text) = read_text(&path, name, &mut raw.issues) else { continue };
        raw.files.push(name.to_string());
        let (header, rows) = csv::parse(&text);
        if name == META_FILE {
            let meta = rows
                .into_iter()
                .map(|(row, cells)| {
                    let cell = |i: usize| cells.get(i).map_or("", |s| s.trim()).to_string();
                    (Some(row), cell(0), cell(1))
                })
                .collect();
            raw.meta = Some((META_FILE.into(), meta));
            if header.len() < 2 {
                raw.issues.push(file_issue(
                    name,
                    t("cần hai cột: Trường, Giá trị", "needs two columns: field, value"),
                    Text::default(),
                ));
            }
            continue;
        }
        let kind =
            [Kind::Centres, Kind::SupportPoints, Kind::Procedures].into_iter().find(|k| k.csv_file() == name).unwrap();
        raw.tables.push(Table::new(kind, name.into(), header, rows));
    }
    if raw.tables.is_empty() && raw.issues.is_empty() {
        raw.issues.push(file_issue(
            &dir.display().to_string(),
            t("không có tệp dữ liệu nào", "holds no data file"),
            t(
                "thêm trung-tam.csv, diem-ho-tro.csv hoặc thu-tuc.csv",
                "add trung-tam.csv, diem-ho-tro.csv or thu-tuc.csv",
            ),
        ));
    }
    raw
}

fn json_cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Array(a) => a.iter().map(json_cell).collect::<Vec<_>>().join("; "),
        serde_json::Value::Object(_) => v.to_string(),
    }
}

fn read_json(path: &Path) -> RawFeed {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut raw = RawFeed { files: vec![name.clone()], ..Default::default() };
    let Some(text) = read_text(path, &name, &mut raw.issues) else { return raw };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            raw.issues.push(Issue {
                row: Some(e.line()),
                ..file_issue(
                    &name,
                    t(format!("JSON không hợp lệ: {e}"), format!("invalid JSON: {e}")),
                    t("sửa cú pháp ở dòng này", "fix the syntax at this line"),
                )
            });
            return raw;
        }
    };
    let Some(top) = value.as_object() else {
        raw.issues.push(file_issue(&name, t("phải là một đối tượng JSON", "must be a JSON object"), Text::default()));
        return raw;
    };
    for key in top.keys() {
        if !["meta", "provenance", "centres", "support_points", "procedures"].contains(&key.as_str()) {
            raw.issues.push(Issue {
                column: key.clone(),
                ..file_issue(
                    &name,
                    t("khoá không thuộc định dạng", "not a key of the format"),
                    t(
                        "các khoá: meta, centres, support_points, procedures",
                        "keys: meta, centres, support_points, procedures",
                    ),
                )
            });
        }
    }
    if let Some(meta) = top.get("meta").and_then(|m| m.as_object()) {
        raw.meta = Some((format!("{name}: meta"), meta.iter().map(|(k, v)| (None, k.clone(), json_cell(v))).collect()));
    } else {
        raw.issues.push(file_issue(
            &name,
            t("thiếu \"meta\"", "\"meta\" is missing"),
            t("xem docs/feeds.md", "see docs/feeds.md"),
        ));
    }
    raw.provenance = top.get("provenance").and_then(|p| serde_json::from_value(p.clone()).ok());
    for kind in [Kind::Centres, Kind::SupportPoints, Kind::Procedures] {
        let Some(list) = top.get(kind.json_key()) else { continue };
        let file = format!("{name}: {}", kind.json_key());
        let Some(list) = list.as_array() else {
            raw.issues.push(file_issue(&file, t("phải là một mảng", "must be an array"), Text::default()));
            continue;
        };
        let mut header: Vec<String> = Vec::new();
        for item in list {
            for k in item.as_object().into_iter().flat_map(|o| o.keys()) {
                if !header.contains(k) {
                    header.push(k.clone());
                }
            }
        }
        let rows = list
            .iter()
            .enumerate()
            .map(|(i, item)| (i + 1, header.iter().map(|k| item.get(k).map(json_cell).unwrap_or_default()).collect()))
            .collect();
        raw.tables.push(Table::new(kind, file, header, rows));
    }
    raw
}

// ---------------------------------------------------------------- the checked feed

/// The feed's metadata: who publishes it, under what terms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub format_version: u32,
    pub province: ProvinceCode,
    pub publisher: String,
    pub source_name: String,
    pub source_name_en: String,
    /// `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    pub licence: String,
    pub url: Option<String>,
    pub caveat: Option<String>,
}

/// Which files were imported, and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub files: String,
    pub imported: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedCentre {
    pub level: CentreLevel,
    /// `None` for the provincial centre.
    pub commune_code: Option<CommuneCode>,
    pub commune_name: Option<String>,
    pub name: Option<String>,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub phones: Vec<String>,
    pub hotline: Option<String>,
    pub always_open: bool,
    pub hours: Option<String>,
    /// Empty: every procedure of the centre's level.
    pub receives: Vec<ProcedureCode>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedSupportPoint {
    pub kind: SupportKind,
    pub name: String,
    pub commune_code: CommuneCode,
    pub commune_name: String,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub phones: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedProcedure {
    pub code: ProcedureCode,
    pub level: Option<Level>,
    pub decision: Option<String>,
    pub note: Option<String>,
}

/// A checked, normalized feed: codes resolved, phones as digits, hours in normal form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Feed {
    pub meta: Meta,
    pub provenance: Option<Provenance>,
    pub centres: Vec<FeedCentre>,
    pub support_points: Vec<FeedSupportPoint>,
    pub procedures: Vec<FeedProcedure>,
}

/// What a feed is checked against: the catalogue's places and procedures.
pub struct Reference<'a> {
    pub provinces: &'a [Province],
    pub communes: &'a [Commune],
    pub procedures: HashMap<&'a ProcedureCode, &'a [Level]>,
}

impl<'a> Reference<'a> {
    pub fn of(cat: &'a Catalogue) -> Self {
        Reference {
            provinces: &cat.provinces,
            communes: &cat.communes,
            procedures: cat.procedures.iter().map(|p| (&p.code, p.levels.as_slice())).collect(),
        }
    }
}

/// Collects issues for one file.
struct Sink<'i> {
    issues: &'i mut Vec<Issue>,
}

impl Sink<'_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        severity: Severity,
        kind: IssueKind,
        file: &str,
        row: Option<usize>,
        column: &str,
        problem: Text,
        suggestion: Text,
    ) {
        self.issues.push(Issue { severity, kind, file: file.into(), row, column: column.into(), problem, suggestion });
    }
}

fn nonempty(s: &str) -> Option<String> {
    let s = squash(s);
    (!s.is_empty()).then_some(s)
}

fn parse_yes_no(s: &str) -> Option<bool> {
    match fold(s).trim() {
        "" | "khong" | "no" | "false" | "0" | "k" => Some(false),
        "co" | "yes" | "true" | "1" | "x" | "c" => Some(true),
        _ => None,
    }
}

fn parse_level(s: &str) -> Option<Level> {
    match fold(s).trim() {
        "tinh" | "cap tinh" | "province" => Some(Level::Province),
        "xa" | "cap xa" | "commune" => Some(Level::Commune),
        _ => None,
    }
}

/// A publication date as a clerk writes it, as `YYYY-MM-DD` or `YYYY-MM`: ISO
/// (`2025-08-01`, `2025-08`, `2025/08/01`) or the Vietnamese day-first habit
/// (`01/08/2025`, `1/8/2025`, `01-08-2025`, `01.08.2025`, `08/2025`). Day first is
/// the only reading of `dd/mm/yyyy`: a second number over 12 (`08/15/2025`, month
/// first as US Excel saves) is refused rather than guessed, and so is a two-digit
/// year. The error says what to write.
fn parse_date(s: &str) -> Result<String, Text> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['-', '/', '.']).map(str::trim).collect();
    let num = |p: &str| {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let form = || {
        t(
            "viết ngày/tháng/năm hoặc NNNN-TT-NN, ví dụ 15/07/2025 hoặc 2025-07-15",
            "write day/month/year or YYYY-MM-DD, e.g. 15/07/2025 or 2025-07-15",
        )
    };
    let nums: Option<Vec<u32>> = parts.iter().map(|p| num(p)).collect();
    let Some(nums) = nums else { return Err(form()) };
    let year_first = parts.first().is_some_and(|p| p.len() == 4);
    let (y, m, d) = match (nums.as_slice(), year_first) {
        ([y, m], true) => (*y, *m, None),
        ([y, m, d], true) => (*y, *m, Some(*d)),
        ([m, y], false) if parts[1].len() == 4 => (*y, *m, None),
        ([d, m, y], false) if parts[2].len() == 4 => (*y, *m, Some(*d)),
        ([_, _, _], false) | ([_, _], false) => {
            return Err(t("năm phải có 4 chữ số, ví dụ 15/07/2025", "the year needs 4 digits, e.g. 15/07/2025"))
        }
        _ => return Err(form()),
    };
    if !(2000..=2100).contains(&y) {
        return Err(form());
    }
    if !(1..=12).contains(&m) {
        return Err(match (d, year_first) {
            (Some(d), false) if (1..=12).contains(&d) => t(
                format!("tháng {m} không có: ngày viết trước tháng, ví dụ {m:02}/{d:02}/{y}"),
                format!("there is no month {m}: write the day before the month, e.g. {m:02}/{d:02}/{y}"),
            ),
            _ => form(),
        });
    }
    let Some(d) = d else { return Ok(format!("{y:04}-{m:02}")) };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=days).contains(&d) {
        return Err(t(format!("tháng {m}/{y} không có ngày {d}"), format!("{m:02}/{y} has no day {d}")));
    }
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

fn check_meta(raw: &RawFeed, reference: &Reference, sink: &mut Sink) -> Option<Meta> {
    let (file, fields) = raw.meta.as_ref()?;
    let mut values: BTreeMap<&'static str, (Option<usize>, String, String)> = BTreeMap::new();
    for (row, field, value) in fields {
        match canonical(META_KEYS, field) {
            Some(k) => {
                values.insert(k, (*row, field.clone(), value.clone()));
            }
            None if field.is_empty() && value.is_empty() => {}
            None => {
                let all = META_KEYS.iter().flat_map(|(k, a)| std::iter::once(*k).chain(a.iter().copied()));
                let hint = closest(&header_key(field), all)
                    .map_or_else(Text::default, |c| t(format!("ý là '{c}'?"), format!("did you mean '{c}'?")));
                sink.push(
                    Severity::Error,
                    IssueKind::Meta,
                    file,
                    *row,
                    field,
                    t("trường không thuộc định dạng", "not a field of the format"),
                    hint,
                );
            }
        }
    }
    let mut ok = true;
    let mut get = |key: &'static str, required: bool, sink: &mut Sink| -> Option<String> {
        let v = values.get(key).and_then(|(_, _, v)| nonempty(v));
        if v.is_none() && required {
            ok = false;
            let alias = META_KEYS.iter().find(|(k, _)| *k == key).map_or(key, |(_, a)| a[0]);
            let label = values.get(key).map_or_else(|| alias.to_string(), |(_, f, _)| f.clone());
            sink.push(
                Severity::Error,
                IssueKind::Meta,
                file,
                values.get(key).and_then(|(r, _, _)| *r),
                &label,
                t("bắt buộc nhưng để trống", "required but empty"),
                t("xem docs/feeds.md, mục Thông tin nguồn", "see docs/feeds.md, section Source information"),
            );
        }
        v
    };
    let version = get("format_version", true, sink);
    let province = get("province", true, sink);
    let publisher = get("publisher", true, sink);
    let source_name = get("source_name", true, sink);
    let source_name_en = get("source_name_en", false, sink);
    let date = get("date", true, sink);
    let licence = get("licence", true, sink);
    let url = get("url", false, sink);
    let caveat = get("caveat", false, sink);
    let at = |k: &str| {
        let label = META_KEYS.iter().find(|(key, _)| *key == k).map_or(k, |(_, a)| a[0]);
        values.get(k).map_or((None, label.to_string()), |(r, f, _)| (*r, f.clone()))
    };
    let version = version.and_then(|v| match v.parse::<u32>() {
        Ok(FORMAT_VERSION) => Some(FORMAT_VERSION),
        _ => {
            let (r, f) = at("format_version");
            sink.push(
                Severity::Error,
                IssueKind::Meta,
                file,
                r,
                &f,
                t(
                    format!("phiên bản định dạng '{v}' không được hỗ trợ"),
                    format!("feed format version '{v}' is not supported"),
                ),
                t(
                    format!("dùng {FORMAT_VERSION} (mẫu hiện hành)"),
                    format!("use {FORMAT_VERSION} (the current template)"),
                ),
            );
            None
        }
    });
    let province = province.and_then(|p| {
        let found = ProvinceCode::parse(&p).ok().filter(|c| reference.provinces.iter().any(|x| &x.code == c));
        if found.is_none() {
            let (r, f) = at("province");
            let by_name =
                reference.provinces.iter().find(|x| fold(&x.name) == fold(&p) || fold(&x.short_name) == fold(&p));
            let hint = by_name.map_or_else(
                || t("mã tỉnh 2 chữ số của Tổng cục Thống kê, ví dụ 48", "the 2-digit GSO province code, e.g. 48"),
                |x| t(format!("ý là {} ({})?", x.code, x.name), format!("did you mean {} ({})?", x.code, x.name)),
            );
            sink.push(
                Severity::Error,
                IssueKind::Meta,
                file,
                r,
                &f,
                t(format!("không có tỉnh mã '{p}'"), format!("no province with code '{p}'")),
                hint,
            );
        }
        found
    });
    let date = date.and_then(|d| match parse_date(&d) {
        Ok(iso) => Some(iso),
        Err(suggestion) => {
            let (r, f) = at("date");
            sink.push(
                Severity::Error,
                IssueKind::Meta,
                file,
                r,
                &f,
                t(format!("ngày '{d}' không đúng dạng"), format!("date '{d}' is not in the expected form")),
                suggestion,
            );
            None
        }
    });
    if let Some(u) = &url {
        if !(u.starts_with("https://") || u.starts_with("http://")) {
            let (r, f) = at("url");
            sink.push(
                Severity::Error,
                IssueKind::Meta,
                file,
                r,
                &f,
                t(format!("'{u}' không phải địa chỉ web"), format!("'{u}' is not a web address")),
                t("bắt đầu bằng https://", "start it with https://"),
            );
            ok = false;
        }
    }
    if source_name_en.is_none() {
        let (r, f) = at("source_name_en");
        sink.push(
            Severity::Warning,
            IssueKind::Meta,
            file,
            r,
            &f,
            t("chưa có tên nguồn bằng tiếng Anh", "no English name for the source"),
            t("trang tiếng Anh sẽ hiện tên tiếng Việt", "the English pages will show the Vietnamese name"),
        );
    }
    if !ok {
        return None;
    }
    Some(Meta {
        format_version: version?,
        province: province?,
        publisher: publisher?,
        source_name_en: source_name_en.unwrap_or_else(|| source_name.clone().unwrap_or_default()),
        source_name: source_name?,
        date: date?,
        licence: licence?,
        url,
        caveat,
    })
}

/// Finds the commune a row means, by code, by name, or both (which must agree).
fn resolve_commune<'r>(
    table: &Table,
    row: usize,
    code: &str,
    name: &str,
    province: &ProvinceCode,
    reference: &'r Reference,
    sink: &mut Sink,
) -> Option<&'r Commune> {
    let in_province = || reference.communes.iter().filter(move |c| &c.province == province);
    let by_code = if code.is_empty() {
        None
    } else {
        let parsed = CommuneCode::parse(code).ok();
        let found = parsed.as_ref().and_then(|c| reference.communes.iter().find(|x| &x.code == c));
        match found {
            Some(c) if &c.province == province => Some(c),
            Some(c) => {
                let p = reference.provinces.iter().find(|p| p.code == c.province).map_or("?", |p| p.name.as_str());
                sink.push(
                    Severity::Error,
                    IssueKind::UnknownCommune,
                    &table.file,
                    Some(row),
                    &table.column("commune_code"),
                    t(
                        format!("mã xã {code} là {} thuộc {p}, không thuộc tỉnh của nguồn này", c.name),
                        format!("commune {code} is {} in {p}, not in this feed's province", c.name),
                    ),
                    t("kiểm tra lại mã xã", "check the commune code"),
                );
                return None;
            }
            None => {
                sink.push(
                    Severity::Error,
                    IssueKind::UnknownCommune,
                    &table.file,
                    Some(row),
                    &table.column("commune_code"),
                    t(format!("không có xã, phường mã '{code}'"), format!("no commune with code '{code}'")),
                    t(
                        format!("mã 5 chữ số; xem danh sách tại /tinh/{province}"),
                        format!("a 5-digit code; see the list at /tinh/{province}"),
                    ),
                );
                return None;
            }
        }
    };
    if name.is_empty() {
        return by_code;
    }
    let key = text::canonical(name);
    let named: Vec<&Commune> = in_province()
        .filter(|c| {
            text::canonical(&c.name) == key
                || text::canonical(&format!("{} {}", c.kind.label().vi, name)) == text::canonical(&c.name)
        })
        .collect();
    match (by_code, named.as_slice()) {
        (Some(c), _) if named.iter().any(|n| n.code == c.code) => Some(c),
        (Some(c), _) => {
            sink.push(
                Severity::Error,
                IssueKind::UnknownCommune,
                &table.file,
                Some(row),
                &table.column("commune_name"),
                t(
                    format!("mã {} là {}, nhưng tên ghi '{name}'", c.code, c.name),
                    format!("code {} is {}, but the name says '{name}'", c.code, c.name),
                ),
                t("sửa mã hoặc tên cho khớp", "make the code and the name agree"),
            );
            None
        }
        (None, [c]) => Some(c),
        (None, []) => {
            let strip = |c: &Commune| c.name.strip_prefix(c.kind.label().vi).unwrap_or(&c.name).trim().to_string();
            let w = fold(name.strip_prefix("Phường ").or(name.strip_prefix("Xã ")).unwrap_or(name));
            let best = in_province().map(|c| (levenshtein(&w, &fold(&strip(c))), c)).min_by_key(|(d, _)| *d);
            let hint = match best {
                Some((d, c)) if d <= 3.max(w.chars().count() / 3) => {
                    t(format!("ý là '{}' ({})?", c.name, c.code), format!("did you mean '{}' ({})?", c.name, c.code))
                }
                _ => t(
                    format!("xem danh sách xã, phường tại /tinh/{province}"),
                    format!("see the list of communes at /tinh/{province}"),
                ),
            };
            sink.push(
                Severity::Error,
                IssueKind::UnknownCommune,
                &table.file,
                Some(row),
                &table.column("commune_name"),
                t(
                    format!("không tìm thấy xã, phường '{name}' trong tỉnh"),
                    format!("commune '{name}' not found in the province"),
                ),
                hint,
            );
            None
        }
        (None, many) => {
            let list = many.iter().map(|c| format!("{} ({})", c.name, c.code)).collect::<Vec<_>>().join(", ");
            sink.push(
                Severity::Error,
                IssueKind::UnknownCommune,
                &table.file,
                Some(row),
                &table.column("commune_name"),
                t(
                    format!("'{name}' trùng tên nhiều đơn vị: {list}"),
                    format!("'{name}' matches several units: {list}"),
                ),
                t("ghi thêm mã xã", "add the commune code"),
            );
            None
        }
    }
}

fn parse_phones(table: &Table, row: usize, key: &str, value: &str, sink: &mut Sink) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut ok = true;
    for part in value.split([';', ',']).map(str::trim).filter(|p| !p.is_empty()) {
        match phone::normalize(part) {
            Ok(n) => {
                if let Some(old) = &n.renumbered_from {
                    sink.push(
                        Severity::Warning,
                        IssueKind::Phone,
                        &table.file,
                        Some(row),
                        &table.column(key),
                        t(
                            format!("\"{part}\" là số di động 11 số cũ; từ 2018 là {}", n.digits),
                            format!("\"{part}\" is an old 11-digit mobile number; since 2018 it is {}", n.digits),
                        ),
                        t(
                            format!("đã đổi {old} → {}; xác nhận với chủ số", n.digits),
                            format!("converted {old} → {}; confirm with the number's owner", n.digits),
                        ),
                    );
                }
                out.push(n.digits)
            }
            Err(e) => {
                ok = false;
                sink.push(
                    Severity::Error,
                    IssueKind::Phone,
                    &table.file,
                    Some(row),
                    &table.column(key),
                    t(e.vi, e.en),
                    t(
                        "kiểm tra lại số; nhiều số thì cách nhau bằng dấu ;",
                        "check the number; separate several numbers with ;",
                    ),
                );
            }
        }
    }
    ok.then_some(out)
}

/// Latitude and longitude: both or neither, numbers, inside Vietnam.
fn parse_location(table: &Table, row: usize, lat: &str, lon: &str, sink: &mut Sink) -> Result<Option<LatLon>, ()> {
    if lat.is_empty() && lon.is_empty() {
        return Ok(None);
    }
    let num = |s: &str| s.replace(',', ".").parse::<f64>().ok().filter(|x| x.is_finite());
    let (Some(la), Some(lo)) = (num(lat), num(lon)) else {
        sink.push(
            Severity::Error,
            IssueKind::Coordinates,
            &table.file,
            Some(row),
            &format!("{} / {}", table.column("lat"), table.column("lon")),
            t(
                format!("toạ độ '{lat}', '{lon}' không đọc được"),
                format!("coordinates '{lat}', '{lon}' cannot be read"),
            ),
            t(
                "ghi cả vĩ độ và kinh độ dạng số thập phân, ví dụ 16.0637 và 108.2225",
                "give both latitude and longitude as decimals, e.g. 16.0637 and 108.2225",
            ),
        );
        return Err(());
    };
    let inside = |la: f64, lo: f64| (6.0..=24.0).contains(&la) && (102.0..=118.0).contains(&lo);
    if !inside(la, lo) {
        let hint = if inside(lo, la) {
            t("hình như vĩ độ và kinh độ bị đổi chỗ", "latitude and longitude look swapped")
        } else {
            t("vĩ độ Việt Nam trong khoảng 6–24, kinh độ 102–118", "Vietnam lies at latitude 6–24, longitude 102–118")
        };
        sink.push(
            Severity::Error,
            IssueKind::Coordinates,
            &table.file,
            Some(row),
            &table.column("lat"),
            t(format!("toạ độ {la}, {lo} nằm ngoài Việt Nam"), format!("coordinates {la}, {lo} are outside Vietnam")),
            hint,
        );
        return Err(());
    }
    Ok(Some(LatLon { lat: la, lon: lo }))
}

fn warn_if_far(table: &Table, row: usize, at: Option<LatLon>, commune: &Commune, sink: &mut Sink) {
    if let (Some(at), Some(c)) = (at, commune.centroid) {
        let d = distance_km(at, c);
        if d > FAR_KM {
            sink.push(
                Severity::Warning,
                IssueKind::Coordinates,
                &table.file,
                Some(row),
                &table.column("lat"),
                t(
                    format!("cách trung tâm {} {d:.0} km", commune.name),
                    format!("{d:.0} km from the centre of {}", commune.name),
                ),
                t("kiểm tra lại toạ độ", "check the coordinates"),
            );
        }
    }
}

fn parse_codes(
    table: &Table,
    row: usize,
    key: &str,
    value: &str,
    reference: &Reference,
    sink: &mut Sink,
) -> Option<Vec<ProcedureCode>> {
    let v = value.trim();
    if v.is_empty() || ["theo cap", "by level", "by-level"].contains(&fold(v).trim()) || v == "by-level" {
        return Some(vec![]);
    }
    let mut out = Vec::new();
    let mut ok = true;
    for part in v.split([';', ',', ' ', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        match ProcedureCode::parse(part).ok().filter(|c| reference.procedures.contains_key(c)) {
            Some(c) => out.push(c),
            None => {
                ok = false;
                sink.push(
                    Severity::Error,
                    IssueKind::UnknownProcedure,
                    &table.file,
                    Some(row),
                    &table.column(key),
                    t(
                        format!("mã thủ tục '{part}' không có trong danh mục quốc gia"),
                        format!("procedure code '{part}' is not in the national catalogue"),
                    ),
                    code_hint(part, reference),
                );
            }
        }
    }
    ok.then_some(out)
}

fn code_hint(code: &str, reference: &Reference) -> Text {
    let best = reference
        .procedures
        .keys()
        .map(|c| (levenshtein(code, c.as_str()), *c))
        .min_by_key(|(d, c)| (*d, (*c).clone()));
    match best {
        Some((d, c)) if d <= 2 => t(format!("ý là {c}?"), format!("did you mean {c}?")),
        _ => {
            t("tra mã trên dichvucong.gov.vn (dạng 1.001193)", "look the code up on dichvucong.gov.vn (like 1.001193)")
        }
    }
}

fn unknown_columns(table: &Table, sink: &mut Sink) -> bool {
    let mut ok = true;
    for (h, k) in &table.columns {
        if k.is_none() && !h.is_empty() {
            let all = table.kind.keys().iter().flat_map(|(k, a)| std::iter::once(*k).chain(a.iter().copied()));
            let hint = closest(&header_key(h), all).map_or_else(
                || t("xoá cột này hoặc dùng tên cột trong mẫu", "delete the column or use a template column name"),
                |c| t(format!("ý là '{c}'?"), format!("did you mean '{c}'?")),
            );
            sink.push(
                Severity::Error,
                IssueKind::Column,
                &table.file,
                Some(1),
                h,
                t("cột không thuộc định dạng", "not a column of the format"),
                hint,
            );
            ok = false;
        }
    }
    for key in table.kind.required().iter().filter(|_| !table.rows.is_empty()) {
        if !table.columns.iter().any(|(_, k)| *k == Some(*key)) {
            let label = table.kind.keys().iter().find(|(k, _)| k == key).map_or(*key, |(_, a)| a[0]);
            sink.push(
                Severity::Error,
                IssueKind::Column,
                &table.file,
                Some(1),
                label,
                t("thiếu cột bắt buộc", "a required column is missing"),
                t("dùng hàng tiêu đề của mẫu", "use the template's header row"),
            );
            ok = false;
        }
    }
    ok
}

fn check_centres(
    table: &Table,
    province: &ProvinceCode,
    reference: &Reference,
    sink: &mut Sink,
    out: &mut Vec<FeedCentre>,
) {
    let mut seen: HashMap<Option<CommuneCode>, usize> = HashMap::new();
    for (row, cells) in &table.rows {
        let (row, v) = (*row, |k: &str| table.value(cells, k));
        let before = sink.issues.iter().filter(|i| i.severity == Severity::Error).count();
        let code_or_name = !v("commune_code").is_empty() || !v("commune_name").is_empty();
        let level = match parse_level(v("level")) {
            Some(Level::Province) => Some(CentreLevel::Province),
            Some(Level::Commune) => Some(CentreLevel::Commune),
            _ if v("level").is_empty() && code_or_name => Some(CentreLevel::Commune),
            _ => {
                sink.push(
                    Severity::Error,
                    IssueKind::Value,
                    &table.file,
                    Some(row),
                    &table.column("level"),
                    t(format!("cấp '{}' không hợp lệ", v("level")), format!("level '{}' is not valid", v("level"))),
                    t(
                        "ghi 'tỉnh' cho trung tâm cấp tỉnh, 'xã' cho cấp xã",
                        "write 'tỉnh' for the provincial centre, 'xã' for a commune's",
                    ),
                );
                None
            }
        };
        let commune = match level {
            Some(CentreLevel::Commune) => {
                if !code_or_name {
                    sink.push(
                        Severity::Error,
                        IssueKind::UnknownCommune,
                        &table.file,
                        Some(row),
                        &table.column("commune_code"),
                        t("trung tâm cấp xã nhưng không ghi xã nào", "a commune centre without its commune"),
                        t("ghi mã xã hoặc tên xã", "give the commune code or name"),
                    );
                    None
                } else {
                    resolve_commune(table, row, v("commune_code"), v("commune_name"), province, reference, sink)
                }
            }
            _ => None,
        };
        let location = parse_location(table, row, v("lat"), v("lon"), sink).ok().flatten();
        if let Some(c) = commune {
            warn_if_far(table, row, location, c, sink);
        }
        let phones = parse_phones(table, row, "phones", v("phones"), sink);
        let hotline = parse_phones(table, row, "hotline", v("hotline"), sink).map(|h| {
            if h.len() > 1 {
                sink.push(
                    Severity::Error,
                    IssueKind::Phone,
                    &table.file,
                    Some(row),
                    &table.column("hotline"),
                    t("chỉ ghi một số đường dây nóng", "give one hotline number"),
                    t("ghi số còn lại vào cột Điện thoại", "put the other numbers in the phone column"),
                );
            }
            h.into_iter().next()
        });
        let always_open = match parse_yes_no(v("always_open")) {
            Some(b) => b,
            None => {
                sink.push(
                    Severity::Error,
                    IssueKind::Value,
                    &table.file,
                    Some(row),
                    &table.column("always_open"),
                    t(
                        format!("'{}' không phải có/không", v("always_open")),
                        format!("'{}' is not yes/no", v("always_open")),
                    ),
                    t("ghi 'có' hoặc để trống", "write 'có' (yes) or leave it empty"),
                );
                false
            }
        };
        if always_open && hotline.as_ref().is_some_and(|h| h.is_none()) {
            sink.push(
                Severity::Error,
                IssueKind::Value,
                &table.file,
                Some(row),
                &table.column("always_open"),
                t("trực 24/7 nhưng không có số đường dây nóng", "24/7 but no hotline number"),
                t("ghi số đường dây nóng", "give the hotline number"),
            );
        }
        let hours = match v("hours") {
            "" => None,
            h => match hours::normalize(h) {
                Ok(n) => Some(n),
                Err(e) => {
                    sink.push(
                        Severity::Error,
                        IssueKind::Hours,
                        &table.file,
                        Some(row),
                        &table.column("hours"),
                        t(
                            format!("giờ làm việc '{h}' không đọc được ({e})"),
                            format!("opening hours '{h}' do not parse ({e})"),
                        ),
                        t(format!("viết như: {}", hours::EXAMPLE), format!("write like: {}", hours::EXAMPLE)),
                    );
                    None
                }
            },
        };
        let receives = parse_codes(table, row, "receives", v("receives"), reference, sink);
        if let (Some(codes), Some(level)) = (&receives, level) {
            let want = if level == CentreLevel::Province { Level::Province } else { Level::Commune };
            for c in codes.iter().filter(|c| !reference.procedures.get(c).is_some_and(|l| l.contains(&want))) {
                sink.push(
                    Severity::Warning,
                    IssueKind::UnknownProcedure,
                    &table.file,
                    Some(row),
                    &table.column("receives"),
                    t(
                        format!("thủ tục {c} không thuộc cấp này trong danh mục quốc gia"),
                        format!("procedure {c} is not at this level in the national catalogue"),
                    ),
                    t("vẫn nhận; kiểm tra lại nếu nhầm", "accepted; check it if this is a mistake"),
                );
            }
        }
        let key = commune.map(|c| c.code.clone());
        if level.is_some() && (level == Some(CentreLevel::Province) || key.is_some()) {
            if let Some(first) = seen.insert(key.clone(), row) {
                let what =
                    commune.map_or_else(|| "trung tâm cấp tỉnh".to_string(), |c| format!("{} ({})", c.name, c.code));
                let what_en =
                    commune.map_or_else(|| "the provincial centre".to_string(), |c| format!("{} ({})", c.name, c.code));
                sink.push(
                    Severity::Error,
                    IssueKind::Duplicate,
                    &table.file,
                    Some(row),
                    &table.column("commune_code"),
                    t(
                        format!("dòng thứ hai cho {what} (đã có ở dòng {first})"),
                        format!("a second row for {what_en} (first at row {first})"),
                    ),
                    t("gộp hai dòng làm một", "merge the two rows into one"),
                );
            }
        }
        let errors_now = sink.issues.iter().filter(|i| i.severity == Severity::Error).count();
        if errors_now > before {
            continue;
        }
        let (Some(level), Some(phones), Some(hotline), Some(receives)) = (level, phones, hotline, receives) else {
            continue;
        };
        let address = nonempty(v("address"));
        if address.is_none()
            && phones.is_empty()
            && hotline.is_none()
            && hours.is_none()
            && location.is_none()
            && receives.is_empty()
        {
            sink.push(
                Severity::Warning,
                IssueKind::Note,
                &table.file,
                Some(row),
                "",
                t("dòng không có thông tin nào để công bố; bỏ qua", "nothing to publish in this row; skipped"),
                t("điền địa chỉ, điện thoại… hoặc xoá dòng", "fill in the address, phone… or delete the row"),
            );
            continue;
        }
        out.push(FeedCentre {
            level,
            commune_code: commune.map(|c| c.code.clone()),
            commune_name: commune.map(|c| c.name.clone()),
            name: nonempty(v("name")),
            address,
            lat: location.map(|l| l.lat),
            lon: location.map(|l| l.lon),
            phones,
            hotline,
            always_open,
            hours,
            receives,
        });
    }
}

fn check_support(
    table: &Table,
    province: &ProvinceCode,
    reference: &Reference,
    sink: &mut Sink,
    out: &mut Vec<FeedSupportPoint>,
) {
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    let mut nearest_used = 0;
    for (row, cells) in &table.rows {
        let (row, v) = (*row, |k: &str| table.value(cells, k));
        let before = sink.issues.iter().filter(|i| i.severity == Severity::Error).count();
        let kind = match fold(v("kind")).trim() {
            "buu dien" | "buu cuc" | "post office" | "post-office" | "post" => Some(SupportKind::PostOffice),
            other => {
                sink.push(
                    Severity::Error,
                    IssueKind::Value,
                    &table.file,
                    Some(row),
                    &table.column("kind"),
                    t(format!("loại điểm '{other}' chưa được hỗ trợ"), format!("kind '{other}' is not supported")),
                    t("ghi 'bưu điện'", "write 'bưu điện' (post office)"),
                );
                None
            }
        };
        let name = nonempty(v("name"));
        if name.is_none() {
            sink.push(
                Severity::Error,
                IssueKind::Value,
                &table.file,
                Some(row),
                &table.column("name"),
                t("thiếu tên điểm hỗ trợ", "the support point has no name"),
                t(
                    "ghi tên như biển hiệu, ví dụ 'Bưu cục Hải Châu'",
                    "give its name as signposted, e.g. 'Bưu cục Hải Châu'",
                ),
            );
        }
        let location = parse_location(table, row, v("lat"), v("lon"), sink);
        let commune = if !v("commune_code").is_empty() || !v("commune_name").is_empty() {
            resolve_commune(table, row, v("commune_code"), v("commune_name"), province, reference, sink)
        } else {
            match location {
                Ok(Some(at)) => {
                    let nearest =
                        reference.communes.iter().filter(|c| &c.province == province && c.centroid.is_some()).min_by(
                            |a, b| {
                                distance_km(at, a.centroid.unwrap()).total_cmp(&distance_km(at, b.centroid.unwrap()))
                            },
                        );
                    nearest_used += usize::from(nearest.is_some());
                    nearest
                }
                Ok(None) => {
                    sink.push(
                        Severity::Error,
                        IssueKind::UnknownCommune,
                        &table.file,
                        Some(row),
                        &table.column("commune_code"),
                        t("không biết điểm này thuộc xã nào", "no way to tell which commune this point serves"),
                        t("ghi mã xã, tên xã, hoặc toạ độ", "give the commune code, name, or coordinates"),
                    );
                    None
                }
                Err(()) => None,
            }
        };
        if let (Some(c), Ok(at)) = (commune, location) {
            warn_if_far(table, row, at, c, sink);
        }
        let phones = parse_phones(table, row, "phones", v("phones"), sink);
        let address = nonempty(v("address"));
        // Same name, address and phones: a citizen could not tell the two apart.
        if let (Some(n), Some(p)) = (&name, &phones) {
            let key = (text::canonical(n), text::canonical(address.as_deref().unwrap_or("")), p.join(";"));
            if let Some(first) = seen.insert(key, row) {
                sink.push(
                    Severity::Error,
                    IssueKind::Duplicate,
                    &table.file,
                    Some(row),
                    &table.column("name"),
                    t(
                        format!("'{n}' cùng địa chỉ và số điện thoại đã có ở dòng {first}"),
                        format!("'{n}' with the same address and phone is already at row {first}"),
                    ),
                    t("xoá một trong hai dòng", "delete one of the two rows"),
                );
            }
        }
        if sink.issues.iter().filter(|i| i.severity == Severity::Error).count() > before {
            continue;
        }
        let (Some(kind), Some(name), Some(commune), Some(phones), Ok(at)) = (kind, name, commune, phones, location)
        else {
            continue;
        };
        out.push(FeedSupportPoint {
            kind,
            name,
            commune_code: commune.code.clone(),
            commune_name: commune.name.clone(),
            address,
            lat: at.map(|l| l.lat),
            lon: at.map(|l| l.lon),
            phones,
        });
    }
    if nearest_used > 0 {
        sink.push(Severity::Warning, IssueKind::Note, &table.file, None, &table.column("commune_code"), t(format!("{nearest_used} điểm không ghi xã: gán cho xã có tâm gần nhất (trang web ghi \"gần đây\")"), format!("{nearest_used} points name no commune: each is attached to the commune whose centre is nearest (the site says \"nearby\")")), t("ghi mã xã nếu muốn chỉ định", "give the commune code to choose it yourself"));
    }
}

fn check_procedures(table: &Table, reference: &Reference, sink: &mut Sink, out: &mut Vec<FeedProcedure>) {
    let mut seen: HashMap<ProcedureCode, usize> = HashMap::new();
    for (row, cells) in &table.rows {
        let (row, v) = (*row, |k: &str| table.value(cells, k));
        let Some(code) = parse_codes(table, row, "code", v("code"), reference, sink) else { continue };
        let code = match code.as_slice() {
            [c] => c.clone(),
            _ => {
                sink.push(
                    Severity::Error,
                    IssueKind::UnknownProcedure,
                    &table.file,
                    Some(row),
                    &table.column("code"),
                    t("mỗi dòng ghi đúng một mã thủ tục", "one procedure code per row"),
                    t("tách thành nhiều dòng", "split it into several rows"),
                );
                continue;
            }
        };
        let level = match v("level") {
            "" => None,
            l => match parse_level(l) {
                Some(l) => {
                    if !reference.procedures.get(&code).is_some_and(|ls| ls.contains(&l)) {
                        sink.push(
                            Severity::Warning,
                            IssueKind::UnknownProcedure,
                            &table.file,
                            Some(row),
                            &table.column("level"),
                            t(
                                format!("danh mục quốc gia không ghi {code} ở cấp này"),
                                format!("the national catalogue does not list {code} at this level"),
                            ),
                            t("vẫn nhận; kiểm tra lại nếu nhầm", "accepted; check it if this is a mistake"),
                        );
                    }
                    Some(l)
                }
                None => {
                    sink.push(
                        Severity::Error,
                        IssueKind::Value,
                        &table.file,
                        Some(row),
                        &table.column("level"),
                        t(format!("cấp '{l}' không hợp lệ"), format!("level '{l}' is not valid")),
                        t("ghi 'tỉnh' hoặc 'xã', hoặc để trống", "write 'tỉnh' or 'xã', or leave it empty"),
                    );
                    continue;
                }
            },
        };
        if let Some(first) = seen.insert(code.clone(), row) {
            sink.push(
                Severity::Error,
                IssueKind::Duplicate,
                &table.file,
                Some(row),
                &table.column("code"),
                t(
                    format!("thủ tục {code} đã có ở dòng {first}"),
                    format!("procedure {code} is already at row {first}"),
                ),
                t("xoá một trong hai dòng", "delete one of the two rows"),
            );
            continue;
        }
        out.push(FeedProcedure { code, level, decision: nonempty(v("decision")), note: nonempty(v("note")) });
    }
}

/// Checks a feed against the catalogue. The feed comes back only when there is no error.
pub fn check(raw: &RawFeed, reference: &Reference) -> (Option<Feed>, Vec<Issue>) {
    let mut issues = raw.issues.clone();
    let mut sink = Sink { issues: &mut issues };
    let meta = check_meta(raw, reference, &mut sink);
    let (mut centres, mut support_points, mut procedures) = (vec![], vec![], vec![]);
    // Without a valid province nothing else can be checked meaningfully.
    if let Some(province) = meta.as_ref().map(|m| m.province.clone()) {
        for table in &raw.tables {
            if !unknown_columns(table, &mut sink) {
                continue;
            }
            match table.kind {
                Kind::Centres => check_centres(table, &province, reference, &mut sink, &mut centres),
                Kind::SupportPoints => check_support(table, &province, reference, &mut sink, &mut support_points),
                Kind::Procedures => check_procedures(table, reference, &mut sink, &mut procedures),
            }
        }
    }
    let clean = !issues.iter().any(|i| i.severity == Severity::Error);
    let feed = match (clean, meta) {
        (true, Some(meta)) => {
            Some(Feed { meta, provenance: raw.provenance.clone(), centres, support_points, procedures })
        }
        _ => None,
    };
    (feed, issues)
}

// ---------------------------------------------------------------- merging

/// Merges a checked feed into the catalogue: the province's centres, its
/// communes' centres and support points, its procedure list, and its source.
pub fn apply(feed: &Feed, cat: &mut Catalogue) {
    let province = &feed.meta.province;
    let id = source_id(province);
    let provenance = feed.provenance.clone().unwrap_or(Provenance { files: String::new(), imported: String::new() });
    cat.sources.push(Source {
        id: id.clone(),
        name: feed.meta.source_name.clone(),
        name_en: feed.meta.source_name_en.clone(),
        publisher: feed.meta.publisher.clone(),
        url: feed.meta.url.clone(),
        date: feed.meta.date.clone(),
        licence: feed.meta.licence.clone(),
        caveat: feed.meta.caveat.clone(),
        feed: Some(FeedProvenance {
            province: province.clone(),
            format: feed.meta.format_version,
            files: provenance.files,
            imported: provenance.imported,
        }),
    });
    let fill = |centre: &mut ServiceCentre, f: &FeedCentre| {
        if let Some(n) = &f.name {
            centre.name = n.clone();
        }
        centre.address = f.address.clone();
        centre.phones = f.phones.clone();
        centre.hotline = f.hotline.clone().map(|number| Hotline { number, always_open: f.always_open });
        centre.hours = f.hours.clone();
        centre.location = f.lat.zip(f.lon).map(|(lat, lon)| LatLon { lat, lon });
        centre.receives =
            if f.receives.is_empty() { ReceiveRule::ByLevel } else { ReceiveRule::Listed(f.receives.clone()) };
        centre.source = Some(id.clone());
    };
    let index: HashMap<CommuneCode, usize> =
        cat.communes.iter().enumerate().map(|(i, c)| (c.code.clone(), i)).collect();
    for f in &feed.centres {
        match &f.commune_code {
            None => {
                if let Some(p) = cat.provinces.iter_mut().find(|p| &p.code == province) {
                    fill(&mut p.centre, f);
                }
            }
            Some(code) => {
                if let Some(&i) = index.get(code) {
                    fill(&mut cat.communes[i].centre, f);
                }
            }
        }
    }
    for s in &feed.support_points {
        if let Some(&i) = index.get(&s.commune_code) {
            cat.communes[i].support_points.push(SupportPoint {
                kind: s.kind,
                name: s.name.clone(),
                address: s.address.clone(),
                phones: s.phones.clone(),
                location: s.lat.zip(s.lon).map(|(lat, lon)| LatLon { lat, lon }),
                source: id.clone(),
            });
        }
    }
    let list: Vec<LocalProcedure> = feed
        .procedures
        .iter()
        .map(|p| LocalProcedure {
            code: p.code.clone(),
            level: p.level,
            decision: p.decision.clone(),
            note: p.note.clone(),
            source: id.clone(),
        })
        .collect();
    if !list.is_empty() {
        cat.local_procedures.insert(province.clone(), list);
    }
}

/// What a feed adds, counted, for the summary line of `build` and `import`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub centres: usize,
    pub centres_with_phone: usize,
    pub support_points: usize,
    pub procedures: usize,
}

impl Feed {
    pub fn added(&self) -> Added {
        Added {
            centres: self.centres.len(),
            centres_with_phone: self.centres.iter().filter(|c| !c.phones.is_empty()).count(),
            support_points: self.support_points.len(),
            procedures: self.procedures.len(),
        }
    }
}

#[cfg(test)]
mod tests;
