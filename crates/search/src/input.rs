//! Queries typed in Telex or VNI without an input method, decoded.
//!
//! Someone without a Vietnamese keyboard often types the keystrokes anyway:
//! `"dangw kys"` (Telex) or `"d9ang5"` (VNI). [`decode_word`] reads one word
//! as keystrokes in either scheme:
//!
//! - Telex: `s f r x j` = sắc huyền hỏi ngã nặng, `z` clears the tone (all
//!   only after a vowel, since no Vietnamese syllable ends in these letters);
//!   `aa ee oo` = â ê ô, `dd` = đ, `w` = horn or breve (`uw`/`ow`/`aw`,
//!   `uow` = ươ, a lone `w` = ư);
//! - VNI: `1 2 3 4 5` = sắc huyền hỏi ngã nặng, `0` clears, `6` = â ê ô,
//!   `7` = ơ ư (ươ), `8` = ă, `9` = đ.
//!
//! A word is decoded only when it contains at least one keystroke and the
//! result is a well-formed syllable ([`cuaso_catalogue::text::is_syllable`]), so
//! plain accent-free words (`"khai"`, `"sinh"`, `"phuong"`) and numbers are
//! left alone. The engine searches both the raw and the decoded reading of
//! each word and keeps the better match, so a wrong decoding costs nothing.
//!
//! Note that Telex `"dangw"` is literally `"dăng"`: the `d` stays plain unless
//! typed `dd`. The engine still finds "đăng" for it, because an unmarked letter
//! in a query is compatible with a marked one in the text.

use cuaso_catalogue::text::{is_syllable, parts, Letter, Mark, Token};

/// Decodes one word typed as Telex or VNI keystrokes; `None` when it is not
/// keystrokes (nothing to decode, or the result is not a Vietnamese syllable).
pub fn decode_word(raw: &str) -> Option<String> {
    if raw.is_empty() || raw.len() > 16 || !raw.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let mut letters: Vec<Letter> = Vec::with_capacity(raw.len());
    let mut tone = 0u8;
    let mut keys = 0;
    let (mut horn, mut breve, mut circumflex, mut stroke) = (false, false, false, false);
    let mut seen_vowel = false;
    for c in raw.bytes().map(|b| b.to_ascii_lowercase() as char) {
        if c.is_ascii_digit() {
            if letters.is_empty() {
                return None; // a number, or a code
            }
            match c {
                '0' if tone != 0 => tone = 0,
                '0' => return None,
                '1'..='5' => tone = c as u8 - b'0',
                '6' => circumflex = true,
                '7' => horn = true,
                '8' => breve = true,
                _ => stroke = true,
            }
            keys += 1;
            continue;
        }
        if seen_vowel {
            let t = match c {
                's' => Some(1),
                'f' => Some(2),
                'r' => Some(3),
                'x' => Some(4),
                'j' => Some(5),
                'z' if tone != 0 => Some(0),
                _ => None,
            };
            if let Some(t) = t {
                tone = t;
                keys += 1;
                continue;
            }
        }
        if c == 'w' {
            if seen_vowel {
                horn = true;
            } else {
                letters.push(Letter { base: 'u', mark: Mark::Horn });
                seen_vowel = true;
            }
            keys += 1;
            continue;
        }
        if let Some(last) = letters.last_mut() {
            if last.base == c && last.mark == Mark::None {
                if matches!(c, 'a' | 'e' | 'o') {
                    last.mark = Mark::Circumflex;
                    keys += 1;
                    continue;
                }
                if c == 'd' && letters.len() == 1 {
                    letters[0].mark = Mark::Stroke;
                    keys += 1;
                    continue;
                }
            }
        }
        let l = Letter::plain(c);
        seen_vowel |= l.is_vowel();
        letters.push(l);
    }
    if keys == 0 {
        return None;
    }
    let (s, e) = parts(&letters);
    if stroke {
        match letters.first_mut() {
            Some(l) if l.base == 'd' => l.mark = Mark::Stroke,
            _ => return None,
        }
    }
    let total = letters.len();
    let nucleus = &mut letters[s..e];
    if circumflex {
        let k = nucleus.iter().rposition(|l| matches!(l.base, 'a' | 'e' | 'o') && l.mark == Mark::None)?;
        nucleus[k].mark = Mark::Circumflex;
    }
    if breve {
        let k = nucleus.iter().position(|l| l.base == 'a' && l.mark == Mark::None)?;
        nucleus[k].mark = Mark::Breve;
    }
    if horn {
        apply_horn(nucleus);
    }
    // "ưo", "uơ" before a coda or a semivowel are typed shortcuts for "ươ".
    for k in 1..nucleus.len() {
        let (a, b) = (nucleus[k - 1], nucleus[k]);
        if a.base == 'u' && b.base == 'o' && (a.mark == Mark::Horn || b.mark == Mark::Horn) {
            let open = k + 1 == nucleus.len() && e == total;
            if !open {
                nucleus[k - 1].mark = Mark::Horn;
                nucleus[k].mark = Mark::Horn;
            }
        }
    }
    if !is_syllable(&letters, tone) {
        return None;
    }
    let token = Token { letters, tone, ..Token::default() };
    Some(token.canonical())
}

