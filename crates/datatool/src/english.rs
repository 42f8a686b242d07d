//! The curated table of English names (`data/sources/curated/english-names.json`):
//! one entry per procedure, checked against the catalogue and carried into
//! the procedure files, the life events and the search records.
//!
//! What must hold, or the build stops naming the entry: every code is a
//! procedure of the catalogue, listed once; `vi` is the catalogue's name
//! verbatim (so a renamed procedure is caught and its translation reviewed);
//! `en` and `source` are not empty; no alias is empty or listed twice.

use crate::validate::Problem;
use cuaso_catalogue::model::{EnglishName, Procedure};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// The table's path under `data/sources`.
pub const FILE: &str = "curated/english-names.json";

/// One entry of the table.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// "1.001193"
    pub code: String,
    /// The catalogue's Vietnamese name, verbatim: "Thủ tục đăng ký khai sinh".
    pub vi: String,
    /// "Birth registration"
    pub en: String,
    /// Everyday English a user would type: "birth certificate", "register a birth".
    pub aliases: Vec<String>,
    /// "translated by the project", or where the translation was published.
    pub source: String,
}

/// Checks `entries` against `procedures` and, when every entry is sound,
/// gives each procedure its English name. On any problem nothing is applied
/// and every problem is returned.
pub fn apply(entries: &[Entry], procedures: &mut [Procedure]) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let mut problem = |e: &Entry, field: &'static str, message: String| {
        problems.push(Problem { file: FILE.into(), record: e.code.clone(), field, message })
    };
    let by_code: HashMap<&str, usize> = procedures.iter().enumerate().map(|(i, p)| (p.code.as_str(), i)).collect();
    let mut seen = HashSet::new();
    let mut found = Vec::with_capacity(entries.len());
    for e in entries {
        if !seen.insert(e.code.as_str()) {
            problem(e, "code", "listed twice".into());
        }
        match by_code.get(e.code.as_str()) {
            None => problem(e, "code", "no procedure with this code in the catalogue".into()),
            Some(&i) => {
                let name = &procedures[i].name;
                if &e.vi != name {
                    problem(
                        e,
                        "vi",
                        format!(
                            "{:?} is not the catalogue's name {name:?}; review the translation and copy the name",
                            e.vi
                        ),
                    );
                }
                found.push((i, e));
            }
        }
        if e.en.trim().is_empty() {
            problem(e, "en", "empty English name".into());
        }
        if e.source.trim().is_empty() {
            problem(e, "source", "empty; say \"translated by the project\" or name the source".into());
        }
        let mut aliases = HashSet::new();
        for a in &e.aliases {
            if a.trim().is_empty() {
                problem(e, "aliases", "an empty alias".into());
            } else if !aliases.insert(a.trim().to_lowercase()) {
                problem(e, "aliases", format!("{a:?} listed twice"));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for (i, e) in found {
        procedures[i].english = Some(EnglishName {
            name: e.en.trim().to_string(),
            aliases: e.aliases.iter().map(|a| a.trim().to_string()).collect(),
            source: e.source.trim().to_string(),
        });
    }
    Ok(())
}

/// Gives each life event the English names of its procedures.
pub fn name_life_events(events: &mut [cuaso_catalogue::model::LifeEvent], procedures: &[Procedure]) {
    let names: HashMap<&str, &str> =
        procedures.iter().filter_map(|p| Some((p.code.as_str(), p.english.as_ref()?.name.as_str()))).collect();
    for e in events {
        e.names_en = e.codes.iter().filter_map(|c| Some((c.to_string(), names.get(c.as_str())?.to_string()))).collect();
    }
}

/// How many procedures have an English name: all, the nationwide ones done
/// at commune level, those of a life event (each a pair named / total). A
/// province's own procedure ([`cuaso_catalogue::model::ProcedureKind::Provincial`], 165 at commune
/// level since the portal's structured records gave them levels) is named by
/// its province in Vietnamese only and is outside the curated table's scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub named: usize,
    pub commune: (usize, usize),
    pub life_events: (usize, usize),
}

pub fn coverage(cat: &crate::Catalogue) -> Coverage {
    let in_events: HashSet<_> = cat.life_events.iter().flat_map(|e| &e.codes).collect();
    let (mut commune, mut life_events) = ((0, 0), (0, 0));
    for p in &cat.procedures {
        let named = usize::from(p.english.is_some());
        if p.levels.contains(&cuaso_catalogue::model::Level::Commune)
            && p.kind != cuaso_catalogue::model::ProcedureKind::Provincial
        {
            commune = (commune.0 + named, commune.1 + 1);
        }
        if in_events.contains(&p.code) {
            life_events = (life_events.0 + named, life_events.1 + 1);
        }
    }
    Coverage { named: cat.procedures.iter().filter(|p| p.english.is_some()).count(), commune, life_events }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    fn entry(code: &str, vi: &str, en: &str) -> Entry {
        Entry {
            code: code.into(),
            vi: vi.into(),
            en: en.into(),
            aliases: vec!["birth certificate".into()],
            source: "translated by the project".into(),
        }
    }

    fn procedures() -> Vec<Procedure> {
        vec![
            fixtures::procedure("1.001193", "Thủ tục đăng ký khai sinh"),
            fixtures::procedure("1.000656", "Thủ tục đăng ký khai tử"),
        ]
    }

    /// The problems `entries` raise, as "code: field: message".
    fn refused(entries: &[Entry]) -> Vec<String> {
        let mut ps = procedures();
        let found = apply(entries, &mut ps).expect_err("refused");
        assert!(ps.iter().all(|p| p.english.is_none()), "nothing applied when refused");
        found.iter().map(|p| format!("{}: {}: {}", p.record, p.field, p.message)).collect()
    }

    #[test]
    fn a_sound_table_names_its_procedures_and_only_them() {
        let mut ps = procedures();
        apply(&[entry("1.001193", "Thủ tục đăng ký khai sinh", " Birth registration ")], &mut ps).unwrap();
        let en = ps[0].english.as_ref().unwrap();
        assert_eq!((en.name.as_str(), en.source.as_str()), ("Birth registration", "translated by the project"));
        assert_eq!(en.aliases, vec!["birth certificate"]);
        assert_eq!(ps[1].english, None);
    }

    #[test]
    fn a_renamed_procedure_is_caught_by_its_code() {
        let found = refused(&[entry("1.001193", "Đăng ký khai sinh", "Birth registration")]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("1.001193: vi: ") && found[0].contains("Thủ tục đăng ký khai sinh"), "{found:?}");
    }

    #[test]
    fn unknown_duplicate_and_empty_entries_are_refused() {
        let good = entry("1.001193", "Thủ tục đăng ký khai sinh", "Birth registration");
        let found = refused(&[entry("9.999999", "X", "Y")]);
        assert_eq!(found, vec!["9.999999: code: no procedure with this code in the catalogue"]);
        let found = refused(&[good.clone(), good.clone()]);
        assert_eq!(found, vec!["1.001193: code: listed twice"]);
        let found = refused(&[entry("1.001193", "Thủ tục đăng ký khai sinh", "  ")]);
        assert_eq!(found, vec!["1.001193: en: empty English name"]);
        let found = refused(&[Entry { source: "".into(), ..good.clone() }]);
        assert!(found[0].starts_with("1.001193: source: empty"), "{found:?}");
        let found = refused(&[Entry { aliases: vec!["ID card".into(), "id card ".into(), " ".into()], ..good }]);
        assert_eq!(found, vec!["1.001193: aliases: \"id card \" listed twice", "1.001193: aliases: an empty alias"]);
    }
}
