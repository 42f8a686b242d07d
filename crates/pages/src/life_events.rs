//! What the life-event pages say: an event's name and summary in both
//! languages, its page's title, and how many procedures it takes.

use crate::meta::{Meta, SITE};
use cuaso_catalogue::lang::Text;
use cuaso_catalogue::model::LifeEvent;

/// The event's name ("Sinh con" / "Having a baby").
pub fn name(e: &LifeEvent) -> Text<String> {
    Text::new(e.name.clone(), e.name_en.clone())
}

/// What the event involves, in a sentence or two.
pub fn summary(e: &LifeEvent) -> Text<String> {
    Text::new(e.summary.clone(), e.summary_en.clone())
}

/// The event page's title and description (its summary).
pub fn meta(e: &LifeEvent) -> Meta {
    Meta {
        title: Text::new(
            format!("{}: thủ tục cần làm — {SITE}", e.name),
            format!("{}: procedures — {SITE}", e.name_en),
        ),
        description: summary(e),
    }
}

/// "3 thủ tục" / "3 procedures" (one "procedure").
pub fn count(n: usize) -> Text<String> {
    Text::new(format!("{n} thủ tục"), if n == 1 { "1 procedure".to_string() } else { format!("{n} procedures") })
}

/// The heading over an event's procedures.
pub fn in_order(n: usize) -> Text<String> {
    let Text { vi, en } = count(n);
    Text::new(format!("{vi}, theo thứ tự thường làm"), format!("{en}, in the usual order"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cuaso_catalogue::lang::Lang;

    #[test]
    fn counts_agree_in_number_and_the_heading_reads_in_order() {
        assert_eq!(count(1).get(Lang::En), "1 procedure");
        assert_eq!(count(4).get(Lang::En), "4 procedures");
        assert_eq!(count(1).get(Lang::Vi), "1 thủ tục");
        assert_eq!(in_order(5).get(Lang::Vi), "5 thủ tục, theo thứ tự thường làm");
        assert_eq!(in_order(1).get(Lang::En), "1 procedure, in the usual order");
    }
}
