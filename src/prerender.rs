//! The prerender: every public page rendered to HTML at build time from the
//! same components the browser runs (`--features ssr`, natively), so a page
//! reads and its links work before any wasm, or with none.
//!
//! `cuaso --data public/data --dist dist [--search DIR]` (after `trunk build`) reads the
//! catalogue as the app would and writes, for each page, `dist/{path}/index.html`:
//! Trunk's `index.html` with the page inside `#boot`, and its title and
//! description. Trunk's own `index.html` is kept as `dist/shell.html`, what a
//! host serves for every other path (docs/hosting.md). In the browser the app
//! mounts hidden beside `#boot` and takes its place in one frame once its
//! page has its data (`main.rs`).
//!
//! Pages are rendered in Vietnamese, as a first visit without preferences
//! sees them; `?lang=en` and the modes are the app's to apply.

use crate::api;
use crate::app;
use crate::browser;
use crate::components::PrerenderedMeta;
use cuaso_edge::Route;
use futures::FutureExt;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The marker `#boot` carries when it holds a page (see `main.rs`).
pub const PRERENDERED: &str = "data-prerendered";

pub fn run(args: &[String]) -> Result<(), String> {
    let arg = |name: &str| {
        args.windows(2).find(|w| w[0] == name).map(|w| PathBuf::from(&w[1])).ok_or(format!("missing {name} DIR"))
    };
    let (data, dist) = (arg("--data")?, arg("--dist")?);
    api::read_from(data);
    let shell_path = dist.join("shell.html");
    // Trunk writes index.html afresh on every build; a second run reads the kept shell.
    let shell = std::fs::read_to_string(&shell_path)
        .or_else(|_| std::fs::read_to_string(dist.join("index.html")))
        .map_err(|e| format!("{}: {e}", dist.join("index.html").display()))?;
    let mut shell = Shell::parse(&shell)?;
    std::fs::write(&shell_path, &shell.html).map_err(|e| format!("{}: {e}", shell_path.display()))?;
    if let Ok(engine) = arg("--search") {
        let src = search_worker(&engine, &dist)?;
        let manifest =
            api::manifest().now_or_never().ok_or("the manifest is not read at once")?.map_err(|e| format!("{e:?}"))?;
        // The data's version with the page, for the data origin it was built with (a
        // deploy that moves the data elsewhere leaves it unused): the page's search
        // skips one request for the manifest.
        let origin = shell.data_origin();
        shell.search = Some(format!(
            "<meta name=\"cuaso-data-version\" content=\"{}\" data-origin=\"{}\">\n<script type=\"module\" src=\"{src}\"></script>\n",
            escape(&manifest.version),
            escape(&origin)
        ));
    }
    let routes = routes()?;
    let mut bytes = 0usize;
    for route in &routes {
        let page = shell.with(&render(route));
        bytes += page.len();
        let file = file_of(&dist, route);
        std::fs::create_dir_all(file.parent().expect("a page's file is in a folder"))
            .map_err(|e| format!("{}: {e}", file.display()))?;
        std::fs::write(&file, page).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    println!("prerendered {} pages, {:.1} MB of HTML", routes.len(), bytes as f64 / 1e6);
    Ok(())
}

/// The HTML pages' search (public/search: `page.js`, `worker.js`) and its
/// engine (`engine.js`, `engine_bg.wasm` from crates/search-wasm, in
/// `engine_dir`), copied into `dist/search-{hash}/`, named by their content as
/// Trunk names its files; returns the page script's URL.
fn search_worker(engine_dir: &Path, dist: &Path) -> Result<String, String> {
    let read = |path: PathBuf| std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()));
    let files = [
        ("page.js", read(PathBuf::from("public/search/page.js"))?),
        ("worker.js", read(PathBuf::from("public/search/worker.js"))?),
        ("engine.js", read(engine_dir.join("engine.js"))?),
        ("engine_bg.wasm", read(engine_dir.join("engine_bg.wasm"))?),
    ];
    let hash = files.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, (name, body)| {
        name.bytes().chain(body.iter().copied()).fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
    });
    let folder = format!("search-{:016x}", hash);
    let dir = dist.join(&folder);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, body) in &files {
        std::fs::write(dir.join(name), body).map_err(|e| format!("{}: {e}", dir.join(name).display()))?;
    }
    // Older builds' folders go: a page names only this one.
    for entry in std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("search-") && name != folder {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    Ok(format!("/{folder}/page.js"))
}

