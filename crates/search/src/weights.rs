//! The ranking weights, in one place.
//!
//! A record's score for one reading of the query is
//!
//! ```text
//! kind × ( text + coverage × matched + phrase × pairs + name_coverage × covered
//!          − length × ln(1 + n) / ln(64) )
//! ```
//!
//! - `text` = Σ importance(w) × match(w) / Σ importance(w) over the query
//!   words `w`, where `match(w)` is the best match of `w` in the record:
//!   the match quality (exact 1, [`prefix`](Weights::prefix),
//!   [`fuzzy`](Weights::fuzzy)`^edits`) × the field factor (name 1,
//!   [`alias`](Weights::alias), [`context`](Weights::context)) × the accent
//!   factor (1 + [`accent`](Weights::accent) for an exactly accented match,
//!   1 + accent/2 for a compatible one, 1 − [`accent_mismatch`](Weights::accent_mismatch)
//!   for a contradicting one, 1 when the query has no accents), and
//!   importance(w) = 1 + [`idf`](Weights::idf) × normalised IDF, or
//!   [`place_word`](Weights::place_word) for an optional place word;
//! - `matched` = like `text` but without the field factor (and capped at 1
//!   per word): the share of the query the record matches, in any field — a
//!   record matching every word of the query outranks one matching fewer,
//!   even in better fields;
//! - `pairs` = the share of adjacent query word pairs found adjacent and in
//!   order in the record (a pair with a typo or a contradicting accent
//!   counts half; a one-word query is its own phrase);
//! - `covered` = the share of the record's name words (place kinds like
//!   "Phường" not counted) that the query matched, or `alias` × the share of
//!   its best-covered alias if more (the query *is* an everyday name); `n` =
//!   the number of name words.
//!
//! Codes are not scored this way: an exact code gets [`code`](Weights::code).
//! With the defaults a full, exact match of a short place name scores about
//! 2.1 (× kind); each missing query word costs its share of `text`.

/// Ranking weights; see the module docs for the formula. Every field is a
/// plain multiplier or bonus, so the benchmark page can tune them live.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    /// Quality of a prefix match of the last query word (as-you-type)
    /// relative to an exact match (1), further scaled by 0.5 + 0.5 × the
    /// typed share of the word. Range 0–1; default 0.8.
    pub prefix: f32,
    /// Quality of a fuzzy (typo) match per edit: `fuzzy^edits`. Range 0–1;
    /// default 0.6 (one edit), 0.36 (two).
    pub fuzzy: f32,
    /// Bonus for a word whose accents exactly equal the query's, when the
    /// query has accents; half of it for accents compatible with the query's
    /// (the query omitted some). Range 0–0.5; default 0.15.
    pub accent: f32,
    /// Malus for a word whose accents contradict the query's (`hóa` for
    /// `hòa`). Range 0–1; default 0.3.
    pub accent_mismatch: f32,
    /// Factor for a match in an alias: a procedure's everyday names, a
    /// province's pre-2025 provinces. Range 0–1; default 0.85.
    pub alias: f32,
    /// Factor for a match in context: a procedure's field, a commune's
    /// province, a legacy unit's district and province. Range 0–1; default 0.4.
    pub context: f32,
    /// Importance of an optional place word in the query ("phường", "xã",
    /// "tỉnh", "thành phố", "quận", ...) relative to an ordinary word (1 to
    /// 1 + idf). Range 0–1; default 0.3.
    pub place_word: f32,
    /// Importance of a sentence word ([`crate::STOPWORDS`]: "tôi", "cần",
    /// "ở đâu"…) relative to an ordinary word. Range 0–0.5; default 0.1.
    pub stop: f32,
    /// How much rarer words count more: importance = 1 + idf × ln(N/df)/ln(N).
    /// Range 0–3; default 1.
    pub idf: f32,
    /// Bonus × share of the query (by importance, × match quality) matched
    /// in any field: coverage of the query words. Range 0–1; default 0.5.
    pub coverage: f32,
    /// Bonus for query words found next to each other in order, × share of
    /// adjacent pairs. Range 0–1; default 0.3.
    pub phrase: f32,
    /// Bonus × share of the record's name matched: prefers the record the
    /// query names entirely ("Hòa Cường" over "Hòa Cường Bắc"), and shorter
    /// names. Range 0–1; default 0.3.
    pub name_coverage: f32,
    /// Slight malus for long names: × ln(1 + name words) / ln 64. Range 0–0.2;
    /// default 0.05.
    pub length: f32,
    /// Multiplier for provinces. Default 1.1 (few, and often meant).
    pub province: f32,
    /// Multiplier for communes (current units). Default 1.
    pub commune: f32,
    /// Multiplier for pre-2025 units: below current ones of the same name.
    /// Default 0.9.
    pub legacy: f32,
    /// Multiplier for procedures: balances procedures against places.
    /// Default 1.
    pub procedure: f32,
    /// Score of an exact code match (procedure or GSO code); padded GSO codes
    /// ("70" for 00070) get 0.9 of it and code prefixes 0.5. Default 10,
    /// above any text score.
    pub code: f32,
    /// Hits scoring below `cutoff` × the best hit's score are dropped (a
    /// code match drops every text match). Range 0–1; default 0.4; 0 keeps all.
    pub cutoff: f32,
    /// Hits scoring at least `answer` × the best are answers; those below,
    /// down to [`cutoff`](Weights::cutoff), "more, less related results"
    /// ([`crate::Results::answers`]). Range `cutoff`–1; default 0.9. On the
    /// 461 labelled queries (an expected page among the answers / share of
    /// the answers that are expected pages): 0.7 → 99.8 % / 44 %, 0.8 →
    /// 99.3 % / 63 %, 0.9 → 98.3 % / 80 %, 0.95 → 97.2 % / 88 %.
    pub answer: f32,
    /// Factor for readings that rewrote the query (abbreviations expanded,
    /// run-together words split), so the typed reading wins ties. Range
    /// 0.8–1; default 0.97.
    pub rewritten: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            prefix: 0.8,
            fuzzy: 0.6,
            accent: 0.15,
            accent_mismatch: 0.3,
            alias: 0.85,
            context: 0.4,
            place_word: 0.3,
            stop: 0.1,
            idf: 1.0,
            coverage: 0.5,
            phrase: 0.3,
            name_coverage: 0.3,
            length: 0.05,
            province: 1.1,
            commune: 1.0,
            legacy: 0.9,
            procedure: 1.0,
            code: 10.0,
            cutoff: 0.4,
            answer: 0.9,
            rewritten: 0.97,
        }
    }
}
