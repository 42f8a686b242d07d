//! Vietnamese-aware search over the catalogue: provinces, communes, pre-2025
//! units and procedures in one ranked list.
//!
//! ```no_run
//! # use cuaso_search::{data::SearchData, Engine, Filters};
//! # let data = SearchData::default();
//! let engine = Engine::new(data); // builds the index
//! for hit in engine.search("dang ky khai sinh", &Filters::default(), 10) {
//!     println!("{} {} — {}", hit.href(), hit.title, hit.subtitle);
//! }
//! ```
//!
//! # Pipeline
//!
//! 1. [`cuaso_catalogue::text`]: the project's one normaliser, for records and queries — Vietnamese
//!    canonical decomposition (NFC, NFD and the Windows-1258 mix give the same
//!    letters), tone held per syllable so `hoà`/`hòa` are one form, an
//!    accent-free key (`đ`→`d`, lone final `y`→`i`: `ký`/`kí`) and an accented
//!    form for ranking exact accents higher.
//! 2. [`input`]: words typed as Telex or VNI keystrokes are decoded when the
//!    result is a Vietnamese syllable; both readings are searched.
//! 3. `query`: abbreviations and everyday wording (`tphcm`, `q.3`, `p1`,
//!    `sài gòn`, `đk`…, see [`ABBREVIATIONS`]), optional place words, run-together
//!    words split (`hoankiem`); the last word is a prefix while typing.
//!    Sentence words ([`STOPWORDS`]: "tôi cần", "ở đâu", "thế nào") weigh
//!    little and are never needed to match; an address's house number and
//!    street ([`BELOW_COMMUNE`]) are dropped before its first place word.
//! 4. Matching: each query word matches vocabulary keys exactly, as a prefix
//!    (last word) or within an edit distance scaled by its length ([`fuzzy`]).
//! 5. Ranking ([`Weights`], documented formula): match quality × field ×
//!    accent agreement, weighted by rarity; coverage of the query; adjacent
//!    pairs; share of the name matched; kind balance. Codes (`1.001193`,
//!    `00070`, `79`) are looked up directly and rank first.
//! 6. Results ([`Engine::find`]): a procedure family (one name at several
//!    levels, [`family_name`]) is one hit carrying the others
//!    ([`Hit::family`]); the hits scoring at least [`Weights::answer`] × the
//!    best are the answers, the rest "more, less related results"; a query
//!    naming a topic the catalogue lacks ([`coverage`]) gets its [`Gap`].
//!
//! # Index structure, and why
//!
//! The whole catalogue (34 provinces, 3,321 communes, 10,040 pre-2025 units,
//! 2,642 procedures; 175,000 word tokens) has only **1,368 distinct
//! accent-free keys** (2,724 accented forms): Vietnamese is written in a small
//! set of syllables. That decides the structure:
//!
//! - an **inverted index** over the sorted vocabulary of keys (postings: record
//!   id + best field, 130,000 entries). Prefix search is a binary search for
//!   the range of keys starting with the typed prefix;
//! - **fuzzy matching is a linear scan of the vocabulary**: each key's length
//!   and set of letters (one `u32`) are compared first — an edit changes at
//!   most two letters of the set — and the few keys left go through a bounded
//!   edit distance that first cuts the common prefix and suffix
//!   ([`fuzzy::within`]). 1,368 short keys take a few microseconds per query
//!   word, and a word's expansion is computed once per query (its readings
//!   share it) — a vocabulary word's once per engine, kept in the scratch
//!   for later searches (the words typed before, searched again at every
//!   keystroke) — so a BK-tree, a trigram index or an FST would add code and
//!   memory for nothing (an FST crate would also add tens of KB of WebAssembly);
//! - a **forward index** (each record's tokens in order, as one `u32` each:
//!   accented-form id and field flags) for the second scoring phase:
//!   adjacency, accents, name coverage;
//! - scoring in **two bounded phases** (the `score` module): a rough score
//!   accumulated from the postings of every matching key; the best
//!   [`MAX_CANDIDATES`] records by it, by a sampled cut and a radix selection
//!   instead of a sort; then full scores, best *bound* first, stopping as soon
//!   as no remaining candidate can reach the `limit` hits asked for. A query
//!   of k hits rarely scores more than a few dozen records fully, and the
//!   hits are exactly those of scoring all candidates;
//! - per-query state in a **scratch** kept by the engine (≈ 0.4 MB, allocated
//!   by the first search): per-record slots carry a generation number, so
//!   nothing is cleared between readings, and no array the size of the
//!   catalogue is allocated per query.
//!
//! The hot loops index slices and make no call even at `opt-level = "z"`
//! (the app's profile, where a `Vec`'s indexing, `push`, iterator adapters
//! and closures stay out-of-line calls): written so, they run within 10 % of
//! the same code at `opt-level = 3`. All sorting goes through one small merge
//! sort (two copies), instead of the standard sort (2–5 KB per closure and
//! ≈ 20 KB at opt-level 3).
//!
//! Measured natively (`cargo run --release -p cuaso-search --example bench --
//! public/data/<v>`, release profile = `opt-level = "z"` as
//! shipped; best of 3 runs per query, on a 2-core machine shared with other
//! builds):
//!
//! | | |
//! |---|---|
//! | index build | 36–40 ms (`Engine::new`, from parsed records) |
//! | index memory | ≈ 1.7 MB (plus ≈ 2.9 MB for the records' strings) |
//! | 536 generated queries (names, prefixes, old addresses, typos, Telex, codes, hostile input) | p50 0.09–0.12 ms, p95 0.24–0.30 ms, max 0.4–0.6 ms (was 0.75 / 1.6 / 2.9 ms) |
//! | 446 keystrokes (every prefix of 40 queries) | p50 0.09–0.11 ms, p95 0.23–0.28 ms, max 0.4–0.55 ms (was 0.44 / 1.2 / 1.8 ms) |
//!
//! Compiled to `wasm32-unknown-unknown` and measured by `scripts/bench-search`
//! in headless Chromium 156 on the 261 labelled queries (top 5): p50
//! 0.15 ms, p95 0.42 ms, max 0.8 ms, against FlexSearch's p50 0.38 ms, p95
//! 0.58 ms in the same runs (before this design: p50 1.1 ms, p95 2.8–3.2
//! ms, max 4.5 ms); building the index, the records' parse included, 120–200
//! ms, as before. The engine's module (`crates/search-wasm`) is 223 KB (91 KB
//! gzipped), 2 KB more than before. `[profile.release.package.cuaso-search]
//! opt-level = 3` does take effect under the workspace's LTO: p95 0.39 ms,
//! but +13 KB (+7 KB gzipped); not worth it.
//!
//! With issue #14 (sentences, addresses, families, answers; 461 queries,
//! one run on a loaded machine, load average 4.3–4.8): p50 0.24 ms, p95
//! 0.84 ms, max 1.4 ms, against FlexSearch's p50 0.42 ms, p95 1.05 ms
//! (ratio 0.79; on the 261 older queries 0.60 against 0.61). The tail is
//! addresses (p95 1.2 ms, FlexSearch 1.5 ms) and old addresses (0.93 ms,
//! FlexSearch 0.65 ms): their place words and abbreviations give up to
//! three readings, each scored. The module is 233.5 KB (94.9 KB gzipped).
//!
//! On the labelled query set `tests/search/queries.tsv` (461 queries: 261
//! written from the data without looking at any engine, 200 sentences,
//! English, noisy wording and addresses generated from the data by
//! `tests/search/generate.py`), measured by the `bench` example's `--eval`:
//! 457 (99.1 %) find an expected page in their top k (k = 1 for codes, 5
//! mostly), every category at 95 % or more; 98.3 % have one among the
//! answers, and 80 % of the answers are expected pages (before issue #14:
//! 96.3 % top k, sentences 84 %, everyday 85 %, and all 20 hits shown as
//! answers, 16 % of them expected). No query returns nothing.
//!
//! # Built in the browser, not prebuilt
//!
//! A serialised index would be about the size of its memory (≈ 1.7 MB of
//! integer arrays, on top of the search records, whose strings the hits still
//! need) and would still have to be decoded. Building it from the records
//! costs 40 ms natively and about 0.1 s in WebAssembly — less than fetching
//! the extra megabytes on a phone connection. So the records stay the only
//! download and [`Engine::new`] runs once, on the first search.
//!
//! # Bounded work
//!
//! Any input answers in bounded time: the query is cut to [`MAX_QUERY_CHARS`]
//! characters, [`MAX_TOKENS`] tokens of [`MAX_WORD_LETTERS`] letters and
//! [`MAX_WORDS`] words per reading (at most three readings); a word matches
//! at most [`MAX_PREFIX_TERMS`] prefix and [`MAX_FUZZY_TERMS`] fuzzy keys and
//! visits at most [`MAX_POSTINGS_PER_WORD`] postings; at most
//! [`MAX_CANDIDATES`] records are fully scored; no clock, no threads (the
//! engine is `Sync`: a search running while another holds the scratch
//! uses a fresh one).

