//! The catalogue of Cửa sổ số: data model, file format, and the text helpers
//! shared by the data tool and the app. No web-sys, no Leptos: everything here
//! is tested with plain `cargo test`.

pub mod format;
pub mod geo;
pub mod handler;
pub mod lang;
pub mod model;
pub mod text;
pub mod transparency;
