//! The compact records the search engine indexes (`search-core.tsv`, `search-legacy.tsv`), and the
//! curated table of everyday names (`data/sources/curated/everyday-names.json`).

use crate::Catalogue;
use cuaso_catalogue::model::ProcedureKind;
use cuaso_search::data::*;
use std::collections::HashMap;

pub fn search_data(cat: &Catalogue) -> SearchData {
    let mut everyday: HashMap<&str, Vec<String>> = HashMap::new();
    for e in &cat.everyday {
        for code in &e.codes {
            everyday.entry(code.as_str()).or_default().push(e.phrase.clone());
        }
    }
    SearchData {
        provinces: cat
            .provinces
            .iter()
            .map(|p| ProvinceRec {
                code: p.code.clone(),
                name: p.name.clone(),
                short_name: p.short_name.clone(),
                merged_from: p.merged_from.clone(),
            })
            .collect(),
        communes: cat
            .communes
            .iter()
            .map(|c| CommuneRec { code: c.code.clone(), name: c.name.clone(), province: c.province.clone() })
            .collect(),
        legacy: cat
            .legacy_units
            .iter()
            .map(|u| {
                let mut targets: Vec<_> = u.targets.iter().collect();
                targets.sort_by_key(|t| !t.default);
                LegacyRec {
                    code: u.code.clone(),
                    name: u.name.clone(),
                    district: u.district.clone(),
                    province: u.province.clone(),
                    targets: targets.into_iter().map(|t| t.commune.clone()).collect(),
                }
            })
            .collect(),
        // Internal procedures (between state bodies) are not for citizens.
        procedures: cat
            .procedures
            .iter()
            .filter(|p| p.kind != ProcedureKind::Internal)
            .map(|p| {
                let s = p.summary();
                ProcedureRec {
                    everyday: everyday.remove(s.code.as_str()).unwrap_or_default(),
                    code: s.code,
                    name: s.name,
                    field: s.field,
                    levels: s.levels,
                    channels: s.channels,
                    name_en: p.english.as_ref().map(|e| e.name.clone()),
                    aliases_en: p.english.as_ref().map(|e| e.aliases.clone()).unwrap_or_default(),
                    province: (p.kind == ProcedureKind::Provincial).then(|| p.province.clone()).flatten(),
                }
            })
            .collect(),
    }
}
