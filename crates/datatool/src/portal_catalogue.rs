//! The National Public Service Portal's own catalogue of July 2026
//! (`data/sources/procedures/opengov-catalog.jsonl.gz`, source `opengov-2026`),
//! merged with the older crawl of detail pages by procedure code.
//!
//! The catalogue lists 5,670 procedures with their portal id (so an official
//! link), name, fields, executing agencies, publisher, who may apply and kind,
//! and nothing else. The merge:
//! - a code both hold keeps the crawl's record (it has documents, fees,
//!   times…) and takes the catalogue's kind, publisher and province, and its
//!   executing agencies where the crawl's page left them blank;
//! - a code only the catalogue holds becomes a *catalogue-only* procedure
//!   ([`Procedure::catalogue_only`]): every structured field not published,
//!   no level, source `opengov-2026`;
//! - a code only the crawl holds stays as it is (kind standard).
//!
//! A code repeated within a source is reported and one record kept, chosen
//! deterministically: a citizen-facing kind before an internal one, then a code
//! published without stray spaces, then the smaller portal id. Invariants the
//! result holds: codes unique; every [`ProcedureKind::Provincial`] record has a
//! province (else the merge fails, see [`province_of`]).

use crate::procedures::clean_inline;
use cuaso_catalogue::model::*;
use cuaso_catalogue::text::fold;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Where the catalogue is under `data/sources`.
pub const FILE: &str = "procedures/opengov-catalog.jsonl.gz";
/// Its id in `sources.json`.
pub const SOURCE: &str = "opengov-2026";
/// The official page of a procedure, by its portal id.
pub const OFFICIAL_PAGE: &str = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/";

/// One line of the catalogue, as stored.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Entry {
    /// Portal UUID.
    pub id: String,
    pub code: String,
    pub name: String,
    pub categories: Vec<String>,
    pub departments: Vec<String>,
    pub department_promulgate: String,
    pub formality_target_type: Vec<String>,
    pub state: String,
    /// `STANDARD`, `SPECIFIC` or `STANDARD_INTERNAL`.
    #[serde(rename = "type")]
    pub kind: String,
}

pub fn read(path: &Path) -> Result<Vec<Entry>, String> {
    crate::gz::read_json_lines(path)
}

/// What the merge did, for the summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Lines of the catalogue.
    pub entries: usize,
    /// Codes in both the crawl and the catalogue.
    pub both: usize,
    pub catalogue_only: usize,
    pub crawl_only: usize,
    /// Procedures by kind, after the merge.
    pub by_kind: BTreeMap<ProcedureKind, usize>,
    /// Provinces with at least one procedure of their own.
    pub provinces_with_own: usize,
    /// Crawled records whose blank executing agency the catalogue filled.
    pub agencies_filled: usize,
    /// One line per repeated code: which record was kept, which dropped.
    pub duplicates: Vec<String>,
}

fn kind_of(t: &str) -> Option<ProcedureKind> {
    Some(match t.trim() {
        "STANDARD" => ProcedureKind::Standard,
        "SPECIFIC" => ProcedureKind::Provincial,
        "STANDARD_INTERNAL" => ProcedureKind::Internal,
        _ => return None,
    })
}

/// The province whose body published a procedure: the publisher's name ends
/// with the province's name after "tỉnh" or "thành phố" (`UBND tỉnh Bắc
/// Ninh`, `Trung tâm phục vụ hành chính công Thành phố Hà Nội`, `Sở Xây dựng
/// - tỉnh Quảng Ngãi`); `None` for a ministry or anything else.
pub fn province_of(publisher: &str, provinces: &[Province]) -> Option<ProvinceCode> {
    let p = fold(publisher);
    provinces
        .iter()
        .find(|pr| {
            let short = fold(&pr.short_name);
            ["tinh ", "thanh pho "].iter().any(|k| p.ends_with(&format!("{k}{short}")))
        })
        .map(|pr| pr.code.clone())
}

fn is_portal_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

/// The non-empty parts, cleaned, each once, joined with "; ".
fn join(parts: &[String]) -> String {
    let mut out: Vec<String> = Vec::new();
    for s in parts.iter().map(|s| clean_inline(s)).filter(|s| !s.is_empty()) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out.join("; ")
}

