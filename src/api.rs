//! All network access: fetching and decoding catalogue files, once each.
//!
//! Decoded files are kept in memory for the life of the page, so moving
//! between pages never refetches what is already loaded. Decoding is the
//! catalogue crate's; this module only moves bytes.

use cuaso_catalogue::format::{self, *};
use cuaso_catalogue::model::*;
use serde::de::DeserializeOwned;
use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Where the catalogue is served from (the folder holding `catalogue.json`)
/// when nothing else is set.
pub const DEFAULT_DATA_ROOT: &str = "/data/";

/// Where the catalogue is served from, read once: the deploy-time setting
/// `<meta name="cuaso-data-origin" content="https://…/data/">` in
/// `index.html`, else the build-time `CUASO_DATA_ORIGIN`, else
/// [`DEFAULT_DATA_ROOT`]. Always ends with `/`. See docs/hosting.md.
pub fn data_root() -> &'static str {
    thread_local! {
        static ROOT: &'static str = {
            let meta = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector("meta[name=cuaso-data-origin]").ok().flatten())
                .and_then(|m| m.get_attribute("content"))
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty());
            let root = meta.or(option_env!("CUASO_DATA_ORIGIN").map(String::from)).unwrap_or(DEFAULT_DATA_ROOT.into());
            let root = if root.ends_with('/') { root } else { format!("{root}/") };
            Box::leak(root.into_boxed_str())
        };
    }
    ROOT.with(|r| *r)
}

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The server answered 404: the file (so the record) does not exist.
    NotFound,
    /// No answer, or an error status.
    Network(String),
    /// The answer could not be read as a catalogue file.
    Malformed(String),
    /// The catalogue is of a format this app does not know.
    UnknownFormat(u32),
}

impl From<format::DecodeError> for ApiError {
    fn from(e: format::DecodeError) -> Self {
        match e {
            DecodeError::Malformed(m) => ApiError::Malformed(m),
            DecodeError::UnknownFormat(v) => ApiError::UnknownFormat(v),
        }
    }
}

pub type Loaded<T> = Result<Rc<T>, ApiError>;

thread_local! {
    static CACHE: RefCell<HashMap<String, Rc<dyn Any>>> = RefCell::new(HashMap::new());
}

fn cached<T: 'static>(url: &str) -> Option<Rc<T>> {
    CACHE.with(|c| c.borrow().get(url).cloned()).and_then(|v| v.downcast::<T>().ok())
}

async fn fetch_text(url: &str) -> Result<String, ApiError> {
    let resp = gloo_net::http::Request::get(url).send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    // A static host that falls back to index.html for unknown paths answers a
    // missing catalogue file with HTML: that is a 404 in disguise.
    let html = resp.headers().get("content-type").is_some_and(|t| t.contains("text/html"));
    match resp.status() {
        200 if html => Err(ApiError::NotFound),
        200 => resp.text().await.map_err(|e| ApiError::Network(e.to_string())),
        404 => Err(ApiError::NotFound),
        s => Err(ApiError::Network(format!("HTTP {s}"))),
    }
}

async fn load<T: 'static>(url: String, decode: impl FnOnce(&str) -> Result<T, DecodeError>) -> Loaded<T> {
    if let Some(v) = cached::<T>(&url) {
        return Ok(v);
    }
    let text = fetch_text(&url).await?;
    let value = Rc::new(decode(&text)?);
    CACHE.with(|c| c.borrow_mut().insert(url, value.clone() as Rc<dyn Any>));
    Ok(value)
}

async fn versioned<T: DeserializeOwned + 'static>(file: &str) -> Loaded<T> {
    versioned_with(file, format::decode::<T>).await
}

async fn versioned_with<T: 'static>(file: &str, decode: impl FnOnce(&str) -> Result<T, DecodeError>) -> Loaded<T> {
    let m = manifest().await?;
    load(format!("{}{}", data_root(), m.path(file)), decode).await
}

/// The manifest; everything else is found through it.
pub async fn manifest() -> Loaded<Manifest> {
    load(format!("{}{MANIFEST_PATH}", data_root()), format::decode_manifest).await
}

pub async fn provinces() -> Loaded<Vec<Province>> {
    versioned(PROVINCES_FILE).await
}

pub async fn communes() -> Loaded<Vec<CommuneRow>> {
    versioned(COMMUNES_FILE).await
}

pub async fn province_file(code: &ProvinceCode) -> Loaded<ProvinceFile> {
    versioned(&format::province_file(code)).await
}

pub async fn procedure(code: &ProcedureCode) -> Loaded<Procedure> {
    versioned(&format::procedure_file(code)).await
}

/// The search engine over `search.json`, built once per page load.
pub struct SearchIndex {
    pub engine: cuaso_search::Engine,
    /// Distinct procedure fields (lĩnh vực), sorted, for the filter.
    pub fields: Vec<String>,
    /// (code, name) of the provinces, sorted by name, for the filter.
    pub provinces: Vec<(String, String)>,
}

pub async fn search_index() -> Loaded<SearchIndex> {
    versioned_with(cuaso_search::data::SEARCH_FILE, |text| {
        let data: cuaso_search::data::SearchData = format::decode(text)?;
        let mut fields: Vec<String> = data.procedures.iter().map(|p| p.field.clone()).collect();
        fields.sort_by_key(|f| cuaso_catalogue::text::fold(f));
        fields.dedup();
        let mut provinces: Vec<(String, String)> =
            data.provinces.iter().map(|p| (p.code.clone(), p.name.clone())).collect();
        provinces.sort_by_key(|(_, n)| {
            cuaso_catalogue::text::fold(n.trim_start_matches("Tỉnh ").trim_start_matches("Thành phố "))
        });
        Ok(SearchIndex { engine: cuaso_search::Engine::new(data), fields, provinces })
    })
    .await
}

/// Every procedure's summary (code, name, field, levels, channels).
pub async fn procedure_index() -> Loaded<Vec<ProcedureSummary>> {
    versioned(PROCEDURE_INDEX_FILE).await
}

/// The life events (sinh con, kết hôn…), each with its procedure codes in order.
pub async fn life_events() -> Loaded<Vec<LifeEvent>> {
    versioned(LIFE_EVENTS_FILE).await
}

/// What each province has published (`minh-bach.json`), for `/minh-bach`.
pub async fn transparency() -> Loaded<cuaso_catalogue::transparency::Transparency> {
    versioned(TRANSPARENCY_FILE).await
}

/// Every commune's centroid (`toa-do.json`), for "near me" only.
pub async fn commune_points() -> Loaded<Vec<CommunePoint>> {
    versioned(COORDINATES_FILE).await
}

/// Whether the server now has a different catalogue than the one this page
/// started with. Asks the network (through the service worker, which answers
/// the manifest network-first); any failure counts as "no".
pub async fn newer_catalogue() -> bool {
    let Some(current) = cached::<Manifest>(&format!("{}{MANIFEST_PATH}", data_root())) else {
        return false;
    };
    match fetch_text(&format!("{}{MANIFEST_PATH}", data_root())).await.map(|t| format::decode_manifest(&t)) {
        Ok(Ok(latest)) => latest.version != current.version,
        _ => false,
    }
}
