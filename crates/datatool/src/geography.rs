//! The 2025 administrative map: provinces, communes and pre-2025 units.
//!
//! Two sources, cross-checked (see `data/sources/README.md`):
//! - `nested-divisions.json` (vietnam-provinces, the GSO list): codes, names,
//!   kinds and phone area codes. Its codes are authoritative.
//! - the vietnamadminunits tables: centroids, areas, the pre-2025 units and
//!   the old → new mapping, keyed by normalised names.
//!
//! Units are matched across the two by province and [`canonical`] of the full
//! name; a unit that does not match is an error, not a guess. Where the two
//! disagree on a code, the GSO list wins and the disagreement is reported.

use crate::gz;
use crate::text::squash;
use cuaso_catalogue::model::*;
use cuaso_catalogue::text::canonical;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

pub const SOURCE_GSO: &str = "gso-2025";
pub const SOURCE_VNAU: &str = "vnau-2025";

#[derive(Deserialize)]
struct GsoProvince {
    name: String,
    code: u32,
    division_type: String,
    phone_code: Option<u16>,
    wards: Vec<GsoWard>,
}

#[derive(Deserialize)]
struct GsoWard {
    name: String,
    code: u32,
    division_type: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VnauUnit {
    province: String,
    ward: String,
    province_short: String,
    province_code: String,
    province_lat: Option<f64>,
    province_lon: Option<f64>,
    ward_code: String,
    ward_lat: Option<f64>,
    ward_lon: Option<f64>,
    ward_area_km2: Option<f64>,
    province_key: String,
    ward_key: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VnauLegacy {
    province: String,
    district: String,
    ward: Option<String>,
    ward_code: Option<String>,
    province_key: String,
    district_key: String,
    ward_key: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
struct Converter {
    dict_province: BTreeMap<String, Vec<String>>,
    dict_province_ward_no_divided: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    dict_province_ward_divided: BTreeMap<String, BTreeMap<String, Vec<SplitTarget>>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SplitTarget {
    new_ward_key: String,
    is_default_new_ward: bool,
}

/// The map as read and cross-checked; centres are attached later.
pub struct Geography {
    pub provinces: Vec<Province>,
    pub communes: Vec<Commune>,
    pub legacy_units: Vec<LegacyUnit>,
    /// Units whose code differs between the two sources: (name, GSO code, other code).
    pub code_disagreements: Vec<(String, String, String)>,
}

fn latlon(lat: Option<f64>, lon: Option<f64>) -> Option<LatLon> {
    Some(LatLon { lat: lat?, lon: lon? })
}

fn unit_kind(division_type: &str) -> Result<UnitKind, String> {
    match division_type.to_lowercase().as_str() {
        "phường" => Ok(UnitKind::Ward),
        "xã" => Ok(UnitKind::Commune),
        "đặc khu" => Ok(UnitKind::SpecialZone),
        other => Err(format!("unknown unit kind {other:?}")),
    }
}

/// Placeholder centre records: one per unit exists by law; contact fields stay
/// empty until a source publishes them.
pub fn empty_centre(level: CentreLevel, id: String, name: String) -> ServiceCentre {
    ServiceCentre {
        id,
        level,
        name,
        address: None,
        phones: vec![],
        hotline: None,
        hours: None,
        location: None,
        receives: ReceiveRule::ByLevel,
        source: None,
        reported: vec![],
    }
}

pub fn read(dir: &Path) -> Result<Geography, String> {
    let gso: Vec<GsoProvince> = gz::read_json(&dir.join("nested-divisions.json.gz"))?;
    let units: Vec<VnauUnit> = gz::read_json_lines(&dir.join("admin_units.jsonl.gz"))?;
    let legacy: Vec<VnauLegacy> = gz::read_json_lines(&dir.join("admin_units_legacy.jsonl.gz"))?;
    let conv: Converter = gz::read_json(&dir.join("vietnamadminunits-converter_2025.json.gz"))?;

    let unit_file = "admin_units.jsonl.gz";
    // vnau unit by (province code, name key)
    let mut vnau_by_name: HashMap<(String, String), &VnauUnit> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        let key = (u.province_code.clone(), canonical(&u.ward));
        if vnau_by_name.insert(key, u).is_some() {
            return Err(format!("{unit_file}: line {}: duplicate unit {:?} in {}", i + 1, u.ward, u.province));
        }
    }
    // old province names by key, for "merged from"
    let old_province_names: HashMap<&str, &str> =
        legacy.iter().map(|l| (l.province_key.as_str(), l.province.as_str())).collect();

    let mut provinces = Vec::new();
    let mut communes = Vec::new();
    let mut code_disagreements = Vec::new();
    // (new province key, new ward key) → GSO commune code, for the mapping
    let mut code_by_keys: HashMap<(String, String), CommuneCode> = HashMap::new();

    for p in &gso {
        let code = ProvinceCode::parse(&p.code.to_string()).map_err(|e| format!("nested-divisions: {e}"))?;
        let kind = match p.division_type.as_str() {
            "tỉnh" => ProvinceKind::Province,
            "thành phố trung ương" => ProvinceKind::City,
            other => return Err(format!("nested-divisions: province {code}: unknown kind {other:?}")),
        };
        let first = units
            .iter()
            .find(|u| u.province_code == code.as_str())
            .ok_or_else(|| format!("{unit_file}: no unit in province {code} {}", p.name))?;
        let full_name = first.province.clone();
        // The GSO list writes cities in full ("Thành phố Hà Nội"), provinces short ("Cao Bằng").
        if ![&first.province_short, &full_name].iter().any(|n| canonical(n) == canonical(&p.name)) {
            return Err(format!("province {code}: names disagree: {:?} vs {:?}", p.name, first.province_short));
        }
        let merged_from = conv
            .dict_province
            .get(&first.province_key)
            .ok_or_else(|| format!("converter: DICT_PROVINCE has no {:?}", first.province_key))?
            .iter()
            .map(|k| {
                old_province_names
                    .get(k.as_str())
                    .map(|n| n.to_string())
                    .ok_or_else(|| format!("converter: old province {k:?} not among the legacy units"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        for w in &p.wards {
            let ccode = CommuneCode::parse(&w.code.to_string()).map_err(|e| format!("nested-divisions: {e}"))?;
            let kind = unit_kind(&w.division_type).map_err(|e| format!("nested-divisions: {ccode}: {e}"))?;
            let u = vnau_by_name.get(&(code.to_string(), canonical(&w.name))).ok_or_else(|| {
                format!("{unit_file}: no unit named {:?} in province {code} to match GSO {ccode}", w.name)
            })?;
            if u.ward_code != ccode.as_str() {
                code_disagreements.push((format!("{}, {}", w.name, p.name), ccode.to_string(), u.ward_code.clone()));
            }
            code_by_keys.insert((u.province_key.clone(), u.ward_key.clone()), ccode.clone());
            communes.push(Commune {
                centre: empty_centre(
                    CentreLevel::Commune,
                    format!("xa-{ccode}"),
                    format!("Trung tâm Phục vụ hành chính công {}", w.name),
                ),
                code: ccode,
                name: squash(&w.name),
                kind,
                province: code.clone(),
                centroid: latlon(u.ward_lat, u.ward_lon),
                area_km2: u.ward_area_km2,
                support_points: vec![],
                source: SOURCE_GSO.into(),
            });
        }
        provinces.push(Province {
            centre: empty_centre(
                CentreLevel::Province,
                format!("tinh-{code}"),
                format!("Trung tâm Phục vụ hành chính công {full_name}"),
            ),
            short_name: squash(&first.province_short),
            name: squash(&full_name),
            kind,
            phone_area_code: p.phone_code,
            centroid: latlon(first.province_lat, first.province_lon),
            commune_count: p.wards.len() as u32,
            merged_from,
            code,
            source: SOURCE_GSO.into(),
        });
    }
    if units.len() != communes.len() {
        return Err(format!(
            "{unit_file}: {} units but the GSO list has {}: the sources do not describe the same map",
            units.len(),
            communes.len()
        ));
    }

    // Old → new. Keys: "{provinceKey}_{districtKey}_{wardKey}" of the old unit.
    let mut targets: HashMap<String, Vec<LegacyTarget>> = HashMap::new();
    let resolve = |pk: &str, wk: &str| {
        code_by_keys
            .get(&(pk.to_string(), wk.to_string()))
            .cloned()
            .ok_or_else(|| format!("converter: new unit {wk:?} in {pk:?} is not on the map"))
    };
    for (pk, wards) in &conv.dict_province_ward_no_divided {
        for (wk, olds) in wards {
            let commune = resolve(pk, wk)?;
            for old in olds {
                targets.entry(old.clone()).or_default().push(LegacyTarget { commune: commune.clone(), default: true });
            }
        }
    }
    for (pk, olds) in &conv.dict_province_ward_divided {
        for (old, split) in olds {
            let list = targets.entry(old.clone()).or_default();
            if !list.is_empty() {
                return Err(format!("converter: {old:?} is both split and not split"));
            }
            for t in split {
                list.push(LegacyTarget { commune: resolve(pk, &t.new_ward_key)?, default: t.is_default_new_ward });
            }
        }
    }
    let mut legacy_units = Vec::with_capacity(legacy.len());
    for (i, l) in legacy.iter().enumerate() {
        let key = format!("{}_{}_{}", l.province_key, l.district_key, l.ward_key.as_deref().unwrap_or(""));
        let t = targets
            .remove(&key)
            .ok_or_else(|| format!("admin_units_legacy.jsonl.gz: line {}: {key:?} has no new unit", i + 1))?;
        let code = match &l.ward_code {
            Some(c) => Some(LegacyCode::parse(c).map_err(|e| format!("admin_units_legacy: line {}: {e}", i + 1))?),
            None => None,
        };
        legacy_units.push(LegacyUnit {
            code,
            name: squash(l.ward.as_deref().unwrap_or(&l.district)),
            district: squash(&l.district),
            province: squash(&l.province),
            targets: t,
            source: SOURCE_VNAU.into(),
        });
    }
    if let Some(k) = targets.keys().next() {
        return Err(format!("converter: {k:?} maps an old unit that is not in admin_units_legacy"));
    }
    Ok(Geography { provinces, communes, legacy_units, code_disagreements })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_kinds() {
        assert_eq!(unit_kind("phường"), Ok(UnitKind::Ward));
        assert_eq!(unit_kind("Xã"), Ok(UnitKind::Commune));
        assert_eq!(unit_kind("đặc khu"), Ok(UnitKind::SpecialZone));
        assert!(unit_kind("huyện").is_err());
    }
}
