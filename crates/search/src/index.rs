//! The index: a sorted vocabulary of accent-free keys with postings, the
//! accented forms, and a forward index (each record's tokens in order).

use crate::data::SearchData;
use cuaso_catalogue::model::ProvinceCode;
use cuaso_catalogue::text::{spans, tokens, Word};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: a small, fast hasher for interning short words at build time.
#[derive(Default)]
pub(crate) struct Fnv(u64);
impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}
type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Field classes of a token (low two bits of its flags).
pub(crate) const NAME: u8 = 0;
pub(crate) const ALIAS: u8 = 1;
pub(crate) const CONTEXT: u8 = 2;
/// Flag: the token is a place kind word leading a name ("Phường", "Thành phố").
pub(crate) const KIND_WORD: u8 = 4;
/// A separator in the forward index: no adjacency across it.
pub(crate) const GAP: u32 = u32::MAX;

/// A token of the forward index: its accented-form id and flags (field class, [`KIND_WORD`]).
#[inline(always)]
pub(crate) fn tok(t: u32) -> (u32, u8) {
    (t >> 3, t as u8 & 7)
}

/// Place kinds that lead names; optional in queries.
pub(crate) const KIND_NAMES: [&str; 10] =
    ["thành phố", "thị xã", "thị trấn", "đặc khu", "phường", "xã", "tỉnh", "quận", "huyện", "huyện đảo"];

/// Sorting goes through these two routines, on one merge sort of our own:
/// every `sort_by` closure would otherwise be a new copy of the standard sort
/// (2–5 KB of WebAssembly each; there were 15), and the standard sort alone
/// unrolls into some 20 KB at opt-level 3. The lists sorted at query time
/// have at most a few thousand entries; at build time, some ten thousand.
#[inline(never)]
pub(crate) fn sort_keys(v: &mut [(u64, u32)]) {
    merge_sort(v, |a, b| a.0 < b.0 || a.0 == b.0 && a.1 < b.1);
}

/// Indices of `strs` in string order (equal strings by index).
#[inline(never)]
pub(crate) fn order_strs(strs: &[&str]) -> Vec<u32> {
    let mut ix: Vec<u32> = (0..strs.len() as u32).collect();
    merge_sort(&mut ix, |&a, &b| strs[a as usize] < strs[b as usize]);
    ix
}

/// Sorts `v` by `less`, stably: runs of 16 by insertion, then merge passes
/// between `v` and a copy.
fn merge_sort<T: Copy>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    const RUN: usize = 16;
    for run in v.chunks_mut(RUN) {
        for i in 1..run.len() {
            let x = run[i];
            let mut j = i;
            while j > 0 && less(&x, &run[j - 1]) {
                run[j] = run[j - 1];
                j -= 1;
            }
            run[j] = x;
        }
    }
    if v.len() <= RUN {
        return;
    }
    let mut buf = v.to_vec();
    let (mut width, mut in_v) = (RUN, true);
    while width < v.len() {
        if in_v {
            merge_pass(v, &mut buf, width, &less);
        } else {
            merge_pass(&buf, v, width, &less);
        }
        (width, in_v) = (2 * width, !in_v);
    }
    if !in_v {
        v.copy_from_slice(&buf);
    }
}

/// Merges the sorted runs of `width` of `src` pairwise into `dst`.
fn merge_pass<T: Copy>(src: &[T], dst: &mut [T], width: usize, less: &impl Fn(&T, &T) -> bool) {
    let n = src.len();
    let mut start = 0;
    while start < n {
        let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
        let (mut i, mut j, mut k) = (start, mid, start);
        while i < mid && j < end {
            if less(&src[j], &src[i]) {
                dst[k] = src[j];
                j += 1;
            } else {
                dst[k] = src[i];
                i += 1;
            }
            k += 1;
        }
        dst[k..k + mid - i].copy_from_slice(&src[i..mid]);
        k += mid - i;
        dst[k..end].copy_from_slice(&src[j..end]);
        start = end;
    }
}

