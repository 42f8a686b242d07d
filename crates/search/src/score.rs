//! Scoring one reading of the query: the two phases of the ranking formula
//! ([`crate::weights`]) and what keeps them cheap.
//!
//! 1. **Rough scores** from the postings of every matching term: per record
//!    and query word the best `quality × field factor`, summed with the
//!    words' importance ([`Engine::rough_scores`]). Place and sentence
//!    words beside a word that matters, and the common typo readings of a
//!    word typed as it is, are skipped here and counted in the bound.
//!    (Measured on the labelled queries, natively: p95 0.53 → 0.28 ms, the
//!    same top-k in every category.)
//! 2. **Candidates**: the [`MAX_CANDIDATES`] best records by rough score (ties
//!    in the order first reached), by a radix selection ([`kth_largest`])
//!    rather than a sort of the thousands of records reached.
//! 3. **Full scores** from each candidate's tokens ([`Engine::full_score`]),
//!    best bound first: a candidate's full score is bounded by its rough
//!    score and the words it matched ([`Engine::bounds`]), so once the bound
//!    falls below the `limit`-th best score found so far (in this reading or
//!    an earlier one) no further candidate can reach the hits, and none is
//!    scored. The hits are the same as when scoring every candidate.
//!
//! The per-record and per-form arrays live in a [`Scratch`] kept by the
//! engine: a search allocates no array the size of the catalogue, and
//! resets only the slots it used.

use crate::index::{desc, positive, sort_by_u64, sort_keys, tok, ALIAS, GAP, KIND_WORD, NAME};
use crate::query::{Reading, MAX_WORDS};
use crate::{Allow, Engine, How, Match, MAX_CANDIDATES, MAX_FUZZY_POSTINGS_PER_WORD, MAX_POSTINGS_PER_WORD};
use cuaso_catalogue::text::{accent_match, Accent};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::mem::take;

/// Fuzzy expansions by key: (distance, term) of each.
pub(crate) type FuzzyCache = Vec<(Box<str>, Vec<(u8, u32)>)>;
/// Fuzzy expansions of vocabulary keys, by key id, once computed.
pub(crate) type KnownFuzzy = Vec<Option<Box<[(u8, u32)]>>>;

/// Phase 1 state of a record.
#[derive(Clone, Copy, Default)]
struct Acc {
    /// Rough score of the words before `word`.
    rough: f32,
    /// Best match of `word`.
    best: f32,
    /// Bit mask of the words before `word` matched.
    mask: u16,
    /// The word being matched.
    word: u8,
    /// The reading (`Scratch::gen`) the rest is about: slots of earlier
    /// readings count as zero, so none needs resetting.
    gen: u8,
}

impl Acc {
    /// Adds the current word to the rough score and the mask.
    #[inline(always)]
    fn add_word(&mut self, importance: &[f32]) {
        self.rough += importance[self.word as usize] * self.best;
        self.mask |= 1 << self.word;
        self.best = 0.0;
    }
}

/// A match's contribution on one accented form of its term (phase 2).
#[derive(Clone, Copy, Debug)]
struct Entry {
    word: u8,
    /// `1 << word`, and `1 << (16 + word)` if the match is exact or a prefix
    /// with agreeing accents.
    bits: u32,
    quality: f32,
    accent: f32,
}

