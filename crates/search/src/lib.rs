//! Search over the catalogue (to be written): see `data.rs` for the input.

pub mod data;
pub mod input;
pub mod normalize;