pub mod coverage;
pub mod data;
pub mod fuzzy;
mod index;
pub mod input;
mod query;
mod score;
pub mod tsv;
pub mod weights;

pub use coverage::Gap;
pub use query::{
    ABBREVIATIONS, BELOW_COMMUNE, LETTERS, MAX_QUERY_CHARS, MAX_TOKENS, MAX_WORDS, MAX_WORD_LETTERS, PHRASES, STOPWORDS,
};
pub use weights::Weights;

use crate::data::SearchData;
use crate::index::{byte_set, desc, order_strs, sort_by_u64, sort_keys, Index};
use crate::query::{Reading, Vocabulary};
use crate::score::{FuzzyCache, KnownFuzzy, Scratch};
use cuaso_catalogue::lang::Text;
use cuaso_catalogue::model::{Channel, CommuneCode, Level, ProvinceCode};
use cuaso_catalogue::text;
pub use cuaso_route::Route;
use std::sync::Mutex;

/// Prefix completions of the last word considered (the most frequent).
pub const MAX_PREFIX_TERMS: usize = 48;
/// Fuzzy (typo) matches of one word considered (the closest).
pub const MAX_FUZZY_TERMS: usize = 24;
/// Postings visited per query word; further (lower quality) expansions are skipped.
pub const MAX_POSTINGS_PER_WORD: usize = 40_000;
/// Of those, postings of the fuzzy (typo) readings of a word that is in the
/// vocabulary as typed: "dinh" read as "binh" (12,000 postings) is a guess
/// that costs more than it finds, and is skipped; a rarer reading is kept. A
/// word that is no term keeps the whole budget for its typo readings.
pub const MAX_FUZZY_POSTINGS_PER_WORD: usize = 250;
/// Records fully scored per reading (the best by a first, rough score).
pub const MAX_CANDIDATES: usize = 500;
/// Largest `limit` honoured.
pub const MAX_LIMIT: usize = 500;

