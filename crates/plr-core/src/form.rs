//! The review's questions as data, in one place: where each answer lives ([`FieldPath`], a
//! value that renders to a JSON path and to an element id), every question with its task,
//! label, hint and limit ([`questions`]), the task list's section that asks it ([`Task`]), and
//! when each is asked ([`applies`]).

mod applies;
mod path;
mod questions;
mod required;
mod shown;
mod spots;
mod task;

pub use applies::applies;
pub use path::*;
pub use questions::{questions, Question};
pub use shown::Shown;
pub use spots::{spot_list, spots, within, Spot};
pub use task::Task;
