//! The pages' logic on the REAL catalogue, read from the very files the data
//! tool writes for the app (`write::files`, decoded as the app decodes them).

use cuaso_catalogue::format::{self, CommuneRow, Manifest};
use cuaso_catalogue::model::{Level, ProcedureSummary, Province};
use cuaso_catalogue::transparency::Transparency;
use cuaso_data::{read_sources, write, Catalogue};
use cuaso_pages::hotlines::{Index, Shown};
use cuaso_pages::{address, fields, transparency};
use cuaso_search::Engine;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

fn catalogue() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources");
        read_sources(&dir).expect("the real sources read").0
    })
}

fn files() -> &'static BTreeMap<String, String> {
    static FILES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    FILES.get_or_init(|| write::files(catalogue()))
}

fn file<T: serde::de::DeserializeOwned>(name: &str) -> T {
    format::decode(&files()[name]).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    use cuaso_search::tsv;
    ENGINE.get_or_init(|| Engine::new(tsv::read(&files()[tsv::CORE_FILE], &files()[tsv::LEGACY_FILE]).unwrap()))
}

fn hotlines() -> Index {
    let provinces: Vec<Province> = file(format::PROVINCES_FILE);
    let communes: Vec<CommuneRow> = file(format::COMMUNES_FILE);
    Index::new(&provinces, &communes)
}

#[test]
fn an_old_address_leads_to_its_new_commune() {
    let (old, _) = address::lookup(engine(), "Hàng Trống, Hoàn Kiếm");
    let u = &old[0];
    assert_eq!((u.name.as_str(), u.district.as_str()), ("Phường Hàng Trống", "Quận Hoàn Kiếm"), "{old:?}");
    // Split between two new wards: the one holding most of it first, the default.
    let went: Vec<_> = u.successors.iter().map(|s| (s.name.as_deref(), s.province.as_deref(), s.default)).collect();
    assert_eq!(
        went,
        [
            (Some("Phường Hoàn Kiếm"), Some("Thành phố Hà Nội"), true),
            (Some("Phường Cửa Nam"), Some("Thành phố Hà Nội"), false)
        ]
    );

    // Typed as on an envelope, without accents: the old ward first, every
    // successor named, exactly one of them the default.
    let (old, _) = address::lookup(engine(), "phuong 1 quan 3 tp hcm");
    assert!(old.len() <= address::MAX_LEGACY);
    assert_eq!((old[0].name.as_str(), old[0].district.as_str()), ("Phường 1", "Quận 3"), "{old:?}");
    for u in &old {
        assert!(u.successors.iter().all(|s| s.name.is_some() && s.province.is_some()), "{u:?}");
        assert_eq!(u.successors.iter().filter(|s| s.default).count(), 1, "{u:?}");
    }
}

#[test]
fn a_new_name_is_told_apart_from_an_old_one() {
    let (_, new) = address::lookup(engine(), "Hoàn Kiếm");
    assert!(new.len() <= address::MAX_NEW);
    assert!(
        new.iter().any(|n| n.name == "Phường Hoàn Kiếm" && n.province == "Thành phố Hà Nội" && n.route.is_some()),
        "{new:?}"
    );
    assert_eq!(address::lookup(engine(), "   ").0, vec![]);
}

#[test]
fn the_hotline_filter_keeps_what_a_citizen_means() {
    let index = hotlines();
    let names = |q: &str| index.filter(q).iter().map(|k| k.entry.province.short_name.clone()).collect::<Vec<_>>();
    assert_eq!(index.filter("").len(), 34);
    assert!(index.filter("").iter().all(|k| k.shown == Shown::All && !k.auto_open));
    assert_eq!(names("xyzxyz"), Vec::<String>::new());
    // By the province's name, with or without accents, or a province merged into it.
    assert_eq!(names("Đà Nẵng"), ["Đà Nẵng"]);
    assert_eq!(names("da nang"), ["Đà Nẵng"]);
    assert_eq!(names("quang nam"), ["Đà Nẵng"]);
    // By a commune's name, typed as Telex keystrokes: only the provinces
    // that have it,     // its list opened by itself.
    // its list opened by itself (Nghệ An has a Hải Châu too).
    assert_eq!(names("hai chaau"), ["Đà Nẵng", "Nghệ An"]);
    for k in index.filter("hai chaau") {
        let Shown::Communes(codes) = &k.shown else { panic!("{:?}", k.shown) };
        assert!(!codes.is_empty() && k.auto_open);
    }
    // One normaliser: "y" and "i" are one letter to the filter as to search.
    assert_eq!(names("my tho"), names("mi tho"));
    assert!(!names("my tho").is_empty());
    // A common word matches communes in many provinces: none opens by itself.
    let many = index.filter("an");
    assert!(many.len() > 3 && many.iter().all(|k| !k.auto_open || k.shown == Shown::All));
}

