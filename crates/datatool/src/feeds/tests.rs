//! The importer on small hand-made feeds against a hand-made reference (test
//! fixtures, never shipped): a good feed in CSV and in JSON, and each
//! rejection class, each of which must merge nothing.

use super::*;
use crate::geography::empty_centre;
use std::path::PathBuf;

fn commune(code: &str, name: &str, kind: UnitKind, province: &str, at: (f64, f64)) -> Commune {
    Commune {
        code: CommuneCode::parse(code).unwrap(),
        name: name.into(),
        kind,
        province: ProvinceCode::parse(province).unwrap(),
        centroid: Some(LatLon { lat: at.0, lon: at.1 }),
        area_km2: None,
        centre: empty_centre(CentreLevel::Commune, format!("xa-{code}"), format!("Trung tâm {name}")),
        support_points: vec![],
        source: "gso".into(),
    }
}

fn province(code: &str, name: &str) -> Province {
    Province {
        code: ProvinceCode::parse(code).unwrap(),
        name: name.into(),
        short_name: name.trim_start_matches("Thành phố ").into(),
        kind: ProvinceKind::City,
        phone_area_code: None,
        centroid: None,
        commune_count: 0,
        merged_from: vec![],
        centre: empty_centre(CentreLevel::Province, format!("tinh-{code}"), "Trung tâm".into()),
        source: "gso".into(),
    }
}

struct Fixture {
    provinces: Vec<Province>,
    communes: Vec<Commune>,
    codes: Vec<(ProcedureCode, Vec<Level>)>,
}

fn fixture() -> Fixture {
    Fixture {
        provinces: vec![province("48", "Thành phố Đà Nẵng"), province("01", "Thành phố Hà Nội")],
        communes: vec![
            commune("20242", "Phường Hải Châu", UnitKind::Ward, "48", (16.064, 108.222)),
            commune("20257", "Phường Hòa Cường", UnitKind::Ward, "48", (16.038, 108.222)),
            commune("20333", "Xã Hòa Vang", UnitKind::Commune, "48", (15.95, 107.95)),
            commune("00070", "Phường Hoàn Kiếm", UnitKind::Ward, "01", (21.03, 105.85)),
        ],
        codes: vec![
            (ProcedureCode::parse("1.001193").unwrap(), vec![Level::Commune]),
            (ProcedureCode::parse("2.000001").unwrap(), vec![Level::Province]),
        ],
    }
}

impl Fixture {
    fn reference(&self) -> Reference<'_> {
        Reference {
            provinces: &self.provinces,
            communes: &self.communes,
            procedures: self.codes.iter().map(|(c, l)| (c, l.as_slice())).collect(),
        }
    }
}

const META: &str = "Trường,Giá trị
Phiên bản định dạng,1
Mã tỉnh,48
Đơn vị công bố,Văn phòng UBND thành phố Đà Nẵng
Tên nguồn,Danh sách trung tâm phục vụ hành chính công
Tên nguồn tiếng Anh,List of public administrative service centres
Ngày công bố,2025-08-01
Giấy phép,Thông tin công khai
Đường dẫn,https://danang.gov.vn/
Ghi chú,
";
const CENTRES: &str = "Cấp,Mã xã,Tên xã,Tên trung tâm,Địa chỉ,Vĩ độ,Kinh độ,Điện thoại,Đường dây nóng,Trực 24/7,Giờ làm việc,Tiếp nhận
tỉnh,,,Trung tâm Phục vụ hành chính công thành phố Đà Nẵng,\"Tầng 1, 24 Trần Phú\",16.0771,108.2235,0236 3 822 111,1022,có,\"T2-T6 7:30-11:30, 13:30-17:00; T7 7:30-11:30\",
xã,,Hải Châu,,Số 15 Lê Hồng Phong,16.0637,108.2225,0903 570 134; 0236 3 822 222,,,Thứ 2 - Thứ 6 7h30-17h,1.001193
xã,20257,,,Số 388 Núi Thành,,,0905275908,,,,
";
const SUPPORT: &str = "Loại,Tên điểm,Mã xã,Tên xã,Địa chỉ,Vĩ độ,Kinh độ,Điện thoại
bưu điện,Bưu cục Hải Châu,,,Số 1 Lê Lợi,16.065,108.221,02363822333
bưu điện,Bưu cục Hòa Vang,20333,,,,,
";
const PROCEDURES: &str = "Mã thủ tục,Cấp,Số quyết định,Ghi chú
1.001193,xã,123/QĐ-UBND,
2.000001,,123/QĐ-UBND,
";

