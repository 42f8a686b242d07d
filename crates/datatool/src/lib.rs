//! The data tool's library: reads the real sources under `data/sources/`,
//! cleans and parses them into the catalogue model, validates, and writes the
//! static catalogue. Native only; the app never links it.

pub mod centres;
pub mod geography;
pub mod gz;
pub mod procedures;
pub mod search_data;
pub mod text;
pub mod validate;
pub mod write;

use cuaso_catalogue::format::Counts;
use cuaso_catalogue::model::*;
use std::path::Path;

/// Everything the catalogue holds, in memory.
pub struct Catalogue {
    pub sources: Vec<Source>,
    pub provinces: Vec<Province>,
    pub communes: Vec<Commune>,
    pub legacy_units: Vec<LegacyUnit>,
    pub procedures: Vec<Procedure>,
    /// The curated everyday names of procedures, for search.
    pub everyday: Vec<cuaso_search::data::EverydayName>,
    /// The curated life events and their procedures (`su-kien.json`).
    pub life_events: Vec<LifeEvent>,
}

impl Catalogue {
    pub fn counts(&self) -> Counts {
        let centres = self.provinces.iter().map(|p| &p.centre).chain(self.communes.iter().map(|c| &c.centre));
        Counts {
            provinces: self.provinces.len() as u32,
            communes: self.communes.len() as u32,
            legacy_units: self.legacy_units.len() as u32,
            procedures: self.procedures.len() as u32,
            centres_published: centres.filter(|c| c.is_published()).count() as u32,
            support_points: self.communes.iter().map(|c| c.support_points.len() as u32).sum(),
        }
    }
}

/// What reading the sources found, for the summary.
pub struct ReadReport {
    pub expected: validate::Expected,
    pub code_disagreements: Vec<(String, String, String)>,
    pub danang: centres::Report,
    pub coverage: procedures::Coverage,
    /// Records that could not be converted, with the reason.
    pub rejected: Vec<String>,
}

/// Reads every source under `dir` (normally `data/sources`).
pub fn read_sources(dir: &Path) -> Result<(Catalogue, ReadReport), String> {
    let sources: Vec<Source> = gz::read_json(&dir.join("sources.json"))?;
    let geo = geography::read(&dir.join("geography"))?;
    let mut communes = geo.communes;
    let danang = centres::apply_danang(&dir.join("centers/danang"), &mut communes)?;
    let raw = procedures::read_source(&dir.join("procedures/dichvucong.jsonl.gz"))?;
    let mut coverage = procedures::Coverage::default();
    let mut rejected = Vec::new();
    let mut procs = Vec::with_capacity(raw.len());
    for r in &raw {
        match procedures::to_procedure(r, "dvc-2026") {
            Ok(p) => {
                coverage.add(&p);
                procs.push(p);
            }
            Err(e) => rejected.push(format!("procedures/dichvucong.jsonl.gz: {}: {e}", r.ma_thu_tuc)),
        }
    }
    let expected = validate::Expected {
        provinces: geo.provinces.len(),
        communes: communes.len(),
        legacy_units: geo.legacy_units.len(),
        procedures: raw.len(),
    };
    let everyday = gz::read_json(&dir.join("curated/everyday-names.json"))?;
    let life_events = gz::read_json(&dir.join("curated/life-events.json"))?;
    let cat = Catalogue {
        sources,
        provinces: geo.provinces,
        communes,
        legacy_units: geo.legacy_units,
        procedures: procs,
        everyday,
        life_events,
    };
    Ok((cat, ReadReport { expected, code_disagreements: geo.code_disagreements, danang, coverage, rejected }))
}
