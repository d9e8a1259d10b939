//! The review's questions as data: where each answer lives ([`FieldPath`], a value that
//! renders to a JSON path and to an element id).

mod path;

pub use path::*;
