//! All network access: fetching and decoding catalogue files, once each.
//!
//! Decoded files are kept in memory for the life of the page, so moving
//! between pages never refetches what is already loaded. Decoding is the
//! catalogue crate's; this module only moves bytes.

use cuaso_catalogue::format::{self, *};
use cuaso_catalogue::model::*;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
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
#[cfg(not(feature = "ssr"))]
pub fn data_root() -> &'static str {
    thread_local! {
        static ROOT: &'static str = {
            let meta = crate::browser::window()
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

/// The prerender reads the catalogue from a folder, not a host.
#[cfg(feature = "ssr")]
pub fn data_root() -> &'static str {
    DEFAULT_DATA_ROOT
}

/// How long one attempt may take, from sending the request to the last byte
/// of the body. The largest file a page needs (`search-core.tsv`, 210 KB gzipped)
/// takes about 5 s at 400 kbit/s (slow 3G); a server silent for three times
/// that is treated as down.
pub const TIMEOUT_MS: i32 = 15_000;
/// Attempts per file when the failure may pass (no answer, a 5xx, a 429).
/// A 404 or a file that does not decode is never retried: it would fail the
/// same way.
pub const ATTEMPTS: u32 = 3;
/// Attempts that may end in a timeout: a timed-out attempt is retried once,
/// so a hanging server is given up on after about `2 × TIMEOUT_MS`.
pub const TIMEOUT_ATTEMPTS: u32 = 2;
/// Pause before the second attempt, doubled before each further one.
pub const BACKOFF_MS: i32 = 500;

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The server answered 404: the file (so the record) does not exist.
    NotFound,
    /// No answer, or an error status.
    Network(String),
    /// No complete answer within [`TIMEOUT_MS`] (never in the prerender, which reads files).
    #[cfg_attr(feature = "ssr", allow(dead_code))]
    Timeout,
    /// The answer could not be read as a catalogue file.
    Malformed(String),
    /// The catalogue is of a format this app does not know.
    UnknownFormat(u32),
}

impl ApiError {
    /// Whether trying again later may succeed (the network or the server,
    /// not the data): such errors are retried, and re-run when the browser
    /// comes back online.
    pub fn is_passing(&self) -> bool {
        matches!(self, ApiError::Network(_) | ApiError::Timeout)
    }
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

type Pending = Shared<LocalBoxFuture<'static, Result<Rc<dyn Any>, ApiError>>>;

thread_local! {
    static CACHE: RefCell<HashMap<String, Rc<dyn Any>>> = RefCell::new(HashMap::new());
    /// Requests on their way, by URL.
    static INFLIGHT: RefCell<HashMap<String, Pending>> = RefCell::new(HashMap::new());
}

fn cached<T: 'static>(url: &str) -> Option<Rc<T>> {
    CACHE.with(|c| c.borrow().get(url).cloned()).and_then(|v| v.downcast::<T>().ok())
}

/// Resolves after `ms` milliseconds.
#[cfg(not(feature = "ssr"))]
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let set = crate::browser::window()
            .and_then(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).ok());
        if set.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(not(feature = "ssr"))]
fn offline() -> bool {
    crate::browser::window().is_some_and(|w| !w.navigator().on_line())
}

#[cfg(feature = "ssr")]
async fn sleep(_ms: i32) {}

#[cfg(feature = "ssr")]
fn offline() -> bool {
    false
}

#[cfg(feature = "ssr")]
thread_local! {
    /// The folder the prerender reads `/data/…` from (see [`read_from`]).
    static FOLDER: RefCell<std::path::PathBuf> = RefCell::new(std::path::PathBuf::from("public/data"));
}

/// The prerender's catalogue: `/data/x` is read from `folder/x`, at once, so
/// every load completes on its first poll.
#[cfg(feature = "ssr")]
pub fn read_from(folder: std::path::PathBuf) {
    FOLDER.with(|f| *f.borrow_mut() = folder);
}

#[cfg(feature = "ssr")]
async fn attempt(url: &str) -> Result<String, ApiError> {
    let relative = url.strip_prefix(DEFAULT_DATA_ROOT).ok_or(ApiError::NotFound)?;
    let path = FOLDER.with(|f| f.borrow().join(relative));
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(ApiError::NotFound),
        Err(e) => Err(ApiError::Network(format!("{}: {e}", path.display()))),
    }
}

/// One request, aborted after [`TIMEOUT_MS`] (headers and body together).
#[cfg(not(feature = "ssr"))]
async fn attempt(url: &str) -> Result<String, ApiError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let abort = controller.map(|c| wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || c.abort()));
    let timer = abort.as_ref().and_then(|a| {
        use wasm_bindgen::JsCast;
        crate::browser::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(a.as_ref().unchecked_ref(), TIMEOUT_MS)
            .ok()
    });
    let result = async {
        let resp = gloo_net::http::Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        // A static host that falls back to index.html for unknown paths answers a
        // missing catalogue file with HTML: that is a 404 in disguise.
        let html = resp.headers().get("content-type").is_some_and(|t| t.contains("text/html"));
        match resp.status() {
            200 if html => Err(ApiError::NotFound),
            200 => resp.text().await.map_err(|e| ApiError::Network(e.to_string())),
            404 | 410 => Err(ApiError::NotFound),
            s => Err(ApiError::Network(format!("HTTP {s}"))),
        }
    }
    .await;
    if let (Some(w), Some(t)) = (crate::browser::window(), timer) {
        w.clear_timeout_with_handle(t);
    }
    drop(abort);
    match result {
        Err(ApiError::Network(_)) if signal.is_some_and(|s| s.aborted()) => Err(ApiError::Timeout),
        r => r,
    }
}

