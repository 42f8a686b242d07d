//! Measures the engine natively on the real search records (a catalogue version folder):
//!
//! ```text
//! cargo run --release -p cuaso-search --example bench -- public/data/<v>
//! cargo run --release -p cuaso-search --example bench -- public/data/<v> "hoa cuong" "tphcm"
//! ```
//!
//! With queries after the path, prints their top hits instead. With
//! `--eval queries.tsv` (query, expected routes joined by `|`, k, category),
//! prints the share of queries with an expected route in the top k. With
//! `--dump queries.tsv` (and `BENCH_LIMIT`, default 20), prints the hits and
//! scores of every generated query, keystroke and labelled query, some with
//! filters: two versions of the engine rank alike when their dumps are equal.
//! With `--time queries.tsv`, times the labelled queries (each with its k, as
//! `scripts/bench-search` does) and lists the slowest 20.
//!
//! Times are the best of three runs of each query, so that another process
//! taking the CPU does not count.

use cuaso_catalogue::model::ProvinceCode;
use cuaso_catalogue::text;
use cuaso_search::data::SearchData;
use cuaso_search::{Engine, Filters};
use std::time::{Duration, Instant};

/// A deterministic pseudo-random sequence (no clock, no crate).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.next() % v.len()]
    }
}

/// Telex keystrokes for Vietnamese text (what someone without an IME types).
fn telex(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut out = String::new();
            let mut tone = None;
            for t in text::tokens(w) {
                for l in &t.letters {
                    use text::Mark::*;
                    match (l.base, l.mark) {
                        (b, Circumflex) => {
                            out.push(b);
                            out.push(b)
                        }
                        (b, Breve | Horn) => {
                            out.push(b);
                            out.push('w')
                        }
                        ('d', Stroke) => out.push_str("dd"),
                        (b, _) => out.push(b),
                    }
                }
                tone = [None, Some('s'), Some('f'), Some('r'), Some('x'), Some('j')][t.tone as usize];
            }
            if let Some(t) = tone {
                out.push(t);
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(s: &str, n: usize) -> String {
    s.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
}

fn typo(s: &str, rng: &mut Lcg) -> String {
    let mut ws: Vec<String> = s.split(' ').map(String::from).collect();
    let long: Vec<usize> = (0..ws.len()).filter(|&i| ws[i].len() >= 4 && ws[i].is_ascii()).collect();
    if let Some(&i) = long.get(rng.next() % long.len().max(1)) {
        let mut b = ws[i].clone().into_bytes();
        let k = 1 + rng.next() % (b.len() - 2);
        b.swap(k, k + 1);
        ws[i] = String::from_utf8(b).unwrap();
    }
    ws.join(" ")
}

/// A generated query, and the title of the record it was made from (any hit
/// with that title counts, since names repeat across provinces).
struct Q {
    kind: &'static str,
    text: String,
    target: Option<String>,
}

fn q(kind: &'static str, text: String, target: Option<&str>) -> Q {
    Q { kind, text, target: target.map(String::from) }
}

fn queries(d: &SearchData) -> Vec<Q> {
    let mut rng = Lcg(42);
    let mut out = Vec::new();
    let strip_kind = |n: &str| {
        let k = text::fold(n);
        for p in ["phuong ", "xa ", "dac khu ", "thi tran "] {
            if let Some(r) = k.strip_prefix(p) {
                return r.to_string();
            }
        }
        k
    };
    for _ in 0..60 {
        let c = rng.pick(&d.communes);
        out.push(q("commune", strip_kind(&c.name), Some(&c.name)));
        out.push(q("commune", c.name.to_lowercase(), Some(&c.name)));
    }
    for _ in 0..30 {
        let c = rng.pick(&d.communes);
        let k = text::fold(&c.name);
        let cut = (rng.next() % 3).min(k.len() - 1);
        out.push(q("typing", k[..k.len() - cut].to_string(), Some(&c.name)));
    }
    for _ in 0..60 {
        let l = rng.pick(&d.legacy);
        out.push(q("legacy", text::fold(&format!("{} {}", l.name, l.district)), Some(&l.name)));
    }
    for _ in 0..80 {
        let p = rng.pick(&d.procedures);
        let n = 3 + rng.next() % 4;
        let name = p.name.trim_start_matches("Thủ tục ");
        let t = Some(p.name.as_str());
        out.push(q("procedure", text::fold(&words(name, n)), t));
        out.push(q("accented", words(name, n).to_lowercase(), t));
        out.push(q("typo", typo(&text::fold(&words(name, n)), &mut rng), t));
    }
    for _ in 0..30 {
        let p = rng.pick(&d.procedures);
        out.push(q("telex", telex(&words(p.name.trim_start_matches("Thủ tục "), 4)), Some(&p.name)));
    }
    for _ in 0..20 {
        let p = rng.pick(&d.procedures);
        out.push(q("code", p.code.to_string(), Some(&p.name)));
        let c = rng.pick(&d.communes);
        out.push(q("code", c.code.to_string(), Some(&c.name)));
    }
    for s in ["tphcm", "p.1 q.3 tphcm", "hn", "sai gon", "hoankiem", "dk khai sinh", "a", "x", "th", "ng"] {
        out.push(q("short", s.to_string(), None));
    }
    let flood = format!("a{}", "\u{301}".repeat(10_000));
    for s in [
        "x".repeat(10_000),
        "đăng ký ".repeat(1_500),
        "🙂".repeat(3_000),
        flood,
        "\u{202e}مرحبا".repeat(1_000),
        "\u{0}\u{1b}[2J".repeat(2_000),
    ] {
        out.push(q("hostile", s, None));
    }
    out
}

fn pct(mut v: Vec<Duration>) -> String {
    v.sort();
    let p = |f: f64| v[((v.len() as f64 - 1.0) * f).round() as usize];
    format!(
        "n={:4}  p50={:7.3} ms  p95={:7.3} ms  max={:7.3} ms",
        v.len(),
        ms(p(0.5)),
        ms(p(0.95)),
        ms(*v.last().unwrap())
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::Path::new(args.first().expect("usage: bench <public/data/VERSION> [query...]"));
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
    let text = read(cuaso_search::tsv::CORE_FILE) + &read(cuaso_search::tsv::LEGACY_FILE);
    let t = Instant::now();
    let data: SearchData = cuaso_search::tsv::read(&text, "").expect("read the search records");
    let parse = t.elapsed();
    if args.len() > 2 && args[1] == "--dump" {
        // Every generated query, keystroke and labelled query with its top
        // hits and scores, to compare two versions of the engine exactly.
        let engine = Engine::new(data.clone());
        let tsv = std::fs::read_to_string(&args[2]).expect("read the query set");
        let mut all: Vec<String> = queries(&data).into_iter().map(|q| q.text).collect();
        for q in all.clone().iter().take(200) {
            all.extend(q.char_indices().map(|(i, c)| q[..i + c.len_utf8()].to_string()));
        }
        all.extend(tsv.lines().skip(1).filter_map(|l| l.split('\t').next()).map(String::from));
        let province = Filters { province: ProvinceCode::parse("79").ok(), ..Filters::default() };
        let field = Filters { field: Some("Hộ tịch".into()), ..Filters::default() };
        let limit = std::env::var("BENCH_LIMIT").ok().and_then(|l| l.parse().ok()).unwrap_or(20);
        for (i, q) in all.iter().enumerate() {
            for f in [&Filters::default(), &province, &field].into_iter().take(if i % 7 == 0 { 3 } else { 1 }) {
                let hits = engine.search(q, f, limit);
                let hs: Vec<String> =
                    hits.iter().map(|h| format!("{} {:.4} {}", h.href(), h.score, h.subtitle)).collect();
                println!("{:?}\t{}", q.chars().take(80).collect::<String>(), hs.join(" | "));
            }
        }
        return;
    }
    if args.len() > 2 && args[1] == "--time" {
        // The labelled queries as `scripts/bench-search` runs them (each with
        // its k): p50/p95/max of the best of 5 runs (`BENCH_REPS`), then the slowest 20.
        let engine = Engine::new(data);
        let tsv = std::fs::read_to_string(&args[2]).expect("read the query set");
        let f = Filters::default();
        let mut times: Vec<(Duration, String, String)> = Vec::new();
        let reps = std::env::var("BENCH_REPS").ok().and_then(|r| r.parse().ok()).unwrap_or(5);
        for line in tsv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let c: Vec<&str> = line.split('\t').collect();
            let (q, k) = (c[0], c.get(2).and_then(|k| k.parse::<usize>().ok()).unwrap_or(5));
            engine.search(q, &f, k);
            let mut e = Duration::MAX;
            for _ in 0..reps {
                let t = Instant::now();
                std::hint::black_box(engine.search(q, &f, k));
                e = e.min(t.elapsed());
            }
            times.push((e, c.get(3).unwrap_or(&"").to_string(), q.to_string()));
        }
        let total: Duration = times.iter().map(|t| t.0).sum();
        println!("labelled queries: {}  sum={:7.2} ms", pct(times.iter().map(|t| t.0).collect()), ms(total));
        times.sort_by_key(|t| std::cmp::Reverse(t.0));
        for (e, cat, q) in
            times.iter().take(std::env::var("BENCH_SLOWEST").ok().and_then(|n| n.parse().ok()).unwrap_or(20))
        {
            println!("  {:7.3} ms  [{cat}] {q:?}", ms(*e));
        }
        return;
    }
    if args.len() > 2 && args[1] == "--eval" {
        // Per category: top-k hit rate; "answer" = an expected page among the
        // answers (Engine::find's split); precision = the share of answers
        // that are expected pages (mean over queries); zero = queries with no hit.
        let mut engine = Engine::new(data);
        if let Some(a) = std::env::var("BENCH_ANSWER").ok().and_then(|a| a.parse().ok()) {
            engine.set_weights(cuaso_search::Weights { answer: a, ..engine.weights().clone() });
        }
        let tsv = std::fs::read_to_string(&args[2]).expect("read the query set");
        #[derive(Default)]
        struct Cat {
            name: String,
            n: usize,
            ok: usize,
            answer: usize,
            precision: f64,
            zero: usize,
        }
        let mut cats: Vec<Cat> = Vec::new();
        for line in tsv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let f: Vec<&str> = line.split('\t').collect();
            let (q, expected, k, cat) = (f[0], f[1], f[2].parse::<usize>().unwrap_or(5), f[3]);
            let r = engine.find(q, &Filters::default(), 20);
            let is_expected = |route: &str| expected.split('|').any(|e| e == route);
            let ok = r.hits.iter().take(k).any(|h| is_expected(&h.href()));
            let answers = &r.hits[..r.answers];
            let good = answers.iter().filter(|h| is_expected(&h.href())).count();
            let c = match cats.iter().position(|c| c.name == cat) {
                Some(i) => &mut cats[i],
                None => {
                    cats.push(Cat { name: cat.to_string(), ..Cat::default() });
                    cats.last_mut().unwrap()
                }
            };
            c.n += 1;
            c.ok += ok as usize;
            c.answer += (good > 0) as usize;
            c.precision += if answers.is_empty() { 0.0 } else { good as f64 / answers.len() as f64 };
            c.zero += r.hits.is_empty() as usize;
            if !ok && std::env::var_os("BENCH_MISSES").is_some() {
                let rank = r.hits.iter().position(|h| is_expected(&h.href()));
                println!(
                    "miss [{cat}] {q:?} (k {k}, rank {rank:?}) → {:?}",
                    r.hits.iter().take(3).map(|h| format!("{} {}", h.href(), h.title)).collect::<Vec<_>>()
                );
            }
        }
        let mut all = Cat { name: "ALL".into(), ..Cat::default() };
        for c in &cats {
            (all.n, all.ok, all.answer, all.precision, all.zero) =
                (all.n + c.n, all.ok + c.ok, all.answer + c.answer, all.precision + c.precision, all.zero + c.zero);
        }
        println!("| category | queries | top-k | in answers | precision of answers | zero results |");
        println!("|---|---:|---:|---:|---:|---:|");
        for c in cats.iter().chain([&all]) {
            let pct = |x: usize| x as f64 * 100.0 / c.n as f64;
            println!(
                "| {} | {} | {} ({:.1}%) | {:.1}% | {:.1}% | {} |",
                c.name,
                c.n,
                c.ok,
                pct(c.ok),
                pct(c.answer),
                c.precision * 100.0 / c.n as f64,
                c.zero
            );
        }
        return;
    }
    if args.len() > 1 {
        let engine = Engine::new(data);
        for q in &args[1..] {
            println!("== {q}");
            let top = std::env::var("BENCH_TOP").ok().and_then(|t| t.parse().ok()).unwrap_or(10);
            for h in engine.search(q, &Filters::default(), top) {
                println!("  {:6.3} {:?} {} {} — {}", h.score, h.kind, h.href(), h.title, h.subtitle);
            }
        }
        return;
    }
    let mut builds = Vec::new();
    let mut engine = None;
    for _ in 0..5 {
        let d = data.clone();
        let t = Instant::now();
        engine = Some(Engine::new(d));
        builds.push(t.elapsed());
    }
    let engine = engine.unwrap();
    let (index_bytes, record_bytes) = engine.heap_bytes();
    println!(
        "search records: {} KB, {} provinces, {} communes, {} legacy, {} procedures",
        text.len() / 1024,
        data.provinces.len(),
        data.communes.len(),
        data.legacy.len(),
        data.procedures.len()
    );
    println!("read the search records (tsv): {:.1} ms", ms(parse));
    builds.sort();
    println!("index build: median {:.1} ms (min {:.1}, max {:.1}) over 5", ms(builds[2]), ms(builds[0]), ms(builds[4]));
    println!("vocabulary: {} accent-free words", engine.vocabulary_len());
    println!("memory: index ≈ {} KB, records ≈ {} KB", index_bytes / 1024, record_bytes / 1024);
    let qs = queries(&data);
    let f = Filters::default();
    // Warm up.
    for q in &qs {
        engine.search(&q.text, &f, 20);
    }
    let mut all = Vec::new();
    // Per kind: times, and the rank of the first hit with the target title.
    type Stats<'a> = (&'a str, Vec<Duration>, Vec<Option<usize>>);
    let mut by_kind: Vec<Stats> = Vec::new();
    for q in &qs {
        let mut e = Duration::MAX;
        let mut hits = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            hits = engine.search(&q.text, &f, 20);
            e = e.min(t.elapsed());
        }
        let rank = q.target.as_ref().map(|t| hits.iter().position(|h| h.title == *t));
        all.push(e);
        let slot = match by_kind.iter().position(|(k, _, _)| *k == q.kind) {
            Some(i) => i,
            None => {
                by_kind.push((q.kind, Vec::new(), Vec::new()));
                by_kind.len() - 1
            }
        };
        by_kind[slot].1.push(e);
        if let Some(r) = rank {
            by_kind[slot].2.push(r);
            if std::env::var_os("BENCH_MISSES").is_some() && r.is_none_or(|r| r > 2) {
                println!(
                    "  miss [{}] {:?} → {:?} (wanted {:?})",
                    q.kind,
                    q.text,
                    hits.first().map(|h| &h.title),
                    q.target
                );
            }
        }
    }
    // As-you-type: every prefix of some queries, one search per keystroke.
    let mut typing = Vec::new();
    for q in qs.iter().filter(|q| q.kind == "procedure" || q.kind == "commune").take(40) {
        let q = &q.text;
        let chars: Vec<(usize, char)> = q.char_indices().collect();
        for &(i, c) in &chars {
            let mut e = Duration::MAX;
            for _ in 0..3 {
                let t = Instant::now();
                std::hint::black_box(engine.search(&q[..i + c.len_utf8()], &f, 20));
                e = e.min(t.elapsed());
            }
            typing.push(e);
        }
    }
    println!("queries (native, release, best of 3 runs each); found = target title at rank 1 / in top 3 / in top 20:");
    for (k, v, ranks) in by_kind {
        let found = if ranks.is_empty() {
            String::new()
        } else {
            let at = |n: usize| ranks.iter().filter(|r| r.is_some_and(|r| r < n)).count() * 100 / ranks.len();
            format!("  found {:3}% / {:3}% / {:3}%", at(1), at(3), at(20))
        };
        println!("  {k:10} {}{found}", pct(v));
    }
    println!("  {:10} {}", "keystrokes", pct(typing));
    println!("  {:10} {}", "ALL", pct(all));
    let filtered = Filters { province: ProvinceCode::parse("79").ok(), ..Filters::default() };
    let t = Instant::now();
    for q in qs.iter().take(100) {
        engine.search(&q.text, &filtered, 20);
    }
    println!("  with a province filter: {:.3} ms/query", ms(t.elapsed()) / 100.0);
}
