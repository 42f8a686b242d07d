//! From a typed query to the readings the engine searches.
//!
//! 1. The query is cut to [`MAX_QUERY_CHARS`] characters and
//!    [`MAX_TOKENS`] tokens of at most [`MAX_WORD_LETTERS`] letters.
//! 2. Each token becomes a query word whose alternatives are the token as
//!    typed and, when it reads as Telex/VNI keystrokes, the decoded syllable
//!    ([`crate::input`]). A token of letters then digits that is not
//!    keystrokes (`q1`, `p12`, `quan3`) is split in two.
//! 3. Readings: the *typed* one; an *expanded* one when an abbreviation or
//!    everyday wording applies ([`ABBREVIATIONS`], [`LETTERS`], [`PHRASES`]);
//!    a *split* one when a run-together word (`hoankiem`, `khaisinh`) splits
//!    into known syllables. The engine scores every reading and keeps each
//!    record's best score, so a rewrite can add results but never hide the
//!    typed reading's.
//! 4. Place words ("phường", "xã", "tỉnh", "thành phố", "đặc khu", "quận",
//!    "huyện", "thị xã", "thị trấn") are marked optional, and the last word
//!    matches as a prefix when the query does not end with a space.
//! 5. Sentence words ([`STOPWORDS`]: "tôi cần", "ở đâu", "như thế nào"…) are
//!    marked `stop`: they still match, and still make adjacent pairs (so
//!    "căn cước" typed `can cuoc` keeps its phrase), but weigh
//!    [`crate::Weights::stop`] instead of 1 + IDF, and a record matching only
//!    them is no candidate. A query of nothing but such words is searched
//!    as typed.
//! 6. Addresses as written on documents: a leading house number, street,
//!    hamlet or group ("12 Nguyễn Trãi, P. 5…", "số 3 ngõ 4 phố Huế, phường…",
//!    "tổ 5, ấp 2, xã…") is dropped when a place word follows it
//!    ([`address_start`]): the catalogue has no streets, and their words
//!    would only match other units' names. Words expanded from one typed
//!    abbreviation (`tphcm` → "thành phố hồ chí minh") share one word's
//!    weight, so the city of an address does not outweigh its ward.

use crate::index::KIND_NAMES;
use crate::input::decode_word;
use cuaso_catalogue::text::{accent_match, is_syllable_key, tokens, words, Accent, Word};
use std::sync::OnceLock;

/// Characters of the query considered; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;
/// Tokens of the query considered.
pub const MAX_TOKENS: usize = 12;
/// Words of a reading after rewriting (a bit mask per word is used).
pub const MAX_WORDS: usize = 14;
/// Letters of a word considered.
pub const MAX_WORD_LETTERS: usize = 24;

/// Multi-letter abbreviations and short forms, expanded in the expanded reading.
pub const ABBREVIATIONS: [(&str, &str); 20] = [
    ("tp", "thành phố"),
    ("tphcm", "thành phố hồ chí minh"),
    ("hcm", "hồ chí minh"),
    ("hcmc", "hồ chí minh"),
    ("sg", "hồ chí minh"),
    ("saigon", "hồ chí minh"),
    ("hn", "hà nội"),
    ("tphn", "thành phố hà nội"),
    ("tt", "thị trấn"),
    ("tx", "thị xã"),
    ("dk", "đăng ký"),
    ("gcn", "giấy chứng nhận"),
    ("gp", "giấy phép"),
    ("gplx", "giấy phép lái xe"),
    ("cccd", "căn cước công dân"),
    ("cmnd", "chứng minh nhân dân"),
    ("qsdd", "quyền sử dụng đất"),
    ("tthc", "thủ tục hành chính"),
    ("ubnd", "ủy ban nhân dân"),
    ("hđnd", "hội đồng nhân dân"),
];

/// One-letter abbreviations of place kinds. Expanded when followed by a dot
/// (`q.`), a number (`q1`, `q 3`) or another word — but not while the letter
/// is still being typed at the end of the query, where it is a prefix.
pub const LETTERS: [(&str, &str); 4] = [("q", "quận"), ("p", "phường"), ("x", "xã"), ("h", "huyện")];