fn folder(files: &[(&str, &str)]) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir =
        std::env::temp_dir().join(format!("cuaso-feed-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, body) in files {
        std::fs::write(dir.join(name), body).unwrap();
    }
    dir
}

fn good_files() -> Vec<(&'static str, String)> {
    vec![
        (META_FILE, META.to_string()),
        (CENTRES_FILE, CENTRES.to_string()),
        (SUPPORT_FILE, SUPPORT.to_string()),
        (PROCEDURES_FILE, PROCEDURES.to_string()),
    ]
}

/// Checks the good feed with `file`'s text changed by `edit`.
fn check_with(file: &str, edit: impl Fn(&str) -> String) -> (Option<Feed>, Vec<Issue>) {
    let fx = fixture();
    let files: Vec<(&str, String)> =
        good_files().into_iter().map(|(n, b)| if n == file { (n, edit(&b)) } else { (n, b) }).collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, b)| (*n, b.as_str())).collect();
    let dir = folder(&refs);
    let out = check(&read(&dir), &fx.reference());
    std::fs::remove_dir_all(&dir).unwrap();
    out
}

fn errors(issues: &[Issue]) -> Vec<&Issue> {
    issues.iter().filter(|i| i.severity == Severity::Error).collect()
}

/// The feed is refused whole, with exactly one error of `kind` at `row`, `column`, saying `says`.
#[track_caller]
fn refused(out: (Option<Feed>, Vec<Issue>), kind: IssueKind, row: Option<usize>, column: &str, says: &str) -> Issue {
    let (feed, issues) = out;
    assert!(feed.is_none(), "a feed with an error must merge nothing");
    let errs = errors(&issues);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let e = errs[0].clone();
    assert_eq!((e.kind, e.row, e.column.as_str()), (kind, row, column), "{e:#?}");
    assert!(e.problem.en.contains(says) || e.suggestion.en.contains(says), "{e:#?}");
    assert!(!e.problem.vi.is_empty() && !e.suggestion.vi.is_empty(), "both languages: {e:#?}");
    e
}

