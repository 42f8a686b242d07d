//! The portal's structured records (`data/sources/procedures/opengov-details.jsonl.gz`)
//! read into the catalogue, on the real sources: which procedures become full
//! pages, one record checked field by field against its JSON, and the
//! cross-check with the crawl. Run with `--nocapture` for the disagreements.

use cuaso_catalogue::model::*;
use cuaso_data::{read_sources, structured, Catalogue, ReadReport};
use std::sync::OnceLock;

fn real() -> &'static (Catalogue, ReadReport) {
    static CAT: OnceLock<(Catalogue, ReadReport)> = OnceLock::new();
    CAT.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources");
        read_sources(&dir).expect("the real sources read")
    })
}

fn procedure(code: &str) -> &'static Procedure {
    real().0.procedures.iter().find(|p| p.code.as_str() == code).unwrap_or_else(|| panic!("{code} is missing"))
}

#[test]
fn the_502_records_fill_425_catalogue_only_pages() {
    let (cat, report) = real();
    let s = &report.structured;
    assert_eq!(s.records, 502);
    assert_eq!((s.filled, s.both), (425, 77), "425 catalogue-only procedures become full pages, 77 the crawl holds");
    assert!(s.unknown.is_empty(), "{:?}", s.unknown);
    let full: Vec<_> = cat.procedures.iter().filter(|p| p.source == structured::SOURCE).collect();
    assert_eq!(full.len(), 425);
    assert!(full.iter().all(|p| !p.catalogue_only && !p.levels.is_empty()));
    // Every one has its channels and steps as structure; none is left empty.
    assert!(full.iter().all(|p| matches!(p.channels, Parsed::Parsed(_))));
    assert!(full.iter().all(|p| matches!(p.steps, Parsed::Parsed(_))));
    let catalogue_only = cat.procedures.iter().filter(|p| p.catalogue_only).count();
    assert_eq!(catalogue_only, 3096 - 425);
    // A crawled procedure keeps the crawl's record.
    assert_eq!(procedure("1.001193").source, "dvc-2026");
}

/// 1.115593, Hải Phòng's confirmation of continued farmland use: every field
/// against its JSON record.
#[test]
fn a_structured_record_field_by_field() {
    let p = procedure("1.115593");
    assert_eq!(p.name, "Thủ tục xác nhận tiếp tục sử dụng đất nông nghiệp của cá nhân khi hết thời hạn sử dụng đất");
    assert!(!p.catalogue_only);
    assert_eq!(p.source, "opengov-details-2026");
    assert_eq!(p.kind, ProcedureKind::Provincial);
    assert_eq!(p.province.as_ref().map(|c| c.as_str()), Some("31"), "Hải Phòng");
    assert_eq!(p.official_url, "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019f5593-7498-74bc-a149-8010a16d3bc1");
    assert_eq!(p.field, "Đất đai");
    assert_eq!(p.levels, vec![Level::Commune], "isWard only");
    assert_eq!(
        p.agencies.implementing.as_deref(),
        Some("Cơ quan chuyên môn về Nông nghiệp và Môi trường thuộc UBND cấp xã")
    );
    // Three channels, 3.5 working days each, every one charged (12 amounts).
    let cs = p.channels.as_parsed().expect("channels");
    assert_eq!(cs.iter().map(|c| c.channel).collect::<Vec<_>>(), [Channel::InPerson, Channel::Online, Channel::Post]);
    for c in cs {
        assert_eq!(c.time_limit.as_deref(), Some("3.5 Ngày làm việc"));
        let Fee::Charged(t) = &c.fee else { panic!("{:?}", c.fee) };
        assert!(
            t.starts_with("25,000 Việt Nam Đồng (Lệ phí cấp Giấy chứng nhận: Cấp đổi, cấp lại Giấy chứng nhận (Đất))"),
            "{t}"
        );
        assert!(t.contains("170,000 Việt Nam Đồng (Phí thẩm định hồ sơ"), "{t}");
        assert_eq!(t.matches("Việt Nam Đồng").count(), 12);
        assert!(c.note.as_deref().is_some_and(|n| n.starts_with("Không quá 3,5 ngày làm việc")));
    }
    // Four documents, with the API's counts and the one form file.
    let gs = p.documents.as_parsed().expect("documents");
    let docs: Vec<&Document> = gs.iter().flat_map(|g| &g.documents).collect();
    assert_eq!(docs.len(), 4);
    let request = docs.iter().find(|d| d.name == "Văn bản đề nghị xác nhận lại thời hạn sử dụng đất").unwrap();
    assert_eq!((request.originals, request.copies), (1, 0));
    assert_eq!(request.form.as_deref(), Some("Mẫu 39 - Đơn xin xác nhận lại thời hạn sử dụng đất nông nghiệp.pdf"));
    let certificate = docs.iter().find(|d| d.name == "Giấy chứng nhận đã cấp").unwrap();
    assert_eq!((certificate.originals, certificate.copies), (0, 1));
    // Seven legal bases, numbers trimmed as the API's carry a trailing space.
    let laws = p.legal_basis.as_parsed().expect("legal basis");
    assert_eq!(laws.len(), 7);
    assert_eq!(laws[0].number, "31/2024/QH15");
    assert!(laws[0].title.starts_with("Luật Đất đai số 31/2024/QH15"));
    assert_eq!(laws[6].number, "34/2025/NQ-HĐND");
    assert_eq!(
        p.results,
        Parsed::Parsed(vec![ResultDoc {
            name: "Giấy chứng nhận quyền sử dụng đất (nếu có)".into(),
            code: Some("KQ-H24.000001".into())
        }])
    );
    assert_eq!(p.conditions, Parsed::Parsed(vec![]), "'Không có': explicitly none");
    assert!(p.steps.as_parsed().is_some_and(|s| s[0].starts_with("Người sử dụng đất nông nghiệp quy định tại điểm a")));
}

/// Birth registration is in both: the crawl's record is kept, and the two agree
/// on everything compared.
#[test]
fn the_cross_check_is_printed_and_counted() {
    let (_, report) = real();
    let s = &report.structured;
    for f in structured::COMPARED {
        println!("{f:<20} {:>3} compared {:>3} differ", s.compared[f], s.disagreements[f].len());
        for d in s.disagreements[f].iter().take(3) {
            println!("    {d}");
        }
    }
    let differ = |f: &str| s.disagreements[f].len();
    // Names, fields, channel kinds and fee kinds agree on the 77 shared records.
    assert_eq!(s.compared["name"], 77);
    for f in ["name", "field", "channel count", "channel kinds", "fee kinds"] {
        assert!(differ(f) <= 2, "{f}: {:?}", s.disagreements[f]);
    }
    // Levels, agencies, time limits, document counts and legal bases do differ
    // on a few: reported, not hidden (loose bounds, the counts are printed).
    for f in ["levels", "agencies", "time limits", "document count", "legal basis numbers"] {
        assert!((1..=30).contains(&differ(f)), "{f}: {}", differ(f));
    }
    assert!(!s.disagreements["time limits"].iter().any(|d| d.starts_with("1.001193")), "birth registration agrees");
}