/// Words and phrases of sentences that say nothing about *which* procedure or
/// place is meant, chosen from the query set's sentences and the words that
/// made them go astray: pronouns and politeness (`tôi`, `mình`, `ạ`, `giúp`),
/// question words (`gì`, `ở đâu`, `thế nào`, `bao lâu`), modal verbs (`cần`,
/// `muốn`, `phải`, `được`), the generic `làm`, `xin`, `thủ tục` and `khi`.
/// Each is matched accent-insensitively when typed without accents and
/// exactly when typed with them: `cần` is a stop word, `căn` (căn cước) is
/// not; typed `can`, it is, but keeps its phrase with `cuoc` (see step 5).
/// Left out on purpose, although frequent: `có`/`cô`/`cơ` (`cơ giới`), `đi`
/// (`di chúc`), `cho` and `con` (`cho con` is what people ask for), `em`
/// (`trẻ em`), `mới` (a new motorbike is a first registration), `mất` (lost,
/// or died); and alone, words whose accent-free form is a frequent name
/// word: `đâu` (`đầu tư`, `đấu giá`), `nào` (`nạo vét`), `hỏi` (`xã hội`),
/// `thì` (`thi hành`), `nơi` (`Hà Nội`) — "ở đâu", "thế nào", "cho hỏi" are
/// matched as phrases.
pub const STOPWORDS: [&str; 34] = [
    "tôi",
    "tui",
    "mình",
    "chúng tôi",
    "cần",
    "muốn",
    "phải",
    "được",
    "gì",
    "những gì",
    "là gì",
    "khi",
    "là",
    "và",
    "với",
    "của",
    "ở",
    "ở đâu",
    "thế nào",
    "như thế nào",
    "làm sao",
    "ra sao",
    "bao lâu",
    "bao nhiêu",
    "làm",
    "xin",
    "cho hỏi",
    "giúp",
    "ạ",
    "nhé",
    "ơi",
    "không",
    "thủ tục",
    "cách",
];

/// First words of the part of an address below the commune: a house number
/// (any token starting with a digit), a street or alley, a hamlet or group.
/// Dropped up to the first place word after them (see [`address_start`]).
pub const BELOW_COMMUNE: [&str; 16] = [
    "số",
    "đường",
    "phố",
    "ngõ",
    "ngách",
    "hẻm",
    "kiệt",
    "tổ",
    "thôn",
    "ấp",
    "xóm",
    "bản",
    "khóm",
    "khu phố",
    "tổ dân phố",
    "lô",
];

/// Everyday names of places, as accent-free word sequences.
pub const PHRASES: [(&[&str], &str); 1] = [(&["sai", "gon"], "hồ chí minh")];

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct QWord {
    /// The word as typed, then other readings of it (decoded keystrokes).
    pub alts: Vec<Word>,
    /// The last word while typing: matches as a prefix.
    pub prefix: bool,
    /// A place word: optional, low importance.
    pub optional: bool,
    /// Produced by a rewrite: a whole word, never a prefix.
    pub whole: bool,
    /// A sentence word ([`STOPWORDS`]): low importance, not needed to match.
    pub stop: bool,
    /// Share of one typed word's importance: 1, or 1/n for each of the n
    /// words an abbreviation expanded into.
    pub share: f32,
}

