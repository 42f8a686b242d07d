//! Procedures crawled from the National Public Service Portal (dichvucong.gov.vn).
//!
//! The source is `data/sources/procedures/dichvucong.jsonl.gz`: one JSON object per
//! procedure, every field a string. The crawl lost the table cell separators, so
//! `Trực tuyến5 Ngày làm việc25 USD` is three cells glued together. The parsers
//! below split such text back into the model's structure **only where the split is
//! certain**; anything else is kept as [`Parsed::Text`] (the cleaned original), since a
//! wrong structure is worse than text. [`Coverage`] counts how each field fared.
//!
//! Representation choices (see each parser for details):
//! - `Không có thông tin`, an empty cell or a lone `--` is [`Parsed::NotPublished`].
//! - A time limit that the portal prints as a bare number with no unit (`Trực
//!   tuyến1Miễn phí`; the page text has no unit either) is kept as the bare number.
//! - Conditions published as `Không` ("none") are `Parsed(vec![])`: explicitly none.
//! - A fee printed as `Miễn phí` with a substantive remark (e.g. "the rate is set
//!   by the province", the fee law), or beside a description that names a fee, is
//!   [`Fee::MayApply`] with the published text, never [`Fee::Free`].
//!
//! Known limits: the start of a form file name glued to a document name is found by
//! where two cells meet (`...đóng dấuMẫu số 01.docx`, `...theo quy địnhvăn bản đề
//! nghị.docx`); where the seam is invisible (lower case glued to lower case outside
//! the usual first words of a form name) the split can be off by a few words, and
//! when no start can be found at all the field is text. `dia_chi_tiep_nhan`,
//! `thu_tuc_lien_quan` and `formality_id` have no place in the model and are not
//! carried.

use cuaso_catalogue::model::{
    time_without_unit, Agencies, Channel, ChannelOption, Document, DocumentGroup, Fee, LegalDoc, Level, Parsed,
    Procedure, ProcedureCode, ResultDoc,
};
use serde::Deserialize;
use std::fmt;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// One record of the crawl, as stored (all strings; a missing field is empty).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawProcedure {
    pub ma_thu_tuc: String,
    pub detail_url: String,
    pub formality_id: String,
    pub ten_thu_tuc: String,
    pub so_quyet_dinh: String,
    pub cap_thuc_hien: String,
    pub loai_thu_tuc: String,
    pub linh_vuc: String,
    pub doi_tuong_thuc_hien: String,
    pub co_quan_co_tham_quyen: String,
    pub dia_chi_tiep_nhan: String,
    pub co_quan_duoc_uy_quyen: String,
    pub co_quan_phoi_hop: String,
    pub thu_tuc_lien_quan: String,
    pub trinh_tu_thuc_hien: String,
    pub cach_thuc_thuc_hien: String,
    pub thanh_phan_ho_so: String,
    pub can_cu_phap_ly: String,
    pub co_quan_thuc_hien: String,
    pub yeu_cau_dieu_kien: String,
    pub ket_qua_xu_ly: String,
    /// Folder of the ministry's list, e.g. `bo-tu-phap` (see [`ministry_name`]).
    pub ministry: String,
}

/// Reads the gzipped JSON Lines source; errors name the file and the line.
pub fn read_source(path: &Path) -> Result<Vec<RawProcedure>, String> {
    crate::gz::read_json_lines(path)
}

