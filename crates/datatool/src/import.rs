//! `cuaso-data import`: check one province's feed against the catalogue,
//! print the report, and — only when it has no error — write the normalized
//! feed to `data/sources/feeds/{province}/feed.json`, replacing that
//! province's previous feed whole. `build` then merges every feed.

use crate::feeds::{self, Issue, Lang, Provenance, Severity};
use crate::{read_base, read_feeds, validate, Catalogue};
use cuaso_catalogue::model::*;
use cuaso_catalogue::transparency::{province_stats, ProvinceStats};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub struct Options {
    pub sources: PathBuf,
    pub lang: Lang,
    /// Check and report only; write nothing.
    pub dry_run: bool,
    /// The import date recorded in the provenance (`YYYY-MM-DD`).
    pub today: String,
}

pub struct Outcome {
    /// The report, as printed.
    pub text: String,
    pub issues: Vec<Issue>,
    /// Where the normalized feed was written, when it was.
    pub written: Option<PathBuf>,
    /// The province's row of `/minh-bach` before and after, when the feed checks.
    pub before_after: Option<(ProvinceStats, ProvinceStats)>,
}

impl Outcome {
    pub fn errors(&self) -> usize {
        self.issues.iter().filter(|i| i.severity == Severity::Error).count()
    }
}

fn stats(cat: &Catalogue, code: &ProvinceCode) -> Option<ProvinceStats> {
    let p = cat.provinces.iter().find(|p| &p.code == code)?;
    let communes: Vec<&Commune> = cat.communes.iter().filter(|c| &c.province == code).collect();
    let index: Vec<ProcedureSummary> = cat.procedures.iter().map(Procedure::summary).collect();
    let local = cat.local_procedures.get(code).map_or(&[][..], |l| l.as_slice());
    Some(province_stats(p, &communes, local, &index))
}

fn describe(s: &ProvinceStats, lang: Lang) -> String {
    let hotline = s
        .hotline
        .as_ref()
        .map_or("-".to_string(), |h| format!("{}{}", h.number, if h.always_open { " 24/7" } else { "" }));
    let yes = |b: bool| match (b, lang) {
        (true, Lang::Vi) => "có",
        (false, Lang::Vi) => "chưa",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    };
    match lang {
        Lang::Vi => format!(
            "{}% · địa chỉ trung tâm tỉnh: {} · đường dây nóng: {hotline} · xã có địa chỉ {}/{} · có điện thoại {}/{} · điểm hỗ trợ {} · danh mục thủ tục: {}",
            s.percent(), yes(s.centre_address), s.communes_with_address, s.communes, s.communes_with_phone, s.communes, s.support_points,
            s.local_list.map_or("chưa".into(), |n| n.to_string())
        ),
        Lang::En => format!(
            "{}% · provincial centre address: {} · hotline: {hotline} · communes with address {}/{} · with phone {}/{} · support points {} · procedure list: {}",
            s.percent(), yes(s.centre_address), s.communes_with_address, s.communes, s.communes_with_phone, s.communes, s.support_points,
            s.local_list.map_or("none".into(), |n| n.to_string())
        ),
    }
}