/// A catalogue entry as a procedure of its own (catalogue-only).
pub fn to_procedure(e: &Entry, provinces: &[Province]) -> Result<Procedure, String> {
    let code = ProcedureCode::parse(&e.code).map_err(|err| err.to_string())?;
    let name = clean_inline(&e.name);
    if name.is_empty() {
        return Err("empty name".into());
    }
    let kind = kind_of(&e.kind).ok_or_else(|| format!("unknown type {:?}", e.kind))?;
    if !is_portal_id(e.id.trim()) {
        return Err(format!("not a portal id: {:?}", e.id));
    }
    let publisher = Some(clean_inline(&e.department_promulgate)).filter(|s| !s.is_empty());
    let agencies = join(&e.departments);
    Ok(Procedure {
        code,
        name,
        field: join(&e.categories),
        levels: vec![],
        authority: publisher.clone().unwrap_or_default(),
        procedure_type: None,
        target_groups: e.formality_target_type.iter().map(|s| clean_inline(s)).filter(|s| !s.is_empty()).collect(),
        agencies: Agencies { implementing: Some(agencies).filter(|s| !s.is_empty()), ..Agencies::default() },
        decision: None,
        official_url: format!("{OFFICIAL_PAGE}{}", e.id.trim()),
        channels: Parsed::NotPublished,
        documents: Parsed::NotPublished,
        steps: Parsed::NotPublished,
        legal_basis: Parsed::NotPublished,
        conditions: Parsed::NotPublished,
        results: Parsed::NotPublished,
        source: SOURCE.to_string(),
        english: None,
        kind,
        province: publisher.as_deref().and_then(|p| province_of(p, provinces)),
        publisher,
        catalogue_only: true,
    })
}

