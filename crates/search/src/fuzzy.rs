//! Bounded edit distance for typo tolerance.
//!
//! The distance is the optimal string alignment distance (Levenshtein plus the
//! swap of two adjacent letters, so `sihn`→`sinh` is one edit), computed on the
//! bytes of accent-free keys — nearly always ASCII; a non-ASCII letter counts
//! as several bytes, which only makes the match stricter.

/// Edits allowed for a query word of `len` letters: 0 up to 3 letters, 1 for
/// 4–7, 2 from 8. Vietnamese syllables are short, so most typos are one edit.
pub fn max_edits(len: usize) -> u8 {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The OSA distance between `a` and `b` if it is at most `k`; `None` otherwise
/// (also for words of 64 bytes or more).
///
/// The common prefix and suffix are cut first (they do not change the
/// distance; a test checks this against the table on every pair of short
/// words), which settles nearly every comparison of the vocabulary scan in
/// a few byte compares: for one edit, what remains must be one letter against
/// at most one, or two swapped letters. Only what remains of a two-edit
/// comparison goes through the table (`osa`).
pub fn within(a: &[u8], b: &[u8], k: u8) -> Option<u8> {
    if a.len().abs_diff(b.len()) > k as usize {
        return None;
    }
    if a.len() >= ROW || b.len() >= ROW {
        return (a == b).then_some(0);
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return (long.len() <= k as usize).then_some(long.len() as u8);
    }
    // Both differ at their first and last letters from here on.
    match (k, short.len(), long.len()) {
        (0, ..) => None,
        (_, 1, 1) => Some(1),
        (_, 2, 2) if a[0] == b[1] && a[1] == b[0] => Some(1),
        (1, ..) => None,
        _ => osa(a, b, k),
    }
}

/// The OSA distance by the classic table, bounded by `k` (words shorter than
/// [`ROW`] bytes). Work is bounded by `a.len() × b.len()` and stops as soon as
/// every cell of a row exceeds `k`.
fn osa(a: &[u8], b: &[u8], k: u8) -> Option<u8> {
    let k = k as usize;
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    if a == b {
        return Some(0);
    }
    if k == 0 {
        return None;
    }
    let m = b.len();
    if m >= ROW || a.len() >= ROW {
        return None;
    }
    // Three rows (i-2, i-1, i) on the stack: no allocation per comparison.
    let mut pp = [0u8; ROW];
    let mut prev = [0u8; ROW];
    let mut cur = [0u8; ROW];
    for (j, p) in prev.iter_mut().enumerate().take(m + 1) {
        *p = j as u8;
    }
    for i in 1..=a.len() {
        cur[0] = i as u8;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(pp[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min as usize > k {
            return None;
        }
        std::mem::swap(&mut pp, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[m];
    (d as usize <= k).then_some(d)
}

/// Longest words compared, plus one.
const ROW: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        for (a, b, k, want) in [
            ("sinh", "sinh", 1, Some(0)),
            ("sihn", "sinh", 1, Some(1)),
            ("khia", "khai", 1, Some(1)),
            ("sin", "sinh", 1, Some(1)),
            ("sinhh", "sinh", 1, Some(1)),
            ("xinh", "sinh", 1, Some(1)),
            ("hoan", "hoang", 1, Some(1)),
            ("kiem", "kiem", 0, Some(0)),
            ("kiem", "kiam", 0, None),
            ("abcd", "dcba", 1, None),
            ("phuong", "phuonggg", 1, None),
            ("nghieng", "ngheing", 1, Some(1)),
            ("thuongmai", "thuongnai", 2, Some(1)),
            ("", "", 0, Some(0)),
            ("", "ab", 2, Some(2)),
        ] {
            assert_eq!(within(a.as_bytes(), b.as_bytes(), k), want, "{a} {b}");
        }
    }

    /// Cutting the common prefix and suffix first gives the table's answer:
    /// every pair of words of up to 6 letters over a 3-letter alphabet.
    #[test]
    fn same_as_the_table() {
        let mut all: Vec<Vec<u8>> = vec![Vec::new()];
        let mut last = all.clone();
        for _ in 0..6 {
            last = last.iter().flat_map(|w| b"abc".iter().map(move |&c| [w.as_slice(), &[c]].concat())).collect();
            all.extend(last.iter().cloned());
        }
        for a in &all {
            for b in all.iter().filter(|b| b.len().abs_diff(a.len()) <= 2) {
                for k in 0..=3 {
                    assert_eq!(within(a, b, k), osa(a, b, k), "{a:?} {b:?} {k}");
                }
            }
        }
    }

    #[test]
    fn scaled_by_length() {
        assert_eq!(max_edits(2), 0);
        assert_eq!(max_edits(3), 0);
        assert_eq!(max_edits(4), 1);
        assert_eq!(max_edits(7), 1);
        assert_eq!(max_edits(8), 2);
        assert_eq!(max_edits(30), 2);
    }
}