/// What a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HitKind {
    Province,
    Commune,
    /// A pre-2025 unit; its route leads to its (default) new commune.
    Legacy,
    Procedure,
}

impl HitKind {
    /// What a result of this kind is, as the result's line says.
    pub fn label(self) -> Text {
        match self {
            HitKind::Province => Text::new("Tỉnh, thành phố", "Province"),
            HitKind::Commune => Text::new("Xã, phường", "Commune"),
            HitKind::Legacy => Text::new("Địa chỉ cũ → xã, phường mới", "Old address → new commune"),
            HitKind::Procedure => Text::new("Thủ tục", "Procedure"),
        }
    }
    /// The kind's name in a class or an element id (`result-procedure`).
    pub fn slug(self) -> &'static str {
        match self {
            HitKind::Province => "province",
            HitKind::Commune => "commune",
            HitKind::Legacy => "legacy",
            HitKind::Procedure => "procedure",
        }
    }
}

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub kind: HitKind,
    /// Its page: `/tinh/79`, `/xa/00070`, `/thu-tuc/1.001193`; a legacy unit →
    /// `/xa/{default target}`. `None` when the record's code is not valid, or
    /// a legacy unit has no new commune: no link.
    pub target: Option<Route>,
    pub title: String,
    /// A commune's province; "Quận 3, TP Hồ Chí Minh → Phường Bàn Cờ" for a
    /// legacy unit; a procedure's field; a province's merged provinces.
    pub subtitle: String,
    pub score: f32,
    /// Index of the record in its kind's list in [`Engine::data`] (e.g.
    /// `data().legacy[record]`), for callers that show more than the title.
    pub record: usize,
    /// For a procedure: the other procedures of its family (the same name
    /// at other levels, see [`family_name`]), as indices into
    /// `data().procedures`, by code. A search shows a family once, as its
    /// best-scoring member.
    pub family: Vec<usize>,
}

impl Hit {
    /// The href of its page; empty when it has none.
    pub fn href(&self) -> String {
        self.target.as_ref().map(Route::href).unwrap_or_default()
    }
}

/// A search's hits, told apart: the first `answers` are answers, the rest
/// "more, less related results".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// How many of `hits` are answers: those scoring at least
    /// [`Weights::answer`] × the best (at least one when there are hits);
    /// with a `gap`, only those of them whose name names the missing topic.
    pub answers: usize,
    /// A topic the query names that the catalogue does not hold.
    pub gap: Option<&'static Gap>,
}

/// A procedure's name without its level ("Cấp hộ chiếu phổ thông ở trong
/// nước (thực hiện tại cấp tỉnh)" → "cap ho chieu pho thong o trong nuoc"),
/// accent-free, without a leading "Thủ tục": procedures with the same family
/// name are one procedure done at several levels.
pub fn family_name(name: &str) -> String {
    let k = text::fold(name);
    let mut k = k.strip_prefix("thu tuc ").unwrap_or(&k).to_string();
    for tail in [" thuc hien tai cap ", " thuc hien o cap ", " cap "] {
        // Only a level named at the very end: "... (cấp Tỉnh)", "... thực hiện tại cấp tỉnh".
        if let Some(at) = k.rfind(tail) {
            let rest = &k[at + tail.len()..];
            let levels = rest
                .split(' ')
                .all(|w| matches!(w, "tinh" | "xa" | "huyen" | "trung" | "uong" | "bo" | "cap" | "quan" | "thi"));
            if levels && !rest.is_empty() {
                k.truncate(at);
                break;
            }
        }
    }
    k
}

/// Restricts results. A province filter keeps the province, its communes,
/// legacy units with a target in it, and procedures done at province or
/// commune level: the national ones and that province's own (another
/// province's own procedures are not done there). A commune filter keeps the
/// commune, legacy units leading to it, and procedures done at commune level,
/// national or its province's own. A field, level or channel filter keeps only
/// procedures that match it; `own` keeps only provinces' own procedures (of the
/// filtered province, if one is). Filters combine with "and".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// Province code, "79".
    pub province: Option<ProvinceCode>,
    /// Commune code, "00070".
    pub commune: Option<CommuneCode>,
    /// Field (lĩnh vực), compared accent- and case-insensitively.
    pub field: Option<String>,
    pub level: Option<Level>,
    pub channel: Option<Channel>,
    /// Only provinces' own procedures (thủ tục riêng của tỉnh).
    pub own: bool,
}