/// Merges the catalogue into `crawl` (the crawl's procedures, in its order);
/// catalogue-only procedures follow, sorted by code. Entries that cannot be
/// converted go to `rejected`.
pub fn merge(
    crawl: Vec<Procedure>,
    entries: &[Entry],
    provinces: &[Province],
    rejected: &mut Vec<String>,
) -> (Vec<Procedure>, MergeReport) {
    let mut report = MergeReport { entries: entries.len(), ..MergeReport::default() };
    // Each code's record, and whether its code was published without stray spaces.
    let mut by_code: BTreeMap<ProcedureCode, (Procedure, bool)> = BTreeMap::new();
    let rank = |p: &Procedure, clean: bool| (p.kind == ProcedureKind::Internal, !clean, p.official_url.clone());
    for e in entries {
        let p = match to_procedure(e, provinces) {
            Ok(p) => p,
            Err(err) => {
                rejected.push(format!("{FILE}: {}: {err}", e.code.trim()));
                continue;
            }
        };
        let clean = e.code == e.code.trim();
        let Some((kept, kept_clean)) = by_code.remove(&p.code) else {
            by_code.insert(p.code.clone(), (p, clean));
            continue;
        };
        let ((keep, keep_clean), drop) =
            if rank(&p, clean) < rank(&kept, kept_clean) { ((p, clean), kept) } else { ((kept, kept_clean), p) };
        report.duplicates.push(format!(
            "{FILE}: code {} twice: kept {:?} ({}, {}), dropped {:?} ({}, {})",
            keep.code,
            keep.name,
            keep.publisher.as_deref().unwrap_or("-"),
            keep.official_url,
            drop.name,
            drop.publisher.as_deref().unwrap_or("-"),
            drop.official_url
        ));
        by_code.insert(keep.code.clone(), (keep, keep_clean));
    }
    let mut out = Vec::with_capacity(crawl.len() + by_code.len());
    // A code repeated in the crawl is left for validation to refuse: the
    // crawl is the source of details, and two records for one code mean it is broken.
    for mut p in crawl {
        match by_code.remove(&p.code) {
            Some((c, _)) => {
                report.both += 1;
                p.kind = c.kind;
                p.province = c.province;
                p.publisher = c.publisher;
                // The crawl's page left the executing agency blank (302 records):
                // the catalogue's is the same portal's, so it fills the gap.
                if p.agencies.implementing.is_none() {
                    p.agencies.implementing = c.agencies.implementing;
                    report.agencies_filled += usize::from(p.agencies.implementing.is_some());
                }
            }
            None => report.crawl_only += 1,
        }
        out.push(p);
    }
    report.catalogue_only = by_code.len();
    out.extend(by_code.into_values().map(|(p, _)| p));
    for p in &out {
        *report.by_kind.entry(p.kind).or_default() += 1;
    }
    let mut own: Vec<&ProvinceCode> =
        out.iter().filter(|p| p.kind == ProcedureKind::Provincial).filter_map(|p| p.province.as_ref()).collect();
    own.sort();
    own.dedup();
    report.provinces_with_own = own.len();
    (out, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    fn province(code: &str, short: &str) -> Province {
        Province {
            code: ProvinceCode::parse(code).unwrap(),
            name: format!("Tỉnh {short}"),
            short_name: short.into(),
            kind: ProvinceKind::Province,
            phone_area_code: None,
            centroid: None,
            commune_count: 0,
            merged_from: vec![],
            centre: crate::geography::empty_centre(CentreLevel::Province, format!("tinh-{code}"), String::new()),
            source: "s".into(),
        }
    }

    fn entry(id: &str, code: &str, name: &str, kind: &str, publisher: &str) -> Entry {
        Entry {
            id: id.into(),
            code: code.into(),
            name: name.into(),
            categories: vec!["Việc làm".into()],
            departments: vec!["Sở Nội vụ".into(), " Ủy ban nhân dân cấp xã ".into()],
            department_promulgate: publisher.into(),
            formality_target_type: vec!["Công dân Việt Nam".into()],
            state: "ACTIVE".into(),
            kind: kind.into(),
        }
    }

    #[test]
    fn publisher_names_its_province() {
        let ps = [province("24", "Bắc Ninh"), province("01", "Hà Nội"), province("51", "Quảng Ngãi")];
        let at = |s| province_of(s, &ps).map(|c| c.to_string());
        assert_eq!(at("UBND tỉnh Bắc Ninh").as_deref(), Some("24"));
        assert_eq!(at("Trung tâm phục vụ hành chính công Thành phố Hà Nội").as_deref(), Some("01"));
        assert_eq!(at("Sở Xây dựng - tỉnh Quảng Ngãi").as_deref(), Some("51"));
        assert_eq!(at("Bộ Công an"), None);
        assert_eq!(at(""), None);
    }

    #[test]
    fn crawl_wins_catalogue_fills_and_duplicates_are_reported() {
        let ps = [province("24", "Bắc Ninh")];
        let crawl = vec![fixtures::procedure("1.000001", "Đăng ký khai sinh"), fixtures::procedure("1.000002", "Cũ")];
        let entries = vec![
            entry("aaaa-0001", "1.000001", "Tên khác", "STANDARD", "Bộ Tư pháp"),
            entry("bbbb-0002", "2.000003", "Trợ cấp", "SPECIFIC", "UBND tỉnh Bắc Ninh"),
            // The same code twice: the internal one loses though its id is smaller.
            entry("0000-0001", "3.000004", "Nội bộ", "STANDARD_INTERNAL", "UBND tỉnh Bắc Ninh"),
            entry("cccc-0003", " 3.000004", "Cho dân", "SPECIFIC", "UBND tỉnh Bắc Ninh"),
            entry("dddd-0004", "bad", "x", "STANDARD", "Bộ Y tế"),
        ];
        let mut rejected = vec![];
        let (out, r) = merge(crawl, &entries, &ps, &mut rejected);
        assert_eq!(rejected.len(), 1);
        assert_eq!(out.len(), 4);
        assert_eq!((r.both, r.crawl_only, r.catalogue_only), (1, 1, 2));
        assert_eq!(out[0].name, "Đăng ký khai sinh", "the crawl's record wins");
        assert_eq!(out[0].publisher.as_deref(), Some("Bộ Tư pháp"));
        assert!(!out[0].catalogue_only);
        let own = out.iter().find(|p| p.code.as_str() == "2.000003").unwrap();
        assert!(own.catalogue_only && own.levels.is_empty());
        assert_eq!(own.kind, ProcedureKind::Provincial);
        assert_eq!(own.province.as_ref().map(|c| c.as_str()), Some("24"));
        assert_eq!(own.official_url, "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/bbbb-0002");
        assert_eq!(own.agencies.implementing.as_deref(), Some("Sở Nội vụ; Ủy ban nhân dân cấp xã"));
        let dup = out.iter().find(|p| p.code.as_str() == "3.000004").unwrap();
        assert_eq!(dup.name, "Cho dân");
        assert_eq!(r.duplicates.len(), 1);
        assert_eq!(r.provinces_with_own, 1);
        // Order does not matter.
        let mut rev = entries.clone();
        rev.reverse();
        let (out2, _) = merge(vec![], &rev, &ps, &mut vec![]);
        assert_eq!(out2.iter().find(|p| p.code.as_str() == "3.000004").unwrap().name, "Cho dân");
    }
}
