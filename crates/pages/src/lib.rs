//! What the app's pages compute before they show it: procedures grouped by
//! field, the hotline filter, the old-address lookup, the transparency
//! table's order, the text of an error report, the QR code of a link, counts and fees said in words,
//! each page's title and description. Pure and
//! without web-sys, so `cargo test` reaches it; the app's components only
//! display what these functions return.

pub mod address;
pub mod audit;
pub mod fields;
pub mod hotlines;
pub mod life_events;
pub mod meta;
pub mod procedure;
pub mod qr;
pub mod report;
pub mod results;
pub mod transparency;
