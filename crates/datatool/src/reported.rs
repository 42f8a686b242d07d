//! Provincial and commune centres as public sources report them
//! (`data/sources/centres/reported/`, see its README): the portal's own
//! "dossier receiving address" texts, Hồ Chí Minh City's Notice 243/TB-UBND
//! (first 9 commune centres), the government's news portal for Hà Nội's
//! lines, and the press for Hồ Chí Minh City's centre.
//!
//! Every value is kept verbatim ([`Reported`]) with its source id, the URL and
//! date as the file gives them, and its trust label; the same value reported
//! by several outlets is one entry with several citations. Nothing is parsed
//! out of a value: an address with two sites stays one text, in its order.
//! Reading fails on a province code or commune name the catalogue does not
//! have, and on a source type with no source id.

use crate::Catalogue;
use cuaso_catalogue::model::*;
use cuaso_catalogue::text::fold;
use serde::Deserialize;
use std::path::Path;

pub const CENTRES_FILE: &str = "centres/reported/provincial-centres.json";
pub const HCMC_FILE: &str = "centres/reported/hcmc-tb243-excerpt.json";

#[derive(Deserialize)]
struct CentreRecord {
    province_code: String,
    field: String,
    value_as_published: String,
    source_url: String,
    source_date: String,
    source_type: String,
    trust: String,
    note: Option<String>,
}

#[derive(Deserialize)]
struct HcmcFile {
    records: Vec<HcmcRecord>,
}

#[derive(Deserialize)]
struct HcmcRecord {
    centre: String,
    address: Option<String>,
    hotline: Option<String>,
    source_url: String,
    source_date: String,
}

/// The source id of a record of `provincial-centres.json`, from its source type and URL.
fn source_of(r: &CentreRecord) -> Option<&'static str> {
    let t = r.source_type.to_lowercase();
    if t.contains("news reporting ubnd tphcm") {
        Some("hcmc-news-2025-12")
    } else if r.source_url.contains("chinhphu.vn") {
        Some("hanoi-chinhphu-2025-07")
    } else if t.contains("project shared crawl") {
        Some("dvc-2026")
    } else if t.contains("official portal text") {
        Some("reported-portal-2026")
    } else {
        None
    }
}

fn field_of(f: &str) -> Option<ReportedField> {
    Some(match f.trim() {
        "address" => ReportedField::Address,
        "phone" => ReportedField::Phone,
        "hotline" => ReportedField::Hotline,
        f if f.starts_with("address+phone") => ReportedField::AddressAndPhone,
        _ => return None,
    })
}

/// Adds `r` to `list`, or its citation to the same value from the same source.
fn push(list: &mut Vec<Reported>, r: Reported) {
    match list.iter_mut().find(|e| e.field == r.field && e.value == r.value && e.source == r.source) {
        Some(e) => e.citations.extend(r.citations),
        None => list.push(r),
    }
}

/// What was added, for the summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub provinces: usize,
    pub province_values: usize,
    pub communes: usize,
}

/// Reads the reported centres under `dir` and adds them to `cat`'s centres.
pub fn apply(dir: &Path, cat: &mut Catalogue) -> Result<Added, String> {
    let records: Vec<CentreRecord> = crate::gz::read_json(&dir.join(CENTRES_FILE))?;
    let mut added = Added::default();
    for (i, r) in records.iter().enumerate() {
        let at = format!("{CENTRES_FILE}: record {}", i + 1);
        let code = ProvinceCode::parse(&r.province_code).map_err(|e| format!("{at}: {e}"))?;
        let province = cat
            .provinces
            .iter_mut()
            .find(|p| p.code == code)
            .ok_or_else(|| format!("{at}: unknown province {code}"))?;
        let field = field_of(&r.field).ok_or_else(|| format!("{at}: unknown field {:?}", r.field))?;
        let source = source_of(r).ok_or_else(|| format!("{at}: no source id for {:?}", r.source_type))?;
        let value = r.value_as_published.trim().to_string();
        if value.is_empty() {
            return Err(format!("{at}: empty value"));
        }
        push(
            &mut province.centre.reported,
            Reported {
                field,
                value,
                source: source.into(),
                citations: vec![Citation { url: r.source_url.trim().into(), date: r.source_date.trim().into() }],
                trust: r.trust.trim().into(),
                note: r.note.clone().filter(|n| !n.trim().is_empty()),
            },
        );
        added.province_values += 1;
        province.centre.source.get_or_insert_with(|| source.into());
    }
    added.provinces = cat.provinces.iter().filter(|p| !p.centre.reported.is_empty()).count();

    let hcmc: HcmcFile = crate::gz::read_json(&dir.join(HCMC_FILE))?;
    let hcm = ProvinceCode::parse("79").expect("a code");
    for (i, r) in hcmc.records.iter().enumerate() {
        let at = format!("{HCMC_FILE}: record {}", i + 1);
        let key = fold(&r.centre);
        let commune = cat
            .communes
            .iter_mut()
            .find(|c| c.province == hcm && fold(&c.name) == key)
            .ok_or_else(|| format!("{at}: no commune {:?} in Thành phố Hồ Chí Minh", r.centre))?;
        let cite = || vec![Citation { url: r.source_url.trim().into(), date: r.source_date.trim().into() }];
        for (field, value) in [(ReportedField::Address, &r.address), (ReportedField::Hotline, &r.hotline)] {
            if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                push(
                    &mut commune.centre.reported,
                    Reported {
                        field,
                        value: v.into(),
                        source: "hcmc-tb243-2025".into(),
                        citations: cite(),
                        trust: "official notice, partial".into(),
                        note: None,
                    },
                );
            }
        }
        commune.centre.source.get_or_insert_with(|| "hcmc-tb243-2025".into());
        added.communes += 1;
    }
    Ok(added)
}