impl QWord {
    fn new(alts: Vec<Word>) -> QWord {
        QWord { alts, prefix: false, optional: false, whole: false, stop: false, share: 1.0 }
    }
    fn whole(w: Word) -> QWord {
        QWord { alts: vec![w], prefix: false, optional: false, whole: true, stop: false, share: 1.0 }
    }
    fn key(&self) -> &str {
        &self.alts[0].key
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Reading {
    pub words: Vec<QWord>,
    pub rewritten: bool,
}

struct Piece {
    word: QWord,
    dot_after: bool,
    numeric: bool,
    /// A comma (or semicolon) between this token and the one before.
    comma_before: bool,
}

/// Cuts `s` to at most `n` characters.
pub(crate) fn cap(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

/// The vocabulary, as the analysis needs it.
pub(crate) trait Vocabulary {
    fn contains(&self, key: &str) -> bool;
    fn has_prefix(&self, prefix: &str) -> bool;
}

/// The normalised forms of the tables above, computed once.
struct Tables {
    /// Accent-free keys of [`KIND_NAMES`] and their words.
    kind_keys: Vec<String>,
    kinds: Vec<Vec<Word>>,
    /// Accent-free keys of [`ABBREVIATIONS`], in order.
    abbreviation_keys: Vec<String>,
    stops: Vec<Vec<Word>>,
    below: Vec<Vec<Word>>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        kind_keys: KIND_NAMES.iter().map(|k| cuaso_catalogue::text::fold(k)).collect(),
        kinds: KIND_NAMES.iter().map(|k| words(k)).collect(),
        abbreviation_keys: ABBREVIATIONS.iter().map(|(a, _)| cuaso_catalogue::text::fold(a)).collect(),
        stops: STOPWORDS.iter().map(|k| words(k)).collect(),
        below: BELOW_COMMUNE.iter().map(|k| words(k)).collect(),
    })
}

pub(crate) fn analyse(query: &str, vocab: &impl Vocabulary) -> Vec<Reading> {
    let q = cap(query, MAX_QUERY_CHARS);
    let toks = tokens(q);
    let typing = toks.last().is_some_and(|t| t.end == q.len());
    let mut prev_end = 0;
    let mut pieces: Vec<Piece> = Vec::new();
    for t in toks.iter().take(MAX_TOKENS) {
        let mut t = t.clone();
        t.letters.truncate(MAX_WORD_LETTERS);
        let raw = &q[t.start..t.end];
        let dot_after = q[t.end..].starts_with('.');
        let comma_before = q[prev_end..t.start].contains([',', ';']);
        prev_end = t.end;
        let typed = t.word();
        let numeric = typed.key.bytes().all(|b| b.is_ascii_digit());
        let mut alts = vec![typed.clone()];
        if raw.len() <= MAX_WORD_LETTERS && raw.bytes().all(|b| b.is_ascii_alphanumeric()) {
            // Letters then digits: a place kind and a number ("q1", "p12",
            // "quan3") is split; anything else may be VNI keystrokes.
            let split = raw
                .find(|c: char| c.is_ascii_digit())
                .filter(|&i| i > 0 && raw[i..].bytes().all(|b| b.is_ascii_digit()));
            let letters = split.map(|i| raw[..i].to_ascii_lowercase());
            let is_kind = |l: &str| LETTERS.iter().any(|(a, _)| *a == l) || tables().kind_keys.iter().any(|k| k == l);
            if let (Some(i), Some(l)) = (split, letters.as_deref().filter(|l| is_kind(l))) {
                pieces.push(Piece {
                    word: QWord::new(vec![Word::plain(l)]),
                    dot_after: false,
                    numeric: false,
                    comma_before,
                });
                pieces.push(Piece {
                    word: QWord::new(vec![Word::plain(&raw[i..])]),
                    dot_after,
                    numeric: true,
                    comma_before: false,
                });
                continue;
            }
            if let Some(decoded) = decode_word(raw) {
                if let Some(w) = words(&decoded).pop().filter(|w| *w != typed) {
                    alts.push(w);
                }
            }
        }
        pieces.push(Piece { word: QWord::new(alts), dot_after, numeric, comma_before });
    }
    if let Some(at) = address_start(&pieces) {
        pieces.drain(..at);
    }
    let kinds = &tables().kinds;
    let mut readings = vec![Reading { words: pieces.iter().map(|p| p.word.clone()).collect(), rewritten: false }];
    if let Some(expanded) = expand(&pieces, typing) {
        readings.push(Reading { words: expanded, rewritten: true });
    }
    if let Some(split) = split_reading(&readings[readings.len() - 1].words, vocab, typing) {
        readings.push(Reading { words: split, rewritten: true });
    }
    for r in &mut readings {
        r.words.truncate(MAX_WORDS);
        if typing {
            if let Some(last) = r.words.last_mut() {
                last.prefix = !last.whole;
            }
        }
        mark_optional(&mut r.words, kinds);
        mark_stops(&mut r.words, &tables().stops);
    }
    readings
}

/// Where the commune part of an address starts, when the query begins with
/// a house number, a street, a hamlet or a group ([`BELOW_COMMUNE`]) and a
/// place word follows: `12 Nguyễn Trãi, P. 5, Q. 10` → at `P`. A one-letter
/// place word counts when a dot, a number or a comma follows it (`P. 5`,
/// `p5`, `Q,`); a full one ("phường", "xã", "thị trấn") always.
fn address_start(pieces: &[Piece]) -> Option<usize> {
    let t = tables();
    let at = |i: usize, ws: &[Word]| {
        pieces.len() >= i + ws.len() && ws.iter().zip(&pieces[i..]).all(|(w, p)| fits(&p.word, w))
    };
    let first = pieces.first()?;
    // A house number; or a street, hamlet or group word followed by a number
    // ("số 12", "tổ 5", "ngõ 4") or ending at a comma ("thôn Đông, xã …"):
    // "số" alone is also "sổ" typed without accents ("so bao hiem xa hoi").
    let numbered = first.word.key().starts_with(|c: char| c.is_ascii_digit());
    let below = t.below.iter().find(|b| at(0, b)).map(|b| b.len());
    let comma = pieces.iter().any(|p| p.comma_before);
    if !numbered && !below.is_some_and(|n| pieces.get(n).is_some_and(|p| p.numeric) || comma) {
        return None;
    }
    (1..pieces.len().saturating_sub(1)).find(|&i| {
        let k = pieces[i].word.key();
        let abbreviated = LETTERS.iter().any(|(a, _)| *a == k) || matches!(k, "tp" | "tx" | "tt");
        let marked = pieces[i].dot_after || pieces[i + 1].numeric || pieces[i].comma_before;
        abbreviated && marked || t.kinds.iter().any(|kind| at(i, kind))
    })
}

/// Typed with accents, a table word must be exactly accented ("quân" is not
/// "quận", "căn" is not "cần"); typed without, any accents fit.
fn fits(q: &QWord, k: &Word) -> bool {
    q.key() == k.key && matches!(accent_match(&q.alts[0].acc, &k.acc, false), Accent::Neutral | Accent::Exact)
}

/// Marks the words of [`STOPWORDS`] phrases (the longest first) as `stop`,
/// unless nothing else would be left to search.
fn mark_stops(ws: &mut [QWord], stops: &[Vec<Word>]) {
    let mut i = 0;
    while i < ws.len() {
        let len = stops
            .iter()
            .filter(|k| {
                ws.len() >= i + k.len() && k.iter().zip(&ws[i..]).all(|(k, q)| !q.whole && !q.optional && fits(q, k))
            })
            .map(|k| k.len())
            .max()
            .unwrap_or(0);
        for w in &mut ws[i..i + len] {
            w.stop = true;
        }
        i += len.max(1);
    }
    if ws.iter().all(|w| w.stop || w.optional) {
        for w in ws.iter_mut() {
            w.stop = false;
        }
    }
}

fn expand(pieces: &[Piece], typing: bool) -> Option<Vec<QWord>> {
    let mut out = Vec::new();
    let mut changed = false;
    let mut i = 0;
    let whole = |s: &str| {
        let ws = words(s);
        let share = 1.0 / ws.len().max(1) as f32;
        ws.into_iter().map(|w| QWord { share, ..QWord::whole(w) }).collect::<Vec<_>>()
    };
    while i < pieces.len() {
        let p = &pieces[i];
        if let Some((ph, to)) = PHRASES.iter().find(|(ph, _)| {
            pieces.len() >= i + ph.len() && ph.iter().zip(&pieces[i..]).all(|(k, p)| p.word.key() == *k)
        }) {
            out.extend(whole(to));
            i += ph.len();
            changed = true;
            continue;
        }
        // Abbreviations are typed without tones (marks allowed: "đk").
        if p.word.alts[0].acc.ends_with('0') {
            if let Some((_, to)) =
                ABBREVIATIONS.iter().zip(&tables().abbreviation_keys).find(|(_, k)| *k == p.word.key()).map(|(a, _)| a)
            {
                out.extend(whole(to));
                i += 1;
                changed = true;
                continue;
            }
        }
        if !p.word.alts[0].is_marked() {
            let last_typed = i + 1 == pieces.len() && typing && !p.dot_after;
            if let Some((_, to)) = LETTERS.iter().find(|(a, _)| *a == p.word.key()) {
                if !last_typed || pieces.get(i + 1).is_some_and(|n| n.numeric) {
                    out.extend(whole(to));
                    i += 1;
                    changed = true;
                    continue;
                }
            }
        }
        out.push(p.word.clone());
        i += 1;
    }
    changed.then_some(out)
}

/// Splits run-together words into known syllables: `hoankiem` → `hoan kiem`.
fn split_reading(base: &[QWord], vocab: &impl Vocabulary, typing: bool) -> Option<Vec<QWord>> {
    let mut out = Vec::new();
    let mut changed = false;
    for (i, w) in base.iter().enumerate() {
        let key = w.key();
        let known = w.alts.iter().any(|a| vocab.contains(&a.key));
        let last = typing && i + 1 == base.len() && !w.whole;
        if !known
            && !w.whole
            && (4..=MAX_WORD_LETTERS).contains(&key.len())
            && key.bytes().all(|b| b.is_ascii_lowercase())
        {
            if let Some(parts) = segment(key, vocab, last) {
                out.extend(parts.into_iter().map(|p| QWord::new(vec![Word::plain(p)])));
                changed = true;
                continue;
            }
        }
        out.push(w.clone());
    }
    changed.then_some(out)
}

/// The split of `key` into the fewest known syllables of two letters or more
/// (the last may be a prefix of one when `last_prefix`); `None` if there is
/// none or it is the word itself.
fn segment<'a>(key: &'a str, vocab: &impl Vocabulary, last_prefix: bool) -> Option<Vec<&'a str>> {
    let n = key.len();
    // best[i]: fewest parts for key[..i], and where the last part starts.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in 2..=n {
        for start in end.saturating_sub(7)..=end - 2 {
            let Some((parts, _)) = best[start] else { continue };
            let part = &key[start..end];
            let ok =
                is_syllable_key(part) && (vocab.contains(part) || (end == n && last_prefix && vocab.has_prefix(part)));
            if ok && best[end].is_none_or(|(p, _)| parts + 1 < p) {
                best[end] = Some((parts + 1, start));
            }
        }
    }
    let (parts, _) = best[n]?;
    if parts < 2 {
        return None;
    }
    let mut out = Vec::with_capacity(parts);
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        out.push(&key[start..end]);
        end = start;
    }
    out.reverse();
    Some(out)
}

