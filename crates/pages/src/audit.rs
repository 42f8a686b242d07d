//! What a citizen would read wrong on a procedure page, counted: the four
//! defects the procedure-page issue (#16) measured on the whole catalogue —
//! a document shown with "0 bản chính, 0 bản sao", a channel leading with
//! "Miễn phí" while its text names a fee, a time limit that reads as a bare
//! number, a legal-basis line running one document into the next. Each is
//! checked on the words the page shows ([`crate::procedure`]), independently
//! of how the data tool produced them. `cargo run -p cuaso-pages --example
//! audit -- DIR` prints them for a written catalogue; `tests/pages_real.rs`
//! holds the real one to zero.

use crate::procedure::{count_label, fee_lead, TimeLimit};
use cuaso_catalogue::model::{Fee, Parsed, Procedure};

/// Counts of each defect on one page (or summed over many).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Defects {
    /// A document or note that reads "0 bản chính" / "0 bản sao".
    pub zero_counts: usize,
    /// A channel that leads with "Miễn phí" while its words name a fee or the fee law.
    pub free_beside_fee: usize,
    /// A time limit shown as a number with neither a unit nor the words that it has none.
    pub unlabelled_times: usize,
    /// A legal-basis line with a document number glued to the next title.
    pub run_on_legal: usize,
}

impl Defects {
    pub fn total(&self) -> usize {
        self.zero_counts + self.free_beside_fee + self.unlabelled_times + self.run_on_legal
    }
    pub fn add(&mut self, o: &Defects) {
        self.zero_counts += o.zero_counts;
        self.free_beside_fee += o.free_beside_fee;
        self.unlabelled_times += o.unlabelled_times;
        self.run_on_legal += o.run_on_legal;
    }
}

/// The defects of `p`'s page.
pub fn defects(p: &Procedure) -> Defects {
    let mut d = Defects::default();
    if let Parsed::Parsed(groups) = &p.documents {
        for g in groups {
            for doc in &g.documents {
                let count = count_label(doc.originals, doc.copies).map(|t| t.vi).unwrap_or_default();
                d.zero_counts += usize::from(reads_zero_copies(&doc.name) || reads_zero_copies(&count));
            }
            d.zero_counts += g.notes.iter().filter(|n| reads_zero_copies(n)).count();
        }
    }
    if let Parsed::Parsed(channels) = &p.channels {
        for c in channels {
            let free = matches!(c.fee, Fee::Free) && fee_lead(&c.fee).is_some_and(|l| l.vi == "Miễn phí");
            d.free_beside_fee += usize::from(free && c.note.as_deref().is_some_and(names_fee));
            d.unlabelled_times += usize::from(match TimeLimit::of(c.time_limit.as_deref()) {
                TimeLimit::Stated(t) => starts_with_number(t) && !has_unit(t),
                TimeLimit::NoUnit(_) | TimeLimit::NotPublished => false,
            });
        }
    }
    d.run_on_legal = match &p.legal_basis {
        Parsed::Parsed(rows) => rows.iter().map(|r| glued_numbers(&format!("{} — {}", r.number, r.title))).sum(),
        Parsed::Text(t) => t.lines().map(glued_numbers).sum(),
        Parsed::NotPublished => 0,
    };
    d
}

/// "0 bản chính", "0 bản sao" as a count (not "10 bản", "20 bản").
fn reads_zero_copies(s: &str) -> bool {
    s.match_indices("0 bản").any(|(i, _)| !s[..i].ends_with(|c: char| c.is_ascii_digit()))
}

/// The text names a fee: "lệ phí", "Luật phí", a fee circular, "mức phí", an amount in đồng.
fn names_fee(text: &str) -> bool {
    let t = text.to_lowercase();
    ["lệ phí", "luật phí", "tt-btc", "mức phí", "phí thẩm định", "giá dịch vụ"].iter().any(|w| t.contains(w))
        || t.match_indices(" đồng").any(|(i, _)| t[..i].ends_with(|c: char| c.is_ascii_digit()))
}

fn starts_with_number(t: &str) -> bool {
    t.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// A unit of time, in the words the portal uses.
fn has_unit(t: &str) -> bool {
    let t = t.to_lowercase();
    ["ngày", "tháng", "năm", "giờ", "tuần", "phút", "quý"].iter().any(|u| t.contains(u))
}

/// Where a document number (`10/2020/TT-BTP`, `52/2010/QH12`) runs straight into
/// the next title's letters (`…TT-BTPquy định…`, `…NĐ-CPLuật…`) somewhere other
/// than at the end of `line`: a row boundary left inside a line. Digits, `/`,
/// four digits, `/`, then the kind's capitals, digits, `Đ` and dashes, then a letter.
pub fn glued_numbers(line: &str) -> usize {
    // `21/2008/TTLT- BQP-BLĐTBXH-BTC`: a stray space inside a kind; `TT-BXD- Luật`: a
    // title that starts with a dash. Either way no space counts.
    let cs: Vec<char> = line.replace("- ", "-").chars().collect();
    let mut found = 0;
    let mut i = 0;
    while i < cs.len() {
        let digits = |k: usize| cs[k..].iter().take_while(|c| c.is_ascii_digit()).count();
        let d = digits(i);
        if d > 0 && (i == 0 || !cs[i - 1].is_ascii_digit()) {
            let mut j = i + d;
            if cs.get(j) == Some(&'/') && digits(j + 1) == 4 && cs.get(j + 5) == Some(&'/') {
                j += 6;
                let mut run =
                    cs[j..].iter().take_while(|c| c.is_uppercase() || c.is_ascii_digit() || **c == '-').count();
                // `QĐ-TTg`, `CT-TTg`: the Prime Minister's kind ends in a lowercase g.
                if cs[j..j + run].ends_with(&['T', 'T']) && cs.get(j + run) == Some(&'g') {
                    run += 1;
                }
                if run > 0 && cs.get(j + run).is_some_and(|c| c.is_alphabetic()) {
                    found += 1;
                }
                i = j + run;
                continue;
            }
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_defect_is_seen() {
        assert!(reads_zero_copies("Giấy khai sinh 0 bản chính, 0 bản sao"));
        assert!(reads_zero_copies("0 bản sao"));
        assert!(!reads_zero_copies("10 bản chính") && !reads_zero_copies("1 bản chính, 2 bản sao"));
        assert!(names_fee("Theo quy định của Luật phí và lệ phí") && names_fee("Nộp 50.000 đồng"));
        assert!(!names_fee("Không thu") && !names_fee("Trong 5 ngày"));
        assert!(starts_with_number("15 (mười lăm)") && !has_unit("15 (mười lăm)"));
        assert!(has_unit("5 Ngày làm việc") && has_unit("03 tháng"));
        assert_eq!(glued_numbers("Luật Hộ tịch số 60/2014/QH13Nghị định 123/2015/NĐ-CP"), 1);
        assert_eq!(glued_numbers("Quyết định 1/2020/QĐ-TTgThông tư"), 1);
        assert_eq!(glued_numbers("60/2014/QH13 — Luật Hộ tịch"), 0);
        assert_eq!(glued_numbers("Nghị định 123/2015/NĐ-CP"), 0);
        assert_eq!(glued_numbers("21/2008/TTLT- BQP-BLĐTBXH-BTC"), 0);
    }
}
