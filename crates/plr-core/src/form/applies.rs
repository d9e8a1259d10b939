//! When a question is asked (its row's `asked`, [`super::catalogue::When`]). The pages show a
//! question, the completion check asks for it and the check-answers page lists it exactly
//! when [`applies`] says so.

use super::FieldPath;
use crate::model::{Grade, Plr};

/// Whether the question at `field` is asked of `plr` as it is now, given the suggested grade
/// `suggested` (the rationale is asked only for a final grade that differs from it). A
/// question about a list item `plr` does not hold (an area, statement or action) is not.
pub fn applies(field: &FieldPath, plr: &Plr, suggested: Option<Grade>) -> bool {
    field
        .spot(plr)
        .is_some_and(|spot| spot.applies(plr, suggested))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::completion::tests::complete_plr;
    use crate::form::{
        ActionField, CaseField, JudgementField, ParticipationField, ViewsField, Whose,
    };
    use crate::model::{Action, ActionStatus, Views, ViewsOutcome};

    #[test]
    fn follow_up_questions_apply_only_after_the_answer_they_follow() {
        let mut plr = complete_plr();
        let iro = FieldPath::Participation(ParticipationField::IroOrCpChair);
        assert!(!applies(&iro, &plr, None));
        plr.case.iro_or_cp_chair_allocated = Some(true);
        assert!(applies(&iro, &plr, None));

        let child = |field| FieldPath::Views {
            whose: Whose::Child,
            field,
        };
        plr.participation.child = Some(Views {
            views: Some(ViewsOutcome::Unreachable),
            ..Default::default()
        });
        assert!(!applies(&child(ViewsField::Views), &plr, None));
        plr.case.child_aged_4_or_over = Some(true);
        assert!(applies(&child(ViewsField::Views), &plr, None));
        assert!(applies(&child(ViewsField::PersistentAttempts), &plr, None));
        assert!(!applies(&child(ViewsField::Feedback), &plr, None));

        let rationale = FieldPath::Judgement(JudgementField::Rationale);
        assert!(!applies(&rationale, &plr, Some(Grade::Outstanding)));
        assert!(applies(&rationale, &plr, Some(Grade::Good)));
        let details = FieldPath::Judgement(JudgementField::ImmediateConcernDetails);
        assert!(!applies(&details, &plr, None));
        plr.judgement.immediate_concern = true;
        assert!(applies(&details, &plr, None));

        let mut action = Action::new_after(&plr.actions);
        let done = FieldPath::Action {
            id: action.id.clone(),
            field: ActionField::CompletedOn,
        };
        assert!(!applies(&done, &plr, None));
        action.status = ActionStatus::Completed;
        plr.actions.push(action);
        assert!(applies(&done, &plr, None));
        assert!(applies(&FieldPath::Case(CaseField::Team), &plr, None));
    }
}
