//! What the app's pages compute before they show it: procedures grouped by
//! field, the hotline filter, the old-address lookup, the transparency
//! table's order, the QR code of a link, counts said in words. Pure and
//! without web-sys, so `cargo test` reaches it; the app's components only
//! display what these functions return.

pub mod address;
pub mod fields;
pub mod hotlines;
pub mod procedure;
pub mod qr;
pub mod transparency;
