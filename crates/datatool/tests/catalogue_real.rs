//! The whole pipeline on the real sources: counts, validation, the file
//! round-trip, and writing without leaving partial output.

use cuaso_catalogue::format::{self, *};
use cuaso_catalogue::model::*;
use cuaso_data::{read_sources, validate, write, Catalogue, ReadReport};
mod common;
use common::{copy_dir, sources_dir};
use std::sync::OnceLock;

fn real() -> &'static (Catalogue, ReadReport) {
    static CAT: OnceLock<(Catalogue, ReadReport)> = OnceLock::new();
    CAT.get_or_init(|| read_sources(&sources_dir()).expect("the real sources read"))
}

#[test]
fn counts_are_those_of_the_sources() {
    let (cat, report) = real();
    let c = cat.counts();
    assert_eq!((c.provinces, c.communes, c.legacy_units, c.procedures), (34, 3321, 10040, 5738));
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    // Đà Nẵng's feed: 94 commune offices and 317 post offices (318 in the
    // compilation, one listed twice); the reported sources: 8 provincial
    // centres and 9 of Hồ Chí Minh City's commune centres.
    assert_eq!(c.centres_published, 94 + 8 + 9);
    assert_eq!(c.support_points, 317);
    assert_eq!(cat.provinces.iter().filter(|p| p.centre.is_published()).count(), 8);
    assert_eq!(report.feeds.len(), 1);
    let (code, _, added) = &report.feeds[0];
    assert_eq!((code.as_str(), added.centres, added.centres_with_phone, added.support_points), ("48", 94, 93, 317));
    // Users see Đà Nẵng's source, its date and the file it came through.
    let source = cat.sources.iter().find(|s| s.id == "feed-48").expect("the feed's source");
    assert!(source.name.contains("Đà Nẵng") && source.date == "2025-07", "{source:?}");
    let feed = source.feed.as_ref().expect("provenance");
    assert_eq!((feed.province.as_str(), feed.files.as_str()), ("48", "thong-tin.csv, trung-tam.csv, diem-ho-tro.csv"));
    let danang = cat.communes.iter().filter(|c| c.province.as_str() == "48");
    assert!(danang.clone().all(|c| c.centre.source.as_deref() == Some("feed-48")));
    let hai_chau = cat.communes.iter().find(|c| c.name == "Phường Hải Châu").unwrap();
    assert_eq!(hai_chau.centre.phones, ["0903570134"]);
    assert_eq!(hai_chau.centre.address.as_deref(), Some("Số 15 đường Lê Hồng Phong, phường Hải Châu"));
}

#[test]
fn the_real_catalogue_validates() {
    let (cat, report) = real();
    let problems = validate::validate(cat, report.expected);
    assert!(problems.is_empty(), "{}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
}

#[test]
fn every_file_round_trips() {
    let (cat, _) = real();
    let files = write::files(cat);
    let v = |p: &str| files.get(p).unwrap_or_else(|| panic!("{p} missing"));
    let provinces: Vec<Province> = format::decode(v(PROVINCES_FILE)).unwrap();
    assert_eq!(provinces, cat.provinces);
    let rows: Vec<CommuneRow> = format::decode(v(COMMUNES_FILE)).unwrap();
    assert_eq!(rows.len(), 3321);
    let mut communes = Vec::new();
    let mut legacy_codes = std::collections::HashSet::new();
    for p in &cat.provinces {
        let f: ProvinceFile = format::decode(v(&province_file(&p.code))).unwrap();
        assert_eq!(f.communes.len() as u32, p.commune_count);
        legacy_codes.extend(f.legacy_units.iter().map(|u| (u.code.clone(), u.name.clone(), u.district.clone())));
        communes.extend(f.communes);
    }
    assert_eq!(communes, cat.communes);
    assert_eq!(legacy_codes.len(), 10040, "every former unit is in some province file");
    let index: Vec<ProcedureSummary> = format::decode(v(PROCEDURE_INDEX_FILE)).unwrap();
    // Every procedure but the 191 internal ones (between state bodies).
    assert_eq!(index.len(), 5738 - 191);
    for p in &cat.procedures {
        let back: Procedure = format::decode(v(&procedure_file(&p.code))).unwrap();
        assert_eq!(&back, p);
    }
    let events: Vec<LifeEvent> = format::decode(v(LIFE_EVENTS_FILE)).unwrap();
    assert_eq!(events, cat.life_events);
    assert!(events.len() >= 9, "{} life events", events.len());
    let birth = events.iter().find(|e| e.slug == "sinh-con").expect("the birth event");
    assert_eq!(birth.codes[0].as_str(), "1.001193", "birth registration comes first");
    for e in &events {
        assert!((1..=15).contains(&e.codes.len()), "{}: {} procedures", e.slug, e.codes.len());
        for code in &e.codes {
            assert!(index.iter().any(|p| &p.code == code), "{}: {code} is not in the procedure index", e.slug);
            assert!(files.contains_key(&procedure_file(code)), "{}: no file for {code}", e.slug);
        }
    }
}

#[test]
fn writing_replaces_the_folder_whole_and_names_the_version() {
    let (cat, _) = real();
    let dir = std::env::temp_dir().join(format!("cuaso-write-{}", std::process::id()));
    let out = dir.join("data");
    std::fs::create_dir_all(out.join("stale")).unwrap();
    let written = write::write(cat, &out, "2026-01-01", cat.counts()).unwrap();
    assert!(!out.join("stale").exists(), "the old tree is replaced, not merged into");
    let manifest = format::decode_manifest(&std::fs::read_to_string(out.join(MANIFEST_PATH)).unwrap()).unwrap();
    assert_eq!(manifest, written.manifest);
    assert!(out.join(&manifest.version).join("thu-tuc/1.001193.json").is_file());
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("data")], "no temporary folder left behind");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_broken_source_is_refused_with_its_file_and_line() {
    let dir = std::env::temp_dir().join(format!("cuaso-broken-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&sources_dir(), &dir);
    std::fs::write(dir.join("geography/admin_units.jsonl.gz"), b"not gzip").unwrap();
    let err = read_sources(&dir).err().expect("a corrupt source is an error");
    assert!(err.contains("admin_units.jsonl.gz"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_command_exits_non_zero_and_writes_nothing_on_bad_sources() {
    let dir = std::env::temp_dir().join(format!("cuaso-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&sources_dir(), &dir.join("sources"));
    // A procedure whose code is duplicated: validation must refuse the catalogue.
    let path = dir.join("sources/procedures/dichvucong.jsonl.gz");
    let text = {
        use std::io::Read;
        let mut s = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap()).read_to_string(&mut s).unwrap();
        s
    };
    let first = text.lines().next().unwrap().to_string();
    let mut enc = flate2::write::GzEncoder::new(std::fs::File::create(&path).unwrap(), flate2::Compression::fast());
    std::io::Write::write_all(&mut enc, format!("{text}{first}\n").as_bytes()).unwrap();
    enc.finish().unwrap();
    let out = dir.join("out");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_cuaso-data"))
        .args(["build", "--sources"])
        .arg(dir.join("sources"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(stderr.contains("duplicate procedure code"), "{stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(!out.exists(), "no partial output");
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("sources")]);
    std::fs::remove_dir_all(&dir).unwrap();
}
