//! `cuaso-data`: builds the static catalogue from the real sources.
//!
//! ```text
//! cuaso-data build [--sources data/sources] [--out public/data]
//! ```
//!
//! Exits non-zero, writing nothing, when a source cannot be read or the
//! catalogue does not validate; every problem is printed as
//! `file: record: field: message`.

use cuaso_data::{read_sources, validate, write};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cuaso-data build [--sources DIR] [--out DIR]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut sources = PathBuf::from("data/sources");
    let mut out = PathBuf::from("public/data");
    match args.next().as_deref() {
        Some("build") => {}
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
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    match build(&sources, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn build(sources: &std::path::Path, out: &std::path::Path) -> Result<(), String> {
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
    println!("  procedures         {:>6}", counts.procedures);
    println!(
        "  service centres    {:>6}  ({} with a published address or phone)",
        cat.provinces.len() + cat.communes.len(),
        counts.centres_published
    );
    println!("  support points     {:>6}", counts.support_points);
    println!();
    println!("Cross-checks");
    println!(
        "  GSO list vs vietnamadminunits: all {} units matched by name; {} codes differ (GSO code kept)",
        counts.communes,
        report.code_disagreements.len()
    );
    println!(
        "  Đà Nẵng: {} commune offices ({} with phone), {} post offices as support points",
        report.danang.offices, report.danang.offices_with_phone, report.danang.post_offices
    );
    println!();
    println!("Procedure parse coverage");
    print!("{}", report.coverage);
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
    } else if path.ends_with("/search.json") {
        "search records"
    } else if path.ends_with("/toa-do.json") {
        "commune coordinates"
    } else if path.ends_with("/su-kien.json") {
        "life events"
    } else if path.ends_with("/thu-tuc/index.json") {
        "procedure index"
    } else {
        "procedure files"
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`, or `SOURCE_DATE_EPOCH`'s for reproducible builds.
fn today() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.parse::<i64>().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
    });
    // Howard Hinnant's days-to-civil algorithm.
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}