#[test]
fn a_good_csv_feed_checks_and_merges() {
    let (feed, issues) = check_with("", |s| s.into());
    assert_eq!(errors(&issues), Vec::<&Issue>::new());
    let feed = feed.expect("no error: the feed comes back");
    assert_eq!(feed.meta.province.as_str(), "48");
    assert_eq!(feed.centres.len(), 3);
    let p = &feed.centres[0];
    assert_eq!((p.level, p.commune_code.as_ref()), (CentreLevel::Province, None));
    assert_eq!(p.phones, ["02363822111"]);
    assert_eq!((p.hotline.as_deref(), p.always_open), (Some("1022"), true));
    assert_eq!(p.hours.as_deref(), Some("T2–T6 07:30–11:30, 13:30–17:00; T7 07:30–11:30"));
    let hc = &feed.centres[1];
    assert_eq!(hc.commune_code.as_ref().unwrap().as_str(), "20242", "the short name finds Phường Hải Châu");
    assert_eq!(hc.phones, ["0903570134", "02363822222"]);
    assert_eq!(hc.receives, [ProcedureCode::parse("1.001193").unwrap()]);
    assert_eq!(feed.support_points[0].commune_code.as_str(), "20242", "nearest commune by coordinates");
    assert_eq!(feed.support_points[1].commune_code.as_str(), "20333");
    assert_eq!(feed.procedures.len(), 2);
    // The nearest-commune rule is reported, as a warning.
    assert!(issues.iter().any(|i| i.kind == IssueKind::Note && i.severity == Severity::Warning));

    let fx = fixture();
    let mut cat = Catalogue {
        sources: vec![],
        provinces: fx.provinces.clone(),
        communes: fx.communes.clone(),
        legacy_units: vec![],
        procedures: vec![],
        everyday: vec![],
        life_events: vec![],
        local_procedures: Default::default(),
        publisher: None,
    };
    let mut feed = feed;
    feed.provenance = Some(Provenance { files: "thong-tin.csv, trung-tam.csv".into(), imported: "2026-01-02".into() });
    apply(&feed, &mut cat);
    let centre = &cat.provinces[0].centre;
    assert_eq!(centre.hotline, Some(Hotline { number: "1022".into(), always_open: true }));
    assert_eq!(centre.name, "Trung tâm Phục vụ hành chính công thành phố Đà Nẵng");
    assert_eq!(centre.source.as_deref(), Some("feed-48"));
    assert_eq!(cat.communes[0].centre.receives, ReceiveRule::Listed(vec![ProcedureCode::parse("1.001193").unwrap()]));
    assert_eq!(cat.communes[1].centre.receives, ReceiveRule::ByLevel);
    assert_eq!(cat.communes[0].support_points.len(), 1);
    assert!(cat.communes[3].centre.source.is_none(), "another province is untouched");
    assert_eq!(cat.local_procedures[&ProvinceCode::parse("48").unwrap()].len(), 2);
    let source = &cat.sources[0];
    assert_eq!((source.id.as_str(), source.date.as_str()), ("feed-48", "2025-08-01"));
    assert_eq!(source.feed.as_ref().unwrap().imported, "2026-01-02");
}

#[test]
fn the_json_form_checks_the_same_and_round_trips() {
    let (csv_feed, _) = check_with("", |s| s.into());
    let csv_feed = csv_feed.unwrap();
    // The normalized feed is itself a JSON feed: writing and reading it back gives the same feed.
    let dir = folder(&[(JSON_FILE, &serde_json::to_string_pretty(&csv_feed).unwrap())]);
    let fx = fixture();
    let (json_feed, issues) = check(&read(&dir.join(JSON_FILE)), &fx.reference());
    assert_eq!(errors(&issues), Vec::<&Issue>::new());
    assert_eq!(json_feed.unwrap(), csv_feed);
    // A hand-written JSON feed with the same mistake as a CSV one gets the same refusal.
    let bad = r#"{"meta": {"format_version": 1, "province": "48", "publisher": "p", "source_name": "n",
        "date": "2025-08", "licence": "l"},
        "centres": [{"level": "commune", "commune_name": "Hải Châu", "phones": ["0236 3 822 11"]}]}"#;
    std::fs::write(dir.join(JSON_FILE), bad).unwrap();
    let out = check(&read(&dir), &fx.reference());
    refused(out, IssueKind::Phone, Some(1), "phones", "has 10 digits");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unknown_commune_gets_a_suggestion() {
    let out = check_with(CENTRES_FILE, |s| s.replace(",Hải Châu,", ",Hải Châu 1,"));
    let e = refused(out, IssueKind::UnknownCommune, Some(3), "Tên xã", "not found");
    assert_eq!(e.suggestion.en, "did you mean 'Phường Hải Châu' (20242)?");
    let out = check_with(CENTRES_FILE, |s| s.replace("xã,20257,", "xã,00070,"));
    refused(out, IssueKind::UnknownCommune, Some(4), "Mã xã", "Phường Hoàn Kiếm in Thành phố Hà Nội");
    let out = check_with(CENTRES_FILE, |s| s.replace("xã,20257,,", "xã,20257,Hải Châu,"));
    refused(out, IssueKind::UnknownCommune, Some(4), "Tên xã", "code 20257 is Phường Hòa Cường, but the name says");
}

