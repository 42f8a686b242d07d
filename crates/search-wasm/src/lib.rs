//! The search engine alone, compiled to its own small WebAssembly module: it
//! runs in the HTML pages' search worker (`public/search/worker.js`), so a
//! prerendered page searches before — and without — the app's wasm, and the
//! index is built off the main thread. No JSON decoder: it reads the data
//! tool's tab-separated files (`cuaso_search::tsv`) and writes its answer as
//! JSON by hand.
//!
//! ```js
//! import init, { load, add_legacy, find } from './engine.js';
//! await init();
//! load(coreTsv);                // throws on a damaged file
//! JSON.parse(find('so do'));    // {answers, gap, hits: [{kind, label, title, href, meta}]}
//! add_legacy(legacyTsv);        // the pre-2025 units, second
//! JSON.parse(lookup('phuong 1 quan 3')); // the address page: {old: […], new: […]}
//! ```

use std::cell::RefCell;

use cuaso_catalogue::lang::Lang;
use cuaso_pages::address;
use cuaso_pages::results::ResultMeta;
use cuaso_search::data::SearchData;
use cuaso_search::{tsv, Engine, Filters, Results, Route};
use wasm_bindgen::prelude::*;

/// As many results as the search page shows.
pub const MAX_RESULTS: usize = 30;

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

/// Reads the core file and builds the engine, replacing any earlier one.
#[wasm_bindgen]
pub fn load(core: &str) -> Result<(), JsValue> {
    let engine = build(core, "").map_err(|e| JsValue::from_str(&e))?;
    ENGINE.with(|cell| *cell.borrow_mut() = Some(engine));
    Ok(())
}

/// Adds the pre-2025 units and rebuilds the index (after [`load`]).
#[wasm_bindgen]
pub fn add_legacy(legacy: &str) -> Result<(), JsValue> {
    ENGINE.with(|cell| {
        let mut slot = cell.borrow_mut();
        let engine = slot.as_ref().ok_or_else(|| JsValue::from_str("add_legacy before load"))?;
        let mut data = engine.data().clone();
        data.legacy.clear();
        tsv::read_into(&mut data, legacy).map_err(|e| JsValue::from_str(&format!("{}: {e}", tsv::LEGACY_FILE)))?;
        *slot = Some(Engine::new(data));
        Ok(())
    })
}

/// The results for `q` as JSON (see [`results_json`]); no hits before [`load`].
#[wasm_bindgen]
pub fn find(q: &str) -> String {
    ENGINE.with(|cell| match cell.borrow().as_ref() {
        Some(engine) => results_json(engine, &engine.find(q, &Filters::default(), MAX_RESULTS)),
        None => results_json(&Engine::new(SearchData::default()), &Results::default()),
    })
}

/// The address page's answer for `q` as JSON (see [`lookup_json`]).
#[wasm_bindgen]
pub fn lookup(q: &str) -> String {
    ENGINE.with(|cell| match cell.borrow().as_ref() {
        Some(engine) => lookup_json(engine, q),
        None => lookup_json(&Engine::new(SearchData::default()), q),
    })
}

/// `{"old": [{"name", "place", "successors": [{"href", "name", "province",
/// "default"}]}], "new": [{"href", "name", "province"}]}`: the old units
/// matching an address and where each went, and the new units of that name,
/// as `cuaso_pages::address::lookup` finds them for the app's address page.
pub fn lookup_json(engine: &Engine, q: &str) -> String {
    let (old, new) = address::lookup(engine, q);
    let mut out = String::from("{\"old\":[");
    for (i, u) in old.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let place = if u.district == u.name { u.province.clone() } else { format!("{}, {}", u.district, u.province) };
        out.push('{');
        strings(&mut out, &[("name", &u.name), ("place", &place)]);
        out.push_str(",\"successors\":[");
        for (j, s) in u.successors.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            let href = Route::Commune(s.code.clone()).href();
            let name = s.name.as_deref().unwrap_or(s.code.as_str());
            out.push('{');
            strings(&mut out, &[("href", &href), ("name", name), ("province", s.province.as_deref().unwrap_or(""))]);
            out.push_str(if s.default { ",\"default\":true}" } else { ",\"default\":false}" });
        }
        out.push_str("]}");
    }
    out.push_str("],\"new\":[");
    for (i, c) in new.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let href = c.route.as_ref().map(Route::href).unwrap_or_default();
        out.push('{');
        strings(&mut out, &[("href", &href), ("name", &c.name), ("province", &c.province)]);
        out.push('}');
    }
    out.push_str("]}");
    out
}