/// The ministry or branch of a crawl folder.
pub fn ministry_name(folder: &str) -> Option<&'static str> {
    Some(match folder.trim() {
        "bo-cong-an" => "Bộ Công an",
        "bo-nong-nghiep-mt" => "Bộ Nông nghiệp và Môi trường",
        "bo-tai-chinh" => "Bộ Tài chính",
        "bo-tu-phap" => "Bộ Tư pháp",
        "bo-xay-dung" => "Bộ Xây dựng",
        "ngan-hang-nha-nuoc" => "Ngân hàng Nhà nước Việt Nam",
        "toa-an-nhan-dan" => "Tòa án nhân dân",
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Text cleaning

const NO_INFO: &str = "Không có thông tin";

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

fn is_odd_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t')
}

/// Drops zero-width and direction marks and soft hyphens; turns non-breaking
/// spaces and tabs into spaces and `\r` into `\n`; composes the text (NFC: the
/// portal mixes composed and decomposed Vietnamese, so "Trường hợp" is two strings
/// until then) and drops a combining mark that repeats the one before it ("Hoà̀").
/// Keeps everything else.
pub fn strip_invisible(s: &str) -> String {
    let is_mark = |c: char| ('\u{300}'..='\u{36f}').contains(&c);
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.nfd() {
        if is_invisible(c) || (is_mark(c) && last == Some(c)) {
            continue;
        }
        let c = if is_odd_space(c) {
            ' '
        } else if c == '\r' {
            '\n'
        } else {
            c
        };
        out.push(c);
        last = Some(c);
    }
    out.nfc().collect()
}

/// One line: invisible characters stripped, whitespace runs collapsed, trimmed.
pub fn clean_inline(s: &str) -> String {
    strip_invisible(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Several lines: each line cleaned as by [`clean_inline`], empty lines dropped.
pub fn clean_block(s: &str) -> String {
    strip_invisible(s).lines().map(clean_inline).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

/// Empty, `Không có thông tin` or only dashes (the portal's empty heading `--`).
pub(crate) fn is_not_published(s: &str) -> bool {
    let t = clean_inline(s);
    t.is_empty() || t.to_lowercase() == NO_INFO.to_lowercase() || t.chars().all(|c| c == '-')
}

fn optional(s: &str) -> Option<String> {
    if is_not_published(s) {
        None
    } else {
        Some(clean_inline(s))
    }
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

// ---------------------------------------------------------------------------
// Levels and target groups

/// `Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác` → levels in published order, without
/// repeats. Any unknown part makes the whole field [`Parsed::Text`].
pub fn parse_levels(s: &str) -> Parsed<Vec<Level>> {
    if is_not_published(s) {
        return Parsed::NotPublished;
    }
    let mut out = Vec::new();
    for part in clean_inline(s).split(',') {
        let level = match part.trim().to_lowercase().as_str() {
            "cấp bộ" => Level::Ministry,
            "cấp tỉnh" => Level::Province,
            "cấp xã" => Level::Commune,
            "cơ quan khác" => Level::Other,
            "" => continue,
            _ => return Parsed::Text(clean_inline(s)),
        };
        if !out.contains(&level) {
            out.push(level);
        }
    }
    if out.is_empty() {
        Parsed::NotPublished
    } else {
        Parsed::Parsed(out)
    }
}

/// Comma-joined target groups. A comma inside parentheses does not split
/// (`Tổ chức (không bao gồm doanh nghiệp, HTX)`), and a part starting with a
/// lower-case letter continues the previous one (the portal's single group
/// `Cán bộ, công chức, viên chức`).
pub fn parse_target_groups(s: &str) -> Vec<String> {
    if is_not_published(s) {
        return Vec::new();
    }
    let text = clean_inline(s);
    let mut parts: Vec<String> = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ => {}
        }
        if c == ',' && depth == 0 {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    parts.push(cur);
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        match (out.last_mut(), first_char(p)) {
            (Some(prev), Some(c)) if c.is_lowercase() => {
                prev.push_str(", ");
                prev.push_str(p);
            }
            _ => out.push(p.to_string()),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Channels: cách thức thực hiện

const CHANNEL_HEADER: &str = "Hình thức nộpThời gianPhí, lệ phíMô tả";
const CHANNEL_WORDS: [(&str, Channel); 3] =
    [("Dịch vụ bưu chính", Channel::Post), ("Trực tiếp", Channel::InPerson), ("Trực tuyến", Channel::Online)];
/// Units of the time column, longest first.
const TIME_UNITS: &[&str] = &["Ngày làm việc", "Giờ làm việc", "Ngày", "Giờ", "Tháng", "Năm", "Tuần", "Phút"];
const CURRENCIES: &[&str] = &["Việt Nam Đồng", "VNĐ", "USD", "EUR", "Đồng", "đồng"];
/// Remarks after `Miễn phí` that only repeat "no fee" (compared lower-case,
/// without a trailing full stop or a leading dash).
const NO_FEE_REMARKS: &[&str] = &[
    "không",
    "không có",
    "không thu",
    "không thu lệ phí",
    "không thu phí",
    "miễn phí",
    "miễn lệ phí",
    "không quy định",
    "không được quy định",
    "không có thông tin",
];

fn channel_at(s: &str) -> Option<(Channel, usize)> {
    CHANNEL_WORDS.iter().find(|(w, _)| s.starts_with(w)).map(|&(w, c)| (c, w.len()))
}

/// Where rows start: a channel word glued to a time cell (a digit or `Không...`),
/// as the crawl glued every cell. A channel word inside a description ("Trực tiếp
/// tại ...", a pasted `Dịch vụ bưu chính\t02 Ngày`) is not.
fn channel_row_starts(body: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, _) in body.char_indices() {
        if let Some((_, n)) = channel_at(&body[i..]) {
            let after = &body[i + n..];
            if first_char(after).is_some_and(|c| c.is_ascii_digit()) || after.starts_with("Không") {
                out.push(i);
            }
        }
    }
    out
}

/// Length of the ASCII digit run at the start of `s`.
fn digit_run(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Parses the time cell at the start of `s`; returns it and the rest. `None` when
/// the cell cannot be delimited with certainty (a bare number glued to an amount).
fn parse_time_cell(s: &str) -> Option<(Option<String>, &str)> {
    if let Some(rest) = s.strip_prefix(NO_INFO) {
        return Some((None, rest));
    }
    let d = digit_run(s);
    if d > 0 {
        // An optional decimal part counts only when a unit follows it.
        let mut candidates = vec![d];
        let after = &s[d..];
        if after.starts_with(['.', ',']) {
            let frac = digit_run(&after[1..]);
            if frac > 0 {
                candidates.insert(0, d + 1 + frac);
            }
        }
        for &n in &candidates {
            let rest = s[n..].trim_start_matches(' ');
            if let Some(unit) = TIME_UNITS.iter().find(|u| rest.starts_with(**u)) {
                return Some((Some(format!("{} {unit}", &s[..n])), &rest[unit.len()..]));
            }
        }
        // A bare number: certain only if no digit, comma or point follows it...
        if !(after.starts_with(['.', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit())) {
            return Some((Some(s[..d].to_string()), after));
        }
        // ...or if exactly one split leaves a well-formed grouped amount
        // (`Trực tuyến140,000 Việt Nam Đồng`: 1 + 40,000; 14 + 0,000 is no amount).
        let splits: Vec<usize> = (1..d).filter(|&k| is_grouped_amount(&s[k..])).collect();
        return match splits[..] {
            [k] => Some((Some(s[..k].to_string()), &s[k..])),
            _ => None,
        };
    }
    if s.starts_with("Không") {
        // Free text such as "Không quy định": it ends where the fee cell starts.
        let end = ["Miễn phí", NO_INFO]
            .iter()
            .filter_map(|m| s[1..].find(m).map(|p| p + 1))
            .chain(s.find(|c: char| c.is_ascii_digit()))
            .min()?;
        let t = clean_inline(&s[..end]);
        return Some((Some(t), &s[end..]));
    }
    None
}

/// `s` starts with an amount written with thousands separators, such as
/// `40,000` or `1,500,000`, followed by a non-digit: groups of three after a first
/// group of one to three digits that does not start with 0.
fn is_grouped_amount(s: &str) -> bool {
    let first = digit_run(s);
    if !(1..=3).contains(&first) || s.starts_with('0') {
        return false;
    }
    let mut i = first;
    let mut groups = 0;
    while s[i..].starts_with(',') && digit_run(&s[i + 1..]) == 3 {
        i += 4;
        groups += 1;
    }
    groups > 0 && !s[i..].starts_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
}

/// `(...)` glued at the start of `s`, balanced; returns the inner text (cleaned,
/// `None` if blank) and the rest. `Err` when the parentheses never close over
/// text (the end of the cell is then unknown).
fn paren_remark(s: &str) -> Result<(Option<String>, &str), ()> {
    if !s.starts_with('(') {
        return Ok((None, s));
    }
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    let inner = clean_inline(&s[1..i]);
                    return Ok(((!inner.is_empty()).then_some(inner), &s[i + 1..]));
                }
            }
            _ => {}
        }
    }
    if s[1..].trim().is_empty() {
        return Ok((None, ""));
    }
    // Unbalanced, but the cell ends at the last `)` with nothing after it: the
    // remark is all of it (`100,000 VNĐ((Phí Thẩm tra, thẩm định )`).
    match s.rfind(')') {
        Some(last) if s[last + 1..].trim().is_empty() => {
            let inner = clean_inline(&s[1..last]);
            Ok(((!inner.is_empty()).then_some(inner), ""))
        }
        _ => Err(()),
    }
}

pub(crate) fn is_no_fee_remark(m: &str) -> bool {
    let m = m.trim().trim_start_matches(['-', ' ']).trim_end_matches(['.', ' ']).to_lowercase();
    NO_FEE_REMARKS.contains(&m.as_str())
}

/// Parses the fee cell at the start of `s`: `Miễn phí`, `Không có thông tin` or
/// an amount with its currency, each optionally followed by a `(remark)`.
fn parse_fee_cell(s: &str) -> Option<(Fee, &str)> {
    if let Some(rest) = s.strip_prefix("Miễn phí") {
        let (remark, rest) = paren_remark(rest).ok()?;
        let fee = match remark {
            // Any remark beyond "none" (a fee law, a rate set by the province, a
            // waiver for some people only) means a fee may apply.
            Some(m) if !is_no_fee_remark(&m) => Fee::MayApply(format!("Miễn phí ({m})")),
            _ => Fee::Free,
        };
        return Some((fee, rest));
    }
    if let Some(rest) = s.strip_prefix(NO_INFO) {
        // No remark follows "no information": what follows is the description.
        return Some((Fee::NotPublished, rest));
    }
    if first_char(s).is_some_and(|c| c.is_ascii_digit()) {
        // Amount: digits with thousands separators.
        let mut n = 0;
        let b = s.as_bytes();
        while n < b.len()
            && (b[n].is_ascii_digit() || (matches!(b[n], b',' | b'.') && b.get(n + 1).is_some_and(u8::is_ascii_digit)))
        {
            n += 1;
        }
        let rest = s[n..].trim_start_matches(' ');
        let cur = CURRENCIES.iter().find(|c| rest.starts_with(**c))?;
        let (remark, rest) = paren_remark(&rest[cur.len()..]).ok()?;
        let mut text = format!("{} {cur}", &s[..n]);
        if let Some(m) = remark {
            text.push_str(&format!(" ({m})"));
        }
        return Some((Fee::Charged(text), rest));
    }
    None
}

/// The text names a fee, a fee law or an amount: the word "phí" outside "miễn
/// phí" (lệ phí, Luật phí và lệ phí, chi phí), a Ministry of Finance fee circular
/// (`…/TT-BTC`), a sum in đồng or a currency. Used so that "Miễn phí" is never
/// shown as free when the text beside it says otherwise.
pub fn names_fee(s: &str) -> bool {
    let t = s.to_lowercase().replace("miễn phí", " ");
    let words: Vec<&str> = t.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    words.iter().any(|w| matches!(*w, "phí" | "vnđ" | "vnd" | "usd") || w.ends_with("tt-btc"))
        || words.windows(2).any(|p| p[0].bytes().all(|b| b.is_ascii_digit() || b == b'.') && p[1] == "đồng")
}

fn parse_channel_row(row: &str) -> Option<ChannelOption> {
    let (channel, n) = channel_at(row)?;
    let (time_limit, rest) = parse_time_cell(row[n..].trim_start_matches(' '))?;
    let (fee, rest) = parse_fee_cell(rest.trim_start_matches(' '))?;
    // A note without a letter or digit is a stray `)` of an unbalanced remark.
    let note = clean_block(rest);
    let note = note.chars().any(char::is_alphanumeric).then_some(note);
    // "Miễn phí" beside a description that names a fee is not "free".
    let fee = match fee {
        Fee::Free if note.as_deref().is_some_and(names_fee) => Fee::MayApply("Miễn phí".into()),
        fee => fee,
    };
    Some(ChannelOption { channel, time_limit, fee, note })
}

/// Cách thức thực hiện: the table `Hình thức nộp | Thời gian | Phí, lệ phí | Mô tả`.
///
/// Every row must parse and together the rows must account for the whole text,
/// else the field is [`Parsed::Text`]. The time limit is kept as published
/// (`5 Ngày làm việc`, `10 Ngày`, `28 Giờ`, `4 Tháng`); when the portal prints a
/// bare number with no unit (`Trực tuyến1Miễn phí`; the page shows no unit either)
/// the bare number is kept (`"1"`) rather than a guessed unit. A bare number glued
/// to an amount (`Trực tiếp1250 VNĐ`: 1 + 250? 12 + 50?) is ambiguous: text.
///
/// Fees: `Miễn phí` is [`Fee::Free`] (also with a remark that only says "none",
/// such as `(Không có)`); `Miễn phí` with a substantive remark is
/// `Fee::MayApply("Miễn phí (remark)")`, the published text verbatim, because such
/// remarks say a fee is set elsewhere (and so is a `Miễn phí` whose description
/// names a fee, see [`names_fee`]); an amount is `Fee::Charged("1,500,000
/// VNĐ (đồng/lần)")`; `Không có thông tin` is [`Fee::NotPublished`]. The description
/// column becomes `note`.
pub fn parse_channels(s: &str) -> Parsed<Vec<ChannelOption>> {
    let text = strip_invisible(s);
    let t = text.trim();
    if is_not_published(t) {
        return Parsed::NotPublished;
    }
    let Some(body) = t.strip_prefix(CHANNEL_HEADER) else {
        return Parsed::Text(clean_block(t));
    };
    let body = body.trim();
    if is_not_published(body) {
        return Parsed::NotPublished;
    }
    let starts = channel_row_starts(body);
    if starts.first() != Some(&0) {
        return Parsed::Text(clean_block(body));
    }
    let mut out = Vec::new();
    for (k, &a) in starts.iter().enumerate() {
        let b = starts.get(k + 1).copied().unwrap_or(body.len());
        match parse_channel_row(&body[a..b]) {
            Some(o) => out.push(o),
            None => return Parsed::Text(clean_block(body)),
        }
    }
    Parsed::Parsed(out)
}

// ---------------------------------------------------------------------------
// Documents: thành phần hồ sơ

const DOC_HEADER: &str = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
const FORM_EXTENSIONS: &[&str] = &[".docx", ".doc", ".pdf", ".xlsx", ".xls", ".odt", ".zip", ".rar"];
/// Words a form file name often starts with, for a name glued upper-case to
/// upper-case (`...NĐ-CPMẫu số 02.docx`).
const FORM_WORDS: &[&str] = &[
    "Mẫu",
    "MẪU",
    "Mau",
    "MAU",
    "Mu",
    "mẫu",
    "mau",
    "Phụ lục",
    "PHỤ LỤC",
    "Phu luc",
    "phụ lục",
    "PL",
    "BM",
    "Tờ khai",
    "To khai",
    "tờ khai",
    "Biểu mẫu",
    "Don",
    "Đơn",
    "đơn",
    "văn bản",
    "tờ trình",
    "báo cáo",
    "bản khai",
];

/// A row terminator `N bản chính[,M bản sao]` or `M bản sao`.
struct Count {
    /// Where the name before it ends.
    name_end: usize,
    /// Where the terminator ends.
    end: usize,
    originals: u32,
    copies: u32,
}

/// Finds the count terminator whose digit run starts at `i` (a digit not preceded
/// by a digit), if it is one. The portal prints counts as single digits glued to
/// the name, so only the run's last digit is the count (`...mẫu BM.NCC.20.031 bản
/// chính` is form `BM.NCC.20.03` and 1 original). Counts inside a name (`Hóa đơn:
/// 01 bản chính;`) are told apart by what surrounds them: a `(` or a zero-padded
/// number after a space before, or a space, `;`, `,`, `:`, `)` or `.` after.
fn count_at(part: &str, i: usize) -> Option<Count> {
    let d = digit_run(&part[i..]);
    let run = &part[i..i + d];
    let after = &part[i + d..];
    let (originals, copies, len) = if let Some(r) = after.strip_prefix(" bản chính") {
        let mut len = d + " bản chính".len();
        let mut copies = 0;
        if let Some(r2) = r.strip_prefix(',') {
            let r2t = r2.trim_start_matches(' ');
            let d2 = digit_run(r2t);
            if d2 > 0 && r2t[d2..].starts_with(" bản sao") {
                copies = r2t[..d2].parse().ok()?;
                len += 1 + (r2.len() - r2t.len()) + d2 + " bản sao".len();
            }
        }
        (run[d - 1..].parse::<u32>().ok()?, copies, len)
    } else if after.starts_with(" bản sao") {
        (0, run[d - 1..].parse::<u32>().ok()?, d + " bản sao".len())
    } else {
        return None;
    };
    let before = last_char(&part[..i])?;
    if before == '(' || (before.is_whitespace() && run.starts_with('0') && d >= 2) {
        return None;
    }
    let end = i + len;
    let rest = &part[end..];
    if let Some(c) = first_char(rest) {
        // `1 bản chính...Tài liệu`, `1 bản chính.+ Đề án`: a full stop glued to
        // the next name; `01 bản chính. Trường hợp`, `01 bản chính.1 bản chính`: not.
        let stop_glued = c == '.' && rest[1..].starts_with(|n: char| !n.is_whitespace() && !n.is_ascii_digit());
        // `(nếu có).0 bản chính,1 bản sao) Bản sao…` (1.003712): a count closed by a
        // bracket nothing opened, then the next name.
        let stray_bracket = c == ')'
            && part[..i].matches('(').count() <= part[..i].matches(')').count()
            && rest[1..].strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_uppercase));
        if stray_bracket {
            return Some(Count { name_end: i + d - 1, end: end + 1, originals, copies });
        }
        if (c.is_whitespace() && !rest.trim().is_empty()) || ";,:)".contains(c) || (c == '.' && !stop_glued) {
            return None;
        }
    }
    Some(Count { name_end: i + d - 1, end, originals, copies })
}

/// A full stop or comma followed by a space and a lower-case word: a sentence.
fn reads_as_prose(s: &str) -> bool {
    [". ", ", "]
        .iter()
        .any(|m| s.match_indices(m).any(|(p, _)| first_char(&s[p + 2..]).is_some_and(char::is_lowercase)))
}

/// `s` ends with an open list marker: `(ii`, `(a`, `(1`, `(IV`.
fn after_list_marker(s: &str) -> bool {
    match s.rfind('(') {
        Some(p) => {
            let inner = &s[p + 1..];
            let n = inner.chars().count();
            (n == 1 && inner.chars().all(char::is_alphanumeric))
                || ((1..=2).contains(&n) && inner.chars().all(|c| c.is_ascii_digit()))
                || ((1..=4).contains(&n)
                    && (inner.chars().all(|c| "ivx".contains(c)) || inner.chars().all(|c| "IVX".contains(c))))
        }
        None => false,
    }
}

/// Length of the form file extension `s` ends with (any ASCII case).
fn ends_with_extension(s: &str) -> Option<usize> {
    FORM_EXTENSIONS
        .iter()
        .find(|e| {
            s.len() >= e.len()
                && s.is_char_boundary(s.len() - e.len())
                && s[s.len() - e.len()..].eq_ignore_ascii_case(e)
        })
        .map(|e| e.len())
}

/// Splits the form file names glued to the end of a document name
/// (`...đóng dấuMẫu số 01.docx`). Returns `None` when a file name's start cannot
/// be found with confidence.
///
/// A file name is searched back from its extension, no further than a previous
/// form or a `/`, `;`, `:` or line break. It starts right after a previous form,
/// or after a glued `;`, `:` or `,` if what follows is short and not prose; else
/// at the leftmost glue between cells: lower-case letter to upper-case
/// letter, `)` to a letter or digit (not after a list marker such as `(ii)`), a
/// full stop ending a word to a letter or digit, or a usual first word of a form
/// name (`Mẫu`, `Phụ lục`...) glued to a word; else right after the glued `;`, `:`
/// or `,`; else, weaker, lower-case letter to digit or digit to upper-case letter
/// (`hàng không1.000574.docx`).
fn split_forms(name: &str) -> Option<(String, Vec<String>)> {
    let mut rest = name.trim_end();
    let mut forms = Vec::new();
    while let Some(ext) = ends_with_extension(rest) {
        let stem_end = rest.len() - ext;
        let chars: Vec<(usize, char)> = rest[..stem_end].char_indices().collect();
        // The window starts at index `lo` of `chars`.
        let mut lo = 0;
        let mut lo_is_start = false;
        for k in (0..chars.len()).rev() {
            let (pos, c) = chars[k];
            let after_form = pos > 0 && ends_with_extension(&rest[..pos]).is_some();
            if after_form {
                lo = k;
                lo_is_start = true;
                break;
            }
            let alnum_next = chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
            if matches!(c, '/' | ';' | ':' | '\n') || (c == ',' && alnum_next) {
                lo = k + 1;
                lo_is_start = matches!(c, ';' | ':' | ',') && alnum_next;
                break;
            }
        }
        while lo < chars.len() && chars[lo].1.is_whitespace() {
            lo += 1;
        }
        if lo >= chars.len() {
            return None;
        }
        let strong = |k: usize| {
            let (pos, c) = chars[k];
            let p = chars[k - 1].1;
            let pp = if k >= 2 { Some(chars[k - 2].1) } else { None };
            (p.is_lowercase() && c.is_uppercase())
                || (p == ')' && (c.is_alphanumeric() || c == '~') && !after_list_marker(&rest[..chars[k - 1].0]))
                || (matches!(p, '”' | '"') && c.is_alphanumeric())
                || (p == '.' && pp.is_some_and(|q| q.is_lowercase() || q == ')') && c.is_alphanumeric())
                || ((p.is_alphanumeric() || p == '.' || p == ')')
                    && FORM_WORDS.iter().any(|w| rest[pos..].starts_with(w)))
        };
        // Weaker: also common inside names and file names (`4x6`, `Mauso07`, `TT.14`).
        let weak = |k: usize| {
            let (c, p) = (chars[k].1, chars[k - 1].1);
            let pp_digit = k >= 2 && chars[k - 2].1.is_ascii_digit();
            (p.is_lowercase() && c.is_ascii_digit())
                || (p.is_ascii_digit() && c.is_uppercase())
                || (p == '.' && !pp_digit && c.is_alphanumeric())
        };
        let after_previous_form = lo > 0 && ends_with_extension(&rest[..chars[lo].0]).is_some();
        // After a glued `;`: the file name, unless what follows reads as prose.
        let after_stop = lo_is_start && {
            let cand = &rest[chars[lo].0..stem_end];
            cand.chars().count() <= 160 && !reads_as_prose(cand)
        };
        let start = if after_previous_form || after_stop {
            Some(lo)
        } else {
            ((lo + 1)..chars.len())
                .find(|&k| strong(k))
                .or(lo_is_start.then_some(lo))
                .or_else(|| ((lo + 1)..chars.len()).find(|&k| weak(k)))
        };
        let start = chars[start?].0;
        let form = clean_inline(&rest[start..]);
        forms.insert(0, form.trim_start_matches(['.', ',', ';', ':', ' ']).to_string());
        rest = &rest[..start];
    }
    Some((clean_inline(rest), forms))
}

/// Rows of one table: each `<name>[<form file>...]<count>`; returns the documents
/// and the text after the last count (the next group's heading).
fn parse_document_rows(part: &str) -> Option<(Vec<Document>, &str)> {
    let mut docs = Vec::new();
    let mut from = 0;
    let bytes = part.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            if let Some(c) = count_at(part, i) {
                let raw = &part[from..c.name_end];
                let (name, forms) = split_forms(raw)?;
                let name = name.trim_start_matches(['.', ' ', '-', '+', '*', '•', '–']).to_string();
                if name.is_empty() && forms.is_empty() {
                    // A count with no name (`...1 bản chính1 bản chính`): nothing to list.
                    from = c.end;
                    i = c.end;
                    continue;
                }
                if name.is_empty() || contains_glued_count(&name) {
                    return None;
                }
                docs.push(Document {
                    name,
                    form: (!forms.is_empty()).then(|| forms.join("; ")),
                    originals: c.originals,
                    copies: c.copies,
                    conditional: false,
                });
                from = c.end;
                i = c.end;
                continue;
            }
        }
        i += 1;
    }
    Some((docs, &part[from..]))
}

