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
/// Where reports may go: `mailto:` one address, or an `https://` page with a
/// host; no spaces or control characters.
fn is_report_destination(to: &str) -> bool {
    let clean = !to.is_empty() && !to.chars().any(|c| c.is_control() || c.is_whitespace() || c == '"');
    let ok = match (to.strip_prefix("mailto:"), to.strip_prefix("https://")) {
        (Some(address), _) => {
            address.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
                && !address.contains(['?', ',', '/'])
        }
        (_, Some(rest)) => rest.split(['/', '?', '#']).next().is_some_and(|host| host.contains('.')),
        _ => false,
    };
    clean && ok
}

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

    if let Some(to) = cat.publisher.as_ref().and_then(|p| p.report.as_deref()) {
        if !is_report_destination(to) {
            problem(
                "publisher.json",
                "publisher",
                "report",
                format!("not a mailto: address or an https:// page: {to:?}"),
            );
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
        for s in c.support_points.iter().filter(|s| !sources.contains(s.source.as_str())) {
            problem(&file, c.code.as_str(), "support_points.source", format!("unknown source {:?}", s.source));
        }
    }
    for p in &cat.provinces {
        let n = communes_per_province.get(&p.code).copied().unwrap_or(0);
        if n != p.commune_count {
            problem(
                "provinces.json",
                p.code.as_str(),
                "commune_count",
                format!("says {} but {n} communes refer to it", p.commune_count),
            );
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
        // A catalogue-only procedure has no level: the catalogue does not give one.
        if p.levels.is_empty() && !p.catalogue_only {
            problem(&file, p.code.as_str(), "levels", "no level (cấp thực hiện)".into());
        }
        match &p.province {
            Some(code) if !province_codes.contains(code) => {
                problem(&file, p.code.as_str(), "province", format!("unknown province {code}"))
            }
            None if p.kind == ProcedureKind::Provincial => problem(
                &file,
                p.code.as_str(),
                "province",
                format!("a province's own procedure whose publisher {:?} names no known province", p.publisher),
            ),
            _ => {}
        }
        if !p.official_url.starts_with("https://") {
            problem(&file, p.code.as_str(), "official_url", format!("not an https URL: {:?}", p.official_url));
        }
        if !sources.contains(p.source.as_str()) {
            problem(&file, p.code.as_str(), "source", format!("unknown source {:?}", p.source));
        }
    }
    for (i, e) in cat.everyday.iter().enumerate() {
        let record = format!("#{} {:?}", i + 1, e.phrase);
        let file = "curated/everyday-names.json";
        if e.phrase.trim().is_empty() || e.reason.trim().is_empty() {
            problem(file, &record, "phrase", "an everyday name needs a phrase and a reason".into());
        }
        if e.codes.is_empty() {
            problem(file, &record, "codes", "points at no procedure".into());
        }
        for code in &e.codes {
            if !procedure_codes.contains(code) {
                problem(file, &record, "codes", format!("unknown procedure {code}"));
            }
        }
    }
    let mut slugs = HashSet::new();
    for (i, e) in cat.life_events.iter().enumerate() {
        let record = format!("#{} {:?}", i + 1, e.slug);
        let file = "curated/life-events.json";
        if e.slug.is_empty() || !e.slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            problem(file, &record, "slug", "a slug is made of a-z, 0-9 and '-' only".into());
        }
        if !slugs.insert(e.slug.as_str()) {
            problem(file, &record, "slug", "duplicate slug".into());
        }
        for (field, text) in
            [("name", &e.name), ("name_en", &e.name_en), ("summary", &e.summary), ("summary_en", &e.summary_en)]
        {
            if text.trim().is_empty() {
                problem(file, &record, field, "empty; every event needs a name and a summary in both languages".into());
            }
        }
        if e.codes.is_empty() {
            problem(file, &record, "codes", "lists no procedure".into());
        }
        let mut seen = HashSet::new();
        for code in &e.codes {
            if !procedure_codes.contains(code) {
                problem(file, &record, "codes", format!("unknown procedure {code}"));
            }
            if !seen.insert(code) {
                problem(file, &record, "codes", format!("procedure {code} listed twice"));
            }
        }
    }
    let centres = cat
        .provinces
        .iter()
        .map(|p| (&p.centre, "provinces.json".to_string()))
        .chain(cat.communes.iter().map(|c| (&c.centre, format!("tinh/{}.json", c.province))));
    for (centre, file) in centres {
        for r in centre.reported.iter().filter(|r| !sources.contains(r.source.as_str())) {
            problem(&file, &centre.id, "reported.source", format!("unknown source {:?}", r.source));
        }
        if let ReceiveRule::Listed(codes) = &centre.receives {
            for code in codes.iter().filter(|c| !procedure_codes.contains(c)) {
                problem(&file, &centre.id, "receives", format!("unknown procedure {code}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    //! Each refusal, on a small hand-made catalogue (a test fixture, never shipped).
    use super::*;
    use crate::fixtures;
    use crate::geography::empty_centre;

    fn province(code: &str, communes: u32) -> Province {
        Province {
            code: ProvinceCode::parse(code).unwrap(),
            name: format!("Tỉnh {code}"),
            short_name: code.into(),
            kind: ProvinceKind::Province,
            phone_area_code: None,
            centroid: None,
            commune_count: communes,
            merged_from: vec![],
            centre: empty_centre(CentreLevel::Province, format!("tinh-{code}"), "TT".into()),
            source: "s".into(),
        }
    }

    fn commune(code: &str, province: &str) -> Commune {
        Commune {
            code: CommuneCode::parse(code).unwrap(),
            name: format!("Xã {code}"),
            kind: UnitKind::Commune,
            province: ProvinceCode::parse(province).unwrap(),
            centroid: None,
            area_km2: None,
            centre: empty_centre(CentreLevel::Commune, format!("xa-{code}"), "TT".into()),
            support_points: vec![],
            source: "s".into(),
        }
    }

    fn target(code: &str, default: bool) -> LegacyTarget {
        LegacyTarget { commune: CommuneCode::parse(code).unwrap(), default }
    }

    fn fixture() -> (Catalogue, Expected) {
        let cat = Catalogue {
            sources: vec![Source {
                id: "s".into(),
                name: "n".into(),
                name_en: "n".into(),
                publisher: "p".into(),
                url: None,
                date: "2025".into(),
                licence: "l".into(),
                caveat: None,
                feed: None,
            }],
            provinces: vec![province("01", 2)],
            communes: vec![commune("00001", "01"), commune("00002", "01")],
            legacy_units: vec![LegacyUnit {
                code: Some(LegacyCode::parse("00009").unwrap()),
                name: "Xã Cũ".into(),
                district: "Huyện Cũ".into(),
                province: "Tỉnh Cũ".into(),
                targets: vec![target("00001", false), target("00002", true)],
                source: "s".into(),
            }],
            procedures: vec![fixtures::procedure("1.000001", "Thủ tục")],
            everyday: vec![cuaso_search::data::EverydayName {
                phrase: "khai sinh".into(),
                codes: vec![ProcedureCode::parse("1.000001").unwrap()],
                reason: "r".into(),
            }],
            life_events: vec![LifeEvent {
                slug: "sinh-con".into(),
                name: "Sinh con".into(),
                name_en: "Having a baby".into(),
                summary: "Đăng ký khai sinh.".into(),
                summary_en: "Register the birth.".into(),
                codes: vec![ProcedureCode::parse("1.000001").unwrap()],
                names_en: Default::default(),
            }],
            local_procedures: Default::default(),
            publisher: None,
        };
        let expected = Expected { provinces: 1, communes: 2, legacy_units: 1, procedures: 1 };
        (cat, expected)
    }

    /// Applies `break_it` to the fixture and returns the problems, as (file, field, message).
    fn problems(break_it: impl FnOnce(&mut Catalogue, &mut Expected)) -> Vec<(String, &'static str, String)> {
        let (mut cat, mut expected) = fixture();
        break_it(&mut cat, &mut expected);
        validate(&cat, expected).into_iter().map(|p| (p.file, p.field, p.message)).collect()
    }

    fn assert_refused(found: Vec<(String, &'static str, String)>, file: &str, field: &str, message: &str) {
        assert!(
            found.iter().any(|(f, fi, m)| f == file && *fi == field && m.contains(message)),
            "expected {file}: {field}: …{message}…, got {found:?}"
        );
    }

    #[test]
    fn the_fixture_is_valid() {
        assert_eq!(problems(|_, _| {}), vec![]);
    }

    #[test]
    fn counts_that_do_not_match_the_sources() {
        let found = problems(|_, e| e.procedures = 2);
        assert_refused(found, "catalogue.json", "counts", "1 records but the sources hold 2");
    }

    #[test]
    fn duplicate_codes() {
        assert_refused(problems(|c, _| c.provinces.push(province("01", 0))), "provinces.json", "code", "duplicate");
        let found = problems(|c, e| {
            c.communes.push(commune("00002", "01"));
            e.communes = 3;
        });
        assert_refused(found, "tinh/01.json", "code", "duplicate commune code");
        let found = problems(|c, e| {
            c.procedures.push(fixtures::procedure("1.000001", "Thủ tục"));
            e.procedures = 2;
        });
        assert_refused(found, "thu-tuc/1.000001.json", "code", "duplicate procedure code");
    }

    #[test]
    fn unknown_province_reference() {
        let found = problems(|c, _| c.communes[1].province = ProvinceCode::parse("02").unwrap());
        assert_refused(found, "tinh/02.json", "province", "unknown province 02");
    }

    #[test]
    fn commune_count_that_does_not_add_up() {
        let found = problems(|c, _| c.provinces[0].commune_count = 3);
        assert_refused(found, "provinces.json", "commune_count", "says 3 but 2 communes refer to it");
    }

    #[test]
    fn former_unit_without_targets_or_with_a_bad_default() {
        let file = "tinh/*.json legacy_units";
        assert_refused(problems(|c, _| c.legacy_units[0].targets.clear()), file, "targets", "without a new commune");
        assert_refused(
            problems(|c, _| c.legacy_units[0].targets[0].default = true),
            file,
            "targets",
            "2 default targets",
        );
        assert_refused(
            problems(|c, _| c.legacy_units[0].targets[1].default = false),
            file,
            "targets",
            "0 default targets",
        );
        let found = problems(|c, _| c.legacy_units[0].targets[0] = target("00003", false));
        assert_refused(found, file, "targets", "unknown commune 00003");
        let found = problems(|c, _| c.legacy_units[0].targets[0] = target("00002", false));
        assert_refused(found, file, "targets", "listed twice");
    }

    #[test]
    fn reports_go_to_an_address_or_an_https_page() {
        let with = |to: &str| {
            problems(|c, _| {
                c.publisher = Some(cuaso_catalogue::format::Publisher {
                    name: "n".into(),
                    name_en: "n".into(),
                    url: None,
                    report: Some(to.into()),
                })
            })
        };
        for ok in ["mailto:gopy@example.gov.vn", "https://example.gov.vn/gop-y", "https://example.gov.vn"] {
            assert!(with(ok).is_empty(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "http://example.gov.vn",
            "mailto:",
            "mailto:a@b.vn?cc=x@y.vn",
            "https://",
            "gopy@example.gov.vn",
            "https://a b.vn",
        ] {
            assert_refused(with(bad), "publisher.json", "report", "not a mailto: address or an https:// page");
        }
    }

    #[test]
    fn procedure_without_name_level_or_https_page() {
        let file = "thu-tuc/1.000001.json";
        assert_refused(problems(|c, _| c.procedures[0].name = " ".into()), file, "name", "empty name");
        assert_refused(problems(|c, _| c.procedures[0].levels.clear()), file, "levels", "no level");
        let found = problems(|c, _| c.procedures[0].official_url = "javascript:alert(1)".into());
        assert_refused(found, file, "official_url", "not an https URL");
    }

    #[test]
    fn unknown_sources_and_unsourced_contacts() {
        assert_refused(
            problems(|c, _| c.provinces[0].source = "x".into()),
            "provinces.json",
            "source",
            "unknown source",
        );
        assert_refused(
            problems(|c, _| c.procedures[0].source = "x".into()),
            "thu-tuc/1.000001.json",
            "source",
            "unknown source",
        );
        let found = problems(|c, _| c.communes[0].centre.address = Some("Số 1".into()));
        assert_refused(found, "tinh/01.json", "centre.source", "without a source");
    }

    #[test]
    fn an_everyday_name_pointing_nowhere() {
        let file = "curated/everyday-names.json";
        let found = problems(|c, _| c.everyday[0].codes = vec![ProcedureCode::parse("9.999999").unwrap()]);
        assert_refused(found, file, "codes", "unknown procedure 9.999999");
        assert_refused(problems(|c, _| c.everyday[0].codes.clear()), file, "codes", "points at no procedure");
        assert_refused(
            problems(|c, _| c.everyday[0].reason = "".into()),
            file,
            "phrase",
            "needs a phrase and a reason",
        );
    }

    #[test]
    fn a_life_event_with_a_bad_slug_missing_text_or_unknown_procedure() {
        let file = "curated/life-events.json";
        for bad in ["", "Sinh-con", "sinh con", "sinh_con", "sinh-cơn", "../x"] {
            let found = problems(|c, _| c.life_events[0].slug = bad.into());
            assert_refused(found, file, "slug", "a-z, 0-9 and '-' only");
        }
        let found = problems(|c, _| {
            let again = c.life_events[0].clone();
            c.life_events.push(again)
        });
        assert_refused(found, file, "slug", "duplicate slug");
        assert_refused(problems(|c, _| c.life_events[0].name = " ".into()), file, "name", "both languages");
        assert_refused(problems(|c, _| c.life_events[0].name_en = "".into()), file, "name_en", "both languages");
        assert_refused(problems(|c, _| c.life_events[0].summary = "".into()), file, "summary", "both languages");
        let found = problems(|c, _| c.life_events[0].summary_en = "\n".into());
        assert_refused(found, file, "summary_en", "both languages");
        assert_refused(problems(|c, _| c.life_events[0].codes.clear()), file, "codes", "lists no procedure");
        let found = problems(|c, _| c.life_events[0].codes.push(ProcedureCode::parse("9.999999").unwrap()));
        assert_refused(found, file, "codes", "unknown procedure 9.999999");
        let found = problems(|c, _| {
            let again = c.life_events[0].codes[0].clone();
            c.life_events[0].codes.push(again)
        });
        assert_refused(found, file, "codes", "listed twice");
    }

    #[test]
    fn a_centre_listing_an_unknown_procedure() {
        let found = problems(|c, _| {
            c.communes[0].centre.receives = ReceiveRule::Listed(vec![ProcedureCode::parse("9.999999").unwrap()])
        });
        assert_refused(found, "tinh/01.json", "receives", "unknown procedure 9.999999");
    }
}