/// Working memory of a search, kept by the engine between searches (≈ 0.4 MB
/// for the real catalogue, allocated by the first search). Between searches
/// the per-form slots are zero; per-record slots belong to a generation
/// (`gen`) and are stale as soon as the next one starts.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Per record.
    acc: Vec<Acc>,
    gen: u8,
    /// Records reached in phase 1, in the order first reached (the first
    /// `touched_len`; one slot per record, so no growing).
    touched: Vec<u32>,
    touched_len: usize,
    /// Candidates, and their rough scores as bits (the first `cands_len`;
    /// one slot per record).
    cands: Vec<u32>,
    bits: Vec<u32>,
    cands_len: usize,
    /// A sample of the rough scores.
    sample: Vec<(u64, u32)>,
    /// Candidates as `bound bits << 32 | !record` (or `!record` alone).
    queue: Vec<u64>,
    /// Per accented form: its range of `entries` in the current reading.
    acc_slot: Vec<(u32, u32)>,
    entries: Vec<Entry>,
    /// The best scores of the current reading (at most `limit`, as bits of
    /// positive floats), and the `limit`-th best of an earlier reading.
    top: BinaryHeap<Reverse<u32>>,
    kth: f32,
    /// Fuzzy expansions of the query's keys that are not in the vocabulary
    /// (shared by its readings).
    pub fuzzy: FuzzyCache,
    /// Fuzzy expansions of vocabulary keys, kept between searches (at most
    /// one list of [`crate::MAX_FUZZY_TERMS`] per key).
    pub known: KnownFuzzy,
    /// The search's records with their best score (`search` uses `acc`'s
    /// `mask` and `rough` for it).
    pub docs: Vec<u32>,
}

impl Scratch {
    /// Ready for a search over `docs` records and `accs` accented forms.
    pub fn prepare(&mut self, docs: usize, accs: usize) {
        if self.acc.len() < docs {
            self.acc.resize(docs, Acc::default());
            self.touched.resize(docs, 0);
            self.cands.resize(docs, 0);
            self.bits.resize(docs, 0);
        }
        if self.acc_slot.len() < accs {
            self.acc_slot.resize(accs, (0, 0));
        }
        self.kth = 0.0;
    }

    /// A new generation of `acc`: every slot counts as zero.
    fn next_gen(&mut self) -> u8 {
        self.gen = self.gen.wrapping_add(1);
        if self.gen == 0 {
            self.acc.fill(Acc::default());
            self.gen = 1;
        }
        self.gen
    }

    /// Keeps the best score of each record (in `acc`), and the records (`docs`).
    pub fn keep_best(&mut self, scored: &[(u32, f32)]) {
        let gen = self.next_gen();
        self.docs.clear();
        for &(d, score) in scored {
            let a = &mut self.acc[d as usize];
            if a.gen != gen {
                *a = Acc { rough: score, gen, ..Acc::default() };
                self.docs.push(d);
            } else if score > a.rough {
                a.rough = score;
            }
        }
    }

    /// The best score of a record kept by [`Scratch::keep_best`].
    pub fn best_of(&self, d: u32) -> f32 {
        self.acc[d as usize].rough
    }
}

/// The `k`-th largest of `values` (counted with repeats; 1 ≤ `k` ≤ their
/// number), and how many values equal to it rank within the `k` largest,
/// by radix selection: a counting pass on the top 11 bits, then passes on
/// the next 11 and the last 10 over only the values sharing the bits found.
fn kth_largest(values: &[u32], k: usize, rest: &mut [u32]) -> (u32, usize) {
    let mut histogram = [0u32; 1 << 11];
    let (mut prefix, mut k, mut m) = (0u32, k, 0);
    for (shift, bits) in [(21, 11), (10, 11), (0, 10)] {
        let mask = (1u32 << bits) - 1;
        histogram.fill(0);
        let counted = if shift == 21 { values } else { &rest[..m] };
        for &v in counted {
            histogram[(v >> shift & mask) as usize] += 1;
        }
        let mut d = mask as usize;
        while (histogram[d] as usize) < k {
            k -= histogram[d] as usize;
            d -= 1;
        }
        prefix |= (d as u32) << shift;
        // The values with the digit found, for the next pass.
        let mut kept = 0;
        if shift == 21 {
            for &v in values {
                if (v >> shift) as usize == d {
                    rest[kept] = v;
                    kept += 1;
                }
            }
        } else {
            for i in 0..m {
                let v = rest[i];
                if (v >> shift & mask) as usize == d {
                    rest[kept] = v;
                    kept += 1;
                }
            }
        }
        m = kept;
    }
    (prefix, k)
}

