//! Input generators shared by the fuzz targets (`fuzz_*` tests, proptest):
//! the inputs a tampered mirror, a broken proxy or a half-written file could
//! serve. Each input is one of
//!
//! - a real file's text with byte-level damage: cut short, a range deleted,
//!   a token inserted, a byte replaced, a range duplicated;
//! - a real file's JSON tree with structural damage: a node replaced by
//!   another value (wrong type), a field removed (missing), a field added
//!   (extra), an array grown to thousands of elements (absurd size);
//! - any string at all;
//! - any JSON value, with keys drawn from the catalogue's field names.
//!
//! Included by path from other crates' tests (`#[path = …] mod mutate;`).
#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::{Map, Value};

/// Cases per property: `PROPTEST_CASES` if set (the long run: see
/// docs/security.md), else a slice short enough for every CI run.
pub fn config(ci_cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(ci_cases);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Field names of the catalogue files, so generated objects look like records.
pub const KEYS: &[&str] = &[
    "format",
    "version",
    "built",
    "sources",
    "counts",
    "id",
    "name",
    "name_en",
    "url",
    "date",
    "caveat",
    "code",
    "short_name",
    "kind",
    "province",
    "communes",
    "legacy_units",
    "targets",
    "commune",
    "default",
    "centre",
    "phones",
    "hotline",
    "number",
    "always_open",
    "hours",
    "location",
    "lat",
    "lon",
    "receives",
    "rule",
    "codes",
    "support_points",
    "status",
    "value",
    "channels",
    "channel",
    "fee",
    "text",
    "documents",
    "steps",
    "levels",
    "official_url",
    "slug",
    "summary",
    "provinces",
    "legacy",
    "procedures",
    "field",
    "everyday",
    "merged_from",
];

/// Tokens that upset decoders: wrong types, huge numbers, lone surrogates,
/// unbalanced brackets, markup.
pub const TOKENS: &[&str] = &[
    "null",
    "true",
    "0",
    "-1",
    "-0",
    "1e999",
    "-1e999",
    "18446744073709551616",
    "4294967296",
    "1.5",
    "\"\"",
    "\"x\"",
    "[]",
    "{}",
    "[[[[",
    "]]]]",
    "}}}",
    "{{{",
    ",",
    ":",
    "\"",
    "\\",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"<script>alert(1)</script>\"",
    "\"javascript:alert(1)\"",
    "\"format\":2,",
    "\u{feff}",
    "\u{0}",
    "NaN",
    "Infinity",
    "// c",
    "/* c */",
    "\"\u{202e}\"",
];

#[derive(Clone, Debug)]
pub enum ByteEdit {
    Truncate(usize),
    Delete(usize, usize),
    Insert(usize, usize),
    Replace(usize, u8),
    Duplicate(usize, usize, usize),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        any::<usize>().prop_map(ByteEdit::Truncate),
        (any::<usize>(), 1..64usize).prop_map(|(i, n)| ByteEdit::Delete(i, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, t)| ByteEdit::Insert(i, t)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Replace(i, b)),
        (any::<usize>(), 1..256usize, any::<usize>()).prop_map(|(i, n, at)| ByteEdit::Duplicate(i, n, at)),
    ]
}

pub fn apply_bytes(seed: &str, edits: &[ByteEdit]) -> String {
    let mut b = seed.as_bytes().to_vec();
    for e in edits {
        let n = b.len();
        match *e {
            ByteEdit::Truncate(i) => b.truncate(i % (n + 1)),
            ByteEdit::Delete(i, len) if n > 0 => {
                let i = i % n;
                b.drain(i..(i + len).min(n));
            }
            ByteEdit::Insert(i, t) => {
                let i = i % (n + 1);
                b.splice(i..i, TOKENS[t % TOKENS.len()].bytes());
            }
            ByteEdit::Replace(i, c) if n > 0 => b[i % n] = c,
            ByteEdit::Duplicate(i, len, at) if n > 0 => {
                let i = i % n;
                let part = b[i..(i + len).min(n)].to_vec();
                let at = at % (n + 1);
                b.splice(at..at, part);
            }
            _ => {}
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// Any JSON value, objects keyed mostly by [`KEYS`].
pub fn json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![4 => prop::sample::select(KEYS).prop_map(str::to_string), 1 => any::<String>()];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        any::<String>().prop_map(Value::String),
        "[0-9]{1,6}(\\.[0-9]{1,6})?".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

#[derive(Clone, Debug)]
pub enum TreeEdit {
    Replace(usize, Value),
    Remove(usize, usize),
    AddKey(usize, String, Value),
    Grow(usize, usize),
}

fn tree_edit() -> impl Strategy<Value = TreeEdit> {
    prop_oneof![
        (any::<usize>(), json()).prop_map(|(i, v)| TreeEdit::Replace(i, v)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, k)| TreeEdit::Remove(i, k)),
        (any::<usize>(), prop::sample::select(KEYS), json()).prop_map(|(i, k, v)| TreeEdit::AddKey(i, k.into(), v)),
        (any::<usize>(), 1..3000usize).prop_map(|(i, n)| TreeEdit::Grow(i, n)),
    ]
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

/// The `k`-th node in pre-order.
fn node(v: &mut Value, k: usize) -> Option<&mut Value> {
    if k == 0 {
        return Some(v);
    }
    let mut k = k - 1;
    let children: Vec<&mut Value> = match v {
        Value::Array(a) => a.iter_mut().collect(),
        Value::Object(o) => o.values_mut().collect(),
        _ => return None,
    };
    for c in children {
        let n = count(c);
        if k < n {
            return node(c, k);
        }
        k -= n;
    }
    None
}

pub fn apply_tree(seed: &str, edits: &[TreeEdit]) -> String {
    let mut v: Value = serde_json::from_str(seed).expect("seeds are valid JSON");
    for e in edits {
        let n = count(&v);
        let at = |i: usize| i % n;
        match e {
            TreeEdit::Replace(i, new) => {
                if let Some(x) = node(&mut v, at(*i)) {
                    *x = new.clone();
                }
            }
            TreeEdit::Remove(i, k) => match node(&mut v, at(*i)) {
                Some(Value::Object(o)) if !o.is_empty() => {
                    let key = o.keys().nth(k % o.len()).cloned().unwrap_or_default();
                    o.remove(&key);
                }
                Some(Value::Array(a)) if !a.is_empty() => {
                    a.remove(k % a.len());
                }
                _ => {}
            },
            TreeEdit::AddKey(i, key, new) => {
                if let Some(Value::Object(o)) = node(&mut v, at(*i)) {
                    o.insert(key.clone(), new.clone());
                }
            }
            TreeEdit::Grow(i, times) => {
                if let Some(Value::Array(a)) = node(&mut v, at(*i)) {
                    if let Some(first) = a.first().cloned() {
                        a.extend(std::iter::repeat_n(first, *times));
                    }
                }
            }
        }
    }
    serde_json::to_string(&v).expect("values serialise")
}

/// Inputs for a decoder whose valid input looks like `seed`.
pub fn inputs(seed: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(byte_edit(), 1..5).prop_map(move |e| apply_bytes(seed, &e)),
        3 => prop::collection::vec(tree_edit(), 1..4).prop_map(move |e| apply_tree(seed, &e)),
        1 => any::<String>(),
        2 => json().prop_map(|v| serde_json::to_string(&v).expect("values serialise")),
    ]
}
