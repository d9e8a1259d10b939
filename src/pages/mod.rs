//! One module per page (one URL each).

pub mod home;
pub mod not_found;
pub mod review;
