//! The kiosk's on-screen Vietnamese keyboard, as text editing.
//!
//! Every vowel with every tone is at most two taps: a vowel key (`a ă â e ê
//! i o ô ơ u ư y`, the marked ones on their own row) and then a tone key,
//! which puts the tone on the right vowel of the last word — as a Vietnamese
//! input method does — replacing any tone it had; the same tone again
//! removes it. Placement follows the common (“old”) rule: a marked vowel
//! (â ê ô ơ ư ă; ơ in ươ) takes the tone; otherwise the last vowel if a
//! consonant follows, the middle one of three, the first of two (hóa, thủy);
//! the `u` of `qu` and the `i` of `gi` are part of the consonant (quý, già).
//! The keyboard edits at the end of the text, where the kiosk's caret is.

/// The tones in input-method order: sắc, huyền, hỏi, ngã, nặng.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Acute,
    Grave,
    Hook,
    Tilde,
    Dot,
}

impl Tone {
    pub const ALL: [Tone; 5] = [Tone::Acute, Tone::Grave, Tone::Hook, Tone::Tilde, Tone::Dot];

    /// The Vietnamese name shown on the key.
    pub fn name(self) -> &'static str {
        match self {
            Tone::Acute => "sắc",
            Tone::Grave => "huyền",
            Tone::Hook => "hỏi",
            Tone::Tilde => "ngã",
            Tone::Dot => "nặng",
        }
    }

    /// The English name, for the key's description.
    pub fn name_en(self) -> &'static str {
        match self {
            Tone::Acute => "acute (sắc)",
            Tone::Grave => "grave (huyền)",
            Tone::Hook => "hook (hỏi)",
            Tone::Tilde => "tilde (ngã)",
            Tone::Dot => "dot below (nặng)",
        }
    }

    fn index(self) -> usize {
        self as usize + 1
    }
}

/// A key of the on-screen keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Tone(Tone),
    Space,
    Backspace,
}

// Each vowel with no tone, then sắc, huyền, hỏi, ngã, nặng (shared with search).
use cuaso_catalogue::text::TONED as VOWELS;

/// (row in [`VOWELS`], tone index, upper case) of a vowel.
fn vowel(c: char) -> Option<(usize, usize, bool)> {
    let lower = c.to_lowercase().next()?;
    let upper = lower != c;
    VOWELS.iter().enumerate().find_map(|(row, s)| s.chars().position(|v| v == lower).map(|t| (row, t, upper)))
}

fn with_tone(row: usize, tone: usize, upper: bool) -> char {
    let c = VOWELS[row].chars().nth(tone).unwrap_or('a');
    if upper {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    }
}

/// Rows of vowels with a mark (ă â ê ô ơ ư): they take the tone first.
fn marked(row: usize) -> bool {
    matches!(row, 1 | 2 | 4 | 7 | 8 | 10)
}

/// The text after pressing `key` at its end.
pub fn press(text: &str, key: Key) -> String {
    match key {
        Key::Char(c) => format!("{text}{c}"),
        Key::Space => format!("{text} "),
        Key::Backspace => {
            let mut s = text.to_string();
            s.pop();
            s
        }
        Key::Tone(t) => apply_tone(text, t),
    }
}

/// Puts `tone` on the last word of `text` (see the module docs); the text is
/// unchanged when the last word has no vowel.
pub fn apply_tone(text: &str, tone: Tone) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let start = chars.iter().rposition(|c| !c.is_alphabetic()).map_or(0, |i| i + 1);
    let word = &chars[start..];
    let lower: String = word.iter().flat_map(|c| c.to_lowercase()).collect();
    let vowels: Vec<usize> = (0..word.len()).filter(|&i| vowel(word[i]).is_some()).collect();
    let Some(&last) = vowels.last() else { return text.to_string() };
    // The last run of consecutive vowels is the nucleus.
    let mut first = last;
    while first > 0 && vowels.contains(&(first - 1)) {
        first -= 1;
    }
    // The u of qu and the i of gi belong to the consonant when a vowel follows.
    if first == 1 && last > first && (lower.starts_with("qu") || lower.starts_with("gi")) {
        first = 2;
    }
    let nucleus: Vec<usize> = (first..=last).collect();
    let current = nucleus.iter().map(|&i| vowel(word[i]).map_or(0, |v| v.1)).find(|&t| t != 0).unwrap_or(0);
    let new_tone = if current == tone.index() { 0 } else { tone.index() };
    let coda = last + 1 < word.len();
    let target = nucleus.iter().rev().copied().find(|&i| vowel(word[i]).is_some_and(|v| marked(v.0))).unwrap_or(
        match nucleus.len() {
            _ if coda => last,
            1 | 2 => first,
            _ => first + 1,
        },
    );
    for &i in &nucleus {
        if let Some((row, _, upper)) = vowel(chars[start + i]) {
            chars[start + i] = with_tone(row, if i == target { new_tone } else { 0 }, upper);
        }
    }
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_keys(keys: &[Key]) -> String {
        keys.iter().fold(String::new(), |t, k| press(&t, *k))
    }

    #[test]
    fn tone_placement() {
        for (word, tone, want) in [
            ("ky", Tone::Acute, "ký"),
            ("Đăng", Tone::Grave, "Đằng"),
            ("khai", Tone::Acute, "khái"),
            ("hoa", Tone::Grave, "hòa"),
            ("hoang", Tone::Grave, "hoàng"),
            ("thuy", Tone::Hook, "thủy"),
            ("nguyên", Tone::Tilde, "nguyễn"),
            ("người", Tone::Grave, "ngươi"),
            ("người", Tone::Acute, "ngưới"),
            ("ngươi", Tone::Grave, "người"),
            ("quy", Tone::Acute, "quý"),
            ("qua", Tone::Acute, "quá"),
            ("gia", Tone::Grave, "già"),
            ("gi", Tone::Acute, "gí"),
            ("khoai", Tone::Acute, "khoái"),
            ("cuu", Tone::Acute, "cúu"),
            ("cưu", Tone::Acute, "cứu"),
            ("viêt", Tone::Dot, "việt"),
            ("HOC", Tone::Dot, "HỌC"),
            ("thủ tuc", Tone::Dot, "thủ tục"),
            ("tục", Tone::Dot, "tuc"),
            ("tục", Tone::Acute, "túc"),
            ("hà nôi", Tone::Dot, "hà nội"),
            ("xyz 12", Tone::Acute, "xyz 12"),
            ("", Tone::Acute, ""),
            ("khai ", Tone::Acute, "khai "),
        ] {
            assert_eq!(apply_tone(word, tone), want, "{word} + {tone:?}");
        }
    }

    #[test]
    fn every_toned_vowel_in_two_taps() {
        for row in VOWELS {
            let base = row.chars().next().unwrap();
            for (i, tone) in Tone::ALL.iter().enumerate() {
                let want = row.chars().nth(i + 1).unwrap().to_string();
                assert_eq!(type_keys(&[Key::Char(base), Key::Tone(*tone)]), want);
            }
        }
    }

    #[test]
    fn types_a_phrase() {
        let mut keys = vec![Key::Char('Đ'), Key::Char('ă'), Key::Char('n'), Key::Char('g'), Key::Space];
        keys.extend([Key::Char('k'), Key::Char('y'), Key::Tone(Tone::Acute), Key::Space]);
        keys.extend("khai sinh".chars().map(|c| if c == ' ' { Key::Space } else { Key::Char(c) }));
        keys.extend([Key::Char('x'), Key::Backspace]);
        assert_eq!(type_keys(&keys), "Đăng ký khai sinh");
    }
}
