//! The index: a sorted vocabulary of accent-free keys with postings, the
//! accented forms, and a forward index (each record's tokens in order).

use crate::data::SearchData;
use crate::normalize::{spans, tokens, Word};
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

/// Place kinds that lead names; optional in queries.
pub(crate) const KIND_NAMES: [&str; 10] =
    ["thành phố", "thị xã", "thị trấn", "đặc khu", "phường", "xã", "tỉnh", "quận", "huyện", "huyện đảo"];

/// Sorting goes through these few routines so that the WebAssembly build
/// carries one copy of each: every `sort_by` closure would otherwise be a new
/// copy of the standard sort (2–5 KB each; there were 15).
#[inline(never)]
pub(crate) fn sort_keys(v: &mut [(u64, u32)]) {
    v.sort_unstable();
}

/// Indices of `strs` in string order (equal strings by index).
#[inline(never)]
pub(crate) fn order_strs(strs: &[&str]) -> Vec<u32> {
    let mut ix: Vec<u32> = (0..strs.len() as u32).collect();
    ix.sort_unstable_by(|&a, &b| strs[a as usize].cmp(strs[b as usize]).then(a.cmp(&b)));
    ix
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
    (u32::MAX - f.max(0.0).to_bits()) as u64
}

pub(crate) struct Index {
    /// Sorted accent-free vocabulary; a key's id is its position.
    pub keys: Vec<Box<str>>,
    /// `postings[post_off[k]..post_off[k + 1]]`: `doc << 2 | best field class`
    /// for every record containing key `k`, by record.
    pub post_off: Vec<u32>,
    pub postings: Vec<u32>,
    /// Accented forms (`Word::acc`) and the key id of each.
    pub accs: Vec<Box<str>>,
    pub acc_key: Vec<u32>,
    /// `toks[doc_off[d]..doc_off[d + 1]]`: record `d`'s accented-form ids, or [`GAP`].
    pub doc_off: Vec<u32>,
    pub toks: Vec<u32>,
    pub flags: Vec<u8>,
    /// Number of name words of each record, place kinds excluded.
    pub name_len: Vec<u8>,
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
            kinds: KIND_NAMES.iter().map(|k| crate::normalize::key(k).split(' ').map(String::from).collect()).collect(),
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
        let province_name = |code: &str| data.provinces.iter().find(|p| p.code == code).map(|p| p.name.as_str());
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
            for e in &p.everyday {
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
        let keys: Vec<Box<str>> = keys.into_iter().map(Box::from).collect();
        Index {
            keys,
            post_off,
            postings,
            accs: b.words.iter().map(|w| Box::from(w.acc.as_str())).collect(),
            acc_key,
            doc_off: b.doc_off,
            toks: b.toks,
            flags: b.flags,
            name_len: b.name_len,
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
                + self.doc_off.len()
                + self.toks.len())
            + self.flags.len()
            + self.name_len.len()
    }
}
