//! English names on the REAL catalogue: the curated table covers what a
//! citizen meets (every procedure done at commune level, every life event's
//! procedures), and English queries find those procedures.

use cuaso_data::{english, read_sources, search_data::search_data, Catalogue};
use cuaso_search::{Engine, Filters, Hit};
use std::path::Path;
use std::sync::OnceLock;

fn catalogue() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources");
        read_sources(&dir).expect("the real sources read").0
    })
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(search_data(catalogue())))
}

fn show(hits: &[Hit]) -> String {
    hits.iter().take(8).map(|h| format!("\n  {:.3} {} {}", h.score, h.href(), h.title)).collect()
}

/// Asserts that one of `codes` is among the first `n` hits for `q`.
fn finds(q: &str, n: usize, codes: &[&str]) {
    let hits = engine().search(q, &Filters::default(), 20);
    let routes: Vec<String> = codes.iter().map(|c| format!("/thu-tuc/{c}")).collect();
    assert!(
        hits.iter().take(n).any(|h| routes.contains(&h.href())),
        "{q:?}: expected one of {codes:?} in the top {n}, got:{}",
        show(&hits)
    );
}

#[test]
fn every_procedure_a_citizen_meets_has_an_english_name() {
    let cat = catalogue();
    let c = english::coverage(cat);
    assert_eq!(c.commune.0, c.commune.1, "procedures at commune level without an English name");
    assert_eq!(c.life_events.0, c.life_events.1, "life-event procedures without an English name");
    assert!(c.commune.1 > 500 && c.life_events.1 > 80, "{c:?}");
    let missing: Vec<_> = cat
        .procedures
        .iter()
        .filter(|p| p.english.is_none() && p.levels.contains(&cuaso_catalogue::model::Level::Commune))
        .filter(|p| p.kind != cuaso_catalogue::model::ProcedureKind::Provincial)
        .map(|p| p.code.to_string())
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn english_names_reach_the_files_the_app_reads() {
    let cat = catalogue();
    let birth = cat.procedures.iter().find(|p| p.code.as_str() == "1.001193").unwrap();
    let en = birth.english.as_ref().expect("birth registration has an English name");
    assert_eq!(en.name, "Birth registration");
    assert_eq!(en.source, "translated by the project");
    let baby = cat.life_events.iter().find(|e| e.slug == "sinh-con").unwrap();
    assert_eq!(baby.names_en.get("1.001193").map(String::as_str), Some("Birth registration"));
    assert!(cat.life_events.iter().all(|e| e.names_en.len() == e.codes.len()), "every event's procedures named");
    let rec = search_data(cat).procedures.into_iter().find(|p| p.code.as_str() == "1.001193").unwrap();
    assert_eq!(rec.name_en.as_deref(), Some("Birth registration"));
    assert!(rec.aliases_en.iter().any(|a| a == "birth certificate"), "{:?}", rec.aliases_en);
}

#[test]
fn english_queries_find_the_procedures() {
    finds("birth certificate", 3, &["1.001193"]);
    finds("Birth Certificate", 3, &["1.001193"]);
    finds("register a birth", 3, &["1.001193"]);
    finds("birth registration", 1, &["1.001193"]);
    finds("death registration", 1, &["1.000656"]);
    finds("death certificate", 3, &["1.000656"]);
    finds("marriage registration", 1, &["1.000894"]);
    finds("marriage certificate", 3, &["1.000894"]);
    finds("ID card", 3, &["1.014061", "1.014063", "1.014064"]);
    finds("lost ID card", 3, &["1.014064"]);
    finds("passport", 3, &["1.001456"]);
    finds("temporary residence", 3, &["1.004194"]);
    finds("certificate of marital status", 3, &["1.004873"]);
    finds("driving licence", 3, &["3.000346"]);
    finds("building permit", 3, &["1.013225"]);
    finds("red book", 3, &["1.013978"]);
    finds("maternity benefit", 3, &["2.000693"]);
    finds("certified copy", 3, &["2.000815"]);
    // a typo still finds it
    finds("birth certficate", 5, &["1.001193"]);
}

#[test]
fn vietnamese_queries_still_come_first() {
    finds("dang ky khai sinh", 1, &["1.001193"]);
    finds("dang ky ket hon", 1, &["1.000894"]);
    finds("dang ky khai tu", 1, &["1.000656"]);
    finds("the can cuoc", 3, &["1.014061", "1.014063", "1.014064", "1.014062"]);
}
