//! The portal's July 2026 catalogue merged with the crawl, on the real sources
//! (`data/sources/procedures/opengov-catalog.jsonl.gz`).

use cuaso_catalogue::model::*;
use cuaso_data::{read_sources, search_data, write, Catalogue, ReadReport};

/// The committed sources, `data/sources/`.
fn sources_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources")
}
use std::sync::OnceLock;

fn real() -> &'static (Catalogue, ReadReport) {
    static CAT: OnceLock<(Catalogue, ReadReport)> = OnceLock::new();
    CAT.get_or_init(|| read_sources(&sources_dir()).expect("the real sources read"))
}

fn procedure(code: &str) -> &'static Procedure {
    real().0.procedures.iter().find(|p| p.code.as_str() == code).unwrap_or_else(|| panic!("{code} is missing"))
}

#[test]
fn the_merge_counts() {
    let (cat, report) = real();
    let m = &report.catalogue;
    assert_eq!(m.entries, 5670);
    assert_eq!((m.both, m.catalogue_only, m.crawl_only), (2573, 3096, 69));
    assert_eq!(cat.procedures.len(), 5738, "5,739 codes less the one the catalogue gives twice");
    assert_eq!(m.by_kind[&ProcedureKind::Standard], 4643);
    assert_eq!(m.by_kind[&ProcedureKind::Provincial], 904);
    assert_eq!(m.by_kind[&ProcedureKind::Internal], 191);
    // 33 publishers, 31 provinces: Hà Nội and Quảng Ngãi publish under two names each.
    assert_eq!(m.provinces_with_own, 31);
    assert_eq!(m.duplicates.len(), 1, "{:?}", m.duplicates);
    assert!(m.duplicates[0].contains("1.014325"), "{}", m.duplicates[0]);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
}

#[test]
fn the_duplicate_code_keeps_the_citizens_procedure() {
    let p = procedure("1.014325");
    assert_eq!(p.name, "Thủ tục thực hiện chính sách hỗ trợ tư vấn pháp luật cho doanh nghiệp nhỏ và vừa");
    assert_eq!(p.kind, ProcedureKind::Provincial);
    assert_eq!(p.province.as_ref().map(|c| c.as_str()), Some("08"), "Tuyên Quang");
}

#[test]
fn a_catalogue_only_procedure_has_exactly_the_catalogue_fields() {
    let p = procedure("1.014748");
    assert_eq!(p.name, "Hưởng trợ cấp thất nghiệp (Cấp tỉnh)");
    assert!(p.catalogue_only);
    assert_eq!(p.kind, ProcedureKind::Standard);
    assert_eq!(p.publisher.as_deref(), Some("Bộ Nội vụ"));
    assert_eq!(p.official_url, "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfb-2b1d-7649-8f76-f5315475eb46");
    assert_eq!(p.source, "opengov-2026");
    assert!(p.levels.is_empty(), "the catalogue gives no level");
    for (name, published) in [
        ("channels", p.channels != Parsed::NotPublished),
        ("documents", p.documents != Parsed::NotPublished),
        ("steps", p.steps != Parsed::NotPublished),
    ] {
        assert!(!published, "{name} is not in the catalogue");
    }
    let health = procedure("1.014137");
    assert_eq!(health.name, "Thủ tục cấp thẻ bảo hiểm y tế");
    assert_eq!(health.publisher.as_deref(), Some("Bộ Y tế"));
}

#[test]
fn a_crawled_procedure_keeps_its_details_and_gains_its_kind() {
    let p = procedure("1.001193");
    assert_eq!(p.name, "Thủ tục đăng ký khai sinh");
    assert!(!p.catalogue_only);
    assert_eq!(p.source, "dvc-2026");
    assert_eq!(p.publisher.as_deref(), Some("Bộ Tư pháp"));
    assert!(matches!(p.documents, Parsed::Parsed(_)));
}

#[test]
fn bac_ninh_has_99_procedures_of_its_own() {
    let (cat, _) = real();
    let own: Vec<_> = cat
        .procedures
        .iter()
        .filter(|p| p.kind == ProcedureKind::Provincial && p.province.as_ref().is_some_and(|c| c.as_str() == "24"))
        .collect();
    assert_eq!(own.len(), 99);
    let artisan = procedure("1.006865");
    assert_eq!(
        artisan.name,
        "Thủ tục xét tặng danh hiệu nghệ nhân trong lĩnh vực Di sản văn hóa phi vật thể tỉnh Bắc Ninh"
    );
    assert_eq!(artisan.agencies.implementing.as_deref(), Some("Sở Văn hóa - Thể thao và Du lịch tỉnh Bắc Ninh"));
    // Every province's own procedure names a province of the catalogue.
    assert!(cat.procedures.iter().filter(|p| p.kind == ProcedureKind::Provincial).all(|p| p.province.is_some()));
}

#[test]
fn internal_procedures_have_a_page_but_no_search_record_or_list_entry() {
    let (cat, _) = real();
    let internal: Vec<_> = cat.procedures.iter().filter(|p| p.kind == ProcedureKind::Internal).collect();
    assert_eq!(internal.len(), 191);
    let search = search_data::search_data(cat);
    assert_eq!(search.procedures.len(), 5738 - 191);
    assert!(search.procedures.iter().all(|r| !internal.iter().any(|p| p.code == r.code)));
    // A catalogue-only procedure is found by its name.
    assert!(search
        .procedures
        .iter()
        .any(|r| r.code.as_str() == "1.014748" && r.name == "Hưởng trợ cấp thất nghiệp (Cấp tỉnh)"));
    let files = write::files(cat);
    assert!(files.contains_key(&cuaso_catalogue::format::procedure_file(&internal[0].code)));
}
