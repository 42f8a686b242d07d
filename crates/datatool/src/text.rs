//! Text helpers of the data tool. Names are compared with the project's one
//! normaliser, [`cuaso_catalogue::text`] (`canonical` across sources, `fold`
//! for accent-free matching).

/// Collapses runs of whitespace to one space and trims.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
