//! Fuzz targets for the search engine (proptest; see docs/security.md for the
//! long run): `search.json` in any state decodes or is refused, an engine
//! built from whatever decodes answers every query, and hostile queries —
//! 10,000 characters, emoji, floods of combining marks, right-to-left text,
//! control characters — return bounded results without panicking.

#[path = "../../catalogue/tests/mutate.rs"]
mod mutate;

use cuaso_catalogue::format::decode;
use cuaso_catalogue::model::{Channel, CommuneCode, Level, ProvinceCode};
use cuaso_search::data::SearchData;
use cuaso_search::{Engine, Filters};
use mutate::{config, inputs};
use proptest::prelude::*;
use std::sync::OnceLock;

const SEED: &str = include_str!("seeds/search.json");
/// Cases per target in a CI run (`PROPTEST_CASES` overrides).
const CI_CASES: u32 = 1000;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(decode(SEED).expect("seed decodes")))
}

/// Queries a person (or a hostile page) could type or paste.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("a".to_string()),
        Just("đăng ký ".to_string()),
        Just("🙂".to_string()),
        Just("🏳️‍🌈".to_string()),
        Just("\u{301}".to_string()),
        Just("\u{323}\u{308}".to_string()),
        Just("\u{202e}".to_string()),
        Just("مرحبا ".to_string()),
        Just("שלום ".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\r\n\t".to_string()),
        Just("\u{feff}\u{200b}".to_string()),
        Just("1.".to_string()),
        Just("00070 ".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("%00%".to_string()),
        "[a-zđ ]{1,12}",
        any::<char>().prop_map(String::from),
    ];
    (prop::collection::vec((piece, 1..2000usize), 1..4)).prop_map(|parts| {
        let mut s = String::new();
        for (p, n) in parts {
            for _ in 0..n {
                s.push_str(&p);
                if s.chars().count() >= 10_000 {
                    return s;
                }
            }
        }
        s
    })
}

fn filters() -> impl Strategy<Value = Filters> {
    (
        // Codes as typed in a URL, parsed at the edge as the app does.
        prop::option::of(prop_oneof!["[0-9]{2}", "[0-9]{1}", any::<String>()])
            .prop_map(|s| s.and_then(|s| ProvinceCode::parse(&s).ok())),
        prop::option::of(prop_oneof!["[0-9]{5}", "[0-9]{1,4}", any::<String>()])
            .prop_map(|s| s.and_then(|s| CommuneCode::parse(&s).ok())),
        prop::option::of(any::<String>()),
        prop::option::of(prop::sample::select(vec![Level::Commune, Level::Province, Level::Ministry, Level::Other])),
        prop::option::of(prop::sample::select(vec![Channel::Online, Channel::InPerson, Channel::Post])),
        any::<bool>(),
    )
        .prop_map(|(province, commune, field, level, channel, own)| Filters {
            province,
            commune,
            field,
            level,
            channel,
            own,
        })
}

proptest! {
    #![proptest_config(config(CI_CASES))]

    #[test]
    fn fuzz_search_file(text in inputs(SEED)) {
        // A tampered search.json (dangling codes, empty targets, absurd
        // sizes) must still give an engine that answers.
        if let Ok(data) = decode::<SearchData>(&text) {
            let e = Engine::new(data);
            for q in ["phuong", "a", "1.0", "00070", "hoa"] {
                for h in e.search(q, &Filters::default(), 10) {
                    prop_assert!(h.score.is_finite());
                }
            }
        }
    }

    #[test]
    fn fuzz_query(q in any::<String>(), f in filters(), limit in 0..600usize) {
        let hits = engine().search(&q, &f, limit);
        prop_assert!(hits.len() <= limit.min(cuaso_search::MAX_LIMIT));
    }

    #[test]
    fn fuzz_hostile_query(q in hostile(), f in filters()) {
        let hits = engine().search(&q, &f, 30);
        prop_assert!(hits.len() <= 30);
        prop_assert!(hits.iter().all(|h| h.score.is_finite() && h.href().starts_with('/')));
    }
}

/// Hostile queries of each class against the seed engine: bounded results;
/// the time is printed (`--nocapture`), not asserted.
#[test]
fn hostile_classes() {
    let e = engine();
    let cases: [(&str, String); 8] = [
        ("10,000 letters", "a".repeat(10_000)),
        ("10,000 chars of words", "đăng ký khai sinh ".repeat(600)),
        ("emoji", "🙂🏳️‍🌈👨‍👩‍👧".repeat(1_000)),
        ("combining flood", format!("a{}", "\u{301}\u{323}\u{308}".repeat(3_300))),
        ("right-to-left", "\u{202e}مرحبا שלום ".repeat(700)),
        ("control characters", "\u{0}\u{7}\u{1b}[2J\r\n\t\u{85}\u{2028}".repeat(1_000)),
        ("markup", "<img src=x onerror=alert(1)>".repeat(350)),
        ("digits and dots", "1.0".repeat(3_400)),
    ];
    for (name, q) in cases {
        let start = std::time::Instant::now();
        let hits = e.search(&q, &Filters::default(), 30);
        println!("{name:<24} {:>6} chars  {:>3} hits  {:?}", q.chars().count(), hits.len(), start.elapsed());
        assert!(hits.len() <= 30);
    }
}