/// Phase 1 for posting `p` (record `d << 2 | field class`) of a term of
/// word `wi` with values `v` by field class: the record's best match of the
/// word so far; a record first reached goes to `touched[n]`.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn visit(
    acc: &mut [Acc],
    touched: &mut [u32],
    n: &mut usize,
    p: u32,
    v: &[f32; 4],
    wi: usize,
    gen: u8,
    importance: &[f32],
) {
    let (d, v) = ((p >> 2) as usize, v[(p & 3) as usize]);
    let a = &mut acc[d];
    if a.gen != gen {
        *a = Acc { gen, word: wi as u8, ..Acc::default() };
        touched[*n] = d as u32;
        *n += 1;
    } else if a.word as usize != wi {
        a.add_word(importance);
        a.word = wi as u8;
    }
    if v > a.best {
        a.best = v;
    }
}

/// The larger of two numbers (neither NaN). `f32::max` is a call in WebAssembly.
fn max(a: f32, b: f32) -> f32 {
    if a > b {
        a
    } else {
        b
    }
}

/// A value that about `2k` of `values` reach, from an even sample of them
/// (0 when that would be most of them).
fn sample_cut(values: &[u32], k: usize, buf: &mut Vec<(u64, u32)>) -> u32 {
    const SAMPLE: usize = 128;
    let rank = 2 * SAMPLE * k / values.len() + 4;
    if rank >= SAMPLE || values.len() < 4 * SAMPLE {
        return 0;
    }
    buf.clear();
    buf.extend((0..SAMPLE).map(|i| ((u32::MAX - values[i * values.len() / SAMPLE]) as u64, 0)));
    sort_keys(buf);
    u32::MAX - buf[rank].0 as u32
}

impl Engine {
    /// Scores the records for reading `r`, pushing `(record, score)` to
    /// `out`; only records that can be among the best `limit` are scored.
    pub(crate) fn score_reading(
        &self,
        r: &Reading,
        allow: &Allow,
        limit: usize,
        s: &mut Scratch,
        out: &mut Vec<(u32, f32)>,
    ) {
        let n = r.words.len();
        if n == 0 {
            return;
        }
        let (mut matches, importance) = self.expand(r, &mut s.fuzzy, &mut s.known);
        let only = match allow {
            Allow::All => None,
            Allow::Only(v) => Some(v.as_slice()),
        };
        sort_by_u64(&mut matches, |m| (m.word as u64) << 32 | desc(m.quality));
        let required: u32 =
            r.words.iter().enumerate().filter(|(_, q)| !q.optional && !q.stop).fold(0, |m, (i, _)| m | 1 << i);
        // Place and sentence words ("xã", "tỉnh", "tôi"…) reach thousands of
        // records and weigh little: beside a word that matters, phase 1 skips
        // them (phase 2 scores them; the bound counts them as matched).
        let light = if required == 0 { 0 } else { !required & ((1u32 << n) - 1) };
        let skipped = self.rough_scores(&matches, &importance, light, only, s);
        self.candidates(required, &importance, s);
        sort_by_u64(&mut matches, |m| m.key as u64);
        let accent = self.accent_table(r, &matches, s);
        self.bounds(r, &importance, skipped, accent, s);

        s.top.clear();
        let bounded = self.bounded();
        // Best bound first (a heap: most candidates are never taken out).
        let mut queue = BinaryHeap::from(take(&mut s.queue));
        while let Some(key) = queue.pop() {
            // The `limit`-th best score so far: a candidate bound below it
            // cannot reach the hits, nor can any after it.
            let kth = if s.top.len() == limit { s.top.peek().map_or(0.0, |t| f32::from_bits(t.0)) } else { 0.0 };
            if bounded && f32::from_bits((key >> 32) as u32) < max(kth, s.kth) {
                break;
            }
            let d = u32::MAX - key as u32;
            let score = self.full_score(d as usize, r, &importance, s);
            if score > 0.0 {
                out.push((d, score));
                s.top.push(Reverse(score.to_bits()));
                if s.top.len() > limit {
                    s.top.pop();
                }
            }
        }
        if s.top.len() == limit {
            s.kth = max(s.kth, s.top.peek().map_or(0.0, |t| f32::from_bits(t.0)));
        }
        s.queue = queue.into_vec();
        s.queue.clear();
        for m in &matches {
            for &a in self.index.accs_of(m.key) {
                s.acc_slot[a as usize] = (0, 0);
            }
        }
    }

