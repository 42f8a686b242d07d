//! The worker answers as the engine over the catalogue does: on the real
//! catalogue, the engine read from the two tab-separated files gives the same
//! results as the one built from the data tool's records, for every labelled query of
//! `tests/search/queries.tsv` and every keystroke typing it.

use cuaso_data::{read_sources, search_data::search_data, write};
use cuaso_search::{tsv, Engine, Filters};
use cuaso_search_wasm::{build, lookup_json, results_json, MAX_RESULTS};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[test]
fn the_worker_gives_the_apps_results_on_every_labelled_query() {
    let cat = read_sources(&root().join("data/sources")).expect("the real sources read").0;
    let files = write::files(&cat);
    let app = Engine::new(search_data(&cat));
    let (core, legacy) = (&files[tsv::CORE_FILE], &files[tsv::LEGACY_FILE]);
    let worker = build(core, legacy).unwrap();
    assert_eq!(worker.data(), app.data(), "the two files hold every record");

    let queries = std::fs::read_to_string(root().join("tests/search/queries.tsv")).unwrap();
    let mut compared = 0;
    for line in queries.lines().skip(1) {
        let query = line.split('\t').next().unwrap();
        let typed: Vec<String> = query.char_indices().map(|(i, c)| query[..i + c.len_utf8()].to_owned()).collect();
        for q in typed {
            let (a, w) =
                (app.find(&q, &Filters::default(), MAX_RESULTS), worker.find(&q, &Filters::default(), MAX_RESULTS));
            assert_eq!(a, w, "{q:?}");
            assert_eq!(results_json(&app, &a), results_json(&worker, &w), "{q:?}");
            compared += 1;
        }
    }
    assert!(compared > 5_000, "{compared} queries compared");
    for line in queries.lines().skip(1) {
        let q = line.split('\t').next().unwrap();
        assert_eq!(lookup_json(&app, q), lookup_json(&worker, q), "address {q:?}");
    }

    // The first stage (no pre-2025 units) still finds procedures and communes alike.
    let first = build(core, "").unwrap();
    let hrefs = |e: &Engine, q: &str| e.search(q, &Filters::default(), 5).iter().map(|h| h.href()).collect::<Vec<_>>();
    assert_eq!(hrefs(&first, "dang ky khai sinh"), hrefs(&app, "dang ky khai sinh"));
    assert!(hrefs(&first, "hoan kiem").contains(&"/xa/00070".to_owned()));
}