#[test]
fn a_malformed_phone_says_how_many_digits() {
    let out = check_with(CENTRES_FILE, |s| s.replace("0905275908", "0236 3 822 11"));
    refused(
        out,
        IssueKind::Phone,
        Some(4),
        "Điện thoại",
        "\"0236 3 822 11\" has 10 digits; a landline with its area code has 11",
    );
    let out = check_with(SUPPORT_FILE, |s| s.replace("02363822333", "090357013"));
    refused(out, IssueKind::Phone, Some(2), "Điện thoại", "has 9 digits; a mobile number has 10");
    let out = check_with(CENTRES_FILE, |s| s.replace(",1022,có,", ",1022 hoặc 1900,có,"));
    refused(out, IssueKind::Phone, Some(2), "Đường dây nóng", "not a digit");
}

#[test]
fn duplicate_centres_and_points() {
    let out = check_with(CENTRES_FILE, |s| format!("{s}xã,20242,,,Số 2,,,0903570134,,,,\n"));
    refused(out, IssueKind::Duplicate, Some(5), "Mã xã", "a second row for Phường Hải Châu (20242) (first at row 3)");
    let out = check_with(CENTRES_FILE, |s| format!("{s}tỉnh,,,,Số 3,,,,,,,\n"));
    refused(out, IssueKind::Duplicate, Some(5), "Mã xã", "a second row for the provincial centre");
    let out = check_with(SUPPORT_FILE, |s| {
        format!("{s}bưu điện,Bưu cục Hải Châu,,,Số 1 Lê Lợi,16.065,108.221,02363822333\n")
    });
    refused(out, IssueKind::Duplicate, Some(4), "Tên điểm", "already at row 2");
    let out = check_with(PROCEDURES_FILE, |s| format!("{s}1.001193,,,\n"));
    refused(out, IssueKind::Duplicate, Some(4), "Mã thủ tục", "already at row 2");
}

#[test]
fn hours_that_do_not_parse() {
    let out = check_with(CENTRES_FILE, |s| s.replace("Thứ 2 - Thứ 6 7h30-17h", "sáng 7h"));
    let e = refused(out, IssueKind::Hours, Some(3), "Giờ làm việc", "do not parse");
    assert!(e.suggestion.en.contains(hours::EXAMPLE));
}

#[test]
fn procedure_codes_not_in_the_catalogue() {
    let out = check_with(PROCEDURES_FILE, |s| s.replace("1.001193,xã", "1.00119,xã"));
    let e = refused(out, IssueKind::UnknownProcedure, Some(2), "Mã thủ tục", "not in the national catalogue");
    assert_eq!(e.suggestion.en, "did you mean 1.001193?");
    let out = check_with(CENTRES_FILE, |s| s.replace(",1.001193\n", ",1.001193; 9.999999\n"));
    refused(out, IssueKind::UnknownProcedure, Some(3), "Tiếp nhận", "'9.999999'");
}

#[test]
fn coordinates_outside_vietnam_or_swapped() {
    let out = check_with(CENTRES_FILE, |s| s.replace("16.0637,108.2225", "108.2225,16.0637"));
    refused(out, IssueKind::Coordinates, Some(3), "Vĩ độ", "latitude and longitude look swapped");
    let out = check_with(SUPPORT_FILE, |s| s.replace("16.065,108.221", "1606500000,108.221"));
    refused(out, IssueKind::Coordinates, Some(2), "Vĩ độ", "outside Vietnam");
    let out = check_with(CENTRES_FILE, |s| s.replace("16.0637,108.2225", "16.0637,"));
    refused(out, IssueKind::Coordinates, Some(3), "Vĩ độ / Kinh độ", "cannot be read");
}

#[test]
fn unknown_or_missing_columns() {
    let out = check_with(CENTRES_FILE, |s| s.replacen("Điện thoại", "Dien thoai ban", 1));
    let e = refused(out, IssueKind::Column, Some(1), "Dien thoai ban", "not a column of the format");
    assert_eq!(e.suggestion.en, "did you mean 'dien_thoai'?");
    let out = check_with(PROCEDURES_FILE, |s| s.replacen("Mã thủ tục", "Mã", 1));
    assert!(out.0.is_none());
    assert!(out.1.iter().any(|i| i.kind == IssueKind::Column && i.column == "ma_thu_tuc"));
}