/// Sorts `v` by `key`, ascending; equal keys keep their order.
pub(crate) fn sort_by_u64<T: Copy>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut k: Vec<(u64, u32)> = v.iter().enumerate().map(|(i, x)| (key(x), i as u32)).collect();
    sort_keys(&mut k);
    let old = std::mem::take(v);
    v.extend(k.iter().map(|&(_, i)| old[i as usize]));
}

/// A sort key component that orders non-negative floats from high to low.
pub(crate) fn desc(f: f32) -> u64 {
    (u32::MAX - positive(f).to_bits()) as u64
}

/// `f`, or 0 if it is negative or NaN (`f32::max` is a call in WebAssembly).
pub(crate) fn positive(f: f32) -> f32 {
    if f > 0.0 {
        f
    } else {
        0.0
    }
}

/// The set of the bytes of `s`, byte `b` as bit `b % 32` (a-z are bits 1–26).
/// One edit changes at most two bits of it, so two words `k` edits apart
/// differ in at most `2k` bits: the fuzzy scan's prefilter.
pub(crate) fn byte_set(s: &[u8]) -> u32 {
    s.iter().fold(0, |m, &b| m | 1 << (b & 31))
}

pub(crate) struct Index {
    /// Sorted accent-free vocabulary; a key's id is its position.
    pub keys: Vec<Box<str>>,
    /// Each key's length (high 32 bits) and set of bytes ([`byte_set`]).
    pub key_sig: Vec<u64>,
    /// `postings[post_off[k]..post_off[k + 1]]`: `doc << 2 | best field class`
    /// for every record containing key `k`, by record.
    pub post_off: Vec<u32>,
    pub postings: Vec<u32>,
    /// Accented forms (`Word::acc`) and the key id of each.
    pub accs: Vec<Box<str>>,
    pub acc_key: Vec<u32>,
    /// `key_accs[key_acc_off[k]..key_acc_off[k + 1]]`: the accented forms of key `k`.
    pub key_acc_off: Vec<u32>,
    pub key_accs: Vec<u32>,
    /// `toks[doc_off[d]..doc_off[d + 1]]`: record `d`'s tokens in order, each
    /// `accented-form id << 3 | flags` ([`tok`]), or [`GAP`].
    pub doc_off: Vec<u32>,
    pub toks: Vec<u32>,
    /// Number of name words of each record, place kinds excluded.
    pub name_len: Vec<u8>,
    /// `ln(1 + n)` for every name length `n`.
    pub ln_1p: [f32; 256],
}

struct Builder<'a> {
    kinds: Vec<Vec<String>>,
    /// Raw token text → accented-form id (`GAP` for text that is no token).
    raw_ids: FnvMap<&'a str, u32>,
    acc_ids: FnvMap<Word, u32>,
    words: Vec<Word>,
    doc_off: Vec<u32>,
    toks: Vec<u32>,
    flags: Vec<u8>,
    name_len: Vec<u8>,
}

impl<'a> Builder<'a> {
    fn intern(&mut self, raw: &'a str) -> u32 {
        if let Some(&id) = self.raw_ids.get(raw) {
            return id;
        }
        let id = match tokens(raw).first() {
            None => GAP,
            Some(t) => {
                let w = t.word();
                match self.acc_ids.get(&w) {
                    Some(&id) => id,
                    None => {
                        let id = self.words.len() as u32;
                        self.words.push(w.clone());
                        self.acc_ids.insert(w, id);
                        id
                    }
                }
            }
        };
        self.raw_ids.insert(raw, id);
        id
    }

    fn add(&mut self, text: &'a str, class: u8, place: bool) {
        let start = self.toks.len();
        for (a, b) in spans(text) {
            let id = self.intern(&text[a..b]);
            if id != GAP {
                self.toks.push(id);
                self.flags.push(class);
            }
        }
        if place {
            let added = &self.toks[start..];
            let lead = self
                .kinds
                .iter()
                .filter(|k| {
                    added.len() > k.len() && k.iter().zip(added).all(|(k, &a)| *k == self.words[a as usize].key)
                })
                .map(|k| k.len())
                .max()
                .unwrap_or(0);
            for f in &mut self.flags[start..start + lead] {
                *f |= KIND_WORD;
            }
        }
        if class == NAME {
            let n = self.flags[start..].iter().filter(|&&f| f & KIND_WORD == 0).count();
            let last = self.name_len.len() - 1;
            self.name_len[last] = self.name_len[last].saturating_add(n.min(255) as u8);
        }
    }
    fn gap(&mut self) {
        self.toks.push(GAP);
        self.flags.push(CONTEXT);
    }
    fn start_doc(&mut self) {
        self.doc_off.push(self.toks.len() as u32);
        self.name_len.push(0);
    }
}

