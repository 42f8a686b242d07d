//! The app's edge: everything that enters it from outside its own code —
//! URL query parameters and route segments ([`Route`]), values read back from local
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

/// Every URL of the app as a typed value (the `cuaso-route` crate).
pub mod route {
    pub use cuaso_route::*;
}

pub use cuaso_route::{Lang, Route};