/// The search engine: the records and an index over them, built in memory.
pub struct Engine {
    data: SearchData,
    weights: Weights,
    index: Index,
    /// First record id of communes, legacy units, procedures.
    starts: [usize; 3],
    /// Indices sorted by code.
    commune_by_code: Vec<u32>,
    legacy_by_code: Vec<u32>,
    procedure_by_code: Vec<u32>,
    /// Province index of each commune (`u8::MAX` if unknown).
    commune_province: Vec<u8>,
    /// Bit mask of the province indices of each legacy unit's targets.
    legacy_provinces: Vec<u64>,
    /// Field id of each procedure, into `fields` (accent-free keys).
    procedure_field: Vec<u16>,
    /// Each procedure's family (index into `families`), or `u32::MAX` alone.
    procedure_family: Vec<u32>,
    /// Families of two procedures or more, by code.
    families: Vec<Vec<u32>>,
    fields: Vec<String>,
    scratch: Mutex<Scratch>,
}

/// One vocabulary term a query word matches.
#[derive(Clone, Copy, Debug)]
struct Match {
    key: u32,
    word: u8,
    alt: u8,
    how: How,
    quality: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum How {
    Exact,
    Prefix,
    Fuzzy,
}

enum Allow {
    All,
    Only(Vec<bool>),
}

impl Allow {
    fn get(&self, doc: usize) -> bool {
        match self {
            Allow::All => true,
            Allow::Only(v) => v[doc],
        }
    }
}

impl Vocabulary for Index {
    fn contains(&self, key: &str) -> bool {
        self.key_id(key).is_some()
    }
    fn has_prefix(&self, prefix: &str) -> bool {
        !self.prefix_range(prefix).is_empty()
    }
}

fn sorted_by<T>(v: &[T], code: impl Fn(&T) -> &str) -> Vec<u32> {
    order_strs(&v.iter().map(code).collect::<Vec<_>>())
}

impl Engine {
    /// Builds the index with the default [`Weights`].
    pub fn new(data: SearchData) -> Engine {
        Engine::with_weights(data, Weights::default())
    }

    pub fn with_weights(data: SearchData, weights: Weights) -> Engine {
        let index = Index::build(&data);
        let p = data.provinces.len();
        let starts = [p, p + data.communes.len(), p + data.communes.len() + data.legacy.len()];
        let province_ix = |code: &ProvinceCode| data.provinces.iter().position(|p| p.code == *code);
        let commune_by_code = sorted_by(&data.communes, |c| c.code.as_str());
        let commune_province: Vec<u8> =
            data.communes.iter().map(|c| province_ix(&c.province).map_or(u8::MAX, |i| i as u8)).collect();
        let find_commune = |code: &CommuneCode| {
            commune_by_code
                .binary_search_by(|&i| data.communes[i as usize].code.cmp(code))
                .ok()
                .map(|i| commune_by_code[i] as usize)
        };
        let legacy_provinces = data
            .legacy
            .iter()
            .map(|l| {
                l.targets
                    .iter()
                    .filter_map(&find_commune)
                    .map(|c| commune_province[c])
                    .filter(|&p| p < 64)
                    .fold(0u64, |m, p| m | 1 << p)
            })
            .collect();
        let all: Vec<String> = data.procedures.iter().map(|p| text::fold(&p.field)).collect();
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        let mut fields: Vec<String> = order_strs(&refs).into_iter().map(|i| all[i as usize].clone()).collect();
        fields.dedup();
        let procedure_field =
            data.procedures.iter().map(|p| fields.binary_search(&text::fold(&p.field)).unwrap_or(0) as u16).collect();
        let (procedure_family, families) = families(&data);
        Engine {
            procedure_family,
            families,
            legacy_by_code: sorted_by(&data.legacy, |l| l.code.as_ref().map_or("", |c| c.as_str())),
            procedure_by_code: sorted_by(&data.procedures, |p| p.code.as_str()),
            commune_by_code,
            commune_province,
            legacy_provinces,
            procedure_field,
            fields,
            starts,
            index,
            weights,
            data,
            scratch: Mutex::new(Scratch::default()),
        }
    }

    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// Changes the weights without rebuilding the index.
    pub fn set_weights(&mut self, weights: Weights) {
        self.weights = weights;
    }

    pub fn data(&self) -> &SearchData {
        &self.data
    }