/// Checks the feed at `path`; writes it when clean and not a dry run.
pub fn import(path: &Path, opts: &Options) -> Result<Outcome, String> {
    let (base, base_report) = read_base(&opts.sources)?;
    let raw = feeds::read(path);
    let reference = feeds::Reference::of(&base);
    let (feed, issues) = feeds::check(&raw, &reference);
    let vi = opts.lang == Lang::Vi;
    let mut text = String::new();
    let _ = writeln!(text, "{} {}", if vi { "Nguồn dữ liệu:" } else { "Feed:" }, path.display());
    for table in &raw.tables {
        let _ = writeln!(text, "  {:<28} {:>5} {}", table.file, table.rows.len(), if vi { "dòng" } else { "rows" });
    }
    let errors = issues.iter().filter(|i| i.severity == Severity::Error).count();
    let warnings = issues.len() - errors;
    if !issues.is_empty() {
        let _ = writeln!(text);
        text.push_str(&feeds::report_table(&issues, opts.lang));
    }
    let _ = writeln!(text);
    let Some(mut feed) = feed else {
        let _ = writeln!(
            text,
            "{}",
            if vi {
                format!("{errors} lỗi, {warnings} lưu ý — KHÔNG gộp dòng nào. Sửa các dòng trên rồi chạy lại đúng lệnh này.")
            } else {
                format!("{errors} errors, {warnings} warnings — nothing merged. Fix the rows above and run the same command again.")
            }
        );
        return Ok(Outcome { text, issues, written: None, before_after: None });
    };
    feed.provenance = Some(Provenance { files: raw.files.join(", "), imported: opts.today.clone() });
    let code = feed.meta.province.clone();

    // Today's catalogue (every feed), and the same with this one in place of the province's old feed.
    let current = read_feeds(&opts.sources, &base)?;
    let mut before = clone_base(&base);
    let mut after = clone_base(&base);
    for (c, f) in &current {
        feeds::apply(f, &mut before);
        if c != &code {
            feeds::apply(f, &mut after);
        }
    }
    feeds::apply(&feed, &mut after);
    let problems = validate::validate(&after, base_report.expected);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(format!("the catalogue with this feed does not validate:\n{}", list.join("\n")));
    }
    let (b, a) = (stats(&before, &code).unwrap(), stats(&after, &code).unwrap());
    let added = feed.added();
    let _ = writeln!(
        text,
        "{}",
        if vi {
            format!(
                "{} ({code}): {} trung tâm ({} có điện thoại), {} điểm hỗ trợ, {} thủ tục trong danh mục; {warnings} lưu ý, 0 lỗi.",
                a.name, added.centres, added.centres_with_phone, added.support_points, added.procedures
            )
        } else {
            format!(
                "{} ({code}): {} centres ({} with phone), {} support points, {} listed procedures; {warnings} warnings, 0 errors.",
                a.name, added.centres, added.centres_with_phone, added.support_points, added.procedures
            )
        }
    );
    let _ = writeln!(text, "  {} {}", if vi { "trước:" } else { "before:" }, describe(&b, opts.lang));
    let _ = writeln!(text, "  {} {}", if vi { "sau:  " } else { "after: " }, describe(&a, opts.lang));
    let mut written = None;
    if opts.dry_run {
        let _ = writeln!(
            text,
            "{}",
            if vi { "Chạy thử (--dry-run): không ghi gì." } else { "Dry run (--dry-run): nothing written." }
        );
    } else {
        let dir = opts.sources.join("feeds").join(code.as_str());
        let target = dir.join(feeds::JSON_FILE);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let tmp = dir.join(format!(".{}.tmp-{}", feeds::JSON_FILE, std::process::id()));
        let body = serde_json::to_string_pretty(&feed).expect("a feed serialises") + "\n";
        std::fs::write(&tmp, body).map_err(|e| format!("{}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &target).map_err(|e| format!("{}: {e}", target.display()))?;
        let _ = writeln!(
            text,
            "{} {}\n{}",
            if vi { "Đã ghi" } else { "Written to" },
            target.display(),
            if vi {
                "Tiếp theo: cargo run -p cuaso-data -- build (hoặc scripts/run), rồi xem /minh-bach."
            } else {
                "Next: cargo run -p cuaso-data -- build (or scripts/run), then open /minh-bach."
            }
        );
        written = Some(target);
    }
    Ok(Outcome { text, issues, written, before_after: Some((b, a)) })
}

fn clone_base(c: &Catalogue) -> Catalogue {
    Catalogue {
        sources: c.sources.clone(),
        provinces: c.provinces.clone(),
        communes: c.communes.clone(),
        legacy_units: c.legacy_units.clone(),
        procedures: c.procedures.clone(),
        everyday: c.everyday.clone(),
        life_events: c.life_events.clone(),
        local_procedures: c.local_procedures.clone(),
        publisher: c.publisher.clone(),
    }
}