    /// Phase 1: for every record reached (allowed by `only`), the sum over
    /// the query words of importance × the word's best `quality × field
    /// factor`; and the words reached (`mask`). `matches` are by word, best
    /// first; a word stops at the term that would exceed
    /// [`MAX_POSTINGS_PER_WORD`]. Returns Σ importance × quality of those
    /// first skipped terms, and their words (for the bound of phase 2).
    #[inline(never)]
    fn rough_scores(
        &self,
        matches: &[Match],
        importance: &[f32],
        light: u32,
        only: Option<&[bool]>,
        s: &mut Scratch,
    ) -> (f32, u32) {
        let ix = &self.index;
        let ff = self.field_factors();
        let (mut skipped, mut skipped_words) = (0f32, 0u32);
        let gen = s.next_gen();
        // Slices and a local count: the hot loop makes no call, even at
        // opt-level "z" (a `Vec`'s indexing and `push` are calls there).
        let (acc, touched) = (&mut s.acc[..], &mut s.touched[..]);
        let mut n = 0;
        let mut at = 0;
        for (wi, imp) in importance.iter().enumerate() {
            let end = at + matches[at..].iter().take_while(|m| m.word as usize == wi).count();
            if light & 1 << wi != 0 {
                if let Some(m) = matches[at..end].first() {
                    skipped += imp * m.quality;
                    skipped_words |= 1 << wi;
                }
                at = end;
                continue;
            }
            // A word typed as it is in the vocabulary: its typo readings are a guess.
            let typed = matches[at..end].iter().any(|m| m.how == How::Exact);
            let mut budget = MAX_POSTINGS_PER_WORD;
            let mut fuzzy_budget = if typed { MAX_FUZZY_POSTINGS_PER_WORD } else { MAX_POSTINGS_PER_WORD };
            for m in &matches[at..end] {
                let ps = ix.postings(m.key);
                let fuzzy = m.how == How::Fuzzy;
                if ps.len() > budget || fuzzy && ps.len() > fuzzy_budget {
                    // The first term skipped is the best skipped (by quality): the bound's.
                    if skipped_words & 1 << wi == 0 {
                        skipped += imp * m.quality;
                        skipped_words |= 1 << wi;
                    }
                    if fuzzy {
                        // A typo reading of a real word that reaches too many records; a rarer one may fit.
                        continue;
                    }
                    break;
                }
                budget -= ps.len();
                if fuzzy {
                    fuzzy_budget -= ps.len();
                }
                let v = [m.quality * ff[0], m.quality * ff[1], m.quality * ff[2], m.quality * ff[3]];
                match only {
                    None => {
                        for &p in ps {
                            visit(acc, touched, &mut n, p, &v, wi, gen, importance);
                        }
                    }
                    Some(o) => {
                        for &p in ps {
                            if o[(p >> 2) as usize] {
                                visit(acc, touched, &mut n, p, &v, wi, gen, importance);
                            }
                        }
                    }
                }
            }
            at = end;
        }
        s.touched_len = n;
        (skipped, skipped_words)
    }