/// Fetches a file, retrying passing failures with exponential backoff, at
/// most [`ATTEMPTS`] times (never while the browser says it is offline: the
/// `online` event re-runs failed loads, see `components::loaded`).
async fn fetch_text(url: &str) -> Result<String, ApiError> {
    let (mut backoff, mut timeouts) = (BACKOFF_MS, 0);
    let mut n = 1;
    loop {
        let error = match attempt(url).await {
            Ok(text) => return Ok(text),
            Err(e) => e,
        };
        let retryable = match &error {
            ApiError::Timeout => {
                timeouts += 1;
                timeouts < TIMEOUT_ATTEMPTS
            }
            ApiError::Network(m) => !m.starts_with("HTTP 4") || m == "HTTP 429",
            _ => false,
        };
        if !retryable || n >= ATTEMPTS || offline() {
            return Err(error);
        }
        sleep(backoff).await;
        backoff *= 2;
        n += 1;
    }
}

/// Loads and decodes `url` once: a cached value is returned at once, and
/// callers asking while it is on its way share the one request (a page's
/// header, body and footer all ask for the manifest at the same moment).
async fn load<T: 'static>(url: String, decode: impl FnOnce(&str) -> Result<T, DecodeError> + 'static) -> Loaded<T> {
    if let Some(v) = cached::<T>(&url) {
        return Ok(v);
    }
    let pending = INFLIGHT.with(|m| m.borrow().get(&url).cloned());
    let pending = pending.unwrap_or_else(|| {
        let key = url.clone();
        let request = async move {
            let result = async {
                let text = fetch_text(&key).await?;
                let value: Rc<dyn Any> = Rc::new(decode(&text)?);
                CACHE.with(|c| c.borrow_mut().insert(key.clone(), value.clone()));
                Ok(value)
            }
            .await;
            INFLIGHT.with(|m| m.borrow_mut().remove(&key));
            result
        }
        .boxed_local()
        .shared();
        INFLIGHT.with(|m| m.borrow_mut().insert(url.clone(), request.clone()));
        request
    });
    let value = pending.await?;
    value.downcast::<T>().map_err(|_| ApiError::Malformed(format!("{url}: read as two kinds of file")))
}

async fn versioned<T: DeserializeOwned + 'static>(file: &str) -> Loaded<T> {
    versioned_with(file, format::decode::<T>).await
}

async fn versioned_with<T: 'static>(
    file: &str,
    decode: impl FnOnce(&str) -> Result<T, DecodeError> + 'static,
) -> Loaded<T> {
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

/// The search engine over the search records (`cuaso_search::tsv`: the core
/// file, then the pre-2025 units), built once per page load.
pub struct SearchIndex {
    pub engine: cuaso_search::Engine,
    /// Distinct procedure fields (lĩnh vực), sorted, for the filter.
    pub fields: Vec<String>,
    /// (code, name) of the provinces, sorted by name, for the filter.
    pub provinces: Vec<(cuaso_catalogue::model::ProvinceCode, String)>,
}

pub async fn search_index() -> Loaded<SearchIndex> {
    use cuaso_search::tsv;
    let (core, legacy) = futures::join!(
        versioned_with(tsv::CORE_FILE, |text| Ok(text.to_owned())),
        versioned_with(tsv::LEGACY_FILE, |text| Ok(text.to_owned())),
    );
    let data = tsv::read(&core?, &legacy?).map_err(|e| ApiError::Malformed(format!("search records: {e}")))?;
    let mut fields: Vec<String> = data.procedures.iter().map(|p| p.field.clone()).collect();
    fields.sort_by_cached_key(|f| cuaso_catalogue::text::sort_key(f));
    fields.dedup();
    let mut provinces: Vec<_> = data.provinces.iter().map(|p| (p.code.clone(), p.name.clone())).collect();
    provinces.sort_by_cached_key(|(_, n)| {
        cuaso_catalogue::text::sort_key(n.trim_start_matches("Tỉnh ").trim_start_matches("Thành phố "))
    });
    Ok(Rc::new(SearchIndex { engine: cuaso_search::Engine::new(data), fields, provinces }))
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

/// A page's data as it loads: `LocalResource` in the browser. The prerender
/// has every file at hand, so there it is the value itself, read once when
/// the component runs (a `LocalResource` would stay pending under `ssr`).
#[cfg(not(feature = "ssr"))]
pub use leptos::prelude::LocalResource as Resource;

#[cfg(feature = "ssr")]
pub use prerendered::Resource;

#[cfg(feature = "ssr")]
mod prerendered {
    use futures::FutureExt;
    use leptos::prelude::*;
    use std::future::Future;

    pub struct Resource<T: 'static>(StoredValue<Option<T>, LocalStorage>);

    impl<T> Clone for Resource<T> {
        fn clone(&self) -> Self {
            *self
        }
    }
    impl<T> Copy for Resource<T> {}

    impl<T: Clone + 'static> Resource<T> {
        /// Runs `fetcher`'s future once; a load that cannot complete at once
        /// (a file the prerender does not have) renders as still loading.
        pub fn new<Fut: Future<Output = T> + 'static>(fetcher: impl Fn() -> Fut + 'static) -> Self {
            Self(StoredValue::new_local(fetcher().now_or_never()))
        }
        pub fn get(&self) -> Option<T> {
            self.0.get_value()
        }
        pub fn get_untracked(&self) -> Option<T> {
            self.0.get_value()
        }
        pub fn refetch(&self) {}
    }
}
