//! One module per page (one URL each).

pub mod home;
pub mod lazy;
pub mod not_found;
pub mod review;

use leptos::prelude::AnyView;

/// A page as the router holds it. Every route's view has this one type, so the router's code
/// that chooses and draws a route's view is compiled once, not once per page (each page
/// component is a type of its own).
pub type Page = fn() -> AnyView;
