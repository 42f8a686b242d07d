//! Opening hours as a province writes them, checked and put in one form.
//!
//! Grammar (accents, case and spaces around `-` do not matter):
//!
//! ```text
//! hours  = "24/7" | group (";" group)*
//! group  = days range ("," range)*
//! days   = day ["-" day]          day = T2 … T7 | CN | "Thứ 2" … | "Chủ nhật"
//!        | "hằng ngày"            (T2–CN)
//! range  = time "-" time          time = 7:30 | 07:30 | 7h30 | 7h
//! ```
//!
//! Normal form: `T2–T6 07:30–11:30, 13:30–17:00; T7 07:30–11:30`.

use cuaso_catalogue::text::fold;

pub const EXAMPLE: &str = "T2-T6 07:30-11:30, 13:30-17:00; T7 07:30-11:30";

fn day(s: &str) -> Option<u8> {
    match s {
        "cn" => Some(8),
        _ => s.strip_prefix('t').and_then(|d| d.parse::<u8>().ok()).filter(|d| (2..=7).contains(d)),
    }
}

fn day_label(d: u8) -> String {
    if d == 8 {
        "CN".into()
    } else {
        format!("T{d}")
    }
}

fn time(s: &str) -> Option<u32> {
    let (h, m) = match s.split_once([':', 'h']) {
        Some((h, "")) => (h, "0"),
        Some((h, m)) => (h, m),
        None => (s, "0"),
    };
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 24 * 60 && !s.is_empty()).then_some(h * 60 + m)
}

/// The normal form of `raw`, or why it does not parse (English; the caller adds the example).
pub fn normalize(raw: &str) -> Result<String, String> {
    if fold(raw) == "24 7" {
        return Ok("24/7".into());
    }
    let mut out = Vec::new();
    for group in raw.split(';').map(str::trim).filter(|g| !g.is_empty()) {
        // fold() turns punctuation into spaces: keep '-' and ':' as letters through it.
        let g = fold(&group.replace(':', "h").replace(['-', '–'], " zz "))
            .replace("thu ", "t")
            .replace("chu nhat", "cn")
            .replace("hang ngay", "t2 zz cn")
            .replace(" zz ", "-");
        let mut tokens = g.split_whitespace();
        let days = tokens.next().unwrap_or_default();
        let (from, to) = match days.split_once('-') {
            Some((a, b)) => (day(a), day(b)),
            None => (day(days), day(days)),
        };
        let (Some(from), Some(to)) = (from, to) else {
            return Err(format!("'{days}' is not a day or range of days (T2…T7, CN)"));
        };
        if from > to {
            return Err(format!("'{days}': the days run backwards"));
        }
        let mut ranges = Vec::new();
        for t in tokens {
            let bad = || format!("'{t}' is not a time range like 07:30-11:30");
            let (a, b) = t.split_once('-').ok_or_else(bad)?;
            let (Some(a), Some(b)) = (time(a), time(b)) else { return Err(bad()) };
            if a >= b {
                return Err(format!("'{t}': the range ends before it starts"));
            }
            ranges.push(format!("{:02}:{:02}–{:02}:{:02}", a / 60, a % 60, b / 60, b % 60));
        }
        if ranges.is_empty() {
            return Err(format!("no opening times after '{days}'"));
        }
        let days = if from == to { day_label(from) } else { format!("{}–{}", day_label(from), day_label(to)) };
        out.push(format!("{days} {}", ranges.join(", ")));
    }
    if out.is_empty() {
        return Err("empty".into());
    }
    Ok(out.join("; "))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn accepted_forms() {
        for (raw, want) in [
            ("T2-T6 07:30-11:30, 13:30-17:00; T7 07:30-11:30", "T2–T6 07:30–11:30, 13:30–17:00; T7 07:30–11:30"),
            ("Thứ 2 - Thứ 6 7h30 - 11h30, 13h30-17h", "T2–T6 07:30–11:30, 13:30–17:00"),
            ("thứ hai", "x"),
            ("Hằng ngày 7:00-21:00", "T2–CN 07:00–21:00"),
            ("T7-CN 8h-11h", "T7–CN 08:00–11:00"),
            ("24/7", "24/7"),
            ("T2–T6 07:30–11:30, 13:30–17:00", "T2–T6 07:30–11:30, 13:30–17:00"),
        ] {
            if want == "x" {
                assert!(normalize(raw).is_err(), "{raw}");
            } else {
                assert_eq!(normalize(raw).as_deref(), Ok(want), "{raw}");
            }
        }
    }

    #[test]
    fn refused_forms() {
        for raw in
            ["sáng 7h", "T2-T6", "T2-T6 7:30", "T6-T2 7:00-8:00", "T2 11:30-7:30", "T2 25:00-26:00", "T9 7-8", ""]
        {
            assert!(normalize(raw).is_err(), "{raw} should not parse");
        }
    }
}
