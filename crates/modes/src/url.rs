//! Just enough URL handling for the modes: percent-coding of query values
//! and rewriting a path's query. Input is an app path (`/tim-kiem?q=x#top`),
//! never a full URL.

/// Decodes a query component: `+` is a space, `%XX` a byte; invalid UTF-8
/// and stray `%` are kept as they are (lossily), never an error.
pub fn decode_component(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a query component (unreserved characters kept, space as `+`).
pub fn encode_component(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `target` with the query parameters whose (decoded) key satisfies
/// `remove` taken out and `extra` (already encoded) appended. Other
/// parameters keep their order and their encoding; the fragment is kept.
pub fn rewrite(target: &str, remove: impl Fn(&str) -> bool, extra: &str) -> String {
    let (rest, fragment) = match target.find('#') {
        Some(i) => target.split_at(i),
        None => (target, ""),
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut parts: Vec<&str> = query
        .split('&')
        .filter(|kv| !kv.is_empty())
        .filter(|kv| !remove(&decode_component(kv.split('=').next().unwrap_or(""))))
        .collect();
    if !extra.is_empty() {
        parts.push(extra);
    }
    let path = if path.is_empty() { "/" } else { path };
    if parts.is_empty() {
        format!("{path}{fragment}")
    } else {
        format!("{path}?{}{fragment}", parts.join("&"))
    }
}

/// Escapes text for a double-quoted HTML attribute.
pub fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}
