//! Vietnamese telephone numbers, as a province would type them.
//!
//! Accepted (after dropping spaces, dots, dashes and brackets, and turning a
//! leading `+84`/`84` into `0`): mobile numbers, 10 digits `0[35789]…`;
//! landlines with their area code, 11 digits `02…`; 1800/1900 service numbers,
//! 8 or 10 digits; and short public numbers of 3–4 digits starting with 1
//! (e.g. Đà Nẵng's 1022). The stored form is the digits alone.
//!
//! Mobile numbers of the old 11-digit form (`016x…`, `012x…`) were renumbered
//! by the Ministry of Information and Communications in 2018 (0162 → 032 …);
//! they no longer connect as written. They are converted by that table and the
//! caller reports the conversion, so the province can confirm it.

/// The 2018 renumbering of 11-digit mobile prefixes (old four digits → new three).
pub const RENUMBERED_2018: [(&str, &str); 21] = [
    ("0162", "032"),
    ("0163", "033"),
    ("0164", "034"),
    ("0165", "035"),
    ("0166", "036"),
    ("0167", "037"),
    ("0168", "038"),
    ("0169", "039"),
    ("0120", "070"),
    ("0121", "079"),
    ("0122", "077"),
    ("0126", "076"),
    ("0128", "078"),
    ("0123", "083"),
    ("0124", "084"),
    ("0125", "085"),
    ("0127", "081"),
    ("0129", "082"),
    ("0186", "056"),
    ("0188", "058"),
    ("0199", "059"),
];

/// A number that checks: its digits, and the old form when it was renumbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    pub digits: String,
    pub renumbered_from: Option<String>,
}

/// Why a number was refused, in Vietnamese and English, with what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneError {
    pub vi: String,
    pub en: String,
}

pub fn normalize(raw: &str) -> Result<Normalized, PhoneError> {
    let shown = raw.trim();
    let mut digits = String::new();
    for (i, c) in shown.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '.' | '-' | '(' | ')' | '\u{a0}' => {}
            _ => {
                return Err(PhoneError {
                    vi: format!("\"{shown}\" có ký tự '{c}' không phải chữ số"),
                    en: format!("\"{shown}\" contains '{c}', which is not a digit"),
                })
            }
        }
    }
    if shown.starts_with('+') || (digits.starts_with("84") && digits.len() >= 11) {
        match digits.strip_prefix("84") {
            Some(rest) => digits = format!("0{rest}"),
            None => {
                return Err(PhoneError {
                    vi: format!("\"{shown}\": mã quốc gia của Việt Nam là +84"),
                    en: format!("\"{shown}\": Vietnam's country code is +84"),
                })
            }
        }
    }
    if digits.len() == 11 {
        if let Some((old, new)) = RENUMBERED_2018.iter().find(|(old, _)| digits.starts_with(old)) {
            return Ok(Normalized { digits: format!("{new}{}", &digits[old.len()..]), renumbered_from: Some(digits) });
        }
    }
    let n = digits.len();
    let ok = match digits.as_bytes() {
        [b'0', b'2', ..] => n == 11,
        [b'0', b'3' | b'5' | b'7' | b'8' | b'9', ..] => n == 10,
        [b'1', b'8' | b'9', b'0', b'0', ..] => n == 8 || n == 10,
        [b'1', ..] => (3..=4).contains(&n),
        _ => false,
    };
    if ok {
        return Ok(Normalized { digits, renumbered_from: None });
    }
    let (vi, en) = match digits.as_bytes() {
        [] => ("không có chữ số nào".to_string(), "has no digits".to_string()),
        [b'0', b'2', ..] => (
            format!("có {n} chữ số; số cố định kèm mã vùng có 11 chữ số (ví dụ 0236 3822 111)"),
            format!("has {n} digits; a landline with its area code has 11 (e.g. 0236 3822 111)"),
        ),
        [b'0', b'3' | b'5' | b'7' | b'8' | b'9', ..] => (
            format!("có {n} chữ số; số di động có 10 chữ số"),
            format!("has {n} digits; a mobile number has 10"),
        ),
        [b'0', ..] => (
            "không bắt đầu bằng đầu số Việt Nam (02 cố định; 03, 05, 07, 08, 09 di động)".to_string(),
            "does not start like a Vietnamese number (02 landline; 03, 05, 07, 08, 09 mobile)".to_string(),
        ),
        _ => (
            format!("có {n} chữ số; số Việt Nam có 10 (di động) hoặc 11 (cố định kèm mã vùng), hoặc là số 1800/1900"),
            format!("has {n} digits; Vietnamese numbers have 10 (mobile) or 11 (landline with area code), or are 1800/1900 numbers"),
        ),
    };
    Err(PhoneError { vi: format!("\"{shown}\" {vi}"), en: format!("\"{shown}\" {en}") })
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn accepted_numbers() {
        for (raw, want) in [
            ("0903570134", "0903570134"),
            ("0903 570 134", "0903570134"),
            ("0236.3822.111", "02363822111"),
            ("(0236) 3822-111", "02363822111"),
            ("+84 903 570 134", "0903570134"),
            ("84903570134", "0903570134"),
            ("1800 1096", "18001096"),
            ("1900 1234 56", "1900123456"),
            ("1022", "1022"),
            ("113", "113"),
        ] {
            assert_eq!(normalize(raw).map(|n| n.digits).as_deref(), Ok(want), "{raw}");
        }
    }

    #[test]
    fn old_mobile_numbers_are_renumbered() {
        let n = normalize("01662 123 456").unwrap();
        assert_eq!(n.digits, "0362123456");
        assert_eq!(n.renumbered_from.as_deref(), Some("01662123456"));
        assert_eq!(normalize("01203456789").unwrap().digits, "0703456789");
        assert!(normalize("01303456789").is_err(), "0130 was never a mobile prefix");
    }

    #[test]
    fn refused_numbers_say_why() {
        let e = normalize("0236 3 822 11").unwrap_err();
        assert!(e.en.contains("has 10 digits; a landline with its area code has 11"), "{}", e.en);
        let e = normalize("023533858578").unwrap_err();
        assert!(e.en.contains("has 12 digits"), "{}", e.en);
        let e = normalize("090357013").unwrap_err();
        assert!(e.en.contains("has 9 digits; a mobile number has 10"), "{}", e.en);
        assert!(normalize("0123456789").unwrap_err().en.contains("does not start like"));
        assert!(normalize("0903 570 134 (máy lẻ 2)").unwrap_err().en.contains("not a digit"));
        assert!(normalize("+1 202 555 0100").unwrap_err().en.contains("+84"));
        assert!(normalize("").is_err());
        assert!(normalize("12345").is_err());
    }
}
