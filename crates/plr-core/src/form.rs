//! The review's questions as data: where each answer lives ([`FieldPath`], a value that
//! renders to a JSON path and to an element id).

mod applies;
mod path;

pub use applies::applies;
pub use path::*;
