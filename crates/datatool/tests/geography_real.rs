//! The real 2025 map, read from `data/sources/geography`.

use cuaso_catalogue::model::*;
use cuaso_data::geography;
use std::path::Path;

fn geo() -> geography::Geography {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources/geography");
    geography::read(&dir).expect("the real sources read and cross-check")
}

#[test]
fn counts_match_the_2025_map() {
    let g = geo();
    assert_eq!(g.provinces.len(), 34);
    assert_eq!(g.communes.len(), 3321);
    assert_eq!(g.legacy_units.len(), 10040);
    let sum: u32 = g.provinces.iter().map(|p| p.commune_count).sum();
    assert_eq!(sum, 3321);
    println!("code disagreements between sources: {}", g.code_disagreements.len());
}

#[test]
fn hoan_kiem_is_in_ha_noi() {
    let g = geo();
    let c = g.communes.iter().find(|c| c.code.as_str() == "00070").unwrap();
    assert_eq!(c.name, "Phường Hoàn Kiếm");
    assert_eq!(c.kind, UnitKind::Ward);
    let p = g.provinces.iter().find(|p| p.code == c.province).unwrap();
    assert_eq!(p.name, "Thành phố Hà Nội");
    assert_eq!(p.kind, ProvinceKind::City);
    let old: Vec<_> = g
        .legacy_units
        .iter()
        .filter(|u| u.targets.iter().any(|t| t.commune == c.code))
        .map(|u| u.name.as_str())
        .collect();
    assert!(old.contains(&"Phường Hàng Trống"), "{old:?}");
}

#[test]
fn split_units_have_one_default() {
    let g = geo();
    let split: Vec<_> = g.legacy_units.iter().filter(|u| u.is_split()).collect();
    assert!(split.len() > 400, "{}", split.len());
    for u in split {
        assert_eq!(u.targets.iter().filter(|t| t.default).count(), 1, "{}, {}", u.name, u.district);
    }
}

#[test]
fn island_districts_without_communes_map_too() {
    let g = geo();
    let hs = g.legacy_units.iter().find(|u| u.district == "Huyện Hoàng Sa").unwrap();
    assert_eq!(hs.code, None);
    assert_eq!(hs.targets.len(), 1);
    let target = g.communes.iter().find(|c| c.code == hs.targets[0].commune).unwrap();
    assert_eq!(target.kind, UnitKind::SpecialZone);
}
