//! The app's edge: everything that enters it from outside its own code —
//! URL query parameters and route segments, values read back from local
//! storage, and links taken from catalogue data — parsed into types here,
//! once, with no web-sys, so that it is tested and fuzzed natively
//! (`tests/fuzz_edge.rs`).
//!
//! Invariant: every function here is total. Any string, however long or
//! strange, gives a value or `None`; nothing panics (the app is built with
//! `panic = "abort"`, so a panic would kill the page). A value that is not
//! valid is ignored, never an error shown to the person.

pub mod format;
pub mod link;
pub mod prefs;
pub mod query;

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
    /// `"vi"` or `"en"`, exactly; anything else is not a language.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}