    /// The candidates (`cands`): the records reached that match a `required`
    /// word (any word if none is), at most [`MAX_CANDIDATES`], the best by
    /// rough score, ties in the order first reached. The others' slots are
    /// reset.
    #[inline(never)]
    fn candidates(&self, required: u32, importance: &[f32], s: &mut Scratch) {
        let need = if required == 0 { u32::MAX } else { required };
        let (acc, cands, bits) = (&mut s.acc[..], &mut s.cands[..], &mut s.bits[..]);
        let mut n = 0;
        // Without a branch (whether a record matches a required word is as
        // good as random): a record that is no candidate is written where
        // the next one goes (`n` never passes the records read).
        for &d in &s.touched[..s.touched_len] {
            let a = &mut acc[d as usize];
            a.add_word(importance);
            (cands[n], bits[n]) = (d, positive(a.rough).to_bits());
            n += (a.mask as u32 & need != 0) as usize;
        }
        s.touched_len = 0;
        #[cfg(test)]
        if tests::REFERENCE.get() && n > MAX_CANDIDATES {
            // The plain way: sort by rough score, then order first reached.
            let mut all: Vec<(u64, u32)> =
                (0..n).map(|i| (((u32::MAX - bits[i]) as u64) << 32 | i as u64, cands[i])).collect();
            all.sort_unstable();
            for (i, &(_, d)) in all[..MAX_CANDIDATES].iter().enumerate() {
                cands[i] = d;
            }
            n = MAX_CANDIDATES;
        }
        if n > MAX_CANDIDATES {
            // A first cut from a sample, meant to keep about twice as many
            // as needed; the exact selection then runs on what it keeps.
            let mut cut = sample_cut(&bits[..n], MAX_CANDIDATES, &mut s.sample);
            if bits[..n].iter().filter(|&&b| b >= cut).count() < MAX_CANDIDATES {
                cut = 0;
            }
            let mut kept = 0;
            for i in 0..n {
                let (b, d) = (bits[i], cands[i]);
                if b >= cut {
                    (cands[kept], bits[kept]) = (d, b);
                    kept += 1;
                }
            }
            n = kept;
        }
        if n > MAX_CANDIDATES {
            // `touched` is free again: it holds the values kept by each pass.
            let (t, mut ties) = kth_largest(&bits[..n], MAX_CANDIDATES, &mut s.touched);
            let mut kept = 0;
            for i in 0..n {
                let (b, d) = (bits[i], cands[i]);
                if b > t || b == t && ties > 0 {
                    ties -= usize::from(b == t);
                    cands[kept] = d;
                    kept += 1;
                }
            }
            n = kept;
        }
        s.cands_len = n;
    }

    /// Whether a candidate's full score is bounded by its rough score (see
    /// [`Engine::bounds`]): when every match contributes (positive qualities
    /// and field factors), fields rank name ≥ alias ≥ context and no weight
    /// is negative — as with the defaults. A page tuning the weights
    /// otherwise gets every candidate scored.
    fn bounded(&self) -> bool {
        #[cfg(test)]
        if tests::REFERENCE.get() {
            return false;
        }
        let w = &self.weights;
        let all = [
            w.prefix,
            w.fuzzy,
            w.accent,
            w.accent_mismatch,
            w.alias,
            w.context,
            w.place_word,
            w.idf,
            w.coverage,
            w.phrase,
            w.name_coverage,
            w.length,
            w.province,
            w.commune,
            w.legacy,
            w.procedure,
            w.rewritten,
        ];
        all.iter().all(|x| x.is_finite() && *x >= 0.0)
            && w.prefix > 0.0
            && w.fuzzy > 0.0
            && w.context > 0.0
            && w.context <= w.alias
            && w.alias <= 1.0
    }

    /// Orders the candidates (`order`) by decreasing bound of their full
    /// score, and resets their phase 1 slots. A word matches no better in
    /// phase 2 than its best match in phase 1 × the accent bonus (a term
    /// skipped for the budget: its quality); a candidate matches at most
    /// the words it reached; every adjacent pair of those may be adjacent;
    /// the whole name may be covered; the length malus is exact.
    fn bounds(
        &self,
        r: &Reading,
        importance: &[f32],
        (skipped, skipped_words): (f32, u32),
        accent: f32,
        s: &mut Scratch,
    ) {
        let w = &self.weights;
        let n = r.words.len();
        let total_imp: f32 = importance.iter().sum();
        let cands = &s.cands[..s.cands_len];
        s.queue.clear();
        if !self.bounded() {
            s.queue.extend(cands.iter().map(|&d| (u32::MAX - d) as u64));
            return;
        }
        let acc = &s.acc[..];
        let pair_bits = if n == 1 { 1 } else { (1u32 << (n - 1)) - 1 };
        let rewritten = if r.rewritten { w.rewritten } else { 1.0 };
        for &d in cands {
            let a = acc[d as usize];
            let m = a.mask as u32 | skipped_words;
            let text = (a.rough + skipped) * accent / total_imp;
            let (mut matched, mut bits) = (0f32, m);
            while bits != 0 {
                matched += importance[bits.trailing_zeros() as usize];
                bits &= bits - 1;
            }
            let pairs =
                if n == 1 { m & 1 } else { m & m >> 1 & pair_bits }.count_ones() as f32 / pair_bits.count_ones() as f32;
            let raw = text + w.coverage * matched / total_imp + w.phrase * pairs + w.name_coverage
                - self.length_malus(d as usize);
            let ub = self.kind_factor(self.kind(d as usize).0) * raw * rewritten;
            // A margin for rounding: the bound is compared with scores.
            s.queue.push((positive(ub * 1.001 + 1e-4).to_bits() as u64) << 32 | (u32::MAX - d) as u64);
        }
    }

