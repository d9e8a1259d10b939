use super::*;
use crate::form::{ActionField, StatementField};
use crate::model::{
    Action, ActionKind, ActionStatus, AreaId, Moderation, ModerationEffect, PlrId, Rating,
    StatementId,
};
use chrono::{DateTime, Duration, Utc};

fn f() -> &'static Framework {
    Framework::practice_fundamentals()
}

fn now() -> DateTime<Utc> {
    "2026-11-20T10:40:02Z".parse().unwrap()
}

fn draft() -> Plr {
    Plr::new_draft(PlrId(uuid::Uuid::nil()), now(), f())
}

fn action(id: &str, description: &str) -> Action {
    Action {
        id: id.into(),
        kind: Some(ActionKind::Other),
        description: description.into(),
        owner: "A. Patel".into(),
        due_on: None,
        status: ActionStatus::Open,
        completed_on: None,
        progress_note: String::new(),
        transferred_on: None,
        updated_on: None,
    }
}

#[test]
fn a_review_merged_with_itself_is_unchanged_and_asks_nothing() {
    let mut plr = draft();
    plr.sections[0].items[0].rating = Some(Rating::Met);
    plr.actions.push(action("a1", "Update the plan"));
    crate::derived::recompute_derived(&mut plr, f());
    let merged = merge(&plr, &plr, f()).unwrap();
    assert!(merged.conflicts().is_empty());
    assert_eq!(merged.resolve(&[], f()).unwrap(), plr);
}

#[test]
fn what_one_side_filled_is_taken_from_either_side() {
    let (mut reviewer, mut practitioner) = (draft(), draft());
    reviewer.sections[0].items[0].rating = Some(Rating::NotMet);
    reviewer.case.team = "Stroud Safeguarding".into();
    reviewer.updated_at = now() + Duration::minutes(5);
    practitioner.sections[1].practitioner_reflection = "I learnt to record visits.".into();
    practitioner.updated_at = now() + Duration::minutes(9);
    let merged = merge(&reviewer, &practitioner, f()).unwrap();
    assert_eq!(merged.conflicts(), []);
    let plr = merged.resolve(&[], f()).unwrap();
    assert_eq!(plr.sections[0].items[0].rating, Some(Rating::NotMet));
    assert_eq!(plr.case.team, "Stroud Safeguarding");
    assert_eq!(
        plr.sections[1].practitioner_reflection,
        "I learnt to record visits."
    );
    assert_eq!(plr.updated_at, now() + Duration::minutes(9), "the later");
    assert_eq!(
        plr.judgement.suggested.points, 0,
        "the suggestion is recomputed"
    );
    assert_ne!(plr.judgement.suggested, draft().judgement.suggested);
}

#[test]
fn differing_fields_are_named_by_their_question_and_resolved_one_by_one() {
    let (mut ours, mut theirs) = (draft(), draft());
    ours.sections[0].items[3].note = "Supervision monthly".into();
    theirs.sections[0].items[3].note = "Supervision every six weeks".into();
    ours.sections[0].items[3].rating = Some(Rating::Met);
    theirs.sections[0].items[3].rating = Some(Rating::PartlyMet);
    ours.judgement.impact_on_child = "Settled at school".into();
    theirs.judgement.impact_on_child = "Attends school again".into();
    let merged = merge(&ours, &theirs, f()).unwrap();
    let statement = |field| FieldPath::Statement {
        area: AreaId(ours.sections[0].id.0.clone()),
        statement: StatementId(ours.sections[0].items[3].id.0.clone()),
        field,
    };
    let c = merged.conflicts();
    assert_eq!(c.len(), 3);
    assert_eq!(c[0].field, Some(statement(StatementField::Rating)));
    assert!(c[0].label.starts_with("SM4 "), "{}", c[0].label);
    assert_eq!(
        (merged.shown(0, Side::Ours), merged.shown(0, Side::Theirs)),
        (Shown::Choice("Met"), Shown::Choice("Partly met"))
    );
    assert_eq!(c[1].field, Some(statement(StatementField::Note)));
    assert_eq!(c[1].label, "Statement SM4: Evidence (optional)");
    assert_eq!(c[1].path, "sections[0].items[3].note");
    assert_eq!(c[2].label, "Impact on the child");

    assert_eq!(
        merged.resolve(&[Some(Side::Theirs), None, None], f()),
        Err(MergeError::Unchosen(vec![1, 2]))
    );
    let plr = merged
        .resolve(
            &[Some(Side::Theirs), Some(Side::Ours), Some(Side::Theirs)],
            f(),
        )
        .unwrap();
    let item = &plr.sections[0].items[3];
    assert_eq!(item.rating, Some(Rating::PartlyMet));
    assert_eq!(item.note, "Supervision monthly");
    assert_eq!(plr.judgement.impact_on_child, "Attends school again");
    assert_eq!(
        merged.resolve_all(Side::Theirs, f()).unwrap().sections[0].items[3].note,
        "Supervision every six weeks"
    );
}

