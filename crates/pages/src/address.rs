//! `/tra-cuu-dia-chi`: "which commune am I in now?" — the pre-2025 units among
//! the search engine's hits for an old address, each with the new commune(s)
//! it went to, and the new units whose name matches.

use cuaso_catalogue::model::{CommuneCode, ProvinceCode};
use cuaso_route::Route;
use cuaso_search::data::SearchData;
use cuaso_search::{Engine, Filters, HitKind};

/// Hits asked of the engine: old units compete with procedures and new
/// communes for the places, so ask for many and keep the old units.
pub const ASK: usize = 60;
/// Old units shown.
pub const MAX_LEGACY: usize = 10;
/// New communes and provinces shown under "this is also the name of…".
pub const MAX_NEW: usize = 5;

/// A new commune an old unit went to, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Successor {
    pub code: CommuneCode,
    /// `None` if the commune is missing from the data (never expected).
    pub name: Option<String>,
    pub province: Option<String>,
    pub default: bool,
}

/// An old unit and where it went.
#[derive(Clone, Debug, PartialEq)]
pub struct OldUnit {
    pub name: String,
    pub district: String,
    pub province: String,
    pub successors: Vec<Successor>,
}

/// A new commune or province whose name matches.
#[derive(Clone, Debug, PartialEq)]
pub struct NewUnit {
    pub route: Option<Route>,
    pub name: String,
    /// The province of a commune; empty for a province.
    pub province: String,
}

fn province_name(data: &SearchData, code: &ProvinceCode) -> Option<String> {
    data.provinces.iter().find(|p| p.code == *code).map(|p| p.name.clone())
}

/// The old units matching `q` (best first) and the new units whose name matches.
pub fn lookup(engine: &Engine, q: &str) -> (Vec<OldUnit>, Vec<NewUnit>) {
    let data = engine.data();
    let hits = engine.search(q, &Filters::default(), ASK);
    let old = hits
        .iter()
        .filter(|h| h.kind == HitKind::Legacy)
        .take(MAX_LEGACY)
        .map(|h| {
            let l = &data.legacy[h.record];
            let successors = l
                .targets
                .iter()
                .enumerate()
                .map(|(i, code)| {
                    let commune = data.communes.iter().find(|c| &c.code == code);
                    Successor {
                        code: code.clone(),
                        name: commune.map(|c| c.name.clone()),
                        province: commune.and_then(|c| province_name(data, &c.province)),
                        default: i == 0,
                    }
                })
                .collect();
            OldUnit { name: l.name.clone(), district: l.district.clone(), province: l.province.clone(), successors }
        })
        .collect();
    let new = hits
        .iter()
        .filter(|h| matches!(h.kind, HitKind::Commune | HitKind::Province))
        .take(MAX_NEW)
        .map(|h| match h.kind {
            HitKind::Commune => {
                let c = &data.communes[h.record];
                NewUnit {
                    route: h.target.clone(),
                    name: c.name.clone(),
                    province: province_name(data, &c.province).unwrap_or_default(),
                }
            }
            _ => NewUnit {
                route: h.target.clone(),
                name: data.provinces[h.record].name.clone(),
                province: String::new(),
            },
        })
        .collect();
    (old, new)
}
