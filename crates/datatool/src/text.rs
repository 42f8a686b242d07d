//! Text helpers for matching names across sources.
//!
//! Sources disagree on where a Vietnamese tone mark sits ("Thuỷ" / "Thủy",
//! "Hoà" / "Hòa") and on case. [`match_key`] gives both spellings one key while
//! keeping every letter and tone, so two different names never collide.

use unicode_normalization::UnicodeNormalization;

/// The five tone marks, as combining characters (NFD).
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A key equal for two spellings of one name that differ only in tone-mark
/// placement, case, spacing or punctuation (hyphen vs en dash, ’ vs '): each word's
/// tone mark moves to the word's end.
pub fn match_key(s: &str) -> String {
    let is_mark = |c: char| ('\u{300}'..='\u{36f}').contains(&c);
    let decomposed: String = s.nfd().flat_map(char::to_lowercase).collect();
    let mut out = String::with_capacity(s.len());
    for word in decomposed.split(|c: char| !(c.is_alphanumeric() || is_mark(c))) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !TONES.contains(c)));
        out.extend(word.chars().filter(|c| TONES.contains(c)));
    }
    out.nfc().collect()
}

/// Collapses runs of whitespace to one space and trims.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::match_key;

    #[test]
    fn tone_placement_and_case_do_not_matter() {
        for (a, b) in [
            ("Xã Đàm Thuỷ", "Xã Đàm Thủy"),
            ("Xã Hoà An", "Xã Hòa An"),
            ("PHƯỜNG  Thuỵ Khuê", "phường thụy khuê"),
            ("Xã Chiêm Hoá", "Xã Chiêm Hóa"),
            ("Xã Chân Mây – Lăng Cô", "Xã Chân Mây - Lăng Cô"),
            ("Xã Ea M’Droh", "Xã Ea M'Droh"),
        ] {
            assert_eq!(match_key(a), match_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn different_names_stay_different() {
        for (a, b) in [
            ("Xã Hòa An", "Xã Hóa An"),
            ("Xã Hòa An", "Xã Hoa An"),
            ("Phường Đông", "Phường Dông"),
            ("Xã Tân Hòa", "Xã Tấn Hòa"),
        ] {
            assert_ne!(match_key(a), match_key(b), "{a} / {b}");
        }
    }
}
