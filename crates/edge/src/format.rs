//! Dates, numbers and bilingual data text as a person reads them: the one
//! place the app turns a stored value into words on screen.
//!
//! Conventions (what must hold on every page):
//! - Vietnamese: dates `dd/mm/yyyy` (a month alone `mm/yyyy`), decimal comma,
//!   a dot between thousands (`1.234,5`), a space before the unit (`1,91 km²`).
//! - English: a readable date with the month's short name (`18 Jul 2026`,
//!   `Jul 2026`), chosen over `dd/mm/yyyy` so that no reader takes 02/12 for
//!   2 February; decimal point, a comma between thousands (`1,234.5`).
//! - The catalogue stores dates as ISO (`2026-07-18`, `2026-07`, `2025`);
//!   anything that is not one is shown as it is, never guessed at.
//! - Source texts written `"tiếng Việt / English"` show only the reader's
//!   half.
//!
//! Every function is total, like the rest of the crate.

use crate::Lang;

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// An ISO date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) in the reader's
/// convention; any other text unchanged.
pub fn date(lang: Lang, iso: &str) -> String {
    match parse_iso(iso.trim()) {
        Some(d) => show(lang, d),
        None => iso.to_string(),
    }
}

/// `text` with every ISO date in it shown as [`date`] would
/// (`"crawled 2026-07-18"` → `"crawled 18/07/2026"`).
pub fn dates_in(lang: Lang, text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        // A candidate starts at a digit not preceded by a digit.
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            for len in [10, 7] {
                let end = i + len;
                let fits = end <= b.len() && (end == b.len() || !(b[end].is_ascii_digit() || b[end] == b'-'));
                if let Some(d) = fits.then(|| text.get(i..end).and_then(parse_iso)).flatten() {
                    out.push_str(&text[copied..i]);
                    out.push_str(&show(lang, d));
                    copied = end;
                    i = end;
                    break;
                }
            }
        }
        i += 1;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    out
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Date {
    year: u32,
    month: Option<u32>,
    day: Option<u32>,
}

