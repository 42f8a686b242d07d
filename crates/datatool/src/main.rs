//! `cuaso-data`: builds the static catalogue from the real sources.
//!
//! ```text
//! cuaso-data build [--sources data/sources] [--out public/data] [--report FILE.tsv]
//! cuaso-data import FEED [--sources data/sources] [--lang vi|en] [--dry-run] [--report FILE.csv]
//! ```
//!
//! `build` exits non-zero, writing nothing, when a source cannot be read or the
//! catalogue does not validate; every problem is printed as
//! `file: record: field: message`. `--report` writes, per procedure, what the
//! tool could not clean (`code`, `field`, `what`, tab-separated).
//!
//! `import` checks a province's feed (a folder of CSV files, or a JSON file;
//! `docs/feeds.md`), prints a report (file, row, column, problem,
//! suggestion), and only when there is no error writes the normalized feed to
//! `data/sources/feeds/{province}/feed.json`. Exit status 1 when the feed has
//! errors, 2 on bad usage.

use cuaso_catalogue::model::ProcedureKind;
use cuaso_data::feeds::Lang;
use cuaso_data::{import, read_sources, today, validate, write};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cuaso-data build [--sources DIR] [--out DIR] [--report FILE.tsv]
       cuaso-data import FEED [--sources DIR] [--lang vi|en] [--dry-run] [--report FILE.csv]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut sources = PathBuf::from("data/sources");
    let mut out = PathBuf::from("public/data");
    let mut report = None;
    match args.next().as_deref() {
        Some("build") => {}
        Some("import") => return import_command(args.collect()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    }
    while let Some(flag) = args.next() {
        let value = args.next();
        match (flag.as_str(), value) {
            ("--sources", Some(v)) => sources = v.into(),
            ("--out", Some(v)) => out = v.into(),
            ("--report", Some(v)) => report = Some(PathBuf::from(v)),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    match build(&sources, &out, report.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn import_command(args: Vec<String>) -> ExitCode {
    let mut feed = None;
    let mut opts = import::Options { sources: "data/sources".into(), lang: Lang::Vi, dry_run: false, today: today() };
    let mut report_csv = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dry-run" => opts.dry_run = true,
            "--sources" => match it.next() {
                Some(v) => opts.sources = v.into(),
                None => return usage(),
            },
            "--report" => match it.next() {
                Some(v) => report_csv = Some(PathBuf::from(v)),
                None => return usage(),
            },
            "--lang" => match it.next().as_deref() {
                Some("vi") => opts.lang = Lang::Vi,
                Some("en") => opts.lang = Lang::En,
                _ => return usage(),
            },
            _ if feed.is_none() && !a.starts_with("--") => feed = Some(PathBuf::from(a)),
            _ => return usage(),
        }
    }
    let Some(feed) = feed else { return usage() };
    match import::import(&feed, &opts) {
        Ok(outcome) => {
            print!("{}", outcome.text);
            if let Some(path) = report_csv {
                if let Err(e) = std::fs::write(&path, cuaso_data::feeds::report_csv(&outcome.issues, opts.lang)) {
                    eprintln!("error: {}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
            }
            if outcome.errors() > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn build(sources: &std::path::Path, out: &std::path::Path, report_tsv: Option<&std::path::Path>) -> Result<(), String> {
    let (cat, report) = read_sources(sources)?;
    for r in &report.rejected {
        eprintln!("rejected: {r}");
    }
    let problems = validate::validate(&cat, report.expected);
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("invalid: {p}");
        }
        return Err(format!("{} problems; nothing written", problems.len()));
    }
    let counts = cat.counts();
    let written = write::write(&cat, out, &today(), counts.clone())?;

    println!(
        "Catalogue {} (format {}) written to {}",
        written.manifest.version,
        written.manifest.format,
        out.display()
    );
    println!();
    println!("Records");
    println!("  provinces          {:>6}", counts.provinces);
    println!("  communes           {:>6}", counts.communes);
    println!(
        "  pre-2025 units     {:>6}  ({} split across several communes)",
        counts.legacy_units,
        cat.legacy_units.iter().filter(|u| u.is_split()).count()
    );
    let m = &report.catalogue;
    let st = &report.structured;
    println!(
        "  procedures         {:>6}  ({} with the crawl's details, {} with the portal's structured record, {} from the July 2026 catalogue only)",
        counts.procedures,
        counts.procedures as usize - m.catalogue_only,
        st.filled,
        m.catalogue_only - st.filled
    );
    let kind = |k| m.by_kind.get(&k).copied().unwrap_or(0);
    println!(
        "    by kind            standard {}, provinces' own {} ({} provinces), internal {} (kept out of search and lists)",
        kind(ProcedureKind::Standard),
        kind(ProcedureKind::Provincial),
        m.provinces_with_own,
        kind(ProcedureKind::Internal)
    );
    let en = cuaso_data::english::coverage(&cat);
    println!(
        "  English names      {:>6}  (commune level {} of {}, life events {} of {})",
        en.named, en.commune.0, en.commune.1, en.life_events.0, en.life_events.1
    );
    println!(
        "  service centres    {:>6}  ({} with a published address or phone)",
        cat.provinces.len() + cat.communes.len(),
        counts.centres_published
    );
    println!("  support points     {:>6}", counts.support_points);
    let r = &report.reported;
    println!(
        "  reported centres   {:>6}  provinces ({} values, verbatim with source and date), {} Hồ Chí Minh City commune centres (Notice 243/TB-UBND)",
        r.provinces, r.province_values, r.communes
    );
    println!();
    println!("Cross-checks");
    println!(
        "  GSO list vs vietnamadminunits: all {} units matched by name; {} codes differ (GSO code kept)",
        counts.communes,
        report.code_disagreements.len()
    );
    println!(
        "  portal catalogue vs crawl: {} entries; {} codes in both (crawl's details kept, {} blank agencies filled from the catalogue), {} only in the catalogue, {} only in the crawl",
        m.entries, m.both, m.agencies_filled, m.catalogue_only, m.crawl_only
    );
    for d in &m.duplicates {
        println!("  duplicate: {d}");
    }
    println!(
        "  structured records vs crawl: {} records; {} filled catalogue-only procedures, {} codes in both (crawl's fields kept; disagreements below), {} with no other source",
        st.records,
        st.filled,
        st.both,
        st.unknown.len()
    );
    println!("    {:<20} {:>8} {:>8}  examples", "field", "compared", "differ");
    for f in cuaso_data::structured::COMPARED {
        let d = &st.disagreements[f];
        println!(
            "    {:<20} {:>8} {:>8}  {}",
            f,
            st.compared[f],
            d.len(),
            d.iter().take(2).cloned().collect::<Vec<_>>().join(" | ")
        );
    }
    if !st.would_fill.is_empty() {
        let fills: Vec<String> = st.would_fill.iter().map(|(f, n)| format!("{f} {n}")).collect();
        println!("    crawl text or unpublished where the structured record is parsed: {}", fills.join(", "));
    }
    for (code, name, added) in &report.feeds {
        println!(
            "  feed {code} {name}: {} centres ({} with phone), {} support points, {} listed procedures",
            added.centres, added.centres_with_phone, added.support_points, added.procedures
        );
    }
    println!();
    println!("Procedure parse coverage");
    print!("{}", report.coverage);
    if let Some(path) = report_tsv {
        let mut tsv = String::from("code\tfield\twhat\n");
        let mut by_field: BTreeMap<&str, usize> = BTreeMap::new();
        let mut procedures = 0;
        for p in &cat.procedures {
            let lines = cuaso_data::procedures::uncleaned(p);
            procedures += usize::from(!lines.is_empty());
            for (field, what) in lines {
                *by_field.entry(field).or_default() += 1;
                tsv.push_str(&format!("{}\t{field}\t{what}\n", p.code));
            }
        }
        std::fs::write(path, tsv).map_err(|e| format!("{}: {e}", path.display()))?;
        let fields: Vec<String> = by_field.iter().map(|(f, n)| format!("{f} {n}")).collect();
        println!(
            "  not cleaned: {} lines on {procedures} procedures ({}), written to {}",
            by_field.values().sum::<usize>(),
            fields.join(", "),
            path.display()
        );
    }
    println!();
    println!("Sizes by file kind (bytes)");
    let mut kinds: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for f in &written.files {
        let kind = file_kind(&f.path);
        let e = kinds.entry(kind).or_default();
        e.0 += 1;
        e.1 += f.raw;
        e.2 += f.gzip;
    }
    println!("  {:<28} {:>6} {:>12} {:>12}", "kind", "files", "raw", "gzip");
    for (kind, (n, raw, gz)) in &kinds {
        println!("  {kind:<28} {n:>6} {raw:>12} {gz:>12}");
    }
    let largest = written
        .files
        .iter()
        .filter(|f| f.path.contains("/thu-tuc/") && !f.path.ends_with("index.json"))
        .max_by_key(|f| f.gzip);
    if let Some(f) = largest {
        println!("  largest procedure file: {} ({} raw, {} gzip)", f.path, f.raw, f.gzip);
    }
    Ok(())
}

fn file_kind(path: &str) -> &'static str {
    if path == "catalogue.json" {
        "manifest"
    } else if path.ends_with("/provinces.json") {
        "provinces (first screen)"
    } else if path.ends_with("/communes.json") {
        "commune index"
    } else if path.contains("/tinh/") {
        "province files"
    } else if path.ends_with("/search-core.tsv") {
        "search worker, first stage"
    } else if path.ends_with("/search-legacy.tsv") {
        "search worker, pre-2025 units"
    } else if path.ends_with("/toa-do.json") {
        "commune coordinates"
    } else if path.ends_with("/minh-bach.json") {
        "transparency (minh-bach)"
    } else if path.ends_with("/su-kien.json") {
        "life events"
    } else if path.ends_with("/thu-tuc/index.json") {
        "procedure index"
    } else {
        "procedure files"
    }
}