/// The two files' text to a ready engine (native-testable half of [`load`]).
pub fn build(core: &str, legacy: &str) -> Result<Engine, String> {
    let mut data = SearchData::default();
    tsv::read_into(&mut data, core).map_err(|e| format!("{}: {e}", tsv::CORE_FILE))?;
    tsv::read_into(&mut data, legacy).map_err(|e| format!("{}: {e}", tsv::LEGACY_FILE))?;
    Ok(Engine::new(data))
}

/// `{"answers": n, "gap": null | {"vi", "by_vi"}, "hits": [{"kind", "label",
/// "title", "href", "meta"}]}`: what the page shows, in Vietnamese (the
/// prerendered pages' language), as the app's result list says it.
pub fn results_json(engine: &Engine, r: &Results) -> String {
    let mut out = format!("{{\"answers\":{},\"gap\":", r.answers);
    match r.gap {
        Some(g) => {
            out.push_str("{\"vi\":");
            string(&mut out, g.vi);
            out.push_str(",\"by_vi\":");
            string(&mut out, g.by_vi);
            out.push('}');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"hits\":[");
    for (i, h) in r.hits.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        strings(
            &mut out,
            &[
                ("kind", h.kind.slug()),
                ("label", h.kind.label().vi),
                ("title", &h.title),
                ("href", &h.href()),
                ("meta", &ResultMeta::of(h, engine.data()).line(Lang::Vi)),
            ],
        );
        out.push('}');
    }
    out.push_str("]}");
    out
}

/// `"key":"value"` pairs of an object, comma-separated (no braces).
fn strings(out: &mut String, fields: &[(&str, &str)]) {
    for (i, (key, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(out, key);
        out.push(':');
        string(out, value);
    }
}

/// `s` as a JSON string literal.
fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORE: &str = "P\t01\tThành phố Hà Nội\tHà Nội\tThành phố Hà Nội\n\
                        C\t00070\tPhường Hoàn Kiếm\t01\n\
                        T\t1.001193\tĐăng ký khai sinh\tHộ tịch\tC\tIO\tgiấy khai sinh\t\t\t\n\
                        E\t3\n";
    const LEGACY: &str = "L\t00037\tPhường Hàng Trống\tQuận Hoàn Kiếm\tThành phố Hà Nội\t00070\nE\t1\n";

    fn json(engine: &Engine, q: &str) -> serde_json::Value {
        serde_json::from_str(&results_json(engine, &engine.find(q, &Filters::default(), MAX_RESULTS))).unwrap()
    }

    #[test]
    fn the_answer_is_json_with_what_a_result_shows() {
        let engine = build(CORE, LEGACY).unwrap();
        let v = json(&engine, "khai sinh");
        let hit = &v["hits"][0];
        assert_eq!(hit["href"], "/thu-tuc/1.001193");
        assert_eq!(hit["label"], "Thủ tục");
        assert_eq!(hit["meta"], "cấp xã · Hộ tịch");
        assert!(v["answers"].as_u64().unwrap() >= 1);
        let old = json(&engine, "hang trong");
        assert_eq!(old["hits"][0]["kind"], "legacy");
        assert_eq!(old["hits"][0]["href"], "/xa/00070");
    }

    #[test]
    fn the_old_units_are_found_only_once_added() {
        let engine = build(CORE, "").unwrap();
        assert!(json(&engine, "hang trong")["hits"].as_array().unwrap().iter().all(|h| h["kind"] != "legacy"));
    }

    #[test]
    fn the_address_answer_lists_old_units_and_where_they_went() {
        let engine = build(CORE, LEGACY).unwrap();
        let v: serde_json::Value = serde_json::from_str(&lookup_json(&engine, "hang trong hoan kiem")).unwrap();
        let old = &v["old"][0];
        assert_eq!(old["name"], "Phường Hàng Trống");
        assert_eq!(old["place"], "Quận Hoàn Kiếm, Thành phố Hà Nội");
        assert_eq!(old["successors"][0]["href"], "/xa/00070");
        assert_eq!(old["successors"][0]["name"], "Phường Hoàn Kiếm");
        assert_eq!(old["successors"][0]["default"], true);
        assert_eq!(v["new"][0]["href"], "/xa/00070");
    }

    #[test]
    fn quotes_and_control_characters_are_escaped() {
        let mut out = String::new();
        string(&mut out, "a\"b\\c\u{1}đ");
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), "a\"b\\c\u{1}đ");
    }

    #[test]
    fn a_damaged_file_is_an_error() {
        assert!(build("C\tx\n", "").err().unwrap().starts_with("search-core.tsv: line 1"));
        assert!(build(CORE, "L\t1\n").err().unwrap().starts_with("search-legacy.tsv"));
    }
}
