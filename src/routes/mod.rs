//! One module per page.

pub mod address;
pub mod commune;
pub mod embed_builder;
pub mod fields;
pub mod home;
pub mod hotlines;
pub mod life_events;
pub mod near;
pub mod not_found;
pub mod procedure;
pub mod procedure_catalogue;
pub mod province;
pub mod report;
pub mod search;
pub mod transparency;