/// A name still holding a count followed by a full stop and text (`1 bản
/// chính.+ Đề án`): two rows that could not be told apart.
fn contains_glued_count(name: &str) -> bool {
    ["bản chính.", "bản sao."].iter().any(|m| {
        name.match_indices(m).any(|(p, _)| {
            let next = first_char(&name[p + m.len()..]);
            let prev_digit = name[..p].trim_end().ends_with(|c: char| c.is_ascii_digit());
            prev_digit && next.is_some_and(|c| !c.is_whitespace())
        })
    })
}

pub(crate) fn heading_of(s: &str) -> Option<String> {
    let h = clean_inline(s);
    let h = h.trim_start_matches(['*', ' ']).trim_end_matches([':', ' ']);
    if h.is_empty() || h.chars().all(|c| c == '-') {
        None
    } else {
        Some(h.to_string())
    }
}

/// Thành phần hồ sơ: groups, each an optional heading (`* Giấy tờ phải nộp:`, a
/// case such as `Trường hợp ...`; `--` means none) and a table `Tên giấy tờ |
/// Mẫu đơn, tờ khai | Số lượng`. Counts `1 bản chính`, `0 bản chính,1 bản sao`,
/// `1 bản sao` become originals/copies (a `0 bản chính` row is often a note, kept
/// as published). Several form files of one row are joined with `"; "`. Text after
/// the last table that no table follows is kept as a last group with a heading and
/// no documents. Text without any table header (misaligned crawl records) is text.
pub fn parse_documents(s: &str) -> Parsed<Vec<DocumentGroup>> {
    let text = strip_invisible(s);
    let t = text.trim();
    if is_not_published(t) {
        return Parsed::NotPublished;
    }
    let parts: Vec<&str> = t.split(DOC_HEADER).collect();
    if parts.len() < 2 {
        return Parsed::Text(clean_block(t));
    }
    let mut groups = Vec::new();
    let mut heading = heading_of(parts[0]);
    for (k, part) in parts[1..].iter().enumerate() {
        let Some((documents, leftover)) = parse_document_rows(part) else {
            return Parsed::Text(clean_block(t));
        };
        groups.push(DocumentGroup { heading, documents, notes: Vec::new() });
        heading = heading_of(leftover);
        if k == parts.len() - 2 && heading.is_some() {
            groups.push(DocumentGroup { heading: heading.take(), documents: Vec::new(), notes: Vec::new() });
        }
    }
    groups.retain(|g| g.heading.is_some() || !g.documents.is_empty());
    if groups.iter().all(|g| g.documents.is_empty()) {
        return if groups.is_empty() { Parsed::NotPublished } else { Parsed::Text(clean_block(t)) };
    }
    Parsed::Parsed(groups)
}

// ---------------------------------------------------------------------------
// Legal basis: căn cứ pháp lý

const LEGAL_HEADER: &str = "Tên văn bản pháp lýMã văn bản";
/// Segments of a document number's suffix (`NĐ-CP`, `TT-BTC`, `QH13`...): kinds
/// of document and issuers. Matched longest first; `QH`/`UBTVQH` take two digits.
const NUMBER_SEGMENTS: &[&str] = &[
    "TTLT",
    "VBHN",
    "NĐ",
    "ND",
    "TT",
    "QĐ",
    "QD",
    "NQ",
    "PL",
    "CT",
    "HD",
    "HĐ",
    "KH",
    "TB",
    "CV",
    "L",
    "CP",
    "TTg",
    "TTG",
    "BTC",
    "BTP",
    "BCA",
    "NHNN",
    "BNNMT",
    "BNNPTNT",
    "BXD",
    "BGTVT",
    "BTNMT",
    "BKHĐT",
    "BLĐTBXH",
    "BYT",
    "BCT",
    "VPCP",
    "BVHTTDL",
    "BKHCN",
    "BNV",
    "BQP",
    "BNG",
    "BTTTT",
    "TANDTC",
    "VKSNDTC",
    "BHXH",
    "UBND",
    "HĐND",
    "VPQH",
    "BGDĐT",
    "HĐTP",
    "HĐTPTANDTC",
    "NNMT",
    "BNN",
    "TCHQ",
    "TCT",
    "UBCK",
    "CTN",
    "UBDT",
    "KTNN",
    "BTM",
    "BCN",
    "BGD",
    "BTS",
    "BKH",
    "BXH",
    "BVHTT",
    "BTNMT",
    "NHNNVN",
    "BCĐ",
    "TW",
    "BBCVT",
    "BTTT",
    "UBTVQH",
    "QH",
    "BKHCNMT",
    "BQLDA",
    "NQLT",
    "UBTƯMTTQVN",
    "BQP",
    "TANDTC",
    "CTLT",
];
/// Kinds of document that may precede a number inside its cell (`Luật số 32/2024/QH15`).
const NUMBER_PREFIXES: &[&str] = &[
    "Thông tư liên tịch",
    "Thông tư",
    "Nghị định",
    "Nghị quyết",
    "Quyết định",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Văn bản hợp nhất",
    "Chỉ thị",
    "Lệnh",
];

/// A document number found in the text.
#[derive(Clone, Debug)]
struct Number {
    start: usize,
    end: usize,
}

/// One suffix segment at the start of `s`; returns its byte length.
fn number_segment(s: &str) -> Option<usize> {
    let best = NUMBER_SEGMENTS.iter().filter(|w| s.starts_with(**w)).max_by_key(|w| w.len())?;
    let mut n = best.len();
    if *best == "QH" || *best == "UBTVQH" {
        n += digit_run(&s[n..]).min(2);
    }
    Some(n)
}

/// A number such as `123/2015/NĐ-CP`, `54/2014/QH13`, `66.7/2025/NQ-CP` or
/// `1234/QĐ-BTC` whose digits start at `i`.
fn number_at(s: &str, i: usize) -> Option<Number> {
    let mut start = i;
    let mut d = digit_run(&s[i..]);
    if d == 0 {
        return None;
    }
    let after_slash = s[..i].ends_with('/');
    // `Luật Doanh nghiệp 202076/2025/QH15`: a year closing the title, glued to the number.
    // `...ngày 29/6/202443/2024/QH15`: a date's year, glued likewise.
    if d >= 5
        && (s[i..].starts_with("19") || s[i..].starts_with("20"))
        && last_char(&s[..i]).is_some_and(|c| c.is_whitespace() || c == '/')
    {
        start += 4;
        d -= 4;
    } else if after_slash {
        // `08.a/2010/TT-BTP`, `37/2013/2015/TT-NHNN`: the tail of something else.
        return None;
    }
    let mut j = start + d;
    // `66.7/2025/NQ-CP`; but `năm 2001.22/2025/TT-BXD` is a year, a full stop and a number.
    if d <= 3 && s[j..].starts_with('.') && digit_run(&s[j + 1..]) > 0 {
        j += 1 + digit_run(&s[j + 1..]);
    }
    if !s[j..].starts_with('/') {
        return None;
    }
    j += 1;
    let y = digit_run(&s[j..]);
    if y == 4 && s[j + 4..].starts_with('/') {
        j += 5;
    }
    j += number_segment(&s[j..])?;
    while s[j..].starts_with(['-', '/']) {
        match number_segment(&s[j + 1..]) {
            Some(n) => j += 1 + n,
            None => break,
        }
    }
    Some(Number { start, end: j })
}