#[test]
fn actions_are_matched_by_id_and_one_sided_actions_are_taken_in_either_order() {
    let (mut ours, mut theirs) = (draft(), draft());
    ours.actions = vec![action("a1", "Update the plan"), action("a2", "Visit")];
    theirs.actions = vec![action("a3", "Family time review"), action("a1", "")];
    theirs.actions[1].owner = "B. Jones".into();
    let merged = merge(&ours, &theirs, f()).unwrap();
    let c = merged.conflicts();
    assert_eq!(c.len(), 1);
    assert_eq!(
        c[0].field,
        Some(FieldPath::Action {
            id: "a1".into(),
            field: ActionField::Owner
        })
    );
    assert_eq!(c[0].label, "Action a1: Who will do it");
    let one = merged.resolve(&[Some(Side::Ours)], f()).unwrap();
    let ids: Vec<&str> = one.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a3", "a1", "a2"]);
    assert_eq!(one.actions[1].description, "Update the plan");
    let other = merge(&theirs, &ours, f())
        .unwrap()
        .resolve(&[Some(Side::Theirs)], f())
        .unwrap();
    assert_eq!(one, other);
}

#[test]
fn a_field_no_question_asks_is_named_by_where_it_is() {
    let moderation = |comments: &str| Moderation {
        moderator: "C. Moderator".into(),
        moderated_at: now(),
        grade: Grade::Good,
        effect: ModerationEffect::Agreed,
        comments: comments.into(),
    };
    let (mut ours, mut theirs) = (draft(), draft());
    ours.moderation = Some(moderation("Well evidenced"));
    theirs.moderation = Some(moderation("Clear"));
    let merged = merge(&ours, &theirs, f()).unwrap();
    assert_eq!(merged.conflicts().len(), 1);
    assert_eq!(merged.conflicts()[0].label, "Moderation: comments");
    assert_eq!(merged.conflicts()[0].field, None);
}

#[test]
fn two_different_reviews_are_not_merged() {
    let mut other = draft();
    other.id = PlrId(uuid::Uuid::from_u128(7));
    assert_eq!(
        merge(&draft(), &other, f()),
        Err(MergeError::DifferentReviews)
    );
}

#[test]
fn two_copies_with_different_ambassadors_findings_name_the_finding() {
    let review = |relationship: bool| crate::model::AmbassadorsReview {
        reviewed_on: chrono::NaiveDate::from_ymd_opt(2022, 7, 26).unwrap(),
        by: "GCC Ambassadors".into(),
        relationship,
        child_focused_summary: true,
        childs_views: true,
        about_the_child: true,
        language_and_decisions: true,
        comments: String::new(),
    };
    let (mut ours, mut theirs) = (draft(), draft());
    ours.ambassadors_review = Some(review(true));
    theirs.ambassadors_review = Some(review(false));
    let merged = merge(&ours, &theirs, f()).unwrap();
    let labels: Vec<&str> = merged
        .conflicts()
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(
        labels,
        ["Ambassadors' review: Relationship between worker and child"]
    );
    // One copy only: taken, not a conflict.
    theirs.ambassadors_review = None;
    let one = merge(&ours, &theirs, f())
        .unwrap()
        .resolve(&[], f())
        .unwrap();
    assert_eq!(one.ambassadors_review, Some(review(true)));
}