    /// The accent factor of each match on each accented form of its term, as
    /// `entries` of `acc_slot[form]`; returns the largest. `matches` are by term.
    fn accent_table(&self, r: &Reading, matches: &[Match], s: &mut Scratch) -> f32 {
        let (w, ix) = (&self.weights, &self.index);
        let mut largest = 0f32;
        s.entries.clear();
        let mut at = 0;
        while at < matches.len() {
            let k = matches[at].key;
            let end = at + matches[at..].iter().take_while(|m| m.key == k).count();
            for &a in ix.accs_of(k) {
                let lo = s.entries.len() as u32;
                for m in &matches[at..end] {
                    let accent = match m.how {
                        How::Fuzzy => 1.0,
                        how => {
                            let alt = &r.words[m.word as usize].alts[m.alt as usize];
                            match accent_match(&alt.acc, &ix.accs[a as usize], how == How::Prefix) {
                                Accent::Neutral => 1.0,
                                Accent::Exact => 1.0 + w.accent,
                                Accent::Compatible => 1.0 + w.accent / 2.0,
                                Accent::Mismatch => 1.0 - w.accent_mismatch,
                            }
                        }
                    };
                    largest = max(largest, accent);
                    let strong = m.how != How::Fuzzy && accent >= 1.0;
                    let bits = 1 << m.word | u32::from(strong) << (16 + m.word);
                    s.entries.push(Entry { word: m.word, bits, quality: m.quality, accent });
                }
                s.acc_slot[a as usize] = (lo, s.entries.len() as u32);
            }
            at = end;
        }
        largest
    }