#[test]
fn procedures_group_by_field_in_name_order() {
    let index: Vec<ProcedureSummary> = file(format::PROCEDURE_INDEX_FILE);
    let groups = fields::group_by_field(&index, Some(Level::Commune));
    let at_commune = index.iter().filter(|p| p.levels.contains(&Level::Commune)).count();
    assert_eq!(groups.iter().map(|(_, l)| l.len()).sum::<usize>(), at_commune);
    assert!(groups.iter().all(|(f, l)| l.iter().all(|p| p.field == *f && p.levels.contains(&Level::Commune))));
    let keys: Vec<String> = groups.iter().map(|(f, _)| cuaso_catalogue::text::sort_key(f)).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "fields sorted and distinct");
    assert!(groups.iter().any(|(f, _)| f == "Hộ tịch"));
    let count = fields::field_count(&groups);
    assert!(count.vi.starts_with(&format!("{at_commune} thủ tục trong {} lĩnh vực", groups.len())), "{}", count.vi);
    assert!(count.en.starts_with(&format!("{at_commune} procedures in {} fields", groups.len())), "{}", count.en);
}

#[test]
fn the_transparency_table_sorts_by_any_column() {
    let data: Transparency = file(format::TRANSPARENCY_FILE);
    let cat = catalogue();
    let manifest = Manifest {
        format: format::FORMAT_VERSION,
        version: String::new(),
        built: String::new(),
        sources: cat.sources.clone(),
        counts: cat.counts(),
        publisher: None,
    };
    let by_name = transparency::sorted(&data.provinces, transparency::Col::Name, true, &manifest);
    assert_eq!(by_name.len(), 34);
    assert_eq!(by_name[0].name, "Tỉnh An Giang");
    assert_eq!(by_name[33].name, "Tỉnh Vĩnh Long");
    let desc = transparency::sorted(&data.provinces, transparency::Col::OwnProcedures, false, &manifest);
    assert!(desc.windows(2).all(|w| w[0].own_procedures >= w[1].own_procedures));
    let by_date = transparency::sorted(&data.provinces, transparency::Col::Source, true, &manifest);
    let date = |r: &cuaso_catalogue::transparency::ProvinceStats| transparency::source_date(r, &manifest);
    assert!(by_date.windows(2).all(|w| date(&w[0]) <= date(&w[1])));
    // Rows without a reported source (no centre record yet) come first.
    assert!(by_date.iter().skip_while(|r| date(r).is_none()).all(|r| date(r).is_some()));
    assert!(by_date.iter().any(|r| date(r).is_some()));
    let chart = transparency::by_completeness(&data.provinces);
    assert!(chart.windows(2).all(|w| w[0].completeness() >= w[1].completeness()));
}

/// #16's four defects, on every procedure page of the real catalogue: none
/// reads "0 bản", leads with "free" beside a fee, shows a bare number as a
/// time, or runs one legal document into the next.
#[test]
fn no_procedure_page_shows_the_defects_citizens_reported() {
    use cuaso_catalogue::model::Procedure;
    use cuaso_pages::audit::{defects, Defects};
    let index: Vec<ProcedureSummary> = file(format::PROCEDURE_INDEX_FILE);
    assert!(index.len() > 5_000, "{}", index.len());
    let mut all = Defects::default();
    let mut pages = Vec::new();
    for s in &index {
        let p: Procedure = file(&format::procedure_file(&s.code));
        let d = defects(&p);
        if d.total() > 0 {
            pages.push(format!("{} {d:?}", p.code));
        }
        all.add(&d);
    }
    assert_eq!(all, Defects::default(), "{} pages: {:?}", pages.len(), &pages[..pages.len().min(10)]);
}