/// A number-cell prefix ending at `end` (`Luật số `, `Nghị định `, `Số `): its
/// start, and whether it holds the word `số` (a title never ends in "số").
fn number_prefix(s: &str, end: usize) -> Option<(usize, bool)> {
    let trimmed = s[..end].trim_end_matches(' ');
    let (trimmed, so) = match trimmed.strip_suffix("số").or_else(|| trimmed.strip_suffix("Số")) {
        Some(t) => (t.trim_end_matches(' '), true),
        None => (trimmed, false),
    };
    for p in NUMBER_PREFIXES {
        if let Some(t) = trimmed.strip_suffix(p) {
            return Some((t.len(), so));
        }
    }
    so.then_some((trimmed.len(), true))
}

/// Start of the number cell holding the number that starts at `start`.
fn cell_start(s: &str, start: usize) -> usize {
    number_prefix(s, start).map_or(start, |(p, _)| p)
}

/// The character before byte `pos` is neither whitespace nor the start: two cells
/// glued together.
fn glued_before(s: &str, pos: usize) -> bool {
    last_char(&s[..pos]).is_some_and(|c| !c.is_whitespace())
}

/// A title holding a cell boundary we did not find: a lower-case letter glued to an
/// upper-case letter or a digit (`Luật thú yNghị định`, `kinh doanh18/2026`), or a
/// number glued to a code (`...-BTC21/2008/...`).
fn has_glue(title: &str) -> bool {
    let cs: Vec<char> = title.chars().collect();
    let lower_glued = cs.windows(2).any(|w| w[0].is_lowercase() && (w[1].is_uppercase() || w[1].is_ascii_digit()));
    // `...BQP-BLĐTBXH-BTC21/2008/...`: a number glued to the end of another.
    let number_glued = (1..cs.len()).any(|k| {
        cs[k - 1].is_uppercase() && cs[k].is_ascii_digit() && {
            let rest: String = cs[k..].iter().collect();
            rest.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with('/')
        }
    });
    lower_glued || number_glued
}

/// Căn cứ pháp lý: the table `Tên văn bản pháp lý | Mã văn bản` as
/// `<title><number>...`.
///
/// A number ends a row when the next title follows it glued (`...NĐ-CPLuật`,
/// `...QH15hướng dẫn`, `...QH1354/2014`), or after a space when its cell was
/// itself glued to the previous title (`kinh doanh18/2026/TT-BTC Nghị định`). A
/// number cell may carry its kind (`Luật số 32/2024/QH15`, `Số 73/2025/TT-NHNN`);
/// that prefix is dropped from the title. A number glued to an equal one is the
/// next row's title (`106/2024/NĐ-CP106/2024/NĐ-CP`, `Luật 54/2014/QH1354/2014/QH13`);
/// a number glued to a different one is part of the next title (`...bởi Nghị định
/// số 232/2025/NĐ-CP34/2025/TT-NHNN`), and so is one whose title would only be
/// `Thông tư số` (`...BTCThông tư số 53/2025/TT-BCAngày...`); a bare kind is a
/// title (`Nghị định76/2012/NĐ-CP`). A year closing a title stays in it (`Luật
/// Doanh nghiệp 202076/2025/QH15`). If a title still shows a glued boundary, or
/// text is left over, the whole field is text.
pub fn parse_legal_basis(s: &str) -> Parsed<Vec<LegalDoc>> {
    let text = strip_invisible(s);
    let t = text.trim();
    if is_not_published(t) {
        return Parsed::NotPublished;
    }
    let Some(body) = t.strip_prefix(LEGAL_HEADER) else {
        return Parsed::Text(clean_block(t));
    };
    let body = body.trim();
    if is_not_published(body) {
        return Parsed::NotPublished;
    }
    // All numbers, left to right.
    let mut numbers = Vec::new();
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut last_end = usize::MAX;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit() || i == last_end) {
            if let Some(n) = number_at(body, i) {
                i = n.end;
                last_end = n.end;
                numbers.push(n);
                continue;
            }
        }
        i += 1;
    }
    let fallback = || Parsed::Text(split_rows(body, &numbers));
    // Those that can end a row.
    let ends_row = |n: &Number| -> bool {
        let rest = &body[n.end..];
        let Some(c) = first_char(rest) else { return true };
        if rest.trim().is_empty() {
            return true;
        }
        if !c.is_whitespace() {
            // `04/2023/TT-BXD- Luật...`: a title starting with a dash (but `21/2008/TTLT-
            // BQP-BLĐTBXH` is a number with a stray space).
            let dash_title = c == '-' && rest[1..].starts_with(char::is_whitespace) && {
                let word: String = rest[1..].trim_start().chars().take_while(|c| c.is_alphanumeric()).collect();
                word.chars().any(char::is_lowercase)
            };
            return dash_title || !",.;:)/-".contains(c);
        }
        // Followed by a space: a row end only if its cell is glued to title text
        // (not to a previous number, which would make it the start of a title).
        let next = first_char(rest.trim_start()).unwrap_or(' ');
        let cell = cell_start(body, n.start);
        let before = last_char(&body[..cell]);
        (next.is_uppercase() || next.is_ascii_digit())
            && before.is_some_and(|b| !b.is_whitespace() && !b.is_ascii_digit())
            && !numbers.iter().any(|m| m.end == cell)
    };
    let mut ends: Vec<&Number> = numbers.iter().filter(|n| ends_row(n)).collect();
    let text_of = |n: &Number| &body[n.start..n.end];
    let gap = |a: &Number, b: &Number| body[a.end..b.start].trim();
    // A number glued to an equal one, maybe with a prefix (`106/2024/NĐ-CP106/2024/NĐ-CP`,
    // `73/2025/TT-NHNNSố 73/2025/TT-NHNN`, `47/2019/TT-BTCThông tư 47/2019/TT-BTC`), is
    // that row's title.
    let glued_equal = |a: &Number, b: &Number| {
        let only_prefix =
            number_prefix(body, b.start).is_some_and(|(p, _)| p >= a.end && body[a.end..p].trim().is_empty());
        a.end <= b.start && (body[a.end..b.start].trim().is_empty() || only_prefix) && text_of(a) == text_of(b)
    };
    let mut k = 0;
    while k < ends.len() {
        // The equal number right after this one, whether or not it looked like a row end.
        match numbers.iter().find(|b| b.start >= ends[k].end && glued_equal(ends[k], b)) {
            Some(b) => {
                if ends.get(k + 1).is_some_and(|n| n.start == b.start) {
                    ends.remove(k);
                } else {
                    ends[k] = b;
                }
            }
            None => k += 1,
        }
    }
    // A number glued to a different one is part of the next title (`...bởi Nghị định
    // số 232/2025/NĐ-CP34/2025/TT-NHNN`).
    let mut k = 0;
    while k + 1 < ends.len() {
        if gap(ends[k], ends[k + 1]).is_empty() {
            ends.remove(k);
        } else {
            k += 1;
        }
    }
    // A "title" that is only `Thông tư số`: the number opens the next title
    // (`...73/2024/TT-BTCThông tư số 53/2025/TT-BCAngày 01/7/2025...`).
    let mut k = 0;
    let mut title_start = 0;
    while k < ends.len() {
        match number_prefix(body, ends[k].start) {
            Some((p, true)) if body[title_start..p].trim().is_empty() && k + 1 < ends.len() => {
                ends.remove(k);
            }
            _ => {
                title_start = ends[k].end;
                k += 1;
            }
        }
    }
    let Some(last) = ends.last() else { return fallback() };
    if !body[last.end..].trim().is_empty() {
        return fallback();
    }
    let mut out = Vec::new();
    let mut title_start = 0;
    for n in ends {
        let cut = match number_prefix(body, n.start) {
            Some((p, so))
                if p > title_start
                    && (so || glued_before(body, p) || body[title_start..p].trim_end_matches(' ').ends_with('\n')) =>
            {
                p
            }
            _ => n.start,
        };
        let title = space_after_numbers(&clean_inline(&body[title_start..cut]));
        if title.is_empty() || has_glue(&title) {
            return fallback();
        }
        out.push(LegalDoc { number: text_of(n).to_string(), title });
        title_start = n.end;
    }
    Parsed::Parsed(out)
}

/// A title whose own text runs a document number into the next word, as the
/// portal wrote it: a space after the number (`Thông tư số 53/2025/TT-BCAngày
/// 01/7/2025` → `…TT-BCA ngày…`), and a dash between the number and a title
/// set apart (`Nghị định 166/2016/NĐ-CP-Quy định…` → `…NĐ-CP - Quy định…`).
/// Only spaces are added; the Prime Minister's `TTg` is part of the number.
fn space_after_numbers(title: &str) -> String {
    let mut out = String::with_capacity(title.len() + 8);
    let mut copied = 0;
    let mut i = 0;
    let bytes = title.as_bytes();
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit());
        let Some(n) = starts.then(|| number_at(title, i)).flatten() else {
            i += 1;
            continue;
        };
        let rest = &title[n.end..];
        let mut next = rest.chars();
        match (next.next(), next.next(), next.next()) {
            (Some(c), _, _) if c.is_lowercase() => {
                out.push_str(&title[copied..n.end]);
                out.push(' ');
                copied = n.end;
            }
            (Some('-'), Some(c), Some(d)) if c.is_uppercase() && d.is_lowercase() => {
                out.push_str(&title[copied..n.end]);
                out.push_str(" - ");
                copied = n.end + 1;
            }
            _ => {}
        }
        i = n.end;
    }
    out.push_str(&title[copied..]);
    out
}

/// A legal basis the table parse could not delimit, kept verbatim but one row
/// per line where the numbers show the boundary: a line ends after a number glued
/// to the next title (`…NUÔI10/2020/TT-BTPquy định…`, `…NĐ-CPLuật…`), and a
/// space goes between a title and a number glued to it (`NUÔI 10/2020/TT-BTP`).
/// Nothing is removed or reworded.
fn split_rows(body: &str, numbers: &[Number]) -> String {
    let mut out = String::with_capacity(body.len() + 16);
    let mut at = 0;
    for n in numbers {
        if n.start < at {
            continue;
        }
        out.push_str(&body[at..n.start]);
        if last_char(&out).is_some_and(|c| c.is_alphabetic() || c.is_ascii_digit())
            && first_char(&body[n.start..]).is_some()
        {
            out.push(' ');
        }
        out.push_str(&body[n.start..n.end]);
        at = n.end;
        // A kind the reader did not know, glued to the next title (`118/2025/NĐ-CSửa
        // đổi…`, a typo for NĐ-CP): the title starts at the capital before the lowercase.
        // So too a kind split by a stray space (`21/2008/TTLT- BQP-BLĐTBXH-BTCQuyết…`);
        // but `04/2023/TT-BXD- Luật…` is a title that starts with a dash.
        let rest = &body[at..];
        let lead = if rest.starts_with("- ") { 2 } else { 0 };
        let run = lead
            + rest[lead..]
                .find(|c: char| !(c.is_ascii_uppercase() || c == 'Đ' || c == '-'))
                .unwrap_or(rest.len() - lead);
        let word_follows = first_char(&rest[run..]).is_some_and(char::is_lowercase);
        if rest.starts_with('-') && word_follows && run >= lead + 2 {
            let cut = rest[..run].char_indices().last().map_or(0, |(k, _)| k);
            out.push_str(&rest[..cut]);
            at += cut;
        }
        let dash_title = lead > 0 && word_follows && run == lead + 1;
        if dash_title || first_char(&body[at..]).is_some_and(char::is_alphabetic) {
            out.push('\n');
        }
    }
    out.push_str(&body[at..]);
    clean_block(&out)
}

// ---------------------------------------------------------------------------
// Results: kết quả

/// Page furniture that follows the result table on the portal.
const FURNITURE: &[&str] = &["Từ khóa", "Chọn cơ quan thực hiện"];

fn strip_furniture(s: &str) -> &str {
    let cut = FURNITURE.iter().filter_map(|f| s.find(f)).min().unwrap_or(s.len());
    &s[..cut]
}