/// The horn/breve key (`w`, `7`) on a vowel cluster.
fn apply_horn(nucleus: &mut [Letter]) {
    let find = |n: &[Letter], a: char, b: char| n.windows(2).position(|w| w[0].base == a && w[1].base == b);
    if let Some(k) = find(nucleus, 'u', 'o') {
        nucleus[k].mark = Mark::Horn;
        nucleus[k + 1].mark = Mark::Horn;
    } else if let Some(k) = find(nucleus, 'o', 'a') {
        nucleus[k + 1].mark = Mark::Breve;
    } else if let Some(l) = nucleus.iter_mut().find(|l| matches!(l.base, 'u' | 'o' | 'a') && l.mark == Mark::None) {
        l.mark = if l.base == 'a' { Mark::Breve } else { Mark::Horn };
    }
}

/// Decodes every word of `query` that reads as keystrokes; other words are
/// kept as typed. For display ("Đang tìm: đăng ký") and tests.
pub fn decode(query: &str) -> String {
    query.split_whitespace().map(|w| decode_word(w).unwrap_or_else(|| w.to_string())).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        for (raw, want) in [
            // Telex
            ("dangw", Some("dăng")),
            ("ddangw", Some("đăng")),
            ("kys", Some("ký")),
            ("kis", Some("kí")),
            ("ddang", Some("đang")),
            ("hoaf", Some("hòa")),
            ("hoanf", Some("hoàn")),
            ("cuwowngf", Some("cường")),
            ("cuowngf", Some("cường")),
            ("cuongwf", Some("cường")),
            ("truwowngf", Some("trường")),
            ("nguyeenx", Some("nguyễn")),
            ("quyeets", Some("quyết")),
            ("gias", Some("giá")),
            ("gif", Some("gì")),
            ("ddieenj", Some("điện")),
            ("tieengs", Some("tiếng")),
            ("hoawcj", Some("hoặc")),
            ("muwa", Some("mưa")),
            ("nhaf", Some("nhà")),
            ("owr", Some("ở")),
            ("ddaats", Some("đất")),
            ("vieetj", Some("việt")),
            ("thuyr", Some("thủy")),
            ("khoer", Some("khỏe")),
            ("ngoaif", Some("ngoài")),
            ("nhwngx", Some("những")),
            ("hocj", Some("học")),
            ("HOAF", Some("hòa")),
            ("xoong", Some("xông")),
            // VNI
            ("d9ang5", Some("đạng")),
            ("d9a8ng5", Some("đặng")),
            ("d9a8ng", Some("đăng")),
            ("ky1", Some("ký")),
            ("hoa2", Some("hòa")),
            ("cu7o7ng2", Some("cường")),
            ("cuong72", Some("cường")),
            ("vie6t5", Some("việt")),
            ("d9a6t1", Some("đất")),
            ("thu7o7ng", Some("thương")),
            // not keystrokes: left alone
            ("dang", None),
            ("khai", None),
            ("sinh", None),
            ("phuong", None),
            ("hoan", None),
            ("kiem", None),
            ("nam", None),
            ("q1", None),
            ("p12", None),
            ("1", None),
            ("00070", None),
            ("phuong1", None),
            ("hocf", None), // a stop coda takes only sắc or nặng
            ("chris", None),
            ("xyz", None),
            ("đăng", None),
            ("", None),
        ] {
            assert_eq!(decode_word(raw).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn queries() {
        for (raw, want) in [
            ("dangw kys", "dăng ký"),
            ("ddangw kys", "đăng ký"),
            ("ddang kys khai sinh", "đang ký khai sinh"),
            ("d9ang5", "đạng"),
            ("hoaf cuwowngf", "hòa cường"),
            ("phuong hoan kiem", "phuong hoan kiem"),
            ("thur tucj hanhf chinhs", "thủ tục hành chính"),
            ("d9a8ng ky1 khai sinh", "đăng ký khai sinh"),
        ] {
            assert_eq!(decode(raw), want, "{raw}");
        }
    }
}
