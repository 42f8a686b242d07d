//! The search engine alone, behind a two-function wasm-bindgen API, so that
//! `bench/search` can measure it in a browser next to JavaScript engines.
//!
//! ```js
//! import init, { load, search } from './pkg/cuaso_search_wasm.js';
//! await init();
//! load(searchJsonText);           // throws on a malformed search.json
//! JSON.parse(search('so do', 5)); // ["/thu-tuc/…", "/xa/…", …], best first
//! ```

use std::cell::RefCell;

use cuaso_search::data::SearchData;
use cuaso_search::{Engine, Filters};
use wasm_bindgen::prelude::*;

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

/// Decodes `search.json` and builds the engine, replacing any earlier one.
#[wasm_bindgen]
pub fn load(json: &str) -> Result<(), JsValue> {
    let engine = build(json).map_err(|e| JsValue::from_str(&e))?;
    ENGINE.with(|cell| *cell.borrow_mut() = Some(engine));
    Ok(())
}

/// The routes of the best `k` hits for `q`, best first, as a JSON array of
/// strings; `[]` before [`load`].
#[wasm_bindgen]
pub fn search(q: &str, k: usize) -> String {
    ENGINE.with(|cell| match cell.borrow().as_ref() {
        Some(engine) => routes_json(engine, q, k),
        None => "[]".to_owned(),
    })
}

/// `search.json` text to a ready engine (native-testable half of [`load`]).
pub fn build(json: &str) -> Result<Engine, String> {
    let data: SearchData = serde_json::from_str(json).map_err(|e| format!("search.json: {e}"))?;
    Ok(Engine::new(data))
}

/// The routes of the best `k` hits, as a JSON array (native-testable half of [`search`]).
pub fn routes_json(engine: &Engine, q: &str, k: usize) -> String {
    let routes: Vec<String> = engine.search(q, &Filters::default(), k).into_iter().map(|hit| hit.href()).collect();
    serde_json::to_string(&routes).expect("a list of strings always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = r#"{
        "provinces": [{"code": "01", "name": "Thành phố Hà Nội", "short_name": "Hà Nội", "merged_from": ["Thành phố Hà Nội"]}],
        "communes": [{"code": "00070", "name": "Phường Hoàn Kiếm", "province": "01"}],
        "legacy": [{"code": "00037", "name": "Phường Hàng Trống", "district": "Quận Hoàn Kiếm",
                    "province": "Thành phố Hà Nội", "targets": ["00070"]}],
        "procedures": []
    }"#;

    #[test]
    fn routes_are_a_json_array_of_strings() {
        let engine = build(DATA).unwrap();
        let routes: Vec<String> = serde_json::from_str(&routes_json(&engine, "hoan kiem", 5)).unwrap();
        assert!(routes.iter().any(|r| r == "/xa/00070"), "{routes:?}");
        assert!(routes.len() <= 5);
        let none: Vec<String> = serde_json::from_str(&routes_json(&engine, "hoan kiem", 0)).unwrap();
        assert!(none.is_empty());
    }

    #[test]
    fn a_malformed_file_is_an_error() {
        assert!(matches!(build("{"), Err(e) if e.starts_with("search.json: ")));
        assert!(build(r#"{"provinces": []}"#).is_err());
    }
}
