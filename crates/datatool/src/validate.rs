//! Validation: refuse to write a broken catalogue, and say exactly what is
//! wrong — file, record, field.

use crate::Catalogue;
use cuaso_catalogue::model::*;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One problem found in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The output file the record would be written to.
    pub file: String,
    /// The record's code or name.
    pub record: String,
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}: {}", self.file, self.record, self.field, self.message)
    }
}

/// How many records the sources hold, which the catalogue must match exactly.
#[derive(Clone, Copy, Debug)]
pub struct Expected {
    pub provinces: usize,
    pub communes: usize,
    pub legacy_units: usize,
    pub procedures: usize,
}

/// Every problem in `cat`; empty means it may be written.
pub fn validate(cat: &Catalogue, expected: Expected) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut problem = |file: &str, record: &str, field: &'static str, message: String| {
        out.push(Problem { file: file.into(), record: record.into(), field, message })
    };
    let sources: HashSet<&str> = cat.sources.iter().map(|s| s.id.as_str()).collect();

    for (what, got, want) in [
        ("provinces", cat.provinces.len(), expected.provinces),
        ("communes", cat.communes.len(), expected.communes),
        ("legacy units", cat.legacy_units.len(), expected.legacy_units),
        ("procedures", cat.procedures.len(), expected.procedures),
    ] {
        if got != want {
            problem("catalogue.json", what, "counts", format!("{got} records but the sources hold {want}"));
        }
    }

    let mut province_codes = HashSet::new();
    for p in &cat.provinces {
        if !province_codes.insert(&p.code) {
            problem("provinces.json", p.code.as_str(), "code", "duplicate province code".into());
        }
        if !sources.contains(p.source.as_str()) {
            problem("provinces.json", p.code.as_str(), "source", format!("unknown source {:?}", p.source));
        }
    }

    let mut communes_per_province: HashMap<&ProvinceCode, u32> = HashMap::new();
    let mut commune_codes = HashMap::new();
    for c in &cat.communes {
        let file = format!("tinh/{}.json", c.province);
        if commune_codes.insert(&c.code, &c.province).is_some() {
            problem(&file, c.code.as_str(), "code", "duplicate commune code".into());
        }
        if !province_codes.contains(&c.province) {
            problem(&file, c.code.as_str(), "province", format!("unknown province {}", c.province));
        }
        *communes_per_province.entry(&c.province).or_default() += 1;
        if let Some(s) = &c.centre.source {
            if !sources.contains(s.as_str()) {
                problem(&file, c.code.as_str(), "centre.source", format!("unknown source {s:?}"));
            }
        }
        if c.centre.is_published() && c.centre.source.is_none() {
            problem(&file, c.code.as_str(), "centre.source", "published contact details without a source".into());
        }
    }
    for p in &cat.provinces {
        let n = communes_per_province.get(&p.code).copied().unwrap_or(0);
        if n != p.commune_count {
            problem("provinces.json", p.code.as_str(), "commune_count", format!("says {} but {n} communes refer to it", p.commune_count));
        }
    }

    for u in &cat.legacy_units {
        let record = format!("{} ({}, {})", u.code.as_ref().map_or("-", |c| c.as_str()), u.name, u.district);
        let file = "tinh/*.json legacy_units";
        if u.targets.is_empty() {
            problem(file, &record, "targets", "an old unit without a new commune".into());
        }
        let defaults = u.targets.iter().filter(|t| t.default).count();
        if defaults != 1 {
            problem(file, &record, "targets", format!("{defaults} default targets; exactly one required"));
        }
        let mut seen = HashSet::new();
        for t in &u.targets {
            if !commune_codes.contains_key(&t.commune) {
                problem(file, &record, "targets", format!("unknown commune {}", t.commune));
            }
            if !seen.insert(&t.commune) {
                problem(file, &record, "targets", format!("commune {} listed twice", t.commune));
            }
        }
    }

    let mut procedure_codes = HashSet::new();
    for p in &cat.procedures {
        let file = format!("thu-tuc/{}.json", p.code);
        if !procedure_codes.insert(&p.code) {
            problem(&file, p.code.as_str(), "code", "duplicate procedure code".into());
        }
        if p.name.trim().is_empty() {
            problem(&file, p.code.as_str(), "name", "empty name".into());
        }
        if p.levels.is_empty() {
            problem(&file, p.code.as_str(), "levels", "no level (cấp thực hiện)".into());
        }
        if !p.official_url.starts_with("https://") {
            problem(&file, p.code.as_str(), "official_url", format!("not an https URL: {:?}", p.official_url));
        }
        if !sources.contains(p.source.as_str()) {
            problem(&file, p.code.as_str(), "source", format!("unknown source {:?}", p.source));
        }
    }
    let centres = cat.provinces.iter().map(|p| (&p.centre, "provinces.json".to_string()))
        .chain(cat.communes.iter().map(|c| (&c.centre, format!("tinh/{}.json", c.province))));
    for (centre, file) in centres {
        if let ReceiveRule::Listed(codes) = &centre.receives {
            for code in codes.iter().filter(|c| !procedure_codes.contains(c)) {
                problem(&file, &centre.id, "receives", format!("unknown procedure {code}"));
            }
        }
    }
    out
}
