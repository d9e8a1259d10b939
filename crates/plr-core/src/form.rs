//! The review's questions as data: each question declared once in the [`catalogue`] (label,
//! hint, kind of answer and limit, when it is asked, its missing-answer message, whether it
//! stays editable after completion), where each answer lives ([`FieldPath`], a value that
//! renders to a JSON path and to an element id), the walk over one review's questions
//! ([`spots`]), the task list's section that asks each ([`Task`]) and its answer read back
//! ([`Shown`]).

mod applies;
pub mod catalogue;
mod declare;
mod path;
mod questions;
mod shown;
mod spots;
mod task;

pub use applies::applies;
pub use catalogue::{
    declared, ActionField, Answer, AreaField, CaseField, Declared, JudgementField, Kind,
    ParticipationField, Required, StatementField, ViewsField, When,
};
pub use declare::ReadBack;
pub use path::*;
pub use questions::{questions, Question};
pub use shown::Shown;
pub use spots::{spot_list, spots, within, Spot};
pub use task::Task;