#[test]
fn metadata_that_is_missing_or_wrong() {
    let out = check_with(META_FILE, |s| s.replace("Giấy phép,Thông tin công khai", "Giấy phép,"));
    refused(out, IssueKind::Meta, Some(8), "Giấy phép", "required but empty");
    let out = check_with(META_FILE, |s| s.replace("Phiên bản định dạng,1", "Phiên bản định dạng,7"));
    refused(out, IssueKind::Meta, Some(2), "Phiên bản định dạng", "version '7' is not supported");
    let out = check_with(META_FILE, |s| s.replace("Mã tỉnh,48", "Mã tỉnh,Đà Nẵng"));
    let e = refused(out, IssueKind::Meta, Some(3), "Mã tỉnh", "no province with code");
    assert_eq!(e.suggestion.en, "did you mean 48 (Thành phố Đà Nẵng)?");
    let out = check_with(META_FILE, |s| s.replace("2025-08-01", "08/15/2025"));
    let e = refused(out, IssueKind::Meta, Some(7), "Ngày công bố", "not in the expected form");
    assert_eq!(e.suggestion.en, "there is no month 15: write the day before the month, e.g. 15/08/2025");
    let out = check_with(META_FILE, |s| s.replace("2025-08-01", "01/08/25"));
    refused(out, IssueKind::Meta, Some(7), "Ngày công bố", "the year needs 4 digits");
    let out = check_with(META_FILE, |s| s.replace("2025-08-01", "30/02/2025"));
    refused(out, IssueKind::Meta, Some(7), "Ngày công bố", "has no day 30");
}

#[test]
fn dates_as_a_vietnamese_clerk_writes_them() {
    for (written, iso) in [
        ("2025-08-01", "2025-08-01"),
        ("2025-08", "2025-08"),
        ("2025/08/01", "2025-08-01"),
        ("01/08/2025", "2025-08-01"),
        ("1/8/2025", "2025-08-01"),
        ("01-08-2025", "2025-08-01"),
        ("01.08.2025", "2025-08-01"),
        (" 29/02/2028 ", "2028-02-29"),
        ("08/2025", "2025-08"),
    ] {
        assert_eq!(parse_date(written).as_deref(), Ok(iso), "{written}");
    }
    for bad in [
        "",
        "2025",
        "1/8",
        "01/08/25",
        "31/04/2025",
        "29/02/2025",
        "00/01/2025",
        "13/13/2025",
        "01/08/1899",
        "1 tháng 8",
        "2025-8-1x",
    ] {
        assert!(parse_date(bad).is_err(), "{bad}");
    }
}

/// What Excel saves in a Vietnamese locale: `;` between cells, decimal commas in
/// coordinates, the date day first. The feed reads as the comma one does.
#[test]
fn a_feed_saved_by_excel_in_a_vietnamese_locale() {
    let fx = fixture();
    let meta = META.replace("2025-08-01", "01/08/2025").replace(',', ";");
    let centres = "Cấp;Mã xã;Tên xã;Tên trung tâm;Địa chỉ;Vĩ độ;Kinh độ;Điện thoại;Đường dây nóng;Trực 24/7;Giờ làm việc;Tiếp nhận
tỉnh;;;Trung tâm Phục vụ hành chính công thành phố Đà Nẵng;Tầng 1, 24 Trần Phú;16,0771;108,2235;0236 3 822 111;1022;có;T2-T6 7:30-11:30, 13:30-17:00;
";
    let dir = folder(&[(META_FILE, &meta), (CENTRES_FILE, centres)]);
    let (feed, issues) = check(&read(&dir), &fx.reference());
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(errors(&issues), Vec::<&Issue>::new());
    let feed = feed.expect("accepted");
    assert_eq!(feed.meta.date, "2025-08-01", "written back as ISO");
    let c = &feed.centres[0];
    assert_eq!(c.address.as_deref(), Some("Tầng 1, 24 Trần Phú"), "commas inside a cell stay text");
    assert_eq!((c.lat, c.lon), (Some(16.0771), Some(108.2235)));
    // A coordinate whose comma cannot be a decimal one is refused, not guessed.
    let bad = centres.replace("16,0771", "16,077,1");
    let dir = folder(&[(META_FILE, &meta), (CENTRES_FILE, &bad)]);
    let (feed, issues) = check(&read(&dir), &fx.reference());
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(feed.is_none());
    assert!(errors(&issues).iter().any(|i| i.kind == IssueKind::Coordinates), "{issues:#?}");
}

