//! Prints the procedure-page defects (see `cuaso_pages::audit`) of a written
//! catalogue: `cargo run -p cuaso-pages --example audit -- public/data/VERSION`.
//! With `--list`, one line per page that has any.

use cuaso_catalogue::format::{self, PROCEDURE_INDEX_FILE};
use cuaso_catalogue::model::Parsed;
use cuaso_catalogue::model::{Procedure, ProcedureSummary};
use cuaso_pages::audit::{defects, glued_numbers, Defects};
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: audit CATALOGUE_VERSION_DIR [--list]");
        std::process::exit(2);
    };
    let list = args.next().as_deref() == Some("--list");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let index: Vec<ProcedureSummary> = format::decode(&read(PROCEDURE_INDEX_FILE)).expect("procedure index");
    let (mut all, mut pages) = (Defects::default(), 0);
    for s in &index {
        let p: Procedure = format::decode(&read(&format::procedure_file(&s.code))).expect("procedure file");
        let d = defects(&p);
        if d.total() > 0 {
            pages += 1;
            if list {
                println!("{}\t{d:?}", p.code);
                for line in legal_lines(&p).iter().filter(|l| glued_numbers(l) > 0) {
                    println!("\t{line}");
                }
            }
        }
        all.add(&d);
    }
    println!("procedure pages            {}", index.len());
    println!("  with any defect          {pages}");
    println!("  '0 bản chính, 0 bản sao' {}", all.zero_counts);
    println!("  'free' beside a fee      {}", all.free_beside_fee);
    println!("  time without unit note   {}", all.unlabelled_times);
    println!("  run-on legal-basis lines {}", all.run_on_legal);
}

fn legal_lines(p: &Procedure) -> Vec<String> {
    match &p.legal_basis {
        Parsed::Parsed(rows) => rows.iter().map(|r| format!("{} — {}", r.number, r.title)).collect(),
        Parsed::Text(t) => t.lines().map(str::to_owned).collect(),
        Parsed::NotPublished => vec![],
    }
}