/// Every page a link can reach with no parameters: the lists, each province,
/// commune, procedure and life event. The search and address pages are their
/// empty forms; the near-me page, the embed builder and the kiosk are the app's.
fn routes() -> Result<Vec<Route>, String> {
    let now = |what: &str| format!("{what}: not read at once");
    let load_err = |e: api::ApiError| format!("{e:?}");
    let provinces = api::provinces().now_or_never().ok_or(now("provinces"))?.map_err(load_err)?;
    let communes = api::communes().now_or_never().ok_or(now("communes"))?.map_err(load_err)?;
    let procedures = api::procedure_index().now_or_never().ok_or(now("procedures"))?.map_err(load_err)?;
    let events = api::life_events().now_or_never().ok_or(now("life events"))?.map_err(load_err)?;
    let mut routes = vec![
        Route::Home,
        Route::Search(Default::default()),
        Route::Address { q: String::new() },
        Route::Hotlines { q: String::new() },
        Route::Fields { level: None, province: None },
        Route::LifeEvents,
        Route::Transparency,
    ];
    routes.extend(provinces.iter().map(|p| Route::Province { code: p.code.clone(), only: None }));
    routes.extend(communes.iter().map(|c| Route::Commune(c.code.clone())));
    routes.extend(procedures.iter().map(|p| Route::Procedure(p.code.clone())));
    routes.extend(events.iter().filter_map(|e| cuaso_edge::route::Slug::parse(&e.slug)).map(Route::LifeEvent));
    Ok(routes)
}

/// `dist/index.html` for `/`, `dist/{path}/index.html` for the others.
fn file_of(dist: &Path, route: &Route) -> PathBuf {
    dist.join(route.href().trim_start_matches('/')).join("index.html")
}

/// A page's rendered body and its title and description.
struct Page {
    body: String,
    meta: Option<cuaso_pages::meta::Meta>,
}

fn render(route: &Route) -> Page {
    let path = route.href();
    browser::render_at(&path);
    // A server's shared context: Leptos then knows it is not in a browser
    // (window listeners and effects stay off).
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let slot = PrerenderedMeta(Arc::new(Mutex::new(None)));
    let body = owner.with(|| {
        provide_context(RequestUrl::new(&path));
        provide_context(slot.clone());
        app::App().to_html()
    });
    owner.cleanup();
    let meta = slot.0.lock().map(|mut m| m.take()).unwrap_or_default();
    Page { body, meta }
}

/// Trunk's `index.html`, cut where a page goes.
struct Shell {
    html: String,
    /// What comes before `#boot` on a page: the shell's, without the app's
    /// preloads (the glue and wasm are fetched when the app starts, on use or idle).
    head: String,
    /// The search page script and the data's version, added to every page with a search box.
    search: Option<String>,
}

impl Shell {
    const BOOT: &'static str = "<div id=\"boot\">";
    const BOOT_END: &'static str = "</div>\n    <noscript>";

    fn parse(html: &str) -> Result<Shell, String> {
        for needle in [Self::BOOT, Self::BOOT_END, "<title>", "<meta name=\"description\" content=\""] {
            if html.matches(needle).count() != 1 {
                return Err(format!("index.html: expected one {needle:?}"));
            }
        }
        let (head, _) = html.split_once(Self::BOOT).expect("checked above");
        Ok(Shell { html: html.to_string(), head: drop_app_preloads(head), search: None })
    }

    /// The data origin the shell names (`<meta name="cuaso-data-origin">`), or the default.
    fn data_origin(&self) -> String {
        let tag = "<meta name=\"cuaso-data-origin\" content=\"";
        self.html
            .split_once(tag)
            .and_then(|(_, rest)| rest.split_once('"'))
            .map_or(api::DEFAULT_DATA_ROOT, |(origin, _)| origin)
            .to_string()
    }

    /// The shell with `page` in `#boot` and the page's title and description.
    fn with(&self, page: &Page) -> String {
        let (_, rest) = self.html.split_once(Self::BOOT).expect("checked in parse");
        let (_, tail) = rest.split_once(Self::BOOT_END).expect("checked in parse");
        let mut head = self.head.clone();
        if let Some(meta) = &page.meta {
            head = replace_between(&head, "<title>", "</title>", &escape(&meta.title.vi));
            head = replace_between(&head, "<meta name=\"description\" content=\"", "\"", &escape(&meta.description.vi));
        }
        if let Some(tags) = self.search.as_ref().filter(|_| page.body.contains("data-html-search")) {
            head = head.replacen("</head>", &format!("{tags}</head>"), 1);
        }
        format!("{head}<div id=\"boot\" {PRERENDERED}>{}{}{tail}", page.body, Self::BOOT_END)
    }
}

/// `head` without Trunk's `<link rel="preload" … type="application/wasm">`
/// and `<link rel="modulepreload" …>` of the glue (the boot script adds the
/// latter, with its integrity, when the app starts).
fn drop_app_preloads(head: &str) -> String {
    let mut out = head.to_string();
    for (start, marks) in [("<link rel=\"preload\"", "application/wasm"), ("<link rel=\"modulepreload\"", ".js")] {
        let Some(at) = out.find(start) else { continue };
        if let Some(end) = out[at..].find('>').filter(|&end| out[at..at + end].contains(marks)) {
            out.replace_range(at..at + end + 1, "");
        }
    }
    out
}

fn replace_between(text: &str, start: &str, end: &str, with: &str) -> String {
    match text.split_once(start).and_then(|(a, b)| Some((a, b.split_once(end)?.1))) {
        Some((before, after)) => format!("{before}{start}{with}{end}{after}"),
        None => text.to_string(),
    }
}

/// Text for an attribute or element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
