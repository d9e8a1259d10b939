//! Where each answer lives in the review's store: [`field`], from a question's [`FieldPath`] to
//! the store field that holds its answer, made from the catalogue's own list of questions
//! ([`plr_core::review_questions`]: the place in the model each entry names is the chain of
//! store fields here), and [`Bound`], a question together with its field, made from one path
//! only, so the label a control shows and the field it edits can never disagree.

use std::any::Any;

use leptos::prelude::*;
use plr_core::form::{FieldPath, Question, Whose};
use plr_core::{
    ActionStoreFields, CaseStoreFields, Framework, ItemStoreFields, JudgementStoreFields,
    ParticipationStoreFields, PersonStoreFields, Plr, PlrStoreFields, ReviewStoreFields,
    SectionStoreFields, Views, ViewsStoreFields,
};
use reactive_stores::{Field, OptionStoreExt, Store};

/// A kind of answer the form's controls edit (any type a store field holds).
pub trait Answer: Send + Sync + 'static {}

impl<T: Send + Sync + 'static> Answer for T {}

/// The questions of one part of the review, and the store fields of their answers.
trait Stored: Copy {
    /// The part of the review holding their answers.
    type Of: Send + Sync + 'static;

    /// The store field of this question's answer within `of`, when it is a `T`.
    fn field<T: Answer>(self, of: Field<Self::Of>) -> Option<Field<T>>;
}

/// `field` as a field of `T`, when its answer is one.
fn answer_of<A: Answer, T: Answer>(field: Field<A>) -> Option<Field<T>> {
    (&field as &dyn Any).downcast_ref::<Field<T>>().copied()
}

/// For each group of the list: each question's store field, reached through the names of the
/// place in the model its entry declares.
macro_rules! stored {
    ($(
        $(#[$meta:meta])*
        pub enum $enum:ident of $root:ty {
            $(
                $(#[$vmeta:meta])*
                $variant:ident: $first:ident $(. $rest:ident)* { $($row:tt)* }
            ),* $(,)?
        }
    )*) => {$(
        impl Stored for plr_core::form::$enum {
            type Of = $root;

            fn field<T: Answer>(self, of: Field<$root>) -> Option<Field<T>> {
                match self {
                    $(Self::$variant => answer_of(Field::from(of.$first()$(.$rest())*)),)*
                }
            }
        }
    )*};
}

plr_core::review_questions!(stored);

/// The store field of `store` holding the answer at `at`; `None` when the question at `at`
/// takes another kind of answer than `T` (or is the list of actions itself).
pub fn field<T: Answer>(store: Store<Plr>, at: &FieldPath) -> Option<Field<T>> {
    match at {
        FieldPath::Case(field) => field.field(store.into()),
        FieldPath::Participation(field) => field.field(store.participation().into()),
        FieldPath::Views { whose, field } => field.field(views(store, *whose)),
        FieldPath::Statement {
            area,
            statement,
            field,
        } => field.field(
            store
                .sections()
                .at_key(area.0.clone())
                .items()
                .at_key(statement.0.clone())
                .into(),
        ),
        FieldPath::Area { area, field } => {
            field.field(store.sections().at_key(area.0.clone()).into())
        }
        FieldPath::Judgement(field) => field.field(store.judgement().into()),
        FieldPath::Actions => None,
        FieldPath::Action { id, field } => field.field(store.actions().at_key(id.clone()).into()),
    }
}

/// A question and the store field that holds its answer, made from one [`FieldPath`].
#[derive(Clone)]
pub struct Bound<T: Send + Sync + 'static> {
    question: Question,
    field: Field<T>,
}

impl<T: Answer> Bound<T> {
    /// The question at `at` of the review in `store`, as `framework` asks it, with its field.
    /// Panics when the question does not take a `T` (a page asking it with the wrong
    /// control): every page is drawn by the end-to-end tests.
    pub fn new(store: Store<Plr>, framework: &Framework, at: FieldPath) -> Self {
        let field = field(store, &at).expect("a control of the kind of answer its question takes");
        let question = store
            .with_untracked(|plr| Question::of(&at, plr, framework))
            .unwrap_or(Question {
                field: at,
                label: String::new(),
                hint: None,
                limit: None,
            });
        Bound { question, field }
    }
}

impl<T: Send + Sync + 'static> Bound<T> {
    /// The question and the field, for a control to draw and edit.
    pub fn parts(self) -> (Question, Field<T>) {
        (self.question, self.field)
    }
}

/// The views of `whose` (asked only while the review holds them).
pub fn views(store: Store<Plr>, whose: Whose) -> Field<Views> {
    let participation = store.participation();
    match whose {
        Whose::Child => participation.child().unwrap().into(),
        Whose::ParentCarer => participation.parent_carer().unwrap().into(),
    }
}
