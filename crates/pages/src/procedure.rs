//! Wording on a procedure page.

use cuaso_catalogue::lang::Text;

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
}
