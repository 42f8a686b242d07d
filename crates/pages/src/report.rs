//! "Báo lỗi / report an error": the report a person sends about a page — the
//! page's address, the data's version and date (so whoever reads it can find
//! the record as it was), and what they typed, kept as typed. The app offers
//! it to copy, and as an email when the publisher names an address
//! (`publisher.json`'s `report`, see docs/hosting.md).

use cuaso_catalogue::lang::{Lang, Text};

/// The most of what was typed a report carries (about one screen of text): an
/// email link longer than a few thousand characters is cut by some mail apps.
pub const MAX_TEXT: usize = 1500;

/// The report's subject line: the page it is about.
pub fn subject(lang: Lang, page: &str) -> String {
    let what = Text::new("Báo lỗi Cửa sổ số", "Cửa sổ số error report").pick(lang);
    format!("{what}: {page}")
}

/// The report's text: the page's full address, the data's version and build
/// date, then what was typed (trimmed, at most [`MAX_TEXT`] characters).
pub fn body(lang: Lang, page_url: &str, version: &str, built: &str, typed: &str) -> String {
    let [page, data, wrong] = match lang {
        Lang::Vi => ["Trang", "Dữ liệu: phiên bản", "Điều sai hoặc còn thiếu"],
        Lang::En => ["Page", "Data: version", "What is wrong or missing"],
    };
    let built_word = Text::new("tạo ngày", "built").pick(lang);
    let typed: String = typed.trim().chars().take(MAX_TEXT).collect();
    format!("{page}: {page_url}\n{data} {version}, {built_word} {built}\n\n{wrong}:\n{typed}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_says_which_page_which_data_and_what_was_typed() {
        let b =
            body(Lang::Vi, "https://cuaso.example/xa/00070", "abc123", "2026-12-01", "  Số điện thoại sai: 024 1234  ");
        assert_eq!(
            b,
            "Trang: https://cuaso.example/xa/00070\nDữ liệu: phiên bản abc123, tạo ngày 2026-12-01\n\nĐiều sai hoặc còn thiếu:\nSố điện thoại sai: 024 1234\n"
        );
        assert!(body(Lang::En, "u", "v", "d", "x")
            .starts_with("Page: u\nData: version v, built d\n\nWhat is wrong or missing:\nx"));
        assert_eq!(subject(Lang::Vi, "/xa/00070"), "Báo lỗi Cửa sổ số: /xa/00070");
        assert_eq!(subject(Lang::En, "/"), "Cửa sổ số error report: /");
    }

    #[test]
    fn a_long_text_is_cut_on_a_character() {
        let b = body(Lang::Vi, "u", "v", "d", &"ỵ".repeat(MAX_TEXT + 10));
        assert_eq!(b.matches('ỵ').count(), MAX_TEXT);
    }
}
