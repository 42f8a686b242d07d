//! Wording on a procedure page: how a document's counts, a channel's time
//! limit and its fee read. The page shows exactly what these return, and
//! `tests/pages_real.rs` walks every procedure of the written catalogue
//! through them (no "0 bản chính, 0 bản sao", no "free" beside a fee, no time
//! without its unit or the words that it has none).

use cuaso_catalogue::lang::Text;
use cuaso_catalogue::model::{time_without_unit, Fee};

/// "1 bản chính, 1 bản sao"; nothing when the portal gives no count.
pub fn count_label(originals: u32, copies: u32) -> Option<Text<String>> {
    let o = Text::new(
        format!("{originals} bản chính"),
        format!("{originals} original{}", if originals == 1 { "" } else { "s" }),
    );
    let c = Text::new(format!("{copies} bản sao"), format!("{copies} cop{}", if copies == 1 { "y" } else { "ies" }));
    match (originals, copies) {
        (0, 0) => None,
        (_, 0) => Some(o),
        (0, _) => Some(c),
        _ => Some(Text::new(format!("{}, {}", o.vi, c.vi), format!("{}, {}", o.en, c.en))),
    }
}

/// How a channel's time limit reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeLimit<'a> {
    /// As published, with its unit ("5 Ngày làm việc", "Trong ngày").
    Stated(&'a str),
    /// A number the portal prints with no unit (750 channels print "1"): said
    /// plainly, never given a unit we would have to guess.
    NoUnit(&'a str),
    NotPublished,
}

impl<'a> TimeLimit<'a> {
    pub fn of(text: Option<&'a str>) -> Self {
        match text.map(str::trim) {
            None | Some("") => Self::NotPublished,
            Some(t) if time_without_unit(t) => Self::NoUnit(t),
            Some(t) => Self::Stated(t),
        }
    }
    /// What follows a bare number.
    pub const NO_UNIT: Text = Text::new("đơn vị chưa ghi", "unit not given");
    /// Why, in small type.
    pub const NO_UNIT_WHY: Text =
        Text::new("(Cổng in số này không kèm đơn vị)", "(the portal prints this number with no unit)");
}

/// What the portal leaves blank ("Không có thông tin" on its own pages).
pub const NOT_PUBLISHED: Text = Text::new("Không có thông tin", "Not published");

/// The bold words a fee leads with; `None` for an amount or rule, shown as published.
pub fn fee_lead(fee: &Fee) -> Option<Text> {
    match fee {
        Fee::Free => Some(Text::new("Miễn phí", "Free of charge")),
        Fee::MayApply(_) => Some(Text::new("Có thể phải nộp phí, lệ phí", "Fees may apply")),
        Fee::Charged(_) => None,
        Fee::NotPublished => Some(NOT_PUBLISHED),
    }
}

/// The portal's own words under the lead, verbatim: a may-apply fee's text or an amount.
pub fn fee_text(fee: &Fee) -> Option<&str> {
    match fee {
        Fee::MayApply(t) | Fee::Charged(t) => Some(t),
        Fee::Free | Fee::NotPublished => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_words() {
        assert_eq!(count_label(0, 0), None);
        assert_eq!(count_label(1, 0), Some(Text::new("1 bản chính".into(), "1 original".into())));
        assert_eq!(count_label(0, 2), Some(Text::new("2 bản sao".into(), "2 copies".into())));
        assert_eq!(count_label(2, 1), Some(Text::new("2 bản chính, 1 bản sao".into(), "2 originals, 1 copy".into())));
    }

    #[test]
    fn a_time_without_a_unit_says_so() {
        assert_eq!(TimeLimit::of(Some("5 Ngày làm việc")), TimeLimit::Stated("5 Ngày làm việc"));
        assert_eq!(TimeLimit::of(Some("Trong ngày")), TimeLimit::Stated("Trong ngày"));
        assert_eq!(TimeLimit::of(Some("1")), TimeLimit::NoUnit("1"));
        assert_eq!(TimeLimit::of(Some(" 1,5 ")), TimeLimit::NoUnit("1,5"));
        assert_eq!(TimeLimit::of(Some("15 - 20")), TimeLimit::NoUnit("15 - 20"));
        assert_eq!(TimeLimit::of(Some("  ")), TimeLimit::NotPublished);
        assert_eq!(TimeLimit::of(None), TimeLimit::NotPublished);
    }

    #[test]
    fn only_a_free_fee_leads_with_free() {
        let law = "Miễn phí (Theo quy định của Luật phí và lệ phí)".to_string();
        assert_eq!(fee_lead(&Fee::Free).unwrap().vi, "Miễn phí");
        assert_eq!(fee_lead(&Fee::MayApply(law.clone())).unwrap().vi, "Có thể phải nộp phí, lệ phí");
        assert_eq!(fee_text(&Fee::MayApply(law.clone())), Some(law.as_str()));
        assert_eq!(fee_lead(&Fee::Charged("Lệ phí: 50.000 Đồng".into())), None);
        assert_eq!(fee_text(&Fee::Charged("Lệ phí: 50.000 Đồng".into())), Some("Lệ phí: 50.000 Đồng"));
        assert_eq!(fee_lead(&Fee::NotPublished), Some(NOT_PUBLISHED));
    }
}