impl Index {
    pub fn build(data: &SearchData) -> Index {
        let mut b = Builder {
            kinds: KIND_NAMES
                .iter()
                .map(|k| cuaso_catalogue::text::fold(k).split(' ').map(String::from).collect())
                .collect(),
            raw_ids: FnvMap::default(),
            acc_ids: FnvMap::default(),
            words: Vec::new(),
            doc_off: Vec::new(),
            toks: Vec::new(),
            flags: Vec::new(),
            name_len: Vec::new(),
        };
        for p in &data.provinces {
            b.start_doc();
            b.add(&p.name, NAME, true);
            for m in p.merged_from.iter().filter(|m| **m != p.name) {
                b.gap();
                b.add(m, ALIAS, true);
            }
        }
        let province_name =
            |code: &ProvinceCode| data.provinces.iter().find(|p| p.code == *code).map(|p| p.name.as_str());
        for c in &data.communes {
            b.start_doc();
            b.add(&c.name, NAME, true);
            if let Some(p) = province_name(&c.province) {
                b.add(p, CONTEXT, true);
            }
        }
        for l in &data.legacy {
            b.start_doc();
            b.add(&l.name, NAME, true);
            b.add(&l.district, CONTEXT, true);
            b.add(&l.province, CONTEXT, true);
        }
        for p in &data.procedures {
            b.start_doc();
            b.add(&p.name, NAME, false);
            for e in p.everyday.iter().chain(&p.name_en).chain(&p.aliases_en) {
                b.gap();
                b.add(e, ALIAS, false);
            }
            b.gap();
            b.add(&p.field, CONTEXT, false);
        }
        b.doc_off.push(b.toks.len() as u32);
        Index::finish(b)
    }

    fn finish(b: Builder<'_>) -> Index {
        // Sorted vocabulary of keys.
        let all: Vec<&str> = b.words.iter().map(|w| w.key.as_str()).collect();
        let mut keys: Vec<&str> = order_strs(&all).into_iter().map(|i| all[i as usize]).collect();
        keys.dedup();
        let acc_key: Vec<u32> = b
            .words
            .iter()
            .map(|w| keys.binary_search(&w.key.as_str()).expect("key is in the vocabulary") as u32)
            .collect();
        // (key, best class), one per key and record, records in order.
        let docs = b.doc_off.len() - 1;
        let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(b.toks.len());
        let mut pair_off: Vec<u32> = Vec::with_capacity(docs + 1);
        for d in 0..docs {
            let start = pairs.len();
            pair_off.push(start as u32);
            for i in b.doc_off[d] as usize..b.doc_off[d + 1] as usize {
                if b.toks[i] != GAP {
                    pairs.push(((acc_key[b.toks[i] as usize] as u64) << 8 | (b.flags[i] & 3) as u64, 0));
                }
            }
            sort_keys(&mut pairs[start..]);
            let mut kept = start;
            for i in start..pairs.len() {
                if i == start || pairs[i].0 >> 8 != pairs[kept - 1].0 >> 8 {
                    pairs[kept] = pairs[i];
                    kept += 1;
                }
            }
            pairs.truncate(kept);
        }
        pair_off.push(pairs.len() as u32);
        // Counting sort by key; records stay in order within a key.
        let mut post_off = vec![0u32; keys.len() + 1];
        for &(k, _) in &pairs {
            post_off[(k >> 8) as usize + 1] += 1;
        }
        for k in 0..keys.len() {
            post_off[k + 1] += post_off[k];
        }
        let mut fill = post_off.clone();
        let mut postings = vec![0u32; pairs.len()];
        for d in 0..docs {
            for &(kc, _) in &pairs[pair_off[d] as usize..pair_off[d + 1] as usize] {
                let k = (kc >> 8) as usize;
                postings[fill[k] as usize] = (d as u32) << 2 | (kc & 3) as u32;
                fill[k] += 1;
            }
        }
        // Accented forms by key (counting sort again).
        let mut key_acc_off = vec![0u32; keys.len() + 1];
        for &k in &acc_key {
            key_acc_off[k as usize + 1] += 1;
        }
        for k in 0..keys.len() {
            key_acc_off[k + 1] += key_acc_off[k];
        }
        let mut fill = key_acc_off.clone();
        let mut key_accs = vec![0u32; acc_key.len()];
        for (a, &k) in acc_key.iter().enumerate() {
            key_accs[fill[k as usize] as usize] = a as u32;
            fill[k as usize] += 1;
        }
        let keys: Vec<Box<str>> = keys.into_iter().map(Box::from).collect();
        Index {
            key_sig: keys.iter().map(|k| (k.len() as u64) << 32 | byte_set(k.as_bytes()) as u64).collect(),
            key_acc_off,
            key_accs,
            keys,
            post_off,
            postings,
            accs: b.words.iter().map(|w| Box::from(w.acc.as_str())).collect(),
            acc_key,
            doc_off: b.doc_off,
            toks: b.toks.iter().zip(&b.flags).map(|(&t, &f)| if t == GAP { GAP } else { t << 3 | f as u32 }).collect(),
            name_len: b.name_len,
            ln_1p: std::array::from_fn(|n| ((1 + n) as f32).ln()),
        }
    }