/// Kết quả: `<name>Mã: <code><name>Mã: <code>...`, then page furniture (`Từ
/// khóa...Nộp hồ sơ`), which is stripped. A code is the ASCII run after `Mã:` up to
/// its last digit (`KQ.G15.000031`, `000.00.00.G19-KQ1120`); the next name starts
/// right after. A run without a digit is a code only at the very end (`VBTT`; the
/// portal also holds placeholder codes such as `sgga`, kept as published); `Mã:
/// Chưa xác định` (not determined) is no code. A trailing name without `Mã:` gets
/// no code. Text without any `Mã:`, or a code that cannot be delimited, is text.
pub fn parse_results(s: &str) -> Parsed<Vec<ResultDoc>> {
    let text = strip_invisible(s);
    let body = strip_furniture(text.trim()).trim();
    if is_not_published(body) {
        return Parsed::NotPublished;
    }
    let fallback = || Parsed::Text(clean_block(body));
    if !body.contains("Mã:") {
        return fallback();
    }
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(p) = rest.find("Mã:") {
        let name = clean_inline(&rest[..p]);
        if name.is_empty() {
            return fallback();
        }
        let after = rest[p + "Mã:".len()..].trim_start();
        let run = after.bytes().take_while(|b| b.is_ascii_alphanumeric() || b"._-/".contains(b)).count();
        // `Mã: Chưa xác định` (not yet determined) closing the list: no code.
        let undetermined = after
            .trim_end_matches(['.', ' '])
            .strip_prefix("Chưa xác định")
            .is_some_and(|r| matches!(r.trim(), "" | "rõ"));
        if undetermined {
            out.push(ResultDoc { name, code: None });
            rest = "";
            break;
        }
        let code_len = match after[..run].rfind(|c: char| c.is_ascii_digit()) {
            Some(d) => d + 1,
            None if run > 0 && after[run..].trim().is_empty() => run,
            None => return fallback(),
        };
        out.push(ResultDoc { name, code: Some(after[..code_len].to_string()) });
        rest = &after[code_len..];
    }
    let tail = clean_inline(rest);
    if tail.chars().any(char::is_alphanumeric) {
        out.push(ResultDoc { name: tail, code: None });
    }
    Parsed::Parsed(out)
}

// ---------------------------------------------------------------------------
// Steps and conditions: free text

/// `a)`, `b.`, `ii)`, `đ)`: a list marker, not a sentence continued.
fn starts_with_marker(line: &str) -> bool {
    let head: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
    let n = head.chars().count();
    (1..=4).contains(&n)
        && (n == 1 || head.chars().all(|c| "ivx".contains(c)))
        && line[head.len()..].starts_with([')', '.'])
}

/// Splits one line before inline markers that follow the end of a clause
/// (`...; + Bước 2: ...`, `... casino. + Bước 2`, `...: - Đơn`).
fn split_inline(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, _) in line.char_indices() {
        if i == 0 {
            continue;
        }
        let r = &line[i..];
        let marker = r.starts_with("+ ")
            || r.starts_with("- ")
            || (r.starts_with("Bước ") && r["Bước ".len()..].starts_with(|c: char| c.is_ascii_digit()));
        if !marker {
            continue;
        }
        let before = line[from..i].trim_end();
        if before.ends_with(['.', ';', ':']) && before.chars().count() > 1 {
            out.push(before.to_string());
            from = i;
        }
    }
    out.push(line[from..].trim().to_string());
    out.retain(|l| !l.is_empty());
    out
}

/// Lines of free text, cleaned; a line starting with a lower-case letter (not a
/// list marker) continues the previous one, as the crawl broke some sentences.
pub(crate) fn text_items(s: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in strip_invisible(s).lines() {
        let line = clean_inline(line);
        if line.is_empty() {
            continue;
        }
        let continues = first_char(&line).is_some_and(char::is_lowercase) && !starts_with_marker(&line);
        match items.last_mut() {
            Some(prev) if continues => {
                prev.push(' ');
                prev.push_str(&line);
            }
            _ => items.push(line),
        }
    }
    items.iter().flat_map(|l| split_inline(l)).collect()
}

/// Trình tự thực hiện: one item per line or bullet (`-`, `+`, `Bước N`), markers
/// kept as published. Sentences the crawl cut are kept as they are.
pub fn parse_steps(s: &str) -> Parsed<Vec<String>> {
    if is_not_published(s) {
        return Parsed::NotPublished;
    }
    let items = text_items(s);
    if items.is_empty() {
        Parsed::NotPublished
    } else {
        Parsed::Parsed(items)
    }
}

/// Published answers meaning "no conditions" (lower-case, without a final full
/// stop), including two typos seen in the data.
const NO_CONDITIONS: &[&str] = &["không", "không có", "không quy định", "không yêu cầu", "khồng", "khôg quy định"];

/// Yêu cầu, điều kiện: items as for steps. `Không`, `Không có`, `Không quy định`
/// mean there are no conditions: `Parsed(vec![])`, explicitly none (unlike
/// `NotPublished`, which means the portal says nothing). Page furniture that leaked
/// in (`Từ khóa...`) is stripped. A lone word that says nothing (`có`) is text.
pub fn parse_conditions(s: &str) -> Parsed<Vec<String>> {
    let text = strip_invisible(s);
    let body = strip_furniture(text.trim()).trim();
    if is_not_published(body) {
        return Parsed::NotPublished;
    }
    let key = clean_inline(body).trim_end_matches(['.', ' ']).to_lowercase();
    if NO_CONDITIONS.contains(&key.as_str()) {
        return Parsed::Parsed(Vec::new());
    }
    if key.chars().count() < 4 {
        return Parsed::Text(clean_inline(body));
    }
    Parsed::Parsed(text_items(body))
}

// ---------------------------------------------------------------------------
// The record

/// Converts one record. Fails only on an invalid code, an unknown ministry folder
/// or an empty name; every other field degrades to text or "not published".
/// Levels that cannot be parsed leave `levels` empty (none such in the data).
pub fn to_procedure(raw: &RawProcedure, source: &str) -> Result<Procedure, String> {
    let code = ProcedureCode::parse(&raw.ma_thu_tuc).map_err(|e| e.to_string())?;
    let authority =
        ministry_name(&raw.ministry).ok_or_else(|| format!("unknown ministry folder {:?}", raw.ministry))?;
    let name = clean_inline(&raw.ten_thu_tuc);
    if name.is_empty() {
        return Err("empty name".into());
    }
    Ok(Procedure {
        code,
        name,
        field: clean_inline(&raw.linh_vuc),
        levels: match parse_levels(&raw.cap_thuc_hien) {
            Parsed::Parsed(l) => l,
            _ => Vec::new(),
        },
        authority: authority.to_string(),
        procedure_type: optional(&raw.loai_thu_tuc),
        target_groups: parse_target_groups(&raw.doi_tuong_thuc_hien),
        agencies: Agencies {
            implementing: optional(&raw.co_quan_thuc_hien),
            competent: optional(&raw.co_quan_co_tham_quyen),
            authorised: optional(&raw.co_quan_duoc_uy_quyen),
            coordinating: optional(&raw.co_quan_phoi_hop),
        },
        decision: optional(&raw.so_quyet_dinh),
        official_url: raw.detail_url.trim().to_string(),
        channels: parse_channels(&raw.cach_thuc_thuc_hien),
        documents: crate::documents::arrange(parse_documents(&raw.thanh_phan_ho_so)),
        steps: parse_steps(&raw.trinh_tu_thuc_hien),
        legal_basis: parse_legal_basis(&raw.can_cu_phap_ly),
        conditions: parse_conditions(&raw.yeu_cau_dieu_kien),
        results: parse_results(&raw.ket_qua_xu_ly),
        source: source.to_string(),
        english: None, // from the curated table, by `english::apply`
        // From the portal's catalogue, by `portal_catalogue::merge`.
        kind: Default::default(),
        publisher: None,
        province: None,
        catalogue_only: false,
    })
}

// ---------------------------------------------------------------------------
// Coverage

/// How many records had one field parsed, kept as text, or not published.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub parsed: usize,
    pub text: usize,
    pub not_published: usize,
}

impl Tally {
    fn add<T>(&mut self, p: &Parsed<T>) {
        match p {
            Parsed::Parsed(_) => self.parsed += 1,
            Parsed::Text(_) => self.text += 1,
            Parsed::NotPublished => self.not_published += 1,
        }
    }
    pub fn total(&self) -> usize {
        self.parsed + self.text + self.not_published
    }
    /// Share parsed among the records that published the field, in percent.
    pub fn parsed_share_of_published(&self) -> f64 {
        let published = self.parsed + self.text;
        if published == 0 {
            100.0
        } else {
            100.0 * self.parsed as f64 / published as f64
        }
    }
}

/// What the data tool could not clean on one procedure, field by field: text
/// kept as the portal wrote it (the page shows it verbatim and says so), a time
/// printed with no unit, a "free" whose remark names a fee. One line each, for
/// `cuaso-data build --report FILE.tsv`.
pub fn uncleaned(p: &Procedure) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let verbatim = "kept as the portal's text, shown verbatim and marked: no table boundary the parse could trust";
    for (field, text) in [
        ("channels", matches!(p.channels, Parsed::Text(_))),
        ("documents", matches!(p.documents, Parsed::Text(_))),
        ("steps", matches!(p.steps, Parsed::Text(_))),
        ("legal_basis", matches!(p.legal_basis, Parsed::Text(_))),
        ("conditions", matches!(p.conditions, Parsed::Text(_))),
        ("results", matches!(p.results, Parsed::Text(_))),
    ] {
        if text {
            out.push((field, verbatim.to_string()));
        }
    }
    if let Parsed::Parsed(channels) = &p.channels {
        for c in channels {
            let channel = c.channel.label().vi;
            if let Some(t) = c.time_limit.as_deref().filter(|t| time_without_unit(t)) {
                out.push(("channels", format!("{channel}: time limit {t:?} printed with no unit, shown as the bare number with \"unit not given\"")));
            }
            if matches!(c.fee, Fee::MayApply(_)) {
                out.push(("channels", format!("{channel}: printed \"Miễn phí\" beside a fee or the fee law, shown as \"fees may apply\" with the portal's text")));
            }
        }
    }
    out
}

/// Per structured field, how the records fared. `levels` counts a record as parsed
/// when it has at least one level and as not published otherwise.
#[derive(Clone, Debug, Default)]
pub struct Coverage {
    pub records: usize,
    pub channels: Tally,
    pub documents: Tally,
    pub steps: Tally,
    pub legal_basis: Tally,
    pub conditions: Tally,
    pub results: Tally,
    pub levels: Tally,
}

impl Coverage {
    pub fn add(&mut self, p: &Procedure) {
        self.records += 1;
        self.channels.add(&p.channels);
        self.documents.add(&p.documents);
        self.steps.add(&p.steps);
        self.legal_basis.add(&p.legal_basis);
        self.conditions.add(&p.conditions);
        self.results.add(&p.results);
        if p.levels.is_empty() {
            self.levels.not_published += 1;
        } else {
            self.levels.parsed += 1;
        }
    }

