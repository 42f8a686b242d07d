//! The filter of `/duong-day-nong`: a name typed, with or without accents or
//! as Telex/VNI keystrokes, keeps the provinces whose name (or a merged
//! province's name) matches whole, and of the others the communes that match.

use cuaso_catalogue::format::CommuneRow;
use cuaso_catalogue::model::{CommuneCode, Province, ProvinceCode};
use cuaso_catalogue::text::{fold, sort_key};
use std::collections::HashMap;

/// The filter opens a province's list by itself when its communes match and
/// at most this many provinces have matching communes (each opening fetches
/// a province file).
pub const AUTO_OPEN: usize = 3;

/// A province with the folded keys the filter compares against.
pub struct Entry {
    pub province: Province,
    /// Folded name, short name and the names of the provinces merged into it.
    keys: Vec<String>,
    /// Its communes: folded name and code, in the order of `communes.json`.
    communes: Vec<(String, CommuneCode)>,
}

/// What the filter keeps of a province.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// No filter, or the province's name matches: everything published.
    All,
    /// Only these communes match (by name).
    Communes(Vec<CommuneCode>),
    Hidden,
}

/// A province the filter keeps, and whether its list opens by itself.
pub struct Kept<'a> {
    pub entry: &'a Entry,
    pub shown: Shown,
    pub auto_open: bool,
}

/// Every province with its communes, sorted by short name.
pub struct Index {
    pub entries: Vec<Entry>,
}

impl Index {
    pub fn new(provinces: &[Province], communes: &[CommuneRow]) -> Index {
        let mut by_province: HashMap<&ProvinceCode, Vec<(String, CommuneCode)>> = HashMap::new();
        for r in communes {
            by_province.entry(&r.province).or_default().push((fold(&r.name), r.code.clone()));
        }
        let mut entries: Vec<Entry> = provinces
            .iter()
            .map(|p| {
                let mut keys = vec![fold(&p.name), fold(&p.short_name)];
                keys.extend(p.merged_from.iter().map(|m| fold(m)));
                Entry { province: p.clone(), keys, communes: by_province.remove(&p.code).unwrap_or_default() }
            })
            .collect();
        entries.sort_by_cached_key(|e| sort_key(&e.province.short_name));
        Index { entries }
    }

    /// The provinces `q` keeps, in order.
    pub fn filter(&self, q: &str) -> Vec<Kept<'_>> {
        let keys = filter_keys(q);
        let kept: Vec<(&Entry, Shown)> =
            self.entries.iter().map(|e| (e, shown(e, &keys))).filter(|(_, s)| *s != Shown::Hidden).collect();
        let by_commune = kept.iter().filter(|(_, s)| matches!(s, Shown::Communes(_))).count();
        kept.into_iter()
            .map(|(entry, shown)| {
                let auto_open = by_commune <= AUTO_OPEN && matches!(shown, Shown::Communes(_));
                Kept { entry, shown, auto_open }
            })
            .collect()
    }
}

/// The folded keys of what was typed: as typed, and read as Telex or VNI
/// keystrokes when it is ("hai chaau" → "hải châu"), for a keyboard
/// without a Vietnamese input method.
fn filter_keys(q: &str) -> Vec<String> {
    let mut keys = vec![fold(q), fold(&cuaso_search::input::decode(q))];
    keys.dedup();
    keys
}

fn shown(e: &Entry, keys: &[String]) -> Shown {
    let matches = |name: &String| keys.iter().any(|key| name.contains(key.as_str()));
    if keys.iter().any(|k| k.is_empty()) || e.keys.iter().any(matches) {
        return Shown::All;
    }
    let codes: Vec<CommuneCode> = e.communes.iter().filter(|(k, _)| matches(k)).map(|(_, c)| c.clone()).collect();
    if codes.is_empty() {
        Shown::Hidden
    } else {
        Shown::Communes(codes)
    }
}