    /// Approximate heap bytes of the index (records excluded) and of the records.
    pub fn heap_bytes(&self) -> (usize, usize) {
        let d = &self.data;
        let s = |x: &String| x.capacity() + 24;
        // A code: its digits inline in a String.
        let c = |x: &str| x.len() + 24;
        let records = d
            .provinces
            .iter()
            .map(|p| c(p.code.as_str()) + s(&p.name) + s(&p.short_name) + p.merged_from.iter().map(s).sum::<usize>())
            .sum::<usize>()
            + d.communes.iter().map(|x| c(x.code.as_str()) + s(&x.name) + c(x.province.as_str())).sum::<usize>()
            + d.legacy
                .iter()
                .map(|l| {
                    24 + s(&l.name)
                        + s(&l.district)
                        + s(&l.province)
                        + l.targets.iter().map(|t| c(t.as_str())).sum::<usize>()
                })
                .sum::<usize>()
            + d.procedures
                .iter()
                .map(|p| {
                    c(p.code.as_str())
                        + s(&p.name)
                        + s(&p.field)
                        + 2 * 24
                        + p.everyday.iter().chain(&p.name_en).chain(&p.aliases_en).map(s).sum::<usize>()
                })
                .sum::<usize>();
        let lookups = 4 * (self.commune_by_code.len() + self.legacy_by_code.len() + self.procedure_by_code.len())
            + self.commune_province.len()
            + 8 * self.legacy_provinces.len()
            + 2 * self.procedure_field.len()
            + self.fields.iter().map(s).sum::<usize>();
        (self.index.heap_bytes() + lookups, records)
    }

    /// Number of distinct accent-free words indexed.
    pub fn vocabulary_len(&self) -> usize {
        self.index.keys.len()
    }

    fn kind(&self, doc: usize) -> (HitKind, usize) {
        if doc < self.starts[0] {
            (HitKind::Province, doc)
        } else if doc < self.starts[1] {
            (HitKind::Commune, doc - self.starts[0])
        } else if doc < self.starts[2] {
            (HitKind::Legacy, doc - self.starts[1])
        } else {
            (HitKind::Procedure, doc - self.starts[2])
        }
    }

    fn kind_factor(&self, kind: HitKind) -> f32 {
        let w = &self.weights;
        match kind {
            HitKind::Province => w.province,
            HitKind::Commune => w.commune,
            HitKind::Legacy => w.legacy,
            HitKind::Procedure => w.procedure,
        }
    }

    fn allow(&self, f: &Filters) -> Allow {
        if *f == Filters::default() {
            return Allow::All;
        }
        let d = &self.data;
        let province = f.province.as_ref().map(|code| d.provinces.iter().position(|p| p.code == *code));
        let commune = f.commune.as_ref().map(|code| {
            self.commune_by_code
                .binary_search_by(|&i| d.communes[i as usize].code.cmp(code))
                .ok()
                .map(|i| self.commune_by_code[i] as usize)
        });
        let field = f.field.as_deref().map(|x| self.fields.binary_search(&text::fold(x)).ok().map(|i| i as u16));
        let procedures_only = f.field.is_some() || f.level.is_some() || f.channel.is_some() || f.own;
        // The province a procedure must belong to if it is one's own.
        let place = commune
            .map(|c| c.map(|c| &d.communes[c].province))
            .or_else(|| province.map(|p| p.map(|p| &d.provinces[p].code)));
        let ok = |doc: usize| -> bool {
            let (kind, i) = self.kind(doc);
            if procedures_only && kind != HitKind::Procedure {
                return false;
            }
            match kind {
                HitKind::Province => commune.is_none() && province.is_none_or(|p| p == Some(i)),
                HitKind::Commune => {
                    province.is_none_or(|p| p.is_some_and(|p| self.commune_province[i] as usize == p))
                        && commune.is_none_or(|c| c == Some(i))
                }
                HitKind::Legacy => {
                    province.is_none_or(|p| p.is_some_and(|p| p < 64 && self.legacy_provinces[i] >> p & 1 == 1))
                        && commune.is_none_or(|c| c.is_some_and(|c| d.legacy[i].targets.contains(&d.communes[c].code)))
                }
                HitKind::Procedure => {
                    let p = &d.procedures[i];
                    // Another province's own procedure is not done here; this one's is,
                    // even where the catalogue gives no level.
                    let own_elsewhere = p.province.as_ref().is_some_and(|own| place.is_some_and(|at| at != Some(own)));
                    let own_here = p.province.is_some() && place.is_some() && !own_elsewhere;
                    !own_elsewhere
                        && (!f.own || p.province.is_some())
                        && (province.is_none()
                            || own_here
                            || p.levels.iter().any(|l| matches!(l, Level::Province | Level::Commune)))
                        && (commune.is_none() || p.levels.contains(&Level::Commune))
                        && field.is_none_or(|f| f == Some(self.procedure_field[i]))
                        && f.level.is_none_or(|l| p.levels.contains(&l))
                        && f.channel.is_none_or(|c| p.channels.contains(&c))
                }
            }
        };
        Allow::Only((0..self.index.docs()).map(ok).collect())
    }

    /// Searches `query`; at most `limit` hits (capped at [`MAX_LIMIT`]), best
    /// first, a procedure family once. Bounded work for any input: see
    /// [`MAX_QUERY_CHARS`] and the other limits.
    pub fn search(&self, query: &str, filters: &Filters, limit: usize) -> Vec<Hit> {
        self.find(query, filters, limit).hits
    }

