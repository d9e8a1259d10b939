//! Where each answer lives in the review's store: for every kind of answer one function,
//! [`Answer::field`], from a question's [`FieldPath`] to the store field that holds it, and
//! [`Bound`], a question together with its field, made from one path only, so the label a
//! control shows and the field it edits can never disagree.

use chrono::NaiveDate;
use leptos::prelude::*;
use plr_core::form::{
    ActionField, AreaField, CaseField, FieldPath, JudgementField, ParticipationField, Question,
    StatementField, ViewsField, Whose,
};
use plr_core::{
    ActionKind, ActionStoreFields, CaseStoreFields, Feedback, Framework, ItemStoreFields,
    JudgementStoreFields, LegalStatus, ParticipationStoreFields, PersonStoreFields, Plr,
    PlrStoreFields, ReviewStoreFields, Role, SectionStoreFields, Views, ViewsOutcome,
    ViewsStoreFields,
};
use reactive_stores::{Field, OptionStoreExt, Store};

/// A kind of answer the form's controls edit, and where each question of that kind keeps it.
pub trait Answer: Sized + Send + Sync + 'static {
    /// The store field of `store` holding the answer at `at`; `None` when the question at
    /// `at` takes another kind of answer.
    fn field(store: Store<Plr>, at: &FieldPath) -> Option<Field<Self>>;
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
        let field =
            T::field(store, &at).expect("a control of the kind of answer its question takes");
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

impl Answer for String {
    fn field(store: Store<Plr>, at: &FieldPath) -> Option<Field<String>> {
        let (case, people, judgement) = (store.case(), store.review(), store.judgement());
        Some(match at {
            FieldPath::Case(CaseField::ChildRef) => case.child_ref().into(),
            FieldPath::Case(CaseField::Team) => case.team().into(),
            FieldPath::Case(CaseField::ReviewerName) => people.reviewer().name().into(),
            FieldPath::Case(CaseField::PractitionerName) => people.practitioner().name().into(),
            FieldPath::Statement {
                area,
                statement,
                field: StatementField::Note,
            } => store
                .sections()
                .at_key(area.0.clone())
                .items()
                .at_key(statement.0.clone())
                .note()
                .into(),
            FieldPath::Area { area, field } => {
                let section = store.sections().at_key(area.0.clone());
                match field {
                    AreaField::PractitionerReflection => section.practitioner_reflection().into(),
                    AreaField::ReviewerEvaluation => section.reviewer_evaluation().into(),
                }
            }
            FieldPath::Judgement(field) => match field {
                JudgementField::ImpactOnChild => judgement.impact_on_child().into(),
                JudgementField::Rationale => judgement.rationale().into(),
                JudgementField::ImmediateConcernDetails => {
                    judgement.immediate_concern_details().into()
                }
                JudgementField::ConcernSharedWith => judgement.concern_shared_with().into(),
                _ => return None,
            },
            FieldPath::Action { id, field } => {
                let action = store.actions().at_key(id.clone());
                match field {
                    ActionField::Description => action.description().into(),
                    ActionField::Owner => action.owner().into(),
                    ActionField::ProgressNote => action.progress_note().into(),
                    _ => return None,
                }
            }
            _ => return None,
        })
    }
}

impl Answer for Option<bool> {
    fn field(store: Store<Plr>, at: &FieldPath) -> Option<Field<Option<bool>>> {
        let (case, participation) = (store.case(), store.participation());
        Some(match at {
            FieldPath::Case(CaseField::ChildAged4OrOver) => case.child_aged_4_or_over().into(),
            FieldPath::Case(CaseField::IroOrCpChairAllocated) => {
                case.iro_or_cp_chair_allocated().into()
            }
            FieldPath::Participation(field) => match *field {
                ParticipationField::SocialWorker => participation.social_worker().into(),
                ParticipationField::TeamManager => participation.team_manager().into(),
                ParticipationField::IroOrCpChair => participation.iro_or_cp_chair().into(),
                ParticipationField::Views(whose, ViewsField::SocialWorkerConsulted) => {
                    views(store, whose).social_worker_consulted().into()
                }
                ParticipationField::Views(whose, ViewsField::PersistentAttempts) => {
                    views(store, whose).persistent_attempts().into()
                }
                ParticipationField::Views(..) => return None,
            },
            _ => return None,
        })
    }
}

impl Answer for Option<NaiveDate> {
    fn field(store: Store<Plr>, at: &FieldPath) -> Option<Field<Option<NaiveDate>>> {
        Some(match at {
            FieldPath::Case(CaseField::ReviewDate) => store.review().date().into(),
            FieldPath::Action { id, field } => {
                let action = store.actions().at_key(id.clone());
                match field {
                    ActionField::DueOn => action.due_on().into(),
                    ActionField::CompletedOn => action.completed_on().into(),
                    ActionField::TransferredOn => action.transferred_on().into(),
                    _ => return None,
                }
            }
            _ => return None,
        })
    }
}

impl Answer for Option<LegalStatus> {
    fn field(store: Store<Plr>, at: &FieldPath) -> Option<Field<Self>> {
        matches!(at, FieldPath::Case(CaseField::LegalStatus))
            .then(|| store.case().legal_status().into())
    }
}

impl Answer for Option<Role> {
    fn field(store: Store<Plr>, at: &FieldPath) -> Option<Field<Self>> {
        let people = store.review();
        match at {
            FieldPath::Case(CaseField::ReviewerRole) => Some(people.reviewer().role().into()),
            FieldPath::Case(CaseField::PractitionerRole) => {
                Some(people.practitioner().role().into())
            }
            _ => None,
        }
    }
}

impl Answer for Option<ViewsOutcome> {
    fn field(store: Store<Plr>, at: &FieldPath) -> Option<Field<Self>> {
        match at {
            FieldPath::Participation(ParticipationField::Views(whose, ViewsField::Views)) => {
                Some(views(store, *whose).views().into())
            }
            _ => None,
        }
    }
}

impl Answer for Option<Feedback> {
    fn field(store: Store<Plr>, at: &FieldPath) -> Option<Field<Self>> {
        match at {
            FieldPath::Participation(ParticipationField::Views(whose, ViewsField::Feedback)) => {
                Some(views(store, *whose).feedback().into())
            }
            _ => None,
        }
    }
}

impl Answer for Option<ActionKind> {
    fn field(store: Store<Plr>, at: &FieldPath) -> Option<Field<Self>> {
        match at {
            FieldPath::Action {
                id,
                field: ActionField::Kind,
            } => Some(store.actions().at_key(id.clone()).kind().into()),
            _ => None,
        }
    }
}