    pub fn docs(&self) -> usize {
        self.doc_off.len() - 1
    }

    pub fn key_id(&self, key: &str) -> Option<u32> {
        self.keys.binary_search_by(|k| (**k).cmp(key)).ok().map(|i| i as u32)
    }

    /// Key ids starting with `prefix` (a contiguous range of the sorted vocabulary).
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let lo = self.keys.partition_point(|k| **k < *prefix);
        let hi = lo + self.keys[lo..].partition_point(|k| k.starts_with(prefix));
        lo..hi
    }

    pub fn postings(&self, key: u32) -> &[u32] {
        &self.postings[self.post_off[key as usize] as usize..self.post_off[key as usize + 1] as usize]
    }

    /// Number of records containing `key`.
    pub fn df(&self, key: u32) -> u32 {
        self.post_off[key as usize + 1] - self.post_off[key as usize]
    }

    /// The accented forms of `key`.
    pub fn accs_of(&self, key: u32) -> &[u32] {
        &self.key_accs[self.key_acc_off[key as usize] as usize..self.key_acc_off[key as usize + 1] as usize]
    }

    pub fn doc_tokens(&self, doc: usize) -> std::ops::Range<usize> {
        self.doc_off[doc] as usize..self.doc_off[doc + 1] as usize
    }

    /// Approximate heap bytes.
    pub fn heap_bytes(&self) -> usize {
        let strs = |v: &[Box<str>]| v.iter().map(|s| s.len() + 16).sum::<usize>();
        strs(&self.keys)
            + strs(&self.accs)
            + 4 * (self.post_off.len()
                + self.postings.len()
                + self.acc_key.len()
                + 2 * self.key_sig.len()
                + self.key_acc_off.len()
                + self.key_accs.len()
                + self.doc_off.len()
                + self.toks.len())
            + self.name_len.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_sort_is_a_stable_sort() {
        let mut x = 3u64;
        for n in [0usize, 1, 15, 16, 17, 100, 1000, 5000] {
            let v: Vec<(u64, u32)> = (0..n as u32)
                .map(|i| {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((x >> 33) % 50, i)
                })
                .collect();
            let mut got = v.clone();
            merge_sort(&mut got, |a, b| a.0 < b.0);
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            assert_eq!(got, want, "{n}");
            let mut keys = v.clone();
            keys.reverse();
            sort_keys(&mut keys);
            assert_eq!(
                keys,
                v.iter().copied().collect::<std::collections::BTreeSet<_>>().into_iter().collect::<Vec<_>>()
            );
        }
        let strs = ["b", "a", "c", "a", ""];
        assert_eq!(order_strs(&strs), [4, 1, 3, 0, 2]);
    }
}