    /// The rows of the table, in display order.
    pub fn fields(&self) -> [(&'static str, Tally); 7] {
        [
            ("channels", self.channels),
            ("documents", self.documents),
            ("steps", self.steps),
            ("legal_basis", self.legal_basis),
            ("conditions", self.conditions),
            ("results", self.results),
            ("levels", self.levels),
        ]
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |n: usize| if self.records == 0 { 0.0 } else { 100.0 * n as f64 / self.records as f64 };
        writeln!(f, "procedures: {} records", self.records)?;
        writeln!(f, "{:<12} {:>14} {:>14} {:>14}  {:>9}", "field", "parsed", "text", "not published", "parsed/pub")?;
        for (name, t) in self.fields() {
            writeln!(
                f,
                "{:<12} {:>5} ({:>5.1}%) {:>5} ({:>5.1}%) {:>5} ({:>5.1}%)  {:>8.1}%",
                name,
                t.parsed,
                pct(t.parsed),
                t.text,
                pct(t.text),
                t.not_published,
                pct(t.not_published),
                t.parsed_share_of_published()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    //! Table-driven tests on real strings from the crawl (whole fields or excerpts cut
    //! at cell boundaries); each case names its procedure.
    use super::*;

    const H: &str = "Hình thức nộpThời gianPhí, lệ phíMô tả";

    fn opt(channel: Channel, time: Option<&str>, fee: Fee, note: Option<&str>) -> ChannelOption {
        ChannelOption { channel, time_limit: time.map(String::from), fee, note: note.map(String::from) }
    }

    fn charged(s: &str) -> Fee {
        Fee::Charged(s.to_string())
    }

    #[test]
    fn channels() {
        use Channel::*;
        let b = |s: &str| format!("{H}{s}");
        let cases: Vec<(&str, String, Parsed<Vec<ChannelOption>>)> = vec![
            // 1.001193 (khai sinh): a bare number with no unit, as on the page; all free.
            (
                "1.001193",
                b("Trực tuyến1Miễn phíDịch vụ bưu chính1Miễn phíTrực tiếp1Miễn phí"),
                Parsed::Parsed(vec![
                    opt(Online, Some("1"), Fee::Free, None),
                    opt(Post, Some("1"), Fee::Free, None),
                    opt(InPerson, Some("1"), Fee::Free, None),
                ]),
            ),
            ("3.000110", b("Trực tuyến1 Ngày làm việcMiễn phí"), Parsed::Parsed(vec![opt(Online, Some("1 Ngày làm việc"), Fee::Free, None)])),
            // 1.008559: each channel its own time; "Ngày" is not "Ngày làm việc".
            (
                "1.008559",
                b("Trực tuyến40 NgàyMiễn phíDịch vụ bưu chính6 Ngày làm việcMiễn phíTrực tiếp40 NgàyMiễn phí"),
                Parsed::Parsed(vec![
                    opt(Online, Some("40 Ngày"), Fee::Free, None),
                    opt(Post, Some("6 Ngày làm việc"), Fee::Free, None),
                    opt(InPerson, Some("40 Ngày"), Fee::Free, None),
                ]),
            ),
            // 1.000931: an amount in USD with its remark.
            (
                "1.000931",
                b("Trực tiếp5 Ngày làm việc10 USD(10 USD/người)"),
                Parsed::Parsed(vec![opt(InPerson, Some("5 Ngày làm việc"), charged("10 USD (10 USD/người)"), None)]),
            ),
            // 1.003394: thousands separators.
            (
                "1.003394",
                b("Trực tuyến10 Ngày làm việc1,500,000 VNĐ(đồng/lần)"),
                Parsed::Parsed(vec![opt(Online, Some("10 Ngày làm việc"), charged("1,500,000 VNĐ (đồng/lần)"), None)]),
            ),
            // 1.013261: fee not published, then the description column.
            (
                "1.013261",
                b("Trực tuyến2 Ngày làm việcKhông có thông tin02 ngày làm việc, kể từ ngày nhận đủ hồ sơ đúng theo quy định.Dịch vụ bưu chính2 Ngày làm việcKhông có thông tin02 ngày làm việc, kể từ ngày nhận đủ hồ sơ đúng theo quy định."),
                Parsed::Parsed(vec![
                    opt(Online, Some("2 Ngày làm việc"), Fee::NotPublished, Some("02 ngày làm việc, kể từ ngày nhận đủ hồ sơ đúng theo quy định.")),
                    opt(Post, Some("2 Ngày làm việc"), Fee::NotPublished, Some("02 ngày làm việc, kể từ ngày nhận đủ hồ sơ đúng theo quy định.")),
                ]),
            ),
            // 1.009491: a remark that only says "none" keeps the fee free.
            (
                "1.009491",
                b("Dịch vụ bưu chính5 Ngày làm việcMiễn phí(Không có)Trực tiếp5 Ngày làm việcMiễn phí(Không có)"),
                Parsed::Parsed(vec![
                    opt(Post, Some("5 Ngày làm việc"), Fee::Free, None),
                    opt(InPerson, Some("5 Ngày làm việc"), Fee::Free, None),
                ]),
            ),
            // 1.001695: "free" qualified by a rule is kept as the published rule; the
            // stray `)` of an unbalanced remark is not a note.
            (
                "1.001695",
                b("Dịch vụ bưu chính10 NgàyMiễn phí(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định.))"),
                Parsed::Parsed(vec![opt(
                    Post,
                    Some("10 Ngày"),
                    Fee::MayApply("Miễn phí (Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định.)".into()),
                    None,
                )]),
            ),
            // 1.009444: an unbalanced remark that ends its cell.
            (
                "1.009444",
                b("Trực tiếp5 Ngày làm việc100,000 VNĐ((Phí Thẩm tra, thẩm định)"),
                Parsed::Parsed(vec![opt(InPerson, Some("5 Ngày làm việc"), charged("100,000 VNĐ ((Phí Thẩm tra, thẩm định)"), None)]),
            ),
            // 1.005103: a bare time glued to a grouped amount splits one way only (1 + 40,000).
            (
                "1.005103",
                b("Trực tuyến140,000 Việt Nam Đồng(- Xe ô tô từ 10 chỗ trở lên)- Thời hạn kiểm tra, đánh giá hồ sơ: ngay trong ngày nhận được hồ sơ;"),
                Parsed::Parsed(vec![opt(
                    Online,
                    Some("1"),
                    charged("40,000 Việt Nam Đồng (- Xe ô tô từ 10 chỗ trở lên)"),
                    Some("- Thời hạn kiểm tra, đánh giá hồ sơ: ngay trong ngày nhận được hồ sơ;"),
                )]),
            ),
            // 2.002237: a time cell in words.
            (
                "2.002237",
                b("Trực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíQua Cổng dịch vụ công quốc gia"),
                Parsed::Parsed(vec![opt(
                    Online,
                    Some("Không phải trả kết quả cho người nộp thuế"),
                    Fee::Free,
                    Some("Qua Cổng dịch vụ công quốc gia"),
                )]),
            ),
            // 2.002034: `1100 VNĐ` is 1 + 100? 11 + 00? — ambiguous, so text.
            (
                "2.002034",
                b("Trực tuyến1100 VNĐDịch vụ bưu chính125 VNĐTrực tiếp1100 VNĐ"),
                Parsed::Text("Trực tuyến1100 VNĐDịch vụ bưu chính125 VNĐTrực tiếp1100 VNĐ".into()),
            ),
            // A table with no rows; an empty field.
            ("(header only)", H.to_string(), Parsed::NotPublished),
            ("(empty)", String::new(), Parsed::NotPublished),
        ];
        for (code, input, want) in cases {
            assert_eq!(parse_channels(&input), want, "{code}");
        }
    }

    #[test]
    fn channel_words_inside_a_description_are_not_rows() {
        // 3.000382: a pasted table line (`Dịch vụ bưu chính\t02 Ngày...`) stays in the note.
        let s = format!("{H}Trực tuyến2 Ngày làm việcMiễn phí(Không thu lệ phí)+ Trả kết quả qua dịch vụ bưu chính.\nDịch vụ bưu chính\t02 Ngày làm việc\tPhí : Đồng Không thu lệ phí\nTrực tiếp2 Ngày làm việcMiễn phí(Không thu lệ phí)");
        let got = parse_channels(&s);
        let rows = got.as_parsed().expect("parsed");
        assert_eq!(rows.len(), 2);
        // Its description names a fee ("Phí : Đồng"): not shown as free.
        assert_eq!(rows[0].fee, Fee::MayApply("Miễn phí".into()));
        assert_eq!(rows[1].fee, Fee::Free);
        assert!(rows[0].note.as_deref().unwrap().contains("Dịch vụ bưu chính 02 Ngày làm việc"));
        assert_eq!(rows[1].channel, Channel::InPerson);
    }

    fn doc(name: &str, form: Option<&str>, originals: u32, copies: u32) -> Document {
        Document { name: name.into(), form: form.map(String::from), originals, copies, conditional: false }
    }

    #[test]
    fn documents() {
        let cases: Vec<(&str, &str, Parsed<Vec<DocumentGroup>>)> = vec![
            // 1.001193 (khai sinh), start of its two headed groups.
            (
                "1.001193",
                "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.1 bản chínhTrường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh hoặc cơ quan đăng ký hộ tịch đã khai thác được dữ liệu điện tử có ký số của Giấy chứng sinh thì không phải nộp bản giấy.0 bản chính* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các giấy tờ khác có dán ảnh.1 bản chính",
                Parsed::Parsed(vec![
                    DocumentGroup {
                        heading: Some("Giấy tờ phải nộp".into()),
                        notes: vec![],
                        documents: vec![
                            doc("Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.", None, 1, 0),
                            doc("Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh hoặc cơ quan đăng ký hộ tịch đã khai thác được dữ liệu điện tử có ký số của Giấy chứng sinh thì không phải nộp bản giấy.", None, 0, 0),
                        ],
                    },
                    DocumentGroup {
                        heading: Some("Giấy tờ phải xuất trình".into()),
                        notes: vec![],
                        documents: vec![doc("Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các giấy tờ khác có dán ảnh.", None, 1, 0)],
                    },
                ]),
            ),
            // 1.001317: a form file glued to the name.
            (
                "1.001317",
                "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị mở tài khoản thanh toán do người đại diện theo pháp luật ký tên, đóng dấuMẫu số 01.docx1 bản chính",
                Parsed::Parsed(vec![DocumentGroup {
                    heading: None,
                    notes: vec![],
                    documents: vec![doc("Đơn đề nghị mở tài khoản thanh toán do người đại diện theo pháp luật ký tên, đóng dấu", Some("Mẫu số 01.docx"), 1, 0)],
                }]),
            ),
            // 1.007955: two forms in one row; a name ending in a digit glued to its form.
            (
                "1.007955",
                "--Tên giấy tờMẫu đơn, tờ khaiSố lượngd) Báo cáo số liệu theo Phụ lục số 04, Phụ lục số 05 ban hành kèm theo Thông tư số 24/2019/TT-NHNN.Phụ lục số 04_TT24.docxPhụ lục số 05_TT24.docx1 bản chínhPhụ lục số 05Phụ lục số 05_TT24 (1).docx0 bản chính",
                Parsed::Parsed(vec![DocumentGroup {
                    heading: None,
                    notes: vec![],
                    documents: vec![
                        doc("d) Báo cáo số liệu theo Phụ lục số 04, Phụ lục số 05 ban hành kèm theo Thông tư số 24/2019/TT-NHNN.", Some("Phụ lục số 04_TT24.docx; Phụ lục số 05_TT24.docx"), 1, 0),
                        doc("Phụ lục số 05", Some("Phụ lục số 05_TT24 (1).docx"), 0, 0),
                    ],
                }]),
            ),
            // 1.013689: originals and copies.
            (
                "1.013689",
                "--Tên giấy tờMẫu đơn, tờ khaiSố lượng- Bản sao các tài liệu chứng minh tổ chức đăng ký tham gia Cơ chế thử nghiệm được thành lập và hoạt động hợp pháp, gồm: Giấy phép thành lập hoặc giấy tờ có giá trị tương đương; Điều lệ.0 bản chính,2 bản sao",
                Parsed::Parsed(vec![DocumentGroup {
                    heading: None,
                    notes: vec![],
                    documents: vec![doc("Bản sao các tài liệu chứng minh tổ chức đăng ký tham gia Cơ chế thử nghiệm được thành lập và hoạt động hợp pháp, gồm: Giấy phép thành lập hoặc giấy tờ có giá trị tương đương; Điều lệ.", None, 0, 2)],
                }]),
            ),
            // 3.000094: a count inside a name (`: 02 bản chính;`) is not a row end.
            (
                "3.000094",
                "--Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai hải quan nhập khẩu: 02 bản chính;0 bản chính",
                Parsed::Parsed(vec![DocumentGroup { heading: None, documents: vec![doc("Tờ khai hải quan nhập khẩu: 02 bản chính;", None, 0, 0)], notes: vec![] }]),
            ),
            // 3.000244: a form code glued to its count (`...20.031 bản chính` = `20.03` + 1).
            (
                "3.000244",
                "--Tên giấy tờMẫu đơn, tờ khaiSố lượngBản khai cá nhân đề nghị hưởng chế độ trợ cấp một lần đối với thanh niên xung phong, theo mẫu BM.NCC.20.031 bản chínhGiấy chứng nhận hộ nghèo1 bản chính",
                Parsed::Parsed(vec![DocumentGroup {
                    heading: None,
                    notes: vec![],
                    documents: vec![
                        doc("Bản khai cá nhân đề nghị hưởng chế độ trợ cấp một lần đối với thanh niên xung phong, theo mẫu BM.NCC.20.03", None, 1, 0),
                        doc("Giấy chứng nhận hộ nghèo", None, 1, 0),
                    ],
                }]),
            ),
            // 1.003358: a form right after a glued `;`, and one after `(NA8)`.
            (
                "1.003358",
                "--Tên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản đề nghị cấp thẻ tạm trú: mẫu NA7 (ban hành kèm theo Thông tư số 22/2023/TT-BCA ngày 30/6/2023 của Bộ Công an) đối với cá nhân;7-Mẫu NA6 (1).doc1 bản chínhHộ chiếu1 bản chínhTờ khai đề nghị cấp thẻ tạm trú cho người nước ngoài (NA8)9-Mẫu NA8.doc1 bản chính",
                Parsed::Parsed(vec![DocumentGroup {
                    heading: None,
                    notes: vec![],
                    documents: vec![
                        doc("Văn bản đề nghị cấp thẻ tạm trú: mẫu NA7 (ban hành kèm theo Thông tư số 22/2023/TT-BCA ngày 30/6/2023 của Bộ Công an) đối với cá nhân;", Some("7-Mẫu NA6 (1).doc"), 1, 0),
                        doc("Hộ chiếu", None, 1, 0),
                        doc("Tờ khai đề nghị cấp thẻ tạm trú cho người nước ngoài (NA8)", Some("9-Mẫu NA8.doc"), 1, 0),
                    ],
                }]),
            ),
            // 1.001963: counts with no name carry nothing and are skipped.
            (
                "1.001963",
                "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn xin cấp giấy phép mang tiền của nước có chung biên giới và Đồng Việt Nam ra nước ngoài.Phlc06.docx1 bản chính1 bản chính1 bản chính",
                Parsed::Parsed(vec![DocumentGroup {
                    heading: None,
                    notes: vec![],
                    documents: vec![doc("Đơn xin cấp giấy phép mang tiền của nước có chung biên giới và Đồng Việt Nam ra nước ngoài.", Some("Phlc06.docx"), 1, 0)],
                }]),
            ),
            // 1.009628: case headings, and a closing note after the last table.
            (
                "1.009628",
                "Đối với trường hợp 1, hồ sơ bao gồmTên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản đề nghị điều chỉnh dự án đầu tưMẫu I.1.8.docx1 bản chínhĐối với trường hợp 8, hồ sơ bao gồmTên giấy tờMẫu đơn, tờ khaiSố lượngBản sao bản án, quyết định có hiệu lực pháp luật của tòa án, trọng tài0 bản chính,1 bản sao(Trường hợp khai thác, sử dụng được thông tin thì hồ sơ không bao gồm bản sao của các giấy tờ này)",
                Parsed::Parsed(vec![
                    DocumentGroup {
                        heading: Some("Đối với trường hợp 1, hồ sơ bao gồm".into()),
                        notes: vec![],
                        documents: vec![doc("Văn bản đề nghị điều chỉnh dự án đầu tư", Some("Mẫu I.1.8.docx"), 1, 0)],
                    },
                    DocumentGroup {
                        heading: Some("Đối với trường hợp 8, hồ sơ bao gồm".into()),
                        notes: vec![],
                        documents: vec![doc("Bản sao bản án, quyết định có hiệu lực pháp luật của tòa án, trọng tài", None, 0, 1)],
                    },
                    DocumentGroup {
                        heading: Some("(Trường hợp khai thác, sử dụng được thông tin thì hồ sơ không bao gồm bản sao của các giấy tờ này)".into()),
                        notes: vec![],
                        documents: vec![],
                    },
                ]),
            ),
            // 1.003712: a count closed by a bracket nothing opened, then the next name.
            (
                "1.003712",
                "--Tên giấy tờMẫu đơn, tờ khaiSố lượngBản sao giấy công nhận Nghệ nhân (nếu có).0 bản chính,1 bản sao) Bản sao giấy chứng nhận, huy chương (nếu có).0 bản chính,1 bản sao",
                Parsed::Parsed(vec![DocumentGroup {
                    heading: None,
                    notes: vec![],
                    documents: vec![
                        doc("Bản sao giấy công nhận Nghệ nhân (nếu có).", None, 0, 1),
                        doc("Bản sao giấy chứng nhận, huy chương (nếu có).", None, 0, 1),
                    ],
                }]),
            ),
            // 5.002546: an empty table marker.
            ("5.002546", "--", Parsed::NotPublished),
            // 1.001521: steps text that the crawl put in this field: no table, so text.
            (
                "1.001521",
                "); nộp hồ sơ cho cơ quan BHXH.\nBước 2. Cơ quan",
                Parsed::Text("); nộp hồ sơ cho cơ quan BHXH.\nBước 2. Cơ quan".into()),
            ),
        ];
        for (code, input, want) in cases {
            assert_eq!(parse_documents(input), want, "{code}");
        }
    }

    #[test]
    fn a_number_run_into_a_word_gets_its_space_and_nothing_else_changes() {
        // 2.002434 and others (Bộ Công an, Bảo hiểm xã hội): the portal's own titles.
        assert_eq!(
            space_after_numbers("Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an"),
            "Thông tư số 53/2025/TT-BCA ngày 01/7/2025 của Bộ Công an"
        );
        assert_eq!(
            space_after_numbers("Nghị định 166/2016/NĐ-CP-Quy định về giao dịch điện tử"),
            "Nghị định 166/2016/NĐ-CP - Quy định về giao dịch điện tử"
        );
        for kept in [
            "Quyết định số 28/2018/QĐ-TTg ngày 12/7/2018",
            "Thông tư liên tịch 21/2008/TTLT-BQP-BLĐTBXH-BTC",
            "Luật Hộ tịch số 60/2014/QH13, Nghị định 123/2015/NĐ-CP; ",
            "ngày 15/11/2015",
        ] {
            assert_eq!(space_after_numbers(kept), kept);
        }
        // `TTg` is the number's own; the word glued after it is not.
        assert_eq!(space_after_numbers("Quyết định 28/2018/QĐ-TTgvề"), "Quyết định 28/2018/QĐ-TTg về");
    }

    fn legal(pairs: &[(&str, &str)]) -> Parsed<Vec<LegalDoc>> {
        Parsed::Parsed(pairs.iter().map(|(t, n)| LegalDoc { number: n.to_string(), title: t.to_string() }).collect())
    }

    #[test]
    fn legal_basis() {
        let h = "Tên văn bản pháp lýMã văn bản";
        let cases: Vec<(&str, String, Parsed<Vec<LegalDoc>>)> = vec![
            // 1.009132: numbers repeated in titles, glued to the number cell.
            (
                "1.009132",
                format!("{h}Luật 54/2014/QH1354/2014/QH13Luật đầu tư67/2014/QH13Nghị định 67/2020/NĐ-CP67/2020/NĐ-CPNghị định 68/2016/NĐ-CP68/2016/NĐ-CP"),
                legal(&[
                    ("Luật 54/2014/QH13", "54/2014/QH13"),
                    ("Luật đầu tư", "67/2014/QH13"),
                    ("Nghị định 67/2020/NĐ-CP", "67/2020/NĐ-CP"),
                    ("Nghị định 68/2016/NĐ-CP", "68/2016/NĐ-CP"),
                ]),
            ),
            // 1.001193 (khai sinh): a number inside the title; a dotted number.
            (
                "1.001193",
                format!("{h}Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của  Chính phủ quy định chi tiết một số điều và biện pháp thi  hành Luật Hộ tịch123/2015/NĐ-CPNghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu66.7/2025/NQ-CPLuật 60/2014/QH1360/2014/QH13"),
                legal(&[
                    ("Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch", "123/2015/NĐ-CP"),
                    ("Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu", "66.7/2025/NQ-CP"),
                    ("Luật 60/2014/QH13", "60/2014/QH13"),
                ]),
            ),
            // 1.000752: the number cell says its kind (`Luật số`).
            (
                "1.000752",
                format!("{h}Luật Các tổ chức tín dụngLuật số 32/2024/QH15Thông tư quy định hồ sơ, thủ tục chấp thuận thay đổi của tổ chức tài chính vi mô56/2025/TT-NHNN"),
                legal(&[
                    ("Luật Các tổ chức tín dụng", "32/2024/QH15"),
                    ("Thông tư quy định hồ sơ, thủ tục chấp thuận thay đổi của tổ chức tài chính vi mô", "56/2025/TT-NHNN"),
                ]),
            ),
            // 1.001579: a title that is only the number, then `Số ...`.
            (
                "1.001579",
                format!("{h}Luật Các tổ chức tín dụngLuật số 32/2024/QH1573/2025/TT-NHNNSố 73/2025/TT-NHNN"),
                legal(&[("Luật Các tổ chức tín dụng", "32/2024/QH15"), ("73/2025/TT-NHNN", "73/2025/TT-NHNN")]),
            ),
            // 1.012836: a number cell followed by a space; a number-only title at the end.
            (
                "1.012836",
                format!("{h}Quy định phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Nông nghiệp và Môi trườngNghị định số 131/2025/NĐ-CP Quy định chi tiết một số Điều của Luật thú yNghị định số 35/2016/NĐ-CP106/2024/NĐ-CP106/2024/NĐ-CP"),
                legal(&[
                    ("Quy định phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Nông nghiệp và Môi trường", "131/2025/NĐ-CP"),
                    ("Quy định chi tiết một số Điều của Luật thú y", "35/2016/NĐ-CP"),
                    ("106/2024/NĐ-CP", "106/2024/NĐ-CP"),
                ]),
            ),
            // 1.003523: a bare kind as title (`Nghị định76/2012/NĐ-CP`).
            (
                "1.003523",
                format!("{h}Thông tư 12/2015/TT-BCA - Quy định quy trình giải quyết tố cáo trong Công an nhân dân12/2015/TT-BCANghị định76/2012/NĐ-CP"),
                legal(&[
                    ("Thông tư 12/2015/TT-BCA - Quy định quy trình giải quyết tố cáo trong Công an nhân dân", "12/2015/TT-BCA"),
                    ("Nghị định", "76/2012/NĐ-CP"),
                ]),
            ),
            // 1.001266: a year closing the title is glued to the number.
            (
                "1.001266",
                format!("{h}Luật Doanh nghiệp59/2020/QH14Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp 202076/2025/QH15"),
                legal(&[
                    ("Luật Doanh nghiệp", "59/2020/QH14"),
                    ("Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp 2020", "76/2025/QH15"),
                ]),
            ),
            // 1.000107: a title ending in a number, glued to the row's number.
            (
                "1.000107",
                format!("{h}Thông tư hướng dẫn một số điều của Nghị định số 24/2012/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 232/2025/NĐ-CP34/2025/TT-NHNN"),
                legal(&[("Thông tư hướng dẫn một số điều của Nghị định số 24/2012/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 232/2025/NĐ-CP", "34/2025/TT-NHNN")]),
            ),
            // 1.000757: `Thông tư số 53/2025/TT-BCAngày ...` opens a title, it is not a row.
            (
                "1.000757",
                format!("{h}Luật Căn cước26/2023/QH15Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an sửa đổi, bổ sung một số điều của Thông tư số 55/2021/TT-BCA.53/2025/TT-BCA"),
                legal(&[
                    ("Luật Căn cước", "26/2023/QH15"),
                    // The space after the number is ours (see `space_after_numbers`).
                    ("Thông tư số 53/2025/TT-BCA ngày 01/7/2025 của Bộ Công an sửa đổi, bổ sung một số điều của Thông tư số 55/2021/TT-BCA.", "53/2025/TT-BCA"),
                ]),
            ),
            // 1.012781: a truncated number (`NĐ-C`) leaves the table unsure: the portal's
            // text, one row per line where the numbers show the boundary.
            (
                "1.012781",
                format!("{h}Thực hiện thủ tục hành chính theo cơ chế một cửa118/2025/NĐ-CQuy định về phân định thẩm quyền151/2025/NĐ-CP"),
                Parsed::Text("Thực hiện thủ tục hành chính theo cơ chế một cửa 118/2025/NĐ-C\nQuy định về phân định thẩm quyền 151/2025/NĐ-CP".into()),
            ),
            // 1.003220: a kind split by a stray space, glued to the next title.
            (
                "1.003220",
                format!("{h}Thông tư liên tịch 21/2008/TTLT- BQP-BTC21/2008/TTLT- BQP-BTCQuyết định số 290/2005/QĐ-TTg về chế độ290/2005/QĐ-TTgHướng dẫn x191/2005/TTLT/BQP-BTC"),
                Parsed::Text("Thông tư liên tịch 21/2008/TTLT- BQP-BTC 21/2008/TTLT- BQP-BTC\nQuyết định số 290/2005/QĐ-TTg về chế độ 290/2005/QĐ-TTg\nHướng dẫn x 191/2005/TTLT/BQP-BTC".into()),
            ),
            ("(none)", "Không có thông tin".to_string(), Parsed::NotPublished),
        ];
        for (code, input, want) in cases {
            assert_eq!(parse_legal_basis(&input), want, "{code}");
        }
    }

    fn res(name: &str, code: Option<&str>) -> ResultDoc {
        ResultDoc { name: name.into(), code: code.map(String::from) }
    }

    #[test]
    fn results() {
        let furniture = "Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốBộ ngành-- Chọn Tỉnh/ Thành phố --Phường/ XãSở-- Chọn Phường/ Xã --Hệ thống chỉ hiển thị những cơ quan đã áp dụng dịch vụ công trực tuyếnNộp hồ sơ";
        let cases: Vec<(&str, String, Parsed<Vec<ResultDoc>>)> = vec![
            // 1.001193 (khai sinh), with the page furniture after it.
            ("1.001193", format!("Giấy khai sinhMã: KQ.G15.000031{furniture}"), Parsed::Parsed(vec![res("Giấy khai sinh", Some("KQ.G15.000031"))])),
            // 1.014314: two results.
            (
                "1.014314",
                format!("Văn bản chấp thuận việc đề nghị áp dụng phương pháp xếp hạng nội bộMã: KQ.G19.000320Văn bản từ chối việc đề nghị áp dụng phương pháp xếp hạng nội bộMã: KQ.G19.000409{furniture}"),
                Parsed::Parsed(vec![
                    res("Văn bản chấp thuận việc đề nghị áp dụng phương pháp xếp hạng nội bộ", Some("KQ.G19.000320")),
                    res("Văn bản từ chối việc đề nghị áp dụng phương pháp xếp hạng nội bộ", Some("KQ.G19.000409")),
                ]),
            ),
            // 3.000577: other code shapes; a name starting in lower case.
            (
                "3.000577",
                "Giấy chứng nhận đăng ký đầu tư gián tiếp ra nước ngoài;Mã: TP-KQ.0001111văn bản từ chối và nêu rõ lý do.Mã: 000.00.00.G12-KQ8822Từ khóaKhông có thông tinMô tảKhông có thông tin".to_string(),
                Parsed::Parsed(vec![
                    res("Giấy chứng nhận đăng ký đầu tư gián tiếp ra nước ngoài;", Some("TP-KQ.0001111")),
                    res("văn bản từ chối và nêu rõ lý do.", Some("000.00.00.G12-KQ8822")),
                ]),
            ),
            // 1.013812: placeholder codes as published, one glued to the next name.
            (
                "1.013812",
                format!("Quyết định đăng ký tập sự của Sở Tư pháp nơi chuyển đến.Mã: hgvg6Quyết định xóa đăng ký tập sự hành nghề công chứng.Mã: vgvj{furniture}"),
                Parsed::Parsed(vec![
                    res("Quyết định đăng ký tập sự của Sở Tư pháp nơi chuyển đến.", Some("hgvg6")),
                    res("Quyết định xóa đăng ký tập sự hành nghề công chứng.", Some("vgvj")),
                ]),
            ),
            // 1.014952: "not determined" is no code.
            (
                "1.014952",
                "Mã số cơ sở chăn nuôi.Mã: Chưa xác địnhTừ khóaKhông có thông tinMô tảKhông có thông tin".to_string(),
                Parsed::Parsed(vec![res("Mã số cơ sở chăn nuôi.", None)]),
            ),
            // 1.009541: documents text in this field, no `Mã:`: text.
            (
                "1.009541",
                "hợp đồng đã ký với khách hàng.1 bản chính".to_string(),
                Parsed::Text("hợp đồng đã ký với khách hàng.1 bản chính".into()),
            ),
            // 1.000014: empty.
            ("1.000014", String::new(), Parsed::NotPublished),
        ];
        for (code, input, want) in cases {
            assert_eq!(parse_results(&input), want, "{code}");
        }
    }

    #[test]
    fn steps() {
        let cases: Vec<(&str, &str, Parsed<Vec<String>>)> = vec![
            // 1.001193 (khai sinh): a sentence the crawl broke across lines is joined, not repaired.
            (
                "1.001193",
                "- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu truy cập Cổng dịch vụ công quốc gia.\nNgười yêu cầu đăng ký khai sinh trực tuyến cung cấp thông tin, hoàn tất việc sinh tại Trung \nnộp hồ sơ.\n(i) Trường hợp hồ sơ đầy đủ, hợp lệ thì tiếp nhận hồ sơ;",
                Parsed::Parsed(vec![
                    "- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến, người yêu cầu truy cập Cổng dịch vụ công quốc gia.".into(),
                    "Người yêu cầu đăng ký khai sinh trực tuyến cung cấp thông tin, hoàn tất việc sinh tại Trung nộp hồ sơ.".into(),
                    "(i) Trường hợp hồ sơ đầy đủ, hợp lệ thì tiếp nhận hồ sơ;".into(),
                ]),
            ),
            // 2.000797: steps on one line, split at `+ Bước N` / `Bước N` after a clause.
            (
                "2.000797",
                "+ Bước 1: Tổ chức tín dụng lập 01 bộ hồ sơ gửi Ngân hàng Nhà nước; + Bước 2: Ngân hàng Nhà nước có văn bản yêu cầu sửa đổi, bổ sung hồ sơ;  + Bước 3: Tổ chức tín dụng bổ sung hồ sơ. Bước 4: Ngân hàng Nhà nước có văn bản chấp thuận.",
                Parsed::Parsed(vec![
                    "+ Bước 1: Tổ chức tín dụng lập 01 bộ hồ sơ gửi Ngân hàng Nhà nước;".into(),
                    "+ Bước 2: Ngân hàng Nhà nước có văn bản yêu cầu sửa đổi, bổ sung hồ sơ;".into(),
                    "+ Bước 3: Tổ chức tín dụng bổ sung hồ sơ.".into(),
                    "Bước 4: Ngân hàng Nhà nước có văn bản chấp thuận.".into(),
                ]),
            ),
            // 1.002051 (steps text the crawl put in its documents field): `a)` items are
            // list markers, not continuations.
            (
                "1.002051",
                "1.2. Người đi làm việc ở nước ngoài theo hợp đồng: \na) Trường hợp đóng qua đơn vị: Lập hồ sơ theo quy định",
                Parsed::Parsed(vec![
                    "1.2. Người đi làm việc ở nước ngoài theo hợp đồng:".into(),
                    "a) Trường hợp đóng qua đơn vị: Lập hồ sơ theo quy định".into(),
                ]),
            ),
            ("(none)", "Không có thông tin", Parsed::NotPublished),
        ];
        for (code, input, want) in cases {
            assert_eq!(parse_steps(input), want, "{code}");
        }
    }

    #[test]
    fn conditions() {
        let cases: Vec<(&str, &str, Parsed<Vec<String>>)> = vec![
            ("1.001193", "Không có thông tin", Parsed::NotPublished),
            // "Không" (none) is explicitly no condition.
            ("Không", "Không", Parsed::Parsed(vec![])),
            ("Không.", "Không.", Parsed::Parsed(vec![])),
            ("Không quy định.", "Không quy định.", Parsed::Parsed(vec![])),
            // 1.000014: furniture leaked into the field.
            ("1.000014", "Không có thông tinTừ khóaKhông có thông tinMô tảKhông có thông tin", Parsed::NotPublished),
            // 1.001765: a trailing `Từ khóa:` is furniture.
            (
                "1.001765",
                "Là công dân Việt Nam đáp ứng tiêu chuẩn quy định tại Điều 10 Nghị định số 160/2024/NĐ-CP.\nTừ khóa:",
                Parsed::Parsed(vec!["Là công dân Việt Nam đáp ứng tiêu chuẩn quy định tại Điều 10 Nghị định số 160/2024/NĐ-CP.".into()]),
            ),
            // 1.003160: one item per line.
            (
                "1.003160",
                "Người nhận con nuôi phải có đủ điều kiện như sau:\n- Có năng lực hành vi dân sự đầy đủ;\n- Có tư cách đạo đức tốt.",
                Parsed::Parsed(vec![
                    "Người nhận con nuôi phải có đủ điều kiện như sau:".into(),
                    "- Có năng lực hành vi dân sự đầy đủ;".into(),
                    "- Có tư cách đạo đức tốt.".into(),
                ]),
            ),
            // 1.012413: "có" (yes) says nothing usable.
            ("1.012413", "có", Parsed::Text("có".into())),
        ];
        for (code, input, want) in cases {
            assert_eq!(parse_conditions(input), want, "{code}");
        }
    }

    #[test]
    fn levels_and_target_groups() {
        use Level::*;
        for (input, want) in [
            ("Cấp xã", Parsed::Parsed(vec![Commune])),
            ("Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác", Parsed::Parsed(vec![Ministry, Province, Commune, Other])),
            ("", Parsed::NotPublished),
            ("Cấp huyện", Parsed::Text("Cấp huyện".into())),
        ] {
            assert_eq!(parse_levels(input), want, "{input}");
        }
        assert_eq!(
            parse_target_groups(
                "Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX), Cán bộ, công chức, viên chức"
            ),
            vec!["Công dân Việt Nam", "Tổ chức (không bao gồm doanh nghiệp, HTX)", "Cán bộ, công chức, viên chức"]
        );
        assert!(parse_target_groups("Không có thông tin").is_empty());
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean_inline(" Giấy\u{a0}khai\u{200b} sinh \t "), "Giấy khai sinh");
        assert_eq!(clean_block("a  b\r\n\n  c "), "a b\nc");
        // Decomposed text composes; a doubled accent is one.
        assert_eq!(clean_inline("Tru\u{31b}o\u{31b}\u{300}ng ho\u{31b}\u{323}p"), "Trường hợp");
        assert_eq!(clean_inline("Hoa\u{300}\u{300}"), "Hoà");
    }

    #[test]
    fn ministries_and_record_errors() {
        assert_eq!(ministry_name("bo-tu-phap"), Some("Bộ Tư pháp"));
        assert_eq!(ministry_name("ngan-hang-nha-nuoc"), Some("Ngân hàng Nhà nước Việt Nam"));
        assert_eq!(ministry_name("bo-y-te"), None);
        let ok = RawProcedure {
            ma_thu_tuc: "1.001193".into(),
            ten_thu_tuc: "Thủ tục đăng ký khai sinh".into(),
            cap_thuc_hien: "Cấp xã".into(),
            ministry: "bo-tu-phap".into(),
            co_quan_thuc_hien: "Không có thông tin".into(),
            ..Default::default()
        };
        let p = to_procedure(&ok, "dvc-2026").unwrap();
        assert_eq!(p.authority, "Bộ Tư pháp");
        assert_eq!(p.agencies.implementing, None);
        assert_eq!(p.channels, Parsed::NotPublished);
        assert!(to_procedure(&RawProcedure { ma_thu_tuc: "1001193".into(), ..ok.clone() }, "x").is_err());
        assert!(to_procedure(&RawProcedure { ministry: "bo-y-te".into(), ..ok.clone() }, "x").is_err());
        assert!(to_procedure(&RawProcedure { ten_thu_tuc: " ".into(), ..ok }, "x").is_err());
    }
}
