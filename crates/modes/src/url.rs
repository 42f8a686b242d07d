//! Just enough URL handling for the modes: rewriting a path's query. Input
//! is an app path (`/tim-kiem?q=x#top`), never a full URL. Percent-coding is
//! `cuaso-route`'s, the app's only encoder and decoder.

use cuaso_route::decode as decode_component;

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