    /// [`Engine::search`], with the hits told apart into answers and more
    /// results, and the catalogue's gap the query names.
    pub fn find(&self, query: &str, filters: &Filters, limit: usize) -> Results {
        let mut hits = self.ranked(query, filters, limit);
        let best = hits.first().map_or(0.0, |h| h.score);
        let mut answers = hits.iter().take_while(|h| h.score >= best * self.weights.answer).count();
        let gap = coverage::gap_of(query);
        if let Some(g) = gap {
            // Only what names the missing topic is an answer (authorising
            // someone to collect an unemployment benefit); the rest is "more".
            let names = |h: &Hit| {
                let k = format!(" {} ", text::fold(&h.title));
                g.phrases.iter().any(|p| k.contains(&format!(" {p} ")))
            };
            let rest = hits.split_off(answers);
            let (named, other): (Vec<Hit>, Vec<Hit>) = hits.into_iter().partition(names);
            answers = named.len();
            hits = named.into_iter().chain(other).chain(rest).collect();
        }
        // A topic is a gap only while no procedure the catalogue holds names it.
        let gap = gap.filter(|_| answers == 0);
        Results { hits, answers, gap }
    }

    fn ranked(&self, query: &str, filters: &Filters, limit: usize) -> Vec<Hit> {
        let limit = limit.min(MAX_LIMIT);
        if limit == 0 {
            return Vec::new();
        }
        // The engine's working memory, or a fresh one if another thread holds it.
        let mut own = None;
        let mut held = self.scratch.try_lock().ok();
        let s: &mut Scratch = match held.as_deref_mut() {
            Some(s) => s,
            None => own.insert(Scratch::default()),
        };
        s.prepare(self.index.docs(), self.index.accs.len());
        let allow = self.allow(filters);
        let mut scored = self.code_hits(query);
        scored.retain(|&(d, _)| allow.get(d as usize));
        for r in query::analyse(query, &self.index) {
            self.score_reading(&r, &allow, limit, s, &mut scored);
        }
        s.fuzzy.clear();
        // Each record once, with its best score.
        s.keep_best(&scored);
        // Drop what scores far below the best (stray typo or one-word matches).
        let best = s.docs.iter().map(|&d| s.best_of(d)).fold(0f32, |a, b| if b > a { b } else { a });
        let floor = best * self.weights.cutoff;
        // Best first; then shorter names; then record order (deterministic).
        let mut order: Vec<(u64, u32)> = s
            .docs
            .iter()
            .map(|&d| (d, s.best_of(d)))
            .filter(|&(_, score)| score >= floor)
            .map(|(d, score)| (desc(score) << 32 | (self.index.name_len[d as usize] as u64) << 24 | d as u64, d))
            .collect();
        sort_keys(&mut order);
        // A family once: its best member (the families are few and short).
        let mut seen: Vec<u32> = Vec::new();
        let mut hits = Vec::with_capacity(limit.min(order.len()));
        for &(_, d) in &order {
            if hits.len() == limit {
                break;
            }
            let (kind, i) = self.kind(d as usize);
            let family = if kind == HitKind::Procedure { self.procedure_family[i] } else { u32::MAX };
            if family != u32::MAX {
                if seen.contains(&family) {
                    continue;
                }
                seen.push(family);
            }
            let mut hit = self.hit(d as usize, s.best_of(d));
            if family != u32::MAX {
                hit.family = self.families[family as usize].iter().map(|&m| m as usize).filter(|&m| m != i).collect();
            }
            hits.push(hit);
        }
        hits
    }

