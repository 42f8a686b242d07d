//! One module per page.

pub mod commune;
pub mod home;
pub mod not_found;
pub mod procedure;
pub mod province;
pub mod search;