fn mark_optional(ws: &mut [QWord], kinds: &[Vec<Word>]) {
    let mut i = 0;
    while i < ws.len() {
        let len = kinds
            .iter()
            .filter(|k| ws.len() >= i + k.len() && k.iter().zip(&ws[i..]).all(|(k, q)| fits(q, k)))
            .map(|k| k.len())
            .max()
            .unwrap_or(0);
        for w in &mut ws[i..i + len] {
            w.optional = true;
        }
        i += len.max(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct V(&'static [&'static str]);
    impl Vocabulary for V {
        fn contains(&self, key: &str) -> bool {
            self.0.contains(&key)
        }
        fn has_prefix(&self, prefix: &str) -> bool {
            self.0.iter().any(|k| k.starts_with(prefix))
        }
    }
    const VOCAB: V =
        V(&["hoan", "kiem", "khai", "sinh", "ho", "chi", "minh", "ha", "noi", "phuong", "quan", "dang", "ki"]);

    /// Readings as strings: keys, `*` for a prefix word, `?` for an optional one.
    fn show(q: &str) -> Vec<String> {
        analyse(q, &VOCAB)
            .iter()
            .map(|r| {
                r.words
                    .iter()
                    .map(|w| {
                        let alts: Vec<&str> = w.alts.iter().map(|a| a.key.as_str()).collect();
                        format!(
                            "{}{}{}{}",
                            alts.join("|"),
                            if w.prefix { "*" } else { "" },
                            if w.optional { "?" } else { "" },
                            if w.stop { "~" } else { "" }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn abbreviations_and_place_words() {
        for (q, want) in [
            ("tphcm", vec!["tphcm*", "thanh? pho? ho chi minh"]),
            ("tp.hcm", vec!["tp hcm*", "thanh? pho? ho chi minh"]),
            ("TP HCM ", vec!["tp hcm", "thanh? pho? ho chi minh"]),
            ("hcm", vec!["hcm*", "ho chi minh"]),
            ("sài gòn", vec!["sai gon*", "ho chi minh"]),
            ("sg", vec!["sg*", "ho chi minh"]),
            ("hn", vec!["hn*", "ha noi"]),
            ("p.1 q.3 tphcm", vec!["p 1 q 3 tphcm*", "phuong? 1 quan? 3 thanh? pho? ho chi minh"]),
            ("q1", vec!["q 1*", "quan? 1*"]),
            ("quận 1", vec!["quan? 1*"]),
            ("phuong 1 quan 3", vec!["phuong? 1 quan? 3*"]),
            ("x. tan phu", vec!["x tan phu*", "xa? tan phu*"]),
            ("h. cu chi ", vec!["h cu chi", "huyen? cu chi"]),
            ("tt cu chi", vec!["tt cu chi*", "thi? tran? cu chi*"]),
            ("thi xa son tay", vec!["thi? xa? son tay*"]),
            ("đặc khu phú quốc", vec!["dac? khu? phu quoc*"]),
            // a letter being typed at the end stays a prefix
            ("thu tuc h", vec!["thu~ tuc~ h*"]),
            ("quan 3 p", vec!["quan? 3 p*"]),
            // "quân" (army) is not the place word "quận"
            ("quân sự", vec!["quan su*"]),
            ("dk khai sinh", vec!["dk khai sinh*", "dang ki khai sinh*"]),
        ] {
            assert_eq!(show(q), want, "{q}");
        }
    }

    #[test]
    fn keystrokes_and_splits() {
        for (q, want) in [
            ("dangw kys", vec!["dangw|dang kys|ki*"]),
            ("d9ang5", vec!["d9ang5|dang*"]),
            ("hoankiem", vec!["hoankiem*", "hoan kiem*"]),
            ("phuong hoankiem ", vec!["phuong? hoankiem", "phuong? hoan kiem"]),
            ("khaisi", vec!["khaisi*", "khai si*"]),
            ("khai sihn", vec!["khai sihn*"]),
            ("quan3", vec!["quan? 3*"]),
        ] {
            assert_eq!(show(q), want, "{q}");
        }
    }

    #[test]
    fn sentences() {
        for (q, want) in [
            // `~`: a sentence word (low weight, not needed to match)
            ("toi can lam gi khi nguoi nha mat ", vec!["toi~ can~ lam~ gi~ khi~ nguoi nha mat"]),
            ("o dau lam can cuoc ", vec!["o~ dau~ lam~ can~ cuoc"]),
            // typed with accents, "căn" is no sentence word, "cần" is
            ("cần làm căn cước ", vec!["can~ lam~ can cuoc"]),
            ("thu tuc ket hon nhu the nao ", vec!["thu~ tuc~ ket hon nhu~ the~ nao~"]),
            // nothing else to search: as typed
            ("lam gi ", vec!["lam gi"]),
        ] {
            assert_eq!(show(q), want, "{q}");
        }
    }

    #[test]
    fn addresses_as_written() {
        for (q, want) in [
            // house number and street dropped up to the first place word
            (
                "12 Nguyễn Trãi, P. 5, Q. 10, TP.HCM ",
                vec!["p 5 q 10 tp hcm", "phuong? 5 quan? 10 thanh? pho? ho chi minh"],
            ),
            ("12/3 nguyen trai p5 q10 ", vec!["p 5 q 10", "phuong? 5 quan? 10"]),
            ("số 3 ngõ 4 phố Huế, phường Hai Bà Trưng ", vec!["phuong? hai ba trung"]),
            ("to 5, ap 2, xa tan phu ", vec!["xa? tan phu"]),
            // no place word after the number: kept
            ("12 nguyen trai ", vec!["12 nguyen trai"]),
            // "so" is also "sổ": a street word needs a number or a comma
            ("so bao hiem xa hoi ", vec!["so bao hiem xa? hoi"]),
            ("thon dong, xa tan phu ", vec!["xa? tan phu"]),
            // an abbreviation after a comma needs no dot
            ("45 tran hung dao, tp thai binh ", vec!["tp thai binh", "thanh? pho? thai binh"]),
            // a ward's number is no house number
            ("phuong 12 quan 10 ", vec!["phuong? 12 quan? 10"]),
        ] {
            assert_eq!(show(q), want, "{q}");
        }
    }

    #[test]
    fn bounded() {
        let long = "phường ".repeat(5000);
        let r = analyse(&long, &VOCAB);
        assert!(r.iter().all(|r| r.words.len() <= MAX_WORDS));
        let flood = format!("a{}", "\u{301}".repeat(100_000));
        assert_eq!(analyse(&flood, &VOCAB)[0].words.len(), 1);
        let word = "a".repeat(10_000);
        assert!(analyse(&word, &VOCAB)[0].words[0].alts[0].key.len() <= MAX_WORD_LETTERS);
        assert_eq!(cap("hoà", 2), "ho");
        assert!(analyse("", &VOCAB)[0].words.is_empty());
        assert!(analyse("🙂🙂 \u{202e}\u{0}", &VOCAB)[0].words.is_empty());
    }
}
