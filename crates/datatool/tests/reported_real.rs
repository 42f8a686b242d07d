//! Centres and lines reported by public sources (`data/sources/centres/reported/`),
//! on the real files: every value verbatim, with its source and date.

use cuaso_catalogue::model::*;
use cuaso_data::{read_sources, Catalogue, ReadReport};

/// The committed sources, `data/sources/`.
fn sources_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources")
}
use std::sync::OnceLock;

fn real() -> &'static (Catalogue, ReadReport) {
    static CAT: OnceLock<(Catalogue, ReadReport)> = OnceLock::new();
    CAT.get_or_init(|| read_sources(&sources_dir()).expect("the real sources read"))
}

fn province(code: &str) -> &'static Province {
    real().0.provinces.iter().find(|p| p.code.as_str() == code).unwrap()
}

#[test]
fn eight_provinces_and_nine_hcmc_communes() {
    let (cat, report) = real();
    assert_eq!(report.reported.provinces, 8);
    assert_eq!(report.reported.province_values, 13);
    assert_eq!(report.reported.communes, 9);
    let with: Vec<&str> =
        cat.provinces.iter().filter(|p| !p.centre.reported.is_empty()).map(|p| p.code.as_str()).collect();
    assert_eq!(with, ["01", "12", "15", "31", "38", "42", "79", "82"]);
}

#[test]
fn values_are_verbatim_with_source_and_date() {
    let hp = &province("31").centre.reported;
    assert_eq!(hp.len(), 1);
    assert_eq!(
        hp[0].value,
        "Trung tâm PVHCC thành phố: Trụ sở chính: số 18, đường Hoàng Diệu, phường Hồng Bàng, thành phố Hải Phòng hoặc điểm tiếp nhận: Số 1 đường Tôn Đức Thắng, phường Lê Thanh Nghị, thành phố Hải Phòng.",
        "both sites, in the source's order"
    );
    assert_eq!(hp[0].source, "reported-portal-2026");
    let lc = &province("12").centre.reported;
    assert_eq!((lc[1].field, lc[1].value.as_str()), (ReportedField::Phone, "0213.3796. 888"));
    // Five outlets report the same address for Hồ Chí Minh City: one value, five citations.
    let hcm = &province("79").centre.reported;
    assert_eq!(hcm.len(), 1);
    assert_eq!(hcm[0].value, "số 43 đường Nguyễn Văn Bá, phường Thủ Đức");
    assert_eq!(hcm[0].citations.len(), 5);
    assert_eq!(hcm[0].citations[0].date, "2025-12-31");
    let hn = &province("01").centre.reported;
    assert_eq!(hn[0].field, ReportedField::Hotline);
    assert_eq!(hn[0].value, "Hệ thống tổng đài hỗ trợ 024.1022 - nhánh 7, 8 và tổng đài thông minh 19001009");
    // No source says 24/7: nothing is marked always open.
    assert!(real().0.provinces.iter().all(|p| p.centre.hotline.is_none()));
}

#[test]
fn hcmc_commune_centres_from_notice_243() {
    let (cat, _) = real();
    let tan_dinh = cat.communes.iter().find(|c| c.province.as_str() == "79" && c.name == "Phường Tân Định").unwrap();
    let r = &tan_dinh.centre.reported;
    assert_eq!(r[0].value, "58B Nguyễn Đình Chiểu, phường Tân Định");
    assert_eq!((r[1].field, r[1].value.as_str()), (ReportedField::Hotline, "028.39102126"));
    assert_eq!(r[0].source, "hcmc-tb243-2025");
    assert_eq!(r[0].citations[0].date, "2025-06-25");
    let khanh_hoi = cat.communes.iter().find(|c| c.province.as_str() == "79" && c.name == "Phường Khánh Hội").unwrap();
    assert_eq!(khanh_hoi.centre.reported.len(), 1, "row 9 lost its phone: only the address");
}