    /// Exact and prefix matches of codes: a GSO code when it is the whole
    /// query ("79", "00070"), a procedure code anywhere in it ("thủ tục 1.001193").
    fn code_hits(&self, query: &str) -> Vec<(u32, f32)> {
        let q = query::cap(query, MAX_QUERY_CHARS);
        let chunks: Vec<&str> = q
            .split_whitespace()
            .take(MAX_TOKENS)
            .map(|c| c.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
            .filter(|c| !c.is_empty())
            .collect();
        let mut out = Vec::new();
        for c in &chunks {
            let whole = chunks.len() == 1;
            if whole || c.contains('.') {
                self.code_hits_of(c, &mut out);
            }
        }
        out
    }

    fn code_hits_of(&self, q: &str, out: &mut Vec<(u32, f32)>) {
        let w = self.weights.code;
        let d = &self.data;
        if q.is_empty() || q.len() > 20 {
            return;
        }
        let (p0, c0, l0, r0) = (0, self.starts[0], self.starts[1], self.starts[2]);
        if q.bytes().all(|b| b.is_ascii_digit()) && q.len() <= 5 {
            if q.len() == 2 {
                if let Some(i) = d.provinces.iter().position(|p| p.code.as_str() == q) {
                    out.push(((p0 + i) as u32, w));
                }
            }
            if q.len() >= 2 {
                let padded = format!("{q:0>5}");
                let exact = if q.len() == 5 { w } else { w * 0.9 };
                let communes = |i: u32| d.communes[i as usize].code.as_str();
                let legacy = |i: u32| d.legacy[i as usize].code.as_ref().map_or("", |c| c.as_str());
                let lw = self.weights.legacy;
                code_matches(&self.commune_by_code, communes, &padded, q, c0, exact, w * 0.5, out);
                code_matches(&self.legacy_by_code, legacy, &padded, q, l0, exact * lw, w * 0.5 * lw, out);
            }
        } else if q.contains('.')
            && q.starts_with(|c: char| c.is_ascii_digit())
            && q.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        {
            let by = &self.procedure_by_code;
            let code = |i: u32| d.procedures[i as usize].code.as_str();
            let lo = by.partition_point(|&i| code(i) < q);
            for &i in by[lo..].iter().take_while(|&&i| code(i).starts_with(q)).take(20) {
                out.push(((r0 + i as usize) as u32, if code(i) == q { w } else { w * 0.5 }));
            }
        }
    }

    /// The vocabulary terms each word of `r` matches, and the words' importance.
    /// Fuzzy expansions are kept: of a vocabulary key in `known` (by key id,
    /// for every later search: words typed before keep being searched while
    /// the query grows, and are mostly known words), of another key in
    /// `fuzzy` (for the other readings of the query).
    fn expand(&self, r: &Reading, fuzzy: &mut FuzzyCache, known: &mut KnownFuzzy) -> (Vec<Match>, Vec<f32>) {
        let w = &self.weights;
        let ix = &self.index;
        let n_docs = ix.docs().max(2) as f32;
        let mut all = Vec::new();
        let mut importance = Vec::with_capacity(r.words.len());
        for (wi, qw) in r.words.iter().enumerate() {
            let first = all.len();
            let mut exact_df: Option<u32> = None;
            for (ai, alt) in qw.alts.iter().enumerate() {
                let key = alt.key.as_str();
                if key.is_empty() {
                    continue;
                }
                let m = |key, how, quality| Match { key, word: wi as u8, alt: ai as u8, how, quality };
                let id = ix.key_id(key);
                if let Some(id) = id {
                    all.push(m(id, How::Exact, 1.0));
                    exact_df = Some(exact_df.map_or(ix.df(id), |d| d.min(ix.df(id))));
                }
                if qw.prefix {
                    let at = all.len();
                    all.extend(ix.prefix_range(key).filter(|&id| ix.keys[id].len() > key.len()).map(|id| {
                        let share = key.len() as f32 / ix.keys[id].len() as f32;
                        m(id as u32, How::Prefix, w.prefix * (0.5 + 0.5 * share))
                    }));
                    if all.len() - at > MAX_PREFIX_TERMS {
                        let mut pre = all.split_off(at);
                        sort_by_u64(&mut pre, |m| (u32::MAX - ix.df(m.key)) as u64);
                        pre.truncate(MAX_PREFIX_TERMS);
                        all.extend(pre);
                    }
                }
                let terms: &[(u8, u32)] = match id {
                    Some(id) => {
                        if known.len() < ix.keys.len() {
                            known.resize_with(ix.keys.len(), || None);
                        }
                        known[id as usize].get_or_insert_with(|| self.fuzzy_terms(key).into())
                    }
                    None => {
                        let cached = match fuzzy.iter().position(|(k, _)| **k == *key) {
                            Some(i) => i,
                            None => {
                                fuzzy.push((key.into(), self.fuzzy_terms(key)));
                                fuzzy.len() - 1
                            }
                        };
                        &fuzzy[cached].1
                    }
                };
                all.extend(terms.iter().map(|&(d, id)| m(id, How::Fuzzy, w.fuzzy.powi(d as i32))));
            }
            // One match per term: the best.
            let mut mine = all.split_off(first);
            sort_by_u64(&mut mine, |m| (m.key as u64) << 32 | desc(m.quality));
            mine.dedup_by_key(|m| m.key);
            let idf = |df: u32| ((n_docs / df.max(1) as f32).ln() / n_docs.ln()).clamp(0.0, 1.0);
            let norm = match exact_df {
                Some(df) => idf(df),
                None => mine.iter().max_by(|a, b| a.quality.total_cmp(&b.quality)).map_or(1.0, |m| idf(ix.df(m.key))),
            };
            let base = if qw.optional {
                w.place_word
            } else if qw.stop {
                w.stop
            } else {
                1.0 + w.idf * norm
            };
            importance.push(base * qw.share);
            all.extend(mine);
        }
        (all, importance)
    }

    /// The vocabulary keys within [`fuzzy::max_edits`] of `key` (not `key`
    /// itself), with their distance: the [`MAX_FUZZY_TERMS`] closest, then
    /// most frequent.
    fn fuzzy_terms(&self, key: &str) -> Vec<(u8, u32)> {
        let ix = &self.index;
        let k = fuzzy::max_edits(key.chars().count());
        if k == 0 {
            return Vec::new();
        }
        let q = key.as_bytes();
        let bytes = byte_set(q);
        let mut fz: Vec<(u8, u32)> = Vec::new();
        // A plain loop over slices: no call per key, even at opt-level "z".
        let (keys, sigs) = (&ix.keys[..], &ix.key_sig[..]);
        for id in 0..sigs.len() {
            let sig = sigs[id];
            if ((sig >> 32) as usize).abs_diff(q.len()) <= k as usize
                && (sig as u32 ^ bytes).count_ones() <= 2 * k as u32
            {
                if let Some(d) = fuzzy::within(q, keys[id].as_bytes(), k).filter(|&d| d > 0) {
                    fz.push((d, id as u32));
                }
            }
        }
        if fz.len() > MAX_FUZZY_TERMS {
            sort_by_u64(&mut fz, |&(d, id)| (d as u64) << 32 | (u32::MAX - ix.df(id)) as u64);
            fz.truncate(MAX_FUZZY_TERMS);
        }
        fz
    }

    fn commune_name(&self, code: &CommuneCode) -> Option<&str> {
        let d = &self.data;
        self.commune_by_code
            .binary_search_by(|&i| d.communes[i as usize].code.cmp(code))
            .ok()
            .map(|i| d.communes[self.commune_by_code[i] as usize].name.as_str())
    }

    fn hit(&self, doc: usize, score: f32) -> Hit {
        let d = &self.data;
        let (kind, i) = self.kind(doc);
        let (route, title, subtitle) = match kind {
            HitKind::Province => {
                let p = &d.provinces[i];
                let others: Vec<&str> = p.merged_from.iter().map(String::as_str).filter(|m| *m != p.name).collect();
                (Some(Route::province(p.code.clone())), p.name.clone(), others.join(", "))
            }
            HitKind::Commune => {
                let c = &d.communes[i];
                let prov =
                    d.provinces.iter().find(|p| p.code == c.province).map(|p| p.name.clone()).unwrap_or_default();
                (Some(Route::Commune(c.code.clone())), c.name.clone(), prov)
            }
            HitKind::Legacy => {
                let l = &d.legacy[i];
                let prov = short_province(&l.province);
                let targets: Vec<&str> = l.targets.iter().take(3).filter_map(|t| self.commune_name(t)).collect();
                let mut sub = if l.district == l.name { prov } else { format!("{}, {}", l.district, prov) };
                if !targets.is_empty() {
                    sub.push_str(" → ");
                    sub.push_str(&targets.join(", "));
                }
                let route = l.targets.first().cloned().map(Route::Commune);
                (route, l.name.clone(), sub)
            }
            HitKind::Procedure => {
                let p = &d.procedures[i];
                (Some(Route::Procedure(p.code.clone())), p.name.clone(), p.field.clone())
            }
        };
        Hit { kind, target: route, title, subtitle, score, record: i, family: Vec::new() }
    }
}

/// Each procedure's family id and the families of two or more, by code.
fn families(data: &SearchData) -> (Vec<u32>, Vec<Vec<u32>>) {
    let names: Vec<String> = data.procedures.iter().map(|p| family_name(&p.name)).collect();
    let by_name = order_strs(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let mut of = vec![u32::MAX; names.len()];
    let mut families: Vec<Vec<u32>> = Vec::new();
    let mut i = 0;
    while i < by_name.len() {
        let name = &names[by_name[i] as usize];
        let n = by_name[i..].iter().take_while(|&&j| names[j as usize] == *name).count();
        if n > 1 {
            let group = &by_name[i..i + n];
            let codes: Vec<&str> = group.iter().map(|&m| data.procedures[m as usize].code.as_str()).collect();
            let members: Vec<u32> = order_strs(&codes).into_iter().map(|j| group[j as usize]).collect();
            for &m in &members {
                of[m as usize] = families.len() as u32;
            }
            families.push(members);
        }
        i += n;
    }
    (of, families)
}

/// Records of `by` (indices sorted by `code`) whose code is `exact` (scored
/// `exact_score`) or, for a query of 3 digits or more, starts with `typed`.
#[allow(clippy::too_many_arguments)]
fn code_matches<'a>(
    by: &[u32],
    code: impl Fn(u32) -> &'a str,
    exact: &str,
    typed: &str,
    start: usize,
    exact_score: f32,
    prefix_score: f32,
    out: &mut Vec<(u32, f32)>,
) {
    let lo = by.partition_point(|&i| code(i) < exact);
    for &i in by[lo..].iter().take_while(|&&i| code(i) == exact) {
        out.push(((start + i as usize) as u32, exact_score));
    }
    if typed.len() >= 3 {
        let lo = by.partition_point(|&i| code(i) < typed);
        for &i in by[lo..].iter().take_while(|&&i| code(i).starts_with(typed)).take(20) {
            if code(i) != exact {
                out.push(((start + i as usize) as u32, prefix_score));
            }
        }
    }
}

/// "Thành phố Hồ Chí Minh" → "TP Hồ Chí Minh"; "Tỉnh Bình Dương" → "Bình Dương".
fn short_province(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("Thành phố ") {
        format!("TP {rest}")
    } else if let Some(rest) = name.strip_prefix("Tỉnh ") {
        rest.to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests;