fn number(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|c| c.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn parse_iso(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let year = number(parts.next()?, 4)?;
    let month =
        parts.next().map(|m| number(m, 2).filter(|m| (1..=12).contains(m))).map_or(Some(None), |m| m.map(Some))?;
    let day =
        parts.next().map(|d| number(d, 2).filter(|d| (1..=31).contains(d))).map_or(Some(None), |d| d.map(Some))?;
    if parts.next().is_some() || (day.is_some() && month.is_none()) {
        return None;
    }
    Some(Date { year, month, day })
}

fn show(lang: Lang, d: Date) -> String {
    match (lang, d.month, d.day) {
        (_, None, _) => d.year.to_string(),
        (Lang::Vi, Some(m), None) => format!("{m:02}/{}", d.year),
        (Lang::Vi, Some(m), Some(day)) => format!("{day:02}/{m:02}/{}", d.year),
        (Lang::En, Some(m), None) => format!("{} {}", MONTHS_EN[m as usize - 1], d.year),
        (Lang::En, Some(m), Some(day)) => format!("{day} {} {}", MONTHS_EN[m as usize - 1], d.year),
    }
}

/// `x` with `places` decimals in the reader's convention: `1,91` / `1.91`,
/// `1.234,5` / `1,234.5`. Not a finite number: an empty string.
pub fn decimal(lang: Lang, x: f64, places: usize) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let s = format!("{:.*}", places.min(6), x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let (group, point) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    // "-0,0" reads as a mistake: a value that rounds to zero has no sign.
    if x < 0.0 && s.bytes().any(|c| matches!(c, b'1'..=b'9')) {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// An area in km², two decimals: `1,91 km²` / `1.91 km²`.
pub fn area_km2(lang: Lang, km2: f64) -> String {
    format!("{} km²", decimal(lang, km2, 2))
}

/// A distance: one decimal under 10 km, whole kilometres beyond
/// (`0,6 km`, `12 km`).
pub fn distance_km(lang: Lang, km: f64) -> String {
    format!("{} km", decimal(lang, km, if km.abs() < 10.0 { 1 } else { 0 }))
}

/// The reader's half of a source text written `"tiếng Việt / English"`;
/// a text with no such split is the same in both languages.
pub fn bilingual(lang: Lang, text: &str) -> &str {
    match text.split_once(" / ") {
        Some((vi, en)) => match lang {
            Lang::Vi => vi.trim(),
            Lang::En => en.trim(),
        },
        None => text,
    }
}

/// A reported value's trust label (stored in English: `high`,
/// `medium-high`…) in the reader's language; an unknown label as it is.
pub fn trust(lang: Lang, label: &str) -> &str {
    match (lang, label.trim()) {
        (Lang::En, t) => t,
        (Lang::Vi, "high") => "cao",
        (Lang::Vi, "medium-high") => "khá cao",
        (Lang::Vi, "medium") => "trung bình",
        (Lang::Vi, "low") => "thấp",
        (Lang::Vi, "official notice, partial") => "văn bản chính thức, một phần",
        (Lang::Vi, t) => t,
    }
}

/// Titles longer than this many characters are shortened on lists and
/// headings, with the full title one tap away (some procedure names run to
/// a hundred words). About three lines of a 360-px phone at 16 px.
pub const LONG_TITLE_CHARS: usize = 110;

/// Whether `title` is long enough to be shortened (see [`LONG_TITLE_CHARS`]).
pub fn is_long_title(title: &str) -> bool {
    title.chars().count() > LONG_TITLE_CHARS
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Vi};

    #[test]
    fn dates() {
        for (iso, vi, en) in [
            ("2026-07-18", "18/07/2026", "18 Jul 2026"),
            ("2026-12-02", "02/12/2026", "2 Dec 2026"),
            ("2025-07", "07/2025", "Jul 2025"),
            ("2025", "2025", "2025"),
            (" 2025-01-01 ", "01/01/2025", "1 Jan 2025"),
            // Not ISO: unchanged.
            ("28/06/2025", "28/06/2025", "28/06/2025"),
            ("2025-13-01", "2025-13-01", "2025-13-01"),
            ("2025-07-32", "2025-07-32", "2025-07-32"),
            ("2025--01", "2025--01", "2025--01"),
            ("20250", "20250", "20250"),
            ("", "", ""),
            ("crawled 2026-07-18", "crawled 2026-07-18", "crawled 2026-07-18"),
        ] {
            assert_eq!(date(Vi, iso), vi, "{iso}");
            assert_eq!(date(En, iso), en, "{iso}");
        }
    }

    #[test]
    fn dates_inside_text() {
        for (text, vi, en) in [
            ("crawled 2026-07-18", "crawled 18/07/2026", "crawled 18 Jul 2026"),
            ("2025-12-23", "23/12/2025", "23 Dec 2025"),
            ("from 2025-07 to 2026-01-05.", "from 07/2025 to 05/01/2026.", "from Jul 2025 to 5 Jan 2026."),
            // A phone number or a code is not a date.
            ("02133.796.888", "02133.796.888", "02133.796.888"),
            ("12026-07-18", "12026-07-18", "12026-07-18"),
            ("2026-07-188", "2026-07-188", "2026-07-188"),
            ("2026-07-18-1", "2026-07-18-1", "2026-07-18-1"),
            ("Hà Nội 2026-07", "Hà Nội 07/2026", "Hà Nội Jul 2026"),
            ("no date", "no date", "no date"),
        ] {
            assert_eq!(dates_in(Vi, text), vi, "{text}");
            assert_eq!(dates_in(En, text), en, "{text}");
        }
    }

    #[test]
    fn numbers() {
        for (x, places, vi, en) in [
            (1.912, 2, "1,91", "1.91"),
            (0.6, 1, "0,6", "0.6"),
            (1234.5, 1, "1.234,5", "1,234.5"),
            (1234567.0, 0, "1.234.567", "1,234,567"),
            (999.0, 0, "999", "999"),
            (-2.25, 1, "-2,2", "-2.2"),
            (-0.01, 1, "0,0", "0.0"),
            (12.0, 0, "12", "12"),
            (f64::NAN, 2, "", ""),
            (f64::INFINITY, 2, "", ""),
        ] {
            assert_eq!(decimal(Vi, x, places), vi, "{x}");
            assert_eq!(decimal(En, x, places), en, "{x}");
        }
        assert_eq!(area_km2(Vi, 1.9149), "1,91 km²");
        assert_eq!(area_km2(En, 1.9149), "1.91 km²");
        assert_eq!(distance_km(Vi, 0.62), "0,6 km");
        assert_eq!(distance_km(En, 0.62), "0.6 km");
        assert_eq!(distance_km(Vi, 12.4), "12 km");
    }

    #[test]
    fn bilingual_halves() {
        let t = "Nguồn không nói tổng đài trực 24/7 / the source does not say the lines answer 24/7";
        assert_eq!(bilingual(Vi, t), "Nguồn không nói tổng đài trực 24/7");
        assert_eq!(bilingual(En, t), "the source does not say the lines answer 24/7");
        assert_eq!(bilingual(Vi, "chỉ một"), "chỉ một");
        assert_eq!(bilingual(En, "24/7"), "24/7");
    }

    #[test]
    fn trust_labels() {
        assert_eq!(trust(Vi, "medium-high"), "khá cao");
        assert_eq!(trust(Vi, "high"), "cao");
        assert_eq!(trust(En, "high"), "high");
        assert_eq!(trust(Vi, "cao"), "cao");
    }

    #[test]
    fn long_titles() {
        assert!(!is_long_title("Đăng ký khai sinh"));
        assert!(is_long_title(&"ă".repeat(LONG_TITLE_CHARS + 1)));
        assert!(!is_long_title(&"ă".repeat(LONG_TITLE_CHARS)));
    }
}