    /// Phase 2: the full score of record `d` (see [`crate::weights`]).
    #[inline(never)]
    fn full_score(&self, d: usize, r: &Reading, importance: &[f32], s: &Scratch) -> f32 {
        let (w, ix) = (&self.weights, &self.index);
        let n = r.words.len();
        let ff = self.field_factors();
        let mut best_w = [0f32; MAX_WORDS];
        let mut best_q = [0f32; MAX_WORDS];
        let mut name_hits = 0usize;
        // The best-covered alias: (matched words, words) of the current one.
        let (mut alias_hits, mut alias_len, mut alias_cov) = (0usize, 0usize, 0f32);
        // Word bits of the previous token; adjacent pairs (bit i: words i
        // and i + 1 next to each other), well matched and at all.
        let (mut prev, mut strong_pairs, mut weak_pairs, mut any) = (0u32, 0u32, 0u32, 0u32);
        // Slices and index loops: no call per token, even at opt-level "z".
        let (slots, entries) = (&s.acc_slot[..], &s.entries[..]);
        for &t in &ix.toks[ix.doc_tokens(d)] {
            let (a, flags) = tok(t);
            if t == GAP || flags & 3 != ALIAS {
                if alias_len > 0 {
                    alias_cov = max(alias_cov, alias_hits as f32 / alias_len as f32);
                    (alias_hits, alias_len) = (0, 0);
                }
                if t == GAP {
                    prev = 0;
                    continue;
                }
            } else if flags & KIND_WORD == 0 {
                alias_len += 1;
            }
            let (lo, hi) = slots[a as usize];
            if lo == hi {
                prev = 0;
                continue;
            }
            let f = ff[(flags & 3) as usize];
            let mut pm = 0u32;
            #[allow(clippy::needless_range_loop)] // an iterator is a call at opt-level "z"
            for i in lo as usize..hi as usize {
                let e = entries[i];
                let v = e.quality * f * e.accent;
                let b = &mut best_w[e.word as usize];
                if v > *b {
                    *b = v;
                }
                let q = &mut best_q[e.word as usize];
                if e.quality * e.accent > *q {
                    *q = e.quality * e.accent;
                }
                pm |= e.bits;
            }
            strong_pairs |= prev >> 16 & pm >> 17;
            weak_pairs |= prev & 0xffff & pm >> 1;
            any |= pm;
            prev = pm;
            if flags & KIND_WORD == 0 {
                match flags & 3 {
                    NAME => name_hits += 1,
                    ALIAS => alias_hits += 1,
                    _ => {}
                }
            }
        }
        if alias_len > 0 {
            alias_cov = max(alias_cov, alias_hits as f32 / alias_len as f32);
        }
        // Sums in word order, as `Iterator::sum` adds (from -0).
        let (mut total_imp, mut text, mut coverage) = (-0f32, -0f32, -0f32);
        for i in 0..n {
            let (imp, q) = (importance[i], best_q[i]);
            total_imp += imp;
            text += imp * best_w[i];
            coverage += imp * if q < 1.0 { q } else { 1.0 };
        }
        let (text, coverage) = (text / total_imp, coverage / total_imp);
        // An adjacent pair counts 1 when both words match well, ½ otherwise;
        // a one-word query is its own phrase.
        let pairs = if n == 1 {
            if any >> 16 & 1 != 0 {
                1.0
            } else if best_w[0] > 0.0 {
                0.5
            } else {
                0.0
            }
        } else {
            let pair = |i: usize| {
                if strong_pairs >> i & 1 != 0 {
                    1.0
                } else if weak_pairs >> i & 1 != 0 {
                    0.5
                } else {
                    0.0
                }
            };
            (0..n - 1).map(pair).sum::<f32>() / (n - 1) as f32
        };
        let name_len = ix.name_len[d] as usize;
        let name_cov = if name_len == 0 { 0.0 } else { name_hits.min(name_len) as f32 / name_len as f32 };
        let covered = max(name_cov, w.alias * alias_cov);
        let raw = text + w.coverage * coverage + w.phrase * pairs + w.name_coverage * covered - self.length_malus(d);
        let mut score = self.kind_factor(self.kind(d).0) * raw;
        if r.rewritten {
            score *= w.rewritten;
        }
        score
    }

    /// Field factors by field class (`flags & 3`).
    fn field_factors(&self) -> [f32; 4] {
        let w = &self.weights;
        [1.0, w.alias, w.context, w.context]
    }

    /// The malus for a long name: `length × ln(1 + n) / ln 64`.
    #[inline(always)]
    fn length_malus(&self, d: usize) -> f32 {
        self.weights.length * self.index.ln_1p[self.index.name_len[d] as usize] / 64f32.ln()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::kth_largest;
    use std::cell::Cell;

    thread_local! {
        /// Score the plain way: candidates by a full sort, every candidate
        /// fully scored (the engine's results must not change).
        pub(crate) static REFERENCE: Cell<bool> = const { Cell::new(false) };
    }

    #[test]
    fn radix_selection() {
        // Deterministic values with many repeats and a wide range.
        let mut x = 7u64;
        let mut next = || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            x >> 33
        };
        for n in [1usize, 2, 10, 600, 5000] {
            let values: Vec<u32> = (0..n)
                .map(|_| match next() % 3 {
                    0 => (next() % 8) as u32,
                    1 => (next() as f32 / 1e6).to_bits(),
                    _ => next() as u32 | 0x8000_0000,
                })
                .collect();
            let mut sorted = values.clone();
            sorted.sort_unstable_by(|a, b| b.cmp(a));
            for k in [1, 2, n / 2, n.saturating_sub(1), n].into_iter().filter(|&k| (1..=n).contains(&k)) {
                let (t, ties) = kth_largest(&values, k, &mut vec![0; n]);
                assert_eq!(t, sorted[k - 1], "n {n} k {k}");
                assert_eq!(ties, sorted[..k].iter().filter(|&&v| v == t).count(), "n {n} k {k}");
            }
        }
    }
}
