//! The data tool's library: reads the real sources under `data/sources/`,
//! cleans and parses them into the catalogue model, validates, and writes the
//! static catalogue. Native only; the app never links it.

pub mod documents;
pub mod english;
pub mod feeds;
#[cfg(test)]
mod fixtures;
pub mod geography;
pub mod gz;
pub mod import;
pub mod portal_catalogue;
pub mod procedures;
pub mod reported;
pub mod search_data;
pub mod structured;
pub mod text;
pub mod validate;
pub mod write;

use cuaso_catalogue::format::{Counts, Publisher};
use cuaso_catalogue::model::*;
use std::collections::BTreeMap;
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
    /// Provinces' own procedure lists, from their feeds.
    pub local_procedures: BTreeMap<ProvinceCode, Vec<LocalProcedure>>,
    /// Who publishes this catalogue (`publisher.json`), shown in the app's footer.
    pub publisher: Option<Publisher>,
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
    /// The provincial feeds merged: province, its name, what each added.
    pub feeds: Vec<(ProvinceCode, String, feeds::Added)>,
    pub coverage: procedures::Coverage,
    /// Centres and lines reported by public sources.
    pub reported: reported::Added,
    /// How the portal's catalogue merged with the crawl.
    pub catalogue: portal_catalogue::MergeReport,
    /// How the portal's structured records filled and compared.
    pub structured: structured::CrossCheck,
    /// Records that could not be converted, with the reason.
    pub rejected: Vec<String>,
}

/// Reads every source under `dir` (normally `data/sources`), provincial feeds included.
pub fn read_sources(dir: &Path) -> Result<(Catalogue, ReadReport), String> {
    let (mut cat, mut report) = read_base(dir)?;
    for (code, feed) in read_feeds(dir, &cat)? {
        let name = cat.provinces.iter().find(|p| p.code == code).map_or_else(String::new, |p| p.name.clone());
        feeds::apply(&feed, &mut cat);
        report.feeds.push((code, name, feed.added()));
    }
    Ok((cat, report))
}

/// The normalized feeds under `dir/feeds/{province}/feed.json`, each checked
/// again against the catalogue: one bad feed fails the build, with its report.
pub fn read_feeds(dir: &Path, base: &Catalogue) -> Result<Vec<(ProvinceCode, feeds::Feed)>, String> {
    let root = dir.join("feeds");
    let mut folders: Vec<_> = match std::fs::read_dir(&root) {
        Ok(entries) => entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect(),
        Err(_) => return Ok(vec![]),
    };
    folders.sort();
    let reference = feeds::Reference::of(base);
    let mut out = Vec::new();
    for folder in folders {
        let path = folder.join(feeds::JSON_FILE);
        let raw = feeds::read(&path);
        let (feed, issues) = feeds::check(&raw, &reference);
        let Some(feed) = feed else {
            return Err(format!(
                "{}: the feed does not check; nothing written\n{}",
                path.display(),
                feeds::report_table(&issues, feeds::Lang::En)
            ));
        };
        if folder.file_name().and_then(|n| n.to_str()) != Some(feed.meta.province.as_str()) {
            return Err(format!(
                "{}: a feed for province {} must be in feeds/{}/",
                path.display(),
                feed.meta.province,
                feed.meta.province
            ));
        }
        if feed.provenance.is_none() {
            return Err(format!("{}: no provenance; add feeds with `cuaso-data import`", path.display()));
        }
        out.push((feed.meta.province.clone(), feed));
    }
    Ok(out)
}

/// Reads the national sources under `dir`, without the provincial feeds.
pub fn read_base(dir: &Path) -> Result<(Catalogue, ReadReport), String> {
    let sources: Vec<Source> = gz::read_json(&dir.join("sources.json"))?;
    let geo = geography::read(&dir.join("geography"))?;
    let communes = geo.communes;
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
    let entries = portal_catalogue::read(&dir.join(portal_catalogue::FILE))?;
    // Counted from the raw records, apart from the merge, so that a record the
    // merge loses fails validation.
    let codes: std::collections::HashSet<&str> =
        raw.iter().map(|r| r.ma_thu_tuc.trim()).chain(entries.iter().map(|e| e.code.trim())).collect();
    let (mut procs, catalogue) = portal_catalogue::merge(procs, &entries, &geo.provinces, &mut rejected);
    let records = structured::read(&dir.join(structured::FILE))?;
    let structured = structured::apply(&mut procs, &records);
    rejected.extend(structured.unknown.iter().map(|c| format!("{}: {c}: no source lists this code", structured::FILE)));
    let expected = validate::Expected {
        provinces: geo.provinces.len(),
        communes: communes.len(),
        legacy_units: geo.legacy_units.len(),
        procedures: codes.len(),
    };
    let english: Vec<english::Entry> = gz::read_json(&dir.join(english::FILE))?;
    english::apply(&english, &mut procs).map_err(|ps| {
        let lines: Vec<String> = ps.iter().map(|p| format!("invalid: {p}")).collect();
        format!("{} problems in {}; nothing written\n{}", ps.len(), english::FILE, lines.join("\n"))
    })?;
    let everyday = gz::read_json(&dir.join("curated/everyday-names.json"))?;
    let mut life_events: Vec<LifeEvent> = gz::read_json(&dir.join("curated/life-events.json"))?;
    english::name_life_events(&mut life_events, &procs);
    let publisher_path = dir.join("publisher.json");
    let publisher = if publisher_path.is_file() { Some(gz::read_json(&publisher_path)?) } else { None };
    let mut cat = Catalogue {
        sources,
        provinces: geo.provinces,
        communes,
        legacy_units: geo.legacy_units,
        procedures: procs,
        everyday,
        life_events,
        local_procedures: BTreeMap::new(),
        publisher,
    };
    let reported = reported::apply(dir, &mut cat)?;
    Ok((
        cat,
        ReadReport {
            expected,
            code_disagreements: geo.code_disagreements,
            feeds: vec![],
            coverage,
            catalogue,
            structured,
            reported,
            rejected,
        },
    ))
}

/// Today's date (UTC) as `YYYY-MM-DD`, or `SOURCE_DATE_EPOCH`'s for reproducible builds.
pub fn today() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.parse::<i64>().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
    });
    // Howard Hinnant's days-to-civil algorithm.
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}