#[test]
fn files_that_cannot_be_read() {
    let fx = fixture();
    let dir = folder(&[(META_FILE, META), (CENTRES_FILE, CENTRES)]);
    std::fs::write(dir.join(CENTRES_FILE), b"C\xe1p,M\xe3 x\xe3\n").unwrap(); // Windows-1258, not UTF-8
    std::fs::write(dir.join("trung-tam.xlsx"), b"PK").unwrap();
    let (feed, issues) = check(&read(&dir), &fx.reference());
    assert!(feed.is_none());
    let files: Vec<(&str, IssueKind)> = errors(&issues).iter().map(|i| (i.file.as_str(), i.kind)).collect();
    assert!(files.contains(&(CENTRES_FILE, IssueKind::File)), "{issues:#?}");
    assert!(files.contains(&("trung-tam.xlsx", IssueKind::File)), "{issues:#?}");
    std::fs::remove_file(dir.join(META_FILE)).unwrap();
    let (_, issues) = check(&read(&dir), &fx.reference());
    assert!(issues.iter().any(|i| i.file == META_FILE && i.kind == IssueKind::File));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn one_bad_row_among_good_ones_merges_nothing_and_every_problem_is_reported() {
    let out = check_with(CENTRES_FILE, |s| s.replace("0905275908", "09052759") + "xã,,Không Có,,Số 9,,,,,,T2 9-8,\n");
    assert!(out.0.is_none());
    let kinds: Vec<IssueKind> = errors(&out.1).iter().map(|i| i.kind).collect();
    assert_eq!(kinds, [IssueKind::Phone, IssueKind::UnknownCommune, IssueKind::Hours]);
}

#[test]
fn the_report_is_a_table_a_clerk_can_read() {
    let (_, issues) = check_with(CENTRES_FILE, |s| s.replace(",Hải Châu,", ",Hải Châu 1,"));
    let text = report_table(&issues, Lang::En);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("level") && lines[0].contains("suggestion"), "{text}");
    let row = lines.iter().find(|l| l.starts_with("ERROR")).unwrap();
    for part in ["trung-tam.csv", " 3 ", "Tên xã", "'Hải Châu 1' not found", "did you mean 'Phường Hải Châu' (20242)?"]
    {
        assert!(row.contains(part), "{part} in {row}");
    }
    assert!(report_table(&issues, Lang::Vi).contains("ý là 'Phường Hải Châu' (20242)?"));
    let csv = report_csv(&issues, Lang::En);
    let (header, rows) = csv::parse(&csv);
    assert_eq!(header, ["Level", "File", "Row", "Column", "Problem", "Suggestion"]);
    assert!(rows.iter().any(|(_, r)| r[2] == "3" && r[3] == "Tên xã"));
}

#[test]
fn the_blank_templates_have_only_known_columns_and_ask_for_the_metadata() {
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/feeds/templates");
    let fx = fixture();
    let raw = read(&templates);
    assert_eq!(raw.files, [META_FILE, CENTRES_FILE, SUPPORT_FILE, PROCEDURES_FILE]);
    for table in &raw.tables {
        assert!(table.rows.is_empty(), "{}: a template ships no data row", table.file);
        assert!(table.columns.iter().all(|(_, k)| k.is_some()), "{}: {:?}", table.file, table.columns);
        assert_eq!(table.columns.len(), table.kind.keys().len(), "{}: every column of the format", table.file);
    }
    let (feed, issues) = check(&raw, &fx.reference());
    assert!(feed.is_none());
    let missing: Vec<&str> = errors(&issues).iter().map(|i| i.column.as_str()).collect();
    assert_eq!(missing, ["Mã tỉnh", "Đơn vị công bố", "Tên nguồn", "Ngày công bố", "Giấy phép"]);
}
